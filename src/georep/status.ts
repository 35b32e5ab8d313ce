// From Gluster's per-brick worker rows to a session as the UI shows it: replica sets, the roll-up
// status, how far the secondary is known to be in sync, the session checkpoint, and a stable id.
// Pure functions shared by the service and the UI. No Node-only imports.
import type {
  CrawlStatus,
  GeoRepCheckpoint,
  GeoRepSession,
  GeoRepWorker,
  SessionKey,
  SessionStatus,
  WorkerStatus,
} from './types';
import { validateSessionKey } from './validation';

/** One worker row as the CLI parser reports it (the same shape as the service's ParsedWorker). */
export interface WorkerReport {
  primary_node: string;
  primary_node_uuid: string | null;
  primary_brick: string;
  secondary_user: string;
  secondary_node: string | null;
  status: WorkerStatus;
  crawl_status: CrawlStatus | null;
  last_synced: string | null;
  entry_pending: number | null;
  data_pending: number | null;
  meta_pending: number | null;
  failures: number | null;
  checkpoint_time: string | null;
  checkpoint_completed: boolean | null;
  checkpoint_completion_time: string | null;
}

/** The primary volume's bricks, in `volume info` order, and how many make one replica set. */
export interface VolumeLayout {
  bricks: { host: string; path: string; host_uuid?: string | null }[];
  /** Bricks per replica set (subvolume): the replica count, the disperse count, or 1 for plain distribute. */
  subvolume_size: number;
}

/** The layout of a volume as `volume info` describes it (replica sets, or disperse sets, or single bricks). */
export function layoutFromVolume(volume: {
  bricks: { host: string; path: string; host_uuid?: string | null }[];
  replica_count: number;
  disperse_count?: number;
}): VolumeLayout {
  let size = 1;
  if (volume.replica_count > 1) size = volume.replica_count;
  else if ((volume.disperse_count ?? 0) > 1) size = volume.disperse_count!;
  return { bricks: volume.bricks, subvolume_size: size };
}

function toWorker(r: WorkerReport, replica_set: number): GeoRepWorker {
  return {
    primary_node: r.primary_node,
    primary_node_uuid: r.primary_node_uuid,
    primary_brick: r.primary_brick,
    replica_set,
    secondary_user: r.secondary_user,
    secondary_node: r.secondary_node,
    status: r.status,
    crawl_status: r.crawl_status,
    last_synced: r.last_synced,
    entry_pending: r.entry_pending,
    data_pending: r.data_pending,
    meta_pending: r.meta_pending,
    failures: r.failures,
    checkpoint:
      r.checkpoint_time === null
        ? null
        : {
            time: r.checkpoint_time,
            completed: r.checkpoint_completed === true,
            completion_time: r.checkpoint_completed === true ? r.checkpoint_completion_time : null,
          },
  };
}

function sameBrick(r: WorkerReport, b: VolumeLayout['bricks'][number]): boolean {
  if (r.primary_brick !== b.path) return false;
  if (r.primary_node_uuid && b.host_uuid) return r.primary_node_uuid === b.host_uuid;
  return r.primary_node.toLowerCase() === b.host.toLowerCase();
}

/**
 * Places worker rows into replica sets following the volume's brick order, and adds an `Offline`
 * worker for every brick that has no row (its node is down, or it has no worker). Without a
 * layout, each row is its own set (the order Gluster printed). Rows that match no brick of the
 * layout are kept, each in a set of its own after the last one.
 */
export function assignReplicaSets(
  reports: readonly WorkerReport[],
  layout?: VolumeLayout | null,
  secondaryUser = 'root',
): GeoRepWorker[] {
  if (!layout || layout.bricks.length === 0) return reports.map((r, i) => toWorker(r, i));
  const size = Math.max(1, Math.floor(layout.subvolume_size) || 1);
  const left = [...reports];
  const out: GeoRepWorker[] = [];
  layout.bricks.forEach((b, i) => {
    const set = Math.floor(i / size);
    const at = left.findIndex((r) => sameBrick(r, b));
    if (at >= 0) {
      out.push(toWorker(left[at]!, set));
      left.splice(at, 1);
    } else {
      out.push({
        primary_node: b.host,
        primary_node_uuid: b.host_uuid ?? null,
        primary_brick: b.path,
        replica_set: set,
        secondary_user: reports[0]?.secondary_user ?? secondaryUser,
        secondary_node: null,
        status: 'Offline',
        crawl_status: null,
        last_synced: null,
        entry_pending: null,
        data_pending: null,
        meta_pending: null,
        failures: null,
        checkpoint: null,
      });
    }
  });
  let next = Math.ceil(layout.bricks.length / size);
  for (const r of left) out.push(toWorker(r, next++));
  return out;
}

