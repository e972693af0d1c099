import type { HandlerRegistry } from '../registry/registry';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { ConcernSource } from '../../../shared/safeguarding/contract';
import { addDays } from '../util/json';
import { call } from './call';
import type { DemoClock } from './clock';

/**
 * The safeguarding register of the demo pilot: one concern followed through the protocol and
 * closed, one still open with a follow-up overdue — obviously synthetic ("(Demo)"), and worded as a
 * careful coordinator would write them. The demo fills the vault the coordinator (or a test) has
 * just unlocked, so it opens the register in-process instead of asking for the passphrase again.
 */
async function restricted<C extends Channel>(registry: HandlerRegistry, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  registry.grantStepUpInProcess();
  return call(registry, channel, input);
}

export async function fillSafeguardingDemo(registry: HandlerRegistry, { pilotId, clock }: { pilotId: number; clock: DemoClock }): Promise<void> {
  await call(registry, 'plan.setSafeguarding', {
    pilotId,
    safeguarding: {
      referralServices: [
        { name: 'Student Wellbeing Service (demo)', contact: 'wellbeing@example.ac.uk' },
        { name: 'Disability Service (demo)', contact: 'disability@example.ac.uk' },
        { name: 'Campus Security (demo)', contact: 'Extension 2222 (demo)' },
        { name: 'HR Advice (demo)', contact: 'hr@example.ac.uk' },
      ],
      concernRetentionMonths: 72,
    },
  });
  // Nothing is dated after yesterday, whatever time zone the vault's "today" follows.
  const latest = clock.day(-1);
  const notAfterYesterday = (date: string) => (date > latest ? latest : date);

  // The concerns come from the pairs' held meetings and logs when there are any.
  const held: { meetingId: number; date: string; mentorId: number; submittedBy: number[] }[] = [];
  for (const pair of await call(registry, 'pairs.list', { pilotId })) {
    for (const m of (await call(registry, 'meetings.forPair', { pairId: pair.id })).meetings) {
      if (m.status === 'held' && m.heldOn) held.push({ meetingId: m.id, date: m.heldOn, mentorId: m.mentorId, submittedBy: m.logs.filter((l) => l.state === 'submitted').map((l) => l.authorId) });
    }
  }
  held.sort((a, b) => a.date.localeCompare(b.date));
  const fromLog = held.find((m) => m.submittedBy.includes(m.mentorId));
  const fromMeeting = held.filter((m) => m !== fromLog).at(-1);
  const someone = (await call(registry, 'participants.list', { pilotId, sortBy: 'name' })).rows.find((p) => p.role === 'mentor');

  // Closed: a student's log said they were struggling; referred to the wellbeing service, followed up, closed.
  const closedSource: ConcernSource = fromLog ? { kind: 'log', meetingId: fromLog.meetingId, authorId: fromLog.mentorId } : { kind: 'pilot', pilotId };
  const raisedOn = notAfterYesterday(fromLog ? addDays(fromLog.date, 1) : clock.day(-30));
  const on = (days: number) => notAfterYesterday(addDays(raisedOn, days));
  const aboutStudent = fromLog?.mentorId ?? someone?.id ?? null;
  const closed = await restricted(registry, 'safeguarding.raise', {
    source: closedSource,
    details: {
      raisedOn,
      raisedVia: fromLog ? 'log' : 'direct',
      raisedBy: 'participant',
      aboutParticipantId: aboutStudent,
      aboutOther: aboutStudent === null ? 'A student mentor (demo)' : '',
      category: 'wellbeing',
      risk: 'medium',
      whatWasSaid:
        '(Demo) In their reflective log the student wrote that deadlines and paid work had left them exhausted, and that they had not been sleeping well. When asked, they said they would like to talk to someone.',
    },
  });
  const stepNotes = ['(Demo) Spoke by phone; explained what stays confidential and what may have to be shared.', '(Demo) Agreed together to contact the Student Wellbeing Service.'];
  for (const [index, step] of closed.steps.entries()) {
    const note = stepNotes[index];
    await restricted(registry, 'safeguarding.recordStep', note ? { id: step.id, doneOn: on(index), note } : { id: step.id, doneOn: null, note: '(Demo) Not needed: nobody was at immediate risk.' });
  }
  await restricted(registry, 'safeguarding.addReferral', {
    concernId: closed.id,
    referral: { service: 'Student Wellbeing Service (demo)', referredOn: on(1), note: '(Demo) Referred with the student’s agreement.', outcome: '(Demo) Offered two appointments; the student attended both.', outcomeOn: on(9) },
  });
  await restricted(registry, 'safeguarding.addFollowUp', {
    concernId: closed.id,
    followUp: { dueOn: on(7), what: '(Demo) Check in after the first appointment.', doneOn: on(8), doneNote: '(Demo) Feeling more on top of things; wants to carry on in the scheme.' },
  });
  await restricted(registry, 'safeguarding.close', {
    id: closed.id,
    closedOn: on(12),
    outcome: '(Demo) Support in place through the wellbeing service. No further action needed; the student is continuing in the scheme.',
  });

  // Open: a staff mentee passed on something their student mentor described; one follow-up is overdue.
  const openRaisedOn = notAfterYesterday(fromMeeting ? fromMeeting.date : clock.day(-10));
  const openAbout = fromMeeting?.mentorId ?? someone?.id ?? null;
  const open = await restricted(registry, 'safeguarding.raise', {
    source: fromMeeting ? { kind: 'meeting', meetingId: fromMeeting.meetingId } : { kind: 'pilot', pilotId },
    details: {
      raisedOn: openRaisedOn,
      raisedVia: fromMeeting ? 'meeting' : 'direct',
      raisedBy: 'partner',
      aboutParticipantId: openAbout,
      aboutOther: openAbout === null ? 'A student mentor (demo)' : '',
      category: 'dignity-at-work',
      risk: 'low',
      whatWasSaid:
        '(Demo) After their meeting the staff mentee passed on that the student had described a remark about their accent by a member of staff outside the scheme, and that it had stayed with them. The student did not want to make a formal complaint for now.',
    },
  });
  if (open.steps[0]) await restricted(registry, 'safeguarding.recordStep', { id: open.steps[0].id, doneOn: openRaisedOn, note: '(Demo) Spoke with the student; they know that what happens next is their choice.' });
  await restricted(registry, 'safeguarding.addFollowUp', {
    concernId: open.id,
    followUp: { dueOn: clock.day(-2), what: '(Demo) Ask the student whether they would like information about the dignity at work procedure.' },
  });
  await restricted(registry, 'safeguarding.addFollowUp', { concernId: open.id, followUp: { dueOn: clock.day(7), what: '(Demo) Check in after the pair’s next meeting.' } });
}
