import type { ChemistryMeeting } from '../../../../shared/chemistry/contract';

export const pairOf = (m: ChemistryMeeting) => `${m.mentorName} and ${m.menteeName}`;
export const saidNo = (m: ChemistryMeeting) => m.mentorWillingness === 'no' || m.menteeWillingness === 'no';
