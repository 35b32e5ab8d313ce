// Stalled sessions in the tab: the status, the evidence in the details, Recover (a dialog that
// starts the service's job and follows its steps to the outcome; refused with the reason for a
// user who may not act), and the workers' own log lines with the known failure they match.
import { screen, waitFor, within } from '@testing-library/react';
import type { GeoRepJob, GeoRepSession } from '../../../../src/georep/types';
import {
  cellText,
  fakeServices,
  makeSession,
  makeWorker,
  renderApp,
  rowFor,
} from '../../../support/app-harness';

const NOW = Date.now();
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();

function stalled(): GeoRepSession {
  return makeSession({
    id: 'st',
    primary_volume: 'vmstore',
    status: 'Stalled',
    workers: [
      makeWorker({
        primary_node: 'n1',
        primary_brick: '/b/1',
        replica_set: 0,
        status: 'Active',
        crawl_status: 'Changelog Crawl',
        stall: {
          pending_since: iso(300_000),
          pending_changelogs: 4,
          last_synced: iso(310_000),
          stalled_since: iso(240_000),
          waited_seconds: 300,
        },
      }),
      makeWorker({
        primary_node: 'n2',
        primary_brick: '/b/2',
        replica_set: 0,
        status: 'Passive',
        crawl_status: 'N/A',
      }),
    ],
  });
}

const job = (over: Partial<GeoRepJob>): GeoRepJob => ({
  id: 'j1',
  kind: 'recover',
  cluster_id: 'c1',
  session_id: 'st',
  user: 'admin@internal',
  state: 'running',
  steps: [],
  detail: null,
  started_at: iso(0),
  ended_at: null,
  ...over,
});

async function expand(user: ReturnType<typeof renderApp>['user']) {
  const row = await rowFor('vmstore');
  await user.click(within(row).getByRole('button', { name: /^Details of session/ }));
}

test('a stalled session reads Stalled, and its worker shows why', async () => {
  const { user } = renderApp({ services: fakeServices([stalled()]) });
  expect(cellText(await rowFor('vmstore'), 'Status')).toBe('Stalled');
  await expand(user);
  const alert = await screen.findByRole('heading', { name: /The worker on n1 is stalled/ });
  const box = alert.closest('.pf-v6-c-alert')!;
  expect(box.textContent).toMatch(
    /4 changes recorded on \/b\/1 since .* have not been synced for 5 minutes/,
  );
  expect(box.textContent).toMatch(
    /Gluster reports it Active, in Changelog Crawl, with nothing pending/,
  );
  const set = screen.getByRole('region', { name: 'Replica set 1' });
  const row = within(set).getAllByRole('row')[1]!;
  expect(cellText(row, 'Status')).toBe('Stalled');
});

test('Recover starts the job, follows its steps and says the outcome', async () => {
  const services = fakeServices([stalled()]);
  services.recoverSession.mockResolvedValue(job({}));
  services.getJob
    .mockResolvedValueOnce(
      job({
        steps: [
          {
            title: "Restart the session's workers (attempt 1 of 5)",
            state: 'done',
            detail:
              'Reset sync-jobs, which the session does not change: Gluster restarted the workers.',
            started_at: iso(0),
            ended_at: iso(0),
          },
        ],
      }),
    )
    .mockResolvedValue(
      job({
        state: 'succeeded',
        detail: 'The workers were restarted once and synced the waiting changes.',
        ended_at: iso(0),
      }),
    );
  const { user, environment } = renderApp({ services });
  await expand(user);
  await user.click(await screen.findByRole('button', { name: 'Recover' }));
  const dialog = await screen.findByRole('dialog', { name: 'Recover the stalled session' });
  expect(within(dialog).getByText(/It changes no option/)).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Recover' }));
  expect(services.recoverSession).toHaveBeenCalledWith('c-1', 'st');
  expect(
    await within(dialog).findByText(
      'The workers were restarted once and synced the waiting changes.',
      {},
      { timeout: 6000 },
    ),
  ).toBeInTheDocument();
  expect(within(dialog).getByText('Recovered')).toBeInTheDocument();
  await waitFor(() =>
    expect(environment.showToast).toHaveBeenCalledWith(
      'success',
      expect.stringMatching(/recovered/),
    ),
  );
}, 15_000);

