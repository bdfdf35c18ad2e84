import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The product is started exactly as `npm start` starts it (scripts/start.mjs), on its own port and with a fresh
// data directory; the config is evaluated again in each worker, so both are fixed once through the environment.
const port = Number((process.env.E2E_PORT ??= '3917'));
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'clinicflow-e2e-'));
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e-spec.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  // A stray `.only` would silently drop every other test: refused everywhere, not only where CI is set.
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  // the product answers through FerretDB on a small shared machine: a save can take several seconds under load
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../.test-results/playwright.json' }]],
  globalTeardown: './src/global-teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // The machine has no network but the registries: keep Chromium from reaching out at start.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node ../scripts/start.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(port),
      CLINICFLOW_DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      // the HL7 listener on a free port of the loopback only (the integrations spec reads it in the settings)
      HL7_MLLP_PORT: '0',
      HL7_MLLP_HOST: '127.0.0.1',
      // the webhooks spec's receiver listens on the loopback, which the outbound guard refuses unless listed
      CLINICFLOW_ALLOWED_PROVIDER_HOSTS: '127.0.0.1',
    },
  },
});
