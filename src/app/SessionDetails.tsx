// A session's workers, grouped by replica set: each set should have exactly one Active worker
// while the session runs (flagged otherwise), per-worker crawl, sync and checkpoint progress, and
// for a Faulty worker where to look (the gsyncd log on that node).
import {
  Alert,
  Content,
  ExpandableSection,
  Label,
  List,
  ListItem,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from '../intl/react';
import type { GeoRepConfigOption, GeoRepSession, GeoRepWorker } from '../georep/types';
import { useServices } from './environment';
import { CheckCircleIcon, ExclamationTriangleIcon } from './icons';
import { detailsMessages } from './detailsMessages';
import { sessionWordsMessages } from './messages';
import { queryKeys } from './queries';
import { RelativeTime } from './RelativeTime';
import {
  checkpointProgress,
  defaultLogPath,
  expectsActiveWorker,
  groupByReplicaSet,
} from './sessionRules';
import { LagHistory } from './LagHistory';
import { SessionEventsLink } from './SessionEventsLink';
import { StatusLabel, statusMessage } from './StatusLabel';
import { TruncatedText } from './TruncatedText';
import { LogSection, WorkerProblems, type RecoverAction } from './WorkerProblems';

const LOG_OPTION_NAMES = ['log-file', 'log_file'];

/** The configured log file when the session's options were already read (never fetched just for this). */
function useConfiguredLogFile(clusterId: string, sessionId: string): string | null {
  const services = useServices();
  const { data } = useQuery<GeoRepConfigOption[]>({
    queryKey: queryKeys.config(clusterId, sessionId),
    queryFn: () => services.getConfig(clusterId, sessionId),
    enabled: false,
  });
  const option = data?.find((o) => LOG_OPTION_NAMES.includes(o.name));
  return option?.value ? option.value : null;
}

function Count({ value }: { value: number | null }) {
  const intl = useIntl();
  return (
    <>
      {value === null
        ? intl.formatMessage(detailsMessages.notApplicable)
        : intl.formatNumber(value)}
    </>
  );
}

function WorkerCheckpoint({ worker }: { worker: GeoRepWorker }) {
  const intl = useIntl();
  const cp = worker.checkpoint;
  if (!cp) return <>{intl.formatMessage(detailsMessages.notApplicable)}</>;
  if (cp.completed && cp.completion_time) {
    return (
      <RelativeTime
        iso={cp.completion_time}
        wrap
        render={(relative) =>
          intl.formatMessage(detailsMessages.workerCheckpointDone, { relative })
        }
      />
    );
  }
  return <>{intl.formatMessage(detailsMessages.workerCheckpointPending)}</>;
}

/** A worker's last sync: live while Active, else the last one read while it was, or why not known. */
function WorkerLastSynced({ worker: w }: { worker: GeoRepWorker }) {
  const intl = useIntl();
  // May wrap: unbroken, "21 seconds ago" pushed the workers' table past a 1240 px frame (1440 px).
  if (w.status === 'Active' && w.last_synced) return <RelativeTime iso={w.last_synced} wrap />;
  const seen = w.last_synced_seen;
  if (seen && w.status !== 'Active') {
    return (
      <RelativeTime
        iso={seen.time}
        wrap
        render={(relative) =>
          intl.formatMessage(detailsMessages.seenAt, {
            relative,
            asOf: intl.formatDate(seen.read_at, { dateStyle: 'short', timeStyle: 'short' }),
          })
        }
      />
    );
  }
  if (w.status === 'Active') return <>{intl.formatMessage(detailsMessages.never)}</>;
  return (
    <>
      {intl.formatMessage(detailsMessages.notReported, {
        status: intl.formatMessage(statusMessage(w.status)),
      })}
    </>
  );
}

/** One sentence on how far the secondary is in sync, and how that is known. */
function SyncPointSentence({ session }: { session: GeoRepSession }) {
  const intl = useIntl();
  const sp = session.sync_point;
  const fmt = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' });
  let text: string;
  if (sp.time && sp.source === 'live')
    text = intl.formatMessage(detailsMessages.syncPointLive, { time: fmt(sp.time) });
  else if (sp.time)
    text = intl.formatMessage(detailsMessages.syncPointSeen, {
      time: fmt(sp.time),
      asOf: fmt(sp.as_of ?? session.read_at),
    });
  else if (sp.source === 'never') text = intl.formatMessage(detailsMessages.syncPointNever);
  else text = intl.formatMessage(detailsMessages.syncPointUnknown);
  return (
    <Content component="p" data-testid="sync-point">
      {text}
    </Content>
  );
}

function ReplicaSetFlag({
  activeCount,
  sessionRuns,
}: {
  activeCount: number;
  sessionRuns: boolean;
}) {
  const intl = useIntl();
  if (activeCount > 1) {
    return (
      <Label color="orange" icon={<ExclamationTriangleIcon />} isCompact data-flag="many-active">
        {intl.formatMessage(detailsMessages.manyActiveFlag, { count: activeCount })}
      </Label>
    );
  }
  if (activeCount === 0 && sessionRuns) {
    return (
      <Label color="red" icon={<ExclamationTriangleIcon />} isCompact data-flag="no-active">
        {intl.formatMessage(detailsMessages.noActiveFlag)}
      </Label>
    );
  }
  if (activeCount === 1) {
    return (
      <Label color="green" icon={<CheckCircleIcon />} isCompact data-flag="one-active">
        {intl.formatMessage(detailsMessages.oneActive)}
      </Label>
    );
  }
  return null;
}

export function CrawlHelp() {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <ExpandableSection
      toggleText={intl.formatMessage(detailsMessages.crawlHelpToggle)}
      isExpanded={open}
      onToggle={(_e, v) => setOpen(v)}
    >
      <List>
        <ListItem>{intl.formatMessage(sessionWordsMessages.crawlChangelog)}</ListItem>
        <ListItem>{intl.formatMessage(sessionWordsMessages.crawlHistory)}</ListItem>
        <ListItem>{intl.formatMessage(sessionWordsMessages.crawlHybrid)}</ListItem>
        <ListItem>{intl.formatMessage(sessionWordsMessages.crawlNA)}</ListItem>
      </List>
    </ExpandableSection>
  );
}

