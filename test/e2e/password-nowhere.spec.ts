// The remote user's password, typed in the Passwordless SSH dialog, is used for its login and kept
// nowhere: after the whole browser flow (a wrong password, then the right one, the session created
// and started, the dialogs closed) neither password is in the stack's log, in any HTTP response the
// browser received, in the page's storage or DOM (any frame), in any request but the two setup
// calls that carry it, or in any file under the project folder or the temp folder written since
// the test began. Canaries planted in each of those places are found by the same search, so the
// search can fail.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  devCall,
  devLogFile,
  expect,
  fillStart,
  okUntilSshDialog,
  openStartDialog,
  test,
} from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const REMOTE = 'backup.remote.example';
const FROM = 'gprod2.lab.example';
/** The demo's root password on the remote (README), put back at the end. */
const DEMO_PASSWORD = 'remote-root-pw';

/** Folders not searched: dependencies, git's objects, and the machinery running this session. */
const SKIP_DIRS = new Set(['node_modules', '.git']);
const SKIP_TMP = /^(bash_jobs|bash_tool_)/;
const MAX_FILE = 20 * 1024 * 1024;

interface Found {
  where: string;
  data: Buffer;
}

/** Files (not symlinks) under `dir` modified at or after `since` (ms). */
function recentFiles(dir: string, since: number, top = false): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name) || (top && dir === os.tmpdir() && SKIP_TMP.test(e.name))) continue;
      out.push(...recentFiles(p, since));
    } else if (e.isFile()) {
      try {
        const st = fs.statSync(p);
        if (st.mtimeMs >= since && st.size <= MAX_FILE) out.push(p);
      } catch {
        // gone meanwhile
      }
    }
  }
  return out;
}

/** Whether `secret` is in `data`, as UTF-8 or as UTF-16 (how Chromium's stores keep strings). */
function contains(data: Buffer, secret: string): boolean {
  return (
    data.includes(Buffer.from(secret, 'utf8')) || data.includes(Buffer.from(secret, 'utf16le'))
  );
}

const text = (where: string, t: string): Found => ({ where, data: Buffer.from(t, 'utf8') });

/** Everything the page can still show or keep: each frame's DOM, input values and storage. */
async function pageState(page: Page): Promise<Found[]> {
  const out: Found[] = [];
  for (const frame of page.frames()) {
    const s = await frame.evaluate(() => {
      const dump = (st: Storage) =>
        JSON.stringify(
          Array.from({ length: st.length }, (_, i) => [st.key(i), st.getItem(st.key(i)!)]),
        );
      const values = Array.from(document.querySelectorAll('input, textarea, select')).map(
        (el) => (el as HTMLInputElement).value,
      );
      return {
        dom: document.documentElement.outerHTML,
        values: JSON.stringify(values),
        local: dump(localStorage),
        session: dump(sessionStorage),
        cookie: document.cookie,
        name: window.name,
      };
    });
    const url = frame.url();
    out.push(text(`DOM of ${url}`, s.dom));
    out.push(text(`input values of ${url}`, s.values));
    out.push(text(`localStorage of ${url}`, s.local));
    out.push(text(`sessionStorage of ${url}`, s.session));
    out.push(text(`cookies of ${url}`, s.cookie));
    out.push(text(`window.name of ${url}`, s.name));
  }
  return out;
}

