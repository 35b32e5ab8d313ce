// Session details: workers grouped by replica set with the Active-worker flags, per-worker
// columns, crawl help, checkpoint progress, and where to look for a Faulty worker.
import { screen, waitFor, within } from '@testing-library/react';
import type { GeoRepSession } from '../../../../src/georep/types';
import {
  fakeServices,
  makeOption,
  makeSession,
  makeWorker,
  minutesAgo,
  renderApp,
  rowAction,
  rowFor,
} from '../../../support/app-harness';

function distributedReplicated(): GeoRepSession {
  return makeSession({
    id: 'dr',
    primary_volume: 'data',
    secondary_host: 'dr.example.com',
    secondary_volume: 'data-dr',
    status: 'PartiallyFaulty',
    workers: [
      // replica set 0: healthy (one Active, one Passive)
      makeWorker({
        primary_node: 'n1',
        primary_brick: '/b/s0-1',
        replica_set: 0,
        status: 'Active',
        entry_pending: 12,
        data_pending: 345,
        meta_pending: 6,
        failures: 2,
      }),
      makeWorker({
        primary_node: 'n2',
        primary_brick: '/b/s0-2',
        replica_set: 0,
        status: 'Passive',
        crawl_status: 'N/A',
      }),
      // replica set 1: nobody Active (one Faulty, one Passive)
      makeWorker({
        primary_node: 'n3',
        primary_brick: '/b/s1-1',
        replica_set: 1,
        status: 'Faulty',
        crawl_status: 'N/A',
        secondary_node: null,
        last_synced: null,
      }),
      makeWorker({
        primary_node: 'n4',
        primary_brick: '/b/s1-2',
        replica_set: 1,
        status: 'Passive',
        crawl_status: 'N/A',
      }),
      // replica set 2: two Active
      makeWorker({
        primary_node: 'n5',
        primary_brick: '/b/s2-1',
        replica_set: 2,
        status: 'Active',
        crawl_status: 'Hybrid Crawl',
      }),
      makeWorker({
        primary_node: 'n6',
        primary_brick: '/b/s2-2',
        replica_set: 2,
        status: 'Active',
        crawl_status: 'History Crawl',
      }),
    ],
  });
}

