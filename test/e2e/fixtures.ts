import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';

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
export const test = base.extend<{ context: BrowserContext }>({
  context: async ({ baseURL }, use) => {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      baseURL,
      viewport: { width: 1400, height: 900 },
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
