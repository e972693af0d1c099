import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Renderer tests sit beside what they test (renderer/src/**/__tests__) and choose jsdom per file.
    include: ['test/unit/**/*.test.ts', 'test/core/**/*.test.ts', 'test/reliability/**/*.test.ts', 'renderer/src/**/__tests__/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file gets its own process: native SQLCipher handles and temp vaults stay isolated.
    pool: 'forks',
    // Vitest's default leaves one core free, which on a 2-core machine runs every file in turn.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
