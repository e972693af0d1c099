/**
 * Splits transcript text into lines and each line into stretches covered by the same excerpts, so
 * coded words can be highlighted with their codes (excerpts may overlap). Offsets in code points.
 */
import { codePointLength, sliceCodePoints } from '../../../../../shared/interviews/code-points';
import { lineTimestampMs } from '../../../../../shared/interviews/timestamps';

export interface Segment {
  text: string;
  excerptIds: number[];
}

export interface Line {
  timestampMs: number | null;
  segments: Segment[];
}

export function codedLines(body: string, excerpts: { id: number; start: number; end: number }[]): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const line of body.split('\n')) {
    const length = codePointLength(line);
    const from = offset;
    const to = offset + length;
    const inside = excerpts.filter((e) => e.start < to && e.end > from);
    const cuts = new Set([from, to]);
    for (const e of inside) {
      if (e.start > from) cuts.add(e.start);
      if (e.end < to) cuts.add(e.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i]!, points[i + 1]!];
      segments.push({ text: sliceCodePoints(line, a - from, b - from), excerptIds: inside.filter((e) => e.start <= a && e.end >= b).map((e) => e.id) });
    }
    lines.push({ timestampMs: lineTimestampMs(line), segments });
    offset = to + 1; // the line break
  }
  return lines;
}
