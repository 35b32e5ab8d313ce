// A session for a non-root remote user on the simulator, in Chromium: preflight shows what will be
// done on the remote (the mountbroker, the glusterd restart), OK prepares it and creates the
// session, and the outcome lists each step with its node.
import type { FrameLocator } from '@playwright/test';
import { expect, login, placeFrame, test } from './fixtures';

const row = (f: FrameLocator, name: string) =>
  f.getByRole('row').filter({ has: f.getByRole('checkbox', { name: `Select session ${name}` }) });

test('non-root user: the remote is prepared (mountbroker) and the steps are listed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
  // The stack is shared by every spec: fit.spec's session into backup-dr, if it ran first, is
  // stopped and removed (one volume, one session writing into it).
  const prior = row(f, 'home to root@gdr1.lab.example::backup-dr');
  if ((await prior.count()) > 0) {
    await prior.getByRole('checkbox').check();
    await f.getByRole('button', { name: 'Stop', exact: true }).click();
    const stop = f.getByRole('dialog', { name: /Stop geo-replication/ });
    await stop.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(prior).toContainText('Stopped', { timeout: 20_000 });
    await f.getByRole('button', { name: 'Remove', exact: true }).click();
    const remove = f.getByRole('dialog', { name: /Remove geo-replication session/ });
    await remove.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(prior).toHaveCount(0, { timeout: 15_000 });
  }
  await f.getByRole('button', { name: 'New session' }).first().click();
  const dlg = f.getByRole('dialog', { name: 'New geo-replication session' });
  await dlg.getByLabel('Primary volume').selectOption({ label: 'home (up)' });
  await dlg
    .getByLabel('Start Geo-Replication from Host')
    .selectOption({ label: 'gprod1 (gprod1.lab.example)' });
  await dlg.getByLabel('Secondary Host').fill('gdr1.lab.example');
  await dlg.getByLabel('Secondary Volume/Path').fill('backup-dr');
  await dlg.getByLabel('Secondary user').fill('geoaccount');
  await dlg.getByLabel('Secondary group').fill('geogroup');
  await dlg.getByRole('button', { name: 'Check' }).click();
  await expect(dlg.getByText(/glusterd will be RESTARTED on gdr1\.lab\.example/)).toBeVisible({
    timeout: 20_000,
  });
  await page.screenshot({ path: 'test-results/nonroot-preflight.png', fullPage: true });
  await dlg.getByRole('button', { name: 'OK' }).click();
  // geoaccount does not accept gprod1's key yet: the Passwordless SSH dialog, for that user.
  const ssh = f.getByRole('dialog', { name: 'Passwordless SSH setup' });
  await expect(ssh).toBeVisible({ timeout: 20_000 });
  await ssh.getByLabel('Password of the secondary user').check();
  await ssh.getByLabel("I have compared this fingerprint with the secondary host's key").check();
  await ssh.getByLabel('Password of geoaccount@gdr1.lab.example').fill('geoaccount-pw');
  await ssh.getByRole('button', { name: 'Send password' }).click();
  await expect(ssh).toHaveCount(0, { timeout: 20_000 });
  const steps = dlg.getByTestId('nonroot-steps');
  await expect(steps).toBeVisible({ timeout: 30_000 });
  await expect(steps.getByRole('listitem')).toHaveText([
    /^User and group on gdr1\.lab\.example, .*nothing needed/,
    /^gluster-mountbroker setup on gdr1\.lab\.example: gluster-mountbroker setup \/var\/mountbroker-root geogroup/,
    /^gluster-mountbroker add on gdr1\.lab\.example: gluster-mountbroker add backup-dr geoaccount/,
    /^glusterd restarted on gdr1\.lab\.example/,
    /^glusterd restarted on gdr/,
    /^glusterd restarted on gdr/,
    /^Keys distributed \(set_geo_rep_pem_keys\.sh\) on gdr1\.lab\.example/,
  ]);
  await page.screenshot({ path: 'test-results/nonroot-done.png', fullPage: true });
});
