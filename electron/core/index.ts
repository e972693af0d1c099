import { HandlerRegistry, logToStderr, type RegistryOptions } from './registry/registry';
import { handlers } from './registry/handlers';
import { VaultSession } from './session';
import { sqlcipherBinding, useNativeModulesFrom } from './db/native-binding';
import type { VaultOptions } from './vault/vault';

export { HandlerRegistry, VaultSession };

export interface CoreOptions {
  /**
   * Folders holding the SQLCipher module built for Electron (see db/native-binding.ts); Electron's
   * main process passes its own. Checked here, so a missing build stops start-up with a message
   * saying what to run instead of failing at the first unlock. Plain Node needs none.
   */
  nativeModuleRoots?: readonly string[];
}

/** The core as every transport uses it: one session over a vault folder, one registry of handlers. */
export function createCore(vaultDir: string, options: VaultOptions & RegistryOptions & CoreOptions = {}) {
  if (options.nativeModuleRoots) {
    useNativeModulesFrom(options.nativeModuleRoots);
    sqlcipherBinding();
  }
  const session = new VaultSession(vaultDir, options);
  const registry = new HandlerRegistry(session, handlers, { logError: logToStderr, ...options });
  return { session, registry };
}
