// The simulated Gluster world: trusted pools built from the lab, volumes with their bricks,
// geo-replication sessions with one gsyncd worker per primary brick, and the time-driven
// behaviour of those workers (Initializing -> Hybrid/History Crawl -> Changelog Crawl, one Active
// per replica set, pending counters draining, stime and checkpoints advancing, Faulty and
// recovery). Time moves in whole simulated seconds, so the same clock readings always give the
// same state, however often the state is looked at.
import type { Lab, VolumeType } from '../../lab';
import { defaultConfig } from './config';
import { intFor, uuidFor } from './ids';

/** Timings in simulated seconds. */
export const TIMING = {
  /** A (re)started worker shows "Initializing..." this long before it is Active or Passive. */
  init: 5,
  /** A Faulty worker is restarted by its monitor after this long. */
  faultyRetry: 10,
  /** A restarted worker that still fails shows "Initializing..." this long, then Faulty again. */
  retryInit: 3,
  /** Shortest History Crawl after a worker becomes Active. */
  historyMin: 2,
};

/** Sync capacity of one Active worker, per simulated second. */
const RATE = { entries: 100, data: 50, meta: 100, bytes: 4 * 1024 ** 3 };

export type CrawlKind = 'Hybrid Crawl' | 'History Crawl' | 'Changelog Crawl';
export type SessionState = 'Created' | 'Started' | 'Paused' | 'Stopped';

export interface HostRec {
  address: string;
  name: string;
  uuid: string;
  /** Pool (trusted storage pool) id; null for a machine without Gluster. */
  poolId: string | null;
  labStatus: string;
  glusterVersion: string | null;
  remote: boolean;
  /** User accounts on the machine (lab hosts: root only). */
  users: string[];
  sshPort: number;
  reachableOverride: boolean | null;
  /** `rsync --version` on the machine (the sim probe answers it; default 3.2.7). */
  rsyncVersion?: string;
}

export interface PoolRec {
  id: string;
  /** Host addresses in probe order. */
  hosts: string[];
  /** `system:: execute gsec_create` has run (common_secret.pem.pub exists). */
  gsec: boolean;
  /** `cluster.enable-shared-storage` (volume set all): gluster_shared_storage mounted on every node. */
  sharedStorage?: boolean;
}

export interface BrickRec {
  host: string;
  path: string;
  /** `host:/path`, as gluster prints it. */
  name: string;
  online: boolean;
  pid: number;
  port: number;
}

export interface VolRec {
  name: string;
  uuid: string;
  poolId: string;
  type: VolumeType;
  /** Bricks per replica set (disperse: per disperse set); 1 for distribute. */
  setSize: number;
  bricks: BrickRec[];
  started: boolean;
  /** Created by `volume create` and never started: Gluster says `Created` (status 0), not Stopped. */
  neverStarted?: boolean;
  sizeBytes: number;
  usedBytes: number;
  rootEntries: number;
  /** Volume options in the order they were set (oldest first). */
  options: [string, string][];
}

/**
 * A directory (or file) on a host, as far as bricks care: what is in it, and the volume-id
 * attribute a brick carries (kept after its volume is deleted, as Gluster keeps it).
 */
export interface DirRec {
  file?: boolean;
  /** Entries besides Gluster's own `.glusterfs`. */
  entries: number;
  /** Gluster's `.glusterfs` directory is there (written by volume create). */
  glusterMeta: boolean;
  /** trusted.glusterfs.volume-id, as 32 hex digits; null when not set. */
  volumeId: string | null;
}

/** Directories that exist on every simulated host (anything else exists once created). */
export const BASE_DIRECTORIES = [
  '/',
  '/data',
  '/export',
  '/gluster_bricks',
  '/home',
  '/mnt',
  '/opt',
  '/root',
  '/srv',
  '/tmp',
  '/var',
  '/var/lib',
];

/** The file system every simulated directory is on (size, free), unless a test says otherwise. */
export const SIM_FILESYSTEM = { sizeBytes: 2048 * 1024 ** 3, freeBytes: 1536 * 1024 ** 3 };

export interface Batch {
  /** Changelog time (sim seconds) of the writes: stime moves here once synced. */
  t: number;
  availableAt: number;
  entries: number;
  data: number;
  meta: number;
  bytes: number;
  cost: number;
  done: number;
  initial: boolean;
  /** Set once the batch is on the secondary. */
  synced?: boolean;
}

