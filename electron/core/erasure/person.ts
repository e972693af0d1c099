/**
 * Erasing one person: the preview (counts per kind, before anything changes) and the erasure itself
 * in one transaction with its audit entry and certificate, followed by the byte-level clean-up.
 *
 * Someone still taking part is withdrawn first, through the lifecycle's own cascade (pairs ended,
 * remaining meetings cancelled, owed logs excused, partners flagged for re-pairing), rather than
 * refused: a right-to-erasure request must not need two separate steps, and the partner must be
 * looked after exactly as after any withdrawal. The preview says so before it happens.
 */
import { AppError } from '../errors';
import type { ReadDb } from '../db/query';
import type { ActionContext } from '../registry/types';
import { erasureKindLabels, type ErasureCertificate, type ErasureCount, type ErasureKind, type PersonErasurePreview } from '../../../shared/erasure/contract';
import { countLogsBy } from '../logs';
import { countChemistryMeetingsOf } from '../chemistry';
import { countTrainingAttendanceOf } from '../training';
import { countPairingRulesOf, currentPairsOf } from '../matching';
import { countSurveyResponsesOf } from '../surveys';
import { countFocusGroupAttendanceOf } from '../focus-groups';
import { countReflectionAttendanceOf } from '../group-reflection';
import { countConcernsAbout } from '../safeguarding';
import { countParticipantRecords, erasureSubject, getParticipant, otherNamesInPilot } from '../participants';
import { countInterviewsOf } from '../interviews';
import { withdrawBeforeErasure } from './withdraw-first';
import { getPilot } from '../pilots';
import { transaction } from '../db/query';
import { addCount, eraseRecordsOf, type KindCounts } from './erase-records';
import { redactNamesInPilot } from './redact-names';
import { purgeFreedBytes, rebuildSearchIndex, secureDeleteOn, truncateWal } from './purge';
import { auditHead, getCertificate, insertCertificate, updateCertificateBody } from './repository';
import { BACKUPS_NOTE } from './backups-note';

export const toCounts = (counts: KindCounts): ErasureCount[] =>
  [...counts].filter(([, n]) => n > 0).map(([kind, count]) => ({ kind, label: erasureKindLabels[kind], count }));

export function previewPersonErasure(db: ReadDb, participantId: number): PersonErasurePreview {
  const subject = erasureSubject(db, participantId);
  const person = getParticipant(db, participantId);
  const record = countParticipantRecords(db, participantId);
  const survey = countSurveyResponsesOf(db, participantId);
  const counts: [ErasureKind, number][] = [
    ['participant-record', subject.erasedAt ? 0 : 1],
    ['consent-records', record.consents],
    ['status-history', record.statusChanges],
    ['chemistry-meetings', countChemistryMeetingsOf(db, participantId)],
    ['training-attendance', countTrainingAttendanceOf(db, participantId)],
    ['pairing-rules', countPairingRulesOf(db, participantId)],
    ['reflective-logs', countLogsBy(db, participantId)],
    ['survey-responses', survey.responses],
    ['survey-free-text', survey.textAnswers],
    ['focus-group-attendance', countFocusGroupAttendanceOf(db, participantId)],
    ['group-reflection-attendance', countReflectionAttendanceOf(db, participantId)],
    ['closing-interviews', countInterviewsOf(db, participantId)],
  ];
  return {
    participantId,
    name: subject.name,
    role: person.role,
    department: person.department,
    status: subject.status,
    erased: subject.erasedAt !== null,
    withdrawsFirst: subject.status !== 'withdrawn' && subject.status !== 'completed',
    currentPairs: currentPairsOf(db, participantId).length,
    counts: counts.map(([kind, count]) => ({ kind, label: erasureKindLabels[kind], count })),
    safeguardingConcerns: countConcernsAbout(db, participantId),
  };
}

/** Typed confirmation: the name as shown, ignoring case and spacing. */
export const sameName = (typed: string, name: string) => typed.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase() === name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export function erasePerson(ctx: ActionContext, input: { participantId: number; confirmName: string; includeSafeguarding: boolean }): ErasureCertificate {
  const { db } = ctx;
  const startedAt = performance.now();
  const subject = erasureSubject(db, input.participantId);
  if (subject.erasedAt) throw new AppError('CONFLICT', `Person no. ${subject.id} was already erased on ${subject.erasedAt.slice(0, 10)}. Nothing more was changed.`);
  if (!sameName(input.confirmName, subject.name)) {
    throw new AppError('INVALID_INPUT', `To erase ${subject.name}, type their name exactly as shown. Nothing was changed.`, [{ path: ['confirmName'], message: 'Type the person’s name exactly as shown' }]);
  }
  const concerns = countConcernsAbout(db, subject.id);
  const secureDelete = secureDeleteOn(db);
  const pilot = getPilot(db, subject.pilotId);
  const erasedAt = ctx.now().toISOString();

  const id = transaction(db, () => {
    const counts: KindCounts = new Map();
    if (withdrawBeforeErasure(ctx, subject.id)) ctx.audit({ action: 'erasure.withdrawnFirst', entityType: 'participant', entityId: subject.id });
    eraseRecordsOf(db, subject.id, erasedAt, input.includeSafeguarding, counts);
    addCount(counts, 'names-in-free-text', redactNamesInPilot(db, subject.pilotId, [subject.name, subject.email], otherNamesInPilot(db, subject.pilotId, subject.id)));
    rebuildSearchIndex(db);
    ctx.audit({ action: 'erasure.person', entityType: 'participant', entityId: subject.id });
    return insertCertificate(db, {
      scope: 'person',
      pilotId: subject.pilotId,
      subjectRef: subject.id,
      erasedAt,
      actor: ctx.actor,
      audit: auditHead(db),
      body: {
        subject: `Person no. ${subject.id}`,
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

/** After the commit: the freed bytes purged, the result written on the certificate, the WAL emptied again. */
export function finishCleanup(ctx: ActionContext, certificateId: number, startedAt: number): ErasureCertificate {
  const { db } = ctx;
  const purged = purgeFreedBytes(db, startedAt);
  const certificate = getCertificate(db, certificateId);
  const { id: _id, scope: _scope, erasedAt: _at, actor: _actor, audit: _audit, ...body } = certificate;
  updateCertificateBody(db, certificateId, { ...body, cleanup: { ...purged, searchIndexRebuilt: true } });
  // The certificate's own update went to the WAL: empty it again (it holds nothing erased).
  truncateWal(db);
  return getCertificate(db, certificateId);
}
