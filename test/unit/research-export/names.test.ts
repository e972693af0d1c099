import { describe, expect, it } from 'vitest';
import { withoutContactDetails } from '../../../electron/core/research-export/render';
import { looksLikePersonName, nameForms, nameReplacer, type NamedEntry } from '../../../electron/core/research-export/names';

const person = (key: string, marker: string, ...names: string[]): NamedEntry => ({ key, names, marker: `[${marker}]` });

const register = nameReplacer([
  person('1', 'P-7F3K', 'Amara Okafor'),
  person('2', 'P-2B9Q', 'José Álvarez García'),
  person('3', 'P-4D8M', 'Siobhán Ní Bhriain'),
  person('4', 'P-9H2X', 'Oluwaseun Adeyemi-Cole'),
  person('5', 'P-5K1T', 'Nguyễn Thị Minh'),
  person('6', 'P-6W0R', 'Pieter van der Berg'),
  person('7', 'P-8Z3N', 'Will Young'),
  person('8', 'P-1A7C', 'Sam Patel'),
  person('9', 'P-3E6V', 'Sam Okonkwo'),
  person('10', 'P-0J4L', '李明'),
  person('11', 'P-2M5S', 'Анна Иванова'),
  person('12', 'P-7Q8U', "Liam O'Brien"),
  person('staff-1', 'STAFF', 'Dr Ruth Mensah-Boateng'),
]);

describe('names in free text', () => {
  it('replaces a first name, a surname and a full name, once for the full name', () => {
    expect(register.replace('Amara said Okafor was late. Amara Okafor agreed.')).toBe('[P-7F3K] said [P-7F3K] was late. [P-7F3K] agreed.');
  });

  it('keeps possessives after the marker', () => {
    expect(register.replace("Amara's idea and O'Brien’s reply")).toBe("[P-7F3K]'s idea and [P-7Q8U]’s reply");
    expect(register.replace("Liam O'Brien's notes")).toBe("[P-7Q8U]'s notes");
  });

  it('is blind to case and accents, and keeps the text around the name as it was', () => {
    expect(register.replace('jose met ÁLVAREZ; José Álvarez García was there — café')).toBe('[P-2B9Q] met [P-2B9Q]; [P-2B9Q] was there — café');
    expect(register.replace('Siobhan and SIOBHÁN and siobhán')).toBe('[P-4D8M] and [P-4D8M] and [P-4D8M]');
    // A name written with combining accents (decomposed) is found too, accents and all replaced.
    expect(register.replace('Jose\u0301 arrived')).toBe('[P-2B9Q] arrived');
  });

  it('finds multi-word and hyphenated surnames, whole or in parts, but never a particle alone', () => {
    expect(register.replace('Mr van der Berg and Berg')).toBe('Mr [P-6W0R] and [P-6W0R]');
    expect(register.replace('I met van and der at the café')).toBe('I met van and der at the café');
    expect(register.replace('Adeyemi-Cole, Adeyemi and Cole')).toBe('[P-9H2X], [P-9H2X] and [P-9H2X]');
    expect(register.replace('Álvarez García said')).toBe('[P-2B9Q] said');
    expect(register.replace('Ní Bhriain wrote')).toBe('[P-4D8M] wrote');
  });

  it('handles names from many scripts and cultures', () => {
    expect(register.replace('Nguyen Thi Minh and Nguyễn, then Minh')).toBe('[P-5K1T] and [P-5K1T], then [P-5K1T]');
    expect(register.replace('Анна сказала, что Иванова придёт')).toBe('[P-2M5S] сказала, что [P-2M5S] придёт');
    expect(register.replace('我和李明说了')).toBe('我和[P-0J4L]说了');
    expect(register.replace('Oluwaseun led the meeting')).toBe('[P-9H2X] led the meeting');
  });

  it('does not replace inside other words', () => {
    expect(register.replace('Samantha wrote about samosas; Amaranth grows; Bergen is a city; Minhas')).toBe('Samantha wrote about samosas; Amaranth grows; Bergen is a city; Minhas');
  });

  it('replaces a name that is an everyday word only where it is written with a capital', () => {
    expect(register.replace('I will ask Will; young people and Young')).toBe('I will ask [P-8Z3N]; young people and [P-8Z3N]');
  });

  it('resolves a first name two people share to the partner the text is about, or names both', () => {
    expect(register.replace('Sam was kind')).toBe('[P-1A7C or P-3E6V] was kind');
    expect(register.replace('Sam was kind', { prefer: new Set(['9']) })).toBe('[P-3E6V] was kind');
    expect(register.replace('Sam Patel and Sam Okonkwo')).toBe('[P-1A7C] and [P-3E6V]');
  });

  it('replaces staff from the plan with their marker and titles stay', () => {
    expect(register.replace('Dr Ruth Mensah-Boateng, Mensah and Boateng')).toBe('Dr [STAFF], [STAFF] and [STAFF]');
  });

  it('matches a full name split over a line break or double space', () => {
    expect(register.replace('Amara\nOkafor and Amara  Okafor')).toBe('[P-7F3K] and [P-7F3K]');
  });

  it('logs what it replaced', () => {
    const found: string[] = [];
    register.replace("Amara's and José", { onReplace: (text, marker) => found.push(`${text}→${marker}`) });
    expect(found).toEqual(['Amara→[P-7F3K]', 'José→[P-2B9Q]']);
  });

  it('leaves text without names untouched, and an empty register changes nothing', () => {
    const text = 'We talked about belonging and the timetable.';
    expect(register.replace(text)).toBe(text);
    expect(nameReplacer([]).replace('Amara')).toBe('Amara');
  });

  it('lists each run of a name’s words and the parts of hyphenated words', () => {
    expect(nameForms('Pieter van der Berg').sort()).toEqual(['berg', 'der berg', 'pieter', 'pieter van der berg', 'van der berg'].sort());
    expect(nameForms('Oluwaseun Adeyemi-Cole')).toEqual(expect.arrayContaining(['oluwaseun adeyemi-cole', 'adeyemi-cole', 'adeyemi', 'cole', 'oluwaseun']));
  });
});

