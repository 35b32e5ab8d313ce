// The seed's flow end to end: Start dialog → passwordless SSH verification fails → Passwordless
// SSH dialog with the remote user's password (fingerprint confirmed first) → the flow continues:
// create, configure, start; and the Volumes list's button opening it with the volume chosen.
import type { Locator, Page } from '@playwright/test';
import { expect, login, placeFrame, test } from './fixtures';

test('start a session to a new remote: SSH set up with the password, then created and started', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
  await f.getByRole('button', { name: 'New session' }).first().click();
  const dlg = f.getByRole('dialog', { name: 'New geo-replication session' });
  await expect(dlg).toBeVisible();

  await dlg.getByLabel('Primary volume').selectOption({ label: 'home (up)' });
  await dlg
    .getByLabel('Start Geo-Replication from Host')
    .selectOption({ label: 'gprod1 (gprod1.lab.example)' });
  await expect(dlg.getByLabel('SSH fingerprint of gprod1')).toHaveValue(
    /^SHA256:[A-Za-z0-9+/]{43} \(ssh-ed25519\)$/,
  );
  await dlg.getByLabel('Secondary Host').fill('backup.remote.example');
  await dlg.getByLabel('Secondary Volume/Path').fill('home-backup');
  await expect(dlg.getByText('Volume home-backup on the secondary cluster')).toBeVisible();
  await dlg.getByRole('button', { name: 'OK' }).click();

  // Passwordless SSH from gprod1 to root@backup.remote.example does not work yet.
  const ssh = f.getByRole('dialog', { name: 'Passwordless SSH setup' });
  await expect(ssh).toBeVisible({ timeout: 20_000 });
  await ssh.getByLabel('Password of the secondary user').check();
  await expect(
    ssh
      .getByText(/SHA256:/)
      .or(ssh.locator('input[value^="SHA256:"]'))
      .first(),
  ).toBeVisible();
  const password = ssh.getByLabel('Password of root@backup.remote.example');
  const send = ssh.getByRole('button', { name: 'Send password' });
  await password.fill('not-the-password');
  await expect(send).toBeDisabled(); // the fingerprint is not confirmed yet
  await ssh.getByLabel("I have compared this fingerprint with the secondary host's key").check();
  await send.click();
  await expect(ssh.getByText('The password was not accepted. You can try again.')).toBeVisible();
  await expect(password).toHaveValue('');
  await password.fill('remote-root-pw');
  await send.click();

  // The flow continues where it stopped: create, configure, start.
  await expect(ssh).toHaveCount(0, { timeout: 20_000 });
  await expect(
    dlg.getByRole('heading', {
      name: /Session home → backup.remote.example::home-backup created and started/,
    }),
  ).toBeVisible({ timeout: 30_000 });
  await dlg.getByRole('button', { name: 'Close' }).last().click();
  const row = f.getByRole('row').filter({
    has: f.getByRole('checkbox', {
      name: 'Select session home to root@backup.remote.example::home-backup',
    }),
  });
  await expect(row).toBeVisible({ timeout: 15_000 });
  // The password is nowhere in either page afterwards.
  expect(await page.content()).not.toContain('remote-root-pw');
  expect(await f.locator('body').innerHTML()).not.toContain('remote-root-pw');
});

test('Storage › Volumes: New Geo-Replication Session opens the Start dialog for the selected volume', async ({
  page,
}) => {
  await login(page, 'admin', 'volumes');
  const button = page.getByRole('button', { name: 'New Geo-Replication Session' });
  await expect(button).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Select archive', exact: true }).check();
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page).toHaveURL(/#gluster-georep$/);
  const dlg = placeFrame(page).getByRole('dialog', { name: 'New geo-replication session' });
  await expect(dlg).toBeVisible({ timeout: 20_000 });
  await expect(dlg.getByLabel('Primary volume')).toHaveValue('archive');
});

