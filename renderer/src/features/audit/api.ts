import { useChannel } from '../../queries';

/** The audit trail's reads: the latest entries and whether the hash chain is intact. */
export const useAuditEntries = (limit: number) => useChannel('audit.list', { limit });
export const useAuditCheck = () => useChannel('audit.verify', {});
/** Names for the pilots the entries mention (the trail itself holds only ids). */
export const useAllPilots = () => useChannel('pilots.list', { includeArchived: true });
