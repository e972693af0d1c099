/**
 * The sponsor report's figures, from each feature's own counts (their index.ts): aggregate numbers
 * only. Counts of people go through small-cell suppression; the survey change is the surveys
 * feature's own paired analysis, which counts only people whose consent covers research use.
 */
import type { ReadDb } from '../db/query';
import type { Recruitment, SponsorReport } from '../../../shared/reports/contract';
import type { CellValue } from '../../../shared/surveys/contract';
import { getPilot } from '../pilots';
import { getPlan } from '../plan';
import { recruitmentByRole } from '../participants';
import { heldByTheme, meetingCounts } from '../meetings';
import { logReturns } from '../logs';
import { analyseWaves, listWaves, suppressionThreshold } from '../surveys';
import { isSmall, suppressBreakdown } from '../stats';

const cell = (n: number, threshold: number): CellValue => (isSmall(n, threshold) ? { hidden: 'small' } : { count: n });

export function sponsorReport(db: ReadDb, pilotId: number, today: string): SponsorReport {
  const pilot = getPilot(db, pilotId);
  const plan = getPlan(db, pilotId, today);
  const threshold = suppressionThreshold(db, pilotId);
  const recruitment = recruitmentByRole(db, pilotId).map((row): Recruitment => {
    // Retained and withdrawn add up to paired, which is shown: hidden together so neither can be worked out.
    const [retained, withdrawn] = suppressBreakdown([row.retained, row.withdrawn], threshold) as [CellValue, CellValue];
    return { role: row.role, interested: cell(row.interested, threshold), consented: cell(row.consented, threshold), paired: cell(row.paired, threshold), retained, withdrawn };
  });
  const meetings = meetingCounts(db, pilotId, today);
  const analysis = analyseWaves(db, pilotId, listWaves(db, pilotId, today), threshold);
  return {
    pilotName: pilot.name,
    ethicsReference: plan.governance.ethicsReference,
    madeOn: today,
    period: { startDate: pilot.startDate, endDate: pilot.endDate },
    threshold,
    recruitment,
    meetings: { held: meetings.counts.held, planned: meetings.counts.held + meetings.counts.scheduled, cancelled: meetings.counts.cancelled, pairs: meetings.pairs },
    logs: logReturns(db, pilotId),
    themes: heldByTheme(db, pilotId),
    surveys: { comparison: analysis.comparison, counted: cell(analysis.people.counted, threshold), items: analysis.items },
  };
}
