import { describe, expect, it } from 'vitest';
import { namePartsOf, namePattern, redact } from '../../shared/erasure/redact';

const replace = (text: string, names: string[], others: string[] = []) => redact(text, namePattern(names, namePartsOf(others)));

describe('replacing an erased person’s name in other people’s text', () => {
  it('replaces the full name as one, each part, possessives, any case, and names from every script', () => {
    expect(replace('Amara Nwosu came; amara’s notes and NWOSU said hi.', ['Amara Nwosu'])).toEqual({ text: '[removed] came; [removed]’s notes and [removed] said hi.', replaced: 3 });
    expect(replace('Siobhán Ní Bhriain and Nguyễn Văn An spoke.', ['Siobhán Ní Bhriain', 'Nguyễn Văn An']).text).toBe('[removed] and [removed] spoke.');
    expect(replace('Zofia wrote to zofia.k@example.ac.uk', ['Zofia Kowalski', 'zofia.k@example.ac.uk']).text).toBe('[removed] wrote to [removed]');
  });

  it('leaves words that only contain the name, and parts another person in the register shares', () => {
    expect(replace('Amaranth and Amaras are not Amara.', ['Amara Nwosu']).text).toBe('Amaranth and Amaras are not [removed].');
    expect(replace('Amara Nwosu met Amara Okafor; Nwosu’s idea.', ['Amara Nwosu'], ['Amara Okafor']).text).toBe('[removed] met Amara Okafor; [removed]’s idea.');
  });
});
