// The plugin leaves WebAdmin as its users know it (issue 12): beside a second plugin that loads as
// ovirt-engine-ui-extensions does (test/ui-plugins/dashboard-like: a `dashboard-main` place with
// priority -1, its buttons, ready() after an asynchronous start), users land where they did before
// this plugin; a deep link in WebAdmin's own token format survives login and reload; another
// plugin's throwing isEnabled takes nothing down; a slow engine does not keep WebAdmin blank.
import { LAB_IDS } from '../../dev/lab';
import { sessionId } from '../../src/georep/status';
import type { Page } from '@playwright/test';
import { devControl, expect, login, placeFrame, test, waitForShell } from './fixtures';

const installDashboard = (page: Page, installed: boolean) =>
  devControl(page, 'ui-plugin', { name: 'dashboard-like', installed });

const standin = <T>(page: Page, fn: () => T) => page.evaluate(fn);
const geoRepLink = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Main menu' })
    .getByRole('link', { name: 'Geo-Replication' });

test.afterEach(async ({ page }) => {
  await devControl(page, 'engine', { down: false, latencyMs: 0 });
  await installDashboard(page, false);
});

test('with a Dashboard plugin installed, a Gluster user logging in with no token lands on the Dashboard', async ({
  page,
}) => {
  await installDashboard(page, true);
  await login(page, 'glusteradmin');
  await waitForShell(page);
  await expect(page).toHaveURL(/#dashboard-main$/);
  expect(await standin(page, () => window.__standin.currentPlace())).toBe('dashboard-main');
  await expect(placeFrame(page).getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  // Our place is there, added after the landing, in the Storage menu right after Volumes.
  await expect(geoRepLink(page)).toBeVisible();
  const storage = page
    .getByRole('navigation', { name: 'Main menu' })
    .locator('li.menu-primary', { hasText: 'Storage' })
    .getByRole('link');
  await expect(storage).toHaveText([
    'Data Centers',
    'Domains',
    'Volumes',
    'Geo-Replication',
    'Disks',
  ]);
  // The Dashboard is first in the menu (priority -1: inserted at 0).
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').first(),
  ).toHaveText(/Dashboard/);
  for (const p of ['dashboard-like', 'gluster-georep'])
    expect(await page.evaluate((n) => window.__standin.pluginState(n), p)).toBe('IN_USE');
  expect(await standin(page, () => window.__standin.refusals)).toEqual([]);
  // The place stays reachable from the menu.
  await geoRepLink(page).click();
  await expect(page).toHaveURL(/#gluster-georep$/);
  await expect(
    placeFrame(page).getByRole('heading', { name: 'Geo-Replication', level: 1 }),
  ).toBeVisible();
});

test('without a Dashboard plugin, users land where WebAdmin itself sends them: Virtual Machines', async ({
  page,
}) => {
  await login(page, 'admin');
  await waitForShell(page);
  await expect(page).toHaveURL(/#vms$/);
  await expect(page.getByRole('heading', { name: 'Virtual Machines' })).toBeVisible();
  await expect(geoRepLink(page)).toBeVisible();
  expect(await standin(page, () => window.__standin.currentPlace())).toBe('vms');
});

test('a deep link #gluster-georep;cluster=<id> lands on that cluster after login, and after a reload', async ({
  page,
}) => {
  await installDashboard(page, true);
  await login(page, 'glusteradmin', `gluster-georep;cluster=${LAB_IDS.clusterDr}`);
  await waitForShell(page);
  expect(await standin(page, () => window.__standin.currentPlace())).toBe('gluster-georep');
  const f = placeFrame(page);
  await expect(f.getByRole('combobox', { name: 'Cluster' })).toHaveValue(LAB_IDS.clusterDr);
  await page.reload();
  await waitForShell(page);
  await expect(placeFrame(page).getByRole('combobox', { name: 'Cluster' })).toHaveValue(
    LAB_IDS.clusterDr,
  );
  // Choosing another cluster writes WebAdmin's URL in its own format, so a copy of it works.
  await placeFrame(page)
    .getByRole('combobox', { name: 'Cluster' })
    .selectOption({ label: 'gluster-prod' });
  await expect(page).toHaveURL(new RegExp(`#gluster-georep;cluster=${LAB_IDS.clusterProd}$`));
  await page.reload();
  await expect(placeFrame(page).getByRole('combobox', { name: 'Cluster' })).toHaveValue(
    LAB_IDS.clusterProd,
  );
});

test('a deep link to a session opens it', async ({ page }) => {
  const id = sessionId({
    primary_volume: 'data',
    secondary_user: 'root',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'data-dr',
  });
  await login(page, 'admin', `gluster-georep;cluster=${LAB_IDS.clusterProd};session=${id}`);
  const f = placeFrame(page);
  await expect(
    f.getByRole('button', { name: 'Details of session data to root@gdr1.lab.example::data-dr' }),
  ).toHaveAttribute('aria-expanded', 'true');
  await expect(f.getByText('Replica set 1').first()).toBeVisible();
  // Closing it leaves the cluster in the URL; opening another names that one.
  await f
    .getByRole('button', { name: 'Details of session data to root@gdr1.lab.example::data-dr' })
    .click();
  await expect(page).toHaveURL(new RegExp(`#gluster-georep;cluster=${LAB_IDS.clusterProd}$`));
});

test("another plugin's throwing isEnabled takes neither plugin down; the button counts as enabled", async ({
  page,
}) => {
  await installDashboard(page, true);
  await login(page, 'admin', 'volumes');
  await waitForShell(page);
  const report = page.getByRole('button', { name: 'Volume Report' });
  const ours = page.getByRole('button', { name: 'New Geo-Replication Session' });
  await expect(ours).toBeVisible();
  // JsFunctionResultHelper.invokeAndGetResultAsBoolean: an exception gives the default, true.
  await expect(report).toBeEnabled();
  await expect(ours).toBeDisabled();
  expect(
    await standin(page, () =>
      window.__standin.logs.some(
        (l) => l.level === 'severe' && l.message.includes('Error while invoking function'),
      ),
    ),
  ).toBe(true);
  for (const p of ['dashboard-like', 'gluster-georep'])
    expect(await page.evaluate((n) => window.__standin.pluginState(n), p)).toBe('IN_USE');
  await page.getByRole('checkbox', { name: 'Select data', exact: true }).check();
  await expect(ours).toBeEnabled();
  await ours.click();
  await expect(page).toHaveURL(/#gluster-georep$/);
  await expect(
    placeFrame(page).getByRole('dialog', { name: 'New geo-replication session' }),
  ).toBeVisible();
});

test('a slow engine does not keep WebAdmin blank: it shows its landing page, the place comes with the answer', async ({
  page,
}) => {
  await installDashboard(page, true);
  await devControl(page, 'engine', { latencyMs: 4000 });
  await login(page, 'glusteradmin');
  await waitForShell(page);
  // WebAdmin made its first transition before the engine answered the plugin: no place yet.
  expect(await standin(page, () => window.__standin.currentPlace())).toBe('dashboard-main');
  await expect(geoRepLink(page)).toHaveCount(0);
  await expect(geoRepLink(page)).toBeVisible({ timeout: 15_000 });
  // The user was not moved.
  expect(await standin(page, () => window.__standin.currentPlace())).toBe('dashboard-main');
});

test('a deep link with an engine slower than the bound: WebAdmin goes on, then the link is followed', async ({
  page,
}) => {
  await installDashboard(page, true);
  await devControl(page, 'engine', { latencyMs: 4000 });
  await login(page, 'glusteradmin', `gluster-georep;cluster=${LAB_IDS.clusterDr}`);
  await waitForShell(page);
  // Past the bound, WebAdmin resolved the token without our place: its default place.
  expect(await standin(page, () => window.__standin.currentPlace())).toBe('dashboard-main');
  await expect(page).toHaveURL(new RegExp(`#gluster-georep;cluster=${LAB_IDS.clusterDr}$`), {
    timeout: 15_000,
  });
  expect(await standin(page, () => window.__standin.currentPlace())).toBe('gluster-georep');
  await expect(placeFrame(page).getByRole('combobox', { name: 'Cluster' })).toHaveValue(
    LAB_IDS.clusterDr,
    {
      timeout: 30_000,
    },
  );
});

test("a plugin's Gluster volume sub tab (addDetailPlace), pointed at the open volume; detail buttons get it as mainEntity", async ({
  page,
}) => {
  await installDashboard(page, true);
  await login(page, 'admin', 'volumes');
  await waitForShell(page);
  await page.getByRole('link', { name: 'data', exact: true }).click();
  await expect(page).toHaveURL(/#volumes-general;name=data$/);
  const tabs = page.getByRole('tablist', { name: 'data details' }).getByRole('tab');
  // DetailTabDataIndex priorities: the plugin's 4.5 lands between Geo-Replication (4) and Snapshots (5).
  await expect(tabs).toHaveText([
    'General',
    'Bricks',
    'Volume Options',
    'Permissions',
    'Events',
    'Geo-Replication',
    'Volume Report',
    // Ours, also 4.5: equal priorities in the order the tabs were added (the Dashboard loads first).
    'Geo-Replication (live)',
    'Snapshots',
  ]);
  await tabs.getByText('Geo-Replication', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Report on this volume' })).toBeEnabled();
  await tabs.filter({ hasText: 'Volume Report' }).click();
  await expect(page).toHaveURL(/#volumes-dashboard_like_report;name=data$/);
  await expect(
    placeFrame(page).getByText(`Volume data of cluster ${LAB_IDS.clusterProd}`),
  ).toBeVisible();
  expect(await standin(page, () => window.__standin.refusals)).toEqual([]);
});
