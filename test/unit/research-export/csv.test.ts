import { describe, expect, it } from 'vitest';
import { guardFormula, toCsv } from '../../../electron/core/research-export/csv';

describe('CSV for researchers', () => {
  it('writes RFC 4180: a BOM, CRLF after every record, quotes only where needed and doubled inside', () => {
    const csv = toCsv(['id', 'text'], [
      [1, 'plain'],
      [2, 'a, b'],
      [3, 'she said "yes"'],
      [4, 'two\nlines'],
      [5, null],
      [6, ' padded '],
    ]);
    expect(csv).toBe('\uFEFFid,text\r\n1,plain\r\n2,"a, b"\r\n3,"she said ""yes"""\r\n4,"two\nlines"\r\n5,\r\n6," padded "\r\n');
  });

  it('keeps spreadsheets from running a text cell as a formula', () => {
    expect(guardFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(guardFormula('+44 call')).toBe("'+44 call");
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('Fine text')).toBe('Fine text');
  });
});
