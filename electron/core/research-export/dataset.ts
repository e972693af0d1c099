import { createHash } from 'node:crypto';
import type { ReadDb } from '../db/query';
import { researchPeople, type ResearchPerson } from '../participants';
import { researchPairs } from '../matching';
import { researchMeetings } from '../meetings';
import { researchLogs } from '../logs';
import { researchStandings, researchSurveys, suppressionThreshold, type ResearchItem } from '../surveys';
import { listFocusGroups } from '../focus-groups';
import { listGroupReflections } from '../group-reflection';
import { getPlan, listThemes } from '../plan';
import { getPilot } from '../pilots';
import { researchInterviews } from '../interviews';
import { pseudonymCoder } from '../pseudonyms';
import { MAX_DATE_SHIFT_DAYS } from '../../../shared/research-export/contract';
import type { LeftOut } from '../../../shared/research-export/contract';
import { addDays } from '../util/json';
import { looksLikePersonName, type NamedEntry } from './names';
import type { CsvValue } from './csv';

/**
 * The dataset, read once from the vault and shaped into tables: who is in it (consent to take part,
 * not withdrawn), what of theirs goes out (each kind of data under the consent that covers it), and
 * what is left out and why (counts only). Free text stays as it is here, wrapped, so the name
 * replacement can run over it afterwards in batches with progress (`FreeText`).
 */

export type ColumnType = 'text' | 'free text' | 'integer' | 'date' | 'categorical' | 'pseudonym' | 'identifier';

export interface Column {
  variable: string;
  label: string;
  type: ColumnType;
  /** REDCap style: "1, Strongly disagree | 2, Disagree". */
  choices?: string;
  /** Units or validation, e.g. "minutes", "YYYY-MM-DD". */
  validation?: string;
  identifier?: boolean;
  derived?: boolean;
  pseudonymised?: boolean;
}

/** Free text awaiting name replacement; `prefer` names the people it most likely speaks of. */
export interface FreeText {
  free: string;
  prefer?: ReadonlySet<string>;
}

export type Cell = CsvValue | FreeText;

export interface Table {
  file: string;
  what: string;
  columns: Column[];
  rows: Cell[][];
}

export interface DatasetOptions {
  includeFreeText: boolean;
  shiftDates: boolean;
  threshold?: number | undefined;
}

export interface Dataset {
  pilotName: string;
  ethicsReference: string;
  threshold: number;
  people: number;
  tables: Table[];
  leftOut: LeftOut[];
  /** The gazetteer for free text: everyone of the pilot and the plan's staff, with their markers. */
  names: NamedEntry[];
}

export const WITHDRAWN_MARKER = '[withdrawn participant]';
export const ABSENT_MARKER = '[participant not in dataset]';
export const STAFF_MARKER = '[staff]';
export const PARTNER_WITHDREW = 'partner withdrew';
const NOT_IN_DATASET = 'not in dataset';
const GROUPED = 'Other (small groups)';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const dateOf = (timestamp: string | null) => (timestamp ? timestamp.slice(0, 10) : null);
const wrap = (text: string, prefer?: ReadonlySet<string>): FreeText => ({ free: text, ...(prefer ? { prefer } : {}) });

/** Days a person's dates move when shifting is chosen: from their code (itself a keyed hash), so the same in every export, never zero. */
function shiftDays(code: string): number {
  const n = createHash('sha256').update(`date-shift:${code}`).digest().readUInt32BE(0);
  const days = (n % (2 * MAX_DATE_SHIFT_DAYS)) - MAX_DATE_SHIFT_DAYS;
  return days >= 0 ? days + 1 : days;
}

function isWithdrawn(person: ResearchPerson): boolean {
  return person.erased || person.status === 'withdrawn' || person.consentState === 'withdrawn' || person.consent?.withdrawn === true;
}

/** In the dataset: consent to take part on record, neither withdrawn nor declined. */
function isIncluded(person: ResearchPerson): boolean {
  return !isWithdrawn(person) && person.consentState === 'given' && person.consent?.takePart === true;
}

