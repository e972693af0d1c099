import { useCommand } from '../../queries';

/** Subject access: one person's documents written to a folder the coordinator picks. */
export const useSubjectAccessExport = () => useCommand('subjectAccess.export');
