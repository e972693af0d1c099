/**
 * A pilot's retention countdown: the plan's retention period runs from the pilot's end date. At
 * expiry the coordinator is led through the research export (if none was made) and then the
 * erasure of the pilot's personal data; nothing is deleted until they confirm it.
 */
import type { ReadDb } from '../db/query';
import type { Retention } from '../../../shared/erasure/contract';
import { getPilot } from '../pilots';
import { getPlan } from '../plan';
import { participantsToErase } from '../participants';
import { countConcernsAboutPeopleOf } from '../safeguarding';
import { pilotErasureCertificate } from './repository';
import { lastExportAt } from '../research-export';

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date `months` later, on the same day or the month's last day (31 August + 6 months = 28 or 29 February). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, daysInMonth(y, m))).padStart(2, '0')}`;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function retentionOf(db: ReadDb, pilotId: number, today: string): Retention {
  const pilot = getPilot(db, pilotId);
  const retentionMonths = getPlan(db, pilotId, today).governance.retentionMonths;
  const expiresOn = retentionMonths === null ? null : addMonths(pilot.endDate, retentionMonths);
  const peopleHeld = participantsToErase(db, pilotId).length;
  const certificateId = pilotErasureCertificate(db, pilotId);
  const state: Retention['state'] = certificateId !== null && peopleHeld === 0 ? 'erased' : expiresOn === null ? 'not-set' : expiresOn <= today ? 'expired' : 'running';
  return {
    pilotId,
    pilotName: pilot.name,
    endDate: pilot.endDate,
    retentionMonths,
    expiresOn,
    daysLeft: expiresOn === null ? null : daysBetween(today, expiresOn),
    state,
    peopleHeld,
    safeguardingConcerns: countConcernsAboutPeopleOf(db, pilotId),
    researchExportAt: lastExportAt(db, pilotId),
    certificateId,
  };
}
