import { useChannel, useCommand } from '../../queries';

/** The vault's settings on this laptop. The write refreshes what the contract says it changes. */
export const useSettings = () => useChannel('settings.get', {});
export const useUpdateSettings = () => useCommand('settings.update');
