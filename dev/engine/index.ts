// A strict stand-in for oVirt engine 4.5: its SSO token endpoint and the parts of its REST API
// this project uses, served from the lab definition on an existing fastify instance. Strict means
// a call the real engine refuses is refused here too, with the engine's status and fault; see
// api.ts for the access rules and sso.ts for the token endpoint.
import type { FastifyInstance } from 'fastify';
import type { Lab, LabUser } from '../lab';
import { Access } from './access';
import { Directory } from './directory';
import { registerApi } from './api';
import type { EngineEvent } from './events';
import { Sso } from './sso';
import { TokenStore } from './tokens';
import { Snapshots } from './storage';

export type { EngineEvent, EventSeverity } from './events';

export interface EngineEmulator {
  /** Password grant, as the SSO endpoint does; returns the token or null for bad credentials. */
  login(userName: string, password: string): string | null;
  /** The user behind a bearer token, or null (unknown/revoked/expired). */
  userForToken(token: string): LabUser | null;
  revoke(token: string): void;
  /** Simulate the engine being down: every /ovirt-engine/api and /ovirt-engine/sso request fails (connection reset or 503). */
  setDown(down: boolean): void;
  isDown(): boolean;
  /** Answer every /ovirt-engine/api and /ovirt-engine/sso request this much later (a slow engine). */
  setLatency(ms: number): void;
  latency(): number;
  /** Events posted so far (newest last), for tests. */
  events(): EngineEvent[];
  /** VM snapshots taken through the API (disaster recovery), for tests and dev controls. */
  snapshots: Snapshots;
  /** How long the engine takes to take or remove a snapshot (ms). */
  setSnapshotMs(ms: number): void;
}

const TEN_HOURS = 10 * 60 * 60 * 1000;

export async function registerEngineEmulator(
  app: FastifyInstance,
  opts: {
    lab: Lab;
    tokenTtlMs?: number;
    /** The stand-in aaa-jdbc store (dev/aaa-jdbc-tool.cjs writes it): users of the internal profile. */
    directoryFile?: string;
    latencyMs?: number;
    /** How long taking or removing a VM snapshot takes (ms); default 1500. */
    snapshotMs?: number;
  },
): Promise<EngineEmulator> {
  const { lab } = opts;
  const tokens = new TokenStore(opts.tokenTtlMs ?? TEN_HOURS);
  const access = new Access(lab);
  const directory = new Directory(lab, opts.directoryFile);
  const sso = new Sso(lab, tokens, directory);
  const events: EngineEvent[] = [];
  let down = false;
  let latencyMs = opts.latencyMs ?? 0;
  let snapshotMs = opts.snapshotMs ?? 1500;
  const snapshots = new Snapshots();

  // Each part in its own encapsulated context, so its hooks, parsers and error handler apply to
  // the engine's routes only, not to the other services sharing this fastify instance.
  const part = (register: (ctx: FastifyInstance) => void) =>
    app.register((ctx: FastifyInstance, _opts: unknown, done: (err?: Error) => void) => {
      // A crashed engine: the connection is reset before any answer (the caller sees ECONNRESET).
      ctx.addHook('onRequest', (req, reply, next) => {
        if (!down) {
          next();
          return;
        }
        void reply.hijack();
        req.raw.destroy();
      });
      // A slow engine: every answer waits (before authentication, as a busy servlet would).
      ctx.addHook('onRequest', (_req, _reply, next) => {
        if (latencyMs > 0) setTimeout(next, latencyMs);
        else next();
      });
      register(ctx);
      done();
    });
  await part((ctx) => sso.register(ctx));
  await part((ctx) =>
    registerApi(ctx, {
      lab,
      access,
      tokens,
      events,
      directory,
      snapshots,
      snapshotMs: () => snapshotMs,
    }),
  );

  return {
    login: (userName, password) => sso.login(userName, password),
    userForToken: (token) => {
      const e = tokens.lookup(token);
      return e ? (lab.users.find((u) => u.id === e.userId) ?? null) : null;
    },
    revoke: (token) => tokens.revoke(token),
    setDown: (d) => {
      down = d;
    },
    isDown: () => down,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    latency: () => latencyMs,
    events: () => [...events],
    snapshots,
    setSnapshotMs: (ms) => {
      snapshotMs = ms;
    },
  };
}
