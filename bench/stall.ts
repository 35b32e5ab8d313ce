// Stall detection on REAL Gluster (the lab of lab/gluster-lab.sh): prints figures, asserts nothing.
//   GLUSTER_LAB=1 npx tsx bench/stall.ts [--stalls N] [--max-restarts N] [--soak-minutes M]
//  1. Restarts a session's workers (the product's own restart: a config reset of an option the
//     session does not modify) until N of them came up stalled; after each restart writes a file and
//     runs the product's stall watch at its default interval (10 s), and prints, for every stall,
//     the time from its first evidence (the waiting change's changelog on the brick) to the
//     Stalled verdict, and how Recover did.
//  2. The cost: extra gluster CLI calls per interval (none) and the probe's reads per interval and
//     their duration.
//  3. A soak: the session idle and healthy, watched for M minutes: how many stall verdicts (0).
// The session uses a secondary volume of its own, removed at the end.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSessions } from '../server/domain';
import { createGlusterClient } from '../server/gluster/client';
import { sshExec } from '../server/gluster/exec-ssh';
import { execProbe, type NodeProbe } from '../server/gluster/probe';
import { recoverStalled } from '../server/recover';
import { rolloverOf, StallWatch } from '../server/stall';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const STALLS = arg('stalls', 3);
const MAX_RESTARTS = arg('max-restarts', 12);
const SOAK_MIN = arg('soak-minutes', 10);
const INTERVAL_MS = 10_000;

const ROOT = path.resolve(__dirname, '..');
const env: Record<string, string> = {};
for (const l of fs.readFileSync(path.join(ROOT, 'lab', 'lab.env'), 'utf8').split('\n')) {
  const m = /^([A-Z0-9_]+)=(.*)$/.exec(l.trim());
  if (m) env[m[1]!] = m[2]!;
}
const CLEAN = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const glusterCli = (...a: string[]) =>
  spawnSync('gluster', ['--mode=script', ...a], { env: CLEAN, encoding: 'utf8' });

