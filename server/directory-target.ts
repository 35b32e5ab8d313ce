// A directory on the remote host as the target (secondary_path): the provisioning step of its
// create, and the removal of the provisioned volume with the session (its preflight:
// preflight/directory.ts). Everything on the remote runs from a host of the cluster (provision.ts), as root
// over that host's passwordless SSH: the remote may be reachable from there only.
import type { FastifyBaseLogger } from 'fastify';
import type { GeoRepSession, ProvisionedVolume, SessionKey } from '../src/georep/types';
import { otherWritersOf } from '../src/georep/force';
import type { Principal } from './auth';
import type { ServiceContext } from './context';
import { keyOfSession, type CheckedCreateInput } from './domain';
import type { EngineCluster, EngineHost } from './engine';
import { ApiError, badGateway, badRequest, conflict, gatewayTimeout, glusterFault } from './errors';
import { GlusterTimeoutError } from './gluster/exec';
import {
  findProvisionedVolume,
  provisionDirectoryVolume,
  ProvisionError,
  removeProvisionedVolume,
  RemoteAccessError,
  type ProvisionedVolumeInfo,
  rootLogin,
  type RemoteLogin,
} from './gluster/provision';
import { readFacts } from './preflight/facts';

const noRemoteAccess = (): ApiError =>
  badRequest(
    'secondary_path: this geo-replication service is not set up to run Gluster on secondary hosts through the cluster hosts, so a directory cannot be the target. Give secondary_volume instead.',
  );

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
      remote: rootLogin(key.secondary_host, input.ssh_port),
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
      'remove_provisioned_volume: this service is not set up to run Gluster on secondary hosts; nothing was deleted.',
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
        const remote = rootLogin(key.secondary_host, port);
        const info = await findProvisionedVolume(rg, {
          node,
          remote,
          volume: key.secondary_volume,
        });
        return { node, remote, info };
      },
      log,
    );
    const usage = (await readFacts(ctx, p, cluster, key, log)).usage;
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
