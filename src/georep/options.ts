// The geo-replication session options Gluster 10.3 lists (`volume geo-replication <p> <s> config`),
// with what each one does, its type, its allowed values and its Gluster 10.3 default (from
// gsyncd.conf). Gluster prints no descriptions; these are written from gsyncd's own code and
// configuration. Shared by the UI (options dialog) and the service (validation before argv).
// No Node-only imports.
import { GRAMMAR_OPTIONS, grammarProblem } from './optionGrammar';
import type { GeoRepConfigOption } from './types';
import { describeChar } from './validation';

export type OptionType = GeoRepConfigOption['type'];

export interface OptionSpec {
  /** Gluster's name with dashes, e.g. `sync-jobs` (the XML prints `sync_jobs`). */
  name: string;
  description: string;
  type: OptionType;
  allowed_values: string[] | null;
  min: number | null;
  max: number | null;
  /** Gluster 10.3 default; null when Gluster computes it per session (paths named after the session, ids). */
  default: string | null;
  /** Managed by Gluster (working directories, ids, pid/state files, log paths): shown, never set. */
  read_only: boolean;
}

const LOG_LEVELS = ['ERROR', 'WARNING', 'INFO', 'DEBUG'];

function opt(
  name: string,
  type: OptionType,
  def: string | null,
  description: string,
  more: Partial<Pick<OptionSpec, 'allowed_values' | 'min' | 'max' | 'read_only'>> = {},
): OptionSpec {
  return {
    name,
    description,
    type,
    allowed_values: more.allowed_values ?? null,
    min: more.min ?? null,
    max: more.max ?? null,
    default: def,
    read_only: more.read_only ?? false,
  };
}
const RO = { read_only: true };
const INT_MAX = 2147483647;

