// The words of disaster recovery of storage domains (one catalogue per feature). The session's
// sides are its primary and secondary volumes; the sites are the primary site (where the primary
// volume lives) and the recovery site (the secondary's), as docs/disaster-recovery.md says.
import { defineMessages } from '../../intl/react';
import { untyped } from '../../intl';

export const drMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.dr.title',
      defaultMessage: 'Storage domain disaster recovery',
      description: 'Heading of the disaster recovery section of the Geo-Replication place.',
    },
    intro: {
      id: 'georep.dr.intro',
      defaultMessage:
        'Gluster storage domains on this cluster’s volumes. A scheduled sync snapshots the running VMs (without memory), syncs the session to a checkpoint, then removes the snapshots, as oVirt’s Remote Data Sync does.',
      description:
        'Introduction of the disaster recovery section. "Remote Data Sync" is oVirt\'s own feature name: use WebAdmin\'s translation of it.',
    },
    none: {
      id: 'georep.dr.none',
      defaultMessage: 'No Gluster storage domain of the engine is on a volume of this cluster.',
      description: 'Empty text of the disaster recovery section.',
    },
    loadFailed: {
      id: 'georep.dr.loadFailed',
      defaultMessage: 'Storage domains could not be read: {detail}',
      description:
        "Error in the disaster recovery section. {detail} is the service's reason, a sentence in English.",
    },
    colDomain: {
      id: 'georep.dr.colDomain',
      defaultMessage: 'Storage domain',
      description: 'Column header of the storage domains table. Keep it short.',
    },
    colSession: {
      id: 'georep.dr.colSession',
      defaultMessage: 'Session',
      description:
        "Column header of the storage domains table: the geo-replication session carrying the domain's sync. Keep it short.",
    },
    colSchedule: {
      id: 'georep.dr.colSchedule',
      defaultMessage: 'Schedule',
      description: 'Column header of the storage domains table. Keep it short.',
    },
    colLast: {
      id: 'georep.dr.colLast',
      defaultMessage: 'Last sync',
      description: 'Column header of the storage domains table. Keep it short.',
    },
    colNext: {
      id: 'georep.dr.colNext',
      defaultMessage: 'Next sync',
      description: 'Column header of the storage domains table. Keep it short.',
    },
    noSchedule: {
      id: 'georep.dr.noSchedule',
      defaultMessage: 'Not scheduled',
      description: 'Schedule cell of a storage domain without a sync schedule.',
    },
    never: {
      id: 'georep.dr.never',
      defaultMessage: 'Never synced',
      description: '"Last sync" cell of a storage domain never synced.',
    },
    setUp: {
      id: 'georep.dr.setUp',
      defaultMessage: 'Set up sync',
      description: 'Button in a storage domain row: opens the schedule dialog.',
    },
    edit: {
      id: 'georep.dr.edit',
      defaultMessage: 'Edit schedule',
      description: 'Button in a storage domain row with a schedule: opens the schedule dialog.',
    },
    syncNow: {
      id: 'georep.dr.syncNow',
      defaultMessage: 'Sync now',
      description: 'Button in a storage domain row: opens the dialog running one sync now.',
    },
    failover: {
      id: 'georep.dr.failover',
      defaultMessage: 'Failover',
      description:
        'Button in a storage domain row: opens the failover procedure (make the secondary volume the one in use, at the recovery site).',
    },
    failback: {
      id: 'georep.dr.failback',
      defaultMessage: 'Failback',
      description:
        'Button in a storage domain row: opens the failback procedure (back to the original primary volume).',
    },
    lastRunning: {
      id: 'georep.dr.lastRunning',
      defaultMessage: 'Running since {start}',
      description: '"Last sync" cell while a sync runs. {start} is a date and time.',
    },
    lastDone: {
      id: 'georep.dr.lastDone',
      defaultMessage: '{result, select, succeeded {Succeeded} other {Failed}}: {start} – {end}',
      description:
        '"Last sync" cell. {result} is succeeded or failed (translate the words, not the select keys); {start} and {end} are dates and times.',
    },
    dataLine: {
      id: 'georep.dr.dataLine',
      defaultMessage: 'Space used on the secondary volume: {before} → {after}',
      description:
        'Small line under the last sync\'s result. {before} and {after} are sizes before and after the sync, e.g. "12.5 GiB" ("?" when unknown).',
    },
    noDomainOnVolume: {
      id: 'georep.dr.noDomainOnVolume',
      defaultMessage:
        'Volume {volume} carries no Gluster storage domain of this engine: there is no storage domain sync to set up.',
      description:
        'Inline note after "Remote Data Sync Setup" on a volume without a storage domain. {volume} is the volume name, e.g. data.',
    },
    noSessionForVolume: {
      id: 'georep.dr.noSessionForVolume',
      defaultMessage:
        'Volume {volume} has no geo-replication session yet: create one to the recovery site first (New session), then set up its sync.',
      description:
        'Inline note after "Remote Data Sync Setup" on a volume without a session. {volume} is the volume name; "New session" is the button of that name.',
    },
    cannotManage: {
      id: 'georep.dr.cannotManage',
      defaultMessage: 'You may not manage this cluster.',
      description:
        'Inline note after "Remote Data Sync Setup" when the user\'s roles do not allow it.',
    },
    // the schedule dialog
    scheduleTitle: {
      id: 'georep.dr.scheduleTitle',
      defaultMessage: 'Sync of storage domain {name}',
      description: 'Title of the schedule dialog. {name} is the storage domain name, e.g. data.',
    },
    session: {
      id: 'georep.dr.session',
      defaultMessage: 'Session',
      description:
        'Field label in the schedule dialog: the session the sync uses, shown as primary → secondary.',
    },
    frequency: {
      id: 'georep.dr.frequency',
      defaultMessage: 'Frequency',
      description: 'Field label in the schedule dialog.',
    },
    daily: {
      id: 'georep.dr.daily',
      defaultMessage: 'Daily',
      description: 'Choice of the Frequency field.',
    },
    weekly: {
      id: 'georep.dr.weekly',
      defaultMessage: 'Weekly',
      description: 'Choice of the Frequency field.',
    },
    noneFreq: {
      id: 'georep.dr.noneFreq',
      defaultMessage: 'None (remove the schedule)',
      description: 'Choice of the Frequency field, and the summary when it is chosen.',
    },
    days: {
      id: 'georep.dr.days',
      defaultMessage: 'Days',
      description: 'Label of the weekday check boxes of a weekly schedule.',
    },
    time: {
      id: 'georep.dr.time',
      defaultMessage: 'Time (HH:MM)',
      description: 'Field label in the schedule dialog; HH:MM is the 24-hour format asked for.',
    },
    timeZone: {
      id: 'georep.dr.timeZone',
      defaultMessage: 'Time zone',
      description: 'Field label in the schedule dialog (an IANA zone such as Europe/Paris).',
    },
    after: {
      id: 'georep.dr.after',
      defaultMessage: 'After the sync',
      description: 'Field label in the schedule dialog: what is done with the session then.',
    },
    afterStop: {
      id: 'georep.dr.afterStop',
      defaultMessage: 'Stop the session (as oVirt does)',
      description: 'Choice of the "After the sync" field.',
    },
    afterPause: {
      id: 'georep.dr.afterPause',
      defaultMessage: 'Pause the session',
      description: 'Choice of the "After the sync" field.',
    },
    maxWait: {
      id: 'georep.dr.maxWait',
      defaultMessage: 'Longest wait for the checkpoint (minutes)',
      description: 'Field label in the schedule dialog: a number of minutes.',
    },
    badTime: {
      id: 'georep.dr.badTime',
      defaultMessage: 'Write the time as HH:MM, e.g. 02:30.',
      description: 'Error under the Time field; HH:MM is the 24-hour format.',
    },
    save: {
      id: 'georep.dr.save',
      defaultMessage: 'Save',
      description: 'Primary button of the schedule dialog.',
    },
    saveFailed: {
      id: 'georep.dr.saveFailed',
      defaultMessage: 'The schedule was not saved: {detail}',
      description:
        "Error in the schedule dialog. {detail} is the service's reason, a sentence in English.",
    },
    saved: {
      id: 'georep.dr.saved',
      defaultMessage: 'The sync of {name} is {what}.',
      description:
        'Success toast. {name} is the storage domain name; {what} the schedule in words, e.g. "weekly on Mon, Thu at 23:45 (UTC)".',
    },
    removed: {
      id: 'georep.dr.removed',
      defaultMessage: 'The sync schedule of {name} was removed.',
      description: 'Success toast. {name} is the storage domain name.',
    },
    // sync now
    syncTitle: {
      id: 'georep.dr.syncTitle',
      defaultMessage: 'Sync storage domain {name} now',
      description: 'Title of the Sync now dialog. {name} is the storage domain name, e.g. data.',
    },
    syncExplain: {
      id: 'georep.dr.syncExplain',
      defaultMessage:
        'Snapshots the running VMs of {name} without memory, starts the session, sets a checkpoint and waits for it (at most {minutes} min), then {after, select, stop {stops} other {pauses}} the session and removes the snapshots. A failure removes the snapshots and says what is left.',
      description:
        'Text of the Sync now dialog. {name} is the storage domain name; {minutes} a number; {after} is stop or pause (translate the verbs, not the select keys).',
    },
    start: {
      id: 'georep.dr.start',
      defaultMessage: 'Start',
      description: 'Primary button of the Sync now dialog.',
    },
    startFailed: {
      id: 'georep.dr.startFailed',
      defaultMessage: 'It did not start: {detail}',
      description:
        "Error in the Sync now dialog or a procedure step. {detail} is the service's reason, a sentence in English.",
    },
    succeeded: {
      id: 'georep.dr.succeeded',
      defaultMessage: 'Synced',
      description: 'Title of the success alert at the end of a sync.',
    },
    failed: {
      id: 'georep.dr.failed',
      defaultMessage: 'Failed',
      description: 'Title of the failure alert at the end of a sync.',
    },
    stepSucceeded: {
      id: 'georep.dr.stepSucceeded',
      defaultMessage: 'Step done',
      description: 'Title of the success alert after one step of a failover or failback.',
    },
    stepFailedTitle: {
      id: 'georep.dr.stepFailedTitle',
      defaultMessage: 'The step failed: fix what it says, then run it again',
      description: 'Title of the failure alert after one step of a failover or failback.',
    },
    stepRunning: {
      id: 'georep.dr.stepRunning',
      defaultMessage: 'running',
      description:
        'State after a step\'s title in a list of steps, as in "Create snapshots — running".',
    },
    stepDone: {
      id: 'georep.dr.stepDone',
      defaultMessage: 'done',
      description:
        'State after a step\'s title in a list of steps, as in "Create snapshots — done".',
    },
    stepFailed: {
      id: 'georep.dr.stepFailed',
      defaultMessage: 'failed',
      description:
        'State after a step\'s title in a list of steps, as in "Create snapshots — failed".',
    },
    stepsLabel: {
      id: 'georep.dr.stepsLabel',
      defaultMessage: 'Steps',
      description: 'Accessible name of a list of steps (a sync, a failover, a failback).',
    },
    // failover / failback
    procTitle: {
      id: 'georep.dr.procTitle',
      defaultMessage: '{kind, select, failover {Failover} other {Failback}} of {session}',
      description:
        'Title of the failover or failback dialog. {kind} is failover or failback (translate the words, not the select keys); {session} the session as primary → secondary, e.g. "data → gdr1.example.com::data-dr".',
    },
    procIntro: {
      id: 'georep.dr.procIntro',
      defaultMessage:
        'One step at a time: read what it does, then run it. Each step is audited and recorded on the secondary volume, so an interrupted procedure resumes here, from any service instance.',
      description: 'Introduction of the failover or failback dialog.',
    },
    lastPoint: {
      id: 'georep.dr.lastPoint',
      defaultMessage:
        'Last synced point: {point}. What was written to the primary volume after it may be missing from the secondary volume. Basis: {basis}.',
      description:
        'Info alert in the failover or failback dialog. {point} is a date and time; {basis} how it is known, a phrase in English from the service.',
    },
    runStep: {
      id: 'georep.dr.runStep',
      defaultMessage: 'Run this step',
      description: 'Primary button of the failover or failback dialog: runs the next step.',
    },
    force: {
      id: 'georep.dr.force',
      defaultMessage: 'Force (the primary site is unreachable)',
      description:
        'Check box in the failover dialog: run the step with force. The primary site is where the primary volume lives.',
    },
    stepPending: {
      id: 'georep.dr.stepPending',
      defaultMessage: 'to do',
      description:
        'State after a step\'s title in the procedure\'s list, as in "Stop the session — to do".',
    },
    stepSkipped: {
      id: 'georep.dr.stepSkipped',
      defaultMessage: 'skipped',
      description: "State after a step's title in the procedure's list.",
    },
    doneBy: {
      id: 'georep.dr.doneBy',
      defaultMessage: 'by {by} at {at}',
      description:
        "After a done step in the procedure's list. {by} is a user as WebAdmin shows it, e.g. admin@internal; {at} a date and time.",
    },
    complete: {
      id: 'georep.dr.complete',
      defaultMessage: 'The {kind, select, failover {failover} other {failback}} is complete.',
      description:
        'Success alert in the procedure dialog. {kind} is failover or failback (translate the words, not the select keys).',
    },
    close: {
      id: 'georep.dr.close',
      defaultMessage: 'Close',
      description: 'Button closing a disaster recovery dialog.',
    },
    cancel: {
      id: 'georep.dr.cancel',
      defaultMessage: 'Cancel',
      description: 'Button closing a disaster recovery dialog without saving or running.',
    },
  }),
);
