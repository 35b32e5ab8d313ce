// Foundation: the plugin loads through the pluginApi in the WebAdmin stand-in, and
// Storage › Geo-Replication appears only for users who see a Gluster cluster.
import { devControl, expect, login, placeFrame, test, waitForShell } from './fixtures';

test.afterEach(async ({ page }) => {
  await devControl(page, 'engine', { down: false });
});

test('admin logs in and opens Storage › Geo-Replication', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await login(page, 'admin');
  await waitForShell(page);
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  const place = menu.getByRole('link', { name: 'Geo-Replication' });
  await expect(place).toBeVisible();
  // It sits in the Storage menu, after Volumes.
  await expect(
    menu.locator('li', { hasText: 'Storage' }).getByRole('link', { name: 'Geo-Replication' }),
  ).toBeVisible();
  await place.click();
  await expect(page).toHaveURL(/#gluster-georep$/);
  await expect(
    placeFrame(page).getByRole('heading', { name: 'Geo-Replication', level: 1 }),
  ).toBeVisible();
  expect(await page.evaluate(() => window.__standin.pluginState('gluster-georep'))).toBe('IN_USE');
  // The plugin made no call WebAdmin would refuse.
  expect(await page.evaluate(() => window.__standin.refusals)).toEqual([]);
  expect(warnings.filter((w) => w.includes('gluster-georep'))).toEqual([]);
});

test('a user who sees no Gluster cluster gets no Geo-Replication place', async ({ page }) => {
  await login(page, 'virtonly');
  await waitForShell(page);
  await expect(page.getByRole('link', { name: 'Volumes' })).toBeVisible();
  expect(await page.evaluate(() => window.__standin.pluginState('gluster-georep'))).toBe('IN_USE');
  await expect(page.getByRole('link', { name: 'Geo-Replication' })).toHaveCount(0);
});

test('a reload on the place token lands on the place', async ({ page }) => {
  await login(page, 'admin', 'gluster-georep');
  await expect(page).toHaveURL(/#gluster-georep$/);
  await expect(
    placeFrame(page).getByRole('heading', { name: 'Geo-Replication', level: 1 }),
  ).toBeVisible();
  await page.reload();
  await waitForShell(page);
  await expect(page).toHaveURL(/#gluster-georep$/);
  expect(await page.evaluate(() => window.__standin.currentPlace())).toBe('gluster-georep');
  await expect(
    placeFrame(page).getByRole('heading', { name: 'Geo-Replication', level: 1 }),
  ).toBeVisible();
});

test('with the engine REST API down at login, WebAdmin still works: no place, no freeze', async ({
  page,
}) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  await devControl(page, 'engine', { down: true });
  await login(page, 'admin');
  await waitForShell(page);
  expect(await page.evaluate(() => window.__standin.pluginState('gluster-georep'))).toBe('IN_USE');
  await expect(page.getByRole('link', { name: 'Geo-Replication' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Hosts' }).click();
  await expect(page.getByRole('heading', { name: 'Hosts' })).toBeVisible();
  expect(
    logs.some((l) => l.includes('[gluster-georep]') && l.includes('Geo-Replication is not shown')),
  ).toBe(true);
});
