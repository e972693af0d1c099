import { categoryLabels, raisedViaLabels, riskLabels, type ConcernCategory, type RaisedVia, type RiskLevel } from '../../../../shared/safeguarding/contract';
import { plural } from '../../../../shared/words';

/** The register's words, one per thing across the screens. */
export const categoryWords = (category: ConcernCategory) => categoryLabels[category];
export const riskWords = (risk: RiskLevel) => (risk === 'immediate' ? riskLabels[risk] : `${riskLabels[risk]} risk`);
export const viaWords = (via: RaisedVia) => raisedViaLabels[via].toLowerCase();
export const concernName = (id: number) => `Concern ${id}`;

/** "2 open concerns · 1 follow-up overdue": counts only, as the dashboard shows them. */
export function summaryWords(summary: { open: number; overdueFollowUps: number; pastRetention: number }): string {
  const parts = [plural(summary.open, 'open concern')];
  if (summary.overdueFollowUps > 0) parts.push(`${plural(summary.overdueFollowUps, 'follow-up')} overdue`);
  if (summary.pastRetention > 0) parts.push(`${plural(summary.pastRetention, 'closed concern')} past retention`);
  return parts.join(' · ');
}

/** How long closed concerns are kept, as the register shows it. */
export const retentionWords = (months: number | null) =>
  months === null ? 'How long closed concerns are kept is not decided yet: set it in the plan, under Safeguarding.' : `Closed concerns are kept for ${plural(months, 'month')} after closure (set in the plan, under Safeguarding), separately from the research data.`;
