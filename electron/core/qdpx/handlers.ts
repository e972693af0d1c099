import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { qdpxContract } from '../../../shared/qdpx/contract';
import { writeExport } from '../exports/write-export';
import { readQdpxProject } from './adapter';
import { makeQdpx, type QdpxFile } from './export';

const forPilot = pilotScope.fromInput('pilotId');

export const qdpxHandlers: FeatureHandlers<keyof typeof qdpxContract> = {
  'qdpx.preview': {
    kind: 'query',
    scope: forPilot,
    run: ({ pilotId, ...options }, { db, today, now }) => {
      const { summary } = readQdpxProject(db, pilotId, options, today(), now().toISOString());
      return { people: summary.people, transcripts: summary.transcripts, codings: summary.codings, recordings: summary.recordings, leftOut: summary.leftOut };
    },
  },
  'qdpx.write': {
    kind: 'action',
    scope: forPilot,
    run: async ({ pilotId, ...options }, ctx) => {
      let made: QdpxFile | undefined;
      const { folder } = await writeExport(ctx, {
        purpose: 'Choose a folder for the REFI-QDA project (.qdpx)',
        // Read after the folder is chosen, from the vault as it is then.
        render: () => {
          made = makeQdpx(ctx.db, pilotId, options, ctx.today(), ctx.now().toISOString());
          return [{ name: made.name, data: made.data }];
        },
        // The entry holds the file's hash, so a project file can be matched to the export that made it.
        audit: () => ({ action: `qdpx.write.sha256:${made!.sha256}`, entityType: 'pilot', entityId: pilotId }),
      });
      const { data, name, ...summary } = made!;
      return { ...summary, folder, file: name, bytes: data.length };
    },
  },
};
