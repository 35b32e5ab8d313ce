// Gluster's prerequisites applied by the service where a session is created or its options set
// (the rules themselves: src/georep/prerequisites.ts).
// - use-meta-volume: oVirt's SetGeoRepConfigCommand sets `cluster.enable-shared-storage enable` on
//   volume "all" when use_meta_volume is set; gsyncd's worker exits without the mount
//   (syncdaemon/primary.py should_crawl). The service does the same, but does not ignore a
//   failure as oVirt does: it refuses the option with Gluster's reason.
// - tarssh with a sharded primary: refused before Gluster hears anything.
import type { FastifyBaseLogger } from 'fastify';
import type { SessionKey } from '../src/georep/types';
import {
  isSharded,
  sharedStorageEnabled,
  tarsshWithShardingRefusal,
  usesTarssh,
} from '../src/georep/prerequisites';
import type { Principal } from './auth';
import type { ServiceContext } from './context';
import type { EngineCluster } from './engine';
import { ApiError, badRequest, glusterFault } from './errors';
import type { ParsedVolume } from './gluster/types';

/** Refuses tarssh for a sharded primary (400), before anything is sent to Gluster. */
export function refuseTarsshWithSharding(
  primary: ParsedVolume | undefined,
  config: Record<string, string | number | boolean>,
): void {
  if (primary && isSharded(primary) && usesTarssh(config))
    throw badRequest(tarsshWithShardingRefusal(primary));
}

/**
 * Makes sure Gluster's shared storage is on in the primary cluster before use-meta-volume is set:
 * reads `volume get all cluster.enable-shared-storage` on `node`, enables it when off (audited),
 * and refuses (ApiError) with Gluster's reason when it cannot be read or enabled. Returns what it
 * did, in words, for the caller's note.
 */
export async function ensureSharedStorage(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  node: string,
  log: FastifyBaseLogger,
): Promise<string> {
  const g = ctx.gluster;
  if (!g.sharedStorage || !g.enableSharedStorage)
    throw new ApiError(
      501,
      'Not Implemented',
      'This Gluster backend cannot read cluster.enable-shared-storage.',
    );
  let value: string | null;
  try {
    value = await g.sharedStorage(node);
  } catch (err) {
    const f = glusterFault(err, `reading cluster.enable-shared-storage on ${node}`);
    if (!f) throw err;
    throw new ApiError(
      f.statusCode,
      f.reason,
      `use-meta-volume needs Gluster's shared storage, and whether it is on could not be read: ${f.detail} Nothing was changed.`,
    );
  }
  if (sharedStorageEnabled(value) === true) return 'Shared storage was already on.';
  try {
    await g.enableSharedStorage(node);
  } catch (err) {
    const f = glusterFault(err, `enabling cluster.enable-shared-storage on ${node}`);
    if (!f) throw err;
    const detail = `use-meta-volume needs Gluster's shared storage (the gluster_shared_storage volume mounted at /run/gluster/shared_storage on every primary node), and enabling it failed: ${f.detail} Enable it with "gluster volume set all cluster.enable-shared-storage enable" on a node of the cluster, or leave use-meta-volume off. Nothing was changed.`;
    await ctx.audit.record(
      p,
      { action: 'shared_storage', cluster, key, ok: false, error: detail },
      log,
    );
    throw new ApiError(f.statusCode, f.reason, detail);
  }
  await ctx.audit.record(
    p,
    {
      action: 'shared_storage',
      cluster,
      key,
      ok: true,
      note: 'It was off; gluster_shared_storage is created and mounted on every node of the cluster.',
    },
    log,
  );
  return 'Shared storage was off and has been enabled (cluster.enable-shared-storage).';
}
