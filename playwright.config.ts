/**
 * Browser tests run against the built site (dist/) served by `astro preview`, in a Chromium found
 * by test/support/chromium.ts: never one downloaded by Playwright.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: `"${process.execPath}" test/support/static-server.ts "${process.env.SND_DIST ?? 'dist'}" ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