test('Storage › Volumes: Cancel in the Start dialog takes the user back to Volumes', async ({
  page,
}) => {
  await login(page, 'admin', 'volumes');
  await page.getByRole('checkbox', { name: 'Select archive', exact: true }).check();
  await page.getByRole('button', { name: 'New Geo-Replication Session' }).click();
  const dlg = placeFrame(page).getByRole('dialog', { name: 'New geo-replication session' });
  await expect(dlg).toBeVisible({ timeout: 20_000 });
  await dlg.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/#volumes$/);
  await expect(page.getByRole('checkbox', { name: 'Select archive', exact: true })).toBeVisible();
});

// WebAdmin's item carries only id, name and cluster: the plugin reads the volumes' statuses and the
// user's access ahead (src/plugin/volumeButton.ts); a selection made before that read is judged on
// what it knew, the next one on what it read, hence the re-selection until the verdict shows.
async function reselectUntil(
  page: Page,
  volume: string,
  check: (button: Locator) => Promise<void>,
): Promise<void> {
  const box = page.getByRole('checkbox', { name: `Select ${volume}`, exact: true });
  const button = page.getByRole('button', { name: 'New Geo-Replication Session' });
  await expect(async () => {
    await box.uncheck();
    await box.check();
    await check(button);
  }).toPass({ timeout: 15_000 });
}

test('Storage › Volumes: the button stays disabled for a volume that is not Up', async ({
  page,
}) => {
  await login(page, 'admin', 'volumes');
  await reselectUntil(page, 'scratch', (b) => expect(b).toBeDisabled({ timeout: 500 }));
  await page.getByRole('checkbox', { name: 'Select scratch', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Select archive', exact: true }).check();
  await expect(page.getByRole('button', { name: 'New Geo-Replication Session' })).toBeEnabled();
});

test('Storage › Volumes: a read-only user finds the button disabled on an Up volume', async ({
  page,
}) => {
  await login(page, 'glusterviewer', 'volumes');
  await reselectUntil(page, 'archive', (b) => expect(b).toBeDisabled({ timeout: 500 }));
});

test('preflight: a missing remote volume blocks; a non-empty one is a blocker Force may bypass', async ({
  page,
}) => {
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  await f.getByRole('button', { name: 'New session' }).first().click();
  const dlg = f.getByRole('dialog', { name: 'New geo-replication session' });
  await dlg.getByLabel('Primary volume').selectOption({ label: 'archive (up)' });
  await dlg
    .getByLabel('Start Geo-Replication from Host')
    .selectOption({ label: 'gprod2 (gprod2.lab.example)' });
  await dlg.getByLabel('Secondary Host').fill('gdr2.lab.example');
  await dlg.getByLabel('Secondary Volume/Path').fill('no-such-volume');
  await dlg.getByRole('button', { name: 'Check' }).click();
  const checks = dlg.getByRole('list', { name: 'Check results' });
  await expect(checks).toContainText(/Failed/);
  await expect(checks).toContainText(/no-such-volume/);
  await dlg.getByLabel('Secondary Volume/Path').fill('used-dr');
  await dlg.getByRole('button', { name: 'Check' }).click();
  await expect(checks).toContainText(/not empty|empty/i);
  const force = dlg.getByRole('checkbox', { name: /^Force/ });
  await expect(force).toBeVisible();
  await expect(dlg.getByText(/Create even though these checks fail/)).toBeVisible();
});

test('a directory as the target: the dialog says a volume will be created on it', async ({
  page,
}) => {
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  await f.getByRole('button', { name: 'New session' }).first().click();
  const dlg = f.getByRole('dialog', { name: 'New geo-replication session' });
  await dlg.getByLabel('Secondary Volume/Path').fill('/etc');
  await dlg.getByLabel('Secondary Volume/Path').press('Tab');
  await expect(
    dlg.getByText('/etc is a system directory (/etc) and cannot be a geo-replication target.'),
  ).toBeVisible();
  await dlg.getByLabel('Secondary Volume/Path').fill('/data/backup');
  await expect(dlg.getByText(/Directory \/data\/backup on the secondary host/)).toBeVisible();
});
