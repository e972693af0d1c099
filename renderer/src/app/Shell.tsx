import { createHashRouter, NavLink, Navigate, Outlet, RouterProvider, useMatch } from 'react-router';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '../ui/Button';
import { NoticeArea } from '../ui/Notices';
import { UnsavedChangesDialog, UnsavedChangesGuard } from '../ui/UnsavedChangesGuard';
import { forgetUnsavedForms, formsDiscardedByLastLock, useUnsavedForms } from '../ui/unsaved-changes';
import { useNotices } from '../ui/Notices';
import { PilotsPage } from '../features/pilots/PilotsPage';
import { EditPilotPage, NewPilotPage } from '../features/pilots/PilotEditor';
import { SettingsScreen } from './SettingsScreen';
import { AuditPage } from '../features/audit/AuditPage';
import { PlanPage } from '../features/plan/PlanPage';
import { FocusGroupsPage } from '../features/focus-groups/FocusGroupsPage';
import { ParticipantsPage } from '../features/participants/ParticipantsPage';
import { ChemistryPage } from '../features/chemistry/ChemistryPage';
import { TrainingPage } from '../features/training/TrainingPage';
import { PairingPage } from '../features/pairing/PairingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { LogsPage } from '../features/logs/LogsPage';
import { SurveysPage } from '../features/surveys/SurveysPage';
import { SafeguardingPage } from '../features/safeguarding/SafeguardingPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SponsorReportPage } from '../features/reports/SponsorReportPage';
import { ResearchExportPage } from '../features/research-export/ResearchExportPage';
import { ErasurePage } from '../features/erasure/ErasurePage';
import { useChannel } from '../queries';
import { InterviewsPage } from '../features/interviews/InterviewsPage';
import { CodebookPage } from '../features/interviews/coding/CodebookPage';
import { GroupReflectionPage } from '../features/group-reflection/GroupReflectionPage';
import { pilotStages } from './stages';
import { flushPendingSaves } from '../ui/pending-saves';
import { DamagedVaultBanner } from '../features/vault/DamagedVaultBanner';
import { useRecordingActive } from './recording-activity';
import { LeaveWhileRecordingGuard } from './LeaveWhileRecordingGuard';
import { lockVault } from '../features/vault/api';
import type { DamagedVault } from '../../../shared/vault/contract';

const navigation = [
  { to: '/pilots', label: 'Pilots' },
  { to: '/audit', label: 'Audit trail' },
  { to: '/settings', label: 'Settings' },
];

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');

