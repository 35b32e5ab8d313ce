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
  SyncPoint,
  WorkerStatus,
} from './types';
import { type SessionRecall, settleWorkers, workerKey } from './recall';
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
 * The session's status from its workers (after the crash-loop rule, recall.ts). One rule for the
 * table, the summary, the details and the alerts:
 * - no worker running: Paused, Stopped or Created as the workers say (Offline when no node answers);
 * - running, and a replica set has no Active worker while one of its workers is Faulty, or none of
 *   its workers runs (every node down, or not started): that part of the volume is not replicated,
 *   so the session is **Faulty**;
 * - every set has an Active worker but a Faulty worker sits beside one (the set lost its failover):
 *   **PartiallyFaulty** (Gluster's own consolidated status called this "Partial faulty");
 * - otherwise Initializing while a set is still starting, Passive when no set has an Active
 *   worker yet, else Active.
 */
export function rollUpStatus(
  workers: readonly (Pick<GeoRepWorker, 'status' | 'replica_set'> &
    Partial<Pick<GeoRepWorker, 'stall'>>)[],
): SessionStatus {
  const base = rollUpWithoutStall(workers);
  // A stalled worker (src/georep/stall.ts) is Active by every field Gluster prints, yet its
  // replica set is not replicated: Stalled, unless the session is Faulty anyway.
  if (base !== 'Faulty' && workers.some((w) => w.status === 'Active' && w.stall)) return 'Stalled';
  return base;
}

function rollUpWithoutStall(
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
  if (states.some((s) => s === 'faulty' || s === 'offline' || s === 'idle')) return 'Faulty';
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

function minIso(xs: readonly string[]): string | null {
  let best: string | null = null;
  for (const x of xs) if (best === null || Date.parse(x) < Date.parse(best)) best = x;
  return best;
}

/**
 * Oldest last_synced over the Active workers, as Gluster prints it now. Null when no worker is
 * Active or an Active worker has not synced yet. (The sync point of the whole volume, with the
 * replica sets that are not syncing now, is sessionSyncPoint.)
 */
export function sessionLastSynced(
  workers: readonly Pick<GeoRepWorker, 'status' | 'last_synced'>[],
): string | null {
  const active = workers.filter((w) => w.status === 'Active');
  if (active.length === 0 || active.some((w) => w.last_synced === null)) return null;
  return minIso(active.map((w) => w.last_synced!));
}

type SyncInput = Pick<GeoRepWorker, 'status' | 'replica_set' | 'last_synced' | 'last_synced_seen'>;

/**
 * How far the secondary is known to be in sync: per replica set, the point its Active worker
 * reports now, or else the last one this service read from a worker of the set while it was
 * Active (`last_synced_seen`); for the session, the oldest over the sets. See SyncPoint.
 */
export function sessionSyncPoint(workers: readonly SyncInput[], status: SessionStatus): SyncPoint {
  const sets = replicaSets(workers);
  let never = false;
  let unknown = false;
  const points: { time: string; read_at: string | null }[] = [];
  for (const set of sets) {
    const active = set.filter((w) => w.status === 'Active');
    if (active.length > 0 && active.every((w) => w.last_synced)) {
      points.push({ time: minIso(active.map((w) => w.last_synced!))!, read_at: null });
      continue;
    }
    const seen = set.flatMap((w) => (w.last_synced_seen ? [w.last_synced_seen] : []));
    const best = maxIso(seen.map((x) => x.time));
    if (best) points.push({ time: best, read_at: seen.find((x) => x.time === best)!.read_at });
    // gsyncd's last_synced is 0 (N/A): this set's Active worker has synced nothing yet
    else if (active.length > 0) never = true;
    else unknown = true;
  }
  if (sets.length === 0 || points.length < sets.length) {
    const source = status === 'Created' || (never && !unknown) ? 'never' : 'unknown';
    return { time: null, source, as_of: null };
  }
  const time = minIso(points.map((p) => p.time));
  const recalled = points.flatMap((p) => (p.read_at ? [p.read_at] : []));
  return recalled.length === 0
    ? { time, source: 'live', as_of: null }
    : { time, source: 'seen', as_of: minIso(recalled) };
}

/** Whole seconds from `lastSynced` to `readAt` (never negative); null when `lastSynced` is null. */
export function lagSeconds(lastSynced: string | null, readAt: string | Date): number | null {
  if (lastSynced === null) return null;
  const a = Date.parse(lastSynced);
  const b = typeof readAt === 'string' ? Date.parse(readAt) : readAt.getTime();
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.max(0, Math.round((b - a) / 1000));
}

type CheckpointInput = Pick<GeoRepWorker, 'status' | 'checkpoint'> & { replica_set?: number };

/**
 * The session checkpoint. Its time: the latest an Active worker reports; with no Active worker,
 * the latest this service recalls (`as_of`: when it was read). Completed when every replica set
 * reached it: its Active workers report it completed, or a worker of the set was read having
 * completed it (a checkpoint completes once, gsyncdstatus.py set_last_synced), so a failover or a
 * Faulty episode does not take a completion back, and a set that is not syncing never counts as
 * done. `keys[i]` is workerKey(workers[i]), to find each worker's recall.
 */
export function sessionCheckpoint(
  workers: readonly CheckpointInput[],
  recall?: SessionRecall | null,
  keys?: readonly string[],
): GeoRepCheckpoint | null {
  const recalled = workers.map((_w, i) =>
    keys && recall ? (recall.workers[keys[i]!]?.checkpoint ?? null) : null,
  );
  const live = workers.filter((w) => w.status === 'Active' && w.checkpoint !== null);
  let time = maxIso(live.map((w) => w.checkpoint!.time));
  let as_of: string | null = null;
  if (time === null) {
    const known = recalled.flatMap((c) => (c ? [c] : []));
    time = maxIso(known.map((c) => c.time));
    if (time === null) return null;
    as_of = maxIso(known.filter((c) => c.time === time).map((c) => c.read_at));
  }
  const bySet = new Map<number, number[]>();
  workers.forEach((w, i) =>
    bySet.set(w.replica_set ?? 0, [...(bySet.get(w.replica_set ?? 0) ?? []), i]),
  );
  let done = 0;
  const completions: string[] = [];
  for (const members of bySet.values()) {
    const active = members.filter((i) => workers[i]!.status === 'Active');
    const liveDone =
      active.length > 0 &&
      active.every((i) => {
        const c = workers[i]!.checkpoint;
        return c !== null && c.time === time && c.completed;
      });
    const recalledDone = members
      .map((i) => recalled[i])
      .find((c) => c && c.time === time && c.completed);
    if (liveDone) {
      done += 1;
      for (const i of active) {
        const at = workers[i]!.checkpoint!.completion_time;
        if (at) completions.push(at);
      }
    } else if (recalledDone) {
      done += 1;
      if (recalledDone.completion_time) completions.push(recalledDone.completion_time);
    }
  }
  const completed = done === bySet.size;
  const cp: GeoRepCheckpoint = {
    time,
    completed,
    completion_time: completed ? maxIso(completions) : null,
  };
  if (recall !== undefined) {
    cp.sets_done = done;
    cp.sets_total = bySet.size;
    cp.as_of = as_of;
  }
  return cp;
}

export interface BuildSessionInput {
  key: SessionKey;
  /** What the service remembers of this session's workers from earlier reads (recall.ts). */
  recall?: SessionRecall | null;
  cluster_id: string;
  workers: readonly WorkerReport[];
  /** The primary volume's layout (from volume info); without it each worker is its own set. */
  layout?: VolumeLayout | null;
  read_at: Date | string;
}

/** A session as the API serves it. */
export function buildSession(input: BuildSessionInput): GeoRepSession {
  const read_at = typeof input.read_at === 'string' ? input.read_at : input.read_at.toISOString();
  const workers = settleWorkers(
    assignReplicaSets(input.workers, input.layout, input.key.secondary_user),
    input.recall,
    read_at,
  );
  const status = rollUpStatus(workers);
  const sync_point = sessionSyncPoint(workers, status);
  return {
    id: sessionId(input.key),
    cluster_id: input.cluster_id,
    primary_volume: input.key.primary_volume,
    secondary_host: input.key.secondary_host,
    secondary_volume: input.key.secondary_volume,
    secondary_user: input.key.secondary_user,
    status,
    workers,
    last_synced: sessionLastSynced(workers),
    sync_point,
    lag_seconds: lagSeconds(sync_point.time, read_at),
    checkpoint: sessionCheckpoint(workers, input.recall ?? null, workers.map(workerKey)),
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
