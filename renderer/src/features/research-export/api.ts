import type { ChannelInput } from '../../../../shared/contract';
import { call } from '../../api';
import { useChannel } from '../../queries';

type Options = ChannelInput<'researchExport.preview'>;

/** What an export with these options would hold; kept on screen while the next options' answer loads. */
export const useResearchExportPreview = (options: Options, enabled: boolean) => useChannel('researchExport.preview', options, { enabled, keepPrevious: true });

export const writeResearchExport = (options: Options) => call('researchExport.write', options);

/** Polled while an export runs, for its progress bar. */
export const researchExportProgress = () => call('researchExport.progress', {});
