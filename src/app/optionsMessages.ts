// The words of the options editor: in its chunk (src/app/onDemand.tsx), not in the first paint.
// Each message has a description for translators: where it appears, what its placeholders hold.
import { defineMessages } from '../intl/react';
import { untyped } from '../intl';

export const optionsMessages = untyped(
  defineMessages({
    managedByGluster: {
      id: 'georep.options.managedByGluster',
      defaultMessage: 'Gluster sets it',
      description:
        'In the Default column of the options editor, for an option Gluster sets itself and that has no default.',
    },
    checkpointNone: {
      id: 'georep.options.checkpointNone',
      defaultMessage: 'None set',
      description:
        'The checkpoint option’s value (and its default) in the options editor when no checkpoint is set.',
    },
    checkpointSet: {
      id: 'georep.options.checkpointSet',
      defaultMessage: 'Set {time}',
      description:
        'The checkpoint option’s value in the options editor. {time} is a formatted date and time, e.g. Mar 4, 2025, 10:15:00 AM.',
    },
    readOnlyTitle: {
      id: 'georep.options.readOnlyTitle',
      defaultMessage:
        'You can read these options; changing them needs a role that may manage geo-replication.',
      description:
        'Information at the top of the options editor for a user who may not act; the reason follows.',
    },
    unsavedTitle: {
      id: 'georep.options.unsavedTitle',
      defaultMessage:
        '{count, plural, one {# change is not applied} other {# changes are not applied}}. Close anyway?',
      description:
        'Warning in the options editor’s footer when it is closed with unapplied changes. {count} is how many.',
    },
    discardAndClose: {
      id: 'georep.options.discardAndClose',
      defaultMessage: 'Discard and close',
      description: 'Button in the unapplied-changes warning: close without applying.',
    },
    keepEditing: {
      id: 'georep.options.keepEditing',
      defaultMessage: 'Keep editing',
      description: 'Button in the unapplied-changes warning: stay in the editor.',
    },
    title: {
      id: 'georep.options.title',
      defaultMessage: 'Geo-replication options',
      description: 'Title of the options editor of a session.',
    },
    subtitle: {
      id: 'georep.options.subtitle',
      defaultMessage: 'Session {name}',
      description:
        'Line under the options editor’s title. {name} is the session, e.g. vmstore to root@backup1::vmstore-dr.',
    },
    loading: {
      id: 'georep.options.loading',
      defaultMessage: 'Loading options',
      description: 'Accessible name of the spinner while the options are read (screen readers).',
    },
    loadFailed: {
      id: 'georep.options.loadFailed',
      defaultMessage: 'Could not read the options',
      description:
        'Title of the error alert when the options could not be read; the reason follows.',
    },
    filter: {
      id: 'georep.options.filter',
      defaultMessage: 'Filter options by name',
      description: 'Placeholder and accessible name of the options editor’s filter field.',
    },
    tableAria: {
      id: 'georep.options.tableAria',
      defaultMessage: 'Options of the session',
      description: 'Accessible name of the options table (screen readers).',
    },
    option: {
      id: 'georep.options.option',
      defaultMessage: 'Option',
      description: 'Column header of the options table: the option’s name. Keep it short.',
    },
    value: {
      id: 'georep.options.value',
      defaultMessage: 'Value',
      description: 'Column header of the options table: the current value. Keep it short.',
    },
    defaultValue: {
      id: 'georep.options.defaultValue',
      defaultMessage: 'Default',
      description: 'Column header of the options table: Gluster’s default value. Keep it short.',
    },
    allowed: {
      id: 'georep.options.allowed',
      defaultMessage: 'Allowed',
      description: 'Column header of the options table: the values allowed. Keep it short.',
    },
    reset: {
      id: 'georep.options.reset',
      defaultMessage: 'Reset',
      description:
        'Column header of the options table: a checkbox per option to reset it to its default. Keep it short.',
    },
    valueAria: {
      id: 'georep.options.valueAria',
      defaultMessage: 'Value of {name}',
      description:
        'Accessible name of an option’s value field (screen readers). {name} is the option, e.g. sync-jobs.',
    },
    resetAria: {
      id: 'georep.options.resetAria',
      defaultMessage: 'Reset {name} to its default',
      description:
        'Accessible name of an option’s Reset checkbox (screen readers). {name} is the option, e.g. sync-jobs.',
    },
    modified: {
      id: 'georep.options.modified',
      defaultMessage: 'Modified',
      description: 'Small badge beside an option set to other than its default. Keep it short.',
    },
    readOnly: {
      id: 'georep.options.readOnly',
      defaultMessage: 'Managed by Gluster',
      description: 'Small badge beside an option Gluster does not let a user set. Keep it short.',
    },
    noDefault: {
      id: 'georep.options.noDefault',
      defaultMessage: 'None',
      description: 'In the Default column, for an option without a default.',
    },
    anyValue: {
      id: 'georep.options.anyValue',
      defaultMessage: 'Any text',
      description: 'In the Allowed column, for a text option.',
    },
    // gsyncd turns these into command lines run as root: only what cannot run a program, touch
    // another file or reach another host (src/georep/optionGrammar.ts).
    restrictedText: {
      id: 'georep.options.restrictedText',
      defaultMessage:
        'Only settings that cannot run a program, touch another file or reach another host',
      description:
        'In the Allowed column, for an option Gluster turns into a command line run as root (e.g. ssh-options).',
    },
    oneOf: {
      id: 'georep.options.oneOf',
      defaultMessage: 'One of: {values}',
      description:
        'In the Allowed column. {values} lists the allowed values, e.g. true, false or rsync, tarssh.',
    },
    range: {
      id: 'georep.options.range',
      defaultMessage: 'Integer from {min} to {max}',
      description: 'In the Allowed column. {min} and {max} are numbers, e.g. 1 and 65535.',
    },
    atLeast: {
      id: 'georep.options.atLeast',
      defaultMessage: 'Integer of at least {min}',
      description: 'In the Allowed column. {min} is a number, e.g. 1.',
    },
    atMost: {
      id: 'georep.options.atMost',
      defaultMessage: 'Integer of at most {max}',
      description: 'In the Allowed column. {max} is a number, e.g. 100.',
    },
    integer: {
      id: 'georep.options.integer',
      defaultMessage: 'Integer',
      description: 'In the Allowed column, for a whole-number option without bounds.',
    },
    path: {
      id: 'georep.options.path',
      defaultMessage: 'Absolute path',
      description: 'In the Allowed column, for a file or directory option.',
    },
    command: {
      id: 'georep.options.command',
      defaultMessage: 'Command',
      description: 'In the Allowed column, for an option that names a program to run.',
    },
    systemPath: {
      id: 'georep.options.systemPath',
      defaultMessage: 'Only where Gluster installs or mounts it (see the description)',
      description:
        'In the Allowed column, for a path option run as root; the description is the option’s, beside its name.',
    },
    systemCommand: {
      id: 'georep.options.systemCommand',
      defaultMessage: 'The binary by name, or in /usr/bin, /usr/sbin, /bin, /sbin or /usr/local',
      description:
        'In the Allowed column, for a command option run as root (e.g. ssh-command). Keep the paths as they are.',
    },
    resetModified: {
      id: 'georep.options.resetModified',
      defaultMessage: 'Mark all modified options for reset',
      description: 'Link button above the options table: ticks Reset on every modified option.',
    },
    pendingChanges: {
      id: 'georep.options.pendingChanges',
      defaultMessage:
        '{count, plural, =0 {No change} one {# change to apply} other {# changes to apply}}',
      description: 'Text beside the Apply button. {count} is how many changes are pending.',
    },
    apply: {
      id: 'georep.options.apply',
      defaultMessage: 'Apply',
      description: 'Main button of the options editor: set the changed options. Keep it short.',
    },
    fixErrors: {
      id: 'georep.options.fixErrors',
      defaultMessage: 'Correct the invalid values first.',
      description: 'Text beside the disabled Apply button while a value is invalid.',
    },
    resultSet: {
      id: 'georep.options.resultSet',
      defaultMessage: 'Set {name} to “{value}”',
      description:
        'A line of the results after Apply; a colon and the outcome follow. {name} is the option, e.g. sync-jobs; {value} the value sent, e.g. 6.',
    },
    resultReset: {
      id: 'georep.options.resultReset',
      defaultMessage: 'Reset {name} to its default',
      description:
        'A line of the results after Apply; a colon and the outcome follow. {name} is the option, e.g. sync-jobs.',
    },
    resultsIntro: {
      id: 'georep.options.resultsIntro',
      defaultMessage: 'Applied one by one; the values above were read again from Gluster.',
      description: 'First line of the results alert after Apply.',
    },
    appliedToast: {
      id: 'georep.options.appliedToast',
      defaultMessage: '{count, plural, one {# option changed} other {# options changed}} on {name}',
      description:
        'Success toast after Apply. {count} is how many options changed; {name} is the session, e.g. vmstore to root@backup1::vmstore-dr.',
    },
    invalidInteger: {
      id: 'georep.options.invalidInteger',
      defaultMessage: 'Enter a whole number.',
      description: 'Error under an option’s value field.',
    },
    invalidMin: {
      id: 'georep.options.invalidMin',
      defaultMessage: 'Must be at least {min}.',
      description: 'Error under an option’s value field. {min} is a number, e.g. 1.',
    },
    invalidMax: {
      id: 'georep.options.invalidMax',
      defaultMessage: 'Must be at most {max}.',
      description: 'Error under an option’s value field. {max} is a number, e.g. 100.',
    },
    invalidChoice: {
      id: 'georep.options.invalidChoice',
      defaultMessage: 'Must be one of: {values}.',
      description:
        'Error under an option’s value field. {values} lists the allowed values, e.g. rsync, tarssh.',
    },
    invalidBoolean: {
      id: 'georep.options.invalidBoolean',
      defaultMessage: 'Must be true or false.',
      description:
        'Error under an option’s value field. true and false are the values Gluster takes: keep them.',
    },
    invalidPath: {
      id: 'georep.options.invalidPath',
      defaultMessage: 'Must be an absolute path.',
      description: 'Error under an option’s value field, for a path not starting with /.',
    },
    invalidEmpty: {
      id: 'georep.options.invalidEmpty',
      defaultMessage: 'Enter a value, or tick Reset to go back to the default.',
      description: 'Error under an option’s empty value field. Reset is the column’s checkbox.',
    },
    sharedRule: {
      id: 'georep.options.sharedRule',
      defaultMessage: '{reason}',
      description:
        'Error under an option’s value field, from the rules the service shares. {reason} is the rule’s English text; leave the message as {reason}.',
    },
    invalidChars: {
      id: 'georep.options.invalidChars',
      defaultMessage: 'Line breaks and control characters are not allowed.',
      description: 'Error under an option’s value field.',
    },
  }),
);
