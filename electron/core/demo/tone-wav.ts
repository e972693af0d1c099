/**
 * A short, obviously synthetic recording for the demo and tests: a WAV (16-bit mono PCM) of
 * rising and falling tones with pauses, made in code — no speech, no external tool.
 */
export function toneWav(seconds = 6, sampleRate = 8000): Uint8Array {
  const samples = Math.round(seconds * sampleRate);
  const out = new Uint8Array(44 + samples * 2);
  const view = new DataView(out.buffer);
  const text = (at: number, value: string) => [...value].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  const notes = [440, 554, 659, 880, 659, 554];
  for (let i = 0; i < samples; i++) {
    const t = i / sampleRate;
    const beat = Math.floor(t * 2); // two tones a second
    const inBeat = t * 2 - beat;
    const loud = inBeat < 0.7 ? Math.sin((Math.PI * inBeat) / 0.7) : 0; // a soft start and end, then a pause
    const sample = 0.3 * loud * Math.sin(2 * Math.PI * notes[beat % notes.length]! * t);
    view.setInt16(44 + i * 2, Math.round(sample * 32767), true);
  }
  return out;
}