/** Every option of Gluster 10.3's `config` output, sorted by name. */
export const GEOREP_OPTIONS: readonly OptionSpec[] = [
  opt(
    'access-mount',
    'boolean',
    'false',
    "Keeps the worker's auxiliary mount of the primary volume visible instead of lazily unmounting it, so an administrator can inspect it while debugging.",
  ),
  opt(
    'allow-network',
    'string',
    '',
    'Legacy list of networks allowed to connect to a listening secondary gsyncd; Gluster 10 no longer uses it.',
  ),
  opt(
    'change-detector',
    'enum',
    'changelog',
    'How workers find changes: "changelog" reads the bricks\' changelogs (detects deletes and renames), "xsync" crawls the file system (cannot detect deletes or renames).',
    { allowed_values: ['changelog', 'xsync'] },
  ),
  opt(
    'change-interval',
    'int',
    '5',
    'Seconds a worker waits between two rounds of processing new changelogs; lower values sync sooner at a higher CPU cost.',
    { min: 1, max: 3600 },
  ),
  opt(
    'changelog-archive-format',
    'string',
    '%Y%m',
    'strftime pattern naming the archive files in which processed changelogs are kept in the working directory.',
  ),
  opt(
    'changelog-batch-size',
    'int',
    '727040',
    'Maximum total size, in bytes, of the changelog files a worker processes in one batch (a crashed batch is retried as a whole).',
    { min: 1, max: INT_MAX },
  ),
  opt(
    'changelog-log-file',
    'path',
    null,
    'Log file of the changelog consumer library used by each worker.',
    RO,
  ),
  opt('changelog-log-level', 'enum', 'INFO', 'Log level of the changelog consumer library.', {
    allowed_values: LOG_LEVELS,
  }),
  opt(
    'checkpoint',
    'string',
    '0',
    'A point in time ("now" or "YYYY-MM-DD HH:MM:SS" on the node); status then reports when everything changed before it has reached the secondary (stored as a Unix time, 0 when unset).',
  ),
  opt(
    'cli-log-file',
    'path',
    null,
    'Log file of gsyncd when the gluster CLI runs it (status, config).',
    RO,
  ),
  opt('cli-log-level', 'enum', 'INFO', 'Log level of gsyncd when the gluster CLI runs it.', {
    allowed_values: LOG_LEVELS,
  }),
  opt(
    'connection-timeout',
    'int',
    '60',
    'Seconds a worker waits for its auxiliary Gluster mount to come up before giving up.',
    { min: 1, max: INT_MAX },
  ),
  opt(
    'georep-session-working-dir',
    'path',
    null,
    "Directory under glusterd's working directory holding the session's configuration and status files.",
    RO,
  ),
  opt(
    'gfid-conflict-resolution',
    'boolean',
    'true',
    'Lets workers resolve entries whose GFID differs between primary and secondary automatically, by fixing or removing the secondary entry.',
  ),
  opt(
    'gluster-cli-options',
    'string',
    '',
    'Extra options gsyncd passes to the gluster CLI it runs on the nodes.',
  ),
  opt(
    'gluster-command',
    'command',
    'gluster',
    'Name or path of the gluster CLI that gsyncd runs; reserved by glusterd.',
    RO,
  ),
  opt(
    'gluster-command-dir',
    'path',
    '/usr/sbin',
    'Directory holding the Gluster binaries (glusterfs, gluster) on the primary nodes.',
  ),
  opt(
    'gluster-log-file',
    'path',
    null,
    "Log file of each worker's auxiliary mount of the primary volume.",
    RO,
  ),
  opt(
    'gluster-log-level',
    'enum',
    'INFO',
    "Log level of the workers' auxiliary mounts of the primary volume.",
    { allowed_values: LOG_LEVELS },
  ),
  opt(
    'gluster-logdir',
    'path',
    '/var/log/glusterfs',
    'Gluster log directory under which the session logs are written.',
    RO,
  ),
  opt(
    'gluster-params',
    'string',
    'aux-gfid-mount acl',
    "Mount options of the workers' auxiliary mounts of the primary volume.",
  ),
  opt(
    'gluster-rundir',
    'path',
    '/var/run/gluster',
    "Gluster's run directory, holding the session's PID file.",
    RO,
  ),
  opt(
    'glusterd-workdir',
    'path',
    '/var/lib/glusterd',
    "glusterd's working directory; changing it makes the session unreachable.",
    RO,
  ),
  opt(
    'gsyncd-miscdir',
    'path',
    '/var/lib/misc/gluster/gsyncd',
    'Directory under which each session keeps its working directory (processed changelogs).',
    RO,
  ),
  opt(
    'ignore-deletes',
    'boolean',
    'false',
    'When true, files deleted on the primary are kept on the secondary.',
  ),
  opt(
    'isolated-secondarys',
    'string',
    '',
    'Legacy list of secondary nodes to leave out; Gluster 10 no longer uses it.',
  ),
  opt(
    'log-file',
    'path',
    null,
    'Main gsyncd log of the session on the primary nodes (monitor and workers).',
    RO,
  ),
  opt(
    'log-level',
    'enum',
    'INFO',
    'Log level of the gsyncd monitor and workers on the primary nodes.',
    { allowed_values: LOG_LEVELS },
  ),
  opt(
    'log-rsync-performance',
    'boolean',
    'false',
    'Logs the statistics of every rsync run (files, bytes, time) in the session log; applied without restarting the workers.',
  ),
  opt(
    'max-rsync-retries',
    'int',
    '10',
    'How many times a worker retries a failing rsync or tar batch before logging the files as failures.',
    { min: 1, max: 1000 },
  ),
  opt(
    'meta-volume-mnt',
    'path',
    '/run/gluster/shared_storage',
    'Mount point of the shared storage (meta) volume used when use-meta-volume is on.',
  ),
  opt(
    'pid-file',
    'path',
    null,
    "PID file of the session's gsyncd monitor; reserved by glusterd.",
    RO,
  ),
  opt(
    'primary-disperse-count',
    'int',
    '1',
    'Disperse count of the primary volume, recorded by Gluster when the session is created.',
    RO,
  ),
  opt(
    'primary-distribution-count',
    'int',
    '1',
    'Distribution count of the primary volume, recorded by Gluster when the session is created.',
    RO,
  ),
  opt(
    'primary-replica-count',
    'int',
    '1',
    'Replica count of the primary volume, recorded by Gluster when the session is created.',
    RO,
  ),
  opt(
    'remote-gsyncd',
    'path',
    '',
    'Path of gsyncd on the secondary nodes, needed only when the SSH keys there are not restricted to gsyncd with a command= prefix (usually /usr/libexec/glusterfs/gsyncd).',
  ),
  opt(
    'replica-failover-interval',
    'int',
    '1',
    'Minimum seconds a Passive worker waits before it may become Active when the Active worker of its replica set fails.',
    { min: 0, max: INT_MAX },
  ),
  opt(
    'rsync-command',
    'command',
    'rsync',
    'Absolute path of the rsync binary used when sync-method is rsync (must be executable on every primary node).',
  ),
  opt(
    'rsync-opt-existing',
    'boolean',
    'true',
    'Passes --existing to rsync, so it only updates files the entry operations already created on the secondary.',
  ),
  opt(
    'rsync-opt-ignore-missing-args',
    'boolean',
    'true',
    'Passes --ignore-missing-args to rsync (3.1.0 and later), so files deleted meanwhile on the primary do not fail the batch.',
  ),
  opt(
    'rsync-options',
    'string',
    '',
    'Extra options added to every rsync command line, e.g. --bwlimit=10000.',
  ),
  opt(
    'rsync-ssh-options',
    'string',
    '',
    'Extra options added to the ssh command rsync uses to reach the secondary.',
  ),
  opt(
    'secondary-access-mount',
    'boolean',
    'false',
    "Keeps the secondary gsyncd's auxiliary mount of the secondary volume visible instead of lazily unmounting it, for debugging.",
  ),
  opt(
    'secondary-gluster-command-dir',
    'path',
    '/usr/sbin',
    'Directory holding the Gluster binaries on the secondary nodes.',
  ),
  opt(
    'secondary-gluster-log-file',
    'path',
    null,
    "Log file, on the secondary nodes, of the secondary gsyncd's auxiliary mount.",
    RO,
  ),
  opt(
    'secondary-gluster-log-file-mbr',
    'path',
    null,
    'Log file, on the secondary nodes, of the auxiliary mount when a non-root (mountbroker) user runs the session.',
    RO,
  ),
  opt(
    'secondary-gluster-log-level',
    'enum',
    'INFO',
    "Log level of the secondary gsyncd's auxiliary mount.",
    { allowed_values: LOG_LEVELS },
  ),
  opt(
    'secondary-gluster-params',
    'string',
    'aux-gfid-mount acl',
    "Mount options of the secondary gsyncd's auxiliary mount of the secondary volume.",
  ),
  opt('secondary-log-file', 'path', null, 'Log file of gsyncd on the secondary nodes.', RO),
  opt('secondary-log-level', 'enum', 'INFO', 'Log level of gsyncd on the secondary nodes.', {
    allowed_values: LOG_LEVELS,
  }),
  opt(
    'secondary-timeout',
    'int',
    '120',
    'Seconds of inactivity after which the secondary gsyncd disconnects from the primary; 0 disables the check.',
    { min: 0, max: INT_MAX },
  ),
  opt(
    'special-sync-mode',
    'enum',
    '',
    'Special mode for failover/failback: "recover" (used with a checkpoint to sync back from a promoted secondary; files never indexed are ignored) or "partial" (the primary knows only part of the secondary, e.g. after a brick replacement); empty for normal operation.',
    { allowed_values: ['partial', 'recover'] },
  ),
  opt(
    'ssh-command',
    'command',
    'ssh',
    'Absolute path of the ssh binary workers use to reach the secondary (must be executable on every primary node).',
  ),
  opt(
    'ssh-options',
    'string',
    '-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/secret.pem',
    'Options of the ssh connections from the workers to the secondary gsyncd (identity file, host-key checking).',
  ),
  opt(
    'ssh-options-tar',
    'string',
    '-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/tar_ssh.pem',
    'Options of the ssh connections used to stream tar archives when sync-method is tarssh.',
  ),
  opt(
    'ssh-port',
    'int',
    '22',
    'SSH port of the secondary nodes (Gluster 10.3 does not keep the create-time ssh-port here: set it after creating the session).',
    { min: 1, max: 65535 },
  ),
  opt(
    'state-file',
    'path',
    null,
    "File holding the session's monitor status (Created, Started, Paused, Stopped); reserved by glusterd.",
    RO,
  ),
  opt(
    'state-socket-unencoded',
    'string',
    '',
    'Unused, kept for backward compatibility; reserved by glusterd.',
    RO,
  ),
  opt(
    'stime-xattr-prefix',
    'string',
    null,
    'Prefix of the extended attributes in which workers record how far each brick has synced (derived from the volume ids).',
    RO,
  ),
  opt('sync-acls', 'boolean', 'true', 'Syncs POSIX ACLs to the secondary along with the data.'),
  opt(
    'sync-jobs',
    'int',
    '3',
    'Number of parallel sync jobs (rsync or tar processes) each worker runs.',
    { min: 1, max: 100 },
  ),
  opt(
    'sync-method',
    'enum',
    'rsync',
    'How file data is copied to the secondary: "rsync" over ssh, or "tarssh" (tar over ssh, often faster for many small files).',
    { allowed_values: ['rsync', 'tarssh'] },
  ),
  opt(
    'sync-xattrs',
    'boolean',
    'true',
    'Syncs extended attributes to the secondary along with the data.',
  ),
  opt(
    'tar-command',
    'command',
    'tar',
    'Absolute path of the tar binary used when sync-method is tarssh (must be executable on every primary node).',
  ),
  opt(
    'use-meta-volume',
    'boolean',
    'false',
    'Uses the shared storage (meta) volume to choose one Active worker per replica set; recommended for replicated and dispersed primaries and needs cluster.enable-shared-storage.',
  ),
  opt(
    'use-rsync-xattrs',
    'boolean',
    'false',
    'Lets rsync sync extended attributes itself (needed when the secondary is reached as a non-privileged user).',
  ),
  opt(
    'working-dir',
    'path',
    null,
    "The session's working directory on each primary node, holding the changelogs being processed.",
    RO,
  ),
];

