// A checkpoint on an idle primary volume: Gluster 10.3 never marks it completed. gsyncd moves a
// worker's stime (its last_synced) only when it processes a changelog that recorded changes
// (syncdaemon/primary.py GPrimaryChangelogMixin.crawl: getchanges(), then process(); nothing
// else updates it in Changelog Crawl), and the checkpoint is completed when stime passes it
// (gsyncdstatus.py set_last_synced). Seen on the lab: failback's reverse session synced the
// recovery site's write, then sat Active / Changelog Crawl with the checkpoint "No" for as long as
// nothing was written — which is exactly when the RHGS guide has the user check it (applications
// stopped). oVirt's own sync waits for it without a bound.
//
// What stands in for it here is the evidence the stall watch reads on each brick's node
// (src/georep/stall.ts): no changelog recorded after the worker's last sync, nothing being
// processed, read when a rollover and a change interval have passed since the checkpoint (so a
// change made before it has been recorded and would be pending). Then everything written before
// the checkpoint is on the secondary, as a completed checkpoint would say.
import type { FastifyBaseLogger } from 'fastify';
import type { GeoRepSession } from '../../src/georep/types';
import { DEFAULT_CHANGE_INTERVAL_SECONDS } from '../../src/georep/stall';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import { keyOfSession } from '../domain';
import type { EngineCluster } from '../engine';
import { rolloverOf, watchable } from '../stall';

/**
 * Whether every replica set's Active worker of `s` has synced everything recorded, read at least
 * a rollover and a change interval after `setAtMs` (ms, Gluster's clock). false when it cannot be
 * told (no probe, a node not reachable, a set without an Active worker in Changelog Crawl).
 */
export async function idlePastCheckpoint(
  ctx: Pick<ServiceContext, 'probe' | 'status'>,
  p: Principal,
  cluster: EngineCluster,
  s: GeoRepSession,
  setAtMs: number,
  log: FastifyBaseLogger,
): Promise<boolean> {
  const probe = ctx.probe;
  if (!probe || s.status !== 'Active') return false;
  const active = s.workers.filter((w) => w.status === 'Active');
  if (active.length === 0 || !active.every(watchable)) return false;
  const st = await ctx.status.fresh(p, cluster, log);
  const rollover = rolloverOf(st.volumes.find((v) => v.name === s.primary_volume));
  const resolve = await ctx.status.resolver(p, cluster);
  const byNode = new Map<string, string[]>();
  for (const w of active)
    byNode.set(w.primary_node, [...(byNode.get(w.primary_node) ?? []), w.primary_brick]);
  for (const [node, bricks] of byNode) {
    const address = await resolve(node);
    if (!address) return false;
    const ev = await probe.evidence(address, keyOfSession(s), bricks).catch(() => null);
    if (!ev) return false;
    const settle = rollover + (ev.change_interval ?? DEFAULT_CHANGE_INTERVAL_SECONDS);
    for (const b of ev.bricks) {
      if (b.error || b.last_synced === null) return false;
      if (b.oldest_pending !== null || b.processing > 0) return false;
      if ((b.now - settle) * 1000 < setAtMs) return false;
    }
    if (ev.bricks.length !== bricks.length) return false;
  }
  return true;
}
