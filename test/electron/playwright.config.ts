import { defineConfig } from '@playwright/test';

/** The real Electron shell; runs wherever the Electron binary is installed, and says why it skipped elsewhere. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.electron.ts',
  outputDir: '../artifacts/electron-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
