// The sessions of one page: selectable, sortable, expandable to the workers, with a kebab of the
// actions each row allows. The page does the filtering, sorting and paging (memoised); this only
// renders the rows it is given.
import { Alert, Button, Checkbox, MenuToggle, Spinner, Tooltip } from '@patternfly/react-core';
import {
  ActionsColumn,
  ExpandableRowContent,
  type IAction,
  type ISortBy,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
} from '@patternfly/react-table';
import { memo, type ReactNode } from 'react';
import { useIntl } from '../intl/react';
import type { CrawlStatus, GeoRepSession } from '../georep/types';
import { AngleDownIcon, AngleRightIcon, EllipsisVIcon } from './icons';
import { actionMessages, pageMessages, sessionWordsMessages, tableMessages } from './messages';
import { RelativeText, RelativeTime } from './RelativeTime';
import { Loadable, SessionDetails } from './onDemand';
import { searchable } from './SessionEventsLink';
import type { RecoverAction } from './WorkerProblems';
import { sessionName } from './sessionName';
import {
  checkpointProgress,
  sessionCrawls,
  type SessionAction,
  type SortDirection,
  type SortKey,
} from './sessionRules';
import { StatusLabel, statusMessage } from './StatusLabel';
import { formatDuration } from './time';
import { TruncatedText } from './TruncatedText';

/** Sortable columns, in display order. */
export const SORT_COLUMNS: readonly SortKey[] = [
  'primary_volume',
  'secondary_host',
  'secondary_volume',
  'secondary_user',
  'status',
  'crawl',
  'last_synced',
  'checkpoint',
];
const FIRST_SORT_COLUMN = 2; // after the select and expand columns
const COLUMN_COUNT = 2 + SORT_COLUMNS.length + 1;

/**
 * Columns that give way at narrow widths (PatternFly breakpoints of the place's own frame: at a
 * 1024 px WebAdmin the place is about 820 px wide): their content is in the row's details.
 */
const COLUMN_VISIBILITY: Partial<Record<SortKey, ('hidden' | 'visibleOnLg' | 'visibleOnXl')[]>> = {
  secondary_user: ['hidden', 'visibleOnXl'],
  crawl: ['hidden', 'visibleOnXl'],
  checkpoint: ['hidden', 'visibleOnLg'],
};

const COLUMN_TITLE = {
  primary_volume: tableMessages.sourceVolume,
  secondary_host: tableMessages.remoteHost,
  secondary_volume: tableMessages.remoteVolume,
  secondary_user: tableMessages.user,
  status: tableMessages.status,
  crawl: tableMessages.crawl,
  last_synced: tableMessages.syncedUpTo,
  checkpoint: tableMessages.checkpoint,
} as const;

const CRAWL_HELP = {
  'Changelog Crawl': sessionWordsMessages.crawlChangelog,
  'History Crawl': sessionWordsMessages.crawlHistory,
  'Hybrid Crawl': sessionWordsMessages.crawlHybrid,
  'N/A': sessionWordsMessages.crawlNA,
} as const satisfies Record<CrawlStatus, unknown>;

export interface RowAction {
  action: SessionAction;
  enabled: boolean;
  reason: string | null;
}

