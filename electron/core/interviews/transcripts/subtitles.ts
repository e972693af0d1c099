/**
 * WebVTT (Teams, Zoom) and SRT into transcript text: one line per cue, `[hh:mm:ss] Speaker: words`.
 * Teams names the speaker with a voice tag (`<v Name>`); Zoom writes `Name: words` in the cue,
 * which is kept as it is. Other tags are dropped and entities decoded. Strict on structure (a
 * broken timing line is an error naming its line) so a damaged file is never half-imported.
 */
import { formatTimestamp } from '../../../../shared/interviews/timestamps';
import { TranscriptParseError } from './parse-error';

const vttTime = /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const srtTime = /^(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{1,3})$/;

function toMs(match: RegExpExecArray): number {
  return ((Number(match[1] ?? 0) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 + Number(match[4]!.padEnd(3, '0'));
}

/** Parses `start --> end [settings]`; undefined when the line is not a timing line at all. */
function timing(line: string, pattern: RegExp, lineNo: number): { startMs: number; endMs: number } | undefined {
  if (!line.includes('-->')) return undefined;
  const [left, right] = line.split('-->').map((part) => part.trim());
  const start = pattern.exec(left ?? '');
  const end = pattern.exec((right ?? '').split(/\s+/)[0] ?? '');
  if (!start || !end) throw new TranscriptParseError(`“${line.slice(0, 80)}” is not a timing line like 00:01:02.500 --> 00:01:05.000.`, lineNo);
  const times = { startMs: toMs(start), endMs: toMs(end) };
  if (times.endMs < times.startMs) throw new TranscriptParseError('This cue ends before it starts.', lineNo);
  return times;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'", lrm: '', rlm: '' };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });

/** The cue's words without markup, and the speaker of its first voice tag. */
function cueText(lines: string[]): { speaker: string | undefined; words: string } {
  const joined = lines.join(' ');
  const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(joined);
  const words = decodeEntities(joined.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  return { speaker: voice?.[1]?.trim(), words };
}

interface Cue {
  startMs: number;
  speaker: string | undefined;
  words: string;
}

const asLines = (cues: Cue[]) =>
  cues
    .filter((cue) => cue.words !== '')
    .map((cue) => `${formatTimestamp(cue.startMs)} ${cue.speaker ? `${cue.speaker}: ` : ''}${cue.words}`)
    .join('\n');

/** Splits into blocks separated by blank lines, remembering each block's first line number. */
function blocks(text: string): { firstLine: number; lines: string[] }[] {
  const result: { firstLine: number; lines: string[] }[] = [];
  let current: { firstLine: number; lines: string[] } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    if (line === '') {
      current = undefined;
      return;
    }
    if (!current) result.push((current = { firstLine: index + 1, lines: [] }));
    current.lines.push(line);
  });
  return result;
}

export function parseVtt(text: string): string {
  const all = blocks(text);
  const header = all.shift();
  if (!header || !/^WEBVTT(?:[ \t].*)?$/.test(header.lines[0] ?? '')) throw new TranscriptParseError('A WebVTT file starts with “WEBVTT”. Is this a .vtt file?', 1);
  const cues: Cue[] = [];
  for (const block of all) {
    const first = block.lines[0]!;
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue;
    // An optional cue identifier comes before the timing line.
    let timingAt = 0;
    let times = timing(first, vttTime, block.firstLine);
    if (!times && block.lines.length > 1) {
      timingAt = 1;
      times = timing(block.lines[1]!, vttTime, block.firstLine + 1);
    }
    if (!times) {
      // A first line that looks like a time is a broken timing line; otherwise it was an identifier and the timing was due next.
      const due = block.lines.length > 1 && !/->|^\d{1,3}:\d{2}/.test(first) ? 1 : 0;
      throw new TranscriptParseError(`Expected a cue timing line like 00:01:02.500 --> 00:01:05.000, found “${block.lines[due]!.slice(0, 80)}”.`, block.firstLine + due);
    }
    cues.push({ startMs: times.startMs, ...cueText(block.lines.slice(timingAt + 1)) });
  }
  if (cues.length === 0) throw new TranscriptParseError('This WebVTT file has no cues (no spoken text).');
  return asLines(cues);
}

export function parseSrt(text: string): string {
  const cues: Cue[] = [];
  for (const block of blocks(text)) {
    const [index, timeLine] = block.lines;
    if (!/^\d+$/.test(index!.trim())) throw new TranscriptParseError(`Expected a subtitle number, found “${index!.slice(0, 80)}”.`, block.firstLine);
    const times = timeLine === undefined ? undefined : timing(timeLine, srtTime, block.firstLine + 1);
    if (!times) throw new TranscriptParseError(`Expected a timing line like 00:01:02,500 --> 00:01:05,000 after subtitle ${index!.trim()}.`, block.firstLine + 1);
    cues.push({ startMs: times.startMs, ...cueText(block.lines.slice(2)) });
  }
  if (cues.length === 0) throw new TranscriptParseError('This SRT file has no subtitles.');
  return asLines(cues);
}
