import { formatDate } from '../../../../shared/dates';
import type { WithdrawalPreview } from '../../../../shared/participants/contract';
import { plural } from '../../../../shared/words';

const dates = (list: { date: string }[]) => list.map((m) => formatDate(m.date)).join(', ');

/**
 * What a withdrawal will change, in plain words, from participants.previewWithdrawal: exactly what
 * the command does (it refuses if this changed in the meantime).
 */
export function WithdrawalConsequences({ preview }: { preview: WithdrawalPreview }) {
  const { name, pairs, owedLogs } = preview;
  const changes = [
    ...pairs.map((pair) => (
      <li key={`pair-${pair.pairId}`}>
        Their pair with <strong>{pair.partnerName}</strong> ends, with your reason.{' '}
        {pair.cancelledMeetings.length > 0
          ? `${plural(pair.cancelledMeetings.length, 'meeting')} still to come ${pair.cancelledMeetings.length === 1 ? 'is' : 'are'} cancelled (${dates(pair.cancelledMeetings)}); ${pair.cancelledMeetings.length === 1 ? 'it stays' : 'they stay'} in the pair’s history.`
          : 'No meeting is still to come.'}{' '}
        {pair.partnerFlagged ? `${pair.partnerName} is flagged for re-pairing.` : ''}
      </li>
    )),
    owedLogs.length > 0 ? (
      <li key="logs">
        {plural(owedLogs.length, 'reflective log')} {name} still owes ({owedLogs.map((l) => `meeting ${l.sequence}, held ${formatDate(l.heldOn)}`).join('; ')}) {owedLogs.length === 1 ? 'is' : 'are'} no longer owed:
        recorded as not provided, with your reason. A draft keeps what was written.
      </li>
    ) : null,
  ].filter(Boolean);
  return (
    <div className="pp-withdrawal-preview" aria-label="What will change">
      <h3 className="pp-subheading">What will change</h3>
      {changes.length > 0 ? <ul>{changes}</ul> : <p>{name} is in no current pair and owes no reflective log: only their status changes.</p>}
      <p>
        <strong>Withdrawal is not erasure.</strong> Nothing is deleted: {name}’s details, consent records, meetings, logs and history stay in the vault until they are erased.
      </p>
    </div>
  );
}
