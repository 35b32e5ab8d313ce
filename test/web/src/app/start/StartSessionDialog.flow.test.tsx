// The Start dialog's OK: the preflight (blockers, forceable checks and Force), the steps in order
// and visible as they run, what is left when a step fails, and a double click sending once.
import { act, screen, waitFor, within } from '@testing-library/react';
import type { GeoRepSession } from '../../../../../src/georep/types';
import {
  actions,
  apiError,
  arg,
  check,
  deferred,
  fakeStartServices,
  fillForm,
  makeSession,
  okButton,
  PASSING_CHECKS,
  preflightOf,
  renderStart,
  settle,
  startDialog,
  stepStatuses,
  type,
} from '../../../../support/start-harness';

const BLOCKER = check({
  id: 'secondary_volume_exists',
  title: 'The secondary volume exists',
  outcome: 'fail',
  severity: 'blocker',
  evidence: 'remote1.example.com has no volume data-dr.',
});
const FORCEABLE = check({
  id: 'secondary_empty',
  title: 'The secondary volume is empty',
  outcome: 'fail',
  severity: 'forceable',
  evidence: 'data-dr holds 12 GiB.',
});
const FORCEABLE_PASS = check({
  id: 'secondary_size',
  title: 'The secondary volume is at least as large as the primary',
  outcome: 'pass',
  severity: 'forceable',
  evidence: '100 GiB >= 50 GiB.',
});
const SSH_FAIL = check({
  id: 'passwordless_ssh',
  title: 'Passwordless SSH from the primary host to the secondary host works',
  outcome: 'fail',
  severity: 'blocker',
  evidence:
    'root@remote1.example.com does not accept root’s SSH key of node1 yet (permission denied).',
});

