import { Navigate, Route, Routes, useSearchParams } from 'react-router';
import { Tabs } from '../../ui/Tabs';
import { PageHeader } from '../../ui/Page';
import { OwedLogs } from './OwedLogs';
import { SearchLogs } from './SearchLogs';
import { ImportLogs } from './ImportLogs';
import { LogBooks } from './LogBooks';
import { WriteLog } from './WriteLog';
import { usePilotId } from '../../app/usePilotId';
import { logsPath } from '../../app/paths';

/** Stage 8 of a pilot: the reflective logs each person writes after a held meeting. */
export function LogsPage() {
  const pilotId = usePilotId();
  return (
    <Routes>
      <Route index element={<LogsHome />} />
      <Route path="write/:meetingId/:authorId" element={<WriteLog />} />
      <Route path="*" element={<Navigate to={logsPath(pilotId)} replace />} />
    </Routes>
  );
}

const tabIds = ['owed', 'search', 'import', 'books'] as const;
type TabId = (typeof tabIds)[number];

function LogsHome() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const selected: TabId = tabIds.find((id) => id === wanted) ?? 'owed';
  // The tab lives in the address, so coming back from writing a log lands on the same tab.
  const select = (tab: TabId) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', tab);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader
        title="Reflective logs"
        description="After each held meeting both people write a reflective log using Gibbs’ cycle: what happened, feelings, evaluation, analysis, conclusion and action plan."
      />
      <Tabs
        label="Reflective logs"
        selected={selected}
        onSelect={select}
        tabs={[
          { id: 'owed', label: 'Owed', panel: <OwedLogs /> },
          { id: 'search', label: 'Search', panel: <SearchLogs /> },
          { id: 'import', label: 'Import from a form', panel: <ImportLogs /> },
          { id: 'books', label: 'Log books', panel: <LogBooks /> },
        ]}
      />
    </>
  );
}
