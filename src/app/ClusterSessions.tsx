// The sessions of one cluster: live data (polled), its freshness, the summary, filters, the table,
// actions and their dialogs. Mounted per cluster (keyed), so filters and selection start afresh.
// With `volume` (a volume's Geo-Replication sub tab) it shows only the sessions whose primary
// volume that is: same views, same actions, the summary and counts of those sessions alone.
import {
  Alert,
  AlertActionLink,
  Bullseye,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Flex,
  FlexItem,
  Label,
  Pagination,
  Spinner,
  Stack,
  StackItem,
  Tooltip,
} from '@patternfly/react-core';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useIntl } from '../intl/react';
import type { EngineCluster } from '../api/engine';
import type { GeoRepSession } from '../georep/types';
import { availability, permissionFrom } from './actionAvailability';
import type { ConfirmableAction } from './ConfirmActionDialog';
import { useGeoRepEnvironment } from './environment';
import { CubesIcon, SearchIcon } from './icons';
import { LoadProblem, ReloadToLogin } from './LoadProblem';
import { pageMessages, toolbarMessages } from './messages';
import { asApiError } from './queries';
import { RelativeText, RelativeTime } from './RelativeTime';
import {
  ConfirmActionDialog,
  DialogSlot,
  Loadable,
  RecoverDialog,
  RemoveSessionDialog,
  SessionOptionsDialog,
  StorageDomainsDr,
} from './onDemand';
import { LiveUpdates } from './LiveUpdates';
import {
  clusterFromLocation,
  filterAndSort,
  sessionFromLocation,
  type SessionAction,
  type SortDirection,
  type SortKey,
  type StateBucket,
} from './sessionRules';
import { useShowSessionEvents } from './SessionEventsLink';
import { SessionSummary } from './SessionSummary';
import { type RowAction, SessionsTable } from './SessionsTable';
import { PER_PAGE_OPTIONS, SessionsToolbar } from './SessionsToolbar';
import { usePaginationTitles } from './usePaginationTitles';
import { useDocumentVisible } from './useDocumentVisible';
import { useAccess, useSessions } from './useSessions';
import { asSentence } from '../georep/errorMessage';

type Dialog =
  | {
      kind: 'confirm';
      action: ConfirmableAction;
      targets: GeoRepSession[];
      skipped: GeoRepSession[];
    }
  | { kind: 'remove'; targets: GeoRepSession[]; skipped: GeoRepSession[] }
  | { kind: 'options'; session: GeoRepSession }
  | { kind: 'recover'; session: GeoRepSession };

const EMPTY: GeoRepSession[] = [];
const ROW_ACTIONS: readonly SessionAction[] = [
  'start',
  'stop',
  'pause',
  'resume',
  'checkpoint',
  'recover',
  'options',
  'remove',
];

function NoMatch({ onClear }: { onClear: () => void }) {
  const intl = useIntl();
  return (
    <EmptyState
      titleText={intl.formatMessage(pageMessages.noMatchTitle)}
      headingLevel="h2"
      icon={SearchIcon}
      variant="sm"
    >
      <EmptyStateBody>{intl.formatMessage(pageMessages.noMatchBody)}</EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          <Button variant="link" onClick={onClear}>
            {intl.formatMessage(pageMessages.clearFilters)}
          </Button>
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  );
}

export interface ClusterSessionsProps {
  cluster: EngineCluster;
  /** Only the sessions whose primary volume has this name; New session preselects it. */
  volume?: string;
}

