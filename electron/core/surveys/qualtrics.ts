import type { StagedTable } from '../imports';

/**
 * Qualtrics exports responses with three heading rows: its own column ids (Q1, Q2_1…), then the
 * question text, then `{"ImportId":…}`. Read as any other export, the question text would be the
 * first row of answers. So when the second row is the ImportId row, the question text becomes the
 * heading (so columns map by question text) and both extra rows go; every row keeps its line number.
 */
export function fromQualtrics(table: StagedTable): StagedTable {
  const [texts, importIds] = table.rows;
  if (!texts || !importIds || !importIds.some((cell) => cell.trim().startsWith('{"ImportId"'))) return table;
  const seen = new Map<string, number>();
  const headers = table.headers.map((id, i) => {
    const base = (texts[i] ?? '').trim() || id;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
  const rows = table.rows.slice(2);
  return {
    ...table,
    headers,
    rows,
    rowLines: table.rowLines.slice(2),
    columns: headers.map((header, column) => ({
      header,
      examples: rows
        .map((row) => (row[column] ?? '').trim())
        .filter(Boolean)
        .slice(0, 3),
    })),
  };
}
