// A session's lag over the last hours, as the geo-rep service's watch recorded it, and when the
// secondary volume will have caught up at the current rate. The chart is loaded on demand
// (LagChart).
import { Content, Spinner, Title } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import {
  Component,
  lazy,
  Suspense,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { defineMessages, useIntl } from '../intl/react';
import type { SessionHistory } from '../api/history';
import type { GeoRepSession } from '../georep/types';
import { errorMessage } from '../georep/errorMessage';
import { untyped } from '../intl';
import { useGeoRepEnvironment } from './environment';

const LagChart = lazy(() => import(/* webpackChunkName: "lag-chart" */ './LagChart'));

/** The chart's chunk may fail to load (a reinstalled plugin, a flaky network): the words stay. */
class ChartBoundary extends Component<
  { children: ReactNode; fallback: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export const historyMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.history.title',
      defaultMessage: 'Lag over the last {hours} hours',
      description:
        "Heading of the lag history in a session's details. {hours} is a whole number, e.g. 6.",
    },
    chartTitle: {
      id: 'georep.history.chartTitle',
      defaultMessage: 'Lag of the secondary volume, in {unit, select, m {minutes} other {seconds}}',
      description:
        'Accessible title of the lag chart: how far the secondary volume (the one replicated to) is behind. {unit} is m or s: translate the words, not the select keys.',
    },
    chartDesc: {
      id: 'georep.history.chartDesc',
      defaultMessage: '{count} readings from {from} to {to}; the latest lag is {lag}.',
      description:
        'Accessible description of the lag chart. {count} is a number; {from} and {to} times, e.g. 14:05; {lag} a lag such as "3.5 min" or "12 s".',
    },
    minutes: {
      id: 'georep.history.minutes',
      defaultMessage: '{value, number, ::.#} min',
      description:
        'A lag in minutes on the chart\'s axis and tooltips, e.g. "3.5 min". Keep it short: an axis label.',
    },
    seconds: {
      id: 'georep.history.seconds',
      defaultMessage: '{value, number, ::.} s',
      description:
        'A lag in seconds on the chart\'s axis and tooltips, e.g. "12 s". Keep it short: an axis label.',
    },
    loading: {
      id: 'georep.history.loading',
      defaultMessage: 'Loading the lag history',
      description: 'Accessible name of the spinner while the lag history or its chart loads.',
    },
    chartFailed: {
      id: 'georep.history.chartFailed',
      defaultMessage: 'The chart could not be loaded; reload the page to try again.',
      description: 'Shown in place of the lag chart when its code failed to download.',
    },
    failed: {
      id: 'georep.history.failed',
      defaultMessage: 'The lag history cannot be read: {detail}',
      description:
        "Shown in place of the lag history. {detail} is the geo-rep service's reason, a sentence in English.",
    },
    notRecording: {
      id: 'georep.history.notRecording',
      defaultMessage:
        'The geo-rep service keeps no lag history: it has no engine account of its own to watch the clusters with.',
      description: 'Shown in place of the lag history when the service records none.',
    },
    tooFew: {
      id: 'georep.history.tooFew',
      defaultMessage:
        'Not enough readings yet: the service records one every {seconds} seconds, and keeps them in memory (a restart of the service starts the chart again).',
      description:
        'Shown in place of the lag chart with fewer than two readings. {seconds} is a whole number, e.g. 30.',
    },
    unknownLag: {
      id: 'georep.history.unknownLag',
      defaultMessage: 'No worker is Active now, so the lag is not known and no estimate is made.',
      description: 'Catch-up estimate under the lag chart. Active is a status.',
    },
    inSync: {
      id: 'georep.history.inSync',
      defaultMessage:
        'In sync: the secondary volume is about as far behind as a healthy session is.',
      description:
        'Catch-up estimate under the lag chart. The secondary volume is the one the session replicates to.',
    },
    catchingUp: {
      id: 'georep.history.catchingUp',
      defaultMessage:
        'At the current rate the secondary volume will have caught up in about {duration} (by {time}).',
      description:
        'Catch-up estimate under the lag chart. {duration} is a duration, e.g. "38 minutes"; {time} a date and time.',
    },
    keepingPace: {
      id: 'georep.history.keepingPace',
      defaultMessage:
        'The secondary volume keeps pace but does not catch up: at the current rate the lag stays about where it is.',
      description: 'Catch-up estimate under the lag chart.',
    },
    fallingBehind: {
      id: 'georep.history.fallingBehind',
      defaultMessage:
        'The secondary volume is falling behind: at the current rate it loses about {duration} every hour, and will not catch up.',
      description:
        'Catch-up estimate under the lag chart. {duration} is a duration, e.g. "30 minutes".',
    },
    noEstimate: {
      id: 'georep.history.noEstimate',
      defaultMessage: 'Not enough recent readings for an estimate.',
      description: 'Catch-up estimate under the lag chart.',
    },
    duration: {
      id: 'georep.history.duration',
      defaultMessage:
        '{unit, select, s {{n, plural, one {# second} other {# seconds}}} m {{n, plural, one {# minute} other {# minutes}}} other {{n, plural, one {# hour} other {# hours}}}}',
      description:
        'A duration in the catch-up estimates. {unit} is s, m or h (translate the words, not the select keys); {n} the number, e.g. 38.',
    },
  }),
);

