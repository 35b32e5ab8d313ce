// The words of stall detection, Recover and the workers' own logs (one catalogue per feature).
import { defineMessages } from 'react-intl';
import { untyped } from '../intl';

export const recoverMessages = untyped(
  defineMessages({
    title: { id: 'georep.recover.title', defaultMessage: 'Recover the stalled session' },
    explain: {
      id: 'georep.recover.explain',
      defaultMessage:
        'Its workers look Active to Gluster, but changes recorded on the primary bricks are not being synced: the worker stopped hearing of new changes (a known race in Gluster 10, seen here in a quarter to half of worker starts). Recover restarts the session’s workers, which replays what waited, then checks the bricks again. It changes no option: it resets one the session does not modify, which makes Gluster restart the workers.',
    },
    bound: {
      id: 'georep.recover.bound',
      defaultMessage:
        'A restarted worker can come up stalled again, so Recover repeats, up to 5 times, each taking about a minute. It runs in the service: you may close this dialog and follow the session in the table.',
    },
    start: { id: 'georep.recover.start', defaultMessage: 'Recover' },
    running: { id: 'georep.recover.running', defaultMessage: 'Recovering…' },
    stepsLabel: { id: 'georep.recover.stepsLabel', defaultMessage: 'Steps of the recovery' },
    succeeded: { id: 'georep.recover.succeeded', defaultMessage: 'Recovered' },
    failed: { id: 'georep.recover.failed', defaultMessage: 'Not recovered' },
    startFailed: {
      id: 'georep.recover.startFailed',
      defaultMessage: 'The service did not start the recovery: {detail}',
    },
    followFailed: {
      id: 'georep.recover.followFailed',
      defaultMessage:
        'The recovery runs in the service, but its progress cannot be read now: {detail} The table shows the session as Gluster reports it.',
    },
    toastDone: { id: 'georep.recover.toastDone', defaultMessage: 'Session {name} recovered.' },
    stepDone: { id: 'georep.recover.stepDone', defaultMessage: 'Done' },
    stepFailed: { id: 'georep.recover.stepFailed', defaultMessage: 'Failed' },
    stepRunning: { id: 'georep.recover.stepRunning', defaultMessage: 'Running' },
    stalledTitle: {
      id: 'georep.recover.stalledTitle',
      defaultMessage: 'The worker on {node} is stalled',
    },
    stalledBody: {
      id: 'georep.recover.stalledBody',
      defaultMessage:
        'Gluster reports it Active, in Changelog Crawl, with nothing pending, yet {count, plural, one {a change recorded} other {# changes recorded}} on {brick} since {since} {count, plural, one {has} other {have}} not been synced for {waited}, and nothing is processing {count, plural, one {it} other {them}}. Last synced: {lastSynced}.',
    },
    notSyncedYet: { id: 'georep.recover.notSyncedYet', defaultMessage: 'never' },
    faultyTitle: {
      id: 'georep.recover.faultyTitle',
      defaultMessage: 'The worker on {node} is Faulty',
    },
    faultyBody: {
      id: 'georep.recover.faultyBody',
      defaultMessage: 'Gluster keeps restarting it. What its own log on {node} says about {brick}:',
    },
    logToggle: { id: 'georep.recover.logToggle', defaultMessage: 'What its log says' },
    logLoading: { id: 'georep.recover.logLoading', defaultMessage: 'Reading the log on {node}…' },
    logFailed: {
      id: 'georep.recover.logFailed',
      defaultMessage: 'The log could not be read: {detail}',
    },
    logUnavailable: {
      id: 'georep.recover.logUnavailable',
      defaultMessage: 'The log could not be read: {detail} It is {path} on {node}.',
    },
    logEmpty: {
      id: 'georep.recover.logEmpty',
      defaultMessage: 'Its log ({path} on {node}) has no lines about this worker.',
    },
    logFile: { id: 'georep.recover.logFile', defaultMessage: 'From {path} on {node}' },
    logTruncated: {
      id: 'georep.recover.logTruncated',
      defaultMessage: 'From the end of {path} on {node} (the file is longer)',
    },
    knownTitle: { id: 'georep.recover.knownTitle', defaultMessage: 'Known failure: {title}' },
    knownMeaning: { id: 'georep.recover.knownMeaning', defaultMessage: 'What it means' },
    knownRemedy: { id: 'georep.recover.knownRemedy', defaultMessage: 'What to do' },
    knownSeen: { id: 'georep.recover.knownSeen', defaultMessage: 'Seen in' },
    unknownFailure: {
      id: 'georep.recover.unknownFailure',
      defaultMessage: 'These lines match no known failure; they are what gsyncd itself says.',
    },
    linesLabel: {
      id: 'georep.recover.linesLabel',
      defaultMessage: 'Log lines of the worker on {node}',
    },
  }),
);
