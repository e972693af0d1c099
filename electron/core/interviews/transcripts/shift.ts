/**
 * How an edit moves coded excerpts. The edit is the one changed stretch between the old and the
 * new text (common prefix and suffix, in code points). Excerpts before it stay, excerpts after it
 * move by the change in length, and an edit that touches coded text is refused: the coding would
 * otherwise point at words that were never coded.
 */

export interface Range {
  id: number;
  start: number;
  end: number;
}

export type ShiftResult = { ok: true; moved: Range[] } | { ok: false; touched: Range };

export function shiftExcerpts(oldText: string, newText: string, excerpts: Range[]): ShiftResult {
  const before = Array.from(oldText);
  const after = Array.from(newText);
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const changedFrom = prefix;
  const changedTo = before.length - suffix; // end exclusive, in the old text
  const delta = after.length - before.length;
  const moved: Range[] = [];
  for (const excerpt of excerpts) {
    if (changedTo <= excerpt.start) {
      if (delta !== 0) moved.push({ id: excerpt.id, start: excerpt.start + delta, end: excerpt.end + delta });
    } else if (changedFrom >= excerpt.end) {
      // before the edit: unchanged
    } else {
      return { ok: false, touched: excerpt };
    }
  }
  return { ok: true, moved };
}
