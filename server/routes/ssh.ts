// Passwordless SSH from a host of the cluster to a remote host: what the Start dialog and the
// Passwordless SSH dialog call.
//
//   GET  {prefix}/clusters/{cluster_id}/hosts/{host_id}/ssh              the host's own SSH key (read)
//   POST {prefix}/clusters/{cluster_id}/hosts/{host_id}/ssh/remote-key   the remote's key as the host sees it (manage)
//   POST {prefix}/clusters/{cluster_id}/hosts/{host_id}/ssh/verify       does passwordless SSH work (manage)
//   POST {prefix}/clusters/{cluster_id}/hosts/{host_id}/ssh/setup        set it up with the remote user's password (manage)
//   POST {prefix}/clusters/{cluster_id}/hosts/{host_id}/ssh/setup-with-key  set it up with another key file on the host (manage)
//
// The host must be a host of the cluster as the engine shows it to the user, and Up. Probing the
// remote runs commands on the host and opens connections from it, so it needs the same right as
// acting on the cluster. The password of /ssh/setup is taken out of the request at once, used for
// one login and never logged, stored or echoed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  canonicalHost,
  GeoRepValidationError,
  validateRemoteHost,
} from '../../src/georep/validation';
import { remoteHostProblem, systemResolve } from '../remoteHost';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import type { EngineCluster, EngineHost } from '../engine';
import { ApiError, badRequest, conflict, gatewayTimeout, notFound } from '../errors';
import { SshVerifyResultSchema } from '../../src/georep/contract';
import { clusterParams, FaultSchema } from '../schemas';
import { FINGERPRINT_RE } from '../ssh/keys';
import {
  SshNodeError,
  SshRemoteError,
  type HostKeyInfo,
  type SshTrust,
  type VerifyResult,
} from '../ssh/types';
import { KEY_PATH_MAX, PASSWORD_MAX, validateKeyLocation } from '../ssh/validate';
import { errorMessage } from '../../src/georep/errorMessage';

export interface SshRouteDeps {
  ssh: SshTrust;
  /** The service's access control and cluster hosts (ServiceContext has both), and its audit trail. */
  ctx: Pick<ServiceContext, 'access' | 'nodes'> &
    Partial<Pick<ServiceContext, 'audit' | 'resolveHost' | 'allowLocalRemote'>>;
  /** Wrong passwords allowed per cluster host and user@remote:port within the window; default 5 per 10 minutes. */
  passwordAttempts?: { max: number; windowMs: number };
}

interface HostParams {
  cluster_id: string;
  host_id: string;
}
interface RemoteKeyBody {
  remote_host: string;
  /** The schema's default (22) fills it when the request has none. */
  port: number;
}
interface VerifyBody extends RemoteKeyBody {
  user: string;
  private_key_path?: string;
}
interface KeySetupBody extends RemoteKeyBody {
  user: string;
  private_key_path: string;
}
interface SetupBody extends RemoteKeyBody {
  user: string;
  password: string;
  confirmed_fingerprint: string;
}

// ---------------------------------------------------------------- schemas

export const SshHostKeySchema = {
  $id: 'SshHostKey',
  type: 'object',
  description: "An SSH server's host key.",
  required: ['algorithm', 'fingerprint', 'public_key'],
  properties: {
    algorithm: { type: 'string', description: 'ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, ...' },
    fingerprint: { type: 'string', description: 'SHA256:<base64>, as ssh-keygen -lf prints it.' },
    public_key: {
      type: ['string', 'null'],
      description: 'The key as in known_hosts: "<type> <base64>".',
    },
  },
} as const;

// The verify answer's schema is the wire contract's (src/georep/contract/ssh.ts).
export { SshVerifyResultSchema };

const ID = clusterParams.properties.cluster_id.pattern;

const hostParams = {
  type: 'object',
  required: ['cluster_id', 'host_id'],
  additionalProperties: false,
  properties: {
    cluster_id: clusterParams.properties.cluster_id,
    host_id: {
      type: 'string',
      pattern: ID,
      description: 'The engine id of an Up host of the cluster.',
    },
  },
} as const;

const remoteHost = {
  type: 'string',
  minLength: 1,
  maxLength: 253,
  description: 'Host name or IPv4 address of the secondary host.',
} as const;
const port = {
  type: 'integer',
  minimum: 1,
  maximum: 65535,
  default: 22,
  description: "The secondary host's SSH port.",
} as const;
const user = {
  type: 'string',
  minLength: 1,
  maxLength: 32,
  description: 'The user on the secondary host (root, or the mountbroker user).',
} as const;

const remoteKeyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['remote_host'],
  properties: { remote_host: remoteHost, port },
} as const;

