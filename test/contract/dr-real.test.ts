// Disaster recovery of a storage domain on REAL Gluster (the lab of lab/gluster-lab.sh), through
// the service's routes, as the UI drives them: a Gluster storage domain's volume with files gets a
// scheduled sync set a minute ahead (the service's clock moved past it), the files arrive on the
// secondary; a failover promotes the secondary and a write there succeeds; a failback brings that
// write back to the primary, the checksums of both volumes are equal, and the original session
// runs again. It creates its own volumes (bricks under the lab's bricks/dr-real-*), mounts and
// sessions, and removes them in afterAll.
//   flock /var/lock/gluster-lab.lock env GLUSTER_LAB=1 npx jest test/contract/dr-real.test.ts
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { registerEngineEmulator, type EngineEmulator } from '../../dev/engine';
import { LAB_IDS } from '../../dev/lab';
import {
  LAB_CLUSTER_ID,
  LAB_ENV_FILE,
  readLabEnv,
  realLab,
  realLabBackends,
} from '../../dev/real-lab';
import { registerGeoRepService } from '../../server/app';
import type { DrScheduler } from '../../server/dr/service';
import { ssoTokenProvider } from '../../server/serviceAccount';
import type { DrDomainView, DrProcedureView } from '../../src/georep/dr';
import { sessionId } from '../../src/georep/status';
import type { GeoRepJob, GeoRepSession } from '../../src/georep/types';
import { freePort, PASSWORDS } from '../support/service-harness';

jest.setTimeout(15 * 60_000);

const CLEAN = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' };
const ADMIN = 'admin@internal';
const SD_ID = '5e1d2c3b-4a59-3687-9a1b-2c3d4e5f6a7b';
const VM_ID = '6f2e3d4c-5b6a-3798-8b2c-3d4e5f6a7b8c';

const skipReason =
  process.env.GLUSTER_LAB !== '1'
    ? 'real Gluster lab not requested: run `bash lab/gluster-lab.sh up`, then flock /var/lock/gluster-lab.lock env GLUSTER_LAB=1 npx jest test/contract/dr-real.test.ts'
    : !fs.existsSync(LAB_ENV_FILE)
      ? 'GLUSTER_LAB=1 but lab/lab.env is missing: run `bash lab/gluster-lab.sh up` first'
      : null;

