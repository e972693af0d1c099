/**
 * How many data rows a CSV file has, counted from its line ends before the main process reads it
 * (for "Checking 5,000 rows…"). Exact unless a quoted cell spans lines, hence `exact`.
 */
export function estimateRows(bytes: Uint8Array): { rows: number; exact: boolean } {
  let lines = 0;
  let quotes = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) lines++;
    else if (b === 0x22) quotes = true;
  }
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a && !(bytes[bytes.length - 2] === 0x0a && bytes[bytes.length - 1] === 0)) lines++;
  return { rows: Math.max(0, lines - 1), exact: !quotes };
}
