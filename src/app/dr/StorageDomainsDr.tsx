// The storage domains of a cluster's volumes with their scheduled sync: schedule, last sync
// (start, end, result, how much data), next sync, and the actions (set up, sync now, failover,
// failback). Loaded on demand (a chunk of its own): most visits to the tab never open it.
import {
  Alert,
  Button,
  Content,
  ExpandableSection,
  Flex,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl, type MessageDescriptor } from '../../intl/react';
import { describeSchedule, type DrDomainView } from '../../georep/dr';
import { useGeoRepEnvironment, useServices } from '../environment';
import { asApiError } from '../queries';
import { statusMessages, tableMessages } from '../messages';
import { drMessages as m } from './messages';
import { ProcedureDialog } from './ProcedureDialog';
import { ScheduleDialog } from './ScheduleDialog';
import { SyncNowDialog } from './SyncNowDialog';
import { useWhenReady } from './useDrSetupIntent';

type Open =
  | { what: 'schedule' | 'sync'; domain: DrDomainView }
  | { what: 'failover' | 'failback'; domain: DrDomainView; sessionId: string; label: string }
  | null;

function gib(n: number | null): string {
  return n === null ? '?' : `${(n / 1024 ** 3).toFixed(1)} GiB`;
}

export function StorageDomainsDr({
  clusterId,
  canManage,
}: {
  clusterId: string;
  canManage: boolean;
}) {
  const intl = useIntl();
  /** A session's status in the tab's words (the service sends Gluster's status code). */
  const statusWord = (status: string): string => {
    const known = (statusMessages as Record<string, MessageDescriptor | undefined>)[status];
    return known ? intl.formatMessage(known) : status;
  };
  const dr = useServices().dr!;
  const [expanded, setExpanded] = useState(true);
  const [open, setOpen] = useState<Open>(null);
  const q = useQuery({
    queryKey: ['georep', 'dr', clusterId],
    queryFn: () => dr.listStorageDomains(clusterId),
    refetchInterval: 15_000,
  });
  // "Remote Data Sync Setup" on the Volumes list: open the set-up of that volume's storage domain
  const env = useGeoRepEnvironment();
  const request = env.drSetupRequest;
  const [missing, setMissing] = useState<string | null>(null);
  useWhenReady(request && request.clusterId === clusterId ? request : null, q.data, (r, list) => {
    const d = list.find((x) => x.primary_volume === r.volume);
    setExpanded(true);
    if (d && canManage && d.sessions.length > 0) {
      setMissing(null);
      setOpen({ what: 'schedule', domain: d });
    } else
      setMissing(
        intl.formatMessage(
          !d ? m.noDomainOnVolume : d.sessions.length === 0 ? m.noSessionForVolume : m.cannotManage,
          {
            volume: r.volume,
          },
        ),
      );
    env.onDrSetupHandled?.();
  });
  const time = (iso: string | null) =>
    iso ? intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

  return (
    <ExpandableSection
      toggleText={intl.formatMessage(m.title)}
      isExpanded={expanded}
      onToggle={(_e, x) => setExpanded(x)}
      className="georep-dr"
    >
      <Stack hasGutter>
        <StackItem>
          <Content component="p">{intl.formatMessage(m.intro)}</Content>
        </StackItem>
        {q.error ? (
          <StackItem>
            <Alert
              isInline
              variant="warning"
              title={intl.formatMessage(m.loadFailed, {
                detail: asApiError(q.error).detail || asApiError(q.error).reason,
              })}
            />
          </StackItem>
        ) : null}
        {missing ? (
          <StackItem>
            <Alert isInline variant="info" title={missing} />
          </StackItem>
        ) : null}
        {q.data && q.data.length === 0 ? (
          <StackItem>
            <Content component="p">{intl.formatMessage(m.none)}</Content>
          </StackItem>
        ) : null}
        {q.data && q.data.length > 0 ? (
          <StackItem>
            <Table
              aria-label={intl.formatMessage(m.title)}
              variant="compact"
              // stacked below 1200 px: WebAdmin at 1024×768 must not scroll sideways
              gridBreakPoint="grid-xl"
            >
              <Thead>
                <Tr>
                  <Th>{intl.formatMessage(m.colDomain)}</Th>
                  <Th>{intl.formatMessage(m.colSession)}</Th>
                  <Th>{intl.formatMessage(m.colSchedule)}</Th>
                  <Th>{intl.formatMessage(m.colLast)}</Th>
                  <Th>{intl.formatMessage(m.colNext)}</Th>
                  <Th screenReaderText={intl.formatMessage(tableMessages.actionsColumn)} />
                </Tr>
              </Thead>
              <Tbody>
                {q.data.map((d) => {
                  const session = d.sessions.find((s) => s.id === d.session_id);
                  const last = d.last_sync;
                  const label = session ? `${d.primary_volume} → ${session.secondary}` : '';
                  return (
                    <Tr key={d.storage_domain_id} data-domain={d.storage_domain_name}>
                      <Td dataLabel={intl.formatMessage(m.colDomain)}>
                        <strong>{d.storage_domain_name}</strong>
                        <div className="georep-subtle">{d.connection}</div>
                      </Td>
                      <Td dataLabel={intl.formatMessage(m.colSession)}>
                        {session ? `${session.secondary} (${statusWord(session.status)})` : '—'}
                      </Td>
                      <Td dataLabel={intl.formatMessage(m.colSchedule)} data-cell="schedule">
                        {d.setup
                          ? describeSchedule(d.setup.schedule)
                          : intl.formatMessage(m.noSchedule)}
                        {d.setup_problem ? (
                          <Alert isInline isPlain variant="warning" title={d.setup_problem} />
                        ) : null}
                      </Td>
                      <Td dataLabel={intl.formatMessage(m.colLast)} data-cell="last">
                        {!last
                          ? intl.formatMessage(m.never)
                          : last.result === 'running'
                            ? intl.formatMessage(m.lastRunning, { start: time(last.started_at) })
                            : intl.formatMessage(m.lastDone, {
                                result: last.result,
                                start: time(last.started_at),
                                end: time(last.ended_at),
                              })}
                        {last && last.result !== 'running' ? (
                          <div className="georep-subtle">
                            {last.detail}
                            {last.data.secondary_used_after !== null ||
                            last.data.secondary_used_before !== null
                              ? ` ${intl.formatMessage(m.dataLine, { before: gib(last.data.secondary_used_before), after: gib(last.data.secondary_used_after) })}`
                              : ''}
                          </div>
                        ) : null}
                        {d.last_sync_problem ? (
                          <Alert isInline isPlain variant="warning" title={d.last_sync_problem} />
                        ) : null}
                      </Td>
                      <Td dataLabel={intl.formatMessage(m.colNext)} data-cell="next">
                        {time(d.next_sync_at)}
                      </Td>
                      <Td isActionCell>
                        <Flex
                          spaceItems={{ default: 'spaceItemsSm' }}
                          flexWrap={{ default: 'wrap' }}
                        >
                          <Button
                            variant="secondary"
                            size="sm"
                            isDisabled={!canManage || d.sessions.length === 0}
                            onClick={() => setOpen({ what: 'schedule', domain: d })}
                          >
                            {intl.formatMessage(d.setup ? m.edit : m.setUp)}
                          </Button>
                          <Button
                            variant="secondary"
                            size="sm"
                            isDisabled={
                              !canManage || !d.setup || !d.session_id || d.running_job !== null
                            }
                            onClick={() => setOpen({ what: 'sync', domain: d })}
                          >
                            {intl.formatMessage(m.syncNow)}
                          </Button>
                          {session ? (
                            <>
                              <Button
                                variant="link"
                                size="sm"
                                onClick={() =>
                                  setOpen({
                                    what: 'failover',
                                    domain: d,
                                    sessionId: session.id,
                                    label,
                                  })
                                }
                              >
                                {intl.formatMessage(m.failover)}
                              </Button>
                              <Button
                                variant="link"
                                size="sm"
                                onClick={() =>
                                  setOpen({
                                    what: 'failback',
                                    domain: d,
                                    sessionId: session.id,
                                    label,
                                  })
                                }
                              >
                                {intl.formatMessage(m.failback)}
                              </Button>
                            </>
                          ) : null}
                        </Flex>
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          </StackItem>
        ) : null}
      </Stack>
      {open?.what === 'schedule' ? (
        <ScheduleDialog clusterId={clusterId} domain={open.domain} onClose={() => setOpen(null)} />
      ) : null}
      {open?.what === 'sync' ? (
        <SyncNowDialog clusterId={clusterId} domain={open.domain} onClose={() => setOpen(null)} />
      ) : null}
      {open && (open.what === 'failover' || open.what === 'failback') ? (
        <ProcedureDialog
          clusterId={clusterId}
          sessionId={open.sessionId}
          sessionLabel={open.label}
          kind={open.what}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </ExpandableSection>
  );
}