/** A file written with content (writeFile), so a test can read it back from the secondary. */
export interface FileRec {
  content: string;
  t: number;
  /** The batch carrying it, per session (by session seq). */
  batches: Map<number, Batch>;
}

export interface SetRec {
  bricks: string[];
  /** Sync time: everything written before it is on the secondary (seconds, 0 = never). */
  stime: number;
  queue: Batch[];
  active: string | null;
  /** Data that existed before the first start, synced by a Hybrid Crawl. */
  initialPending: { entries: number; data: number; bytes: number } | null;
  checkpointDone: { checkpoint: number; at: number } | null;
}

export interface WorkerRec {
  brick: string;
  phase: 'down' | 'init' | 'running' | 'faulty';
  timer: number;
  crawl: CrawlKind;
  crawlSince: number;
  historyUntil: number;
  /**
   * Came up deaf (Gluster 10.3's live-sync race, shared/reference/gluster-local.md): Active in
   * Changelog Crawl, healthy by every field the CLI prints, but changes written after it went live
   * are never picked up (nothing pending shows). A restart replays them and rolls again.
   */
  deaf: boolean;
}

export interface SessionRec {
  pvol: string;
  poolId: string;
  user: string;
  host: string;
  svol: string;
  svolUuid: string;
  /** uuid of the node the session was created on (first part of session_secondary). */
  originUuid: string;
  state: SessionState;
  config: Map<string, string>;
  /** Gluster 10.3's defaults for this session (what `config '!opt'` restores). */
  defaults: ReadonlyMap<string, string>;
  sets: SetRec[];
  workers: Map<string, WorkerRec>;
  faults: Set<string>;
  /** gsyncd.log of the session as the primary nodes would have it (bounded; sim probe reads it). */
  log: SimLogEntry[];
  seq: number;
}

export interface SimLogEntry {
  t: number;
  level: 'I' | 'W' | 'E';
  /** Where, as gsyncd writes it: `monitor(monitor)` or `primary(worker /brick)`. */
  where: string;
  text: string;
}

const LOG_LIMIT = 500;

export interface Workload {
  volume: string;
  poolId: string;
  everySeconds: number;
  minFiles: number;
  maxFiles: number;
  bytesPerFile: number;
}

export interface WorldOptions {
  /** Chance (0..1) that a worker comes up deaf when it goes live; default 0. */
  deafChance?: number;
  /** See SimulatorOptions.sshTrust. */
  sshTrust?: (user: string, host: string) => boolean;
  lab: Lab;
  seed: number;
  startSeconds: number;
}

const GIB = 1024 ** 3;

function defaultOptions(type: VolumeType): [string, string][] {
  if (type === 'replicate' || type === 'distributed_replicate') {
    return [
      ['performance.client-io-threads', 'off'],
      ['nfs.disable', 'on'],
      ['transport.address-family', 'inet'],
      ['storage.fips-mode-rchecksum', 'on'],
      ['cluster.granular-entry-heal', 'on'],
    ];
  }
  return [
    ['nfs.disable', 'on'],
    ['transport.address-family', 'inet'],
    ['storage.fips-mode-rchecksum', 'on'],
  ];
}

export class World {
  readonly seed: number;
  /** Current simulated time, whole seconds since the epoch. */
  t: number;
  readonly hosts = new Map<string, HostRec>();
  readonly pools = new Map<string, PoolRec>();
  readonly volumes: VolRec[] = [];
  readonly sessions: SessionRec[] = [];
  /** stime kept on the bricks after a session is deleted without reset-sync-time. */
  readonly stimeStore = new Map<string, number[]>();
  /** Passwordless SSH from the primary pools to `user@host`: explicit overrides (default: works). */
  readonly sshTrust = new Map<string, boolean>();
  readonly workloads: Workload[] = [];
  /** Files written with content, by `<primary volume uuid>:<path>`. */
  readonly files = new Map<string, FileRec>();
  /** Directories on hosts, by `<host address>\n<path>` (see dir()). */
  readonly dirs = new Map<string, DirRec>();
  /** Volumes created with `volume create` so far (their ids differ even for the same name). */
  private created = 0;
  private seq = 0;
  private writeSeq = 0;