export function ClusterSessions({ cluster, volume }: ClusterSessionsProps) {
  const intl = useIntl();
  const env = useGeoRepEnvironment();
  const { refreshIntervalMs, onStartSession } = env;
  const visible = useDocumentVisible();
  const titles = usePaginationTitles();
  const clusterId = cluster.id;
  const sessions = useSessions(clusterId);
  const access = useAccess(clusterId);
  const permission = useMemo(
    () =>
      permissionFrom(intl, { data: access.data, error: access.error, isPending: access.isPending }),
    [intl, access.data, access.error, access.isPending],
  );

  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const [bucket, setBucket] = useState<StateBucket | null>(null);
  const [sortKey, setSortKey] = useState<SortKey>('primary_volume');
  const [direction, setDirection] = useState<SortDirection>('asc');
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(PER_PAGE_OPTIONS[1]!.value);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A deep link to a session opens it (when it is one of this cluster's).
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => {
    const linked = sessionFromLocation(env.location);
    return new Set(linked && clusterFromLocation(env.location) === clusterId ? [linked] : []);
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const listed = sessions.data?.sessions ?? EMPTY;
  // Volume names are unique within a cluster (glusterd), so the name names the volume.
  const all = useMemo(
    () => (volume === undefined ? listed : listed.filter((s) => s.primary_volume === volume)),
    [listed, volume],
  );
  const filtered = useMemo(
    () => filterAndSort(all, { text: deferredText, bucket, sortKey, direction }),
    [all, deferredText, bucket, sortKey, direction],
  );
  const lastPage = Math.max(1, Math.ceil(filtered.length / perPage));
  const currentPage = Math.min(page, lastPage);
  const rows = useMemo(
    () => filtered.slice((currentPage - 1) * perPage, currentPage * perPage),
    [filtered, currentPage, perPage],
  );
  const selectedSessions = useMemo(() => all.filter((s) => selected.has(s.id)), [all, selected]);
  // A deep-linked session: show the page it is on, once, when the sessions first arrive
  // (state adjusted while rendering, as React recommends for what depends on arriving data).
  const [linkShown, setLinkShown] = useState(false);
  if (!linkShown && sessions.data) {
    setLinkShown(true);
    const at = filtered.findIndex((s) => expanded.has(s.id));
    if (at >= 0) setPage(Math.floor(at / perPage) + 1);
  }

  const changeText = useCallback((v: string) => {
    setText(v);
    setPage(1);
  }, []);
  const changeBucket = useCallback((b: StateBucket | null) => {
    setBucket(b);
    setPage(1);
  }, []);
  const onSelect = useCallback((ids: string[], on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const { setDeepLink } = env;
  const onToggleExpand = useCallback(
    (id: string) => {
      setExpanded((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      // WebAdmin's URL names the session last opened (and only the cluster once it is closed).
      setDeepLink?.({ cluster: clusterId, session: expanded.has(id) ? null : id });
    },
    [setDeepLink, clusterId, expanded],
  );

  const onSort = useCallback((key: SortKey, dir: SortDirection) => {
    setSortKey(key);
    setDirection(dir);
    setPage(1);
  }, []);
  const clearFilters = useCallback(() => {
    changeText('');
    changeBucket(null);
  }, [changeText, changeBucket]);

  const open = useCallback(
    (action: SessionAction, targets: GeoRepSession[], skipped: GeoRepSession[]) => {
      if (action === 'options') {
        if (targets[0]) setDialog({ kind: 'options', session: targets[0] });
      } else if (action === 'recover') {
        if (targets[0]) setDialog({ kind: 'recover', session: targets[0] });
      } else if (action === 'remove') {
        setDialog({ kind: 'remove', targets, skipped });
      } else {
        setDialog({ kind: 'confirm', action, targets, skipped });
      }
    },
    [],
  );

  const rowActions = useCallback(
    (s: GeoRepSession): RowAction[] =>
      ROW_ACTIONS.map((action) => {
        const a = availability(intl, action, [s], permission);
        return { action, enabled: a.enabled, reason: a.reason };
      }),
    [intl, permission],
  );
  const onRowAction = useCallback(
    (action: SessionAction, s: GeoRepSession) => open(action, [s], []),
    [open],
  );
  const onShowEvents = useShowSessionEvents(clusterId);
  const toolbarAvailability = useCallback(
    (action: SessionAction) => availability(intl, action, selectedSessions, permission),
    [intl, selectedSessions, permission],
  );
  const onToolbarAction = (action: SessionAction) => {
    const a = toolbarAvailability(action);
    if (a.enabled) open(action, a.eligible, a.skipped);
  };

  const newSession = onStartSession
    ? {
        availability: { enabled: permission.allowed, reason: permission.reason },
        onClick: () =>
          volume === undefined ? onStartSession(clusterId) : onStartSession(clusterId, volume),
      }
    : null;

  const noMatch = useMemo(() => <NoMatch onClear={clearFilters} />, [clearFilters]);

  const retry = () => void sessions.refetch();
  const error = sessions.error ? asApiError(sessions.error) : null;

  // ---- no data yet ----
  if (!sessions.data) {
    if (error) {
      return (
        <LoadProblem
          error={error}
          failureTitle={pageMessages.sessionsFailedTitle}
          onRetry={retry}
          retrying={sessions.isFetching}
        />
      );
    }
    return (
      <Bullseye>
        <Spinner aria-label={intl.formatMessage(pageMessages.loadingSessions)} />
      </Bullseye>
    );
  }

  const readAt = sessions.data.readAt;
  const staleAlert = error ? (
    error.kind === 'unauthorized' ? (
      <Alert
        component="h2"
        isInline
        variant="danger"
        title={intl.formatMessage(pageMessages.unauthorizedTitle)}
        actionLinks={<ReloadToLogin />}
      >
        {intl.formatMessage(pageMessages.unauthorizedBody)}
      </Alert>
    ) : error.kind === 'forbidden' ? (
      <Alert
        component="h2"
        isInline
        variant="danger"
        title={intl.formatMessage(pageMessages.forbiddenTitle)}
      >
        {intl.formatMessage(pageMessages.forbiddenBody)}{' '}
        <span className="georep-name">{error.detail}</span>
      </Alert>
    ) : (
      <Alert
        component="h2"
        isInline
        variant="warning"
        title={
          <RelativeText
            iso={readAt}
            render={(relative) => intl.formatMessage(pageMessages.staleTitle, { relative })}
          />
        }
        actionLinks={
          <AlertActionLink onClick={retry} isDisabled={sessions.isFetching}>
            {intl.formatMessage(pageMessages.retry)}
          </AlertActionLink>
        }
      >
        <span className="georep-name">
          {intl.formatMessage(pageMessages.staleBody, {
            detail: asSentence(error.detail || error.reason),
            seconds: Math.round(refreshIntervalMs / 1000),
          })}
        </span>
      </Alert>
    )
  ) : null;

  const accessAlert =
    access.error && asApiError(access.error).kind !== 'forbidden' ? (
      <Alert component="h2" isInline isPlain variant="info" title={permission.reason ?? ''} />
    ) : null;

  const freshness = (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
      <FlexItem>
        <RelativeTime
          iso={readAt}
          render={(relative) => intl.formatMessage(pageMessages.lastRead, { relative })}
          extra={intl.formatMessage(pageMessages.lastReadTooltip, {
            time: intl.formatDate(readAt, { dateStyle: 'medium', timeStyle: 'medium' }),
            seconds: Math.round(refreshIntervalMs / 1000),
          })}
        />
      </FlexItem>
      <FlexItem>
        <LiveUpdates clusterId={clusterId} />
      </FlexItem>
      {!visible ? <FlexItem>{intl.formatMessage(pageMessages.refreshPaused)}</FlexItem> : null}
      {sessions.data.backend === 'sim' ? (
        <FlexItem>
          <Tooltip content={intl.formatMessage(pageMessages.simulatorTooltip)}>
            <Label color="purple" isCompact tabIndex={0}>
              {intl.formatMessage(pageMessages.simulator)}
            </Label>
          </Tooltip>
        </FlexItem>
      ) : null}
    </Flex>
  );

  const closeDialog = () => setDialog(null);
  const dialogs = dialog ? (
    <DialogSlot onClose={closeDialog}>
      {dialog.kind === 'confirm' ? (
        <ConfirmActionDialog
          action={dialog.action}
          clusterId={clusterId}
          targets={dialog.targets}
          skipped={dialog.skipped}
          onClose={closeDialog}
        />
      ) : dialog.kind === 'recover' ? (
        <RecoverDialog clusterId={clusterId} session={dialog.session} onClose={closeDialog} />
      ) : dialog.kind === 'remove' ? (
        <RemoveSessionDialog
          clusterId={clusterId}
          targets={dialog.targets}
          skipped={dialog.skipped}
          onClose={closeDialog}
        />
      ) : (
        <SessionOptionsDialog
          clusterId={clusterId}
          session={dialog.session}
          readOnly={!permission.allowed}
          readOnlyReason={permission.reason}
          onClose={closeDialog}
        />
      )}
    </DialogSlot>
  ) : null;

  // ---- no sessions at all ----
  if (all.length === 0) {
    return (
      <Stack hasGutter>
        {staleAlert ? <StackItem>{staleAlert}</StackItem> : null}
        <StackItem>{freshness}</StackItem>
        <StackItem>
          <EmptyState
            titleText={intl.formatMessage(pageMessages.noSessionsTitle)}
            headingLevel="h2"
            icon={CubesIcon}
          >
            <EmptyStateBody>
              <span className="georep-name">
                {volume === undefined
                  ? intl.formatMessage(pageMessages.noSessionsBody, { cluster: cluster.name })
                  : intl.formatMessage(pageMessages.noVolumeSessionsBody, {
                      volume,
                      cluster: cluster.name,
                    })}
              </span>
              {newSession ? <> {intl.formatMessage(pageMessages.noSessionsHowTo)}</> : null}
            </EmptyStateBody>
            {newSession ? (
              <EmptyStateFooter>
                <EmptyStateActions>
                  {newSession.availability.enabled ? (
                    <Button variant="primary" onClick={newSession.onClick}>
                      {intl.formatMessage(pageMessages.newSession)}
                    </Button>
                  ) : (
                    <Tooltip content={newSession.availability.reason}>
                      <Button variant="primary" isAriaDisabled>
                        {intl.formatMessage(pageMessages.newSession)}
                      </Button>
                    </Tooltip>
                  )}
                </EmptyStateActions>
              </EmptyStateFooter>
            ) : null}
          </EmptyState>
        </StackItem>
        {dialogs}
      </Stack>
    );
  }

  return (
    <Stack hasGutter>
      {staleAlert ? <StackItem>{staleAlert}</StackItem> : null}
      {accessAlert ? <StackItem>{accessAlert}</StackItem> : null}
      <StackItem>{freshness}</StackItem>
      <StackItem>
        <SessionsToolbar
          text={text}
          onTextChange={changeText}
          bucket={bucket}
          onBucketChange={changeBucket}
          selectedCount={selectedSessions.length}
          onClearSelection={() => setSelected(new Set())}
          actionAvailability={toolbarAvailability}
          onAction={onToolbarAction}
          newSession={newSession}
          onRefresh={retry}
          refreshing={sessions.isFetching}
          itemCount={filtered.length}
          page={currentPage}
          perPage={perPage}
          onPageChange={setPage}
          onPerPageChange={(n) => {
            setPerPage(n);
            setPage(1);
          }}
        />
        {/* After the toolbar: New session is a few Tab presses from the cluster selector. */}
        <SessionSummary sessions={all} value={bucket} onChange={changeBucket} />
        <SessionsTable
          clusterId={clusterId}
          rows={rows}
          selected={selected}
          onSelect={onSelect}
          expanded={expanded}
          onToggleExpand={onToggleExpand}
          sortKey={sortKey}
          direction={direction}
          onSort={onSort}
          rowActions={rowActions}
          onAction={onRowAction}
          onShowEvents={onShowEvents}
          oneVolume={volume !== undefined}
          empty={noMatch}
        />
        <Pagination
          itemCount={filtered.length}
          page={currentPage}
          perPage={perPage}
          perPageOptions={PER_PAGE_OPTIONS}
          onSetPage={(_e, p) => setPage(p)}
          onPerPageSelect={(_e, n) => {
            setPerPage(n);
            setPage(1);
          }}
          variant="bottom"
          titles={{
            ...titles,
            paginationAriaLabel: intl.formatMessage(toolbarMessages.paginationBottom),
          }}
          widgetId="georep-pagination-bottom"
        />
      </StackItem>
      {/* the storage domains' DR is the cluster's: on the place, not in a volume's sub tab */}
      {env.services.dr && volume === undefined ? (
        <StackItem>
          {/* Storage domain disaster recovery: its own chunk, loaded when a cluster's sessions are
              shown. */}
          <Loadable
            loading={
              <Spinner size="md" aria-label={intl.formatMessage(pageMessages.loadingPart)} />
            }
            failed={(detail) => (
              <Alert
                isInline
                isPlain
                variant="danger"
                title={intl.formatMessage(pageMessages.partNotLoaded, { detail })}
              />
            )}
          >
            <StorageDomainsDr clusterId={clusterId} canManage={access.data?.can_manage === true} />
          </Loadable>
        </StackItem>
      ) : null}
      {dialogs}
    </Stack>
  );
}