export interface SessionsTableProps {
  clusterId: string;
  rows: readonly GeoRepSession[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  expanded: ReadonlySet<string>;
  onToggleExpand: (id: string) => void;
  sortKey: SortKey;
  direction: SortDirection;
  onSort: (key: SortKey, direction: SortDirection) => void;
  rowActions: (session: GeoRepSession) => RowAction[];
  onAction: (action: SessionAction, session: GeoRepSession) => void;
  /** The session's events in WebAdmin's Events, last in its actions menu; absent: not offered. */
  onShowEvents?: ((session: GeoRepSession) => void) | null;
  /** Shown in the body when there are no rows (e.g. no match for the filters). */
  empty?: ReactNode;
  /**
   * Every row has this primary volume (a volume's sub tab, whose title names it): its column gives
   * way below PatternFly's xl breakpoint, so the columns that differ fit a 1024 px WebAdmin.
   */
  oneVolume?: boolean;
}

/** The primary volume column's visibility: always, or (one volume) from xl up. */
const volumeVisibility = (oneVolume: boolean | undefined) =>
  oneVolume ? (['hidden', 'visibleOnXl'] as ('hidden' | 'visibleOnXl')[]) : undefined;

function CrawlCell({ session }: { session: GeoRepSession }) {
  const intl = useIntl();
  const crawls = sessionCrawls(session);
  if (crawls.length === 0) return <>{intl.formatMessage(tableMessages.notCrawling)}</>;
  return (
    <>
      {crawls.map((c, i) => (
        <span key={c}>
          {i > 0 ? ', ' : null}
          <Tooltip content={intl.formatMessage(CRAWL_HELP[c])}>
            <span tabIndex={0} className="georep-time georep-time--wrap">
              {c}
            </span>
          </Tooltip>
        </span>
      ))}
    </>
  );
}

function SyncedCell({ session }: { session: GeoRepSession }) {
  const intl = useIntl();
  const status = intl.formatMessage(statusMessage(session.status));
  const sp = session.sync_point;
  if (sp.time === null) {
    const never = sp.source === 'never';
    return (
      <Tooltip
        content={intl.formatMessage(
          never ? tableMessages.notSyncedTooltip : tableMessages.syncUnknownTooltip,
          { status: session.status },
        )}
      >
        <span tabIndex={0} className="georep-time georep-time--wrap" data-sync={sp.source}>
          {intl.formatMessage(
            never
              ? session.status === 'Created'
                ? tableMessages.notStarted
                : tableMessages.notSynced
              : tableMessages.syncUnknown,
          )}
        </span>
      </Tooltip>
    );
  }
  const time = intl.formatDate(sp.time, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <span data-sync={sp.source}>
      <RelativeTime
        iso={sp.time}
        extra={
          <>
            {intl.formatMessage(tableMessages.syncedTooltip, { time })}
            {session.lag_seconds !== null && sp.source === 'live' ? (
              <>
                {' '}
                {intl.formatMessage(tableMessages.lagTooltip, {
                  lag: formatDuration(intl, session.lag_seconds),
                })}
              </>
            ) : null}
            {sp.source === 'seen' && sp.as_of ? (
              <>
                {' '}
                {intl.formatMessage(tableMessages.seenTooltip, {
                  status,
                  asOf: intl.formatDate(sp.as_of, { dateStyle: 'medium', timeStyle: 'medium' }),
                })}
              </>
            ) : null}
          </>
        }
      />
      {sp.source === 'seen' && sp.as_of ? (
        <div className="georep-subtle">
          <RelativeText
            iso={sp.as_of}
            render={(relative) => intl.formatMessage(tableMessages.seenNote, { relative })}
          />
        </div>
      ) : null}
    </span>
  );
}

function AsOfNote({ iso }: { iso: string }) {
  const intl = useIntl();
  return (
    <div className="georep-subtle">
      <RelativeText
        iso={iso}
        render={(relative) => intl.formatMessage(tableMessages.seenNote, { relative })}
      />
    </div>
  );
}

function CheckpointCell({ session }: { session: GeoRepSession }) {
  const intl = useIntl();
  const cp = checkpointProgress(session);
  if (!cp) {
    // Gluster prints no checkpoint while no worker is Active: "None" only when that is known.
    return session.sync_point.source === 'unknown' ? (
      <>{intl.formatMessage(tableMessages.syncUnknown)}</>
    ) : (
      <>{intl.formatMessage(tableMessages.noCheckpoint)}</>
    );
  }
  const setAt = intl.formatDate(cp.time, { dateStyle: 'medium', timeStyle: 'medium' });
  const note = cp.asOf ? <AsOfNote iso={cp.asOf} /> : null;
  if (cp.completed && cp.completionTime) {
    return (
      <>
        <RelativeTime
          iso={cp.completionTime}
          wrap
          render={(relative) => intl.formatMessage(tableMessages.checkpointCompleted, { relative })}
          extra={intl.formatMessage(tableMessages.checkpointCompletedTooltip, {
            time: setAt,
            completed: intl.formatDate(cp.completionTime, {
              dateStyle: 'medium',
              timeStyle: 'medium',
            }),
          })}
        />
        {note}
      </>
    );
  }
  return (
    <>
      <Tooltip content={intl.formatMessage(tableMessages.checkpointTooltip, { time: setAt })}>
        <span tabIndex={0} className="georep-time georep-time--wrap">
          {cp.total > 0
            ? intl.formatMessage(tableMessages.checkpointProgress, {
                done: cp.done,
                total: cp.total,
              })
            : intl.formatMessage(tableMessages.checkpointPending)}
        </span>
      </Tooltip>
      {note}
    </>
  );
}

/**
 * "Select the page" with a mixed state. (PatternFly's Checkbox signals "mixed" with isChecked=null,
 * which turns the input uncontrolled; this keeps it controlled and sets `indeterminate` directly.)
 */
function PageSelectCheckbox(p: {
  label: string;
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="pf-v6-c-check pf-m-standalone">
      <input
        type="checkbox"
        id="georep-select-page"
        className="pf-v6-c-check__input"
        aria-label={p.label}
        checked={p.checked}
        disabled={p.disabled}
        ref={(el) => {
          if (el) el.indeterminate = p.indeterminate;
        }}
        onChange={(e) => p.onChange(e.target.checked)}
      />
    </div>
  );
}

interface RowProps {
  clusterId: string;
  session: GeoRepSession;
  rowIndex: number;
  isSelected: boolean;
  isExpanded: boolean;
  onSelect: (ids: string[], selected: boolean) => void;
  onToggleExpand: (id: string) => void;
  rowActions: (session: GeoRepSession) => RowAction[];
  onAction: (action: SessionAction, session: GeoRepSession) => void;
  onShowEvents?: ((session: GeoRepSession) => void) | null;
  oneVolume?: boolean;
}

/** Recover in the details, as the row's menu offers it (absent when the menu has no Recover). */
function recoverOf(actions: readonly RowAction[], onClick: () => void): RecoverAction | undefined {
  const a = actions.find((x) => x.action === 'recover');
  return a ? { enabled: a.enabled, reason: a.reason, onClick } : undefined;
}

const SessionRow = memo(function SessionRow({
  clusterId,
  session,
  rowIndex,
  isSelected,
  isExpanded,
  onSelect,
  onToggleExpand,
  rowActions,
  onAction,
  onShowEvents,
  oneVolume,
}: RowProps) {
  const intl = useIntl();
  const name = sessionName(intl, session);
  const actions = rowActions(session);
  const items: IAction[] = actions.map(({ action, enabled, reason }) => ({
    title: intl.formatMessage(actionMessages[action]),
    isAriaDisabled: !enabled,
    tooltipProps: reason ? { content: reason } : undefined,
    onClick: () => {
      if (enabled) onAction(action, session);
    },
  }));
  // Reading, not acting: offered to every user, after the actions.
  if (onShowEvents && searchable(session)) {
    items.push(
      { isSeparator: true },
      {
        title: intl.formatMessage(actionMessages.showEvents),
        onClick: () => onShowEvents(session),
      },
    );
  }
  const detailsId = `georep-details-${rowIndex}`;
  return (
    <Tbody isExpanded={isExpanded}>
      <Tr isRowSelected={isSelected} data-session-id={session.id}>
        <Td className="georep-control-cell">
          <Checkbox
            id={`georep-select-${rowIndex}`}
            aria-label={intl.formatMessage(tableMessages.selectRow, { name })}
            isChecked={isSelected}
            onChange={(_e, checked) => onSelect([session.id], checked)}
          />
        </Td>
        <Td className="georep-control-cell">
          <Button
            variant="plain"
            aria-label={intl.formatMessage(tableMessages.expandRow, { name })}
            aria-expanded={isExpanded}
            aria-controls={isExpanded ? detailsId : undefined}
            onClick={() => onToggleExpand(session.id)}
            icon={isExpanded ? <AngleDownIcon /> : <AngleRightIcon />}
          />
        </Td>
        <Td
          dataLabel={intl.formatMessage(tableMessages.sourceVolume)}
          visibility={volumeVisibility(oneVolume)}
        >
          <TruncatedText text={session.primary_volume} />
        </Td>
        <Td dataLabel={intl.formatMessage(tableMessages.remoteHost)}>
          <TruncatedText text={session.secondary_host} breakDots />
        </Td>
        <Td dataLabel={intl.formatMessage(tableMessages.remoteVolume)}>
          <TruncatedText text={session.secondary_volume} />
        </Td>
        <Td
          dataLabel={intl.formatMessage(tableMessages.user)}
          visibility={COLUMN_VISIBILITY.secondary_user}
        >
          <TruncatedText text={session.secondary_user} />
        </Td>
        <Td dataLabel={intl.formatMessage(tableMessages.status)}>
          <StatusLabel status={session.status} />
        </Td>
        <Td
          dataLabel={intl.formatMessage(tableMessages.crawl)}
          visibility={COLUMN_VISIBILITY.crawl}
        >
          <CrawlCell session={session} />
        </Td>
        <Td dataLabel={intl.formatMessage(tableMessages.syncedUpTo)}>
          <SyncedCell session={session} />
        </Td>
        <Td
          dataLabel={intl.formatMessage(tableMessages.checkpoint)}
          visibility={COLUMN_VISIBILITY.checkpoint}
        >
          <CheckpointCell session={session} />
        </Td>
        <Td isActionCell className="georep-control-cell">
          <ActionsColumn
            items={items}
            actionsToggle={({ onToggle, isOpen, isDisabled, toggleRef }) => (
              <MenuToggle
                ref={toggleRef}
                onClick={onToggle}
                isExpanded={isOpen}
                isDisabled={isDisabled}
                variant="plain"
                aria-label={intl.formatMessage(tableMessages.rowActions, { name })}
                icon={<EllipsisVIcon />}
              />
            )}
          />
        </Td>
      </Tr>
      {isExpanded ? (
        <Tr isExpanded>
          {/* No cell padding around the details (ExpandableRowContent has its own): the workers'
              table needs the room at 1440 px. */}
          <Td colSpan={COLUMN_COUNT} id={detailsId} noPadding>
            <ExpandableRowContent>
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
                <SessionDetails
                  clusterId={clusterId}
                  session={session}
                  recover={recoverOf(actions, () => onAction('recover', session))}
                />
              </Loadable>
            </ExpandableRowContent>
          </Td>
        </Tr>
      ) : null}
    </Tbody>
  );
});

export const SessionsTable = memo(function SessionsTable(props: SessionsTableProps) {
  const intl = useIntl();
  const { rows, selected, onSelect, sortKey, direction, onSort } = props;
  const pageIds = rows.map((s) => s.id);
  const selectedOnPage = pageIds.filter((id) => selected.has(id)).length;
  const allOnPage = rows.length > 0 && selectedOnPage === rows.length;
  const sortBy: ISortBy = { index: FIRST_SORT_COLUMN + SORT_COLUMNS.indexOf(sortKey), direction };

  return (
    <Table aria-label={intl.formatMessage(tableMessages.aria)} variant="compact" isExpandable>
      <Thead>
        <Tr>
          <Th
            aria-label={intl.formatMessage(tableMessages.selectColumn)}
            modifier="fitContent"
            className="georep-control-cell"
          >
            <PageSelectCheckbox
              label={intl.formatMessage(tableMessages.selectPage)}
              checked={allOnPage}
              indeterminate={selectedOnPage > 0 && !allOnPage}
              disabled={rows.length === 0}
              onChange={(checked) => onSelect(pageIds, checked)}
            />
          </Th>
          <Th
            screenReaderText={intl.formatMessage(tableMessages.expandColumn)}
            modifier="fitContent"
            className="georep-control-cell"
          />
          {SORT_COLUMNS.map((key, i) => (
            <Th
              key={key}
              modifier="wrap"
              visibility={
                key === 'primary_volume'
                  ? volumeVisibility(props.oneVolume)
                  : COLUMN_VISIBILITY[key]
              }
              sort={{
                sortBy,
                columnIndex: FIRST_SORT_COLUMN + i,
                onSort: (_e, _index, dir) => onSort(key, dir),
              }}
            >
              {intl.formatMessage(COLUMN_TITLE[key])}
            </Th>
          ))}
          <Th
            screenReaderText={intl.formatMessage(tableMessages.actionsColumn)}
            className="georep-control-cell"
          />
        </Tr>
      </Thead>
      {rows.length === 0 && props.empty ? (
        <Tbody>
          <Tr>
            <Td colSpan={COLUMN_COUNT}>{props.empty}</Td>
          </Tr>
        </Tbody>
      ) : (
        rows.map((s, i) => (
          <SessionRow
            key={s.id}
            clusterId={props.clusterId}
            session={s}
            rowIndex={i}
            isSelected={selected.has(s.id)}
            isExpanded={props.expanded.has(s.id)}
            onSelect={onSelect}
            onToggleExpand={props.onToggleExpand}
            rowActions={props.rowActions}
            onAction={props.onAction}
            onShowEvents={props.onShowEvents}
            oneVolume={props.oneVolume}
          />
        ))
      )}
    </Table>
  );
});
