/**
 * Independent references for medium sizes, written the textbook way with no shared code:
 * successive shortest paths with Bellman–Ford on the residual graph (handles negative costs), and the
 * classic O(n²m) Hungarian algorithm for complete rectangular matrices.
 */

interface Edge {
  to: number;
  capacity: number;
  cost: number;
}

/**
 * Min-cost flow from rows to columns, one unit per usable cell. `stopWhenNotNegative`: stop as soon as
 * the cheapest augmenting path no longer lowers the cost (min cost over all flow sizes); otherwise
 * push as much flow as possible (min cost among maximum flows). Each row and column takes one unit
 * unless `capacity` says how many.
 */
export function minCostFlow(
  rows: number,
  cols: number,
  cost: (row: number, col: number) => number | undefined,
  stopWhenNotNegative: boolean,
  capacity?: { rows: readonly number[]; cols: readonly number[] },
): { flow: number; cost: number } {
  const source = rows + cols;
  const sink = source + 1;
  const edges: Edge[] = [];
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  const addEdge = (from: number, to: number, c: number, units = 1) => {
    out[from]!.push(edges.length);
    edges.push({ to, capacity: units, cost: c });
    out[to]!.push(edges.length);
    edges.push({ to: from, capacity: 0, cost: -c });
  };
  for (let i = 0; i < rows; i++) addEdge(source, i, 0, capacity?.rows[i] ?? 1);
  for (let j = 0; j < cols; j++) addEdge(rows + j, sink, 0, capacity?.cols[j] ?? 1);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const c = cost(i, j);
      if (c !== undefined) addEdge(i, rows + j, c);
    }
  }

  let flow = 0;
  let total = 0;
  for (;;) {
    const distance = new Array<number>(sink + 1).fill(Infinity);
    const via = new Array<number>(sink + 1).fill(-1);
    distance[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let node = 0; node <= sink; node++) {
        if (distance[node] === Infinity) continue;
        for (const e of out[node]!) {
          const edge = edges[e]!;
          if (edge.capacity > 0 && distance[node]! + edge.cost < distance[edge.to]!) {
            distance[edge.to] = distance[node]! + edge.cost;
            via[edge.to] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (distance[sink] === Infinity || (stopWhenNotNegative && distance[sink]! >= 0)) return { flow, cost: total };
    for (let node = sink; node !== source; ) {
      const e = via[node]!;
      edges[e]!.capacity -= 1;
      edges[e ^ 1]!.capacity += 1;
      node = edges[e ^ 1]!.to;
    }
    flow += 1;
    total += distance[sink]!;
  }
}

/** Minimum total of a complete assignment of every row, for rows ≤ cols (e-maxx formulation). */
export function hungarianMinimum(costs: number[][]): number {
  const n = costs.length;
  const m = costs[0]?.length ?? 0;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = costs[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= m; j++) if (p[j] !== 0) total += costs[p[j]! - 1]![j - 1]!;
  return total;
}
