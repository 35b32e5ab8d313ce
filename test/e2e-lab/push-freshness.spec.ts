// Pushed within a second, on REAL Gluster: a session of its own on the lab, paused with the
// gluster CLI behind the service's back, ten times, timed from the CLI's return to the tab's row
// saying Paused (bench/freshness.ts watches the row from inside the page). With Gluster's events
// API (glustereventsd started by `lab/gluster-lab.sh events-up`, the webhook registered by the
// service): at most 1 s, median of 10. Without it, the service's own reads every 4 s, pushed to
// the tab: at most 5 s. Run under the lab's lock:
//   flock /var/lock/gluster-lab.lock env GLUSTER_LAB=1 npx playwright test --config playwright.lab.config.ts push-freshness
import fs from 'node:fs';
import { LAB_ENV_FILE } from '../../dev/real-lab';
import {
  createLabSession,
  labEvents,
  openTab,
  pauseFreshness,
  removeLabSession,
  startDevServer,
  type LabSession,
} from '../../bench/lab-push';
import { expect, test } from '../e2e/fixtures';

const LAB = process.env.GLUSTER_LAB === '1' && fs.existsSync(LAB_ENV_FILE);
test.skip(
  !LAB,
  'real Gluster lab not up: run `bash lab/gluster-lab.sh up`, then GLUSTER_LAB=1 npm run test:e2e:lab',
);
test.describe.configure({ mode: 'serial' });

const BASE_PORT = Number(process.env.E2E_LAB_PORT ?? 18083);
let session: LabSession | null = null;

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  labEvents('events-up');
  session = await createLabSession('push');
});

test.afterAll(() => {
  if (!LAB) return;
  if (session) removeLabSession(session);
  labEvents('events-down');
});

test('with Gluster’s events API: a pause made with the gluster CLI is on the tab within 1 s (median of 10)', async ({
  page,
}) => {
  const dev = await startDevServer(BASE_PORT + 1, { GEOREP_EVENTS_API: 'on' });
  try {
    await openTab(page, dev.base, 'events');
    const f = await pauseFreshness(page, session!, 10);
    console.log(
      `freshness with the events API: median ${f.median} ms, worst ${f.worst} ms (${f.samples.join(', ')})`,
    );
    expect(f.median).toBeLessThanOrEqual(1000);
  } finally {
    await dev.stop();
  }
});

test('without it: the service’s own reads, pushed, bring it within 5 s (median of 10)', async ({
  page,
}) => {
  const dev = await startDevServer(BASE_PORT + 2, { GEOREP_EVENTS_API: 'off' });
  try {
    await openTab(page, dev.base, 'interval');
    const f = await pauseFreshness(page, session!, 10);
    console.log(
      `freshness without the events API: median ${f.median} ms, worst ${f.worst} ms (${f.samples.join(', ')})`,
    );
    expect(f.median).toBeLessThanOrEqual(5000);
  } finally {
    await dev.stop();
  }
});