const privateKeyPath = {
  type: 'string',
  minLength: 1,
  maxLength: KEY_PATH_MAX,
  description:
    "A private key file on the host (absolute, or ~/...). Default: root's own keys there.",
} as const;

const verifyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user', 'remote_host'],
  properties: {
    user,
    remote_host: remoteHost,
    port,
    private_key_path: privateKeyPath,
  },
} as const;

const keySetupBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user', 'remote_host', 'private_key_path'],
  properties: {
    user,
    remote_host: remoteHost,
    port,
    private_key_path: {
      ...privateKeyPath,
      description:
        "A private key file on the host (absolute, or ~/...) that logs in to user@remote_host; used once to add root's own key of the host there.",
    },
  },
} as const;

const setupBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user', 'remote_host', 'password', 'confirmed_fingerprint'],
  properties: {
    user,
    remote_host: remoteHost,
    port,
    password: {
      type: 'string',
      minLength: 1,
      maxLength: PASSWORD_MAX,
      writeOnly: true,
      description:
        "The secondary user's password: used for one login from the host's side, never stored or logged.",
    },
    confirmed_fingerprint: {
      type: 'string',
      pattern: FINGERPRINT_RE.source,
      description:
        "The secondary host's key fingerprint the user confirmed (from .../ssh/remote-key). A different key at setup time: 409, nothing sent.",
    },
  },
} as const;

const ref = (id: string) => ({ $ref: `${id}#` });
function faults(...codes: number[]): Record<number, unknown> {
  const words: Record<number, string> = {
    400: 'A field is not valid: the detail names it and why.',
    401: 'No valid SSO token.',
    403: 'The user may not act on this cluster.',
    404: 'No such cluster (or not visible to the user), or no such host in it.',
    409: "The host is not Up; or (setup) the secondary host's key is not the confirmed one (reason host_key_changed): nothing was sent.",
    429: 'Too many wrong passwords for this secondary host from this host; wait and try again.',
    502: 'The service could not use the host (SSH to it failed), or the host could not reach the secondary host (reason refused or unreachable).',
    504: 'The host, or the secondary host seen from it, did not answer in time (reason timeout for the secondary host).',
  };
  const out: Record<number, unknown> = {};
  for (const c of [401, ...codes]) out[c] = { description: words[c], ...ref('Fault') };
  return out;
}

const TAGS = ['ssh'];

export const sshRouteSchemas = {
  hostKey: {
    tags: TAGS,
    summary: "The host's own SSH host key (as the Start dialog shows it)",
    params: hostParams,
    response: { 200: ref('SshHostKey'), ...faults(404, 409, 502, 504) },
  },
  remoteKey: {
    tags: TAGS,
    summary:
      "The secondary host's SSH host key as the host sees it (ssh-keyscan on the host), to confirm before a password is sent",
    params: hostParams,
    body: remoteKeyBody,
    response: { 200: ref('SshHostKey'), ...faults(400, 403, 404, 409, 502, 504) },
  },
  verify: {
    tags: TAGS,
    summary:
      'Whether root on the host logs in to user@remote_host without a password (optionally with a given key file on the host)',
    params: hostParams,
    body: verifyBody,
    response: { 200: ref('SshVerifyResult'), ...faults(400, 403, 404, 409, 502, 504) },
  },
  setupWithKey: {
    tags: TAGS,
    summary:
      "With another private key file on the host that logs in to user@remote_host, install root's own public key of the host there (Gluster's create logs in with root's own key only)",
    params: hostParams,
    body: keySetupBody,
    response: { 200: ref('SshVerifyResult'), ...faults(400, 403, 404, 409, 502, 504) },
  },
  setup: {
    tags: TAGS,
    summary:
      "Install root's public key of the host in user@remote_host's authorized_keys, logging in once with the user's password",
    params: hostParams,
    body: setupBody,
    response: { 200: ref('SshVerifyResult'), ...faults(400, 403, 404, 409, 429, 502, 504) },
  },
};

// ---------------------------------------------------------------- routes

