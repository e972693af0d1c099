import type { FeatureHandlers } from '../registry/types';
import { pilotScope } from '../registry/scope';
import { writeExport } from '../exports/write-export';
import type { subjectAccessContract } from '../../../shared/subject-access/contract';
import { collectSubjectAccess, LEFT_OUT, sectionsOf, type SubjectAccessDocument } from './collect';
import { renderSubjectAccessHtml } from './html';

export const subjectAccessHandlers: FeatureHandlers<keyof typeof subjectAccessContract> = {
  'subjectAccess.export': {
    kind: 'action',
    scope: pilotScope.ofParticipant('participantId'),
    run: async ({ participantId }, ctx) => {
      let document: SubjectAccessDocument | undefined;
      const { folder, files } = await writeExport(ctx, {
        purpose: 'Choose a folder for the subject access documents',
        // Read after the folder is chosen, from the vault as it is then; file names carry the id, never the name.
        render: () => {
          document = collectSubjectAccess(ctx.db, participantId, ctx.now().toISOString());
          const stem = `subject-access-${participantId}-${ctx.today()}`;
          return [
            { name: `${stem}.html`, data: renderSubjectAccessHtml(document) },
            { name: `${stem}.json`, data: `${JSON.stringify(document, null, 2)}\n` },
          ];
        },
        audit: { action: 'subjectAccess.export', entityType: 'participant', entityId: participantId },
      });
      return { folder, files, sections: document ? sectionsOf(document) : [], leftOut: LEFT_OUT };
    },
  },
};
