// Preflight: everything that can be known about a would-be session before creating it, each check
// with its evidence. Facts come from the engine (volumes it manages: cluster, status, capacity;
// every session of every Gluster cluster the user can see) and from Gluster itself (`volume info`
// on the remote). A remote this engine manages is asked by the service directly (its key is on
// every engine host); any other remote is asked from the source host over that host's passwordless
// SSH, as Gluster's own create (gverify) asks it: the service has no key or known host key for a
// machine outside the engine, and should not need one.
//
// Severity follows what can be bypassed: `blocker` (nothing makes it work: missing or stopped
// volume, same cluster, unreachable remote, secondary already in use), `forceable` (Gluster's own
// create-time checks that `force` skips: size, emptiness; oVirt's eligibility rules that its own UI
// bypasses with force: Gluster versions), `info` (never blocks, even when it fails: oVirt's cluster
// compatibility rule, which Gluster does not depend on).
import { rsyncCheck, stringConfig } from './rsync-check';
import { mountbrokerCheck } from './mountbroker/flow';
import {
  sharedStorageEnabled,
  shardingChecks,
  turnsMetaVolumeOn,
  versionCheck,
} from '../src/georep/prerequisites';
import type { FastifyBaseLogger } from 'fastify';
import type { PreflightCheck, ProvisionedVolume, SessionKey } from '../src/georep/types';
import { secondaryUrl } from './audit';
import type { Principal } from './auth';
import type { ServiceContext } from './context';
import { CREATE_CHECK_SEVERITY, otherWritersOf, type SecondaryUse } from '../src/georep/force';
import { checkCreateInput, type CheckedCreateInput, type CreateInput } from './domain';
import type { EngineCluster, EngineHost, EngineVolume, VolumeCapacity } from './engine';
import { runDirectoryPreflight } from './directory-target';
import { ApiError } from './errors';
import { createGlusterClient } from './gluster/client';
import { GlusterTimeoutError, GlusterUnreachableError, type GlusterExec } from './gluster/exec';
import type { RemoteGluster, RemoteLogin } from './gluster/provision';
import { remoteHostProblem } from './remoteHost';
import { classifySsh } from './ssh/commands';
import {
  GlusterCommandError,
  type GlusterClient,
  type ParsedPeer,
  type ParsedVolume,
} from './gluster/types';

export interface PreflightContext {
  principal: Principal;
  cluster: EngineCluster;
  input: CheckedCreateInput;
  /** The host of the cluster the session would be created from, when the request names one. */
  sourceHost: EngineHost | null;
  log: FastifyBaseLogger;
}

/** Checks that other parts of the product supply later. */
export interface PreflightHooks {
  /**
   * Passwordless SSH from the source host to `secondary_user@secondary_host:ssh_port`.
   * Not wired yet (its own issue): until then the check is reported as skipped.
   */
  passwordlessSsh?: (c: PreflightContext) => Promise<PreflightCheck>;
}

/** Optional probes a GlusterClient may offer; used when present. */
interface OptionalProbes {
  /** `gluster --version` on a node: e.g. "10.3". */
  version?(node: string): Promise<string>;
  /** Whether the volume's root holds nothing but .trashcan (VDSM's volumeEmptyCheck). */
  volumeEmpty?(node: string, volume: string): Promise<boolean>;
}

export interface PreflightResult {
  check: PreflightCheck[];
  can_create: boolean;
  can_create_with_force: boolean;
  /** For a directory target: the volume the create would provision (or reuse) there. */
  provisioned_volume?: ProvisionedVolume;
  /** For a directory target: what the create would do, in plain words. */
  plan?: string;
}

const GiB = 1024 ** 3;
/** Used space up to this share of the volume counts as file-system overhead, not data. */
const EMPTY_USED_RATIO = 0.01;