export function registerSshRoutes(app: FastifyInstance, deps: SshRouteDeps): Promise<void> {
  for (const s of [FaultSchema, SshHostKeySchema, SshVerifyResultSchema]) {
    if (!app.getSchema(s.$id!)) app.addSchema(s);
  }
  const { ssh, ctx } = deps;
  const limiter = new AttemptLimiter(
    deps.passwordAttempts?.max ?? 5,
    deps.passwordAttempts?.windowMs ?? 10 * 60_000,
  );

  const principal = async (req: FastifyRequest): Promise<Principal> =>
    req.georepPrincipal ??
    (req.georepPrincipal = await ctx.access.authenticate(req.headers.authorization));

  /** The cluster (readable, and manageable when asked) and its Up host. */
  const upHost = async (
    req: FastifyRequest<{ Params: HostParams }>,
    manage: boolean,
  ): Promise<{ p: Principal; cluster: EngineCluster; host: EngineHost }> => {
    const p = await principal(req);
    const cluster = await ctx.access.readableCluster(p, req.params.cluster_id);
    if (manage) await ctx.access.requireManage(p, cluster);
    const hosts = await ctx.nodes.clusterHosts(p, cluster);
    const host = hosts.find((h) => h.id === req.params.host_id);
    if (!host) throw notFound(`Cluster ${cluster.name} has no host with id ${req.params.host_id}.`);
    if (host.status !== 'up') {
      const state =
        host.status === 'maintenance' ? 'in maintenance' : host.status.replace(/_/g, ' ');
      throw conflict(
        `Host ${host.name} is ${state}; choose a host of cluster ${cluster.name} that is Up.`,
      );
    }
    // A private key only from an .ssh folder on the host (never Gluster's own keys): what the
    // answer says about the file then says nothing about any other file there.
    const keyPath = (req.body as { private_key_path?: unknown } | undefined)?.private_key_path;
    const keyUser = (req.body as { user?: unknown } | undefined)?.user;
    if (keyPath !== undefined) {
      const bad = validateKeyLocation(keyPath, typeof keyUser === 'string' ? keyUser : 'root');
      if (bad) throw badRequest(`private_key_path: ${bad}`);
    }
    // The remote is another machine: not this one, nor a host of the cluster, however spelled.
    const remote = (req.body as { remote_host?: unknown } | undefined)?.remote_host;
    if (typeof remote === 'string' && !ctx.allowLocalRemote) {
      const lexical = validateRemoteHost(remote);
      if (lexical) throw badRequest(`remote_host: ${lexical}`);
      const resolved = await remoteHostProblem(
        remote,
        cluster,
        hosts,
        ctx.resolveHost ?? systemResolve,
      );
      if (resolved) throw badRequest(`remote_host: ${resolved}`);
    }
    return { p, cluster, host };
  };

  const common = { preValidation: rejectUnknownBodyFields };

  /**
   * Set-up changes two machines (a key in authorized_keys on the remote, its host key in root's
   * known_hosts on the host): one engine event for it, success or failure, like every action.
   */
  const audited = async (
    p: Principal,
    cluster: EngineCluster,
    host: EngineHost,
    target: { user: string; host: string; port: number },
    how: { method: 'password' | 'key'; key_path?: string },
    req: FastifyRequest,
    run: () => Promise<VerifyResult>,
  ): Promise<VerifyResult> => {
    const record = (ok: boolean, error?: string): Promise<void> =>
      ctx.audit?.record(
        p,
        {
          action: 'ssh_setup',
          cluster,
          key: {
            primary_volume: '',
            secondary_host: target.host,
            secondary_volume: '',
            secondary_user: target.user,
          },
          ok,
          ...(error ? { error } : {}),
          ssh: {
            from: host.name,
            to: `${target.user}@${target.host}${target.port === 22 ? '' : `:${target.port}`}`,
            ...how,
          },
        },
        req.log,
      ) ?? Promise.resolve();
    try {
      const r = await run();
      await record(r.ok, r.ok ? undefined : r.detail);
      return r;
    } catch (err) {
      await record(false, err instanceof ApiError ? err.detail : errorMessage(err));
      throw err;
    }
  };

  app.get<{ Params: HostParams }>(
    '/clusters/:cluster_id/hosts/:host_id/ssh',
    { schema: sshRouteSchemas.hostKey },
    async (req): Promise<HostKeyInfo> => {
      const { host } = await upHost(req, false);
      return guard(() => ssh.hostKey(host.address));
    },
  );

  app.post<{ Params: HostParams; Body: RemoteKeyBody }>(
    '/clusters/:cluster_id/hosts/:host_id/ssh/remote-key',
    { schema: sshRouteSchemas.remoteKey, ...common },
    async (req): Promise<HostKeyInfo> => {
      const { host } = await upHost(req, true);
      return guard(() => ssh.remoteHostKey(host.address, req.body.remote_host, req.body.port));
    },
  );

  app.post<{ Params: HostParams; Body: VerifyBody }>(
    '/clusters/:cluster_id/hosts/:host_id/ssh/verify',
    { schema: sshRouteSchemas.verify, ...common },
    async (req): Promise<VerifyResult> => {
      const { p, host } = await upHost(req, true);
      const b = req.body;
      const r = await guard(() =>
        ssh.verify(host.address, {
          user: b.user,
          host: b.remote_host,
          port: b.port,
          ...(b.private_key_path !== undefined ? { privateKeyPath: b.private_key_path } : {}),
        }),
      );
      req.log.info(
        {
          user: p.user.user_name,
          ssh_from: host.address,
          ssh_to: `${b.user}@${b.remote_host}:${b.port}`,
          ok: r.ok,
          failure: r.failure,
        },
        'passwordless SSH verified',
      );
      return r;
    },
  );

  app.post<{ Params: HostParams; Body: KeySetupBody }>(
    '/clusters/:cluster_id/hosts/:host_id/ssh/setup-with-key',
    { schema: sshRouteSchemas.setupWithKey, ...common },
    async (req): Promise<VerifyResult> => {
      const { p, cluster, host } = await upHost(req, true);
      const b = req.body;
      const target = { user: b.user, host: b.remote_host, port: b.port };
      const r = await audited(
        p,
        cluster,
        host,
        target,
        { method: 'key', key_path: b.private_key_path },
        req,
        () => guard(() => ssh.setupWithKey(host.address, target, b.private_key_path)),
      );
      req.log.info(
        {
          user: p.user.user_name,
          ssh_from: host.address,
          ssh_to: `${target.user}@${target.host}:${target.port}`,
          key: b.private_key_path,
          ok: r.ok,
          failure: r.failure,
        },
        'passwordless SSH setup with a key',
      );
      return r;
    },
  );

  app.post<{ Params: HostParams; Body: SetupBody }>(
    '/clusters/:cluster_id/hosts/:host_id/ssh/setup',
    { schema: sshRouteSchemas.setup, ...common },
    async (req): Promise<VerifyResult> => {
      // Out of the request at once: nothing after this line can log or echo it with the body.
      const password = req.body.password;
      (req.body as { password: string }).password = '[redacted]';
      const { p, cluster, host } = await upHost(req, true);
      const b = req.body;
      const target = { user: b.user, host: b.remote_host, port: b.port };
      // Per cluster and remote machine: another spelling of the remote, another user or port, or
      // another host of the cluster does not buy more attempts.
      const addresses = ctx.resolveHost ? await ctx.resolveHost(target.host) : [];
      const remoteId = addresses.length
        ? [...addresses].sort().join(',')
        : canonicalHost(target.host);
      const key = `${cluster.id}\n${remoteId}`;
      const wait = limiter.blockedFor(key);
      if (wait > 0) {
        throw new ApiError(
          429,
          'Too Many Requests',
          `Too many wrong passwords for ${target.user}@${target.host} from ${host.name}; try again in ${Math.ceil(wait / 60_000)} minute(s).`,
        );
      }
      const r = await audited(p, cluster, host, target, { method: 'password' }, req, () =>
        guard(() => ssh.setupWithPassword(host.address, target, password, b.confirmed_fingerprint)),
      );
      if (r.failure === 'auth_failed') limiter.fail(key);
      req.log.info(
        {
          user: p.user.user_name,
          ssh_from: host.address,
          ssh_to: `${target.user}@${target.host}:${target.port}`,
          ok: r.ok,
          failure: r.failure,
        },
        'passwordless SSH setup with a password',
      );
      if (r.failure === 'host_key_changed') throw new ApiError(409, 'host_key_changed', r.detail);
      return r;
    },
  );
  return Promise.resolve();
}

