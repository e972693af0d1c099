import { Navigate, Route, Routes } from 'react-router';
import { usePilotId } from '../../app/usePilotId';
import { safeguardingPath } from '../../app/paths';
import { StepUpGate } from './StepUpGate';
import { ConcernRegister } from './ConcernRegister';
import { ConcernPage } from './ConcernPage';
import './safeguarding.css';

/** Stage 9 of a pilot: the restricted register of safeguarding and wellbeing concerns, behind the passphrase asked again. */
export function SafeguardingPage() {
  const pilotId = usePilotId();
  return (
    <StepUpGate pilotId={pilotId}>
      <Routes>
        <Route index element={<ConcernRegister />} />
        <Route path=":concernId" element={<ConcernPage />} />
        <Route path="*" element={<Navigate to={safeguardingPath(pilotId)} replace />} />
      </Routes>
    </StepUpGate>
  );
}
