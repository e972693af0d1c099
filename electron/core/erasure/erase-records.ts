/**
 * Everything about one person, feature by feature, each through its own module: the kinds of data
 * and how many records of each went. Used by a person's erasure and, person by person, by a
 * pilot's. Runs inside the caller's transaction.
 */
import type { WriteDb } from '../db/query';
import type { ErasureKind } from '../../../shared/erasure/contract';
import { eraseLogsBy } from '../logs';
import { eraseChemistryMeetingsOf } from '../chemistry';
import { eraseTrainingAttendanceOf } from '../training';
import { erasePairingRulesOf } from '../matching';
import { eraseSurveyResponsesOf } from '../surveys';
import { eraseFocusGroupAttendanceOf } from '../focus-groups';
import { eraseReflectionAttendanceOf } from '../group-reflection';
import { eraseConcernsAbout, unlinkConcernsFromLogsOf } from '../safeguarding';
import { eraseParticipantRecord } from '../participants';
import { eraseInterviewsOf } from '../interviews';
import { eraseReplacementsOf } from '../research-export';

export type KindCounts = Map<ErasureKind, number>;

export const addCount = (counts: KindCounts, kind: ErasureKind, n: number) => counts.set(kind, (counts.get(kind) ?? 0) + n);

export function eraseRecordsOf(db: WriteDb, participantId: number, at: string, includeSafeguarding: boolean, counts: KindCounts): void {
  addCount(counts, 'reflective-logs', eraseLogsBy(db, participantId));
  addCount(counts, 'chemistry-meetings', eraseChemistryMeetingsOf(db, participantId));
  addCount(counts, 'training-attendance', eraseTrainingAttendanceOf(db, participantId));
  addCount(counts, 'pairing-rules', erasePairingRulesOf(db, participantId));
  const survey = eraseSurveyResponsesOf(db, participantId);
  addCount(counts, 'survey-responses', survey.responses);
  addCount(counts, 'survey-free-text', survey.textAnswers);
  addCount(counts, 'focus-group-attendance', eraseFocusGroupAttendanceOf(db, participantId));
  addCount(counts, 'group-reflection-attendance', eraseReflectionAttendanceOf(db, participantId));
  addCount(counts, 'closing-interviews', eraseInterviewsOf(db, participantId));
  // The research exports' replacement log holds the words found for them (their name): it goes too.
  eraseReplacementsOf(db, participantId);
  unlinkConcernsFromLogsOf(db, participantId);
  if (includeSafeguarding) addCount(counts, 'safeguarding-concerns', eraseConcernsAbout(db, participantId).removedConcernIds.length);
  const record = eraseParticipantRecord(db, participantId, at);
  addCount(counts, 'consent-records', record.consents);
  addCount(counts, 'status-history', record.statusChanges);
  addCount(counts, 'participant-record', 1);
}
