import { describe, expect, it } from 'vitest';
import { codePointLength, sliceCodePoints, toCodePoints, toUtf16 } from '../../shared/interviews/code-points';
import { formatTimestamp, lineTimestampMs } from '../../shared/interviews/timestamps';

describe('code-point offsets', () => {
  const text = 'Café 🙂 naïve 👩🏽‍🏫 end';
  it('counts an emoji as one code point and a composed accent as one', () => {
    expect(text.length).toBe(25);
    expect(codePointLength(text)).toBe(21); // the teacher emoji is four code points joined
    expect(codePointLength('🙂')).toBe(1);
    expect(codePointLength('e\u0301')).toBe(2); // a combining accent is its own code point
  });
  it('converts both ways and slices by code points', () => {
    const utf16 = text.indexOf('naïve');
    const cp = toCodePoints(text, utf16);
    expect(cp).toBe(7);
    expect(toUtf16(text, cp)).toBe(utf16);
    expect(sliceCodePoints(text, cp, cp + 5)).toBe('naïve');
    expect(sliceCodePoints(text, 5, 6)).toBe('🙂');
    expect(toUtf16(text, 1000)).toBe(text.length);
  });
});

describe('transcript time stamps', () => {
  it('formats and reads [hh:mm:ss] at a line start', () => {
    expect(formatTimestamp(3_723_900)).toBe('[01:02:03]');
    expect(lineTimestampMs('[01:02:03] Robin: hi')).toBe(3_723_000);
    expect(lineTimestampMs('Robin [01:02:03]')).toBeNull();
  });
});
