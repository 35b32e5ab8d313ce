// A Gluster volume's Geo-Replication (live) sub tab in the WebAdmin stand-in: Storage › Volumes ›
// a volume › the tab lists that volume's sessions only (the stand-in sends GlusterVolume
// SelectionChange as WebAdmin does; the plugin points the tab at the volume), an action works from
// there, and a session's Events link opens WebAdmin's Events with the search applied.
import type { Page } from '@playwright/test';
import { expect, login, test } from './fixtures';

const TAB = 'Geo-Replication (live)';

async function openVolumeTab(page: Page, volume: string, logIn = true) {
  if (logIn) await login(page, 'admin', 'volumes');
  await page.getByRole('link', { name: volume, exact: true }).click();
  const tabs = page.getByRole('tablist', { name: `${volume} details` });
  // Next to WebAdmin's own Geo-Replication tab, not in its place.
  await expect(tabs.getByRole('tab')).toHaveText([
    'General',
    'Bricks',
    'Volume Options',
    'Permissions',
    'Events',
    'Geo-Replication',
    TAB,
    'Snapshots',
  ]);
  await tabs.getByRole('tab', { name: TAB }).click();
  const f = page.frameLocator('iframe.detail-frame');
  await expect(
    f.getByRole('heading', { name: `Geo-replication sessions from volume ${volume}` }),
  ).toBeVisible();
  return f;
}

async function expectNoSideScroll(page: Page): Promise<void> {
  const handle = await page.locator('iframe.detail-frame').elementHandle();
  const frame = (await handle.contentFrame())!;
  const [scroll, client] = await frame.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `scrolls sideways (${scroll} > ${client})`).toBeLessThanOrEqual(client);
}

test("a volume's sub tab lists its sessions only, acts on one, and links to its events", async ({
  page,
}) => {
  // Other specs share the stack and change the demo's sessions (tab.spec stops data, start.spec
  // creates sessions from archive): this one asserts what holds whatever ran before it.
  const f = await openVolumeTab(page, 'vmstore');
  const grid = f.getByRole('grid', { name: 'Geo-replication sessions' });
  const sources = grid.locator('td[data-label="Primary volume"]');
  await expect(
    grid.getByRole('button', { name: /^Details of session vmstore to root@gdr1/ }),
  ).toBeVisible();
  await expect(
    grid.getByRole('button', { name: /^Details of session vmstore to root@backup.remote/ }),
  ).toBeVisible();
  // Only vmstore's: data's, archive's and the DR cluster's sessions are not here.
  expect(new Set(await sources.allTextContents())).toEqual(new Set(['vmstore']));
  await expect(grid).not.toContainText('data-dr');

  // The page WebAdmin's selection event pointed the tab at names the volume.
  const src = await page.locator('iframe.detail-frame').getAttribute('src');
  expect(new URL(src!).searchParams.get('volumeName')).toBe('vmstore');

  // Another volume: only its own sessions.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Volumes' })
    .click();
  const g = await openVolumeTab(page, 'archive', false);
  const archiveGrid = g.getByRole('grid', { name: 'Geo-replication sessions' });
  await expect(
    archiveGrid.getByRole('button', { name: /^Details of session archive to root@gdr1/ }),
  ).toBeVisible();
  expect(
    new Set(await archiveGrid.locator('td[data-label="Primary volume"]').allTextContents()),
  ).toEqual(new Set(['archive']));

  // Act: a checkpoint on archive -> gdr1 (Paused: a checkpoint is a config set Gluster accepts).
  await g.getByRole('button', { name: /^Actions for session archive to root@gdr1/ }).click();
  await g.getByRole('menuitem', { name: 'Set checkpoint now' }).click();
  const dialog = g.getByRole('dialog', { name: 'Set a checkpoint now' });
  await dialog.getByRole('button', { name: 'Set checkpoint now', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  // The session's events: WebAdmin's Events, searched for this session.
  await g.getByRole('button', { name: /^Details of session archive to root@gdr1/ }).click();
  await g
    .getByRole('button', {
      name: "Show this session's events (actions and status changes) in Events",
    })
    .click();
  await expect(page.getByRole('heading', { name: 'Events', level: 2 })).toBeVisible();
  const search =
    'Events: origin = gluster-georep and cluster = gluster-prod and message = "* archive *gdr1.lab.example::archive-dr*" and message != "*@gdr1.lab.example::archive-dr*"';
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(search);
  // As WebAdmin writes an applied search into its URL (the `Events:` prefix cut).
  await expect
    .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
    .toMatch(/^#events;search=/);
  const events = page.getByRole('table', { name: 'Events' });
  await expect(events).toContainText(
    'A checkpoint has been set on the geo-replication session from volume archive of cluster gluster-prod to gdr1.lab.example::archive-dr (User: admin@internal',
  );
  // Only this session's: none of the other sessions' events.
  await expect(events).not.toContainText('vmstore');
  await expect(events).not.toContainText('data-dr');
  // WebAdmin's URL now holds the search: a reload comes back to Events searched so.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(search);
  await expect(page.getByRole('table', { name: 'Events' })).toContainText('archive-dr');
  await expect(page.getByRole('table', { name: 'Events' })).not.toContainText('vmstore');
});

test('a read-only user sees the sessions of a volume and cannot act', async ({ page }) => {
  await login(page, 'glusterviewer', 'volumes');
  await page.getByRole('link', { name: 'data', exact: true }).click();
  await page.getByRole('tab', { name: TAB }).click();
  const f = page.frameLocator('iframe.detail-frame');
  await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
  await expect(f.getByRole('button', { name: 'New session' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await f.getByRole('button', { name: /^Actions for session data to / }).click();
  await expect(f.getByRole('menuitem', { name: 'Pause' })).toBeDisabled();
  // Reading the session's events is not acting: offered.
  await f.getByRole('menuitem', { name: 'Show events' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(
    /^Events: origin = gluster-georep and cluster = gluster-prod and message = "\* data \*gdr1/,
  );
});

for (const [width, height] of [
  [1024, 768],
  [1440, 900],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ windowSize: { width, height } });

    test('the sub tab fits: nothing scrolls sideways', async ({ page }) => {
      const f = await openVolumeTab(page, 'vmstore');
      const grid = f.getByRole('grid', { name: 'Geo-replication sessions' });
      await expect(grid).toBeVisible();
      // Every row's primary volume is the one the title names: at 1024 its column gives way.
      if (width === 1024)
        await expect(grid.getByRole('columnheader', { name: /Primary volume/ })).toBeHidden();
      await expectNoSideScroll(page);
      await f.getByRole('button', { name: /^Details of session vmstore to root@gdr1/ }).click();
      await expect(f.getByRole('region', { name: 'Replica set 1' })).toBeVisible();
      await expectNoSideScroll(page);
      await page.screenshot({ path: test.info().outputPath(`volume-tab-${width}.png`) });
    });
  });
}
