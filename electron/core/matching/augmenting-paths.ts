/**
 * Minimum-cost assignment by Jonker–Volgenant: column reduction (square problems), augmenting row
 * reduction, then Dijkstra-style shortest augmenting paths over reduced costs (the Hungarian method with
 * potentials). O(rows² · cols) worst case.
 * Every row gets a column or, when `sitOutCost` is finite, its own private "sit out" column of that cost.
 *
 * `cost` is row-major; a forbidden cell holds +Infinity, which never lowers a tentative distance, so
 * forbidden cells are excluded from the search itself rather than priced with a big number. With
 * `sitOutCost = Infinity` every row must get a real column: the caller guarantees that is possible.
 *
 * Deterministic: columns are scanned in index order and the first minimum wins, except that a free
 * column beats a taken one at equal distance (it ends the search) and a real column beats sitting out.
 * Returns the column of each row, -1 for a row that sits out.
 */
export function assignRows(cost: Float64Array, rows: number, cols: number, sitOutCost: number): Int32Array {
  const state: SolverState = {
    cost,
    cols,
    sitOutCost,
    colForRow: new Int32Array(rows).fill(-1),
    rowForCol: new Int32Array(cols).fill(-1),
    u: new Float64Array(rows),
    v: new Float64Array(cols),
    distance: new Float64Array(cols).fill(Infinity),
    reachedFrom: new Int32Array(cols),
    scanned: new Uint8Array(cols),
    scannedCols: new Int32Array(cols),
    rowDistance: new Float64Array(rows),
    scannedRows: new Int32Array(rows),
  };
  if (rows === cols && sitOutCost === Infinity) columnReduction(state);
  const pending = augmentingRowReduction(state);
  initialRowPotentials(state);
  for (const start of pending) augmentFrom(start, state);
  return state.colForRow.map((col) => (col === SITS_OUT ? -1 : col));
}

/** Marks a row that sits out in colForRow while the solver runs. */
const SITS_OUT = -2;

interface SolverState {
  readonly cost: Float64Array;
  readonly cols: number;
  readonly sitOutCost: number;
  readonly colForRow: Int32Array;
  readonly rowForCol: Int32Array;
  /** Dual potentials: c[i][j] - u[i] - v[j] stays ≥ 0 on every usable cell and is 0 on used ones. */
  readonly u: Float64Array;
  readonly v: Float64Array;
  // Scratch space for one search, reset after each.
  readonly distance: Float64Array;
  readonly reachedFrom: Int32Array;
  readonly scanned: Uint8Array;
  readonly scannedCols: Int32Array;
  readonly rowDistance: Float64Array;
  readonly scannedRows: Int32Array;
}

/** One Dijkstra search from a free row to the nearest free column (or sit-out), then the augmentation. */
function augmentFrom(start: number, state: SolverState): void {
  const { cost, cols, sitOutCost, colForRow, rowForCol, u, v, distance, reachedFrom, scanned, scannedCols, rowDistance, scannedRows } = state;
  let rowCount = 0;
  let colCount = 0;
  let row = start;
  let reached = 0;
  rowDistance[start] = 0;
  let bestSitOut = Infinity;
  let bestSitOutRow = -1;
  let sinkCol = -1;

  for (;;) {
    scannedRows[rowCount++] = row;
    const sitOut = reached + sitOutCost - u[row]!;
    if (sitOut < bestSitOut) {
      bestSitOut = sitOut;
      bestSitOutRow = row;
    }

    const base = row * cols;
    const offset = reached - u[row]!;
    let lowest = Infinity;
    let lowestCol = -1;
    let lowestIsFree = false;
    for (let j = 0; j < cols; j++) {
      if (scanned[j] === 1) continue;
      let d = distance[j]!;
      const candidate = offset + cost[base + j]! - v[j]!;
      if (candidate < d) {
        reachedFrom[j] = row;
        distance[j] = candidate;
        d = candidate;
      }
      if (d < lowest || (d === lowest && lowest !== Infinity && !lowestIsFree && rowForCol[j] === -1)) {
        lowest = d;
        lowestCol = j;
        lowestIsFree = rowForCol[j] === -1;
      }
    }

    if (bestSitOut < lowest) {
      reached = bestSitOut;
      break;
    }
    if (lowest === Infinity) throw new Error('assignRows: a row cannot be assigned (the caller promised it could).');
    reached = lowest;
    scanned[lowestCol] = 1;
    scannedCols[colCount++] = lowestCol;
    if (lowestIsFree) {
      sinkCol = lowestCol;
      break;
    }
    row = rowForCol[lowestCol]!;
    rowDistance[row] = lowest;
  }

  // Shift potentials by the distances found: reduced costs stay ≥ 0 and the whole path becomes tight.
  for (let k = 0; k < rowCount; k++) {
    const r = scannedRows[k]!;
    u[r] = u[r]! + reached - rowDistance[r]!;
  }
  for (let k = 0; k < colCount; k++) {
    const j = scannedCols[k]!;
    v[j] = v[j]! - (reached - distance[j]!);
    scanned[j] = 0;
  }
  distance.fill(Infinity);

  // Flip the path: each row on it takes the column that led onward; a row that sits out frees its column.
  let col = sinkCol;
  if (sinkCol === -1) {
    col = colForRow[bestSitOutRow]!;
    colForRow[bestSitOutRow] = SITS_OUT;
    if (bestSitOutRow === start) return;
  }
  for (;;) {
    const r = reachedFrom[col]!;
    rowForCol[col] = r;
    const previous = colForRow[r]!;
    colForRow[r] = col;
    if (r === start) return;
    col = previous;
  }
}

