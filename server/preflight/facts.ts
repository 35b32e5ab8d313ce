// What a preflight knows before it checks anything, and the small helpers both preflights use: from
// the engine (the clusters and hosts the user sees, the volumes it manages with their capacity) and
// from the primary cluster's Gluster (its status read, its peers, every session of every Gluster
// cluster the user can see). A leaf: it imports no other part of the preflight.
import type { FastifyBaseLogger } from 'fastify';
import type { SecondaryUse } from '../../src/georep/force';
import type { SessionKey } from '../../src/georep/types';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import type { EngineCluster, EngineHost, EngineVolume, VolumeCapacity } from '../engine';
import { ApiError } from '../errors';
import type { GlusterClient, ParsedPeer } from '../gluster/types';

const GiB = 1024 ** 3;

/** `1.5 GiB`, `512 MiB`. */
export const fmtBytes = (n: number): string =>
  n >= GiB ? `${(n / GiB).toFixed(n % GiB === 0 ? 0 : 1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;

/** The engine host is `name`, by address or by name (any case). */
export function sameHost(h: EngineHost, name: string): boolean {
  const n = name.toLowerCase();
  return h.address.toLowerCase() === n || h.name.toLowerCase() === n;
}

/** The host of the cluster the request names as its source, if it is one of the cluster's. */
export function sourceHostOf(hosts: readonly EngineHost[], id: string | null): EngineHost | null {
  return id ? (hosts.find((h) => h.id === id) ?? null) : null;
}

/** The words of an error, for evidence. */
export const errorWords = (err: unknown): string =>
  err instanceof ApiError ? err.detail : err instanceof Error ? err.message : String(err);

/** Optional probes a GlusterClient may offer; used when present. */
export interface OptionalProbes {
  /** `gluster --version` on a node: e.g. "10.3". */
  version?(node: string): Promise<string>;
  /** Whether the volume's root holds nothing but .trashcan (VDSM's volumeEmptyCheck). */
  volumeEmpty?(node: string, volume: string): Promise<boolean>;
}

/** `gluster --version` on the node, when the client can tell; null when not known. */
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

export type PreflightFacts = Awaited<ReturnType<typeof readFacts>>;

/** What the engine (and the primary cluster's Gluster) tell about both sides. */
export async function readFacts(
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
    primaryError = errorWords(err);
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
  const sessions: SecondaryUse[] = [];
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
        unread.push(`cluster ${c.name} (${errorWords(err)})`);
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
