import { useChannel, useCommand } from '../../../queries';

/** Transcripts: read, import; typing is saved by the panel's autosave through `call`. */
export const useTranscript = (interviewId: number) => useChannel('transcripts.get', { interviewId });
export const useImportTranscript = () => useCommand('transcripts.import');
/** Who this session is: coding is the coordinator's, so an interviewer does not see it. */
export const useIsCoordinator = () => {
  const status = useChannel('vault.status', {});
  return status.data !== undefined && status.data.identity?.role !== 'interviewer';
};
