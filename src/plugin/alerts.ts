// WebAdmin notifications for geo-replication, raised from the hidden iframe so they reach the user
// wherever they are in WebAdmin: a session turning Faulty or partly Faulty, recovering, or
// completing a checkpoint. Once per transition, never once per poll.
import type { IntlShape } from '@formatjs/intl';
import { defineMessages } from '@formatjs/intl';
import { untyped } from '../intl';
import type { GeoRepSession, SessionStatus } from '../georep/types';
import type { AlertType } from './pluginApi';

const messages = untyped(defineMessages({
  faulty: {
    id: 'alerts.faulty',
    defaultMessage: 'Geo-replication {source} → {remote} is Faulty: no worker of at least one replica set is replicating.',
    description: 'WebAdmin alert when a session turns Faulty',
  },
  partlyFaulty: {
    id: 'alerts.partlyFaulty',
    defaultMessage: 'Geo-replication {source} → {remote} is partly Faulty: some workers have failed.',
    description: 'WebAdmin alert when some workers of a session turn Faulty',
  },
  recovered: {
    id: 'alerts.recovered',
    defaultMessage: 'Geo-replication {source} → {remote} has recovered and is {status}.',
    description: 'WebAdmin alert when a Faulty session is healthy again',
  },
  checkpoint: {
    id: 'alerts.checkpoint',
    defaultMessage: 'Geo-replication {source} → {remote} completed its checkpoint of {time}: everything written before it is on the remote.',
    description: 'WebAdmin toast when a checkpoint completes',
  },
}));

export interface SessionMark {
  status: SessionStatus;
  checkpointTime: string | null;
  checkpointCompleted: boolean;
}

export interface Notice {
  kind: 'alert' | 'toast';
  type: AlertType;
  message: string;
}

const FAULTY: SessionStatus[] = ['Faulty', 'PartiallyFaulty'];
const HEALTHY: SessionStatus[] = ['Active', 'Passive'];

export function markOf(s: GeoRepSession): SessionMark {
  return {
    status: s.status,
    checkpointTime: s.checkpoint?.time ?? null,
    checkpointCompleted: s.checkpoint?.completed ?? false,
  };
}

/**
 * What to tell the user about the change from `prev` (null on the first read) to `sessions`.
 * A session seen for the first time already Faulty is reported; a healthy one is not.
 */
export function noticesFor(
  prev: ReadonlyMap<string, SessionMark> | null,
  sessions: readonly GeoRepSession[],
  intl: IntlShape,
): Notice[] {
  const out: Notice[] = [];
  for (const s of sessions) {
    const now = markOf(s);
    const before = prev?.get(s.id);
    const names = { source: s.primary_volume, remote: `${s.secondary_host}::${s.secondary_volume}` };
    if (FAULTY.includes(now.status) && before?.status !== now.status) {
      // Faulty → partly Faulty is an improvement, not a new failure.
      if (!(before?.status === 'Faulty' && now.status === 'PartiallyFaulty')) {
        out.push(
          now.status === 'Faulty'
            ? { kind: 'alert', type: 'danger', message: intl.formatMessage(messages.faulty, names) }
            : { kind: 'alert', type: 'warning', message: intl.formatMessage(messages.partlyFaulty, names) },
        );
      }
    } else if (before && FAULTY.includes(before.status) && HEALTHY.includes(now.status)) {
      out.push({ kind: 'alert', type: 'success', message: intl.formatMessage(messages.recovered, { ...names, status: now.status }) });
    }
    if (before && now.checkpointCompleted && now.checkpointTime && (!before.checkpointCompleted || before.checkpointTime !== now.checkpointTime)) {
      out.push({
        kind: 'toast',
        type: 'success',
        message: intl.formatMessage(messages.checkpoint, { ...names, time: new Date(now.checkpointTime).toLocaleString(intl.locale) }),
      });
    }
  }
  return out;
}

export function marksOf(sessions: readonly GeoRepSession[]): Map<string, SessionMark> {
  return new Map(sessions.map((s) => [s.id, markOf(s)]));
}
