// Every user-visible string of the Geo-Replication tab (English is the source; catalogs translate by id).
// One word per side of a session, as Gluster 10+ and the wire contract say: the volume replicated is
// the "primary", the volume (host, user, node) it is replicated to the "secondary" (oVirt said
// master/slave). Each descriptor tells translators where the text appears and what it holds.
import { defineMessages } from '../intl/react';
import { untyped } from '../intl';

export const pageMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.page.title',
      defaultMessage: 'Geo-Replication',
      description:
        "Page heading of the Storage › Geo-Replication place; spelled as oVirt WebAdmin's own Geo-Replication label.",
    },
    intro: {
      id: 'georep.page.intro',
      defaultMessage:
        'Geo-replication sessions whose primary volume is in the selected Gluster cluster.',
      description:
        'One-line introduction under the page heading. The primary volume is the volume a session replicates.',
    },
    lastRead: {
      id: 'georep.page.lastRead',
      defaultMessage: 'Read from Gluster {relative}',
      description:
        'Note above the sessions table. {relative} is a relative time, e.g. "5 seconds ago".',
    },
    lastReadTooltip: {
      id: 'georep.page.lastReadTooltip',
      defaultMessage:
        'Last read from Gluster at {time}. Refreshed every {seconds} seconds while this tab is visible.',
      description:
        'Tooltip of the "Read from Gluster" note. {time} is a date and time; {seconds} a whole number, e.g. 15.',
    },
    refreshPaused: {
      id: 'georep.page.refreshPaused',
      defaultMessage: 'Refresh paused while the tab is hidden',
      description:
        'Note beside "Read from Gluster" while the browser tab is hidden and nothing is read.',
    },
    refreshing: {
      id: 'georep.page.refreshing',
      defaultMessage: 'Refreshing',
      description: 'Says that the sessions are being read again from Gluster.',
    },
    refresh: {
      id: 'georep.page.refresh',
      defaultMessage: 'Refresh',
      description: 'Toolbar button that reads the sessions from Gluster again now.',
    },
    simulator: {
      id: 'georep.page.simulator',
      defaultMessage: 'Simulator',
      description:
        'Small label beside "Read from Gluster" when the service runs on its Gluster simulator (a demo). Keep it short.',
    },
    simulatorTooltip: {
      id: 'georep.page.simulatorTooltip',
      defaultMessage:
        'The geo-rep service runs on its simulator: these sessions are not real Gluster sessions.',
      description:
        'Tooltip of the "Simulator" label. "geo-rep service" is the companion service of this plugin.',
    },
    newSession: {
      id: 'georep.page.newSession',
      defaultMessage: 'New session',
      description:
        'Toolbar button (and empty-state button) that opens the dialog creating a geo-replication session.',
    },
    loadingClusters: {
      id: 'georep.page.loadingClusters',
      defaultMessage: 'Loading clusters',
      description: "Accessible name of the spinner while the engine's clusters are read.",
    },
    loadingSessions: {
      id: 'georep.page.loadingSessions',
      defaultMessage: 'Loading geo-replication sessions',
      description: "Accessible name of the spinner while a cluster's sessions are first read.",
    },
    loadingDialog: {
      id: 'georep.page.loadingDialog',
      defaultMessage: 'Opening the dialog',
      description: "Accessible name of the spinner while a dialog's code is loaded on demand.",
    },
    loadingPart: {
      id: 'georep.page.loadingPart',
      defaultMessage: 'Loading',
      description:
        "Accessible name of the spinner while a part of the tab (e.g. a session's details) is loaded on demand.",
    },
    partNotLoaded: {
      id: 'georep.page.partNotLoaded',
      defaultMessage:
        'This part of the tab could not be loaded ({detail}). Reload the page, then try again.',
      description:
        'Inline error when a part of the tab\'s code failed to download. {detail} is the browser\'s error, e.g. "Loading chunk 3 failed".',
    },
    noClusterTitle: {
      id: 'georep.empty.noClusterTitle',
      defaultMessage: 'No Gluster cluster',
      description: 'Empty-state title when the user sees no cluster with the Gluster service.',
    },
    noClusterBody: {
      id: 'georep.empty.noClusterBody',
      defaultMessage:
        'You do not see any cluster with the Gluster service. Geo-replication sessions belong to Gluster volumes, so there is nothing to show here.',
      description: 'Empty-state text under "No Gluster cluster".',
    },
    noSessionsTitle: {
      id: 'georep.empty.noSessionsTitle',
      defaultMessage: 'No geo-replication sessions',
      description: 'Empty-state title when the selected cluster (or volume) has no session.',
    },
    noSessionsBody: {
      id: 'georep.empty.noSessionsBody',
      defaultMessage:
        'No volume of cluster {cluster} replicates to a secondary volume yet. A session copies a volume continuously and asynchronously to a Gluster volume at another site.',
      description:
        'Empty-state text of the place when the cluster has no session. {cluster} is the cluster name, e.g. gluster-prod. The secondary volume is the volume a session replicates to.',
    },
    noVolumeSessionsBody: {
      id: 'georep.empty.noVolumeSessionsBody',
      defaultMessage:
        'Volume {volume} of cluster {cluster} is not the primary volume of any geo-replication session. A session copies a volume continuously and asynchronously to a Gluster volume at another site.',
      description:
        "Empty-state text of a volume's Geo-Replication (live) sub tab. {volume} is the volume name, e.g. vmstore; {cluster} the cluster name. The primary volume is the volume a session replicates.",
    },
    noSessionsHowTo: {
      id: 'georep.empty.noSessionsHowTo',
      defaultMessage: 'Start one with New session.',
      description:
        'Second sentence of the empty state, for a user who may create sessions. "New session" is the button of the same name.',
    },
    noMatchTitle: {
      id: 'georep.empty.noMatchTitle',
      defaultMessage: 'No session matches the filters',
      description: 'Empty-state title in the table when the text or status filter hides every row.',
    },
    noMatchBody: {
      id: 'georep.empty.noMatchBody',
      defaultMessage: 'Change or clear the filters to see the other sessions.',
      description: 'Empty-state text under "No session matches the filters".',
    },
    clearFilters: {
      id: 'georep.empty.clearFilters',
      defaultMessage: 'Clear all filters',
      description: 'Link button in the toolbar and in the no-match empty state.',
    },
    unauthorizedTitle: {
      id: 'georep.error.unauthorizedTitle',
      defaultMessage: 'Your login has expired',
      description: "Error title when the engine no longer accepts WebAdmin's login token.",
    },
    unauthorizedBody: {
      id: 'georep.error.unauthorizedBody',
      defaultMessage:
        'WebAdmin’s login is no longer valid, so nothing can be read or changed. Log in again to continue.',
      description: 'Error text under "Your login has expired".',
    },
    reloadToLogin: {
      id: 'georep.error.reloadToLogin',
      defaultMessage: 'Reload WebAdmin and log in again',
      description: 'Button under the expired-login error; it reloads WebAdmin.',
    },
    forbiddenTitle: {
      id: 'georep.error.forbiddenTitle',
      defaultMessage: 'No permission',
      description:
        "Error title when the user's roles do not allow reading this cluster's sessions.",
    },
    forbiddenBody: {
      id: 'georep.error.forbiddenBody',
      defaultMessage: 'You are not allowed to view the geo-replication sessions of this cluster.',
      description: 'Error text under "No permission".',
    },
    notFoundTitle: {
      id: 'georep.error.notFoundTitle',
      defaultMessage: 'Cluster not found',
      description: 'Error title when the geo-rep service does not know the selected cluster.',
    },
    notFoundBody: {
      id: 'georep.error.notFoundBody',
      defaultMessage: 'The geo-rep service does not know this cluster. It may have been removed.',
      description: 'Error text under "Cluster not found".',
    },
    sessionsFailedTitle: {
      id: 'georep.error.sessionsFailedTitle',
      defaultMessage: 'Cannot read the geo-replication sessions',
      description: "Error title when the cluster's sessions could not be read.",
    },
    clustersFailedTitle: {
      id: 'georep.error.clustersFailedTitle',
      defaultMessage: 'Cannot read the clusters from the engine',
      description: "Error title when the engine's list of clusters could not be read.",
    },
    unreachableBody: {
      id: 'georep.error.unreachableBody',
      defaultMessage: 'The service did not answer ({detail}). It is tried again automatically.',
      description:
        'Error text when the geo-rep service is unreachable or timed out. {detail} is the reason, e.g. "Failed to fetch".',
    },
    failedBody: {
      id: 'georep.error.failedBody',
      defaultMessage: 'The service answered: {detail}',
      description:
        "Error text when the geo-rep service refused a read. {detail} is the service's own message, in English.",
    },
    retry: {
      id: 'georep.error.retry',
      defaultMessage: 'Try again now',
      description: 'Button under a read error; it reads again at once.',
    },
    staleTitle: {
      id: 'georep.error.staleTitle',
      defaultMessage:
        'The latest refresh failed: showing the data read {relative}, which may be out of date',
      description:
        'Inline warning title above the table when a refresh failed but older data is shown. {relative} is a relative time, e.g. "2 minutes ago".',
    },
    staleBody: {
      id: 'georep.error.staleBody',
      defaultMessage: '{detail} The sessions are read again every {seconds} seconds.',
      description:
        'Text of the stale-data warning. {detail} is the reason of the failure (a sentence); {seconds} a whole number, e.g. 15.',
    },
    accessFailed: {
      id: 'georep.error.accessFailed',
      defaultMessage:
        'Your permissions on this cluster could not be checked ({detail}); actions stay disabled.',
      description:
        'Inline note when the user\'s permissions could not be read. {detail} is the reason, e.g. "HTTP 502".',
    },
    errorDetail: {
      id: 'georep.error.detail',
      defaultMessage: '{reason}: {detail}',
      description:
        'Joins an error\'s short reason and its detail, e.g. "Bad Gateway: the engine did not answer". Keep the order unless your language needs another.',
    },
    outsideWebAdmin: {
      id: 'georep.error.outsideWebAdmin',
      defaultMessage: 'This page works only inside oVirt WebAdmin (Storage, Geo-Replication).',
      description:
        "Shown when the tab's page is opened on its own, outside WebAdmin. Storage and Geo-Replication are WebAdmin's menu names.",
    },
  }),
);

