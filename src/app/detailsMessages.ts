// The words of a session's details (the details chunk: loaded with the details, not the table).
import { defineMessages } from '../intl/react';
import { untyped } from '../intl';

export const detailsMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.details.title',
      defaultMessage: 'Workers, by replica set',
      description:
        "Heading of a session's details (under its row). A worker is Gluster's sync process of one primary brick.",
    },
    noWorkers: {
      id: 'georep.details.noWorkers',
      defaultMessage: 'Gluster reported no workers for this session.',
      description: "Text in a session's details when Gluster lists no worker.",
    },
    replicaSet: {
      id: 'georep.details.replicaSet',
      defaultMessage: 'Replica set {index}',
      description: "Heading of one group of a session's workers. {index} is a number from 1.",
    },
    noActiveFlag: {
      id: 'georep.details.noActiveFlag',
      defaultMessage: 'No Active worker: this replica set is not being synced',
      description: 'Red label beside a replica set heading.',
    },
    manyActiveFlag: {
      id: 'georep.details.manyActiveFlag',
      defaultMessage: '{count} Active workers: only one worker should sync a replica set',
      description: 'Orange label beside a replica set heading. {count} is a number, 2 or more.',
    },
    oneActive: {
      id: 'georep.details.oneActive',
      defaultMessage: 'One Active worker',
      description: 'Green label beside a replica set heading: the healthy case.',
    },
    workersAria: {
      id: 'georep.details.workersAria',
      defaultMessage: 'Workers of replica set {index}',
      description: "Accessible name of a replica set's workers table. {index} is a number from 1.",
    },
    node: {
      id: 'georep.details.node',
      defaultMessage: 'Node',
      description:
        "Column header of the workers table: the primary volume's host the worker runs on. Keep it short.",
    },
    brick: {
      id: 'georep.details.brick',
      defaultMessage: 'Brick',
      description: "Column header of the workers table (Gluster's term). Keep it short.",
    },
    remoteNode: {
      id: 'georep.details.remoteNode',
      defaultMessage: 'Secondary node',
      description:
        'Column header of the workers table: the host of the secondary volume this worker syncs to. Keep it short.',
    },
    status: {
      id: 'georep.details.status',
      defaultMessage: 'Status',
      description: 'Column header of the workers table. Keep it short.',
    },
    crawl: {
      id: 'georep.details.crawl',
      defaultMessage: 'Crawl',
      description:
        "Column header of the workers table: the crawl mode (Gluster's term). Keep it short.",
    },
    lastSynced: {
      id: 'georep.details.lastSynced',
      defaultMessage: 'Last synced',
      description: 'Column header of the workers table. Keep it short.',
    },
    entryPending: {
      id: 'georep.details.entryPending',
      defaultMessage: 'Entry pending',
      description:
        "Column header of the workers table: Gluster's count of pending entry operations (create, rename, delete). Keep it short.",
    },
    dataPending: {
      id: 'georep.details.dataPending',
      defaultMessage: 'Data pending',
      description:
        "Column header of the workers table: Gluster's count of pending data operations. Keep it short.",
    },
    metaPending: {
      id: 'georep.details.metaPending',
      defaultMessage: 'Meta pending',
      description:
        "Column header of the workers table: Gluster's count of pending metadata operations. Keep it short.",
    },
    failures: {
      id: 'georep.details.failures',
      defaultMessage: 'Failures',
      description: "Column header of the workers table: Gluster's failure count. Keep it short.",
    },
    checkpoint: {
      id: 'georep.details.checkpoint',
      defaultMessage: 'Checkpoint',
      description: 'Column header of the workers table. Keep it short.',
    },
    notApplicable: {
      id: 'georep.details.notApplicable',
      defaultMessage: 'N/A',
      description: 'Workers table cell with no value (as Gluster prints it).',
    },
    never: {
      id: 'georep.details.never',
      defaultMessage: 'Never',
      description: '"Last synced" cell of an Active worker that has synced nothing yet.',
    },
    restarting: {
      id: 'georep.details.restarting',
      defaultMessage: 'Restarting after a failure (Gluster reads it Initializing)',
      description:
        'Status cell of a worker that Gluster keeps restarting after failures. Initializing is a status.',
    },
    notReported: {
      id: 'georep.details.notReported',
      defaultMessage: 'Not reported while {status}',
      description:
        'Workers table cell that Gluster does not fill in this status. {status} is the worker\'s status, e.g. "Passive".',
    },
    seenAt: {
      id: 'georep.details.seenAt',
      defaultMessage: '{relative} (last seen {asOf})',
      description:
        'Workers table cell with a value read while the worker ran. {relative} is a relative time ("2 hours ago"); {asOf} when it was read.',
    },
    syncPointLive: {
      id: 'georep.details.syncPointLive',
      defaultMessage: 'Everything written before {time} is on the secondary volume.',
      description: "Sentence at the top of a session's details. {time} is a date and time.",
    },
    syncPointSeen: {
      id: 'georep.details.syncPointSeen',
      defaultMessage:
        'Everything written before {time} is on the secondary volume, as last seen {asOf}: not every replica set is syncing now, and Gluster reports the point only while workers run.',
      description:
        "Sentence at the top of a session's details when the point was read earlier. {time} and {asOf} are dates and times.",
    },
    syncPointNever: {
      id: 'georep.details.syncPointNever',
      defaultMessage: 'Nothing has been synced yet.',
      description: "Sentence at the top of a session's details.",
    },
    syncPointUnknown: {
      id: 'georep.details.syncPointUnknown',
      defaultMessage:
        'How far the secondary volume is in sync is not known: Gluster reports it only while the workers run, and this service has not seen this session sync since it started.',
      description: "Sentence at the top of a session's details when no sync point is known.",
    },
    checkpointAsOf: {
      id: 'georep.details.checkpointAsOf',
      defaultMessage: '(as last seen {asOf}, while the session ran)',
      description:
        'Added after the checkpoint sentence when it was read earlier. {asOf} is a date and time.',
    },
    workerCheckpointDone: {
      id: 'georep.details.workerCheckpointDone',
      defaultMessage: 'Completed {relative}',
      description:
        'Checkpoint cell of the workers table. {relative} is a relative time, e.g. "5 minutes ago".',
    },
    workerCheckpointPending: {
      id: 'georep.details.workerCheckpointPending',
      defaultMessage: 'Not reached yet',
      description: 'Checkpoint cell of the workers table.',
    },
    checkpointSummaryPending: {
      id: 'georep.details.checkpointSummaryPending',
      defaultMessage: 'Checkpoint set {time}: {done} of {total} replica sets have reached it.',
      description:
        "Sentence in a session's details. {time} is a date and time; {done} and {total} numbers of replica sets.",
    },
    checkpointSummaryDone: {
      id: 'georep.details.checkpointSummaryDone',
      defaultMessage:
        'Checkpoint set {time} completed {completed}: everything written before it is on the secondary volume.',
      description: "Sentence in a session's details. {time} and {completed} are dates and times.",
    },
    crawlHelpTitle: {
      id: 'georep.details.crawlHelpTitle',
      defaultMessage: 'What the crawl modes mean',
      description: 'Heading of the help on crawl modes.',
    },
    crawlHelpToggle: {
      id: 'georep.details.crawlHelpToggle',
      defaultMessage: 'About crawl modes',
      description: "Toggle of an expandable help section in a session's details.",
    },
    faultyTitle: {
      id: 'georep.details.faultyTitle',
      defaultMessage: 'Faulty worker on {node}',
      description:
        "Inline alert title in a session's details. {node} is a host name of the primary volume, e.g. gprod1.example.com.",
    },
    faultyBody: {
      id: 'georep.details.faultyBody',
      defaultMessage:
        'Brick {brick} on node {node} is Faulty. Look at the geo-replication log on {node}:',
      description:
        'Inline alert text, followed by a log file path. {brick} is a brick path, e.g. /bricks/data/b1; {node} a host name.',
    },
    logFromConfig: {
      id: 'georep.details.logFromConfig',
      defaultMessage: '(the session’s log-file option)',
      description:
        'Note after the log file path when it comes from the session\'s option "log-file" (Gluster\'s name: keep it).',
    },
    logDefault: {
      id: 'georep.details.logDefault',
      defaultMessage: '(Gluster’s default location; Options shows the configured one)',
      description:
        'Note after the log file path when it is Gluster\'s default. "Options" is the action of that name.',
    },
    pendingAria: {
      id: 'georep.details.pendingAria',
      defaultMessage: '{count} operations',
      description:
        'Accessible name of a pending-operations count in the workers table. {count} is a number.',
    },
  }),
);
