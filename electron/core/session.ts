import { timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from './errors';
import type { Db } from './db/types';
import type { CoordinatorSecret, DamagedVault, IncompleteVault, UnlockInput, VaultState } from '../../shared/vault/contract';
import type { AutoLockReason } from '../../shared/auto-lock/lock-notice';
import type { Role } from '../../shared/contract/define';
import { closeVault, createVault, describeIncompleteVault, inspectVaultDir, setAsideIncompleteVault, unlockAsInterviewer, unlockVault, KEY_FILE, type OpenVault, type VaultOptions } from './vault/vault';
import { readKeyFile, recoveryKeyConfirmed } from './vault/keyfile';
import { prepareInterviewerPassphrase, prepareInterviewerRemoval, prepareInterviewerSlot, prepareNewPassphrase, prepareNewRecoveryKey, prepareRecoveryConfirmation, unwrapDataKey } from './vault/slots';
import { commitKeyFileChange } from './vault/key-change';
import { wipe } from './vault/crypto';
import { StepUpGrant } from './step-up';

/** Asked for (the Lock button), automatic (shown on the unlock screen), or at shutdown. */
export type LockReason = 'user' | AutoLockReason | 'shutdown';

const lockedError = () => new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');

/** Why a write is refused while the vault is open read-only, and what the coordinator can still do. */
export function readOnlyError(damage: DamagedVault): AppError {
  // The findings themselves (page numbers) are in vault.status and `vault check`, for whoever supports the coordinator.
  return new AppError(
    'VAULT_READ_ONLY',
    `The vault is damaged: the check at unlock found problems in its database. It is open read-only so you can still read everything and back it up (copy the whole vault folder, ${damage.folder}, somewhere safe; nothing in it changes while it is open like this). Nothing can be changed or exported until it is restored from your latest backup. Nothing was changed.`,
  );
}

/**
 * The one vault a process works with: its folder, and while unlocked, the open database and key.
 * Every transport (IPC, CLI, test bridge) goes through a session, so locking is the same everywhere.
 */
export class VaultSession {
  private current: OpenVault | undefined;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();
  /** The passphrase given again for the safeguarding register (see step-up.ts); dropped on lock. */
  readonly stepUp = new StepUpGrant();

  constructor(
    readonly dir: string,
    private readonly options: VaultOptions = {},
  ) {}

  private get keyPath(): string {
    return join(this.dir, KEY_FILE);
  }

  state(): VaultState {
    if (this.current) return 'unlocked';
    const found = inspectVaultDir(this.dir);
    return found === 'present' ? 'locked' : found;
  }

  /** What an incomplete vault folder holds (see VaultState 'incomplete'). */
  incompleteVault(): IncompleteVault {
    return describeIncompleteVault(this.dir);
  }

  /** Moves an incomplete vault folder aside, whole, into a dated folder beside it; returns where. Nothing is deleted. */
  setAsideIncomplete(now: Date): string {
    if (this.current) throw new AppError('VAULT_EXISTS', 'A vault is open, so there is nothing unfinished to set aside.');
    return setAsideIncompleteVault(this.dir, now);
  }

  /** Set while the open vault failed its integrity check at unlock: it is then read-only. */
  get damage(): DamagedVault | undefined {
    const problems = this.current?.damage;
    return problems ? { folder: this.dir, problems } : undefined;
  }

  /** Throws VAULT_READ_ONLY when the open vault is damaged; everything that writes asks first. */
  assertWritable(): void {
    const damage = this.damage;
    if (damage) throw readOnlyError(damage);
  }

  /** Whose key opened the vault, which decides the channels they may call (registry). */
  get role(): Role {
    return this.current?.interviewerSlot ? 'interviewer' : 'coordinator';
  }

  /** The key slot of the interviewer whose key opened the vault; undefined for the coordinator or when locked. */
  get interviewerSlot(): string | undefined {
    return this.current?.interviewerSlot;
  }

  /** Refuses what only the coordinator's key can do (key changes need the main key, which an interviewer's session does not hold). */
  private assertCoordinator(): void {
    if (this.current?.interviewerSlot) throw new AppError('FORBIDDEN', 'Only the coordinator can do this; the vault was opened with an interviewer’s key. Nothing was changed.');
  }

  get isUnlocked(): boolean {
    return this.current !== undefined;
  }

  get db(): Db {
    if (!this.current) throw lockedError();
    return this.current.db;
  }

  requireUnlocked(): void {
    if (!this.current) throw lockedError();
  }

  get vaultId(): string {
    if (!this.current) throw lockedError();
    return this.current.vaultId;
  }

  /** Whether the coordinator confirmed storing the current recovery key; asked only while unlocked. */
  recoveryKeyConfirmed(): boolean {
    if (!this.current) throw lockedError();
    return recoveryKeyConfirmed(readKeyFile(this.keyPath));
  }

  async create(passphrase: string): Promise<string> {
    if (this.current) throw new AppError('VAULT_EXISTS', 'A vault is already open.');
    const { vault, recoveryKey } = await createVault(this.dir, passphrase, this.options);
    if (this.current) {
      closeVault(vault);
      throw new AppError('VAULT_EXISTS', 'A vault is already open.');
    }
    this.current = vault;
    return recoveryKey;
  }

  /**
   * Unlocks with a passphrase or recovery key. When already unlocked the secret is still checked,
   * so "unlock" succeeds only for the right secret, whoever asks (a second window, a reloaded page).
   */
  async unlock(input: UnlockInput): Promise<void> {
    if ('interviewer' in input) return this.unlockAsInterviewer(input.interviewer, input.passphrase);
    const open = this.current;
    if (open?.interviewerSlot) throw new AppError('CONFLICT', 'The vault is open as an interviewer. Lock it first, then unlock it with your passphrase.');
    if (open) {
      const key = await this.verify(input);
      try {
        if (this.current === open) {
          if (!timingSafeEqual(key, open.dataKey)) {
            throw new AppError('CONFLICT', 'The vault’s key file no longer matches the open vault. Lock the vault and unlock it again.');
          }
          return;
        }
      } finally {
        wipe(key);
      }
      // Locked while we checked: unlock for real below.
    }
    const vault = await unlockVault(this.dir, input);
    if (this.current) {
      closeVault(vault); // another unlock finished first; keep one connection
      return;
    }
    this.current = vault;
  }

  /**
   * An interviewer's unlock: opens the interview database only. While a vault is open, a second
   * unlock succeeds only for the same key (another session must lock first).
   */
  private async unlockAsInterviewer(email: string, passphrase: string): Promise<void> {
    if (this.current) {
      throw new AppError('CONFLICT', 'The vault is already open. Lock it first, then unlock it as an interviewer.');
    }
    const vault = await unlockAsInterviewer(this.dir, email, passphrase);
    if (this.current) {
      closeVault(vault);
      throw new AppError('CONFLICT', 'The vault was opened meanwhile. Lock it first, then unlock it as an interviewer.');
    }
    this.current = vault;
  }

  /**
   * Checks the passphrase again against the open vault (one KDF run), opening nothing: the step-up
   * before restricted records. Refused if the vault locked meanwhile.
   */
  async confirmPassphrase(passphrase: string): Promise<void> {
    const open = this.current;
    if (!open) throw lockedError();
    this.assertCoordinator();
    const key = await this.verify({ passphrase });
    try {
      if (this.current !== open) throw lockedError();
      if (!timingSafeEqual(key, open.dataKey)) throw new AppError('CONFLICT', 'The vault’s key file no longer matches the open vault. Lock the vault and unlock it again.');
    } finally {
      wipe(key);
    }
  }

  /** Checks a passphrase or recovery key against the key file without opening anything. */
  async verify(input: CoordinatorSecret): Promise<Buffer> {
    return unwrapDataKey(readKeyFile(this.keyPath), input);
  }

  /**
   * Replaces the passphrase; `record` appends the audit entry inside the same transaction as the
   * key-file change (see commitKeyFileChange), so the change and its record land together or not at all.
   */
  async changePassphrase(current: CoordinatorSecret, next: string, record: () => void): Promise<void> {
    const db = this.db;
    this.assertCoordinator();
    this.assertWritable(); // its audit entry could not be written
    const change = await prepareNewPassphrase(this.keyPath, current, next, this.options.scrypt);
    this.assertStillOpen(db);
    commitKeyFileChange(db, this.keyPath, change, record);
  }

  /** Makes a new recovery key (after the passphrase); the old one stops working. Returned once, unconfirmed. */
  async replaceRecoveryKey(passphrase: string, record: () => void): Promise<string> {
    const db = this.db;
    this.assertCoordinator();
    this.assertWritable();
    const change = await prepareNewRecoveryKey(this.keyPath, passphrase);
    this.assertStillOpen(db);
    commitKeyFileChange(db, this.keyPath, change, record);
    return change.recoveryKey;
  }

  /** Records that the current recovery key is stored; nothing is written when it already was. */
  confirmRecoveryKey(at: string, record: () => void): void {
    const db = this.db;
    this.assertCoordinator();
    this.assertWritable();
    const change = prepareRecoveryConfirmation(this.keyPath, at);
    if (change) commitKeyFileChange(db, this.keyPath, change, record);
  }

  /**
   * Gives a new interviewer their own key slot (their passphrase wraps the interview database key
   * only); `record` writes their row and the audit entries in the same transaction as the key file.
   * Returns the slot id.
   */
  async addInterviewerSlot(interviewer: { email: string; passphrase: string }, record: (slotId: string) => void): Promise<string> {
    const db = this.db;
    this.assertCoordinator();
    this.assertWritable();
    const open = this.current!;
    const change = await prepareInterviewerSlot(this.keyPath, open.dataKey, interviewer, this.options.scrypt);
    this.assertStillOpen(db);
    commitKeyFileChange(db, this.keyPath, change, () => record(change.slotId));
    return change.slotId;
  }

  /** An interviewer changes their own passphrase (their slot only), with `record` in the same transaction as the key file. */
  async changeInterviewerPassphrase(current: string, next: string, record: () => void): Promise<void> {
    const db = this.db;
    const slotId = this.current?.interviewerSlot;
    if (!slotId) throw new AppError('FORBIDDEN', 'Only an interviewer changes their passphrase here; the coordinator changes theirs in Settings. Nothing was changed.');
    this.assertWritable();
    const change = await prepareInterviewerPassphrase(this.keyPath, slotId, current, next, this.options.scrypt);
    this.assertStillOpen(db);
    commitKeyFileChange(db, this.keyPath, change, record);
  }

  /** Removes an interviewer's key slot, with `record` in the same transaction: their passphrase opens nothing from then on. */
  removeInterviewerSlot(slotId: string, record: () => void): void {
    const db = this.db;
    this.assertCoordinator();
    this.assertWritable();
    commitKeyFileChange(db, this.keyPath, prepareInterviewerRemoval(this.keyPath, slotId), record);
  }

  /** The raw key as SQLCipher tools expect it: x'<64 hex>'. */
  async revealKey(passphrase: string): Promise<string> {
    this.assertCoordinator();
    this.assertWritable(); // the showing is audited, and the audit entry could not be written
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
    this.stepUp.drop();
    closeVault(vault);
    for (const listener of this.lockListeners) listener(reason);
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** The KDF takes a moment: the vault may have auto-locked meanwhile, and then nothing may be written. */
  private assertStillOpen(db: Db): void {
    if (this.current?.db !== db) throw lockedError();
  }
}