  sshOracle?: (user: string, host: string) => boolean;
  /**
   * For a non-root secondary user: glusterd on `host` has loaded a mountbroker entry for `user`
   * and `volume` (set up, added, restarted), and set_geo_rep_pem_keys.sh put the session's keys in
   * the user's authorized_keys. Set by the simulated secondary root (sim/mountbroker.ts); unset,
   * every non-root user counts as prepared (as before the preparation was modelled).
   */
  mountbrokerOracle?: (
    host: string,
    user: string,
    volume: string,
  ) => { mounts: boolean; keys: boolean };
  /** Chance (0..1) a worker comes up deaf when it goes live (WorldOptions.deafChance). */
  deafChance: number;

  constructor(opts: WorldOptions) {
    this.sshOracle = opts.sshTrust;
    this.deafChance = opts.deafChance ?? 0;
    this.seed = opts.seed;
    this.t = opts.startSeconds;
    const lab = opts.lab;
    const glusterClusters = new Set(lab.clusters.filter((c) => c.gluster_service).map((c) => c.id));
    for (const h of lab.hosts) {
      const inPool = glusterClusters.has(h.cluster_id) && !!h.gluster_version;
      this.hosts.set(h.address, {
        address: h.address,
        name: h.name,
        uuid: uuidFor(this.seed, `host:${h.address}`),
        poolId: inPool ? h.cluster_id : null,
        labStatus: h.status,
        glusterVersion: h.gluster_version || null,
        remote: false,
        users: ['root'],
        sshPort: h.ssh_port,
        reachableOverride: null,
      });
      if (inPool) {
        const pool = this.pools.get(h.cluster_id) ?? { id: h.cluster_id, hosts: [], gsec: false };
        pool.hosts.push(h.address);
        this.pools.set(h.cluster_id, pool);
      }
    }
    const byId = new Map(lab.hosts.map((h) => [h.id, h.address]));
    for (const v of lab.volumes) {
      if (!this.pools.has(v.cluster_id)) continue;
      this.addVolume({
        name: v.name,
        poolId: v.cluster_id,
        type: v.type,
        setSize: v.type === 'distribute' ? 1 : Math.max(1, v.replica_count),
        bricks: v.bricks.map((b) => ({ host: byId.get(b.host_id) ?? b.host_id, path: b.dir })),
        started: v.status === 'up',
        sizeBytes: v.size_bytes,
        usedBytes: v.used_bytes,
        rootEntries: v.root_entries,
      });
    }
    for (const r of lab.remote_hosts) {
      const poolId = r.gluster_version ? `remote:${r.address}` : null;
      this.hosts.set(r.address, {
        address: r.address,
        name: r.address.split('.')[0] ?? r.address,
        uuid: uuidFor(this.seed, `host:${r.address}`),
        poolId,
        labStatus: 'up',
        glusterVersion: r.gluster_version,
        remote: true,
        users: r.users.map((u) => u.name),
        sshPort: r.ssh_port,
        reachableOverride: null,
      });
      if (!poolId) continue;
      this.pools.set(poolId, { id: poolId, hosts: [r.address], gsec: false });
      for (const v of r.volumes ?? []) {
        this.addVolume({
          name: v.name,
          poolId,
          type: 'distribute',
          setSize: 1,
          bricks: [{ host: r.address, path: v.brick_dir ?? `/gluster_bricks/${v.name}/brick1` }],
          started: v.status === 'up',
          sizeBytes: v.size_bytes,
          usedBytes: v.used_bytes,
          rootEntries: v.root_entries,
        });
      }
    }
  }

