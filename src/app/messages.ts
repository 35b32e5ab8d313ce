// Every user-visible string of the Geo-Replication tab (English is the source; catalogs translate by id).
// The UI says "source" and "remote" (Gluster 10+ says primary/secondary, oVirt master/slave).
import { defineMessages } from 'react-intl';
import { untyped } from '../intl';

export const pageMessages = untyped(
  defineMessages({
    title: { id: 'georep.page.title', defaultMessage: 'Geo-Replication' },
    intro: {
      id: 'georep.page.intro',
      defaultMessage:
        'Geo-replication sessions whose source volume is in the selected Gluster cluster.',
    },
    lastRead: { id: 'georep.page.lastRead', defaultMessage: 'Read from Gluster {relative}' },
    lastReadTooltip: {
      id: 'georep.page.lastReadTooltip',
      defaultMessage:
        'Last read from Gluster at {time}. Refreshed every {seconds} seconds while this tab is visible.',
    },
    refreshPaused: {
      id: 'georep.page.refreshPaused',
      defaultMessage: 'Refresh paused while the tab is hidden',
    },
    refreshing: { id: 'georep.page.refreshing', defaultMessage: 'Refreshing' },
    refresh: { id: 'georep.page.refresh', defaultMessage: 'Refresh' },
    simulator: { id: 'georep.page.simulator', defaultMessage: 'Simulator' },
    simulatorTooltip: {
      id: 'georep.page.simulatorTooltip',
      defaultMessage:
        'The geo-rep service runs on its simulator: these sessions are not real Gluster sessions.',
    },
    newSession: { id: 'georep.page.newSession', defaultMessage: 'New session' },
    loadingClusters: { id: 'georep.page.loadingClusters', defaultMessage: 'Loading clusters' },
    loadingSessions: {
      id: 'georep.page.loadingSessions',
      defaultMessage: 'Loading geo-replication sessions',
    },
    loadingDialog: { id: 'georep.page.loadingDialog', defaultMessage: 'Opening the dialog' },
    loadingPart: { id: 'georep.page.loadingPart', defaultMessage: 'Loading' },
    partNotLoaded: {
      id: 'georep.page.partNotLoaded',
      defaultMessage:
        'This part of the tab could not be loaded ({detail}). Reload the page, then try again.',
    },
    noClusterTitle: { id: 'georep.empty.noClusterTitle', defaultMessage: 'No Gluster cluster' },
    noClusterBody: {
      id: 'georep.empty.noClusterBody',
      defaultMessage:
        'You do not see any cluster with the Gluster service. Geo-replication sessions belong to Gluster volumes, so there is nothing to show here.',
    },
    noSessionsTitle: {
      id: 'georep.empty.noSessionsTitle',
      defaultMessage: 'No geo-replication sessions',
    },
    noSessionsBody: {
      id: 'georep.empty.noSessionsBody',
      defaultMessage:
        'No volume of cluster {cluster} replicates to a remote volume yet. A session copies a volume continuously and asynchronously to a Gluster volume at another site.',
    },
    noVolumeSessionsBody: {
      id: 'georep.empty.noVolumeSessionsBody',
      defaultMessage:
        'Volume {volume} of cluster {cluster} is not the source volume of any geo-replication session. A session copies a volume continuously and asynchronously to a Gluster volume at another site.',
    },
    noSessionsHowTo: {
      id: 'georep.empty.noSessionsHowTo',
      defaultMessage: 'Start one with New session.',
    },
    noMatchTitle: {
      id: 'georep.empty.noMatchTitle',
      defaultMessage: 'No session matches the filters',
    },
    noMatchBody: {
      id: 'georep.empty.noMatchBody',
      defaultMessage: 'Change or clear the filters to see the other sessions.',
    },
    clearFilters: { id: 'georep.empty.clearFilters', defaultMessage: 'Clear all filters' },
    unauthorizedTitle: {
      id: 'georep.error.unauthorizedTitle',
      defaultMessage: 'Your login has expired',
    },
    unauthorizedBody: {
      id: 'georep.error.unauthorizedBody',
      defaultMessage:
        'WebAdmin’s login is no longer valid, so nothing can be read or changed. Log in again to continue.',
    },
    reloadToLogin: {
      id: 'georep.error.reloadToLogin',
      defaultMessage: 'Reload WebAdmin and log in again',
    },
    forbiddenTitle: { id: 'georep.error.forbiddenTitle', defaultMessage: 'No permission' },
    forbiddenBody: {
      id: 'georep.error.forbiddenBody',
      defaultMessage: 'You are not allowed to view the geo-replication sessions of this cluster.',
    },
    notFoundTitle: { id: 'georep.error.notFoundTitle', defaultMessage: 'Cluster not found' },
    notFoundBody: {
      id: 'georep.error.notFoundBody',
      defaultMessage: 'The geo-rep service does not know this cluster. It may have been removed.',
    },
    sessionsFailedTitle: {
      id: 'georep.error.sessionsFailedTitle',
      defaultMessage: 'Cannot read the geo-replication sessions',
    },
    clustersFailedTitle: {
      id: 'georep.error.clustersFailedTitle',
      defaultMessage: 'Cannot read the clusters from the engine',
    },
    unreachableBody: {
      id: 'georep.error.unreachableBody',
      defaultMessage: 'The service did not answer ({detail}). It is tried again automatically.',
    },
    failedBody: { id: 'georep.error.failedBody', defaultMessage: 'The service answered: {detail}' },
    retry: { id: 'georep.error.retry', defaultMessage: 'Try again now' },
    staleTitle: {
      id: 'georep.error.staleTitle',
      defaultMessage:
        'The latest refresh failed: showing the data read {relative}, which may be out of date',
    },
    staleBody: {
      id: 'georep.error.staleBody',
      defaultMessage: '{detail} The sessions are read again every {seconds} seconds.',
    },
    accessFailed: {
      id: 'georep.error.accessFailed',
      defaultMessage:
        'Your permissions on this cluster could not be checked ({detail}); actions stay disabled.',
    },
    errorDetail: { id: 'georep.error.detail', defaultMessage: '{reason}: {detail}' },
    outsideWebAdmin: {
      id: 'georep.error.outsideWebAdmin',
      defaultMessage: 'This page works only inside oVirt WebAdmin (Storage, Geo-Replication).',
    },
  }),
);

