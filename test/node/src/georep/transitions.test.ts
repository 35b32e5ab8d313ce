// The transition rule: once per transition, worse within an episode, recovery after a delay, lag
// with a threshold and a delay, checkpoints once, disappearance, and seeding from what was announced.
import { sessionId } from '../../../../src/georep/status';
import {
  customIdOf,
  TransitionDetector,
  type TransitionSettings,
} from '../../../../src/georep/transitions';
import type { GeoRepSession, GeoRepWorker, SessionStatus } from '../../../../src/georep/types';

const CL = 'cl-1';
const key = {
  primary_volume: 'data',
  secondary_host: 'dr1.example',
  secondary_volume: 'data-dr',
  secondary_user: 'root',
};
const settings: TransitionSettings = {
  lagThresholdSeconds: 600,
  lagDelaySeconds: 300,
  recoverySeconds: 60,
  checkpointLookbackSeconds: 3600,
};
const T0 = Date.parse('2026-05-01T10:00:00Z');
const at = (s: number) => T0 + s * 1000;

function worker(status: GeoRepWorker['status'], over: Partial<GeoRepWorker> = {}): GeoRepWorker {
  return {
    primary_node: 'g1',
    primary_node_uuid: null,
    primary_brick: '/b1',
    replica_set: 0,
    secondary_user: 'root',
    secondary_node: null,
    status,
    crawl_status: 'Changelog Crawl',
    last_synced: null,
    entry_pending: 0,
    data_pending: 0,
    meta_pending: 0,
    failures: 0,
    checkpoint: null,
    ...over,
  };
}

function session(status: SessionStatus, over: Partial<GeoRepSession> = {}): GeoRepSession {
  return {
    id: sessionId(key),
    cluster_id: CL,
    ...key,
    status,
    workers: [worker(status === 'Faulty' ? 'Faulty' : 'Active')],
    last_synced: null,
    sync_point: { time: null, source: 'live', as_of: null },
    lag_seconds: 5,
    checkpoint: null,
    read_at: new Date(T0).toISOString(),
    ...over,
  };
}

const kinds = (d: TransitionDetector, s: GeoRepSession[], t: number) =>
  d.observe(CL, s, t).map((x) => `${x.kind}:${x.severity}`);

describe('health', () => {
  it('announces Faulty once, not again while Gluster retries the worker', () => {
    const d = new TransitionDetector(settings);
    expect(kinds(d, [session('Active')], at(0))).toEqual([]);
    expect(kinds(d, [session('Faulty')], at(5))).toEqual(['faulty:error']);
    expect(kinds(d, [session('Faulty')], at(10))).toEqual([]);
    expect(kinds(d, [session('Initializing')], at(15))).toEqual([]);
    expect(kinds(d, [session('Faulty')], at(20))).toEqual([]);
  });

  it('speaks again within an episode only when it gets worse', () => {
    const d = new TransitionDetector(settings);
    expect(kinds(d, [session('PartiallyFaulty')], at(0))).toEqual(['partly_faulty:warning']);
    expect(kinds(d, [session('Faulty')], at(5))).toEqual(['faulty:error']);
    expect(kinds(d, [session('PartiallyFaulty')], at(10))).toEqual([]);
  });

  it('says recovered once the session stayed healthy for the recovery delay', () => {
    const d = new TransitionDetector(settings);
    d.observe(CL, [session('Faulty')], at(0));
    expect(kinds(d, [session('Active')], at(10))).toEqual([]);
    expect(kinds(d, [session('Active')], at(40))).toEqual([]);
    // a relapse restarts the clock
    expect(kinds(d, [session('Initializing')], at(50))).toEqual([]);
    expect(kinds(d, [session('Active')], at(60))).toEqual([]);
    expect(kinds(d, [session('Active')], at(119))).toEqual([]);
    expect(kinds(d, [session('Active')], at(120))).toEqual(['recovered:normal']);
    expect(kinds(d, [session('Active')], at(200))).toEqual([]);
  });

  it('a stalled worker (its stall evidence set) makes the session Stalled, an error', () => {
    const d = new TransitionDetector(settings);
    const stalled = session('Active', {
      workers: [
        worker('Active', {
          stall: {
            pending_since: '2026-05-01T09:58:00.000Z',
            pending_changelogs: 3,
            last_synced: '2026-05-01T09:57:59.000Z',
            stalled_since: '2026-05-01T09:59:00.000Z',
            waited_seconds: 120,
          },
        }),
      ],
    });
    const t = d.observe(CL, [stalled], at(0));
    expect(t.map((x) => x.kind)).toEqual(['stalled']);
    expect(t[0]!.severity).toBe('error');
    expect(t[0]!.bricks).toEqual(['g1:/b1']);
    expect(kinds(d, [session('Stalled')], at(5))).toEqual([]);
    expect(kinds(d, [session('Faulty')], at(10))).toEqual(['faulty:error']);
  });

  it('a session stopped or paused neither starts nor ends an episode', () => {
    const d = new TransitionDetector(settings);
    expect(kinds(d, [session('Stopped')], at(0))).toEqual([]);
    d.observe(CL, [session('Faulty')], at(5));
    expect(kinds(d, [session('Paused')], at(100))).toEqual([]);
    expect(kinds(d, [session('Active')], at(200))).toEqual([]);
    expect(kinds(d, [session('Active')], at(260))).toEqual(['recovered:normal']);
  });
});