  addVolume(v: {
    name: string;
    poolId: string;
    type: VolumeType;
    setSize: number;
    bricks: { host: string; path: string }[];
    started: boolean;
    sizeBytes: number;
    usedBytes: number;
    rootEntries: number;
  }): void {
    this.volumes.push({
      name: v.name,
      uuid: uuidFor(this.seed, `volume:${v.poolId}:${v.name}`),
      poolId: v.poolId,
      type: v.type,
      setSize: v.setSize,
      bricks: v.bricks.map((b) => {
        const name = `${b.host}:${b.path}`;
        return {
          host: b.host,
          path: b.path,
          name,
          online: true,
          pid: intFor(this.seed, `pid:${name}`, 1200, 32000),
          port: intFor(this.seed, `port:${name}`, 49152, 60999),
        };
      }),
      started: v.started,
      sizeBytes: v.sizeBytes,
      usedBytes: v.usedBytes,
      rootEntries: v.rootEntries,
      options: defaultOptions(v.type),
    });
    const rec = this.volumes[this.volumes.length - 1]!;
    for (const b of rec.bricks) {
      this.dirs.set(dirKey(b.host, b.path), {
        entries: v.rootEntries,
        glusterMeta: true,
        volumeId: rec.uuid.replace(/-/g, ''),
      });
    }
  }

  /** A new volume, as `volume create` makes it (never started, its own id). */
  createVolume(v: {
    name: string;
    poolId: string;
    bricks: { host: string; path: string }[];
    sizeBytes: number;
    rootEntries: number;
  }): VolRec {
    this.created += 1;
    this.addVolume({ ...v, type: 'distribute', setSize: 1, started: false, usedBytes: 0 });
    const rec = this.volumes[this.volumes.length - 1]!;
    rec.uuid = uuidFor(this.seed, `volume:${v.poolId}:${v.name}:created-${this.created}`);
    rec.neverStarted = true;
    for (const b of rec.bricks)
      this.dirs.get(dirKey(b.host, b.path))!.volumeId = rec.uuid.replace(/-/g, '');
    return rec;
  }

  /** `volume delete`: the definition goes; the bricks' directories stay as they are. */
  deleteVolume(v: VolRec): void {
    this.volumes.splice(this.volumes.indexOf(v), 1);
  }

  // ---------------------------------------------------------------- directories

  /** The directory (or file) at `path` on `host` (an address), if any; ancestors of known ones exist. */
  dir(host: string, path: string): DirRec | undefined {
    const d = this.dirs.get(dirKey(host, path));
    if (d) return d;
    const prefix = path === '/' ? '/' : `${path}/`;
    const known =
      BASE_DIRECTORIES.includes(path) ||
      [...this.dirs.keys()].some((k) => k.startsWith(`${host}\n${prefix}`));
    return known ? { entries: 1, glusterMeta: false, volumeId: null } : undefined;
  }

  /** Make `path` a directory (and its parents); returns the record. */
  makeDir(host: string, path: string): DirRec {
    const k = dirKey(host, path);
    let d = this.dirs.get(k);
    if (!d) this.dirs.set(k, (d = { entries: 0, glusterMeta: false, volumeId: null }));
    return d;
  }

  /** Test control: what is at `path` on `host` (null: nothing). */
  setDir(host: string, path: string, d: DirRec | null): void {
    if (d) this.dirs.set(dirKey(host, path), d);
    else this.dirs.delete(dirKey(host, path));
  }

  // ---------------------------------------------------------------- lookups

  /** The lab host a node argument names (address, or short host name). */
  host(node: string): HostRec | undefined {
    const h = this.hosts.get(node);
    if (h) return h;
    for (const x of this.hosts.values()) if (x.name === node && !x.remote) return x;
    return undefined;
  }

  reachable(h: HostRec): boolean {
    if (h.reachableOverride !== null) return h.reachableOverride;
    return h.labStatus === 'up';
  }

  /** glusterd on the host runs and answers (reachable and a Gluster node). */
  glusterUp(address: string): boolean {
    const h = this.hosts.get(address);
    return !!h && !!h.poolId && this.reachable(h);
  }

  volume(poolId: string, name: string): VolRec | undefined {
    return this.volumes.find((v) => v.poolId === poolId && v.name === name);
  }

  volumesOf(poolId: string): VolRec[] {
    return this.volumes.filter((v) => v.poolId === poolId).sort((a, b) => cmp(a.name, b.name));
  }

  /** Bricks of a volume grouped into replica (or disperse) sets, in brick order. */
  subvolumes(v: VolRec): BrickRec[][] {
    const out: BrickRec[][] = [];
    for (let i = 0; i < v.bricks.length; i += v.setSize) out.push(v.bricks.slice(i, i + v.setSize));
    return out;
  }

