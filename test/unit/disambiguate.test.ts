import { describe, expect, it } from 'vitest';
import { disambiguators, distinctName } from '../../shared/participants/disambiguate';

describe('telling namesakes apart', () => {
  const helenLaw = { id: 1, name: 'Helen Marsh', role: 'mentee' as const, department: 'Law', email: 'h.marsh@example.ac.uk' };
  const helenRegistry = { id: 2, name: 'helen  marsh', role: 'mentee' as const, department: 'Registry', email: 'helen.marsh@example.ac.uk' };
  const amara = { id: 3, name: 'Amara Nwosu', role: 'mentor' as const, department: 'Law', email: 'amara@example.ac.uk' };

  it('notes department and role only for people whose names collide (ignoring case and spacing)', () => {
    const notes = disambiguators([helenLaw, helenRegistry, amara]);
    expect(notes.get(1)).toBe('Law · staff mentee');
    expect(notes.get(2)).toBe('Registry · staff mentee');
    expect(notes.has(3)).toBe(false);
    expect(distinctName(helenLaw, notes)).toBe('Helen Marsh (Law · staff mentee)');
    expect(distinctName(amara, notes)).toBe('Amara Nwosu');
  });

  it('falls back to the email when department and role are the same too', () => {
    const twin = { ...helenRegistry, department: 'Law' };
    const notes = disambiguators([helenLaw, twin]);
    expect([notes.get(1), notes.get(2)]).toEqual(['h.marsh@example.ac.uk', 'helen.marsh@example.ac.uk']);
  });

  it('does not mark one person listed twice as their own namesake', () => {
    expect(disambiguators([helenLaw, { ...helenLaw }, amara]).size).toBe(0);
  });
});
