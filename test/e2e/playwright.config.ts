import { defineConfig } from '@playwright/test';

/** Renderer tests: Debian's Chromium (Playwright cannot download browsers here) against the test bridge. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  // Per build folder, so parallel runs from different builds do not trample each other's traces.
  outputDir: process.env.RECIPROCAL_OUT ? `../artifacts/e2e-results-${process.env.RECIPROCAL_OUT}` : '../artifacts/e2e-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium formats <input type="date"> by its UI language, not by Playwright's locale: --lang sets
      // it on Windows and macOS, LANGUAGE on Linux (where --lang is ignored).
      env: { ...process.env, LANGUAGE: 'en_GB' },
      args: ['--no-sandbox', '--lang=en-GB', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