  brickOnline(v: VolRec, b: BrickRec): boolean {
    return v.started && b.online && this.glusterUp(b.host);
  }

  setOption(v: VolRec, key: string, value: string): void {
    const o = v.options.find(([k]) => k === key);
    if (o) o[1] = value;
    else v.options.push([key, value]);
  }

  sessionsOf(poolId: string, pvol?: string): SessionRec[] {
    return this.sessions
      .filter((s) => s.poolId === poolId && (pvol === undefined || s.pvol === pvol))
      .sort((a, b) => cmp(a.pvol, b.pvol) || a.seq - b.seq);
  }

  findSession(
    poolId: string,
    pvol: string,
    host: string,
    svol: string,
    user?: string,
  ): SessionRec | undefined {
    return this.sessions.find(
      (s) =>
        s.poolId === poolId &&
        s.pvol === pvol &&
        s.host === host &&
        s.svol === svol &&
        (user === undefined || s.user === user),
    );
  }

  sshTrusted(user: string, host: string): boolean {
    return this.sshTrust.get(`${user}@${host}`) ?? this.sshOracle?.(user, host) ?? true;
  }

  // ---------------------------------------------------------------- sessions

  createSession(args: {
    poolId: string;
    pvol: VolRec;
    user: string;
    host: string;
    svol: string;
    svolUuid: string;
    originUuid: string;
  }): SessionRec {
    const v = args.pvol;
    const subs = this.subvolumes(v);
    const isDisperse = v.type === 'disperse';
    const config = defaultConfig({
      primaryVolume: v.name,
      secondaryHost: args.host,
      secondaryVolume: args.svol,
      primaryVolumeId: v.uuid,
      secondaryVolumeId: args.svolUuid,
      primaryReplicaCount: isDisperse ? 1 : v.setSize,
      primaryDisperseCount: isDisperse ? v.setSize : 1,
      primaryDistributionCount: subs.length,
    });
    const kept = this.stimeStore.get(`${v.uuid}:${args.svolUuid}`);
    const perSetFiles = (n: number): number => Math.ceil(n / Math.max(1, subs.length));
    const s: SessionRec = {
      pvol: v.name,
      poolId: args.poolId,
      user: args.user,
      host: args.host,
      svol: args.svol,
      svolUuid: args.svolUuid,
      originUuid: args.originUuid,
      state: 'Created',
      config: new Map(config),
      defaults: config,
      sets: subs.map((bricks, i) => {
        const stime = kept?.[i] ?? 0;
        const hasData = v.usedBytes > 0 || v.rootEntries > 0;
        return {
          bricks: bricks.map((b) => b.name),
          stime,
          queue: [],
          active: null,
          initialPending:
            stime === 0 && hasData
              ? {
                  entries: perSetFiles(Math.max(1, v.rootEntries) * 25),
                  data: perSetFiles(Math.max(1, v.rootEntries) * 20),
                  bytes: Math.ceil(v.usedBytes / Math.max(1, subs.length)),
                }
              : null,
          checkpointDone: null,
        };
      }),
      workers: new Map(
        v.bricks.map((b) => [
          b.name,
          {
            brick: b.name,
            phase: 'down',
            timer: 0,
            crawl: 'Changelog Crawl',
            crawlSince: 0,
            historyUntil: 0,
            deaf: false,
          },
        ]),
      ),
      faults: new Set(),
      log: [],
      seq: ++this.seq,
    };
    this.sessions.push(s);
    return s;
  }

  deleteSession(s: SessionRec, resetSyncTime: boolean): void {
    const v = this.volume(s.poolId, s.pvol);
    if (v) {
      const key = `${v.uuid}:${s.svolUuid}`;
      if (resetSyncTime) this.stimeStore.delete(key);
      else
        this.stimeStore.set(
          key,
          s.sets.map((x) => x.stime),
        );
    }
    this.sessions.splice(this.sessions.indexOf(s), 1);
  }

  /** Monitor (re)start: every worker on an online brick starts Initializing. */
  startWorkers(s: SessionRec): void {
    const v = this.volume(s.poolId, s.pvol);
    s.state = 'Started';
    for (const set of s.sets) set.active = null;
    for (const w of s.workers.values()) {
      const b = v?.bricks.find((x) => x.name === w.brick);
      const online = !!v && !!b && this.brickOnline(v, b);
      w.phase = online ? 'init' : 'down';
      w.timer = TIMING.init;
    }
  }

