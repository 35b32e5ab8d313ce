// What is wrong with a session's workers, and why, in the details: each Stalled worker with the
// evidence read on its brick and Recover; for Stalled and Faulty workers alike, what their own
// gsyncd.log says (LogSection: read on the node when opened, with the known failure it matches);
// and what the status alone shows to be fragile (src/georep/known-failures.ts).
import {
  Alert,
  Button,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  ExpandableSection,
  Spinner,
  Stack,
  StackItem,
  Tooltip,
} from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from '../intl/react';
import { statusFindings } from '../georep/known-failures';
import type { GeoRepSession, GeoRepWorker, KnownFailureView } from '../georep/types';
import { useServices } from './environment';
import { asApiError } from './queries';
import { recoverMessages as m } from './recoverMessages';

export interface RecoverAction {
  enabled: boolean;
  reason: string | null;
  onClick: () => void;
}

function KnownFailure({ f }: { f: KnownFailureView }) {
  const intl = useIntl();
  return (
    <Alert
      isInline
      isPlain
      variant="info"
      component="h4"
      title={intl.formatMessage(m.knownTitle, { title: f.title })}
      data-known-failure={f.id}
    >
      <DescriptionList isCompact>
        <DescriptionListGroup>
          <DescriptionListTerm>{intl.formatMessage(m.knownMeaning)}</DescriptionListTerm>
          <DescriptionListDescription>{f.meaning}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{intl.formatMessage(m.knownRemedy)}</DescriptionListTerm>
          <DescriptionListDescription>{f.remedy}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{intl.formatMessage(m.knownSeen)}</DescriptionListTerm>
          <DescriptionListDescription>{f.seen_in.join('; ')}</DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
    </Alert>
  );
}

/** The worker's own log lines and the known failures they show, read when first opened. */
function WorkerLog({
  clusterId,
  sessionId,
  worker: w,
  logPath,
}: {
  clusterId: string;
  sessionId: string;
  worker: GeoRepWorker;
  logPath: string;
}) {
  const intl = useIntl();
  const services = useServices();
  const brick = `${w.primary_node}:${w.primary_brick}`;
  const q = useQuery({
    queryKey: ['georep', 'diagnosis', clusterId, sessionId, brick],
    queryFn: () => services.getDiagnosis(clusterId, sessionId, brick),
    staleTime: 10_000,
  });
  if (q.isPending)
    return (
      <Content component="p">
        <Spinner size="sm" aria-hidden />{' '}
        {intl.formatMessage(m.logLoading, { node: w.primary_node })}
      </Content>
    );
  if (q.error) {
    const e = asApiError(q.error);
    return (
      <Content component="p">
        {intl.formatMessage(m.logFailed, { detail: e.detail || e.reason })}
      </Content>
    );
  }
  const d = q.data.worker_diagnosis[0];
  if (!d) return null;
  if (d.unavailable)
    return (
      <Content component="p">
        {intl.formatMessage(m.logUnavailable, {
          detail: d.unavailable,
          path: logPath,
          node: w.primary_node,
        })}
      </Content>
    );
  if (d.lines.length === 0)
    return (
      <Content component="p">
        {intl.formatMessage(m.logEmpty, { path: d.log_file, node: w.primary_node })}
      </Content>
    );
  return (
    <Stack hasGutter>
      {d.known_failures.map((f) => (
        <StackItem key={f.id}>
          <KnownFailure f={f} />
        </StackItem>
      ))}
      {d.known_failures.length === 0 ? (
        <StackItem>
          <Content component="p">{intl.formatMessage(m.unknownFailure)}</Content>
        </StackItem>
      ) : null}
      <StackItem>
        <Content component="small">
          {intl.formatMessage(d.truncated ? m.logTruncated : m.logFile, {
            path: d.log_file,
            node: w.primary_node,
          })}
        </Content>
        <pre
          className="georep-log-lines"
          tabIndex={0}
          aria-label={intl.formatMessage(m.linesLabel, { node: w.primary_node })}
        >
          {d.lines.map((l) => l.text).join('\n')}
        </pre>
      </StackItem>
    </Stack>
  );
}

export function LogSection(props: {
  clusterId: string;
  sessionId: string;
  worker: GeoRepWorker;
  logPath: string;
}) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <ExpandableSection
      toggleText={intl.formatMessage(m.logToggle)}
      isExpanded={open}
      onToggle={(_e, v) => setOpen(v)}
    >
      {open ? <WorkerLog {...props} /> : null}
    </ExpandableSection>
  );
}

function waited(intl: ReturnType<typeof useIntl>, seconds: number): string {
  if (seconds < 120)
    return intl.formatNumber(seconds, { style: 'unit', unit: 'second', unitDisplay: 'long' });
  return intl.formatNumber(Math.round(seconds / 60), {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  });
}

export interface WorkerProblemsProps {
  clusterId: string;
  session: GeoRepSession;
  /** The session's gsyncd log on the primary nodes (configured, or Gluster's default). */
  logPath: string;
  /** Recover, when this view may offer it. */
  recover?: RecoverAction;
}

export function WorkerProblems({ clusterId, session, logPath, recover }: WorkerProblemsProps) {
  const intl = useIntl();
  const fmt = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' });
  const problems = session.workers.filter((w) => w.stall);
  const findings = statusFindings(session.workers);
  return (
    <>
      {problems.map((w) => {
        const key = `${w.primary_node}:${w.primary_brick}`;
        const s = w.stall;
        if (!s) return null;
        const log = (
          <LogSection clusterId={clusterId} sessionId={session.id} worker={w} logPath={logPath} />
        );
        const button = recover ? (
          <Button
            variant="secondary"
            size="sm"
            isAriaDisabled={!recover.enabled}
            onClick={recover.enabled ? recover.onClick : undefined}
          >
            {intl.formatMessage(m.start)}
          </Button>
        ) : null;
        return (
          <StackItem key={key}>
            <Alert
              component="h3"
              isInline
              variant="warning"
              title={intl.formatMessage(m.stalledTitle, { node: w.primary_node })}
              data-stalled-worker={key}
            >
              <Content component="p">
                {intl.formatMessage(m.stalledBody, {
                  count: s.pending_changelogs,
                  brick: w.primary_brick,
                  since: fmt(s.pending_since),
                  waited: waited(intl, s.waited_seconds),
                  lastSynced: s.last_synced
                    ? fmt(s.last_synced)
                    : intl.formatMessage(m.notSyncedYet),
                })}
              </Content>
              {button ? (
                <Content component="p">
                  {recover && !recover.enabled && recover.reason ? (
                    <Tooltip content={recover.reason}>{button}</Tooltip>
                  ) : (
                    button
                  )}
                </Content>
              ) : null}
              {log}
            </Alert>
          </StackItem>
        );
      })}
      {findings.map((f) => (
        <StackItem key={f.id}>
          <KnownFailure f={f} />
        </StackItem>
      ))}
    </>
  );
}
