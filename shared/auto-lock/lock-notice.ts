/**
 * Why the vault locked without being asked, carried to the unlock screen. Locking reloads the page
 * (its memory holds decrypted values), so the reason travels in the reloaded page's address: only
 * the reason and, for idleness, the minutes. Nothing from the vault. Used by the Electron main
 * process, the test bridge and the renderer alike.
 */
export const autoLockReasons = ['idle', 'screen-locked', 'suspend'] as const;
export type AutoLockReason = (typeof autoLockReasons)[number];

export interface LockNotice {
  reason: AutoLockReason;
  /** For 'idle': how long nothing happened, in whole minutes. */
  idleMinutes?: number;
}

const REASON_PARAM = 'locked';
const MINUTES_PARAM = 'idleMinutes';
/** Every query parameter a lock notice uses, so a later lock can clear an earlier one. */
export const LOCK_NOTICE_PARAMS = [REASON_PARAM, MINUTES_PARAM] as const;

const isAutoLockReason = (value: unknown): value is AutoLockReason => autoLockReasons.includes(value as AutoLockReason);

/** The query parameters for a lock; none for a lock the person asked for (or at shutdown). */
export function lockNoticeParams(reason: string, idleSeconds?: number): Record<string, string> {
  if (!isAutoLockReason(reason)) return {};
  const minutes = reason === 'idle' && idleSeconds !== undefined ? Math.floor(idleSeconds / 60) : 0;
  return minutes > 0 ? { [REASON_PARAM]: reason, [MINUTES_PARAM]: String(minutes) } : { [REASON_PARAM]: reason };
}

/** The address to reload after a lock: the same screen (path and hash), with this lock's reason only. */
export function urlAfterLock(pageUrl: string, reason: string, idleSeconds?: number): string {
  const url = urlWithoutNotice(pageUrl);
  for (const [name, value] of Object.entries(lockNoticeParams(reason, idleSeconds))) url.searchParams.set(name, value);
  return url.href;
}

/** The notice in a page address, if any; anything malformed is ignored. */
export function readLockNotice(pageUrl: string): LockNotice | undefined {
  const params = new URL(pageUrl).searchParams;
  const reason = params.get(REASON_PARAM);
  if (!isAutoLockReason(reason)) return undefined;
  const minutes = Number(params.get(MINUTES_PARAM));
  return reason === 'idle' && Number.isInteger(minutes) && minutes > 0 ? { reason, idleMinutes: minutes } : { reason };
}

/** The same address without a lock notice, so a later reload does not repeat it. */
export function withoutLockNotice(pageUrl: string): string {
  return urlWithoutNotice(pageUrl).href;
}

function urlWithoutNotice(pageUrl: string): URL {
  const url = new URL(pageUrl);
  for (const name of LOCK_NOTICE_PARAMS) url.searchParams.delete(name);
  return url;
}
