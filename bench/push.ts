// `npm run bench:push`: the figures of the server-side watch and the push (issue 16).
//   1. Gluster CLI calls per interval per cluster with 1, 20 and 200 viewers plus the watch, with
//      the viewers polling (tabs without the stream) and streaming (Server-Sent Events); the goal
//      is the same number whatever the audience.
//   2. The watch's cost per cluster per interval: CLI calls, engine calls, CPU time of the service
//      and the read's time, on the simulator with a latency like one SSH round trip to gluster.
//   3. With GLUSTER_LAB=1 (the real lab up, run under its lock): freshness of a pause made with
//      the gluster CLI, on the tab in Chromium, with and without Gluster's events API (median and
//      worst of 10; bench/lab-push.ts).
// Figures, not pass/fail: the goals are held by tests (test/node/server/watch.test.ts,
// test/e2e-lab/push-freshness.spec.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import Fastify from 'fastify';
import { chromium } from 'playwright-core';
import { registerEngineEmulator } from '../dev/engine';
import { defaultLab, LAB_IDS } from '../dev/lab';
import { registerGeoRepService } from '../server/app';
import { createGlusterClient } from '../server/gluster/client';
import type { GlusterExec } from '../server/gluster/exec';
import { demoSimulator } from '../dev/sim/gluster';
import type { Push } from '../server/push';
import { DEFAULT_TRANSITION_SETTINGS } from '../src/georep/transitions';

const PREFIX = '/ovirt-georep/api';
const PROD = LAB_IDS.clusterProd;
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 2000);
const POLL_MS = 5000; // the tab's default refresh
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Stack {
  port: number;
  push: Push;
  calls: () => { status: number; info: number; other: number };
  engineCalls: () => number;
  token(user: string): string;
  close(): Promise<void>;
}

async function stack(latencyMs: number): Promise<Stack> {
  const lab = defaultLab();
  const sim = demoSimulator(lab);
  let status = 0;
  let info = 0;
  let other = 0;
  const exec: GlusterExec = {
    run: async (node, argv, opts) => {
      if (argv.includes('geo-replication') && argv.includes('status')) status++;
      else if (argv.includes('volume') && argv.includes('info')) info++;
      else other++;
      if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
      return sim.run(node, argv, opts);
    },
  };
  const port = await freePort();
  const app = Fastify({ logger: false });
  let engineCalls = 0;
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.url.startsWith('/ovirt-engine/api')) engineCalls++;
    done();
  });
  const engine = await registerEngineEmulator(app, { lab });
  let push: Push | null = null;
  let serviceToken: string | null = null;
  await registerGeoRepService(app, {
    engineUrl: `http://127.0.0.1:${port}/ovirt-engine/`,
    gluster: createGlusterClient(exec),
    backendName: 'sim',
    // one token, kept, as serviceAccount.ts keeps it
    eventsToken: () =>
      Promise.resolve((serviceToken ??= engine.login('georep-service@internal', 'georep-service'))),
    push: {
      watch: { intervalMs: INTERVAL_MS, transitions: DEFAULT_TRANSITION_SETTINGS },
      expose: (p) => {
        push = p;
      },
    },
  });
  await app.listen({ host: '127.0.0.1', port });
  return {
    port,
    push: push!,
    calls: () => ({ status, info, other }),
    engineCalls: () => engineCalls,
    token: (u) => engine.login(u, u.split('@')[0]!)!,
    close: () => app.close(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `n` viewers until `stop` resolves: each polling GET sessions every 5 s (staggered), or holding a
 * stream open.
 */
async function viewers(
  s: Stack,
  n: number,
  mode: 'poll' | 'stream',
  stop: Promise<void>,
): Promise<number[]> {
  const statuses: number[] = [];
  const token = s.token('glusterviewer@internal');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let stopped = false;
  void stop.then(() => (stopped = true));
  const get = (p: string) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: s.port,
          path: `${PREFIX}${p}`,
          agent,
          headers: { authorization: `Bearer ${token}` },
        },
        (res) => {
          statuses.push(res.statusCode ?? 0);
          resolve(res);
        },
      );
      req.on('error', reject);
    });
  const nap = (ms: number) => Promise.race([sleep(ms), stop]);
  if (mode === 'stream') {
    const open = await Promise.all(
      Array.from({ length: n }, () => get(`/clusters/${PROD}/stream`)),
    );
    for (const r of open) r.resume();
    await stop;
    for (const r of open) r.destroy();
  } else {
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        await nap((POLL_MS * i) / n);
        while (!stopped) {
          const r = await get(`/clusters/${PROD}/sessions`);
          r.resume();
          await new Promise((x) => r.on('end', x));
          await nap(POLL_MS);
        }
      }),
    );
  }
  agent.destroy();
  return statuses;
}