/** Inside a pilot, its stages are listed under its name. */
function PilotStagesNav({ pilotId }: { pilotId: number }) {
  const pilot = useChannel('pilots.get', { id: pilotId });
  return (
    <li>
      <span className="nav-pilot" title={pilot.data?.name}>
        {pilot.data?.name ?? '…'}
      </span>
      <ul className="nav-stages" aria-label="Stages of this pilot">
        {pilotStages.map((stage) => (
          <li key={stage.path}>
            <NavLink to={`/pilots/${pilotId}/${stage.path}`} className={navClass}>
              {stage.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

let discardedByLockReported = false;

/**
 * After an automatic lock (idle, screen lock, sleep) the edits of forms not yet saved are gone: the
 * lock must happen and nothing decrypted may outlive it. Say which forms lost them, once.
 */
function useReportFormsDiscardedByLock() {
  const { notify } = useNotices();
  useEffect(() => {
    if (discardedByLockReported || formsDiscardedByLastLock.length === 0) return;
    discardedByLockReported = true;
    notify(`The vault locked before you saved your changes to ${formsDiscardedByLastLock.join(', ')}: they were discarded. Enter them again.`, { tone: 'error' });
  }, [notify]);
}

function Frame({ onLocked, damaged }: { onLocked: () => void; damaged: DamagedVault | undefined }) {
  const inPilot = useMatch('/pilots/:pilotId/*');
  const pilotId = Number(inPilot?.params.pilotId);
  const unsaved = useUnsavedForms();
  const recording = useRecordingActive();
  const [askingToLock, setAskingToLock] = useState(false);
  useReportFormsDiscardedByLock();
  const lock = async () => {
    // Text still inside an editor's typing pause is saved first, or the lock would lose it.
    await flushPendingSaves();
    await lockVault().catch(() => undefined);
    onLocked();
  };
  // A form with unsaved changes (not an autosaving one) asks first: keep editing, or discard and lock.
  const askThenLock = () => {
    if (unsaved.length > 0) setAskingToLock(true);
    else void lock();
  };
  return (
    <div className="frame">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="topbar">
        <span className="wordmark">Reciprocal</span>
        {damaged ? (
          <span className="topbar-note topbar-read-only">Read-only: the vault is damaged</span>
        ) : (
          <span className="topbar-note">Encrypted on this laptop · nothing leaves it unless you export</span>
        )}
        <Button onPress={askThenLock} className="lock-button">
          Lock
        </Button>
        {askingToLock ? (
          <UnsavedChangesDialog
            names={unsaved}
            title="Lock without saving?"
            confirmLabel="Discard changes and lock"
            action="lock"
            onConfirm={() => {
              forgetUnsavedForms();
              void lock();
            }}
            onCancel={() => setAskingToLock(false)}
          />
        ) : null}
      </header>
      <div className="sidebar">
        <div className="sidebar-inner">
          <nav className="sidebar-nav" aria-label="Main">
            <ul>
              <li>
                <NavLink to="/pilots" end className={navClass}>
                  Pilots
                </NavLink>
              </li>
              {Number.isInteger(pilotId) && pilotId > 0 ? <PilotStagesNav pilotId={pilotId} /> : null}
              {navigation.slice(1).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className={navClass}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {/* Reserved for notices, so they never cover the page's own controls. */}
          <NoticeArea />
        </div>
      </div>
      <main className="content" id="main" tabIndex={-1}>
        {damaged ? <DamagedVaultBanner damage={damaged} /> : null}
        <Outlet />
        {/* One navigation blocker at a time: while recording, leaving asks about the recording (and any unsaved form). */}
        {recording ? <LeaveWhileRecordingGuard /> : <UnsavedChangesGuard />}
      </main>
    </div>
  );
}

export function Shell({ onLocked, damaged }: { onLocked: () => void; damaged?: DamagedVault }) {
  // Hash routing: the app is served from one app:// document, and a reload lands on the same screen.
  const router = useMemo(
    () =>
      createHashRouter([
        {
          path: '/',
          element: <Frame onLocked={onLocked} damaged={damaged} />,
          children: [
            { index: true, element: <Navigate to="/pilots" replace /> },
            { path: 'pilots', element: <PilotsPage /> },
            { path: 'pilots/new', element: <NewPilotPage /> },
            { path: 'pilots/:pilotId/edit', element: <EditPilotPage /> },
            { path: 'pilots/:pilotId', element: <Navigate to="overview" replace /> },
            { path: 'pilots/:pilotId/overview', element: <DashboardPage /> },
            { path: 'pilots/:pilotId/sponsor-report', element: <SponsorReportPage /> },
            { path: 'pilots/:pilotId/research-export', element: <ResearchExportPage /> },
            { path: 'pilots/:pilotId/erasure/*', element: <ErasurePage /> },
            { path: 'pilots/:pilotId/plan', element: <PlanPage /> },
            { path: 'pilots/:pilotId/focus-groups/*', element: <FocusGroupsPage /> },
            { path: 'pilots/:pilotId/participants/*', element: <ParticipantsPage /> },
            { path: 'pilots/:pilotId/chemistry', element: <ChemistryPage /> },
            { path: 'pilots/:pilotId/training', element: <TrainingPage /> },
            { path: 'pilots/:pilotId/pairing/*', element: <PairingPage /> },
            { path: 'pilots/:pilotId/meetings/*', element: <MeetingsPage /> },
            { path: 'pilots/:pilotId/logs/*', element: <LogsPage /> },
            { path: 'pilots/:pilotId/surveys', element: <SurveysPage /> },
            { path: 'pilots/:pilotId/interviews/codebook/*', element: <CodebookPage /> },
            { path: 'pilots/:pilotId/interviews/*', element: <InterviewsPage /> },
            { path: 'pilots/:pilotId/group-reflection/*', element: <GroupReflectionPage /> },
            { path: 'pilots/:pilotId/safeguarding/*', element: <SafeguardingPage /> },
            { path: 'audit', element: <AuditPage /> },
            { path: 'settings', element: <SettingsScreen /> },
            { path: '*', element: <Navigate to="/pilots" replace /> },
          ],
        },
      ]),
    [onLocked, damaged],
  );
  return <RouterProvider router={router} />;
}
