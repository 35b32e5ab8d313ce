// Pure rules of the tab: which summary bucket a session falls in, which actions its state allows,
// how sessions filter and sort, and what a replica set looks like. No React here: easy to test and
// cheap at 10,000 sessions.
import { replicaSets, sessionCheckpoint } from '../georep/status';
import { PLACE_TOKEN, parseHistoryToken } from '../plugin/placeToken';
import type { CrawlStatus, GeoRepSession, GeoRepWorker, SessionStatus } from '../georep/types';

/** The summary's buckets, each a filter. */
export type StateBucket =
  'active' | 'passive' | 'faulty' | 'paused' | 'stopped' | 'created' | 'unknown';

export const STATE_BUCKETS: readonly StateBucket[] = [
  'active',
  'passive',
  'faulty',
  'paused',
  'stopped',
  'created',
  'unknown',
];

export function bucketOf(status: SessionStatus): StateBucket {
  switch (status) {
    case 'Active':
    case 'Initializing':
      return 'active';
    case 'Passive':
      return 'passive';
    case 'Faulty':
    case 'Stalled':
    case 'PartiallyFaulty':
      return 'faulty';
    case 'Paused':
      return 'paused';
    case 'Stopped':
      return 'stopped';
    case 'Created':
      return 'created';
    default:
      return 'unknown';
  }
}

export function countByBucket(sessions: readonly GeoRepSession[]): Record<StateBucket, number> {
  const counts: Record<StateBucket, number> = {
    active: 0,
    passive: 0,
    faulty: 0,
    paused: 0,
    stopped: 0,
    created: 0,
    unknown: 0,
  };
  for (const s of sessions) counts[bucketOf(s.status)] += 1;
  return counts;
}

/** Actions on a session. `control` actions go to POST .../{action}. */
export type SessionAction =
  'start' | 'stop' | 'pause' | 'resume' | 'checkpoint' | 'recover' | 'remove' | 'options';

/** Statuses of a session whose workers were started (Gluster's monitor status "Started"). */
const STARTED: ReadonlySet<SessionStatus> = new Set<SessionStatus>([
  'Active',
  'Passive',
  'Initializing',
  'Faulty',
  'PartiallyFaulty',
  'Stalled',
]);

/** The state rules, as oVirt applies them (ovirt-georep.md §4.3), with Gluster's own wording for pause. */
export function isAllowedInState(action: SessionAction, status: SessionStatus): boolean {
  switch (action) {
    case 'start':
      return status === 'Created' || status === 'Stopped';
    case 'stop':
      // oVirt: whenever Start is not. Stop force is how a stuck (Unknown/Offline) session is stopped.
      return status !== 'Created' && status !== 'Stopped';
    case 'pause':
      return STARTED.has(status);
    case 'resume':
      return status === 'Paused';
    case 'remove':
      return status === 'Stopped' || status === 'Created';
    case 'checkpoint':
      return STARTED.has(status) || status === 'Paused';
    case 'recover':
      // Recover restarts stalled workers (src/georep/stall.ts); nothing else is stalled
      return status === 'Stalled';
    case 'options':
      return true;
  }
}

/** Actions that Gluster accepts with `force` (all control actions). */
export const FORCEABLE: ReadonlySet<SessionAction> = new Set<SessionAction>([
  'start',
  'stop',
  'pause',
  'resume',
]);

// ---- filtering and sorting ----

export type SortKey =
  | 'primary_volume'
  | 'secondary_host'
  | 'secondary_volume'
  | 'secondary_user'
  | 'status'
  | 'crawl'
  | 'last_synced'
  | 'checkpoint';

export type SortDirection = 'asc' | 'desc';

/** Worst first when ascending: the order an operator wants to see problems in. */
/** A status this tab does not know (from a newer service) sorts last. */
function statusRank(status: string): number {
  return (STATUS_ORDER as Readonly<Record<string, number>>)[status] ?? 99;
}

const STATUS_ORDER: Record<SessionStatus, number> = {
  Faulty: 0,
  Stalled: 1,
  PartiallyFaulty: 2,
  Offline: 3,
  Unknown: 4,
  Initializing: 5,
  Paused: 6,
  Stopped: 7,
  Created: 8,
  Passive: 9,
  Active: 10,
};

/** The crawl modes of a session's Active workers (what is actually syncing), distinct, in a stable order. */
export function sessionCrawls(session: GeoRepSession): CrawlStatus[] {
  const seen = new Set<CrawlStatus>();
  for (const w of session.workers) {
    if (w.status === 'Active' && w.crawl_status && w.crawl_status !== 'N/A')
      seen.add(w.crawl_status);
  }
  const order: CrawlStatus[] = ['Hybrid Crawl', 'History Crawl', 'Changelog Crawl'];
  return order.filter((c) => seen.has(c));
}

export interface CheckpointProgress {
  /** ISO time the checkpoint was set. */
  time: string;
  completed: boolean;
  completionTime: string | null;
  /** Replica sets known to have reached it, out of all the session's sets. */
  done: number;
  total: number;
  /** Set when the checkpoint was not read now but is the last one seen (no worker is Active). */
  asOf: string | null;
}

