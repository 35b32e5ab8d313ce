// The geo-rep service: geo-replication resources in the engine's REST style, on the engine's origin,
// with the user's SSO token. Gluster is the source of truth; the service keeps no state of its own
// besides short caches (token checks, permissions, one shared status read per cluster).
//
//   GET    {prefix}/                                   product info, backend, links
//   GET    {prefix}/openapi.json                       this API (OpenAPI 3.1, from the route schemas)
//   GET    {prefix}/clusters/{cluster_id}/access       can_read / can_manage / reason
//   GET    {prefix}/clusters/{cluster_id}/sessions     every session of the cluster
//   POST   {prefix}/clusters/{cluster_id}/sessions     create (and optionally configure and start)
//   POST   {prefix}/clusters/{cluster_id}/preflight    checks for a would-be session
//   GET    {prefix}/clusters/{cluster_id}/sessions/{id}
//   DELETE {prefix}/clusters/{cluster_id}/sessions/{id}?reset_sync_time=&remove_provisioned_volume=
//   POST   {prefix}/clusters/{cluster_id}/sessions/{id}/start|stop|pause|resume|checkpoint
//   GET    {prefix}/clusters/{cluster_id}/sessions/{id}/config
//   PUT    {prefix}/clusters/{cluster_id}/sessions/{id}/config/{name}   {value}
//   DELETE {prefix}/clusters/{cluster_id}/sessions/{id}/config/{name}
import type { Agent as HttpsAgent } from 'node:https';
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Audit } from './audit';
import { AccessControl } from './auth';
import { manageCluster, readCluster, SessionLocks, type ServiceContext } from './context';
import type { CreateInput } from './domain';
import { badRequest, toApiError } from './errors';
import type { RemoteGluster } from './gluster/provision';
import type { GlusterClient } from './gluster/types';
import { ClusterNodes } from './nodes';
import { runPreflight, type PreflightHooks } from './preflight';
import { configRoutes } from './routes/config';
import { sessionRoutes } from './routes/sessions';
import { routeSchemas, sharedSchemas } from './schemas';
import { registerSshRoutes } from './routes/ssh';
import { passwordlessSshCheck } from './preflight/passwordless-ssh';
import type { SshTrust } from './ssh/types';
import { systemResolve, type Resolve } from './remoteHost';
import { StatusService } from './status';
import type { NodeProbe, ProgramExec } from './gluster/probe';
import type { MountbrokerOptions } from './mountbroker/prepare';
import { Jobs } from './jobs';
import type { RecoverDeps } from './recover';
import { stallRoutes } from './routes/stall';
import { StallWatch } from './stall';
import { registerPush, type PushOptions } from './push';
import { DrEngineClient } from './dr/engine';
import { DrProcedures } from './dr/procedures';
import { DrScheduler, DrService, type DrOptions } from './dr/service';
import { drRoutes } from './routes/dr';

