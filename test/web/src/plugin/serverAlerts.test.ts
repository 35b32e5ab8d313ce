// WebAdmin's alerts from the service's transitions: what is wrong is said once at the start, each
// transition once after, and a service without a watch leaves the alerts to the plugin's own watcher.
import { ApiError } from '../../../../src/api/http';
import type { FeedTransition, TransitionFeed } from '../../../../src/api/transitions';
import { createPluginIntl } from '../../../../src/intl';
import type { Notice } from '../../../../src/plugin/alerts';
import { startAlerts } from '../../../../src/plugin/serverAlerts';

const names = {
  cluster_id: 'c1',
  session_id: 's1',
  primary_volume: 'data',
  secondary_host: 'gdr1',
  secondary_volume: 'data-dr',
  secondary_user: 'root',
};
const tr = (kind: FeedTransition['kind'], over: Partial<FeedTransition> = {}): FeedTransition => ({
  ...names,
  kind,
  severity: 'normal',
  at: '2026-05-01T10:00:00Z',
  description: '...',
  ...over,
});

test('ongoing trouble once at the start, then each transition once, asking after the last cursor', async () => {
  const intl = await createPluginIntl('en-US');
  const feeds: TransitionFeed[] = [
    { cursor: 'e.3', transition: [], ongoing: [{ ...names, health: 'faulty', lag: 'high' }] },
    { cursor: 'e.3', transition: [] },
    {
      cursor: 'e.5',
      transition: [
        tr('recovered'),
        tr('checkpoint_completed', { checkpoint_time: '2026-05-01T09:00:00Z' }),
      ],
    },
  ];
  const asked: (string | undefined)[] = [];
  const notices: Notice[] = [];
  const w = startAlerts({
    intl,
    intervalMs: 1_000_000,
    listTransitions: (after) => {
      asked.push(after);
      return Promise.resolve(feeds.shift()!);
    },
    notify: (n) => notices.push(n),
    log: () => undefined,
    fallback: () => {
      throw new Error('no fallback expected');
    },
  });
  await new Promise((r) => setTimeout(r, 10));
  await w.poll();
  await w.poll();
  w.stop();
  expect(asked).toEqual([undefined, 'e.3', 'e.3']);
  expect(notices.map((n) => [n.kind, n.type])).toEqual([
    ['alert', 'danger'],
    ['alert', 'warning'],
    ['alert', 'success'],
    ['toast', 'success'],
  ]);
  expect(notices[0]!.message).toBe(
    'Geo-replication data → gdr1::data-dr is Faulty: no worker of at least one replica set is replicating.',
  );
  expect(notices[2]!.message).toBe('Geo-replication data → gdr1::data-dr has recovered.');
});

test('a service without a watch (503): the plugin’s own watcher takes over', async () => {
  const intl = await createPluginIntl('en-US');
  const own = { poll: jest.fn(() => Promise.resolve()), stop: jest.fn() };
  const fallback = jest.fn(() => own);
  const w = startAlerts({
    intl,
    intervalMs: 1_000_000,
    listTransitions: () =>
      Promise.reject(new ApiError('unreachable', 503, 'Service Unavailable', 'no watch')),
    notify: () => undefined,
    log: () => undefined,
    fallback,
  });
  await new Promise((r) => setTimeout(r, 10));
  expect(fallback).toHaveBeenCalledTimes(1);
  await w.poll();
  expect(own.poll).toHaveBeenCalledTimes(1);
  w.stop();
  expect(own.stop).toHaveBeenCalled();
});

test('a service that cannot be reached is said once, and asked again', async () => {
  const intl = await createPluginIntl('en-US');
  const logs: string[] = [];
  let calls = 0;
  const w = startAlerts({
    intl,
    intervalMs: 1_000_000,
    listTransitions: () => {
      calls++;
      return Promise.reject(new ApiError('unreachable', null, 'Unreachable', 'ECONNREFUSED'));
    },
    notify: () => undefined,
    log: (_l, m) => logs.push(m),
    fallback: () => {
      throw new Error('no fallback for an outage');
    },
  });
  await new Promise((r) => setTimeout(r, 10));
  await w.poll();
  await w.poll();
  w.stop();
  expect(calls).toBe(3);
  expect(logs).toHaveLength(1);
});
