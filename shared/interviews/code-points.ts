/**
 * Transcript offsets are stored in Unicode code points from 0, end exclusive (as REFI-QDA counts
 * them); JavaScript strings count UTF-16 code units, so an emoji is 2 units but 1 code point.
 * Every conversion between the two goes through these helpers.
 */

/** The number of code points in a string. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The code-point offset of a UTF-16 index (an index inside a surrogate pair counts as its code point's start). */
export function toCodePoints(text: string, utf16Index: number): number {
  return codePointLength(text.slice(0, Math.max(0, Math.min(utf16Index, text.length))));
}

/** The UTF-16 index of a code-point offset (clamped to the text's end). */
export function toUtf16(text: string, codePoints: number): number {
  let index = 0;
  for (let seen = 0; seen < codePoints && index < text.length; seen++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    index += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return index;
}

/** The text between two code-point offsets, end exclusive. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return text.slice(toUtf16(text, start), toUtf16(text, end));
}
