import { Navigate, Route, Routes } from 'react-router';
import { FocusGroupList } from './FocusGroupList';
import { EditFocusGroupPage, NewFocusGroupPage } from './FocusGroupEditor';
import { FocusGroupDetail } from './FocusGroupDetail';
import { usePilotId } from '../../app/usePilotId';
import { focusGroupsPath } from '../../app/paths';

/** Stage 2 of a pilot: focus groups held before the scheme, and the findings that shape its themes. */
export function FocusGroupsPage() {
  const pilotId = usePilotId();
  return (
    <Routes>
      <Route index element={<FocusGroupList />} />
      <Route path="new" element={<NewFocusGroupPage />} />
      <Route path=":focusGroupId" element={<FocusGroupDetail />} />
      <Route path=":focusGroupId/edit" element={<EditFocusGroupPage />} />
      <Route path="*" element={<Navigate to={focusGroupsPath(pilotId)} replace />} />
    </Routes>
  );
}
