import { codePointLength } from '../../../shared/interviews/code-points';

/**
 * Text as REFI-QDA expects it in sources/: UTF-8, LF line endings, no BOM. Code-point positions into
 * the original text are mapped onto the normalised one, so a CRLF transcript does not shift every
 * selection after its first line break (a known failure of other exporters).
 */
export function normaliseText(text: string): { text: string; position: (codePoints: number) => number } {
  const original = [...text];
  const kept: number[] = []; // for each original code point: how many code points come before it in the result
  let out = '';
  let count = 0;
  original.forEach((char, i) => {
    kept.push(count);
    if (i === 0 && char === '\uFEFF') return; // a BOM is not text
    if (char === '\r') {
      if (original[i + 1] === '\n') return; // CRLF → LF
      out += '\n'; // a lone CR (old Mac) is a line break too
      count++;
      return;
    }
    out += char;
    count++;
  });
  kept.push(count);
  return { text: out, position: (cp) => kept[Math.max(0, Math.min(cp, original.length))]! };
}

/** Code points of a normalised text. */
export const lengthOf = codePointLength;
