// Every user-visible string of the Start dialog and the Passwordless SSH dialog (English is the
// source; catalogs translate by id). The UI names the two sides of a session as Gluster 10+ and the
// wire contract do: the primary (the volume replicated, and the Up host of its cluster the session
// is created from) and the secondary (the host, user and volume or directory it is replicated to).
// Reasons from the shared validation rules and the service's own words are passed in as {reason} /
// {detail}. Each message has a description for translators: where it appears, what its
// placeholders hold.
import { defineMessages } from '../../intl/react';
import { untyped } from '../../intl';

export const startMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.start.title',
      defaultMessage: 'New geo-replication session',
      description: 'Title of the Start dialog, which creates and starts a session.',
    },
    subtitle: {
      id: 'georep.start.subtitle',
      defaultMessage:
        'Replicate a volume of cluster {cluster} to a secondary volume. OK checks everything first, verifies passwordless SSH, creates the session and starts it.',
      description:
        'Line under the Start dialog’s title. {cluster} is the oVirt cluster’s name, e.g. gluster-prod. OK is the dialog’s button.',
    },
    sourceSection: {
      id: 'georep.start.sourceSection',
      defaultMessage: 'Primary',
      description:
        'Heading of the Start dialog’s section for the primary side: the volume replicated and the host the session is created from. One word.',
    },
    remoteSection: {
      id: 'georep.start.remoteSection',
      defaultMessage: 'Secondary',
      description:
        'Heading of the Start dialog’s section for the secondary side: the host, volume, user and port replicated to. One word.',
    },
    configSection: {
      id: 'georep.start.configSection',
      defaultMessage: 'Configuration',
      description: 'Heading of the Start dialog’s section for the session’s options.',
    },
    checksSection: {
      id: 'georep.start.checksSection',
      defaultMessage: 'Checks',
      description:
        'Heading of the Start dialog’s section with the checks made before creating the session.',
    },
    progressSection: {
      id: 'georep.start.progressSection',
      defaultMessage: 'Progress',
      description:
        'Heading (and accessible name) of the list of steps the Start dialog runs after OK.',
    },

    volume: {
      id: 'georep.start.volume',
      defaultMessage: 'Primary volume',
      description: 'Field label in the Start dialog: the volume of this cluster to replicate.',
    },
    volumeChoose: {
      id: 'georep.start.volumeChoose',
      defaultMessage: 'Choose a volume',
      description: 'Placeholder choice of the Primary volume list, before one is chosen.',
    },
    volumeOption: {
      id: 'georep.start.volumeOption',
      defaultMessage: '{name} ({status})',
      description:
        'An entry of the Primary volume list. {name} is the volume’s name, e.g. vmstore; {status} is its status as oVirt shows it, e.g. Up.',
    },
    volumeRequired: {
      id: 'georep.start.volumeRequired',
      defaultMessage: 'Choose the volume of cluster {cluster} to replicate.',
      description:
        'Error under the Primary volume field when none is chosen. {cluster} is the cluster’s name.',
    },
    volumesLoading: {
      id: 'georep.start.volumesLoading',
      defaultMessage: 'Loading the volumes',
      description: 'Helper text under the Primary volume field while the volumes are read.',
    },
    volumesFailed: {
      id: 'georep.start.volumesFailed',
      defaultMessage: 'The volumes of cluster {cluster} could not be read: {reason}',
      description:
        'Error under the Primary volume field. {cluster} is the cluster’s name; {reason} is the engine’s or service’s error, in English.',
    },
    noVolumes: {
      id: 'georep.start.noVolumes',
      defaultMessage: 'Cluster {cluster} has no Gluster volume to replicate.',
      description:
        'Helper text under the Primary volume field when the cluster has no volume. {cluster} is the cluster’s name.',
    },

    host: {
      id: 'georep.start.host',
      defaultMessage: 'Start Geo-Replication from Host',
      description:
        'Field label in the Start dialog: the Up host of the primary cluster the session is created from. Title case, as oVirt’s labels; Geo-Replication is the feature’s name.',
    },
    hostHelp: {
      id: 'georep.start.hostHelp',
      defaultMessage:
        'Only hosts of cluster {cluster} that are Up. The session is created from this host, and passwordless SSH is checked from it.',
      description:
        'Helper text under the host field. {cluster} is the primary cluster’s name. Up is oVirt’s host status.',
    },
    hostChoose: {
      id: 'georep.start.hostChoose',
      defaultMessage: 'Choose a host that is Up',
      description: 'Placeholder choice of the host list, before one is chosen.',
    },
    hostOption: {
      id: 'georep.start.hostOption',
      defaultMessage: '{name} ({address})',
      description:
        'An entry of the host list. {name} is the host’s name in oVirt, e.g. node1; {address} its address, e.g. 192.168.10.11.',
    },
    hostRequired: {
      id: 'georep.start.hostRequired',
      defaultMessage: 'Choose the host to start geo-replication from.',
      description: 'Error under the host field when none is chosen.',
    },
    hostsLoading: {
      id: 'georep.start.hostsLoading',
      defaultMessage: 'Loading the hosts',
      description: 'Helper text under the host field while the hosts are read.',
    },
    hostsFailed: {
      id: 'georep.start.hostsFailed',
      defaultMessage: 'The hosts of cluster {cluster} could not be read: {reason}',
      description:
        'Error under the host field. {cluster} is the cluster’s name; {reason} is the engine’s error, in English.',
    },
    noUpHost: {
      id: 'georep.start.noUpHost',
      defaultMessage:
        'No host of cluster {cluster} is Up ({count, plural, =0 {it has no host} one {# host, not Up} other {# hosts, none Up}}). A session can only be created from a host that is Up.',
      description:
        'Error under the host field. {cluster} is the cluster’s name; {count} is how many hosts it has. Up is oVirt’s host status.',
    },
    fingerprint: {
      id: 'georep.start.fingerprint',
      defaultMessage: 'SSH fingerprint of {host}',
      description:
        'Label of the read-only field with the chosen host’s SSH host key fingerprint. {host} is the host’s name, e.g. node1.',
    },
    fingerprintValue: {
      id: 'georep.start.fingerprintValue',
      defaultMessage: '{fingerprint} ({algorithm})',
      description:
        'Value of the fingerprint field. {fingerprint} is e.g. SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8; {algorithm} is e.g. ssh-ed25519.',
    },
    fingerprintLoading: {
      id: 'georep.start.fingerprintLoading',
      defaultMessage: 'Reading the SSH fingerprint of {host}',
      description: 'Helper text while the host key is read. {host} is the host’s name.',
    },
    fingerprintHelp: {
      id: 'georep.start.fingerprintHelp',
      defaultMessage: 'Compare it with the output of: ssh-keygen -lf {file} on {host}',
      description:
        'Helper text under the fingerprint. {file} is a file path, e.g. /etc/ssh/ssh_host_ed25519_key.pub; {host} is the host’s name. Keep the command as it is.',
    },
    fingerprintFailed: {
      id: 'georep.start.fingerprintFailed',
      defaultMessage: 'The SSH fingerprint of {host} could not be read: {reason}',
      description:
        'Error under the fingerprint field. {host} is the host’s name; {reason} is the service’s error, in English.',
    },
    fingerprintRetry: {
      id: 'georep.start.fingerprintRetry',
      defaultMessage: 'Read it again',
      description: 'Link button that reads the host’s SSH fingerprint again after an error.',
    },

    remoteHost: {
      id: 'georep.start.remoteHost',
      defaultMessage: 'Secondary Host',
      description:
        'Field label in the Start dialog: the host replicated to (name or address). Title case, as oVirt’s labels.',
    },
    remoteHostHelp: {
      id: 'georep.start.remoteHostHelp',
      defaultMessage:
        'Host name or IPv4 address of a node of the secondary cluster, or of a stand-alone host. Suggestions: the hosts of the other Gluster clusters.',
      description: 'Helper text under the Secondary Host field.',
    },
    remoteHostRequired: {
      id: 'georep.start.remoteHostRequired',
      defaultMessage: 'Enter the name or address of the secondary host.',
      description: 'Error under the Secondary Host field when it is empty.',
    },
    remoteHostOwnCluster: {
      id: 'georep.start.remoteHostOwnCluster',
      defaultMessage:
        '{host} is a host of cluster {cluster} itself: the secondary must be in another cluster.',
      description:
        'Error under the Secondary Host field. {host} is what the user typed, e.g. node2; {cluster} is the primary cluster’s name.',
    },
    remoteHostKnown: {
      id: 'georep.start.remoteHostKnown',
      defaultMessage: 'Host {name} of cluster {cluster} ({status}).',
      description:
        'Helper text under the Secondary Host field when it names a host oVirt knows. {name} is the host’s name; {cluster} its cluster’s name; {status} its oVirt status, e.g. Up.',
    },
    remoteHostSuggestion: {
      id: 'georep.start.remoteHostSuggestion',
      defaultMessage: '{name}, cluster {cluster}',
      description:
        'A suggestion of the Secondary Host field (browser’s list under the field). {name} is a host’s name; {cluster} its cluster’s name.',
    },
    remoteVolumes: {
      id: 'georep.start.remoteVolumes',
      defaultMessage: 'Volumes of cluster {cluster}',
      description:
        'Label of the list of the secondary cluster’s volumes (oVirt: Show volumes eligible for geo-replication); {cluster} is its name.',
    },
    remoteVolumesChoose: {
      id: 'georep.start.remoteVolumesChoose',
      defaultMessage: 'Choose a volume, or type one below',
      description: 'First, empty choice of the secondary cluster’s volumes list.',
    },
    remoteVolumeEligible: {
      id: 'georep.start.remoteVolumeEligible',
      defaultMessage: '{name}: eligible',
      description:
        'An entry of the secondary cluster’s volumes list: a volume that can be the secondary. {name} is its name, e.g. vmstore-dr.',
    },
    remoteVolumeIneligible: {
      id: 'georep.start.remoteVolumeIneligible',
      defaultMessage: '{name}: not eligible ({reasons})',
      description:
        'An entry of the secondary cluster’s volumes list. {name} is the volume’s name; {reasons} is a list of reasons (the messages below) joined by semicolons.',
    },
    remoteVolumeNotUp: {
      id: 'georep.start.remoteVolumeNotUp',
      defaultMessage: 'it is {status}, not Up',
      description:
        'A reason a secondary volume is not eligible, inside parentheses; starts lower case. {status} is the engine’s volume status, e.g. Down.',
    },
    remoteVolumeInSession: {
      id: 'georep.start.remoteVolumeInSession',
      defaultMessage: 'it is already the secondary of session {session}',
      description:
        'A reason a secondary volume is not eligible, inside parentheses; starts lower case. {session} reads primary → host::secondary, e.g. vmstore → backup1::vmstore-dr.',
    },
    remoteVolumesHelp: {
      id: 'georep.start.remoteVolumesHelp',
      defaultMessage:
        '{eligible} of {total} eligible. Size and emptiness are checked by Check and OK.',
      description:
        'Helper text under the secondary cluster’s volumes list. {eligible} and {total} are numbers of volumes; Check and OK are the dialog’s buttons.',
    },
    remoteVolumesLoading: {
      id: 'georep.start.remoteVolumesLoading',
      defaultMessage: 'Reading the volumes of cluster {cluster}…',
      description:
        'Helper text under the secondary cluster’s volumes list while it is read. {cluster} is the secondary cluster’s name.',
    },
    remoteVolumesFailed: {
      id: 'georep.start.remoteVolumesFailed',
      defaultMessage: 'The volumes of cluster {cluster} could not be read: {reason}',
      description:
        'Error under the secondary cluster’s volumes list. {cluster} is its name; {reason} is the engine’s error, in English.',
    },
    remoteTargetIneligible: {
      id: 'georep.start.remoteTargetIneligible',
      defaultMessage: 'Volume {name} is not eligible: {reasons}.',
      description:
        'Warning under the Secondary Volume/Path field when the typed or chosen volume is not eligible. {name} is the volume’s name; {reasons} the reasons joined by semicolons.',
    },
    remoteTarget: {
      id: 'georep.start.remoteTarget',
      defaultMessage: 'Secondary Volume/Path',
      description:
        'Field label in the Start dialog: the volume replicated to, or a directory on the secondary host. Title case, as oVirt’s labels.',
    },
    remoteTargetHelp: {
      id: 'georep.start.remoteTargetHelp',
      defaultMessage:
        'A volume name of the secondary cluster, or a directory of the secondary host starting with "/".',
      description: 'Helper text under the Secondary Volume/Path field while it is empty.',
    },
    remoteTargetVolume: {
      id: 'georep.start.remoteTargetVolume',
      defaultMessage: 'Volume {volume} on the secondary cluster',
      description:
        'How the Secondary Volume/Path field’s text is understood, shown under it. {volume} is the typed volume name, e.g. vmstore-dr.',
    },
    remoteTargetPath: {
      id: 'georep.start.remoteTargetPath',
      defaultMessage:
        'Directory {path} on the secondary host: a single-brick volume will be created on it',
      description:
        'How the Secondary Volume/Path field’s text is understood, shown under it. {path} is the typed directory, e.g. /data/backup.',
    },
    remoteTargetPathVolume: {
      id: 'georep.start.remoteTargetPathVolume',
      defaultMessage:
        'The geo-rep service creates it as volume {volume} (or reuses the one it made there before), over passwordless SSH as root; the files in the directory are kept.',
      description:
        'Helper text under the Secondary Volume/Path field when it names a directory. {volume} is the volume name the service will give it, e.g. georep-data-backup.',
    },
    remoteTargetRelative: {
      id: 'georep.start.remoteTargetRelative',
      defaultMessage:
        'A directory of the secondary host must be an absolute path, starting with "/" (for example /data/backup); a volume name has no "/".',
      description:
        'Error under the Secondary Volume/Path field when a relative path was typed, e.g. data/backup.',
    },
    pathNeedsRoot: {
      id: 'georep.start.pathNeedsRoot',
      defaultMessage:
        'A directory needs root as the secondary user: creating a Gluster volume on the secondary host takes root. For {user}, enter a volume of the secondary cluster.',
      description:
        'Error under the Secondary user field when a directory is the target and the user is not root. {user} is the typed user name, e.g. geoaccount.',
    },
    user: {
      id: 'georep.start.user',
      defaultMessage: 'Secondary user',
      description:
        'Field label in the Start dialog: the user Gluster logs in as on the secondary host. Sentence case.',
    },
    userHelp: {
      id: 'georep.start.userHelp',
      defaultMessage:
        'root, or an unprivileged user set up for geo-replication on the secondary (mountbroker).',
      description:
        'Helper text under the Secondary user field. root and mountbroker are Gluster/Unix terms: keep them.',
    },
    group: {
      id: 'georep.start.group',
      defaultMessage: 'Secondary group',
      description:
        'Field label in the Start dialog, shown for a user other than root: the mountbroker group of that user. Sentence case.',
    },
    groupHelp: {
      id: 'georep.start.groupHelp',
      defaultMessage:
        'The mountbroker group of {user} on the secondary host (gluster-mountbroker setup DIR GROUP).',
      description:
        'Helper text under the Secondary group field. {user} is the secondary user, e.g. geoaccount. Keep the command as it is.',
    },
    groupRequired: {
      id: 'georep.start.groupRequired',
      defaultMessage:
        'Required for a user other than root: the mountbroker group of {user} on the secondary host.',
      description:
        'Error under the Secondary group field when it is empty. {user} is the secondary user, e.g. geoaccount.',
    },
    port: {
      id: 'georep.start.port',
      defaultMessage: 'SSH port',
      description: 'Field label in the Start dialog: the SSH port of the secondary host.',
    },
    portHelp: {
      id: 'georep.start.portHelp',
      defaultMessage: 'The SSH port of the secondary host (22 unless it was changed).',
      description: 'Helper text under the SSH port field.',
    },
    sharedRule: {
      id: 'georep.start.sharedRule',
      defaultMessage: '{reason}',
      description:
        'Error under a Start dialog field, from the rules the service shares. {reason} is the rule’s English text; leave the message as {reason}.',
    },

    useDefault: {
      id: 'georep.start.useDefault',
      defaultMessage: 'Use Default',
      description:
        'Checkbox label in the Start dialog: create the session with Gluster’s default options. Title case, as oVirt’s labels.',
    },
    useDefaultHelp: {
      id: 'georep.start.useDefaultHelp',
      defaultMessage:
        "The recommended configuration: Gluster's defaults, and passwordless SSH is verified before the session is created.",
      description: 'Description under the Use Default checkbox.',
    },
    customConfigNote: {
      id: 'georep.start.customConfigNote',
      defaultMessage:
        'With your own configuration no passwordless SSH verification is made: Gluster still needs it to create the session, and says so if it does not work. Empty fields keep their default.',
      description: 'Information shown above the options editor when Use Default is unticked.',
    },
    optionsAria: {
      id: 'georep.start.optionsAria',
      defaultMessage: 'Session options',
      description: 'Accessible name of the options editor in the Start dialog (screen readers).',
    },
    optionDefault: {
      id: 'georep.start.optionDefault',
      defaultMessage: 'Default: {value}',
      description:
        'Helper text under an option’s field; a period follows it. {value} is Gluster’s default value, e.g. 8.',
    },
    allOptions: {
      id: 'georep.start.allOptions',
      defaultMessage: 'All options ({count}{set, plural, =0 {} other {, # set}})',
      description:
        'Toggle that shows the options beyond the first two. {count} is how many there are, e.g. 48; {set} how many of them have a value typed.',
    },
    optionsSearch: {
      id: 'georep.start.optionsSearch',
      defaultMessage: 'Find an option',
      description: 'Placeholder and accessible name of the search field in All options.',
    },
    optionsNoMatch: {
      id: 'georep.start.optionsNoMatch',
      defaultMessage: 'No option name or description contains this text.',
      description: 'Shown in All options when the search finds no option.',
    },
    optionNoDefault: {
      id: 'georep.start.optionNoDefault',
      defaultMessage: 'Default: none (empty)',
      description:
        'Helper text under an option’s field, for an option Gluster leaves empty by default; a period follows it.',
    },
    optionAllowed: {
      id: 'georep.start.optionAllowed',
      defaultMessage: 'Allowed: {values}',
      description:
        'Helper text under an option’s field; a period follows it. {values} lists the allowed values, e.g. true, false.',
    },
    optionRange: {
      id: 'georep.start.optionRange',
      defaultMessage: 'Whole number, {min} to {max}',
      description:
        'Helper text under an option’s field: the values allowed; a period follows it. {min} and {max} are numbers, e.g. 1 and 65535.',
    },
    optionCommand: {
      id: 'georep.start.optionCommand',
      defaultMessage: 'The binary by name, or in /usr/bin, /usr/sbin, /bin, /sbin or /usr/local',
      description:
        'Helper text under a command option’s field (e.g. ssh-command): the values allowed; a period follows it. Keep the paths as they are.',
    },
    optionPath: {
      id: 'georep.start.optionPath',
      defaultMessage: 'Only where Gluster installs or mounts it (see the description)',
      description:
        'Helper text under a path option’s field: the values allowed; a period follows it.',
    },
    optionText: {
      id: 'georep.start.optionText',
      defaultMessage: 'Any text',
      description:
        'Helper text under a text option’s field: the values allowed; a period follows it.',
    },
    optionRestricted: {
      id: 'georep.start.optionRestricted',
      defaultMessage:
        'Only settings that cannot run a program, touch another file or reach another host',
      description:
        'Helper text under an option Gluster turns into a command line (e.g. ssh-options): the values allowed; a period follows it.',
    },
    optionKeepDefault: {
      id: 'georep.start.optionKeepDefault',
      defaultMessage: 'Default ({value})',
      description:
        'First choice of an option’s list: keep Gluster’s default. {value} is the default, e.g. false.',
    },
    optionPortNote: {
      id: 'georep.start.optionPortNote',
      defaultMessage: 'ssh-port is set from the SSH port field above.',
      description:
        'Note at the top of the options editor. ssh-port is Gluster’s option name: keep it; SSH port is the field’s label.',
    },
    optionsInvalid: {
      id: 'georep.start.optionsInvalid',
      defaultMessage:
        '{count, plural, one {# option has} other {# options have}} a value that cannot be set.',
      description:
        'Error in the Start dialog’s footer when OK is pressed with invalid option values. {count} is how many.',
    },

    check: {
      id: 'georep.start.check',
      defaultMessage: 'Check',
      description: 'Button in the Start dialog’s footer: run the checks without changing anything.',
    },
    checkHelp: {
      id: 'georep.start.checkHelp',
      defaultMessage:
        'Check reads both sides and changes nothing. OK runs the checks again before anything is changed.',
      description:
        'Text at the top of the Checks section. Check and OK are the dialog’s buttons; both sides are the primary and the secondary.',
    },
    checking: {
      id: 'georep.start.checking',
      defaultMessage: 'Checking',
      description: 'Status text beside a spinner while the checks run.',
    },
    checkFailed: {
      id: 'georep.start.checkFailed',
      defaultMessage: 'The checks could not be run: {reason}',
      description:
        'Error alert title in the Checks section. {reason} is the service’s error, in English.',
    },
    checksStale: {
      id: 'georep.start.checksStale',
      defaultMessage:
        'These checks were made for other values; they run again when you press Check or OK.',
      description:
        'Information above the check results after the user changed a field. Check and OK are the dialog’s buttons.',
    },
    checksAria: {
      id: 'georep.start.checksAria',
      defaultMessage: 'Check results',
      description: 'Accessible name of the list of check results (screen readers).',
    },
    checksAllPassed: {
      id: 'georep.start.checksAllPassed',
      defaultMessage: 'No check failed: the session can be created.',
      description: 'Summary above the check results when every check passed.',
    },
    blockersTitle: {
      id: 'georep.start.blockersTitle',
      defaultMessage:
        '{count, plural, one {# problem} other {# problems}} to fix first (Force does not bypass {count, plural, one {it} other {them}})',
      description:
        'Title of the red alert listing the failed checks that block creation. {count} is how many. Force is the checkbox’s label.',
    },
    forceableTitle: {
      id: 'georep.start.forceableTitle',
      defaultMessage:
        '{count, plural, one {# check} other {# checks}} failed that Force can bypass',
      description:
        'Title of the warning alert listing failed checks the Force checkbox can bypass. {count} is how many.',
    },
    outcomePass: {
      id: 'georep.start.outcomePass',
      defaultMessage: 'Passed',
      description: 'Outcome of a check, before its title in the check results. One word.',
    },
    outcomeFail: {
      id: 'georep.start.outcomeFail',
      defaultMessage: 'Failed',
      description: 'Outcome of a check, before its title in the check results. One word.',
    },
    outcomeSkipped: {
      id: 'georep.start.outcomeSkipped',
      defaultMessage: 'Skipped',
      description:
        'Outcome of a check that could not be made, before its title in the check results. One word.',
    },
    severityBlocker: {
      id: 'georep.start.severityBlocker',
      defaultMessage: 'Blocker',
      description:
        'Small red badge beside a check that did not pass and that Force cannot bypass. Keep it short.',
    },
    severityForceable: {
      id: 'georep.start.severityForceable',
      defaultMessage: 'Force can bypass',
      description:
        'Small orange badge beside a check that did not pass and that the Force checkbox can bypass. Keep it short.',
    },
    severityInfo: {
      id: 'georep.start.severityInfo',
      defaultMessage: 'Information',
      description: 'Severity of a check that never blocks creation. Keep it short.',
    },
    checkLine: {
      id: 'georep.start.checkLine',
      defaultMessage: '{outcome}: {title}',
      description:
        'A line of the check results. {outcome} is Passed, Failed, Skipped or Note; {title} is the check’s title from the service, e.g. Secondary volume is empty.',
    },
    sshCheckDefault: {
      id: 'georep.start.sshCheckDefault',
      defaultMessage:
        'Passwordless SSH is verified again on OK; if it does not work, you can set it up then.',
      description:
        'Note under the passwordless SSH check when it did not pass and Use Default is ticked. OK is the dialog’s button.',
    },
    sshCheckCustom: {
      id: 'georep.start.sshCheckCustom',
      defaultMessage: 'Not required here: with your own configuration no SSH verification is made.',
      description:
        'Note under the passwordless SSH check when it did not pass and Use Default is unticked.',
    },
    force: {
      id: 'georep.start.force',
      defaultMessage: 'Force',
      description:
        'Checkbox label in the Checks section: create the session with Gluster’s force (gluster … create force). One word.',
    },
    forceBypasses: {
      id: 'georep.start.forceBypasses',
      defaultMessage: 'Create even though these checks fail: {titles}.',
      description:
        'Description under the Force checkbox. {titles} lists the failed checks’ titles joined by semicolons.',
    },
    forceNoneFailed: {
      id: 'georep.start.forceNoneFailed',
      defaultMessage: 'Force would bypass only these checks, and none of them failed: {titles}.',
      description:
        'Description under the Force checkbox. {titles} lists the checks’ titles joined by semicolons, or a dash when there are none.',
    },
    forceBeforeCheck: {
      id: 'georep.start.forceBeforeCheck',
      defaultMessage:
        "Bypasses Gluster's own checks of the secondary volume (size, emptiness, Gluster version). Press Check to see which fail.",
      description:
        'Description under the Force checkbox before any check was made. Check is the dialog’s button.',
    },
    forceNever: {
      id: 'georep.start.forceNever',
      defaultMessage: 'It never bypasses: {titles}.',
      description:
        'Sentence after the Force checkbox’s description; It is Force. {titles} lists the failed blocking checks’ titles joined by semicolons.',
    },

    stepCheck: {
      id: 'georep.start.stepCheck',
      defaultMessage: 'Check',
      description: 'A step of the progress list after OK: the checks. Keep it short.',
    },
    stepVerify: {
      id: 'georep.start.stepVerify',
      defaultMessage: 'Verify passwordless SSH',
      description: 'A step of the progress list after OK. Keep it short.',
    },
    stepCreate: {
      id: 'georep.start.stepCreate',
      defaultMessage: 'Create the session (push-pem)',
      description:
        'A step of the progress list after OK. push-pem is Gluster’s create option: keep it.',
    },
    stepCreatePath: {
      id: 'georep.start.stepCreatePath',
      defaultMessage: 'Create the volume on the directory, then the session (push-pem)',
      description:
        'The create step of the progress list when the secondary is a directory. push-pem is Gluster’s create option: keep it.',
    },
    stepCreateNonRoot: {
      id: 'georep.start.stepCreateNonRoot',
      defaultMessage:
        'Prepare the secondary for {user} (mountbroker), create the session (push-pem), distribute its keys',
      description:
        'The create step of the progress list for a secondary user other than root. {user} is that user, e.g. geoaccount. mountbroker and push-pem are Gluster terms: keep them.',
    },
    nonRootTitle: {
      id: 'georep.start.nonRootTitle',
      defaultMessage: 'Done on the secondary for the non-root user {user}:',
      description:
        'Heading of the list of what the service did on the secondary hosts, in the success alert. {user} is the secondary user, e.g. geoaccount.',
    },
    nonRootStep: {
      id: 'georep.start.nonRootStep',
      defaultMessage:
        '{step, select, accounts {User and group} setup {gluster-mountbroker setup} add {gluster-mountbroker add} restart_glusterd {glusterd restarted} pem_keys {Keys distributed (set_geo_rep_pem_keys.sh)} other {{step}}} on {node}: {outcome, select, done {{detail}} other {nothing needed. {detail}}}',
      description:
        'An item of the non-root list. {step} selects the step (commands and script names stay as they are); {node} is a secondary node, e.g. backup1; {outcome} is done, or already when nothing was needed; {detail} is the service’s English detail.',
    },
    planTitle: {
      id: 'georep.start.planTitle',
      defaultMessage: 'What OK will do: {plan}',
      description:
        'Information above the check results. {plan} is the service’s English description of the steps, e.g. create volume georep-data-backup on backup1:/data/backup, then the session.',
    },
    stepConfig: {
      id: 'georep.start.stepConfig',
      defaultMessage: 'Apply the configuration',
      description: 'A step of the progress list after OK: set the chosen options. Keep it short.',
    },
    stepStart: {
      id: 'georep.start.stepStart',
      defaultMessage: 'Start the session',
      description: 'A step of the progress list after OK. Keep it short.',
    },
    stepPending: {
      id: 'georep.start.stepPending',
      defaultMessage: 'Waiting',
      description: 'Status of a step of the progress list that has not begun (screen readers).',
    },
    stepRunning: {
      id: 'georep.start.stepRunning',
      defaultMessage: 'In progress',
      description: 'Status of the step of the progress list that runs now (screen readers).',
    },
    stepDone: {
      id: 'georep.start.stepDone',
      defaultMessage: 'Done',
      description: 'Status of a finished step of the progress list (screen readers).',
    },
    stepFailed: {
      id: 'georep.start.stepFailed',
      defaultMessage: 'Failed',
      description: 'Status of a failed step of the progress list (screen readers).',
    },
    stepSkipped: {
      id: 'georep.start.stepSkipped',
      defaultMessage: 'Skipped',
      description: 'Status of a step of the progress list that was not needed (screen readers).',
    },
    stepStatusSr: {
      id: 'georep.start.stepStatusSr',
      defaultMessage: '({status})',
      description:
        'Read by screen readers after a step’s title. {status} is the step’s status, e.g. In progress.',
    },
    stepVerifySkipped: {
      id: 'georep.start.stepVerifySkipped',
      defaultMessage: 'Not verified: your own configuration is used.',
      description:
        'Description under the Verify passwordless SSH step when Use Default is unticked.',
    },
    stepConfigDone: {
      id: 'georep.start.stepConfigDone',
      defaultMessage:
        'The service set {count, plural, one {# option} other {# options}} right after creating the session.',
      description:
        'Description under the Apply the configuration step when done. {count} is how many options were set.',
    },
    stepConfigSkipped: {
      id: 'georep.start.stepConfigSkipped',
      defaultMessage: "Gluster's default configuration.",
      description: 'Description under the Apply the configuration step when no option was set.',
    },
    stepCheckBlocked: {
      id: 'georep.start.stepCheckBlocked',
      defaultMessage: 'Stopped: see the checks. Nothing was changed.',
      description: 'Description under the Check step when a check blocked creation.',
    },
    stepStartNotRun: {
      id: 'georep.start.stepStartNotRun',
      defaultMessage: 'Not started.',
      description:
        'Description under the Start the session step when it did not run (Auto-start unticked or an earlier step failed).',
    },
    live: {
      id: 'georep.start.live',
      defaultMessage: '{title}: {status}',
      description:
        'Announced to screen readers as the steps run. {title} is a step’s title, e.g. Create the session (push-pem); {status} e.g. In progress.',
    },

    ok: {
      id: 'georep.start.ok',
      defaultMessage: 'OK',
      description:
        'Main button of the Start dialog: check, create and start the session. Keep it short, as oVirt’s OK.',
    },
    cancel: {
      id: 'georep.start.cancel',
      defaultMessage: 'Cancel',
      description: 'Button that closes the Start dialog without creating anything.',
    },
    close: {
      id: 'georep.start.close',
      defaultMessage: 'Close',
      description: 'Button that closes the Start dialog once OK has run.',
    },
    fixErrors: {
      id: 'georep.start.fixErrors',
      defaultMessage: 'Correct the highlighted fields first.',
      description: 'Error in the Start dialog’s footer when OK is pressed with invalid fields.',
    },

    blocked: {
      id: 'georep.start.blocked',
      defaultMessage: 'Nothing was changed: the checks found problems',
      description: 'Title of the outcome alert after OK when checks blocked creation.',
    },
    createForceMayHelp: {
      id: 'georep.start.createForceMayHelp',
      defaultMessage:
        'Force gets past this refusal of Gluster: tick Force and press OK to create the session anyway.',
      description:
        'In the failure alert after OK, when Gluster refused a create that Force may get past. Force is the checkbox; OK the button.',
    },
    checksUnverifiedTitle: {
      id: 'georep.start.checksUnverifiedTitle',
      defaultMessage:
        'No check failed, but {count, plural, one {# check} other {# checks}} could not be made: Gluster checks {count, plural, one {it} other {them}} itself when it creates the session',
      description:
        'Title of the information alert above the check results when some were skipped. {count} is how many.',
    },
    outcomeNote: {
      id: 'georep.start.outcomeNote',
      defaultMessage: 'Note',
      description:
        'Outcome of an information check that did not hold, before its title in the check results (never a failure). One word.',
    },
    reachableButNoSsh: {
      id: 'georep.start.reachableButNoSsh',
      defaultMessage:
        'The secondary host answered the service, which reaches engine hosts with its own SSH access; Gluster logs in from the primary host, and that login is what fails here.',
      description:
        'Note under a failed passwordless SSH check when the secondary host was reachable: why both can be true. The primary host is the one chosen in Start Geo-Replication from Host.',
    },
    blockedForce: {
      id: 'georep.start.blockedForce',
      defaultMessage:
        'Only checks that Force can bypass failed. Tick Force and press OK to create the session anyway.',
      description:
        'Body of the outcome alert when only forceable checks failed. Force is the checkbox; OK the button.',
    },
    blockedFix: {
      id: 'georep.start.blockedFix',
      defaultMessage: 'Fix the problems listed under Checks, then press OK again.',
      description:
        'Body of the outcome alert when blocking checks failed. Checks is the section heading; OK the button.',
    },
    failedTitle: {
      id: 'georep.start.failedTitle',
      defaultMessage: '{step} failed. The session was not created.',
      description:
        'Title of the failure alert after OK. {step} is the failed step’s title, e.g. Verify passwordless SSH.',
    },
    notCreatedTitle: {
      id: 'georep.start.notCreatedTitle',
      defaultMessage: 'Created — not started: {reason}',
      description:
        'Title of the warning alert when the session was created but not started. {reason} is Gluster’s or the service’s English error.',
    },
    notStartedWhenConfig: {
      id: 'georep.start.notStartedWhenConfig',
      defaultMessage:
        'Start it from the table when its options are right (set them with Options on its row).',
      description:
        'Body of the created-not-started alert when applying options failed. Options is the row’s action.',
    },
    notStartedWhenStart: {
      id: 'georep.start.notStartedWhenStart',
      defaultMessage: 'Start it from the table when the cause is fixed.',
      description: 'Body of the created-not-started alert when starting failed.',
    },
    notStartedWhenListed: {
      id: 'georep.start.notStartedWhenListed',
      defaultMessage: 'Start it from the table when it appears there.',
      description:
        'Body of the created-not-started alert when the new session was not yet listed by Gluster.',
    },
    unknownTitle: {
      id: 'georep.start.unknownTitle',
      defaultMessage: 'The service did not answer in time: the session may have been created',
      description: 'Title of the warning alert after OK when the outcome is unknown (a timeout).',
    },
    unknownBody: {
      id: 'georep.start.unknownBody',
      defaultMessage:
        'Look for it in the table before trying again (a second create of the same session is refused). {reason}',
      description:
        'Body of the unknown-outcome alert. {reason} is the English error, e.g. timeout of 120000ms exceeded.',
    },
    doneTitle: {
      id: 'georep.start.doneTitle',
      defaultMessage: 'Session {volume} → {remote} created and started',
      description:
        'Title of the success alert after OK. {volume} is the primary volume, e.g. vmstore; {remote} is host::volume of the secondary, e.g. backup1::vmstore-dr.',
    },
    doneNotStartedTitle: {
      id: 'georep.start.doneNotStartedTitle',
      defaultMessage:
        'Session {volume} → {remote} created, not started: start it from the table when you are ready',
      description:
        'Title of the success alert with Auto-start unticked. {volume} is the primary volume, e.g. vmstore; {remote} is host::volume of the secondary, e.g. backup1::vmstore-dr.',
    },
    autoStart: {
      id: 'georep.start.autoStart',
      defaultMessage: 'Auto-start after creation',
      description:
        'Checkbox label in the Checks section. oVirt’s own label: translate it as oVirt’s catalog does.',
    },
    autoStartHelp: {
      id: 'georep.start.autoStartHelp',
      defaultMessage: 'Untick to create the session now and start it later from the table.',
      description: 'Description under the Auto-start after creation checkbox.',
    },
    doneProvisioned: {
      id: 'georep.start.doneProvisioned',
      defaultMessage:
        '{reused, select, true {Volume {name} on {host}:{path}, provisioned earlier by this service, was reused.} other {Volume {name} was created on {host}:{path}.}}',
      description:
        'Body of the success alert for a directory target. {reused} is true when the volume already existed; {name} is the volume, e.g. georep-data-backup; {host} the secondary host, e.g. backup1; {path} the directory, e.g. /data/backup.',
    },
    sshNotSetUp: {
      id: 'georep.start.sshNotSetUp',
      defaultMessage:
        'Passwordless SSH is not set up. Press OK to verify again and set it up, or fix the secondary host, user or port.',
      description:
        'In the failure alert when the Verify passwordless SSH step failed. OK is the dialog’s button.',
    },
  }),
);

