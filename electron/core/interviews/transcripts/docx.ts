/**
 * The text of a .docx (text only): a small zip reader (central directory, stored or deflated
 * entries via Node's zlib) for `word/document.xml`, then paragraphs, tabs and line breaks.
 * No dependency: the format needs only these few steps, and sizes are capped against zip bombs.
 */
import { inflateRawSync } from 'node:zlib';
import { TranscriptParseError } from './parse-error';

const MAX_XML_BYTES = 50 * 1024 * 1024;
const notDocx = () => new TranscriptParseError('This is not a Word document (.docx). Save it from Word as .docx, or as plain text, and import that.');

function zipEntry(zip: Buffer, wanted: string): Buffer {
  // End of central directory: the last 22+ bytes, signature 0x06054b50.
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw notDocx();
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw notDocx();
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === wanted) {
      if (localHeader + 30 > zip.length || zip.readUInt32LE(localHeader) !== 0x04034b50) throw notDocx();
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return data;
      if (method !== 8) throw new TranscriptParseError('This Word document uses a compression Reciprocal cannot read. Save it again from Word and retry.');
      try {
        return inflateRawSync(data, { maxOutputLength: MAX_XML_BYTES });
      } catch {
        throw new TranscriptParseError('This Word document is damaged or too large to read. Save it again from Word and retry.');
      }
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw notDocx();
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))) : (xmlEntities[name] ?? whole),
  );

export function parseDocx(bytes: Buffer): string {
  const xml = zipEntry(bytes, 'word/document.xml').toString('utf8');
  const body = /<w:body[\s>]/.exec(xml);
  if (!body) throw notDocx();
  const paragraphs: string[] = [];
  for (const paragraph of xml.slice(body.index).match(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    let text = '';
    // Runs' text, tabs and breaks in document order.
    for (const piece of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:(?:br|cr)(?:\s[^>]*)?\/>/g)) {
      if (piece[1] !== undefined) text += decodeXml(piece[1]);
      else text += piece[0].startsWith('<w:tab') ? '\t' : '\n';
    }
    paragraphs.push(text);
  }
  return paragraphs.join('\n');
}
