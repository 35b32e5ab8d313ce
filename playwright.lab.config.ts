import { defineConfig } from '@playwright/test';

// End-to-end tests against REAL Gluster: the lab of `bash lab/gluster-lab.sh up` on this machine,
// behind the same WebAdmin stand-in and engine emulator, with the service on the cli backend
// (dev/real-lab.ts). Run when GLUSTER_LAB=1 (as .ci/run sets it once the lab is up); otherwise the
// spec says why it is skipped and no server is started.
const PORT = Number(process.env.E2E_LAB_PORT ?? 18083);
const LAB = process.env.GLUSTER_LAB === '1';

export default defineConfig({
  testDir: './test/e2e-lab',
  timeout: 8 * 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./test/real/playwright-reporter.cjs']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'off' },
  webServer: LAB
    ? {
        command: 'node --import tsx dev/start.ts',
        url: `http://127.0.0.1:${PORT}/healthz`,
        env: {
          HOST: '127.0.0.1',
          PORT: String(PORT),
          GEOREP_BACKEND: 'cli',
          LOG_LEVEL: process.env.E2E_LAB_LOG_LEVEL ?? 'warn',
        },
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'pipe',
        stderr: 'pipe',
      }
    : undefined,
});
