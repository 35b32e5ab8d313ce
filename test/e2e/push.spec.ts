// Pushed, not polled: the tab says it is live, and a worker failing behind the service's back (the
// simulator's Gluster, not the tab's doing) reaches the row through the service's stream, while
// the tab sends no session request of its own; the lag history in the details; the metrics on
// loopback.
import { LAB_IDS } from '../../dev/lab';
import { devControl, expect, login, placeFrame, test } from './fixtures';

const PROD = LAB_IDS.clusterProd;

test('live: a worker failing behind the service’s back reaches the row with no poll from the tab', async ({
  page,
}) => {
  test.setTimeout(210_000);
  const polls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(`/ovirt-georep/api/clusters/${PROD}/sessions`)) polls.push(r.url());
  });
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  const live = f.locator('[data-live-mode]');
  await expect(live).toHaveAttribute('data-live-mode', 'interval', { timeout: 20_000 });
  await expect(live).toContainText('Live: every 4 s');

  const before = polls.length;
  // data's Active worker of its first replica set (vmstore's alerts belong to tab.spec.ts)
  const fault = {
    primary_volume: 'data',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'data-dr',
    brick: 'gprod1.lab.example:/gluster_bricks/data/brick1',
  };
  await devControl(page, 'sim/worker-fault', { ...fault, faulty: true });
  const data = f.getByRole('row').filter({
    has: f.getByRole('checkbox', {
      name: 'Select session data to root@gdr1.lab.example::data-dr',
    }),
  });
  await expect(data.getByText(/faulty/i)).toBeVisible({ timeout: 15_000 });
  // and longer than the tab's own refresh interval (5 s): still no poll
  await page.waitForTimeout(6_000);
  expect(polls.length).toBe(before);
  await devControl(page, 'sim/worker-fault', { ...fault, faulty: false });
  // back as it was for the other specs (Gluster restarts the worker), pushed too
  await expect(data.getByText('Active', { exact: true })).toBeVisible({ timeout: 120_000 });

  // The details: the lag over the last hours, with what it means.
  await f.getByRole('button', { name: /^Details of session data to / }).click();
  const history = f.getByRole('region', { name: /^Lag over the last 6 hours/ });
  await expect(history).toBeVisible();
  await expect(history.getByTestId('catch-up-estimate')).toBeVisible({ timeout: 20_000 });
});

test('GET /metrics answers on loopback in Prometheus’ format', async ({ request }) => {
  const res = await request.get('/metrics');
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toMatch(/^georep_sessions\{cluster="gluster-prod",status="\w+"\} \d+$/m);
  expect(text).toMatch(/^georep_gluster_cli_calls_total\{/m);
});
