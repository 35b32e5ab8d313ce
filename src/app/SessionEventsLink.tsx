// From a session to its events in WebAdmin's Events: every action on it (by whom, and Gluster's
// refusal when one failed) and every change of status the service's watch noticed are engine
// events (server/audit.ts, server/announce.ts). The search is src/georep/sessionEvents.ts; opening
// Events with it is WebAdmin's (src/plugin/eventsPlace.ts, through the environment).
import { Button } from '@patternfly/react-core';
import { useIntl } from 'react-intl';
import { sessionEventsSearch } from '../georep/sessionEvents';
import type { SessionKey } from '../georep/types';
import { useGeoRepEnvironment } from './environment';
import { detailsMessages } from './messages';
import { useGlusterClusters } from './useSessions';

export function SessionEventsLink({
  clusterId,
  session,
}: {
  clusterId: string;
  session: SessionKey;
}) {
  const intl = useIntl();
  const { showEvents } = useGeoRepEnvironment();
  // The clusters are already read (the page shows them): this is the cache.
  const cluster = useGlusterClusters().data?.find((c) => c.id === clusterId);
  if (!showEvents || !cluster) return null;
  let search: string;
  try {
    search = sessionEventsSearch(session, cluster.name);
  } catch {
    return null; // a name the engine's search cannot express (a double quote): no link
  }
  return (
    <Button variant="link" isInline onClick={() => showEvents(search)}>
      {intl.formatMessage(detailsMessages.showEvents)}
    </Button>
  );
}