export const clusterMessages = untyped(
  defineMessages({
    label: {
      id: 'georep.cluster.label',
      defaultMessage: 'Cluster',
      description: 'Label of the cluster selector at the top of the place.',
    },
    deepLinkUnknown: {
      id: 'georep.cluster.deepLinkUnknown',
      defaultMessage:
        'The link names cluster “{id}”, which is not a Gluster cluster you can see. Showing another cluster instead.',
      description:
        'Inline warning when a link to the place names an unknown cluster. {id} is the cluster id from the link (a UUID).',
    },
  }),
);

/** The status filter's buttons above the table: sessions counted by their status. */
export const bucketMessages = untyped(
  defineMessages({
    active: {
      id: 'georep.bucket.active',
      defaultMessage: 'Active',
      description:
        'Status filter button above the table: Active sessions, and those starting (Initializing).',
    },
    passive: {
      id: 'georep.bucket.passive',
      defaultMessage: 'Passive only',
      description:
        'Status filter button above the table: sessions whose status is Passive (no worker syncing).',
    },
    faulty: {
      id: 'georep.bucket.faulty',
      defaultMessage: 'Faulty, stalled or partly faulty',
      description:
        'Status filter button above the table: sessions that need attention (Faulty, Stalled or Partly faulty).',
    },
    paused: {
      id: 'georep.bucket.paused',
      defaultMessage: 'Paused',
      description: 'Status filter button above the table.',
    },
    stopped: {
      id: 'georep.bucket.stopped',
      defaultMessage: 'Stopped',
      description: 'Status filter button above the table.',
    },
    created: {
      id: 'georep.bucket.created',
      defaultMessage: 'Created',
      description: 'Status filter button above the table: sessions created but never started.',
    },
    unknown: {
      id: 'georep.bucket.unknown',
      defaultMessage: 'Unknown',
      description:
        'Status filter button above the table: sessions whose status Gluster did not say.',
    },
    summaryLabel: {
      id: 'georep.bucket.summaryLabel',
      defaultMessage: 'Sessions by status (select one to filter)',
      description: 'Accessible name of the group of status filter buttons above the table.',
    },
    all: {
      id: 'georep.bucket.all',
      defaultMessage: 'All',
      description: 'First status filter button: shows every session.',
    },
    filterAria: {
      id: 'georep.bucket.filterAria',
      defaultMessage: '{state}: {count, plural, one {# session} other {# sessions}}',
      description:
        'Accessible name of a status filter button. {state} is the button\'s text, e.g. "Paused"; {count} the number of sessions.',
    },
  }),
);

