import type { FeatureHandlers } from '../registry/types';
import { noPilot, pilotScope } from '../registry/scope';
import type { erasureContract } from '../../../shared/erasure/contract';
import { writeExport } from '../exports/write-export';
import { erasePerson, previewPersonErasure } from './person';
import { erasePilotData } from './pilot';
import { retentionOf } from './retention';
import { getCertificate } from './repository';
import { certificateJson, renderCertificatePdf } from './certificate-pdf';

/**
 * Erasure runs as an action, not a command: the clean-up that makes the bytes gone (VACUUM, the
 * WAL checkpoint) cannot run inside a transaction. The erasure itself is still one transaction with
 * its audit entries and certificate (person.ts, pilot.ts). Archived pilots are allowed: their
 * retention runs out too.
 */
export const erasureHandlers: FeatureHandlers<keyof typeof erasureContract> = {
  'erasure.previewPerson': {
    kind: 'query',
    scope: pilotScope.ofParticipant('participantId'),
    run: ({ participantId }, { db }) => previewPersonErasure(db, participantId),
  },
  'erasure.erasePerson': {
    kind: 'action',
    scope: pilotScope.ofParticipant('participantId'),
    archived: 'allow',
    run: async (input, ctx) => erasePerson(ctx, input),
  },
  'erasure.retention': {
    kind: 'query',
    scope: pilotScope.fromInput('pilotId'),
    run: ({ pilotId }, { db, today }) => retentionOf(db, pilotId, today()),
  },
  'erasure.erasePilot': {
    kind: 'action',
    scope: pilotScope.fromInput('pilotId'),
    archived: 'allow',
    run: async (input, ctx) => erasePilotData(ctx, input),
  },
  'erasure.certificate': {
    kind: 'query',
    // A certificate outlives what it describes: it belongs to the vault, not to a pilot.
    scope: noPilot,
    run: ({ id }, { db }) => getCertificate(db, id),
  },
  'erasure.exportCertificate': {
    kind: 'action',
    scope: noPilot,
    run: async ({ id }, ctx) => {
      getCertificate(ctx.db, id); // NOT_FOUND before the folder is asked for
      return writeExport(ctx, {
        purpose: 'Choose a folder for the erasure certificate',
        render: async () => {
          const certificate = getCertificate(ctx.db, id);
          return [
            { name: `erasure-certificate-${id}.pdf`, data: await renderCertificatePdf(certificate) },
            { name: `erasure-certificate-${id}.json`, data: certificateJson(certificate) },
          ];
        },
        audit: { action: 'erasure.exportCertificate', entityType: 'erasure_certificate', entityId: id },
      });
    },
  },
};