describe('lag', () => {
  it('warns after the lag stayed above the threshold for the delay, and says when it caught up', () => {
    const d = new TransitionDetector(settings);
    expect(kinds(d, [session('Active', { lag_seconds: 700 })], at(0))).toEqual([]);
    expect(kinds(d, [session('Active', { lag_seconds: 800 })], at(200))).toEqual([]);
    expect(kinds(d, [session('Active', { lag_seconds: 1000 })], at(300))).toEqual([
      'lag_high:warning',
    ]);
    expect(kinds(d, [session('Active', { lag_seconds: 1300 })], at(600))).toEqual([]);
    expect(kinds(d, [session('Active', { lag_seconds: 30 })], at(700))).toEqual(['lag_ok:normal']);
  });

  it('a dip under the threshold restarts the delay', () => {
    const d = new TransitionDetector(settings);
    d.observe(CL, [session('Active', { lag_seconds: 700 })], at(0));
    d.observe(CL, [session('Active', { lag_seconds: 100 })], at(200));
    expect(kinds(d, [session('Active', { lag_seconds: 700 })], at(300))).toEqual([]);
  });

  it('a lag of threshold + delay is announced at once (it was above the threshold all along)', () => {
    const d = new TransitionDetector(settings);
    expect(kinds(d, [session('Active', { lag_seconds: 900 })], at(0))).toEqual([
      'lag_high:warning',
    ]);
  });

  it('an unknown lag (no Active worker) changes nothing', () => {
    const d = new TransitionDetector(settings);
    d.observe(CL, [session('Active', { lag_seconds: 2000 })], at(0));
    expect(kinds(d, [session('Paused', { lag_seconds: null })], at(10))).toEqual([]);
  });

  it('a stopped session’s sync point, as last seen, ages by itself: not a lag to announce', () => {
    const d = new TransitionDetector(settings);
    const stopped = session('Stopped', {
      lag_seconds: 5000,
      sync_point: { time: '2026-05-01T08:00:00Z', source: 'seen', as_of: '2026-05-01T08:00:00Z' },
    });
    expect(kinds(d, [stopped], at(0))).toEqual([]);
  });
});

