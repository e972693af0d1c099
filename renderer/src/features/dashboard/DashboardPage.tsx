import { Link } from 'react-router';
import type { AttentionItem, Dashboard } from '../../../../shared/dashboard/contract';
import { participantStatuses, statusLabels, type ParticipantStatus } from '../../../../shared/participants/contract';
import type { Milestone } from '../../../../shared/plan/contract';
import { formatDate, formatDay } from '../../../../shared/dates';
import { count, plural } from '../../../../shared/words';
import { usePilotId } from '../../app/usePilotId';
import { PersonLink } from '../../app/PersonLink';
import { BackupReminder } from '../../app/BackupReminder';
import { logsPath, meetingsPath, participantsPath, pilotPath, planPath, safeguardingPath, surveysPath, trainingPath } from '../../app/paths';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page';
import { Table } from '../../ui/Table';
import { useDashboard, useRetention } from './api';
import { attentionWords } from './words';
import './dashboard.css';

/** Where each "needs attention" item is fixed: the screen, and the filter or tab that shows it. */
function attentionPath(pilotId: number, item: AttentionItem): string {
  switch (item.kind) {
    case 'open-concerns':
      return `${safeguardingPath(pilotId)}?status=open`;
    case 'overdue-follow-ups':
      return `${safeguardingPath(pilotId)}?overdue=1`;
    case 'late-milestones':
      return planPath(pilotId);
    case 'overdue-meetings':
      return meetingsPath(pilotId);
    case 'untrained-before-first-meeting':
      return trainingPath(pilotId);
    case 'consent-missing':
      return participantsPath(pilotId);
    case 'owed-logs':
      return logsPath(pilotId, 'owed');
    case 'waves-closing':
      return surveysPath(pilotId, 'waves');
  }
}

/** Stage 13, the pilot's first page: where it stands on its timeline, counts per stage, and what needs attention. */
export function DashboardPage() {
  const pilotId = usePilotId();
  const dashboard = useDashboard(pilotId);
  const retention = useRetention(pilotId);
  if (dashboard.isPending) return <Loading label="Counting…" />;
  if (dashboard.error) {
    return (
      <>
        <PageHeader title="Overview" />
        <ErrorMessage error={dashboard.error} />
      </>
    );
  }
  const data = dashboard.data;
  return (
    <>
      <PageHeader title="Overview" description={`Where ${data.pilot.name} stands today, ${formatDay(data.today)}: what needs attention, the timeline, and counts for each stage.`} />
      <BackupReminder />
      <div className="dashboard">
        <NeedsAttention pilotId={pilotId} items={data.attention} />
        {/* Due for erasure: right under what needs attention; otherwise last. */}
        {retention.data?.state === 'expired' ? <RetentionCard pilotId={pilotId} /> : null}
        <Timeline pilotId={pilotId} data={data} />
        <People pilotId={pilotId} people={data.people} />
        <MeetingsAndLogs pilotId={pilotId} data={data} />
        <Surveys pilotId={pilotId} data={data} />
        {retention.data?.state === 'expired' ? null : <RetentionCard pilotId={pilotId} />}
      </div>
    </>
  );
}