describe('preflight', () => {
  test('Check runs the preflight only and shows each check with its outcome and evidence', async () => {
    const services = fakeStartServices({
      preflight: jest
        .fn()
        .mockResolvedValue(preflightOf([check(), FORCEABLE_PASS, { ...SSH_FAIL }])),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(within(startDialog()).getByRole('button', { name: 'Check' }));
    const list = await screen.findByRole('list', { name: 'Check results' });
    expect(actions(services)).toEqual(['preflight']);
    expect(services.preflight).toHaveBeenCalledWith('c-1', {
      primary_volume: 'data',
      source_host_id: 'h-1',
      secondary_host: 'remote1.example.com',
      secondary_volume: 'data-dr',
      secondary_user: 'root',
      ssh_port: 22,
    });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.georep-check-line')!.textContent)).toEqual([
      'Passed: The primary volume exists and is started',
      'Passed: The secondary volume is at least as large as the primary',
      'Failed: Passwordless SSH from the primary host to the secondary host works',
    ]);
    // a passed check carries no severity badge: what it would do if it failed is not news
    expect(items[1]).not.toHaveTextContent('Force can bypass');
    expect(items[1]).toHaveTextContent('100 GiB >= 50 GiB.');
    // The SSH check is the verify step's business: it does not block.
    expect(items[2]).toHaveTextContent('Passwordless SSH is verified again on OK');
    expect(screen.getByText('No check failed: the session can be created.')).toBeInTheDocument();
    expect(screen.queryByTestId('preflight-blockers')).not.toBeInTheDocument();
  });

  test('blockers are listed apart; OK stops there, with Force or not, and nothing is changed', async () => {
    const services = fakeStartServices({
      preflight: jest.fn().mockResolvedValue(preflightOf([check(), BLOCKER, FORCEABLE])),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(screen.getByRole('checkbox', { name: 'Force' }));
    await user.click(okButton());
    const blockers = await screen.findByTestId('preflight-blockers');
    expect(blockers).toHaveTextContent('1 problem to fix first (Force does not bypass it)');
    expect(blockers).toHaveTextContent(
      'The secondary volume exists: remote1.example.com has no volume data-dr.',
    );
    expect(blockers).not.toHaveTextContent('The secondary volume is empty');
    expect(screen.getByTestId('preflight-forceable')).toHaveTextContent(
      'The secondary volume is empty: data-dr holds 12 GiB.',
    );
    expect(screen.getByTestId('start-outcome')).toHaveTextContent(
      'Nothing was changed: the checks found problems',
    );
    expect(screen.getByTestId('start-outcome')).toHaveTextContent(
      'Fix the problems listed under Checks',
    );
    expect(stepStatuses()).toEqual({
      check: 'failed',
      verify: 'pending',
      create: 'pending',
      config: 'pending',
      start: 'pending',
    });
    expect(actions(services)).toEqual(['preflight']);
  });

  test('forceable failures: Force says exactly what it bypasses; without it OK stops, with it OK creates with force', async () => {
    const services = fakeStartServices({
      preflight: jest.fn().mockResolvedValue(preflightOf([check(), FORCEABLE, FORCEABLE_PASS])),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    const force = screen.getByRole('checkbox', { name: 'Force' });
    const description = () => document.getElementById(force.getAttribute('aria-describedby')!)!;
    expect(description()).toHaveTextContent(
      "Bypasses Gluster's own checks of the secondary volume",
    );

    await user.click(okButton());
    await screen.findByTestId('preflight-forceable');
    expect(description()).toHaveTextContent(
      'Create even though these checks fail: The secondary volume is empty.',
    );
    expect(screen.getByTestId('start-outcome')).toHaveTextContent(
      'Only checks that Force can bypass failed. Tick Force and press OK to create the session anyway.',
    );
    expect(services.createSession).not.toHaveBeenCalled();

    await user.click(force);
    await user.click(okButton());
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(arg(services.createSession, 0, 1)).toMatchObject({ force: true });
  });

  test('changing a field takes Force back and marks the checks as made for other values', async () => {
    const services = fakeStartServices({
      preflight: jest.fn().mockResolvedValue(preflightOf([FORCEABLE])),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(within(startDialog()).getByRole('button', { name: 'Check' }));
    await screen.findByTestId('preflight-forceable');
    await user.click(screen.getByRole('checkbox', { name: 'Force' }));
    expect(screen.getByRole('checkbox', { name: 'Force' })).toBeChecked();
    await type(user, /^Secondary Volume\/Path/, 'other-dr');
    expect(screen.getByRole('checkbox', { name: 'Force' })).not.toBeChecked();
    expect(screen.getByText(/These checks were made for other values/)).toBeInTheDocument();
  });

  test('a preflight that cannot run is shown and nothing else is tried', async () => {
    const services = fakeStartServices({
      preflight: jest
        .fn()
        .mockRejectedValue(apiError('unreachable', 'No host of cluster gluster-east is Up.')),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    expect(
      await screen.findByText(
        'The checks could not be run: No host of cluster gluster-east is Up.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('start-outcome')).toHaveTextContent(
      'Check failed. The session was not created.',
    );
    expect(actions(services)).toEqual(['preflight']);
  });
});

describe('OK', () => {
  test('happy path: check, verify, create (config with it), start, in order, each visible as it runs', async () => {
    const verify = deferred<{ ok: boolean; detail: string }>();
    const create = deferred<GeoRepSession>();
    const start = deferred<null>();
    const services = fakeStartServices({
      verifySsh: jest.fn(() => verify.promise),
      createSession: jest.fn(() => create.promise),
      controlSession: jest.fn(() => start.promise),
    });
    const { user, onCreated } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());

    await waitFor(() => expect(stepStatuses().verify).toBe('running'));
    expect(stepStatuses()).toEqual({
      check: 'done',
      verify: 'running',
      create: 'pending',
      config: 'pending',
      start: 'pending',
    });
    expect(screen.getByTestId('start-live')).toHaveTextContent(
      'Verify passwordless SSH: In progress',
    );
    expect(okButton()).toBeDisabled();
    expect(within(startDialog()).getByRole('button', { name: 'Cancel' })).toBeDisabled();

    await settle(() =>
      verify.resolve({
        ok: true,
        detail: 'Root on node1 logs in to root@remote1.example.com without a password.',
      }),
    );
    await waitFor(() => expect(stepStatuses().create).toBe('running'));
    expect(document.querySelector('[data-step="verify"]')).toHaveTextContent(
      'Root on node1 logs in to root@remote1.example.com without a password.',
    );
    expect(screen.getByTestId('start-live')).toHaveTextContent(
      'Create the session (push-pem): In progress',
    );

    await settle(() => create.resolve(makeSession()));
    await waitFor(() => expect(stepStatuses().start).toBe('running'));
    expect(stepStatuses()).toMatchObject({ create: 'done', config: 'skipped' });
    expect(screen.getByText("Gluster's default configuration.")).toBeInTheDocument();

    await settle(() => start.resolve(null));
    await waitFor(() => expect(stepStatuses().start).toBe('done'));
    expect(actions(services)).toEqual([
      'preflight',
      'verifySsh',
      'createSession',
      'controlSession',
    ]);
    expect(arg(services.createSession, 0, 1)).toMatchObject({ start: false });
    expect(services.controlSession).toHaveBeenCalledWith(
      'c-1',
      'data_remote1_data-dr',
      'start',
      false,
    );
    expect(screen.getByTestId('start-outcome')).toHaveTextContent(
      'Session data → remote1.example.com::data-dr created and started',
    );
    expect(screen.getByTestId('start-live')).toHaveTextContent('created and started');
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'data_remote1_data-dr' }));
    expect(okButton()).toBeDisabled();
    const close = within(startDialog())
      .getAllByRole('button', { name: 'Close' })
      .find((b) => b.textContent === 'Close')!;
    expect(close).toBeEnabled();
    expect(within(startDialog()).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  test('a double click on OK sends once', async () => {
    const pre = deferred<ReturnType<typeof preflightOf>>();
    const services = fakeStartServices({ preflight: jest.fn(() => pre.promise) });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.dblClick(okButton());
    await settle(() => pre.resolve(preflightOf(PASSING_CHECKS)));
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(actions(services)).toEqual([
      'preflight',
      'verifySsh',
      'createSession',
      'controlSession',
    ]);
  });

  test('two clicks before React re-renders still send once', async () => {
    const services = fakeStartServices();
    const { user } = renderStart({ services });
    await fillForm(user);
    const ok = okButton();
    act(() => {
      ok.click();
      ok.click();
    });
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(actions(services)).toEqual([
      'preflight',
      'verifySsh',
      'createSession',
      'controlSession',
    ]);
  });

  test('create ok, start fails: "Created — not started" with the reason, and the table is told', async () => {
    const services = fakeStartServices({
      controlSession: jest
        .fn()
        .mockRejectedValue(
          apiError(
            'conflict',
            'Starting the session failed: geo-replication start failed for data remote1.example.com::data-dr: worker died.',
          ),
        ),
    });
    const { user, onCreated } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    const outcome = await screen.findByTestId('start-outcome');
    expect(outcome).toHaveTextContent(
      'Created — not started: Starting the session failed: geo-replication start failed for data remote1.example.com::data-dr: worker died.',
    );
    expect(outcome).toHaveTextContent('Start it from the table when the cause is fixed.');
    expect(stepStatuses()).toEqual({
      check: 'done',
      verify: 'done',
      create: 'done',
      config: 'skipped',
      start: 'failed',
    });
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'data_remote1_data-dr' }));
    expect(okButton()).toBeDisabled(); // a second create would be refused
  });

  test('the options fail after create: created, not started, the service’s words', async () => {
    const detail =
      'The session data -> remote1.example.com::data-dr was created, but setting its options failed: sync-jobs: invalid. Options not applied: sync-method. The session exists in state Created.';
    const services = fakeStartServices({
      createSession: jest.fn().mockRejectedValue(apiError('conflict', detail)),
    });
    const { user, onCreated } = renderStart({ services });
    await fillForm(user);
    await user.click(screen.getByRole('checkbox', { name: 'Use Default' }));
    await user.type(screen.getByLabelText('sync-jobs'), '4');
    await user.click(okButton());
    const outcome = await screen.findByTestId('start-outcome');
    expect(outcome).toHaveTextContent(`Created — not started: ${detail}`);
    expect(outcome).toHaveTextContent('Start it from the table when its options are right');
    expect(stepStatuses()).toEqual({
      check: 'done',
      verify: 'skipped',
      create: 'done',
      config: 'failed',
      start: 'skipped',
    });
    expect(services.controlSession).not.toHaveBeenCalled();
    expect(onCreated).toHaveBeenCalledWith(null);
  });

  test('create fails before anything exists: said so, and OK can be pressed again', async () => {
    const services = fakeStartServices();
    services.createSession.mockRejectedValueOnce(
      apiError(
        'conflict',
        'creating the session on node1: Unable to mount the remote volume. The session was not created.',
      ),
    );
    const { user, onCreated } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    const outcome = await screen.findByTestId('start-outcome');
    expect(outcome).toHaveTextContent(
      'Create the session (push-pem) failed. The session was not created.',
    );
    expect(outcome).toHaveTextContent(
      'Unable to mount the remote volume. The session was not created.',
    );
    expect(services.controlSession).not.toHaveBeenCalled();
    expect(onCreated).not.toHaveBeenCalled();
    expect(okButton()).toBeEnabled();
    await user.click(okButton());
    await waitFor(() => expect(services.controlSession).toHaveBeenCalledTimes(1));
  });

  test('no answer in time to the create: the session may exist, said so', async () => {
    const services = fakeStartServices({
      createSession: jest
        .fn()
        .mockRejectedValue(apiError('timeout', 'timeout of 120000ms exceeded', 'Timed out')),
    });
    const { user, onCreated } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    const outcome = await screen.findByTestId('start-outcome');
    expect(outcome).toHaveTextContent(
      'The service did not answer in time: the session may have been created',
    );
    expect(outcome).toHaveTextContent('Look for it in the table before trying again');
    expect(onCreated).toHaveBeenCalledWith(null);
    expect(okButton()).toBeDisabled();
  });

  test('verification that keys cannot fix (remote unreachable) stops at verify with the reason', async () => {
    const services = fakeStartServices({
      verifySsh: jest.fn().mockResolvedValue({
        ok: false,
        failure: 'refused',
        detail: 'remote1.example.com refused the connection from node1 on port 22.',
      }),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    const outcome = await screen.findByTestId('start-outcome');
    expect(outcome).toHaveTextContent(
      'Verify passwordless SSH failed. The session was not created.',
    );
    expect(outcome).toHaveTextContent(
      'remote1.example.com refused the connection from node1 on port 22.',
    );
    expect(
      screen.queryByRole('dialog', { name: 'Passwordless SSH setup' }),
    ).not.toBeInTheDocument();
    expect(actions(services)).toEqual(['preflight', 'verifySsh']);
  });

  test('the form is locked while OK runs', async () => {
    const pre = deferred<ReturnType<typeof preflightOf>>();
    const services = fakeStartServices({ preflight: jest.fn(() => pre.promise) });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    expect(screen.getByLabelText(/^Secondary Host/)).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Force' })).toBeDisabled();
    await settle(() => pre.resolve(preflightOf(PASSING_CHECKS)));
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
  });
});

describe('the check summary agrees with its list', () => {
  test('a blocker skipped for lack of evidence: no "can be created", the open checks named', async () => {
    const skipped = check({
      id: 'remote_gluster',
      title: 'Gluster is installed on the secondary host',
      outcome: 'skipped',
      severity: 'blocker',
      evidence: 'Asked from node1 over its passwordless SSH, which does not work yet.',
    });
    const services = fakeStartServices({
      preflight: jest.fn().mockResolvedValue(preflightOf([check(), skipped])),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(within(startDialog()).getByRole('button', { name: 'Check' }));
    const open = await screen.findByTestId('preflight-unverified');
    expect(open).toHaveTextContent('No check failed, but 1 check could not be made');
    expect(open).toHaveTextContent('Gluster is installed on the secondary host');
    expect(screen.queryByTestId('preflight-all-passed')).not.toBeInTheDocument();
  });

  test('an Information item that does not hold is a Note, never "Failed", and carries no badge', async () => {
    const info = check({
      id: 'cluster_compatibility',
      title: 'Both clusters have the same compatibility version',
      outcome: 'fail',
      severity: 'info',
      evidence: '4.7 and 4.6.',
    });
    const services = fakeStartServices({
      preflight: jest.fn().mockResolvedValue(preflightOf([check(), info])),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(within(startDialog()).getByRole('button', { name: 'Check' }));
    const list = await screen.findByRole('list', { name: 'Check results' });
    const item = within(list).getAllByRole('listitem')[1]!;
    expect(item.querySelector('.georep-check-line')!.textContent).toBe(
      'Note: Both clusters have the same compatibility version',
    );
    expect(item).not.toHaveTextContent('Information');
    expect(screen.getByTestId('preflight-all-passed')).toBeInTheDocument();
  });

  test('the remote answered but SSH from the source host fails: explained', async () => {
    const reachable = check({
      id: 'remote_reachable',
      title: 'The secondary host can be reached',
      evidence: 'remote1.example.com answered this service.',
    });
    const services = fakeStartServices({
      preflight: jest.fn().mockResolvedValue(preflightOf([check(), reachable, SSH_FAIL])),
    });
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(within(startDialog()).getByRole('button', { name: 'Check' }));
    expect(await screen.findByTestId('reachable-but-no-ssh')).toHaveTextContent(
      'Gluster logs in from the primary host, and that login is what fails here',
    );
  });

  test('Gluster refuses the create for something Force skips: the outcome says Force gets past it', async () => {
    const services = fakeStartServices();
    services.createSession.mockRejectedValueOnce(
      apiError(
        'conflict',
        'Gluster said: Peer node3.example.com, which is a part of data volume, is down. Please bring up the peer and retry. The session was not created.',
      ),
    );
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    expect(await screen.findByTestId('create-force-hint')).toHaveTextContent(
      'tick Force and press OK to create the session anyway',
    );
  });

  test('a refusal Force does not skip gets no Force hint', async () => {
    const services = fakeStartServices();
    services.createSession.mockRejectedValueOnce(
      apiError(
        'conflict',
        'Gluster said: Unable to mount the remote volume. The session was not created.',
      ),
    );
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    await screen.findByTestId('start-outcome');
    expect(screen.queryByTestId('create-force-hint')).not.toBeInTheDocument();
  });

  test('after OK the progress and then the outcome have the focus (in view)', async () => {
    const services = fakeStartServices();
    const { user } = renderStart({ services });
    await fillForm(user);
    await user.click(okButton());
    await screen.findByTestId('start-outcome');
    expect(screen.getByTestId('start-progress')).toHaveFocus();
  });
});

test('Auto-start unticked: the session is created, not started, and said so', async () => {
  const services = fakeStartServices();
  const { user, onCreated } = renderStart({ services });
  await fillForm(user);
  await user.click(screen.getByRole('checkbox', { name: /Auto-start after creation/ }));
  await user.click(okButton());
  const outcome = await screen.findByTestId('start-outcome');
  expect(outcome).toHaveTextContent('created, not started: start it from the table');
  expect(services.createSession).toHaveBeenCalledTimes(1);
  expect(services.controlSession).not.toHaveBeenCalled();
  expect(stepStatuses()).toMatchObject({ create: 'done', start: 'skipped' });
  expect(onCreated).toHaveBeenCalled();
});
