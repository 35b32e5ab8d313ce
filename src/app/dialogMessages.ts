// The words of the action dialogs (confirm, remove, recover, Force advice): in their chunk
// (src/app/onDemand.tsx), not in the first paint. A session's sides are the primary volume and the
// secondary (host, user, volume), as Gluster 10+ names them. Each message has a description for
// translators: where it appears, what its placeholders hold.
import { defineMessages } from '../intl/react';
import { untyped } from '../intl';

export const dialogMessages = untyped(
  defineMessages({
    cancel: {
      id: 'georep.dialog.cancel',
      defaultMessage: 'Cancel',
      description: 'Button that closes an action dialog without acting.',
    },
    close: {
      id: 'georep.dialog.close',
      defaultMessage: 'Close',
      description: 'Button that closes an action dialog after it acted, and the options editor.',
    },
    working: {
      id: 'georep.dialog.working',
      defaultMessage: 'Working: {done} of {total} done',
      description:
        'Progress text while a dialog acts one by one. {done} and {total} are numbers of sessions (of option changes, in the options editor).',
    },
    targets: {
      id: 'georep.dialog.targets',
      defaultMessage: '{count, plural, one {This session:} other {These # sessions:}}',
      description:
        'Line before the list of sessions an action dialog acts on. {count} is how many.',
    },
    skipped: {
      id: 'georep.dialog.skipped',
      defaultMessage:
        '{count, plural, one {# selected session is} other {# selected sessions are}} not in a state that allows this and will be left alone:',
      description:
        'Title of the information alert listing selected sessions the action does not apply to. {count} is how many.',
    },
    resultsTitle: {
      id: 'georep.dialog.resultsTitle',
      defaultMessage: 'Results',
      description:
        'Accessible name of the list of per-session results (screen readers); in the options editor, also the title of the results alert.',
    },
    resultOk: {
      id: 'georep.dialog.resultOk',
      defaultMessage: 'Done',
      description:
        'Result of the action on one session (or of one option change), after its name and a colon.',
    },
    resultFailed: {
      id: 'georep.dialog.resultFailed',
      defaultMessage: 'Failed: {message}',
      description:
        'Result of the action on one session (or of one option change), after its name and a colon. {message} is the service’s English error.',
    },
    resultRefused: {
      id: 'georep.dialog.resultRefused',
      defaultMessage: 'Gluster refused: {message}',
      description:
        'Result of the action on one session, after its name and a colon. {message} is Gluster’s own English output, e.g. Geo-replication session between vmstore and backup1::vmstore-dr is not active.',
    },
    failedSummary: {
      id: 'georep.dialog.failedSummary',
      defaultMessage: '{failed} of {total} failed. The table shows the state Gluster reports now.',
      description:
        'Title of the red alert over the per-session results. {failed} and {total} are numbers of sessions.',
    },
    // Titles
    startTitle: {
      id: 'georep.dialog.startTitle',
      defaultMessage:
        '{count, plural, one {Start geo-replication} other {Start # geo-replication sessions}}',
      description: 'Title of the Start dialog for existing sessions. {count} is how many.',
    },
    stopTitle: {
      id: 'georep.dialog.stopTitle',
      defaultMessage:
        '{count, plural, one {Stop geo-replication} other {Stop # geo-replication sessions}}',
      description: 'Title of the Stop dialog. {count} is how many sessions.',
    },
    pauseTitle: {
      id: 'georep.dialog.pauseTitle',
      defaultMessage:
        '{count, plural, one {Pause geo-replication} other {Pause # geo-replication sessions}}',
      description: 'Title of the Pause dialog. {count} is how many sessions.',
    },
    resumeTitle: {
      id: 'georep.dialog.resumeTitle',
      defaultMessage:
        '{count, plural, one {Resume geo-replication} other {Resume # geo-replication sessions}}',
      description: 'Title of the Resume dialog. {count} is how many sessions.',
    },
    checkpointTitle: {
      id: 'georep.dialog.checkpointTitle',
      defaultMessage:
        '{count, plural, one {Set a checkpoint now} other {Set a checkpoint now on # sessions}}',
      description: 'Title of the checkpoint dialog. {count} is how many sessions.',
    },
    // What each action does
    startExplain: {
      id: 'georep.dialog.startExplain',
      defaultMessage:
        'Gluster starts a worker for every brick of the primary volume; in each replica set one worker becomes Active and syncs changes to the secondary volume.',
      description:
        'First paragraph of the Start dialog. Active is Gluster’s worker status: keep it as the table shows it.',
    },
    stopExplain: {
      id: 'georep.dialog.stopExplain',
      defaultMessage:
        'The workers stop and nothing is synced until the session is started again; it then resumes from the last sync time.',
      description: 'First paragraph of the Stop dialog.',
    },
    pauseExplain: {
      id: 'georep.dialog.pauseExplain',
      defaultMessage: 'The workers pause where they are; Resume continues from there.',
      description: 'First paragraph of the Pause dialog. Resume is the action’s name.',
    },
    resumeExplain: {
      id: 'georep.dialog.resumeExplain',
      defaultMessage: 'The paused workers continue syncing from where they stopped.',
      description: 'First paragraph of the Resume dialog.',
    },
    checkpointExplain: {
      id: 'georep.dialog.checkpointExplain',
      defaultMessage:
        'A checkpoint marks this moment. It completes when everything written on the primary volume before it has reached the secondary volume; the table shows its progress per worker.',
      description: 'First paragraph of the checkpoint dialog.',
    },
    // Force: offered only where Gluster's force skips the check that refused (src/georep/force.ts)
    forceOffer: {
      id: 'georep.dialog.forceOffer',
      defaultMessage: 'Gluster refused. Force may get past this:',
      description:
        'Title of the alert offering Force after Gluster refused an action; the reasons follow. Force is Gluster’s force option.',
    },
    forceOfferSome: {
      id: 'georep.dialog.forceOfferSome',
      defaultMessage:
        '{count, plural, one {Force retries only the session whose refusal it may get past.} other {Force retries only the # sessions whose refusal it may get past.}}',
      description:
        'In the Force alert when only some of the refused sessions can be forced. {count} is how many can.',
    },
    forceStartAlreadyStarted: {
      id: 'georep.dialog.forceStartAlreadyStarted',
      defaultMessage:
        'Gluster has this session as started already. Force start starts its workers again wherever they are not running (for example on a node that was down or was added), without stopping the others.',
      description:
        'In the Force alert: why Gluster refused a start, and what Force start does. Force start is the button’s label.',
    },
    forceStartSpawn: {
      id: 'georep.dialog.forceStartSpawn',
      defaultMessage:
        'Gluster could not check that it can run the geo-replication daemon. Force start skips that check.',
      description: 'In the Force alert: why Gluster refused a start, and what Force start does.',
    },
    forceStopPeerDown: {
      id: 'georep.dialog.forceStopPeerDown',
      defaultMessage:
        'A node holding bricks of the primary volume is down, so Gluster refuses a plain stop. Force stop stops the workers on the nodes that are up. The down node is not told: when it is back, check the session and stop it again if its workers started with it.',
      description: 'In the Force alert: why Gluster refused a stop, and what Force stop does.',
    },
    forceStopNotRunning: {
      id: 'georep.dialog.forceStopNotRunning',
      defaultMessage:
        'Gluster finds no running worker of this session on the node it was asked on. Force stop stops the session anyway and marks it Stopped.',
      description:
        'In the Force alert: why Gluster refused a stop, and what Force stop does. Stopped is the session’s status as the table shows it.',
    },
    forceStopNoRecord: {
      id: 'georep.dialog.forceStopNoRecord',
      defaultMessage:
        'Gluster’s record of this session is incomplete. Force stop stops whatever is left of it.',
      description: 'In the Force alert: why Gluster refused a stop, and what Force stop does.',
    },
    forcePauseAlreadyPaused: {
      id: 'georep.dialog.forcePauseAlreadyPaused',
      defaultMessage:
        'Gluster has this session as Paused already. Force pause pauses its workers again (for example ones that restarted since).',
      description:
        'In the Force alert: why Gluster refused a pause, and what Force pause does. Paused is the status as the table shows it.',
    },
    forceResumeNotPaused: {
      id: 'georep.dialog.forceResumeNotPaused',
      defaultMessage:
        'Gluster does not have this session as Paused. Force resume resumes its workers anyway (for example ones left paused after a node restarted).',
      description:
        'In the Force alert: why Gluster refused a resume, and what Force resume does. Paused is the status as the table shows it.',
    },
    forceStatusUnreadable: {
      id: 'georep.dialog.forceStatusUnreadable',
      defaultMessage:
        'Gluster could not read the state of the session on a node. Force skips that check.',
      description:
        'In the Force alert: why Gluster refused a pause or resume, and what Force does.',
    },
    forceGeneric: {
      id: 'georep.dialog.forceGeneric',
      defaultMessage: 'Force skips the check of Gluster that refused.',
      description: 'In the Force alert when the refusal has no more specific explanation.',
    },
    noForceTitle: {
      id: 'georep.dialog.noForceTitle',
      defaultMessage: 'Force would not help',
      description:
        'Title of the alert after a refusal that Gluster’s force does not get past; what to do follows.',
    },
    refusalAdviceTitle: {
      id: 'georep.dialog.refusalAdviceTitle',
      defaultMessage: 'What to do',
      description:
        'Title of the alert in the Remove dialog after Gluster refused a removal (removal has no force); advice follows.',
    },
    noForcePeerDown: {
      id: 'georep.dialog.noForcePeerDown',
      defaultMessage:
        '{action, select, delete {A node holding bricks of the primary volume is down, and Gluster does not remove a session then. Bring the node back up and try again.} other {A node holding bricks of the primary volume is down, and Gluster refuses this with force too. Bring the node back up and try again; meanwhile only a forced Stop works.}}',
      description:
        'Advice after a refusal. {action} selects the text: delete for Remove, other for start, pause or resume. Stop is the action’s name.',
    },
    noForceVolumeNotStarted: {
      id: 'georep.dialog.noForceVolumeNotStarted',
      defaultMessage:
        'Gluster does not start geo-replication of a primary volume that is not started, with force too. Start the volume first.',
      description:
        'Advice after Gluster refused to start a session whose primary volume is stopped.',
    },
    noForceNotRunningHere: {
      id: 'georep.dialog.noForceNotRunningHere',
      defaultMessage:
        'Gluster was asked on a node that holds no brick of the primary volume, and force does not change that. Try again later.',
      description: 'Advice after a refusal that force does not get past.',
    },
    noForceStillActive: {
      id: 'georep.dialog.noForceStillActive',
      defaultMessage:
        'Gluster removes only a stopped session, and removal has no force. Stop the session first.',
      description: 'Advice after Gluster refused to remove a session that is not stopped.',
    },
    noForceMissing: {
      id: 'georep.dialog.noForceMissing',
      defaultMessage: 'Gluster no longer knows this session or its volume. Refresh the list.',
      description: 'Advice after Gluster said the session or its volume does not exist.',
    },
    noForceBusy: {
      id: 'georep.dialog.noForceBusy',
      defaultMessage:
        'Gluster was busy with another operation on the cluster. Try again in a moment; force does not help here.',
      description: 'Advice after Gluster refused because another operation held its cluster lock.',
    },
    noForceOther: {
      id: 'georep.dialog.noForceOther',
      defaultMessage: 'Force is not offered: Gluster is not known to skip this check with force.',
      description: 'Advice after a refusal that has no more specific explanation.',
    },
    resultRefusedForced: {
      id: 'georep.dialog.resultRefusedForced',
      defaultMessage: 'Gluster refused, even with force: {message}',
      description:
        'Result of a forced action on one session, after its name and a colon. {message} is Gluster’s own English output.',
    },
    startForceButton: {
      id: 'georep.dialog.startForceButton',
      defaultMessage: 'Force start',
      description: 'Button: start again with Gluster’s force. Keep it short.',
    },
    stopForceButton: {
      id: 'georep.dialog.stopForceButton',
      defaultMessage: 'Force stop',
      description: 'Button: stop again with Gluster’s force. Keep it short.',
    },
    pauseForceButton: {
      id: 'georep.dialog.pauseForceButton',
      defaultMessage: 'Force pause',
      description: 'Button: pause again with Gluster’s force. Keep it short.',
    },
    resumeForceButton: {
      id: 'georep.dialog.resumeForceButton',
      defaultMessage: 'Force resume',
      description: 'Button: resume again with Gluster’s force. Keep it short.',
    },
    // Toasts
    startDone: {
      id: 'georep.dialog.startDone',
      defaultMessage:
        '{count, plural, one {Started geo-replication of {name}} other {Started # geo-replication sessions}}',
      description:
        'Success toast. {count} is how many sessions; {name} is the session, e.g. vmstore to root@backup1::vmstore-dr.',
    },
    stopDone: {
      id: 'georep.dialog.stopDone',
      defaultMessage:
        '{count, plural, one {Stopped geo-replication of {name}} other {Stopped # geo-replication sessions}}',
      description:
        'Success toast. {count} is how many sessions; {name} is the session, e.g. vmstore to root@backup1::vmstore-dr.',
    },
    pauseDone: {
      id: 'georep.dialog.pauseDone',
      defaultMessage:
        '{count, plural, one {Paused geo-replication of {name}} other {Paused # geo-replication sessions}}',
      description:
        'Success toast. {count} is how many sessions; {name} is the session, e.g. vmstore to root@backup1::vmstore-dr.',
    },
    resumeDone: {
      id: 'georep.dialog.resumeDone',
      defaultMessage:
        '{count, plural, one {Resumed geo-replication of {name}} other {Resumed # geo-replication sessions}}',
      description:
        'Success toast. {count} is how many sessions; {name} is the session, e.g. vmstore to root@backup1::vmstore-dr.',
    },
    checkpointDone: {
      id: 'georep.dialog.checkpointDone',
      defaultMessage:
        '{count, plural, one {Checkpoint set on {name}} other {Checkpoint set on # sessions}}',
      description:
        'Success toast. {count} is how many sessions; {name} is the session, e.g. vmstore to root@backup1::vmstore-dr.',
    },
    removeDone: {
      id: 'georep.dialog.removeDone',
      defaultMessage:
        '{count, plural, one {Removed geo-replication session {name}} other {Removed # geo-replication sessions}}',
      description:
        'Success toast. {count} is how many sessions; {name} is the session, e.g. vmstore to root@backup1::vmstore-dr.',
    },
    // Remove
    removeTitle: {
      id: 'georep.dialog.removeTitle',
      defaultMessage:
        '{count, plural, one {Remove geo-replication session} other {Remove # geo-replication sessions}}',
      description: 'Title of the Remove dialog. {count} is how many sessions.',
    },
    removeExplain: {
      id: 'georep.dialog.removeExplain',
      defaultMessage:
        'Gluster forgets the session. The primary and secondary volumes, and the data already copied, are kept.',
      description: 'First paragraph of the Remove dialog.',
    },
    resetSyncTime: {
      id: 'georep.dialog.resetSyncTime',
      defaultMessage: 'Reset sync time',
      description:
        'Checkbox label in the Remove dialog (Gluster’s delete reset-sync-time option). Keep it short.',
    },
    removeProvisioned: {
      id: 'georep.dialog.removeProvisioned',
      defaultMessage: 'Also remove the secondary volume created for a directory target',
      description:
        'Checkbox label in the Remove dialog, shown for sessions into a directory of the secondary host.',
    },
    removeProvisionedHelp: {
      id: 'georep.dialog.removeProvisionedHelp',
      defaultMessage:
        'For a session into a directory, the service created a single-brick volume on it. Gluster stops and deletes that volume; the files in the directory stay. A volume the service did not create is never removed: the removal is then refused and nothing is deleted.',
      description: 'Description under the checkbox that also removes the secondary volume.',
    },
    resetSyncTimeHelp: {
      id: 'georep.dialog.resetSyncTimeHelp',
      defaultMessage:
        'A session created again between the same volumes then starts with a full crawl from scratch instead of resuming from the last sync time. Use it when the secondary volume was emptied or replaced, or to recover a session that keeps going Faulty.',
      description:
        'Description under the Reset sync time checkbox. Faulty is the session’s status as the table shows it.',
    },
  }),
);
