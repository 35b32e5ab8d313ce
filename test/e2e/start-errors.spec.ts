// The Start dialog and the Passwordless SSH dialog when things go wrong, in Chromium through the
// stand-ins and the simulators:
//   - the remote's host key changes between the user's comparison and the password: refused before
//     anything reaches the remote, the new fingerprint shown for a new comparison;
//   - the remote volume too small, not empty, missing, not started: forceable or blocker;
//   - every field's bad input: a clear error next to the field, and OK (or Verify key) sends nothing.
// The stack is shared by the tests of a run: whatever a test changes in the simulators it puts back.
import type { Locator, Page, Request } from '@playwright/test';
import {
  devCall,
  expect,
  fillStart,
  okUntilSshDialog,
  openStartDialog,
  passwordAttempts,
  placeFrameHandle,
  test,
} from './fixtures';

test.use({ actionTimeout: 15_000 });

const REMOTE = 'backup.remote.example';

interface HostKey {
  fingerprint: string;
  algorithm: string;
}

/** POSTs the page made to the geo-rep service (anything that could act), from now on. */
function serviceCalls(page: Page): Request[] {
  const calls: Request[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/ovirt-georep/')) calls.push(r);
  });
  return calls;
}

const paths = (calls: Request[]) => calls.map((r) => new URL(r.url()).pathname);

/** Does `act` and waits for the preflight it makes to be answered. */
async function checked(page: Page, act: () => Promise<void>): Promise<void> {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/preflight'));
  await act();
  await answered;
}

test.describe('the remote host key changes after the user compared it', () => {
  // gprod2 -> root@backup.remote.example does not work yet (the demo's trust); the tests of this
  // group leave it so, and give the remote its own key back.
  test.beforeEach(async ({ request }) => {
    await devCall(request, 'sim/remote-host-key', { address: REMOTE, seed: null });
    await devCall(request, 'sim/ssh-trust', {
      from: 'gprod2.lab.example',
      user: 'root',
      host: REMOTE,
      trusted: false,
    });
  });
  test.afterEach(async ({ request }) => {
    await devCall(request, 'sim/remote-host-key', { address: REMOTE, seed: null });
  });

  test('the password is refused before it is sent; the new fingerprint is shown for a new comparison', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const original = await devCall<HostKey>(request, 'sim/remote-host-key', {
      address: REMOTE,
      seed: null,
    });
    const { f, dlg } = await openStartDialog(page);
    await fillStart(dlg, {
      volume: 'archive',
      host: 'gprod2',
      remoteHost: REMOTE,
      target: '/data/fp',
    });
    const ssh = await okUntilSshDialog(f, dlg);
    await ssh.getByLabel('Password of the secondary user').check();
    const shown = ssh.getByTestId('remote-fingerprint');
    await expect(shown).toHaveText(`${original.fingerprint} (${original.algorithm})`);

    // The user compares the fingerprint, confirms it and types the password...
    const confirm = ssh.getByLabel(
      "I have compared this fingerprint with the secondary host's key",
    );
    const password = ssh.getByLabel(`Password of root@${REMOTE}`);
    const send = ssh.getByRole('button', { name: 'Send password' });
    await confirm.check();
    await password.fill('pw-that-must-not-be-sent');
    await expect(send).toBeEnabled();

    // ...and meanwhile the remote's host key changes.
    const rekeyed = await devCall<HostKey>(request, 'sim/remote-host-key', {
      address: REMOTE,
      seed: `rekeyed-${Date.now()}`,
    });
    expect(rekeyed.fingerprint).not.toBe(original.fingerprint);
    const before = await passwordAttempts(request, REMOTE);
    const calls = serviceCalls(page);
    await send.click();

    const refused = ssh.getByRole('alert').filter({
      hasText:
        'Refused: the secondary host now shows a different key than the one you confirmed. Nothing was sent.',
    });
    await expect(refused).toBeVisible({ timeout: 20_000 });
    await expect(refused).toContainText(
      'compare it again with the secondary host before confirming',
    );
    // The new fingerprint, for a new comparison; the old one is gone.
    await expect(shown).toContainText(rekeyed.fingerprint);
    await expect(shown).not.toContainText(original.fingerprint);
    // The password field is cleared, the confirmation taken back: nothing can be sent as it was.
    await expect(password).toHaveValue('');
    await expect(confirm).not.toBeChecked();
    await expect(send).toBeDisabled();
    // The password never reached the remote: the service refused at the handshake.
    expect(await passwordAttempts(request, REMOTE)).toBe(before);
    expect(paths(calls).filter((p) => p.endsWith('/ssh/setup'))).toHaveLength(1);

    // A new comparison: the new key confirmed, a password goes to the remote (a wrong one here).
    await confirm.check();
    await password.fill('still-not-the-password');
    await send.click();
    await expect(ssh.getByText('The password was not accepted. You can try again.')).toBeVisible({
      timeout: 20_000,
    });
    expect(await passwordAttempts(request, REMOTE)).toBe(before + 1);
    await expect(password).toHaveValue('');
  });

  test('a key read again while the dialog is open takes the confirmation back', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const { f, dlg } = await openStartDialog(page);
    await fillStart(dlg, {
      volume: 'archive',
      host: 'gprod2',
      remoteHost: REMOTE,
      target: '/data/fp2',
    });
    const ssh = await okUntilSshDialog(f, dlg);
    await ssh.getByLabel('Password of the secondary user').check();
    const shown = ssh.getByTestId('remote-fingerprint');
    await expect(shown).toHaveText(/^SHA256:/);
    const confirm = ssh.getByLabel(
      "I have compared this fingerprint with the secondary host's key",
    );
    await confirm.check();
    await ssh.getByLabel(`Password of root@${REMOTE}`).fill('pw-that-must-not-be-sent');

    // The key changes, and the dialog reads it again on its own (the window regains focus).
    const rekeyed = await devCall<HostKey>(request, 'sim/remote-host-key', {
      address: REMOTE,
      seed: `refetched-${Date.now()}`,
    });
    const frame = await placeFrameHandle(page);
    await frame.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await expect(shown).toContainText(rekeyed.fingerprint, { timeout: 15_000 });
    // What the user confirmed is not what is shown now: confirm again before anything is sent.
    await expect(confirm).not.toBeChecked();
    await expect(ssh.getByRole('button', { name: 'Send password' })).toBeDisabled();
  });
});

