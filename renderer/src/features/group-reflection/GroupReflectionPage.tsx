import { Navigate, Route, Routes } from 'react-router';
import { ReflectionList } from './ReflectionList';
import { EditReflectionPage, NewReflectionPage } from './ReflectionEditor';
import { ReflectionDetail } from './ReflectionDetail';
import { usePilotId } from '../../app/usePilotId';
import { groupReflectionPath } from '../../app/paths';
import './group-reflection.css';

/** Stage 12 of a pilot: end-of-scheme group reflection events, their attendance, notes and findings. */
export function GroupReflectionPage() {
  const pilotId = usePilotId();
  return (
    <Routes>
      <Route index element={<ReflectionList />} />
      <Route path="new" element={<NewReflectionPage />} />
      <Route path=":eventId" element={<ReflectionDetail />} />
      <Route path=":eventId/edit" element={<EditReflectionPage />} />
      <Route path="*" element={<Navigate to={groupReflectionPath(pilotId)} replace />} />
    </Routes>
  );
}