export interface GeoRepServiceOptions {
  /** Where the service's routes live; default `/ovirt-georep/api`. */
  prefix?: string;
  /** The engine's base URL, e.g. `http://127.0.0.1:8080/ovirt-engine/`: the service calls `{engineUrl}api/...`. */
  engineUrl: string;
  gluster: GlusterClient;
  /**
   * Gluster on remote hosts, run from the cluster hosts over their passwordless SSH: needed for a
   * directory on the remote as the target (secondary_path). Without it such requests get a 400.
   */
  remoteGluster?: RemoteGluster;
  /**
   * Programs run as root on hosts this engine manages (the service's own SSH): the preparation of
   * a secondary for a non-root user (gluster-mountbroker, glusterd restart, set_geo_rep_pem_keys.sh).
   * Without it, preflight says what the remote's administrator must run.
   */
  secondaryRoot?: ProgramExec;
  mountbroker?: MountbrokerOptions;
  /** How long one status read of a cluster is shared (ms); default 2000. */
  statusCacheMs?: number;
  /** The Gluster command timeout the client was built with (ms), for the record in GET /. */
  glusterTimeoutMs?: number;
  backendName: 'sim' | 'cli';
  /** Timeout of every call to the engine (ms); default 15000. */
  engineTimeoutMs?: number;
  /** How long a checked token is trusted (ms, at most 30000); default 30000. */
  tokenCacheMs?: number;
  /** How long permissions and cluster visibility are reused (ms); default 10000. */
  permissionCacheMs?: number;
  /** Checks supplied by other parts of the product (passwordless SSH). */
  preflightHooks?: PreflightHooks;
  /**
   * More routes under the same prefix, behind the same token check, error handler and OpenAPI
   * document (e.g. the passwordless-SSH routes: `(scope, ctx) => registerSshRoutes(scope, { ssh, ctx })`).
   */
  extraRoutes?: (scope: FastifyInstance, ctx: ServiceContext) => Promise<void> | void;
  /** SSH trust between cluster hosts and remotes: mounts the SSH routes and the preflight check. */
  ssh?: SshTrust;
  /**
   * Create-and-start: how long to wait for the secondary to accept gsyncd's key before the start
   * (push-pem's hook installs it in the background; server/pushPem.ts). Default 30000; needs `ssh`.
   */
  pushPemWaitMs?: number;
  /** For an https engine URL: the agent that trusts the engine's CA. */
  engineHttpsAgent?: HttpsAgent;
  /**
   * Reads gsyncd's files on the primary nodes (server/gluster/probe.ts): stall detection, Recover
   * and the Faulty workers' log lines. Without it those are not offered.
   */
  probe?: NodeProbe;
  /** Least time between two stall readings of one cluster (ms); default 10000. */
  stallIntervalMs?: number;
  /** Recover's bounds (server/recover.ts defaults) and, for tests, its clock. */
  recover?: Pick<RecoverDeps, 'maxAttempts' | 'liveWithinMs' | 'pollMs'> & {
    sleep?: (ms: number) => Promise<void>;
  };
  /** Token of the service's own engine account, used to post audit events (serviceAccount.ts). */
  eventsToken?: () => Promise<string | null>;
  /** The audit outbox's directory (events wait there until the engine takes them); default: memory only. */
  auditSpoolDir?: string;
  /** How often undelivered audit events are retried (ms); default 15000. */
  auditRetryMs?: number;
  /** How remote host names are resolved; default the system resolver. */
  resolveHost?: Resolve;
  /**
   * Development lab only, never the installed service: the remote may be this machine (the real
   * Gluster lab's secondary volume is on the same machine as its primary).
   */
  allowLocalRemote?: boolean;
  /**
   * The watch over every cluster with the service account (needs eventsToken), Gluster's events
   * API and the push to open tabs, the metrics, the lag history (push.ts).
   */
  push?: PushOptions;
  /**
   * Disaster recovery of storage domains (server/dr/): the clock, sleeps and bounds (tests), and
   * whether this instance looks at the schedules (default: when there is a service account).
   */
  dr?: Omit<DrOptions, 'serviceToken'> & {
    /** Look at the schedules (default: when there is a service account to run syncs with). */
    scheduler?: boolean;
    /** Start looking when the server is ready (default true; tests tick by hand). */
    autoStart?: boolean;
    tickMs?: number;
    checkpointWithinMs?: number;
    /** Receives the service objects (tests drive the scheduler with them). */
    onReady?: (dr: { service: DrService; scheduler: DrScheduler | null }) => void;
  };
}

export const DEFAULT_PREFIX = '/ovirt-georep/api';
export const PRODUCT_VERSION = { major: 0, minor: 1, full_version: '0.1.0' };

/**
 * Paths the service's logs must never carry: give them to Fastify's `logger.redact`. Fastify's
 * default request serializer logs no headers; these guard custom serializers and bodies.
 */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'err.config.headers.Authorization',
  'err.config.headers.authorization',
  'req.body.password',
  'body.password',
  'password',
  '*.password',
  'res.headers["set-cookie"]',
];

/** What the registered service offers its host process. */
export interface GeoRepService {
  /** Resolves once the audit events recorded so far have been handed to the engine (or wait for a retry). */
  auditSettled(): Promise<void>;
}