export const clusterMessages = untyped(
  defineMessages({
    label: { id: 'georep.cluster.label', defaultMessage: 'Cluster' },
    deepLinkUnknown: {
      id: 'georep.cluster.deepLinkUnknown',
      defaultMessage:
        'The link names cluster “{id}”, which is not a Gluster cluster you can see. Showing another cluster instead.',
    },
  }),
);

export const bucketMessages = untyped(
  defineMessages({
    active: { id: 'georep.bucket.active', defaultMessage: 'Active' },
    passive: { id: 'georep.bucket.passive', defaultMessage: 'Passive only' },
    faulty: { id: 'georep.bucket.faulty', defaultMessage: 'Faulty, stalled or partly faulty' },
    paused: { id: 'georep.bucket.paused', defaultMessage: 'Paused' },
    stopped: { id: 'georep.bucket.stopped', defaultMessage: 'Stopped' },
    created: { id: 'georep.bucket.created', defaultMessage: 'Created' },
    unknown: { id: 'georep.bucket.unknown', defaultMessage: 'Unknown' },
    summaryLabel: {
      id: 'georep.bucket.summaryLabel',
      defaultMessage: 'Sessions by state (select one to filter)',
    },
    all: { id: 'georep.bucket.all', defaultMessage: 'All' },
    filterAria: {
      id: 'georep.bucket.filterAria',
      defaultMessage: '{state}: {count, plural, one {# session} other {# sessions}}',
    },
  }),
);

export const statusMessages = untyped(
  defineMessages({
    Active: { id: 'georep.status.active', defaultMessage: 'Active' },
    Passive: { id: 'georep.status.passive', defaultMessage: 'Passive' },
    Faulty: { id: 'georep.status.faulty', defaultMessage: 'Faulty' },
    PartiallyFaulty: { id: 'georep.status.partiallyFaulty', defaultMessage: 'Partly faulty' },
    Stalled: { id: 'georep.status.stalled', defaultMessage: 'Stalled' },
    Initializing: { id: 'georep.status.initializing', defaultMessage: 'Initializing' },
    Created: { id: 'georep.status.created', defaultMessage: 'Created' },
    Stopped: { id: 'georep.status.stopped', defaultMessage: 'Stopped' },
    Paused: { id: 'georep.status.paused', defaultMessage: 'Paused' },
    Offline: { id: 'georep.status.offline', defaultMessage: 'Offline' },
    Unknown: { id: 'georep.status.unknown', defaultMessage: 'Unknown' },
  }),
);

