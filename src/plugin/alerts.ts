// WebAdmin notifications for geo-replication, raised from the hidden iframe so they reach the user
// wherever they are in WebAdmin: a session turning Faulty, Stalled or partly Faulty, recovering,
// or completing a checkpoint. Once per transition, never once per poll.
import type { IntlShape } from '@formatjs/intl';
import { defineMessages } from '@formatjs/intl';
import { untyped } from '../intl';
import type { GeoRepSession, SessionStatus } from '../georep/types';
import type { AlertType } from './pluginApi';

/**
 * The alerts' words, one set for the plugin's own watcher and the service's feed (serverAlerts.ts).
 * A session is named by its sides: `{primary} → {secondary}`, Gluster's words for the volume
 * replicated and the one replicated to.
 */
export const alertMessages = untyped(
  defineMessages({
    faulty: {
      id: 'alerts.faulty',
      defaultMessage:
        'Geo-replication {primary} → {secondary} is Faulty: no worker of at least one replica set is replicating.',
      description:
        "WebAdmin alert (anywhere in WebAdmin) when a session turns Faulty. {primary} is the primary volume's name, e.g. vmstore; {secondary} the secondary as host::volume, e.g. backup.example.com::vmstore-dr.",
    },
    partlyFaulty: {
      id: 'alerts.partlyFaulty',
      defaultMessage:
        'Geo-replication {primary} → {secondary} is partly Faulty: some workers have failed.',
      description:
        "WebAdmin alert when some workers of a session fail but every replica set still syncs. {primary} is the primary volume's name; {secondary} the secondary as host::volume.",
    },
    stalled: {
      id: 'alerts.stalled',
      defaultMessage:
        'Geo-replication {primary} → {secondary} is Stalled: changes are recorded but not synced, though Gluster reports its workers Active. Recover it from Geo-Replication.',
      description:
        "WebAdmin alert when a session is found Stalled. {primary} is the primary volume's name; {secondary} the secondary as host::volume. Recover is an action; Geo-Replication the place under Storage.",
    },
    recovered: {
      id: 'alerts.recovered',
      defaultMessage: 'Geo-replication {primary} → {secondary} has recovered and is {status}.',
      description:
        "WebAdmin alert when a Faulty or Stalled session is healthy again. {primary} is the primary volume's name; {secondary} the secondary as host::volume; {status} is Active or Passive (Gluster's words, not translated).",
    },
    checkpoint: {
      id: 'alerts.checkpoint',
      defaultMessage:
        'Geo-replication {primary} → {secondary} completed its checkpoint of {time}: everything written before it is on the secondary volume.',
      description:
        "WebAdmin toast when a checkpoint completes. {primary} is the primary volume's name; {secondary} the secondary as host::volume; {time} the checkpoint's date and time.",
    },
  }),
);
const messages = alertMessages;

export interface SessionMark {
  status: SessionStatus;
  checkpointTime: string | null;
  checkpointCompleted: boolean;
  /**
   * The latest checkpoint (its time) seen completed, kept while later reads say otherwise: a
   * completion is announced once, however the reads go afterwards (a Faulty episode, a failover).
   */
  completedCheckpoint: string | null;
  /** Inside a Faulty episode: from the first Faulty read until the session is healthy again. */
  faultyEpisode: boolean;
  /** The worst status of the current episode ('Faulty' beats 'PartiallyFaulty'). */
  worst: SessionStatus | null;
  /** Within an episode: since when (ms) the session has read healthy without a break. */
  healthySince: number | null;
}

export interface AlertTiming {
  /** When this read was taken (ms). */
  now: number;
  /**
   * How long a session must stay healthy to count as recovered. Gluster restarts a Faulty worker
   * over and over (Faulty → Initializing → Faulty); between two tries its set may read healthy.
   */
  recoveryMs: number;
}

export const DEFAULT_RECOVERY_MS = 30_000;

export interface Notice {
  kind: 'alert' | 'toast';
  type: AlertType;
  message: string;
  /** For alerts: hide after this long (the tab keeps showing the state; the alert need not). */
  autoHideMs?: number;
}

/**
 * How long an alert stays: long enough to be read, not for the whole session over the cluster
 * selector and the dialogs' close buttons. (WebAdmin's own toasts hide after a few seconds.)
 */
export const ALERT_AUTO_HIDE_MS = 20_000;

