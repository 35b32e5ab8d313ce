// A directory on the remote host as the target (secondary_path): the preflight of such a
// session, the provisioning step of its create, and the removal of the provisioned volume with
// the session. Everything on the remote runs from a host of the cluster (provision.ts), as root
// over that host's passwordless SSH: the remote may be reachable from there only.
import { rsyncCheck, stringConfig } from './preflight/rsync';
import type { FastifyBaseLogger } from 'fastify';
import type {
  GeoRepSession,
  PreflightCheck,
  ProvisionedVolume,
  SessionKey,
} from '../src/georep/types';
import { otherWritersOf } from '../src/georep/force';
import { secondaryUrl } from './audit';
import type { Principal } from './auth';
import type { ServiceContext } from './context';
import { keyOfSession, type CheckedCreateInput } from './domain';
import type { EngineCluster, EngineHost } from './engine';
import { ApiError, badGateway, badRequest, conflict, gatewayTimeout, glusterFault } from './errors';
import { GlusterTimeoutError, GlusterUnreachableError } from './gluster/exec';
import {
  findProvisionedVolume,
  inspectDirectoryTarget,
  provisionDirectoryVolume,
  ProvisionError,
  removeProvisionedVolume,
  RemoteAccessError,
  type ProvisionedVolumeInfo,
  type RemoteLogin,
  type TargetInspection,
} from './gluster/provision';
import { GlusterCommandError } from './gluster/types';
import {
  check,
  compareVersions,
  engineSide,
  primarySideChecks,
  sameHost,
  versionOf,
  type PreflightResult,
} from './preflight';

