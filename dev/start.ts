// `npm start`: the whole stack on one origin, as an engine with this plugin installed would serve it:
//   /ovirt-engine/webadmin/  WebAdmin stand-in (login, shell, pluginApi, plugin resources from dist/)
//   /ovirt-engine/api/       engine REST emulator; /ovirt-engine/sso/ its token endpoint
//   /ovirt-georep/api/       the geo-rep service, on the Gluster simulator (default) or real Gluster
import path from 'node:path';
import fs from 'node:fs';
import Fastify from 'fastify';
import { registerEngineEmulator } from './engine';
import { simulatedBackends } from './backends';
import { defaultLab } from './lab';
import { registerWebAdmin } from './webadmin/server';
import { registerGeoRepService } from '../server/app';
import { createGlusterClient } from '../server/gluster/client';
import { localExec } from '../server/gluster/exec-local';
import { localHostShell, sshRemoteGluster } from '../server/gluster/provision';
import { ssoTokenProvider } from '../server/serviceAccount';

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
      level: process.env.LOG_LEVEL ?? 'info',
      // Tokens and passwords never reach the log.
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.body.password',
        'res.headers["set-cookie"]',
      ],
    },
  });
  const lab = defaultLab();
  const engine = await registerEngineEmulator(app, { lab });
  // The simulated world (default), or real Gluster on this machine (the lab of `npm run lab:up`).
  const simulated = backend === 'sim' ? simulatedBackends(lab, { sshLatencyMs: 300 }) : null;
  const sim = simulated?.sim ?? null;
  const ssh = simulated?.ssh ?? null;
  const gluster = simulated?.gluster ?? createGlusterClient(localExec());
  const engineUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/ovirt-engine/`;
  await registerGeoRepService(app, {
    engineUrl,
    gluster,
    backendName: backend,
    ssh: ssh ?? undefined,
    // Directory targets: the simulator's remote hosts, or ssh from this machine (the lab's host).
    remoteGluster: simulated?.remoteGluster ?? sshRemoteGluster(localHostShell()),
    eventsToken: ssoTokenProvider(engineUrl, {
      user: 'georep-service@internal',
      password: 'georep-service',
    }),
  });
  await registerWebAdmin(app, {
    sso: engine,
    pluginsDir,
    pluginsConfigDir: process.env.UI_PLUGINS_CONFIG_DIR ?? null,
    shellDir,
  });
  app.get('/healthz', () => ({ status: 'ok', backend }));

  // Development controls for demos and end-to-end tests; never part of an installed product.
  app.post<{ Body: { down?: boolean } }>('/__dev/engine', (req) => {
    engine.setDown(req.body?.down === true);
    return { down: req.body?.down === true };
  });
  if (sim) {
    app.post<{
      Body: {
        primary_volume: string;
        secondary_host: string;
        secondary_volume: string;
        brick: string;
        faulty: boolean;
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
    app.post<{ Body: { node: string; reachable: boolean } }>('/__dev/sim/node', (req) => {
      sim.setNodeReachable(req.body.node, req.body.reachable === true);
      return { ok: true };
    });
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

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