/** Workers grouped by replica set, in set order. */
export function replicaSets<W extends Pick<GeoRepWorker, 'replica_set'>>(
  workers: readonly W[],
): W[][] {
  const sets = new Map<number, W[]>();
  for (const w of workers) {
    const s = sets.get(w.replica_set);
    if (s) s.push(w);
    else sets.set(w.replica_set, [w]);
  }
  return [...sets.entries()].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws);
}

/** What one replica set is doing. */
export type ReplicaSetState = 'active' | 'faulty' | 'initializing' | 'passive' | 'offline' | 'idle';

export function replicaSetState(statuses: readonly WorkerStatus[]): ReplicaSetState {
  if (statuses.includes('Active')) return 'active';
  if (statuses.includes('Faulty')) return 'faulty';
  if (statuses.includes('Initializing')) return 'initializing';
  if (statuses.includes('Passive')) return 'passive';
  if (statuses.every((s) => s === 'Offline')) return 'offline';
  return 'idle';
}

const RUNNING: readonly WorkerStatus[] = ['Active', 'Passive', 'Faulty', 'Initializing'];

/**
 * The session's status from its workers. oVirt's rule (a replica set with an Active worker is
 * healthy; otherwise a Faulty worker makes the whole session Faulty) improved:
 * - no worker running: Paused, Stopped or Created as the workers say (Offline when no node answers);
 * - running: every replica set faulty (or with no worker at all) -> Faulty; only some, or a Faulty
 *   worker beside an Active one (the set lost its failover) -> PartiallyFaulty;
 * - otherwise Initializing while a set is still starting, Passive when no set has an Active
 *   worker yet, else Active.
 */
export function rollUpStatus(
  workers: readonly Pick<GeoRepWorker, 'status' | 'replica_set'>[],
): SessionStatus {
  if (workers.length === 0) return 'Unknown';
  if (!workers.some((w) => RUNNING.includes(w.status))) {
    const present = workers.filter((w) => w.status !== 'Offline').map((w) => w.status);
    if (present.length === 0) return 'Offline';
    if (present.includes('Paused')) return 'Paused';
    if (present.includes('Stopped')) return 'Stopped';
    if (present.includes('Created')) return 'Created';
    return 'Unknown';
  }
  const states = replicaSets(workers).map((ws) => replicaSetState(ws.map((w) => w.status)));
  const faulty = states.filter((s) => s === 'faulty').length;
  const dark = states.filter((s) => s === 'offline' || s === 'idle').length;
  if (faulty > 0) return faulty + dark === states.length ? 'Faulty' : 'PartiallyFaulty';
  if (dark > 0) return 'PartiallyFaulty';
  // Every set replicates, but a Faulty worker means a set has lost its failover (Gluster's own
  // consolidated status called this "Partial faulty"): the administrator must hear of it.
  if (workers.some((w) => w.status === 'Faulty')) return 'PartiallyFaulty';
  if (states.includes('initializing')) return 'Initializing';
  if (states.every((s) => s === 'passive')) return 'Passive';
  return 'Active';
}

function maxIso(xs: readonly string[]): string | null {
  let best: string | null = null;
  for (const x of xs) if (best === null || Date.parse(x) > Date.parse(best)) best = x;
  return best;
}

/**
 * Oldest last_synced over the Active workers: everything written before it is on the secondary.
 * Null when no worker is Active or an Active worker has not synced yet.
 */
export function sessionLastSynced(
  workers: readonly Pick<GeoRepWorker, 'status' | 'last_synced'>[],
): string | null {
  const active = workers.filter((w) => w.status === 'Active');
  if (active.length === 0 || active.some((w) => w.last_synced === null)) return null;
  let oldest: string | null = null;
  for (const w of active)
    if (oldest === null || Date.parse(w.last_synced!) < Date.parse(oldest)) oldest = w.last_synced;
  return oldest;
}

