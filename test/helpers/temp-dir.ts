import { ok } from './pilot';
import { tempDir, unlockedCore } from './vault';

/**
 * For `beforeEach`: a new temporary folder for each test, handed to `use` and removed after the
 * test (beforeEach runs the function it returns as the test's cleanup).
 *   let dir: string;
 *   beforeEach(inTempDir((d) => (dir = d)));
 */
export const inTempDir =
  (use: (dir: string) => void, prefix?: string): (() => () => void) =>
  () => {
    const { dir, cleanup } = tempDir(prefix);
    use(dir);
    return cleanup;
  };

type UnlockedCore = Awaited<ReturnType<typeof unlockedCore>>;

/**
 * For `beforeEach`: a new temporary folder with a created, unlocked vault, handed to `use`;
 * after the test the vault is locked and the folder removed.
 *   let registry: HandlerRegistry;
 *   beforeEach(withVault((core) => ({ registry } = core), { now: clock.now, timeZone: 'Europe/London' }));
 */
export const withVault =
  (use: (core: UnlockedCore & { dir: string }) => void, { prefix, now, timeZone }: { prefix?: string; now?: () => Date; timeZone?: string } = {}): (() => Promise<() => void>) =>
  async () => {
    const { dir, cleanup } = tempDir(prefix);
    try {
      const core = await unlockedCore(dir, now);
      if (timeZone) await ok(core.registry, 'settings.update', { timeZone });
      use({ ...core, dir });
      return () => {
        core.session.lock();
        cleanup();
      };
    } catch (error) {
      cleanup();
      throw error;
    }
  };