export const toolbarMessages = untyped(
  defineMessages({
    filterPlaceholder: {
      id: 'georep.toolbar.filterPlaceholder',
      defaultMessage: 'Filter by volume, host or user',
    },
    filterAria: { id: 'georep.toolbar.filterAria', defaultMessage: 'Filter sessions by text' },
    textChip: { id: 'georep.toolbar.textChip', defaultMessage: 'Text' },
    stateChip: { id: 'georep.toolbar.stateChip', defaultMessage: 'State' },
    selected: {
      id: 'georep.toolbar.selected',
      defaultMessage:
        '{count, plural, =0 {No session selected} one {# session selected} other {# sessions selected}}',
    },
    clearSelection: { id: 'georep.toolbar.clearSelection', defaultMessage: 'Clear selection' },
    bulkActions: {
      id: 'georep.toolbar.bulkActions',
      defaultMessage: 'Actions on the selected sessions',
    },
    moreActions: { id: 'georep.toolbar.moreActions', defaultMessage: 'More actions' },
    actionsMenu: {
      id: 'georep.toolbar.actionsMenu',
      defaultMessage: '{count, plural, =0 {Actions} other {Actions (# selected)}}',
    },
    pagination: { id: 'georep.toolbar.pagination', defaultMessage: 'Sessions pagination' },
    paginationBottom: {
      id: 'georep.toolbar.paginationBottom',
      defaultMessage: 'Sessions pagination, bottom',
    },
  }),
);

export const actionMessages = untyped(
  defineMessages({
    start: { id: 'georep.action.start', defaultMessage: 'Start' },
    stop: { id: 'georep.action.stop', defaultMessage: 'Stop' },
    pause: { id: 'georep.action.pause', defaultMessage: 'Pause' },
    resume: { id: 'georep.action.resume', defaultMessage: 'Resume' },
    checkpoint: { id: 'georep.action.checkpoint', defaultMessage: 'Set checkpoint now' },
    showEvents: { id: 'georep.action.showEvents', defaultMessage: 'Show events' },
    recover: { id: 'georep.action.recover', defaultMessage: 'Recover' },
    remove: { id: 'georep.action.remove', defaultMessage: 'Remove' },
    options: { id: 'georep.action.options', defaultMessage: 'Options' },
    reasonNoPermission: {
      id: 'georep.action.reasonNoPermission',
      defaultMessage: 'Your role does not allow managing geo-replication in this cluster.',
    },
    reasonCheckingAccess: {
      id: 'georep.action.reasonCheckingAccess',
      defaultMessage: 'Checking your permissions…',
    },
    reasonAccessUnknown: {
      id: 'georep.action.reasonAccessUnknown',
      defaultMessage: 'Your permissions could not be checked: {detail}',
    },
    reasonNoSelection: {
      id: 'georep.action.reasonNoSelection',
      defaultMessage: 'Select one or more sessions first.',
    },
    reasonSingleSelection: {
      id: 'georep.action.reasonSingleSelection',
      defaultMessage: 'Select exactly one session.',
    },
    reasonStart: {
      id: 'georep.action.reasonStart',
      defaultMessage: 'Only a Created or Stopped session can be started.',
    },
    reasonStop: {
      id: 'georep.action.reasonStop',
      defaultMessage: 'A Created or Stopped session is not running.',
    },
    reasonPause: {
      id: 'georep.action.reasonPause',
      defaultMessage: 'Only a started session can be paused.',
    },
    reasonResume: {
      id: 'georep.action.reasonResume',
      defaultMessage: 'Only a Paused session can be resumed.',
    },
    reasonRemove: {
      id: 'georep.action.reasonRemove',
      defaultMessage: 'Only a Stopped or Created session can be removed: stop it first.',
    },
    reasonCheckpoint: {
      id: 'georep.action.reasonCheckpoint',
      defaultMessage: 'A checkpoint needs a started or paused session.',
    },
    reasonRecover: {
      id: 'georep.action.reasonRecover',
      defaultMessage:
        'Only a Stalled session can be recovered: its workers look Active but changes wait unsynced.',
    },
    reasonNoneEligible: {
      id: 'georep.action.reasonNoneEligible',
      defaultMessage: 'None of the selected sessions is in a state that allows this.',
    },
  }),
);

