// A stalled session end to end, in Chromium, on the simulator: a worker comes up deaf (healthy by
// everything Gluster prints), the tab flags the session Stalled with the evidence, one WebAdmin
// alert says so, Recover from the details restarts the workers and the session is Active again.
import { devControl, expect, login, placeFrame, test } from './fixtures';

const NAME = 'data to root@gdr1.lab.example::data-dr';
const DATA = {
  primary_volume: 'data',
  secondary_host: 'gdr1.lab.example',
  secondary_volume: 'data-dr',
};

// The stack is shared with the other files: whatever happened, data's workers hear again.
test.afterEach(async ({ page }) => {
  await devControl(page, 'sim/worker-deaf', { ...DATA, brick: '*', deaf: false, chance: 0 });
});

test('a deaf worker: Stalled in the tab with its evidence, an alert, and Recover makes it Active', async ({
  page,
}) => {
  test.setTimeout(5 * 60_000);
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  const row = f
    .getByRole('row')
    .filter({ has: f.getByRole('checkbox', { name: `Select session ${NAME}` }) });
  await expect(row).toContainText('Active');
  // data's Active workers come up deaf; changes keep being written (the
  // demo's workload writes every 30 s); a rollover of 3 s makes the threshold 16 s
  await devControl(page, 'sim/worker-deaf', {
    ...DATA,
    brick: '*',
    deaf: true,
    rollover_seconds: 3,
  });
  await expect(row).toContainText('Stalled', { timeout: 120_000 });
  // one WebAdmin alert, from the hidden plugin frame
  await expect(
    page.getByRole('alert').filter({ hasText: /is Stalled: changes are recorded but not synced/ }),
  ).toHaveCount(1);
  await row.getByRole('button', { name: `Details of session ${NAME}` }).click();
  const alert = f.locator('[data-stalled-worker]').first();
  await expect(alert).toContainText(/not been synced for/);
  await alert.getByRole('button', { name: 'Recover' }).click();
  const dialog = f.getByRole('dialog', { name: 'Recover the stalled session' });
  await dialog.getByRole('button', { name: 'Recover' }).click();
  const outcome = dialog.locator('[data-outcome]');
  await expect(outcome).toBeVisible({ timeout: 3 * 60_000 });
  await expect(outcome).toHaveAttribute('data-outcome', 'succeeded');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(row).not.toContainText('Stalled', { timeout: 60_000 });
  await expect(row).toContainText('Active');
});
