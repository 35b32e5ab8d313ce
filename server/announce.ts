// The words of the watch's engine events, and reading them back. An event names the session as
// Gluster does (`<primary volume> to [user@]host::volume`) and the cluster, and says the state in
// the words WebAdmin's alerts use, so the engine's notifier (email, SNMP) carries a sentence an
// administrator can act on. After a restart the watch reads its own events back (parseAnnouncement)
// to know what it last said about each session: the engine's event log is its memory.
import { canonicalSessionKey } from '../src/georep/status';
import type { TransitionKind, Transition, TransitionSettings } from '../src/georep/transitions';
import type { SessionKey } from '../src/georep/types';
import { describe, secondaryUrl } from './audit';
import type { EngineCluster } from './engine';

const minutes = (s: number): string =>
  s < 120
    ? `${Math.round(s)} s`
    : s < 7200
      ? `${Math.round(s / 60)} min`
      : `${(s / 3600).toFixed(1)} h`;

const list = (xs: readonly string[] | undefined): string =>
  xs && xs.length
    ? ` (${xs.slice(0, 6).join(', ')}${xs.length > 6 ? `, and ${xs.length - 6} more` : ''})`
    : '';

/** `Geo-replication session <vol> to <url> of cluster <name>` */
function subject(key: SessionKey, clusterName: string): string {
  return `Geo-replication session ${key.primary_volume} to ${secondaryUrl(key)} of cluster ${clusterName}`;
}

const PHRASE: Record<TransitionKind, string> = {
  faulty: 'is Faulty',
  partly_faulty: 'is partly Faulty',
  stalled: 'is Stalled',
  recovered: 'has recovered',
  lag_high: 'is lagging',
  lag_ok: 'has caught up',
  checkpoint_completed: 'completed its checkpoint of',
  disappeared: 'has disappeared',
};

/** The engine event's description for a transition. */
export function describeTransition(
  t: Transition,
  cluster: Pick<EngineCluster, 'name'>,
  settings: TransitionSettings,
): string {
  const head = `${subject(t.key, cluster.name)} ${PHRASE[t.kind]}`;
  switch (t.kind) {
    case 'faulty':
      return `${head}: no worker of at least one replica set is replicating${list(t.bricks)}. Gluster retries a Faulty worker; see its gsyncd.log on the node.`;
    case 'partly_faulty':
      return `${head}: some workers have failed${list(t.bricks)}; the others still replicate.`;
    case 'stalled':
      return `${head}: changes recorded on the primary are not being synced${list(t.bricks)}, though Gluster shows the workers as Active.`;
    case 'recovered':
      return `${head} and is ${t.status ?? 'Active'}.`;
    case 'lag_high':
      return `${head}: the secondary is ${minutes(t.lag_seconds ?? 0)} behind (more than ${minutes(settings.lagThresholdSeconds)} for over ${minutes(settings.lagDelaySeconds)}).`;
    case 'lag_ok':
      return `${head}: the secondary is ${minutes(t.lag_seconds ?? 0)} behind (threshold ${minutes(settings.lagThresholdSeconds)}).`;
    case 'checkpoint_completed':
      return `${head} ${t.checkpoint_time}: everything written before it is on the secondary${t.checkpoint_completion_time ? ` (completed ${t.checkpoint_completion_time})` : ''}.`;
    case 'disappeared':
      return `${head}: Gluster no longer lists it. It was deleted outside this service (with the gluster CLI), or its volume is gone.`;
  }
}

export interface Announcement {
  kind: TransitionKind;
  key: SessionKey;
  /** checkpoint_completed: the checkpoint's time. */
  checkpoint_time?: string;
}

const KIND_BY_PHRASE = new Map(Object.entries(PHRASE).map(([k, v]) => [v, k as TransitionKind]));
const PHRASES = [...KIND_BY_PHRASE.keys()].sort((a, b) => b.length - a.length);
const SUBJECT = /^Geo-replication session (\S+) to (?:([^@\s:]+)@)?([^@\s:]+)::(\S+) of cluster /;

/** What one of the watch's own events said, or null for any other text. */
export function parseAnnouncement(description: string): Announcement | null {
  const m = SUBJECT.exec(description);
  if (!m) return null;
  const rest = description.slice(m[0].length);
  // The cluster name comes next; the phrase is the first one that follows a space.
  let best: { at: number; phrase: string } | null = null;
  for (const p of PHRASES) {
    const at = rest.indexOf(` ${p}`);
    if (at >= 0 && (!best || at < best.at)) best = { at, phrase: p };
  }
  if (!best) return null;
  const kind = KIND_BY_PHRASE.get(best.phrase)!;
  const key: SessionKey = {
    primary_volume: m[1]!,
    secondary_user: m[2] ?? 'root',
    secondary_host: m[3]!,
    secondary_volume: m[4]!,
  };
  if (kind === 'checkpoint_completed') {
    const cp = /^ (\S+): /.exec(rest.slice(best.at + best.phrase.length + 1));
    if (!cp) return null;
    return { kind, key, checkpoint_time: cp[1] };
  }
  return { kind, key };
}

/**
 * Whether a description is the audit trail's "deleted" event for this session (a user removed it
 * through the service): then its disappearance is no news. Built from audit.ts's own words.
 */
export function isDeletionOf(
  description: string,
  key: SessionKey,
  cluster: Pick<EngineCluster, 'id' | 'name'>,
): boolean {
  const text = describe(
    { action: 'delete', ok: true, cluster: { ...cluster } as EngineCluster, key },
    '\u0000',
  );
  const prefix = text.slice(0, text.indexOf(' (User: \u0000'));
  return description.startsWith(prefix);
}

/** Keys compare as Gluster names sessions (host names without case). */
export const sessionText = (k: SessionKey): string => canonicalSessionKey(k);