test('the password is nowhere after the browser flow: logs, responses, storage, DOM, files', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(180_000);
  const since = Date.now() - 1000;
  const suffix = randomBytes(4).toString('hex');
  const password = `pw-${randomBytes(16).toString('hex')}`;
  const wrong = `wrong-${randomBytes(16).toString('hex')}`;
  const secrets = [password, wrong];

  // The remote's root password is ours for this test; gprod2 does not reach it yet.
  await devCall(request, 'sim/ssh-trust', {
    from: FROM,
    user: 'root',
    host: REMOTE,
    trusted: false,
  });
  await devCall(request, 'sim/remote-host-key', { address: REMOTE, seed: null });
  await devCall(request, 'sim/remote-password', { host: REMOTE, user: 'root', password });

  // Everything the browser receives, and every request that carries a secret.
  const bodies: Promise<Found | null>[] = [];
  const carriers: string[] = [];
  context.on('response', (r) => {
    // The tab's stream of pushed reads never ends, so its body cannot be awaited; what it carries
    // is the session list, which the GET of the same list (searched) carries too.
    if ((r.headers()['content-type'] ?? '').startsWith('text/event-stream')) return;
    bodies.push(
      r.body().then(
        (data) => ({ where: `response ${r.status()} ${r.request().method()} ${r.url()}`, data }),
        () => null, // redirects and aborted loads have no body
      ),
    );
  });
  context.on('request', (r) => {
    const sent = `${r.url()}\n${JSON.stringify(r.headers())}\n${r.postData() ?? ''}`;
    if (secrets.some((s) => sent.includes(s)))
      carriers.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });

  try {
    const { f, dlg } = await openStartDialog(page);
    await fillStart(dlg, {
      volume: 'home', // 300 GiB: the directory's file system holds it
      host: 'gprod2',
      remoteHost: REMOTE,
      target: `/data/pw-${suffix}`,
    });
    const ssh = await okUntilSshDialog(f, dlg);
    await ssh.getByLabel('Password of the secondary user').check();
    await expect(ssh.getByTestId('remote-fingerprint')).toHaveText(/^SHA256:/);
    await ssh.getByLabel("I have compared this fingerprint with the secondary host's key").check();
    const field = ssh.getByLabel(`Password of root@${REMOTE}`);
    const send = ssh.getByRole('button', { name: 'Send password' });
    await field.fill(wrong);
    await send.click();
    await expect(ssh.getByText('The password was not accepted. You can try again.')).toBeVisible({
      timeout: 20_000,
    });
    await field.fill(password);
    await send.click();
    await expect(ssh).toHaveCount(0, { timeout: 20_000 });
    await expect(dlg.getByRole('heading', { name: /created and started/ })).toBeVisible({
      timeout: 30_000,
    });
    await dlg.getByRole('button', { name: 'Close' }).last().click();
    await expect(dlg).toHaveCount(0);
    await expect(
      f.getByRole('checkbox', {
        name: `Select session home to root@${REMOTE}::georep-data-pw-${suffix}`,
      }),
    ).toBeVisible({ timeout: 15_000 });

    // Canaries: one in each place searched, found by the same search as the passwords.
    const canary = `canary-${randomBytes(8).toString('hex')}`;
    await f.locator('body').evaluate((_b, c) => sessionStorage.setItem('canary', c), canary);
    const tmpCanary = path.join(os.tmpdir(), `password-nowhere-${suffix}.txt`);
    const projectCanary = path.join(ROOT, 'test-results', `password-nowhere-${suffix}.txt`);
    fs.mkdirSync(path.dirname(projectCanary), { recursive: true });
    fs.writeFileSync(tmpCanary, canary);
    fs.writeFileSync(projectCanary, canary);

    try {
      const places: Found[] = [];
      // The stack's log: it must hold this flow (both setups), or reading it proves nothing.
      const log = fs.readFileSync(devLogFile(), 'utf8');
      expect(
        log.split('\n').filter((l) => l.includes('passwordless SSH setup with a password')).length,
      ).toBeGreaterThanOrEqual(2);
      places.push(text(`the stack's log ${devLogFile()}`, log));
      places.push(...(await pageState(page)));
      places.push(...(await Promise.all(bodies)).filter((b): b is Found => b !== null));
      const files = [...recentFiles(ROOT, since, true), ...recentFiles(os.tmpdir(), since, true)];
      for (const file of files) {
        try {
          places.push({ where: `file ${file}`, data: fs.readFileSync(file) });
        } catch {
          // unreadable or gone
        }
      }
      const where = (secret: string) =>
        places.filter((p) => contains(p.data, secret)).map((p) => p.where);

      // The search finds what is there: the log's own words, a response's, each canary.
      expect(where('passwordless SSH setup with a password')).toContain(
        `the stack's log ${devLogFile()}`,
      );
      expect(where(`georep-data-pw-${suffix}`).some((w) => w.startsWith('response '))).toBe(true);
      expect(where(canary)).toEqual(
        expect.arrayContaining([
          `file ${tmpCanary}`,
          `file ${projectCanary}`,
          expect.stringMatching(/^sessionStorage of .*georep\.html/),
        ]),
      );
      expect(places.filter((p) => p.where.startsWith('response ')).length).toBeGreaterThan(10);

      test.info().annotations.push({
        type: 'searched',
        description: `${places.length} places: the log, ${bodies.length} responses, ${page.frames().length} frames, ${files.length} files`,
      });
      // The passwords: nowhere.
      for (const secret of secrets) expect(where(secret), `found ${secret}`).toEqual([]);
      // Sent only in the two setup calls (the wrong password, then the right one).
      expect(carriers).toHaveLength(2);
      for (const c of carriers) expect(c).toMatch(/^POST \/ovirt-georep\/api\/.*\/ssh\/setup$/);
    } finally {
      fs.rmSync(tmpCanary, { force: true });
      fs.rmSync(projectCanary, { force: true });
    }
  } finally {
    await devCall(request, 'sim/remote-password', {
      host: REMOTE,
      user: 'root',
      password: DEMO_PASSWORD,
    });
    await devCall(request, 'sim/ssh-trust', {
      from: FROM,
      user: 'root',
      host: REMOTE,
      trusted: false,
    });
  }
});
