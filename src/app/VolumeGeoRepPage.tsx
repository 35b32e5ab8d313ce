// A Gluster volume's sub tab (Storage › Volumes › <volume>): the geo-replication sessions whose
// primary volume it is, with the place's own views and actions (ClusterSessions with a volume
// filter) and New session with the volume preselected. WebAdmin names the volume in the page's
// URL (src/plugin/detailPlace.ts: volumeContentUrl, set on GlusterVolumeSelectionChange).
import {
  Bullseye,
  EmptyState,
  EmptyStateBody,
  PageSection,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { useIntl } from '../intl/react';
import { volumeFromSearch } from '../plugin/placeHost';
import { ClusterSessions } from './ClusterSessions';
import { GeoRepEnvironmentProvider, useGeoRepEnvironment } from './environment';
import { CubesIcon } from './icons';
import { LoadProblem } from './LoadProblem';
import { pageMessages } from './messages';
import { volumeTabMessages } from './volumeTabMessages';
import { asApiError } from './queries';
import { StartSessionLauncher } from './start/StartSessionLauncher';
import { useGlusterClusters } from './useSessions';

export function VolumeGeoRepPage() {
  const intl = useIntl();
  const env = useGeoRepEnvironment();
  const volume = useMemo(() => volumeFromSearch(env.location.search), [env.location.search]);
  const clusters = useGlusterClusters();
  const [starting, setStarting] = useState(false);
  const pageEnv = useMemo(() => ({ ...env, onStartSession: () => setStarting(true) }), [env]);
  const cluster = volume ? clusters.data?.find((c) => c.id === volume.clusterId) : undefined;

  let body;
  if (!volume) {
    // WebAdmin had not said which volume is open when the tab was drawn (GlusterVolumeSelection
    // Change points the tab at it); opening the volume again does.
    body = (
      <EmptyState
        titleText={intl.formatMessage(volumeTabMessages.noVolumeTitle)}
        headingLevel="h2"
        icon={CubesIcon}
      >
        <EmptyStateBody>{intl.formatMessage(volumeTabMessages.noVolumeBody)}</EmptyStateBody>
      </EmptyState>
    );
  } else if (!clusters.data) {
    body = clusters.error ? (
      <LoadProblem
        error={asApiError(clusters.error)}
        failureTitle={pageMessages.clustersFailedTitle}
        onRetry={() => void clusters.refetch()}
        retrying={clusters.isFetching}
      />
    ) : (
      <Bullseye>
        <Spinner aria-label={intl.formatMessage(pageMessages.loadingClusters)} />
      </Bullseye>
    );
  } else if (!cluster) {
    body = (
      <EmptyState
        titleText={intl.formatMessage(volumeTabMessages.noClusterTitle)}
        headingLevel="h2"
        icon={CubesIcon}
      >
        <EmptyStateBody>
          <span className="georep-name">
            {intl.formatMessage(volumeTabMessages.noClusterBody, { volume: volume.volumeName })}
          </span>
        </EmptyStateBody>
      </EmptyState>
    );
  } else {
    body = <ClusterSessions key={cluster.id} cluster={cluster} volume={volume.volumeName} />;
  }

  return (
    <GeoRepEnvironmentProvider value={pageEnv}>
      <PageSection aria-labelledby="georep-volume-title">
        <Stack hasGutter>
          <StackItem>
            {/* WebAdmin shows the volume's name above its sub tabs; this says what is listed. */}
            <Title headingLevel="h1" size="lg" id="georep-volume-title">
              <span className="georep-name">
                {volume
                  ? intl.formatMessage(volumeTabMessages.title, { volume: volume.volumeName })
                  : intl.formatMessage(volumeTabMessages.titleNoVolume)}
              </span>
            </Title>
          </StackItem>
          <StackItem>{body}</StackItem>
        </Stack>
        {volume && cluster ? (
          <StartSessionLauncher
            open={starting}
            clusterId={cluster.id}
            clusterName={cluster.name}
            initialVolume={volume.volumeName}
            services={env.services}
            onClose={() => setStarting(false)}
            onCreated={() => undefined}
          />
        ) : null}
      </PageSection>
    </GeoRepEnvironmentProvider>
  );
}
