// Gluster's own prerequisites for a session, as pure rules shared by the service's preflight, its
// create and options routes, and the UI: sharded VM stores, Gluster versions, the meta-volume's
// shared storage, and the mountbroker a non-root secondary user needs. Every rule says where it
// comes from; none of them runs anything.
//
// Sources (read from gluster/glusterfs @ 595745f8e4, gluster/glusterdocs HEAD):
// - gverify.sh (geo-replication/src/gverify.sh, primary_stats/main): each side's version is
//   `gluster --version | head -1 | cut -f2 -d " "`, and `[[ $primary_version != $secondary_version ]]`
//   adds "Gluster version mismatch between primary and secondary" to the errors `create force` skips.
// - extras/group-virt.example: the `virt` option group (`gluster volume set <vol> group virt`),
//   which Gluster ships for VM images and which turns sharding on.
// - glusterfs-specs "Support geo-replication for sharded volumes" (Kotresh HR, Aravinda VK):
//   "The requirement is that the slave volume also should be sharded": gsyncd syncs the shard
//   files (`.shard/<GFID>.N`) as they are; the secondary's shard translator reassembles them with
//   ITS block size, so both must have the same one (glusterdocs Tuning-Volume-Options.md:
//   features.shard-block-size, default 64MB).
// - tarssh refused with sharding: the rule comes from issue 18; it could not be traced further:
//   neither gsyncd (no shard-specific code in
//   geo-replication/) nor glusterdocs states it, so the refusal says what to do, not a citation.
// - geo-replication/syncdaemon/primary.py (should_crawl): with use-meta-volume and no mount at
//   meta-volume-mnt (/run/gluster/shared_storage) "Meta-volume is not mounted. Worker Exiting...";
//   the mount exists only with `cluster.enable-shared-storage enable` (glusterd.h
//   GLUSTER_SHARED_STORAGE "gluster_shared_storage"); oVirt's SetGeoRepConfigCommand sets it when
//   use_meta_volume is set; gluster/glusterfs#2895 is a failback that failed without it.
import type { PreflightCheck } from './types';

// ------------------------------------------------------------------ versions

export interface GlusterVersion {
  /** As gverify compares it: the second word of `gluster --version`'s first line. */
  text: string;
  major: number;
  minor: number;
}

/**
 * `gluster --version`'s output (or its first line, or the bare version) to a version. Accepts the
 * pre-10 spellings ("glusterfs 3.12.15", "glusterfs 9.6") and the 10+ ones ("glusterfs 10.3",
 * "glusterfs 11.1"), and distribution suffixes ("10.3-5" stays "10.3-5" in text, as gverify keeps it).
 */
export function parseGlusterVersion(out: string | null | undefined): GlusterVersion | null {
  if (typeof out !== 'string') return null;
  const first = out.split('\n', 1)[0]!.trim();
  // gverify: `cut -f2 -d " "` of "glusterfs 10.3" -> "10.3"; a bare "10.3" is taken as is.
  const word = /^glusterfs\s/i.test(first) ? first.split(/\s+/)[1] : first.split(/\s+/)[0];
  const m = /^(\d+)\.(\d+)(?:[.-][0-9A-Za-z.~+-]*)?$/.exec(word ?? '');
  if (!m) return null;
  return { text: word!, major: Number(m[1]), minor: Number(m[2]) };
}