function NeedsAttention({ pilotId, items }: { pilotId: number; items: AttentionItem[] }) {
  return (
    <section className="dashboard-card dashboard-attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs attention</h2>
      {items.length === 0 ? (
        <EmptyState title="Nothing needs attention">No meeting is overdue, no log is owed, everyone paired is trained, consent is on record for everyone with data, and no milestone is late.</EmptyState>
      ) : (
        <ul className="attention-list">
          {items.map((item) => {
            const words = attentionWords(item);
            return (
              <li key={item.kind} className={`attention-item attention-${item.kind}`}>
                <Link to={attentionPath(pilotId, item)} className="attention-link">
                  <span className="attention-title">{words.title}</span>
                  <span className="attention-action" aria-hidden="true">
                    {words.action} →
                  </span>
                </Link>
                {item.people.length > 0 ? (
                  <p className="attention-people">
                    {item.people.map((person, index) => (
                      <span key={person.id}>
                        {index > 0 ? ', ' : ''}
                        <PersonLink pilotId={pilotId} person={person} />
                      </span>
                    ))}
                    {item.count > item.people.length ? ` and ${count(item.count - item.people.length)} more` : ''}
                  </p>
                ) : null}
                {item.waves.length > 0 ? (
                  <p className="attention-people">
                    {item.waves.map((wave) => `${wave.title}: ${count(wave.returned)} of ${count(wave.invited)} returned, closes ${formatDate(wave.closesOn)}`).join('; ')}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const milestoneLine = (m: Milestone) => `${m.title} — ${formatDate(m.dueOn)}`;

function Timeline({ pilotId, data }: { pilotId: number; data: Dashboard }) {
  const { timeline } = data;
  const week = timeline.weekOfPilot === null ? (data.today < data.pilot.startDate ? `The pilot starts on ${formatDate(data.pilot.startDate)}` : `The pilot ended on ${formatDate(data.pilot.endDate)}`) : `Week ${timeline.weekOfPilot} of ${timeline.weeksInPilot}`;
  return (
    <section className="dashboard-card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <dl className="timeline-facts">
        <div>
          <dt>This week</dt>
          <dd>
            {formatDate(timeline.weekStart)} to {formatDate(timeline.weekEnd)} · {week}
            <br />
            {plural(timeline.meetingsThisWeek, 'meeting')} scheduled
            {timeline.interviewsThisWeek > 0 ? (
              <>
                {' · '}
                <Link to={pilotPath(pilotId, 'interviews')}>{plural(timeline.interviewsThisWeek, 'closing interview')}</Link>
              </>
            ) : null}
            {timeline.groupReflectionsThisWeek > 0 ? (
              <>
                {' · '}
                <Link to={pilotPath(pilotId, 'group-reflection')}>{plural(timeline.groupReflectionsThisWeek, 'group reflection')}</Link>
              </>
            ) : null}
            {timeline.thisWeek.length > 0 ? ` · due: ${timeline.thisWeek.map(milestoneLine).join('; ')}` : ''}
          </dd>
        </div>
        <div>
          <dt>Next milestone</dt>
          <dd>{timeline.next ? milestoneLine(timeline.next) : 'None ahead on the timeline'}</dd>
        </div>
        <div>
          <dt>Late</dt>
          <dd>
            {timeline.late.length === 0 ? (
              'Nothing is late'
            ) : (
              <ul className="late-milestones">
                {timeline.late.map((m) => (
                  <li key={m.id}>{milestoneLine(m)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <p className="dashboard-more">
        <Link to={planPath(pilotId)}>Open the plan and timeline</Link>
      </p>
    </section>
  );
}

/** A figure with its label; a link to where the figure's people or records are listed. */
function Figure({ label, value, to, note }: { label: string; value: number; to?: string; note?: string }) {
  const body = (
    <>
      <span className="figure-value">{count(value)}</span>
      <span className="figure-label">{label}</span>
      {note ? <span className="figure-note">{note}</span> : null}
    </>
  );
  return <li className="figure">{to ? <Link to={to} className="figure-link">{body}</Link> : body}</li>;
}

function People({ pilotId, people }: { pilotId: number; people: Dashboard['people'] }) {
  const byStatus = (status: ParticipantStatus) => `${participantsPath(pilotId)}?status=${status}`;
  return (
    <section className="dashboard-card" aria-labelledby="people-heading">
      <h2 id="people-heading">People by stage</h2>
      <p className="dashboard-note">
        {plural(people.total, 'person', 'people')} in this pilot; consent to take part on record for {count(people.consented)}.
      </p>
      <ul className="figures" aria-label="People by stage">
        {participantStatuses.map((status) => (
          <Figure key={status} label={statusLabels[status]} value={people.byStatus[status] ?? 0} to={byStatus(status)} />
        ))}
      </ul>
    </section>
  );
}

function MeetingsAndLogs({ pilotId, data }: { pilotId: number; data: Dashboard }) {
  const { meetings } = data;
  return (
    <section className="dashboard-card" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">Meetings and logs</h2>
      <ul className="figures" aria-label="Meetings and logs">
        <Figure label="Current pairs" value={meetings.pairs} to={meetingsPath(pilotId)} />
        <Figure label="Meetings held" value={meetings.held} to={meetingsPath(pilotId)} />
        <Figure label="Due in the next 7 days" value={meetings.dueSoon} to={meetingsPath(pilotId)} />
        <Figure label="Overdue" value={meetings.overdue} to={meetingsPath(pilotId)} />
        <Figure label="Logs owed" value={data.logsOwed} to={logsPath(pilotId, 'owed')} />
        <Figure label="Interviews scheduled" value={data.interviews.scheduled} to={pilotPath(pilotId, 'interviews')} />
        <Figure label="Interviews done" value={data.interviews.done} to={pilotPath(pilotId, 'interviews')} {...(data.interviews.cancelled > 0 ? { note: `${count(data.interviews.cancelled)} cancelled` } : {})} />
      </ul>
    </section>
  );
}

function Surveys({ pilotId, data }: { pilotId: number; data: Dashboard }) {
  return (
    <section className="dashboard-card" aria-labelledby="surveys-heading">
      <h2 id="surveys-heading">Survey returns</h2>
      <Table
        aria-labelledby="surveys-heading"
        look="plain"
        rows={data.surveyReturns}
        rowKey={(wave) => wave.waveId}
        empty={<p className="dashboard-note">No survey wave yet. Set up questionnaires and waves under Surveys.</p>}
        columns={[
          { id: 'title', header: 'Wave', rowHeader: true, cell: (wave) => wave.title },
          { id: 'dates', header: 'Open', cell: (wave) => `${formatDate(wave.opensOn)} to ${formatDate(wave.closesOn)}` },
          { id: 'state', header: 'State', cell: (wave) => ({ upcoming: 'Not open yet', open: 'Open', closed: 'Closed' })[wave.state] },
          { id: 'returns', header: 'Returned', cell: (wave) => `${count(wave.returned)} of ${count(wave.invited)}` },
        ]}
      />
      <p className="dashboard-more">
        <Link to={surveysPath(pilotId, 'waves')}>Open the survey waves</Link>
      </p>
    </section>
  );
}

/** How long the pilot's personal data is kept: the plan's period counted down from the end date; at expiry, the way to erase it. */
function RetentionCard({ pilotId }: { pilotId: number }) {
  const retention = useRetention(pilotId);
  if (retention.isPending) return null;
  if (retention.error) return <ErrorMessage error={retention.error} />;
  const r = retention.data;
  const flow = pilotPath(pilotId, 'erasure/pilot');
  return (
    <section className="dashboard-card" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Data retention</h2>
      {r.state === 'not-set' ? (
        <p className="dashboard-note">
          No retention period is set yet. Set it in the <Link to={planPath(pilotId)}>plan</Link>, as your ethics approval says.
        </p>
      ) : r.state === 'erased' ? (
        <p className="dashboard-note">
          The pilot’s personal data has been erased. <Link to={flow}>See the certificate</Link>
        </p>
      ) : (
        <>
          <ul className="figures" aria-label="Data retention">
            <Figure label={r.state === 'expired' ? 'Days past the end of retention' : 'Days left'} value={Math.abs(r.daysLeft ?? 0)} />
          </ul>
          <p className="dashboard-note">
            {r.state === 'expired'
              ? `The retention period ended on ${formatDate(r.expiresOn!)}: the personal data of ${plural(r.peopleHeld, 'person', 'people')} is due for erasure.`
              : `Personal data is kept until ${formatDate(r.expiresOn!)}, ${plural(r.retentionMonths!, 'month')} after the pilot ends on ${formatDate(r.endDate)}.`}
          </p>
          <p className="dashboard-more">
            <Link to={flow}>{r.state === 'expired' ? 'Export, then erase the pilot’s data' : 'Retention and erasure'}</Link>
          </p>
        </>
      )}
    </section>
  );
}