/** A session's or a worker's status, as Gluster names it (Partly faulty and Stalled are the tab's). */
export const statusMessages = untyped(
  defineMessages({
    Active: {
      id: 'georep.status.active',
      defaultMessage: 'Active',
      description: "Status of a session or a worker (Gluster's word): it is syncing.",
    },
    Passive: {
      id: 'georep.status.passive',
      defaultMessage: 'Passive',
      description:
        "Status of a session or a worker (Gluster's word): a replica's worker standing by while another syncs.",
    },
    Faulty: {
      id: 'georep.status.faulty',
      defaultMessage: 'Faulty',
      description: "Status of a session or a worker (Gluster's word): it has failed.",
    },
    PartiallyFaulty: {
      id: 'georep.status.partiallyFaulty',
      defaultMessage: 'Partly faulty',
      description:
        'Status of a session: a worker failed, but every replica set still has an Active worker.',
    },
    Stalled: {
      id: 'georep.status.stalled',
      defaultMessage: 'Stalled',
      description:
        'Status of a session or a worker: Gluster says Active, but recorded changes are not being synced.',
    },
    Initializing: {
      id: 'georep.status.initializing',
      defaultMessage: 'Initializing',
      description: "Status of a session or a worker (Gluster's word): it is starting.",
    },
    Created: {
      id: 'georep.status.created',
      defaultMessage: 'Created',
      description: "Status of a session (Gluster's word): created, never started.",
    },
    Stopped: {
      id: 'georep.status.stopped',
      defaultMessage: 'Stopped',
      description: "Status of a session or a worker (Gluster's word).",
    },
    Paused: {
      id: 'georep.status.paused',
      defaultMessage: 'Paused',
      description: "Status of a session or a worker (Gluster's word).",
    },
    Offline: {
      id: 'georep.status.offline',
      defaultMessage: 'Offline',
      description: "Status of a worker (Gluster's word): its node or brick is down.",
    },
    Unknown: {
      id: 'georep.status.unknown',
      defaultMessage: 'Unknown',
      description: 'Status of a session or a worker that Gluster did not report.',
    },
  }),
);

