/**
 * Minimum-cost assignment by shortest augmenting paths (the Hungarian method with potentials, in the
 * form of Jonker–Volgenant's augmentation phase): every row is given either a column or, when
 * `sitOutCost` is finite, its own private "sit out" column of that cost. O(rows² · cols) worst case.
 *
 * `cost` is row-major; a forbidden cell holds +Infinity, which can never lower a tentative distance,
 * so forbidden cells are excluded from the search itself rather than priced with a big number.
 * With `sitOutCost = Infinity` every row must get a real column: the caller guarantees that is possible.
 *
 * Deterministic: columns are scanned in index order and the first minimum wins, except that a free
 * column beats a taken one at equal distance (it ends the search); a real column beats sitting out.
 */
export function assignRows(cost: Float64Array, rows: number, cols: number, sitOutCost: number): Int32Array {
  const colForRow = new Int32Array(rows).fill(-1);
  const rowForCol = new Int32Array(cols).fill(-1);
  // Dual potentials: reduced cost c[i][j] - u[i] - v[j] stays ≥ 0 on every usable cell, 0 on used ones.
  const u = new Float64Array(rows);
  const v = new Float64Array(cols);
  const pending = tightGreedyStart(cost, rows, cols, sitOutCost, u, colForRow, rowForCol);

  const distance = new Float64Array(cols).fill(Infinity);
  const reachedFrom = new Int32Array(cols);
  const scanned = new Uint8Array(cols);
  const scannedCols = new Int32Array(cols);
  const rowDistance = new Float64Array(rows);
  const scannedRows = new Int32Array(rows);

  for (const start of pending) {
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

    // Shift potentials by the distances found, which keeps reduced costs ≥ 0 and makes the path tight.
    for (let k = 0; k < rowCount; k++) {
      const r = scannedRows[k]!;
      u[r] = u[r]! + reached - rowDistance[r]!;
    }
    for (let k = 0; k < colCount; k++) {
      const j = scannedCols[k]!;
      v[j] = v[j]! - (reached - distance[j]!);
    }
    for (let j = 0; j < cols; j++) distance[j] = Infinity;
    for (let k = 0; k < colCount; k++) scanned[scannedCols[k]!] = 0;

    // Flip the path: each row on it takes the column that led onward; a sitting-out row frees its column.
    let col = sinkCol;
    if (sinkCol === -1) {
      col = colForRow[bestSitOutRow]!;
      colForRow[bestSitOutRow] = -1;
      if (bestSitOutRow === start) continue;
    }
    for (;;) {
      const r = reachedFrom[col]!;
      rowForCol[col] = r;
      const previous = colForRow[r]!;
      colForRow[r] = col;
      if (r === start) break;
      col = previous;
    }
  }
  return colForRow;
}

/**
 * Row reduction (u[i] = the row's cheapest option) then a free tight column for each row where one is
 * available: most rows are placed here in O(rows · cols), leaving the shortest-path searches for the rest.
 * Returns the rows still to place. A row whose cheapest option is sitting out sits out for good: its
 * private column is reachable only from itself, so no later search can pass through it.
 */
function tightGreedyStart(
  cost: Float64Array,
  rows: number,
  cols: number,
  sitOutCost: number,
  u: Float64Array,
  colForRow: Int32Array,
  rowForCol: Int32Array,
): number[] {
  const pending: number[] = [];
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let best = Infinity;
    let bestCol = -1;
    for (let j = 0; j < cols; j++) {
      const c = cost[base + j]!;
      if (c < best) {
        best = c;
        bestCol = j;
      } else if (c === best && bestCol !== -1 && rowForCol[bestCol] !== -1 && rowForCol[j] === -1) {
        bestCol = j;
      }
    }
    if (sitOutCost < best) {
      u[i] = sitOutCost;
      continue;
    }
    if (bestCol === -1) throw new Error('assignRows: a row cannot be assigned (the caller promised it could).');
    u[i] = best;
    if (rowForCol[bestCol] === -1) {
      rowForCol[bestCol] = i;
      colForRow[i] = bestCol;
    } else {
      pending.push(i);
    }
  }
  return pending;
}
