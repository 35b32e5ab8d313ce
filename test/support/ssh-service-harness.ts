// The SSH routes as the service mounts them: inside a scope with the service's prefix, its
// authentication hook and error handler (as server/app.ts sets them up), over the engine emulator
// on a lab, reached over real HTTP. The service's log output is captured, with the service's own
// redaction list, so tests can look for secrets in it.
import fastify, { type FastifyInstance } from 'fastify';
import { registerEngineEmulator, type EngineEmulator } from '../../dev/engine';
import type { Lab } from '../../dev/lab';
import { LOG_REDACT } from '../../server/app';
import { AccessControl } from '../../server/auth';
import { EngineClient } from '../../server/engine';
import { toApiError } from '../../server/errors';
import { ClusterNodes } from '../../server/nodes';
import { registerSshRoutes, type SshRouteDeps } from '../../server/routes/ssh';
import type { SshTrust } from '../../server/ssh/types';

export const PREFIX = '/ovirt-georep/api';

export interface SshService {
  /** Call the service as a lab user (null: without a token). */
  call(
    user: string | null,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown>; text: string }>;
  /** Every line the service logged. */
  logs: string[];
  engine: EngineEmulator;
  close(): Promise<void>;
}

export async function startSshService(
  lab: Lab,
  ssh: SshTrust,
  opts: Partial<Pick<SshRouteDeps, 'passwordAttempts'>> & {
    /** The remote is this very machine (real-OpenSSH contract): as the development lab allows. */
    allowLocalRemote?: boolean;
  } = {},
): Promise<SshService> {
  const engineApp = fastify();
  const engine = await registerEngineEmulator(engineApp, { lab });
  await engineApp.listen({ host: '127.0.0.1', port: 0 });
  const engineAddr = engineApp.server.address();
  const enginePort = typeof engineAddr === 'object' && engineAddr ? engineAddr.port : 0;
  const client = new EngineClient(`http://127.0.0.1:${enginePort}/ovirt-engine/`, 10_000);
  const access = new AccessControl(client);
  const nodes = new ClusterNodes(client);

  const logs: string[] = [];
  const app: FastifyInstance = fastify({
    logger: {
      level: 'trace',
      redact: LOG_REDACT,
      stream: { write: (s: string) => void logs.push(s) },
    },
  });
  await app.register(
    async (scope) => {
      scope.setErrorHandler((err, req, reply) => {
        const e = toApiError(err);
        if (e.statusCode >= 500) req.log.error({ err }, e.detail);
        else req.log.info({ status: e.statusCode, reason: e.reason }, e.detail);
        void reply.code(e.statusCode).type('application/json').send(e.toFault());
      });
      scope.addHook('onRequest', async (req) => {
        req.georepPrincipal = await access.authenticate(req.headers.authorization);
      });
      const { allowLocalRemote, ...rest } = opts;
      await registerSshRoutes(scope, { ssh, ctx: { access, nodes, allowLocalRemote }, ...rest });
    },
    { prefix: PREFIX },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;

  const tokens = new Map<string, string>();
  const token = (user: string): string => {
    let t = tokens.get(user);
    if (!t) {
      const u = lab.users.find((x) => x.user_name === user);
      t = engine.login(user, u?.password ?? '') ?? undefined;
      if (!t) throw new Error(`cannot log in ${user}`);
      tokens.set(user, t);
    }
    return t;
  };

  return {
    logs,
    engine,
    call: async (user, method, path, body) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (user) headers.authorization = `Bearer ${token(user)}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`http://127.0.0.1:${port}${PREFIX}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // not JSON: the test looks at text
      }
      return { status: res.status, json, text };
    },
    close: async () => {
      await app.close();
      await engineApp.close();
    },
  };
}
