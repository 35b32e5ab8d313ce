// WebAdmin's alerts fed by the geo-rep service's watch: the transitions it announced as engine
// events (server/watch.ts, the rule in src/georep/transitions.ts), read from its feed once per
// interval, so the browser says what the engine's event log says, when it says it. On the first
// read, what is wrong already is said once (as the browser's own watcher does). A service without
// a watch (no engine account) answers 503: then the browser's own watcher (watcher.ts) takes over.
import type { IntlShape } from '@formatjs/intl';
import { defineMessages } from '@formatjs/intl';
import { ApiError } from '../api/http';
import { errorMessage } from '../georep/errorMessage';
import type { FeedTransition, Ongoing, TransitionFeed } from '../api/transitions';
import { untyped } from '../intl';
import { ALERT_AUTO_HIDE_MS, alertMessages, type Notice } from './alerts';
import type { Watcher } from './watcher';

/** The alerts only the service's watch raises: lag, disappearance, a recovery (without its status). */
export const serverAlertMessages = untyped(
  defineMessages({
    recovered: {
      id: 'alerts.server.recovered',
      defaultMessage: 'Geo-replication {primary} → {secondary} has recovered.',
      description:
        "WebAdmin alert, from the service's watch, when a Faulty or Stalled session is healthy again. {primary} is the primary volume's name, e.g. vmstore; {secondary} the secondary as host::volume, e.g. backup.example.com::vmstore-dr.",
    },
    lagging: {
      id: 'alerts.server.lagging',
      defaultMessage: 'Geo-replication {primary} → {secondary} is lagging behind.',
      description:
        "WebAdmin alert when the secondary volume's lag stays above the service's threshold. {primary} is the primary volume's name; {secondary} the secondary as host::volume.",
    },
    caughtUp: {
      id: 'alerts.server.caughtUp',
      defaultMessage: 'Geo-replication {primary} → {secondary} has caught up.',
      description:
        "WebAdmin alert when the lag is back under the service's threshold. {primary} is the primary volume's name; {secondary} the secondary as host::volume.",
    },
    disappeared: {
      id: 'alerts.server.disappeared',
      defaultMessage:
        'Geo-replication {primary} → {secondary} has disappeared: Gluster no longer lists it.',
      description:
        "WebAdmin alert when a session was deleted outside the plugin (e.g. with the gluster CLI). {primary} is the primary volume's name; {secondary} the secondary as host::volume.",
    },
  }),
);

// Faulty, partly Faulty, Stalled and checkpoint read as the plugin's own alerts do (alerts.ts).
const messages = { ...alertMessages, ...serverAlertMessages };

type Named = Pick<FeedTransition, 'primary_volume' | 'secondary_host' | 'secondary_volume'>;
const names = (s: Named) => ({
  primary: s.primary_volume,
  secondary: `${s.secondary_host}::${s.secondary_volume}`,
});

export function noticeOf(t: FeedTransition, intl: IntlShape): Notice {
  return hides(kindOf(t, intl));
}

/** Alerts hide as the plugin's own do (alerts.ts); the tab keeps showing the state. */
function hides(n: Notice): Notice {
  return n.kind === 'alert' ? { ...n, autoHideMs: ALERT_AUTO_HIDE_MS } : n;
}

function kindOf(t: FeedTransition, intl: IntlShape): Notice {
  const n = names(t);
  switch (t.kind) {
    case 'faulty':
      return { kind: 'alert', type: 'danger', message: intl.formatMessage(messages.faulty, n) };
    case 'stalled':
      return { kind: 'alert', type: 'danger', message: intl.formatMessage(messages.stalled, n) };
    case 'partly_faulty':
      return {
        kind: 'alert',
        type: 'warning',
        message: intl.formatMessage(messages.partlyFaulty, n),
      };
    case 'recovered':
      return { kind: 'alert', type: 'success', message: intl.formatMessage(messages.recovered, n) };
    case 'lag_high':
      return { kind: 'alert', type: 'warning', message: intl.formatMessage(messages.lagging, n) };
    case 'lag_ok':
      return { kind: 'alert', type: 'success', message: intl.formatMessage(messages.caughtUp, n) };
    case 'disappeared':
      return {
        kind: 'alert',
        type: 'warning',
        message: intl.formatMessage(messages.disappeared, n),
      };
    case 'checkpoint_completed':
      return {
        kind: 'toast',
        type: 'success',
        message: intl.formatMessage(messages.checkpoint, {
          ...n,
          time: t.checkpoint_time ? new Date(t.checkpoint_time).toLocaleString(intl.locale) : '',
        }),
      };
  }
}

export function ongoingNotices(o: Ongoing, intl: IntlShape): Notice[] {
  const n = names(o);
  const out: Notice[] = [];
  if (o.health === 'faulty')
    out.push({ kind: 'alert', type: 'danger', message: intl.formatMessage(messages.faulty, n) });
  else if (o.health === 'stalled')
    out.push({ kind: 'alert', type: 'danger', message: intl.formatMessage(messages.stalled, n) });
  else if (o.health === 'partly_faulty')
    out.push({
      kind: 'alert',
      type: 'warning',
      message: intl.formatMessage(messages.partlyFaulty, n),
    });
  if (o.lag === 'high')
    out.push({ kind: 'alert', type: 'warning', message: intl.formatMessage(messages.lagging, n) });
  return out.map(hides);
}

export interface ServerAlertsDeps {
  intl: IntlShape;
  listTransitions: (after?: string) => Promise<TransitionFeed>;
  notify: (n: Notice) => void;
  log: (level: 'info' | 'warning' | 'severe', message: string) => void;
  intervalMs: number;
  isVisible?: () => boolean;
  /** The browser's own watcher, for a service that has no watch. */
  fallback: () => Watcher;
}

export function startAlerts(deps: ServerAlertsDeps): Watcher {
  let cursor: string | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let failing = false;
  let own: Watcher | null = null;

  const poll = async (): Promise<void> => {
    if (own) return own.poll();
    try {
      const feed = await deps.listTransitions(cursor);
      failing = false;
      for (const o of feed.ongoing ?? [])
        for (const n of ongoingNotices(o, deps.intl)) deps.notify(n);
      for (const t of feed.transition) deps.notify(noticeOf(t, deps.intl));
      cursor = feed.cursor;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 503 || e.status === 404)) {
        deps.log(
          'info',
          'The geo-rep service does not watch the clusters: the plugin watches them itself.',
        );
        own = deps.fallback();
        stopped = true;
        if (timer) clearTimeout(timer);
        return;
      }
      if (!failing)
        deps.log('warning', `Cannot read the geo-rep service's transitions: ${errorMessage(e)}`);
      failing = true;
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
      own?.stop();
    },
  };
}
