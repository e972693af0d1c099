import { HandlerRegistry, logToStderr, type RegistryOptions } from './registry/registry';
import { handlers } from './registry/handlers';
import { VaultSession } from './session';
import type { VaultOptions } from './vault/vault';

export { HandlerRegistry, VaultSession };

/** The core as every transport uses it: one session over a vault folder, one registry of handlers. */
export function createCore(vaultDir: string, options: VaultOptions & RegistryOptions = {}) {
  const session = new VaultSession(vaultDir, options);
  const registry = new HandlerRegistry(session, handlers, { logError: logToStderr, ...options });
  return { session, registry };
}
