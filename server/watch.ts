// The service's own watch over every Gluster cluster the engine manages, whether or not anyone is
// logged in. It reads each cluster once per interval (and at once when Gluster's events API says
// something happened), with the service's own engine account, through the same shared status read
// the tab uses, so viewers add no Gluster calls: one read per cluster per interval, whatever the
// audience. Each read feeds:
//   - the transition rule (src/georep/transitions.ts): one engine event per transition, posted by
//     the service account through the audit trail's path (audit.ts), so the engine's notifier can
//     mail or trap it; never twice across a restart (its last words are read back from the
//     engine's own events before it speaks about a cluster, and each event's custom_id is derived
//     from the transition, which the engine keeps unique);
//   - the listeners: open tabs (Server-Sent Events, stream.ts), the lag history, the metrics.
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { canonicalSessionKey, sessionId } from '../src/georep/status';
import {
  customIdOf,
  DIMENSION_OF,
  TransitionDetector,
  type Announced as AnnouncedState,
  type Transition,
  type TransitionSettings,
} from '../src/georep/transitions';
import type { GeoRepSession, SessionKey } from '../src/georep/types';
import { describeTransition, isDeletionOf, parseAnnouncement } from './announce';
import { EVENT_ORIGIN, type Audit } from './audit';
import type { Principal } from './auth';
import type { EngineClient, EngineCluster, EngineEventRecord } from './engine';
import type { ClusterStatus, StatusService } from './status';

export interface WatchSettings {
  /** Time between two reads of a cluster (ms). */
  intervalMs: number;
  transitions: TransitionSettings;
}

export type ReadCause = 'interval' | 'event' | 'start';

/** One read of a cluster, as the watch hands it to its listeners. */
export interface ClusterRead {
  cluster: EngineCluster;
  /** null when the read failed (then `error` says why). */
  status: ClusterStatus | null;
  error: string | null;
  cause: ReadCause;
  /** How long the read took (ms). */
  durationMs: number;
}

export interface WatchDeps {
  engine: EngineClient;
  status: StatusService;
  audit: Audit;
  /** The service account's token. */
  serviceToken: () => Promise<string | null>;
  log: FastifyBaseLogger;
  now?: () => number;
}

/** A transition as announced, numbered in this process. */
export interface Announced {
  seq: number;
  transition: Transition;
  description: string;
}

/** How many announced transitions are kept for the browsers (a minute of a bad day at most). */
const RECENT_KEPT = 500;

/** How many of its own events the watch reads back per cluster before it speaks. */
const SEED_EVENTS = 2000;
const CLUSTERS_TTL_MS = 60_000;

export class Watch {
  readonly detector: TransitionDetector;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private clusterList: { at: number; clusters: EngineCluster[] } | null = null;
  private principal: Principal | null = null;
  private readonly seeded = new Set<string>();
  private readonly queue = new Map<string, Transition[]>();
  private readonly reading = new Map<string, Promise<ClusterRead>>();
  private readonly again = new Map<string, Promise<ClusterRead>>();
  private readonly readListeners = new Set<(r: ClusterRead) => void>();
  private readonly transitionListeners = new Set<(t: Transition, description: string) => void>();
  private readonly last = new Map<string, ClusterRead>();
  /** The transitions announced lately, for the browsers' alerts (transitionsAfter). */
  private readonly recent: Announced[] = [];
  private seq = 0;
  /** Cursors of another process (a restart) are not ours: a reader starts afresh. */
  readonly epoch = randomBytes(4).toString('hex');
  private readonly now: () => number;
  /** Counters for the metrics and the benchmark. */
  readonly counters = { reads: 0, readFailures: 0, announced: 0, announceFailures: 0 };

  constructor(
    private readonly deps: WatchDeps,
    readonly settings: WatchSettings,
  ) {
    this.detector = new TransitionDetector(settings.transitions);
    this.now = deps.now ?? Date.now;
    // A session a user deleted through the service is not "disappeared".
    deps.audit.onRecord = (e) => {
      if (e.action === 'delete' && e.ok) this.detector.expectGone(e.cluster.id, e.key);
    };
  }

  get intervalMs(): number {
    return this.settings.intervalMs;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = async (): Promise<void> => {
      if (!this.running) return;
      await this.tick('interval').catch((err: unknown) =>
        this.deps.log.warn({ err: message(err) }, 'watch: a round failed'),
      );
      // stop() may have run during the round.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (this.running) {
        this.timer = setTimeout(() => void loop(), this.settings.intervalMs);
        this.timer.unref();
      }
    };
    void loop();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Every read (listeners must not throw). */
  onRead(fn: (r: ClusterRead) => void): () => void {
    this.readListeners.add(fn);
    return () => this.readListeners.delete(fn);
  }

  /** Every transition the watch announced. */
  onTransition(fn: (t: Transition, description: string) => void): () => void {
    this.transitionListeners.add(fn);
    return () => this.transitionListeners.delete(fn);
  }

