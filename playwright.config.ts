import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (no browser download) against `npm start`'s stack on
// its own port: WebAdmin stand-in + engine emulator + geo-rep service with the Gluster simulator.
const PORT = Number(process.env.E2E_PORT ?? 18080);

export default defineConfig({
  testDir: './test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'off' },
  webServer: {
    command: 'node --import tsx dev/start.ts',
    url: `http://127.0.0.1:${PORT}/healthz`,
    env: {
      HOST: '127.0.0.1',
      PORT: String(PORT),
      GEOREP_DEV_CONTROLS: '1',
      LOG_LEVEL: 'warn',
      // The stack's log (info and up) also goes to this file, one per port (see devLogFile() in
      // test/e2e/fixtures.ts); relative to this folder, the server's working directory.
      GEOREP_DEV_LOG_FILE: `test-results/dev-stack-${PORT}.log`,
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
