import { Navigate, Route, Routes, useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { PageHeader } from '../../ui/Page';
import { usePilotId } from '../pilots/usePilotId';
import { logsPath } from '../meetings/common';
import { OwedLogs } from './OwedLogs';
import { SearchLogs } from './SearchLogs';
import { ImportLogs } from './ImportLogs';
import { LogBooks } from './LogBooks';
import { WriteLog } from './WriteLog';

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

const tabs = [
  { id: 'owed', label: 'Owed' },
  { id: 'search', label: 'Search' },
  { id: 'import', label: 'Import from a form' },
  { id: 'books', label: 'Log books' },
] as const;
type TabId = (typeof tabs)[number]['id'];

function LogsHome() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const selected: TabId = tabs.some((t) => t.id === wanted) ? (wanted as TabId) : 'owed';
  // The tab lives in the address, so coming back from writing a log lands on the same tab.
  const select = (key: Key) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', String(key));
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
      <Tabs selectedKey={selected} onSelectionChange={select} className="ml-tabs">
        <TabList aria-label="Reflective logs" className="ml-tab-list">
          {tabs.map((t) => (
            <Tab key={t.id} id={t.id} className="ml-tab">
              {t.label}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="owed" className="ml-tab-panel">
          <OwedLogs />
        </TabPanel>
        <TabPanel id="search" className="ml-tab-panel">
          <SearchLogs />
        </TabPanel>
        <TabPanel id="import" className="ml-tab-panel">
          <ImportLogs />
        </TabPanel>
        <TabPanel id="books" className="ml-tab-panel">
          <LogBooks />
        </TabPanel>
      </Tabs>
    </>
  );
}