export function checkpointProgress(session: GeoRepSession): CheckpointProgress | null {
  const cp = session.checkpoint;
  if (!cp) return null;
  // The service counts the sets (with what it recalls); without its counts, count what is read now.
  const now = cp.sets_total === undefined ? sessionCheckpoint(session.workers, null) : null;
  return {
    time: cp.time,
    completed: cp.completed,
    completionTime: cp.completion_time,
    done: cp.sets_done ?? now?.sets_done ?? 0,
    total: cp.sets_total ?? now?.sets_total ?? 0,
    asOf: cp.as_of ?? null,
  };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function timeOf(iso: string | null | undefined): number {
  if (!iso) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

function compareBy(key: SortKey): (a: GeoRepSession, b: GeoRepSession) => number {
  switch (key) {
    case 'primary_volume':
    case 'secondary_host':
    case 'secondary_volume':
    case 'secondary_user':
      return (a, b) => collator.compare(a[key], b[key]);
    case 'status':
      return (a, b) => statusRank(a.status) - statusRank(b.status);
    case 'crawl':
      return (a, b) => collator.compare(sessionCrawls(a).join(','), sessionCrawls(b).join(','));
    case 'last_synced':
      // Ascending = oldest sync point first (largest lag first); never synced or unknown first.
      return (a, b) => timeOf(a.sync_point.time) - timeOf(b.sync_point.time);
    case 'checkpoint':
      return (a, b) => timeOf(a.checkpoint?.time) - timeOf(b.checkpoint?.time);
  }
}

export interface SessionQuery {
  text: string;
  bucket: StateBucket | null;
  sortKey: SortKey;
  direction: SortDirection;
}

/** The text filter: volumes, hosts on both sides (the primary's nodes too), and the user. */
export function matchesText(session: GeoRepSession, needle: string): boolean {
  if (!needle) return true;
  return (
    session.primary_volume.toLowerCase().includes(needle) ||
    session.secondary_host.toLowerCase().includes(needle) ||
    session.secondary_volume.toLowerCase().includes(needle) ||
    session.secondary_user.toLowerCase().includes(needle) ||
    session.workers.some(
      (w) =>
        w.primary_node.toLowerCase().includes(needle) ||
        (w.secondary_node?.toLowerCase().includes(needle) ?? false),
    )
  );
}

/** Filter then sort (stable, ties broken by primary volume then secondary). Returns a new array. */
export function filterAndSort(
  sessions: readonly GeoRepSession[],
  q: SessionQuery,
): GeoRepSession[] {
  const needle = q.text.trim().toLowerCase();
  const out = sessions.filter(
    (s) => (q.bucket === null || bucketOf(s.status) === q.bucket) && matchesText(s, needle),
  );
  const cmp = compareBy(q.sortKey);
  const sign = q.direction === 'asc' ? 1 : -1;
  const tie = (a: GeoRepSession, b: GeoRepSession): number =>
    collator.compare(a.primary_volume, b.primary_volume) ||
    collator.compare(a.secondary_host, b.secondary_host) ||
    collator.compare(a.secondary_volume, b.secondary_volume) ||
    collator.compare(a.id, b.id);
  out.sort((a, b) => sign * cmp(a, b) || tie(a, b));
  return out;
}

// ---- replica sets ----

export interface ReplicaSet {
  index: number;
  workers: GeoRepWorker[];
  activeCount: number;
}

export function groupByReplicaSet(workers: readonly GeoRepWorker[]): ReplicaSet[] {
  return replicaSets(workers).map((list) => ({
    index: list[0]!.replica_set,
    workers: list,
    activeCount: list.filter((w) => w.status === 'Active').length,
  }));
}

/** A replica set should have exactly one Active worker while the session runs. */
export function expectsActiveWorker(status: SessionStatus): boolean {
  return (
    status === 'Active' ||
    status === 'Passive' ||
    status === 'Faulty' ||
    status === 'PartiallyFaulty'
  );
}

/** Gluster's default gsyncd log of a session on a primary node. */
export function defaultLogPath(
  session: Pick<GeoRepSession, 'primary_volume' | 'secondary_host' | 'secondary_volume'>,
): string {
  return `/var/log/glusterfs/geo-replication/${session.primary_volume}_${session.secondary_host}_${session.secondary_volume}/gsyncd.log`;
}

/**
 * A deep link's parameter: `?<key>=` in the place page's own URL, else WebAdmin's own token for
 * the place, `#gluster-georep;cluster=<id>;session=<id>` (GWTP's ParameterTokenFormatter, what
 * WebAdmin keeps in its URL: src/plugin/placeToken.ts), else the plain forms `#<key>=<id>` and
 * `#/...?<key>=<id>` in the page's own hash.
 */
function deepLinkParam(location: { search: string; hash: string }, key: string): string | null {
  const fromSearch = new URLSearchParams(location.search).get(key);
  if (fromSearch) return fromSearch;
  const request = parseHistoryToken(location.hash);
  if (request?.name === PLACE_TOKEN) return request.params[key] || null;
  if (location.hash.startsWith(`#${PLACE_TOKEN}`)) return null; // ours, but malformed
  const m = new RegExp(`(?:^#?|[?&])${key}=([^;&]*)`).exec(location.hash);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1].replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

export function clusterFromLocation(location: { search: string; hash: string }): string | null {
  return deepLinkParam(location, 'cluster');
}

/** The session a deep link names (its id, as the service gives it). */
export function sessionFromLocation(location: { search: string; hash: string }): string | null {
  return deepLinkParam(location, 'session');
}