const fmtBytes = (n: number): string =>
  n >= GiB ? `${(n / GiB).toFixed(n % GiB === 0 ? 0 : 1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;

type RemoteProbe =
  | { kind: 'ok'; volume: ParsedVolume | null; version: string | null; empty: boolean | null }
  | { kind: 'no_ssh'; from: string; message: string }
  | { kind: 'no_volume'; message: string; version: string | null }
  | { kind: 'no_gluster'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'refused'; message: string };

export async function runPreflight(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  body: CreateInput,
  log: FastifyBaseLogger,
): Promise<PreflightResult> {
  const input = checkCreateInput(body, { sourceHostRequired: false });
  if (input.target.kind === 'path')
    return runDirectoryPreflight(ctx, p, cluster, input, input.target.path, log);
  const key: SessionKey = {
    primary_volume: input.primary_volume,
    secondary_host: input.secondary_host,
    secondary_volume: input.secondary_volume,
    secondary_user: input.secondary_user,
  };
  const engineFacts = await engineSide(ctx, p, cluster, key, log);
  const sourceOf = (hosts: EngineHost[]): EngineHost | null =>
    input.source_host_id ? (hosts.find((h) => h.id === input.source_host_id) ?? null) : null;
  const remote = await probeRemote(ctx, key, {
    managed: engineFacts.remoteCluster !== null,
    sourceHost: sourceOf(engineFacts.ownHosts),
    port: input.ssh_port,
  });
  const {
    ownHosts,
    remoteCluster,
    primaryVolume,
    primaryCapacity,
    secondaryVolume,
    secondaryCapacity,
    usage,
  } = engineFacts;
  const sourceHost = input.source_host_id
    ? (ownHosts.find((h) => h.id === input.source_host_id) ?? null)
    : null;
  const checks: PreflightCheck[] = [];
  const add = (c: PreflightCheck): void => {
    checks.push(c);
  };

  // ---- the primary side
  for (const c of primarySideChecks(cluster, input, key, engineFacts, sourceHost)) add(c);
  const rsync = await rsyncCheck(ctx.probe, sourceHost, stringConfig(input.config));
  if (rsync) add(rsync);

  // ---- same cluster (or this machine, under any spelling or address): refused
  const ownAddress = ownHosts.find((h) => sameHost(h, key.secondary_host));
  const sameVolumeCluster = secondaryVolume && secondaryVolume.cluster_id === cluster.id;
  const resolved = ownAddress
    ? null
    : await remoteHostProblem(
        key.secondary_host,
        cluster,
        ownHosts,
        ctx.resolveHost,
        ctx.allowLocalRemote,
      );
  add(
    resolved
      ? check('same_cluster', 'The secondary is in another cluster', 'fail', 'blocker', resolved)
      : ownAddress || sameVolumeCluster || remoteCluster?.id === cluster.id
        ? check(
            'same_cluster',
            'The secondary is in another cluster',
            'fail',
            'blocker',
            `${key.secondary_host} is ${ownAddress ? `host ${ownAddress.name}` : 'a host'} of cluster ${cluster.name} itself; the secondary volume must be in another cluster.`,
          )
        : check(
            'same_cluster',
            'The secondary is in another cluster',
            'pass',
            'blocker',
            remoteCluster
              ? `${key.secondary_host} is in cluster ${remoteCluster.name}.`
              : `${key.secondary_host} is not a host of cluster ${cluster.name}.`,
          ),
  );

  // ---- the remote, as Gluster on it answers. Who asked matters: a remote this engine manages is
  // asked by the service (the engine's key), so its answer says nothing of SSH from the source host.
  const askedBy =
    remoteCluster || !ctx.remote || sourceHost?.status !== 'up'
      ? 'this service (over the SSH it uses for Gluster hosts)'
      : `${sourceHost.name} (over its passwordless SSH, as Gluster's create does)`;
  const managed = remoteCluster
    ? ` It is managed by this engine (cluster ${remoteCluster.name}).`
    : ' It is not managed by this engine.';
  switch (remote.kind) {
    case 'no_ssh':
      add(
        check(
          'remote_reachable',
          'The remote host can be reached',
          'skipped',
          'blocker',
          `Gluster on ${key.secondary_host} is asked from ${remote.from} over its passwordless SSH, which does not work yet: ${remote.message}. Gluster checks the remote itself when it creates the session.${managed}`,
        ),
      );
      add(
        check(
          'remote_gluster',
          'Gluster is installed on the remote host',
          'skipped',
          'blocker',
          'Checked once passwordless SSH works (Gluster checks it when it creates the session).',
        ),
      );
      break;
    case 'unreachable':
      add(
        check(
          'remote_reachable',
          'The remote host can be reached',
          'fail',
          'blocker',
          `${remote.message}.${managed}`,
        ),
      );
      add(
        check(
          'remote_gluster',
          'Gluster is installed on the remote host',
          'skipped',
          'blocker',
          'The remote host could not be reached.',
        ),
      );
      break;
    case 'no_gluster':
      add(
        check(
          'remote_reachable',
          'The remote host can be reached',
          'pass',
          'blocker',
          `${key.secondary_host} answered ${askedBy}.${managed}`,
        ),
      );
      add(
        check(
          'remote_gluster',
          'Gluster is installed on the remote host',
          'fail',
          'blocker',
          `Running gluster on ${key.secondary_host} failed: ${remote.message}`,
        ),
      );
      break;
    default: {
      add(
        check(
          'remote_reachable',
          'The remote host can be reached',
          'pass',
          'blocker',
          `${key.secondary_host} answered ${askedBy}.${managed}`,
        ),
      );
      const version = remote.kind === 'refused' ? null : remote.version;
      add(
        check(
          'remote_gluster',
          'Gluster is installed on the remote host',
          'pass',
          'blocker',
          version
            ? `Gluster ${version} answered on ${key.secondary_host}.`
            : `Gluster answered on ${key.secondary_host}.`,
        ),
      );
    }
  }

  // ---- Gluster versions, as gverify compares them (src/georep/prerequisites.ts)
  const primaryVersion = await versionOf(
    ctx.gluster,
    (sourceHost ?? ownHosts.find((h) => h.status === 'up'))?.address,
  );
  const secondaryVersion =
    remote.kind === 'ok' || remote.kind === 'no_volume' ? remote.version : null;
  add(versionCheck(primaryVersion, secondaryVersion));

  // ---- cluster compatibility version (oVirt's eligibility rule, for volumes it manages)
  if (remoteCluster && remoteCluster.id !== cluster.id) {
    const a = cluster.version;
    const b = remoteCluster.version;
    if (a && b) {
      const same = a.major === b.major && a.minor === b.minor;
      add(
        check(
          'cluster_compatibility',
          'Both clusters have the same compatibility version',
          same ? 'pass' : 'fail',
          'info',
          `Cluster ${cluster.name} is at compatibility version ${a.major}.${a.minor}, cluster ${remoteCluster.name} at ${b.major}.${b.minor}.` +
            (same
              ? ''
              : " oVirt's own dialog offers only volumes of clusters at the same version; Gluster itself does not depend on it, so this does not block."),
        ),
      );
    }
  }

  // ---- the secondary volume: exists and is started
  const glusterVol = remote.kind === 'ok' ? remote.volume : null;
  let exists: boolean | null = null;
  let evidence = '';
  if (remote.kind === 'ok' && glusterVol) {
    exists = true;
    evidence = `Gluster on ${key.secondary_host} lists volume ${glusterVol.name} (${glusterVol.type}, ${glusterVol.brick_count} bricks).`;
  } else if (remote.kind === 'no_volume' || (remote.kind === 'ok' && !glusterVol)) {
    exists = false;
    evidence =
      remote.kind === 'no_volume'
        ? `Gluster on ${key.secondary_host} says: ${remote.message}`
        : `Gluster on ${key.secondary_host} does not list volume ${key.secondary_volume}.`;
  } else if (remoteCluster) {
    exists = secondaryVolume !== null;
    evidence = secondaryVolume
      ? `The engine lists volume ${secondaryVolume.name} in cluster ${remoteCluster.name}.`
      : `Cluster ${remoteCluster.name} has no volume named ${key.secondary_volume} (per the engine).`;
  }
  add(
    exists === null
      ? check(
          'secondary_volume_exists',
          'The secondary volume exists',
          'skipped',
          'blocker',
          `Neither Gluster on ${key.secondary_host} nor the engine could tell. ${remote.kind !== 'ok' && 'message' in remote ? remote.message : ''}`.trim(),
        )
      : check(
          'secondary_volume_exists',
          'The secondary volume exists',
          exists ? 'pass' : 'fail',
          'blocker',
          evidence,
        ),
  );
  if (exists) {
    const status = glusterVol
      ? glusterVol.status
      : secondaryVolume
        ? secondaryVolume.status === 'up'
          ? 'Started'
          : 'Stopped'
        : null;
    add(
      check(
        'secondary_volume_started',
        'The secondary volume is started',
        status === 'Started' ? 'pass' : 'fail',
        'blocker',
        `Volume ${key.secondary_volume} on ${key.secondary_host} is ${status ?? 'in an unknown state'}${glusterVol ? ' (per Gluster)' : ' (per the engine)'}.`,
      ),
    );
  } else {
    add(
      check(
        'secondary_volume_started',
        'The secondary volume is started',
        'skipped',
        'blocker',
        'The secondary volume was not found.',
      ),
    );
  }

  // ---- size: secondary >= primary (Gluster's create-time check; force skips it)
  const pTotal = primaryCapacity?.total_bytes ?? null;
  const sTotal = secondaryCapacity?.total_bytes ?? null;
  if (exists && pTotal !== null && sTotal !== null) {
    const ok = sTotal >= pTotal;
    add(
      check(
        'secondary_size',
        'The secondary volume is at least as large as the primary',
        ok ? 'pass' : 'fail',
        'forceable',
        `Primary ${key.primary_volume}: ${fmtBytes(pTotal)}; secondary ${key.secondary_volume}: ${fmtBytes(sTotal)} (per the engine's volume statistics).`,
      ),
    );
  } else {
    const why = !exists
      ? 'The secondary volume was not found.'
      : !primaryVolume
        ? `The engine has no capacity for primary volume ${key.primary_volume}.`
        : !remoteCluster
          ? 'The secondary volume is not managed by this engine, so its capacity is not known here; Gluster compares the sizes when it creates the session (unless forced).'
          : 'The engine has no capacity statistics for one of the volumes.';
    add(
      check(
        'secondary_size',
        'The secondary volume is at least as large as the primary',
        'skipped',
        'forceable',
        why,
      ),
    );
  }

  // ---- emptiness (Gluster's create-time check; force skips it)
  add(emptiness(exists === true, remote, secondaryCapacity, key, !!remoteCluster));

  // ---- sharded VM stores (src/georep/prerequisites.ts)
  const pvOpts = engineFacts.primaryStatus?.volumes.find((v) => v.name === key.primary_volume);
  if (pvOpts) {
    for (const c of shardingChecks(
      pvOpts,
      remote.kind === 'ok' ? remote.volume : null,
      stringConfig(input.config),
    ))
      add(c);
  }

  // ---- use-meta-volume needs the shared storage; create enables it (as oVirt does)
  if (turnsMetaVolumeOn(input.config))
    add(await sharedStorageCheck(ctx, engineFacts.primaryStatus?.node ?? null));

  // ---- not already the secondary of another session (one rule with create: src/georep/force.ts)
  const { same, others } = otherWritersOf(
    { cluster_id: cluster.id, ...key },
    usage.sessions,
    usage.remoteAddresses,
  );
  if (same) {
    add(
      check(
        'session_exists',
        'No such session exists yet',
        'fail',
        CREATE_CHECK_SEVERITY.session_exists!,
        `A session from ${key.primary_volume} to ${secondaryUrl(same)} already exists (state ${same.status}).`,
      ),
    );
  }
  const unread = usage.unread.length
    ? ` Could not read the sessions of: ${usage.unread.join('; ')}.`
    : '';
  add(
    others.length
      ? check(
          'secondary_not_in_use',
          'The secondary volume is not the secondary of another session',
          'fail',
          CREATE_CHECK_SEVERITY.secondary_not_in_use!,
          `Volume ${key.secondary_volume} is already the secondary of ${others.map((o) => `${o.primary_volume} (cluster ${o.cluster_name}, ${o.status})`).join(', ')}.${unread}`,
        )
      : check(
          'secondary_not_in_use',
          'The secondary volume is not the secondary of another session',
          'pass',
          CREATE_CHECK_SEVERITY.secondary_not_in_use!,
          `No session of the ${usage.clusters} Gluster cluster(s) you can see uses ${key.secondary_volume} on ${key.secondary_host}.${unread}`,
        ),
  );

  // ---- non-root: the mountbroker on the remote, and what create will do (server/mountbroker/)
  if (key.secondary_user !== 'root') {
    add(
      await mountbrokerCheck(ctx, {
        key,
        group: input.secondary_group ?? key.secondary_user,
        managed: remoteCluster !== null,
      }),
    );
  }

  // ---- passwordless SSH (its own issue: a hook)
  const pctx: PreflightContext = { principal: p, cluster, input, sourceHost, log };
  add(
    ctx.hooks.passwordlessSsh
      ? await ctx.hooks
          .passwordlessSsh(pctx)
          .catch((err: unknown) =>
            check(
              'passwordless_ssh',
              'Passwordless SSH to the remote works',
              'skipped',
              'forceable',
              `The check failed to run: ${err instanceof Error ? err.message : String(err)}`,
            ),
          )
      : check(
          'passwordless_ssh',
          'Passwordless SSH to the remote works',
          'skipped',
          'info',
          `Not checked by this service yet. Create (push-pem) needs root on the source host to log in to ${key.secondary_user === 'root' ? 'root' : key.secondary_user}@${key.secondary_host} without a password.`,
        ),
  );

  // An `info` check never blocks, whatever its outcome.
  const can_create = checks.every((c) => c.outcome !== 'fail' || c.severity === 'info');
  const can_create_with_force = checks.every(
    (c) => c.outcome !== 'fail' || c.severity !== 'blocker',
  );
  return { check: checks, can_create, can_create_with_force };
}