  /**
   * The transitions announced after `cursor` (`<epoch>.<seq>`), oldest first, and the cursor to
   * ask with next time. A cursor of another process, or none, gives none: the reader starts from
   * now (and asks `ongoing` for what is wrong already).
   */
  transitionsAfter(cursor: string | undefined): { cursor: string; items: Announced[] } {
    const m = /^([0-9a-f]+)\.(\d+)$/.exec(cursor ?? '');
    const next = `${this.epoch}.${this.seq}`;
    if (!m || m[1] !== this.epoch) return { cursor: next, items: [] };
    const after = Number(m[2]);
    return { cursor: next, items: this.recent.filter((a) => a.seq > after) };
  }

  /** The last read of a cluster (a successful one, if any succeeded). */
  lastRead(clusterId: string): ClusterRead | undefined {
    return this.last.get(clusterId);
  }

  /** The Gluster clusters the service account sees (cached for a minute). */
  async clusters(force = false): Promise<EngineCluster[]> {
    if (!force && this.clusterList && this.now() - this.clusterList.at < CLUSTERS_TTL_MS)
      return this.clusterList.clusters;
    const p = await this.servicePrincipal();
    const all = await this.deps.engine.clusters(p.token);
    const clusters = all.filter((c) => c.gluster_service);
    this.clusterList = { at: this.now(), clusters };
    return clusters;
  }

  /** One round: every cluster read now (joins reads in flight). */
  async tick(cause: ReadCause = 'interval'): Promise<ClusterRead[]> {
    const clusters = await this.clusters();
    return Promise.all(clusters.map((c) => this.readCluster(c, cause)));
  }

  /**
   * Something happened on the cluster (Gluster's events API): a read that starts after now. A
   * burst of events costs at most one read in flight and one after it.
   */
  async kick(clusterId: string): Promise<ClusterRead | null> {
    let cluster = (await this.clusters()).find((c) => c.id === clusterId);
    cluster ??= (await this.clusters(true)).find((c) => c.id === clusterId);
    if (!cluster) return null;
    const running = this.reading.get(clusterId);
    if (!running) return this.readCluster(cluster, 'event', true);
    let next = this.again.get(clusterId);
    if (!next) {
      const c = cluster;
      next = running
        .catch(() => undefined)
        .then(() => {
          this.again.delete(clusterId);
          return this.readCluster(c, 'event', true);
        });
      this.again.set(clusterId, next);
    }
    return next;
  }

  private readCluster(
    cluster: EngineCluster,
    cause: ReadCause,
    fresh = false,
  ): Promise<ClusterRead> {
    const running = this.reading.get(cluster.id);
    if (running && !fresh) return running;
    const p = this.doRead(cluster, cause, fresh).finally(() => {
      if (this.reading.get(cluster.id) === p) this.reading.delete(cluster.id);
    });
    this.reading.set(cluster.id, p);
    return p;
  }

  private async doRead(
    cluster: EngineCluster,
    cause: ReadCause,
    fresh: boolean,
  ): Promise<ClusterRead> {
    const started = this.now();
    let read: ClusterRead;
    try {
      const p = await this.servicePrincipal();
      const status = fresh
        ? await this.deps.status.fresh(p, cluster, this.deps.log)
        : await this.deps.status.reload(p, cluster, this.deps.log);
      this.counters.reads++;
      read = { cluster, status, error: null, cause, durationMs: this.now() - started };
    } catch (err) {
      this.counters.readFailures++;
      // A failed read says nothing about the sessions: no transition from it.
      read = {
        cluster,
        status: null,
        error: message(err),
        cause,
        durationMs: this.now() - started,
      };
      this.deps.log.warn(
        { cluster: cluster.name, err: read.error },
        'watch: cannot read the cluster',
      );
    }
    if (read.status || !this.last.get(cluster.id)?.status) this.last.set(cluster.id, read);
    for (const fn of this.readListeners) fn(read);
    if (read.status)
      await this.judge(cluster, read.status.sessions, Date.parse(read.status.read_at));
    return read;
  }

  /** The transitions of a read, announced in order (those that cannot be yet wait for the next read). */
  private async judge(
    cluster: EngineCluster,
    sessions: GeoRepSession[],
    at: number,
  ): Promise<void> {
    if (!this.seeded.has(cluster.id)) {
      try {
        await this.seed(cluster);
        this.seeded.add(cluster.id);
      } catch (err) {
        this.deps.log.warn(
          { cluster: cluster.name, err: message(err) },
          "watch: cannot read the engine's events yet; no transition is announced for this cluster until it can",
        );
        return;
      }
    }
    const found = this.detector.observe(
      cluster.id,
      sessions,
      Number.isFinite(at) ? at : this.now(),
    );
    if (found.length === 0 && !this.queue.get(cluster.id)?.length) return;
    const q = this.queue.get(cluster.id) ?? [];
    q.push(...found);
    this.queue.set(cluster.id, q);
    await this.flush(cluster);
  }