export const toolbarMessages = untyped(
  defineMessages({
    filterPlaceholder: {
      id: 'georep.toolbar.filterPlaceholder',
      defaultMessage: 'Filter by volume, host or user',
      description:
        "Placeholder of the toolbar's text filter; it matches the primary and secondary volumes, the hosts and the secondary user. Keep it short.",
    },
    filterAria: {
      id: 'georep.toolbar.filterAria',
      defaultMessage: 'Filter sessions by text',
      description: "Accessible name of the toolbar's text filter.",
    },
    textChip: {
      id: 'georep.toolbar.textChip',
      defaultMessage: 'Text',
      description: 'Category of the filter chip that shows the text typed in the filter.',
    },
    stateChip: {
      id: 'georep.toolbar.stateChip',
      defaultMessage: 'Status',
      description: 'Category of the filter chip that shows the chosen status filter button.',
    },
    selected: {
      id: 'georep.toolbar.selected',
      defaultMessage:
        '{count, plural, =0 {No session selected} one {# session selected} other {# sessions selected}}',
      description: 'Toolbar text: how many table rows are selected.',
    },
    clearSelection: {
      id: 'georep.toolbar.clearSelection',
      defaultMessage: 'Clear selection',
      description: 'Toolbar link button that unselects every row.',
    },
    bulkActions: {
      id: 'georep.toolbar.bulkActions',
      defaultMessage: 'Actions on the selected sessions',
      description:
        'Accessible name of the group (or menu) of toolbar actions on the selected rows.',
    },
    moreActions: {
      id: 'georep.toolbar.moreActions',
      defaultMessage: 'More actions',
      description: 'Accessible name of a kebab menu holding the actions that do not fit.',
    },
    actionsMenu: {
      id: 'georep.toolbar.actionsMenu',
      defaultMessage: '{count, plural, =0 {Actions} other {Actions (# selected)}}',
      description:
        'Toolbar menu button on narrow screens; {count} is the number of selected rows. Keep it short.',
    },
    pagination: {
      id: 'georep.toolbar.pagination',
      defaultMessage: 'Sessions pagination',
      description: 'Accessible name of the pagination above the table.',
    },
    paginationBottom: {
      id: 'georep.toolbar.paginationBottom',
      defaultMessage: 'Sessions pagination, bottom',
      description: 'Accessible name of the pagination below the table.',
    },
  }),
);

