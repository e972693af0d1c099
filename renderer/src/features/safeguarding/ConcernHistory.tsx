import { formatDateTime } from '../../../../shared/dates';
import type { HistoryEntry } from '../../../../shared/safeguarding/contract';

/** Every change to the concern, newest first, in words (reads are in the audit trail, not here). */
export function ConcernHistory({ history }: { history: HistoryEntry[] }) {
  return (
    <section className="section-card" aria-labelledby="sg-history-heading">
      <h2 id="sg-history-heading">History</h2>
      <ol className="sg-history">
        {history.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at} className="sg-history-time">
              {formatDateTime(entry.at)}
            </time>
            <span className="notes-text">{entry.change}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
