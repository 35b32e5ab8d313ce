// The Gluster simulator (class): a GlusterExec that interprets the `gluster` argv as Gluster 10.3 does and
// prints what it prints, over a world built from the demo lab (dev/lab.ts). It is the embedded
// backend of `npm start` and of deterministic end-to-end tests; the same parser and contract
// suite run against it and against real Gluster.
import type { Lab } from '../../lab';
import {
  GlusterTimeoutError,
  GlusterUnreachableError,
  type ExecOptions,
  type ExecResult,
  type GlusterExec,
} from '../../../server/gluster/exec';
import { runCli } from './cli';
import { World, type DirRec, type SessionRec } from './world';

/** Milliseconds since the epoch. Tests pass a manual clock; nothing moves unless it advances. */
export interface SimClock {
  now(): number;
}

export interface SimulatorOptions {
  lab: Lab;
  clock?: SimClock;
  /** Seeds UUIDs, pids, ports and demo workloads. Same seed + same clock readings = same output. */
  seed?: number;
  /** Added to every call (resolves after it); a call whose latency exceeds its timeout rejects. */
  latencyMs?: number;
  /**
   * Whether passwordless SSH as `user@host` works, asked at each check, so that another model of
   * SSH trust (the SSH simulator behind the Passwordless SSH dialog) decides; setPasswordlessSsh
   * still overrides it.
   */
  sshTrust?: (user: string, host: string) => boolean;
  /** Chance (0..1) that a worker comes up deaf each time it goes live (Gluster 10.3's race); 0. */
  deafChance?: number;
}

export interface SessionRef {
  primaryVolume: string;
  secondaryHost: string;
  secondaryVolume: string;
}

export const systemClock: SimClock = { now: () => Date.now() };

/** A clock tests move by hand. */
export class ManualClock implements SimClock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

export class GlusterSimulator implements GlusterExec {
  private readonly clock: SimClock;
  private latencyMs: number;
  private calls = 0;
  /** @internal The simulated world (tests and the demo builder reach in; the product never does). */
  readonly world: World;

  constructor(opts: SimulatorOptions) {
    this.clock = opts.clock ?? systemClock;
    this.latencyMs = opts.latencyMs ?? 0;
    this.world = new World({
      lab: opts.lab,
      seed: opts.seed ?? 1,
      startSeconds: Math.floor(this.clock.now() / 1000),
      sshTrust: opts.sshTrust,
      deafChance: opts.deafChance,
    });
  }

  async run(node: string, argv: readonly string[], opts: ExecOptions): Promise<ExecResult> {
    this.calls += 1;
    this.tick();
    const result = this.execute(node, argv);
    if (this.latencyMs > 0) {
      const wait = Math.max(0, Math.min(this.latencyMs, opts.timeoutMs));
      await new Promise((r) => setTimeout(r, wait));
      if (this.latencyMs > opts.timeoutMs) throw new GlusterTimeoutError(node, opts.timeoutMs);
    }
    if (result instanceof Error) throw result;
    return result;
  }

  private execute(node: string, argv: readonly string[]): ExecResult | Error {
    const h = this.world.host(node);
    if (!h) {
      return new GlusterUnreachableError(
        node,
        `ssh: Could not resolve hostname ${node}: Name or service not known`,
      );
    }
    if (!this.world.reachable(h)) {
      return new GlusterUnreachableError(
        node,
        `ssh: connect to host ${node} port ${h.sshPort}: No route to host`,
      );
    }
    if (!h.poolId)
      return { stdout: '', stderr: 'bash: line 1: gluster: command not found\n', code: 127 };
    return runCli(this.world, h, argv);
  }

  /** Advance time-driven behaviour to clock.now(). Called automatically on each run(). */
  tick(): void {
    this.world.advanceTo(Math.floor(this.clock.now() / 1000));
  }

  private session(ref: SessionRef): SessionRec {
    this.tick();
    const s = this.world.sessions.find(
      (x) =>
        x.pvol === ref.primaryVolume &&
        x.host === ref.secondaryHost &&
        x.svol === ref.secondaryVolume,
    );
    if (!s) {
      throw new Error(
        `No geo-replication session ${ref.primaryVolume} -> ${ref.secondaryHost}::${ref.secondaryVolume}`,
      );
    }
    return s;
  }

  /** Make the worker of `brick` (`host:/path`) crash (and keep crashing) or let it recover. */
  injectWorkerFault(sessionRef: SessionRef, brick: string, faulty: boolean): void {
    const s = this.session(sessionRef);
    if (!s.workers.has(brick)) throw new Error(`${brick} is not a brick of ${s.pvol}`);
    if (faulty) {
      s.faults.add(brick);
      this.world.applyFault(s, brick);
    } else s.faults.delete(brick);
  }