/** Whole seconds from `lastSynced` to `readAt` (never negative); null when `lastSynced` is null. */
export function lagSeconds(lastSynced: string | null, readAt: string | Date): number | null {
  if (lastSynced === null) return null;
  const a = Date.parse(lastSynced);
  const b = typeof readAt === 'string' ? Date.parse(readAt) : readAt.getTime();
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.max(0, Math.round((b - a) / 1000));
}

/**
 * The session checkpoint: set when an Active worker has one (its time: the latest of theirs);
 * completed when every Active worker completed it (completion time: the last to complete).
 */
export function sessionCheckpoint(
  workers: readonly Pick<GeoRepWorker, 'status' | 'checkpoint'>[],
): GeoRepCheckpoint | null {
  const active = workers.filter((w) => w.status === 'Active');
  const withCp = active.filter((w) => w.checkpoint !== null);
  if (withCp.length === 0) return null;
  const time = maxIso(withCp.map((w) => w.checkpoint!.time))!;
  const completed = active.every((w) => w.checkpoint !== null && w.checkpoint.completed);
  const completion_time = completed
    ? maxIso(
        withCp.map((w) => w.checkpoint!.completion_time).filter((t): t is string => t !== null),
      )
    : null;
  return { time, completed, completion_time };
}

export interface BuildSessionInput {
  key: SessionKey;
  cluster_id: string;
  workers: readonly WorkerReport[];
  /** The primary volume's layout (from volume info); without it each worker is its own set. */
  layout?: VolumeLayout | null;
  read_at: Date | string;
}

/** A session as the API serves it. */
export function buildSession(input: BuildSessionInput): GeoRepSession {
  const workers = assignReplicaSets(input.workers, input.layout, input.key.secondary_user);
  const read_at = typeof input.read_at === 'string' ? input.read_at : input.read_at.toISOString();
  const last_synced = sessionLastSynced(workers);
  return {
    id: sessionId(input.key),
    cluster_id: input.cluster_id,
    primary_volume: input.key.primary_volume,
    secondary_host: input.key.secondary_host,
    secondary_volume: input.key.secondary_volume,
    secondary_user: input.key.secondary_user,
    status: rollUpStatus(workers),
    workers,
    last_synced,
    lag_seconds: lagSeconds(last_synced, read_at),
    checkpoint: sessionCheckpoint(workers),
    read_at,
  };
}

// ---------------------------------------------------------------------------------------- ids
// An id is base64url("<primary>/<user>@<host>::<secondary>"), host in lower case (host names are
// case-insensitive). Volume names cannot contain '/', ':' or '@', user names neither, host names
// no ':' or '@', so the canonical string is unambiguous.

function toBase64Url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(s) || s.length % 4 === 1) return null;
  try {
    const bin = atob(
      s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4),
    );
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The canonical text of a session key (also Gluster's spelling of the session, with the user always named). */
export function canonicalSessionKey(key: SessionKey): string {
  return `${key.primary_volume}/${key.secondary_user}@${key.secondary_host.toLowerCase()}::${key.secondary_volume}`;
}

/** A stable, URL-safe id for a session. */
export function sessionId(key: SessionKey): string {
  return toBase64Url(canonicalSessionKey(key));
}

/** The session key an id stands for, or null when `id` is not one of ours. */
export function parseSessionId(id: string): SessionKey | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 1024) return null;
  const text = fromBase64Url(id);
  if (text === null) return null;
  const m = /^([^/]+)\/([^@]+)@([^:@]+)::([^:@/]+)$/.exec(text);
  if (!m) return null;
  const key: SessionKey = {
    primary_volume: m[1]!,
    secondary_user: m[2]!,
    secondary_host: m[3]!,
    secondary_volume: m[4]!,
  };
  if (validateSessionKey(key) !== null) return null;
  // only the canonical spelling round-trips (no second id for the same session)
  return sessionId(key) === id ? key : null;
}

/** Two keys name the same session (host names compare case-insensitively). */
export function sameSession(a: SessionKey, b: SessionKey): boolean {
  return canonicalSessionKey(a) === canonicalSessionKey(b);
}