/** Numeric comparison of two versions: -1, 0, 1 ("10.3" < "10.10" < "11.1"). */
export function compareGlusterVersions(a: GlusterVersion, b: GlusterVersion): number {
  const pa = a.text.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.text.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * The versions as gverify compares them: any difference is an error Gluster's create reports and
 * `force` skips (a string comparison, so "10.3" and "10.3-5" differ too). An older secondary is
 * said so, since it may not understand what a newer primary sends.
 */
export const GLUSTER_VERSION_CHECK = {
  title: 'The secondary runs the same Gluster version as the primary',
  severity: 'forceable',
} as const;

export function versionCheck(
  primaryOut: string | null,
  secondaryOut: string | null,
): PreflightCheck {
  const id = 'gluster_version';
  const { title, severity } = GLUSTER_VERSION_CHECK;
  const p = parseGlusterVersion(primaryOut);
  const s = parseGlusterVersion(secondaryOut);
  if (!p || !s) {
    return {
      id,
      title,
      outcome: 'skipped',
      severity,
      evidence: `The Gluster version of the ${!p ? 'primary' : 'secondary'} could not be read by this service; Gluster compares them when it creates the session (gverify.sh).`,
    };
  }
  if (p.text === s.text) {
    return {
      id,
      title,
      outcome: 'pass',
      severity,
      evidence: `Both run Gluster ${p.text}.`,
    };
  }
  const order = compareGlusterVersions(s, p);
  return {
    id,
    title,
    outcome: 'fail',
    severity,
    evidence:
      `Primary Gluster ${p.text}, secondary Gluster ${s.text}. Gluster refuses to create a session between different versions unless forced ("Gluster version mismatch between primary and secondary", gverify.sh).` +
      (order < 0
        ? ' The secondary is OLDER than the primary: upgrade the secondary first (Gluster upgrades secondaries before primaries), or it may not understand what the primary sends.'
        : order > 0
          ? ' The secondary is newer: this is the order Gluster upgrades in, and Force creates the session.'
          : ' The versions differ only in their packaging suffix: Force creates the session.'),
  };
}

// ------------------------------------------------------------------ sharding

/** A volume option's on/off value as Gluster reads booleans (gf_string2boolean). */
export function glusterBool(v: string | undefined | null): boolean | null {
  if (v === undefined || v === null) return null;
  // `volume get` prints a value left at its default as "disable (DEFAULT)"
  // (glusterd-utils.c glusterd_get_default_val_for_volopt: "%s (DEFAULT)").
  const s = v
    .trim()
    .replace(/\s*\(DEFAULT\)$/i, '')
    .toLowerCase();
  if (['on', 'yes', 'true', 'enable', '1'].includes(s)) return true;
  if (['off', 'no', 'false', 'disable', '0'].includes(s)) return false;
  return null;
}

/** Gluster's default features.shard-block-size (glusterdocs Tuning-Volume-Options.md). */
export const DEFAULT_SHARD_BLOCK_SIZE = '64MB';

/** A size as Gluster's gf_string2bytesize reads it ("64MB", "512MB", "1GB", "4194304"), in bytes. */
export function parseSize(v: string): number | null {
  const m = /^\s*(\d+)\s*(B|KB|MB|GB|TB|PB|K|M|G|T|P)?\s*$/i.exec(v);
  if (!m) return null;
  const unit = (m[2] ?? 'B').toUpperCase().replace(/^([KMGTP])$/, '$1B');
  const pow = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'].indexOf(unit);
  return Number(m[1]) * 1024 ** pow;
}

export interface VolumeOptions {
  /** The volume's name, for the words. */
  name: string;
  /** `volume info`'s reconfigured options (what is not listed has Gluster's default). */
  options: Record<string, string>;
}

export const isSharded = (v: VolumeOptions): boolean =>
  glusterBool(v.options['features.shard']) === true;

export const shardBlockSize = (v: VolumeOptions): string =>
  v.options['features.shard-block-size'] ?? DEFAULT_SHARD_BLOCK_SIZE;

/**
 * The session's sync method from its options: `sync-method tarssh` or the older `use-tarssh true`
 * (both Gluster spellings, dash or underscore). Null when the options do not choose it (rsync).
 */
export function usesTarssh(config: Record<string, string | number | boolean>): boolean {
  const get = (k: string): string | undefined => {
    const v = config[k] ?? config[k.replace(/-/g, '_')];
    return v === undefined ? undefined : String(v);
  };
  const method = get('sync-method');
  if (method !== undefined) return method.trim().toLowerCase() === 'tarssh';
  return glusterBool(get('use-tarssh')) === true;
}

/** Why tarssh cannot be used with a sharded primary, in one sentence for every place that refuses it. */
export function tarsshWithShardingRefusal(primary: VolumeOptions): string {
  return `Volume ${primary.name} is sharded (features.shard on): geo-replication must sync its shards with rsync; tar over SSH is not supported with sharding. Use sync-method rsync (on Debian 12 with bookworm-security's rsync 3.5.0, install a working rsync first).`;
}

/**
 * The sharding checks: a sharded primary needs a sharded secondary with the same block size
 * (blocker: the images on the secondary would be unreadable, and force does not change that),
 * refuses tarssh (blocker), and a sharded primary is a VM store, so the secondary should carry
 * the settings of Gluster's `virt` group for the day VMs run from it (warning, never blocks).
 * Returns [] for an unsharded primary: nothing to say.
 */
export function shardingChecks(
  primary: VolumeOptions,
  secondary: VolumeOptions | null,
  config: Record<string, string | number | boolean>,
): PreflightCheck[] {
  if (!isSharded(primary)) return [];
  const checks: PreflightCheck[] = [];
  const title = 'A sharded primary goes to a sharded secondary with the same shard block size';
  if (!secondary) {
    checks.push({
      id: 'sharding',
      title,
      outcome: 'skipped',
      severity: 'blocker',
      evidence: `Volume ${primary.name} is sharded (block size ${shardBlockSize(primary)}), but the secondary volume's options could not be read: make sure it is sharded with the same features.shard-block-size before creating the session.`,
    });
  } else if (!isSharded(secondary)) {
    checks.push({
      id: 'sharding',
      title,
      outcome: 'fail',
      severity: 'blocker',
      evidence: `Volume ${primary.name} is sharded (block size ${shardBlockSize(primary)}) but ${secondary.name} is not: the images would arrive as their first ${shardBlockSize(primary)} plus loose shard files. Set features.shard on (and features.shard-block-size ${shardBlockSize(primary)}) on ${secondary.name} while it is still empty, e.g. with "gluster volume set ${secondary.name} group virt".`,
    });
  } else {
    const pb = shardBlockSize(primary);
    const sb = shardBlockSize(secondary);
    const same = parseSize(pb) !== null && parseSize(pb) === parseSize(sb);
    checks.push({
      id: 'sharding',
      title,
      outcome: same ? 'pass' : 'fail',
      severity: 'blocker',
      evidence: same
        ? `Both volumes are sharded with block size ${pb}.`
        : `${primary.name} is sharded with block size ${pb}, ${secondary.name} with ${sb}: the secondary would read the shards at the wrong offsets. Set features.shard-block-size ${pb} on ${secondary.name} while it is still empty.`,
    });
  }
  const tarssh = usesTarssh(config);
  checks.push({
    id: 'sharding_sync_method',
    title: 'The sync method works with sharding',
    outcome: tarssh ? 'fail' : 'pass',
    severity: 'blocker',
    evidence: tarssh
      ? tarsshWithShardingRefusal(primary)
      : `The session syncs ${primary.name}'s shards with rsync.`,
  });
  if (secondary) {
    const missing = VM_IMAGE_SETTINGS.filter(
      ([k, want]) => !sameOption(secondary.options[k], want),
    ).map(
      ([k, want]) => `${k}=${want}${secondary.options[k] ? ` (is ${secondary.options[k]})` : ''}`,
    );
    checks.push({
      id: 'vm_image_settings',
      title: "The secondary has Gluster's settings for VM images",
      outcome: missing.length ? 'fail' : 'pass',
      severity: 'info',
      evidence: missing.length
        ? `${primary.name} is a sharded VM store; for VMs to run from ${secondary.name} after a failover, Gluster's virt group (extras/group-virt.example) and oVirt's ownership are expected there: ${missing.join(', ')}. "gluster volume set ${secondary.name} group virt" and "storage.owner-uid/gid 36" set them; this does not block the session.`
        : `${secondary.name} carries the virt group's settings for VM images and oVirt's ownership (36:36).`,
    });
  }
  return checks;
}

/**
 * The settings checked on the secondary of a VM store: those of Gluster's virt group
 * (extras/group-virt.example) that decide whether VM images are safe to run from the volume, and
 * the vdsm:kvm ownership (36:36) oVirt needs to use a Gluster volume as a storage domain.
 */
export const VM_IMAGE_SETTINGS: readonly (readonly [string, string])[] = [
  ['performance.strict-o-direct', 'on'],
  ['network.remote-dio', 'disable'],
  ['cluster.eager-lock', 'enable'],
  ['performance.quick-read', 'off'],
  ['performance.read-ahead', 'off'],
  ['performance.io-cache', 'off'],
  ['storage.owner-uid', '36'],
  ['storage.owner-gid', '36'],
];

function sameOption(have: string | undefined, want: string): boolean {
  if (have === undefined) return false;
  const a = glusterBool(have);
  const b = glusterBool(want);
  if (a !== null && b !== null) return a === b;
  return have.trim().toLowerCase() === want.toLowerCase();
}

// ------------------------------------------------------------------ meta-volume

/** The cluster-wide option that creates and mounts gluster_shared_storage on every node. */
export const SHARED_STORAGE_OPTION = 'cluster.enable-shared-storage';

/** Whether `config` turns use-meta-volume on (either spelling). */
export function turnsMetaVolumeOn(config: Record<string, string | number | boolean>): boolean {
  const v = config['use-meta-volume'] ?? config['use_meta_volume'];
  return v !== undefined && glusterBool(String(v)) === true;
}

/** `volume get all cluster.enable-shared-storage`'s value read as on/off (null when unknown). */
export function sharedStorageEnabled(value: string | null | undefined): boolean | null {
  return glusterBool(value ?? null);
}

// ------------------------------------------------------------------ mountbroker

/** One node's row of `gluster-mountbroker status` (peer_mountbroker.py.in, CliStatus). */
export interface MountbrokerNodeStatus {
  node: string;
  up: boolean;
  /** null when the node has no mountbroker-root option ("None"). */
  mount_root: string | null;
  mount_root_ok: boolean;
  group: string | null;
  group_ok: boolean;
  /** user -> volumes, from `mountbroker-geo-replication.<user> <vol,vol>` in glusterd.vol. */
  users: Record<string, string[]>;
}

/**
 * Parses `gluster-mountbroker status`: a PrettyTable with NODE, NODE STATUS, MOUNT ROOT, GROUP,
 * USERS, where the mount root and group carry "(OK)" / "(NOT OK)" and USERS is
 * `user(vol1, vol2) user2(vol3) ` or "None" (peer_mountbroker.py.in, CliStatus.run). On a node
 * never set up, MOUNT ROOT is "None" and GROUP is "(NOT OK)" (seen on Gluster 10.3).
 * Returns null when the text is not that table.
 */
export function parseMountbrokerStatus(text: string): MountbrokerNodeStatus[] | null {
  const rows = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('|') && l.endsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  if (rows.length === 0) return null;
  const head = rows[0]!;
  if (head[0] !== 'NODE' || head[4] !== 'USERS') return null;
  const okOf = (cell: string): { value: string | null; ok: boolean } => {
    if (cell === 'None' || cell === '') return { value: null, ok: false };
    const m = /^(.*)\((OK|NOT OK)\)$/.exec(cell);
    // A node never set up prints its group as "(NOT OK)": info() gives "" for a missing
    // geo-replication-log-group (not "None"), and CliStatus appends the check to it.
    if (m && m[1]!.trim() === '') return { value: null, ok: false };
    return m ? { value: m[1]!, ok: m[2] === 'OK' } : { value: cell, ok: false };
  };
  return rows.slice(1).map((r) => {
    const root = okOf(r[2] ?? '');
    const group = okOf(r[3] ?? '');
    const users: Record<string, string[]> = {};
    const cell = r[4] ?? 'None';
    if (cell !== 'None') {
      for (const m of cell.matchAll(/([A-Za-z0-9_.-]+)\(([^)]*)\)/g)) {
        users[m[1]!] = m[2]!
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean);
      }
    }
    return {
      node: r[0] ?? '',
      up: r[1] === 'UP',
      mount_root: root.value,
      mount_root_ok: root.ok,
      group: group.value,
      group_ok: group.ok,
      users,
    };
  });
}