  stopWorkers(s: SessionRec, state: 'Stopped' | 'Created'): void {
    s.state = state;
    for (const set of s.sets) set.active = null;
    for (const w of s.workers.values()) w.phase = 'down';
  }

  /** Appends a gsyncd.log entry to the session's log (bounded). */
  log(s: SessionRec, level: SimLogEntry['level'], where: string, text: string): void {
    s.log.push({ t: this.t, level, where, text });
    if (s.log.length > LOG_LIMIT) s.log.splice(0, s.log.length - LOG_LIMIT);
  }

  /** What gsyncd logs when a worker of this session fails now, in gsyncd's own words. */
  private logFailure(s: SessionRec, brickName: string): void {
    const path = brickName.slice(brickName.indexOf(':') + 1);
    const where = `syncdutils(worker ${path})`;
    const h = this.hosts.get(s.host);
    const port = s.config.get('ssh_port') ?? '22';
    if (s.faults.has(brickName)) {
      this.log(s, 'E', where, 'connection to peer is broken');
      this.log(
        s,
        'E',
        where,
        'FAIL: \nTraceback (most recent call last):\n  File "/usr/libexec/glusterfs/python/syncdaemon/syncdutils.py", line 393, in twrap\n    tf(*aargs)\nOSError: [Errno 5] Input/output error',
      );
      return;
    }
    if (!h || !h.poolId || !this.reachable(h) || String(h.sshPort) !== port) {
      this.log(
        s,
        'E',
        where,
        `Popen: command returned error [{cmd=ssh -oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/secret.pem -p ${port} ${s.host} /nonexistent/gsyncd secondary ${s.pvol} ${s.host}::${s.svol}}, {error=255}]`,
      );
      this.log(
        s,
        'E',
        where,
        `Popen: ssh> ssh: connect to host ${s.host} port ${port}: Connection refused`,
      );
      return;
    }
    if (!h.users.includes(s.user) || !this.sshTrusted(s.user, s.host)) {
      this.log(
        s,
        'E',
        where,
        `Popen: ssh> ${s.user}@${s.host}: Permission denied (publickey,password).`,
      );
      return;
    }
    this.log(
      s,
      'E',
      where,
      `GLUSTER: Mount failed: Transport endpoint is not connected (volume ${s.svol} on ${s.host})`,
    );
  }

  /** A worker whose fault is injected crashes at once; recovery is time-driven. */
  applyFault(s: SessionRec, brick: string): void {
    const w = s.workers.get(brick);
    if (!w || s.state !== 'Started') return;
    if (w.phase === 'running' || w.phase === 'init') this.makeFaulty(s, w);
  }

  private makeFaulty(s: SessionRec, w: WorkerRec): void {
    this.logFailure(s, w.brick);
    this.log(
      s,
      'I',
      'gsyncdstatus(monitor)',
      'GeorepStatus: Worker Status Change [{status=Faulty}]',
    );
    w.phase = 'faulty';
    w.timer = TIMING.faultyRetry;
    for (const set of s.sets) if (set.active === w.brick) set.active = null;
  }

  checkpointOf(s: SessionRec): number {
    return Number(s.config.get('checkpoint') ?? '0') || 0;
  }

  changeInterval(s: SessionRec): number {
    const n = Number(s.config.get('change_interval') ?? '5');
    return Number.isFinite(n) && n > 0 ? n : 5;
  }

  /** The secondary answers: its host reachable over SSH and its volume mountable. */
  secondaryHealthy(s: SessionRec): boolean {
    const h = this.hosts.get(s.host);
    if (!h || !h.poolId || !this.reachable(h)) return false;
    if (!h.users.includes(s.user) || !this.sshTrusted(s.user, s.host)) return false;
    if (s.user !== 'root' && this.mountbrokerOracle) {
      const mb = this.mountbrokerOracle(s.host, s.user, s.svol);
      if (!mb.mounts || !mb.keys) return false;
    }
    if (String(h.sshPort) !== (s.config.get('ssh_port') ?? '22')) return false;
    const sv = this.volume(h.poolId, s.svol);
    return !!sv && sv.started && sv.bricks.some((b) => this.brickOnline(sv, b));
  }