describe('names from the plan', () => {
  it('tells a person’s name from a service’s, and looks for a service only by its whole name', () => {
    expect(looksLikePersonName('Dr Ruth Mensah-Boateng')).toBe(true);
    expect(looksLikePersonName('Student Wellbeing Service (demo)')).toBe(false);
    expect(looksLikePersonName('Scheme lead (demo)')).toBe(false);
    const plan = nameReplacer([{ key: 's', names: ['Student Wellbeing Service'], marker: '[staff]', wholeOnly: true }]);
    expect(plan.replace('The student went to the Student Wellbeing Service.')).toBe('The student went to the [staff].');
  });
});

describe('contact details in free text', () => {
  it('replaces email addresses and phone numbers, not dates or counts', () => {
    expect(withoutContactDetails('Mail amara.okafor.3@student.example.ac.uk or call 07700 900123 / +44 20 7946 0958.')).toBe('Mail [email] or call [phone] / [phone].');
    expect(withoutContactDetails('Met on 2026-11-22 for 45 minutes, 3 times')).toBe('Met on 2026-11-22 for 45 minutes, 3 times');
  });
});

describe('names many people share', () => {
  it('lists up to three codes, then only says how many people share the name; numbers in a name are not looked for', () => {
    const many = nameReplacer(['1', '2', '3', '4'].map((n) => person(n, `P-000${n}`, `Jo Smith${n}`)));
    expect(many.replace('Jo came')).toBe('[one of 4 participants] came');
    expect(nameReplacer([person('1', 'P-1', 'Person 12 Adeyemi')]).replace('Room 12 with Adeyemi')).toBe('Room 12 with [P-1]');
  });
});

describe('initials', () => {
  it('looks for the name around an initial, never the initial alone', () => {
    const plan = nameReplacer([person('s', 'staff', 'Dr R. Demo')]);
    expect(plan.replace('Dr R. Demo said, as did Demo. Part r. of the form')).toBe('Dr [staff] said, as did [staff]. Part r. of the form');
  });
});
