// A fastify app with the engine emulator on the default lab, and helpers to call it as a user.
import fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { registerEngineEmulator, type EngineEmulator } from '../../dev/engine';
import { defaultLab, LAB_IDS, type Lab } from '../../dev/lab';

// app.inject() loads light-my-request, which requires `cookie`: ESM-only since cookie 2, and not in
// the jest config's transform list (yet). These tests send no cookies, so a CommonJS stand-in for
// the one function light-my-request imports from it is enough.
jest.mock('cookie', () => ({
  stringifySetCookie: ({ name, value }: { name: string; value: string }) =>
    `${name}=${encodeURIComponent(value)}`,
}));

export const PROD = LAB_IDS.clusterProd;
export const DR = LAB_IDS.clusterDr;
export const DEFAULT = LAB_IDS.clusterDefault;

export type Json = Record<string, unknown>;

export interface Harness {
  app: FastifyInstance;
  engine: EngineEmulator;
  lab: Lab;
  /** A token for a lab user (password = the lab's). */
  token(userName: string): string;
  /** GET /ovirt-engine/api/<path> as a user, JSON accepted. */
  get(
    userName: string,
    path: string,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  post(
    userName: string,
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  lab?: Lab;
  tokenTtlMs?: number;
  logStream?: { write(s: string): void };
  /** More routes on the same instance, added before it starts. */
  setup?: (app: FastifyInstance) => void;
}

export async function harness(opts: HarnessOptions = {}): Promise<Harness> {
  const lab = opts.lab ?? defaultLab();
  const app = fastify(opts.logStream ? { logger: { level: 'info', stream: opts.logStream } } : {});
  const engine = await registerEngineEmulator(app, { lab, tokenTtlMs: opts.tokenTtlMs });
  opts.setup?.(app);
  await app.ready();
  const tokens = new Map<string, string>();
  const token = (userName: string): string => {
    let t = tokens.get(userName);
    if (!t) {
      const u = lab.users.find((x) => x.user_name === userName);
      t = engine.login(userName, u?.password ?? '') ?? undefined;
      if (!t) throw new Error(`cannot log in ${userName}`);
      tokens.set(userName, t);
    }
    return t;
  };
  const auth = (userName: string) => ({
    authorization: `Bearer ${token(userName)}`,
    accept: 'application/json',
  });
  return {
    app,
    engine,
    lab,
    token,
    get: (userName, path, headers = {}) =>
      app.inject({
        method: 'GET',
        url: `/ovirt-engine/api${path}`,
        headers: { ...auth(userName), ...headers },
      }),
    post: (userName, path, body, headers = {}) =>
      app.inject({
        method: 'POST',
        url: `/ovirt-engine/api${path}`,
        headers: { ...auth(userName), 'content-type': 'application/json', ...headers },
        payload: JSON.stringify(body),
      }),
    close: () => app.close(),
  };
}

export const body = (res: LightMyRequestResponse): Json => res.json<Json>();
export const items = (res: LightMyRequestResponse, key: string): Json[] =>
  (body(res)[key] as Json[] | undefined) ?? [];
export const names = (res: LightMyRequestResponse, key: string): string[] =>
  items(res, key).map((x) => x.name as string);