async function cliPerInterval(): Promise<void> {
  console.log(
    `\n1. Gluster CLI calls per interval (${INTERVAL_MS} ms) per cluster, 2 clusters, ${ROUNDS} intervals each`,
  );
  console.log('   viewers  tabs       status/interval/cluster  volume info/interval/cluster');
  for (const mode of ['poll', 'stream'] as const) {
    for (const n of (process.env.BENCH_VIEWERS ?? '0,1,20,200').split(',').map(Number)) {
      const s = await stack(0);
      await sleep(INTERVAL_MS); // the first round and the seed of the engine's events
      let stop: () => void = () => undefined;
      const stopped = new Promise<void>((r) => (stop = r));
      const running = viewers(s, n, mode, stopped);
      await sleep(POLL_MS); // every viewer under way
      const before = s.calls();
      await sleep(INTERVAL_MS * ROUNDS);
      const after = s.calls();
      stop();
      const answers = await running;
      const bad = answers.filter((c) => c !== 200).length;
      const per = (k: 'status' | 'info') => ((after[k] - before[k]) / ROUNDS / 2).toFixed(2);
      console.log(
        `   ${String(n).padStart(7)}  ${(n === 0 ? 'watch only' : mode === 'poll' ? 'polling' : 'streaming').padEnd(10)} ${per('status').padStart(23)}  ${per('info').padStart(28)}   (${answers.length} answers${bad ? `, ${bad} not 200` : ', all 200'})`,
      );
      await s.close();
    }
  }
}

async function watchCost(): Promise<void> {
  const latency = Number(process.env.BENCH_LATENCY_MS ?? 150);
  console.log(
    `\n2. The watch's cost per cluster per interval (no viewer; simulator answering in ${latency} ms)`,
  );
  const s = await stack(latency);
  await sleep(INTERVAL_MS * 2); // warm: seeded, first reads done
  const c0 = s.calls();
  const e0 = s.engineCalls();
  const cpu0 = process.cpuUsage();
  const r0 = s.push.watch!.counters.reads;
  const durations: number[] = [];
  const off = s.push.watch!.onRead((r) => durations.push(r.durationMs));
  await sleep(INTERVAL_MS * ROUNDS * 2);
  off();
  const reads = s.push.watch!.counters.reads - r0;
  const c1 = s.calls();
  const cpu = process.cpuUsage(cpu0);
  const per = (x: number) => (x / reads).toFixed(2);
  durations.sort((a, b) => a - b);
  console.log(
    `   reads of a cluster:            ${reads} (${(reads / (ROUNDS * 2) / 2).toFixed(2)} per cluster per interval)`,
  );
  console.log(
    `   gluster commands per read:     ${per(c1.status - c0.status + c1.info - c0.info + c1.other - c0.other)} (status detail + volume info)`,
  );
  console.log(
    `   engine calls per read:         ${per(s.engineCalls() - e0)} (hosts of the cluster, cached 5 s; clusters once a minute)`,
  );
  console.log(
    `   service CPU per read:          ${((cpu.user + cpu.system) / 1000 / reads).toFixed(1)} ms (parse, roll-up, transitions, history; this process also runs the engine emulator)`,
  );
  console.log(
    `   time of a read (median/worst): ${durations[Math.floor(durations.length / 2)]} / ${durations.at(-1)} ms`,
  );
  await s.close();
}

async function realFreshness(): Promise<void> {
  console.log('\n3. Freshness on real Gluster: a pause made with the gluster CLI, to the tab (ms)');
  if (process.env.GLUSTER_LAB !== '1') {
    console.log(
      '   skipped: the real lab is not requested (bash lab/gluster-lab.sh up; then, under its lock, GLUSTER_LAB=1 npm run bench:push)',
    );
    return;
  }
  const lab = await import('./lab-push');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-push-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
  });
  lab.labEvents('events-up');
  const session = await lab.createLabSession('bench');
  try {
    for (const [label, events, port] of [
      ['with the events API   ', 'on', 18190],
      ['without the events API', 'off', 18191],
    ] as const) {
      const dev = await lab.startDevServer(port, { GEOREP_EVENTS_API: events });
      const page = await ctx.newPage();
      try {
        await lab.openTab(page, dev.base, events === 'on' ? 'events' : 'interval');
        const f = await lab.pauseFreshness(page, session, 10);
        console.log(`   ${label}: median ${f.median}, worst ${f.worst} (${f.samples.join(', ')})`);
      } finally {
        await page.close();
        await dev.stop();
      }
    }
  } finally {
    lab.removeLabSession(session);
    lab.labEvents('events-down');
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log('Geo-rep service: the watch and the push');
  await cliPerInterval();
  await watchCost();
  await realFreshness();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
