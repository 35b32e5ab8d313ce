import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  test as base,
  chromium,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Frame,
  type FrameLocator,
  type Locator,
  type Page,
} from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As root, in a closed network: no sandbox, and no background connections Chromium would make.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium with a fresh, throw-away profile per test. */
export const test = base.extend<{
  context: BrowserContext;
  /** The window's size; `test.use({ windowSize: ... })` for another (default 1400×900). */
  windowSize: { width: number; height: number };
}>({
  windowSize: [{ width: 1400, height: 900 }, { option: true }],
  context: async ({ baseURL, windowSize }, use) => {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      baseURL,
      viewport: windowSize,
    });
    try {
      await use(context);
    } finally {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});
export { expect };

export const USERS = {
  admin: ['admin@internal', 'admin'],
  virtonly: ['virtonly@internal', 'virtonly'],
  glusterviewer: ['glusterviewer@internal', 'glusterviewer'],
  glusteradmin: ['glusteradmin@internal', 'glusteradmin'],
  groupadmin: ['groupadmin@internal', 'groupadmin'],
} as const;

/** Log in through the stand-in's SSO page; `hash` is the place to land on. */
export async function login(page: Page, user: keyof typeof USERS, hash = ''): Promise<void> {
  await page.goto(`/ovirt-engine/webadmin/${hash ? `#${hash}` : ''}`);
  await page.getByLabel('Username').fill(USERS[user][0]);
  await page.getByLabel('Password').fill(USERS[user][1]);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
}

/** Wait until WebAdmin made its first place transition (it waits for non-lazy plugins). */
export async function waitForShell(page: Page): Promise<void> {
  await expect(page.locator('#loading')).toHaveCount(0);
}

export async function devControl(page: Page, what: string, body: unknown): Promise<void> {
  const res = await page.request.post(`/__dev/${what}`, { data: body });
  expect(res.ok()).toBeTruthy();
}

export const placeFrame = (page: Page) => page.frameLocator('iframe.place-frame');

// ---------------------------------------------------------------- dev controls with answers

/** A dev control that answers with JSON (POST with a body, GET without). */
export async function devCall<T>(req: APIRequestContext, what: string, body?: unknown): Promise<T> {
  const res =
    body === undefined
      ? await req.get(`/__dev/${what}`)
      : await req.post(`/__dev/${what}`, { data: body });
  expect(res.ok(), `/__dev/${what}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** Password logins the SSH simulator's remotes saw (attempts, not passwords). */
export async function passwordAttempts(req: APIRequestContext, host: string): Promise<number> {
  const r = await devCall<{ attempts: number }>(
    req,
    `sim/ssh-password-attempts?host=${encodeURIComponent(host)}`,
  );
  return r.attempts;
}

/** The file the stack also writes its log to (playwright.config.ts: GEOREP_DEV_LOG_FILE). */
export function devLogFile(): string {
  const port = Number(process.env.E2E_PORT ?? 18080);
  return path.resolve(__dirname, '..', '..', 'test-results', `dev-stack-${port}.log`);
}

// ---------------------------------------------------------------- the Start dialog

/** The demo's production cluster hosts, as the Start dialog lists them. */
export const SOURCE_HOSTS = {
  gprod1: 'gprod1 (gprod1.lab.example)',
  gprod2: 'gprod2 (gprod2.lab.example)',
} as const;

/** Log in, open the place and its Start dialog; returns the place's frame and the dialog. */
export async function openStartDialog(page: Page): Promise<{ f: FrameLocator; dlg: Locator }> {
  await login(page, 'admin', 'gluster-georep');
  const f = placeFrame(page);
  await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
  await f.getByRole('button', { name: 'New session' }).first().click();
  const dlg = f.getByRole('dialog', { name: 'New geo-replication session' });
  await expect(dlg).toBeVisible();
  return { f, dlg };
}

export interface StartFields {
  volume?: string;
  host?: keyof typeof SOURCE_HOSTS;
  remoteHost?: string;
  target?: string;
}

/** Fill the Start dialog's fields that are given (source volume by name, host by its short name). */
export async function fillStart(dlg: Locator, v: StartFields): Promise<void> {
  if (v.volume !== undefined)
    await dlg.getByLabel('Primary volume').selectOption({ label: `${v.volume} (up)` });
  if (v.host !== undefined) {
    await dlg
      .getByLabel('Start Geo-Replication from Host')
      .selectOption({ label: SOURCE_HOSTS[v.host] });
    await expect(dlg.getByLabel(`SSH fingerprint of ${v.host}`)).toHaveValue(/^SHA256:/);
  }
  if (v.remoteHost !== undefined) await dlg.getByLabel('Secondary Host').fill(v.remoteHost);
  if (v.target !== undefined) await dlg.getByLabel('Secondary Volume/Path').fill(v.target);
}

/**
 * From the Start dialog, OK until passwordless SSH fails and the Passwordless SSH dialog opens;
 * returns it. The form must name a remote that does not trust the host yet.
 */
export async function okUntilSshDialog(f: FrameLocator, dlg: Locator): Promise<Locator> {
  await dlg.getByRole('button', { name: 'OK' }).click();
  const ssh = f.getByRole('dialog', { name: 'Passwordless SSH setup' });
  await expect(ssh).toBeVisible({ timeout: 20_000 });
  return ssh;
}

/** The plugin's place iframe as a Frame (for evaluate, addScriptTag). */
export async function placeFrameHandle(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe.place-frame').elementHandle();
  const frame = handle ? await handle.contentFrame() : null;
  if (!frame) throw new Error('The place iframe is not there');
  return frame;
}

// ---------------------------------------------------------------- axe-core in the page

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in `frame` on what `include` names (axe's context: CSS selectors, or for an
 * element in a nested iframe an array of selectors, the iframe's first) and returns its
 * violations, each with the HTML of the offending nodes, and how many rules applied. axe is
 * injected, from the project's own axe-core, in `frame` and in every frame under it (axe reaches
 * into iframes with its copy there).
 */
export async function axeViolations(
  frame: Frame,
  include: string | string[],
): Promise<{ violations: AxeViolation[]; rulesApplied: number }> {
  const all = (f: Frame): Frame[] => [f, ...f.childFrames().flatMap(all)];
  for (const f of all(frame)) {
    if (!(await f.evaluate(() => 'axe' in window)))
      await f.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  return frame.evaluate(async (inc) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const r = await axe.run({ include: [inc] }, { resultTypes: ['violations'] });
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.html),
      })),
      // Rules that found something to check: none would mean the context named nothing.
      rulesApplied: r.passes.length + r.violations.length + r.incomplete.length,
    };
  }, include);
}
