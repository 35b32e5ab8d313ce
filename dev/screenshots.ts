// Screenshots of the plugin in the WebAdmin stand-in, for the README and for looking at what we
// built the way a user sees it. Usage: start the stack (npm start), then
//   BASE_URL=http://127.0.0.1:8080 npx tsx dev/screenshots.ts [outDir]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const OUT = path.resolve(process.argv[2] ?? 'docs/screenshots');

async function login(page: Page, user: string, password: string, hash = ''): Promise<void> {
  await page.goto(`${BASE}/ovirt-engine/webadmin/${hash ? `#${hash}` : ''}`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log In' }).click();
  await page.locator('#loading').waitFor({ state: 'detached' });
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shots-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const shot = async (name: string) => {
      await page.waitForTimeout(600);
      await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled' });
      console.log(`wrote ${path.join(OUT, `${name}.png`)}`);
    };
    await login(page, 'admin@internal', 'admin', 'gluster-georep');
    const frame = page.frameLocator('iframe.place-frame');
    await frame.getByRole('grid').waitFor();
    // WebAdmin's notification of the demo's partly Faulty session hides after 20 s (alerts.ts).
    await page.waitForTimeout(21_000);
    await shot('georep-tab');
    // Details of a session: workers by replica set.
    await frame.getByRole('button', { name: /^Details of session data to / }).click();
    await shot('georep-details');
    await frame.getByRole('button', { name: /^Details of session data to / }).click();
    // The Start dialog, filled in.
    await frame.getByRole('button', { name: 'New session' }).first().click();
    const dlg = frame.getByRole('dialog', { name: 'New geo-replication session' });
    await dlg.getByLabel('Primary volume').selectOption({ label: 'home (up)' });
    await dlg
      .getByLabel('Start Geo-Replication from Host')
      .selectOption({ label: 'gprod1 (gprod1.lab.example)' });
    await dlg.getByLabel('Secondary Host').fill('backup.remote.example');
    // (the cluster's own notification hides by itself; wait it out so the dialog is seen whole)
    await dlg.getByLabel('Secondary Volume/Path').fill('home-backup');
    await dlg.getByRole('button', { name: 'Check' }).click();
    await page.waitForTimeout(1500);
    await shot('start-dialog');
    await dlg.getByRole('button', { name: 'OK' }).click();
    const ssh = frame.getByRole('dialog', { name: 'Passwordless SSH setup' });
    await ssh.waitFor();
    await ssh.getByLabel('Password of the secondary user').check();
    await page.waitForTimeout(1000);
    await shot('passwordless-ssh-dialog');
    await ssh.getByRole('button', { name: 'Cancel' }).click();
    await dlg.getByRole('button', { name: 'Cancel' }).click();
    // The same tab at 1024×768: columns give way to the details, the actions fold into one menu.
    await page.setViewportSize({ width: 1024, height: 768 });
    await frame.getByRole('button', { name: /^Details of session vmstore to root@gdr1/ }).click();
    await shot('georep-tab-1024');
    // A volume's Geo-Replication (live) sub tab: Storage › Volumes › vmstore, at both sizes.
    await page.goto(`${BASE}/ovirt-engine/webadmin/#volumes`);
    await page.getByRole('link', { name: 'vmstore', exact: true }).click();
    await page.getByRole('tab', { name: 'Geo-Replication (live)' }).click();
    const tab = page.frameLocator('iframe.detail-frame');
    await tab.getByRole('grid').waitFor();
    await shot('volume-tab-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot('volume-tab');
    // From a session's actions, its events in WebAdmin's Events.
    await tab.getByRole('button', { name: /^Actions for session vmstore to root@gdr1/ }).click();
    await tab.getByRole('menuitem', { name: 'Show events' }).click();
    await page.getByRole('table', { name: 'Events' }).waitFor();
    await shot('session-events');
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
