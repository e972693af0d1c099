/**
 * Erasing a pilot's personal data once its retention period has run out: everyone in it, person by
 * person through the same steps as a single erasure, then their emptied records with their pairs
 * and meetings. The pilot, its plan, themes, timeline, consent form versions, questionnaires and
 * focus-group sessions (their names replaced) stay: they describe the scheme, not a person.
 * Refused before expiry, and without the pilot's name typed out.
 */
import { AppError } from '../errors';
import { transaction } from '../db/query';
import type { ActionContext } from '../registry/types';
import type { ErasureCertificate } from '../../../shared/erasure/contract';
import { formatDate } from '../../../shared/dates';
import { countPairsInPilot } from '../matching';
import { countMeetingsInPilot } from '../meetings';
import { countConcernsAboutPeopleOf, peopleWithConcerns } from '../safeguarding';
import { deleteErasedParticipantsOfPilot, erasureSubject, participantsToErase } from '../participants';
import { getPilot } from '../pilots';
import { addCount, eraseRecordsOf, type KindCounts } from './erase-records';
import { redactNamesInPilot } from './redact-names';
import { rebuildSearchIndex, secureDeleteOn } from './purge';
import { auditHead, insertCertificate } from './repository';
import { retentionOf } from './retention';
import { finishCleanup, sameName, toCounts } from './person';
import { BACKUPS_NOTE } from './backups-note';

export function erasePilotData(ctx: ActionContext, input: { pilotId: number; confirmName: string; includeSafeguarding: boolean }): ErasureCertificate {
  const { db } = ctx;
  const startedAt = performance.now();
  const pilot = getPilot(db, input.pilotId);
  const retention = retentionOf(db, input.pilotId, ctx.today());
  if (retention.state === 'not-set') throw new AppError('CONFLICT', `“${pilot.name}” has no retention period in its plan yet, so its data is not due for erasure. Nothing was changed.`);
  if (retention.state === 'running') throw new AppError('CONFLICT', `“${pilot.name}” keeps its data until ${formatDate(retention.expiresOn!)}; it cannot be erased before then. Nothing was changed.`);
  if (retention.peopleHeld === 0) throw new AppError('CONFLICT', `The personal data of “${pilot.name}” was already erased. Nothing more was changed.`);
  if (!sameName(input.confirmName, pilot.name)) {
    throw new AppError('INVALID_INPUT', `To erase the data of “${pilot.name}”, type the pilot’s name exactly as shown. Nothing was changed.`, [{ path: ['confirmName'], message: 'Type the pilot’s name exactly as shown' }]);
  }
  const concerns = countConcernsAboutPeopleOf(db, input.pilotId);
  const secureDelete = secureDeleteOn(db);
  const erasedAt = ctx.now().toISOString();

  const id = transaction(db, () => {
    const counts: KindCounts = new Map();
    const people = participantsToErase(db, input.pilotId);
    const names: string[] = [];
    const pairsBefore = countPairsInPilot(db, input.pilotId);
    const meetingsBefore = countMeetingsInPilot(db, input.pilotId);
    for (const { id: personId } of people) {
      const subject = erasureSubject(db, personId);
      names.push(subject.name, subject.email);
      eraseRecordsOf(db, personId, erasedAt, input.includeSafeguarding, counts);
    }
    deleteErasedParticipantsOfPilot(db, input.pilotId, input.includeSafeguarding ? [] : peopleWithConcerns(db, input.pilotId));
    addCount(counts, 'pairs', pairsBefore - countPairsInPilot(db, input.pilotId));
    addCount(counts, 'meetings', meetingsBefore - countMeetingsInPilot(db, input.pilotId));
    addCount(counts, 'names-in-free-text', redactNamesInPilot(db, input.pilotId, names));
    rebuildSearchIndex(db);
    ctx.audit({ action: 'erasure.pilot', entityType: 'pilot', entityId: input.pilotId });
    return insertCertificate(db, {
      scope: 'pilot',
      pilotId: input.pilotId,
      subjectRef: input.pilotId,
      erasedAt,
      actor: ctx.actor,
      audit: auditHead(db),
      body: {
        subject: `Personal data of pilot “${pilot.name}”`,
        pilotName: pilot.name,
        counts: toCounts(counts),
        safeguardingKept: input.includeSafeguarding ? 0 : concerns,
        cleanup: { secureDelete, searchIndexRebuilt: true, vacuumed: false, walTruncated: false, tookMs: 0 },
        backupsNote: BACKUPS_NOTE,
      },
    });
  });
  return finishCleanup(ctx, id, startedAt);
}
