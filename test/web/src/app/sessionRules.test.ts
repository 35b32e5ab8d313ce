// The pure rules behind the tab: buckets, state rules, filter/sort, replica sets, deep links.
import {
  bucketOf,
  checkpointProgress,
  clusterFromLocation,
  countByBucket,
  defaultLogPath,
  filterAndSort,
  groupByReplicaSet,
  isAllowedInState,
  sessionCrawls,
} from '../../../../src/app/sessionRules';
import { formatDuration, relativeParts } from '../../../../src/app/time';
import { createIntl } from '@formatjs/intl';
import { makeSession, makeWorker } from '../../../support/app-harness';

test('buckets', () => {
  expect(bucketOf('Active')).toBe('active');
  expect(bucketOf('Initializing')).toBe('active');
  expect(bucketOf('Passive')).toBe('passive');
  expect(bucketOf('PartiallyFaulty')).toBe('faulty');
  expect(bucketOf('Offline')).toBe('unknown');
  const counts = countByBucket([
    makeSession({ status: 'Faulty' }),
    makeSession({ status: 'PartiallyFaulty' }),
    makeSession({ status: 'Created' }),
  ]);
  expect(counts).toEqual({
    active: 0,
    passive: 0,
    faulty: 2,
    paused: 0,
    stopped: 0,
    created: 1,
    unknown: 0,
  });
});

test('state rules follow oVirt: start/remove only Created or Stopped, resume only Paused', () => {
  expect(isAllowedInState('start', 'Stopped')).toBe(true);
  expect(isAllowedInState('start', 'Active')).toBe(false);
  expect(isAllowedInState('stop', 'Stopped')).toBe(false);
  expect(isAllowedInState('stop', 'Unknown')).toBe(true);
  expect(isAllowedInState('remove', 'Created')).toBe(true);
  expect(isAllowedInState('remove', 'Paused')).toBe(false);
  expect(isAllowedInState('resume', 'Paused')).toBe(true);
  expect(isAllowedInState('resume', 'Active')).toBe(false);
  expect(isAllowedInState('pause', 'Paused')).toBe(false);
});

test('filter and sort do not mutate the input', () => {
  const input = [makeSession({ primary_volume: 'b' }), makeSession({ primary_volume: 'a' })];
  const copy = [...input];
  const out = filterAndSort(input, {
    text: '',
    bucket: null,
    sortKey: 'primary_volume',
    direction: 'asc',
  });
  expect(out.map((s) => s.primary_volume)).toEqual(['a', 'b']);
  expect(input).toEqual(copy);
});

test('natural sort of names with numbers', () => {
  const input = ['vol10', 'vol2', 'vol1'].map((v) => makeSession({ primary_volume: v }));
  expect(
    filterAndSort(input, {
      text: '',
      bucket: null,
      sortKey: 'primary_volume',
      direction: 'asc',
    }).map((s) => s.primary_volume),
  ).toEqual(['vol1', 'vol2', 'vol10']);
});

test('replica sets, crawls of the Active workers, checkpoint progress', () => {
  const workers = [
    makeWorker({ replica_set: 1, status: 'Active', crawl_status: 'Hybrid Crawl' }),
    makeWorker({ replica_set: 0, status: 'Passive', crawl_status: 'N/A' }),
    makeWorker({
      replica_set: 0,
      status: 'Active',
      crawl_status: 'Changelog Crawl',
      checkpoint: { time: 't', completed: true, completion_time: 'u' },
    }),
  ];
  expect(groupByReplicaSet(workers).map((s) => [s.index, s.workers.length, s.activeCount])).toEqual(
    [
      [0, 2, 1],
      [1, 1, 1],
    ],
  );
  const session = makeSession({
    workers,
    checkpoint: { time: 't', completed: false, completion_time: null },
  });
  expect(sessionCrawls(session)).toEqual(['Hybrid Crawl', 'Changelog Crawl']);
  // per replica set: set 0 reached it, set 1 (its Active worker has none) did not
  expect(checkpointProgress(session)).toMatchObject({ done: 1, total: 2, completed: false });
  expect(checkpointProgress(makeSession({ checkpoint: null }))).toBeNull();
});

test('default log path and deep links', () => {
  expect(defaultLogPath({ primary_volume: 'p', secondary_host: 'h', secondary_volume: 's' })).toBe(
    '/var/log/glusterfs/geo-replication/p_h_s/gsyncd.log',
  );
  expect(clusterFromLocation({ search: '?cluster=abc', hash: '' })).toBe('abc');
  expect(clusterFromLocation({ search: '', hash: '#cluster=x%20y' })).toBe('x y');
  expect(clusterFromLocation({ search: '', hash: '#/place?cluster=z' })).toBe('z');
  expect(clusterFromLocation({ search: '?other=1', hash: '' })).toBeNull();
  // WebAdmin's GWTP tokens: `/` in a value is escaped as \0; a bare (or %2F) `/` separates levels.
  expect(clusterFromLocation({ search: '', hash: '#gluster-georep;cluster=c\\01' })).toBe('c/1');
  expect(clusterFromLocation({ search: '', hash: '#gluster-georep;cluster=c%2F1' })).toBeNull();
  expect(clusterFromLocation({ search: '', hash: '#gluster-georep;session=s1;cluster=c1' })).toBe(
    'c1',
  );
  expect(clusterFromLocation({ search: '', hash: '#gluster-georep;notcluster=1' })).toBeNull();
  expect(clusterFromLocation({ search: '', hash: '#cluster=%E0%A4%A' })).toBeNull();
});

test('time helpers', () => {
  expect(relativeParts(-190)).toEqual([-3, 'minute']);
  expect(relativeParts(-5)).toEqual([-5, 'second']);
  expect(relativeParts(-90_000)).toEqual([-1, 'day']);
  const intl = createIntl({ locale: 'en-US' });
  expect(formatDuration(intl, 310)).toBe('5 minutes');
  expect(formatDuration(intl, 7200)).toBe('2 hours');
});
