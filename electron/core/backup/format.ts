import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';

/**
 * The backup file: one file holding everything needed to bring the vault back, and nothing in clear
 * that is not already in clear beside the vault.
 *
 *   bytes 0–15   "RECIPROCAL-BKUP\n" (the magic; a different app or a renamed file is told apart)
 *   bytes 16–19  the header's length in bytes, unsigned 32-bit big-endian
 *   header       UTF-8 JSON (BackupHeader): format, app, vault id, when it was made, the schema
 *                version, the vault's key file exactly as it was on disk (passphrase and recovery
 *                slots, AES-256-GCM-wrapped: the same passphrase and recovery key open the backup),
 *                and each database's file name, length and SHA-256, main database (vault.sqlite) first
 *   databases    one after the other: the main database's file copied as it is after a full
 *                checkpoint, under the write lock (see copyMainDatabase), or else, like every
 *                attached database, as `VACUUM <schema> INTO` wrote it from the open vault:
 *                SQLCipher 4 pages encrypted with the vault's main key (this binding keeps the
 *                encryption for VACUUM INTO; `db.backup()` to a new file fails and
 *                `sqlcipher_export()` does not exist). An attached database with a key of its own
 *                (interviews.sqlite) comes out under the main key too: a restore re-keys it to the
 *                key its key-file entry wraps.
 *
 * The length and hash tell a truncated or damaged file from a wrong passphrase before any key is
 * derived; the key file's own checksum covers the slots. The header holds no personal data.
 */
export const BACKUP_MAGIC = Buffer.from('RECIPROCAL-BKUP\n', 'latin1');
export const BACKUP_FORMAT = 1;
export const MAIN_DATABASE = 'vault.sqlite';
const PREFIX_BYTES = BACKUP_MAGIC.length + 4;
/** A key file is a few kilobytes; a header larger than this is damage, not a backup. */
const MAX_HEADER_BYTES = 1024 * 1024;

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  app: z.literal('reciprocal'),
  vaultId: z.string().min(8),
  createdAt: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  /** vault.keys.json, byte for byte, so its checksum still matches after a restore. */
  keyFile: z.string().min(2),
  databases: z
    .array(z.object({ file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/), bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .min(1)
    .max(8)
    .refine((list) => list[0]!.file === MAIN_DATABASE && new Set(list.map((d) => d.file)).size === list.length),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export interface DatabaseCopy {
  file: string;
  bytes: Buffer;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function encodeBackup(header: Omit<BackupHeader, 'format' | 'app' | 'databases'>, databases: DatabaseCopy[]): Buffer {
  const full: BackupHeader = {
    format: BACKUP_FORMAT,
    app: 'reciprocal',
    ...header,
    databases: databases.map((copy) => ({ file: copy.file, bytes: copy.bytes.length, sha256: sha256(copy.bytes) })),
  };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json, ...databases.map((copy) => copy.bytes)]);
}

const damaged = (why: string) =>
  new AppError('VAULT_CORRUPT', `This backup file is damaged or incomplete (${why}), so it cannot be used. Use another backup; nothing was changed.`);

/** A backup file's header and its databases, checked against the header's lengths and hashes. Reads the whole file. */
export function readBackup(path: string): { header: BackupHeader; databases: DatabaseCopy[] } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `There is no backup file at ${path}. Check the name and folder; nothing was changed.`);
    if (code === 'EISDIR') throw new AppError('NOT_A_VAULT', `${path} is a folder, not a backup file. Nothing was changed.`);
    throw new AppError('IO_ERROR', `The backup file ${path} could not be read (${code ?? 'unknown error'}). Nothing was changed.`);
  }
  try {
    const size = fstatSync(fd).size;
    const prefix = readExactly(fd, 0, Math.min(PREFIX_BYTES, size));
    if (prefix.length < BACKUP_MAGIC.length || !prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
      throw new AppError('NOT_A_VAULT', `${path} is not a Reciprocal backup file (it does not start like one). Nothing was changed.`);
    }
    if (prefix.length < PREFIX_BYTES) throw damaged('it ends right after its first line');
    const headerBytes = prefix.readUInt32BE(BACKUP_MAGIC.length);
    if (headerBytes > MAX_HEADER_BYTES) throw damaged('its header has an impossible length');
    if (PREFIX_BYTES + headerBytes > size) throw damaged('it ends inside its header');
    let header: BackupHeader;
    try {
      const raw = JSON.parse(readExactly(fd, PREFIX_BYTES, headerBytes).toString('utf8')) as { format?: unknown };
      if (typeof raw?.format === 'number' && raw.format > BACKUP_FORMAT) {
        throw new AppError('VAULT_TOO_NEW', 'This backup was made by a newer version of Reciprocal. Update the app to use it; nothing was changed.');
      }
      header = headerSchema.parse(raw);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw damaged('its header cannot be read');
    }
    let position = PREFIX_BYTES + headerBytes;
    const expected = header.databases.reduce((sum, d) => sum + d.bytes, 0);
    const present = size - position;
    if (present < expected) throw damaged(`it is cut short: ${present} of ${expected} database bytes are there`);
    if (present > expected) throw damaged('it has more bytes than its header says');
    const databases = header.databases.map((entry) => {
      const bytes = readExactly(fd, position, entry.bytes);
      position += entry.bytes;
      if (sha256(bytes) !== entry.sha256) throw damaged(`${entry.file} in it does not match the checksum written with it`);
      return { file: entry.file, bytes };
    });
    return { header, databases };
  } finally {
    closeSync(fd);
  }
}

function readExactly(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}
