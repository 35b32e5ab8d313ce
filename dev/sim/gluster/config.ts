// Geo-replication session configuration as gsyncd 10.3 keeps it: the option set and order of
// `config` (fixture georep-config.xml), Gluster 10.3's defaults (the fixture's values, except the
// three the recipe changed: change_interval 1 -> 5, sync_method tarssh -> rsync, checkpoint -> 0),
// the per-session values derived from the session's names, and the validation glusterd
// (gsync_verify_config_options) and gsyncd (gsyncdconfig type checks) apply.

export interface SessionNames {
  primaryVolume: string;
  secondaryHost: string;
  secondaryVolume: string;
  primaryVolumeId: string;
  secondaryVolumeId: string;
  primaryReplicaCount: number;
  primaryDisperseCount: number;
  primaryDistributionCount: number;
}

/** Default config of a session, underscore names, in gsyncd's (alphabetical) order. */
export function defaultConfig(n: SessionNames): Map<string, string> {
  const dir = `${n.primaryVolume}_${n.secondaryHost}_${n.secondaryVolume}`;
  const entries: [string, string][] = [
    ['access_mount', 'false'],
    ['allow_network', ''],
    ['change_detector', 'changelog'],
    ['change_interval', '5'],
    ['changelog_archive_format', '%Y%m'],
    ['changelog_batch_size', '727040'],
    ['changelog_log_file', `/var/log/glusterfs/geo-replication/${dir}/changes-\${local_id}.log`],
    ['changelog_log_level', 'INFO'],
    ['checkpoint', '0'],
    ['cli_log_file', '/var/log/glusterfs/geo-replication/cli.log'],
    ['cli_log_level', 'INFO'],
    ['connection_timeout', '60'],
    ['georep_session_working_dir', `/var/lib/glusterd/geo-replication/${dir}/`],
    ['gfid_conflict_resolution', 'true'],
    ['gluster_cli_options', ''],
    ['gluster_command', 'gluster'],
    ['gluster_command_dir', '/usr/sbin'],
    ['gluster_log_file', `/var/log/glusterfs/geo-replication/${dir}/mnt-\${local_id}.log`],
    ['gluster_log_level', 'INFO'],
    ['gluster_logdir', '/var/log/glusterfs'],
    ['gluster_params', 'aux-gfid-mount acl'],
    ['gluster_rundir', '/var/run/gluster'],
    ['glusterd_workdir', '/var/lib/glusterd'],
    ['gsyncd_miscdir', '/var/lib/misc/gluster/gsyncd'],
    ['ignore_deletes', 'false'],
    ['isolated_secondarys', ''],
    ['log_file', `/var/log/glusterfs/geo-replication/${dir}/gsyncd.log`],
    ['log_level', 'INFO'],
    ['log_rsync_performance', 'false'],
    ['max_rsync_retries', '10'],
    ['meta_volume_mnt', '/run/gluster/shared_storage'],
    [
      'pid_file',
      `/var/run/gluster/gsyncd-${n.primaryVolume}-${n.secondaryHost}-${n.secondaryVolume}.pid`,
    ],
    ['primary_disperse_count', String(n.primaryDisperseCount)],
    ['primary_distribution_count', String(n.primaryDistributionCount)],
    ['primary_replica_count', String(n.primaryReplicaCount)],
    ['remote_gsyncd', ''],
    ['replica_failover_interval', '1'],
    ['rsync_command', 'rsync'],
    ['rsync_opt_existing', 'true'],
    ['rsync_opt_ignore_missing_args', 'true'],
    ['rsync_options', ''],
    ['rsync_ssh_options', ''],
    ['secondary_access_mount', 'false'],
    ['secondary_gluster_command_dir', '/usr/sbin'],
    [
      'secondary_gluster_log_file',
      `/var/log/glusterfs/geo-replication-secondaries/${dir}/mnt-\${primary_node}-\${primary_brick_id}.log`,
    ],
    [
      'secondary_gluster_log_file_mbr',
      `/var/log/glusterfs/geo-replication-secondaries/${dir}/mnt-mbr-\${primary_node}-\${primary_brick_id}.log`,
    ],
    ['secondary_gluster_log_level', 'INFO'],
    ['secondary_gluster_params', 'aux-gfid-mount acl'],
    ['secondary_log_file', `/var/log/glusterfs/geo-replication-secondaries/${dir}/gsyncd.log`],
    ['secondary_log_level', 'INFO'],
    ['secondary_timeout', '120'],
    ['special_sync_mode', ''],
    ['ssh_command', 'ssh'],
    [
      'ssh_options',
      '-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/secret.pem',
    ],
    [
      'ssh_options_tar',
      '-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/tar_ssh.pem',
    ],
    ['ssh_port', '22'],
    ['state_file', `/var/lib/glusterd/geo-replication/${dir}/monitor.status`],
    ['state_socket_unencoded', ''],
    ['stime_xattr_prefix', `trusted.glusterfs.${n.primaryVolumeId}.${n.secondaryVolumeId}`],
    ['sync_acls', 'true'],
    ['sync_jobs', '3'],
    ['sync_method', 'rsync'],
    ['sync_xattrs', 'true'],
    ['tar_command', 'tar'],
    ['use_meta_volume', 'false'],
    ['use_rsync_xattrs', 'false'],
    ['working_dir', `/var/lib/misc/gluster/gsyncd/${dir}/`],
  ];
  return new Map(entries);
}

