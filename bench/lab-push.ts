// Freshness on REAL Gluster (the lab of lab/gluster-lab.sh): a session of its own on a fresh
// secondary volume, the whole stack (`dev/start.ts` on the cli backend) started with or without
// Gluster's events API, the tab open in Chromium, and a pause made with the gluster CLI behind the
// service's back timed to the screen (freshness.ts). Shared by the real-Gluster end-to-end test
// (test/e2e-lab/push-freshness.spec.ts), which holds the goals, and `npm run bench:push`, which
// prints the figures. Everything it makes is removed at the end (removeLabSession).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { need, readLabEnv, type LabEnv } from '../dev/real-lab';
import { measureFreshness, type Freshness } from './freshness';

const ROOT = path.resolve(__dirname, '..');
const CLEAN = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' };

export const gluster = (...args: string[]) =>
  spawnSync('gluster', ['--mode=script', ...args], { env: CLEAN, encoding: 'utf8' });

function must(...args: string[]): string {
  const r = gluster(...args);
  if (r.status !== 0 || /<opRet>-?[1-9]/.test(r.stdout))
    throw new Error(`gluster ${args.join(' ')}: exit ${r.status}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export interface LabSession {
  env: LabEnv;
  pvol: string;
  host: string;
  svol: string;
  brick: string;
  /** As the tab's row names it. */
  name: string;
  /** `host::svol`, as the gluster CLI takes it. */
  secondary: string;
}

/** The lab's events daemon, under the lab's lock the caller already holds (see lab/gluster-lab.sh). */
export function labEvents(verb: 'events-up' | 'events-down'): void {
  const r = spawnSync('bash', [path.join(ROOT, 'lab/gluster-lab.sh'), verb], {
    encoding: 'utf8',
    env: { ...process.env, GLUSTER_LAB_LOCK_HELD: process.env.GLUSTER_LAB_LOCK_HELD ?? '1' },
  });
  if (r.status !== 0) throw new Error(`lab ${verb}: ${r.stderr || r.stdout}`);
}

/** A started session from the lab's primary to a secondary volume of its own. */
export async function createLabSession(tag = 'push'): Promise<LabSession> {
  const env = readLabEnv();
  const host = need(env, 'LAB_HOST');
  const pvol = need(env, 'LAB_PRIMARY_VOLUME');
  const port = need(env, 'LAB_SSH_PORT');
  const svol = `georep-${tag}${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const brick = path.join(path.dirname(need(env, 'LAB_SECONDARY_BRICK')), svol);
  const secondary = `${host}::${svol}`;
  const s: LabSession = {
    env,
    pvol,
    host,
    svol,
    brick,
    secondary,
    name: `${pvol} to root@${host}::${svol}`,
  };
  fs.mkdirSync(brick, { recursive: true });
  must('volume', 'create', svol, `${host}:${brick}`, 'force');
  must('volume', 'start', svol);
  must(
    '--xml',
    'volume',
    'geo-replication',
    pvol,
    secondary,
    'create',
    'ssh-port',
    port,
    'push-pem',
    'force',
  );
  // 10.3 keeps ssh_port 22 whatever create said; tarssh: bookworm-security's rsync syncs nothing
  must('--xml', 'volume', 'geo-replication', pvol, secondary, 'config', 'ssh-port', port);
  must('--xml', 'volume', 'geo-replication', pvol, secondary, 'config', 'sync-method', 'tarssh');
  // push-pem's hook (S56glusterd-geo-rep-create-post.sh) adds gsyncd's key on the secondary in the
  // background, after create returned: a start before it lands leaves a dead monitor ("Created").
  await gsyncdKeyAccepted(host, port);
  must('--xml', 'volume', 'geo-replication', pvol, secondary, 'start');
  const t0 = Date.now();
  while (
    !/\bActive\b/.test(gluster('volume', 'geo-replication', pvol, secondary, 'status').stdout)
  ) {
    if (Date.now() - t0 > 120_000) throw new Error(`${s.name} did not turn Active within 120 s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return s;
}

/** Until the secondary accepts gsyncd's own key (ssh exits with its own 255 while it refuses). */
async function gsyncdKeyAccepted(host: string, port: string): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const r = spawnSync(
      'ssh',
      [
        '-oBatchMode=yes',
        '-oStrictHostKeyChecking=no',
        '-oUserKnownHostsFile=/dev/null',
        '-oConnectTimeout=5',
        '-i',
        '/var/lib/glusterd/geo-replication/secret.pem',
        '-p',
        port,
        `root@${host}`,
        'true', // gsyncd's forced command refuses it (exit 1): logged in, which is all we ask
      ],
      { env: CLEAN, encoding: 'utf8', timeout: 15_000 },
    );
    if (r.status !== null && r.status !== 255) return;
    if (Date.now() - t0 > 60_000)
      throw new Error(`${host}:${port} does not accept gsyncd's key within 60 s: ${r.stderr}`);
    await new Promise((res) => setTimeout(res, 500));
  }
}

export function removeLabSession(s: LabSession): void {
  gluster('volume', 'geo-replication', s.pvol, s.secondary, 'stop', 'force');
  gluster('volume', 'geo-replication', s.pvol, s.secondary, 'delete', 'reset-sync-time');
  gluster('volume', 'stop', s.svol, 'force');
  gluster('volume', 'delete', s.svol);
  fs.rmSync(s.brick, { recursive: true, force: true });
}

export interface DevServer {
  base: string;
  stop(): Promise<void>;
}

/** The whole stack on the lab (dev/start.ts, cli backend), on `port`. */
export async function startDevServer(
  port: number,
  extra: Record<string, string>,
): Promise<DevServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      GEOREP_BACKEND: 'cli',
      LOG_LEVEL: 'warn',
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (child.exitCode !== null) throw new Error(`dev/start.ts exited with ${child.exitCode}`);
    if (Date.now() - t0 > 60_000) throw new Error('dev/start.ts did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
        child.kill('SIGTERM'); // our own child, by its handle
      }),
  };
}

/** Logs in to the stand-in as admin and opens the place; waits for the mode the tab must be in. */
export async function openTab(
  page: Page,
  base: string,
  mode: 'events' | 'interval',
): Promise<void> {
  await page.goto(`${base}/ovirt-engine/webadmin/#gluster-georep`);
  await page.getByLabel('Username').fill('admin@internal');
  await page.getByLabel('Password').fill('admin');
  await page.getByRole('button', { name: 'Log In' }).click();
  await page.locator('#loading').waitFor({ state: 'detached' });
  const f = page.frameLocator('iframe.place-frame');
  await f.locator(`[data-live-mode="${mode}"]`).waitFor({ timeout: 60_000 });
}

/** The pause/resume freshness of a lab session on the open tab. */
export function pauseFreshness(page: Page, s: LabSession, runs = 10): Promise<Freshness> {
  return measureFreshness(page, {
    sessionName: s.name,
    change: () => void must('--xml', 'volume', 'geo-replication', s.pvol, s.secondary, 'pause'),
    undo: () => void must('--xml', 'volume', 'geo-replication', s.pvol, s.secondary, 'resume'),
    changed: 'Paused',
    runs,
    timeoutMs: 30_000,
  });
}
