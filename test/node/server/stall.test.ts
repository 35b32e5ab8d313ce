// StallWatch (server/stall.ts): readings in the background, shared, at most once per interval;
// a worker is Stalled only after two readings in a row of the same waiting change; workers that
// stop being watched start afresh; node names resolve only to engine hosts.
import type { NodeProbe, SessionEvidence } from '../../../server/gluster/probe';
import { engineNodeResolver, StallWatch } from '../../../server/stall';
import type { GeoRepSession, GeoRepWorker } from '../../../src/georep/types';

const NOW = 1_800_000_000;
const worker = (over: Partial<GeoRepWorker> = {}): GeoRepWorker => ({
  primary_node: 'n1',
  primary_node_uuid: null,
  primary_brick: '/b/1',
  replica_set: 0,
  secondary_user: 'root',
  secondary_node: 's1',
  status: 'Active',
  crawl_status: 'Changelog Crawl',
  last_synced: null,
  entry_pending: 0,
  data_pending: 0,
  meta_pending: 0,
  failures: 0,
  checkpoint: null,
  ...over,
});
const session = (workers: GeoRepWorker[]): GeoRepSession => ({
  id: 's-1',
  cluster_id: 'c',
  primary_volume: 'pv',
  secondary_host: 'remote',
  secondary_volume: 'sv',
  secondary_user: 'root',
  status: 'Active',
  workers,
  last_synced: null,
  lag_seconds: null,
  checkpoint: null,
  sync_point: { time: null, source: 'unknown', as_of: null },
  read_at: new Date(NOW * 1000).toISOString(),
});

class FakeProbe implements NodeProbe {
  calls: { node: string; bricks: readonly string[] }[] = [];
  answer: (brick: string) => Partial<SessionEvidence['bricks'][number]> = () => ({});
  now = NOW;
  changeInterval: number | null = 1;
  evidence(node: string, _key: unknown, bricks: readonly string[]): Promise<SessionEvidence> {
    this.calls.push({ node, bricks });
    return Promise.resolve({
      change_interval: this.changeInterval,
      bricks: bricks.map((brick) => ({
        brick,
        error: null,
        now: this.now,
        last_synced: NOW - 100,
        oldest_pending: null,
        pending: 0,
        processing: 0,
        ...this.answer(brick),
      })),
    });
  }
  rsyncVersion(): Promise<string | null> {
    return Promise.resolve(null);
  }
  workerLog(): never {
    throw new Error('not used');
  }
}

const vol = { name: 'pv', options: { 'changelog.rollover-time': '3' } } as never;
const resolve = (n: string) => Promise.resolve(n === 'n1' || n === 'n2' ? `addr-${n}` : null);

function setup() {
  let clock = 0;
  const probe = new FakeProbe();
  const watch = new StallWatch(probe, { intervalMs: 10_000, now: () => clock });
  const tick = (ms: number) => (clock += ms);
  return { probe, watch, tick };
}

it('reads each node once per session, with its bricks, at the engine address', async () => {
  const { probe, watch } = setup();
  const s = session([
    worker({ primary_brick: '/b/1' }),
    worker({ primary_brick: '/b/2' }),
    worker({ primary_node: 'n2', primary_brick: '/b/3' }),
    worker({ primary_node: 'n2', primary_brick: '/b/4', status: 'Passive', crawl_status: 'N/A' }),
    worker({ primary_node: 'n1', primary_brick: '/b/5', crawl_status: 'History Crawl' }),
  ]);
  await watch.refresh('c', [s], [vol], resolve);
  expect(probe.calls).toEqual([
    { node: 'addr-n1', bricks: ['/b/1', '/b/2'] },
    { node: 'addr-n2', bricks: ['/b/3'] },
  ]);
});

it('never reads a node that is not an engine host', async () => {
  const { probe, watch } = setup();
  await watch.refresh('c', [session([worker({ primary_node: 'stranger' })])], [vol], resolve);
  expect(probe.calls).toEqual([]);
});

it('reads in the background at most once per interval, whatever the number of viewers', async () => {
  const { probe, watch, tick } = setup();
  const s = session([worker()]);
  for (let i = 0; i < 50; i++) watch.annotate('c', [s], [vol], resolve);
  await new Promise((r) => setImmediate(r));
  expect(probe.calls).toHaveLength(1);
  tick(9_999);
  watch.annotate('c', [s], [vol], resolve);
  expect(probe.calls).toHaveLength(1);
  tick(1);
  watch.annotate('c', [s], [vol], resolve);
  await new Promise((r) => setImmediate(r));
  expect(probe.calls).toHaveLength(2);
});