const INT = new Set([
  'change_interval',
  'changelog_batch_size',
  'checkpoint',
  'connection_timeout',
  'max_rsync_retries',
  'primary_disperse_count',
  'primary_distribution_count',
  'primary_replica_count',
  'replica_failover_interval',
  'secondary_timeout',
  'ssh_port',
  'sync_jobs',
]);
const BOOL = new Set([
  'access_mount',
  'gfid_conflict_resolution',
  'ignore_deletes',
  'log_rsync_performance',
  'rsync_opt_existing',
  'rsync_opt_ignore_missing_args',
  'secondary_access_mount',
  'sync_acls',
  'sync_xattrs',
  'use_meta_volume',
  'use_rsync_xattrs',
]);
const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];
const CHOICES: Record<string, string[]> = {
  sync_method: ['rsync', 'tarssh'],
  change_detector: ['changelog', 'xsync'],
};

/** glusterd's gsync_reserved_opts (10.x spelling): refused with "Reserved option". */
const RESERVED = [
  'gluster-command-dir',
  'pid-file',
  'state-file',
  'session-owner',
  'state-socket-unencoded',
  'socketdir',
  'local-id',
  'local-path',
  'secondary-id',
];

/** glusterd's gsync_confopt_vals: values checked at staging, "Invalid value(%s) for option %s". */
const STAGE_VALUES: { name: string; values: string[]; caseSensitive: boolean }[] = [
  { name: 'change_detector', values: ['xsync', 'changelog'], caseSensitive: true },
  { name: 'special_sync_mode', values: ['partial', 'recover'], caseSensitive: true },
  {
    name: 'log-level',
    values: ['critical', 'error', 'warning', 'info', 'debug'],
    caseSensitive: false,
  },
  { name: 'use-tarssh', values: ['true', 'false', '0', '1', 'yes', 'no'], caseSensitive: false },
  {
    name: 'ignore_deletes',
    values: ['true', 'false', '0', '1', 'yes', 'no'],
    caseSensitive: false,
  },
  {
    name: 'use_meta_volume',
    values: ['true', 'false', '0', '1', 'yes', 'no'],
    caseSensitive: false,
  },
  {
    name: 'use-meta-volume',
    values: ['true', 'false', '0', '1', 'yes', 'no'],
    caseSensitive: false,
  },
];

/** Options whose change does not restart the workers (glusterd's gsync_no_restart_opts). */
export const NO_RESTART = new Set(['checkpoint', 'log_rsync_performance']);

export function normalizeOption(name: string): string {
  return name.replace(/-/g, '_');
}

/** The glusterd comparison "modulo -/_" over the common prefix, as the C loop does it. */
function prefixMatch(pattern: string, name: string): boolean {
  for (let i = 0; i < pattern.length && i < name.length; i++) {
    const a = pattern[i];
    const b = name[i];
    if (a === b || ((a === '-' || a === '_') && (b === '-' || b === '_'))) continue;
    return false;
  }
  return true;
}

/** Staging checks of a set/del request. Returns glusterd's message, or null when it passes. */
export function stageConfigError(
  known: ReadonlySet<string>,
  rawName: string,
  value: string | null,
): string | null {
  if (!known.has(normalizeOption(rawName))) return 'Invalid option';
  if (RESERVED.some((r) => prefixMatch(r, rawName))) return 'Reserved option';
  if (value !== null) {
    for (const c of STAGE_VALUES) {
      if (!prefixMatch(c.name, rawName)) continue;
      const ok = c.values.some((v) =>
        c.caseSensitive ? v === value : v.toLowerCase() === value.toLowerCase(),
      );
      if (!ok) return `Invalid value(${value}) for option ${rawName}`;
    }
  }
  return null;
}

/** gsyncd's own type check when it writes the value; false makes `config-set` fail. */
export function valueValid(name: string, value: string): boolean {
  if (name === 'checkpoint') return value === 'now' || /^\d+$/.test(value);
  if (INT.has(name)) return /^-?\d+$/.test(value);
  if (BOOL.has(name)) return ['true', 'false', 'yes', 'no', '1', '0'].includes(value.toLowerCase());
  if (name.endsWith('log_level')) return LOG_LEVELS.includes(value.toUpperCase());
  const choices = CHOICES[name];
  if (choices) return choices.includes(value);
  return true;
}

function boolOf(v: string): boolean | null {
  const l = v.toLowerCase();
  if (l === 'true' || l === '1' || l === 'yes') return true;
  if (l === 'false' || l === '0' || l === 'no') return false;
  return null;
}

/** glusterd_gsync_op_already_set: the same value (booleans compared as booleans). */
export function sameValue(current: string, next: string): boolean {
  const a = boolOf(current);
  if (a !== null) return a === (boolOf(next) ?? false);
  return current === next;
}