/** The checks of the primary side, the same for a volume and a directory target. */
export function primarySideChecks(
  cluster: EngineCluster,
  input: Pick<CheckedCreateInput, 'source_host_id'>,
  key: SessionKey,
  facts: Pick<Awaited<ReturnType<typeof engineSide>>, 'primaryStatus' | 'primaryError'> & {
    primaryPeers?: ParsedPeer[] | null;
  },
  sourceHost: EngineHost | null,
): PreflightCheck[] {
  const { primaryStatus } = facts;
  const checks: PreflightCheck[] = [];
  const add = (c: PreflightCheck): void => {
    checks.push(c);
  };
  const pv = primaryStatus?.volumes.find((v) => v.name === key.primary_volume) ?? null;
  if (primaryStatus === null) {
    add(
      check(
        'primary_volume',
        'The primary volume exists and is started',
        'skipped',
        'blocker',
        `Gluster of cluster ${cluster.name} could not be read: ${facts.primaryError}`,
      ),
    );
  } else if (!pv) {
    add(
      check(
        'primary_volume',
        'The primary volume exists and is started',
        'fail',
        'blocker',
        `Cluster ${cluster.name} has no volume named ${key.primary_volume}.`,
      ),
    );
  } else {
    const started = pv.status === 'Started';
    add(
      check(
        'primary_volume',
        'The primary volume exists and is started',
        started ? 'pass' : 'fail',
        'blocker',
        `Volume ${pv.name} (${pv.type}, ${pv.brick_count} bricks) is ${pv.status} in cluster ${cluster.name}.` +
          (started ? '' : ' Start it first: geo-replication reads its changelog.'),
      ),
    );
  }
  if (pv && pv.status === 'Started' && facts.primaryPeers !== undefined) {
    add(primaryPeersCheck(pv, facts.primaryPeers ?? null, primaryStatus?.node ?? null));
  }
  if (input.source_host_id) {
    add(
      !sourceHost
        ? check(
            'source_host',
            'The source host is an Up host of the cluster',
            'fail',
            'blocker',
            `No host with id ${input.source_host_id} in cluster ${cluster.name}.`,
          )
        : check(
            'source_host',
            'The source host is an Up host of the cluster',
            sourceHost.status === 'up' ? 'pass' : 'fail',
            'blocker',
            `Host ${sourceHost.name} (${sourceHost.address}) is ${sourceHost.status.replace(/_/g, ' ')}.`,
          ),
    );
  }
  return checks;
}

