import type { WriteDb } from '../db/query';
import { AppError } from '../errors';
import { uniqueIgnoringCase } from '../util/json';
import { people } from '../../../shared/words';
import { getEligibility, setEligibility } from './repository';
import { getMatchingSettings, setMatchingSettings } from '../matching';
import { countHoldingCharacteristic, renameCharacteristics } from '../participants';

export interface EligibilityChange {
  categories: string[];
  /** People whose characteristics were renamed along with the category. */
  movedPeople: number[];
}

const refuse = (message: string) => new AppError('CONFLICT', message, [{ path: ['categories'], message }]);

/**
 * Replaces a pilot's eligibility list. Characteristics are what people said about themselves, so:
 * - a renamed category (explicitly, or the same words with new capitals) is renamed on everyone who
 *   has it, and in the pairing settings, in the same transaction;
 * - a category someone still has is never removed: the change is refused, saying how many people
 *   have it. Only they can say they no longer identify with it, so it comes off their records first.
 */
export function changeEligibility(db: WriteDb, pilotId: number, wanted: string[], renames: { from: string; to: string }[], now: string): EligibilityChange {
  const before = getEligibility(db, pilotId);
  const categories = uniqueIgnoringCase(wanted);
  const kept = new Map(categories.map((c) => [c.toLowerCase(), c]));
  const current = new Map(before.map((c) => [c.toLowerCase(), c]));

  // lower-case old name → the new list's spelling
  const renameTo = new Map<string, string>();
  for (const { from, to } of renames) {
    const key = from.toLowerCase();
    const target = kept.get(to.toLowerCase());
    if (!current.has(key)) throw refuse(`“${from}” is not one of the current categories, so it cannot be renamed. Reload the plan and try again.`);
    if (!target) throw refuse(`“${from}” is renamed to “${to}”, which is not in the new list.`);
    if (renameTo.has(key) && renameTo.get(key) !== target) throw refuse(`“${from}” is renamed twice; rename it once.`);
    renameTo.set(key, target);
  }
  for (const [key, old] of current) {
    const respelt = kept.get(key);
    if (!renameTo.has(key) && respelt && respelt !== old) renameTo.set(key, respelt);
  }

  const removed = before.filter((c) => !kept.has(c.toLowerCase()) && !renameTo.has(c.toLowerCase()));
  const inUse = removed.map((c) => ({ category: c, n: countHoldingCharacteristic(db, pilotId, c) })).filter((u) => u.n > 0);
  if (inUse.length > 0) {
    const list = inUse.map((u) => `“${u.category}” (${people(u.n)})`).join(', ');
    throw refuse(
      `Nothing was saved: ${list} ${inUse.length === 1 ? 'is' : 'are'} still ticked on people’s records, so ${inUse.length === 1 ? 'it' : 'they'} cannot be removed. Rename ${inUse.length === 1 ? 'it' : 'them'} instead, or take ${inUse.length === 1 ? 'it' : 'them'} off those people’s records first (filter the participants by characteristic to find them).`,
    );
  }
  const matching = getMatchingSettings(db, pilotId);
  const usedInPairing = removed.filter((c) => matching.differenceCharacteristics.some((d) => d.toLowerCase() === c.toLowerCase()));
  if (usedInPairing.length > 0) {
    throw refuse(`Nothing was saved: the pairing settings use ${usedInPairing.map((c) => `“${c}”`).join(', ')} (pairs should differ on it). Change the pairing settings first, or rename the category instead.`);
  }

  const saved = setEligibility(db, pilotId, categories);
  const movedPeople = renameTo.size > 0 ? renameCharacteristics(db, pilotId, renameTo, now) : [];
  const renamedInPairing = matching.differenceCharacteristics.map((d) => renameTo.get(d.toLowerCase()) ?? d);
  if (renamedInPairing.some((d, i) => d !== matching.differenceCharacteristics[i])) {
    setMatchingSettings(db, pilotId, { ...matching, differenceCharacteristics: uniqueIgnoringCase(renamedInPairing) });
  }
  return { categories: saved, movedPeople };
}
