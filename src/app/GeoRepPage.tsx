// The Geo Replication place: pick a Gluster cluster, then its sessions.
import {
  Alert,
  Bullseye,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  PageSection,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useIntl } from 'react-intl';
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
    <PageSection>
      <Stack hasGutter>
        <StackItem>
          <Flex
            justifyContent={{ default: 'justifyContentSpaceBetween' }}
            alignItems={{ default: 'alignItemsFlexEnd' }}
          >
            <FlexItem>
              <Title headingLevel="h1">{intl.formatMessage(pageMessages.title)}</Title>
              <p>{intl.formatMessage(pageMessages.intro)}</p>
            </FlexItem>
            {clusters.data && clusters.data.length > 0 ? (
              <FlexItem>
                <ClusterSelector
                  clusters={clusters.data}
                  value={choice.clusterId}
                  onChange={choice.choose}
                />
              </FlexItem>
            ) : null}
          </Flex>
        </StackItem>
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
    </PageSection>
  );
}
