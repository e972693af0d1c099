import { Navigate, Route, Routes } from 'react-router';
import { ParticipantList } from './ParticipantList';
import { EditParticipantPage, NewParticipantPage } from './ParticipantEditor';
import { ParticipantDetail } from './ParticipantDetail';
import { ImportWizard } from './ImportWizard';
import { usePilotId } from '../../app/usePilotId';
import { participantsPath } from '../../app/paths';

/** Stage 3 of a pilot: recruitment (the register of people, imported or added) and consent. */
export function ParticipantsPage() {
  const pilotId = usePilotId();
  return (
    <Routes>
      <Route index element={<ParticipantList />} />
      <Route path="new" element={<NewParticipantPage />} />
      <Route path="import" element={<ImportWizard />} />
      <Route path=":participantId" element={<ParticipantDetail />} />
      <Route path=":participantId/edit" element={<EditParticipantPage />} />
      <Route path="*" element={<Navigate to={participantsPath(pilotId)} replace />} />
    </Routes>
  );
}