/**
 * Jonker–Volgenant's column reduction: v[j] = the column's cheapest cell. Only for a square problem with
 * every row assigned, where every column ends up taken; a rectangular one needs free columns at v = 0.
 * Without it, costs with additive structure (c[i][j] = a[i] + b[j]) make every search wade through all
 * taken columns: O(n³) on a problem every permutation solves.
 */
function columnReduction({ cost, cols, v }: SolverState): void {
  v.fill(Infinity);
  for (let base = 0; base < cost.length; base += cols) {
    for (let j = 0; j < cols; j++) if (cost[base + j]! < v[j]!) v[j] = cost[base + j]!;
  }
  if (v.includes(Infinity)) throw new Error('assignRows: a column cannot be assigned (the caller promised it could).');
}

/**
 * Jonker–Volgenant's augmenting row reduction: each free row bids for its cheapest column (by c - v),
 * lowering that column's v by the gap to its second choice, and displaces the previous holder. Cheap
 * O(cols) steps that leave far fewer rows for the shortest-path searches. Afterwards every placed row
 * holds a column of minimum reduced cost, so u[i] = c[i][col] - v[col] makes the duals feasible; v only
 * ever decreases on columns that end up taken, so free columns keep v = 0 as a rectangular problem needs.
 * A row whose cheapest option is sitting out takes it for good: its private column is reachable only from
 * itself, so no later search can pass through it. Returns the rows left for the searches.
 */
function augmentingRowReduction({ cost, cols, sitOutCost, v, colForRow, rowForCol }: SolverState): Int32Array {
  const rows = colForRow.length;
  const free = new Int32Array(rows);
  for (let i = 0; i < rows; i++) free[i] = i;
  let freeCount = rows;
  // Each displacement lowers a price by a positive gap; the budget guards against long bidding wars.
  let budget = 8 * rows + 8;
  for (let pass = 0; pass < 2; pass++) {
    const previousCount = freeCount;
    freeCount = 0;
    let k = 0;
    while (k < previousCount) {
      const row = free[k++]!;
      if (--budget < 0) {
        free[freeCount++] = row;
        continue;
      }
      const base = row * cols;
      let best = Infinity;
      let second = Infinity;
      let bestCol = -1;
      let secondCol = -1;
      for (let j = 0; j < cols; j++) {
        const h = cost[base + j]! - v[j]!;
        if (h < second) {
          if (h < best) {
            second = best;
            secondCol = bestCol;
            best = h;
            bestCol = j;
          } else {
            second = h;
            secondCol = j;
          }
        }
      }
      if (sitOutCost < best) {
        colForRow[row] = SITS_OUT;
        continue;
      }
      if (sitOutCost < second) {
        second = sitOutCost;
        secondCol = SITS_OUT;
      }
      if (best === Infinity) throw new Error('assignRows: a row cannot be assigned (the caller promised it could).');
      let holder = rowForCol[bestCol]!;
      if (best < second) {
        // An infinite gap means no second choice: take the column only if nobody holds it.
        if (second === Infinity) {
          if (holder !== -1) {
            free[freeCount++] = row;
            continue;
          }
        } else {
          v[bestCol] = v[bestCol]! - (second - best);
        }
      } else if (holder !== -1) {
        // A tie: take the equally cheap second choice instead, without changing any price.
        bestCol = secondCol;
        if (bestCol === SITS_OUT) {
          colForRow[row] = SITS_OUT;
          continue;
        }
        holder = rowForCol[bestCol]!;
      }
      colForRow[row] = bestCol;
      rowForCol[bestCol] = row;
      if (holder === -1) continue;
      colForRow[holder] = -1;
      if (best < second) free[--k] = holder; // its column just got dearer: rebid at once
      else free[freeCount++] = holder;
    }
  }
  return free.subarray(0, freeCount);
}

/** u[i] = the row's cheapest reduced option: tight on held columns, and every reduced cost is ≥ 0. */
function initialRowPotentials({ cost, cols, sitOutCost, u, v, colForRow }: SolverState): void {
  for (let i = 0; i < u.length; i++) {
    const col = colForRow[i]!;
    if (col >= 0) {
      u[i] = cost[i * cols + col]! - v[col]!;
    } else if (col === SITS_OUT) {
      u[i] = sitOutCost;
    } else {
      let best = sitOutCost;
      for (let j = 0; j < cols; j++) best = Math.min(best, cost[i * cols + j]! - v[j]!);
      u[i] = best;
    }
  }
}