export const tableMessages = untyped(
  defineMessages({
    aria: { id: 'georep.table.aria', defaultMessage: 'Geo-replication sessions' },
    sourceVolume: { id: 'georep.table.sourceVolume', defaultMessage: 'Source volume' },
    remoteHost: { id: 'georep.table.remoteHost', defaultMessage: 'Remote host' },
    remoteVolume: { id: 'georep.table.remoteVolume', defaultMessage: 'Remote volume' },
    user: { id: 'georep.table.user', defaultMessage: 'User' },
    status: { id: 'georep.table.status', defaultMessage: 'Status' },
    crawl: { id: 'georep.table.crawl', defaultMessage: 'Crawl' },
    syncedUpTo: { id: 'georep.table.syncedUpTo', defaultMessage: 'Synced up to' },
    checkpoint: { id: 'georep.table.checkpoint', defaultMessage: 'Checkpoint' },
    selectColumn: { id: 'georep.table.selectColumn', defaultMessage: 'Selection' },
    expandColumn: { id: 'georep.table.expandColumn', defaultMessage: 'Details' },
    actionsColumn: { id: 'georep.table.actionsColumn', defaultMessage: 'Actions' },
    selectPage: {
      id: 'georep.table.selectPage',
      defaultMessage: 'Select all sessions on this page',
    },
    selectRow: { id: 'georep.table.selectRow', defaultMessage: 'Select session {name}' },
    expandRow: { id: 'georep.table.expandRow', defaultMessage: 'Details of session {name}' },
    rowActions: { id: 'georep.table.rowActions', defaultMessage: 'Actions for session {name}' },
    sessionName: {
      id: 'georep.table.sessionName',
      defaultMessage: '{source} to {user}@{host}::{volume}',
    },
    notCrawling: { id: 'georep.table.notCrawling', defaultMessage: 'Not crawling' },
    notSynced: { id: 'georep.table.notSynced', defaultMessage: 'Not synced yet' },
    notStarted: { id: 'georep.table.notStarted', defaultMessage: 'Not started yet' },
    syncUnknown: { id: 'georep.table.syncUnknown', defaultMessage: 'Unknown' },
    syncUnknownTooltip: {
      id: 'georep.table.syncUnknownTooltip',
      defaultMessage:
        '{status, select, Initializing {Not known yet: the workers are starting.} other {Gluster reports how far a session has synced only while its workers run, and this service has not seen this session sync since it started.}}',
    },
    notSyncedTooltip: {
      id: 'georep.table.notSyncedTooltip',
      defaultMessage:
        '{status, select, Created {The session has never been started.} other {The Active worker of a replica set has not synced anything yet.}}',
    },
    seenNote: { id: 'georep.table.seenNote', defaultMessage: 'last seen {relative}' },
    seenTooltip: {
      id: 'georep.table.seenTooltip',
      defaultMessage:
        'Not syncing now ({status}). Gluster reports the sync point only while workers run: this is the last one this service read, {asOf}.',
    },
    syncedTooltip: {
      id: 'georep.table.syncedTooltip',
      defaultMessage: 'Data written before {time} is on the remote volume.',
    },
    lagTooltip: {
      id: 'georep.table.lagTooltip',
      defaultMessage: 'Behind by {lag} when last read.',
    },
    noCheckpoint: { id: 'georep.table.noCheckpoint', defaultMessage: 'None' },
    checkpointCompleted: {
      id: 'georep.table.checkpointCompleted',
      defaultMessage: 'Completed {relative}',
    },
    checkpointProgress: {
      id: 'georep.table.checkpointProgress',
      defaultMessage: 'In progress: {done} of {total} replica sets',
    },
    checkpointPending: { id: 'georep.table.checkpointPending', defaultMessage: 'In progress' },
    checkpointTooltip: {
      id: 'georep.table.checkpointTooltip',
      defaultMessage:
        'Set at {time}. It completes when everything written before then is on the remote volume.',
    },
    checkpointCompletedTooltip: {
      id: 'georep.table.checkpointCompletedTooltip',
      defaultMessage: 'Set at {time}, completed at {completed}.',
    },
  }),
);

