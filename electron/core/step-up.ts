import { AppError } from './errors';
import { STEP_UP_IDLE_MINUTES, STEP_UP_LIMIT_MINUTES } from '../../shared/safeguarding/contract';

const MINUTE_MS = 60_000;

/**
 * The passphrase given again for restricted records (the safeguarding register). Held by the
 * session in the main process — never by the window — and dropped when the vault locks. Like
 * sudo's timestamp it lasts a few minutes after its last use, and never longer than a fixed limit
 * after the passphrase was given, so an unattended laptop does not keep the register open.
 */
export class StepUpGrant {
  private grantedAt: number | undefined;
  private usedAt: number | undefined;

  grant(now: Date): void {
    this.grantedAt = now.getTime();
    this.usedAt = this.grantedAt;
  }

  drop(): void {
    this.grantedAt = undefined;
    this.usedAt = undefined;
  }

  /** When it ends unless used before then; undefined when there is none (or it has ended). */
  expiresAt(now: Date): Date | undefined {
    if (this.grantedAt === undefined || this.usedAt === undefined) return undefined;
    const end = Math.min(this.usedAt + STEP_UP_IDLE_MINUTES * MINUTE_MS, this.grantedAt + STEP_UP_LIMIT_MINUTES * MINUTE_MS);
    return now.getTime() < end ? new Date(end) : undefined;
  }

  /** Refuses a restricted call without a live step-up (saying why), and counts the call as use of it. */
  use(now: Date): void {
    if (this.expiresAt(now)) {
      this.usedAt = now.getTime();
      return;
    }
    const hadOne = this.grantedAt !== undefined;
    this.drop();
    throw new AppError(
      'STEP_UP_REQUIRED',
      hadOne
        ? `The safeguarding register closed (it stays open ${STEP_UP_IDLE_MINUTES} minutes after its last use, ${STEP_UP_LIMIT_MINUTES} at most). Enter your passphrase again to continue. Nothing was read or changed.`
        : 'The safeguarding register is restricted: enter your passphrase again to open it. Nothing was read or changed.',
    );
  }
}
