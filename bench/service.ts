// Benchmark of the geo-rep service (prints figures; asserts nothing):
//  1. Gluster CLI calls per refresh interval with 1 and with 20 concurrent pollers;
//  2. session-list latency p50/p99 with 50 concurrent pollers on loopback;
//  3. an action through the service against the same action straight on the Gluster client
//     (and with the tab's re-read of the sessions after it).
// Runs on the simulator with a fixed per-call latency standing in for the CLI's cost; with
// GLUSTER_LAB=1 and the lab up (npm run lab:up), section 3 also times the real CLI.
import fs from 'node:fs';
import net from 'node:net';
import Fastify from 'fastify';
import { registerEngineEmulator } from '../dev/engine';
import { defaultLab } from '../dev/lab';
import { registerGeoRepService } from '../server/app';
import { createGlusterClient } from '../server/gluster/client';
import { localExec } from '../dev/gluster-exec-local';
import { demoSimulator } from '../dev/sim/gluster';
import { sessionId } from '../src/georep/status';

const CLI_LATENCY_MS = Number(process.env.BENCH_CLI_LATENCY_MS ?? 150);
const PROD = '9d89dd81-a594-3d63-a06d-d4e8df16b64e';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (n: number): string => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const lab = defaultLab();
  const port = await freePort();
  const app = Fastify({ logger: false });
  const engine = await registerEngineEmulator(app, { lab });
  const sim = demoSimulator(lab);
  // Every CLI call costs CLI_LATENCY_MS, as `gluster ... status detail` over SSH does (or more).
  sim.setLatencyMs(CLI_LATENCY_MS);
  const statusCacheMs = 2000;
  await registerGeoRepService(app, {
    engineUrl: `http://127.0.0.1:${port}/ovirt-engine/`,
    gluster: createGlusterClient(sim),
    backendName: 'sim',
    statusCacheMs,
  });
  await app.listen({ host: '127.0.0.1', port });
  const token = engine.login('admin@internal', 'admin')!;
  const base = `http://127.0.0.1:${port}/ovirt-georep/api`;
  const get = async (path: string): Promise<number> => {
    const t0 = performance.now();
    const r = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return performance.now() - t0;
  };
  await get(`/clusters/${PROD}/sessions`); // warm caches (token, permissions, hosts)

  console.log(
    `geo-rep service benchmark (simulated CLI latency ${CLI_LATENCY_MS} ms per call, status cache ${statusCacheMs} ms)\n`,
  );

  // 1. Calls per interval: each poller reads the list every second, like a tab with a 1 s refresh.
  const intervalMs = 5000;
  for (const pollers of [1, 20]) {
    await new Promise((r) => setTimeout(r, statusCacheMs + 100));
    const before = sim.callCount();
    const until = Date.now() + 3 * intervalMs;
    await Promise.all(
      Array.from({ length: pollers }, async (_, i) => {
        await new Promise((r) => setTimeout(r, (i * 1000) / pollers));
        while (Date.now() < until) {
          await get(`/clusters/${PROD}/sessions`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }),
    );
    const calls = sim.callCount() - before;
    console.log(
      `1. ${String(pollers).padStart(2)} poller(s), 1 s refresh: ${(calls / 3).toFixed(1)} Gluster CLI calls per ${intervalMs / 1000} s interval`,
    );
  }

  // 2. Latency with 50 concurrent pollers, continuously for 10 s.
  const lat: number[] = [];
  const until = Date.now() + 10_000;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (Date.now() < until) lat.push(await get(`/clusters/${PROD}/sessions`));
    }),
  );
  console.log(
    `2. 50 concurrent pollers: ${lat.length} requests in 10 s, p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))}`,
  );

  // 3. One action through the service against the client directly (same simulator).
  const key = {
    primary_volume: 'archive',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'archive-dr',
    secondary_user: 'root',
  };
  const id = sessionId(key);
  const client = createGlusterClient(sim);
  const direct: number[] = [];
  const viaService: number[] = [];
  const post = async (verb: string): Promise<number> => {
    const t0 = performance.now();
    const r = await fetch(`${base}/clusters/${PROD}/sessions/${id}/${verb}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${verb}: HTTP ${r.status}`);
    return performance.now() - t0;
  };
  /** What the tab waits for: the action, then its re-read of the sessions (which joins the read after). */
  const withReread: number[] = [];
  for (let i = 0; i < 5; i++) {
    // archive starts Paused in the demo lab.
    let t0 = performance.now();
    await client.resume('gprod1.lab.example', key, {});
    direct.push(performance.now() - t0);
    t0 = performance.now();
    await client.pause('gprod1.lab.example', key, {});
    direct.push(performance.now() - t0);
    for (const verb of ['resume', 'pause']) {
      t0 = performance.now();
      viaService.push(await post(verb));
      await get(`/clusters/${PROD}/sessions`);
      withReread.push(performance.now() - t0);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // The answer says Gluster accepted the action; it does not wait for a read. The permission check
  // runs beside the session's lookup (the status the service holds), the read after the action
  // starts as the service answers (the tab's re-read joins it), and the audit event is delivered
  // after the answer (server/audit.ts outbox).
  const cliCallsBefore = sim.callCount();
  await post('resume');
  await get(`/clusters/${PROD}/sessions`);
  const callsPerAction = sim.callCount() - cliCallsBefore;
  await post('pause');
  await get(`/clusters/${PROD}/sessions`);
  const d = mean(direct);
  const v = mean(viaService);
  const w = mean(withReread);
  console.log(
    `3. pause/resume: straight on the client ${ms(d)} per action; through the service ${ms(v)} (auth, permissions, the action, an audit event): ${(v / d).toFixed(2)}x the bare CLI call (goal <= 1.3x)`,
  );
  console.log(
    `   with the tab's re-read after it (the read the service started as it answered, joined): ${ms(w)} = ${(w / d).toFixed(2)}x the bare call; ${callsPerAction} CLI calls per action and re-read (the action, then status and volume info side by side), floor ${ms(2 * CLI_LATENCY_MS)}`,
  );

  if (process.env.GLUSTER_LAB === '1' && fs.existsSync('lab/lab.env')) {
    const env = Object.fromEntries(
      fs
        .readFileSync('lab/lab.env', 'utf8')
        .split('\n')
        .filter((l) => l.includes('=') && !l.startsWith('#'))
        .map((l) => l.split('=', 2) as [string, string]),
    );
    const real = createGlusterClient(localExec());
    const node = env.LAB_HOST!;
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await real.status(node);
      t.push(performance.now() - t0);
    }
    console.log(
      `3b. real Gluster ${env.LAB_GLUSTER_VERSION ?? ''} on this machine: status detail (all sessions) ${ms(mean(t))} per CLI call, p99 ${ms(pct(t, 99))}`,
    );
  } else {
    console.log('3b. real Gluster: skipped (set GLUSTER_LAB=1 with the lab up: npm run lab:up)');
  }
  await app.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
