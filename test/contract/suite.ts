// The geo-replication contract: what Gluster 10.3 does with a session, through a GlusterClient.
// Run unchanged against the real lab (real.test.ts) and against the simulator (sim.test.ts), so it
// asserts Gluster's behaviour (states, refusals and their messages, config, checkpoints, data that
// arrives), never how a backend is built. Every wait polls status and is bounded by a stated time.
import { createHash, randomBytes } from 'node:crypto';
import type { SessionKey } from '../../src/georep/types';
import {
  assignReplicaSets,
  layoutFromVolume,
  rollUpStatus,
  sessionCheckpoint,
} from '../../src/georep/status';
import { GeoRepValidationError } from '../../src/georep/validation';
import {
  GlusterCommandError,
  type GlusterClient,
  type ParsedSession,
} from '../../server/gluster/types';
import type { NodeProbe } from '../../server/gluster/probe';
import { buildSessions } from '../../server/domain';
import { recoverStalled } from '../../server/recover';
import { rolloverOf, StallWatch, type NodeResolver } from '../../server/stall';
import { stallThresholds } from '../../src/georep/stall';

export interface ContractEnv {
  client: GlusterClient;
  /** The Gluster node the client runs commands on. */
  node: string;
  primaryVolume: string;
  secondaryHost: string;
  secondaryVolume: string;
  /** The secondary's SSH port. */
  sshPort: number;
  /** Writes a file through a mount of the primary volume. */
  writeFile?(relPath: string, content: string): Promise<void>;
  /** Reads a file through a mount of the secondary volume; null when it is not there. */
  readSecondary?(relPath: string): Promise<string | null>;
  /**
   * The product's reading of gsyncd's files on the nodes (server/gluster/probe.ts): the barrier
   * uses the product's stall detection and Recover, as an operator would, instead of a blind
   * stop/start.
   */
  probe: NodeProbe;
  /** Gluster's node names to the addresses the probe reaches. */
  resolve: NodeResolver;
  teardown(): Promise<void>;
}

/** Bounds of every wait, in ms. Real Gluster 10.3 on 2 cores needs ~5-10 s to start, ~20 s for a stop/start. */
export const BOUNDS = {
  /** start/resume until every worker is Active or Passive and the Active ones are in Changelog Crawl */
  running: 120_000,
  /** pause/stop until every worker says so */
  settled: 30_000,
  /** checkpoint completion in live mode, unless the product flags a stall first */
  checkpointLive: 45_000,
  /**
   * From the change after the checkpoint to the product flagging a stalled worker, beyond the
   * session's own threshold (src/georep/stall.ts: 10 s on the lab, rollover 3 s and change
   * interval 1 s) and one rollover to record the change: two readings a poll apart and slack.
   */
  stallFlaggedSlack: 8_000,
  /** checkpoint completion after Recover (every restart replays the changelogs) */
  checkpointAfterRecover: 150_000,
  /** a file to be readable on the secondary once the checkpoint completed */
  arrival: 30_000,
  /** poll interval */
  poll: 1_000,
};

const IT = 300_000; // per-test jest timeout: generous, the bounds above are what fail first
const RUNNING: readonly string[] = ['Active', 'Passive'];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** CONTRACT_LOG=1 prints how each barrier completed (live or after Recover) and how long it took. */
const log = (msg: string) => {
  if (process.env.CONTRACT_LOG === '1') process.stderr.write(`[contract] ${msg}\n`);
};
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Polls `probe` until it returns a non-undefined value, or fails after `boundMs` saying what it saw last. */
async function waitFor<T>(
  what: string,
  boundMs: number,
  probe: () => Promise<T | undefined>,
  seen: () => string,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() - t0 >= boundMs)
      throw new Error(`${what}: not within ${boundMs / 1000} s; last seen: ${seen()}`);
    await sleep(BOUNDS.poll);
  }
}

function describeSession(s: ParsedSession | null): string {
  if (!s) return 'no session';
  return s.workers
    .map(
      (w) =>
        `${w.primary_node}:${w.primary_brick} ${w.status}/${w.crawl_status ?? '-'} cp=${w.checkpoint_time ?? '-'}:${w.checkpoint_completed ?? '-'}`,
    )
    .join('; ');
}