export const sshMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.ssh.title',
      defaultMessage: 'Passwordless SSH setup',
      description: 'Title of the Passwordless SSH dialog, opened from the Start dialog.',
    },
    intro: {
      id: 'georep.ssh.intro',
      defaultMessage:
        'Root on {host} ({address}) must log in to {target} without a password: Gluster creates the session (push-pem) over this login.',
      description:
        'Line under the dialog’s title. {host} is the primary host’s name, e.g. node1; {address} its address; {target} is user@host of the secondary, e.g. root@backup1.',
    },
    target: {
      id: 'georep.ssh.target',
      defaultMessage: '{user}@{remote}',
      description:
        'The SSH login on the secondary, used inside other messages as {target}. {user} e.g. root; {remote} the secondary host, e.g. backup1.',
    },
    targetPort: {
      id: 'georep.ssh.targetPort',
      defaultMessage: '{user}@{remote} (port {port})',
      description:
        'The SSH login on the secondary with a port other than 22, used inside other messages as {target}. {user} e.g. root; {remote} the secondary host, e.g. backup1; {port} e.g. 2222.',
    },
    why: {
      id: 'georep.ssh.why',
      defaultMessage: 'Passwordless SSH does not work yet: {detail}',
      description:
        'Warning at the top of the Passwordless SSH dialog. {detail} is the English reason from the verification, e.g. Permission denied (publickey).',
    },
    method: {
      id: 'georep.ssh.method',
      defaultMessage: 'How to set it up',
      description: 'Label of the choice between a private key and a password.',
    },
    methodKey: {
      id: 'georep.ssh.methodKey',
      defaultMessage: 'Use a different private key',
      description: 'Radio button label: set up with a private key file on the primary host.',
    },
    methodKeyHelp: {
      id: 'georep.ssh.methodKeyHelp',
      defaultMessage: 'A private key file on {host} that {target} already accepts.',
      description:
        'Description under the private key choice. {host} is the primary host’s name; {target} is user@host of the secondary.',
    },
    methodPassword: {
      id: 'georep.ssh.methodPassword',
      defaultMessage: 'Password of the secondary user',
      description: 'Radio button label: set up with the secondary user’s password.',
    },
    methodPasswordHelp: {
      id: 'georep.ssh.methodPasswordHelp',
      defaultMessage:
        "Log in once as {target} with the password to add root's public key of {host}. The password is used for this one login and not kept.",
      description:
        'Description under the password choice. {target} is user@host of the secondary; {host} is the primary host’s name.',
    },

    keyPath: {
      id: 'georep.ssh.keyPath',
      defaultMessage: 'Private key file on {host}',
      description: 'Field label: path of a private key file. {host} is the primary host’s name.',
    },
    keyPathHelp: {
      id: 'georep.ssh.keyPathHelp',
      defaultMessage: 'An absolute path, or one starting with ~/ (root’s home on {host}).',
      description: 'Helper text under the key file field. {host} is the primary host’s name.',
    },
    keyPathRequired: {
      id: 'georep.ssh.keyPathRequired',
      defaultMessage: 'Enter the path of a private key file on {host}.',
      description:
        'Error under the key file field when it is empty. {host} is the primary host’s name.',
    },
    keyPathInvalid: {
      id: 'georep.ssh.keyPathInvalid',
      defaultMessage:
        'The path must start with / or ~/ and name a file (letters, digits and . _ - + @ = , /).',
      description: 'Error under the key file field. Keep the listed characters as they are.',
    },
    keyUse: {
      id: 'georep.ssh.keyUse',
      defaultMessage:
        "The key is verified, then used once to add root's own key of {host} to {target}'s authorized keys: Gluster's create logs in with root's own key only.",
      description:
        'Helper text under the key file field. {host} is the primary host’s name; {target} is user@host of the secondary.',
    },
    verifyKey: {
      id: 'georep.ssh.verifyKey',
      defaultMessage: 'Set up with this key',
      description: 'Main button of the dialog when the private key is chosen.',
    },
    verifying: {
      id: 'georep.ssh.verifying',
      defaultMessage: 'Setting up with the key',
      description:
        'Status text beside a spinner while the service sets up passwordless SSH with the key.',
    },
    keyFailedTitle: {
      id: 'georep.ssh.keyFailedTitle',
      defaultMessage: 'The key did not work',
      description: 'Title of the error alert when set-up with the key failed.',
    },
    causeNoFile: {
      id: 'georep.ssh.causeNoFile',
      defaultMessage: 'Likely cause: there is no such file on {host}.',
      description: 'In the key error alert. {host} is the primary host’s name.',
    },
    causePermissions: {
      id: 'georep.ssh.causePermissions',
      defaultMessage:
        'Likely cause: the file can be read by other users, so ssh ignores it (chmod 600 it).',
      description: 'In the key error alert. Keep chmod 600 as it is.',
    },
    causeRefused: {
      id: 'georep.ssh.causeRefused',
      defaultMessage:
        'Likely cause: {target} does not accept this key (not in its authorized_keys, or it has a passphrase).',
      description:
        'In the key error alert. {target} is user@host of the secondary. authorized_keys is a file name: keep it.',
    },
    causeNetwork: {
      id: 'georep.ssh.causeNetwork',
      defaultMessage:
        'Likely cause: {host} cannot reach the secondary host on this port; check the secondary host and SSH port.',
      description: 'In the key error alert. {host} is the primary host’s name.',
    },
    causeHostKey: {
      id: 'georep.ssh.causeHostKey',
      defaultMessage:
        "Likely cause: {host} does not trust the secondary host's key (new or changed); set up with the password to confirm it.",
      description: 'In the key error alert. {host} is the primary host’s name.',
    },
    serviceSaid: {
      id: 'georep.ssh.serviceSaid',
      defaultMessage: 'The service said: {detail}',
      description:
        'In an error alert of the dialog. {detail} is the geo-rep service’s English message.',
    },
    requestFailed: {
      id: 'georep.ssh.requestFailed',
      defaultMessage: 'The request failed: {reason}',
      description:
        'In an error alert of the dialog when the service could not be reached. {reason} is the English error.',
    },

    remoteKey: {
      id: 'georep.ssh.remoteKey',
      defaultMessage: 'SSH key of {remote} as {host} sees it',
      description:
        'Label of the secondary host’s key fingerprint. {remote} is the secondary host, e.g. backup1; {host} the primary host’s name, e.g. node1.',
    },
    remoteKeyLoading: {
      id: 'georep.ssh.remoteKeyLoading',
      defaultMessage: 'Reading the SSH key of {remote} from {host}',
      description:
        'Shown while the secondary host’s key is read. {remote} is the secondary host; {host} the primary host’s name.',
    },
    remoteKeyFailed: {
      id: 'georep.ssh.remoteKeyFailed',
      defaultMessage: 'The SSH key of {remote} could not be read from {host}: {reason}',
      description:
        'Error instead of the secondary host’s key. {remote} is the secondary host; {host} the primary host’s name; {reason} the English error.',
    },
    remoteKeyAgain: {
      id: 'georep.ssh.remoteKeyAgain',
      defaultMessage: 'Read the key again',
      description: 'Link button that reads the secondary host’s key again.',
    },
    remoteKeyHelp: {
      id: 'georep.ssh.remoteKeyHelp',
      defaultMessage:
        'Compare it with the output of: ssh-keygen -lf {file} on {remote}. The password is sent only to a host with this key.',
      description:
        'Helper text under the secondary host’s key. {file} is a path, e.g. /etc/ssh/ssh_host_ed25519_key.pub; {remote} the secondary host. Keep the command as it is.',
    },
    fingerprintValue: {
      id: 'georep.ssh.fingerprintValue',
      defaultMessage: '{fingerprint} ({algorithm})',
      description:
        'The secondary host’s key. {fingerprint} is e.g. SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8; {algorithm} e.g. ssh-ed25519.',
    },
    confirm: {
      id: 'georep.ssh.confirm',
      defaultMessage: "I have compared this fingerprint with the secondary host's key",
      description: 'Checkbox label: the user confirms the key before the password can be sent.',
    },
    password: {
      id: 'georep.ssh.password',
      defaultMessage: 'Password of {target}',
      description: 'Field label. {target} is user@host of the secondary, e.g. root@backup1.',
    },
    passwordHelp: {
      id: 'georep.ssh.passwordHelp',
      defaultMessage: 'Sent once to the service for this login; never stored.',
      description: 'Helper text under the password field.',
    },
    send: {
      id: 'georep.ssh.send',
      defaultMessage: 'Send password',
      description: 'Main button of the dialog when the password is chosen.',
    },
    sending: {
      id: 'georep.ssh.sending',
      defaultMessage: 'Setting up passwordless SSH',
      description:
        'Status text beside a spinner while the service sets up passwordless SSH with the password.',
    },
    sendNeedsConfirm: {
      id: 'georep.ssh.sendNeedsConfirm',
      defaultMessage: 'Compare and confirm the fingerprint, and enter the password, to send it.',
      description:
        'Helper text under the password field while the Send password button is disabled.',
    },
    wrongPassword: {
      id: 'georep.ssh.wrongPassword',
      defaultMessage: 'The password was not accepted. You can try again.',
      description: 'Error alert title after a wrong password.',
    },
    tooMany: {
      id: 'georep.ssh.tooMany',
      defaultMessage: 'Too many wrong passwords: wait before trying again.',
      description: 'Error alert title after repeated wrong passwords.',
    },
    hostKeyChanged: {
      id: 'georep.ssh.hostKeyChanged',
      defaultMessage:
        'Refused: the secondary host now shows a different key than the one you confirmed. Nothing was sent.',
      description: 'Error alert title when the secondary host’s key changed before sending.',
    },
    hostKeyChangedNew: {
      id: 'georep.ssh.hostKeyChangedNew',
      defaultMessage:
        'The key it shows now is below: compare it again with the secondary host before confirming.',
      description: 'Body of the changed-key alert.',
    },
    setupFailed: {
      id: 'georep.ssh.setupFailed',
      defaultMessage: 'Passwordless SSH could not be set up',
      description: 'Error alert title when set-up with the password failed for another reason.',
    },
    cancel: {
      id: 'georep.ssh.cancel',
      defaultMessage: 'Cancel',
      description: 'Button that closes the Passwordless SSH dialog.',
    },
  }),
);

/** The file ssh-keygen -lf reads for a host key of this algorithm (for "compare it with" hints). */
export function hostKeyFile(algorithm: string): string {
  if (algorithm.includes('ed25519')) return '/etc/ssh/ssh_host_ed25519_key.pub';
  if (algorithm.startsWith('ecdsa')) return '/etc/ssh/ssh_host_ecdsa_key.pub';
  if (algorithm.includes('rsa')) return '/etc/ssh/ssh_host_rsa_key.pub';
  return '/etc/ssh/ssh_host_*_key.pub';
}
