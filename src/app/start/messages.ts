// Every user-visible string of the Start dialog and the Passwordless SSH dialog (English is the
// source; catalogs translate by id). The UI says "source" and "remote" (Gluster 10+ says
// primary/secondary). Reasons from the shared validation rules and the service's own words are
// passed in as {reason} / {detail}.
import { defineMessages } from 'react-intl';
import { untyped } from '../../intl';

export const startMessages = untyped(
  defineMessages({
    title: { id: 'georep.start.title', defaultMessage: 'New geo-replication session' },
    subtitle: {
      id: 'georep.start.subtitle',
      defaultMessage:
        'Replicate a volume of cluster {cluster} to a remote volume. OK checks everything first, verifies passwordless SSH, creates the session and starts it.',
    },
    sourceSection: { id: 'georep.start.sourceSection', defaultMessage: 'Source' },
    remoteSection: { id: 'georep.start.remoteSection', defaultMessage: 'Remote' },
    configSection: { id: 'georep.start.configSection', defaultMessage: 'Configuration' },
    checksSection: { id: 'georep.start.checksSection', defaultMessage: 'Checks' },
    progressSection: { id: 'georep.start.progressSection', defaultMessage: 'Progress' },

    volume: { id: 'georep.start.volume', defaultMessage: 'Source volume' },
    volumeChoose: { id: 'georep.start.volumeChoose', defaultMessage: 'Choose a volume' },
    volumeOption: { id: 'georep.start.volumeOption', defaultMessage: '{name} ({status})' },
    volumeRequired: {
      id: 'georep.start.volumeRequired',
      defaultMessage: 'Choose the volume of cluster {cluster} to replicate.',
    },
    volumesLoading: { id: 'georep.start.volumesLoading', defaultMessage: 'Loading the volumes' },
    volumesFailed: {
      id: 'georep.start.volumesFailed',
      defaultMessage: 'The volumes of cluster {cluster} could not be read: {reason}',
    },
    noVolumes: {
      id: 'georep.start.noVolumes',
      defaultMessage: 'Cluster {cluster} has no Gluster volume to replicate.',
    },

    host: { id: 'georep.start.host', defaultMessage: 'Start Geo-Replication from Host' },
    hostHelp: {
      id: 'georep.start.hostHelp',
      defaultMessage:
        'Only hosts of cluster {cluster} that are Up. The session is created from this host, and passwordless SSH is checked from it.',
    },
    hostChoose: { id: 'georep.start.hostChoose', defaultMessage: 'Choose a host that is Up' },
    hostOption: { id: 'georep.start.hostOption', defaultMessage: '{name} ({address})' },
    hostRequired: {
      id: 'georep.start.hostRequired',
      defaultMessage: 'Choose the host to start geo-replication from.',
    },
    hostsLoading: { id: 'georep.start.hostsLoading', defaultMessage: 'Loading the hosts' },
    hostsFailed: {
      id: 'georep.start.hostsFailed',
      defaultMessage: 'The hosts of cluster {cluster} could not be read: {reason}',
    },
    noUpHost: {
      id: 'georep.start.noUpHost',
      defaultMessage:
        'No host of cluster {cluster} is Up ({count, plural, =0 {it has no host} one {# host, not Up} other {# hosts, none Up}}). A session can only be created from a host that is Up.',
    },
    fingerprint: { id: 'georep.start.fingerprint', defaultMessage: 'SSH fingerprint of {host}' },
    fingerprintValue: {
      id: 'georep.start.fingerprintValue',
      defaultMessage: '{fingerprint} ({algorithm})',
    },
    fingerprintLoading: {
      id: 'georep.start.fingerprintLoading',
      defaultMessage: 'Reading the SSH fingerprint of {host}',
    },
    fingerprintHelp: {
      id: 'georep.start.fingerprintHelp',
      defaultMessage: 'Compare it with the output of: ssh-keygen -lf {file} on {host}',
    },
    fingerprintFailed: {
      id: 'georep.start.fingerprintFailed',
      defaultMessage: 'The SSH fingerprint of {host} could not be read: {reason}',
    },
    fingerprintRetry: { id: 'georep.start.fingerprintRetry', defaultMessage: 'Read it again' },

    remoteHost: { id: 'georep.start.remoteHost', defaultMessage: 'Remote Host' },
    remoteHostHelp: {
      id: 'georep.start.remoteHostHelp',
      defaultMessage:
        'Host name or IPv4 address of a node of the remote cluster, or of a stand-alone host. Suggestions: the hosts of the other Gluster clusters.',
    },
    remoteHostRequired: {
      id: 'georep.start.remoteHostRequired',
      defaultMessage: 'Enter the name or address of the remote host.',
    },
    remoteHostOwnCluster: {
      id: 'georep.start.remoteHostOwnCluster',
      defaultMessage:
        '{host} is a host of cluster {cluster} itself: the remote must be in another cluster.',
    },
    remoteHostKnown: {
      id: 'georep.start.remoteHostKnown',
      defaultMessage: 'Host {name} of cluster {cluster} ({status}).',
    },
    remoteHostSuggestion: {
      id: 'georep.start.remoteHostSuggestion',
      defaultMessage: '{name}, cluster {cluster}',
    },
    remoteVolumes: {
      id: 'georep.start.remoteVolumes',
      defaultMessage: 'Volumes of cluster {cluster}',
      description:
        'Label of the list of the remote cluster’s volumes (oVirt: Show volumes eligible for geo-replication); {cluster} is its name.',
    },
    remoteVolumesChoose: {
      id: 'georep.start.remoteVolumesChoose',
      defaultMessage: 'Choose a volume, or type one below',
      description: 'First, empty choice of the remote volumes list.',
    },
    remoteVolumeEligible: {
      id: 'georep.start.remoteVolumeEligible',
      defaultMessage: '{name}: eligible',
      description: 'An option of the remote volumes list: a volume that can be the secondary.',
    },
    remoteVolumeIneligible: {
      id: 'georep.start.remoteVolumeIneligible',
      defaultMessage: '{name}: not eligible ({reasons})',
      description:
        'An option of the remote volumes list; {reasons} is a list of reasons joined by semicolons.',
    },
    remoteVolumeNotUp: {
      id: 'georep.start.remoteVolumeNotUp',
      defaultMessage: 'it is {status}, not Up',
      description: 'Why a remote volume is not eligible; {status} is the engine’s volume status.',
    },
    remoteVolumeInSession: {
      id: 'georep.start.remoteVolumeInSession',
      defaultMessage: 'it is already the secondary of session {session}',
      description:
        'Why a remote volume is not eligible; {session} reads primary → host::secondary.',
    },
    remoteVolumesHelp: {
      id: 'georep.start.remoteVolumesHelp',
      defaultMessage:
        '{eligible} of {total} eligible. Size and emptiness are checked by Check and OK.',
      description: 'Help under the remote volumes list.',
    },
    remoteVolumesLoading: {
      id: 'georep.start.remoteVolumesLoading',
      defaultMessage: 'Reading the volumes of cluster {cluster}…',
    },
    remoteVolumesFailed: {
      id: 'georep.start.remoteVolumesFailed',
      defaultMessage: 'The volumes of cluster {cluster} could not be read: {reason}',
    },
    remoteTargetIneligible: {
      id: 'georep.start.remoteTargetIneligible',
      defaultMessage: 'Volume {name} is not eligible: {reasons}.',
      description:
        'Warning under the remote volume field when the typed or chosen volume is not eligible.',
    },
    remoteTarget: { id: 'georep.start.remoteTarget', defaultMessage: 'Remote Volume/Path' },
    remoteTargetHelp: {
      id: 'georep.start.remoteTargetHelp',
      defaultMessage:
        'A volume name of the remote cluster, or a directory of the remote host starting with "/".',
    },
    remoteTargetVolume: {
      id: 'georep.start.remoteTargetVolume',
      defaultMessage: 'Volume {volume} on the remote cluster',
    },
    remoteTargetPath: {
      id: 'georep.start.remoteTargetPath',
      defaultMessage:
        'Directory {path} on the remote host: a single-brick volume will be created on it',
    },
    remoteTargetPathVolume: {
      id: 'georep.start.remoteTargetPathVolume',
      defaultMessage:
        'The geo-rep service creates it as volume {volume} (or reuses the one it made there before), over passwordless SSH as root; the files in the directory are kept.',
    },
    remoteTargetRelative: {
      id: 'georep.start.remoteTargetRelative',
      defaultMessage:
        'A remote directory must be an absolute path, starting with "/" (for example /data/backup); a volume name has no "/".',
    },
    pathNeedsRoot: {
      id: 'georep.start.pathNeedsRoot',
      defaultMessage:
        'A directory needs root as the remote user: creating a Gluster volume on the remote host takes root. For {user}, enter a volume of the remote cluster.',
    },
    user: { id: 'georep.start.user', defaultMessage: 'Remote user' },
    userHelp: {
      id: 'georep.start.userHelp',
      defaultMessage:
        'root, or an unprivileged user set up for geo-replication on the remote (mountbroker).',
    },
    group: { id: 'georep.start.group', defaultMessage: 'Remote group' },
    groupHelp: {
      id: 'georep.start.groupHelp',
      defaultMessage:
        'The mountbroker group of {user} on the remote host (gluster-mountbroker setup DIR GROUP).',
    },
    groupRequired: {
      id: 'georep.start.groupRequired',
      defaultMessage:
        'Required for a user other than root: the mountbroker group of {user} on the remote host.',
    },
    port: { id: 'georep.start.port', defaultMessage: 'SSH port' },
    portHelp: {
      id: 'georep.start.portHelp',
      defaultMessage: 'The SSH port of the remote host (22 unless it was changed).',
    },
    sharedRule: { id: 'georep.start.sharedRule', defaultMessage: '{reason}' },

    useDefault: { id: 'georep.start.useDefault', defaultMessage: 'Use Default' },
    useDefaultHelp: {
      id: 'georep.start.useDefaultHelp',
      defaultMessage:
        "The recommended configuration: Gluster's defaults, and passwordless SSH is verified before the session is created.",
    },
    customConfigNote: {
      id: 'georep.start.customConfigNote',
      defaultMessage:
        'With your own configuration no passwordless SSH verification is made: Gluster still needs it to create the session, and says so if it does not work. Empty fields keep their default.',
    },
    optionsAria: { id: 'georep.start.optionsAria', defaultMessage: 'Session options' },
    optionDefault: { id: 'georep.start.optionDefault', defaultMessage: 'Default: {value}' },
    allOptions: {
      id: 'georep.start.allOptions',
      defaultMessage: 'All options ({count}{set, plural, =0 {} other {, # set}})',
    },
    optionsSearch: { id: 'georep.start.optionsSearch', defaultMessage: 'Find an option' },
    optionsNoMatch: {
      id: 'georep.start.optionsNoMatch',
      defaultMessage: 'No option name or description contains this text.',
    },
    optionNoDefault: {
      id: 'georep.start.optionNoDefault',
      defaultMessage: 'Default: none (empty)',
    },
    optionAllowed: { id: 'georep.start.optionAllowed', defaultMessage: 'Allowed: {values}' },
    optionRange: { id: 'georep.start.optionRange', defaultMessage: 'Whole number, {min} to {max}' },
    optionCommand: {
      id: 'georep.start.optionCommand',
      defaultMessage: 'The binary by name, or in /usr/bin, /usr/sbin, /bin, /sbin or /usr/local',
    },
    optionPath: {
      id: 'georep.start.optionPath',
      defaultMessage: 'Only where Gluster installs or mounts it (see the description)',
    },
    optionText: { id: 'georep.start.optionText', defaultMessage: 'Any text' },
    optionRestricted: {
      id: 'georep.start.optionRestricted',
      defaultMessage:
        'Only settings that cannot run a program, touch another file or reach another host',
    },
    optionKeepDefault: {
      id: 'georep.start.optionKeepDefault',
      defaultMessage: 'Default ({value})',
    },
    optionPortNote: {
      id: 'georep.start.optionPortNote',
      defaultMessage: 'ssh-port is set from the SSH port field above.',
    },
    optionsInvalid: {
      id: 'georep.start.optionsInvalid',
      defaultMessage:
        '{count, plural, one {# option has} other {# options have}} a value that cannot be set.',
    },

    check: { id: 'georep.start.check', defaultMessage: 'Check' },
    checkHelp: {
      id: 'georep.start.checkHelp',
      defaultMessage:
        'Check reads both sides and changes nothing. OK runs the checks again before anything is changed.',
    },
    checking: { id: 'georep.start.checking', defaultMessage: 'Checking' },
    checkFailed: {
      id: 'georep.start.checkFailed',
      defaultMessage: 'The checks could not be run: {reason}',
    },
    checksStale: {
      id: 'georep.start.checksStale',
      defaultMessage:
        'These checks were made for other values; they run again when you press Check or OK.',
    },
    checksAria: { id: 'georep.start.checksAria', defaultMessage: 'Check results' },
    checksAllPassed: {
      id: 'georep.start.checksAllPassed',
      defaultMessage: 'No check failed: the session can be created.',
    },
    blockersTitle: {
      id: 'georep.start.blockersTitle',
      defaultMessage:
        '{count, plural, one {# problem} other {# problems}} to fix first (Force does not bypass {count, plural, one {it} other {them}})',
    },
    forceableTitle: {
      id: 'georep.start.forceableTitle',
      defaultMessage:
        '{count, plural, one {# check} other {# checks}} failed that Force can bypass',
    },
    outcomePass: { id: 'georep.start.outcomePass', defaultMessage: 'Passed' },
    outcomeFail: { id: 'georep.start.outcomeFail', defaultMessage: 'Failed' },
    outcomeSkipped: { id: 'georep.start.outcomeSkipped', defaultMessage: 'Skipped' },
    severityBlocker: { id: 'georep.start.severityBlocker', defaultMessage: 'Blocker' },
    severityForceable: {
      id: 'georep.start.severityForceable',
      defaultMessage: 'Force can bypass',
    },
    severityInfo: { id: 'georep.start.severityInfo', defaultMessage: 'Information' },
    checkLine: { id: 'georep.start.checkLine', defaultMessage: '{outcome}: {title}' },
    sshCheckDefault: {
      id: 'georep.start.sshCheckDefault',
      defaultMessage:
        'Passwordless SSH is verified again on OK; if it does not work, you can set it up then.',
    },
    sshCheckCustom: {
      id: 'georep.start.sshCheckCustom',
      defaultMessage: 'Not required here: with your own configuration no SSH verification is made.',
    },
    force: { id: 'georep.start.force', defaultMessage: 'Force' },
    forceBypasses: {
      id: 'georep.start.forceBypasses',
      defaultMessage: 'Create even though these checks fail: {titles}.',
    },
    forceNoneFailed: {
      id: 'georep.start.forceNoneFailed',
      defaultMessage: 'Force would bypass only these checks, and none of them failed: {titles}.',
    },
    forceBeforeCheck: {
      id: 'georep.start.forceBeforeCheck',
      defaultMessage:
        "Bypasses Gluster's own checks of the remote volume (size, emptiness, Gluster version). Press Check to see which fail.",
    },
    forceNever: {
      id: 'georep.start.forceNever',
      defaultMessage: 'It never bypasses: {titles}.',
    },

    stepCheck: { id: 'georep.start.stepCheck', defaultMessage: 'Check' },
    stepVerify: { id: 'georep.start.stepVerify', defaultMessage: 'Verify passwordless SSH' },
    stepCreate: {
      id: 'georep.start.stepCreate',
      defaultMessage: 'Create the session (push-pem)',
    },
    stepCreatePath: {
      id: 'georep.start.stepCreatePath',
      defaultMessage: 'Create the volume on the directory, then the session (push-pem)',
    },
    stepCreateNonRoot: {
      id: 'georep.start.stepCreateNonRoot',
      defaultMessage:
        'Prepare the remote for {user} (mountbroker), create the session (push-pem), distribute its keys',
    },
    nonRootTitle: {
      id: 'georep.start.nonRootTitle',
      defaultMessage: 'Done on the remote for the non-root user {user}:',
    },
    nonRootStep: {
      id: 'georep.start.nonRootStep',
      defaultMessage:
        '{step, select, accounts {User and group} setup {gluster-mountbroker setup} add {gluster-mountbroker add} restart_glusterd {glusterd restarted} pem_keys {Keys distributed (set_geo_rep_pem_keys.sh)} other {{step}}} on {node}: {outcome, select, done {{detail}} other {nothing needed. {detail}}}',
    },
    planTitle: { id: 'georep.start.planTitle', defaultMessage: 'What OK will do: {plan}' },
    stepConfig: { id: 'georep.start.stepConfig', defaultMessage: 'Apply the configuration' },
    stepStart: { id: 'georep.start.stepStart', defaultMessage: 'Start the session' },
    stepPending: { id: 'georep.start.stepPending', defaultMessage: 'Waiting' },
    stepRunning: { id: 'georep.start.stepRunning', defaultMessage: 'In progress' },
    stepDone: { id: 'georep.start.stepDone', defaultMessage: 'Done' },
    stepFailed: { id: 'georep.start.stepFailed', defaultMessage: 'Failed' },
    stepSkipped: { id: 'georep.start.stepSkipped', defaultMessage: 'Skipped' },
    stepStatusSr: { id: 'georep.start.stepStatusSr', defaultMessage: '({status})' },
    stepVerifySkipped: {
      id: 'georep.start.stepVerifySkipped',
      defaultMessage: 'Not verified: your own configuration is used.',
    },
    stepConfigDone: {
      id: 'georep.start.stepConfigDone',
      defaultMessage:
        'The service set {count, plural, one {# option} other {# options}} right after creating the session.',
    },
    stepConfigSkipped: {
      id: 'georep.start.stepConfigSkipped',
      defaultMessage: "Gluster's default configuration.",
    },
    stepCheckBlocked: {
      id: 'georep.start.stepCheckBlocked',
      defaultMessage: 'Stopped: see the checks. Nothing was changed.',
    },
    stepStartNotRun: {
      id: 'georep.start.stepStartNotRun',
      defaultMessage: 'Not started.',
    },
    live: {
      id: 'georep.start.live',
      defaultMessage: '{title}: {status}',
    },

    ok: { id: 'georep.start.ok', defaultMessage: 'OK' },
    cancel: { id: 'georep.start.cancel', defaultMessage: 'Cancel' },
    close: { id: 'georep.start.close', defaultMessage: 'Close' },
    fixErrors: {
      id: 'georep.start.fixErrors',
      defaultMessage: 'Correct the highlighted fields first.',
    },

    blocked: {
      id: 'georep.start.blocked',
      defaultMessage: 'Nothing was changed: the checks found problems',
    },
    createForceMayHelp: {
      id: 'georep.start.createForceMayHelp',
      defaultMessage:
        'Force gets past this refusal of Gluster: tick Force and press OK to create the session anyway.',
    },
    checksUnverifiedTitle: {
      id: 'georep.start.checksUnverifiedTitle',
      defaultMessage:
        'No check failed, but {count, plural, one {# check} other {# checks}} could not be made: Gluster checks {count, plural, one {it} other {them}} itself when it creates the session',
    },
    outcomeNote: { id: 'georep.start.outcomeNote', defaultMessage: 'Note' },
    reachableButNoSsh: {
      id: 'georep.start.reachableButNoSsh',
      defaultMessage:
        'The remote host answered the service, which reaches engine hosts with its own SSH access; Gluster logs in from the source host, and that login is what fails here.',
    },
    blockedForce: {
      id: 'georep.start.blockedForce',
      defaultMessage:
        'Only checks that Force can bypass failed. Tick Force and press OK to create the session anyway.',
    },
    blockedFix: {
      id: 'georep.start.blockedFix',
      defaultMessage: 'Fix the problems listed under Checks, then press OK again.',
    },
    failedTitle: {
      id: 'georep.start.failedTitle',
      defaultMessage: '{step} failed. The session was not created.',
    },
    notCreatedTitle: {
      id: 'georep.start.notCreatedTitle',
      defaultMessage: 'Created — not started: {reason}',
    },
    notStartedWhenConfig: {
      id: 'georep.start.notStartedWhenConfig',
      defaultMessage:
        'Start it from the table when its options are right (set them with Options on its row).',
    },
    notStartedWhenStart: {
      id: 'georep.start.notStartedWhenStart',
      defaultMessage: 'Start it from the table when the cause is fixed.',
    },
    notStartedWhenListed: {
      id: 'georep.start.notStartedWhenListed',
      defaultMessage: 'Start it from the table when it appears there.',
    },
    unknownTitle: {
      id: 'georep.start.unknownTitle',
      defaultMessage: 'The service did not answer in time: the session may have been created',
    },
    unknownBody: {
      id: 'georep.start.unknownBody',
      defaultMessage:
        'Look for it in the table before trying again (a second create of the same session is refused). {reason}',
    },
    doneTitle: {
      id: 'georep.start.doneTitle',
      defaultMessage: 'Session {volume} → {remote} created and started',
    },
    doneNotStartedTitle: {
      id: 'georep.start.doneNotStartedTitle',
      defaultMessage:
        'Session {volume} → {remote} created, not started: start it from the table when you are ready',
    },
    autoStart: { id: 'georep.start.autoStart', defaultMessage: 'Auto-start after creation' },
    autoStartHelp: {
      id: 'georep.start.autoStartHelp',
      defaultMessage: 'Untick to create the session now and start it later from the table.',
    },
    doneProvisioned: {
      id: 'georep.start.doneProvisioned',
      defaultMessage:
        '{reused, select, true {Volume {name} on {host}:{path}, provisioned earlier by this service, was reused.} other {Volume {name} was created on {host}:{path}.}}',
    },
    sshNotSetUp: {
      id: 'georep.start.sshNotSetUp',
      defaultMessage:
        'Passwordless SSH is not set up. Press OK to verify again and set it up, or fix the remote host, user or port.',
    },
  }),
);

