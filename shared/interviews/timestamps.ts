/** Transcript time stamps: `[hh:mm:ss]` at the start of a line, in milliseconds everywhere else. */

const pad = (n: number) => String(n).padStart(2, '0');

export function formatTimestamp(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `[${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}]`;
}

const lineStart = /^\[(\d{1,2}):([0-5]\d):([0-5]\d)\]/;

/** The time stamp a line starts with, in ms, or null. */
export function lineTimestampMs(line: string): number | null {
  const match = lineStart.exec(line);
  if (!match) return null;
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}
