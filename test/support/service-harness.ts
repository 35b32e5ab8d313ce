// One fastify instance serving both the engine emulator and the geo-rep service, listening on a
// real port: the service calls the engine over HTTP at its own origin, as it does behind the
// engine's Apache. Requests to the service go through app.inject.
import net from 'node:net';
import Fastify, {
  type FastifyInstance,
  type InjectOptions,
  type LightMyRequestResponse,
} from 'fastify';
import { registerEngineEmulator, type EngineEmulator } from '../../dev/engine';
import { defaultLab, type Lab } from '../../dev/lab';
import { registerGeoRepService, type GeoRepServiceOptions } from '../../server/app';
import { createGlusterClient } from '../../server/gluster/client';
import type { GlusterClient } from '../../server/gluster/types';
import {
  demoSimulator,
  simProbe,
  simRemoteGluster,
  type GlusterSimulator,
} from '../../dev/sim/gluster';
import { simSecondaryRootForWorld } from '../../dev/sim/gluster/mountbroker';
import type { SimClock } from '../../dev/sim/gluster/simulator';
import type { Fault, GeoRepConfigOption, GeoRepSession } from '../../src/georep/types';

export const PREFIX = '/ovirt-georep/api';
export const PROD = '9d89dd81-a594-3d63-a06d-d4e8df16b64e';
export const DR = 'c56ac4fe-c636-3534-bc3c-7e9093801d29';
export const VIRT = '18d77d06-7266-3dfe-9df1-76438dd2f450';

export const PASSWORDS: Record<string, string> = {
  'admin@internal': 'admin',
  'glusteradmin@internal': 'glusteradmin',
  'glusterviewer@internal': 'glusterviewer',
  'virtonly@internal': 'virtonly',
  'volumeadmin@internal': 'volumeadmin',
  'groupadmin@internal': 'groupadmin',
};

export interface Stack {
  app: FastifyInstance;
  engine: EngineEmulator;
  lab: Lab;
  /** The simulator behind the service's GlusterClient (null when a fake client was given). */
  sim: GlusterSimulator | null;
  /** The simulated root on the engine hosts (the non-root preparation); null with a fake client. */
  secondaryRoot: ReturnType<typeof simSecondaryRootForWorld> | null;
  gluster: GlusterClient;
  token(user: string): string;
  /** A request to the service as `user` (or with no token when user is null). */
  call(
    user: string | null,
    method: InjectOptions['method'],
    path: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startStack(
  opts: {
    gluster?: GlusterClient;
    service?: Partial<GeoRepServiceOptions>;
    lab?: Lab;
    /** The simulator's clock (default: the system's). */
    clock?: SimClock;
    /** How long the engine takes to take or remove a VM snapshot (ms). */
    snapshotMs?: number;
    /** Read gsyncd's files on the simulated nodes: stall detection and Recover (every status read). */
    probe?: boolean;
  } = {},
): Promise<Stack> {
  const lab = opts.lab ?? defaultLab();
  const port = await freePort();
  const app = Fastify({ logger: false });
  const engine = await registerEngineEmulator(app, { lab, snapshotMs: opts.snapshotMs });
  const sim = opts.gluster ? null : demoSimulator(lab, opts.clock);
  const gluster = opts.gluster ?? createGlusterClient(sim!);
  const secondaryRoot = sim ? simSecondaryRootForWorld(sim.world) : null;
  const service = await registerGeoRepService(app, {
    engineUrl: `http://127.0.0.1:${port}/ovirt-engine/`,
    gluster,
    backendName: 'sim',
    // Gluster on remote hosts from the cluster hosts (directory targets), in the same simulated world.
    ...(sim ? { remoteGluster: simRemoteGluster(sim) } : {}),
    // The non-root preparation on the simulated engine hosts (no account but root until a test adds one).
    ...(secondaryRoot ? { secondaryRoot } : {}),
    ...(sim && opts.probe ? { probe: simProbe(sim), stallIntervalMs: 0 } : {}),
    ...opts.service,
  });
  await app.listen({ host: '127.0.0.1', port });
  const tokens = new Map<string, string>();
  const token = (user: string): string => {
    let t = tokens.get(user);
    if (!t) {
      const password = PASSWORDS[user] ?? lab.users.find((u) => u.user_name === user)?.password;
      t = engine.login(user, password ?? '') ?? undefined;
      if (!t) throw new Error(`cannot log in as ${user}`);
      tokens.set(user, t);
    }
    return t;
  };
  return {
    app,
    engine,
    lab,
    sim,
    secondaryRoot,
    gluster,
    token,
    call: async (user, method, path, body) => {
      const res = await app.inject({
        method,
        url: `${PREFIX}${path}`,
        headers: user ? { authorization: `Bearer ${token(user)}` } : {},
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
      // The answer does not wait for the audit event's delivery; the tests read the engine's
      // events right after, so they wait for it here.
      await service.auditSettled();
      return res;
    },
    close: () => app.close(),
  };
}

/** Response bodies, for typed `res.json<T>()`. */
export interface SessionList {
  georep_session: GeoRepSession[];
  read_at: string;
  backend: string;
}
/** An action's answer: Gluster accepted it; the state is read with GET (server/routes/sessions.ts). */
export interface Acted {
  status: 'complete';
}
export interface ConfigList {
  georep_config_option: GeoRepConfigOption[];
}
export type { Fault };