export interface SessionDetailsProps {
  clusterId: string;
  session: GeoRepSession;
  /** Recover for a stalled session, with whether this user may (src/app/RecoverDialog.tsx). */
  recover?: RecoverAction;
}

export function SessionDetails({ clusterId, session, recover }: SessionDetailsProps) {
  const intl = useIntl();
  const configuredLog = useConfiguredLogFile(clusterId, session.id);
  const sets = groupByReplicaSet(session.workers);
  const runs = expectsActiveWorker(session.status);
  const faulty = session.workers.filter((w) => w.status === 'Faulty');
  const logPath = configuredLog ?? defaultLogPath(session);
  const cp = checkpointProgress(session);
  const t = (m: (typeof detailsMessages)[keyof typeof detailsMessages]) => intl.formatMessage(m);

  return (
    <Stack hasGutter className="georep-details">
      <StackItem>
        <Title headingLevel="h2" size="md">
          {t(detailsMessages.title)}
        </Title>
      </StackItem>
      <StackItem>
        <SyncPointSentence session={session} />
      </StackItem>
      <StackItem>
        <SessionEventsLink clusterId={clusterId} session={session} />
      </StackItem>
      {cp ? (
        <StackItem>
          <Content component="p" data-testid="checkpoint-summary">
            {cp.completed && cp.completionTime
              ? intl.formatMessage(detailsMessages.checkpointSummaryDone, {
                  time: intl.formatDate(cp.time, { dateStyle: 'medium', timeStyle: 'medium' }),
                  completed: intl.formatDate(cp.completionTime, {
                    dateStyle: 'medium',
                    timeStyle: 'medium',
                  }),
                })
              : intl.formatMessage(detailsMessages.checkpointSummaryPending, {
                  time: intl.formatDate(cp.time, { dateStyle: 'medium', timeStyle: 'medium' }),
                  done: cp.done,
                  total: cp.total,
                })}
            {cp.asOf ? (
              <>
                {' '}
                {intl.formatMessage(detailsMessages.checkpointAsOf, {
                  asOf: intl.formatDate(cp.asOf, { dateStyle: 'medium', timeStyle: 'medium' }),
                })}
              </>
            ) : null}
          </Content>
        </StackItem>
      ) : null}
      {faulty.map((w) => (
        <StackItem key={`${w.primary_node}:${w.primary_brick}`}>
          <Alert
            component="h3"
            isInline
            variant="danger"
            title={intl.formatMessage(detailsMessages.faultyTitle, { node: w.primary_node })}
          >
            <Content component="p">
              {intl.formatMessage(detailsMessages.faultyBody, {
                node: w.primary_node,
                brick: w.primary_brick,
              })}
            </Content>
            <Content component="p">
              <code className="georep-log-path">{logPath}</code>{' '}
              {t(configuredLog ? detailsMessages.logFromConfig : detailsMessages.logDefault)}
            </Content>
            <LogSection clusterId={clusterId} sessionId={session.id} worker={w} logPath={logPath} />
          </Alert>
        </StackItem>
      ))}
      <WorkerProblems clusterId={clusterId} session={session} logPath={logPath} recover={recover} />
      {sets.length === 0 ? (
        <StackItem>
          <Content component="p">{t(detailsMessages.noWorkers)}</Content>
        </StackItem>
      ) : null}
      {sets.map((set) => {
        const heading = intl.formatMessage(detailsMessages.replicaSet, { index: set.index + 1 });
        return (
          <StackItem key={set.index} className="georep-replica-set">
            <section aria-label={heading} data-replica-set={set.index}>
              <Title headingLevel="h3" size="md">
                {heading} <ReplicaSetFlag activeCount={set.activeCount} sessionRuns={runs} />
              </Title>
              {/* Below PatternFly's xl (WebAdmin at 1024 px) each worker is a card of labelled
                  values: every field stays readable and nothing scrolls sideways. */}
              <Table
                variant="compact"
                gridBreakPoint="grid-xl"
                aria-label={intl.formatMessage(detailsMessages.workersAria, {
                  index: set.index + 1,
                })}
              >
                <Thead>
                  {/* Headers wrap onto two lines rather than being cut ("Entry pending" at 1440 px);
                      the counts take no more room than their header, the names get the rest. */}
                  <Tr>
                    <Th modifier="wrap" width={15}>
                      {t(detailsMessages.node)}
                    </Th>
                    <Th modifier="wrap" width={15}>
                      {t(detailsMessages.brick)}
                    </Th>
                    <Th modifier="wrap">{t(detailsMessages.status)}</Th>
                    <Th modifier="wrap">{t(detailsMessages.remoteNode)}</Th>
                    <Th modifier="wrap">{t(detailsMessages.crawl)}</Th>
                    <Th modifier="wrap">{t(detailsMessages.lastSynced)}</Th>
                    <Th modifier="wrap" className="georep-count-column">
                      {t(detailsMessages.entryPending)}
                    </Th>
                    <Th modifier="wrap" className="georep-count-column">
                      {t(detailsMessages.dataPending)}
                    </Th>
                    <Th modifier="wrap" className="georep-count-column">
                      {t(detailsMessages.metaPending)}
                    </Th>
                    <Th modifier="wrap" className="georep-count-column">
                      {t(detailsMessages.failures)}
                    </Th>
                    <Th modifier="wrap" width={15}>
                      {t(detailsMessages.checkpoint)}
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {set.workers.map((w) => (
                    <Tr key={`${w.primary_node}:${w.primary_brick}`}>
                      <Td dataLabel={t(detailsMessages.node)}>
                        <TruncatedText text={w.primary_node} />
                      </Td>
                      <Td dataLabel={t(detailsMessages.brick)}>
                        <TruncatedText text={w.primary_brick} />
                      </Td>
                      <Td dataLabel={t(detailsMessages.status)}>
                        <StatusLabel status={w.stall ? 'Stalled' : w.status} />
                        {w.restarting ? (
                          <div className="georep-subtle">{t(detailsMessages.restarting)}</div>
                        ) : null}
                      </Td>
                      <Td dataLabel={t(detailsMessages.remoteNode)}>
                        {w.secondary_node ? (
                          <TruncatedText text={w.secondary_node} />
                        ) : (
                          t(detailsMessages.notApplicable)
                        )}
                      </Td>
                      <Td dataLabel={t(detailsMessages.crawl)}>
                        {w.crawl_status ?? t(detailsMessages.notApplicable)}
                      </Td>
                      <Td dataLabel={t(detailsMessages.lastSynced)}>
                        <WorkerLastSynced worker={w} />
                      </Td>
                      <Td dataLabel={t(detailsMessages.entryPending)}>
                        <Count value={w.entry_pending} />
                      </Td>
                      <Td dataLabel={t(detailsMessages.dataPending)}>
                        <Count value={w.data_pending} />
                      </Td>
                      <Td dataLabel={t(detailsMessages.metaPending)}>
                        <Count value={w.meta_pending} />
                      </Td>
                      <Td dataLabel={t(detailsMessages.failures)}>
                        <Count value={w.failures} />
                      </Td>
                      <Td dataLabel={t(detailsMessages.checkpoint)}>
                        <WorkerCheckpoint worker={w} />
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </section>
          </StackItem>
        );
      })}
      <StackItem>
        <LagHistory clusterId={clusterId} session={session} />
      </StackItem>
      <StackItem>
        <CrawlHelp />
      </StackItem>
    </Stack>
  );
}
