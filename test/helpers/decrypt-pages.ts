/**
 * Decrypts every page of a SQLCipher 4 database file and of its WAL with the raw key, the way an
 * attacker holding the key (or an auditor) would read them: live pages, free pages and old WAL
 * frames alike. SQLCipher 4 defaults: 4096-byte pages, each ending in a 16-byte IV and a 64-byte
 * HMAC-SHA512 (80 reserved bytes); AES-256-CBC over the rest; page 1 starts with the 16-byte salt.
 */
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const PAGE = 4096;
const RESERVE = 80;
const SALT = 16;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const start = pageNumber === 1 ? SALT : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, PAGE - RESERVE)), decipher.final()]);
}

export interface DecryptedPage {
  source: 'database' | 'wal';
  pageNumber: number;
  plain: Buffer;
}

/** Every page of `path` and of `path-wal` (each frame), decrypted. */
export function decryptAllPages(path: string, key: Buffer): DecryptedPage[] {
  const pages: DecryptedPage[] = [];
  const file = readFileSync(path);
  for (let offset = 0, n = 1; offset + PAGE <= file.length; offset += PAGE, n++) {
    pages.push({ source: 'database', pageNumber: n, plain: decryptPage(file.subarray(offset, offset + PAGE), n, key) });
  }
  const walPath = `${path}-wal`;
  if (existsSync(walPath)) {
    const wal = readFileSync(walPath);
    for (let offset = WAL_HEADER; offset + FRAME_HEADER + PAGE <= wal.length; offset += FRAME_HEADER + PAGE) {
      const pageNumber = wal.readUInt32BE(offset);
      pages.push({ source: 'wal', pageNumber, plain: decryptPage(wal.subarray(offset + FRAME_HEADER, offset + FRAME_HEADER + PAGE), pageNumber, key) });
    }
  }
  return pages;
}

/** The pages holding `needle` (ASCII, case-insensitive), as "database page 12" / "wal page 3". */
export function pagesContaining(pages: DecryptedPage[], needle: string): string[] {
  const lower = Buffer.from(needle.toLowerCase(), 'utf8');
  return pages.filter((page) => Buffer.from(page.plain.toString('latin1').toLowerCase(), 'latin1').includes(lower)).map((page) => `${page.source} page ${page.pageNumber}`);
}