it('calls a worker Stalled only at the second reading of the same waiting change', async () => {
  const { probe, watch } = setup();
  const s = session([worker()]);
  probe.answer = () => ({ oldest_pending: NOW - 30, pending: 2 });
  await watch.refresh('c', [s], [vol], resolve);
  expect(watch.mark(s).workers[0]!.stall ?? null).toBeNull();
  probe.now = NOW + 10;
  await watch.refresh('c', [s], [vol], resolve);
  const stall = watch.mark(s).workers[0]!.stall;
  expect(stall).toMatchObject({
    pending_changelogs: 2,
    pending_since: new Date((NOW - 30) * 1000).toISOString(),
    stalled_since: new Date(NOW * 1000).toISOString(),
    waited_seconds: 40,
  });
});

it('a change that moved on between readings is not a stall (a busy worker)', async () => {
  const { probe, watch } = setup();
  const s = session([worker()]);
  probe.answer = () => ({ oldest_pending: NOW - 30, pending: 2 });
  await watch.refresh('c', [s], [vol], resolve);
  probe.answer = () => ({ oldest_pending: NOW - 12, pending: 1 });
  await watch.refresh('c', [s], [vol], resolve);
  expect(watch.mark(s).workers[0]!.stall ?? null).toBeNull();
});

it('clears when the worker syncs, and when it stops being watched', async () => {
  const { probe, watch } = setup();
  const s = session([worker()]);
  probe.answer = () => ({ oldest_pending: NOW - 30, pending: 2 });
  await watch.refresh('c', [s], [vol], resolve);
  await watch.refresh('c', [s], [vol], resolve);
  expect(watch.mark(s).workers[0]!.stall).not.toBeNull();
  probe.answer = () => ({});
  await watch.refresh('c', [s], [vol], resolve);
  expect(watch.mark(s).workers[0]!.stall ?? null).toBeNull();

  probe.answer = () => ({ oldest_pending: NOW - 30, pending: 2 });
  await watch.refresh('c', [s], [vol], resolve);
  await watch.refresh('c', [s], [vol], resolve);
  const stopped = session([worker({ status: 'Stopped', crawl_status: 'N/A' })]);
  await watch.refresh('c', [stopped], [vol], resolve);
  expect(watch.stateOf('s-1', '/b/1')).toBeUndefined();
  // started again: a fresh start, two readings again
  await watch.refresh('c', [s], [vol], resolve);
  expect(watch.mark(s).workers[0]!.stall ?? null).toBeNull();
});

it('judges with the session threshold: rollover 15 s and change interval 5 s wait 40 s', async () => {
  const { probe, watch } = setup();
  const s = session([worker()]);
  const defaults = { name: 'pv', options: {} } as never;
  probe.changeInterval = null;
  probe.answer = () => ({ oldest_pending: NOW - 35, pending: 1 });
  await watch.refresh('c', [s], [defaults], resolve);
  expect(watch.stateOf('s-1', '/b/1')).toMatchObject({ verdict: 'lagging', thresholdSeconds: 40 });
  probe.changeInterval = 1;
  await watch.refresh('c', [s], [vol], resolve);
  expect(watch.stateOf('s-1', '/b/1')).toMatchObject({ verdict: 'stalled', thresholdSeconds: 10 });
});

describe('engine node resolver', () => {
  const hosts = [
    { name: 'gprod1', address: 'gprod1.example.com' },
    { name: 'lab1', address: '127.0.0.1' },
  ];
  const dns: Record<string, string[]> = {
    vm: ['127.0.0.1'],
    '127.0.0.1': ['127.0.0.1'],
    'gprod1.example.com': ['10.0.0.1'],
    elsewhere: ['10.9.9.9'],
  };
  const lookup = (n: string) => Promise.resolve(dns[n] ?? []);
  it('matches names and addresses, ignoring case and a trailing dot', async () => {
    const r = engineNodeResolver(hosts, lookup);
    expect(await r('GPROD1.example.com.')).toBe('gprod1.example.com');
    expect(await r('gprod1')).toBe('gprod1.example.com');
  });
  it('matches another name of the same address', async () => {
    expect(await engineNodeResolver(hosts, lookup)('vm')).toBe('127.0.0.1');
  });
  it('returns nothing for a machine the engine does not manage', async () => {
    expect(await engineNodeResolver(hosts, lookup)('elsewhere')).toBeNull();
    expect(await engineNodeResolver(hosts, lookup)('unresolvable')).toBeNull();
  });
});
