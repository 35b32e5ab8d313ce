// Stall detection for the shared status read (src/georep/stall.ts has the rule and its sources).
// After a cluster's status read, the Active workers in Changelog Crawl are checked on their nodes:
// one small read per node and session (server/gluster/probe.ts), at most once per interval, in the
// background, shared by every viewer. A status read never waits for it: it carries what the last
// reading said. A worker is Stalled after two readings in a row found the same recorded change
// waiting, with nothing being processed, beyond the session's threshold.
import type { FastifyBaseLogger } from 'fastify';
import {
  classifyEvidence,
  DEFAULT_ROLLOVER_SECONDS,
  stallThresholds,
  toStallEvidence,
  type StallEvidence,
  type StallVerdict,
} from '../src/georep/stall';
import { rollUpStatus } from '../src/georep/status';
import type { GeoRepSession, GeoRepWorker } from '../src/georep/types';
import { keyOfSession } from './domain';
import type { BrickEvidence, NodeProbe } from './gluster/probe';
import type { ParsedVolume } from './gluster/types';
import { errorMessage } from '../src/georep/errorMessage';

export interface WorkerStall {
  verdict: StallVerdict;
  /** Readings in a row that said stalled for the same waiting change. */
  stalledReadings: number;
  /** Node clock (epoch s) of the first of them. */
  firstStalledAt: number | null;
  evidence: BrickEvidence;
  /** Local clock (ms) of the reading. */
  readAt: number;
  /** The threshold it was judged with (s). */
  thresholdSeconds: number;
}

/** From a node name as Gluster prints it to the address the service may reach (an engine host). */
export type NodeResolver = (glusterNode: string) => Promise<string | null>;

export interface StallWatchOptions {
  /** Least time between two readings of one cluster (ms); default 10 s. */
  intervalMs?: number;
  /** Readings in a row before a worker is Stalled; default 2. */
  confirmations?: number;
  now?: () => number;
}

/** A worker that can stall: syncing live from changelogs. */
export function watchable(w: GeoRepWorker): boolean {
  return w.status === 'Active' && w.crawl_status === 'Changelog Crawl';
}

const workerKey = (sessionId: string, brick: string): string => `${sessionId}\n${brick}`;

export class StallWatch {
  private readonly state = new Map<string, WorkerStall>();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly lastRun = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly confirmations: number;
  private readonly now: () => number;

  constructor(
    private readonly probe: NodeProbe,
    opts: StallWatchOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? 10_000;
    this.confirmations = Math.max(1, opts.confirmations ?? 2);
    this.now = opts.now ?? Date.now;
  }

  /** What the watch knows of a worker now (tests, Recover). */
  stateOf(sessionId: string, brick: string): WorkerStall | undefined {
    return this.state.get(workerKey(sessionId, brick));
  }

  /** Is this worker Stalled by the rule (confirmed readings)? */
  isStalled(s: WorkerStall | undefined): boolean {
    return !!s && s.verdict === 'stalled' && s.stalledReadings >= this.confirmations;
  }

  /**
   * The sessions with each watched worker's `stall` set from the last readings, and a reading
   * started in the background when the cluster's is older than the interval.
   */
  annotate(
    clusterId: string,
    sessions: GeoRepSession[],
    volumes: ParsedVolume[],
    resolve: NodeResolver,
    log?: FastifyBaseLogger,
  ): GeoRepSession[] {
    const last = this.lastRun.get(clusterId) ?? -Infinity;
    if (this.now() - last >= this.intervalMs && !this.inflight.has(clusterId)) {
      void this.refresh(clusterId, sessions, volumes, resolve, log).catch(() => undefined);
    }
    return sessions.map((s) => this.mark(s));
  }

  /** The session with its workers' stall evidence (null where not stalled). */
  mark(s: GeoRepSession): GeoRepSession {
    const workers = s.workers.map((w) => {
      const st = watchable(w) ? this.state.get(workerKey(s.id, w.primary_brick)) : undefined;
      const stall: StallEvidence | null =
        st && this.isStalled(st)
          ? toStallEvidence(st.evidence, st.firstStalledAt ?? st.evidence.now)
          : null;
      if (!stall && !w.stall) return w;
      return { ...w, stall };
    });
    const changed = workers.some((w, i) => w !== s.workers[i]);
    return changed ? { ...s, workers, status: rollUpStatus(workers) } : s;
  }

  /** Read the evidence of every watched worker of the cluster now (joins a reading in flight). */
  refresh(
    clusterId: string,
    sessions: GeoRepSession[],
    volumes: ParsedVolume[],
    resolve: NodeResolver,
    log?: FastifyBaseLogger,
  ): Promise<void> {
    const running = this.inflight.get(clusterId);
    if (running) return running;
    this.lastRun.set(clusterId, this.now());
    const p = this.read(sessions, volumes, resolve, log).finally(() =>
      this.inflight.delete(clusterId),
    );
    this.inflight.set(clusterId, p);
    return p;
  }

