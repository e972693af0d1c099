import type { ChannelInput } from '../../../../shared/contract';
import { call } from '../../api';
import { useChannel } from '../../queries';

type Options = ChannelInput<'qdpx.preview'>;

/** What a REFI-QDA export of the closing interviews would hold. */
export const useQdpxPreview = (options: Options) => useChannel('qdpx.preview', options, { keepPrevious: true });

export const writeQdpx = (options: Options) => call('qdpx.write', options);
