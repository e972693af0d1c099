import { Navigate, Route, Routes } from 'react-router';
import { MeetingsOverview } from './MeetingsOverview';
import { PairMeetings } from './PairMeetings';
import { ChangeSchedule } from './ChangeSchedule';
import { usePilotId } from '../../app/usePilotId';
import { meetingsPath } from '../../app/paths';

/** Stage 7 of a pilot: the pairs' meetings — what is due, what was held, and changes to the schedule. */
export function MeetingsPage() {
  const pilotId = usePilotId();
  return (
    <Routes>
      <Route index element={<MeetingsOverview />} />
      <Route path="pairs/:pairId" element={<PairMeetings />} />
      <Route path="change" element={<ChangeSchedule />} />
      <Route path="*" element={<Navigate to={meetingsPath(pilotId)} replace />} />
    </Routes>
  );
}