/** Values held by fewer than `threshold` people become one group, so nobody is singled out by a rare value. */
function groupSmall(values: readonly string[], threshold: number): (value: string) => string {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return (value) => (!value ? '' : (counts.get(value) ?? 0) < threshold ? GROUPED : value);
}

const choicesOf = (options: readonly string[]) => options.map((label, i) => `${i + 1}, ${label}`).join(' | ');

const leftOutLine = (what: string, count: number, why: string): LeftOut[] => (count > 0 ? [{ what, count, why }] : []);

export function readDataset(db: ReadDb, pilotId: number, options: DatasetOptions, today: string): Dataset {
  const pilot = getPilot(db, pilotId);
  const plan = getPlan(db, pilotId, today);
  const threshold = options.threshold ?? suppressionThreshold(db, pilotId);
  const code = pseudonymCoder(db);
  const people = researchPeople(db, pilotId);
  const byId = new Map(people.map((p) => [p.id, p]));
  const included = people.filter(isIncluded);
  const inDataset = new Set(included.map((p) => p.id));
  const codes = new Map(included.map((p) => [p.id, code(p.id)]));
  const shift = (personId: number | undefined, date: string | null): string | null => {
    if (!date || !options.shiftDates || personId === undefined || !codes.has(personId)) return date;
    return addDays(date, shiftDays(codes.get(personId)!));
  };
  const text = (value: string, prefer?: ReadonlySet<string>): Cell => (value.trim() ? wrap(value, prefer) : null);
  const leftOut: LeftOut[] = [];

  // --- the gazetteer: everyone of the pilot (those out of the dataset get a marker that names nobody) and the plan's staff.
  const names: NamedEntry[] = people.filter((p) => !p.erased).map((p) => ({
    key: String(p.id),
    names: [p.name],
    marker: codes.has(p.id) ? `[${codes.get(p.id)!}]` : isWithdrawn(p) ? WITHDRAWN_MARKER : ABSENT_MARKER,
  }));
  const staff = new Set<string>();
  for (const contact of plan.support.contacts) if (contact.name.trim()) staff.add(contact.name.trim());
  const focusGroups = listFocusGroups(db, pilotId);
  for (const group of focusGroups) if (group.facilitator.trim()) staff.add(group.facilitator.trim());
  // A contact may be a service ("Student Wellbeing Service"): only people's names are hidden.
  [...staff].filter(looksLikePersonName).forEach((name, i) => names.push({ key: `staff:${i}`, names: [name], marker: STAFF_MARKER }));

  // --- participants
  const research = (p: ResearchPerson) => p.consent?.researchUseOfLogs === true;
  // Only people whose consent covers research use count towards the groups their details are shown in.
  const researchConsenting = included.filter(research);
  const departmentOf = groupSmall(researchConsenting.map((p) => p.department.trim()), threshold);
  const levelOf = groupSmall(researchConsenting.map((p) => p.level.trim()), threshold);
  const characteristicOf = groupSmall(researchConsenting.flatMap((p) => [...new Set(p.characteristics.map((c) => c.trim()))]), threshold);
  const participants: Table = {
    file: 'participants.csv',
    what: 'People in the dataset: role, status, consent choices; department, level and characteristics where consent covers them',
    columns: [
      { variable: 'participant', label: 'Participant code (the same in every export of this vault)', type: 'pseudonym', identifier: true, pseudonymised: true, validation: 'P-XXXX-XXXX' },
      { variable: 'role', label: 'Role in the scheme', type: 'categorical', choices: 'mentor, Student mentor | mentee, Staff mentee' },
      { variable: 'status', label: 'Where the person is in the scheme at export', type: 'categorical', choices: 'interested | chemistry | trained | paired | active | completed' },
      { variable: 'consent_given_on', label: 'Date the consent on record was given', type: 'date', validation: options.shiftDates ? 'YYYY-MM-DD, shifted per person' : 'YYYY-MM-DD', derived: options.shiftDates },
      { variable: 'consent_research_use', label: 'Consented to research use of their reflective logs (read as covering survey answers, department, level and characteristics)', type: 'categorical', choices: 'yes | no' },
      { variable: 'consent_direct_quotes', label: 'Consented to being quoted directly', type: 'categorical', choices: 'yes | no' },
      { variable: 'consent_audio_recording', label: 'Consented to audio recording', type: 'categorical', choices: 'yes | no' },
      { variable: 'consent_archiving', label: 'Consented to archiving of their data', type: 'categorical', choices: 'yes | no' },
      { variable: 'department', label: `Department (blank without research-use consent; departments of fewer than ${threshold} people shown as "${GROUPED}")`, type: 'text', derived: true },
      { variable: 'level', label: `Level or seniority (blank without research-use consent; levels of fewer than ${threshold} people grouped)`, type: 'text', derived: true },
      { variable: 'characteristics', label: `Self-identified characteristics, separated by "; " (special-category data; blank without research-use consent; those held by fewer than ${threshold} people grouped)`, type: 'text', derived: true },
    ],
    rows: included.map((p) => {
      const covered = research(p);
      const characteristics = covered ? [...new Set(p.characteristics.map((c) => characteristicOf(c.trim())).filter(Boolean))].join('; ') : '';
      return [
        codes.get(p.id)!,
        p.role,
        p.status,
        shift(p.id, p.consent?.givenOn ?? null),
        yesNo(covered),
        yesNo(p.consent?.directQuotes === true),
        yesNo(p.consent?.audioRecording === true),
        yesNo(p.consent?.archiving === true),
        covered ? departmentOf(p.department.trim()) : null,
        covered ? levelOf(p.level.trim()) : null,
        characteristics || null,
      ];
    }),
  };
  const withdrawn = people.filter(isWithdrawn).length;
  leftOut.push(...leftOutLine('People who withdrew', withdrawn, 'Withdrawn people are in no file; their partners’ rows say only “partner withdrew”.'));
  leftOut.push(...leftOutLine('People without consent to take part', people.length - included.length - withdrawn, 'Nobody is exported without consent to take part on record.'));
  leftOut.push(...leftOutLine('Departments, levels and characteristics', included.length - researchConsenting.length, 'These people did not consent to research use: their department, level and characteristics are blank.'));

  // --- pairs: a pair goes out when at least one side is in the dataset.
  const pairsAll = researchPairs(db, pilotId);
  const sideOf = (id: number): string => (codes.get(id) ?? (isWithdrawn(byId.get(id)!) ? PARTNER_WITHDREW : NOT_IN_DATASET));
  const pairs = pairsAll.filter((pair) => inDataset.has(pair.mentorId) || inDataset.has(pair.menteeId));
  const pairShiftOwner = new Map(pairs.map((pair) => [pair.id, inDataset.has(pair.mentorId) ? pair.mentorId : pair.menteeId]));
  const partnersOf = new Map<number, Set<string>>();
  for (const pair of pairsAll) {
    (partnersOf.get(pair.mentorId) ?? partnersOf.set(pair.mentorId, new Set()).get(pair.mentorId)!).add(String(pair.menteeId));
    (partnersOf.get(pair.menteeId) ?? partnersOf.set(pair.menteeId, new Set()).get(pair.menteeId)!).add(String(pair.mentorId));
  }
  const pairsTable: Table = {
    file: 'pairs.csv',
    what: 'Confirmed pairs, current and ended',
    columns: [
      { variable: 'pair', label: 'Pair number (the vault’s record number)', type: 'identifier', identifier: true },
      { variable: 'mentor', label: `Student mentor’s participant code, or "${PARTNER_WITHDREW}" / "${NOT_IN_DATASET}"`, type: 'pseudonym', pseudonymised: true },
      { variable: 'mentee', label: `Staff mentee’s participant code, or "${PARTNER_WITHDREW}" / "${NOT_IN_DATASET}"`, type: 'pseudonym', pseudonymised: true },
      { variable: 'confirmed_on', label: 'Date the pair was confirmed', type: 'date', validation: 'YYYY-MM-DD' },
      { variable: 'ended_on', label: 'Date the pair ended (blank while current)', type: 'date', validation: 'YYYY-MM-DD' },
      { variable: 'ended_because', label: `Why the pair ended: "${PARTNER_WITHDREW}" when one side withdrew, else "ended" (the written reason stays in the vault)`, type: 'categorical', choices: `${PARTNER_WITHDREW} | ended`, derived: true },
    ],
    rows: pairs.map((pair) => {
      const owner = pairShiftOwner.get(pair.id);
      const partnerWithdrew = [pair.mentorId, pair.menteeId].some((id) => isWithdrawn(byId.get(id)!));
      return [
        pair.id,
        sideOf(pair.mentorId),
        sideOf(pair.menteeId),
        shift(owner, dateOf(pair.confirmedAt)),
        shift(owner, dateOf(pair.endedAt)),
        partnerWithdrew ? PARTNER_WITHDREW : pair.endedAt ? 'ended' : null,
      ];
    }),
  };
  leftOut.push(...leftOutLine('Pairs', pairsAll.length - pairs.length, 'Neither side of these pairs is in the dataset.'));
  const pairIds = new Set(pairs.map((pair) => pair.id));

  // --- meetings of those pairs (place and notes stay in the vault)
  const meetingsAll = researchMeetings(db, pilotId);
  const meetings = meetingsAll.filter((m) => pairIds.has(m.pairId));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const meetingsTable: Table = {
    file: 'meetings.csv',
    what: 'Meetings of those pairs (place and notes are not exported)',
    columns: [
      { variable: 'meeting', label: 'Meeting number in the vault', type: 'identifier', identifier: true },
      { variable: 'pair', label: 'Pair (pairs.csv)', type: 'identifier', identifier: true },
      { variable: 'meeting_number', label: 'Place of the meeting in the plan (1 = first)', type: 'integer', validation: '1 or more' },
      { variable: 'theme', label: 'The plan’s theme for the meeting', type: 'text' },
      { variable: 'planned_on', label: 'Date the meeting is or was planned for', type: 'date', validation: 'YYYY-MM-DD' },
      { variable: 'planned_minutes', label: 'Planned length', type: 'integer', validation: 'minutes' },
      { variable: 'mode', label: 'How the pair meets', type: 'categorical', choices: 'in-person | online' },
      { variable: 'status', label: 'Whether it was held', type: 'categorical', choices: 'scheduled | held | cancelled' },
      { variable: 'held_on', label: 'Date it was held', type: 'date', validation: 'YYYY-MM-DD' },
      { variable: 'actual_minutes', label: 'Length as held', type: 'integer', validation: 'minutes' },
      { variable: 'times_rescheduled', label: 'How often it was moved', type: 'integer', validation: '0 or more' },
    ],
    rows: meetings.map((m) => {
      const owner = pairShiftOwner.get(m.pairId);
      return [m.id, m.pairId, m.sequence, m.themeTitle, shift(owner, m.date), m.durationMin, m.mode, m.status, shift(owner, m.heldOn), m.actualDurationMin, m.rescheduleCount];
    }),
  };

  // --- reflective logs: only their authors' own consent to research use of logs lets them out.
  const stages = [
    ['description', 'Description: what happened'],
    ['feelings', 'Feelings'],
    ['evaluation', 'Evaluation: what was good and bad'],
    ['analysis', 'Analysis: what sense can be made of it'],
    ['conclusion', 'Conclusion: what else could have been done'],
    ['actionPlan', 'Action plan: what next time'],
  ] as const;
  const logsAll = researchLogs(db, pilotId);
  let logsWithdrawn = 0;
  let logsNoConsent = 0;
  const logs = logsAll.filter((log) => {
    const author = byId.get(log.authorId);
    if (!author || !inDataset.has(log.authorId) || !meetingById.has(log.meetingId)) {
      if (author && isWithdrawn(author)) logsWithdrawn++;
      else logsNoConsent++;
      return false;
    }
    if (!research(author)) {
      logsNoConsent++;
      return false;
    }
    return true;
  });
  const logsTable: Table = {
    file: 'logs.csv',
    what: options.includeFreeText ? 'Reflective logs (Gibbs’ cycle), names in the text replaced' : 'Reflective logs (Gibbs’ cycle): which were written, without their text',
    columns: [
      { variable: 'log', label: 'Log number in the vault', type: 'identifier', identifier: true },
      { variable: 'meeting', label: 'Meeting (meetings.csv)', type: 'identifier', identifier: true },
      { variable: 'pair', label: 'Pair (pairs.csv)', type: 'identifier', identifier: true },
      { variable: 'author', label: 'Author’s participant code', type: 'pseudonym', pseudonymised: true },
      { variable: 'author_role', label: 'Author’s role', type: 'categorical', choices: 'mentor | mentee' },
      { variable: 'state', label: 'Submitted, or recorded as not provided', type: 'categorical', choices: 'submitted | not-provided' },
      { variable: 'submitted_on', label: 'Date submitted', type: 'date', validation: 'YYYY-MM-DD' },
      { variable: 'source', label: 'Entered in the app or imported from a form', type: 'categorical', choices: 'entered | imported' },
      ...(options.includeFreeText
        ? stages.map(([stage, label]) => ({ variable: stage === 'actionPlan' ? 'action_plan' : stage, label: `${label} (free text; names replaced with [P-XXXX-XXXX] or another marker in brackets)`, type: 'free text' as const, pseudonymised: true }))
        : []),
    ],
    rows: logs.map((log) => {
      const meeting = meetingById.get(log.meetingId)!;
      const owner = pairShiftOwner.get(meeting.pairId);
      const prefer = partnersOf.get(log.authorId);
      return [
        log.id,
        log.meetingId,
        meeting.pairId,
        codes.get(log.authorId)!,
        byId.get(log.authorId)!.role,
        log.state,
        shift(owner, dateOf(log.submittedAt)),
        log.source,
        ...(options.includeFreeText ? stages.map(([stage]) => text(log[stage], prefer)) : []),
      ];
    }),
  };
  leftOut.push(...leftOutLine('Reflective logs', logsNoConsent, 'Their authors did not consent to research use of their logs, or are not in the dataset.'));
  leftOut.push(...leftOutLine('Reflective logs', logsWithdrawn, 'Their authors withdrew.'));

  // --- survey responses: one row per response, one column per question (its latest wording).
  const surveys = researchSurveys(db, pilotId);
  const standings = researchStandings(db, pilotId);
  const waveById = new Map(surveys.waves.map((w) => [w.id, w]));
  const scored = surveys.items.filter((item) => item.kind !== 'text');
  const written = options.includeFreeText ? surveys.items.filter((item) => item.kind === 'text') : [];
  const itemColumn = (item: ResearchItem): Column => ({
    variable: `item_${item.id}`,
    label: item.text,
    type: item.kind === 'text' ? 'free text' : 'categorical',
    ...(item.kind === 'text' ? { pseudonymised: true } : { choices: choicesOf(item.options), validation: item.reverseScored ? 'reverse-scored (as answered, not reversed)' : 'as answered' }),
  });
  let responsesLeftOut = 0;
  const responses = surveys.responses.filter((r) => {
    const ok = inDataset.has(r.participantId) && standings.get(r.participantId)?.standing === 'covered';
    if (!ok) responsesLeftOut++;
    return ok;
  });
  const surveyTable: Table = {
    file: 'survey_responses.csv',
    what: 'Survey responses, one row per response and one column per question',
    columns: [
      { variable: 'response', label: 'Response number in the vault', type: 'identifier', identifier: true },
      { variable: 'wave', label: 'Survey wave number in the vault', type: 'identifier', identifier: true },
      { variable: 'wave_kind', label: 'When the wave ran', type: 'categorical', choices: 'pre, Before the scheme | post, After the scheme | follow-up, Follow-up' },
      { variable: 'wave_title', label: 'The wave’s title', type: 'text' },
      { variable: 'questionnaire', label: 'The questionnaire’s title', type: 'text' },
      { variable: 'questionnaire_version', label: 'Version of the questionnaire answered', type: 'integer', validation: '1 or more' },
      { variable: 'respondent', label: 'Respondent’s participant code', type: 'pseudonym', pseudonymised: true },
      { variable: 'recorded_on', label: 'Date the response was recorded', type: 'date', validation: 'YYYY-MM-DD' },
      ...scored.map(itemColumn),
      ...written.map(itemColumn),
    ],
    rows: responses.map((r) => {
      const wave = waveById.get(r.waveId)!;
      const prefer = partnersOf.get(r.participantId);
      return [
        r.id,
        r.waveId,
        wave.kind,
        wave.title,
        wave.instrumentTitle,
        r.versionNumber,
        codes.get(r.participantId)!,
        shift(r.participantId, dateOf(r.recordedAt)),
        ...scored.map((item) => r.scores.get(item.id) ?? null),
        ...written.map((item) => text(r.texts.get(item.id) ?? '', prefer)),
      ];
    }),
  };
  leftOut.push(...leftOutLine('Survey responses', responsesLeftOut, 'Their respondents withdrew, did not consent to research use, or are not in the dataset.'));

  // --- findings of focus groups and group reflections (the coordinator's summaries; attendance, facilitators, places and notes stay in the vault)
  const themeTitles = new Map(listThemes(db, pilotId).map((theme) => [theme.id, theme.title]));
  /** One findings file: a row per finding, oldest first, with its event, the event's own columns, its themes and (optionally) its text. */
  const findingsFile = <E extends { id: number; heldOn: string }>(spec: {
    file: string;
    what: string;
    event: { variable: string; label: string; held: string };
    eventColumns: Table['columns'];
    eventValues: (event: E) => (string | number | null)[];
    findings: { event: E; finding: { id: number; text: string; themeIds: number[] } }[];
  }): Table => ({
    file: spec.file,
    what: spec.what,
    columns: [
      { variable: 'finding', label: 'Finding number in the vault', type: 'identifier', identifier: true },
      { variable: spec.event.variable, label: spec.event.label, type: 'identifier', identifier: true },
      { variable: 'held_on', label: spec.event.held, type: 'date', validation: 'YYYY-MM-DD' },
      ...spec.eventColumns,
      { variable: 'themes', label: 'The plan’s themes the finding is linked to, separated by "; "', type: 'text' },
      ...(options.includeFreeText ? [{ variable: 'finding_text', label: 'The finding (free text; names replaced)', type: 'free text' as const, pseudonymised: true }] : []),
    ],
    rows: spec.findings
      .sort((a, b) => a.finding.id - b.finding.id)
      .map(({ event, finding }) => [
        finding.id,
        event.id,
        event.heldOn,
        ...spec.eventValues(event),
        finding.themeIds.map((id) => themeTitles.get(id) ?? '').filter(Boolean).join('; ') || null,
        ...(options.includeFreeText ? [text(finding.text)] : []),
      ]),
  });
  const findingsTable = findingsFile({
    file: 'focus_group_findings.csv',
    what: 'Focus-group findings with their themes (attendance, facilitators and notes are not exported)',
    event: { variable: 'focus_group', label: 'Focus group number in the vault', held: 'Date the focus group was held' },
    eventColumns: [{ variable: 'audience', label: 'Who took part', type: 'categorical', choices: 'staff | students | mixed' }],
    eventValues: (group) => [group.audience],
    findings: focusGroups.flatMap((group) => group.findings.map((finding) => ({ event: group, finding }))),
  });
  const reflectionFindingsTable = findingsFile({
    file: 'group_reflection_findings.csv',
    what: 'Group reflection findings with their themes (attendance, place and notes are not exported)',
    event: { variable: 'group_reflection', label: 'Group reflection number in the vault', held: 'Date the group reflection was held' },
    eventColumns: [],
    eventValues: () => [],
    findings: listGroupReflections(db, pilotId).flatMap((event) => event.findings.map((finding) => ({ event, finding }))),
  });
  // --- closing interviews: metadata only (notes, recordings and transcripts stay in the vault); interviewers as codes.
  const interviewsAll = researchInterviews(db, pilotId);
  const interviews = interviewsAll.filter((v) => inDataset.has(v.participantId));
  const interviewerCode = new Map([...new Set(interviewsAll.map((v) => v.interviewerId))].sort((a, b) => a - b).map((id, i) => [id, `I-${i + 1}`]));
  const interviewsTable: Table = {
    file: 'interviews.csv',
    what: 'Closing interviews: who, when and what exists (notes, recordings and transcripts are not exported)',
    columns: [
      { variable: 'interview', label: 'Interview number in the vault', type: 'identifier', identifier: true },
      { variable: 'participant', label: 'Interviewee’s participant code', type: 'pseudonym', pseudonymised: true },
      { variable: 'role', label: 'Interviewee’s role', type: 'categorical', choices: 'mentor | mentee' },
      { variable: 'interviewer', label: 'Interviewer, as a code numbered within this pilot (I-1, I-2…; never a name)', type: 'pseudonym', pseudonymised: true },
      { variable: 'scheduled_on', label: 'Date the interview was or is scheduled for', type: 'date', validation: 'YYYY-MM-DD' },
      { variable: 'state', label: 'Whether it was held', type: 'categorical', choices: 'scheduled | done | cancelled' },
      { variable: 'done_on', label: 'Date it was marked done', type: 'date', validation: 'YYYY-MM-DD' },
      { variable: 'has_audio', label: 'Whether a complete audio recording is kept in the vault', type: 'categorical', choices: 'yes | no' },
      { variable: 'has_transcript', label: 'Whether a transcript is kept in the vault', type: 'categorical', choices: 'yes | no' },
    ],
    rows: interviews.map((v) => [
      v.id,
      codes.get(v.participantId)!,
      byId.get(v.participantId)!.role,
      interviewerCode.get(v.interviewerId)!,
      shift(v.participantId, v.scheduledOn),
      v.status,
      shift(v.participantId, dateOf(v.doneAt)),
      yesNo(v.hasAudio),
      yesNo(v.hasTranscript),
    ]),
  };
  const interviewsWithdrawn = interviewsAll.filter((v) => { const person = byId.get(v.participantId); return person !== undefined && isWithdrawn(person); }).length;
  leftOut.push(...leftOutLine('Closing interviews', interviewsWithdrawn, 'The people interviewed withdrew.'));
  leftOut.push(...leftOutLine('Closing interviews', interviewsAll.length - interviews.length - interviewsWithdrawn, 'The people interviewed are not in the dataset (no consent to take part on record).'));
  if (!options.includeFreeText) {
    const freeTexts = logs.filter((log) => log.state === 'submitted').length + findingsTable.rows.length + reflectionFindingsTable.rows.length + responses.reduce((n, r) => n + r.texts.size, 0);
    leftOut.push(...leftOutLine('Free text (logs, findings, survey answers)', freeTexts, 'You chose to leave free text out.'));
  }

  return {
    pilotName: pilot.name,
    ethicsReference: plan.governance.ethicsReference,
    threshold,
    people: included.length,
    tables: [participants, pairsTable, meetingsTable, logsTable, surveyTable, interviewsTable, findingsTable, reflectionFindingsTable],
    leftOut,
    names,
  };
}
