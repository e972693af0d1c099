import type { ParticipantRole } from '../../../shared/participants/contract';

/**
 * Synthetic reflective logs on Gibbs' cycle, written as a student mentor and as a senior leader
 * would write them: each stage takes one to three sentences from its own pool, so logs differ in
 * length and content while staying obviously invented (the description says "(demo)").
 */

type Stage = 'description' | 'feelings' | 'evaluation' | 'analysis' | 'conclusion' | 'actionPlan';
type Pools = Record<Stage, readonly string[]>;

const student: Pools = {
  description: [
    'We met in the library café and talked about what the label "international student" means on campus.',
    'I showed my mentee the route I take from the bus station and where I eat between lectures.',
    'We compared how feedback on an essay is written with how I actually read it the night before the next deadline.',
    'We went through a week of my timetable, including the shifts I work on Thursday and Saturday.',
    'We talked about the student survey results and which questions nobody in my year understood.',
    'My mentee asked how I found out about the hardship fund, and I explained it was from a friend, not the website.',
  ],
  feelings: [
    'I was nervous before we started.',
    'I felt listened to, which I did not expect from someone that senior.',
    'At one point I felt I was speaking for every student like me, which was a lot.',
    'Honestly, a little frustrated that nobody had asked before.',
    'Proud to show the places where I feel at home here.',
  ],
  evaluation: [
    'It was an honest conversation and we ran out of time.',
    'The first twenty minutes were awkward, then it got easier.',
    'Useful: my mentee took notes and asked follow-up questions.',
    'Less useful than last time, because we both had to leave early.',
  ],
  analysis: [
    'Labels say more about the institution than about us.',
    'Deadlines land badly for students who work, and staff rarely see the whole week.',
    'Belonging is about small, everyday signals more than big campaigns.',
    'Most of what I know about support came from other students, which means some people never hear of it.',
    'I think the gap is not that staff do not care but that they do not see the detail.',
  ],
  conclusion: [
    'I could have asked more questions of my own.',
    'Bringing a concrete example worked better than talking in general.',
    'I should say when a topic is too personal instead of going along with it.',
  ],
  actionPlan: [
    'Bring an example from a seminar next time.',
    'Share the timetable of a typical week.',
    'Meet in the students’ union next time, so my mentee sees it busy.',
    'Ask what happened to the idea we discussed last time.',
  ],
};

const seniorLeader: Pools = {
  description: [
    'My mentor walked me through a typical week, including two part-time shifts and a long commute.',
    'We discussed how assessment feedback is received, using one of my mentor’s own essays as the example.',
    'We met in the students’ union at lunchtime, which I had not visited in term time for years.',
    'My mentor explained how students find out about support, mostly by word of mouth.',
    'We talked about the language the university uses for "widening participation" students.',
    'We looked at the new timetable policy from a student’s side of the screen.',
  ],
  feelings: [
    'Uncomfortable at times, in a useful way.',
    'I realised how little of the student week I actually see.',
    'Grateful for my mentor’s candour.',
    'Somewhat defensive at first about the feedback policy, which I noticed and put aside.',
  ],
  evaluation: [
    'The most candid conversation about the student experience I have had this year.',
    'We stayed on one topic, which gave it depth.',
    'Good, though I talked more than I should have.',
    'Shorter than planned; we agreed to pick it up next time.',
  ],
  analysis: [
    'Several of our policies assume a student who lives on campus and does not work.',
    'The way we word emails signals who we expect to read them.',
    'What we call engagement, students experience as another demand on their time.',
    'Decisions made in committee rarely reach students in a form they would recognise.',
  ],
  conclusion: [
    'I need to listen for longer before offering a solution.',
    'I will check our own communications against what I heard.',
    'Some of this belongs with the faculty, not with me, and I should say so honestly.',
  ],
  actionPlan: [
    'Raise the deadline clash at the next education committee.',
    'Ask the team to review the wording of the welcome emails.',
    'Visit a seminar my mentor recommends, with their lecturer’s agreement.',
    'Read the last student survey comments for my area before our next meeting.',
  ],
};

const stages: Stage[] = ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'actionPlan'];

function sentences(random: () => number, pool: readonly string[], most: number): string {
  const count = 1 + Math.floor(random() * most);
  const left = [...pool];
  const picked: string[] = [];
  while (picked.length < count && left.length > 0) picked.push(left.splice(Math.floor(random() * left.length), 1)[0]!);
  return picked.join(' ');
}

/** One log's six stages for a mentor (a student) or a mentee (a senior leader). */
export function demoReflection(random: () => number, role: ParticipantRole): Record<Stage, string> {
  const pools = role === 'mentor' ? student : seniorLeader;
  const entries = stages.map((stage) => [stage, sentences(random, pools[stage], stage === 'description' || stage === 'analysis' ? 3 : 2)] as const);
  const log = Object.fromEntries(entries) as Record<Stage, string>;
  log.description = `${log.description} (demo)`;
  return log;
}
