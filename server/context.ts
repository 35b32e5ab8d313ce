// What every route of the service shares: the engine, access control, the cluster's nodes, the
// shared status read, the audit trail and Gluster. One instance per registerGeoRepService call.
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { GeoRepSession, SessionKey } from '../src/georep/types';
import { formatSecondary } from '../src/georep/validation';
import type { Audit } from './audit';
import type { AccessControl, Principal } from './auth';
import type { EngineClient, EngineCluster } from './engine';
import { parseSessionId } from './domain';
import { conflict, notFound } from './errors';
import type { RemoteGluster } from './gluster/provision';
import type { GlusterClient } from './gluster/types';
import type { ClusterNodes } from './nodes';
import type { PreflightHooks } from './preflight/catalogue';
import type { Resolve } from './remoteHost';
import type { StatusService } from './status';
import type { NodeProbe, ProgramExec } from './gluster/probe';
import type { MountbrokerOptions } from './mountbroker/prepare';
import type { Jobs } from './jobs';
import type { RecoverDeps } from './recover';
import type { StallWatch } from './stall';
import type { Watch } from './watch';

/**
 * One action at a time per session, as the engine's own geo-rep commands take an exclusive lock on
 * the session (GeoRepSessionCommandBase.getExclusiveLocks, LockingGroup.GLUSTER_GEOREP): a second
 * action on a session while one runs is refused with what is running. Per service instance.
 */
export class SessionLocks {
  private readonly running = new Map<string, { what: string; by: string; since: Date }>();

  async exclusive<T>(
    cluster: EngineCluster,
    key: SessionKey,
    what: string,
    p: Principal,
    fn: () => Promise<T>,
  ): Promise<T> {
    const release = this.acquire(cluster, key, what, p);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /**
   * Takes the session's lock now or throws the 409 naming what runs; the caller releases it (a
   * long action that answers before it ends, Recover, holds it for as long as its job runs).
   */
  acquire(cluster: EngineCluster, key: SessionKey, what: string, p: Principal): () => void {
    const id = `${cluster.id}\n${key.primary_volume}\n${key.secondary_user}@${key.secondary_host.toLowerCase()}::${key.secondary_volume}`;
    const busy = this.running.get(id);
    if (busy) {
      const secs = Math.max(1, Math.round((Date.now() - busy.since.getTime()) / 1000));
      throw conflict(
        `Another action is running on the session ${key.primary_volume} -> ${formatSecondary(key)}: ${busy.what} by ${busy.by}, started ${secs} s ago. Try again when it has finished.`,
      );
    }
    const mine = { what, by: p.user.display_name, since: new Date() };
    this.running.set(id, mine);
    return () => {
      if (this.running.get(id) === mine) this.running.delete(id);
    };
  }
}

export interface ServiceContext {
  backendName: 'sim' | 'cli';
  engine: EngineClient;
  access: AccessControl;
  nodes: ClusterNodes;
  status: StatusService;
  audit: Audit;
  gluster: GlusterClient;
  /** Gluster on remote hosts, from the cluster hosts: directory targets (provision.ts). */
  remote?: RemoteGluster;
  /** Programs as root on hosts of this engine: the non-root preparation of a secondary (mountbroker/). */
  secondaryRoot?: ProgramExec;
  mountbrokerOptions?: MountbrokerOptions;
  hooks: PreflightHooks;
  locks: SessionLocks;
  /** The system resolver (tests give their own): remote hosts are checked by address too. */
  resolveHost: Resolve;
  /** Development lab only (its secondary is this very machine): skip the address checks. */
  allowLocalRemote: boolean;
  /** gsyncd's files on the nodes; null when the backend cannot read them. */
  probe?: NodeProbe;
  /** Stall detection over the shared status read (null without a probe). */
  stalls: StallWatch | null;
  /** Long actions (Recover). */
  jobs: Jobs;
  /**
   * The storage domain sync set up on a session, if any (server/dr/service.ts): it blocks the
   * session's removal, as DeleteGeoRepSessionCommand refuses one in storage_domain_dr.
   */
  drSchedule?: (
    volumes: import('./gluster/types').ParsedVolume[],
    key: SessionKey,
  ) => import('../src/georep/dr').DrSetup | null;
  /** Recover's bounds and clock. */
  recover: Pick<RecoverDeps, 'maxAttempts' | 'liveWithinMs' | 'pollMs'> & {
    sleep?: (ms: number) => Promise<void>;
  };
  /** The service's own watch over every cluster (watch.ts), when it has an engine account. */
  watch?: Watch;
  /** Whether a secondary accepts gsyncd's key yet (server/pushPem.ts), when SSH can tell. */
  gsyncdKey?: {
    accepted: (
      fromNode: string,
      target: { user: string; host: string; port: number },
    ) => Promise<boolean | null>;
    waitMs: number;
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the service's onRequest hook from the bearer token (checked with the engine). */
    georepPrincipal?: Principal;
  }
}

export function principalOf(req: FastifyRequest): Principal {
  const p = req.georepPrincipal;
  if (!p) throw new Error('georepPrincipal missing: the auth hook did not run');
  return p;
}

/** The user and the cluster, when the engine shows the cluster to the user (else 404). */
export async function readCluster(
  ctx: ServiceContext,
  req: FastifyRequest,
  clusterId: string,
): Promise<{ p: Principal; cluster: EngineCluster }> {
  const p = principalOf(req);
  const cluster = await ctx.access.readableCluster(p, clusterId);
  return { p, cluster };
}

/** As readCluster, and the user may act on the cluster (else 403 with the reason). */
export async function manageCluster(
  ctx: ServiceContext,
  req: FastifyRequest,
  clusterId: string,
): Promise<{ p: Principal; cluster: EngineCluster }> {
  const r = await readCluster(ctx, req, clusterId);
  await ctx.access.requireManage(r.p, r.cluster);
  return r;
}

/**
 * manageCluster and findSession at once: once the user may read the cluster, the right to act
 * (an engine call) and the status read (Gluster) are asked together; the status read tells
 * nothing the user may not see. A refusal to act wins over a missing session, as when in turn.
 */
export async function manageSession(
  ctx: ServiceContext,
  req: FastifyRequest,
  clusterId: string,
  sessionId: string,
): Promise<{ p: Principal; cluster: EngineCluster; session: GeoRepSession }> {
  const { p, cluster } = await readCluster(ctx, req, clusterId);
  const [may, found] = await Promise.allSettled([
    ctx.access.requireManage(p, cluster),
    findSession(ctx, p, cluster, sessionId, req.log),
  ]);
  if (may.status === 'rejected') throw may.reason;
  if (found.status === 'rejected') throw found.reason;
  return { p, cluster, session: found.value };
}

/** A session of the cluster from the shared status read; 404 when Gluster does not list it. */
export async function findSession(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  sessionId: string,
  log: FastifyBaseLogger,
): Promise<GeoRepSession> {
  if (!parseSessionId(sessionId)) {
    throw notFound(
      `${sessionId} is not a geo-replication session id (ids are listed by GET .../sessions).`,
    );
  }
  const st = await ctx.status.read(p, cluster, log);
  const s = st.sessions.find((x) => x.id === sessionId);
  if (!s) {
    throw notFound(
      `Cluster ${cluster.name} has no geo-replication session with id ${sessionId} (as of ${st.read_at}).`,
    );
  }
  return s;
}