  /** Forget a session's readings (after Recover restarted its workers, or it went away). */
  forget(sessionId: string): void {
    for (const k of [...this.state.keys()])
      if (k.startsWith(`${sessionId}\n`)) this.state.delete(k);
  }

  private async read(
    sessions: GeoRepSession[],
    volumes: ParsedVolume[],
    resolve: NodeResolver,
    log?: FastifyBaseLogger,
  ): Promise<void> {
    const seen = new Set<string>();
    const jobs: Promise<void>[] = [];
    for (const s of sessions) {
      const byNode = new Map<string, string[]>();
      for (const w of s.workers) {
        if (!watchable(w)) continue;
        seen.add(workerKey(s.id, w.primary_brick));
        const list = byNode.get(w.primary_node) ?? [];
        list.push(w.primary_brick);
        byNode.set(w.primary_node, list);
      }
      const rollover = rolloverOf(volumes.find((v) => v.name === s.primary_volume));
      for (const [glusterNode, bricks] of byNode) {
        jobs.push(this.readNode(s, glusterNode, bricks, rollover, resolve, log));
      }
    }
    await Promise.all(jobs);
    // workers no longer watched (stopped, Faulty, another crawl) start afresh next time
    const ids = new Set(sessions.map((s) => s.id));
    for (const k of [...this.state.keys()]) {
      if (ids.has(k.split('\n', 1)[0]!) && !seen.has(k)) this.state.delete(k);
    }
  }

  private async readNode(
    s: GeoRepSession,
    glusterNode: string,
    bricks: string[],
    rollover: number,
    resolve: NodeResolver,
    log?: FastifyBaseLogger,
  ): Promise<void> {
    try {
      const address = await resolve(glusterNode);
      if (!address) {
        log?.debug({ node: glusterNode }, 'stall watch: node is not an engine host; not read');
        return;
      }
      const ev = await this.probe.evidence(address, keyOfSession(s), bricks);
      const t = stallThresholds(rollover, ev.change_interval ?? undefined);
      for (const b of ev.bricks) {
        if (b.error) {
          log?.debug(
            { node: glusterNode, brick: b.brick, error: b.error },
            'stall watch: no evidence',
          );
          continue;
        }
        const key = workerKey(s.id, b.brick);
        const prev = this.state.get(key);
        const verdict = classifyEvidence(b, t);
        const again =
          verdict === 'stalled' &&
          prev?.verdict === 'stalled' &&
          prev.evidence.oldest_pending === b.oldest_pending;
        const next: WorkerStall = {
          verdict,
          stalledReadings: verdict === 'stalled' ? (again ? prev.stalledReadings + 1 : 1) : 0,
          firstStalledAt: verdict === 'stalled' ? (again ? prev.firstStalledAt : b.now) : null,
          evidence: b,
          readAt: this.now(),
          thresholdSeconds: t.stallAfterSeconds,
        };
        if (this.isStalled(next) && !this.isStalled(prev)) {
          log?.warn(
            {
              session: s.id,
              node: glusterNode,
              brick: b.brick,
              pending_since: b.oldest_pending,
              threshold_s: t.stallAfterSeconds,
            },
            'geo-replication worker stalled: changes recorded, not being synced',
          );
        }
        this.state.set(key, next);
      }
    } catch (err) {
      // unreadable now: keep what was known; the next interval tries again
      log?.debug({ node: glusterNode, err: errorMessage(err) }, 'stall watch: reading failed');
    }
  }
}

/** `changelog.rollover-time` of the primary volume (Gluster's default when not set). */
export function rolloverOf(v: ParsedVolume | undefined): number {
  const raw = v?.options['changelog.rollover-time'];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_ROLLOVER_SECONDS;
}

/**
 * Resolves Gluster's node names against the engine's hosts of the cluster: the same name or
 * address (case and a trailing dot ignored), else the same IP address after resolving both.
 * Only engine hosts are ever returned: the service reads no machine the engine does not manage.
 */
export function engineNodeResolver(
  hosts: readonly { name: string; address: string }[],
  lookup: (name: string) => Promise<string[]>,
): NodeResolver {
  const norm = (h: string): string => h.trim().toLowerCase().replace(/\.$/, '');
  const cache = new Map<string, Promise<string | null>>();
  return (glusterNode) => {
    const hit = cache.get(glusterNode);
    if (hit) return hit;
    const p = (async () => {
      const n = norm(glusterNode);
      const direct = hosts.find((h) => norm(h.address) === n || norm(h.name) === n);
      if (direct) return direct.address;
      const mine = new Set(await lookup(glusterNode).catch(() => [] as string[]));
      if (mine.size === 0) return null;
      for (const h of hosts) {
        const theirs = await lookup(h.address).catch(() => [] as string[]);
        if (theirs.some((a) => mine.has(a))) return h.address;
      }
      return null;
    })();
    cache.set(glusterNode, p);
    return p;
  };
}