const BY_NAME = new Map(GEOREP_OPTIONS.map((o) => [o.name, o]));

/** Gluster's option name in dash form: `sync_jobs` -> `sync-jobs`. */
export function canonicalOptionName(name: string): string {
  return name.trim().replace(/_/g, '-');
}

/** The catalogue entry for `name` (dash or underscore form), or undefined. */
export function findOption(name: string): OptionSpec | undefined {
  return BY_NAME.get(canonicalOptionName(name));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Reason why `name` cannot be set or reset, or null. */
export function validateOptionName(name: string): string | null {
  if (typeof name !== 'string' || name.trim().length === 0) return 'An option name is required.';
  const spec = findOption(name);
  if (!spec) return `"${name}" is not a geo-replication option of Gluster 10.`;
  if (spec.read_only) return `"${spec.name}" is managed by Gluster and cannot be changed.`;
  return null;
}

/** A checkpoint as the gluster CLI takes it: `now`, or a `YYYY-MM-DD HH:MM:SS` label. */
const CHECKPOINT_LABEL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Reason why `value` cannot be set for option `name`, or null. Stricter than Gluster where
 * Gluster accepts values that then misbehave (e.g. `use-meta-volume yes` is stored, and read as false).
 */
export function validateOptionValue(name: string, value: string): string | null {
  const nameProblem = validateOptionName(name);
  if (nameProblem) return nameProblem;
  const spec = findOption(name)!;
  if (typeof value !== 'string') return 'A text value is required.';
  const control = CONTROL.exec(value);
  if (control)
    return `The value cannot contain ${describeChar(control[0])} (line breaks, NUL and other control characters are refused).`;
  if (value.length === 0)
    return `An empty value cannot be set; reset "${spec.name}" to restore its default.`;
  if (value.length > 4096) return 'The value can have at most 4096 characters.';
  if (value !== value.trim()) return 'The value cannot start or end with spaces.';

  if (spec.name === 'checkpoint') {
    if (value === 'now') return null;
    const m = CHECKPOINT_LABEL.exec(value);
    if (!m) return 'A checkpoint is "now" or a time written as YYYY-MM-DD HH:MM:SS.';
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    if (
      t.getUTCFullYear() !== y ||
      t.getUTCMonth() !== mo - 1 ||
      t.getUTCDate() !== d ||
      h > 23 ||
      mi > 59 ||
      s > 59
    ) {
      return `${value} is not a valid date and time.`;
    }
    if (y < 1971) return 'A checkpoint must be after 1970.';
    return null;
  }

  switch (spec.type) {
    case 'boolean':
      return value === 'true' || value === 'false'
        ? null
        : `"${spec.name}" is either true or false.`;
    case 'int': {
      if (!/^-?\d{1,10}$/.test(value)) return `"${spec.name}" takes a whole number.`;
      const n = Number(value);
      if (spec.min !== null && n < spec.min) return `"${spec.name}" must be at least ${spec.min}.`;
      if (spec.max !== null && n > spec.max) return `"${spec.name}" must be at most ${spec.max}.`;
      return null;
    }
    case 'enum':
      return spec.allowed_values!.includes(value)
        ? null
        : `"${spec.name}" must be one of: ${spec.allowed_values!.join(', ')}.`;
    case 'command':
    case 'path':
    case 'string':
      // gsyncd turns these into command lines, paths and file names run as root: each has a
      // grammar of what it may hold (optionGrammar.ts); one without a grammar cannot be set.
      if (!GRAMMAR_OPTIONS.includes(spec.name))
        return `"${spec.name}" cannot be set through this service.`;
      return grammarProblem(spec.name, value);
  }
}

/**
 * Merges a session's config (Gluster's names, any form -> value, as the CLI prints it) with the
 * catalogue. Options Gluster printed that the catalogue does not know are kept as read-only strings.
 */
export function describeConfig(config: Record<string, string>): GeoRepConfigOption[] {
  const values = new Map(Object.entries(config).map(([k, v]) => [canonicalOptionName(k), v]));
  const out: GeoRepConfigOption[] = [];
  for (const spec of GEOREP_OPTIONS) {
    if (!values.has(spec.name)) continue;
    const value = values.get(spec.name)!;
    out.push({
      name: spec.name,
      value,
      default: spec.default,
      description: spec.description,
      type: spec.type,
      allowed_values: spec.allowed_values,
      min: spec.min,
      max: spec.max,
      modified: spec.default !== null && value !== spec.default,
      read_only: spec.read_only,
    });
    values.delete(spec.name);
  }
  for (const [name, value] of values) {
    out.push({
      name,
      value,
      default: null,
      description: '',
      type: 'string',
      allowed_values: null,
      min: null,
      max: null,
      modified: false,
      read_only: true,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
