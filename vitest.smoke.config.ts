import { defineConfig } from 'vitest/config';

/**
 * The start-up smoke test of the BUILT bundles (test/smoke): run after `npm run build` (scripts/test.sh
 * does), so it is kept out of vitest.config.ts, which runs before the build.
 */
export default defineConfig({
  test: {
    include: ['test/smoke/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