  // ---------------------------------------------------------------- writes

  /** Files written to a volume through a client mount: pending work for its sessions. */
  writeFiles(poolId: string, volName: string, count: number, bytesPerFile: number): void {
    const v = this.volume(poolId, volName);
    if (!v || count <= 0) return;
    v.usedBytes += count * bytesPerFile;
    v.rootEntries += count;
    const subs = this.subvolumes(v);
    const base = Math.floor(count / subs.length);
    const extra = count % subs.length;
    const first = this.writeSeq++ % subs.length;
    for (const s of this.sessions) {
      if (s.poolId !== poolId || s.pvol !== volName) continue;
      s.sets.forEach((_set, i) => {
        const n = base + ((i - first + subs.length) % subs.length < extra ? 1 : 0);
        if (n > 0) this.enqueue(s, i, n, bytesPerFile);
      });
    }
  }

  /** One file with content; DHT places it on a replica set by its name. */
  writeFile(poolId: string, volName: string, path: string, content: string): void {
    const v = this.volume(poolId, volName);
    if (!v) return;
    const bytes = Buffer.byteLength(content);
    v.usedBytes += bytes;
    v.rootEntries += 1;
    const i = intFor(this.seed, `dht:${path}`, 0, this.subvolumes(v).length - 1);
    const rec: FileRec = { content, t: this.t, batches: new Map() };
    for (const s of this.sessions) {
      if (s.poolId === poolId && s.pvol === volName)
        rec.batches.set(s.seq, this.enqueue(s, i, 1, bytes));
    }
    this.files.set(`${v.uuid}:${path}`, rec);
  }

  /** A file on the secondary volume (`host` names its pool): there once a session synced it. */
  readSecondary(host: string, svol: string, path: string): string | null {
    const h = this.hosts.get(host);
    if (!h?.poolId) return null;
    const target = this.volume(h.poolId, svol);
    if (!target) return null;
    for (const s of this.sessions) {
      if (s.svolUuid !== target.uuid) continue;
      const v = this.volume(s.poolId, s.pvol);
      const f = v && this.files.get(`${v.uuid}:${path}`);
      if (!f) continue;
      const b = f.batches.get(s.seq);
      if (b ? b.synced : s.sets.every((x) => x.stime >= f.t && !x.initialPending)) return f.content;
    }
    return null;
  }

  private enqueue(s: SessionRec, setIndex: number, files: number, bytesPerFile: number): Batch {
    const data = bytesPerFile > 0 ? files : 0;
    const bytes = files * bytesPerFile;
    const b: Batch = {
      t: this.t,
      availableAt: this.t + this.changeInterval(s),
      entries: files,
      data,
      meta: 0,
      bytes,
      cost: files / RATE.entries + data / RATE.data + bytes / RATE.bytes,
      done: 0,
      initial: false,
    };
    s.sets[setIndex]!.queue.push(b);
    return b;
  }

  // ---------------------------------------------------------------- time

  /** Advance to `target` (whole seconds), one simulated second at a time. */
  advanceTo(target: number): void {
    const MAX_STEPS = 200_000;
    if (target - this.t > MAX_STEPS) this.t = target - MAX_STEPS;
    while (this.t < target) {
      this.t += 1;
      this.step();
    }
  }

  private step(): void {
    const now = this.t;
    for (const w of this.workloads) {
      if (now % w.everySeconds !== 0) continue;
      const files = intFor(this.seed, `workload:${w.volume}:${now}`, w.minFiles, w.maxFiles);
      this.writeFiles(w.poolId, w.volume, files, w.bytesPerFile);
    }
    for (const s of this.sessions) if (s.state === 'Started') this.stepSession(s, now);
  }