export const actionMessages = untyped(
  defineMessages({
    start: {
      id: 'georep.action.start',
      defaultMessage: 'Start',
      description: "Action on a session (toolbar button and row's actions menu).",
    },
    stop: {
      id: 'georep.action.stop',
      defaultMessage: 'Stop',
      description: "Action on a session (toolbar button and row's actions menu).",
    },
    pause: {
      id: 'georep.action.pause',
      defaultMessage: 'Pause',
      description: "Action on a session (toolbar button and row's actions menu).",
    },
    resume: {
      id: 'georep.action.resume',
      defaultMessage: 'Resume',
      description: "Action on a paused session (toolbar button and row's actions menu).",
    },
    checkpoint: {
      id: 'georep.action.checkpoint',
      defaultMessage: 'Set checkpoint now',
      description:
        "Action on a session (row's actions menu): marks the current time; the checkpoint completes when everything written before it is on the secondary volume.",
    },
    showEvents: {
      id: 'georep.action.showEvents',
      defaultMessage: 'Show events',
      description: "Row's actions menu item: opens WebAdmin's Events searched for the session.",
    },
    recover: {
      id: 'georep.action.recover',
      defaultMessage: 'Recover',
      description: "Action on a Stalled session (row's actions menu): restarts its workers.",
    },
    remove: {
      id: 'georep.action.remove',
      defaultMessage: 'Remove',
      description: "Action on a session (toolbar button and row's actions menu): deletes it.",
    },
    options: {
      id: 'georep.action.options',
      defaultMessage: 'Options',
      description: "Row's actions menu item: opens the session's geo-replication options.",
    },
    reasonNoPermission: {
      id: 'georep.action.reasonNoPermission',
      defaultMessage: 'Your role does not allow managing geo-replication in this cluster.',
      description: 'Tooltip of a disabled action button: why it is disabled.',
    },
    reasonCheckingAccess: {
      id: 'georep.action.reasonCheckingAccess',
      defaultMessage: 'Checking your permissions…',
      description:
        "Tooltip of a disabled action button while the user's permissions are being read.",
    },
    reasonAccessUnknown: {
      id: 'georep.action.reasonAccessUnknown',
      defaultMessage: 'Your permissions could not be checked: {detail}',
      description:
        'Tooltip of a disabled action button, and an inline note. {detail} is the reason, e.g. "HTTP 502".',
    },
    reasonNoSelection: {
      id: 'georep.action.reasonNoSelection',
      defaultMessage: 'Select one or more sessions first.',
      description: 'Tooltip of a disabled toolbar action when no row is selected.',
    },
    reasonSingleSelection: {
      id: 'georep.action.reasonSingleSelection',
      defaultMessage: 'Select exactly one session.',
      description: 'Tooltip of a disabled toolbar action that works on one session only.',
    },
    reasonStart: {
      id: 'georep.action.reasonStart',
      defaultMessage: 'Only a Created or Stopped session can be started.',
      description: 'Tooltip of a disabled Start action. Created and Stopped are statuses.',
    },
    reasonStop: {
      id: 'georep.action.reasonStop',
      defaultMessage: 'A Created or Stopped session is not running.',
      description: 'Tooltip of a disabled Stop action. Created and Stopped are statuses.',
    },
    reasonPause: {
      id: 'georep.action.reasonPause',
      defaultMessage: 'Only a started session can be paused.',
      description: 'Tooltip of a disabled Pause action.',
    },
    reasonResume: {
      id: 'georep.action.reasonResume',
      defaultMessage: 'Only a Paused session can be resumed.',
      description: 'Tooltip of a disabled Resume action. Paused is a status.',
    },
    reasonRemove: {
      id: 'georep.action.reasonRemove',
      defaultMessage: 'Only a Stopped or Created session can be removed: stop it first.',
      description: 'Tooltip of a disabled Remove action. Stopped and Created are statuses.',
    },
    reasonCheckpoint: {
      id: 'georep.action.reasonCheckpoint',
      defaultMessage: 'A checkpoint needs a started or paused session.',
      description: 'Tooltip of a disabled "Set checkpoint now" action.',
    },
    reasonRecover: {
      id: 'georep.action.reasonRecover',
      defaultMessage:
        'Only a Stalled session can be recovered: its workers look Active but changes wait unsynced.',
      description: 'Tooltip of a disabled Recover action. Stalled and Active are statuses.',
    },
    reasonNoneEligible: {
      id: 'georep.action.reasonNoneEligible',
      defaultMessage: 'None of the selected sessions is in a state that allows this.',
      description:
        'Tooltip of a disabled toolbar action when no selected session has a status that allows it.',
    },
  }),
);