export const detailsMessages = untyped(
  defineMessages({
    title: { id: 'georep.details.title', defaultMessage: 'Workers, by replica set' },
    showEvents: {
      id: 'georep.details.showEvents',
      defaultMessage: "Show this session's events (actions and status changes) in Events",
    },
    noWorkers: {
      id: 'georep.details.noWorkers',
      defaultMessage: 'Gluster reported no workers for this session.',
    },
    replicaSet: { id: 'georep.details.replicaSet', defaultMessage: 'Replica set {index}' },
    noActiveFlag: {
      id: 'georep.details.noActiveFlag',
      defaultMessage: 'No Active worker: this replica set is not being synced',
    },
    manyActiveFlag: {
      id: 'georep.details.manyActiveFlag',
      defaultMessage: '{count} Active workers: only one worker should sync a replica set',
    },
    oneActive: { id: 'georep.details.oneActive', defaultMessage: 'One Active worker' },
    workersAria: {
      id: 'georep.details.workersAria',
      defaultMessage: 'Workers of replica set {index}',
    },
    node: { id: 'georep.details.node', defaultMessage: 'Node' },
    brick: { id: 'georep.details.brick', defaultMessage: 'Brick' },
    remoteNode: { id: 'georep.details.remoteNode', defaultMessage: 'Remote node' },
    status: { id: 'georep.details.status', defaultMessage: 'Status' },
    crawl: { id: 'georep.details.crawl', defaultMessage: 'Crawl' },
    lastSynced: { id: 'georep.details.lastSynced', defaultMessage: 'Last synced' },
    entryPending: { id: 'georep.details.entryPending', defaultMessage: 'Entry pending' },
    dataPending: { id: 'georep.details.dataPending', defaultMessage: 'Data pending' },
    metaPending: { id: 'georep.details.metaPending', defaultMessage: 'Meta pending' },
    failures: { id: 'georep.details.failures', defaultMessage: 'Failures' },
    checkpoint: { id: 'georep.details.checkpoint', defaultMessage: 'Checkpoint' },
    notApplicable: { id: 'georep.details.notApplicable', defaultMessage: 'N/A' },
    never: { id: 'georep.details.never', defaultMessage: 'Never' },
    restarting: {
      id: 'georep.details.restarting',
      defaultMessage: 'Restarting after a failure (Gluster reads it Initializing)',
    },
    notReported: {
      id: 'georep.details.notReported',
      defaultMessage: 'Not reported while {status}',
    },
    seenAt: {
      id: 'georep.details.seenAt',
      defaultMessage: '{relative} (last seen {asOf})',
    },
    syncPointLive: {
      id: 'georep.details.syncPointLive',
      defaultMessage: 'Everything written before {time} is on the secondary volume.',
    },
    syncPointSeen: {
      id: 'georep.details.syncPointSeen',
      defaultMessage:
        'Everything written before {time} is on the secondary volume, as last seen {asOf}: not every replica set is syncing now, and Gluster reports the point only while workers run.',
    },
    syncPointNever: {
      id: 'georep.details.syncPointNever',
      defaultMessage: 'Nothing has been synced yet.',
    },
    syncPointUnknown: {
      id: 'georep.details.syncPointUnknown',
      defaultMessage:
        'How far the secondary volume is in sync is not known: Gluster reports it only while the workers run, and this service has not seen this session sync since it started.',
    },
    checkpointAsOf: {
      id: 'georep.details.checkpointAsOf',
      defaultMessage: '(as last seen {asOf}, while the session ran)',
    },
    workerCheckpointDone: {
      id: 'georep.details.workerCheckpointDone',
      defaultMessage: 'Completed {relative}',
    },
    workerCheckpointPending: {
      id: 'georep.details.workerCheckpointPending',
      defaultMessage: 'Not reached yet',
    },
    checkpointSummaryPending: {
      id: 'georep.details.checkpointSummaryPending',
      defaultMessage: 'Checkpoint set {time}: {done} of {total} replica sets have reached it.',
    },
    checkpointSummaryDone: {
      id: 'georep.details.checkpointSummaryDone',
      defaultMessage:
        'Checkpoint set {time} completed {completed}: everything written before it is on the remote volume.',
    },
    crawlHelpTitle: {
      id: 'georep.details.crawlHelpTitle',
      defaultMessage: 'What the crawl modes mean',
    },
    crawlHelpToggle: { id: 'georep.details.crawlHelpToggle', defaultMessage: 'About crawl modes' },
    crawlHybrid: {
      id: 'georep.details.crawlHybrid',
      defaultMessage:
        'Hybrid Crawl: a full walk of the volume (first sync, or when change logs are missing). Slow, and it cannot propagate deletes and renames.',
    },
    crawlHistory: {
      id: 'georep.details.crawlHistory',
      defaultMessage:
        'History Crawl: replays the change logs recorded while the worker was not running, to catch up on a backlog.',
    },
    crawlChangelog: {
      id: 'georep.details.crawlChangelog',
      defaultMessage:
        'Changelog Crawl: the normal state; each change is synced as the change log records it.',
    },
    crawlNA: {
      id: 'georep.details.crawlNA',
      defaultMessage: 'N/A: the worker is not crawling (Passive, stopped or faulty).',
    },
    faultyTitle: { id: 'georep.details.faultyTitle', defaultMessage: 'Faulty worker on {node}' },
    faultyBody: {
      id: 'georep.details.faultyBody',
      defaultMessage:
        'Brick {brick} on node {node} is Faulty. Look at the geo-replication log on {node}:',
    },
    logFromConfig: {
      id: 'georep.details.logFromConfig',
      defaultMessage: '(the session’s log-file option)',
    },
    logDefault: {
      id: 'georep.details.logDefault',
      defaultMessage: '(Gluster’s default location; Options shows the configured one)',
    },
    pendingAria: { id: 'georep.details.pendingAria', defaultMessage: '{count} operations' },
  }),
);

