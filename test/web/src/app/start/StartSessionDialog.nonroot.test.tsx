// The Start dialog for a non-root remote user: the create step says it prepares the remote, the
// preflight's mountbroker check is shown, and the outcome lists what was done there, step by step.
import { screen, waitFor, within } from '@testing-library/react';
import {
  fakeStartServices,
  fillForm,
  makeSession,
  okButton,
  PASSING_CHECKS,
  preflightOf,
  renderStart,
  startDialog,
} from '../../../../support/start-harness';

const steps = [
  {
    step: 'accounts',
    node: 'remote1.example.com, remote2.example.com',
    outcome: 'already',
    detail: 'geoaccount (group geogroup) exists on every secondary node.',
  },
  {
    step: 'setup',
    node: 'remote1.example.com',
    outcome: 'done',
    detail: 'gluster-mountbroker setup /var/mountbroker-root geogroup on every secondary node.',
  },
  {
    step: 'add',
    node: 'remote1.example.com',
    outcome: 'already',
    detail: 'geoaccount may already mount data-dr.',
  },
  {
    step: 'restart_glusterd',
    node: 'remote2.example.com',
    outcome: 'done',
    detail: 'glusterd restarted on remote2.example.com and answers again.',
  },
  {
    step: 'pem_keys',
    node: 'remote1.example.com',
    outcome: 'done',
    detail: "the primary's keys are in geoaccount's authorized_keys on every secondary node.",
  },
] as const;

test('the create step names the preparation, the mountbroker check shows, and the steps done are listed', async () => {
  const mountbroker = {
    id: 'mountbroker',
    title: 'The secondary is prepared for a non-root user (mountbroker)',
    outcome: 'pass' as const,
    severity: 'info' as const,
    evidence:
      'Create will prepare remote1.example.com: gluster-mountbroker setup /var/mountbroker-root geogroup on every secondary node. glusterd will be RESTARTED on remote1.example.com, remote2.example.com',
  };
  const services = fakeStartServices({
    preflight: jest.fn().mockResolvedValue(preflightOf([...PASSING_CHECKS, mountbroker])),
    createSession: jest
      .fn()
      .mockResolvedValue(
        makeSession({ secondary_user: 'geoaccount', nonroot_preparation: [...steps] }),
      ),
  });
  const { user } = renderStart({ services });
  await fillForm(user, { user: 'geoaccount', group: 'geogroup' });
  await user.click(within(startDialog()).getByRole('button', { name: 'Check' }));
  expect(
    await screen.findByText(/glusterd will be RESTARTED on remote1\.example\.com, remote2/),
  ).toBeInTheDocument();
  await user.click(okButton());
  await waitFor(() => expect(services.createSession).toHaveBeenCalled());
  expect(document.querySelector('[data-step="create"]')).toHaveTextContent(
    'Prepare the secondary for geoaccount (mountbroker), create the session (push-pem), distribute its keys',
  );
  const done = await screen.findByTestId('nonroot-steps');
  expect(done).toHaveTextContent('Done on the secondary for the non-root user geoaccount:');
  const items = within(done)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(items).toEqual([
    'User and group on remote1.example.com, remote2.example.com: nothing needed. geoaccount (group geogroup) exists on every secondary node.',
    'gluster-mountbroker setup on remote1.example.com: gluster-mountbroker setup /var/mountbroker-root geogroup on every secondary node.',
    'gluster-mountbroker add on remote1.example.com: nothing needed. geoaccount may already mount data-dr.',
    'glusterd restarted on remote2.example.com: glusterd restarted on remote2.example.com and answers again.',
    "Keys distributed (set_geo_rep_pem_keys.sh) on remote1.example.com: the primary's keys are in geoaccount's authorized_keys on every secondary node.",
  ]);
});

test('a root session lists nothing and keeps the plain create step', async () => {
  const { user, services } = renderStart();
  await fillForm(user);
  await user.click(okButton());
  await waitFor(() => expect(services.createSession).toHaveBeenCalled());
  expect(document.querySelector('[data-step="create"]')).toHaveTextContent(
    'Create the session (push-pem)',
  );
  expect(screen.queryByTestId('nonroot-steps')).toBeNull();
});
