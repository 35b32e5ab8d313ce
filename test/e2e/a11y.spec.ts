// axe-core in Chromium on what the user sees of the plugin: the tab's main view (the place's
// iframe), the Start dialog in its states (empty, errors shown, options editor, checks, progress),
// and the Passwordless SSH dialog with either method. Every rule axe runs by default (WCAG 2.x A and
// AA, best practices); any violation fails, with the offending HTML in the message.
import type { Page } from '@playwright/test';
import {
  axeViolations,
  devCall,
  expect,
  fillStart,
  login,
  okUntilSshDialog,
  openStartDialog,
  placeFrame,
  placeFrameHandle,
  test,
} from './fixtures';

// Run from WebAdmin's page, as a user meets it (the place's iframe sits in its main landmark), on
// the place's content only: WebAdmin's own shell is not ours to judge.
const PLACE = ['iframe.place-frame', 'body'];
const DIALOG = ['iframe.place-frame', '[role="dialog"]'];

async function expectNoViolations(page: Page, what: string, include: string[]): Promise<void> {
  // Let the place's content settle: no animation running (a fading modal has no contrast yet).
  const frame = await placeFrameHandle(page);
  await frame.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  const { violations, rulesApplied } = await axeViolations(page.mainFrame(), include);
  expect(rulesApplied, `axe checked nothing in ${what}`).toBeGreaterThan(10);
  expect(violations, `axe violations in ${what}:\n${JSON.stringify(violations, null, 2)}`).toEqual(
    [],
  );
}

test("the tab's main view: the sessions table, its toolbar and a session's details", async ({
  page,
}) => {
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
  await expect(f.getByRole('row')).not.toHaveCount(1); // rows, not only the header
  await expectNoViolations(page, 'the main view', PLACE);

  await f
    .getByRole('button', { name: 'Details of session data to root@gdr1.lab.example::data-dr' })
    .click();
  await expect(f.getByText('Replica set 1').first()).toBeVisible();
  await expectNoViolations(page, 'the main view with a session’s details', PLACE);
});

test('the Start dialog: empty, with errors, with the options editor, with checks and progress', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { dlg } = await openStartDialog(page);
  await expectNoViolations(page, 'the empty Start dialog', DIALOG);

  // OK on the empty form: every required field in error.
  await dlg.getByRole('button', { name: 'OK' }).click();
  await expect(dlg.getByText('Correct the highlighted fields first.')).toBeVisible();
  await expectNoViolations(page, 'the Start dialog with errors', DIALOG);

  // Filled; the options editor open, one bad value in it.
  await fillStart(dlg, {
    volume: 'home',
    host: 'gprod2',
    remoteHost: 'gdr2.lab.example',
    target: 'small-dr',
  });
  await dlg.getByRole('checkbox', { name: 'Use Default' }).uncheck();
  await dlg.getByRole('button', { name: /^All options/ }).click();
  await dlg.getByLabel('change-interval', { exact: true }).fill('soon');
  await expectNoViolations(page, 'the Start dialog with the options editor', DIALOG);
  await dlg.getByLabel('change-interval', { exact: true }).fill('');
  await dlg.getByRole('checkbox', { name: 'Use Default' }).check();

  // The checks: a remote volume too small (Force can bypass it).
  await dlg.getByRole('button', { name: 'Check' }).click();
  await expect(dlg.getByTestId('preflight-forceable')).toBeVisible({ timeout: 20_000 });
  await expectNoViolations(page, 'the Start dialog with check results', DIALOG);

  // OK: the progress, stopped at the checks.
  await dlg.getByRole('button', { name: 'OK' }).click();
  await expect(dlg.getByTestId('start-outcome')).toBeVisible({ timeout: 20_000 });
  await expectNoViolations(page, 'the Start dialog with its progress', DIALOG);
});

test('the Passwordless SSH dialog, with the password and with a different key', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // gprod2 -> root@backup.remote.example does not work yet: the dialog opens.
  await devCall(request, 'sim/ssh-trust', {
    from: 'gprod2.lab.example',
    user: 'root',
    host: 'backup.remote.example',
    trusted: false,
  });
  const { f, dlg } = await openStartDialog(page);
  await fillStart(dlg, {
    volume: 'archive',
    host: 'gprod2',
    remoteHost: 'backup.remote.example',
    target: '/data/a11y',
  });
  const ssh = await okUntilSshDialog(f, dlg);

  await ssh.getByLabel('Password of the secondary user').check();
  await expect(ssh.getByTestId('remote-fingerprint')).toHaveText(/^SHA256:/);
  await expectNoViolations(page, 'the SSH dialog (password)', DIALOG);
  await ssh.getByLabel("I have compared this fingerprint with the secondary host's key").check();
  await ssh.getByLabel('Password of root@backup.remote.example').fill('x');
  await expectNoViolations(page, 'the SSH dialog (password, confirmed)', DIALOG);

  await ssh.getByLabel('Use a different private key').check();
  const key = ssh.getByLabel('Private key file on gprod2');
  await expect(key).toBeVisible();
  await expectNoViolations(page, 'the SSH dialog (key)', DIALOG);
  await key.fill('id_rsa');
  await key.blur();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'the SSH dialog (key, invalid path)', DIALOG);
  // A key that is not there: the service's answer, with the likely cause.
  await key.fill('/root/.ssh/no_such_key');
  await ssh.getByRole('button', { name: 'Set up with this key' }).click();
  await expect(ssh.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  await expectNoViolations(page, 'the SSH dialog (key refused)', DIALOG);
});
