// Benchmark of the Geo-Replication tab (prints figures; asserts nothing). Needs `npm run build`
// first and Debian's Chromium. Compares with a bare PatternFly 6 page (a table and a modal, built
// by the same toolchain, bench/bare-page.tsx):
//  1. payload: the tab's JS + CSS, raw and gzip, against the bare page's;
//  2. time to first rows with 1,000 sessions (tab, through WebAdmin stand-in and service) against
//     the bare page rendering 1,000 static rows;
//  3. filter keystroke to updated rows with 10,000 sessions.
// The session lists of 2 and 3 are served by the benchmark in the service's shape (page.route).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { chromium } from 'playwright-core';
import webpack from 'webpack';
import { syntheticSessions } from '../test/e2e/synthetic';

const ROOT = path.resolve(__dirname, '..');
const RES = path.join(ROOT, 'dist', 'gluster-georep-resources');
const BARE = path.join(ROOT, 'build', 'bench-bare');
const PORT = Number(process.env.BENCH_PORT ?? 18095);
const PROD = '9d89dd81-a594-3d63-a06d-d4e8df16b64e';
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

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function payload(dir: string, html: string): { raw: number; gz: number } {
  const page = fs.readFileSync(path.join(dir, html), 'utf8');
  const assets = [...page.matchAll(/(?:src|href)="?([^" >]+\.(?:js|css))/g)].map((m) => m[1]!);
  let raw = 0;
  let gz = 0;
  for (const a of assets) {
    const buf = fs.readFileSync(path.join(dir, a));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gz };
}

function buildBare(): Promise<void> {
  const compiler = webpack({
    mode: 'production',
    entry: {
      bare: path.join(ROOT, 'bench', 'bare-page.tsx'),
      table: path.join(ROOT, 'bench', 'bare-table-page.tsx'),
    },
    output: { path: BARE, filename: '[name].js', publicPath: '', clean: true },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    performance: { hints: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
        { test: /\.(woff2?|ttf|eot|otf)$/, type: 'asset/resource' },
        { test: /\.(png|jpe?g|gif|svg)$/, type: 'asset' },
      ],
    },
    plugins: [
      ...(
        [
          ['index.html', 'bare'],
          ['table.html', 'table'],
        ] as const
      ).map(
        ([filename, chunk]) =>
          new HtmlWebpackPlugin({
            filename,
            chunks: [chunk],
            templateContent:
              '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div></body></html>',
            scriptLoading: 'defer',
          }),
      ),
      new MiniCssExtractPlugin({ filename: '[name].css' }),
    ],
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString('errors-only')));
      else compiler.close(() => resolve());
    }),
  );
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(RES, 'georep.html'))) throw new Error('Run `npm run build` first.');
  await buildBare();
  const tab = payload(RES, 'georep.html');
  const bare = payload(BARE, 'index.html');
  const table = payload(BARE, 'table.html');
  console.log('Geo-Replication tab benchmark\n');
  console.log(
    `1. payload (JS+CSS): tab ${kb(tab.raw)} raw, ${kb(tab.gz)} gzip; bare PF6 table+modal page ${kb(bare.raw)} raw, ${kb(bare.gz)} gzip (tab/bare gzip ${(tab.gz / bare.gz).toFixed(2)}x)`,
  );
  console.log(
    `   against the bare page with the tab's first-screen controls (toolbar, filter, Select, Dropdown, pagination, row actions, labels, tooltip, alert: bench/bare-table-page.tsx) ${kb(table.raw)} raw, ${kb(table.gz)} gzip: tab/that ${(tab.gz / table.gz).toFixed(2)}x`,
  );

  const server = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tab-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 60; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    let list = JSON.stringify({
      georep_session: syntheticSessions(1000, PROD),
      read_at: new Date().toISOString(),
      backend: 'sim',
    });
    await page.route(`**/ovirt-georep/api/clusters/${PROD}/sessions`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: list }),
    );
    // No pushed reads of the simulator's own list: the tab polls the synthetic one (as scale.spec.ts).
    await page.route(`**/ovirt-georep/api/clusters/${PROD}/stream`, (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: '{}' }),
    );
    await page.goto(`${base}/ovirt-engine/webadmin/`);
    await page.getByLabel('Username').fill('admin@internal');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Log In' }).click();
    await page.locator('#loading').waitFor({ state: 'detached' });

    // 2. Time to first rows: from opening the place to the first session row, five times.
    const tabTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.getByRole('link', { name: 'Hosts' }).click();
      const t0 = Date.now();
      await page.getByRole('link', { name: 'Geo-Replication' }).click();
      await page
        .frameLocator('iframe.place-frame')
        .getByRole('checkbox', { name: /^Select session vol-00000 / })
        .waitFor();
      tabTimes.push(Date.now() - t0);
    }
    const barePage = await ctx.newPage();
    const bareTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await barePage.goto(`file://${path.join(BARE, 'index.html')}?rows=1000`);
      await barePage.getByText('vol-999', { exact: true }).waitFor();
      bareTimes.push(Date.now() - t0);
    }
    console.log(
      `2. time to first rows, 1,000 sessions (median of 5): tab ${median(tabTimes)} ms (place iframe, pluginApi, clusters, sessions, first page of 20); bare page with 1,000 static rows ${median(bareTimes)} ms`,
    );

    // 3. Filter keystroke at 10,000 sessions.
    list = JSON.stringify({
      georep_session: syntheticSessions(10_000, PROD),
      read_at: new Date().toISOString(),
      backend: 'sim',
    });
    await page.getByRole('link', { name: 'Hosts' }).click();
    await page.getByRole('link', { name: 'Geo-Replication' }).click();
    const f = page.frameLocator('iframe.place-frame');
    await f.getByRole('checkbox', { name: /^Select session vol-00000 / }).waitFor();
    const filter = f.getByRole('textbox', { name: 'Filter sessions by text' });
    const keyTimes: number[] = [];
    for (const [typed, first] of [
      ['vol-0999', 'vol-09990'],
      ['vol-0998', 'vol-09980'],
      ['vol-0997', 'vol-09970'],
    ] as const) {
      await filter.fill(typed.slice(0, -1));
      await f
        .getByRole('checkbox', { name: /^Select session vol-/ })
        .first()
        .waitFor();
      const t0 = Date.now();
      await filter.press(typed.slice(-1));
      await f.getByRole('checkbox', { name: new RegExp(`^Select session ${first} `) }).waitFor();
      keyTimes.push(Date.now() - t0);
    }
    console.log(
      `3. filter keystroke to updated rows, 10,000 sessions (median of 3, includes Playwright's round trip): ${median(keyTimes)} ms`,
    );
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
    server.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
