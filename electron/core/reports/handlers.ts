import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import type { reportsContract } from '../../../shared/reports/contract';
import { writeExport } from '../exports/write-export';
import { sponsorReport } from './sponsor-report';
import { renderSponsorPdf } from './sponsor-pdf';

const forPilot = pilotScope.fromInput('pilotId');

export const reportHandlers: FeatureHandlers<keyof typeof reportsContract> = {
  'reports.sponsor': {
    kind: 'query',
    scope: forPilot,
    run: ({ pilotId }, { db, today }) => sponsorReport(db, pilotId, today()),
  },
  'reports.exportSponsorPdf': {
    kind: 'action',
    scope: forPilot,
    run: async ({ pilotId }, ctx) => {
      const { folder, files } = await writeExport(ctx, {
        purpose: 'Choose a folder for the sponsor report',
        // Made after the folder is chosen, from the vault as it is then.
        render: async () => {
          const report = sponsorReport(ctx.db, pilotId, ctx.today());
          return [{ name: `sponsor-report-${pilotId}-${report.madeOn}.pdf`, data: await renderSponsorPdf(report) }];
        },
        audit: { action: 'reports.exportSponsorPdf', entityType: 'pilot', entityId: pilotId },
      });
      return { folder, file: files[0]! };
    },
  },
};
