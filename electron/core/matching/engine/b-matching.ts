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
 * Dijkstra on reduced costs (Johnson potentials). Used when both sides of some pair take more than
 * one partner: repeated slots in the assignment solver could then pair the same two people twice.
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
  // The rows each column is paired with: the backward edges, without scanning every row.
  const partnersOf: number[][] = Array.from({ length: cols }, () => []);
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
  const queue = new MinQueue();

  for (;;) {
    distance.fill(Infinity);
    previous.fill(-1);
    done.fill(0);
    distance[source] = 0;
    queue.clear();
    queue.push(0, source);
    // Dijkstra with a heap: the search usually reaches the sink after a few nodes, so scanning every
    // node for the next one (dense Dijkstra) would cost far more than it saves.
    while (queue.size > 0) {
      const u = queue.pop();
      if (done[u]) continue;
      // Stopping at the sink is safe only because the potentials below are capped at its distance.
      if (u === sink) break;
      done[u] = 1;
      const base = distance[u]! + potential[u]!;
      const relax = (v: number, edgeCost: number) => {
        const d = base + edgeCost - potential[v]!;
        if (d < distance[v]! - 1e-12) {
          distance[v] = d;
          previous[v] = u;
          queue.push(d, v);
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
        for (const i of partnersOf[j]!) relax(i, -cost(i, j));
        // Backward source edge for rows is never needed: a row is reached only from the source or a column.
      }
    }
    if (distance[sink] === Infinity) break;
    const pathCost = distance[sink]! + potential[sink]! - potential[source]!;
    if (mode === 'best-fit' && pathCost >= -1e-9) break;
    // Johnson's update capped at the sink's distance: nodes not finalised (tentative or unreached
    // distances) all move by exactly distance[sink], which keeps every residual reduced cost ≥ 0.
    // Adding a tentative distance instead breaks that and the later paths are no longer cheapest.
    const reach = distance[sink]!;
    for (let v = 0; v < n; v++) potential[v] = potential[v]! + (done[v] ? distance[v]! : reach);
    // Walk the path back and flip its edges.
    let v = sink;
    while (v !== source) {
      const u = previous[v]!;
      if (u === source) rowLoad[v]! += 1;
      else if (v === sink) colLoad[u - rows]! += 1;
      else if (u < rows) {
        used[u * cols + (v - rows)] = 1;
        partnersOf[v - rows]!.push(u);
      } else {
        used[v * cols + (u - rows)] = 0;
        partnersOf[u - rows]!.splice(partnersOf[u - rows]!.indexOf(v), 1);
      }
      v = u;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (used[i * cols + j]) pairs.push([i, j]);
  return pairs;
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped by the caller. */
class MinQueue {
  private keys = new Float64Array(64);
  private nodes = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const nodes = new Int32Array(this.size * 2);
      keys.set(this.keys);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[k] = this.keys[parent]!;
      this.nodes[k] = this.nodes[parent]!;
      k = parent;
    }
    this.keys[k] = key;
    this.nodes[k] = node;
  }

  /** Removes and returns the node with the smallest key (the same pushes always give the same order). */
  pop(): number {
    const top = this.nodes[0]!;
    const key = this.keys[--this.size]!;
    const node = this.nodes[this.size]!;
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child += 1;
      if (this.keys[child]! >= key) break;
      this.keys[k] = this.keys[child]!;
      this.nodes[k] = this.nodes[child]!;
      k = child;
    }
    this.keys[k] = key;
    this.nodes[k] = node;
    return top;
  }
}
