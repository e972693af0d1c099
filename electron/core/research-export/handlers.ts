import type { FeatureHandlers } from '../registry/types';
import { noPilot, pilotScope } from '../registry/scope';
import type { researchExportContract } from '../../../shared/research-export/contract';
import { writeExport } from '../exports/write-export';
import { readDataset } from './dataset';
import { planOf, renderDataset, type RenderedDataset } from './render';
import { finishProgress, progressOf, reportProgress } from './progress';
import { recordExport } from './repository';

const forPilot = pilotScope.fromInput('pilotId');

export const researchExportHandlers: FeatureHandlers<keyof typeof researchExportContract> = {
  'researchExport.preview': {
    kind: 'query',
    scope: forPilot,
    run: ({ pilotId, ...options }, { db, today }) => planOf(readDataset(db, pilotId, options, today()), options, today()),
  },
  'researchExport.write': {
    kind: 'action',
    scope: forPilot,
    run: async ({ pilotId, ...options }, ctx) => {
      const exportedAt = ctx.now().toISOString();
      let made: { rendered: RenderedDataset; plan: ReturnType<typeof planOf> } | undefined;
      try {
        const { folder } = await writeExport(ctx, {
          purpose: 'Choose a folder for the research dataset',
          // Read and made after the folder is chosen, from the vault as it is then.
          render: async () => {
            reportProgress(ctx.session, 'Reading the vault', 0, 1);
            const dataset = readDataset(ctx.db, pilotId, options, ctx.today());
            const plan = planOf(dataset, options, ctx.today());
            const rendered = await renderDataset(dataset, options, exportedAt, (step, done, total) => reportProgress(ctx.session, step, done, total));
            made = { rendered, plan };
            return rendered.files;
          },
          // The entry holds the manifest's hash, so a dataset can be matched to the export that made it.
          audit: () => ({ action: `researchExport.write.sha256:${made!.rendered.manifestSha256}`, entityType: 'pilot', entityId: pilotId }),
          record: (db) => recordExport(db, pilotId, exportedAt, made!.rendered.manifestSha256, { ...options, threshold: made!.plan.threshold }, made!.rendered.replacements),
        });
        return { ...made!.plan, folder, manifestSha256: made!.rendered.manifestSha256, namesReplaced: made!.rendered.namesReplaced };
      } finally {
        finishProgress(ctx.session);
      }
    },
  },
  'researchExport.progress': {
    kind: 'query',
    scope: noPilot,
    run: (_input, { session }) => progressOf(session),
  },
};
