// Watched from the server, pushed to the tabs: wires the watch (watch.ts), Gluster's events API
// (events-api.ts), the stream of a cluster's sessions to open tabs (Server-Sent Events), the lag
// history (history.ts) and the metrics (metrics.ts) into the service.
//
//   GET  {prefix}/clusters/{id}/stream                  text/event-stream: mode, sessions, transition
//   GET  {prefix}/clusters/{id}/sessions/{sid}/history  the session's lag samples and catch-up estimate
//   POST {prefix}/gluster-events/{id}                   Gluster's webhook (its bearer token, its nodes)
//   GET  /metrics                                       Prometheus (loopback, or the metrics token)
//
// The stream goes through the engine's Apache like every API call (mod_proxy_http passes a
// response on as it comes unless a filter holds it; the packaged conf keeps mod_deflate off it);
// a comment line every 15 s keeps the proxy's idle timeout away.
import type { FastifyInstance } from 'fastify';
import { estimateCatchUp, LagHistory, type LagHistoryOptions } from './history';
import type { Principal } from './auth';
import { principalOf, readCluster, type ServiceContext } from './context';
import { parseSessionId } from './domain';
import type { EngineCluster } from './engine';
import { ApiError, notFound } from './errors';
import { clusterAddresses, EventsApi, isGeoRepEvent, type EventsApiOptions } from './events-api';
import type { ServiceMetrics } from './metrics';
import { metricsRoute } from './metrics';
import type { ClusterStatus } from './status';
import { Watch, type ClusterRead, type WatchSettings } from './watch';

export interface PushOptions {
  /** The watch (needs the service account's token). */
  watch?: WatchSettings;
  /** Register a webhook with Gluster's events API on every cluster. */
  eventsApi?: EventsApiOptions | null;
  /** Serve GET /metrics from these. */
  metrics?: ServiceMetrics | null;
  /** Bearer token for /metrics besides loopback. */
  metricsToken?: string | null;
  history?: LagHistoryOptions;
  /** Heartbeat of the stream (ms); default 15000. */
  heartbeatMs?: number;
  /** Given the parts once they are made (tests, benchmarks). */
  expose?: (p: Push) => void;
}

/** What the tab says about how it is kept up to date. */
export interface StreamMode {
  /** events: Gluster's events API triggers reads; interval: the watch reads every interval_ms. */
  push: 'events' | 'interval';
  interval_ms: number;
  /** Why not events, when not. */
  events_api_detail: string | null;
}

const REGISTER_RETRY_MS = 10 * 60_000;
const SENDERS_TTL_MS = 60_000;

export interface Push {
  watch: Watch | null;
  history: LagHistory;
  events: EventsApi | null;
  routes(scope: FastifyInstance): void;
}