export const tableMessages = untyped(
  defineMessages({
    aria: {
      id: 'georep.table.aria',
      defaultMessage: 'Geo-replication sessions',
      description: 'Accessible name of the sessions table.',
    },
    sourceVolume: {
      id: 'georep.table.sourceVolume',
      defaultMessage: 'Primary volume',
      description:
        'Column header of the sessions table: the volume the session replicates, in the selected cluster. Keep it short.',
    },
    remoteHost: {
      id: 'georep.table.remoteHost',
      defaultMessage: 'Secondary host',
      description:
        'Column header of the sessions table: the host of the secondary volume, which the session replicates to. Keep it short.',
    },
    remoteVolume: {
      id: 'georep.table.remoteVolume',
      defaultMessage: 'Secondary volume',
      description:
        'Column header of the sessions table: the volume the session replicates to. Keep it short.',
    },
    user: {
      id: 'georep.table.user',
      defaultMessage: 'User',
      description:
        'Column header of the sessions table: the user the session logs in as on the secondary hosts (root or a mountbroker user). Keep it short.',
    },
    status: {
      id: 'georep.table.status',
      defaultMessage: 'Status',
      description: 'Column header of the sessions table. Keep it short.',
    },
    crawl: {
      id: 'georep.table.crawl',
      defaultMessage: 'Crawl',
      description:
        "Column header of the sessions table: the workers' crawl mode (Gluster's term, e.g. Changelog Crawl). Keep it short.",
    },
    syncedUpTo: {
      id: 'georep.table.syncedUpTo',
      defaultMessage: 'Synced up to',
      description:
        'Column header of the sessions table: the time before which every change is on the secondary volume. Keep it short.',
    },
    checkpoint: {
      id: 'georep.table.checkpoint',
      defaultMessage: 'Checkpoint',
      description: "Column header of the sessions table (Gluster's term). Keep it short.",
    },
    selectColumn: {
      id: 'georep.table.selectColumn',
      defaultMessage: 'Selection',
      description: "Accessible name of the table's check box column (no visible header).",
    },
    expandColumn: {
      id: 'georep.table.expandColumn',
      defaultMessage: 'Details',
      description: "Accessible name of the table's expand column (no visible header).",
    },
    actionsColumn: {
      id: 'georep.table.actionsColumn',
      defaultMessage: 'Actions',
      description: "Accessible name of the table's actions menu column (no visible header).",
    },
    selectPage: {
      id: 'georep.table.selectPage',
      defaultMessage: 'Select all sessions on this page',
      description: "Accessible name of the check box in the table's header row.",
    },
    selectRow: {
      id: 'georep.table.selectRow',
      defaultMessage: 'Select session {name}',
      description:
        'Accessible name of a row\'s check box. {name} is the session\'s name, e.g. "data to root@backup.example.com::data-dr".',
    },
    expandRow: {
      id: 'georep.table.expandRow',
      defaultMessage: 'Details of session {name}',
      description:
        'Accessible name of a row\'s expand button. {name} is the session\'s name, e.g. "data to root@backup.example.com::data-dr".',
    },
    rowActions: {
      id: 'georep.table.rowActions',
      defaultMessage: 'Actions for session {name}',
      description:
        'Accessible name of a row\'s actions menu. {name} is the session\'s name, e.g. "data to root@backup.example.com::data-dr".',
    },
    sessionName: {
      id: 'georep.table.sessionName',
      defaultMessage: '{primary} to {user}@{host}::{volume}',
      description:
        "A session's name in dialogs, toasts and accessible labels. {primary} is the primary volume, e.g. data; {user}@{host}::{volume} is Gluster's notation of the secondary (user, host, volume), e.g. root@backup.example.com::data-dr: keep it as is.",
    },
    notCrawling: {
      id: 'georep.table.notCrawling',
      defaultMessage: 'Not crawling',
      description: 'Crawl column cell when no worker of the session is crawling.',
    },
    notSynced: {
      id: 'georep.table.notSynced',
      defaultMessage: 'Not synced yet',
      description: '"Synced up to" cell of a started session that has synced nothing yet.',
    },
    notStarted: {
      id: 'georep.table.notStarted',
      defaultMessage: 'Not started yet',
      description: '"Synced up to" cell of a session that was never started (Created).',
    },
    syncUnknown: {
      id: 'georep.table.syncUnknown',
      defaultMessage: 'Unknown',
      description:
        '"Synced up to" or Checkpoint cell when Gluster does not say it (workers not running) and the service never saw it.',
    },
    syncUnknownTooltip: {
      id: 'georep.table.syncUnknownTooltip',
      defaultMessage:
        '{status, select, Initializing {Not known yet: the workers are starting.} other {Gluster reports how far a session has synced only while its workers run, and this service has not seen this session sync since it started.}}',
      description:
        'Tooltip of an "Unknown" cell. {status} is the session\'s status code (Initializing, Stopped, …); translate the two sentences, not the select keys.',
    },
    notSyncedTooltip: {
      id: 'georep.table.notSyncedTooltip',
      defaultMessage:
        '{status, select, Created {The session has never been started.} other {The Active worker of a replica set has not synced anything yet.}}',
      description:
        'Tooltip of a "Not synced yet" / "Not started yet" cell. {status} is the session\'s status code; translate the two sentences, not the select keys.',
    },
    seenNote: {
      id: 'georep.table.seenNote',
      defaultMessage: 'last seen {relative}',
      description:
        'Small note under a sync time or checkpoint read while the session ran. {relative} is a relative time, e.g. "3 hours ago".',
    },
    seenTooltip: {
      id: 'georep.table.seenTooltip',
      defaultMessage:
        'Not syncing now ({status}). Gluster reports the sync point only while workers run: this is the last one this service read, {asOf}.',
      description:
        'Part of the "Synced up to" tooltip for a session not running now. {status} is its status, e.g. Stopped; {asOf} the date and time it was read.',
    },
    syncedTooltip: {
      id: 'georep.table.syncedTooltip',
      defaultMessage: 'Data written before {time} is on the secondary volume.',
      description: '"Synced up to" cell\'s tooltip. {time} is a date and time.',
    },
    lagTooltip: {
      id: 'georep.table.lagTooltip',
      defaultMessage: 'Behind by {lag} when last read.',
      description:
        'Part of the "Synced up to" tooltip: how far the secondary volume lags. {lag} is a duration, e.g. "3 minutes".',
    },
    noCheckpoint: {
      id: 'georep.table.noCheckpoint',
      defaultMessage: 'None',
      description: 'Checkpoint cell when no checkpoint was set.',
    },
    checkpointCompleted: {
      id: 'georep.table.checkpointCompleted',
      defaultMessage: 'Completed {relative}',
      description: 'Checkpoint cell. {relative} is a relative time, e.g. "10 minutes ago".',
    },
    checkpointProgress: {
      id: 'georep.table.checkpointProgress',
      defaultMessage: 'In progress: {done} of {total} replica sets',
      description:
        'Checkpoint cell. {done} and {total} are numbers of replica sets (groups of bricks holding the same data).',
    },
    checkpointPending: {
      id: 'georep.table.checkpointPending',
      defaultMessage: 'In progress',
      description: 'Checkpoint cell while the checkpoint is not completed.',
    },
    checkpointTooltip: {
      id: 'georep.table.checkpointTooltip',
      defaultMessage:
        'Set at {time}. It completes when everything written before then is on the secondary volume.',
      description: 'Tooltip of an uncompleted checkpoint. {time} is the date and time it was set.',
    },
    checkpointCompletedTooltip: {
      id: 'georep.table.checkpointCompletedTooltip',
      defaultMessage: 'Set at {time}, completed at {completed}.',
      description: 'Tooltip of a completed checkpoint. {time} and {completed} are dates and times.',
    },
  }),
);