export async function registerGeoRepService(
  app: FastifyInstance,
  opts: GeoRepServiceOptions,
): Promise<GeoRepService> {
  const prefix = (opts.prefix ?? DEFAULT_PREFIX).replace(/\/+$/, '');
  const engine = new DrEngineClient(
    opts.engineUrl,
    opts.engineTimeoutMs ?? 15_000,
    opts.engineHttpsAgent,
  );
  const nodes = new ClusterNodes(engine);
  const stalls = opts.probe
    ? new StallWatch(opts.probe, { intervalMs: opts.stallIntervalMs ?? 10_000 })
    : null;
  const watching = opts.push?.watch && opts.eventsToken ? opts.push.watch : null;
  // With the watch reading every cluster each interval, viewers are served its reads.
  const statusCacheMs = Math.max(
    opts.statusCacheMs ?? 2_000,
    watching ? watching.intervalMs + 2_000 : 0,
  );
  const ctx: ServiceContext = {
    backendName: opts.backendName,
    engine,
    access: new AccessControl(engine, {
      tokenTtlMs: opts.tokenCacheMs,
      permissionTtlMs: opts.permissionCacheMs,
    }),
    nodes,
    status: new StatusService(opts.gluster, nodes, statusCacheMs, stalls),
    probe: opts.probe,
    stalls,
    jobs: new Jobs(),
    recover: opts.recover ?? {},
    audit: new Audit(engine, opts.eventsToken, {
      spoolDir: opts.auditSpoolDir,
      retryMs: opts.auditRetryMs,
      log: app.log,
    }),
    gluster: opts.gluster,
    remote: opts.remoteGluster,
    secondaryRoot: opts.secondaryRoot,
    mountbrokerOptions: opts.mountbroker,
    hooks: {
      ...(opts.ssh ? { passwordlessSsh: passwordlessSshCheck(opts.ssh) } : {}),
      ...opts.preflightHooks,
    },
    ...(opts.ssh
      ? {
          gsyncdKey: {
            accepted: opts.ssh.gsyncdKeyAccepted.bind(opts.ssh),
            waitMs: opts.pushPemWaitMs ?? 30_000,
          },
        }
      : {}),
    locks: new SessionLocks(),
    resolveHost: opts.resolveHost ?? systemResolve,
    allowLocalRemote: opts.allowLocalRemote ?? false,
  };

  const drService = new DrService(ctx, engine, { ...opts.dr, serviceToken: opts.eventsToken });
  const drProcedures = new DrProcedures(ctx, drService, {
    checkpointWithinMs: opts.dr?.checkpointWithinMs,
    pollMs: opts.dr?.pollMs,
  });
  ctx.drSchedule = (volumes, key) => drService.scheduleOf(volumes, key);
  const scheduler =
    (opts.dr?.scheduler ?? !!opts.eventsToken)
      ? new DrScheduler(drService, app.log, opts.dr?.tickMs ?? 30_000)
      : null;
  opts.dr?.onReady?.({ service: drService, scheduler });
  if (scheduler && opts.dr?.autoStart !== false) app.addHook('onReady', () => scheduler.start());
  app.addHook('onClose', () => scheduler?.stop());
  app.addHook('onClose', () => ctx.audit.close());
  // Events a previous run could not deliver go first.
  void ctx.audit.flush();
  const push = opts.push ? registerPush(app, ctx, opts.push, prefix, opts.eventsToken) : null;

  await app.register(
    async (scope) => {
      for (const s of sharedSchemas) scope.addSchema(s);
      await scope.register(swagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: 'oVirt Gluster geo-replication service',
            version: PRODUCT_VERSION.full_version,
            description:
              "Geo-replication resources for oVirt, which its REST API lacks, in the engine's style: snake_case names, " +
              'lists keyed by the singular type name, faults as {reason, detail}. Every call needs the SSO token of the ' +
              'user (Authorization: Bearer), checked with the engine; actions need the manipulate_gluster_volume permit.',
          },
          servers: [{ url: '/' }],
          components: {
            securitySchemes: {
              bearer: { type: 'http', scheme: 'bearer', description: 'The oVirt SSO token.' },
            },
          },
          security: [{ bearer: [] }],
        },
        refResolver: {
          buildLocalReference: (json, _base, _fragment, i) =>
            typeof json.$id === 'string' ? json.$id : `def-${i}`,
        },
      });

      scope.setErrorHandler((err, req, reply) => {
        const e = toApiError(err);
        const fields = {
          status: e.statusCode,
          reason: e.reason,
          user: req.georepPrincipal?.user.user_name,
        };
        // Only a failure of the service itself carries its stack; the engine or Gluster failing is a warning.
        if (e.statusCode === 500) req.log.error({ ...fields, err }, e.detail);
        else if (e.statusCode >= 500) req.log.warn(fields, e.detail);
        else req.log.info(fields, e.detail);
        void reply.code(e.statusCode).type('application/json').send(e.toFault());
      });
      scope.setNotFoundHandler((req, reply) => {
        void reply.code(404).send({
          reason: 'Not Found',
          detail: `No such resource: ${req.method} ${req.url.split('?')[0]}`,
        });
      });

      // Every request: who is it (401 otherwise)?
      scope.addHook('onRequest', async (req) => {
        req.georepPrincipal = await ctx.access.authenticate(req.headers.authorization);
      });
      // Unknown body fields are refused (not silently dropped, whatever the instance's Ajv does).
      scope.addHook('preValidation', (req, _reply, done) => {
        try {
          rejectUnknownFields(req);
          done();
        } catch (err) {
          done(err as Error);
        }
      });

      scope.get('/', { schema: routeSchemas.root }, () => ({
        product_info: {
          name: 'oVirt Gluster geo-replication service',
          vendor: 'oVirt',
          version: PRODUCT_VERSION,
        },
        backend: ctx.backendName,
        ...(opts.glusterTimeoutMs ? { gluster_timeout_ms: opts.glusterTimeoutMs } : {}),
        links: [
          { rel: 'openapi', href: `${prefix}/openapi.json` },
          { rel: 'sessions', href: `${prefix}/clusters/{cluster_id}/sessions` },
          { rel: 'preflight', href: `${prefix}/clusters/{cluster_id}/preflight` },
          { rel: 'access', href: `${prefix}/clusters/{cluster_id}/access` },
        ],
      }));

      scope.get('/openapi.json', { schema: { ...routeSchemas.openapi, hide: true } }, () =>
        scope.swagger(),
      );

      scope.get<{ Params: { cluster_id: string } }>(
        '/clusters/:cluster_id/access',
        { schema: routeSchemas.access },
        async (req) => {
          const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
          const a = await ctx.access.manageAccess(p, cluster);
          return {
            can_read: true,
            can_manage: a.can_manage,
            reason: a.reason,
            checked_at: a.checked_at,
          };
        },
      );

      scope.post<{ Params: { cluster_id: string }; Body: CreateInput }>(
        '/clusters/:cluster_id/preflight',
        { schema: routeSchemas.preflight },
        async (req) => {
          // Preflight prepares an action: the same right as the action itself.
          const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
          return runPreflight(ctx, p, cluster, req.body, req.log);
        },
      );

      sessionRoutes(scope, ctx);
      configRoutes(scope, ctx);
      stallRoutes(scope, ctx);
      drRoutes(scope, ctx, drService, drProcedures);
      if (opts.ssh) await registerSshRoutes(scope, { ssh: opts.ssh, ctx });
      if (push) push.routes(scope);
      if (opts.extraRoutes) await opts.extraRoutes(scope, ctx);
    },
    { prefix },
  );
  return { auditSettled: () => ctx.audit.settled() };
}

