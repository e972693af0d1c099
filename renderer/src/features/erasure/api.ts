import { call } from '../../api';
import { useChannel, useCommand } from '../../queries';

export const usePersonErasurePreview = (participantId: number) => useChannel('erasure.previewPerson', { participantId });
export const useErasePerson = () => useCommand('erasure.erasePerson');
export const useRetention = (pilotId: number) => useChannel('erasure.retention', { pilotId });
export const useErasePilot = () => useCommand('erasure.erasePilot');
export const useCertificate = (id: number) => useChannel('erasure.certificate', { id });
export const exportCertificate = (id: number) => call('erasure.exportCertificate', { id });
