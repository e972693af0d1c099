import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/core/**/*.test.ts', 'test/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file gets its own process: native SQLCipher handles and temp vaults stay isolated.
    pool: 'forks',
  },
});
