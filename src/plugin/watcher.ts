// Polls the sessions of every Gluster cluster the user sees, from the hidden iframe, and turns
// transitions into WebAdmin notifications. The service coalesces and caches Gluster reads per
// cluster, so this watcher and any open tab share one Gluster status call per interval.
import type { IntlShape } from '@formatjs/intl';
import type { EngineCluster } from '../api/engine';
import type { SessionList } from '../api/georep';
import { DEFAULT_RECOVERY_MS, marksOf, noticesFor, type Notice, type SessionMark } from './alerts';
import { errorMessage } from '../georep/errorMessage';

export interface WatcherDeps {
  intl: IntlShape;
  listGlusterClusters: () => Promise<EngineCluster[]>;
  listSessions: (clusterId: string) => Promise<SessionList>;
  notify: (n: Notice) => void;
  log: (level: 'info' | 'warning' | 'severe', message: string) => void;
  intervalMs: number;
  /** Polling stops while WebAdmin's browser tab is hidden. */
  isVisible?: () => boolean;
  /** How long a session must read healthy to count as recovered; default 3 intervals, at least 30 s. */
  recoveryMs?: number;
  now?: () => number;
}

export interface Watcher {
  /** One round over all clusters (exported for tests). */
  poll(): Promise<void>;
  stop(): void;
}

export function startWatcher(deps: WatcherDeps): Watcher {
  const marks = new Map<string, Map<string, SessionMark>>(); // cluster -> session -> last mark
  const failing = new Set<string>(); // clusters whose last read failed: log once, not every poll
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let clusters: EngineCluster[] | null = null;

  const poll = async (): Promise<void> => {
    try {
      clusters ??= await deps.listGlusterClusters();
    } catch (e) {
      deps.log('warning', `Alert watcher cannot list clusters: ${errorMessage(e)}`);
      return;
    }
    for (const c of clusters) {
      try {
        const { sessions } = await deps.listSessions(c.id);
        const timing = {
          now: (deps.now ?? Date.now)(),
          recoveryMs: deps.recoveryMs ?? Math.max(3 * deps.intervalMs, DEFAULT_RECOVERY_MS),
        };
        for (const n of noticesFor(marks.get(c.id) ?? null, sessions, deps.intl, timing))
          deps.notify(n);
        marks.set(c.id, marksOf(sessions, marks.get(c.id), timing));
        failing.delete(c.id);
      } catch (e) {
        // Keep the last marks: when the service is back, only real transitions are reported.
        if (!failing.has(c.id))
          deps.log('warning', `Cannot read sessions of cluster ${c.name}: ${errorMessage(e)}`);
        failing.add(c.id);
      }
    }
  };

  const loop = async (): Promise<void> => {
    if (stopped) return;
    if (deps.isVisible?.() ?? true) await poll();
    // stop() may have run during the poll.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (!stopped) timer = setTimeout(() => void loop(), deps.intervalMs);
  };
  void loop();

  return {
    poll,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
