// Gluster's events API (glustereventsd) as a trigger: the service registers a webhook on each
// cluster's nodes, and every geo-replication event it receives makes the watch read that cluster at
// once, so a change made anywhere (the gluster CLI, a worker going Faulty) reaches open tabs within
// about a second. Deliveries are never retried by Gluster (utils.py publish_to_webhook posts once
// and logs "Event push failed"): the watch's interval stays the bound for a missed one.
//
// Registration (events/src/peer_eventsapi.py): `gluster-eventsapi webhook-add URL -t TOKEN` writes
// /var/lib/glusterd/events/webhooks.json and copies it to every peer; an existing URL gives exit 5
// (ERROR_WEBHOOK_ALREADY_EXISTS), then `webhook-mod` sets the token. Its own reload of the peers
// (node-reload: SIGUSR2 to the PID in glustereventsd.pid) reaches no daemon: glustereventsd.py
// main() leaves `with PidFile(...)` as soon as its threads are started, and PidFile.__exit__
// removes the file, so a running daemon never learns of the new webhook. The unit's reload
// (extras/systemd/glustereventsd.service.in: ExecReload=/bin/kill -SIGUSR2 $MAINPID) does, so
// the service runs `systemctl reload glustereventsd` on every Up node afterwards.
//
// Authentication: a bearer token per webhook (`-t`; every POST carries `Authorization: Bearer
// TOKEN`). JWT (`-s`) is broken on Python 3. The token is an HMAC of the cluster's id with a
// secret of the service (the engine account's password), so it is the same across restarts and
// instances and is stored nowhere but in Gluster's own webhooks.json. Only the cluster's nodes
// (the engine's hosts of the cluster, by address) may post.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Principal } from './auth';
import type { EngineClient, EngineCluster } from './engine';
import { quoteArgv, type HostShell } from './gluster/provision';

export interface EventsApiOptions {
  /** The URL the Gluster nodes post to, up to the cluster id: `<base>/<cluster id>`. */
  webhookBase: string;
  /** Secret for the per-cluster tokens. */
  secret: string;
  /** Commands on the cluster's nodes (gluster-eventsapi, systemctl): the service's SSH login. */
  shell: HostShell;
  /** Make the daemons on the nodes read the new webhook; default `systemctl reload glustereventsd`. */
  reloadArgv?: readonly string[];
  /** The gluster-eventsapi program on the nodes. */
  eventsapiCommand?: string;
  timeoutMs?: number;
  /** Host name -> addresses, for the sender check; default DNS (tests give their own). */
  resolve?: (name: string) => Promise<string[]>;
}

export type EventsApiState =
  | { state: 'registered'; at: string; nodes: string[]; reload_failed: string[] }
  | { state: 'unavailable'; at: string; reason: string }
  | { state: 'pending' };

/** A webhook delivery as glustereventsd sends it (gf_event / glustereventsd.py handle). */
export interface GlusterEvent {
  event: string;
  message: Record<string, unknown>;
  nodeid: string;
  ts: number;
}

export function webhookToken(secret: string, clusterId: string): string {
  return createHmac('sha256', secret)
    .update(`gluster-events-webhook\n${clusterId}`)
    .digest('base64url');
}

