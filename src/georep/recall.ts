// What the service remembers of each worker between two status reads, and the two rules that need
// it: a crash-looping worker stays Faulty, and a worker that stopped syncing keeps the last sync
// point and checkpoint it was read at. Pure functions, shared by the service and the tests.
//
// Why memory: Gluster prints N/A for last_synced, crawl, counters and checkpoint of every worker
// that is not Active (gsyncdstatus.py, GeorepStatus.get_status: `if data["worker_status"] !=
// "Active": ... = DEFAULT_STATUS`), although gsyncd's record on the brick
// (/var/lib/glusterd/geo-replication/<session>/brick_<brick>.status) keeps them across a stop. And
// gsyncd's monitor restarts a failed worker in a loop (monitor.py, Monitor.monitor: Initializing,
// the worker dies, Faulty, sleep 10 s, Initializing again, up to connection-timeout = 60 s each),
// so single reads alternate between Faulty and Initializing.
import type { GeoRepCheckpoint, GeoRepWorker, WorkerStatus } from './types';

/**
 * A worker read Initializing within this long of being read Faulty is still in its crash loop:
 * two turns of the monitor's loop (10 s sleep + 60 s connection-timeout, gsyncd's defaults).
 */
export const CRASH_LOOP_WINDOW_MS = 2 * (10 + 60) * 1000;

export interface WorkerRecall {
  /** The last status read other than Initializing (what the worker was before its restart). */
  definite: WorkerStatus | null;
  /** When it was last read Faulty (ISO). */
  faulty_at: string | null;
  /** The last last_synced read while the worker was Active, and when. */
  synced: { time: string; read_at: string } | null;
  /** The last checkpoint read while the worker was Active, and when. */
  checkpoint: (GeoRepCheckpoint & { read_at: string }) | null;
}

export interface SessionRecall {
  /** By workerKey(). */
  workers: Record<string, WorkerRecall>;
}

/** One worker's identity within its session: its node (uuid when known) and brick. */
export function workerKey(
  w: Pick<GeoRepWorker, 'primary_node' | 'primary_node_uuid' | 'primary_brick'>,
): string {
  return `${w.primary_node_uuid ?? w.primary_node.toLowerCase()}:${w.primary_brick}`;
}

function ms(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * The crash-loop rule and the recalled sync point, applied to one read of a session's workers:
 * a worker read Initializing whose last definite state was Faulty, read within
 * CRASH_LOOP_WINDOW_MS, is Faulty (`restarting: true`) until it reads Active or Passive; every
 * worker carries the last sync point read while it was Active (`last_synced_seen`).
 */
export function settleWorkers(
  workers: readonly GeoRepWorker[],
  recall: SessionRecall | null | undefined,
  readAt: string,
): GeoRepWorker[] {
  return workers.map((w) => {
    const r = recall?.workers[workerKey(w)];
    const out: GeoRepWorker = { ...w };
    if (
      w.status === 'Initializing' &&
      r?.definite === 'Faulty' &&
      r.faulty_at !== null &&
      ms(readAt) - ms(r.faulty_at) <= CRASH_LOOP_WINDOW_MS
    ) {
      out.status = 'Faulty';
      out.restarting = true;
    }
    const live =
      w.status === 'Active' && w.last_synced ? { time: w.last_synced, read_at: readAt } : null;
    const seen = live ?? r?.synced ?? null;
    if (seen) out.last_synced_seen = seen;
    return out;
  });
}

/** What to remember of a read (the workers as settleWorkers returned them). */
export function nextRecall(
  workers: readonly GeoRepWorker[],
  prev: SessionRecall | null | undefined,
  readAt: string,
): SessionRecall {
  const next: SessionRecall = { workers: {} };
  for (const w of workers) {
    const key = workerKey(w);
    const r = prev?.workers[key];
    const reported: WorkerStatus = w.restarting ? 'Initializing' : w.status;
    const definite = reported === 'Initializing' ? (r?.definite ?? null) : reported;
    const faulty_at = reported === 'Faulty' ? readAt : (r?.faulty_at ?? null);
    const synced =
      w.status === 'Active' && w.last_synced
        ? { time: w.last_synced, read_at: readAt }
        : (r?.synced ?? null);
    let checkpoint = r?.checkpoint ?? null;
    if (w.status === 'Active' && w.checkpoint) {
      // A checkpoint completes once (gsyncdstatus.py set_last_synced): keep the first completion.
      const same = checkpoint && checkpoint.time === w.checkpoint.time && checkpoint.completed;
      checkpoint = same
        ? { ...checkpoint!, read_at: readAt }
        : { ...w.checkpoint, read_at: readAt };
    }
    next.workers[key] = { definite, faulty_at, synced, checkpoint };
  }
  return next;
}
