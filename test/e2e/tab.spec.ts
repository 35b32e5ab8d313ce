// The Geo-Replication tab end to end, in Chromium, through the WebAdmin stand-in, the engine
// emulator and the geo-rep service on the Gluster simulator. The stack is shared by the tests of
// this file (one server): each test acts on its own session of the demo lab.
import type { FrameLocator, Page } from '@playwright/test';
import { devControl, expect, login, placeFrame, test } from './fixtures';

const row = (f: FrameLocator, name: string) =>
  f.getByRole('row').filter({ has: f.getByRole('checkbox', { name: `Select session ${name}` }) });

async function openTab(
  page: Page,
  user: Parameters<typeof login>[1] = 'admin',
): Promise<FrameLocator> {
  await login(page, user, 'gluster-georep');
  const f = placeFrame(page);
  await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
  return f;
}

test('lists every session of the cluster with its status, and shows the workers by replica set', async ({
  page,
}) => {
  const f = await openTab(page);
  await expect(row(f, 'data to root@gdr1.lab.example::data-dr')).toContainText('Active');
  await expect(row(f, 'archive to root@gdr1.lab.example::archive-dr')).toContainText('Paused');
  await expect(row(f, 'home to root@gdr2.lab.example::home-dr')).toContainText('Stopped');
  await expect(row(f, 'vmstore to root@backup.remote.example::vmstore-backup')).toContainText(
    'Created',
  );
  await expect(row(f, 'vmstore to root@gdr1.lab.example::vmstore-dr')).toContainText(
    /partly faulty/i,
  );
  await f
    .getByRole('button', { name: 'Details of session data to root@gdr1.lab.example::data-dr' })
    .click();
  await expect(f.getByText('Replica set 1').first()).toBeVisible();
  await expect(f.getByText('Replica set 2').first()).toBeVisible();
});

test('stop is refused while a peer is down; Force stops, and the table shows what Gluster says', async ({
  page,
}) => {
  const f = await openTab(page);
  const data = row(f, 'data to root@gdr1.lab.example::data-dr');
  await data.getByRole('checkbox').check();
  await f.getByRole('button', { name: 'Stop', exact: true }).click();
  const dialog = f.getByRole('dialog', { name: /Stop geo-replication/ });
  await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
  // gprod3 is in maintenance: Gluster refuses, in its own words, and force is offered (stop force
  // skips glusterd's peer check), with what it does.
  await expect(
    dialog.getByText(/Peer gprod3.lab.example, which is a part of data volume, is down/).first(),
  ).toBeVisible();
  await expect(
    dialog.getByText(/Force stop stops the workers on the nodes that are up/),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Force stop' }).dblclick(); // a double click must send once
  // Success closes the dialog and says so in WebAdmin's notifications; the row shows Gluster's state.
  await expect(dialog).toHaveCount(0);
  await expect(data).toContainText('Stopped');
  expect(
    await page.evaluate(
      () => window.__standin.notifications.filter((n) => n.type === 'success').length,
    ),
  ).toBe(1);
});

test('pause is refused while a peer is down, with force too: no Force, and why', async ({
  page,
}) => {
  const f = await openTab(page);
  const vmstoreDr = row(f, 'vmstore to root@gdr1.lab.example::vmstore-dr');
  await vmstoreDr.getByRole('checkbox').check();
  await f.getByRole('button', { name: 'Pause', exact: true }).click();
  const dialog = f.getByRole('dialog', { name: /Pause geo-replication/ });
  await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(
    dialog.getByText(/Peer gprod3.lab.example, which is a part of vmstore volume, is down/).first(),
  ).toBeVisible();
  await expect(dialog.getByText('Force would not help')).toBeVisible();
  await expect(dialog.getByText(/Gluster refuses this with force too/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Force/ })).toHaveCount(0);
  await dialog.locator('footer').getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(vmstoreDr).toContainText(/partly faulty/i);
});

test('a Stopped session is removed, with reset sync time offered', async ({ page }) => {
  const f = await openTab(page);
  const home = row(f, 'home to root@gdr2.lab.example::home-dr');
  await home.getByRole('checkbox').check();
  await f.getByRole('button', { name: 'Remove', exact: true }).click();
  const dialog = f.getByRole('dialog', { name: /Remove geo-replication session/ });
  await expect(dialog.getByRole('checkbox', { name: 'Reset sync time' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(home).toHaveCount(0, { timeout: 15_000 });
});

test('a read-only user sees the sessions and the actions disabled with the reason', async ({
  page,
}) => {
  const f = await openTab(page, 'glusterviewer');
  const archive = row(f, 'archive to root@gdr1.lab.example::archive-dr');
  await expect(archive).toContainText('Paused');
  await archive.getByRole('checkbox').check();
  const resume = f.getByRole('button', { name: 'Resume', exact: true });
  await expect(resume).toBeDisabled();
  await resume.hover({ force: true });
  await expect(
    f
      .getByText(
        /may view the geo-replication sessions of cluster gluster-prod but not change them/,
      )
      .first(),
  ).toBeVisible();
});

test('a session turning Faulty raises exactly one WebAdmin alert, and its recovery one more', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openTab(page);
  const vmstoreDr = {
    primary_volume: 'vmstore',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'vmstore-dr',
  };
  const alerts = () =>
    page.evaluate(() =>
      window.__standin.notifications.filter((n) =>
        n.message.includes('vmstore → gdr1.lab.example::vmstore-dr'),
      ),
    );
  // Already partly Faulty in the demo: reported once at login.
  await expect.poll(async () => (await alerts()).length, { timeout: 20_000 }).toBe(1);
  // Its last Active worker fails too: the session is Faulty.
  await devControl(page, 'sim/worker-fault', {
    ...vmstoreDr,
    brick: 'gprod2.lab.example:/gluster_bricks/vmstore/brick1',
    faulty: true,
  });
  await expect
    .poll(async () => (await alerts()).map((a) => a.type), { timeout: 30_000 })
    .toEqual(['warning', 'danger']);
  // Several polls later, still one alert for that transition.
  await page.waitForTimeout(12_000);
  expect((await alerts()).map((a) => a.type)).toEqual(['warning', 'danger']);
  await expect(page.locator('#toasts')).toContainText(
    'vmstore → gdr1.lab.example::vmstore-dr is Faulty',
  );
  // Both workers recover and stay healthy (30 s, longer than a Faulty worker's retry): one success alert.
  await devControl(page, 'sim/worker-fault', {
    ...vmstoreDr,
    brick: 'gprod2.lab.example:/gluster_bricks/vmstore/brick1',
    faulty: false,
  });
  await devControl(page, 'sim/worker-fault', {
    ...vmstoreDr,
    brick: 'gprod1.lab.example:/gluster_bricks/vmstore/brick1',
    faulty: false,
  });
  await expect
    .poll(async () => (await alerts()).map((a) => a.type), { timeout: 90_000 })
    .toEqual(['warning', 'danger', 'success']);
});