/**
 * Every node holding a brick of the primary volume is up in Gluster's pool. Gluster refuses to
 * create a session otherwise, and `create ... force` goes ahead (glusterd-geo-rep.c,
 * glusterd_op_stage_gsync_create: "Peer H, which is a part of V volume, is down. Please bring up
 * the peer and retry."; with force: "Force creating geo-rep session. On bringing up the peer,
 * re-run gsec_create and create push-pem force"). It also refuses pause, resume, delete and a
 * plain stop while the peer is down.
 */
export function primaryPeersCheck(
  pv: ParsedVolume,
  peers: ParsedPeer[] | null,
  readOn: string | null,
): PreflightCheck {
  const title = 'Every node with a brick of the primary volume is up';
  if (peers === null) {
    return check(
      'primary_peers',
      title,
      'skipped',
      'forceable',
      `Gluster's peer status could not be read${readOn ? ` on ${readOn}` : ''}; Gluster checks the peers itself when it creates the session.`,
    );
  }
  const down = new Set<string>();
  for (const b of pv.bricks) {
    const peer = peers.find(
      (x) =>
        (b.host_uuid && x.uuid === b.host_uuid) ||
        x.hostname.toLowerCase() === b.host.toLowerCase(),
    );
    // The node the peers were read on is not in its own list: it answered, so it is up.
    if (peer && !peer.connected) down.add(b.host);
  }
  if (down.size === 0) {
    return check(
      'primary_peers',
      title,
      'pass',
      'forceable',
      `Every node with a brick of ${pv.name} is connected in Gluster's pool${readOn ? ` (read on ${readOn})` : ''}.`,
    );
  }
  const names = [...down].join(', ');
  return check(
    'primary_peers',
    title,
    'fail',
    'forceable',
    `${names} ${down.size === 1 ? 'is' : 'are'} down in Gluster's pool and ${down.size === 1 ? 'holds' : 'hold'} bricks of ${pv.name}. Gluster refuses to create the session unless forced; with Force it is created, but the bricks there get no worker until the node is back, and then "gluster system:: execute gsec_create" and a create push-pem force must be run again. Pause, resume, remove and a plain stop are refused while a node is down.`,
  );
}

