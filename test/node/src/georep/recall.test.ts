// The rules that need memory between reads (src/georep/recall.ts), driven as the service drives
// them: one buildSession per read, the recall of each read handed to the next.
import { CRASH_LOOP_WINDOW_MS, nextRecall, type SessionRecall } from '../../../../src/georep/recall';
import { buildSession, type VolumeLayout, type WorkerReport } from '../../../../src/georep/status';
import type { GeoRepSession, SessionKey, WorkerStatus } from '../../../../src/georep/types';

const KEY: SessionKey = {
  primary_volume: 'data',
  secondary_host: 'dr.example',
  secondary_volume: 'data-dr',
  secondary_user: 'root',
};

/** Two replica sets of two bricks: n1:/b1 n2:/b1 | n1:/b2 n2:/b2. */
const LAYOUT: VolumeLayout = {
  bricks: [
    { host: 'n1', path: '/b1' },
    { host: 'n2', path: '/b1' },
    { host: 'n1', path: '/b2' },
    { host: 'n2', path: '/b2' },
  ],
  subvolume_size: 2,
};

const T0 = Date.parse('2026-11-24T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

type Row = [WorkerStatus, string | null, { cp?: [number, boolean, number | null] }?];

/** Gluster's rows for the four bricks, as `status detail` prints them (N/A -> null when not Active). */
function rows(...r: Row[]): WorkerReport[] {
  return r.map(([status, last, extra], i) => {
    const active = status === 'Active';
    const cp = extra?.cp;
    return {
      primary_node: i % 2 === 0 ? 'n1' : 'n2',
      primary_node_uuid: null,
      primary_brick: i < 2 ? '/b1' : '/b2',
      secondary_user: 'root',
      secondary_node: active || status === 'Passive' ? 'dr.example' : null,
      status,
      crawl_status: active ? 'Changelog Crawl' : null,
      last_synced: active ? last : null,
      entry_pending: active ? 0 : null,
      data_pending: active ? 0 : null,
      meta_pending: active ? 0 : null,
      failures: active ? 0 : null,
      checkpoint_time: active && cp ? at(cp[0]) : null,
      checkpoint_completed: active && cp ? cp[1] : null,
      checkpoint_completion_time: active && cp && cp[2] !== null ? at(cp[2]) : null,
    };
  });
}

/** Reads in order, each built with the recall of the ones before (as StatusService does). */
function reads(...steps: [number, WorkerReport[]][]): GeoRepSession[] {
  let recall: SessionRecall | null = null;
  return steps.map(([t, workers]) => {
    const s = buildSession({
      key: KEY,
      cluster_id: 'c1',
      workers,
      layout: LAYOUT,
      read_at: at(t),
      recall,
    });
    recall = nextRecall(s.workers, recall, s.read_at);
    return s;
  });
}

describe('crash loop: a worker gsyncd keeps restarting is Faulty for as long as it loops', () => {
  // n1:/b1 crashes, n2:/b1 took over as Active; set 2 is healthy.
  const loop = (first: WorkerStatus, t: number): [number, WorkerReport[]] => [
    t,
    rows([first, null], ['Active', at(t - 5)], ['Active', at(t - 5)], ['Passive', null]),
  ];

  it('Faulty -> Initializing -> Faulty reads PartiallyFaulty throughout, not Active between tries', () => {
    const got = reads(loop('Faulty', 0), loop('Initializing', 12), loop('Faulty', 20));
    expect(got.map((s) => s.status)).toEqual([
      'PartiallyFaulty',
      'PartiallyFaulty',
      'PartiallyFaulty',
    ]);
    expect(got[1]!.workers[0]).toMatchObject({ status: 'Faulty', restarting: true });
    expect(got[2]!.workers[0]!.restarting).toBeUndefined();
  });

  it('ends when the worker comes up (Passive or Active)', () => {
    const got = reads(loop('Faulty', 0), loop('Initializing', 12), loop('Passive', 20));
    expect(got.map((s) => s.status)).toEqual(['PartiallyFaulty', 'PartiallyFaulty', 'Active']);
  });

  it('a worker starting after a stop is Initializing, not Faulty', () => {
    const got = reads(loop('Faulty', 0), loop('Stopped', 5), loop('Initializing', 12));
    expect(got[2]!.workers[0]).toMatchObject({ status: 'Initializing' });
  });

  it('the memory of a Faulty read lasts two turns of the monitor loop, no longer', () => {
    const late = CRASH_LOOP_WINDOW_MS / 1000 + 1;
    const got = reads(loop('Faulty', 0), loop('Initializing', late));
    expect(got[1]!.workers[0]).toMatchObject({ status: 'Initializing' });
    expect(got[1]!.status).toBe('Active'); // its set's Active worker replicates
  });

  it('a whole set crash-looping keeps the session Faulty', () => {
    const whole = (s: WorkerStatus, t: number): [number, WorkerReport[]] => [
      t,
      rows([s, null], [s, null], ['Active', at(t)], ['Passive', null]),
    ];
    const got = reads(whole('Faulty', 0), whole('Initializing', 11), whole('Faulty', 14));
    expect(got.map((s) => s.status)).toEqual(['Faulty', 'Faulty', 'Faulty']);
  });
});

describe('sync point: what is known of a session that is not syncing now', () => {
  const running = (synced: number) =>
    rows(['Active', at(synced)], ['Passive', null], ['Active', at(synced - 30)], ['Passive', null]);
  const stopped = rows(['Stopped', null], ['Stopped', null], ['Stopped', null], ['Stopped', null]);

  it('live while every set has an Active worker: the oldest over the sets', () => {
    const [s] = reads([100, running(90)]);
    expect(s!.sync_point).toEqual({ time: at(60), source: 'live', as_of: null });
    expect(s!.lag_seconds).toBe(40);
  });

  it('after a stop: the last point read while it synced, and when it was read', () => {
    const got = reads([100, running(90)], [200, stopped], [900, stopped]);
    expect(got[1]!.status).toBe('Stopped');
    expect(got[1]!.last_synced).toBeNull(); // Gluster prints N/A
    expect(got[1]!.sync_point).toEqual({ time: at(60), source: 'seen', as_of: at(100) });
    expect(got[2]!.sync_point).toEqual({ time: at(60), source: 'seen', as_of: at(100) });
    expect(got[2]!.workers[0]!.last_synced_seen).toEqual({ time: at(90), read_at: at(100) });
  });

  it('stopped and never seen syncing: unknown, never "not synced yet"', () => {
    const [s] = reads([0, stopped]);
    expect(s!.sync_point).toEqual({ time: null, source: 'unknown', as_of: null });
  });

  it('never started (Created): never', () => {
    const created = rows(
      ['Created', null],
      ['Created', null],
      ['Created', null],
      ['Created', null],
    );
    expect(reads([0, created])[0]!.sync_point.source).toBe('never');
  });

  it('an Active worker that has synced nothing yet: never', () => {
    const fresh = rows(['Active', null], ['Passive', null], ['Active', null], ['Passive', null]);
    expect(reads([0, fresh])[0]!.sync_point.source).toBe('never');
  });

  it("a Faulty set holds the session back at its last known point, not the healthy set's", () => {
    const faulty = rows(['Faulty', null], ['Faulty', null], ['Active', at(495)], ['Passive', null]);
    const got = reads([100, running(90)], [500, faulty]);
    expect(got[1]!.status).toBe('Faulty');
    expect(got[1]!.last_synced).toBe(at(495)); // what Gluster's Active workers say
    expect(got[1]!.sync_point).toEqual({ time: at(90), source: 'seen', as_of: at(100) });
  });

  it('the same for Passive workers: a set whose Active worker failed over keeps its point', () => {
    const failover = rows(
      ['Passive', null],
      ['Initializing', null],
      ['Active', at(150)],
      ['Passive', null],
    );
    const got = reads([100, running(90)], [160, failover]);
    expect(got[1]!.sync_point).toEqual({ time: at(90), source: 'seen', as_of: at(100) });
  });
});

describe('checkpoint: completed when every replica set reached it, once', () => {
  const cpDone = (t: number): [number, WorkerReport[]] => [
    t,
    rows(
      ['Active', at(t), { cp: [50, true, 60] }],
      ['Passive', null],
      ['Active', at(t), { cp: [50, true, 70] }],
      ['Passive', null],
    ),
  ];

  it('a set that is not syncing does not count as done', () => {
    const [s] = reads([
      100,
      rows(
        ['Active', at(90), { cp: [50, true, 60] }],
        ['Passive', null],
        ['Faulty', null],
        ['Faulty', null],
      ),
    ]);
    expect(s!.checkpoint).toMatchObject({
      time: at(50),
      completed: false,
      sets_done: 1,
      sets_total: 2,
    });
  });

  it('a Faulty episode and a failover do not take a completion back', () => {
    const episode = rows(
      ['Faulty', null],
      ['Faulty', null],
      ['Active', at(200)],
      ['Passive', null],
    );
    const failover = rows(
      ['Passive', null],
      ['Active', at(300), { cp: [50, false, null] }],
      ['Active', at(300), { cp: [50, true, 70] }],
      ['Passive', null],
    );
    const got = reads(cpDone(100), [200, episode], [300, failover]);
    for (const s of got) {
      expect(s.checkpoint).toMatchObject({
        time: at(50),
        completed: true,
        completion_time: at(70),
      });
    }
  });

  it('after a stop: the last checkpoint read, with when it was read', () => {
    const stopped = rows(
      ['Stopped', null],
      ['Stopped', null],
      ['Stopped', null],
      ['Stopped', null],
    );
    const got = reads(cpDone(100), [200, stopped]);
    expect(got[1]!.checkpoint).toEqual({
      time: at(50),
      completed: true,
      completion_time: at(70),
      sets_done: 2,
      sets_total: 2,
      as_of: at(100),
    });
    expect(reads([0, stopped])[0]!.checkpoint).toBeNull();
  });
});
