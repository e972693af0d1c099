import type { HandlerRegistry } from '../registry/registry';
import { seededRandom } from '../util/random';
import { addDays } from '../util/json';
import { demoPerson } from './people';
import type { DemoClock } from './clock';
import { call } from './call';
import { demoReflection } from './reflections';
import { startSurveysDemo } from './surveys';
import { fillSafeguardingDemo } from './safeguarding';
import { fillInterviewsDemo } from './interviews';
import { fillRecordingsDemo } from './recordings';
import { fillGroupReflectionDemo } from './group-reflection';
import { fillTranscriptDemo } from './transcripts';

export interface DemoOptions {
  seed: number;
  participants: number;
  clock: DemoClock;
}

export type DemoSummary = Record<string, number>;

const themes = [
  {
    title: 'Identity and labels',
    description: 'What the labels the university uses mean to the people they describe.',
    iceBreakers: ['How important is the label "international student" to my identity?', 'Which label would you never use for yourself?'],
  },
  { title: 'Belonging', description: 'Where students feel they belong, and where they do not.', iceBreakers: ['Where on campus do you feel most at home?', 'When did you last feel out of place here?'] },
  { title: 'Assessment and feedback', description: 'How assessment lands for students who work, commute or care.', iceBreakers: ['What feedback changed how you work?'] },
  { title: 'Being heard', description: 'How decisions reach students, and how students reach decisions.', iceBreakers: ['Who would you tell if something was wrong?'] },
];

/**
 * Fills an unlocked vault with an obviously synthetic pilot (every name carries "(demo)" or an
 * example.ac.uk address), the same for the same seed. Each feature adds its part as it lands.
 */