/** oVirt's and the Gluster docs' mountbroker root (VDSM geoRepMountBrokerSetup: 0711). */
export const DEFAULT_MOUNTBROKER_ROOT = '/var/mountbroker-root';

/** What the non-root preparation must still do, read from `gluster-mountbroker status`. */
export interface MountbrokerNeeds {
  /** `gluster-mountbroker setup <root> <group>`: some node lacks that root or group. */
  setup: boolean;
  /** `gluster-mountbroker add <volume> <user>`: some node does not list the user for the volume. */
  add: boolean;
  /** Nodes that are DOWN in the table: setup/add cannot reach them. */
  down: string[];
  /** Nodes whose mountbroker uses another group (setup would change it). */
  other_group: { node: string; group: string }[];
}

export function mountbrokerNeeds(
  status: MountbrokerNodeStatus[],
  want: { root: string; group: string; user: string; volume: string },
): MountbrokerNeeds {
  const down = status.filter((n) => !n.up).map((n) => n.node);
  const up = status.filter((n) => n.up);
  const setup = up.some(
    (n) => n.mount_root !== want.root || !n.mount_root_ok || n.group !== want.group || !n.group_ok,
  );
  const add = up.some((n) => !(n.users[want.user] ?? []).includes(want.volume));
  const other_group = up
    .filter((n) => n.group !== null && n.group !== want.group)
    .map((n) => ({ node: n.node, group: n.group! }));
  return { setup, add, down, other_group };
}

/** A mount root as `gluster-mountbroker setup` takes it: an absolute path, no `..`, no spaces. */
export function validateMountRoot(path: string): string | null {
  if (typeof path !== 'string' || path.length === 0) return 'A mountbroker root is required.';
  if (path.length > 255) return 'A mountbroker root can have at most 255 characters.';
  if (!path.startsWith('/')) return 'The mountbroker root must be an absolute path.';
  if (!/^\/[A-Za-z0-9_./-]*$/.test(path))
    return 'The mountbroker root may contain only letters, digits, "/", ".", "-" and "_" (glusterd.vol keeps it as one word).';
  if (path.split('/').some((c) => c === '..' || c === '.'))
    return 'The mountbroker root cannot contain "." or ".." components.';
  if (
    path === '/' ||
    /^\/(etc|usr|bin|sbin|lib|lib64|boot|proc|sys|dev|root|home|run|tmp)(\/|$)/.test(path)
  )
    return `"${path}" is a system directory: gluster-mountbroker setup chmods it 0711.`;
  return null;
}
