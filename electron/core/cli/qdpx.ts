import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Host } from '../host';
import { AppError } from '../errors';
import { plural } from '../../../shared/words';
import { EXIT, usageError, type CliIo } from './io';
import type { OpenVault } from './backup';

export const QDPX_USAGE = 'Use: export qdpx --pilot ID --out FILE.qdpx --vault DIR [--no-audio]';

/** `export qdpx`: the pilot's closing interviews as a pseudonymised REFI-QDA project, through the same channel as the export screen (audited). */
export async function exportQdpxCommand(values: { pilot?: string | undefined; out?: string | undefined; 'no-audio'?: boolean | undefined }, io: CliIo, openVault: OpenVault): Promise<number> {
  const pilotId = Number(values.pilot);
  if (!values.out || !Number.isInteger(pilotId) || pilotId <= 0) throw usageError(QDPX_USAGE);
  const out = resolve(values.out);
  if (!out.toLowerCase().endsWith('.qdpx')) throw usageError(`The file to write must end in .qdpx (${QDPX_USAGE.slice(5)}).`);
  const host: Host = {
    chooseExportFolder: async () => {
      mkdirSync(dirname(out), { recursive: true });
      return dirname(out);
    },
  };
  const vault = await openVault(host);
  try {
    const result = await vault.registry.call('qdpx.write', { pilotId, includeAudio: values['no-audio'] !== true, fileName: basename(out) }, 'cli');
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    const r = result.value;
    io.stdout(`Wrote ${resolve(r.folder, r.file)} (${plural(r.people, 'person', 'people')}, ${plural(r.transcripts, 'transcript')}, ${plural(r.codings, 'coding')}, ${plural(r.recordings, 'recording')})\n`);
    for (const item of r.leftOut) io.stdout(`Left out: ${item.what}: ${item.count}. ${item.why}\n`);
    io.stdout(`Names replaced: ${r.namesReplaced}. SHA-256 (in the audit trail): ${r.sha256}\n`);
    return EXIT.ok;
  } finally {
    vault.lock();
  }
}