const GiB = 1024 ** 3;
const fmtBytes = (n: number): string =>
  n >= GiB ? `${(n / GiB).toFixed(n % GiB === 0 ? 0 : 1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;

/** Directory targets are provisioned as root: creating a Gluster volume takes root on the remote. */
const loginOf = (host: string, port: number): RemoteLogin => ({ host, user: 'root', port });

const noRemoteAccess = (): ApiError =>
  badRequest(
    'secondary_path: this geo-replication service is not set up to run Gluster on remote hosts through the cluster hosts, so a directory cannot be the target. Give secondary_volume instead.',
  );

// ---------------------------------------------------------------- preflight

/** The preflight of a session into a directory of the remote host. */
export async function runDirectoryPreflight(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  input: CheckedCreateInput,
  path: string,
  log: FastifyBaseLogger,
): Promise<PreflightResult> {
  const name = input.secondary_volume;
  const host = input.secondary_host;
  const key: SessionKey = {
    primary_volume: input.primary_volume,
    secondary_host: host,
    secondary_volume: name,
    secondary_user: input.secondary_user,
  };
  const facts = await engineSide(ctx, p, cluster, key, log);
  const { ownHosts, remoteCluster, primaryCapacity, usage } = facts;
  const sourceHost = input.source_host_id
    ? (ownHosts.find((h) => h.id === input.source_host_id) ?? null)
    : null;
  const checks: PreflightCheck[] = [];
  const add = (c: PreflightCheck): void => {
    checks.push(c);
  };

  // ---- the primary side (as for a volume target)
  for (const c of primarySideChecks(cluster, input, key, facts, sourceHost)) add(c);
  const rsync = await rsyncCheck(ctx.probe, sourceHost, stringConfig(input.config));
  if (rsync) add(rsync);
  const own = ownHosts.find((h) => sameHost(h, host));
  add(
    own || remoteCluster?.id === cluster.id
      ? check(
          'same_cluster',
          'The secondary is in another cluster',
          'fail',
          'blocker',
          `${host} is ${own ? `host ${own.name}` : 'a host'} of cluster ${cluster.name} itself; the directory must be on a host outside it.`,
        )
      : check(
          'same_cluster',
          'The secondary is in another cluster',
          'pass',
          'blocker',
          remoteCluster
            ? `${host} is in cluster ${remoteCluster.name}.`
            : `${host} is not a host of cluster ${cluster.name}.`,
        ),
  );

  // ---- the remote, from a host of the cluster
  const from: EngineHost | null = sourceHost
    ? sourceHost.status === 'up'
      ? sourceHost
      : null
    : (ownHosts.find((h) => h.status === 'up') ?? null);
  const via = from
    ? ` (checked from ${from.name}${sourceHost ? ', the source host' : ', the first Up host; the create runs from the host you choose'})`
    : '';
  let insp: TargetInspection | null = null;
  let access: RemoteAccessError | null = null;
  let unknown: string | null = null;
  if (!ctx.remote) {
    unknown =
      'This service is not set up to run Gluster on remote hosts through the cluster hosts: a directory cannot be the target.';
  } else if (!from) {
    unknown = sourceHost
      ? `Host ${sourceHost.name} is not Up: the remote was not checked from it.`
      : `Cluster ${cluster.name} has no Up host to check the remote from.`;
  } else {
    try {
      insp = await inspectDirectoryTarget(ctx.remote, {
        node: from.address,
        remote: loginOf(host, input.ssh_port),
        path,
        volume: name,
      });
    } catch (err) {
      if (err instanceof RemoteAccessError) access = err;
      else if (err instanceof GlusterUnreachableError || err instanceof GlusterTimeoutError)
        unknown = `The service could not run commands on ${from.name}: ${err.message}.`;
      else if (err instanceof GlusterCommandError)
        unknown = `Gluster on ${host} refused: ${err.glusterMessage || err.message}`;
      else throw err;
    }
  }
  const sshFailed = access?.kind === 'ssh';
  const authFailure =
    sshFailed &&
    [
      'key_rejected',
      'unknown_host_key',
      'host_key_changed',
      'auth_failed',
      'no_such_key_file',
      'bad_key_permissions',
    ].includes(access!.failure ?? '');
  const managed = remoteCluster
    ? ` It is managed by this engine (cluster ${remoteCluster.name}).`
    : ' It is not managed by this engine.';
  if (sshFailed && !authFailure) {
    add(
      check(
        'remote_reachable',
        'The remote host can be reached',
        'fail',
        'blocker',
        `${access!.message}${managed}`,
      ),
    );
  } else if (insp || access) {
    add(
      check(
        'remote_reachable',
        'The remote host can be reached',
        'pass',
        'blocker',
        `${host} answered over SSH${via}.${managed}`,
      ),
    );
  } else {
    add(
      check(
        'remote_reachable',
        'The remote host can be reached',
        'skipped',
        'blocker',
        unknown ?? 'Not checked.',
      ),
    );
  }
  if (insp) {
    add(
      check(
        'remote_gluster',
        'Gluster is installed on the remote host',
        'pass',
        'blocker',
        `Gluster ${insp.glusterVersion ?? ''} answered on ${host}${via}.`.replace(
          'Gluster  ',
          'Gluster ',
        ),
      ),
    );
  } else if (access?.kind === 'no_gluster') {
    add(
      check(
        'remote_gluster',
        'Gluster is installed on the remote host',
        'fail',
        'blocker',
        access.message,
      ),
    );
  } else {
    add(
      check(
        'remote_gluster',
        'Gluster is installed on the remote host',
        'skipped',
        'blocker',
        access ? 'Could not log in to the remote host.' : (unknown ?? 'Not checked.'),
      ),
    );
  }

  // ---- Gluster versions (gverify refuses an older secondary unless forced)
  const primaryVersion = await versionOf(
    ctx.gluster,
    (sourceHost ?? ownHosts.find((h) => h.status === 'up'))?.address,
  );
  if (primaryVersion && insp?.glusterVersion) {
    const older = compareVersions(insp.glusterVersion, primaryVersion) < 0;
    add(
      check(
        'gluster_version',
        'The secondary runs a Gluster at least as new as the primary',
        older ? 'fail' : 'pass',
        'forceable',
        `Primary Gluster ${primaryVersion}, secondary Gluster ${insp.glusterVersion}.`,
      ),
    );
  } else {
    add(
      check(
        'gluster_version',
        'The secondary runs a Gluster at least as new as the primary',
        'skipped',
        'forceable',
        'The Gluster versions could not be read by this service; Gluster compares them when it creates the session.',
      ),
    );
  }

  // ---- the directory and the volume name
  const where = `${host}:${path}`;
  if (insp) {
    const dirProblem = insp.problems.find((x) => x.id === 'directory');
    const d = insp.directory;
    add(
      dirProblem
        ? check(
            'secondary_path',
            'The remote directory can hold the new volume',
            'fail',
            'blocker',
            dirProblem.message,
          )
        : check(
            'secondary_path',
            'The remote directory can hold the new volume',
            'pass',
            'blocker',
            insp.reusable
              ? `${where} is the brick of volume ${name}, which this service provisioned earlier: it is reused as it is.`
              : d.state === 'missing'
                ? `${where} does not exist yet: it will be created (with its missing parents).`
                : `${where} is an empty directory${d.xattrsRead ? ' and is not, nor was, the brick of a Gluster volume' : ' (its Gluster attributes could not be read: getfattr is missing there)'}.`,
          ),
    );
    const nameProblem = insp.problems.find((x) => x.id === 'name');
    add(
      nameProblem
        ? check(
            'provisioned_volume_name',
            'The volume name is free on the remote',
            'fail',
            'blocker',
            nameProblem.message,
          )
        : check(
            'provisioned_volume_name',
            'The volume name is free on the remote',
            'pass',
            'blocker',
            insp.reusable
              ? `Volume ${name} exists on ${host}: provisioned earlier by this service on this very directory (${insp.existing?.status}); it is reused.`
              : `No volume is named ${name} on ${host} (of ${insp.volumes.length} there).`,
          ),
    );
  } else {
    const why = access?.message ?? unknown ?? 'Not checked.';
    add(
      check(
        'secondary_path',
        'The remote directory can hold the new volume',
        'skipped',
        'blocker',
        `The directory could not be inspected: ${why}`,
      ),
    );
    add(
      check(
        'provisioned_volume_name',
        'The volume name is free on the remote',
        'skipped',
        'blocker',
        'The remote volumes could not be read.',
      ),
    );
  }

  // ---- size: the directory's file system >= the primary (Gluster's create-time check; force skips it)
  const pTotal = primaryCapacity?.total_bytes ?? null;
  const fs = insp?.directory.fsSizeBytes ?? null;
  if (pTotal !== null && fs !== null) {
    add(
      check(
        'secondary_size',
        'The secondary volume is at least as large as the primary',
        fs >= pTotal ? 'pass' : 'fail',
        'forceable',
        `Primary ${key.primary_volume}: ${fmtBytes(pTotal)} (per the engine); the file system of ${where}: ${fmtBytes(fs)}, which the new volume will have.`,
      ),
    );
  } else {
    add(
      check(
        'secondary_size',
        'The secondary volume is at least as large as the primary',
        'skipped',
        'forceable',
        pTotal === null
          ? `The engine has no capacity for primary volume ${key.primary_volume}.`
          : "The size of the directory's file system could not be read; Gluster compares the sizes when it creates the session (unless forced).",
      ),
    );
  }

  // ---- sessions into that volume (one rule with create: src/georep/force.ts)
  const { same, others } = otherWritersOf(
    { cluster_id: cluster.id, ...key, secondary_volume: name },
    usage.sessions,
    usage.remoteAddresses,
  );
  if (same)
    add(
      check(
        'session_exists',
        'No such session exists yet',
        'fail',
        'blocker',
        `A session from ${key.primary_volume} to ${secondaryUrl(same)} already exists (state ${same.status}).`,
      ),
    );
  add(
    others.length
      ? check(
          'secondary_not_in_use',
          'The secondary volume is not the secondary of another session',
          'fail',
          'blocker',
          `Volume ${name} is already the secondary of ${others.map((o) => `${o.primary_volume} (cluster ${o.cluster_name}, ${o.status})`).join(', ')}.`,
        )
      : check(
          'secondary_not_in_use',
          'The secondary volume is not the secondary of another session',
          'pass',
          'blocker',
          `No session of the ${usage.clusters} Gluster cluster(s) you can see replicates into ${name} on ${host}.`,
        ),
  );

  // ---- passwordless SSH: the hook when it could check, else what the remote commands showed
  let ssh: PreflightCheck | null = null;
  if (ctx.hooks.passwordlessSsh) {
    ssh = await ctx.hooks
      .passwordlessSsh({ principal: p, cluster, input, sourceHost, log })
      .catch((err: unknown) =>
        check(
          'passwordless_ssh',
          'Passwordless SSH to the remote works',
          'skipped',
          'forceable',
          `The check failed to run: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
    if (ssh.outcome === 'skipped') ssh = null;
  }
  add(
    ssh ??
      (authFailure
        ? check(
            'passwordless_ssh',
            'Passwordless SSH from the source host to the remote works',
            'fail',
            'blocker',
            access!.message,
          )
        : insp || access?.kind === 'no_gluster'
          ? check(
              'passwordless_ssh',
              'Passwordless SSH from the source host to the remote works',
              'pass',
              'blocker',
              `Root on ${from!.name} logs in to root@${host} without a password: the checks above ran over it.`,
            )
          : check(
              'passwordless_ssh',
              'Passwordless SSH from the source host to the remote works',
              'skipped',
              'info',
              unknown ?? access?.message ?? 'Not checked.',
            )),
  );

  const reused = insp?.reusable ?? false;
  const plan = reused
    ? `Will reuse volume ${name} on ${where}, which this service provisioned earlier, and replicate into it.`
    : `Will create volume ${name} on ${where} and replicate into it.`;
  checks.unshift(
    check(
      'provision',
      'A volume is provisioned on the remote directory',
      'pass',
      'info',
      `${plan} Gluster 10 replicates only into a volume: the directory becomes the single brick of ${name} (marked as provisioned by this service), ` +
        `created from ${from?.name ?? 'the source host'} with \`gluster volume create ${name} ${where} force\` and started; the session then replicates into ${host}::${name}.`,
    ),
  );
  const can_create = checks.every((c) => c.outcome !== 'fail' || c.severity === 'info');
  const can_create_with_force = checks.every(
    (c) => c.outcome !== 'fail' || c.severity !== 'blocker',
  );
  return {
    check: checks,
    can_create,
    can_create_with_force,
    provisioned_volume: { name, host, path, reused },
    plan,
  };
}