  /**
   * Make the live worker of `brick` (`host:/path`, or '*' for every Active one) deaf now, as if it had come up so (true), or
   * hear again (false). It stays so until its next restart, which rolls `deafChance` again.
   */
  setWorkerDeaf(sessionRef: SessionRef, brick: string, deaf: boolean): void {
    const s = this.session(sessionRef);
    // '*': every worker that is its replica set's Active one now
    const names =
      brick === '*' ? s.sets.map((x) => x.active).filter((b): b is string => !!b) : [brick];
    for (const name of names) {
      const w = s.workers.get(name);
      if (!w) throw new Error(`${name} is not a brick of ${s.pvol}`);
      w.deaf = deaf;
    }
  }

  /** The chance that a worker comes up deaf from now on (0..1). */
  setDeafChance(chance: number): void {
    this.world.deafChance = Math.min(1, Math.max(0, chance));
  }

  /** @internal The session record for a key (the sim probe reads it). */
  sessionRecord(
    primaryVolume: string,
    secondaryHost: string,
    secondaryVolume: string,
  ): SessionRec | undefined {
    this.tick();
    return this.world.sessions.find(
      (x) => x.pvol === primaryVolume && x.host === secondaryHost && x.svol === secondaryVolume,
    );
  }

  /** Take a brick process down (its row leaves geo-rep status) or bring it back. */
  setBrickOnline(volume: string, brick: string, online: boolean): void {
    this.tick();
    const b = this.world.volumes
      .filter((v) => v.name === volume)
      .flatMap((v) => v.bricks)
      .find((x) => x.name === brick);
    if (!b) throw new Error(`${brick} is not a brick of ${volume}`);
    b.online = online;
  }

  /** An unreachable node rejects run() with GlusterUnreachableError and its peers see it disconnected. */
  setNodeReachable(node: string, reachable: boolean): void {
    this.tick();
    const h = this.world.host(node);
    if (!h) throw new Error(`Unknown node ${node}`);
    h.reachableOverride = reachable;
  }

  /** Write `count` files of `bytes` bytes each through a client mount of `volume`: pending work for its sessions. */
  writeFiles(volume: string, count: number, bytes = 65536): void {
    this.tick();
    const v = this.world.volumes.find((x) => x.name === volume);
    if (!v) throw new Error(`Unknown volume ${volume}`);
    this.world.writeFiles(v.poolId, volume, count, bytes);
  }

  /** Write one file with `content` through a mount of `volume` (readSecondary returns it once synced). */
  writeFile(volume: string, relPath: string, content: string): void {
    this.tick();
    const v = this.world.volumes.find((x) => x.name === volume);
    if (!v) throw new Error(`Unknown volume ${volume}`);
    this.world.writeFile(v.poolId, volume, relPath, content);
  }

  /** A file as read through a mount of the secondary `host::volume`: null until a session synced it. */
  readSecondary(host: string, volume: string, relPath: string): string | null {
    this.tick();
    return this.world.readSecondary(host, volume, relPath);
  }

  /** Whether passwordless SSH works as `user@host` (default: it does for every existing account). */
  setPasswordlessSsh(host: string, user: string, works: boolean): void {
    this.world.sshTrust.set(`${user}@${host}`, works);
  }

  /** Every call takes this long from now on (benchmarks stand it in for the CLI's own cost). */
  setLatencyMs(ms: number): void {
    this.latencyMs = ms;
  }

  /** Let another model of SSH trust decide from now on (see SimulatorOptions.sshTrust). */
  setSshTrustOracle(oracle: ((user: string, host: string) => boolean) | undefined): void {
    this.world.sshOracle = oracle;
  }

  /**
   * What is at `path` on `host` (a lab address): a directory with `entries` files (and Gluster's
   * `.glusterfs` and volume-id attribute when it was a brick), a file, or nothing (null).
   */
  setDirectory(
    host: string,
    path: string,
    d: { entries?: number; volumeId?: string | null; glusterMeta?: boolean; file?: boolean } | null,
  ): void {
    this.world.setDir(
      host,
      path,
      d && {
        file: d.file,
        entries: d.entries ?? 0,
        glusterMeta: d.glusterMeta ?? !!d.volumeId,
        volumeId: d.volumeId ?? null,
      },
    );
  }

  /** The directory at `path` on `host`, as the simulated world has it (undefined: nothing there). */
  directory(host: string, path: string): Readonly<DirRec> | undefined {
    return this.world.dir(host, path);
  }

  /** Gluster invocations so far (benchmarks and coalescing tests use it). */
  callCount(): number {
    return this.calls;
  }
}