/** Backend errors as faults: invalid values 400, the host unusable 502/504, the remote unreachable 502/504. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw sshFault(err);
  }
}

export function sshFault(err: unknown): unknown {
  if (err instanceof GeoRepValidationError) return badRequest(`${err.field}: ${err.reason}`);
  if (err instanceof SshNodeError) {
    return err.kind === 'timeout'
      ? gatewayTimeout(err.message)
      : new ApiError(502, 'Bad Gateway', err.message);
  }
  if (err instanceof SshRemoteError)
    return new ApiError(err.failure === 'timeout' ? 504 : 502, err.failure, err.message);
  return err;
}

/** 400 for body fields the route's schema does not name, before Ajv could drop them silently. */
function rejectUnknownBodyFields(req: FastifyRequest): Promise<void> {
  const schema = req.routeOptions.schema?.body as
    { properties?: Record<string, unknown>; additionalProperties?: unknown } | undefined;
  const body = req.body;
  if (
    !schema ||
    schema.additionalProperties !== false ||
    !body ||
    typeof body !== 'object' ||
    Array.isArray(body)
  )
    return Promise.resolve();
  const known = Object.keys(schema.properties ?? {});
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length) {
    return Promise.reject(
      badRequest(
        `Body field(s) ${unknown.map((k) => `'${k}'`).join(', ')} not known here; the known fields are ${known.join(', ')}.`,
      ),
    );
  }
  return Promise.resolve();
}

/** Failed password setups per key in a sliding window (per service instance). */
class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** ms until another attempt is allowed; 0 when it is. */
  blockedFor(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    return list.length >= this.max ? this.windowMs - (now - list[0]!) : 0;
  }

  fail(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }
}
