/**
 * Telling two people with the same name apart. Given the people shown together (a list, a picker),
 * only those whose names collide get a note: their department and role, or their email where even
 * those are the same. Everyone else is shown by name alone, as before.
 */
import type { ParticipantRole } from './contract';

const roleWords: Record<ParticipantRole, string> = { mentor: 'student mentor', mentee: 'staff mentee' };

export interface Distinguishable {
  id: number;
  name: string;
  role?: ParticipantRole | undefined;
  department?: string | undefined;
  email?: string | undefined;
}

const sameName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

const departmentAndRole = (p: Distinguishable) => [p.department?.trim(), p.role ? roleWords[p.role] : ''].filter(Boolean).join(' · ');

/** The note that tells each person apart from a namesake in `people`, by id; people without a namesake are absent. */
export function disambiguators(people: readonly Distinguishable[]): Map<number, string> {
  const byName = new Map<string, Distinguishable[]>();
  for (const person of people) {
    const key = sameName(person.name);
    const group = byName.get(key) ?? [];
    // The same person listed twice (in two pairs, say) is not a namesake of themselves.
    if (!group.some((p) => p.id === person.id)) group.push(person);
    byName.set(key, group);
  }
  const notes = new Map<number, string>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const described = group.map((p) => departmentAndRole(p));
    for (const [i, person] of group.entries()) {
      const note = described[i]!;
      const unique = note !== '' && described.filter((d) => d === note).length === 1;
      notes.set(person.id, unique || !person.email ? note || `person ${person.id}` : person.email);
    }
  }
  return notes;
}

/** "Helen Marsh (Law · staff mentee)" when there is a namesake, else "Helen Marsh". */
export function distinctName(person: Distinguishable, notes: Map<number, string>): string {
  const note = notes.get(person.id);
  return note ? `${person.name} (${note})` : person.name;
}