/** A session's details, under its row: its workers by replica set. */
// Words of a session's details that the table shows too (the crawl) and the Events link.
export const sessionWordsMessages = untyped(
  defineMessages({
    showEvents: {
      id: 'georep.details.showEvents',
      defaultMessage: "Show this session's events (actions and status changes) in Events",
      description:
        'Link in a session\'s details; it opens WebAdmin\'s Events place (keep "Events" as WebAdmin names it).',
    },
    crawlHybrid: {
      id: 'georep.details.crawlHybrid',
      defaultMessage:
        'Hybrid Crawl: a full walk of the volume (first sync, or when change logs are missing). Slow, and it cannot propagate deletes and renames.',
      description:
        'Help item and tooltip. "Hybrid Crawl" is the mode as Gluster prints it: keep it untranslated.',
    },
    crawlHistory: {
      id: 'georep.details.crawlHistory',
      defaultMessage:
        'History Crawl: replays the change logs recorded while the worker was not running, to catch up on a backlog.',
      description:
        'Help item and tooltip. "History Crawl" is the mode as Gluster prints it: keep it untranslated.',
    },
    crawlChangelog: {
      id: 'georep.details.crawlChangelog',
      defaultMessage:
        'Changelog Crawl: the normal state; each change is synced as the change log records it.',
      description:
        'Help item and tooltip. "Changelog Crawl" is the mode as Gluster prints it: keep it untranslated.',
    },
    crawlNA: {
      id: 'georep.details.crawlNA',
      defaultMessage: 'N/A: the worker is not crawling (Passive, stopped or faulty).',
      description: 'Help item and tooltip. "N/A" is what Gluster prints: keep it untranslated.',
    },
  }),
);