export function registerPush(
  app: FastifyInstance,
  ctx: ServiceContext,
  o: PushOptions,
  prefix: string,
  serviceToken: (() => Promise<string | null>) | undefined,
): Push {
  const watch =
    o.watch && serviceToken
      ? new Watch(
          { engine: ctx.engine, status: ctx.status, audit: ctx.audit, serviceToken, log: app.log },
          o.watch,
        )
      : null;
  ctx.watch = watch ?? undefined;
  const history = new LagHistory(o.history);
  const openStreams = new Set<() => void>();
  // Before the server waits for its connections to end: an open stream never ends by itself.
  app.addHook('preClose', (done) => {
    for (const close of [...openStreams]) close();
    done();
  });
  const events = watch && o.eventsApi ? new EventsApi(o.eventsApi) : null;
  const metrics = o.metrics ?? null;
  const attempts = new Map<string, number>();

  const register = async (cluster: EngineCluster, p: Principal): Promise<void> => {
    if (!events) return;
    const st = events.stateOf(cluster.id).state;
    const last = attempts.get(cluster.id) ?? -Infinity;
    if (st === 'registered' || Date.now() - last < REGISTER_RETRY_MS) return;
    attempts.set(cluster.id, Date.now());
    const nodes = await ctx.nodes.upNodes(p, cluster).catch(() => [] as string[]);
    await events.register(cluster, nodes, app.log);
  };

  if (watch) {
    watch.onRead((r: ClusterRead) => {
      if (r.status) history.record(r.cluster.id, r.status.sessions, Date.parse(r.status.read_at));
      metrics?.observeRead(r);
      if (r.status && events)
        void watch
          .servicePrincipal()
          .then((p) => register(r.cluster, p))
          .catch(() => undefined);
    });
    watch.onTransition((t) => metrics?.transitions.inc({ kind: t.kind, severity: t.severity }));
    // After listening: on one origin (npm start, the tests) the engine is this very server.
    app.addHook('onListen', (done) => {
      watch.start();
      done();
    });
    app.addHook('onClose', (_app, done) => {
      watch.stop();
      done();
    });
  }
  if (metrics) metricsRoute(app, metrics, o.metricsToken ?? null);

  if (events && watch) {
    const senders = new Map<string, { at: number; addrs: string[] }>();
    const addressesOf = async (clusterId: string, fresh: boolean): Promise<string[]> => {
      const hit = senders.get(clusterId);
      if (hit && !fresh && Date.now() - hit.at < SENDERS_TTL_MS) return hit.addrs;
      const cluster = (await watch.clusters()).find((c) => c.id === clusterId);
      if (!cluster) return [];
      const addrs = await clusterAddresses(
        ctx.engine,
        await watch.servicePrincipal(),
        cluster,
        o.eventsApi?.resolve,
      );
      senders.set(clusterId, { at: Date.now(), addrs });
      return addrs;
    };
    app.post<{ Params: { cluster_id: string } }>(
      `${prefix}/gluster-events/:cluster_id`,
      async (req, reply) => {
        const id = req.params.cluster_id;
        const r = await events.accept(id, req.headers.authorization, req.body, req.ip, async () => {
          const a = await addressesOf(id, false);
          // a host added since: read the engine again before refusing
          return a.includes(req.ip.replace(/^::ffff:/, '')) ? a : addressesOf(id, true);
        });
        if (!r.ok) {
          metrics?.glusterEvents.inc({ cluster: id, event: 'unknown', outcome: 'refused' });
          req.log.warn(
            { cluster_id: id, from: req.ip, status: r.code },
            `Gluster event refused: ${r.detail}`,
          );
          return reply.code(r.code).send({
            reason:
              r.code === 401 ? 'Unauthorized' : r.code === 403 ? 'Forbidden' : 'Invalid request',
            detail: r.detail,
          });
        }
        metrics?.glusterEvents.inc({ cluster: id, event: r.event.event, outcome: 'accepted' });
        req.log.debug({ cluster_id: id, event: r.event.event }, 'Gluster event');
        // Answer at once (the daemon posts each webhook's events one after the other), then read.
        if (isGeoRepEvent(r.event.event)) void watch.kick(id).catch(() => undefined);
        return reply.code(200).send({ status: 'accepted' });
      },
    );
  }

  const modeOf = (clusterId: string): StreamMode => {
    const interval_ms = watch?.intervalMs ?? 0;
    if (events?.pushes(clusterId)) return { push: 'events', interval_ms, events_api_detail: null };
    return {
      push: 'interval',
      interval_ms,
      events_api_detail: !events
        ? "Gluster's events API is not used by this service (GEOREP_EVENTS_API)."
        : events.whyNot(clusterId),
    };
  };

  const push: Push = {
    watch,
    history,
    events,
    routes(scope) {
      scope.get<{ Params: { cluster_id: string } }>(
        '/clusters/:cluster_id/stream',
        { schema: { hide: true } },
        async (req, reply) => {
          const { cluster } = await readCluster(ctx, req, req.params.cluster_id);
          if (!watch) {
            throw new ApiError(
              503,
              'Service Unavailable',
              'Live updates need the service’s own engine account (GEOREP_ENGINE_USER); the tab polls instead.',
            );
          }
          const authorization = req.headers.authorization;
          reply.hijack();
          const raw = reply.raw;
          raw.writeHead(200, {
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-cache, no-transform',
            'X-Accel-Buffering': 'no',
            Connection: 'keep-alive',
          });
          let closed = false;
          const send = (event: string, data: unknown): void => {
            if (!closed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
          };
          const list = (st: ClusterStatus) => ({
            georep_session: st.sessions,
            read_at: st.read_at,
            backend: ctx.backendName,
          });
          raw.write('retry: 3000\n\n');
          let mode = modeOf(cluster.id);
          send('mode', mode);
          const last = watch.lastRead(cluster.id);
          if (last?.status) send('sessions', list(last.status));
          const offRead = watch.onRead((r) => {
            if (r.cluster.id !== cluster.id) return;
            const m = modeOf(cluster.id);
            if (JSON.stringify(m) !== JSON.stringify(mode)) send('mode', (mode = m));
            if (r.status) send('sessions', list(r.status));
            else send('unavailable', { detail: r.error });
          });
          const offTransition = watch.onTransition((t, description) => {
            if (t.cluster_id === cluster.id)
              send('transition', {
                kind: t.kind,
                severity: t.severity,
                session_id: t.session_id,
                description,
              });
          });
          metrics?.streams.inc();
          let beats = 0;
          const beat = setInterval(() => {
            if (closed) return;
            raw.write(': keepalive\n\n');
            // The user's token and right to see the cluster, checked again once a minute.
            if (++beats % 4 === 0)
              void ctx.access
                .authenticate(authorization)
                .then((p) => ctx.access.readableCluster(p, cluster.id))
                .catch((err: unknown) => {
                  send('end', { detail: err instanceof Error ? err.message : String(err) });
                  close();
                });
          }, o.heartbeatMs ?? 15_000);
          beat.unref();
          const close = (): void => {
            if (closed) return;
            closed = true;
            openStreams.delete(close);
            clearInterval(beat);
            offRead();
            offTransition();
            metrics?.streams.dec();
            raw.end();
          };
          req.raw.on('close', close);
          openStreams.add(close);
        },
      );

      // The watch's transitions, for WebAdmin's alerts in the browser (src/plugin/serverAlerts.ts):
      // the same ones it posted as engine events, of the clusters the user sees. Without `after`
      // (or with a cursor of another process) also what is wrong now.
      scope.get<{ Querystring: { after?: string } }>(
        '/transitions',
        {
          schema: {
            querystring: {
              type: 'object',
              properties: { after: { type: 'string', maxLength: 64 } },
              additionalProperties: false,
            },
          },
        },
        async (req) => {
          if (!watch) {
            throw new ApiError(
              503,
              'Service Unavailable',
              'The service does not watch the clusters (it has no engine account of its own, or GEOREP_WATCH_INTERVAL_MS is 0).',
            );
          }
          const p = principalOf(req);
          const visible = new Map<string, boolean>();
          const sees = async (clusterId: string): Promise<boolean> => {
            let v = visible.get(clusterId);
            if (v === undefined) {
              v = await ctx.access.readableCluster(p, clusterId).then(
                () => true,
                () => false,
              );
              visible.set(clusterId, v);
            }
            return v;
          };
          const { cursor, items } = watch.transitionsAfter(req.query.after);
          const transition = [];
          for (const a of items) {
            if (!(await sees(a.transition.cluster_id))) continue;
            const t = a.transition;
            transition.push({
              kind: t.kind,
              severity: t.severity,
              cluster_id: t.cluster_id,
              session_id: t.session_id,
              ...t.key,
              at: t.at,
              description: a.description,
              ...(t.checkpoint_time ? { checkpoint_time: t.checkpoint_time } : {}),
            });
          }
          const fresh = !req.query.after || !req.query.after.startsWith(`${watch.epoch}.`);
          const ongoing = [];
          if (fresh) {
            for (const c of await watch.clusters()) {
              if (!(await sees(c.id))) continue;
              for (const o of watch.detector.ongoing(c.id))
                ongoing.push({
                  cluster_id: c.id,
                  session_id: o.session_id,
                  ...o.key,
                  health: o.health,
                  lag: o.lag,
                });
            }
          }
          return { cursor, transition, ...(fresh ? { ongoing } : {}) };
        },
      );

      scope.get<{ Params: { cluster_id: string; session_id: string } }>(
        '/clusters/:cluster_id/sessions/:session_id/history',
        { schema: { hide: true } },
        async (req) => {
          const { cluster } = await readCluster(ctx, req, req.params.cluster_id);
          if (!parseSessionId(req.params.session_id))
            throw notFound(`${req.params.session_id} is not a geo-replication session id.`);
          const samples = history.samples(cluster.id, req.params.session_id);
          return {
            lag_sample: samples.map((s) => ({
              time: new Date(s.t).toISOString(),
              lag_seconds: s.lag_seconds,
              pending: s.pending,
            })),
            step_ms: history.stepMs,
            kept_hours: history.hours,
            recording: watch !== null,
            estimate: estimateCatchUp(samples, Date.now()),
          };
        },
      );
    },
  };
  o.expose?.(push);
  return push;
}
