// The words of the action dialogs (confirm, remove, recover, Force advice): in their chunk
// (src/app/onDemand.tsx), not in the first paint.
import { defineMessages } from 'react-intl';
import { untyped } from '../intl';

export const dialogMessages = untyped(
  defineMessages({
    cancel: { id: 'georep.dialog.cancel', defaultMessage: 'Cancel' },
    close: { id: 'georep.dialog.close', defaultMessage: 'Close' },
    working: { id: 'georep.dialog.working', defaultMessage: 'Working: {done} of {total} done' },
    targets: {
      id: 'georep.dialog.targets',
      defaultMessage: '{count, plural, one {This session:} other {These # sessions:}}',
    },
    skipped: {
      id: 'georep.dialog.skipped',
      defaultMessage:
        '{count, plural, one {# selected session is} other {# selected sessions are}} not in a state that allows this and will be left alone:',
    },
    resultsTitle: { id: 'georep.dialog.resultsTitle', defaultMessage: 'Results' },
    resultOk: { id: 'georep.dialog.resultOk', defaultMessage: 'Done' },
    resultFailed: { id: 'georep.dialog.resultFailed', defaultMessage: 'Failed: {message}' },
    resultRefused: {
      id: 'georep.dialog.resultRefused',
      defaultMessage: 'Gluster refused: {message}',
    },
    failedSummary: {
      id: 'georep.dialog.failedSummary',
      defaultMessage: '{failed} of {total} failed. The table shows the state Gluster reports now.',
    },
    // Titles
    startTitle: {
      id: 'georep.dialog.startTitle',
      defaultMessage:
        '{count, plural, one {Start geo-replication} other {Start # geo-replication sessions}}',
    },
    stopTitle: {
      id: 'georep.dialog.stopTitle',
      defaultMessage:
        '{count, plural, one {Stop geo-replication} other {Stop # geo-replication sessions}}',
    },
    pauseTitle: {
      id: 'georep.dialog.pauseTitle',
      defaultMessage:
        '{count, plural, one {Pause geo-replication} other {Pause # geo-replication sessions}}',
    },
    resumeTitle: {
      id: 'georep.dialog.resumeTitle',
      defaultMessage:
        '{count, plural, one {Resume geo-replication} other {Resume # geo-replication sessions}}',
    },
    checkpointTitle: {
      id: 'georep.dialog.checkpointTitle',
      defaultMessage:
        '{count, plural, one {Set a checkpoint now} other {Set a checkpoint now on # sessions}}',
    },
    // What each action does
    startExplain: {
      id: 'georep.dialog.startExplain',
      defaultMessage:
        'Gluster starts a worker for every brick of the source volume; in each replica set one worker becomes Active and syncs changes to the remote volume.',
    },
    stopExplain: {
      id: 'georep.dialog.stopExplain',
      defaultMessage:
        'The workers stop and nothing is synced until the session is started again; it then resumes from the last sync time.',
    },
    pauseExplain: {
      id: 'georep.dialog.pauseExplain',
      defaultMessage: 'The workers pause where they are; Resume continues from there.',
    },
    resumeExplain: {
      id: 'georep.dialog.resumeExplain',
      defaultMessage: 'The paused workers continue syncing from where they stopped.',
    },
    checkpointExplain: {
      id: 'georep.dialog.checkpointExplain',
      defaultMessage:
        'A checkpoint marks this moment. It completes when everything written on the source volume before it has reached the remote volume; the table shows its progress per worker.',
    },
    // Force: offered only where Gluster's force skips the check that refused (src/georep/force.ts)
    forceOffer: {
      id: 'georep.dialog.forceOffer',
      defaultMessage: 'Gluster refused. Force may get past this:',
    },
    forceOfferSome: {
      id: 'georep.dialog.forceOfferSome',
      defaultMessage:
        '{count, plural, one {Force retries only the session whose refusal it may get past.} other {Force retries only the # sessions whose refusal it may get past.}}',
    },
    forceStartAlreadyStarted: {
      id: 'georep.dialog.forceStartAlreadyStarted',
      defaultMessage:
        'Gluster has this session as started already. Force start starts its workers again wherever they are not running (for example on a node that was down or was added), without stopping the others.',
    },
    forceStartSpawn: {
      id: 'georep.dialog.forceStartSpawn',
      defaultMessage:
        'Gluster could not check that it can run the geo-replication daemon. Force start skips that check.',
    },
    forceStopPeerDown: {
      id: 'georep.dialog.forceStopPeerDown',
      defaultMessage:
        'A node holding bricks of the source volume is down, so Gluster refuses a plain stop. Force stop stops the workers on the nodes that are up. The down node is not told: when it is back, check the session and stop it again if its workers started with it.',
    },
    forceStopNotRunning: {
      id: 'georep.dialog.forceStopNotRunning',
      defaultMessage:
        'Gluster finds no running worker of this session on the node it was asked on. Force stop stops the session anyway and marks it Stopped.',
    },
    forceStopNoRecord: {
      id: 'georep.dialog.forceStopNoRecord',
      defaultMessage:
        'Gluster’s record of this session is incomplete. Force stop stops whatever is left of it.',
    },
    forcePauseAlreadyPaused: {
      id: 'georep.dialog.forcePauseAlreadyPaused',
      defaultMessage:
        'Gluster has this session as Paused already. Force pause pauses its workers again (for example ones that restarted since).',
    },
    forceResumeNotPaused: {
      id: 'georep.dialog.forceResumeNotPaused',
      defaultMessage:
        'Gluster does not have this session as Paused. Force resume resumes its workers anyway (for example ones left paused after a node restarted).',
    },
    forceStatusUnreadable: {
      id: 'georep.dialog.forceStatusUnreadable',
      defaultMessage:
        'Gluster could not read the state of the session on a node. Force skips that check.',
    },
    forceGeneric: {
      id: 'georep.dialog.forceGeneric',
      defaultMessage: 'Force skips the check of Gluster that refused.',
    },
    noForceTitle: { id: 'georep.dialog.noForceTitle', defaultMessage: 'Force would not help' },
    refusalAdviceTitle: { id: 'georep.dialog.refusalAdviceTitle', defaultMessage: 'What to do' },
    noForcePeerDown: {
      id: 'georep.dialog.noForcePeerDown',
      defaultMessage:
        '{action, select, delete {A node holding bricks of the source volume is down, and Gluster does not remove a session then. Bring the node back up and try again.} other {A node holding bricks of the source volume is down, and Gluster refuses this with force too. Bring the node back up and try again; meanwhile only a forced Stop works.}}',
    },
    noForceVolumeNotStarted: {
      id: 'georep.dialog.noForceVolumeNotStarted',
      defaultMessage:
        'Gluster does not start geo-replication of a source volume that is not started, with force too. Start the volume first.',
    },
    noForceNotRunningHere: {
      id: 'georep.dialog.noForceNotRunningHere',
      defaultMessage:
        'Gluster was asked on a node that holds no brick of the source volume, and force does not change that. Try again later.',
    },
    noForceStillActive: {
      id: 'georep.dialog.noForceStillActive',
      defaultMessage:
        'Gluster removes only a stopped session, and removal has no force. Stop the session first.',
    },
    noForceMissing: {
      id: 'georep.dialog.noForceMissing',
      defaultMessage: 'Gluster no longer knows this session or its volume. Refresh the list.',
    },
    noForceBusy: {
      id: 'georep.dialog.noForceBusy',
      defaultMessage:
        'Gluster was busy with another operation on the cluster. Try again in a moment; force does not help here.',
    },
    noForceOther: {
      id: 'georep.dialog.noForceOther',
      defaultMessage: 'Force is not offered: Gluster is not known to skip this check with force.',
    },
    resultRefusedForced: {
      id: 'georep.dialog.resultRefusedForced',
      defaultMessage: 'Gluster refused, even with force: {message}',
    },
    startForceButton: { id: 'georep.dialog.startForceButton', defaultMessage: 'Force start' },
    stopForceButton: { id: 'georep.dialog.stopForceButton', defaultMessage: 'Force stop' },
    pauseForceButton: { id: 'georep.dialog.pauseForceButton', defaultMessage: 'Force pause' },
    resumeForceButton: { id: 'georep.dialog.resumeForceButton', defaultMessage: 'Force resume' },
    // Toasts
    startDone: {
      id: 'georep.dialog.startDone',
      defaultMessage:
        '{count, plural, one {Started geo-replication of {name}} other {Started # geo-replication sessions}}',
    },
    stopDone: {
      id: 'georep.dialog.stopDone',
      defaultMessage:
        '{count, plural, one {Stopped geo-replication of {name}} other {Stopped # geo-replication sessions}}',
    },
    pauseDone: {
      id: 'georep.dialog.pauseDone',
      defaultMessage:
        '{count, plural, one {Paused geo-replication of {name}} other {Paused # geo-replication sessions}}',
    },
    resumeDone: {
      id: 'georep.dialog.resumeDone',
      defaultMessage:
        '{count, plural, one {Resumed geo-replication of {name}} other {Resumed # geo-replication sessions}}',
    },
    checkpointDone: {
      id: 'georep.dialog.checkpointDone',
      defaultMessage:
        '{count, plural, one {Checkpoint set on {name}} other {Checkpoint set on # sessions}}',
    },
    removeDone: {
      id: 'georep.dialog.removeDone',
      defaultMessage:
        '{count, plural, one {Removed geo-replication session {name}} other {Removed # geo-replication sessions}}',
    },
    // Remove
    removeTitle: {
      id: 'georep.dialog.removeTitle',
      defaultMessage:
        '{count, plural, one {Remove geo-replication session} other {Remove # geo-replication sessions}}',
    },
    removeExplain: {
      id: 'georep.dialog.removeExplain',
      defaultMessage:
        'Gluster forgets the session. The source and remote volumes, and the data already copied, are kept.',
    },
    resetSyncTime: { id: 'georep.dialog.resetSyncTime', defaultMessage: 'Reset sync time' },
    removeProvisioned: {
      id: 'georep.dialog.removeProvisioned',
      defaultMessage: 'Also remove the remote volume created for a directory target',
    },
    removeProvisionedHelp: {
      id: 'georep.dialog.removeProvisionedHelp',
      defaultMessage:
        'For a session into a directory, the service created a single-brick volume on it. Gluster stops and deletes that volume; the files in the directory stay. A volume the service did not create is never removed: the removal is then refused and nothing is deleted.',
    },
    resetSyncTimeHelp: {
      id: 'georep.dialog.resetSyncTimeHelp',
      defaultMessage:
        'A session created again between the same volumes then starts with a full crawl from scratch instead of resuming from the last sync time. Use it when the remote volume was emptied or replaced, or to recover a session that keeps going Faulty.',
    },
  }),
);
