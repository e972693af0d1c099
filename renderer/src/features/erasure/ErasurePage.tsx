import { Navigate, Route, Routes } from 'react-router';
import { usePilotId } from '../../app/usePilotId';
import { overviewPath } from '../../app/paths';
import { PersonErasurePage } from './PersonErasurePage';
import { PilotErasurePage } from './PilotErasurePage';
import './erasure.css';

/** Erasure (stage 14): one person, from their page, and a pilot's data when its retention period is over, from the overview. */
export function ErasurePage() {
  const pilotId = usePilotId();
  return (
    <Routes>
      <Route path="person/:participantId" element={<PersonErasurePage />} />
      <Route path="pilot" element={<PilotErasurePage />} />
      <Route path="*" element={<Navigate to={overviewPath(pilotId)} replace />} />
    </Routes>
  );
}