async function expand(user: ReturnType<typeof renderApp>['user'], volume: string) {
  const row = await rowFor(volume);
  const toggle = within(row).getByRole('button', { name: /^Details of session/ });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

test('groups workers by replica set and flags a set with no Active worker and a set with several', async () => {
  const { user } = renderApp({ services: fakeServices([distributedReplicated()]) });
  await expand(user, 'data');
  const set = (n: number) => screen.getByRole('region', { name: `Replica set ${n}` });
  expect(within(set(1)).getByText('One Active worker')).toBeInTheDocument();
  expect(
    within(set(2)).getByText('No Active worker: this replica set is not being synced'),
  ).toBeInTheDocument();
  expect(
    within(set(3)).getByText('2 Active workers: only one worker should sync a replica set'),
  ).toBeInTheDocument();
  // Each set lists its own workers.
  const nodes = (n: number) =>
    within(within(set(n)).getByRole('grid'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('td[data-label="Node"]')!.textContent);
  expect(nodes(1)).toEqual(['n1', 'n2']);
  expect(nodes(2)).toEqual(['n3', 'n4']);
  expect(nodes(3)).toEqual(['n5', 'n6']);
});

test('each worker shows node, brick, status, crawl, last synced, pending entry/data/meta, failures', async () => {
  const { user } = renderApp({ services: fakeServices([distributedReplicated()]) });
  await expand(user, 'data');
  const set1 = screen.getByRole('region', { name: 'Replica set 1' });
  const worker = within(set1).getAllByRole('row')[1]!;
  const cell = (label: string) => worker.querySelector(`td[data-label="${label}"]`)!.textContent;
  expect(cell('Node')).toBe('n1');
  expect(cell('Brick')).toBe('/b/s0-1');
  expect(cell('Status')).toBe('Active');
  expect(cell('Secondary node')).toBe('remote1.example.com');
  expect(cell('Crawl')).toBe('Changelog Crawl');
  expect(cell('Last synced')).toBe('2 minutes ago');
  expect(cell('Entry pending')).toBe('12');
  expect(cell('Data pending')).toBe('345');
  expect(cell('Meta pending')).toBe('6');
  expect(cell('Failures')).toBe('2');
  expect(cell('Checkpoint')).toBe('N/A');
  const faulty = within(screen.getByRole('region', { name: 'Replica set 2' })).getAllByRole(
    'row',
  )[1]!;
  expect(faulty.querySelector('td[data-label="Last synced"]')!.textContent).toBe(
    'Not reported while Faulty',
  );
  expect(faulty.querySelector('td[data-label="Secondary node"]')!.textContent).toBe('N/A');
});

test('the workers’ column headers wrap onto two lines rather than being cut', async () => {
  const { user } = renderApp({ services: fakeServices([distributedReplicated()]) });
  await expand(user, 'data');
  const set1 = screen.getByRole('region', { name: 'Replica set 1' });
  const headers = within(set1).getAllByRole('columnheader');
  expect(headers.map((h) => h.textContent)).toEqual([
    'Node',
    'Brick',
    'Status',
    'Secondary node',
    'Crawl',
    'Last synced',
    'Entry pending',
    'Data pending',
    'Meta pending',
    'Failures',
    'Checkpoint',
  ]);
  for (const h of headers) {
    expect(h).toHaveClass('pf-m-wrap');
    expect(h).not.toHaveClass('pf-m-truncate');
  }
});

test('no flag for a replica set without an Active worker while the session is stopped', async () => {
  const session = makeSession({ primary_volume: 'stopped', status: 'Stopped' });
  const { user } = renderApp({ services: fakeServices([session]) });
  await expand(user, 'stopped');
  expect(screen.queryByText(/No Active worker/)).not.toBeInTheDocument();
});

test('a Faulty worker says where to look: Gluster’s default log path when the options are not loaded', async () => {
  const { user } = renderApp({ services: fakeServices([distributedReplicated()]) });
  await expand(user, 'data');
  expect(screen.getByText('Faulty worker on n3')).toBeInTheDocument();
  expect(screen.getByText(/Brick \/b\/s1-1 on node n3 is Faulty/)).toBeInTheDocument();
  expect(
    screen.getByText('/var/log/glusterfs/geo-replication/data_dr.example.com_data-dr/gsyncd.log'),
  ).toBeInTheDocument();
  expect(screen.getByText(/Gluster’s default location/)).toBeInTheDocument();
});

test('a Faulty worker shows the configured log file once the options were read', async () => {
  const services = fakeServices([distributedReplicated()], {
    getConfig: jest.fn().mockResolvedValue([
      makeOption({
        name: 'log-file',
        value: '/srv/logs/georep/data.log',
        type: 'path',
        min: null,
        max: null,
      }),
    ]),
  });
  const { user } = renderApp({ services });
  await rowAction(user, 'data', 'Options');
  expect(await screen.findByRole('textbox', { name: 'Value of log-file' })).toHaveValue(
    '/srv/logs/georep/data.log',
  );
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await expand(user, 'data');
  expect(screen.getByText('/srv/logs/georep/data.log')).toBeInTheDocument();
  expect(screen.getByText(/the session’s log-file option/)).toBeInTheDocument();
  expect(services.getConfig).toHaveBeenCalledTimes(1); // the details did not fetch it again
});

test('the details never fetch the options just for the log path', async () => {
  const services = fakeServices([distributedReplicated()]);
  const { user } = renderApp({ services });
  await expand(user, 'data');
  expect(services.getConfig).not.toHaveBeenCalled();
});

test('crawl modes are explained', async () => {
  const { user } = renderApp({ services: fakeServices([distributedReplicated()]) });
  await expand(user, 'data');
  await user.click(screen.getByRole('button', { name: 'About crawl modes' }));
  expect(screen.getByText(/Changelog Crawl: the normal state/)).toBeVisible();
  expect(screen.getByText(/History Crawl: replays the change logs/)).toBeVisible();
  expect(screen.getByText(/Hybrid Crawl: a full walk of the volume/)).toBeVisible();
});

test('checkpoint progress per worker, and when it completed', async () => {
  const cpTime = minutesAgo(30);
  const session = makeSession({
    primary_volume: 'cp',
    checkpoint: { time: cpTime, completed: false, completion_time: null },
    workers: [
      makeWorker({
        primary_node: 'n1',
        replica_set: 0,
        checkpoint: { time: cpTime, completed: true, completion_time: minutesAgo(4) },
      }),
      makeWorker({
        primary_node: 'n2',
        replica_set: 0,
        status: 'Passive',
        checkpoint: null,
        crawl_status: 'N/A',
      }),
      makeWorker({
        primary_node: 'n3',
        replica_set: 1,
        checkpoint: { time: cpTime, completed: false, completion_time: null },
      }),
    ],
  });
  const { user } = renderApp({ services: fakeServices([session]) });
  await expand(user, 'cp');
  expect(screen.getByTestId('checkpoint-summary')).toHaveTextContent(
    /1 of 2 replica sets have reached it/,
  );
  const cpCell = (set: number, row: number) =>
    within(screen.getByRole('region', { name: `Replica set ${set}` }))
      .getAllByRole('row')
      [row]!.querySelector('td[data-label="Checkpoint"]')!.textContent;
  expect(cpCell(1, 1)).toBe('Completed 4 minutes ago');
  expect(cpCell(1, 2)).toBe('N/A');
  expect(cpCell(2, 1)).toBe('Not reached yet');
});

test('a completed checkpoint says when', async () => {
  const cpTime = minutesAgo(30);
  const session = makeSession({
    primary_volume: 'cpdone',
    checkpoint: { time: cpTime, completed: true, completion_time: minutesAgo(2) },
    workers: [
      makeWorker({ checkpoint: { time: cpTime, completed: true, completion_time: minutesAgo(2) } }),
    ],
  });
  const { user } = renderApp({ services: fakeServices([session]) });
  await expand(user, 'cpdone');
  expect(screen.getByTestId('checkpoint-summary')).toHaveTextContent(
    /completed .*everything written before it is on the secondary volume/,
  );
});

test('details follow the live data', async () => {
  const before = makeSession({
    id: 'x',
    primary_volume: 'live',
    workers: [makeWorker({ status: 'Active' })],
  });
  const after = makeSession({
    id: 'x',
    primary_volume: 'live',
    status: 'Faulty',
    workers: [makeWorker({ status: 'Faulty' })],
  });
  const listSessions = jest
    .fn()
    .mockResolvedValueOnce({ sessions: [before], readAt: new Date().toISOString(), backend: 'cli' })
    .mockResolvedValue({ sessions: [after], readAt: new Date().toISOString(), backend: 'cli' });
  const { user, queryClient } = renderApp({ services: fakeServices([], { listSessions }) });
  await expand(user, 'live');
  expect(screen.queryByText(/Faulty worker on/)).not.toBeInTheDocument();
  await queryClient.refetchQueries({ queryKey: ['georep', 'sessions', 'c-1'] });
  expect(await screen.findByText('Faulty worker on node1.example.com')).toBeInTheDocument();
});
