// How the tab is kept up to date, said in a few words next to "Read from Gluster …": pushed at
// once by Gluster's events, pushed after each of the service's reads, or polled. The stream itself
// is run here (useLiveSessions), so the page needs only this one element.
import { Icon, Tooltip } from '@patternfly/react-core';
import { useIntl, defineMessages } from '../intl/react';
import { untyped } from '../intl';
import { useGeoRepEnvironment } from './environment';
import { useLiveSessions, type LiveMode } from './useLiveSessions';
import { BoltIcon, SyncAltIcon } from '@patternfly/react-icons';

export const liveMessages = untyped(
  defineMessages({
    events: {
      id: 'georep.live.events',
      defaultMessage: 'Live: Gluster events',
      description:
        'Short note beside "Read from Gluster" above the table: changes are pushed as Gluster\'s events announce them. Keep it short.',
    },
    eventsTooltip: {
      id: 'georep.live.eventsTooltip',
      defaultMessage:
        'Gluster tells the geo-rep service of every change, and the change appears here within about a second. The service also reads every session every {seconds} seconds.',
      description:
        'Tooltip of "Live: Gluster events". {seconds} is a whole number, e.g. 15. "geo-rep service" is the companion service of this plugin.',
    },
    interval: {
      id: 'georep.live.interval',
      defaultMessage: 'Live: every {seconds} s',
      description:
        'Short note beside "Read from Gluster": the service pushes each of its reads. {seconds} is a whole number, e.g. 15. Keep it short.',
    },
    intervalTooltip: {
      id: 'georep.live.intervalTooltip',
      defaultMessage:
        'The geo-rep service reads every session every {seconds} seconds and sends each read here. Gluster’s events API is not in use on this cluster{detail, select, none {.} other {: {detail}}}',
      description:
        'Tooltip of "Live: every … s". {seconds} is a whole number; {detail} is "none" (then the sentence ends) or the reason, a sentence in English from the service.',
    },
    connecting: {
      id: 'georep.live.connecting',
      defaultMessage: 'Connecting for live updates…',
      description: 'Short note beside "Read from Gluster" while the live stream connects.',
    },
    polling: {
      id: 'georep.live.polling',
      defaultMessage: 'Refreshed every {seconds} s',
      description:
        'Short note beside "Read from Gluster" when the tab polls. {seconds} is a whole number, e.g. 15. Keep it short.',
    },
    pollingTooltip: {
      id: 'georep.live.pollingTooltip',
      defaultMessage:
        'This tab asks the geo-rep service every {seconds} seconds. Live updates are not available{detail, select, none {.} other {: {detail}}}',
      description:
        'Tooltip of "Refreshed every … s". {seconds} is a whole number; {detail} is "none" (then the sentence ends) or the reason, in English.',
    },
  }),
);

export function LiveUpdates({ clusterId }: { clusterId: string }) {
  const mode = useLiveSessions(clusterId);
  return <LiveModeText mode={mode} />;
}

export function LiveModeText({ mode }: { mode: LiveMode }) {
  const intl = useIntl();
  const { refreshIntervalMs } = useGeoRepEnvironment();
  const polling = Math.round(refreshIntervalMs / 1000);
  let text: string;
  let tip: string;
  let live = false;
  if (mode.kind === 'live') {
    live = true;
    const seconds = Math.round(mode.mode.interval_ms / 1000);
    if (mode.mode.push === 'events') {
      text = intl.formatMessage(liveMessages.events);
      tip = intl.formatMessage(liveMessages.eventsTooltip, { seconds });
    } else {
      text = intl.formatMessage(liveMessages.interval, { seconds });
      tip = intl.formatMessage(liveMessages.intervalTooltip, {
        seconds,
        detail: mode.mode.events_api_detail ?? 'none',
      });
    }
  } else if (mode.kind === 'connecting') {
    text = intl.formatMessage(liveMessages.connecting);
    tip = intl.formatMessage(liveMessages.pollingTooltip, { seconds: polling, detail: 'none' });
  } else {
    text = intl.formatMessage(liveMessages.polling, { seconds: polling });
    tip = intl.formatMessage(liveMessages.pollingTooltip, {
      seconds: polling,
      detail: mode.detail ?? 'none',
    });
  }
  return (
    <Tooltip content={tip}>
      <span
        className="georep-live"
        tabIndex={0}
        data-live-mode={mode.kind === 'live' ? mode.mode.push : mode.kind}
      >
        <Icon isInline status={live ? 'success' : undefined}>
          {live ? <BoltIcon /> : <SyncAltIcon />}
        </Icon>{' '}
        {text}
      </span>
    </Tooltip>
  );
}
