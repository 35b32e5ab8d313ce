// The words of stall detection, Recover and the workers' own logs (one catalogue per feature).
import { defineMessages } from '../intl/react';
import { untyped } from '../intl';

export const recoverMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.recover.title',
      defaultMessage: 'Recover the stalled session',
      description: 'Title of the Recover dialog, opened on a Stalled session.',
    },
    explain: {
      id: 'georep.recover.explain',
      defaultMessage:
        'Its workers look Active to Gluster, but changes recorded on the primary bricks are not being synced: the worker stopped hearing of new changes (a known race in Gluster 10, seen here in a quarter to half of worker starts). Recover restarts the session’s workers, which replays what waited, then checks the bricks again. It changes no option: it resets one the session does not modify, which makes Gluster restart the workers.',
      description:
        'First paragraph of the Recover dialog. Primary bricks are the bricks of the replicated (primary) volume; "Recover" is the dialog\'s button.',
    },
    bound: {
      id: 'georep.recover.bound',
      defaultMessage:
        'A restarted worker can come up stalled again, so Recover repeats, up to 5 times, each taking about a minute. It runs in the service: you may close this dialog and follow the session in the table.',
      description: 'Second paragraph of the Recover dialog.',
    },
    start: {
      id: 'georep.recover.start',
      defaultMessage: 'Recover',
      description:
        "Primary button of the Recover dialog, and a button under a stalled worker's alert in a session's details.",
    },
    running: {
      id: 'georep.recover.running',
      defaultMessage: 'Recovering…',
      description: "The Recover dialog's button while the recovery runs.",
    },
    stepsLabel: {
      id: 'georep.recover.stepsLabel',
      defaultMessage: 'Steps of the recovery',
      description: "Accessible name of the Recover dialog's list of steps.",
    },
    succeeded: {
      id: 'georep.recover.succeeded',
      defaultMessage: 'Recovered',
      description: 'Title of the success alert in the Recover dialog.',
    },
    failed: {
      id: 'georep.recover.failed',
      defaultMessage: 'Not recovered',
      description: 'Title of the failure alert in the Recover dialog.',
    },
    startFailed: {
      id: 'georep.recover.startFailed',
      defaultMessage: 'The service did not start the recovery: {detail}',
      description:
        "Error in the Recover dialog. {detail} is the geo-rep service's reason, a sentence in English.",
    },
    followFailed: {
      id: 'georep.recover.followFailed',
      defaultMessage:
        'The recovery runs in the service, but its progress cannot be read now: {detail} The table shows the session as Gluster reports it.',
      description:
        'Warning in the Recover dialog. {detail} is the reason, a sentence ending with a period.',
    },
    toastDone: {
      id: 'georep.recover.toastDone',
      defaultMessage: 'Session {name} recovered.',
      description:
        'Success toast. {name} is the session\'s name, e.g. "data to root@backup.example.com::data-dr".',
    },
    stepDone: {
      id: 'georep.recover.stepDone',
      defaultMessage: 'Done',
      description: "State of a step in the Recover dialog's list. Keep it short.",
    },
    stepFailed: {
      id: 'georep.recover.stepFailed',
      defaultMessage: 'Failed',
      description: "State of a step in the Recover dialog's list. Keep it short.",
    },
    stepRunning: {
      id: 'georep.recover.stepRunning',
      defaultMessage: 'Running',
      description: "State of a step in the Recover dialog's list. Keep it short.",
    },
    stalledTitle: {
      id: 'georep.recover.stalledTitle',
      defaultMessage: 'The worker on {node} is stalled',
      description:
        "Alert title in a session's details. {node} is the primary volume's host the worker runs on, e.g. gprod1.example.com.",
    },
    stalledBody: {
      id: 'georep.recover.stalledBody',
      defaultMessage:
        'Gluster reports it Active, in Changelog Crawl, with nothing pending, yet {count, plural, one {a change recorded} other {# changes recorded}} on {brick} since {since} {count, plural, one {has} other {have}} not been synced for {waited}, and nothing is processing {count, plural, one {it} other {them}}. Last synced: {lastSynced}.',
      description:
        'Alert text under "The worker on … is stalled". {count} is the number of waiting change logs; {brick} a brick path, e.g. /bricks/data/b1; {since} a date and time; {waited} a duration, e.g. "12 minutes"; {lastSynced} a date and time or "never". "Changelog Crawl" is Gluster\'s term.',
    },
    notSyncedYet: {
      id: 'georep.recover.notSyncedYet',
      defaultMessage: 'never',
      description: 'Fills {lastSynced} in the stalled alert when the worker never synced.',
    },
    faultyTitle: {
      id: 'georep.recover.faultyTitle',
      defaultMessage: 'The worker on {node} is Faulty',
      description:
        "Alert title in a session's details. {node} is the primary volume's host the worker runs on.",
    },
    faultyBody: {
      id: 'georep.recover.faultyBody',
      defaultMessage: 'Gluster keeps restarting it. What its own log on {node} says about {brick}:',
      description:
        'Alert text, followed by log lines. {node} is a host name; {brick} a brick path, e.g. /bricks/data/b1.',
    },
    logToggle: {
      id: 'georep.recover.logToggle',
      defaultMessage: 'What its log says',
      description: "Toggle of an expandable section showing a worker's gsyncd log lines.",
    },
    logLoading: {
      id: 'georep.recover.logLoading',
      defaultMessage: 'Reading the log on {node}…',
      description: "Shown while a worker's log is read. {node} is a host name.",
    },
    logFailed: {
      id: 'georep.recover.logFailed',
      defaultMessage: 'The log could not be read: {detail}',
      description: 'Error in the log section. {detail} is the reason, a sentence in English.',
    },
    logUnavailable: {
      id: 'georep.recover.logUnavailable',
      defaultMessage: 'The log could not be read: {detail} It is {path} on {node}.',
      description:
        'Error in the log section. {detail} is the reason (a sentence); {path} the log file path; {node} a host name.',
    },
    logEmpty: {
      id: 'georep.recover.logEmpty',
      defaultMessage: 'Its log ({path} on {node}) has no lines about this worker.',
      description: 'Log section text. {path} is the log file path; {node} a host name.',
    },
    logFile: {
      id: 'georep.recover.logFile',
      defaultMessage: 'From {path} on {node}',
      description: 'Caption above the log lines. {path} is the log file path; {node} a host name.',
    },
    logTruncated: {
      id: 'georep.recover.logTruncated',
      defaultMessage: 'From the end of {path} on {node} (the file is longer)',
      description:
        'Caption above the log lines when only the end of the file is shown. {path} is the log file path; {node} a host name.',
    },
    knownTitle: {
      id: 'georep.recover.knownTitle',
      defaultMessage: 'Known failure: {title}',
      description:
        "Alert title when the log lines match a known failure. {title} is the failure's name from the service's catalogue, in English.",
    },
    knownMeaning: {
      id: 'georep.recover.knownMeaning',
      defaultMessage: 'What it means',
      description: 'Term of a description list in the known-failure alert.',
    },
    knownRemedy: {
      id: 'georep.recover.knownRemedy',
      defaultMessage: 'What to do',
      description: 'Term of a description list in the known-failure alert.',
    },
    knownSeen: {
      id: 'georep.recover.knownSeen',
      defaultMessage: 'Seen in',
      description:
        'Term of a description list in the known-failure alert: where the failure was seen, e.g. a bug report or a lab run.',
    },
    unknownFailure: {
      id: 'georep.recover.unknownFailure',
      defaultMessage: 'These lines match no known failure; they are what gsyncd itself says.',
      description:
        "Note above log lines. gsyncd is Gluster's geo-replication daemon: keep the name.",
    },
    linesLabel: {
      id: 'georep.recover.linesLabel',
      defaultMessage: 'Log lines of the worker on {node}',
      description: 'Accessible name of the block of log lines. {node} is a host name.',
    },
  }),
);
