import { AppError } from './errors';
import type { Db } from './db/types';
import type { UnlockInput, VaultState } from '../../shared/vault/contract';
import { closeVault, createVault, inspectVaultDir, rewrapPassphrase, unlockVault, unwrapDataKey, type OpenVault, type VaultOptions } from './vault/vault';
import { readKeyFile } from './vault/keyfile';
import { join } from 'node:path';
import { KEY_FILE } from './vault/vault';
import { wipe } from './vault/crypto';

export type LockReason = 'user' | 'idle' | 'screen-locked' | 'suspend' | 'shutdown';

/**
 * The one vault a process works with: its folder, and while unlocked, the open database and key.
 * Every transport (IPC, CLI, test bridge) goes through a session, so locking is the same everywhere.
 */
export class VaultSession {
  private current: OpenVault | undefined;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();

  constructor(
    readonly dir: string,
    private readonly options: VaultOptions = {},
  ) {}

  state(): VaultState {
    if (this.current) return 'unlocked';
    return inspectVaultDir(this.dir) === 'present' ? 'locked' : 'absent';
  }

  get isUnlocked(): boolean {
    return this.current !== undefined;
  }

  get db(): Db {
    if (!this.current) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.current.db;
  }

  get vaultId(): string {
    if (!this.current) throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.current.vaultId;
  }

  async create(passphrase: string): Promise<string> {
    if (this.current) throw new AppError('VAULT_EXISTS', 'A vault is already open.');
    const { vault, recoveryKey } = await createVault(this.dir, passphrase, this.options);
    this.current = vault;
    return recoveryKey;
  }

  async unlock(input: UnlockInput): Promise<void> {
    if (this.current) return;
    this.current = await unlockVault(this.dir, input);
  }

  /** Checks a passphrase or recovery key against the key file without opening anything. */
  async verify(input: UnlockInput): Promise<Buffer> {
    return unwrapDataKey(readKeyFile(join(this.dir, KEY_FILE)), input);
  }

  async changePassphrase(current: UnlockInput, next: string): Promise<void> {
    await rewrapPassphrase(this.dir, current, next, this.options);
  }

  /** The raw key as SQLCipher tools expect it: x'<64 hex>'. */
  async revealKey(passphrase: string): Promise<string> {
    const key = await this.verify({ passphrase });
    try {
      return `x'${key.toString('hex')}'`;
    } finally {
      wipe(key);
    }
  }

  lock(reason: LockReason = 'user'): void {
    const vault = this.current;
    if (!vault) return;
    this.current = undefined;
    closeVault(vault);
    for (const listener of this.lockListeners) listener(reason);
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }
}
