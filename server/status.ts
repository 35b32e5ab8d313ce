// One status read per cluster, shared: `status` (every session, detail) and `volume info` from one
// reachable Up node, turned into GeoRepSessions. Concurrent requests join the read in flight; the
// result is kept `cacheMs`; every action invalidates it, so the next read is fresh.
import type { FastifyBaseLogger } from 'fastify';
import type { SessionRecall } from '../src/georep/recall';
import type { GeoRepSession } from '../src/georep/types';
import type { Principal } from './auth';
import { CoalescingCache } from './cache';
import { buildSessions } from './domain';
import type { EngineCluster } from './engine';
import { glusterFault } from './errors';
import type { GlusterClient, ParsedVolume } from './gluster/types';
import type { ClusterNodes } from './nodes';
import { engineNodeResolver, type NodeResolver, type StallWatch } from './stall';
import { lookup } from 'node:dns/promises';

export interface ClusterStatus {
  sessions: GeoRepSession[];
  /** `volume info` of the cluster, as read with the sessions. */
  volumes: ParsedVolume[];
  read_at: string;
  /** The node it was read on. */
  node: string;
}

export class StatusService {
  private readonly cache: CoalescingCache<ClusterStatus>;
  /**
   * cluster id -> what the last read showed of each session's workers (src/georep/recall.ts): the
   * crash-loop rule and the last sync point of workers that stopped syncing. Memory of readings,
   * not a store: lost on restart, and then said to be unknown, never guessed.
   */
  private readonly recall = new Map<string, Map<string, SessionRecall>>();

  constructor(
    private readonly gluster: GlusterClient,
    private readonly nodes: ClusterNodes,
    cacheMs: number,
    private readonly stalls: StallWatch | null = null,
  ) {
    // Readers get the last read at once for up to another cacheMs while one refresh runs:
    // data stays under 2×cacheMs + one read old (well within 5 s), and nobody waits for Gluster.
    this.cache = new CoalescingCache(cacheMs, 10_000, Date.now, cacheMs);
  }

  read(p: Principal, cluster: EngineCluster, log?: FastifyBaseLogger): Promise<ClusterStatus> {
    return this.cache.get(cluster.id, () => this.load(p, cluster, log));
  }

  /** Forget the cluster's status: the next read goes to Gluster. */
  invalidate(clusterId: string): void {
    this.cache.invalidate(clusterId);
  }

  /**
   * A read from Gluster now, shared with readers (the watch, an event from Gluster): joins a read
   * in flight, else reads whatever the cached value's age; a failure leaves the last value.
   */
  reload(p: Principal, cluster: EngineCluster, log?: FastifyBaseLogger): Promise<ClusterStatus> {
    return this.cache.reload(cluster.id, () => this.load(p, cluster, log));
  }

  /** A fresh read (after an action). */
  fresh(p: Principal, cluster: EngineCluster, log?: FastifyBaseLogger): Promise<ClusterStatus> {
    this.invalidate(cluster.id);
    return this.read(p, cluster, log);
  }

  /** Gluster's node names -> the engine hosts of the cluster the service may reach. */
  async resolver(p: Principal, cluster: EngineCluster): Promise<NodeResolver> {
    const hosts = await this.nodes.clusterHosts(p, cluster);
    return engineNodeResolver(hosts, async (name) =>
      (await lookup(name, { all: true })).map((a) => a.address),
    );
  }

  private async load(
    p: Principal,
    cluster: EngineCluster,
    log?: FastifyBaseLogger,
  ): Promise<ClusterStatus> {
    const nodes = await this.nodes.upNodes(p, cluster);
    try {
      const { value, node } = await this.nodes.onFirstReachable(
        cluster.id,
        nodes,
        async (n) => Promise.all([this.gluster.status(n), this.gluster.volumeInfo(n)]),
        log,
      );
      const [parsed, volumes] = value;
      const readAt = new Date();
      const built = buildSessions(cluster.id, parsed, volumes, readAt, this.recall.get(cluster.id));
      this.recall.set(cluster.id, built.recall);
      // stall marks from the last readings; a new reading starts in the background when due
      const sessions = this.stalls
        ? this.stalls.annotate(
            cluster.id,
            built.sessions,
            volumes,
            await this.resolver(p, cluster),
            log,
          )
        : built.sessions;
      return {
        sessions,
        volumes,
        read_at: readAt.toISOString(),
        node,
      };
    } catch (err) {
      throw (
        glusterFault(err, `reading the geo-replication status of cluster ${cluster.name}`) ?? err
      );
    }
  }
}
