import { Link } from 'react-router';
import { willingnessLabels, type Willingness } from '../../../../shared/chemistry/contract';
import type { LogState, MeetingDue } from '../../../../shared/meetings/contract';
import type { PersonProfile } from '../../../../shared/participants/profile-contract';
import { disambiguators } from '../../../../shared/participants/disambiguate';
import { formatDate, formatTimestampDay } from '../../../../shared/dates';
import { plural } from '../../../../shared/words';
import { Table } from '../../ui/Table';
import { ErrorMessage, Loading } from '../../ui/Page';
import { PairLink, PersonLink } from '../../app/PersonLink';
import { chemistryPath, pairingPath, pilotPath, trainingPath, writeLogPath } from '../../app/paths';
import { LinkButton } from '../../ui/LinkButton';
import { useProfile } from './api';
import { LaterStagesSections } from './LaterStagesSections';
import { ProfileSection } from './ProfileSection';

const dueLabels: Record<MeetingDue, string> = { done: 'Held', cancelled: 'Cancelled', overdue: 'Overdue', 'due-soon': 'Due in the next 7 days', upcoming: 'Scheduled' };
const logLabels: Record<LogState, string> = { missing: 'Not written yet', draft: 'Draft started', submitted: 'Submitted', 'not-provided': 'Not provided' };

const Answer = ({ answer }: { answer: Willingness | null }) => <span className={`pill pill-${answer ?? 'unasked'}`}>{answer ? willingnessLabels[answer] : 'Not asked'}</span>;

/**
 * What the later stages recorded about one person, each in a section linking to the screen it came
 * from. Surveys, interviews and group reflection are read from their own stages (LaterStagesSections).
 */
export function PersonProfileSections({ pilotId, participantId }: { pilotId: number; participantId: number }) {
  const profile = useProfile(participantId);
  if (profile.isPending) return <Loading label="Loading their meetings and logs…" />;
  if (profile.error) return <ErrorMessage error={profile.error} />;
  const p = profile.data;
  // People met at chemistry and partners in pairs are shown together: namesakes among them get a note.
  const notes = disambiguators([...p.chemistry.map((c) => c.partner), ...p.pairs.map((x) => x.partner)]);
  return (
    <div className="pp-profile">
      <PairsSection pilotId={pilotId} profile={p} notes={notes} />
      <MeetingsSection pilotId={pilotId} participantId={participantId} profile={p} />
      <ProfileSection id="chemistry" title="Chemistry meetings">
        <Table
          aria-labelledby="pp-chemistry-heading"
          rows={p.chemistry}
          rowKey={(c) => c.id}
          empty={<p className="muted">No chemistry meeting recorded. <Link to={chemistryPath(pilotId)}>Chemistry meetings</Link></p>}
          columns={[
            { id: 'date', header: 'Date', cell: (c) => formatDate(c.heldOn) },
            { id: 'with', header: 'With', rowHeader: true, cell: (c) => <PersonLink pilotId={pilotId} person={c.partner} note={notes.get(c.partner.id)} /> },
            { id: 'happened', header: 'Took place', cell: (c) => (c.happened ? 'Yes' : 'No') },
            { id: 'own', header: 'Their answer', cell: (c) => <Answer answer={c.own} /> },
            { id: 'partners', header: 'The other person’s answer', cell: (c) => <Answer answer={c.partners} /> },
          ]}
        />
      </ProfileSection>
      <ProfileSection id="training" title="Training attended">
        <Table
          aria-labelledby="pp-training-heading"
          rows={p.training}
          rowKey={(t) => t.sessionId}
          empty={<p className="muted">No training attended yet. <Link to={trainingPath(pilotId)}>Training</Link></p>}
          columns={[
            { id: 'date', header: 'Date', rowHeader: true, cell: (t) => formatDate(t.heldOn) },
            { id: 'topics', header: 'Topics', cell: (t) => t.topics.join(', ') },
          ]}
        />
      </ProfileSection>
      <LaterStagesSections pilotId={pilotId} participantId={participantId} />
      <ProfileSection id="erasure" title="Erase their data">
        <p className="pp-profile-summary">On a right-to-erasure request, or when they withdraw and ask for their data to go: everything about them is removed from the vault for good, with a certificate. You see what will go before anything changes.</p>
        <LinkButton to={pilotPath(pilotId, `erasure/person/${participantId}`)} variant="secondary">
          Erase their data…
        </LinkButton>
      </ProfileSection>
    </div>
  );
}