const FAULTY: SessionStatus[] = ['Faulty', 'PartiallyFaulty', 'Stalled'];
/** How bad, within an episode: the user hears again only when it gets worse. */
const SEVERITY: Partial<Record<SessionStatus, number>> = {
  PartiallyFaulty: 1,
  Stalled: 2,
  Faulty: 3,
};
const worse = (a: SessionStatus | null | undefined, b: SessionStatus | null | undefined) =>
  (SEVERITY[a ?? 'Unknown'] ?? 0) > (SEVERITY[b ?? 'Unknown'] ?? 0);
const HEALTHY: SessionStatus[] = ['Active', 'Passive'];
/** States an administrator put the session in: a Faulty episode ends there without a "recovered". */
const AT_REST: SessionStatus[] = ['Paused', 'Stopped', 'Created'];

/** The mark of a session now, given its mark on the previous read. */
export function markOf(
  s: GeoRepSession,
  before?: SessionMark,
  timing: AlertTiming = { now: Date.now(), recoveryMs: DEFAULT_RECOVERY_MS },
): SessionMark {
  const faulty = FAULTY.includes(s.status);
  const healthy = HEALTHY.includes(s.status);
  const healthySince = healthy ? (before?.healthySince ?? timing.now) : null;
  const recovered =
    healthy && healthySince !== null && timing.now - healthySince >= timing.recoveryMs;
  const episode =
    faulty || ((before?.faultyEpisode ?? false) && !recovered && !AT_REST.includes(s.status));
  return {
    healthySince: episode ? healthySince : null,
    status: s.status,
    checkpointTime: s.checkpoint?.time ?? null,
    checkpointCompleted: s.checkpoint?.completed ?? false,
    completedCheckpoint: s.checkpoint?.completed
      ? s.checkpoint.time
      : (before?.completedCheckpoint ?? null),
    faultyEpisode: episode,
    worst: !episode
      ? null
      : faulty && worse(s.status, before?.worst)
        ? s.status
        : (before?.worst ?? (faulty ? s.status : null)),
  };
}

/**
 * What to tell the user about the change from `prev` (null on the first read) to `sessions`.
 * A session seen for the first time already Faulty is reported; a healthy one is not. Within one
 * Faulty episode (a worker retrying goes Faulty → Initializing → Faulty) the user hears once, and
 * again only if it gets worse (partly Faulty → Faulty); the episode ends with one "recovered" once
 * the session has stayed healthy for `recoveryMs`.
 */
export function noticesFor(
  prev: ReadonlyMap<string, SessionMark> | null,
  sessions: readonly GeoRepSession[],
  intl: IntlShape,
  timing?: AlertTiming,
): Notice[] {
  const out: Notice[] = [];
  for (const s of sessions) {
    const before = prev?.get(s.id);
    const now = markOf(s, before, timing);
    const names = {
      primary: s.primary_volume,
      secondary: `${s.secondary_host}::${s.secondary_volume}`,
    };
    if (FAULTY.includes(now.status)) {
      const newEpisode = !before?.faultyEpisode;
      if (newEpisode || worse(now.status, before.worst)) {
        out.push({
          kind: 'alert',
          type: now.status === 'PartiallyFaulty' ? 'warning' : 'danger',
          message: intl.formatMessage(
            now.status === 'Faulty'
              ? messages.faulty
              : now.status === 'Stalled'
                ? messages.stalled
                : messages.partlyFaulty,
            names,
          ),
          autoHideMs: ALERT_AUTO_HIDE_MS,
        });
      }
    } else if (before?.faultyEpisode && !now.faultyEpisode && HEALTHY.includes(now.status)) {
      out.push({
        kind: 'alert',
        type: 'success',
        message: intl.formatMessage(messages.recovered, { ...names, status: now.status }),
        autoHideMs: ALERT_AUTO_HIDE_MS,
      });
    }
    if (
      before &&
      now.checkpointCompleted &&
      now.checkpointTime &&
      before.completedCheckpoint !== now.checkpointTime
    ) {
      out.push({
        kind: 'toast',
        type: 'success',
        message: intl.formatMessage(messages.checkpoint, {
          ...names,
          time: new Date(now.checkpointTime).toLocaleString(intl.locale),
        }),
      });
    }
  }
  return out;
}

export function marksOf(
  sessions: readonly GeoRepSession[],
  prev?: ReadonlyMap<string, SessionMark> | null,
  timing?: AlertTiming,
): Map<string, SessionMark> {
  return new Map(sessions.map((s) => [s.id, markOf(s, prev?.get(s.id), timing)]));
}