export const paginationMessages = untyped(
  defineMessages({
    items: { id: 'georep.pagination.items', defaultMessage: 'sessions' },
    page: { id: 'georep.pagination.page', defaultMessage: 'page' },
    pages: { id: 'georep.pagination.pages', defaultMessage: 'pages' },
    itemsPerPage: { id: 'georep.pagination.itemsPerPage', defaultMessage: 'Sessions per page' },
    perPageSuffix: { id: 'georep.pagination.perPageSuffix', defaultMessage: 'per page' },
    ofWord: { id: 'georep.pagination.ofWord', defaultMessage: 'of' },
    toFirstPage: { id: 'georep.pagination.toFirstPage', defaultMessage: 'Go to first page' },
    toPreviousPage: {
      id: 'georep.pagination.toPreviousPage',
      defaultMessage: 'Go to previous page',
    },
    toNextPage: { id: 'georep.pagination.toNextPage', defaultMessage: 'Go to next page' },
    toLastPage: { id: 'georep.pagination.toLastPage', defaultMessage: 'Go to last page' },
    optionsToggle: { id: 'georep.pagination.optionsToggle', defaultMessage: 'Sessions per page' },
    currPage: { id: 'georep.pagination.currPage', defaultMessage: 'Current page' },
  }),
);

/** A volume's sub tab (Storage › Volumes › <volume>). */
export const volumeTabMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.volumeTab.title',
      defaultMessage: 'Geo-replication sessions from volume {volume}',
    },
    titleNoVolume: {
      id: 'georep.volumeTab.titleNoVolume',
      defaultMessage: 'Geo-replication sessions of this volume',
    },
    noVolumeTitle: {
      id: 'georep.volumeTab.noVolumeTitle',
      defaultMessage: 'No volume selected',
    },
    noVolumeBody: {
      id: 'georep.volumeTab.noVolumeBody',
      defaultMessage:
        'WebAdmin did not say which volume this tab is for. Open the volume again from Storage › Volumes.',
    },
    noClusterTitle: {
      id: 'georep.volumeTab.noClusterTitle',
      defaultMessage: 'Cluster not found',
    },
    noClusterBody: {
      id: 'georep.volumeTab.noClusterBody',
      defaultMessage:
        'The cluster of volume {volume} is not among the Gluster clusters you see, so its sessions cannot be shown.',
    },
  }),
);
