// Known geo-replication failures: how each shows in a worker's gsyncd.log (or its status), what
// it means and what to do. Matched against the lines the service reads from the worker's node
// (server/gluster/probe.ts); shown next to them in the session's details. Each entry says where
// it was seen. An error that matches nothing still shows its lines.

export interface KnownFailure {
  id: string;
  title: string;
  /** What it means, in an administrator's words. */
  meaning: string;
  /** What to do. */
  remedy: string;
  /** Where this failure was seen or is defined (issue, source file). */
  seen_in: string[];
  /** Log text that recognises it (any of them, over one log entry, traceback included). */
  patterns: RegExp[];
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [
  {
    id: 'ssh_refused',
    title: 'The secondary refuses the SSH login',
    meaning:
      "The worker's SSH to the secondary node is refused, so the worker cannot start gsyncd there and stays Faulty.",
    remedy:
      "Set up passwordless SSH again (New session › Passwordless SSH, or `gluster volume geo-replication <primary> <secondary> create push-pem force`), check that the secondary's authorized_keys still holds Gluster's command= keys, and that sshd on the secondary allows the session's user.",
    seen_in: ['gluster/glusterfs#1754', 'gluster/glusterfs#4187'],
    patterns: [/Permission denied \((?:publickey|password)/, /Host key verification failed/],
  },
  {
    id: 'ssh_unreachable',
    title: 'The secondary node cannot be reached over SSH',
    meaning:
      'The connection to the secondary node fails before login (name, route, port or firewall), so the worker cannot start.',
    remedy:
      "Check that the secondary node's name resolves from this node, that the session's ssh-port is the secondary's sshd port, and that no firewall blocks it.",
    seen_in: ['syncdaemon/resource.py connect_remote', 'gluster/glusterfs#2700'],
    patterns: [
      /ssh: connect to host .* (?:Connection refused|No route to host|Connection timed out)/,
      /ssh: Could not resolve hostname/,
    ],
  },
  {
    id: 'peer_broken_misconfigured',
    title: 'Gluster’s geo-replication keys on the secondary do not match',
    meaning:
      'gsyncd found the SSH connection broken with "No such file or directory": the command= keys on the secondary point to a gsyncd that is not there, usually after a reinstall or a session created twice.',
    remedy:
      'Remove the keys geo-replication added to the secondary nodes’ authorized_keys, then run the create with push-pem force again (Gluster’s own advice in this log entry).',
    seen_in: ['syncdaemon/syncdutils.py log_raise_exception', 'gluster/glusterfs#732'],
    patterns: [/most likely due to MISCONFIGURATION/],
  },
  {
    id: 'rsync_retry_loop',
    title: 'rsync fails and the same changelogs are retried',
    meaning:
      'Data of a changelog could not be synced; gsyncd retries the whole changelog, which slows or stops replication. rsync exit 23 is a partial transfer (a file vanished or could not be written), 12 a broken data stream, 22 a memory allocation failure, 255 an SSH failure.',
    remedy:
      'Look at the rsync error lines below for the file and reason; check the secondary volume is started, writable and not full, that rsync is installed on both sides in compatible versions, and consider sync-method tarssh. If only vanished files are named, the retries end by themselves.',
    seen_in: [
      'syncdaemon/primary.py process ("incomplete sync, retrying changelogs")',
      'gluster/glusterfs#2306',
      'gluster/glusterfs#914',
      'gluster/glusterfs#3260',
      'gluster/glusterfs#4200',
    ],
    patterns: [
      /incomplete sync, retrying changelogs/,
      /rsync.*error(?:=| code )(?:12|22|23|255)\b/,
    ],
  },
  {
    id: 'history_crawl_failed',
    title: 'The changelog history crawl failed',
    meaning:
      'After a restart the worker could not replay the changelogs recorded while it was away, so it exits and the monitor restarts it, Faulty in a loop.',
    remedy:
      'Check that changelog is still enabled on the primary volume (changelog.changelog on) and that the brick’s .glusterfs/changelogs is intact. If it keeps failing, a stop and start of the session, or as a last resort deleting it with reset-sync-time and creating it again (a full resync), clears it.',
    seen_in: [
      'syncdaemon/resource.py ("Changelog History Crawl failed")',
      'gluster/glusterfs#2133',
    ],
    patterns: [/Changelog History Crawl failed/, /Changelog crawl failed/],
  },
  {
    id: 'secondary_volume_down',
    title: 'The secondary volume is not started or not reachable',
    meaning:
      'The worker could not mount or use the secondary volume: it is stopped, a brick of it is down, or its node is not reachable from the secondary node.',
    remedy:
      'Start the secondary volume (gluster volume start <volume> on the secondary) and check its bricks are online; the workers come back on their own within a minute.',
    seen_in: [
      'syncdaemon/resource.py GLUSTER connect',
      'shared/reference/gluster-local.md (Faulty 48 s after the secondary volume was stopped)',
    ],
    patterns: [
      /Transport endpoint is not connected/,
      /Volume \S+ is not started/,
      /failed to mount|Mount failed|mount error/i,
      /ENOTCONN/,
    ],
  },
  {
    id: 'secondary_full',
    title: 'The secondary volume is full',
    meaning:
      'Writes on the secondary fail with "No space left on device"; nothing more can be synced.',
    remedy: 'Free space or grow the secondary volume; geo-replication resumes on its own.',
    seen_in: ['errno ENOSPC in syncdaemon/syncdutils.py errno_wrap retries'],
    patterns: [/No space left on device|ENOSPC/],
  },
  {
    id: 'io_error_split_brain',
    title: 'Input/output error on the primary: a brick down or a split brain',
    meaning:
      'gsyncd reads files through the primary volume; an input/output error there means a brick is down or a file is in split brain. It waits by design until that is fixed.',
    remedy:
      'Bring the brick back or resolve the split brain (gluster volume heal <volume> info split-brain); geo-replication then proceeds by itself.',
    seen_in: ['syncdaemon/syncdutils.py log_raise_exception', 'gluster/glusterfs#2814'],
    patterns: [/Input\/[Oo]utput error/],
  },
  {
    id: 'worker_not_confirmed',
    title: 'The worker did not come up in time',
    meaning:
      'The monitor killed a worker that did not confirm its start: gsyncd on the secondary (over SSH) or the primary mount hung.',
    remedy:
      'Check the secondary node answers SSH quickly and the primary and secondary volumes are healthy; restarting the hung volume helps, as Gluster’s own message says.',
    seen_in: ['syncdaemon/monitor.py ("Worker not confirmed after wait")'],
    patterns: [/Worker not confirmed after wait/],
  },
  {
    id: 'meta_volume_missing',
    title: 'use-meta-volume is on but the shared storage is not mounted',
    meaning:
      'With use-meta-volume, workers coordinate through Gluster’s shared storage; without it mounted on every primary node they fail.',
    remedy:
      'Enable shared storage (gluster volume set all cluster.enable-shared-storage enable) and check it is mounted at /run/gluster/shared_storage on every primary node, or turn use-meta-volume off.',
    seen_in: [
      'syncdaemon/primary.py ("Meta-volume is not mounted. Worker Exiting...")',
      'gluster/glusterfs#2895',
    ],
    patterns: [/Meta-volume is not mounted/],
  },
];

/**
 * What a session's status alone shows to be fragile (not in any log): every worker talks to one
 * secondary node, so losing that node makes every worker Faulty; Gluster does not fail over to
 * another secondary node (gluster/glusterfs#3956).
 */
export interface StatusFinding {
  id: 'single_secondary_node';
  title: string;
  meaning: string;
  remedy: string;
  seen_in: string[];
}

export function statusFindings(
  workers: readonly { status: string; secondary_node: string | null }[],
): StatusFinding[] {
  const running = workers.filter((w) => w.status === 'Active' || w.status === 'Passive');
  const nodes = new Set(running.map((w) => w.secondary_node).filter((n): n is string => !!n));
  if (running.length < 2 || nodes.size !== 1) return [];
  const [node] = [...nodes];
  return [
    {
      id: 'single_secondary_node',
      title: `Every worker replicates through one secondary node (${node})`,
      meaning: `If ${node} goes down, every worker of the session turns Faulty: Gluster does not move them to another node of the secondary volume.`,
      remedy:
        'Keep that node healthy, or recreate the session naming another secondary node; watch for Faulty alerts.',
      seen_in: ['gluster/glusterfs#3956'],
    },
  ];
}

/** The entries whose patterns match any of these log texts, in catalogue order. */
export function matchKnownFailures(texts: readonly string[]): KnownFailure[] {
  return KNOWN_FAILURES.filter((f) => f.patterns.some((p) => texts.some((t) => p.test(t))));
}

/** Secrets a log line may carry, masked before it leaves the service. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    '[private key masked]',
  ],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [masked]'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g, '[token masked]'],
  [
    /\b(password|passwd|pass|secret|token|api[_-]?key)(\s*[=:]\s*|\s+)("[^"]*"|'[^']*'|\S+)/gi,
    '$1$2[masked]',
  ],
  [/(sshpass\s+-p\s*)\S+/g, '$1[masked]'],
  [/(:\/\/[^:/\s@]+:)[^@/\s]+@/g, '$1[masked]@'],
];

export function maskSecrets(text: string): string {
  let out = text;
  for (const [re, to] of SECRET_PATTERNS) out = out.replace(re, to);
  return out;
}

/**
 * rsync versions seen to sync 0 bytes through gsyncd without an error: Debian 12's security
 * update 3.5.0+ds1-0+deb12u1 (gluster-local.md); 3.2.7 works. Versions from 3.5.0 on are flagged.
 */
export function rsyncCopiesNothing(version: string): boolean {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!m) return false;
  const [maj, min, pat] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return maj > 3 || (maj === 3 && (min > 5 || (min === 5 && pat >= 0)));
}
