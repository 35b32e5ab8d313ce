// How the geo-rep service's engine events name a session, and the Events search that finds them.
// The service posts every action (server/audit.ts) and every transition its watch notices
// (server/announce.ts) as an event of origin `gluster-georep` on the session's cluster; every
// text names the primary volume as a word and, after it, the secondary as Gluster writes it:
// "… from volume data of cluster c to h::v …", "… between primary volume data of cluster c and
// secondary volume v (h::v) …", "Geo-replication session data to h::v of cluster c …".
import { searchCondition } from './engineSearch';
import type { SessionKey } from './types';

/** The origin of every event the service posts. */
export const EVENT_ORIGIN = 'gluster-georep';

/** `[user@]host::volume`, as Gluster names a secondary. */
export function secondaryUrl(key: SessionKey): string {
  const user = key.secondary_user && key.secondary_user !== 'root' ? `${key.secondary_user}@` : '';
  return `${user}${key.secondary_host}::${key.secondary_volume}`;
}

/**
 * The search, in WebAdmin's Events (`Events:` first, as EventListModel's default search string
 * is; ovirt-engine EventListModel.java:116), for a session's events: the service's origin, the
 * session's cluster (the audit log's cluster_id, joined as ClusterEventListModel searches
 * `events: cluster=<name>`: searchbackend SearchObjectAutoCompleter.java:255-259), and a message
 * with the primary volume as a word and then the secondary (`*` is the wildcard of the string field
 * `message`: AuditLogConditionFieldAutoCompleter.java:13,90; SyntaxChecker.java:1176; a quoted
 * value is taken whole, spaces included: SyntaxChecker.java:116-128). A root session's secondary is
 * `h::v`, which a non-root one's `user@h::v` contains: those are left out (`!=`). What a LIKE
 * pattern cannot rule out: a session from the same volume to `h::v2` also matches `h::v`.
 */
export function sessionEventsSearch(key: SessionKey, clusterName: string): string {
  const remote = secondaryUrl(key);
  const parts = [
    `Events: ${searchCondition('origin', EVENT_ORIGIN)}`,
    searchCondition('cluster', clusterName),
    // Always quoted: the pattern holds spaces.
    `message = "* ${key.primary_volume} *${remote}*"`,
  ];
  if (!remote.includes('@')) parts.push(`message != "*@${remote}*"`);
  return parts.join(' and ');
}
