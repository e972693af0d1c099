import { pick } from '../util/random';
import { AVAILABILITY_SLOTS } from '../../../shared/participants/availability';
import type { ParticipantDraft } from '../../../shared/participants/contract';

const givenNames = ['Amara', 'Bilal', 'Chen', 'Dara', 'Efua', 'Farah', 'Gethin', 'Hana', 'Ifeoma', 'Jonah', 'Kiran', 'Lena', 'Malik', 'Nadia', 'Oisín', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tomasz', 'Uche', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zofia'];
const familyNames = ['Adeyemi', 'Byrne', 'Chowdhury', 'Dlamini', 'Evans', 'Fernandes', 'Gallagher', 'Haddad', 'Iqbal', 'Jones', 'Kowalski', 'Lin', 'Mensah', 'Nowak', 'Osei', 'Patel', 'Quinn', 'Rahman', 'Santos', 'Thompson', 'Usman', 'Varga', 'Williams', 'Xu', 'Yilmaz', 'Zhou'];
const departments = ['School of Law', 'School of History', 'Engineering', 'Nursing and Midwifery', 'Business School', 'Computing', 'Education', 'Psychology', 'Student Services', 'Registry', 'Library'];
const studentLevels = ['Year 1 undergraduate', 'Year 2 undergraduate', 'Final-year undergraduate', 'Taught postgraduate', 'Foundation year'];
const staffLevels = ['Pro-Vice-Chancellor', 'Dean', 'Head of School', 'Professor', 'Senior Lecturer', 'Director of Student Services', 'Programme Leader'];
const topics = ['Belonging', 'Assessment and feedback', 'Student voice', 'Timetabling', 'Cost of living', 'Curriculum', 'Campus spaces', 'Digital learning', 'Careers', 'Wellbeing'];

/** The demo's namesakes: persons 2 and 4 (both staff mentees). */
const NAMESAKES = new Set([2, 4]);

function sample<T>(random: () => number, items: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(random() * (max - min + 1));
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

/** An obviously synthetic person: reserved example.ac.uk addresses, a "(demo)" note, seeded choices. */
export function demoPerson(random: () => number, index: number, role: 'mentor' | 'mentee', eligibility: string[]): ParticipantDraft {
  // Drawn for everyone, so the rest of the demo stays the same seed for seed.
  const drawn = [pick(random, givenNames), pick(random, familyNames)] as const;
  // Two members of staff share a name on purpose: every list and picker must tell them apart.
  const [given, family] = NAMESAKES.has(index) ? (['Nadia', 'Osei'] as const) : drawn;
  const isStudent = role === 'mentor';
  return {
    name: `${given} ${family}`,
    email: `${given}.${family}.${index}@${isStudent ? 'student.' : ''}example.ac.uk`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
    role,
    department: pick(random, isStudent ? departments.slice(0, 8) : departments),
    level: pick(random, isStudent ? studentLevels : staffLevels),
    // Self-identified and optional: some students leave it blank, staff are not asked.
    characteristics: isStudent && random() < 0.8 ? sample(random, eligibility, 1, 2) : [],
    topics: sample(random, topics, 1, 3),
    availability: sample(random, AVAILABILITY_SLOTS, 2, 5),
    notes: '(demo data)',
  };
}
