// 10,000 sessions in one cluster stay usable: the first page shows, a filter keystroke narrows the
// table, sorting works. The session list is served by the test (page.route) in the service's own
// shape, since the simulator's demo lab has a handful of sessions; everything else is the real stack.
import { expect, login, placeFrame, test } from './fixtures';
import { syntheticSessions } from './synthetic';

const PROD = '9d89dd81-a594-3d63-a06d-d4e8df16b64e';

test('10,000 sessions: first rows, filter and sort stay usable', async ({ page }) => {
  const body = JSON.stringify({
    georep_session: syntheticSessions(10_000, PROD),
    read_at: new Date().toISOString(),
    backend: 'sim',
  });
  await page.route(`**/ovirt-georep/api/clusters/${PROD}/sessions`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  // No pushed reads of the simulator's real list: the tab polls the synthetic one.
  await page.route(`**/ovirt-georep/api/clusters/${PROD}/stream`, (route) =>
    route.fulfill({ status: 404, contentType: 'application/json', body: '{}' }),
  );
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  const grid = f.getByRole('grid', { name: 'Geo-replication sessions' });
  await expect(grid).toBeVisible();
  await expect(f.getByRole('checkbox', { name: /^Select session vol-00000 to / })).toBeVisible();
  await expect(f.locator('.pf-v6-c-pagination').first()).toContainText('10000');
  // One filter: exactly one row.
  await f.getByRole('textbox', { name: 'Filter sessions by text' }).fill('vol-09999-dr');
  await expect(f.getByRole('checkbox', { name: /^Select session vol-/ })).toHaveCount(1);
  await expect(
    f.getByRole('checkbox', {
      name: 'Select session vol-09999 to geoaccount@dr3.remote.example::vol-09999-dr',
    }),
  ).toBeVisible();
  await f.getByRole('textbox', { name: 'Filter sessions by text' }).fill('');
  // Sorted by primary volume, ascending, at first; one click sorts descending: the last comes first.
  await grid.getByRole('button', { name: /Primary volume/ }).click();
  await expect(
    f.getByRole('checkbox', { name: /^Select session vol-/ }).first(),
  ).toHaveAccessibleName(/vol-09999/);
});
