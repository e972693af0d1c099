/** A transcript file's bytes into transcript text (UTF-8, LF line endings, no BOM), by its extension. */
import type { TranscriptFormat } from '../../../../shared/interviews/transcripts-contract';
import { parseDocx } from './docx';
import { TranscriptParseError } from './parse-error';
import { parseSrt, parseVtt } from './subtitles';

export type ImportFormat = Exclude<TranscriptFormat, 'typed'>;

export function formatOf(fileName: string): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case 'vtt':
      return 'vtt';
    case 'srt':
      return 'srt';
    case 'txt':
    case 'text':
      return 'text';
    case 'docx':
      return 'docx';
    default:
      throw new TranscriptParseError('Choose a WebVTT (.vtt), SRT (.srt), plain text (.txt) or Word (.docx) file.');
  }
}

/** UTF-8 text with LF line endings and no BOM; refused if it is not text. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TranscriptParseError('This file is not UTF-8 text. Save it as UTF-8 (in most editors: Save as… > Encoding) and import it again.');
  }
  if (text.includes('\u0000')) throw new TranscriptParseError('This file holds binary data, not text.');
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function parseTranscript(format: ImportFormat, bytes: Buffer): string {
  switch (format) {
    case 'vtt':
      return parseVtt(decodeText(bytes));
    case 'srt':
      return parseSrt(decodeText(bytes));
    case 'text':
      return decodeText(bytes).replace(/\s+$/, '');
    case 'docx':
      return parseDocx(bytes).replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  }
}
