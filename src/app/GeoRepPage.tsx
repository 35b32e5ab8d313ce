// The Geo-Replication place: pick a Gluster cluster, then its sessions.
import {
  Alert,
  Bullseye,
  EmptyState,
  EmptyStateBody,
  PageSection,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useMemo, useRef, useState } from 'react';
import { useDrSetupIntent } from './dr/useDrSetupIntent';
import { useIntl } from '../intl/react';
import { GeoRepEnvironmentProvider, useGeoRepEnvironment } from './environment';
import { StartSessionLauncher, useStartSessionIntent } from './start/StartSessionLauncher';
import { ClusterSelector } from './ClusterSelector';
import { ClusterSessions } from './ClusterSessions';
import { CubesIcon } from './icons';
import { LoadProblem } from './LoadProblem';
import { clusterMessages, pageMessages } from './messages';
import { asApiError } from './queries';
import { useClusterChoice } from './useClusterChoice';
import { useGlusterClusters } from './useSessions';

export function GeoRepPage() {
  const intl = useIntl();
  const clusters = useGlusterClusters();
  const choice = useClusterChoice(clusters.data);
  const env = useGeoRepEnvironment();
  const { canStartSessions = false, services } = env;
  // The Start dialog: from the "New session" buttons, or from the Volumes list's intent.
  const [start, setStart] = useState<{
    clusterId: string;
    volume?: string;
    /** Opened from another WebAdmin place (Volumes): Cancel goes back there. */
    returnTo?: string;
  } | null>(null);
  const created = useRef(false);
  useStartSessionIntent(canStartSessions ? (env.intentStorage ?? null) : null, (intent) => {
    choice.choose(intent.clusterId); // the table behind the dialog shows that cluster
    created.current = false;
    setStart({
      clusterId: intent.clusterId,
      volume: intent.volumeName,
      ...(intent.returnTo ? { returnTo: intent.returnTo } : {}),
    });
  });
  // The storage domain sync set-up, from the Volumes list's "Remote Data Sync Setup".
  const [drSetup, setDrSetup] = useState<{ clusterId: string; volume: string; at: number } | null>(
    null,
  );
  useDrSetupIntent(env.services.dr ? (env.intentStorage ?? null) : null, (intent) => {
    choice.choose(intent.clusterId); // the panel of that cluster opens the set-up
    setDrSetup({ clusterId: intent.clusterId, volume: intent.volumeName, at: intent.at });
  });
  const closeStart = () => {
    const back = start?.returnTo && !created.current ? start.returnTo : null;
    setStart(null);
    if (back) env.revealPlace?.(back);
  };
  const pageEnv = useMemo(
    () => ({
      ...env,
      ...(canStartSessions
        ? {
            onStartSession: (clusterId: string, volume?: string) => setStart({ clusterId, volume }),
          }
        : {}),
      drSetupRequest: drSetup,
      onDrSetupHandled: () => setDrSetup(null),
    }),
    [env, canStartSessions, drSetup],
  );
  const startCluster = clusters.data?.find((c) => c.id === start?.clusterId);

  let body;
  if (!clusters.data) {
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
  } else if (clusters.data.length === 0 || !choice.cluster) {
    body = (
      <EmptyState
        titleText={intl.formatMessage(pageMessages.noClusterTitle)}
        headingLevel="h2"
        icon={CubesIcon}
      >
        <EmptyStateBody>{intl.formatMessage(pageMessages.noClusterBody)}</EmptyStateBody>
      </EmptyState>
    );
  } else {
    body = <ClusterSessions key={choice.cluster.id} cluster={choice.cluster} />;
  }

  return (
    <GeoRepEnvironmentProvider value={pageEnv}>
      {/* A region named by the title: the place's content is in a landmark of its own document. */}
      <PageSection aria-labelledby="georep-page-title">
        <Stack hasGutter>
          <StackItem>
            {/* Title, then the cluster on the left: WebAdmin's notifications appear top right. */}
            <Title headingLevel="h1" id="georep-page-title">
              {intl.formatMessage(pageMessages.title)}
            </Title>
            <p>{intl.formatMessage(pageMessages.intro)}</p>
          </StackItem>
          {clusters.data && clusters.data.length > 0 ? (
            <StackItem>
              <ClusterSelector
                clusters={clusters.data}
                value={choice.clusterId}
                onChange={choice.choose}
              />
            </StackItem>
          ) : null}
          {choice.unknownDeepLink ? (
            <StackItem>
              <Alert
                component="h2"
                isInline
                variant="warning"
                title={intl.formatMessage(clusterMessages.deepLinkUnknown, {
                  id: choice.unknownDeepLink,
                })}
              />
            </StackItem>
          ) : null}
          <StackItem>{body}</StackItem>
        </Stack>
        {canStartSessions ? (
          <StartSessionLauncher
            open={start !== null && startCluster !== undefined}
            clusterId={startCluster?.id ?? ''}
            clusterName={startCluster?.name ?? ''}
            initialVolume={start?.volume}
            services={services}
            onClose={closeStart}
            onCreated={() => {
              created.current = true; // a session made: the user stays to see it
            }}
          />
        ) : null}
      </PageSection>
    </GeoRepEnvironmentProvider>
  );
}
