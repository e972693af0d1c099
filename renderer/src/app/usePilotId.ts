import { useParams } from 'react-router';

/** The pilot in the URL (/pilots/:pilotId/…). */
export function usePilotId(): number {
  const { pilotId } = useParams();
  return Number(pilotId);
}
