// runSync's start of a session (server/dr/sync.ts) against scripted Gluster answers: a session
// never started waits for the secondary to accept gsyncd's key (server/pushPem.ts), and a session
// whose monitor died at once (still Created after the start) fails the sync with the reason
// instead of waiting out the whole bound (seen on the real lab: the monitor's ssh refused).
import type { DrEngineClient } from '../../../../server/dr/engine';
import { runSync, type SyncDeps } from '../../../../server/dr/sync';
import type { GlusterClient } from '../../../../server/gluster/types';
import type { GeoRepSession, SessionKey } from '../../../../src/georep/types';

const KEY: SessionKey = {
  primary_volume: 'data',
  secondary_user: 'root',
  secondary_host: 'gdr1.lab.example',
  secondary_volume: 'data-dr',
};

function deps(opts: {
  statuses: string[];
  keyAnswers?: (boolean | null)[];
  /** The checkpoint Gluster's status shows, and the config's `checkpoint` (epoch seconds). */
  checkpoint?: { time: string; completed: boolean; config: string };
}): {
  deps: SyncDeps;
  calls: string[];
} {
  const calls: string[] = [];
  let t = Date.UTC(2026, 11, 7, 10, 0, 0);
  let read = 0;
  let k = 0;
  const engine = {
    runningVmsOn: () => Promise.resolve([]),
  } as unknown as DrEngineClient;
  const gluster = {
    start: (n: string) => {
      calls.push(`start on ${n}`);
      return Promise.resolve();
    },
    stop: () => {
      calls.push('stop');
      return Promise.resolve();
    },
    config: () =>
      opts.checkpoint
        ? Promise.resolve({ checkpoint: opts.checkpoint.config })
        : Promise.reject(new Error('no config')),
    configSet: (_n: string, _k: SessionKey, name: string, value: string) => {
      calls.push(`config ${name} ${value}`);
      return Promise.resolve();
    },
  } as unknown as GlusterClient;
  const session = (status: string): GeoRepSession =>
    ({
      ...KEY,
      status,
      checkpoint: opts.checkpoint
        ? {
            time: opts.checkpoint.time,
            completed: opts.checkpoint.completed,
            completion_time: opts.checkpoint.completed ? opts.checkpoint.time : null,
            as_of: null,
          }
        : null,
    }) as unknown as GeoRepSession;
  const d: SyncDeps = {
    engine,
    token: 't',
    gluster,
    onPrimary: (fn) => fn('gprod1.lab.example'),
    readSession: () =>
      Promise.resolve(
        session(opts.statuses[Math.min(read++, opts.statuses.length - 1)] ?? 'Created'),
      ),
    sleep: (ms) => {
      t += ms;
      return Promise.resolve();
    },
    now: () => t,
    pollMs: 5_000,
    createdWithinMs: 60_000,
  };
  if (opts.keyAnswers) {
    const answers = opts.keyAnswers;
    d.keyAccepted = (n) => {
      calls.push(`key asked from ${n}`);
      return Promise.resolve({
        accepted: answers[Math.min(k++, answers.length - 1)]!,
        waitedMs: 30_000,
      });
    };
  }
  return { deps: d, calls };
}

const REQ = {
  storage_domain: { id: 'sd', name: 'data' },
  key: KEY,
  after: 'stop' as const,
  max_wait_minutes: 30,
};

it('a session never started: the key is asked for from the node that starts it, then it starts', async () => {
  // first read: Created (before the start); then Created again until the bound: a dead monitor
  const { deps: d, calls } = deps({ statuses: ['Created'], keyAnswers: [true] });
  const out = await runSync(d, REQ);
  expect(calls.slice(0, 2)).toEqual([
    'key asked from gprod1.lab.example',
    'start on gprod1.lab.example',
  ]);
  // still Created 60 s after the start: failed with the reason, long before the 30 min bound
  expect(out.ok).toBe(false);
  expect(out.detail).toMatch(/still Created 60 s later: its monitor did not come up/);
});

it('a key still refused: not started, and the sync says why', async () => {
  const { deps: d, calls } = deps({ statuses: ['Created'], keyAnswers: [false] });
  const out = await runSync(d, REQ);
  expect(calls).toEqual(['key asked from gprod1.lab.example']);
  expect(out.ok).toBe(false);
  expect(out.detail).toMatch(/still refuses the session's SSH key/);
  expect(out.detail).not.toMatch(/left running/);
});

it('a stopped session starts without asking for the key, and Created for a moment is waited on', async () => {
  const { deps: d, calls } = deps({
    statuses: ['Stopped', 'Created', 'Initializing', 'Faulty'],
    keyAnswers: [false],
  });
  const out = await runSync(d, REQ);
  expect(calls[0]).toBe('start on gprod1.lab.example');
  expect(calls).not.toContain('key asked from gprod1.lab.example');
  // it went on past the Created read, to the Faulty one
  expect(out.detail).toMatch(/turned Faulty/);
});

it("the checkpoint is recognised by Gluster's own time for it, whatever this service's clock says", async () => {
  // this service's clock is 90 s ahead of the Gluster node's (the real lab test moves it so)
  const glusterSetAt = Date.UTC(2026, 11, 7, 9, 58, 30);
  const { deps: d } = deps({
    statuses: ['Stopped', 'Active'],
    checkpoint: {
      time: new Date(glusterSetAt).toISOString(),
      completed: true,
      config: String(glusterSetAt / 1000),
    },
  });
  const out = await runSync(d, REQ);
  expect([out.ok, out.detail]).toEqual([true, expect.stringMatching(/^Synced/)]);
  expect(out.checkpoint_time).toBe(new Date(glusterSetAt).toISOString());
});

it('without the config, an older checkpoint than the service clock is not taken for this one', async () => {
  const older = Date.UTC(2026, 11, 7, 9, 0, 0);
  const { deps: d } = deps({
    statuses: ['Stopped', 'Active'],
    checkpoint: { time: new Date(older).toISOString(), completed: true, config: 'not a number' },
  });
  const out = await runSync({ ...d, createdWithinMs: 60_000 }, { ...REQ, max_wait_minutes: 1 });
  expect(out.ok).toBe(false);
  expect(out.detail).toMatch(/did not complete within 1 min/);
});

it('an idle volume: the checkpoint Gluster never completes is reached by the bricks’ evidence', async () => {
  const glusterSetAt = Date.UTC(2026, 11, 7, 9, 58, 30);
  const { deps: d } = deps({
    statuses: ['Stopped', 'Active'],
    checkpoint: {
      time: new Date(glusterSetAt).toISOString(),
      completed: false,
      config: String(glusterSetAt / 1000),
    },
  });
  const asked: number[] = [];
  d.idlePast = (_s, setAt) => {
    asked.push(setAt);
    return Promise.resolve(asked.length >= 2);
  };
  const out = await runSync(d, REQ);
  expect([out.ok, out.checkpoint_time]).toEqual([true, new Date(glusterSetAt).toISOString()]);
  // asked with Gluster's time of the checkpoint, until it said so
  expect(asked).toEqual([glusterSetAt, glusterSetAt]);
});
