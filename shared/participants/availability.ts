/** Weekly availability as slots (weekday × part of day): coarse enough for a form, exact enough to match on. */
export const WEEKDAYS = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
] as const;
export const DAY_PARTS = [
  ['am', 'morning'],
  ['pm', 'afternoon'],
  ['eve', 'evening'],
] as const;

export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap(([d]) => DAY_PARTS.map(([p]) => `${d}-${p}`)) as [string, ...string[]];
export type AvailabilitySlot = string;

export function slotLabel(slot: string): string {
  const [day, part] = slot.split('-');
  const dayLabel = WEEKDAYS.find(([d]) => d === day)?.[1] ?? day;
  const partLabel = DAY_PARTS.find(([p]) => p === part)?.[1] ?? part;
  return `${dayLabel} ${partLabel}`;
}

const dayWords: Record<string, string> = { mon: 'mon', monday: 'mon', tue: 'tue', tues: 'tue', tuesday: 'tue', wed: 'wed', weds: 'wed', wednesday: 'wed', thu: 'thu', thur: 'thu', thurs: 'thu', thursday: 'thu', fri: 'fri', friday: 'fri' };
const partWords: Record<string, string> = { am: 'am', morning: 'am', morn: 'am', pm: 'pm', afternoon: 'pm', eve: 'eve', evening: 'eve', evenings: 'eve', mornings: 'am', afternoons: 'pm' };

/** Reads one slot as people type it in a form ("Monday morning", "mon am", "Tue-PM"); undefined when it is not one. */
export function parseSlot(text: string): string | undefined {
  const words = text.toLowerCase().replace(/[^a-z]+/g, ' ').trim().split(' ');
  if (words.length !== 2) return undefined;
  // Own keys only: "constructor morning" must not find Object.prototype.constructor.
  const day = Object.hasOwn(dayWords, words[0]!) ? dayWords[words[0]!] : undefined;
  const part = Object.hasOwn(partWords, words[1]!) ? partWords[words[1]!] : undefined;
  return day && part ? `${day}-${part}` : undefined;
}
