// Pushed, not polled: the tab says it is live, and a worker failing behind the service's back (the
// simulator's Gluster, not the tab's doing) reaches the row through the service's stream, while
// the tab sends no session request of its own; the lag history in the details; the metrics on
// loopback.
import { devControl, expect, login, placeFrame, test } from './fixtures';

const PROD = 'cl-00000000-0000-0000-0000-000000000002';

test('live: a worker failing behind the service’s back reaches the row with no poll from the tab', async ({
  page,
}) => {
  test.setTimeout(90_000);
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
  await devControl(page, 'sim/worker-fault', {
    primary_volume: 'vmstore',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'vmstore-dr',
    brick: 'gprod2.lab.example:/gluster_bricks/vmstore/brick1',
    faulty: true,
  });
  const vm = f.getByRole('row').filter({
    has: f.getByRole('checkbox', {
      name: 'Select session vmstore to root@gdr1.lab.example::vmstore-dr',
    }),
  });
  await expect(vm.getByText('Faulty', { exact: true })).toBeVisible({ timeout: 15_000 });
  // and longer than the tab's own refresh interval (5 s): still no poll
  await page.waitForTimeout(6_000);
  expect(polls.length).toBe(before);
  await devControl(page, 'sim/worker-fault', {
    primary_volume: 'vmstore',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'vmstore-dr',
    brick: 'gprod2.lab.example:/gluster_bricks/vmstore/brick1',
    faulty: false,
  });

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
