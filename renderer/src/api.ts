import type { Api, AppErrorShape, Channel, ChannelInput, ChannelOutput, Envelope, FieldIssue } from '../../shared/contract';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the test bridge; holds only the contract's methods. */
    api: Api;
  }
}

/** An error the main process answered with; carries the stable code and per-field issues. */
export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly issues: FieldIssue[];
  constructor(error: AppErrorShape) {
    super(error.message);
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

const lockedListeners = new Set<() => void>();
/** Called when any call finds the vault locked (auto-lock in the main process), so the app returns to the unlock screen. */
export function onVaultLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const [namespace, method] = channel.split('.') as [string, string];
  const api = window.api as unknown as Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>>;
  const result = await api[namespace]![method]!(input);
  if (!result.ok) {
    if (result.error.code === 'VAULT_LOCKED') lockedListeners.forEach((listener) => listener());
    throw new ApiError(result.error);
  }
  return result.value as ChannelOutput<C>;
}
