import { createHash } from 'node:crypto';
import type { ReadDb } from '../db/query';
import type { QdpxOptions } from '../../../shared/qdpx/contract';
import { readQdpxProject, type QdpxSummary } from './adapter';
import { buildQdpx } from './package';

export interface QdpxFile extends QdpxSummary {
  name: string;
  data: Uint8Array;
  sha256: string;
}

/** The file name: the pilot's id and the day, never a name. */
export const qdpxFileName = (pilotId: number, today: string) => `closing-interviews-pilot-${pilotId}-${today}.qdpx`;

/** The whole `.qdpx` of a pilot's closing interviews, in memory (the caller writes it through `writeExport`, or the CLI to the path given). */
export function makeQdpx(db: ReadDb, pilotId: number, options: Omit<QdpxOptions, 'pilotId'>, today: string, exportedAt: string): QdpxFile {
  const { project, summary } = readQdpxProject(db, pilotId, options, today, exportedAt);
  const data = buildQdpx(project);
  return { ...summary, name: options.fileName ?? qdpxFileName(pilotId, today), data, sha256: createHash('sha256').update(data).digest('hex') };
}
