import type { ReadDb } from '../db/query';
import { getParticipant } from '../participants';
import { pairsOfPerson } from '../matching';
import { meetingsOfPairs } from '../meetings';
import { logsWrittenBy } from '../logs';
import { surveyAnswersOf } from '../surveys';
import { interviewsAbout } from '../interviews';
import { reflectionsAttendedBy } from '../group-reflection';

/**
 * What a subject access request returns, and what it deliberately does not: the person's own data,
 * never a third party's (their partner's reflective logs), nor safeguarding records, which are
 * usually exempt where disclosing them could cause serious harm and are decided case by case.
 */
export const LEFT_OUT = [
  'Reflective logs written by your mentoring partner: they are your partner’s personal data (a third party), so they are not included.',
  'Safeguarding and wellbeing records: records of concerns are not released through this document, because disclosing them could cause serious harm to you or others. Ask the coordinator or the university’s data protection officer if you want to request them; each such request is considered on its own.',
  'Interview recordings: the document lists each recording (when, how long); the audio itself is not copied into it. Ask the coordinator to play it to you or to give you a copy.',
  'The audit trail: it records when records changed, never their content, and names no one outside the coordinator’s own actions.',
];

export type SubjectAccessDocument = ReturnType<typeof collectSubjectAccess>;

export function collectSubjectAccess(db: ReadDb, participantId: number, madeAt: string) {
  const { statusHistory, consents, ...record } = getParticipant(db, participantId);
  const pairs = pairsOfPerson(db, participantId);
  const meetings = meetingsOfPairs(db, pairs.map((pair) => pair.id));
  return {
    about: `Everything Reciprocal holds about ${record.name} (participant ${record.id}), made on ${madeAt.slice(0, 10)}.`,
    madeAt,
    record,
    consentHistory: consents,
    statusHistory,
    pairs,
    meetings,
    ownLogs: logsWrittenBy(db, participantId),
    surveyAnswers: surveyAnswersOf(db, participantId),
    interviews: interviewsAbout(db, participantId),
    groupReflections: reflectionsAttendedBy(db, participantId),
    leftOut: LEFT_OUT,
  };
}

/** The kinds of data in the document and how many records of each, for the screen and the audit. */
export function sectionsOf(document: SubjectAccessDocument) {
  return [
    { kind: 'Record', records: 1 },
    { kind: 'Consent history', records: document.consentHistory.length },
    { kind: 'Status history', records: document.statusHistory.length },
    { kind: 'Pairs', records: document.pairs.length },
    { kind: 'Meetings', records: document.meetings.length },
    { kind: 'Own reflective logs', records: document.ownLogs.length },
    { kind: 'Survey responses', records: document.surveyAnswers.length },
    { kind: 'Closing interviews', records: document.interviews.length },
    { kind: 'Group reflections attended', records: document.groupReflections.length },
  ];
}
