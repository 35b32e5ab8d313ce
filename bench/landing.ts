// Benchmark: how long a slow engine keeps a user at a blank WebAdmin (prints figures; asserts
// nothing). With `lazyLoad: false` WebAdmin makes no place transition before every such plugin
// called ready() (ApplicationInit.performPlaceTransition), so whatever a plugin waits for before
// ready() is blank time for every user. Measured in the WebAdmin stand-in with this plugin and the
// dashboard-like test plugin installed, the engine emulator answering every request `latency` late:
//  - blank: from the host page's navigation start to WebAdmin's first place transition;
//  - place: from navigation start to the Geo-Replication menu entry being there;
// for a login with no token and for a deep link to the place. Needs `npm run build` and Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 18096);
const BASE = `http://127.0.0.1:${PORT}`;
const LATENCIES = (process.env.BENCH_LATENCIES ?? '0,1000,3000,8000').split(',').map(Number);
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const post = (what: string, body: unknown) =>
  fetch(`${BASE}/__dev/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function measure(page: Page, hash: string): Promise<{ blank: number; place: number }> {
  await page.context().clearCookies();
  await page.goto(`${BASE}/ovirt-engine/webadmin/login`);
  await page.getByLabel('Username').fill('glusteradmin@internal');
  await page.getByLabel('Password').fill('glusteradmin');
  await page.evaluate((h) => {
    (document.getElementById('hash') as HTMLInputElement).value = h;
  }, hash);
  await page.getByRole('button', { name: 'Log In' }).click();
  await page.locator('#loading').waitFor({ state: 'detached', timeout: 60_000 });
  const blank = await page.evaluate(() => window.__standin.firstTransitionAt() ?? NaN);
  await page
    .getByRole('navigation', { name: 'Main menu' })
    .getByRole('link', { name: 'Geo-Replication' })
    .waitFor({ timeout: 60_000 });
  const place = await page.evaluate(() => performance.now());
  return { blank, place };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'gluster-georep.json')))
    throw new Error('Run `npm run build` first.');
  const server = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-landing-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    for (let i = 0; i < 60; i++) {
      if (
        await fetch(`${BASE}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await post('ui-plugin', { name: 'dashboard-like', installed: true });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    console.log('Blank WebAdmin with a slow engine (ms from navigation start; median of 3)\n');
    console.log('engine latency | no token: blank / place | deep link: blank / place');
    for (const latency of LATENCIES) {
      await post('engine', { latencyMs: latency });
      const row: string[] = [];
      for (const hash of ['', 'gluster-georep']) {
        const runs: { blank: number; place: number }[] = [];
        for (let i = 0; i < 3; i++) runs.push(await measure(page, hash));
        const med = (k: 'blank' | 'place') =>
          [...runs.map((r) => r[k])].sort((a, b) => a - b)[1]!.toFixed(0);
        row.push(`${med('blank').padStart(6)} / ${med('place').padStart(6)}`);
      }
      console.log(
        `${String(latency).padStart(14)} | ${row[0]!.padStart(23)} | ${row[1]!.padStart(24)}`,
      );
    }
  } finally {
    await post('engine', { latencyMs: 0 }).catch(() => undefined);
    await ctx.close();
    server.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