export function check(
  id: string,
  title: string,
  outcome: PreflightCheck['outcome'],
  severity: PreflightCheck['severity'],
  evidence: string,
): PreflightCheck {
  return { id, title, outcome, severity, evidence };
}

export function sameHost(h: EngineHost, name: string): boolean {
  const n = name.toLowerCase();
  return h.address.toLowerCase() === n || h.name.toLowerCase() === n;
}

function emptiness(
  exists: boolean,
  remote: RemoteProbe,
  cap: VolumeCapacity | null,
  key: SessionKey,
  managed: boolean,
): PreflightCheck {
  const title = 'The secondary volume is empty';
  if (!exists)
    return check(
      'secondary_empty',
      title,
      'skipped',
      'forceable',
      'The secondary volume was not found.',
    );
  if (remote.kind === 'ok' && remote.empty !== null) {
    return check(
      'secondary_empty',
      title,
      remote.empty ? 'pass' : 'fail',
      'forceable',
      remote.empty
        ? `The root of ${key.secondary_volume} holds nothing (per Gluster on ${key.secondary_host}).`
        : `The root of ${key.secondary_volume} holds files or directories (per Gluster on ${key.secondary_host}).`,
    );
  }
  if (cap && cap.used_bytes !== null && cap.total_bytes) {
    const ratio = cap.used_bytes / cap.total_bytes;
    const empty = ratio <= EMPTY_USED_RATIO;
    return check(
      'secondary_empty',
      title,
      empty ? 'pass' : 'fail',
      'forceable',
      `The engine reports ${fmtBytes(cap.used_bytes)} used of ${fmtBytes(cap.total_bytes)} on ${key.secondary_volume}` +
        (empty
          ? ' (no more than file-system overhead); Gluster checks the volume root when it creates the session.'
          : `: it holds data. Gluster refuses a secondary that is not empty unless forced, and forcing mixes that data with the primary's.`),
    );
  }
  return check(
    'secondary_empty',
    title,
    'skipped',
    'forceable',
    managed
      ? 'The engine has no usage statistics for the secondary volume; Gluster checks it when it creates the session (unless forced).'
      : 'The secondary volume is not managed by this engine; Gluster checks that it is empty when it creates the session (unless forced).',
  );
}

