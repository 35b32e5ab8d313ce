// When Gluster refuses a geo-replication action, whether `force` may get past the refusal: the one
// rule behind the service's `force_may_help` (409 faults of the action routes) and the tab's Force
// button. Pure, no Node-only imports.
//
// Source: glusterd's staging of `volume geo-replication ... start|stop|pause|resume|delete`,
// xlators/mgmt/glusterd/src/glusterd-geo-rep.c (gluster/glusterfs, 10.x spelling):
// glusterd_op_stage_gsync_set(), glusterd_op_verify_gsync_start_options(),
// gd_pause_resume_validation(); the simulator follows it (dev/sim/gluster/cli.ts georepAction,
// georepDelete; its README, "From glusterd-geo-rep.c"), test/node/src/georep/force.test.ts checks this
// rule against it.
// - "Geo-replication session between P and S does not exist." (session directory): skipped by
//   `stop force` only ("a fail safe method to stop geo-rep session").
// - "Peer H, which is a part of V volume, is down. ...": checked for delete, pause, resume and a
//   plain stop; only `stop force` skips it. Start does not check peers.
// - start: force skips "already started" and "Unable to spawn gsyncd"; "Volume V needs to be started
//   before geo-replication start", "has not been created", "fuse unavailable" stay.
// - stop: force skips every check of a plain stop ("not running on this node", state-file entry).
// - pause/resume: force skips gd_pause_resume_validation only ("already Paused", "is not Paused",
//   "Pause check Failed"); "not running on this node" (a node without a brick of the volume) stays.
// - delete has no force (`delete [reset-sync-time]`); "still active" wants a stop first.
// - create (glusterd_op_stage_gsync_create): force skips "Peer H, which is a part of V volume, is
//   down" and gverify's soft checks of the secondary (size, emptiness, Gluster version); its hard
//   ones (no passwordless SSH, secondary unreachable or missing: `is_force_blocker`) stay.
// Anything else (a volume that does not exist, another transaction in progress, a failure after
// staging) is not a check force skips.

/** The actions Gluster may refuse whose refusal this rule judges. */
export type ForceableAction = 'start' | 'stop' | 'pause' | 'resume' | 'delete' | 'create';

/** What Gluster's words say the refusal is about. */
export type RefusalKind =
  | 'peer_down'
  | 'session_missing'
  | 'state_file_missing'
  | 'not_running_here'
  | 'already_started'
  | 'spawn_failed'
  | 'volume_not_started'
  | 'volume_missing'
  | 'already_paused'
  | 'not_paused'
  | 'status_unreadable'
  | 'still_active'
  | 'secondary_too_small'
  | 'secondary_not_empty'
  | 'version_mismatch'
  | 'busy'
  | 'other';

/** Gluster's words (10.x and the pre-10 master/slave spelling alike), first match wins. */
const PATTERNS: readonly [RefusalKind, RegExp][] = [
  ['peer_down', /Peer \S+, which is a part of \S+ volume, is down/i],
  ['busy', /another transaction is in progress|locking failed on|unable to acquire lock/i],
  ['volume_missing', /Volume name \S+ does not exist/i],
  ['volume_not_started', /needs to be started before geo-replication start/i],
  ['session_missing', /session between \S+ and \S+ (does not exist|has not been created)/i],
  ['state_file_missing', /(state-file|state_file|pid-file) entry missing/i],
  ['not_running_here', /is not running on this node/i],
  ['already_started', /already started/i],
  ['spawn_failed', /Unable to spawn gsyncd/i],
  ['already_paused', /already Paused/i],
  ['not_paused', /is not Paused/i],
  ['status_unreadable', /Pause check Failed/i],
  ['still_active', /is still active/i],
  ['secondary_too_small', /size of (primary|master) is greater than .*size of (secondary|slave)/i],
  ['secondary_not_empty', /is not empty\. Please delete existing files/i],
  ['version_mismatch', /Gluster version mismatch between (primary|master) and (secondary|slave)/i],
];

/** The refusal Gluster's message (or a fault detail quoting it) describes. */
export function classifyRefusal(message: string): RefusalKind {
  for (const [kind, re] of PATTERNS) if (re.test(message)) return kind;
  return 'other';
}

/** Refusals each action's `force` skips at staging (see the header). */
const SKIPPED_BY_FORCE: Record<ForceableAction, ReadonlySet<RefusalKind>> = {
  start: new Set<RefusalKind>(['already_started', 'spawn_failed']),
  stop: new Set<RefusalKind>([
    'peer_down',
    'session_missing',
    'state_file_missing',
    'not_running_here',
  ]),
  pause: new Set<RefusalKind>(['already_paused', 'status_unreadable']),
  resume: new Set<RefusalKind>(['not_paused', 'status_unreadable']),
  delete: new Set<RefusalKind>(),
  create: new Set<RefusalKind>([
    'peer_down',
    'secondary_too_small',
    'secondary_not_empty',
    'version_mismatch',
  ]),
};

export function isForceableAction(action: string): action is ForceableAction {
  return Object.prototype.hasOwnProperty.call(SKIPPED_BY_FORCE, action);
}

export interface RefusalVerdict {
  kind: RefusalKind;
  /** Retrying the same action with force may succeed. Never after a forced attempt. */
  forceMayHelp: boolean;
}

/**
 * Whether retrying `action` with force may get past Gluster's refusal `message`. `forced`: the
 * refused attempt already had force, so force has nothing more to skip.
 */
export function judgeRefusal(
  action: ForceableAction,
  message: string,
  forced: boolean,
): RefusalVerdict {
  const kind = classifyRefusal(message);
  return { kind, forceMayHelp: !forced && SKIPPED_BY_FORCE[action].has(kind) };
}

export function forceMayHelp(action: ForceableAction, message: string, forced = false): boolean {
  return judgeRefusal(action, message, forced).forceMayHelp;
}

// ------------------------------------------------------------------ create
// What `force` on create can get past, by preflight check: server/preflight/catalogue.ts.

/** A session as seen from its secondary side (any cluster the user can see). */
export interface SecondaryUse {
  cluster_id: string;
  cluster_name: string;
  primary_volume: string;
  secondary_host: string;
  secondary_volume: string;
  secondary_user: string;
  status: string;
}

/**
 * The sessions that already write into the secondary volume a new session from
 * `primary_volume` of `cluster_id` would write into: the same volume name on the remote or on a
 * host of its cluster (`remoteAddresses`, lower case), other than that very session.
 */
export function otherWritersOf(
  would: {
    cluster_id: string;
    primary_volume: string;
    secondary_volume: string;
    secondary_user: string;
  },
  uses: readonly SecondaryUse[],
  remoteAddresses: ReadonlySet<string>,
): { same: SecondaryUse | null; others: SecondaryUse[] } {
  const into = uses.filter(
    (u) =>
      u.secondary_volume === would.secondary_volume &&
      remoteAddresses.has(u.secondary_host.toLowerCase().replace(/\.$/, '')),
  );
  const same =
    into.find(
      (u) =>
        u.cluster_id === would.cluster_id &&
        u.primary_volume === would.primary_volume &&
        u.secondary_user === would.secondary_user,
    ) ?? null;
  return { same, others: into.filter((u) => u !== same) };
}