  private stepSession(s: SessionRec, now: number): void {
    const v = this.volume(s.poolId, s.pvol);
    if (!v) return;
    const secondaryOk = this.secondaryHealthy(s);
    for (const b of v.bricks) {
      const w = s.workers.get(b.name);
      if (!w) continue;
      const online = this.brickOnline(v, b);
      if (!online) {
        if (w.phase !== 'down') {
          w.phase = 'down';
          for (const set of s.sets) if (set.active === w.brick) set.active = null;
        }
        continue;
      }
      const failing = s.faults.has(b.name) || !secondaryOk;
      switch (w.phase) {
        case 'down':
          w.phase = 'init';
          w.timer = TIMING.init - 1;
          this.log(
            s,
            'I',
            'monitor(monitor)',
            `Monitor: starting gsyncd worker [{brick=${b.path}}, {secondary_node=${s.host}}]`,
          );
          break;
        case 'init':
          w.timer -= 1;
          if (w.timer <= 0) {
            if (failing) this.makeFaulty(s, w);
            else w.phase = 'running';
          }
          break;
        case 'running':
          if (failing) this.makeFaulty(s, w);
          break;
        case 'faulty':
          w.timer -= 1;
          if (w.timer <= 0) {
            w.phase = 'init';
            w.timer = failing ? TIMING.retryInit : TIMING.init;
          }
          break;
      }
    }
    const checkpoint = this.checkpointOf(s);
    const xsync = s.config.get('change_detector') === 'xsync';
    for (const set of s.sets) {
      if (set.active && s.workers.get(set.active)?.phase !== 'running') set.active = null;
      if (!set.active) {
        const next = set.bricks.find((b) => s.workers.get(b)?.phase === 'running');
        if (next) {
          const w = s.workers.get(next)!;
          set.active = next;
          w.crawlSince = now;
          w.historyUntil = now;
          w.deaf =
            this.deafChance > 0 &&
            intFor(this.seed, `deaf:${s.seq}:${next}:${now}`, 0, 9_999) <
              Math.round(this.deafChance * 10_000);
          if (set.initialPending) {
            const p = set.initialPending;
            set.queue.unshift({
              t: now,
              availableAt: now,
              entries: p.entries,
              data: p.data,
              meta: 0,
              bytes: p.bytes,
              cost: p.entries / RATE.entries + p.data / RATE.data + p.bytes / RATE.bytes,
              done: 0,
              initial: true,
            });
            set.initialPending = null;
          }
          w.crawl = xsync || set.queue.some((q) => q.initial) ? 'Hybrid Crawl' : 'History Crawl';
        }
      }
      if (!set.active) continue;
      const w = s.workers.get(set.active)!;
      let capacity = 1;
      while (capacity > 1e-9) {
        const b = set.queue.find((q) => q.availableAt <= now && !deafTo(w, q));
        if (!b) break;
        const use = Math.min(capacity, b.cost - b.done);
        b.done += use;
        capacity -= use;
        if (b.done >= b.cost - 1e-9) {
          b.synced = true;
          set.queue.splice(set.queue.indexOf(b), 1);
          set.stime = Math.max(set.stime, b.t);
        }
      }
      if (w.crawl === 'Hybrid Crawl' && !xsync && !set.queue.some((q) => q.initial)) {
        w.crawl = 'Changelog Crawl';
      } else if (
        w.crawl === 'History Crawl' &&
        now - w.crawlSince >= TIMING.historyMin &&
        !set.queue.some((q) => q.t < w.historyUntil)
      ) {
        w.crawl = 'Changelog Crawl';
      }
      if (
        checkpoint > 0 &&
        set.stime >= checkpoint &&
        set.checkpointDone?.checkpoint !== checkpoint
      ) {
        set.checkpointDone = { checkpoint, at: now };
      }
    }
  }

  /** Pending counts the Active worker of a set reports (what it has picked up, not yet synced). */
  pending(
    set: SetRec,
    now: number,
    active?: WorkerRec,
  ): { entry: number; data: number; meta: number } {
    let entry = 0;
    let data = 0;
    let meta = 0;
    for (const b of set.queue) {
      if (b.availableAt > now || (active && deafTo(active, b))) continue;
      const left = b.cost > 0 ? 1 - b.done / b.cost : 0;
      entry += Math.ceil(b.entries * left);
      data += Math.ceil(b.data * left);
      meta += Math.ceil(b.meta * left);
    }
    return { entry, data, meta };
  }
}

/** A deaf worker never hears of a change written after it went live. */
export function deafTo(w: WorkerRec, b: Batch): boolean {
  return w.deaf && !b.initial && b.t >= w.historyUntil;
}

export function dirKey(host: string, path: string): string {
  return `${host}\n${path}`;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const GiB = GIB;