test('preflight: remote volume too small or not empty is forceable; missing or stopped blocks', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { dlg } = await openStartDialog(page);
  await fillStart(dlg, { volume: 'home', host: 'gprod2', remoteHost: 'gdr2.lab.example' });
  const checks = dlg.getByRole('list', { name: 'Check results' });
  const calls = serviceCalls(page);
  const cases: {
    target: string;
    check: string;
    severity: 'Blocker' | 'Force can bypass';
    evidence: RegExp;
  }[] = [
    {
      target: 'small-dr',
      check: 'secondary_size',
      severity: 'Force can bypass',
      evidence: /Primary home: 300 GiB; secondary small-dr: 50 GiB/,
    },
    {
      target: 'used-dr',
      check: 'secondary_empty',
      severity: 'Force can bypass',
      evidence: /used-dr/,
    },
    {
      target: 'no-such-volume',
      check: 'secondary_volume_exists',
      severity: 'Blocker',
      evidence: /no-such-volume/,
    },
    {
      target: 'offline-dr',
      check: 'secondary_volume_started',
      severity: 'Blocker',
      evidence: /offline-dr.*Stopped/,
    },
  ];
  for (const c of cases) {
    await test.step(`${c.target}: ${c.check} fails (${c.severity})`, async () => {
      await dlg.getByLabel('Secondary Volume/Path').fill(c.target);
      await checked(page, () => dlg.getByRole('button', { name: 'Check' }).click());
      const item = checks.locator(`[data-check="${c.check}"]`);
      await expect(item).toContainText(/^Failed: /, { timeout: 20_000 });
      await expect(item).toContainText(c.severity);
      await expect(item).toContainText(c.evidence);
      const title = (await item.locator('.georep-check-line').innerText()).replace(/^Failed: /, '');
      const forceable = dlg.getByTestId('preflight-forceable');
      const blockers = dlg.getByTestId('preflight-blockers');
      const force = dlg.getByRole('checkbox', { name: /^Force/ });
      if (c.severity === 'Blocker') {
        await expect(blockers).toContainText(title);
        await expect(dlg.getByText(`It never bypasses: ${title}`, { exact: false })).toBeVisible();
      } else {
        await expect(forceable).toContainText(title);
        await expect(blockers).toHaveCount(0);
        await expect(
          dlg.getByText(`Create even though these checks fail: ${title}`, { exact: false }),
        ).toBeVisible();
      }
      // OK stops at the checks, and says what to do; nothing is created.
      await force.setChecked(c.severity === 'Blocker'); // Force never bypasses a blocker
      await checked(page, () => dlg.getByRole('button', { name: 'OK' }).click());
      const outcome = dlg.getByTestId('start-outcome');
      await expect(outcome).toContainText('Nothing was changed: the checks found problems');
      await expect(outcome).toContainText(
        c.severity === 'Blocker'
          ? 'Fix the problems listed under Checks, then press OK again.'
          : 'Only checks that Force can bypass failed. Tick Force and press OK to create the session anyway.',
      );
      expect(paths(calls).filter((p) => !p.endsWith('/preflight'))).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------- bad input, field by field

interface BadInput {
  value: string;
  error: string | RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const asRegExp = (e: string | RegExp) => (typeof e === 'string' ? new RegExp(escape(e)) : e);

/**
 * Types a bad value in a field: the error shows next to it (its accessible description, the helper
 * text under it) and the field is marked invalid; OK then focuses it, and sends nothing.
 */
async function expectRefused(
  dlg: Locator,
  field: Locator,
  calls: Request[],
  bad: BadInput,
  good: string,
): Promise<void> {
  await field.fill(bad.value);
  await field.blur();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(asRegExp(bad.error));
  await dlg.getByRole('button', { name: 'OK' }).click();
  await expect(dlg.getByText('Correct the highlighted fields first.')).toBeVisible();
  await expect(field).toBeFocused();
  await expect(dlg.locator('[data-step]')).toHaveCount(0); // no step ran
  expect(paths(calls)).toEqual([]);
  await field.fill(good);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

const START_FIELDS: { label: string; good: string; bad: BadInput[] }[] = [
  {
    label: 'Secondary Host',
    good: 'gdr2.lab.example',
    bad: [
      { value: '', error: 'Enter the name or address of the secondary host.' },
      { value: 'gdr2 lab', error: 'A host name cannot contain a space' },
      { value: 'gdr_2.lab.example', error: 'A host name cannot contain "_"' },
      { value: 'root@gdr2.lab.example', error: 'A host name cannot contain "@"' },
      { value: '300.1.2.3', error: '"300.1.2.3" is not a valid IPv4 address.' },
      { value: 'fe80::1', error: 'IPv6 addresses (and ports) are not accepted here' },
      { value: 'gdr2.lab.example:2222', error: 'IPv6 addresses (and ports) are not accepted here' },
      { value: '-gdr2.lab.example', error: '"-gdr2": each part of a host name must start and end' },
      { value: 'gdr2..example', error: 'A host name cannot contain empty labels' },
      {
        value: 'gprod1.lab.example',
        error:
          'gprod1.lab.example is a host of cluster gluster-prod itself: the secondary must be in another cluster.',
      },
    ],
  },
  {
    label: 'Secondary Volume/Path',
    good: 'backup-dr',
    bad: [
      { value: '', error: 'Enter a secondary volume name or a directory path starting with "/".' },
      { value: 'backup dr', error: 'A volume name cannot contain a space' },
      { value: 'backup.dr', error: 'A volume name cannot contain "."' },
      { value: '-backup', error: 'A volume name cannot start with "-".' },
      { value: 'all', error: '"all" is reserved by Gluster and cannot be a volume name.' },
      { value: 'v'.repeat(257), error: 'A volume name can have at most 256 characters.' },
      {
        value: 'gdr2.lab.example::backup-dr',
        error:
          'Enter only the secondary volume name (or a /path); the secondary host is a separate field.',
      },
      { value: 'data/backup', error: 'A directory of the secondary host must be an absolute path' },
      { value: './backup', error: 'A directory of the secondary host must be an absolute path' },
      { value: '~/backup', error: 'A directory of the secondary host must be an absolute path' },
      { value: '/', error: 'The root directory "/" cannot be a geo-replication target.' },
      {
        value: '/etc/georep',
        error: '/etc/georep is a system directory (/etc) and cannot be a geo-replication target.',
      },
      {
        value: '/var/lib/glusterd/x',
        error: 'is a system directory (/var/lib/glusterd) and cannot be a geo-replication target.',
      },
      {
        value: '/var',
        error: '/var is a system directory and cannot be a geo-replication target itself',
      },
      { value: '/data/../../x', error: 'The path climbs above "/" with "..".' },
      { value: '/data/my backup', error: 'A path cannot contain a space' },
    ],
  },
  {
    label: 'Secondary user',
    good: 'root',
    bad: [
      { value: '', error: 'A user name is required.' },
      { value: '1geo', error: 'A user name must start with a letter or "_".' },
      { value: 'geo account', error: 'A user name cannot contain a space' },
      { value: 'geo;rm', error: 'A user name cannot contain ";"' },
      { value: 'g'.repeat(33), error: 'A user name can have at most 32 characters.' },
    ],
  },
  {
    label: 'SSH port',
    good: '22',
    bad: [
      { value: '0', error: 'The SSH port must be between 1 and 65535.' },
      { value: '70000', error: 'The SSH port must be between 1 and 65535.' },
      { value: 'ssh', error: 'The SSH port must be a whole number.' },
      { value: '', error: 'The SSH port must be a whole number.' },
      { value: '22.5', error: 'The SSH port must be a whole number.' },
      { value: '-22', error: 'The SSH port must be a whole number.' },
    ],
  },
];

test('Start dialog: every field refuses bad input next to the field, and OK sends nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { dlg } = await openStartDialog(page);
  await fillStart(dlg, {
    volume: 'home',
    host: 'gprod2',
    remoteHost: 'gdr2.lab.example',
    target: 'backup-dr',
  });
  const calls = serviceCalls(page);
  for (const f of START_FIELDS) {
    const field = dlg.getByLabel(f.label);
    for (const bad of f.bad) {
      await test.step(`${f.label}: ${JSON.stringify(bad.value.slice(0, 40))}`, () =>
        expectRefused(dlg, field, calls, bad, f.good));
    }
  }

  await test.step('a user other than root needs a valid group', async () => {
    await dlg.getByLabel('Secondary user').fill('geoaccount');
    const group = dlg.getByLabel('Secondary group');
    await expect(group).toBeVisible();
    for (const bad of [
      {
        value: '',
        error:
          'Required for a user other than root: the mountbroker group of geoaccount on the secondary host.',
      },
      { value: 'geo group', error: 'A group name cannot contain a space' },
      { value: '9geo', error: 'A group name must start with a letter or "_".' },
    ]) {
      await expectRefused(dlg, group, calls, bad, 'geogroup');
    }
  });

  await test.step('a directory needs root as the secondary user', async () => {
    await dlg.getByLabel('Secondary Volume/Path').fill('/data/backup');
    const user = dlg.getByLabel('Secondary user');
    await user.blur();
    await expect(user).toHaveAttribute('aria-invalid', 'true');
    await expect(user).toHaveAccessibleDescription(
      /A directory needs root as the secondary user: creating a Gluster volume on the secondary host takes root\. For geoaccount, enter a volume of the secondary cluster\./,
    );
    await dlg.getByRole('button', { name: 'OK' }).click();
    await expect(user).toBeFocused();
    expect(paths(calls)).toEqual([]);
    await user.fill('root');
    await expect(dlg.getByLabel('Secondary group')).toHaveCount(0);
  });

  await test.step('options: bad values with Use Default unchecked', async () => {
    await dlg.getByRole('checkbox', { name: 'Use Default' }).uncheck();
    const options = dlg.getByRole('region', { name: 'Session options' });
    await expect(options).toBeVisible();
    await options.getByRole('button', { name: /^All options/ }).click();
    const cases: { name: string; value: string; error: string }[] = [
      {
        name: 'ssh-command',
        value: '/tmp/ssh',
        error: '"ssh-command" takes the ssh binary only',
      },
      {
        name: 'ssh-options',
        value: '-oProxyCommand=/tmp/x',
        error: 'The ssh option ProxyCommand is not accepted here',
      },
      { name: 'change-interval', value: 'soon', error: '"change-interval" takes a whole number.' },
      { name: 'connection-timeout', value: '-5', error: '"connection-timeout" must be at least' },
      {
        name: 'checkpoint',
        value: 'tomorrow',
        error: 'A checkpoint is "now" or a time written as YYYY-MM-DD HH:MM:SS.',
      },
      {
        name: 'gluster-command-dir',
        value: 'usr/sbin',
        error: '"gluster-command-dir" must be a system folder holding the Gluster binaries',
      },
      {
        name: 'remote-gsyncd',
        value: ' /usr/libexec/glusterfs/gsyncd',
        error: 'The value cannot start or end with spaces.',
      },
    ];
    for (const c of cases) {
      const field = options.getByLabel(c.name, { exact: true });
      await field.fill(c.value);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(asRegExp(c.error));
    }
    await dlg.getByRole('button', { name: 'OK' }).click();
    await expect(dlg.getByText('Correct the highlighted fields first.')).toBeVisible();
    await expect(dlg.getByText(new RegExp(`${cases.length} option`))).toBeVisible();
    expect(paths(calls)).toEqual([]);
    // Emptied, each keeps its default: nothing left to correct.
    for (const c of cases) await options.getByLabel(c.name, { exact: true }).fill('');
    await expect(options.locator('[aria-invalid="true"]')).toHaveCount(0);
  });
});

test('Passwordless SSH dialog: the key path refuses bad input next to the field, and sends nothing', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await devCall(request, 'sim/ssh-trust', {
    from: 'gprod2.lab.example',
    user: 'root',
    host: REMOTE,
    trusted: false,
  });
  const { f, dlg } = await openStartDialog(page);
  await fillStart(dlg, {
    volume: 'archive',
    host: 'gprod2',
    remoteHost: REMOTE,
    target: '/data/keypath',
  });
  const ssh = await okUntilSshDialog(f, dlg);
  await ssh.getByLabel('Use a different private key').check();
  const key = ssh.getByLabel('Private key file on gprod2');
  const verify = ssh.getByRole('button', { name: 'Set up with this key' });
  const calls = serviceCalls(page);
  const cases: BadInput[] = [
    { value: '', error: 'Enter the path of a private key file on gprod2.' },
    { value: 'id_rsa', error: 'The path must start with / or ~/ and name a file' },
    { value: '.ssh/id_rsa', error: 'The path must start with / or ~/ and name a file' },
    { value: '~root/.ssh/id_rsa', error: 'The path must start with / or ~/ and name a file' },
    { value: '/root/.ssh/', error: 'The path must start with / or ~/ and name a file' },
    { value: '/root/my key', error: 'The path must start with / or ~/ and name a file' },
    { value: '/root/.ssh/id;rm', error: 'The path must start with / or ~/ and name a file' },
  ];
  for (const bad of cases) {
    await test.step(`key path ${JSON.stringify(bad.value)}`, async () => {
      await key.fill(bad.value);
      await key.blur();
      await expect(key).toHaveAttribute('aria-invalid', 'true');
      await expect(key).toHaveAccessibleDescription(asRegExp(bad.error));
      await verify.click();
      await expect(key).toHaveAttribute('aria-invalid', 'true');
      await expect(ssh.getByRole('alert')).toHaveCount(0);
      expect(paths(calls)).toEqual([]);
    });
  }
  await key.fill('/root/.ssh/id_rsa');
  await expect(key).not.toHaveAttribute('aria-invalid', 'true');
  await ssh.getByRole('button', { name: 'Cancel' }).click();
  await expect(ssh).toHaveCount(0);
});
