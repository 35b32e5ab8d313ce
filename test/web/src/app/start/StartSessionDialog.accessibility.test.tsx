// Accessibility of both dialogs: no axe violations (with errors, checks and steps shown), errors
// tied to their fields, progress in a live region, and keyboard-only use from OK to a password
// setup and on to the created session.
import { act, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import {
  arg,
  check,
  fakeStartServices,
  fillForm,
  okButton,
  preflightOf,
  renderStart,
  sshDialog,
  startDialog,
} from '../../../../support/start-harness';

beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('the Start dialog with field errors, the options editor, checks and steps has no axe violations', async () => {
  const services = fakeStartServices({
    preflight: jest.fn().mockResolvedValue(
      preflightOf([
        check(),
        check({
          id: 'secondary_empty',
          title: 'The secondary volume is empty',
          outcome: 'fail',
          severity: 'forceable',
        }),
      ]),
    ),
  });
  const { user } = renderStart({ services });
  await screen.findByLabelText(/^Start Geo-Replication from Host/);
  await user.click(okButton()); // errors everywhere
  expect(await violations(startDialog())).toEqual([]);

  await fillForm(user);
  await user.click(screen.getByRole('checkbox', { name: 'Use Default' }));
  await user.type(screen.getByLabelText('sync-jobs'), '0');
  await user.clear(screen.getByLabelText('sync-jobs'));
  await user.click(okButton());
  await screen.findByTestId('start-outcome');
  expect(await violations(startDialog())).toEqual([]);
});

test('the SSH dialog, both ways, has no axe violations', async () => {
  const services = fakeStartServices();
  services.verifySsh.mockResolvedValueOnce({
    ok: false,
    failure: 'key_rejected',
    detail: 'rejected',
  });
  const { user } = renderStart({ services });
  await fillForm(user);
  await user.click(okButton());
  await within(await screen.findByRole('dialog', { name: 'Passwordless SSH setup' })).findByTestId(
    'remote-fingerprint',
  );
  expect(await violations(sshDialog())).toEqual([]);
  await user.click(within(sshDialog()).getByRole('radio', { name: 'Use a different private key' }));
  await user.type(within(sshDialog()).getByLabelText(/^Private key file/), 'nope');
  await user.click(within(sshDialog()).getByRole('button', { name: 'Set up with this key' }));
  expect(await violations(sshDialog())).toEqual([]);
});

test('errors are tied to their fields for a screen reader', async () => {
  const { user } = renderStart();
  await fillForm(user, { remoteHost: 'bad_host' });
  await user.click(okButton());
  const input = screen.getByLabelText(/^Secondary Host/);
  expect(input).toHaveAccessibleDescription(/A host name cannot contain "_"/);
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByLabelText(/^SSH port/)).toHaveAccessibleDescription(
    'The SSH port of the secondary host (22 unless it was changed).',
  );
});

test('keyboard only: OK, the SSH dialog with its password, then the created session', async () => {
  const services = fakeStartServices();
  services.verifySsh.mockResolvedValueOnce({
    ok: false,
    failure: 'key_rejected',
    detail: 'rejected',
  });
  const { user } = renderStart({ services });
  await fillForm(user); // selects and types; the rest is keyboard only

  act(() => okButton().focus());
  await user.keyboard('{Enter}');
  const dialog = await screen.findByRole('dialog', { name: 'Passwordless SSH setup' });
  await within(dialog).findByTestId('remote-fingerprint');

  const confirm = within(dialog).getByRole('checkbox', {
    name: "I have compared this fingerprint with the secondary host's key",
  });
  act(() => confirm.focus());
  await user.keyboard(' ');
  expect(confirm).toBeChecked();
  await user.tab();
  expect(within(dialog).getByLabelText(/^Password of root@remote1/)).toHaveFocus();
  await user.keyboard('s3cret');
  await user.tab();
  expect(within(dialog).getByRole('button', { name: 'Send password' })).toHaveFocus();
  await user.keyboard('{Enter}');

  await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
  expect(arg(services.setupSsh, 0, 2)).toMatchObject({ password: 's3cret' });
  expect(await screen.findByTestId('start-outcome')).toHaveTextContent('created and started');
});

test('Escape closes the SSH dialog without sending and the Start dialog comes back', async () => {
  const services = fakeStartServices();
  services.verifySsh.mockResolvedValueOnce({
    ok: false,
    failure: 'key_rejected',
    detail: 'rejected',
  });
  const { user } = renderStart({ services });
  await fillForm(user);
  await user.click(okButton());
  await screen.findByRole('dialog', { name: 'Passwordless SSH setup' });
  await user.keyboard('{Escape}');
  await screen.findByRole('dialog', { name: 'New geo-replication session' });
  expect(screen.queryByRole('dialog', { name: 'Passwordless SSH setup' })).not.toBeInTheDocument();
  expect(services.setupSsh).not.toHaveBeenCalled();
});