export async function fillDemo(registry: HandlerRegistry, options: DemoOptions): Promise<DemoSummary> {
  const random = seededRandom(options.seed);
  const { clock } = options;
  // Story: call for interest 75 days ago, pairs confirmed 35 days ago, meetings fortnightly since.
  const start = clock.day(-75);
  const year = Number(start.slice(0, 4)) - (Number(start.slice(5, 7)) < 8 ? 1 : 0);

  const previous = await call(registry, 'pilots.create', {
    name: `Reverse mentoring pilot ${year - 1}/${String(year).slice(2)} (demo)`,
    purpose: 'First round: 8 student–staff pairs, four fortnightly meetings each.',
    startDate: `${year - 1}-10-01`,
    endDate: `${year}-06-30`,
    status: 'completed',
  });
  await call(registry, 'pilots.archive', { id: previous.id });
  const pilot = await call(registry, 'pilots.create', {
    name: `Reverse mentoring scheme ${year}/${String(year + 1).slice(2)} (demo)`,
    purpose: 'Under-represented students — ethnically minoritised, mature, international and widening-participation — mentor senior leaders, so the university understands what belonging means to them.',
    startDate: start,
    endDate: clock.day(-75 + 270),
    status: 'recruiting',
  });
  const pilotId = pilot.id;

  // Plan.
  const plan = await call(registry, 'plan.get', { pilotId });
  await call(registry, 'plan.setGovernance', { pilotId, governance: { ethicsReference: 'DEMO-ETH-2026-041', retentionMonths: 60 } });
  await call(registry, 'plan.setSupport', {
    pilotId,
    support: {
      contacts: [
        { name: 'Student Wellbeing Service (demo)', role: 'First point of referral', contact: 'wellbeing@example.ac.uk' },
        { name: 'Scheme lead (demo)', role: 'Coordinator', contact: 'rm-lead@example.ac.uk' },
      ],
      escalationSteps: ['Listen, and remind the person of the limits of confidentiality.', 'Agree the next step with them; refer to Student Wellbeing.', 'If someone is at risk, call Security on 2222 (demo) and tell the scheme lead the same day.'],
    },
  });
  const themeIds: number[] = [];
  for (const theme of themes) themeIds.push((await call(registry, 'themes.create', { pilotId, theme })).id);
  const milestones = await call(registry, 'milestones.applyTemplate', { pilotId });
  // Marked done further down, on the days the story's data shows each step happened.
  const milestoneDone = async (title: string, doneOn: string) => {
    const m = milestones.find((x) => x.title === title);
    if (m) await call(registry, 'milestones.update', { id: m.id, milestone: { title: m.title, dueOn: m.dueOn, doneOn } });
  };
  const form = await call(registry, 'consentForms.create', {
    pilotId,
    form: { version: '1.0', datedOn: clock.day(-90), text: 'Demo consent form. I agree to take part in the reverse mentoring scheme; I understand I can withdraw at any time without giving a reason…' },
  });

  // Focus groups and findings, linked to the themes they informed.
  const groups = [
    { heldOn: clock.day(-100), audience: 'students' as const, facilitator: 'Dr R. Demo', staff: 0, students: 11, findings: [['Labels such as "BAME" feel imposed', [0]], ['Students who commute feel the campus is not for them', [1]]] as const },
    { heldOn: clock.day(-98), audience: 'staff' as const, facilitator: 'Dr R. Demo', staff: 7, students: 0, findings: [['Senior staff rarely hear from students directly', [3]], ['Staff unsure how feedback is received', [2]]] as const },
    { heldOn: clock.day(-92), audience: 'mixed' as const, facilitator: 'Student Union officer (demo)', staff: 4, students: 6, findings: [['Deadlines clash with paid work', [2, 1]]] as const },
  ];
  let findings = 0;
  for (const g of groups) {
    const group = await call(registry, 'focusGroups.create', {
      pilotId,
      focusGroup: { heldOn: g.heldOn, audience: g.audience, facilitator: g.facilitator, attendance: { mode: 'counts', staff: g.staff, students: g.students }, notes: 'Demo notes: themes discussed in small groups, then shared.' },
    });
    for (const [text, themeIndexes] of g.findings) {
      await call(registry, 'findings.create', { focusGroupId: group.id, finding: { text, themeIds: themeIndexes.map((i) => themeIds[i]!) } });
      findings += 1;
    }
  }

  clock.jumpTo(-74);
  // People: as many students as staff, all registered from the call for interest.
  const registered: { id: number; role: 'mentor' | 'mentee' }[] = [];
  for (let i = 0; i < options.participants; i++) {
    const role = i % 2 === 0 ? 'mentor' : 'mentee';
    const person = await call(registry, 'participants.create', { pilotId, participant: demoPerson(random, i + 1, role, plan.eligibility) });
    registered.push({ id: person.id, role });
  }
  await milestoneDone('Call for expressions of interest', start);
  if (registered.length > 0) await milestoneDone('Expressions of interest close', clock.day(-74));

  // Consent forms come back over the next fortnight: most agree, a few have not returned theirs
  // (they stay interested), and one said no to taking part (consent "declined").
  clock.jumpTo(-58);
  let consents = 0;
  const mentors: number[] = [];
  const mentees: number[] = [];
  const consentOf = new Map<number, number>();
  for (const [index, { id, role }] of registered.entries()) {
    if (random() >= 0.9) continue;
    const declined = index === 4;
    const record = await call(registry, 'consent.record', {
      participantId: id,
      formId: form.id,
      givenOn: clock.day(-73 + Math.floor(random() * 15)),
      choices: { takePart: !declined, researchUseOfLogs: random() < 0.9, audioRecording: random() < 0.7, directQuotes: random() < 0.8, archiving: random() < 0.85 },
    });
    consents += 1;
    if (declined) continue;
    consentOf.set(id, record.id);
    (role === 'mentor' ? mentors : mentees).push(id);
  }
  const withdrawn = mentees.length > 3 ? [mentees.pop()!] : [];
  for (const id of withdrawn) await call(registry, 'participants.transition', { id, to: 'withdrawn', reason: 'Timetable changed; could not commit to the meetings (demo).' });
  // One student withdraws their consent, and so leaves the scheme; the record stays, marked withdrawn.
  const consentWithdrawn = mentors.length > 3 ? [mentors.pop()!] : [];
  for (const id of consentWithdrawn) {
    await call(registry, 'consent.withdraw', { id: consentOf.get(id)!, withdrawnOn: clock.day(-58), reason: 'Exams this year; asked that their answers are no longer used (demo).', withdrawParticipant: true });
  }
  // One form was entered with the wrong box ticked: corrected, the first entry kept and marked corrected.
  const misentered = mentees[0] === undefined ? undefined : (await call(registry, 'participants.get', { id: mentees[0] })).consents[0];
  if (misentered) {
    const { id, formId, givenOn, choices } = misentered;
    await call(registry, 'consent.correct', { id, formId, givenOn, choices: { ...choices, audioRecording: !choices.audioRecording }, reason: 'Audio recording entered the wrong way round from the paper form (demo).' });
  }

  // A follow-up focus group with the first volunteers, attendance taken by name.
  clock.jumpTo(-57);
  const named = [...mentors.slice(0, 4), ...mentees.slice(0, 3)];
  if (named.length > 0) {
    const followUp = await call(registry, 'focusGroups.create', {
      pilotId,
      focusGroup: { heldOn: clock.day(-57), audience: 'mixed', facilitator: 'Scheme lead (demo)', attendance: { mode: 'named', participantIds: named }, notes: 'Demo notes: volunteers tried the ice-breakers on each other before the chemistry meetings.' },
    });
    await call(registry, 'findings.create', { focusGroupId: followUp.id, finding: { text: 'Ice-breakers about labels start the most honest conversations', themeIds: [themeIds[0]!] } });
    findings += 1;
  }

  // Chemistry meetings: each mentee meets two or three students; a few say no or maybe.
  clock.jumpTo(-50);
  const answers = ['yes', 'yes', 'yes', 'maybe', 'no'] as const;
  let chemistry = 0;
  let lastChemistry: string | undefined;
  // Whom each staff member said "yes" to after meeting them: some turn that into stated preferences.
  const liked = new Map<number, number[]>();
  // The last two to sign up on each side joined too late for chemistry meetings: they go straight to training.
  const meetMentors = mentors.slice(0, -2);
  for (const [k, menteeId] of mentees.slice(0, -2).entries()) {
    const met = new Set<number>();
    for (let n = 0; n < 2 + Math.floor(random() * 2) && meetMentors.length > 0; n++) {
      const mentorId = meetMentors[(k + n * 7 + Math.floor(random() * meetMentors.length)) % meetMentors.length]!;
      if (met.has(mentorId)) continue;
      met.add(mentorId);
      const heldOn = clock.day(-55 + Math.floor(random() * 8));
      const result = await registry.call(
        'chemistry.create',
        {
          pilotId,
          meeting: {
            heldOn,
            mentorId,
            menteeId,
            mentorWillingness: answers[Math.floor(random() * answers.length)]!,
            menteeWillingness: answers[Math.floor(random() * answers.length)]!,
          },
        },
        'demo',
      );
      if (result.ok) {
        if (result.value.menteeWillingness === 'yes') liked.set(menteeId, [...(liked.get(menteeId) ?? []), mentorId]);
        chemistry += 1; // same department pairs can still meet; only exact repeats are refused
        if (!lastChemistry || heldOn > lastChemistry) lastChemistry = heldOn;
      }
    }
  }
  if (lastChemistry) await milestoneDone('Chemistry meetings held', lastChemistry);

  // Training: most people attend the session for their role; a few have not yet.
  const attends = (ids: number[]) => ids.filter(() => random() < 0.85);
  const topicsCovered = ['Confidentiality and its limits', 'The disclosure protocol', 'Reverse mentoring: roles and expectations'];
  // A day after the last session: attendance is taken only once a session has taken place, in any time zone.
  clock.jumpTo(-39);
  const trained = new Set([...attends(mentors), ...attends(mentees)]);
  await call(registry, 'training.create', { pilotId, session: { heldOn: clock.day(-42), audience: 'mentors', topics: topicsCovered, attendeeIds: mentors.filter((id) => trained.has(id)) } });
  await call(registry, 'training.create', { pilotId, session: { heldOn: clock.day(-40), audience: 'mentees', topics: topicsCovered, attendeeIds: mentees.filter((id) => trained.has(id)) } });
  await milestoneDone('Training sessions held', clock.day(-40));

  // Stated preferences: a few staff rank the students they were keen on after chemistry.
  for (const [menteeId, mentorIds] of [...liked].filter(([, ids]) => ids.length > 1).slice(0, 6)) {
    await call(registry, 'matching.setPreferences', { participantId: menteeId, preferredIds: mentorIds });
  }
  // Conflicts of interest declared before pairing: a member of staff who teaches, or will assess, a student.
  const conflicts = [
    { kind: 'teaches' as const, note: 'Teaches the student’s second-year module (demo).' },
    { kind: 'assesses' as const, note: 'Second marker on the student’s dissertation (demo).' },
  ];
  for (const [k, conflict] of conflicts.entries()) {
    const mentorId = mentors[2 * k + 1];
    const menteeId = mentees[2 * k + 1];
    if (mentorId !== undefined && menteeId !== undefined) await call(registry, 'matching.addConflict', { pilotId, mentorId, menteeId, ...conflict });
  }

  // The survey before pairing (its wave closes two days after training).
  const surveys = await startSurveysDemo(registry, pilotId, random, clock);

  // Pairing: the scheme wants pairs to differ on being international; propose and confirm.
  await call(registry, 'matching.setSettings', {
    pilotId,
    settings: { mode: 'best-fit', weights: { chemistry: 40, preferences: 25, difference: 15, topics: 10, availability: 10 }, differenceCharacteristics: ['International'], allowSameDepartment: false, requireAvailabilityOverlap: false },
  });
  clock.jumpTo(-35);
  const proposal = await call(registry, 'matching.propose', { pilotId });
  // Only pairs whose two people are trained are confirmed; the rest wait for the next training session.
  const ready = proposal.pairs.filter((p) => trained.has(p.mentorId) && trained.has(p.menteeId));
  const confirmed = ready.length > 0 ? await call(registry, 'matching.confirm', { pilotId, pairs: ready.map(({ mentorId, menteeId }) => ({ mentorId, menteeId })) }) : [];
  if (confirmed.length > 0) await milestoneDone('Pairs confirmed', clock.day(-35));
  await call(registry, 'pilots.update', { id: pilotId, changes: { status: 'running' } });

  // Meetings and logs, up to today, in the order they happened (so every status change and audit
  // entry carries the day of the story): most held, some missed (cancelled), some not yet marked
  // (overdue); logs mostly submitted a few days later, some drafts, some missing, a few not provided.
  const counts = { held: 0, cancelled: 0, logs: 0, drafts: 0 };
  // The day the scheme's first meeting was held: the timeline's "First meetings" is done then.
  let firstHeld: string | undefined;
  const events: { date: string; order: number; run: () => Promise<unknown> }[] = [];
  const yesterday = clock.day(-1);
  const later = (date: string, days: number) => {
    const day = addDays(date, days);
    return day > yesterday ? yesterday : day;
  };
  for (const pair of confirmed) {
    const { meetings } = await call(registry, 'meetings.forPair', { pairId: pair.id });
    for (const meeting of meetings.filter((m) => m.date < clock.today)) {
      const fate = random();
      if (fate < 0.08) {
        events.push({ date: meeting.date, order: 0, run: () => call(registry, 'meetings.cancel', { id: meeting.id, note: 'Mentee unwell; not rearranged (demo).' }) });
        counts.cancelled += 1;
        continue;
      }
      if (fate < 0.16) continue; // happened or not, nobody has said: shows as overdue
      const actualDurationMin = 60 + 15 * Math.floor(random() * 3);
      events.push({ date: meeting.date, order: 0, run: () => call(registry, 'meetings.markHeld', { id: meeting.id, heldOn: meeting.date, actualDurationMin, note: '' }) });
      counts.held += 1;
      if (!firstHeld || meeting.date < firstHeld) firstHeld = meeting.date;
      for (const [authorId, role] of [[pair.mentorId, 'mentor'], [pair.menteeId, 'mentee']] as const) {
        const r = random();
        const stages = demoReflection(random, role);
        const writtenOn = later(meeting.date, 1 + Math.floor(random() * 4));
        if (r < 0.65) {
          events.push({ date: writtenOn, order: 1, run: () => call(registry, 'logs.submit', { meetingId: meeting.id, authorId, stages }) });
          counts.logs += 1;
        } else if (r < 0.8) {
          events.push({ date: writtenOn, order: 1, run: () => call(registry, 'logs.saveDraft', { meetingId: meeting.id, authorId, stages: { ...stages, analysis: '', conclusion: '', actionPlan: '' } }) });
          counts.drafts += 1;
        } else if (r < 0.85) {
          const reason = 'Preferred to talk it through instead (demo).';
          events.push({ date: later(meeting.date, 10), order: 1, run: () => call(registry, 'logs.markNotProvided', { meetingId: meeting.id, authorId, reason }) });
        }
      }
    }
  }
  // Stable: same-day events keep the order they were planned in, a meeting before its logs.
  events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  for (const event of events) {
    clock.jumpToDate(event.date);
    await event.run();
  }

  // One pair's next meeting moved a week (a room clash): its history shows the move and why.
  clock.jumpTo(-1);
  const firstPair = confirmed[0];
  const next = firstPair ? (await call(registry, 'meetings.forPair', { pairId: firstPair.id })).meetings.find((m) => m.status === 'scheduled' && m.date >= clock.today) : undefined;
  if (next) {
    await call(registry, 'meetings.reschedule', { id: next.id, date: addDays(next.date, 7), startTime: next.startTime, durationMin: next.durationMin, mode: next.mode, location: 'Students’ union, room 3 (demo)', note: 'Room clash; moved a week (demo).' });
  }

  if (firstHeld) await milestoneDone('First meetings', firstHeld);
  clock.jumpTo(-3);
  const surveyCounts = await surveys.answerPostWave();
  clock.jumpTo(-1);
  await fillSafeguardingDemo(registry, { pilotId, clock });
  const interviewCounts = await fillInterviewsDemo(registry, { pilotId, clock });
  const recordingCounts = await fillRecordingsDemo(registry, { pilotId });
  const transcriptCounts = await fillTranscriptDemo(registry, { pilotId });
  const reflectionCounts = await fillGroupReflectionDemo(registry, { pilotId, clock, themeIds });
  return { pilots: 2, themes: themes.length, 'focus groups': groups.length + (named.length > 0 ? 1 : 0), findings, participants: options.participants, consents, 'chemistry meetings': chemistry, 'training sessions': 2, pairs: confirmed.length, 'meetings held': counts.held, 'meetings cancelled': counts.cancelled, 'logs submitted': counts.logs, 'log drafts': counts.drafts, ...surveyCounts, ...interviewCounts, ...recordingCounts, ...transcriptCounts, ...reflectionCounts };
}
