import { beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, expectOk, unlockedCore, newCore } from '../helpers/vault';
import { inTempDir } from '../helpers/temp-dir';
import type { Envelope } from '../../shared/contract';
import type { Pilot } from '../../shared/pilots/contract';

let dir: string;
beforeEach(inTempDir((d) => (dir = d), 'reciprocal-full-'));

const bigPilot = (i: number) => ({ name: `Pilot ${i}`, purpose: 'A long purpose that fills pages quickly. '.repeat(90), startDate: '2026-10-01', endDate: '2027-06-30' });

async function fillUntilRefused(invoke: (i: number) => Promise<Envelope<unknown>>): Promise<{ saved: number; error: { code: string; message: string } }> {
  for (let i = 0; i < 100_000; i++) {
    const result = await invoke(i);
    if (!result.ok) return { saved: i, error: result.error };
  }
  throw new Error('the disk never filled');
}

describe('a full disk', () => {
  it('refuses the write with a clear message, applies none of it, and the vault stays whole (database size limit)', async () => {
    const { registry, session } = await unlockedCore(dir);
    const pages = session.db.pragma('page_count', { simple: true }) as number;
    session.db.pragma(`max_page_count=${pages + 20}`);

    const { saved, error } = await fillUntilRefused((i) => registry.invoke('pilots.create', bigPilot(i)));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toMatch(/disk is full/);
    expect(saved).toBeGreaterThan(0);
    expect((expectOk(await registry.invoke('pilots.list', {})) as Pilot[]).length).toBe(saved);
    expect(expectOk(await registry.invoke('audit.verify', {}))).toMatchObject({ ok: true, entries: saved + 1 });

    await registry.invoke('vault.lock', {});
    expectOk(await registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
    expect(session.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expectOk(await registry.invoke('pilots.create', bigPilot(saved)));
  });

  it('on a real file system that runs out of space (a small tmpfs)', async (ctx) => {
    const mountPoint = join(dir, 'small-disk');
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1200k', 'tmpfs', mountPoint], { stdio: 'pipe' });
    } catch (error) {
      console.log(`full-disk tmpfs test skipped: mounting a tmpfs needs root and mount rights here (${(error as Error).message.split('\n')[0]})`);
      ctx.skip();
      return;
    }
    try {
      const { registry } = await unlockedCore(mountPoint);
      const { saved, error } = await fillUntilRefused((i) => registry.invoke('pilots.create', bigPilot(i)));
      expect(['DISK_FULL', 'IO_ERROR']).toContain(error.code);
      await registry.invoke('vault.lock', {});

      const reopened = newCore(mountPoint);
      expectOk(await reopened.registry.invoke('vault.unlock', { passphrase: PASSPHRASE }));
      expect(reopened.session.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((expectOk(await reopened.registry.invoke('pilots.list', {})) as Pilot[]).length).toBe(saved);
      expect(expectOk(await reopened.registry.invoke('audit.verify', {}))).toMatchObject({ ok: true });
      reopened.session.lock();
    } finally {
      execFileSync('umount', ['-l', mountPoint]);
    }
  });
});
