// `npm start`: the whole stack on one origin, as an engine with this plugin installed would serve it:
//   /ovirt-engine/webadmin/  WebAdmin stand-in (login, shell, pluginApi, plugin resources from dist/)
//   /ovirt-engine/api/       engine REST emulator; /ovirt-engine/sso/ its token endpoint
//   /ovirt-georep/api/       the geo-rep service, on the Gluster simulator (default) or real Gluster
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import Fastify from 'fastify';
import { registerEngineEmulator } from './engine';
import { simulatedBackends } from './backends';
import { defaultLab } from './lab';
import { registerWebAdmin } from './webadmin/server';
import { registerGeoRepService } from '../server/app';
import { readLabEnv, realLab, realLabBackends } from './real-lab';
import { ssoTokenProvider } from '../server/serviceAccount';
import { EngineClient } from '../server/engine';
import { EngineHostKeys } from '../server/ssh/host-trust';
import { createGlusterClient } from '../server/gluster/client';
import type { HostShell } from '../server/gluster/provision';
import { ServiceMetrics } from '../server/metrics';
import type { PushOptions } from '../server/push';
import { DEFAULT_TRANSITION_SETTINGS } from '../src/georep/transitions';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 8080);
  const backend = process.env.GEOREP_BACKEND === 'cli' ? 'cli' : 'sim';
  const pluginsDir = process.env.UI_PLUGINS_DIR ?? path.join(ROOT, 'dist');
  const shellDir = path.join(ROOT, 'build', 'webadmin');
  for (const [what, dir] of [
    ['plugin build', path.join(pluginsDir, 'gluster-georep.json')],
    ['WebAdmin stand-in build', path.join(shellDir, 'webadmin.js')],
  ] as const) {
    if (!fs.existsSync(dir)) {
      console.error(
        `The ${what} is missing (${dir}). Run \`npm start\`, which builds first, or \`npm run build\`.`,
      );
      process.exit(1);
    }
  }

  const app = Fastify({
    logger: {
      ...devLogOutput(),
      // Tokens and passwords never reach the log.
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.body.password',
        'res.headers["set-cookie"]',
      ],
    },
  });
  // The simulated world (default), or real Gluster on this machine (the lab of `npm run lab:up`,
  // described to the engine emulator from lab/lab.env: see real-lab.ts).
  const labEnv = backend === 'cli' ? readLabEnv() : null;
  const lab = labEnv ? realLab(labEnv) : defaultLab();
  if (process.env.ENGINE_VERSION) lab.engine_version = process.env.ENGINE_VERSION;
  const engine = await registerEngineEmulator(app, {
    lab,
    latencyMs: Number(process.env.ENGINE_LATENCY_MS ?? 0) || 0,
  });
  const simulated = backend === 'sim' ? simulatedBackends(lab, { sshLatencyMs: 300 }) : null;
  const engineUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/ovirt-engine/`;
  const serviceToken = ssoTokenProvider(engineUrl, {
    user: 'georep-service@internal',
    password: 'georep-service',
  });
  // On real Gluster, the lab host's key is trusted as the installed service trusts it: the
  // engine's record of it (the emulator serves the lab sshd's key from lab.env).
  const engineHostKeys = new EngineHostKeys({
    load: async () => new EngineClient(engineUrl).hostKeys((await serviceToken())!),
  });
  const metrics = new ServiceMetrics();
  const real = labEnv
    ? realLabBackends(labEnv, app.log, engineHostKeys, (e) => metrics.meter(e))
    : null;
  if (real) app.addHook('onClose', () => real.close());
  const sim = simulated?.sim ?? null;
  const ssh = simulated?.ssh ?? null;
  await registerGeoRepService(app, {
    engineUrl,
    gluster: simulated ? createGlusterClient(metrics.meter(simulated.sim)) : real!.gluster,
    probe: simulated?.probe ?? real!.probe,
    backendName: backend,
    ssh: ssh ?? real!.ssh,
    // Directory targets: the simulator's remote hosts, or ssh from the lab's cluster host.
    remoteGluster: simulated?.remoteGluster ?? real!.remoteGluster,
    // The non-root preparation of a secondary: the simulated engine hosts (the real lab's remote is
    // not an engine host: preflight says what to run there).
    ...(simulated ? { secondaryRoot: simulated.secondaryRoot } : {}),
    // The real lab's secondary volume is on this very machine.
    allowLocalRemote: labEnv !== null,
    eventsToken: serviceToken,
    push: devPush(metrics, real?.shell ?? null, host, port),
  });
  // The engine's ui-plugins folder: this plugin's build, plus the test plugins a dev control
  // installs (test/ui-plugins: one that behaves as ovirt-engine-ui-extensions does on load).
  const uiPlugins = uiPluginsFolder(pluginsDir);
  app.addHook('onClose', () => fs.rmSync(uiPlugins, { recursive: true, force: true }));
  await registerWebAdmin(app, {
    sso: engine,
    pluginsDir: uiPlugins,
    pluginsConfigDir: process.env.UI_PLUGINS_CONFIG_DIR ?? null,
    shellDir,
    engineVersion: () => lab.engine_version ?? '4.5.7',
  });
  app.get('/healthz', () => ({ status: 'ok', backend }));

  // Development controls for demos and end-to-end tests; never part of an installed product.
  // The engine: down (connections reset) and/or answering every request `latencyMs` late.
  // Bodies of the development controls are not validated by a schema: typed as what may come.
  app.post<{ Body: { down?: unknown; latencyMs?: unknown } | undefined }>(
    '/__dev/engine',
    (req) => {
      const b = req.body ?? {};
      if (b.down !== undefined) engine.setDown(b.down === true);
      if (b.latencyMs !== undefined) engine.setLatency(Math.max(0, Number(b.latencyMs) || 0));
      return { down: engine.isDown(), latencyMs: engine.latency() };
    },
  );
  // Install or remove a test UI plugin (a descriptor of test/ui-plugins, with its resources).
  app.post<{ Body: { name?: unknown; installed?: unknown } | undefined }>(
    '/__dev/ui-plugin',
    (req, reply) => {
      const name = typeof req.body?.name === 'string' ? req.body.name : '';
      if (
        !/^[a-z][a-z0-9-]*$/.test(name) ||
        !fs.existsSync(path.join(TEST_PLUGINS, `${name}.json`))
      )
        return reply.code(404).send({ error: `no test plugin ${name}` });
      for (const f of [`${name}.json`, `${name}-resources`]) {
        const link = path.join(uiPlugins, f);
        fs.rmSync(link, { force: true, recursive: false });
        if (req.body?.installed === true) fs.symlinkSync(path.join(TEST_PLUGINS, f), link);
      }
      return { name, installed: req.body?.installed === true };
    },
  );
  if (sim) {
    app.post<{
      Body: {
        primary_volume: string;
        secondary_host: string;
        secondary_volume: string;
        brick: string;
        faulty: unknown;
      };
    }>('/__dev/sim/worker-fault', (req) => {
      const b = req.body;
      sim.injectWorkerFault(
        {
          primaryVolume: b.primary_volume,
          secondaryHost: b.secondary_host,
          secondaryVolume: b.secondary_volume,
        },
        b.brick,
        b.faulty === true,
      );
      return { ok: true };
    });
    // A live worker comes up deaf (Gluster 10.3's race): Stalled once a change waits; `chance` sets
    // how often every later restart comes up deaf too (Recover's retries).
    app.post<{
      Body: {
        primary_volume: string;
        secondary_host: string;
        secondary_volume: string;
        brick: string;
        deaf: unknown;
        chance?: unknown;
        /** changelog.rollover-time of the primary volume (s): a shorter threshold for demos. */
        rollover_seconds?: number;
      };
    }>('/__dev/sim/worker-deaf', (req) => {
      const b = req.body;
      if (typeof b.rollover_seconds === 'number') {
        const v = sim.world.volumes.find((x) => x.name === b.primary_volume);
        if (v) sim.world.setOption(v, 'changelog.rollover-time', String(b.rollover_seconds));
      }
      sim.setWorkerDeaf(
        {
          primaryVolume: b.primary_volume,
          secondaryHost: b.secondary_host,
          secondaryVolume: b.secondary_volume,
        },
        b.brick,
        b.deaf === true,
      );
      if (typeof b.chance === 'number') sim.setDeafChance(b.chance);
      return { ok: true };
    });
    app.post<{ Body: { node: string; reachable: unknown } }>('/__dev/sim/node', (req) => {
      sim.setNodeReachable(req.body.node, req.body.reachable === true);
      return { ok: true };
    });
    // The SSH simulator: a host's key (seed: the key made from it; null: back to the lab's), a
    // user's password, trust, and how many password logins reached a remote (attempts, not passwords).
    if (ssh) {
      app.post<{ Body: { address: string; seed?: string | null } }>(
        '/__dev/sim/remote-host-key',
        (req) => {
          const key = ssh.setHostKey(req.body.address, req.body.seed ?? null);
          return { fingerprint: key.fingerprint, algorithm: key.algorithm };
        },
      );
      app.post<{ Body: { host: string; user: string; password: string | null } }>(
        '/__dev/sim/remote-password',
        (req) => {
          ssh.setPassword(req.body.host, req.body.user, req.body.password);
          return { ok: true };
        },
      );
      app.post<{ Body: { from: string; user: string; host: string; trusted: unknown } }>(
        '/__dev/sim/ssh-trust',
        (req) => {
          const b = req.body;
          if (b.trusted === true) ssh.trust(b.from, b.user, b.host);
          else ssh.untrust(b.from, b.user, b.host);
          return { ok: true };
        },
      );
      app.get<{ Querystring: { host?: string } }>('/__dev/sim/ssh-password-attempts', (req) => ({
        attempts: ssh.passwordAttempts(req.query.host),
      }));
    }
  }

  await app.listen({ host, port });
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/ovirt-engine/webadmin/`;
  console.log(`
  oVirt WebAdmin stand-in with the Gluster geo-replication plugin (Gluster backend: ${backend})
  Open ${url}
  Log in as admin@internal / admin (everything), glusteradmin@internal / glusteradmin,
            glusterviewer@internal / glusterviewer (read-only), virtonly@internal / virtonly (no Gluster)
`);
}