function PairsSection({ pilotId, profile, notes }: { pilotId: number; profile: PersonProfile; notes: Map<number, string> }) {
  const current = profile.pairs.filter((x) => x.endedAt === null).length;
  return (
    <ProfileSection id="pairs" title="Pairs" summary={profile.pairs.length ? `${plural(current, 'current pair')}, ${plural(profile.pairs.length - current, 'past pair')}.` : undefined}>
      <Table
        aria-labelledby="pp-pairs-heading"
        rows={profile.pairs}
        rowKey={(x) => x.id}
        empty={<p className="muted">Not paired yet. <Link to={pairingPath(pilotId)}>Pairing</Link></p>}
        columns={[
          { id: 'with', header: 'Paired with', rowHeader: true, cell: (x) => <PersonLink pilotId={pilotId} person={x.partner} note={notes.get(x.partner.id)} /> },
          { id: 'since', header: 'Confirmed', cell: (x) => formatTimestampDay(x.confirmedAt) },
          { id: 'state', header: 'Now', cell: (x) => (x.endedAt ? `Ended ${formatTimestampDay(x.endedAt)}${x.endReason ? `: ${x.endReason}` : ''}` : 'Current') },
          { id: 'meetings', header: 'Meetings', cell: (x) => <PairLink pilotId={pilotId} pairId={x.id}>Their meetings</PairLink> },
        ]}
      />
    </ProfileSection>
  );
}

function MeetingsSection({ pilotId, participantId, profile }: { pilotId: number; participantId: number; profile: PersonProfile }) {
  const { meetingCounts: n, logs } = profile;
  const summary = profile.meetings.length
    ? `${plural(n.held, 'meeting')} held, ${n.due} due in the next 7 days, ${n.overdue} overdue. Logs: ${logs.submitted} submitted, ${logs.owed} owed${logs.drafts ? ` (${plural(logs.drafts, 'draft')} started)` : ''}${logs.notProvided ? `, ${logs.notProvided} not provided` : ''}.`
    : undefined;
  return (
    <ProfileSection id="meetings" title="Meetings and reflective logs" summary={summary}>
      <Table
        aria-labelledby="pp-meetings-heading"
        rows={profile.meetings}
        rowKey={(m) => m.id}
        empty={<p className="muted">No meetings: they come from a confirmed pair and the plan.</p>}
        columns={[
          { id: 'date', header: 'Date', cell: (m) => formatDate(m.date) },
          { id: 'which', header: 'Meeting', rowHeader: true, cell: (m) => <PairLink pilotId={pilotId} pairId={m.pairId}>{`${m.sequence}. ${m.themeTitle || 'No theme'} with ${m.partnerName}`}</PairLink> },
          { id: 'due', header: 'State', cell: (m) => <span className={`pill pill-${m.due}`}>{dueLabels[m.due]}</span> },
          {
            id: 'log',
            header: 'Their log',
            cell: (m) =>
              m.status !== 'held' ? (
                <span className="muted">After the meeting</span>
              ) : m.log === 'missing' || m.log === 'draft' ? (
                <Link to={writeLogPath(pilotId, m.id, participantId)}>{logLabels[m.log]}: write it</Link>
              ) : (
                <span className={`pill pill-log-${m.log}`}>{logLabels[m.log]}</span>
              ),
          },
        ]}
      />
    </ProfileSection>
  );
}