// ---------------------------------------------------------------- create

/** An ApiError for a provisioning failure, with the words of the step that failed. */
function provisionFault(err: unknown, doing: string): ApiError {
  if (err instanceof ProvisionError) {
    const what = `Provisioning the directory target failed (${err.step}): ${err.message}`;
    if (
      err.reason === 'access' &&
      /cannot reach|did not answer|refused the connection|cannot find a host|closed the connection/.test(
        err.message,
      )
    )
      return badGateway(what);
    return conflict(what);
  }
  if (err instanceof RemoteAccessError)
    return conflict(`Provisioning the directory target failed: ${err.message}`);
  const g = glusterFault(err, doing);
  if (g) return g;
  if (err instanceof GlusterTimeoutError) return gatewayTimeout(`${doing} failed: ${err.message}.`);
  throw err;
}

/**
 * Step 1 of a create into a directory: provision (or reuse) the volume on it, from the source
 * host, and record it. Throws an ApiError naming the step; nothing exists when it failed before
 * `create`, and the volume is named when it exists.
 */
export async function provisionForCreate(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  input: CheckedCreateInput,
  path: string,
  source: EngineHost,
  key: SessionKey,
  log: FastifyBaseLogger,
): Promise<ProvisionedVolume> {
  if (!ctx.remote) throw noRemoteAccess();
  const volume = { name: key.secondary_volume, host: key.secondary_host, path };
  try {
    const out = await provisionDirectoryVolume(ctx.remote, {
      node: source.address,
      remote: loginOf(key.secondary_host, input.ssh_port),
      path,
      volume: key.secondary_volume,
    });
    await ctx.audit.record(
      p,
      {
        action: 'provision_volume',
        cluster,
        key,
        ok: true,
        volume,
        note: `${out.reused ? 'Reused a volume provisioned earlier. ' : ''}From host ${source.name}: ${out.steps.map((s) => s.detail).join(' ')}`,
      },
      log,
    );
    return { ...volume, reused: out.reused };
  } catch (err) {
    const f = provisionFault(err, `provisioning volume ${volume.name} on ${volume.host}:${path}`);
    const detail = `${f.detail} The session was not created.`;
    await ctx.audit.record(
      p,
      { action: 'provision_volume', cluster, key, ok: false, volume, error: detail },
      log,
    );
    throw new ApiError(f.statusCode, f.reason, detail);
  }
}

