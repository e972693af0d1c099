import { useChannel } from '../../queries';
import type { ChannelInput } from '../../../../shared/contract';

/** The audit trail's reads: a page of entries and whether the hash chain is intact. */
/** One page of the whole trail; the previous page stays on screen while the next loads. */
export const useAuditPage = (query: ChannelInput<'audit.page'>) => useChannel('audit.page', query, { keepPrevious: true });
export const useAuditCheck = () => useChannel('audit.verify', {});
/** Names for the pilots the entries mention (the trail itself holds only ids). */
export const useAllPilots = () => useChannel('pilots.list', { includeArchived: true });