function useDuration() {
  const intl = useIntl();
  return (seconds: number) => {
    const s = Math.max(0, seconds);
    const [n, unit] =
      s < 120
        ? [Math.round(s), 's']
        : s < 7200
          ? [Math.round(s / 60), 'm']
          : [Math.round(s / 360) / 10, 'h'];
    return intl.formatMessage(historyMessages.duration, { n, unit });
  };
}

export function LagHistory({ clusterId, session }: { clusterId: string; session: GeoRepSession }) {
  const { services } = useGeoRepEnvironment();
  const get = services.getHistory;
  const intl = useIntl();
  const duration = useDuration();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const w = box.current?.clientWidth;
    if (w) setWidth(Math.min(900, Math.max(280, w)));
  }, []);
  const q = useQuery<SessionHistory>({
    queryKey: ['georep', 'history', clusterId, session.id],
    queryFn: () => get!(clusterId, session.id),
    enabled: !!get,
    refetchInterval: 60_000,
  });
  if (!get) return null;
  const h = q.data;
  const minutes = (m: number) => intl.formatMessage(historyMessages.minutes, { value: m });
  const seconds = (v: number) => intl.formatMessage(historyMessages.seconds, { value: v });

  let body;
  if (q.isPending)
    body = <Spinner size="md" aria-label={intl.formatMessage(historyMessages.loading)} />;
  else if (q.isError || !h)
    body = (
      <Content component="p">
        {intl.formatMessage(historyMessages.failed, {
          detail: errorMessage(q.error),
        })}
      </Content>
    );
  else if (!h.recording)
    body = <Content component="p">{intl.formatMessage(historyMessages.notRecording)}</Content>;
  else {
    const points = h.lag_sample
      .filter((s) => s.lag_seconds !== null)
      .map((s) => ({ t: Date.parse(s.time), lag: s.lag_seconds! }));
    // Seconds for a session that keeps up, minutes for one that lags; times with seconds over a
    // short span.
    const inMinutes = Math.max(0, ...points.map((p) => p.lag)) >= 120;
    const shown = points.map((p) => ({ t: p.t, lag: inMinutes ? p.lag / 60 : p.lag }));
    const lagLabel = inMinutes ? minutes : seconds;
    const span = points.length ? points.at(-1)!.t - points[0]!.t : 0;
    const time = (t: number) =>
      intl.formatTime(t, {
        hour: '2-digit',
        minute: '2-digit',
        ...(span < 10 * 60_000 ? { second: '2-digit' } : {}),
      });
    const e = h.estimate;
    const last = h.lag_sample.at(-1);
    const estimate =
      last && last.lag_seconds === null
        ? intl.formatMessage(historyMessages.unknownLag)
        : e.seconds_to_sync === 0
          ? intl.formatMessage(historyMessages.inSync)
          : e.seconds_to_sync !== null && e.synced_by
            ? intl.formatMessage(historyMessages.catchingUp, {
                duration: duration(e.seconds_to_sync),
                time: intl.formatDate(e.synced_by, { dateStyle: 'medium', timeStyle: 'short' }),
              })
            : e.sync_rate === null
              ? intl.formatMessage(historyMessages.noEstimate)
              : e.sync_rate >= 0.99
                ? intl.formatMessage(historyMessages.keepingPace)
                : intl.formatMessage(historyMessages.fallingBehind, {
                    duration: duration((1 - e.sync_rate) * 3600),
                  });
    body = (
      <>
        {points.length >= 2 ? (
          <ChartBoundary
            fallback={
              <Content component="p">{intl.formatMessage(historyMessages.chartFailed)}</Content>
            }
          >
            <Suspense
              fallback={
                <Spinner size="md" aria-label={intl.formatMessage(historyMessages.loading)} />
              }
            >
              <LagChart
                points={shown}
                width={width}
                title={intl.formatMessage(historyMessages.chartTitle, {
                  unit: inMinutes ? 'm' : 's',
                })}
                description={intl.formatMessage(historyMessages.chartDesc, {
                  count: points.length,
                  from: time(points[0]!.t),
                  to: time(points.at(-1)!.t),
                  lag: lagLabel(shown.at(-1)!.lag),
                })}
                timeLabel={time}
                lagLabel={lagLabel}
              />
            </Suspense>
          </ChartBoundary>
        ) : (
          <Content component="p">
            {intl.formatMessage(historyMessages.tooFew, { seconds: Math.round(h.step_ms / 1000) })}
          </Content>
        )}
        <Content component="p" data-testid="catch-up-estimate">
          {estimate}
        </Content>
      </>
    );
  }
  return (
    <section
      ref={box}
      className="georep-lag-history"
      aria-label={intl.formatMessage(historyMessages.title, { hours: h?.kept_hours ?? 6 })}
    >
      <Title headingLevel="h3" size="md">
        {intl.formatMessage(historyMessages.title, { hours: h?.kept_hours ?? 6 })}
      </Title>
      {body}
    </section>
  );
}