/** What a failure after provisioning says about the volume: it stays, named. */
export function volumeLeftInPlace(v: ProvisionedVolume): string {
  return (
    ` Volume ${v.name}, provisioned on ${v.host}:${v.path}${v.reused ? ' earlier' : ''}, was left in place (nothing was deleted):` +
    ' creating the session again reuses it.'
  );
}

// ---------------------------------------------------------------- removal with the session

export interface PreparedRemoval {
  node: string;
  remote: RemoteLogin;
  info: ProvisionedVolumeInfo;
}

/**
 * Before a session is deleted with remove_provisioned_volume: its secondary volume must be one
 * this service provisioned, and no other session may replicate into it. Nothing is changed.
 */
export async function prepareRemoval(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  s: GeoRepSession,
  log: FastifyBaseLogger,
): Promise<PreparedRemoval> {
  const rg = ctx.remote;
  if (!rg)
    throw badRequest(
      'remove_provisioned_volume: this service is not set up to run Gluster on remote hosts; nothing was deleted.',
    );
  const key = keyOfSession(s);
  const nodes = await ctx.nodes.upNodes(p, cluster);
  try {
    const { value } = await ctx.nodes.onFirstReachable(
      cluster.id,
      nodes,
      async (node) => {
        // The remote's SSH port is the session's own.
        const cfg: Record<string, string> = await ctx.gluster.config(node, key).catch(() => ({}));
        const port = Number(cfg['ssh-port'] ?? 22) || 22;
        const remote = loginOf(key.secondary_host, port);
        const info = await findProvisionedVolume(rg, {
          node,
          remote,
          volume: key.secondary_volume,
        });
        return { node, remote, info };
      },
      log,
    );
    const usage = (await engineSide(ctx, p, cluster, key, log)).usage;
    const { others } = otherWritersOf(
      { cluster_id: cluster.id, ...key },
      usage.sessions,
      usage.remoteAddresses,
    );
    if (others.length) {
      throw conflict(
        `Volume ${key.secondary_volume} on ${key.secondary_host} is also the secondary of ${others.map((o) => `${o.primary_volume} (cluster ${o.cluster_name})`).join(', ')}: it is not removed, and nothing was deleted (the session neither).`,
      );
    }
    return value;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof ProvisionError && err.reason === 'refused')
      throw conflict(`${err.message} Nothing was deleted (the session neither).`);
    const f = provisionFault(
      err,
      `reading volume ${key.secondary_volume} on ${key.secondary_host}`,
    );
    throw new ApiError(
      f.statusCode,
      f.reason,
      `${f.detail} Nothing was deleted (the session neither).`,
    );
  }
}

