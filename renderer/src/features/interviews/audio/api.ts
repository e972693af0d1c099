import { useCommand } from '../../../queries';

/** Importing a dictaphone file and deleting a recording; both refresh the recordings list. */
export const useImportRecording = () => useCommand('recordings.import');
export const useRemoveRecording = () => useCommand('recordings.remove');
