import type { PairingMode } from '../assignment';

export interface BMatchingProblem {
  /** rows × cols, row-major, higher = better. */
  scores: Float64Array;
  rows: number;
  cols: number;
  /** 1 = the pair may be made. */
  allowed: Uint8Array;
  rowCapacity: Int32Array;
  colCapacity: Int32Array;
}

/**
 * Optimal many-to-many matching with capacities on both sides and each pair made at most once,
 * as a min-cost flow (source → row → column → sink) solved by successive shortest paths with
 * Dijkstra on reduced costs. Used when both sides of some pair take more than one partner: repeated
 * slots in the assignment solver could then pair the same two people twice.
 *
 * Each augmentation is a cheapest path, so after k augmentations the flow is the best with k pairs;
 * `most-paired` augments until no path is left, `best-fit` stops once a path would lower the total.
 */
export function solveBMatching(p: BMatchingProblem, mode: PairingMode): [number, number][] {
  const { rows, cols } = p;
  const source = rows + cols;
  const sink = source + 1;
  const n = sink + 1;
  // Residual state: pair edges row→col with flow 0/1; source→row and col→sink carry used counts.
  const used = new Uint8Array(rows * cols);
  const rowLoad = new Int32Array(rows);
  const colLoad = new Int32Array(cols);
  // Potentials keep reduced costs ≥ 0; costs are -score, so start rows at 0 and columns at min(-score).
  const potential = new Float64Array(n);
  for (let j = 0; j < cols; j++) {
    let best = Infinity;
    for (let i = 0; i < rows; i++) if (p.allowed[i * cols + j]) best = Math.min(best, -p.scores[i * cols + j]!);
    potential[rows + j] = best === Infinity ? 0 : best;
  }
  let sinkPotential = Infinity;
  for (let j = 0; j < cols; j++) sinkPotential = Math.min(sinkPotential, potential[rows + j]!);
  potential[sink] = sinkPotential === Infinity ? 0 : sinkPotential;

  const distance = new Float64Array(n);
  const previous = new Int32Array(n);
  const done = new Uint8Array(n);
  const cost = (i: number, j: number) => -p.scores[i * cols + j]!;

  for (;;) {
    distance.fill(Infinity);
    previous.fill(-1);
    done.fill(0);
    distance[source] = 0;
    // Dense Dijkstra: the graph is nearly complete bipartite, so O(V²) per path beats a heap.
    for (;;) {
      let u = -1;
      let best = Infinity;
      for (let v = 0; v < n; v++) {
        if (!done[v] && distance[v]! < best) {
          best = distance[v]!;
          u = v;
        }
      }
      if (u === -1 || u === sink) break;
      done[u] = 1;
      const relax = (v: number, edgeCost: number) => {
        const d = distance[u]! + edgeCost + potential[u]! - potential[v]!;
        if (d < distance[v]! - 1e-12) {
          distance[v] = d;
          previous[v] = u;
        }
      };
      if (u === source) {
        for (let i = 0; i < rows; i++) if (rowLoad[i]! < p.rowCapacity[i]!) relax(i, 0);
      } else if (u < rows) {
        for (let j = 0; j < cols; j++) if (p.allowed[u * cols + j] && !used[u * cols + j]) relax(rows + j, cost(u, j));
      } else {
        const j = u - rows;
        if (colLoad[j]! < p.colCapacity[j]!) relax(sink, 0);
        // Backward along used pair edges: undo pairing (i, j) to reroute.
        for (let i = 0; i < rows; i++) if (used[i * cols + j]) relax(i, -cost(i, j));
        // Backward source edge for rows is never needed: a row is reached only from the source or a column.
      }
    }
    if (distance[sink] === Infinity) break;
    const pathCost = distance[sink]! + potential[sink]! - potential[source]!;
    if (mode === 'best-fit' && pathCost >= -1e-9) break;
    for (let v = 0; v < n; v++) if (distance[v] !== Infinity) potential[v] = potential[v]! + distance[v]!;
    // Walk the path back and flip its edges.
    let v = sink;
    while (v !== source) {
      const u = previous[v]!;
      if (u === source) rowLoad[v]! += 1;
      else if (v === sink) colLoad[u - rows]! += 1;
      else if (u < rows) used[u * cols + (v - rows)] = 1;
      else used[v * cols + (u - rows)] = 0;
      v = u;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (used[i * cols + j]) pairs.push([i, j]);
  return pairs;
}