/** After the session was deleted: stop and delete the provisioned volume; the data stays. */
export async function removeAfterDelete(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  r: PreparedRemoval,
  log: FastifyBaseLogger,
): Promise<{
  provisioned_volume: { name: string; host: string; path: string; removed: true; data_kept: true };
  detail: string;
}> {
  const volume = { name: r.info.name, host: r.info.host, path: r.info.path };
  try {
    const out = await removeProvisionedVolume(ctx.remote!, {
      node: r.node,
      remote: r.remote,
      volume: r.info.name,
    });
    await ctx.audit.record(
      p,
      { action: 'remove_provisioned_volume', cluster, key, ok: true, volume },
      log,
    );
    return {
      provisioned_volume: { ...volume, removed: true, data_kept: true },
      detail: `The session was deleted. ${out.detail}`,
    };
  } catch (err) {
    const f = provisionFault(err, `removing volume ${volume.name} on ${volume.host}`);
    const detail = `The session was deleted, but removing its volume failed: ${f.detail.replace(/^Provisioning the directory target failed/, 'Removal failed')} The data in ${volume.host}:${volume.path} was not touched.`;
    await ctx.audit.record(
      p,
      { action: 'remove_provisioned_volume', cluster, key, ok: false, volume, error: detail },
      log,
    );
    throw new ApiError(f.statusCode, f.reason, detail);
  }
}