/**
 * 400 for body fields and query parameters the route's schema does not name (top level), before
 * Ajv could drop them silently (Fastify's default Ajv removes additional properties).
 */
function rejectUnknownFields(req: FastifyRequest): void {
  const schema = req.routeOptions.schema as
    { body?: ObjectSchema; querystring?: ObjectSchema } | undefined;
  // A body whose fields are all optional may be left out (POST .../stop with no body).
  if (req.body === undefined && schema?.body && !(schema.body.required ?? []).length) req.body = {};
  check('Body field', schema?.body, req.body);
  check('Query parameter', schema?.querystring, req.query);
}

interface ObjectSchema {
  properties?: Record<string, unknown>;
  required?: readonly string[];
  additionalProperties?: unknown;
}

function check(what: string, schema: ObjectSchema | undefined, value: unknown): void {
  if (
    !schema ||
    schema.additionalProperties !== false ||
    !value ||
    typeof value !== 'object' ||
    Array.isArray(value)
  )
    return;
  const known = Object.keys(schema.properties ?? {});
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length === 0) return;
  const list = unknown.map((k) => `'${k}'`).join(', ');
  const allowed = known.length ? `the known ones are ${known.join(', ')}` : 'this call takes none';
  throw badRequest(
    `${what}${unknown.length > 1 ? 's' : ''} ${list} ${unknown.length > 1 ? 'are' : 'is'} not known here; ${allowed}.`,
  );
}