export const sshMessages = untyped(
  defineMessages({
    title: { id: 'georep.ssh.title', defaultMessage: 'Passwordless SSH setup' },
    intro: {
      id: 'georep.ssh.intro',
      defaultMessage:
        'Root on {host} ({address}) must log in to {target} without a password: Gluster creates the session (push-pem) over this login.',
    },
    target: { id: 'georep.ssh.target', defaultMessage: '{user}@{remote}' },
    targetPort: { id: 'georep.ssh.targetPort', defaultMessage: '{user}@{remote} (port {port})' },
    why: {
      id: 'georep.ssh.why',
      defaultMessage: 'Passwordless SSH does not work yet: {detail}',
    },
    method: { id: 'georep.ssh.method', defaultMessage: 'How to set it up' },
    methodKey: { id: 'georep.ssh.methodKey', defaultMessage: 'Use a different private key' },
    methodKeyHelp: {
      id: 'georep.ssh.methodKeyHelp',
      defaultMessage: 'A private key file on {host} that {target} already accepts.',
    },
    methodPassword: {
      id: 'georep.ssh.methodPassword',
      defaultMessage: 'Password of the remote user',
    },
    methodPasswordHelp: {
      id: 'georep.ssh.methodPasswordHelp',
      defaultMessage:
        "Log in once as {target} with the password to add root's public key of {host}. The password is used for this one login and not kept.",
    },

    keyPath: { id: 'georep.ssh.keyPath', defaultMessage: 'Private key file on {host}' },
    keyPathHelp: {
      id: 'georep.ssh.keyPathHelp',
      defaultMessage: 'An absolute path, or one starting with ~/ (root’s home on {host}).',
    },
    keyPathRequired: {
      id: 'georep.ssh.keyPathRequired',
      defaultMessage: 'Enter the path of a private key file on {host}.',
    },
    keyPathInvalid: {
      id: 'georep.ssh.keyPathInvalid',
      defaultMessage:
        'The path must start with / or ~/ and name a file (letters, digits and . _ - + @ = , /).',
    },
    keyUse: {
      id: 'georep.ssh.keyUse',
      defaultMessage:
        "The key is verified, then used once to add root's own key of {host} to {target}'s authorized keys: Gluster's create logs in with root's own key only.",
    },
    verifyKey: { id: 'georep.ssh.verifyKey', defaultMessage: 'Set up with this key' },
    verifying: { id: 'georep.ssh.verifying', defaultMessage: 'Setting up with the key' },
    keyFailedTitle: {
      id: 'georep.ssh.keyFailedTitle',
      defaultMessage: 'The key did not work',
    },
    causeNoFile: {
      id: 'georep.ssh.causeNoFile',
      defaultMessage: 'Likely cause: there is no such file on {host}.',
    },
    causePermissions: {
      id: 'georep.ssh.causePermissions',
      defaultMessage:
        'Likely cause: the file can be read by other users, so ssh ignores it (chmod 600 it).',
    },
    causeRefused: {
      id: 'georep.ssh.causeRefused',
      defaultMessage:
        'Likely cause: {target} does not accept this key (not in its authorized_keys, or it has a passphrase).',
    },
    causeNetwork: {
      id: 'georep.ssh.causeNetwork',
      defaultMessage:
        'Likely cause: {host} cannot reach the remote on this port; check the remote host and SSH port.',
    },
    causeHostKey: {
      id: 'georep.ssh.causeHostKey',
      defaultMessage:
        "Likely cause: {host} does not trust the remote host's key (new or changed); set up with the password to confirm it.",
    },
    serviceSaid: { id: 'georep.ssh.serviceSaid', defaultMessage: 'The service said: {detail}' },
    requestFailed: {
      id: 'georep.ssh.requestFailed',
      defaultMessage: 'The request failed: {reason}',
    },

    remoteKey: {
      id: 'georep.ssh.remoteKey',
      defaultMessage: 'SSH key of {remote} as {host} sees it',
    },
    remoteKeyLoading: {
      id: 'georep.ssh.remoteKeyLoading',
      defaultMessage: 'Reading the SSH key of {remote} from {host}',
    },
    remoteKeyFailed: {
      id: 'georep.ssh.remoteKeyFailed',
      defaultMessage: 'The SSH key of {remote} could not be read from {host}: {reason}',
    },
    remoteKeyAgain: { id: 'georep.ssh.remoteKeyAgain', defaultMessage: 'Read the key again' },
    remoteKeyHelp: {
      id: 'georep.ssh.remoteKeyHelp',
      defaultMessage:
        'Compare it with the output of: ssh-keygen -lf {file} on {remote}. The password is sent only to a host with this key.',
    },
    fingerprintValue: {
      id: 'georep.ssh.fingerprintValue',
      defaultMessage: '{fingerprint} ({algorithm})',
    },
    confirm: {
      id: 'georep.ssh.confirm',
      defaultMessage: "I have compared this fingerprint with the remote host's key",
    },
    password: { id: 'georep.ssh.password', defaultMessage: 'Password of {target}' },
    passwordHelp: {
      id: 'georep.ssh.passwordHelp',
      defaultMessage: 'Sent once to the service for this login; never stored.',
    },
    send: { id: 'georep.ssh.send', defaultMessage: 'Send password' },
    sending: { id: 'georep.ssh.sending', defaultMessage: 'Setting up passwordless SSH' },
    sendNeedsConfirm: {
      id: 'georep.ssh.sendNeedsConfirm',
      defaultMessage: 'Compare and confirm the fingerprint, and enter the password, to send it.',
    },
    wrongPassword: {
      id: 'georep.ssh.wrongPassword',
      defaultMessage: 'The password was not accepted. You can try again.',
    },
    tooMany: {
      id: 'georep.ssh.tooMany',
      defaultMessage: 'Too many wrong passwords: wait before trying again.',
    },
    hostKeyChanged: {
      id: 'georep.ssh.hostKeyChanged',
      defaultMessage:
        'Refused: the remote host now shows a different key than the one you confirmed. Nothing was sent.',
    },
    hostKeyChangedNew: {
      id: 'georep.ssh.hostKeyChangedNew',
      defaultMessage:
        'The key it shows now is below: compare it again with the remote host before confirming.',
    },
    setupFailed: {
      id: 'georep.ssh.setupFailed',
      defaultMessage: 'Passwordless SSH could not be set up',
    },
    cancel: { id: 'georep.ssh.cancel', defaultMessage: 'Cancel' },
  }),
);

/** The file ssh-keygen -lf reads for a host key of this algorithm (for "compare it with" hints). */
export function hostKeyFile(algorithm: string): string {
  if (algorithm.includes('ed25519')) return '/etc/ssh/ssh_host_ed25519_key.pub';
  if (algorithm.startsWith('ecdsa')) return '/etc/ssh/ssh_host_ecdsa_key.pub';
  if (algorithm.includes('rsa')) return '/etc/ssh/ssh_host_rsa_key.pub';
  return '/etc/ssh/ssh_host_*_key.pub';
}
