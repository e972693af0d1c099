/**
 * What an imported audio file is, from its first bytes (never its name): dictaphones and phones
 * write M4A (MPEG-4 audio), MP3, WAV or Ogg. WAV also says how long it is.
 */
export interface AudioFormat {
  mimeType: string;
  label: string;
  durationMs: number | null;
}

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

export function audioFormatOf(bytes: Uint8Array): AudioFormat | undefined {
  if (bytes.length < 12) return undefined;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return { mimeType: 'audio/wav', label: 'WAV', durationMs: wavDurationMs(bytes) };
  if (ascii(bytes, 0, 4) === 'OggS') return { mimeType: 'audio/ogg', label: 'Ogg', durationMs: null };
  if (ascii(bytes, 4, 4) === 'ftyp') return { mimeType: 'audio/mp4', label: 'M4A', durationMs: null };
  // MP3: an ID3 tag first, or straight into an MPEG audio frame (11 sync bits, layer III).
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && (bytes[1]! & 0xe6) === 0xe2)) return { mimeType: 'audio/mpeg', label: 'MP3', durationMs: null };
  return undefined;
}

/** The `data` chunk's size over the `fmt ` chunk's byte rate; null when the header is unusual. */
function wavDurationMs(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let byteRate = 0;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 16 <= bytes.length) byteRate = view.getUint32(at + 16, true);
    if (id === 'data') return byteRate > 0 ? Math.round((Math.min(size, bytes.length - at - 8) / byteRate) * 1000) : null;
    at += 8 + size + (size % 2);
  }
  return null;
}
