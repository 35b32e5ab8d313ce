// The words of disaster recovery of storage domains (one catalogue per feature).
import { defineMessages } from 'react-intl';
import { untyped } from '../../intl';

export const drMessages = untyped(
  defineMessages({
    title: { id: 'georep.dr.title', defaultMessage: 'Storage domain disaster recovery' },
    intro: {
      id: 'georep.dr.intro',
      defaultMessage:
        'Gluster storage domains on this cluster’s volumes. A scheduled sync snapshots the running VMs (without memory), syncs the session to a checkpoint, then removes the snapshots, as oVirt’s Remote Data Sync does.',
    },
    none: {
      id: 'georep.dr.none',
      defaultMessage: 'No Gluster storage domain of the engine is on a volume of this cluster.',
    },
    loadFailed: {
      id: 'georep.dr.loadFailed',
      defaultMessage: 'Storage domains could not be read: {detail}',
    },
    colDomain: { id: 'georep.dr.colDomain', defaultMessage: 'Storage domain' },
    colSession: { id: 'georep.dr.colSession', defaultMessage: 'Session' },
    colSchedule: { id: 'georep.dr.colSchedule', defaultMessage: 'Schedule' },
    colLast: { id: 'georep.dr.colLast', defaultMessage: 'Last sync' },
    colNext: { id: 'georep.dr.colNext', defaultMessage: 'Next sync' },
    noSchedule: { id: 'georep.dr.noSchedule', defaultMessage: 'Not scheduled' },
    never: { id: 'georep.dr.never', defaultMessage: 'Never synced' },
    setUp: { id: 'georep.dr.setUp', defaultMessage: 'Set up sync' },
    edit: { id: 'georep.dr.edit', defaultMessage: 'Edit schedule' },
    syncNow: { id: 'georep.dr.syncNow', defaultMessage: 'Sync now' },
    failover: { id: 'georep.dr.failover', defaultMessage: 'Failover' },
    failback: { id: 'georep.dr.failback', defaultMessage: 'Failback' },
    lastRunning: { id: 'georep.dr.lastRunning', defaultMessage: 'Running since {start}' },
    lastDone: {
      id: 'georep.dr.lastDone',
      defaultMessage: '{result, select, succeeded {Succeeded} other {Failed}}: {start} – {end}',
    },
    dataLine: { id: 'georep.dr.dataLine', defaultMessage: 'Secondary used: {before} → {after}' },
    noDomainOnVolume: {
      id: 'georep.dr.noDomainOnVolume',
      defaultMessage:
        'Volume {volume} carries no Gluster storage domain of this engine: there is no storage domain sync to set up.',
    },
    noSessionForVolume: {
      id: 'georep.dr.noSessionForVolume',
      defaultMessage:
        'Volume {volume} has no geo-replication session yet: create one to the recovery site first (New session), then set up its sync.',
    },
    cannotManage: {
      id: 'georep.dr.cannotManage',
      defaultMessage: 'You may not manage this cluster.',
    },
    // the schedule dialog
    scheduleTitle: {
      id: 'georep.dr.scheduleTitle',
      defaultMessage: 'Sync of storage domain {name}',
    },
    session: { id: 'georep.dr.session', defaultMessage: 'Session' },
    frequency: { id: 'georep.dr.frequency', defaultMessage: 'Frequency' },
    daily: { id: 'georep.dr.daily', defaultMessage: 'Daily' },
    weekly: { id: 'georep.dr.weekly', defaultMessage: 'Weekly' },
    noneFreq: { id: 'georep.dr.noneFreq', defaultMessage: 'None (remove the schedule)' },
    days: { id: 'georep.dr.days', defaultMessage: 'Days' },
    time: { id: 'georep.dr.time', defaultMessage: 'Time (HH:MM)' },
    timeZone: { id: 'georep.dr.timeZone', defaultMessage: 'Time zone' },
    after: { id: 'georep.dr.after', defaultMessage: 'After the sync' },
    afterStop: { id: 'georep.dr.afterStop', defaultMessage: 'Stop the session (as oVirt does)' },
    afterPause: { id: 'georep.dr.afterPause', defaultMessage: 'Pause the session' },
    maxWait: {
      id: 'georep.dr.maxWait',
      defaultMessage: 'Longest wait for the checkpoint (minutes)',
    },
    badTime: { id: 'georep.dr.badTime', defaultMessage: 'Write the time as HH:MM, e.g. 02:30.' },
    save: { id: 'georep.dr.save', defaultMessage: 'Save' },
    saveFailed: {
      id: 'georep.dr.saveFailed',
      defaultMessage: 'The schedule was not saved: {detail}',
    },
    saved: { id: 'georep.dr.saved', defaultMessage: 'The sync of {name} is {what}.' },
    removed: {
      id: 'georep.dr.removed',
      defaultMessage: 'The sync schedule of {name} was removed.',
    },
    // sync now
    syncTitle: { id: 'georep.dr.syncTitle', defaultMessage: 'Sync storage domain {name} now' },
    syncExplain: {
      id: 'georep.dr.syncExplain',
      defaultMessage:
        'Snapshots the running VMs of {name} without memory, starts the session, sets a checkpoint and waits for it (at most {minutes} min), then {after} the session and removes the snapshots. A failure removes the snapshots and says what is left.',
    },
    start: { id: 'georep.dr.start', defaultMessage: 'Start' },
    startFailed: { id: 'georep.dr.startFailed', defaultMessage: 'It did not start: {detail}' },
    succeeded: { id: 'georep.dr.succeeded', defaultMessage: 'Synced' },
    failed: { id: 'georep.dr.failed', defaultMessage: 'Failed' },
    stepSucceeded: { id: 'georep.dr.stepSucceeded', defaultMessage: 'Step done' },
    stepFailedTitle: {
      id: 'georep.dr.stepFailedTitle',
      defaultMessage: 'The step failed: fix what it says, then run it again',
    },
    stepRunning: { id: 'georep.dr.stepRunning', defaultMessage: 'running' },
    stepDone: { id: 'georep.dr.stepDone', defaultMessage: 'done' },
    stepFailed: { id: 'georep.dr.stepFailed', defaultMessage: 'failed' },
    stepsLabel: { id: 'georep.dr.stepsLabel', defaultMessage: 'Steps' },
    // failover / failback
    procTitle: {
      id: 'georep.dr.procTitle',
      defaultMessage: '{kind, select, failover {Failover} other {Failback}} of {session}',
    },
    procIntro: {
      id: 'georep.dr.procIntro',
      defaultMessage:
        'One step at a time: read what it does, then run it. Each step is audited and recorded on the secondary volume, so an interrupted procedure resumes here, from any service instance.',
    },
    lastPoint: {
      id: 'georep.dr.lastPoint',
      defaultMessage:
        'Last synced point: {point}. What was written to the primary after it may be missing from the secondary. Basis: {basis}.',
    },
    runStep: { id: 'georep.dr.runStep', defaultMessage: 'Run this step' },
    force: { id: 'georep.dr.force', defaultMessage: 'Force (the primary site is unreachable)' },
    stepPending: { id: 'georep.dr.stepPending', defaultMessage: 'to do' },
    stepSkipped: { id: 'georep.dr.stepSkipped', defaultMessage: 'skipped' },
    doneBy: { id: 'georep.dr.doneBy', defaultMessage: 'by {by} at {at}' },
    complete: {
      id: 'georep.dr.complete',
      defaultMessage: 'The {kind, select, failover {failover} other {failback}} is complete.',
    },
    close: { id: 'georep.dr.close', defaultMessage: 'Close' },
    cancel: { id: 'georep.dr.cancel', defaultMessage: 'Cancel' },
  }),
);