export function georepContractSuite(name: string, setup: () => Promise<ContractEnv>): void {
  describe(`geo-replication contract: ${name}`, () => {
    let env: ContractEnv;
    let key: SessionKey;
    let c: GlusterClient;
    let last: ParsedSession | null = null;
    const run = `contract-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const written = new Map<string, string>(); // relPath -> sha256 of what was written
    const replicating = () => Boolean(env.writeFile && env.readSecondary);

    async function session(): Promise<ParsedSession> {
      const s = await c.status(env.node, key);
      expect(s).toHaveLength(1);
      last = s[0]!;
      return last;
    }
    const rollUp = (s: ParsedSession) => rollUpStatus(assignReplicaSets(s.workers));

    async function waitRunning(what: string): Promise<ParsedSession> {
      return waitFor(
        `${what}: every worker Active or Passive, Active ones in Changelog Crawl`,
        BOUNDS.running,
        async () => {
          const s = await session();
          const ok =
            s.workers.length > 0 &&
            s.workers.every((w) => RUNNING.includes(w.status)) &&
            s.workers.some((w) => w.status === 'Active') &&
            s.workers
              .filter((w) => w.status === 'Active')
              .every((w) => w.crawl_status === 'Changelog Crawl');
          return ok ? s : undefined;
        },
        () => describeSession(last),
      );
    }

    async function waitAll(status: string): Promise<ParsedSession> {
      return waitFor(
        `every worker ${status}`,
        BOUNDS.settled,
        async () => {
          const s = await session();
          return s.workers.length > 0 && s.workers.every((w) => w.status === status)
            ? s
            : undefined;
        },
        () => describeSession(last),
      );
    }

    async function write(rel: string, bytes = 4096): Promise<void> {
      if (!env.writeFile) return;
      const content = `${rel}\n${randomBytes(bytes).toString('hex')}\n`;
      await env.writeFile(`${run}/${rel}`, content);
      written.set(rel, sha256(content));
    }

    /** The product's stall watch over this session, read every poll (no interval). */
    let watch: StallWatch | null = null;
    /** How each barrier completed, for the suite's account. */
    const barriers: { via: 'live' | 'recover'; flaggedAfterMs?: number; attempts?: number }[] = [];

    async function stalledNow(s: ParsedSession): Promise<boolean> {
      watch ??= new StallWatch(env.probe, { intervalMs: 0 });
      const vols = await c.volumeInfo(env.node, key.primary_volume);
      const [gs] = buildSessions('contract', [s], vols, new Date()).sessions;
      if (!gs) return false;
      await watch.refresh('contract', [gs], vols, env.resolve);
      return watch.mark(gs).workers.some((w) => !!w.stall);
    }

    /**
     * Everything written so far is on the secondary: `config checkpoint now`, one change after it
     * (in live mode a checkpoint completes only when a newer changelog is processed), then wait
     * for every Active worker to report that checkpoint completed. Gluster 10.3 sometimes leaves
     * a fresh worker in Changelog Crawl receiving no changelog events (a stall): the product's
     * stall watch must flag it within BOUNDS.stallFlagged of the change, and the product's
     * Recover must then make the checkpoint complete (BOUNDS.checkpointAfterRecover).
     */
    async function barrier(): Promise<{ time: string; via: 'live' | 'recover' }> {
      const t0 = Date.now();
      const before = Math.floor(Date.now() / 1000);
      await c.configSet(env.node, key, 'checkpoint', 'now');
      const cfg = await c.config(env.node, key);
      const epoch = Number(cfg['checkpoint']);
      expect(epoch).toBeGreaterThanOrEqual(before - 5);
      expect(epoch).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 5);
      const time = new Date(epoch * 1000).toISOString();
      let changedAt = Date.now();
      if (env.writeFile) {
        // wait for the clock to pass the checkpoint's second, then change something
        while (Date.now() < (epoch + 1) * 1000 + 50)
          await sleep(Math.min(200, (epoch + 1) * 1000 + 50 - Date.now()));
        await env.writeFile(`${run}/.tick`, new Date().toISOString());
        changedAt = Date.now();
      }
      const completed = async () => {
        const s = await session();
        const active = s.workers.filter((w) => w.status === 'Active');
        return active.length > 0 &&
          active.every((w) => w.checkpoint_time === time && w.checkpoint_completed === true)
          ? s
          : undefined;
      };
      // the most the product may take to flag a stall of this session (its threshold and rollover)
      const volsNow = await c.volumeInfo(env.node, key.primary_volume);
      const rollover = rolloverOf(volsNow.find((v) => v.name === key.primary_volume));
      const threshold = stallThresholds(rollover, Number(cfg['change_interval']) || undefined);
      const flagBound = (threshold.stallAfterSeconds + rollover) * 1000 + BOUNDS.stallFlaggedSlack;
      let flaggedAfterMs: number | null = null;
      await waitFor(
        'checkpoint completed live, or a stall flagged by the product',
        Math.max(BOUNDS.checkpointLive, flagBound + 5_000),
        async () => {
          if (await completed()) return true;
          if (last && (await stalledNow(last))) {
            flaggedAfterMs = Date.now() - changedAt;
            return true;
          }
          return undefined;
        },
        () => describeSession(last),
      );
      if (flaggedAfterMs === null) {
        log(
          `barrier: checkpoint ${time} completed live after ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        );
        barriers.push({ via: 'live' });
        return { time, via: 'live' };
      }
      log(
        `barrier: a stalled worker flagged ${(flaggedAfterMs / 1000).toFixed(1)} s after the change; Recover`,
      );
      expect(flaggedAfterMs).toBeLessThanOrEqual(flagBound);
      const vols = volsNow;
      const outcome = await recoverStalled(
        {
          gluster: c,
          probe: env.probe,
          node: env.node,
          readSession: async () => {
            const [parsed] = await c.status(env.node, key);
            return parsed
              ? (buildSessions('contract', [parsed], vols, new Date()).sessions[0] ?? null)
              : null;
          },
          resolve: env.resolve,
          rolloverSeconds: rolloverOf(vols.find((v) => v.name === key.primary_volume)),
          sleep,
          now: Date.now,
          pollMs: BOUNDS.poll,
        },
        key,
      );
      log(`barrier: Recover: ${outcome.detail}`);
      expect(outcome.recovered).toBe(true);
      watch = null;
      await waitFor(
        'checkpoint completed (after Recover)',
        BOUNDS.checkpointAfterRecover,
        completed,
        () => describeSession(last),
      );
      log(
        `barrier: checkpoint ${time} completed after Recover (${outcome.attempts} restart(s)), ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      barriers.push({ via: 'recover', flaggedAfterMs, attempts: outcome.attempts });
      return { time, via: 'recover' };
    }

    /** Every file written so far is on the secondary with the same sha256. */
    async function expectArrived(): Promise<void> {
      if (!replicating()) return;
      const missing = () =>
        [...written].filter(([, h]) => !h.startsWith('ok:')).map(([rel]) => rel);
      await waitFor(
        'files on the secondary with the same sha256',
        BOUNDS.arrival,
        async () => {
          for (const [rel, h] of written) {
            if (h.startsWith('ok:')) continue;
            const got = await env.readSecondary!(`${run}/${rel}`);
            if (got !== null && sha256(got) === h) written.set(rel, `ok:${h}`);
          }
          return missing().length === 0 ? true : undefined;
        },
        () => `missing or different: ${missing().join(', ')}`,
      );
    }

    async function forget(k: SessionKey): Promise<void> {
      try {
        await c.stop(env.node, k, { force: true });
      } catch {
        /* not there, or already stopped */
      }
      try {
        await c.delete(env.node, k, { reset_sync_time: true });
      } catch {
        /* not there */
      }
    }

    beforeAll(async () => {
      env = await setup();
      c = env.client;
      key = {
        primary_volume: env.primaryVolume,
        secondary_host: env.secondaryHost,
        secondary_volume: env.secondaryVolume,
        secondary_user: 'root',
      };
      await forget(key); // a session left by an interrupted run
    }, IT);

    afterAll(async () => {
      if (!env) return;
      try {
        await forget(key);
      } finally {
        await env.teardown();
      }
    }, IT);

    it(
      'a session that does not exist: not in the list, not found by name',
      async () => {
        const all = await c.status(env.node);
        expect(
          all.filter(
            (s) =>
              s.key.primary_volume === key.primary_volume &&
              s.key.secondary_volume === key.secondary_volume,
          ),
        ).toEqual([]);
        await expect(c.status(env.node, key)).rejects.toThrow(GlusterCommandError);
        await expect(c.status(env.node, key)).rejects.toThrow(/does not exist/);
      },
      IT,
    );

    it(
      'create refuses a secondary volume that does not exist',
      async () => {
        const bad = { ...key, secondary_volume: `${env.secondaryVolume}-no-such` };
        await expect(
          c.create(env.node, bad, { ssh_port: env.sshPort, push_pem: true, force: true }),
        ).rejects.toThrow(GlusterCommandError);
        await expect(c.status(env.node, bad)).rejects.toThrow(GlusterCommandError);
      },
      IT,
    );

    it(
      'arguments that are not valid never reach Gluster',
      async () => {
        await expect(
          c.create(env.node, { ...key, secondary_volume: 'x; rm -rf /' }, {}),
        ).rejects.toThrow(GeoRepValidationError);
        await expect(c.create(env.node, { ...key, secondary_host: '$(id)' }, {})).rejects.toThrow(
          GeoRepValidationError,
        );
        await expect(c.configSet(env.node, key, 'no-such-option', '1')).rejects.toThrow(
          GeoRepValidationError,
        );
        await expect(c.configSet(env.node, key, 'sync-jobs', '4\n5')).rejects.toThrow(
          GeoRepValidationError,
        );
      },
      IT,
    );

    it(
      'create (push-pem, ssh-port, force) makes a Created session',
      async () => {
        await c.create(env.node, key, { ssh_port: env.sshPort, push_pem: true, force: true });
        const s = await session();
        expect(s.key).toEqual(key);
        expect(s.workers.length).toBeGreaterThan(0);
        expect(s.workers.every((w) => w.status === 'Created')).toBe(true);
        expect(
          s.workers.every(
            (w) => w.crawl_status === null && w.last_synced === null && w.secondary_node === null,
          ),
        ).toBe(true);
        expect(rollUp(s)).toBe('Created');
        const cfg = await c.config(env.node, key);
        expect(cfg['ssh-port']).toBe(String(env.sshPort));
        const all = await c.status(env.node);
        expect(all.map((x) => x.key)).toContainEqual(key);
      },
      IT,
    );

    it(
      'create again without force is refused: the session exists',
      async () => {
        await expect(
          c.create(env.node, key, { ssh_port: env.sshPort, push_pem: true }),
        ).rejects.toThrow(GlusterCommandError);
      },
      IT,
    );

    it(
      'config before start: sync-method tarssh, change-interval 1',
      async () => {
        const before = await c.config(env.node, key);
        expect(before['sync-method']).toBe('rsync');
        expect(before['sync-jobs']).toBe('3');
        await c.configSet(env.node, key, 'sync-method', 'tarssh');
        await c.configSet(env.node, key, 'change-interval', '1');
        const cfg = await c.config(env.node, key);
        expect(cfg['sync-method']).toBe('tarssh');
        expect(cfg['change-interval']).toBe('1');
      },
      IT,
    );

    it(
      'Gluster refuses a reserved option',
      async () => {
        // the client's catalogue marks these read-only; Gluster itself refuses pid-file as "Reserved option"
        await expect(c.configSet(env.node, key, 'pid-file', '/tmp/x')).rejects.toThrow(
          GeoRepValidationError,
        );
      },
      IT,
    );

    it(
      'pause of a session that is not running is refused, and changes nothing',
      async () => {
        await expect(c.pause(env.node, key, {})).rejects.toThrow(/not running/);
        expect(rollUp(await session())).toBe('Created');
      },
      IT,
    );

    it(
      'start: Active/Passive workers in Changelog Crawl; start again is refused',
      async () => {
        await c.start(env.node, key, {});
        const s = await waitRunning('start');
        expect(['Active', 'Passive']).toContain(rollUp(s));
        await expect(c.start(env.node, key, {})).rejects.toThrow(/already started/);
      },
      IT,
    );

    it(
      'files written on the primary arrive on the secondary with the same sha256',
      async () => {
        if (!replicating()) return;
        await write('live/a.txt', 64);
        await write('live/nested/dir/b.bin', 256 * 1024);
        await write('live/c.txt', 1);
        await barrier();
        await expectArrived();
      },
      IT,
    );

    it(
      "pause: Paused; pause again is refused with Gluster's message",
      async () => {
        await c.pause(env.node, key, {});
        const s = await waitAll('Paused');
        expect(rollUp(s)).toBe('Paused');
        await expect(c.pause(env.node, key, {})).rejects.toThrow(/already Paused/);
        await write('paused/while-paused.txt', 2048);
      },
      IT,
    );

    it(
      'delete while paused is refused: the session is still active',
      async () => {
        await expect(c.delete(env.node, key, {})).rejects.toThrow(/still active/);
      },
      IT,
    );

    it(
      'resume: running again; resume again is refused; what was written while paused arrives',
      async () => {
        await c.resume(env.node, key, {});
        await waitRunning('resume');
        await expect(c.resume(env.node, key, {})).rejects.toThrow(/not Paused/);
        if (replicating()) {
          await barrier();
          await expectArrived();
        }
      },
      IT,
    );

    it(
      'config set and reset: sync-jobs, and a value that starts with "-"',
      async () => {
        await c.configSet(env.node, key, 'sync-jobs', '5');
        expect((await c.config(env.node, key))['sync-jobs']).toBe('5');
        await c.configReset(env.node, key, 'sync-jobs');
        expect((await c.config(env.node, key))['sync-jobs']).toBe('3');
        await c.configSet(env.node, key, 'rsync-options', '--bwlimit=100000');
        expect((await c.config(env.node, key))['rsync-options']).toBe('--bwlimit=100000');
        await c.configReset(env.node, key, 'rsync-options');
        expect((await c.config(env.node, key))['rsync-options']).toBe('');
        // resetting an option that is not set is fine
        await c.configReset(env.node, key, 'rsync-options');
        expect((await c.config(env.node, key))['sync-method']).toBe('tarssh');
        await waitRunning('after config changes (each restarts the workers)');
      },
      IT,
    );

    it(
      'checkpoint now: status shows it, then its completion',
      async () => {
        await write('checkpoint/before.txt', 512);
        const { time } = await barrier();
        const s = await session();
        // by replica set, as the service does: volume info gives the sets
        const vol = (await c.volumeInfo(env.node, key.primary_volume)).find(
          (v) => v.name === key.primary_volume,
        );
        const cp = sessionCheckpoint(
          assignReplicaSets(s.workers, vol ? layoutFromVolume(vol) : null),
        );
        expect(cp).not.toBeNull();
        expect(cp!.time).toBe(time);
        expect(cp!.completed).toBe(true);
        expect(Date.parse(cp!.completion_time!)).toBeGreaterThanOrEqual(Date.parse(time));
        await expectArrived();
      },
      IT,
    );

    it(
      'stop: Stopped; stop again succeeds (Gluster: nothing running)',
      async () => {
        await c.stop(env.node, key, {});
        const s = await waitAll('Stopped');
        expect(rollUp(s)).toBe('Stopped');
        expect(s.workers.every((w) => w.crawl_status === null)).toBe(true);
        await expect(c.stop(env.node, key, {})).resolves.toBeUndefined();
        expect(rollUp(await session())).toBe('Stopped');
        await write('stopped/while-stopped.bin', 32 * 1024);
      },
      IT,
    );

    it(
      'start after stop: what was written while stopped arrives',
      async () => {
        await c.start(env.node, key, {});
        await waitRunning('start after stop');
        if (replicating()) {
          await barrier();
          await expectArrived();
        }
      },
      IT,
    );

    it(
      'delete while running is refused',
      async () => {
        await expect(c.delete(env.node, key, {})).rejects.toThrow(/still active/);
        expect(RUNNING).toContain(rollUp(await session()));
      },
      IT,
    );

    it(
      'stop, delete: the session is gone; deleting again is a not-found',
      async () => {
        await c.stop(env.node, key, {});
        await waitAll('Stopped');
        await c.delete(env.node, key, { reset_sync_time: true });
        await expect(c.status(env.node, key)).rejects.toThrow(/does not exist/);
        const all = await c.status(env.node);
        expect(all.map((x) => x.key)).not.toContainEqual(key);
        await expect(c.delete(env.node, key, {})).rejects.toThrow(/does not exist/);
      },
      IT,
    );
  });
}
