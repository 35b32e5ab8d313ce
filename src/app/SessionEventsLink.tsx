// From a session to its events in WebAdmin's Events: every action on it (by whom, and Gluster's
// refusal when one failed) and every change of status the service's watch noticed are engine
// events (server/audit.ts, server/announce.ts). The search is src/georep/sessionEvents.ts; opening
// Events with it is WebAdmin's (src/plugin/eventsPlace.ts, through the environment).
import { Button } from '@patternfly/react-core';
import { useCallback } from 'react';
import { useIntl } from '../intl/react';
import { sessionEventsSearch } from '../georep/sessionEvents';
import type { SessionKey } from '../georep/types';
import { useGeoRepEnvironment } from './environment';
import { sessionWordsMessages } from './messages';
import { useGlusterClusters } from './useSessions';

/**
 * Opens WebAdmin's Events searched for a session of this cluster; null where it cannot (outside
 * WebAdmin, the cluster not known, or a name the engine's search cannot express).
 */
export function useShowSessionEvents(clusterId: string): ((s: SessionKey) => void) | null {
  const { showEvents } = useGeoRepEnvironment();
  // The clusters are already read (the page shows them): this is the cache.
  const clusterName = useGlusterClusters().data?.find((c) => c.id === clusterId)?.name;
  const show = useCallback(
    (s: SessionKey) => {
      if (!showEvents || clusterName === undefined) return;
      showEvents(sessionEventsSearch(s, clusterName));
    },
    [showEvents, clusterName],
  );
  if (!showEvents || clusterName === undefined || clusterName.includes('"')) return null;
  return show;
}

/** Whether the engine's search can name this session (no double quote in its names). */
export function searchable(s: SessionKey): boolean {
  return ![s.primary_volume, s.secondary_host, s.secondary_volume, s.secondary_user].some((v) =>
    v.includes('"'),
  );
}

export function SessionEventsLink({
  clusterId,
  session,
}: {
  clusterId: string;
  session: SessionKey;
}) {
  const intl = useIntl();
  const show = useShowSessionEvents(clusterId);
  if (!show || !searchable(session)) return null;
  return (
    <Button variant="link" isInline onClick={() => show(session)}>
      {intl.formatMessage(sessionWordsMessages.showEvents)}
    </Button>
  );
}
