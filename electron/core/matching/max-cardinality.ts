/**
 * Which rows and columns a maximum-cardinality matching must use, found from one maximum matching
 * (Hopcroft–Karp) and the Dulmage–Mendelsohn / König argument:
 *
 * Let `flexibleRows` be the rows reachable from an unmatched row by an alternating path, and
 * `scarceCols` their allowed columns. The König cover (other rows) ∪ scarceCols has exactly one
 * endpoint of every edge of ANY maximum matching, so every maximum matching is exactly
 *   - a matching of all scarceCols into flexibleRows, plus
 *   - a matching of all other rows (`coveredRows`) into the other columns (`otherCols`),
 * and any such pair is a maximum matching. Cheapest-among-maximum therefore splits into two
 * assignment problems where one side is always fully assigned: no penalty constant is needed.
 */
export interface CoverageSplit {
  readonly flexibleRows: Int32Array;
  readonly scarceCols: Int32Array;
  readonly coveredRows: Int32Array;
  readonly otherCols: Int32Array;
}

interface Adjacency {
  readonly start: Int32Array;
  readonly cols: Int32Array;
}

export function splitByCoverage(allowed: Uint8Array, rows: number, cols: number): CoverageSplit {
  const adjacency = toAdjacency(allowed, rows, cols);
  const { colForRow, rowForCol } = maximumMatching(adjacency, rows, cols);

  const rowReached = new Uint8Array(rows);
  const colReached = new Uint8Array(cols);
  const queue = new Int32Array(rows);
  let tail = 0;
  for (let i = 0; i < rows; i++) {
    if (colForRow[i] === -1) {
      rowReached[i] = 1;
      queue[tail++] = i;
    }
  }
  for (let head = 0; head < tail; head++) {
    const row = queue[head]!;
    for (let k = adjacency.start[row]!; k < adjacency.start[row + 1]!; k++) {
      const col = adjacency.cols[k]!;
      if (colReached[col] === 1) continue;
      colReached[col] = 1;
      // Maximum matching: a column reached this way is matched, or there would be an augmenting path.
      const mate = rowForCol[col]!;
      if (rowReached[mate] === 0) {
        rowReached[mate] = 1;
        queue[tail++] = mate;
      }
    }
  }
  return {
    flexibleRows: indicesWhere(rowReached, 1),
    scarceCols: indicesWhere(colReached, 1),
    coveredRows: indicesWhere(rowReached, 0),
    otherCols: indicesWhere(colReached, 0),
  };
}

function toAdjacency(allowed: Uint8Array, rows: number, cols: number): Adjacency {
  const start = new Int32Array(rows + 1);
  let edges = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) edges += allowed[i * cols + j]!;
    start[i + 1] = edges;
  }
  const adjacent = new Int32Array(edges);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) if (allowed[i * cols + j] === 1) adjacent[k++] = j;
  }
  return { start, cols: adjacent };
}

/** Hopcroft–Karp, O(E·√V): BFS layers from the free rows, then vertex-disjoint DFS augmentations. */
function maximumMatching({ start, cols: adjacent }: Adjacency, rows: number, cols: number) {
  const colForRow = new Int32Array(rows).fill(-1);
  const rowForCol = new Int32Array(cols).fill(-1);
  for (let i = 0; i < rows; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = adjacent[k]!;
      if (rowForCol[j] === -1) {
        rowForCol[j] = i;
        colForRow[i] = j;
        break;
      }
    }
  }

  const layer = new Int32Array(rows);
  const queue = new Int32Array(rows);
  const nextEdge = new Int32Array(rows);
  const stack = new Int32Array(rows);
  const UNREACHED = -1;
  for (;;) {
    let tail = 0;
    for (let i = 0; i < rows; i++) {
      layer[i] = colForRow[i] === -1 ? 0 : UNREACHED;
      if (colForRow[i] === -1) queue[tail++] = i;
    }
    let foundFreeCol = false;
    for (let head = 0; head < tail; head++) {
      const row = queue[head]!;
      for (let k = start[row]!; k < start[row + 1]!; k++) {
        const mate = rowForCol[adjacent[k]!]!;
        if (mate === -1) foundFreeCol = true;
        else if (layer[mate] === UNREACHED) {
          layer[mate] = layer[row]! + 1;
          queue[tail++] = mate;
        }
      }
    }
    if (!foundFreeCol) return { colForRow, rowForCol };

    nextEdge.set(start.subarray(0, rows));
    for (let root = 0; root < rows; root++) {
      if (colForRow[root] !== -1) continue;
      let depth = 0;
      stack[depth++] = root;
      while (depth > 0) {
        const row = stack[depth - 1]!;
        if (nextEdge[row] === start[row + 1]) {
          layer[row] = UNREACHED; // dead end for the rest of this phase
          depth--;
          continue;
        }
        const col = adjacent[nextEdge[row]!]!;
        nextEdge[row] = nextEdge[row]! + 1;
        const mate = rowForCol[col]!;
        if (mate === -1) {
          // Augment: each row on the stack takes the column it explored; its old column passes down.
          let passed = col;
          for (let d = depth - 1; d >= 0; d--) {
            const r = stack[d]!;
            const previous = colForRow[r]!;
            colForRow[r] = passed;
            rowForCol[passed] = r;
            passed = previous;
          }
          break;
        }
        if (layer[mate] === layer[row]! + 1) stack[depth++] = mate;
      }
    }
  }
}

function indicesWhere(flags: Uint8Array, value: number): Int32Array {
  let count = 0;
  for (const flag of flags) if (flag === value) count++;
  const indices = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === value) indices[k++] = i;
  return indices;
}
