import { tempDir } from './vault';

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
