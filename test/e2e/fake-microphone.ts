import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A WAV for Chromium's fake microphone (--use-file-for-fake-audio-capture): mono 16-bit PCM at
 * 48 kHz, alternating tones (obviously synthetic) so the level meter moves. Chromium loops it.
 */
export function writeToneWav(dir: string, seconds = 3): string {
  const rate = 48_000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  const tones = [440, 660, 550];
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const tone = tones[Math.floor(t * 2) % tones.length]!;
    // Half a second per tone, faded in and out so the steps do not click.
    const phase = (t * 2) % 1;
    const envelope = Math.min(1, phase * 20, (1 - phase) * 20);
    data.writeInt16LE(Math.round(Math.sin(2 * Math.PI * tone * t) * 0.5 * envelope * 32_767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  const path = join(dir, 'fake-microphone.wav');
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}
