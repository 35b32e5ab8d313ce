// From a cluster to the Gluster nodes to run commands on: the engine's UP hosts of the cluster, in
// the engine's order, with the last node that answered tried first. A node that cannot be reached
// (GlusterUnreachableError) is skipped for the next one; any other failure is the answer.
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from './auth';
import { CoalescingCache } from './cache';
import type { EngineClient, EngineCluster, EngineHost } from './engine';
import { badGateway } from './errors';
import { GlusterUnreachableError } from './gluster/exec';

export class ClusterNodes {
  private readonly hosts: CoalescingCache<EngineHost[]>;
  /** cluster id -> the node that last answered. */
  private readonly preferred = new Map<string, string>();

  constructor(
    private readonly engine: EngineClient,
    hostsTtlMs = 5_000,
  ) {
    this.hosts = new CoalescingCache(hostsTtlMs);
  }

  /** The cluster's hosts as the engine lists them to this user (cached briefly). */
  clusterHosts(p: Principal, cluster: EngineCluster): Promise<EngineHost[]> {
    return this.hosts.get(`${p.token}\n${cluster.id}`, () =>
      this.engine.clusterHosts(p.token, cluster),
    );
  }

  /** The addresses of the UP hosts, the last one that answered first; 502 when there is none. */
  async upNodes(p: Principal, cluster: EngineCluster): Promise<string[]> {
    const hosts = await this.clusterHosts(p, cluster);
    const up = hosts.filter((h) => h.status === 'up').map((h) => h.address);
    if (up.length === 0) {
      const others = hosts.length
        ? ` Its hosts are ${hosts.map((h) => `${h.name} (${h.status.replace(/_/g, ' ')})`).join(', ')}.`
        : ' It has no hosts.';
      throw badGateway(
        `Cluster ${cluster.name} has no host in status Up to run Gluster commands on.${others}`,
      );
    }
    const pref = this.preferred.get(cluster.id);
    if (pref && up.includes(pref)) return [pref, ...up.filter((n) => n !== pref)];
    return up;
  }

  /**
   * Run `fn` on the first node that can be reached. Fails with the last GlusterUnreachableError as a
   * 502 naming every node tried when none can be reached.
   */
  async onFirstReachable<T>(
    clusterId: string,
    nodes: readonly string[],
    fn: (node: string) => Promise<T>,
    log?: FastifyBaseLogger,
  ): Promise<{ value: T; node: string }> {
    const failures: string[] = [];
    for (const node of nodes) {
      try {
        const value = await fn(node);
        this.preferred.set(clusterId, node);
        return { value, node };
      } catch (err) {
        if (!(err instanceof GlusterUnreachableError)) throw err;
        log?.warn(
          { node, cluster_id: clusterId },
          `Gluster node unreachable, trying the next one: ${err.message}`,
        );
        failures.push(err.message);
        if (this.preferred.get(clusterId) === node) this.preferred.delete(clusterId);
      }
    }
    throw badGateway(
      `None of the Up hosts of the cluster could be reached to run Gluster. ${failures.join('; ')}.`,
    );
  }
}
