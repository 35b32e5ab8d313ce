// A Faulty worker diagnosed from its own log, on REAL Gluster (the lab of lab/gluster-lab.sh):
// a session whose ssh-port points where no sshd listens turns Faulty; the product reads the
// worker's gsyncd.log on its node (server/gluster/probe.ts, over the lab's SSH as the service does)
// and shows the real lines with the known failure they match.
//   bash lab/gluster-lab.sh up && GLUSTER_LAB=1 npx jest test/contract/diagnosis-real.test.ts
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { diagnoseWorker } from '../../server/diagnose';
import { createGlusterClient } from '../../server/gluster/client';
import { sshExec, type SshGlusterExec } from '../../server/gluster/exec-ssh';
import { execProbe } from '../../server/gluster/probe';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const ENV_FILE = path.join(ROOT, 'lab', 'lab.env');
const CLEAN = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' };

const skipReason =
  process.env.GLUSTER_LAB !== '1'
    ? 'real Gluster lab not requested: run `bash lab/gluster-lab.sh up`, then GLUSTER_LAB=1 npx jest test/contract/diagnosis-real.test.ts'
    : !fs.existsSync(ENV_FILE)
      ? 'GLUSTER_LAB=1 but lab/lab.env is missing: run `bash lab/gluster-lab.sh up` first'
      : null;

function readEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(ENV_FILE, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

if (skipReason) {
  describe('Faulty worker diagnosis: real Gluster lab', () => {
    it.skip(skipReason, () => undefined);
  });
} else {
  describe('Faulty worker diagnosis: real Gluster lab', () => {
    const env = readEnv();
    const host = env.LAB_HOST!;
    const pvol = env.LAB_PRIMARY_VOLUME!;
    const run = `diag${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const svol = `georep-${run}`;
    const brick = path.join(path.dirname(env.LAB_SECONDARY_BRICK!), svol);
    const key = {
      primary_volume: pvol,
      secondary_host: host,
      secondary_volume: svol,
      secondary_user: 'root',
    };
    const gluster = (...args: string[]) =>
      spawnSync('gluster', ['--mode=script', ...args], { env: CLEAN, encoding: 'utf8' });
    let exec: SshGlusterExec;

    beforeAll(() => {
      exec = sshExec({
        privateKey: fs.readFileSync(env.LAB_SSH_KEY!),
        knownHosts: fs.readFileSync(env.LAB_SSH_KNOWN_HOSTS!, 'utf8'),
        port: Number(env.LAB_SSH_PORT),
      });
      fs.mkdirSync(brick, { recursive: true });
      for (const args of [
        ['volume', 'create', svol, `${host}:${brick}`, 'force'],
        ['volume', 'start', svol],
      ]) {
        const r = gluster(...args);
        if (r.status !== 0) throw new Error(`gluster ${args.join(' ')}: ${r.stderr || r.stdout}`);
      }
    });

    afterAll(async () => {
      gluster('volume', 'geo-replication', pvol, `${host}::${svol}`, 'stop', 'force');
      gluster('volume', 'geo-replication', pvol, `${host}::${svol}`, 'delete', 'reset-sync-time');
      gluster('volume', 'stop', svol, 'force');
      gluster('volume', 'delete', svol);
      fs.rmSync(brick, { recursive: true, force: true });
      await exec?.close();
    });

    const waitFor = async (what: string, ms: number, ok: () => Promise<boolean>) => {
      const t0 = Date.now();
      while (!(await ok())) {
        if (Date.now() - t0 > ms) throw new Error(`${what}: not within ${ms / 1000} s`);
        await new Promise((r) => setTimeout(r, 2_000));
      }
    };

    it('a secondary whose SSH port refuses: the session stays Created, the monitor lines say why', async () => {
      const c = createGlusterClient(exec);
      await c.create(host, key, {
        ssh_port: Number(env.LAB_SSH_PORT),
        force: true,
        push_pem: true,
      });
      // port 1: nothing listens there; gsyncd's monitor cannot ask the secondary for its volume
      await c.configSet(host, key, 'ssh-port', '1');
      await c.configSet(host, key, 'sync-method', 'tarssh');
      await c.start(host, key, {});
      const [s] = await c.status(host, key);
      const w = s!.workers[0]!;
      let d = await diagnoseWorker(execProbe(exec), host, w.primary_node, key, w.primary_brick);
      await waitFor('the monitor logged its failure', 60_000, async () => {
        d = await diagnoseWorker(execProbe(exec), host, w.primary_node, key, w.primary_brick);
        return d.known_failures.length > 0;
      });
      expect((await c.status(host, key))[0]!.workers.every((x) => x.status === 'Created')).toBe(
        true,
      );
      expect(d.log_file).toBe(
        `/var/log/glusterfs/geo-replication/${pvol}_${host}_${svol}/gsyncd.log`,
      );
      expect(d.lines.map((l) => l.text).join('\n')).toMatch(/port 1: Connection refused/);
      expect(d.known_failures.map((f) => f.id)).toContain('ssh_unreachable');
      expect(d.lines.every((l) => l.time === null || /^\d{4}-\d\d-\d\dT/.test(l.time))).toBe(true);
      await c.stop(host, key, { force: true });
    });

    it('a worker Faulty because the secondary volume stopped: its own lines and the known failure', async () => {
      const c = createGlusterClient(exec);
      await c.configSet(host, key, 'ssh-port', env.LAB_SSH_PORT!);
      await c.start(host, key, {});
      await waitFor('Active in Changelog Crawl', 120_000, async () => {
        const [s] = await c.status(host, key);
        return (
          !!s &&
          s.workers.some((x) => x.status === 'Active' && x.crawl_status === 'Changelog Crawl')
        );
      });
      const stop = gluster('volume', 'stop', svol, 'force');
      expect(stop.status).toBe(0);
      await waitFor('a Faulty worker', 120_000, async () => {
        const [s] = await c.status(host, key);
        return !!s && s.workers.some((x) => x.status === 'Faulty');
      });
      const [s] = await c.status(host, key);
      const w = s!.workers.find((x) => x.status === 'Faulty')!;
      const d = await diagnoseWorker(execProbe(exec), host, w.primary_node, key, w.primary_brick);
      expect(d.unavailable).toBeNull();
      expect(
        d.lines.some((l) => l.level === 'E' && l.text.includes(`(worker ${w.primary_brick})`)),
      ).toBe(true);
      expect(d.known_failures.map((f) => f.id)).toContain('secondary_volume_down');
    });
  });
}