/** PatternFly Pagination's own words (above and below the table). */
export const paginationMessages = untyped(
  defineMessages({
    items: {
      id: 'georep.pagination.items',
      defaultMessage: 'sessions',
      description: 'Pagination: the noun counted, as in "1 - 20 of 60 sessions".',
    },
    page: {
      id: 'georep.pagination.page',
      defaultMessage: 'page',
      description: 'Pagination: singular noun, as in "of 1 page".',
    },
    pages: {
      id: 'georep.pagination.pages',
      defaultMessage: 'pages',
      description: 'Pagination: plural noun, as in "of 3 pages".',
    },
    itemsPerPage: {
      id: 'georep.pagination.itemsPerPage',
      defaultMessage: 'Sessions per page',
      description: 'Pagination: label of the per-page menu.',
    },
    perPageSuffix: {
      id: 'georep.pagination.perPageSuffix',
      defaultMessage: 'per page',
      description: 'Pagination: after a number in the per-page menu, as in "20 per page".',
    },
    ofWord: {
      id: 'georep.pagination.ofWord',
      defaultMessage: 'of',
      description: 'Pagination: the word between the range and the total, as in "1 - 20 of 60".',
    },
    toFirstPage: {
      id: 'georep.pagination.toFirstPage',
      defaultMessage: 'Go to first page',
      description: 'Pagination: accessible name of a button.',
    },
    toPreviousPage: {
      id: 'georep.pagination.toPreviousPage',
      defaultMessage: 'Go to previous page',
      description: 'Pagination: accessible name of a button.',
    },
    toNextPage: {
      id: 'georep.pagination.toNextPage',
      defaultMessage: 'Go to next page',
      description: 'Pagination: accessible name of a button.',
    },
    toLastPage: {
      id: 'georep.pagination.toLastPage',
      defaultMessage: 'Go to last page',
      description: 'Pagination: accessible name of a button.',
    },
    optionsToggle: {
      id: 'georep.pagination.optionsToggle',
      defaultMessage: 'Sessions per page',
      description: 'Pagination: accessible name of the per-page menu toggle.',
    },
    currPage: {
      id: 'georep.pagination.currPage',
      defaultMessage: 'Current page',
      description: 'Pagination: accessible name of the page number field.',
    },
  }),
);

/** A volume's sub tab (Storage › Volumes › <volume>). */