export function webhookUrl(base: string, clusterId: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(clusterId)}`;
}

/** Events that may change what the tab shows (every geo-replication event). */
export function isGeoRepEvent(name: string): boolean {
  return name.startsWith('GEOREP_');
}

export class EventsApi {
  private readonly states = new Map<string, EventsApiState>();
  /** cluster id -> time (ms) of the last event accepted from it. */
  private readonly lastEvent = new Map<string, number>();
  readonly counters = { accepted: 0, refused: 0 };

  constructor(private readonly opts: EventsApiOptions) {}

  stateOf(clusterId: string): EventsApiState {
    return this.states.get(clusterId) ?? { state: 'pending' };
  }

  lastEventAt(clusterId: string): number | null {
    return this.lastEvent.get(clusterId) ?? null;
  }

  /**
   * The cluster pushes: an event came from it, or its webhook is registered and the daemon took
   * it on at least one node (a reload fails where glustereventsd does not run).
   */
  pushes(clusterId: string): boolean {
    const st = this.stateOf(clusterId);
    if (this.lastEvent.has(clusterId)) return true;
    return st.state === 'registered' && st.reload_failed.length < st.nodes.length;
  }

  /** Why the cluster does not push, in words for the tab; null when it does. */
  whyNot(clusterId: string): string | null {
    if (this.pushes(clusterId)) return null;
    const st = this.stateOf(clusterId);
    if (st.state === 'unavailable') return st.reason;
    if (st.state === 'registered')
      return `glustereventsd could not be reloaded on ${st.reload_failed.join(', ')} (is it running there?)`;
    return null;
  }

  private run(node: string, argv: readonly string[]) {
    return this.opts.shell.runShell(node, quoteArgv(argv), {
      timeoutMs: this.opts.timeoutMs ?? 60_000,
    });
  }

  /** Add (or update) the cluster's webhook from one Up node, then reload the daemon on every one. */
  async register(
    cluster: EngineCluster,
    nodes: readonly string[],
    log: FastifyBaseLogger,
  ): Promise<EventsApiState> {
    const at = new Date().toISOString();
    const cmd = this.opts.eventsapiCommand ?? 'gluster-eventsapi';
    const url = webhookUrl(this.opts.webhookBase, cluster.id);
    const token = webhookToken(this.opts.secret, cluster.id);
    let state: EventsApiState;
    try {
      if (nodes.length === 0) throw new Error('the cluster has no Up host');
      let used: string | null = null;
      let last = '';
      for (const node of nodes) {
        try {
          // argv, quoted for the node's shell: the token is one inert argument (never logged).
          let r = await this.run(node, [cmd, 'webhook-add', url, '-t', token]);
          if (r.code === 5) r = await this.run(node, [cmd, 'webhook-mod', url, '-t', token]);
          // 0 ok; 4: some peers did not sync (they are down): the rest work.
          if (r.code === 0 || r.code === 4) {
            used = node;
            break;
          }
          last =
            r.code === 127
              ? `${cmd} is not installed on ${node} (package glusterfs-events)`
              : `${cmd} on ${node} exited with ${r.code}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`;
        } catch (err) {
          last = err instanceof Error ? err.message : String(err);
        }
      }
      if (!used) throw new Error(last || 'no node took the webhook');
      const reload = this.opts.reloadArgv ?? ['systemctl', 'reload', 'glustereventsd'];
      const failed: string[] = [];
      await Promise.all(
        nodes.map(async (n) => {
          try {
            const r = await this.run(n, reload);
            if (r.code !== 0) failed.push(n);
          } catch {
            failed.push(n);
          }
        }),
      );
      state = { state: 'registered', at, nodes: [...nodes], reload_failed: failed };
      log.info(
        { cluster: cluster.name, url, reload_failed: failed },
        failed.length
          ? 'Gluster events webhook registered; glustereventsd could not be reloaded on some nodes, which post only after it restarts'
          : 'Gluster events webhook registered',
      );
    } catch (err) {
      state = {
        state: 'unavailable',
        at,
        reason: err instanceof Error ? err.message : String(err),
      };
      log.warn(
        { cluster: cluster.name, reason: state.reason },
        "Gluster's events API cannot be used on this cluster; its sessions are read every interval",
      );
    }
    this.states.set(cluster.id, state);
    return state;
  }

  /** Remove the cluster's webhook (on uninstall). */
  async unregister(cluster: EngineCluster, nodes: readonly string[]): Promise<string> {
    const cmd = this.opts.eventsapiCommand ?? 'gluster-eventsapi';
    const url = webhookUrl(this.opts.webhookBase, cluster.id);
    let last = 'the cluster has no Up host';
    for (const node of nodes) {
      try {
        const r = await this.run(node, [cmd, 'webhook-del', url]);
        if (r.code === 0 || r.code === 4) return `removed ${url}`;
        if (r.code === 6) return `${url} was not registered`;
        last = `${cmd} on ${node} exited with ${r.code}`;
      } catch (err) {
        last = err instanceof Error ? err.message : String(err);
      }
    }
    throw new Error(last);
  }

  /**
   * The webhook's checks, in order: the cluster's token (401), a body as glustereventsd sends
   * (400), a sender among the cluster's nodes (403). Returns the event when all pass.
   */
  async accept(
    clusterId: string,
    authorization: string | undefined,
    body: unknown,
    sender: string,
    clusterNodes: () => Promise<string[]>,
  ): Promise<
    { ok: true; event: GlusterEvent } | { ok: false; code: 400 | 401 | 403; detail: string }
  > {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const want = Buffer.from(webhookToken(this.opts.secret, clusterId));
    const got = Buffer.from(m?.[1] ?? '');
    if (!m || got.length !== want.length || !timingSafeEqual(got, want)) {
      this.counters.refused++;
      return { ok: false, code: 401, detail: 'This webhook needs its bearer token.' };
    }
    const e = body as { [K in keyof GlusterEvent]?: unknown } | null;
    if (
      !e ||
      typeof e !== 'object' ||
      typeof e.event !== 'string' ||
      !/^[A-Z0-9_]{1,64}$/.test(e.event) ||
      (e.message !== undefined && (typeof e.message !== 'object' || e.message === null)) ||
      (e.ts !== undefined && typeof e.ts !== 'number')
    ) {
      this.counters.refused++;
      return {
        ok: false,
        code: 400,
        detail: 'Not a Gluster event ({event, message, nodeid, ts}).',
      };
    }
    const from = normalizeIp(sender);
    const allowed = await clusterNodes();
    if (!allowed.includes(from)) {
      this.counters.refused++;
      return { ok: false, code: 403, detail: `${from} is not a node of this cluster.` };
    }
    this.counters.accepted++;
    this.lastEvent.set(clusterId, Date.now());
    return {
      ok: true,
      event: {
        event: e.event,
        message: (e.message ?? {}) as Record<string, unknown>,
        nodeid: typeof e.nodeid === 'string' ? e.nodeid : '',
        ts: typeof e.ts === 'number' ? e.ts : 0,
      },
    };
  }
}

/** `::ffff:10.0.0.1` -> `10.0.0.1`. */
export function normalizeIp(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return (m ? m[1]! : ip).toLowerCase();
}

/** Every address the engine's hosts of a cluster have (names resolved), for the sender check. */
export async function clusterAddresses(
  engine: EngineClient,
  p: Principal,
  cluster: EngineCluster,
  resolve: (name: string) => Promise<string[]> = async (name) =>
    (await lookup(name, { all: true })).map((a) => a.address),
): Promise<string[]> {
  const hosts = await engine.clusterHosts(p.token, cluster);
  const out = new Set<string>();
  for (const h of hosts) {
    for (const name of [h.address, h.name]) {
      if (!name) continue;
      if (net.isIP(name)) out.add(normalizeIp(name));
      else {
        try {
          for (const a of await resolve(name)) out.add(normalizeIp(a));
        } catch {
          // a name that does not resolve gives no address
        }
      }
    }
  }
  return [...out];
}

/** The webhook route, outside the SSO-authenticated scope (Gluster has no oVirt token). */
export function webhookRoute(
  app: FastifyInstance,
  path: string,
  handle: (
    clusterId: string,
    authorization: string | undefined,
    body: unknown,
    sender: string,
    log: FastifyBaseLogger,
  ) => Promise<{ code: number; body: unknown }>,
): void {
  app.post<{ Params: { cluster_id: string } }>(`${path}/:cluster_id`, async (req, reply) => {
    const r = await handle(
      req.params.cluster_id,
      req.headers.authorization,
      req.body,
      req.ip,
      req.log,
    );
    return reply.code(r.code).send(r.body);
  });
}