  /** What this service last said about each session of the cluster, from the engine's events. */
  private async seed(cluster: EngineCluster): Promise<void> {
    const p = await this.servicePrincipal();
    const events = (
      await this.deps.engine.events(p.token, { search: `origin=${EVENT_ORIGIN}`, max: SEED_EVENTS })
    ).filter((e) => e.cluster_id === cluster.id);
    const bySession = new Map<
      string,
      { key: SessionKey; a: AnnouncedState; newest: EngineEventRecord }
    >();
    // Newest first: the first word on each dimension is the last one said.
    for (const e of events) {
      const ann = parseAnnouncement(e.description);
      if (!ann || e.custom_id === null) continue;
      const k = canonicalSessionKey(ann.key);
      let s = bySession.get(k);
      if (!s) {
        s = { key: ann.key, a: {}, newest: e };
        bySession.set(k, s);
      }
      const dim = DIMENSION_OF[ann.kind];
      if (dim === 'health' && !s.a.health)
        s.a.health = {
          state:
            ann.kind === 'recovered' ? 'ok' : (ann.kind as 'faulty' | 'partly_faulty' | 'stalled'),
          custom_id: e.custom_id,
        };
      else if (dim === 'lag' && !s.a.lag)
        s.a.lag = { state: ann.kind === 'lag_high' ? 'high' : 'ok', custom_id: e.custom_id };
      else if (dim === 'checkpoint' && ann.checkpoint_time)
        (s.a.checkpoints ??= []).push(ann.checkpoint_time);
      else if (dim === 'presence' && s.newest === e) s.a.disappeared = { custom_id: e.custom_id };
    }
    for (const s of bySession.values()) {
      // Deleted by a user through the service after the last word about it: gone, not news.
      const deleted = events.find(
        (e) => e.id > s.newest.id && isDeletionOf(e.description, s.key, cluster),
      );
      if (deleted && !s.a.disappeared) s.a.disappeared = { custom_id: deleted.custom_id ?? 0 };
      this.detector.seed(cluster.id, s.key, sessionId(s.key), s.a);
    }
    this.deps.log.info(
      { cluster: cluster.name, sessions: bySession.size, events: events.length },
      "watch: read back this service's last events for the cluster",
    );
  }

  private async flush(cluster: EngineCluster): Promise<void> {
    const q = this.queue.get(cluster.id) ?? [];
    while (q.length > 0) {
      const t = q[0]!;
      const description = describeTransition(t, cluster, this.settings.transitions);
      try {
        const p = await this.servicePrincipal();
        // Is the custom_id taken? By this very transition (another instance, a restart): done. By
        // anything else (a hash collision): the next id of the same transition.
        let taken = await this.holder(p, t.custom_id);
        let salt = 0;
        while (taken && !this.sameTransition(taken, t) && salt < 5) {
          t.custom_id = customIdOf(`${t.dedup_key}\n#${++salt}`);
          taken = await this.holder(p, t.custom_id);
        }
        if (taken && this.sameTransition(taken, t)) {
          q.shift();
          continue;
        }
      } catch (err) {
        this.deps.log.warn(
          { err: message(err) },
          'watch: cannot check the engine events; will retry',
        );
        return;
      }
      const ok = await this.deps.audit.announce(
        {
          description: description.length > 4000 ? `${description.slice(0, 3997)}...` : description,
          severity: t.severity,
          custom_id: t.custom_id,
          cluster_id: cluster.id,
        },
        this.deps.log,
      );
      if (!ok) {
        this.counters.announceFailures++;
        return;
      }
      q.shift();
      this.counters.announced++;
      const level = t.severity === 'normal' ? 'info' : 'warn';
      this.deps.log[level](
        {
          cluster: cluster.name,
          session: t.session_id,
          transition: t.kind,
          custom_id: t.custom_id,
        },
        description,
      );
      this.recent.push({ seq: ++this.seq, transition: t, description });
      if (this.recent.length > RECENT_KEPT) this.recent.shift();
      for (const fn of this.transitionListeners) fn(t, description);
    }
  }

  private async holder(p: Principal, customId: number): Promise<EngineEventRecord | null> {
    const found = await this.deps.engine.events(p.token, {
      search: `origin=${EVENT_ORIGIN} and custom_event_id=${customId}`,
      max: 5,
    });
    return found.find((e) => e.custom_id === customId && e.origin === EVENT_ORIGIN) ?? null;
  }

  private sameTransition(e: EngineEventRecord, t: Transition): boolean {
    const a = parseAnnouncement(e.description);
    return (
      !!a &&
      a.kind === t.kind &&
      canonicalSessionKey(a.key) === canonicalSessionKey(t.key) &&
      (t.kind !== 'checkpoint_completed' || a.checkpoint_time === t.checkpoint_time)
    );
  }

  /** The service account as a principal (its user read once per token). */
  async servicePrincipal(): Promise<Principal> {
    const token = await this.deps.serviceToken();
    if (!token) throw new Error('the service account has no token');
    if (this.principal?.token === token) return this.principal;
    const user = await this.deps.engine.whoami(token);
    this.principal = { token, user };
    return this.principal;
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