const TEST_PLUGINS = path.join(ROOT, 'test', 'ui-plugins');

/**
 * A fresh ui-plugins folder (as /usr/share/ovirt-engine/ui-plugins) holding links to every
 * descriptor and resource folder of `pluginsDir` (the build: dist/).
 */
function uiPluginsFolder(pluginsDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-plugins-'));
  for (const f of fs.readdirSync(pluginsDir))
    fs.symlinkSync(path.resolve(pluginsDir, f), path.join(dir, f));
  return dir;
}

/**
 * The watch, metrics and history as the installed service has them; on the real lab with
 * GEOREP_EVENTS_API=on, Gluster's events API too (`bash lab/gluster-lab.sh events-up` runs
 * glustereventsd). GEOREP_WATCH_INTERVAL_MS=0: no watch (the tab polls). The lab's daemon has no systemd unit: it is told to reload by the PID
 * the lab recorded (events-api.ts says why the daemon's own PID file cannot be used).
 */
function devPush(
  metrics: ServiceMetrics,
  shell: HostShell | null,
  host: string,
  port: number,
): PushOptions {
  const intervalMs = Number(process.env.GEOREP_WATCH_INTERVAL_MS ?? 4000);
  const labDir = process.env.GLUSTER_LAB_DIR ?? '/var/lib/gluster-lab';
  return {
    watch:
      intervalMs > 0
        ? { intervalMs, transitions: { ...DEFAULT_TRANSITION_SETTINGS, recoverySeconds: 30 } }
        : undefined,
    eventsApi:
      shell && process.env.GEOREP_EVENTS_API === 'on'
        ? {
            webhookBase: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/ovirt-georep/api/gluster-events`,
            secret: 'georep-service',
            shell,
            reloadArgv: ['sh', '-c', `kill -USR2 "$(cat ${labDir}/events/glustereventsd.lab-pid)"`],
          }
        : null,
    metrics,
  };
}

/** pino's levels, to filter what the console shows when the log file takes more. */
const LEVELS: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/**
 * The log's level and stream. With GEOREP_DEV_LOG_FILE, every line (info or lower) is also
 * appended to that file, while the console keeps LOG_LEVEL: end-to-end tests read the file (e.g. to
 * show that a password never reached the log). Appended line by line, so a file removed meanwhile
 * (Playwright clears test-results/) comes back with the next line.
 */
function devLogOutput(): { level: string; stream?: { write(line: string): void } } {
  const level = process.env.LOG_LEVEL ?? 'info';
  const file = process.env.GEOREP_DEV_LOG_FILE;
  if (!file) return { level };
  const INFO = 30;
  const shown = LEVELS[level] ?? INFO;
  return {
    level: shown < INFO ? level : 'info',
    stream: {
      write(line: string) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.appendFileSync(file, line);
        const n = /"level":(\d+)/.exec(line);
        if (!n || Number(n[1]) >= shown) process.stdout.write(line);
      },
    },
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