if (skipReason) {
  describe('storage domain disaster recovery: real Gluster lab', () => {
    it.skip(skipReason, () => undefined);
  });
} else {
  describe('storage domain disaster recovery: real Gluster lab', () => {
    const env = readLabEnv();
    const host = env.LAB_HOST!;
    const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const pvol = `dr-real-p${tag}`;
    const svol = `dr-real-s${tag}`;
    const bricks = path.dirname(env.LAB_PRIMARY_BRICK!);
    const mnts = path.dirname(env.LAB_PRIMARY_MOUNT!);
    const pbrick = path.join(bricks, pvol);
    const sbrick = path.join(bricks, svol);
    const pmnt = path.join(mnts, pvol);
    const smnt = path.join(mnts, svol);
    const key = {
      primary_volume: pvol,
      secondary_user: 'root',
      secondary_host: host,
      secondary_volume: svol,
    };
    const SESSION = sessionId(key);
    const gluster = (...args: string[]) =>
      spawnSync('timeout', ['120', 'gluster', '--mode=script', ...args], {
        env: CLEAN,
        encoding: 'utf8',
      });
    const must = (...args: string[]) => {
      const r = gluster(...args);
      if (r.status !== 0) throw new Error(`gluster ${args.join(' ')}: ${r.stderr || r.stdout}`);
      return r.stdout;
    };
    const sh = (cmd: string, ...args: string[]) => {
      const r = spawnSync(cmd, args, { env: CLEAN, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.stdout}`);
    };
    /** sha256 of every file under a mount, by relative path. */
    const sums = (root: string): Record<string, string> => {
      const out: Record<string, string> = {};
      for (const name of fs.readdirSync(root).sort()) {
        if (name.startsWith('.')) continue;
        const p = path.join(root, name);
        if (fs.statSync(p).isFile())
          out[name] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
      }
      return out;
    };

    let app: FastifyInstance;
    let engine: EngineEmulator;
    let scheduler: DrScheduler;
    let offsetMs = 0;
    let closeBackends: () => Promise<void> = () => Promise.resolve();
    let token = '';
    const call = (
      method: 'GET' | 'PUT' | 'POST',
      url: string,
      body?: unknown,
    ): Promise<LightMyRequestResponse> =>
      app.inject({
        method,
        url: `/ovirt-georep/api${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    const waitJob = async (id: string, within: number): Promise<GeoRepJob> => {
      const t0 = Date.now();
      for (;;) {
        const j = (await call('GET', `/clusters/${LAB_CLUSTER_ID}/jobs/${id}`)).json<GeoRepJob>();
        if (j.state !== 'running') return j;
        if (Date.now() - t0 > within)
          throw new Error(`job ${id} still running after ${within / 1000} s`);
        await new Promise((r) => setTimeout(r, 2_000));
      }
    };
    const waitFor = async (what: string, within: number, ok: () => boolean | Promise<boolean>) => {
      const t0 = Date.now();
      while (!(await ok())) {
        if (Date.now() - t0 > within) throw new Error(`${what}: not within ${within / 1000} s`);
        await new Promise((r) => setTimeout(r, 2_000));
      }
    };

    beforeAll(async () => {
      for (const [vol, brick] of [
        [pvol, pbrick],
        [svol, sbrick],
      ] as const) {
        fs.mkdirSync(brick, { recursive: true });
        must('volume', 'create', vol, `${host}:${brick}`, 'force');
        must('volume', 'start', vol);
      }
      fs.mkdirSync(pmnt, { recursive: true });
      sh('mount', '-t', 'glusterfs', `${host}:/${pvol}`, pmnt);
      for (let i = 0; i < 12; i++)
        fs.writeFileSync(path.join(pmnt, `disk-${i}.img`), randomBytes(64 * 1024 + i));
      // the session, as the lab's other sessions: over its sshd, tarssh (Debian's rsync 3.5.0 syncs 0 bytes through gsyncd)
      must('system::', 'execute', 'gsec_create');
      must(
        'volume',
        'geo-replication',
        pvol,
        `${host}::${svol}`,
        'create',
        'ssh-port',
        env.LAB_SSH_PORT!,
        'push-pem',
      );
      must(
        'volume',
        'geo-replication',
        pvol,
        `${host}::${svol}`,
        'config',
        'sync-method',
        'tarssh',
      );
      // Gluster 10.3 uses `create ssh-port N` for its create-time checks only and keeps port 22 in
      // the session's config (server/gluster/client.ts does the same after its create): without
      // this the monitor ssh'es to port 22 and dies (seen on the lab's first run: the session
      // stayed Created, gsyncd.log "connect to host vm port 22: Connection refused").
      must(
        'volume',
        'geo-replication',
        pvol,
        `${host}::${svol}`,
        'config',
        'ssh-port',
        env.LAB_SSH_PORT!,
      );
      must('volume', 'geo-replication', pvol, `${host}::${svol}`, 'config', 'change-interval', '1');

      // The engine: a glusterfs data domain on the primary volume, one running VM with a disk on it.
      const lab = realLab(env);
      lab.storage_domains = [
        {
          id: SD_ID,
          name: 'drreal',
          data_center_id: LAB_IDS.dcDefault,
          storage_type: 'glusterfs',
          address: host,
          path: `/${pvol}`,
          available_bytes: 1024 ** 3,
          used_bytes: 0,
        },
      ];
      lab.vms = [
        {
          id: VM_ID,
          name: 'drvm',
          cluster_id: LAB_IDS.clusterDefault,
          status: 'up',
          disk_storage_domain_ids: [SD_ID],
        },
      ];
      const port = await freePort();
      app = Fastify({ logger: false });
      engine = await registerEngineEmulator(app, { lab, snapshotMs: 500 });
      const engineUrl = `http://127.0.0.1:${port}/ovirt-engine/`;
      const backends = realLabBackends(env);
      closeBackends = () => backends.close();
      const provider = ssoTokenProvider(engineUrl, {
        user: 'georep-service@internal',
        password: 'georep-service',
      });
      let got: DrScheduler | null = null;
      await registerGeoRepService(app, {
        engineUrl,
        gluster: backends.gluster,
        probe: backends.probe,
        ssh: backends.ssh,
        remoteGluster: backends.remoteGluster,
        backendName: 'cli',
        allowLocalRemote: true,
        eventsToken: provider,
        dr: {
          autoStart: false,
          pollMs: 3_000,
          checkpointWithinMs: 8 * 60_000,
          // the clock the schedule is read on; the test moves it past the scheduled minute
          now: () => Date.now() + offsetMs,
          // one machine: the secondary host (LAB_HOST) is the lab cluster's host (127.0.0.1)
          resolveAddresses: (h) =>
            Promise.resolve(h === host || h === '127.0.0.1' ? ['lab-node'] : []),
          onReady: (x) => {
            got = x.scheduler;
          },
        },
      });
      scheduler = got!;
      await app.listen({ host: '127.0.0.1', port });
      token = engine.login(ADMIN, PASSWORDS[ADMIN]!)!;
    });

    afterAll(async () => {
      await app?.close();
      await closeBackends();
      const rev = [svol, `${host}::${pvol}`];
      for (const [p, s] of [[pvol, `${host}::${svol}`], rev]) {
        gluster('volume', 'geo-replication', p!, s!, 'stop', 'force');
        gluster('volume', 'geo-replication', p!, s!, 'delete', 'reset-sync-time');
      }
      for (const m of [pmnt, smnt]) {
        spawnSync('umount', ['-l', m], { env: CLEAN });
        fs.rmSync(m, { recursive: true, force: true });
      }
      for (const v of [pvol, svol]) {
        gluster('volume', 'stop', v, 'force');
        gluster('volume', 'delete', v);
      }
      for (const b of [pbrick, sbrick]) fs.rmSync(b, { recursive: true, force: true });
      // both sessions' logs, gsyncd's working folders and the keys push-pem left (the logs kept
      // with DR_REAL_KEEP_LOGS=1, to read why a run failed)
      for (const [a, b] of [
        [pvol, svol],
        [svol, pvol],
      ] as const) {
        const logs =
          process.env.DR_REAL_KEEP_LOGS === '1'
            ? []
            : [
                `/var/log/glusterfs/geo-replication/${a}_${host}_${b}`,
                `/var/log/glusterfs/geo-replication/${a}`,
                `/var/log/glusterfs/geo-replication-secondaries/${a}_${host}_${b}`,
              ];
        for (const d of [...logs, `/var/lib/misc/gluster/gsyncd/${a}_${host}_${b}`])
          fs.rmSync(d, { recursive: true, force: true });
        fs.rmSync(`/var/lib/glusterd/geo-replication/${a}_${b}_common_secret.pem.pub`, {
          force: true,
        });
      }
    });

    it('a scheduled sync a minute ahead snapshots the VM, syncs the files and stops the session', async () => {
      const list = (await call('GET', `/clusters/${LAB_CLUSTER_ID}/storagedomains`)).json<{
        storage_domain: DrDomainView[];
      }>();
      const d = list.storage_domain.find((x) => x.storage_domain_id === SD_ID);
      expect(d?.primary_volume).toBe(pvol);
      const at = new Date(Date.now() + 60_000);
      const put = await call('PUT', `/clusters/${LAB_CLUSTER_ID}/volumes/${pvol}/dr-schedule`, {
        storage_domain_id: SD_ID,
        session_id: SESSION,
        schedule: {
          frequency: 'daily',
          days: [],
          hour: at.getUTCHours(),
          minute: at.getUTCMinutes(),
          time_zone: 'UTC',
          after: 'stop',
          max_wait_minutes: 8,
        },
      });
      expect([put.statusCode, put.statusCode === 200 ? '' : put.body]).toEqual([200, '']);
      // glusterd still answers after the option was written (the store must not hang it)
      expect(gluster('volume', 'list').status).toBe(0);
      expect(await scheduler.tick()).toEqual([]);
      offsetMs = 90_000; // the service's clock passes the scheduled minute
      const started = await scheduler.tick();
      expect(started).toHaveLength(1);
      const job = await waitJob(started[0]!, 10 * 60_000);
      const secs = (a: string, b: string | null) =>
        b ? `${((Date.parse(b) - Date.parse(a)) / 1000).toFixed(1)} s` : '?';
      process.stderr.write(
        `scheduled sync ${job.state} in ${secs(job.started_at, job.ended_at)}: ${job.detail}\n` +
          job.steps
            .map((x) => `  ${x.title}: ${secs(x.started_at, x.ended_at)}; ${x.detail}\n`)
            .join(''),
      );
      expect([job.state, job.detail]).toEqual(['succeeded', expect.stringMatching(/^Synced/)]);
      expect(engine.snapshots.list.map((s) => s.description)).toEqual(['drvmdrreal-TMPDR']);
      fs.mkdirSync(smnt, { recursive: true });
      sh('mount', '-t', 'glusterfs', `${host}:/${svol}`, smnt);
      expect(sums(smnt)).toEqual(sums(pmnt));
      const [s] = (await call('GET', `/clusters/${LAB_CLUSTER_ID}/sessions`))
        .json<{ georep_session: GeoRepSession[] }>()
        .georep_session.filter((x) => x.id === SESSION);
      expect(s?.status).toBe('Stopped');
    });

    const walk = async (kind: 'failover' | 'failback', force = false) => {
      const v = (
        await call('GET', `/clusters/${LAB_CLUSTER_ID}/sessions/${SESSION}/${kind}`)
      ).json<DrProcedureView>();
      expect(v.problem).toBeNull();
      for (const step of v.steps) {
        const r = await call(
          'POST',
          `/clusters/${LAB_CLUSTER_ID}/sessions/${SESSION}/${kind}/steps/${step.id}`,
          { force },
        );
        expect([step.id, r.statusCode, r.statusCode === 202 ? '' : r.body]).toEqual([
          step.id,
          202,
          '',
        ]);
        const t0 = Date.now();
        const j = await waitJob(r.json<GeoRepJob>().id, 10 * 60_000);
        process.stderr.write(`${kind} ${step.id}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
        // the detail in the comparison when it failed, to say why
        expect([step.id, j.state, j.state === 'succeeded' ? '' : j.detail]).toEqual([
          step.id,
          'succeeded',
          '',
        ]);
        process.stderr.write(`${kind} ${step.id}: ${j.detail}\n`);
      }
      const done = (
        await call('GET', `/clusters/${LAB_CLUSTER_ID}/sessions/${SESSION}/${kind}`)
      ).json<DrProcedureView>();
      expect(done.complete).toBe(true);
      return done;
    };

    it('failover promotes the secondary: a write there succeeds', async () => {
      const done = await walk('failover');
      expect(done.last_synced_point).not.toBeNull();
      expect(must('volume', 'get', svol, 'features.read-only')).toMatch(
        /features\.read-only\s+off/,
      );
      fs.writeFileSync(path.join(smnt, 'written-at-recovery.txt'), 'after failover\n');
      expect(fs.readFileSync(path.join(smnt, 'written-at-recovery.txt'), 'utf8')).toBe(
        'after failover\n',
      );
    });

    it('failback brings that write back to the primary, checksums equal, the original session runs again', async () => {
      await walk('failback');
      await waitFor('the recovery site write on the primary', 60_000, () =>
        fs.existsSync(path.join(pmnt, 'written-at-recovery.txt')),
      );
      expect(sums(pmnt)).toEqual(sums(smnt));
      expect(sums(pmnt)['written-at-recovery.txt']).toBeDefined();
      await waitFor('the original session running', 120_000, async () => {
        const [s] = (await call('GET', `/clusters/${LAB_CLUSTER_ID}/sessions`))
          .json<{ georep_session: GeoRepSession[] }>()
          .georep_session.filter((x) => x.id === SESSION);
        return s?.status === 'Active';
      });
      expect(must('volume', 'get', svol, 'features.read-only')).toMatch(/features\.read-only\s+on/);
      expect(must('volume', 'get', pvol, 'features.read-only')).toMatch(
        /features\.read-only\s+off/,
      );
    });
  });
}