describe('checkpoints', () => {
  const cp = (completed: boolean, completion: string | null) => ({
    time: '2026-05-01T09:59:00.000Z',
    completed,
    completion_time: completion,
  });

  it('a checkpoint seen open and then completed is announced once', () => {
    const d = new TransitionDetector(settings);
    expect(kinds(d, [session('Active', { checkpoint: cp(false, null) })], at(0))).toEqual([]);
    const done = session('Active', { checkpoint: cp(true, '2026-05-01T10:01:00.000Z') });
    const t = d.observe(CL, [done], at(60));
    expect(t.map((x) => x.kind)).toEqual(['checkpoint_completed']);
    expect(t[0]!.checkpoint_time).toBe('2026-05-01T09:59:00.000Z');
    expect(kinds(d, [done], at(70))).toEqual([]);
  });

  it('a completion older than the lookback, never seen open, is not news', () => {
    const d = new TransitionDetector(settings);
    const old = session('Active', { checkpoint: cp(true, '2026-04-30T10:00:00.000Z') });
    expect(kinds(d, [old], at(0))).toEqual([]);
    const recent = session('Active', { checkpoint: cp(true, '2026-05-01T09:59:30.000Z') });
    expect(kinds(new TransitionDetector(settings), [recent], at(0))).toEqual([
      'checkpoint_completed:normal',
    ]);
  });
});

describe('presence', () => {
  it('a session that is no longer listed has disappeared; one a user deleted has not', () => {
    const d = new TransitionDetector(settings);
    d.observe(CL, [session('Active')], at(0));
    expect(kinds(d, [], at(5))).toEqual(['disappeared:warning']);
    expect(kinds(d, [], at(10))).toEqual([]);

    const e = new TransitionDetector(settings);
    e.observe(CL, [session('Active')], at(0));
    e.expectGone(CL, key);
    expect(kinds(e, [], at(5))).toEqual([]);
  });
});

describe('seeded from what was announced (a restart)', () => {
  it('the same reads give the same custom ids in a new detector', () => {
    const a = new TransitionDetector(settings).observe(CL, [session('Faulty')], at(0));
    const b = new TransitionDetector(settings).observe(CL, [session('Faulty')], at(99));
    expect(a[0]!.custom_id).toBe(b[0]!.custom_id);
    expect(a[0]!.custom_id).toBe(customIdOf(a[0]!.dedup_key));
    expect(a[0]!.custom_id).toBeGreaterThanOrEqual(2 ** 30 + 2 ** 29);
    expect(a[0]!.custom_id).toBeLessThan(2 ** 31);
  });

  it('a Faulty already announced is not announced again; its recovery chains from it', () => {
    const first = new TransitionDetector(settings);
    const [faulty] = first.observe(CL, [session('Faulty')], at(0));
    const d = new TransitionDetector(settings);
    d.seed(CL, key, sessionId(key), { health: { state: 'faulty', custom_id: faulty!.custom_id } });
    expect(kinds(d, [session('Faulty')], at(10))).toEqual([]);
    d.observe(CL, [session('Active')], at(20));
    const [rec] = d.observe(CL, [session('Active')], at(80));
    expect(rec!.kind).toBe('recovered');
    expect(rec!.dedup_key).toContain(String(faulty!.custom_id));
  });

  it('a session announced gone and created again continues its chain', () => {
    const d = new TransitionDetector(settings);
    const [f1] = d.observe(CL, [session('Faulty')], at(0));
    d.observe(CL, [], at(5));
    const [f2] = d.observe(CL, [session('Faulty')], at(10));
    expect(f2!.kind).toBe('faulty');
    expect(f2!.custom_id).not.toBe(f1!.custom_id);
  });

  it('a checkpoint announced before the restart is not announced again', () => {
    const d = new TransitionDetector(settings);
    d.seed(CL, key, sessionId(key), { checkpoints: ['2026-05-01T09:59:00.000Z'] });
    const done = session('Active', {
      checkpoint: {
        time: '2026-05-01T09:59:00.000Z',
        completed: true,
        completion_time: '2026-05-01T09:59:30.000Z',
      },
    });
    expect(kinds(d, [done], at(0))).toEqual([]);
  });

  it('a session known only from its events and gone now has disappeared', () => {
    const d = new TransitionDetector(settings);
    d.seed(CL, key, sessionId(key), { health: { state: 'ok', custom_id: 5 } });
    expect(kinds(d, [], at(0))).toEqual(['disappeared:warning']);
  });
});
