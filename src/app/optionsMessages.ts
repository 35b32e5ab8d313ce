// The words of the options editor: in its chunk (src/app/onDemand.tsx), not in the first paint.
import { defineMessages } from 'react-intl';
import { untyped } from '../intl';

export const optionsMessages = untyped(
  defineMessages({
    managedByGluster: {
      id: 'georep.options.managedByGluster',
      defaultMessage: 'Gluster sets it',
    },
    checkpointNone: { id: 'georep.options.checkpointNone', defaultMessage: 'None set' },
    checkpointSet: { id: 'georep.options.checkpointSet', defaultMessage: 'Set {time}' },
    readOnlyTitle: {
      id: 'georep.options.readOnlyTitle',
      defaultMessage:
        'You can read these options; changing them needs a role that may manage geo-replication.',
    },
    unsavedTitle: {
      id: 'georep.options.unsavedTitle',
      defaultMessage:
        '{count, plural, one {# change is not applied} other {# changes are not applied}}. Close anyway?',
    },
    discardAndClose: { id: 'georep.options.discardAndClose', defaultMessage: 'Discard and close' },
    keepEditing: { id: 'georep.options.keepEditing', defaultMessage: 'Keep editing' },
    title: { id: 'georep.options.title', defaultMessage: 'Geo-replication options' },
    subtitle: { id: 'georep.options.subtitle', defaultMessage: 'Session {name}' },
    loading: { id: 'georep.options.loading', defaultMessage: 'Loading options' },
    loadFailed: { id: 'georep.options.loadFailed', defaultMessage: 'Could not read the options' },
    filter: { id: 'georep.options.filter', defaultMessage: 'Filter options by name' },
    tableAria: { id: 'georep.options.tableAria', defaultMessage: 'Options of the session' },
    option: { id: 'georep.options.option', defaultMessage: 'Option' },
    value: { id: 'georep.options.value', defaultMessage: 'Value' },
    defaultValue: { id: 'georep.options.defaultValue', defaultMessage: 'Default' },
    allowed: { id: 'georep.options.allowed', defaultMessage: 'Allowed' },
    reset: { id: 'georep.options.reset', defaultMessage: 'Reset' },
    valueAria: { id: 'georep.options.valueAria', defaultMessage: 'Value of {name}' },
    resetAria: { id: 'georep.options.resetAria', defaultMessage: 'Reset {name} to its default' },
    modified: { id: 'georep.options.modified', defaultMessage: 'Modified' },
    readOnly: { id: 'georep.options.readOnly', defaultMessage: 'Managed by Gluster' },
    noDefault: { id: 'georep.options.noDefault', defaultMessage: 'None' },
    anyValue: { id: 'georep.options.anyValue', defaultMessage: 'Any text' },
    // gsyncd turns these into command lines run as root: only what cannot run a program, touch
    // another file or reach another host (src/georep/optionGrammar.ts).
    restrictedText: {
      id: 'georep.options.restrictedText',
      defaultMessage:
        'Only settings that cannot run a program, touch another file or reach another host',
    },
    oneOf: { id: 'georep.options.oneOf', defaultMessage: 'One of: {values}' },
    range: { id: 'georep.options.range', defaultMessage: 'Integer from {min} to {max}' },
    atLeast: { id: 'georep.options.atLeast', defaultMessage: 'Integer of at least {min}' },
    atMost: { id: 'georep.options.atMost', defaultMessage: 'Integer of at most {max}' },
    integer: { id: 'georep.options.integer', defaultMessage: 'Integer' },
    path: { id: 'georep.options.path', defaultMessage: 'Absolute path' },
    command: { id: 'georep.options.command', defaultMessage: 'Command' },
    systemPath: {
      id: 'georep.options.systemPath',
      defaultMessage: 'Only where Gluster installs or mounts it (see the description)',
    },
    systemCommand: {
      id: 'georep.options.systemCommand',
      defaultMessage: 'The binary by name, or in /usr/bin, /usr/sbin, /bin, /sbin or /usr/local',
    },
    resetModified: {
      id: 'georep.options.resetModified',
      defaultMessage: 'Mark all modified options for reset',
    },
    pendingChanges: {
      id: 'georep.options.pendingChanges',
      defaultMessage:
        '{count, plural, =0 {No change} one {# change to apply} other {# changes to apply}}',
    },
    apply: { id: 'georep.options.apply', defaultMessage: 'Apply' },
    fixErrors: {
      id: 'georep.options.fixErrors',
      defaultMessage: 'Correct the invalid values first.',
    },
    resultSet: { id: 'georep.options.resultSet', defaultMessage: 'Set {name} to “{value}”' },
    resultReset: {
      id: 'georep.options.resultReset',
      defaultMessage: 'Reset {name} to its default',
    },
    resultsIntro: {
      id: 'georep.options.resultsIntro',
      defaultMessage: 'Applied one by one; the values above were read again from Gluster.',
    },
    appliedToast: {
      id: 'georep.options.appliedToast',
      defaultMessage: '{count, plural, one {# option changed} other {# options changed}} on {name}',
    },
    invalidInteger: {
      id: 'georep.options.invalidInteger',
      defaultMessage: 'Enter a whole number.',
    },
    invalidMin: { id: 'georep.options.invalidMin', defaultMessage: 'Must be at least {min}.' },
    invalidMax: { id: 'georep.options.invalidMax', defaultMessage: 'Must be at most {max}.' },
    invalidChoice: {
      id: 'georep.options.invalidChoice',
      defaultMessage: 'Must be one of: {values}.',
    },
    invalidBoolean: {
      id: 'georep.options.invalidBoolean',
      defaultMessage: 'Must be true or false.',
    },
    invalidPath: { id: 'georep.options.invalidPath', defaultMessage: 'Must be an absolute path.' },
    invalidEmpty: {
      id: 'georep.options.invalidEmpty',
      defaultMessage: 'Enter a value, or tick Reset to go back to the default.',
    },
    sharedRule: { id: 'georep.options.sharedRule', defaultMessage: '{reason}' },
    invalidChars: {
      id: 'georep.options.invalidChars',
      defaultMessage: 'Line breaks and control characters are not allowed.',
    },
  }),
);