async function main(): Promise<void> {
  if (process.env.GLUSTER_LAB !== '1') {
    console.log(
      'bench/stall.ts needs the real lab: npm run lab:up, then GLUSTER_LAB=1 npx tsx bench/stall.ts',
    );
    return;
  }
  const host = env.LAB_HOST!;
  const pvol = env.LAB_PRIMARY_VOLUME!;
  const pmount = env.LAB_PRIMARY_MOUNT!;
  const run = `bench${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const svol = `georep-${run}`;
  const brick = path.join(path.dirname(env.LAB_SECONDARY_BRICK!), svol);
  const key = {
    primary_volume: pvol,
    secondary_host: host,
    secondary_volume: svol,
    secondary_user: 'root',
  };
  const exec = sshExec({
    privateKey: fs.readFileSync(env.LAB_SSH_KEY!),
    knownHosts: fs.readFileSync(env.LAB_SSH_KNOWN_HOSTS!, 'utf8'),
    port: Number(env.LAB_SSH_PORT),
  });
  const c = createGlusterClient(exec);
  const probeTimes: number[] = [];
  const raw = execProbe(exec);
  const probe: NodeProbe = {
    evidence: async (...a) => {
      const t = Date.now();
      try {
        return await raw.evidence(...a);
      } finally {
        probeTimes.push(Date.now() - t);
      }
    },
    workerLog: (...a) => raw.workerLog(...a),
    rsyncVersion: (n) => raw.rsyncVersion(n),
  };
  const resolve = (n: string) => Promise.resolve(n === host ? host : null);
  fs.mkdirSync(brick, { recursive: true });
  const cleanup = () => {
    glusterCli('volume', 'geo-replication', pvol, `${host}::${svol}`, 'stop', 'force');
    glusterCli('volume', 'geo-replication', pvol, `${host}::${svol}`, 'delete', 'reset-sync-time');
    glusterCli('volume', 'stop', svol, 'force');
    glusterCli('volume', 'delete', svol);
    fs.rmSync(brick, { recursive: true, force: true });
    fs.rmSync(path.join(pmount, run), { recursive: true, force: true });
  };
  try {
    for (const a of [
      ['volume', 'create', svol, `${host}:${brick}`, 'force'],
      ['volume', 'start', svol],
    ]) {
      const r = glusterCli(...a);
      if (r.status !== 0) throw new Error(`gluster ${a.join(' ')}: ${r.stderr || r.stdout}`);
    }
    await c.create(host, key, { ssh_port: Number(env.LAB_SSH_PORT), force: true, push_pem: true });
    await c.configSet(host, key, 'ssh-port', env.LAB_SSH_PORT!);
    await c.configSet(host, key, 'sync-method', 'tarssh');
    await c.configSet(host, key, 'change-interval', '1');
    await c.start(host, key, {});
    fs.mkdirSync(path.join(pmount, run), { recursive: true });
    const vols = await c.volumeInfo(host, pvol);
    const rollover = rolloverOf(vols.find((v) => v.name === pvol));
    const session = async () => {
      const [p] = await c.status(host, key);
      return p ? (buildSessions('bench', [p], vols, new Date()).sessions[0] ?? null) : null;
    };
    const live = async () => {
      for (let i = 0; i < 120; i++) {
        const s = await session();
        if (
          s &&
          s.workers.some((w) => w.status === 'Active' && w.crawl_status === 'Changelog Crawl')
        )
          return s;
        await sleep(1000);
      }
      throw new Error('not live within 120 s');
    };

    // 1. stalls: time from first evidence to the verdict
    console.log(
      `== stalls (watch interval ${INTERVAL_MS / 1000} s, rollover ${rollover} s, change-interval 1 s)`,
    );
    const flagged: number[] = [];
    let restarts = 0;
    let healthy = 0;
    while (flagged.length < STALLS && restarts < MAX_RESTARTS) {
      if (restarts > 0) await c.configReset(host, key, 'sync-jobs');
      restarts++;
      let s = await live();
      const f = path.join(pmount, run, `w${restarts}.txt`);
      fs.writeFileSync(f, `${restarts}\n`);
      const watch = new StallWatch(probe, { intervalMs: INTERVAL_MS });
      const t0 = Date.now();
      let outcome: 'delivered' | 'stalled' | 'neither' = 'neither';
      while (Date.now() - t0 < 90_000) {
        if (fs.existsSync(path.join(brick, run, path.basename(f)))) {
          outcome = 'delivered';
          break;
        }
        s = (await session()) ?? s;
        await watch.refresh('bench', [s], vols, resolve);
        const active = s.workers.find((w) => w.status === 'Active');
        if (!active) {
          await sleep(1000);
          continue;
        }
        const st = watch.stateOf(s.id, active.primary_brick);
        if (watch.isStalled(st)) {
          const firstEvidence = st!.evidence.oldest_pending! * 1000;
          const ms = Date.now() - firstEvidence;
          flagged.push(ms);
          outcome = 'stalled';
          console.log(
            `restart ${restarts}: stalled; flagged ${(ms / 1000).toFixed(1)} s after its first evidence (changelog of the write), ${((Date.now() - t0) / 1000).toFixed(1)} s after the write`,
          );
          const t1 = Date.now();
          const out = await recoverStalled(
            {
              gluster: c,
              probe,
              node: host,
              readSession: session,
              resolve,
              rolloverSeconds: rollover,
              sleep,
              now: Date.now,
              pollMs: 1000,
            },
            key,
          );
          console.log(
            `  Recover: ${out.recovered ? 'recovered' : 'NOT recovered'} after ${out.attempts} restart(s) in ${((Date.now() - t1) / 1000).toFixed(1)} s; file on the secondary: ${fs.existsSync(path.join(brick, run, path.basename(f)))}`,
          );
          break;
        }
        await sleep(INTERVAL_MS);
      }
      if (outcome === 'delivered') {
        healthy++;
        console.log(
          `restart ${restarts}: healthy (the write arrived in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        );
      } else if (outcome === 'neither')
        console.log(`restart ${restarts}: neither delivered nor flagged in 90 s`);
    }
    const sorted = [...flagged].sort((a, b) => a - b);
    console.log(
      `${restarts} restarts: ${flagged.length} stalled, ${healthy} healthy; first evidence -> Stalled: ` +
        (sorted.length
          ? `min ${(sorted[0]! / 1000).toFixed(1)} s, median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(1)} s, max ${(sorted[sorted.length - 1]! / 1000).toFixed(1)} s`
          : 'no stall seen'),
    );

    // 2. cost
    const ps = [...probeTimes].sort((a, b) => a - b);
    console.log('== cost of detection, per cluster per interval');
    console.log(
      `gluster CLI calls: 0 extra (the evidence comes from the brick's node, not the CLI)`,
    );
    console.log(
      `probe reads: 1 per node and session with Active workers (here 1); duration min ${ps[0]} ms, median ${ps[Math.floor(ps.length / 2)]} ms, max ${ps[ps.length - 1]} ms over ${ps.length} reads (one SSH channel each)`,
    );

    // 3. soak
    console.log(
      `== soak: the session idle and healthy, watched ${SOAK_MIN} min at ${INTERVAL_MS / 1000} s`,
    );
    await live();
    const watch = new StallWatch(probe, { intervalMs: INTERVAL_MS });
    const end = Date.now() + SOAK_MIN * 60_000;
    let readings = 0;
    let stalls = 0;
    while (Date.now() < end) {
      const s = await session();
      if (s) {
        await watch.refresh('bench', [s], vols, resolve);
        readings++;
        if (watch.mark(s).workers.some((w) => w.stall)) stalls++;
      }
      await sleep(INTERVAL_MS);
    }
    console.log(`${readings} readings, ${stalls} with a Stalled verdict`);
  } finally {
    cleanup();
    await exec.close();
  }
}

void main();