test('a refusal to start it is said in the service’s words', async () => {
  const services = fakeServices([stalled()]);
  services.recoverSession.mockRejectedValue(Object.assign(new Error('x'), { isAxiosError: false }));
  const { user } = renderApp({ services });
  await expand(user);
  await user.click(await screen.findByRole('button', { name: 'Recover' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Recover' }));
  expect(
    await within(dialog).findByText(/The service did not start the recovery/),
  ).toBeInTheDocument();
});

test('a user who may not act sees Recover disabled, with the reason', async () => {
  const services = fakeServices([stalled()]);
  services.getAccess.mockResolvedValue({
    can_read: true,
    can_manage: false,
    reason: 'glusterviewer has only the ReadOnlyAdmin role on this cluster.',
  });
  const { user } = renderApp({ services });
  await expand(user);
  const button = await screen.findByRole('button', { name: 'Recover' });
  await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
  await user.click(button);
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});

test('what the worker’s log says: read when opened, with the known failure', async () => {
  const faulty = makeSession({
    id: 'f',
    primary_volume: 'home',
    status: 'Faulty',
    workers: [
      makeWorker({
        primary_node: 'n1',
        primary_brick: '/b/1',
        status: 'Faulty',
        crawl_status: 'N/A',
      }),
    ],
  });
  const services = fakeServices([faulty]);
  services.getDiagnosis.mockResolvedValue({
    session_id: 'f',
    read_at: iso(0),
    findings: [],
    worker_diagnosis: [
      {
        primary_node: 'n1',
        primary_brick: '/b/1',
        log_file: '/var/log/glusterfs/geo-replication/home_r_v/gsyncd.log',
        truncated: false,
        unavailable: null,
        lines: [
          {
            time: '2026-12-07T14:01:19Z',
            level: 'E',
            text: '[2026-12-07 14:01:19.5] E [syncdutils(worker /b/1):849:logerr] Popen: ssh> root@r: Permission denied (publickey,password).',
          },
        ],
        known_failures: [
          {
            id: 'ssh_refused',
            title: 'The secondary refuses the SSH login',
            meaning: 'The worker cannot log in.',
            remedy: 'Set up passwordless SSH again.',
            seen_in: ['gluster/glusterfs#1754'],
          },
        ],
      },
    ],
  });
  const { user } = renderApp({ services });
  const row = await rowFor('home');
  await user.click(within(row).getByRole('button', { name: /^Details of session/ }));
  expect(services.getDiagnosis).not.toHaveBeenCalled();
  await user.click(await screen.findByRole('button', { name: 'What its log says' }));
  expect(services.getDiagnosis).toHaveBeenCalledWith('c-1', 'f', 'n1:/b/1');
  expect(
    await screen.findByText('Known failure: The secondary refuses the SSH login'),
  ).toBeInTheDocument();
  expect(screen.getByText('Set up passwordless SSH again.')).toBeInTheDocument();
  expect(screen.getByLabelText('Log lines of the worker on n1').textContent).toMatch(
    /Permission denied/,
  );
});

test('every worker through one secondary node is said', async () => {
  const s = makeSession({
    primary_volume: 'data',
    workers: [
      makeWorker({
        primary_node: 'n1',
        primary_brick: '/b/1',
        replica_set: 0,
        status: 'Active',
        secondary_node: 'gdr1',
      }),
      makeWorker({
        primary_node: 'n2',
        primary_brick: '/b/2',
        replica_set: 1,
        status: 'Active',
        secondary_node: 'gdr1',
      }),
    ],
  });
  const { user } = renderApp({ services: fakeServices([s]) });
  const row = await rowFor('data');
  await user.click(within(row).getByRole('button', { name: /^Details of session/ }));
  expect(
    await screen.findByText(
      'Known failure: Every worker replicates through one secondary node (gdr1)',
    ),
  ).toBeInTheDocument();
});