/** Gluster on the remote node: reachable? installed? the volume? */
/** ssh itself failed (exit status 255) for a reason of trust, not of reach: SSH is not set up yet. */
class RemoteSshFailed extends Error {}

/** `gluster <argv>` on the remote, run from a cluster host over its passwordless SSH. */
function fromSourceHost(rg: RemoteGluster, from: string, login: RemoteLogin): GlusterExec {
  return {
    async run(_node, argv, opts) {
      const r = await rg.gluster(from, login, argv, opts);
      if (r.code === 255) {
        const why = classifySsh(r, false);
        const said =
          why?.said || (r.stderr.trim().split('\n').filter(Boolean).at(-1) ?? 'ssh failed');
        // Not reachable from the source host: geo-replication cannot work, whatever the keys.
        if (
          why &&
          (why.failure === 'refused' || why.failure === 'unreachable' || why.failure === 'timeout')
        )
          throw new GlusterUnreachableError(login.host, said);
        throw new RemoteSshFailed(said);
      }
      return r;
    },
  };
}

async function probeRemote(
  ctx: ServiceContext,
  key: SessionKey,
  how: { managed: boolean; sourceHost: EngineHost | null; port: number },
): Promise<RemoteProbe> {
  const from = how.sourceHost?.status === 'up' ? how.sourceHost : null;
  // The service's own credentials only for a host the engine shows this user; any other remote
  // is asked from the chosen source host over its own SSH, as for any outside machine.
  if (!how.managed && !(ctx.remote && from)) {
    return {
      kind: 'no_ssh',
      from: from?.name ?? 'the source host',
      message: from
        ? 'this service cannot run commands on a remote from the cluster hosts'
        : 'choose the host of the cluster to create the session from, so that the remote can be asked from it',
    };
  }
  const gluster =
    !how.managed && ctx.remote && from
      ? createGlusterClient(
          fromSourceHost(ctx.remote, from.address, {
            host: key.secondary_host,
            user: key.secondary_user,
            port: how.port,
          }),
        )
      : ctx.gluster;
  const probes = gluster as GlusterClient & OptionalProbes;
  const node = key.secondary_host;
  // The version is asked once Gluster answered: an SSH that does not work yet fails once, not twice.
  try {
    const vols = await gluster.volumeInfo(node, key.secondary_volume);
    const version = await versionOf(gluster, node);
    const volume = vols.find((v) => v.name === key.secondary_volume) ?? null;
    let empty: boolean | null = null;
    if (volume && typeof probes.volumeEmpty === 'function') {
      empty = await probes.volumeEmpty(node, key.secondary_volume).catch(() => null);
    }
    return { kind: 'ok', volume, version, empty };
  } catch (err) {
    if (err instanceof RemoteSshFailed)
      return { kind: 'no_ssh', from: from?.name ?? '', message: err.message };
    if (err instanceof GlusterUnreachableError)
      return { kind: 'unreachable', message: err.message };
    if (err instanceof GlusterTimeoutError) return { kind: 'unreachable', message: err.message };
    if (err instanceof GlusterCommandError) {
      const msg = err.glusterMessage || err.message;
      if (
        /command not found|gluster: not found|No such file or directory|exit(ed)? (code|status) 127/i.test(
          msg,
        )
      ) {
        return { kind: 'no_gluster', message: msg };
      }
      if (/does not exist|not found|doesn't exist/i.test(msg))
        return { kind: 'no_volume', message: msg, version: await versionOf(gluster, node) };
      return { kind: 'refused', message: msg };
    }
    return { kind: 'refused', message: err instanceof Error ? err.message : String(err) };
  }
}

/** Whether the primary cluster's shared storage is on, for use-meta-volume. */
async function sharedStorageCheck(
  ctx: ServiceContext,
  node: string | null,
): Promise<PreflightCheck> {
  const title = "Gluster's shared storage is on for use-meta-volume";
  const g = ctx.gluster;
  const value =
    node && g.sharedStorage ? await g.sharedStorage(node).catch(() => undefined) : undefined;
  if (value === undefined)
    return check(
      'shared_storage',
      title,
      'skipped',
      'forceable',
      'Whether cluster.enable-shared-storage is on could not be read; create reads it again and enables it, or refuses with the reason.',
    );
  return sharedStorageEnabled(value) === true
    ? check(
        'shared_storage',
        title,
        'pass',
        'info',
        `cluster.enable-shared-storage is on (read on ${node}).`,
      )
    : check(
        'shared_storage',
        title,
        'pass',
        'info',
        `cluster.enable-shared-storage is off (read on ${node}). use-meta-volume needs it: create will enable it ("gluster volume set all cluster.enable-shared-storage enable"), which creates the gluster_shared_storage volume and mounts it at /run/gluster/shared_storage on every node of the cluster, as oVirt does when use_meta_volume is set.`,
      );
}

export async function versionOf(
  gluster: GlusterClient,
  node: string | undefined,
): Promise<string | null> {
  const probes = gluster as GlusterClient & OptionalProbes;
  if (!node || typeof probes.version !== 'function') return null;
  return probes.version(node).catch(() => null);
}

/** -1, 0, 1 comparing dotted versions numerically ("10.3" < "10.10"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

type UsageRow = SecondaryUse;

/** What the engine (and the primary cluster's Gluster) tell about both sides. */
export async function engineSide(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  log: FastifyBaseLogger,
) {
  const [clusters, allHosts, ownHosts] = await Promise.all([
    ctx.engine.clusters(p.token),
    ctx.engine.hosts(p.token),
    ctx.nodes.clusterHosts(p, cluster),
  ]);
  let primaryError = '';
  const primaryStatus = await ctx.status.read(p, cluster, log).catch((err: unknown) => {
    primaryError =
      err instanceof ApiError ? err.detail : err instanceof Error ? err.message : String(err);
    return null;
  });
  // The primary's pool as Gluster sees it, read on the node the status came from.
  const primaryPeers: ParsedPeer[] | null = primaryStatus
    ? await ctx.gluster.peerStatus(primaryStatus.node).catch(() => null)
    : null;
  const remoteHost = allHosts.find((h) => sameHost(h, key.secondary_host)) ?? null;
  const remoteCluster = remoteHost
    ? (clusters.find((c) => c.id === remoteHost.cluster_id) ?? null)
    : null;
  const remoteAddresses = new Set<string>([key.secondary_host.toLowerCase().replace(/\.$/, '')]);
  if (remoteCluster) {
    for (const h of allHosts.filter((x) => x.cluster_id === remoteCluster.id)) {
      remoteAddresses.add(h.address.toLowerCase());
      remoteAddresses.add(h.name.toLowerCase());
    }
  }

  const findVolume = async (c: EngineCluster, name: string): Promise<EngineVolume | null> =>
    (await ctx.engine.volumes(p.token, c.id).catch(() => [] as EngineVolume[])).find(
      (v) => v.name === name,
    ) ?? null;
  const capacity = async (v: EngineVolume | null): Promise<VolumeCapacity | null> =>
    v ? ctx.engine.volumeCapacity(p.token, v.cluster_id, v.id).catch(() => null) : null;

  const [primaryVolume, secondaryVolume] = await Promise.all([
    findVolume(cluster, key.primary_volume),
    remoteCluster ? findVolume(remoteCluster, key.secondary_volume) : Promise.resolve(null),
  ]);
  const [primaryCapacity, secondaryCapacity] = await Promise.all([
    capacity(primaryVolume),
    capacity(secondaryVolume),
  ]);

  // Every session of every Gluster cluster the user can see, from the shared status reads.
  const glusterClusters = clusters.filter((c) => c.gluster_service);
  const sessions: UsageRow[] = [];
  const unread: string[] = [];
  await Promise.all(
    glusterClusters.map(async (c) => {
      try {
        const st =
          c.id === cluster.id && primaryStatus ? primaryStatus : await ctx.status.read(p, c, log);
        for (const s of st.sessions) {
          sessions.push({
            cluster_id: c.id,
            cluster_name: c.name,
            primary_volume: s.primary_volume,
            secondary_host: s.secondary_host,
            secondary_volume: s.secondary_volume,
            secondary_user: s.secondary_user,
            status: s.status,
          });
        }
      } catch (err) {
        unread.push(
          `cluster ${c.name} (${err instanceof ApiError ? err.detail : err instanceof Error ? err.message : String(err)})`,
        );
      }
    }),
  );

  return {
    primaryStatus,
    primaryError,
    primaryPeers,
    ownHosts,
    remoteCluster,
    primaryVolume,
    primaryCapacity,
    secondaryVolume,
    secondaryCapacity,
    usage: { sessions, unread, clusters: glusterClusters.length, remoteAddresses },
  };
}
