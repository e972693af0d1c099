import { useNavigate } from 'react-router';
import type { MeetingsOverview as Overview } from '../../../../shared/meetings/contract';
import { changeSchedulePath, pairingPath } from '../../app/paths';
import { usePilotId } from '../../app/usePilotId';
import { Button } from '../../ui/Button';
import { LinkButton } from '../../ui/LinkButton';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { useMeetingsOverview } from './api';
import { MeetingList } from './MeetingList';
import { PairProgressList } from './PairProgressList';

const intro = 'Each confirmed pair meets on the schedule made from the plan. Mark meetings held, move them, and see who owes a reflective log.';

/** The scheme at a glance: what is overdue, what is due this week, what was done, and each pair's progress. */
export function MeetingsOverview() {
  const pilotId = usePilotId();
  const navigate = useNavigate();
  const overview = useMeetingsOverview(pilotId);

  if (overview.isPending) return <Loading />;
  if (overview.error) {
    return (
      <>
        <PageHeader title="Meetings" />
        <ErrorMessage error={overview.error} />
      </>
    );
  }
  const data = overview.data;
  if (data.pairs === 0 && data.counts.held === 0) {
    return (
      <>
        <PageHeader title="Meetings" description={intro} />
        <EmptyState
          title="No confirmed pairs yet"
          action={
            <LinkButton variant="primary" to={pairingPath(pilotId)}>
              Go to Pairing
            </LinkButton>
          }
        >
          Meetings are scheduled for a pair as soon as you confirm it: four meetings a fortnight apart by default (set them in the plan). Propose and confirm pairs under Pairing first.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Meetings"
        description={intro}
        actions={
          <Button variant="secondary" onPress={() => navigate(changeSchedulePath(pilotId))} isDisabled={data.pairs === 0}>
            Change the schedule
          </Button>
        }
      />
      <Counts counts={data.counts} />
      <MeetingList
        pilotId={pilotId}
        kind="overdue"
        title="Overdue"
        what="overdue meetings"
        intro="Scheduled for a date that has passed, oldest first. Mark each one held, or reschedule or cancel it, from the pair’s page."
        empty="Nothing is overdue: every meeting dated before today is marked held or cancelled."
      />
      <MeetingList pilotId={pilotId} kind="due-soon" title="Due in the next 7 days" what="meetings due in the next 7 days" empty="No meetings in the next 7 days." />
      <MeetingList pilotId={pilotId} kind="done" title="Done" what="meetings held" intro="Meetings marked held, most recent first, with the state of both reflective logs." empty="No meeting has been marked held yet." />
      <PairProgressList pilotId={pilotId} total={data.pairs} />
    </>
  );
}

function Counts({ counts }: { counts: Overview['counts'] }) {
  const items: { n: number; label: string; tone: string }[] = [
    { n: counts.overdue, label: 'overdue', tone: counts.overdue > 0 ? 'overdue' : 'plain' },
    { n: counts.dueSoon, label: 'due in the next 7 days', tone: counts.dueSoon > 0 ? 'due-soon' : 'plain' },
    { n: counts.scheduled, label: 'scheduled in all', tone: 'plain' },
    { n: counts.held, label: 'held', tone: 'done' },
    { n: counts.cancelled, label: 'cancelled', tone: 'plain' },
  ];
  return (
    <ul className="ml-counts" aria-label="Meetings at a glance">
      {items.map((item) => (
        <li key={item.label} className={`ml-count ml-count-${item.tone}`}>
          <span className="ml-count-number">{item.n}</span> <span className="ml-count-label">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
