// Passwordless SSH: a failed verification opens the setup dialog; a different key or the remote
// user's password (after confirming the remote's fingerprint) makes it work and the Start flow goes
// on; a changed host key, a wrong password and too many attempts are said, and the password never
// outlives an attempt or the dialog.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from '../../../../../src/intl/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { PasswordlessSshDialog } from '../../../../../src/app/start/PasswordlessSshDialog';
import {
  actions,
  apiError,
  arg,
  args,
  deferred,
  fakeStartServices,
  fillForm,
  FP_NEW,
  FP_REMOTE,
  okButton,
  renderStart,
  settle,
  sshDialog,
  stepStatuses,
} from '../../../../support/start-harness';

const REJECTED = {
  ok: false,
  failure: 'key_rejected',
  detail:
    "root@remote1.example.com does not accept root's SSH key of node1 yet (permission denied).",
};

/** A Start dialog whose first verification fails; OK pressed, the SSH dialog open. */
async function openSshDialog(services = fakeStartServices()) {
  services.verifySsh.mockResolvedValueOnce(REJECTED);
  const r = renderStart({ services });
  await fillForm(r.user);
  await r.user.click(okButton());
  await screen.findByRole('dialog', { name: 'Passwordless SSH setup' });
  return r;
}

/** The elements scrolled into view (jsdom has no layout: the call is what can be checked). */
const scrolled: Element[] = [];
beforeEach(() => {
  scrolled.length = 0;
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

const passwordField = () =>
  within(sshDialog()).getByLabelText(/^Password of root@remote1\.example\.com/);
const sendButton = () => within(sshDialog()).getByRole('button', { name: 'Send password' });
const confirmBox = () =>
  within(sshDialog()).getByRole('checkbox', {
    name: "I have compared this fingerprint with the secondary host's key",
  });

test('a failed verification opens the dialog with the host, user@remote and why; the Start dialog waits', async () => {
  const { services } = await openSshDialog();
  const dialog = sshDialog();
  expect(dialog).toHaveTextContent(
    'Root on node1 (node1.example.com) must log in to root@remote1.example.com without a password',
  );
  expect(dialog).toHaveTextContent(`Passwordless SSH does not work yet: ${REJECTED.detail}`);
  expect(
    screen.queryByRole('dialog', { name: 'New geo-replication session' }),
  ).not.toBeInTheDocument();
  expect(services.createSession).not.toHaveBeenCalled();
  // Both ways are offered.
  expect(
    within(dialog).getByRole('radio', { name: 'Use a different private key' }),
  ).toBeInTheDocument();
  expect(
    within(dialog).getByRole('radio', { name: 'Password of the secondary user' }),
  ).toBeChecked();
});

describe('a different private key', () => {
  test("set up with it at once (root's own key installed with it); then verify runs again and the flow continues", async () => {
    const { user, services } = await openSshDialog();
    await user.click(
      within(sshDialog()).getByRole('radio', { name: 'Use a different private key' }),
    );
    const path = within(sshDialog()).getByLabelText(/^Private key file on node1/);
    await user.type(path, '/root/.ssh/id_georep');
    // What the key is used for, before it is used.
    expect(sshDialog()).toHaveTextContent(
      "The key is verified, then used once to add root's own key of node1 to root@remote1.example.com's authorized keys: Gluster's create logs in with root's own key only.",
    );
    await user.click(within(sshDialog()).getByRole('button', { name: 'Set up with this key' }));
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(services.setupSshWithKey).toHaveBeenCalledWith('c-1', 'h-1', {
      user: 'root',
      remote_host: 'remote1.example.com',
      port: 22,
      private_key_path: '/root/.ssh/id_georep',
    });
    // The check after the setup is the plain one, with root's own key: what Gluster's create meets.
    expect(services.verifySsh).toHaveBeenLastCalledWith('c-1', 'h-1', {
      user: 'root',
      remote_host: 'remote1.example.com',
      port: 22,
    });
    expect(actions(services)).toEqual([
      'preflight',
      'verifySsh',
      'getRemoteKey', // the password way is preselected: its fingerprint is read at once
      'setupSshWithKey',
      'verifySsh',
      'createSession',
      'controlSession',
    ]);
    expect(
      screen.queryByRole('dialog', { name: 'Passwordless SSH setup' }),
    ).not.toBeInTheDocument();
    expect(stepStatuses()).toMatchObject({ verify: 'done', create: 'done', start: 'done' });
  });

  test.each([
    [
      'no_such_key_file',
      'Likely cause: there is no such file on node1.',
      'There is no file /root/.ssh/nope on node1.',
    ],
    [
      'bad_key_permissions',
      'Likely cause: the file can be read by other users, so ssh ignores it (chmod 600 it).',
      'The key file /root/.ssh/nope on node1 can be read by other users (mode 0644).',
    ],
    [
      'key_rejected',
      'Likely cause: root@remote1.example.com does not accept this key',
      'root@remote1.example.com did not accept the key /root/.ssh/nope of node1 (permission denied).',
    ],
  ])(
    'a failure (%s) says the likely cause and the service’s words; the dialog stays',
    async (failure, cause, detail) => {
      const { user, services } = await openSshDialog();
      await user.click(
        within(sshDialog()).getByRole('radio', { name: 'Use a different private key' }),
      );
      await user.type(
        within(sshDialog()).getByLabelText(/^Private key file on node1/),
        '/root/.ssh/nope',
      );
      services.setupSshWithKey.mockResolvedValueOnce({ ok: false, failure, detail });
      await user.click(within(sshDialog()).getByRole('button', { name: 'Set up with this key' }));
      const alert = await within(sshDialog()).findByText(cause, { exact: false });
      expect(alert).toBeInTheDocument();
      // under the form: brought into view, with the focus
      const result = within(sshDialog()).getByTestId('ssh-key-result');
      await waitFor(() => expect(result).toHaveFocus());
      expect(scrolled).toContain(result);
      expect(sshDialog()).toHaveTextContent(`The service said: ${detail}`);
      expect(services.createSession).not.toHaveBeenCalled();
      expect(
        within(sshDialog()).getByRole('button', { name: 'Set up with this key' }),
      ).toBeEnabled();
    },
  );

  test('a path that cannot be a key file is refused before any call', async () => {
    const { user, services } = await openSshDialog();
    await user.click(
      within(sshDialog()).getByRole('radio', { name: 'Use a different private key' }),
    );
    const path = within(sshDialog()).getByLabelText(/^Private key file on node1/);
    await user.type(path, 'id_rsa');
    await user.click(within(sshDialog()).getByRole('button', { name: 'Set up with this key' }));
    expect(path).toHaveAttribute('aria-invalid', 'true');
    expect(sshDialog()).toHaveTextContent('The path must start with / or ~/ and name a file');
    expect(services.verifySsh).toHaveBeenCalledTimes(1); // the Start flow's own
    expect(services.setupSshWithKey).not.toHaveBeenCalled();
  });
});

describe('the remote user’s password', () => {
  test('the remote fingerprint must be confirmed before Send is enabled; on success verify runs again and the flow continues', async () => {
    const { user, services } = await openSshDialog();
    expect(services.getRemoteKey).toHaveBeenCalledWith('c-1', 'h-1', {
      remote_host: 'remote1.example.com',
      port: 22,
    });
    expect(await within(sshDialog()).findByTestId('remote-fingerprint')).toHaveTextContent(
      `${FP_REMOTE} (ssh-ed25519)`,
    );
    expect(sshDialog()).toHaveTextContent(
      'Compare it with the output of: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on remote1.example.com.',
    );
    const pw = passwordField();
    expect(pw).toHaveAttribute('type', 'password');
    expect(pw).toHaveAttribute('autocomplete', 'off');
    await user.type(pw, 's3cret');
    expect(sendButton()).toBeDisabled();
    await user.click(confirmBox());
    expect(sendButton()).toBeEnabled();

    await user.click(sendButton());
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(services.setupSsh).toHaveBeenCalledWith('c-1', 'h-1', {
      user: 'root',
      remote_host: 'remote1.example.com',
      port: 22,
      password: 's3cret',
      confirmed_fingerprint: FP_REMOTE,
    });
    expect(actions(services)).toEqual([
      'preflight',
      'verifySsh',
      'getRemoteKey',
      'setupSsh',
      'verifySsh',
      'createSession',
      'controlSession',
    ]);
    expect(stepStatuses()).toMatchObject({ verify: 'done', create: 'done', start: 'done' });
  });

  test('host_key_changed: refused, nothing sent, the new fingerprint shown and to be confirmed anew', async () => {
    const { user, services } = await openSshDialog();
    await within(sshDialog()).findByTestId('remote-fingerprint');
    services.setupSsh.mockRejectedValueOnce(
      apiError(
        'conflict',
        `The SSH host key of remote1.example.com as node1 sees it now (${FP_NEW}) is not the one you confirmed (${FP_REMOTE}). The password was not sent.`,
        'host_key_changed',
      ),
    );
    await user.type(passwordField(), 's3cret');
    await user.click(confirmBox());
    await user.click(sendButton());
    expect(await within(sshDialog()).findByText(/Nothing was sent/)).toBeInTheDocument();
    expect(within(sshDialog()).getByTestId('remote-fingerprint')).toHaveTextContent(FP_NEW);
    expect(confirmBox()).not.toBeChecked();
    expect(passwordField()).toHaveValue('');
    expect(sendButton()).toBeDisabled();
    expect(services.setupSsh).toHaveBeenCalledTimes(1);
    expect(services.createSession).not.toHaveBeenCalled();
    expect(actions(services)).toEqual(['preflight', 'verifySsh', 'getRemoteKey', 'setupSsh']);

    // Confirming the new key sends it as the confirmed one.
    await user.type(passwordField(), 's3cret');
    await user.click(confirmBox());
    await user.click(sendButton());
    await waitFor(() => expect(services.setupSsh).toHaveBeenCalledTimes(2));
    expect(arg(services.setupSsh, 1, 2)).toMatchObject({ confirmed_fingerprint: FP_NEW });
  });

  test('a wrong password says so, clears the field, and the dialog stays usable for several tries', async () => {
    const { user, services } = await openSshDialog();
    await within(sshDialog()).findByTestId('remote-fingerprint');
    const wrong = {
      ok: false,
      failure: 'auth_failed',
      detail: 'remote1.example.com did not accept the password for root. Nothing was changed.',
    };
    services.setupSsh.mockResolvedValueOnce(wrong).mockResolvedValueOnce(wrong);
    await user.click(confirmBox());
    for (const attempt of ['one', 'two']) {
      await user.type(passwordField(), attempt);
      await user.click(sendButton());
      expect(
        await within(sshDialog()).findByText('The password was not accepted. You can try again.'),
      ).toBeInTheDocument();
      // each answer in view with the focus, the second too
      const result = within(sshDialog()).getByTestId('ssh-password-result');
      await waitFor(() => expect(result).toHaveFocus());
      expect(scrolled).toContain(result);
      scrolled.length = 0;
      await user.click(passwordField());
      expect(passwordField()).toHaveValue('');
      expect(passwordField()).toBeEnabled();
      expect(sendButton()).toBeDisabled(); // until a password is typed again
    }
    expect(sshDialog()).toHaveTextContent(`The service said: ${wrong.detail}`);
    await user.type(passwordField(), 'right');
    await user.click(sendButton());
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(args<{ password: string }>(services.setupSsh, 2).map((b) => b.password)).toEqual([
      'one',
      'two',
      'right',
    ]);
  });

  test('too many wrong passwords (429): says to wait; the dialog is not locked', async () => {
    const { user, services } = await openSshDialog();
    await within(sshDialog()).findByTestId('remote-fingerprint');
    services.setupSsh.mockRejectedValueOnce(
      apiError(
        'server',
        'Too many wrong passwords for root@remote1.example.com from node1; try again in 9 minute(s).',
        'Too Many Requests',
        429,
      ),
    );
    await user.click(confirmBox());
    await user.type(passwordField(), 'x');
    await user.click(sendButton());
    expect(
      await within(sshDialog()).findByText('Too many wrong passwords: wait before trying again.'),
    ).toBeInTheDocument();
    expect(sshDialog()).toHaveTextContent('try again in 9 minute(s).');
    expect(passwordField()).toHaveValue('');
    await user.type(passwordField(), 'y');
    expect(sendButton()).toBeEnabled();
  });

  test('a failure to read the remote key is shown; nothing can be sent until it is read', async () => {
    const services = fakeStartServices();
    services.getRemoteKey
      .mockRejectedValueOnce(
        apiError(
          'unreachable',
          'node1 cannot reach remote1.example.com on port 22.',
          'unreachable',
        ),
      )
      .mockResolvedValueOnce({ algorithm: 'ssh-rsa', fingerprint: FP_REMOTE, public_key: null });
    const { user } = await openSshDialog(services);
    expect(
      await within(sshDialog()).findByText(
        'The SSH key of remote1.example.com could not be read from node1: node1 cannot reach remote1.example.com on port 22.',
      ),
    ).toBeInTheDocument();
    expect(confirmBox()).toBeDisabled();
    await user.type(passwordField(), 'x');
    expect(sendButton()).toBeDisabled();
    await user.click(within(sshDialog()).getByRole('button', { name: 'Read the key again' }));
    expect(await within(sshDialog()).findByTestId('remote-fingerprint')).toHaveTextContent(
      `${FP_REMOTE} (ssh-rsa)`,
    );
  });

  test('the password is cleared when the dialog closes; the Start dialog says SSH is not set up', async () => {
    const { user, services } = await openSshDialog();
    await within(sshDialog()).findByTestId('remote-fingerprint');
    await user.type(passwordField(), 'typed-not-sent');
    await user.click(within(sshDialog()).getByRole('button', { name: 'Cancel' }));
    expect(
      screen.queryByRole('dialog', { name: 'Passwordless SSH setup' }),
    ).not.toBeInTheDocument();
    const outcome = await screen.findByTestId('start-outcome');
    expect(outcome).toHaveTextContent(
      'Verify passwordless SSH failed. The session was not created.',
    );
    expect(outcome).toHaveTextContent('Passwordless SSH is not set up.');
    expect(document.body.innerHTML).not.toContain('typed-not-sent');

    // OK again: verification fails again, the dialog opens with an empty password.
    services.verifySsh.mockResolvedValueOnce(REJECTED);
    await user.click(okButton());
    await screen.findByRole('dialog', { name: 'Passwordless SSH setup' });
    expect(passwordField()).toHaveValue('');
    expect(services.setupSsh).not.toHaveBeenCalled();
  });

  test('a double click on Send sends once', async () => {
    const { user, services } = await openSshDialog();
    await within(sshDialog()).findByTestId('remote-fingerprint');
    const setup = deferred<{ ok: boolean; detail: string }>();
    services.setupSsh.mockImplementationOnce(() => setup.promise);
    await user.click(confirmBox());
    await user.type(passwordField(), 'pw');
    await user.dblClick(sendButton());
    await settle(() => setup.resolve({ ok: true, detail: 'works' }));
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(services.setupSsh).toHaveBeenCalledTimes(1);
  });
});

test('on demand: the dialog alone, for a given host and remote on another port', async () => {
  const services = fakeStartServices();
  const onResolved = jest.fn();
  const onClose = jest.fn();
  const user = userEvent.setup();
  render(
    <IntlProvider locale="en-US" defaultLocale="en-US" messages={{}}>
      <QueryClientProvider
        client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
      >
        <PasswordlessSshDialog
          clusterId="c-1"
          services={services.proxy}
          host={{ id: 'h-2', name: 'node2', address: '10.0.0.2' }}
          remote={{ user: 'geoaccount', host: 'remote2.example.com', port: 2222 }}
          onClose={onClose}
          onResolved={onResolved}
        />
      </QueryClientProvider>
    </IntlProvider>,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Passwordless SSH setup' });
  expect(dialog).toHaveTextContent(
    'Root on node2 (10.0.0.2) must log in to geoaccount@remote2.example.com (port 2222) without a password',
  );
  await within(dialog).findByTestId('remote-fingerprint');
  expect(services.getRemoteKey).toHaveBeenCalledWith('c-1', 'h-2', {
    remote_host: 'remote2.example.com',
    port: 2222,
  });
  await user.click(
    within(dialog).getByRole('checkbox', {
      name: "I have compared this fingerprint with the secondary host's key",
    }),
  );
  await user.type(
    within(dialog).getByLabelText(/^Password of geoaccount@remote2\.example\.com \(port 2222\)/),
    'pw',
  );
  await user.click(within(dialog).getByRole('button', { name: 'Send password' }));
  await waitFor(() =>
    expect(onResolved).toHaveBeenCalledWith({
      kind: 'password',
      detail: expect.any(String) as unknown,
    }),
  );
  expect(arg(services.setupSsh, 0, 2)).toMatchObject({ user: 'geoaccount', port: 2222 });
  expect(onClose).not.toHaveBeenCalled();
});
