/**
 * CSV as RFC 4180 writes it (CRLF between records, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled), UTF-8 with a byte-order mark so Excel reads accents right; R, SPSS and
 * LibreOffice skip the mark.
 */
export type CsvValue = string | number | null;

const BOM = '\uFEFF';

/** A text value Excel would run as a formula is given a leading apostrophe (OWASP's advice on CSV injection); the dictionary says so. */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
