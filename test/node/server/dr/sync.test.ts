// Scheduled, VM-consistent sync of a Gluster storage domain (server/dr/), on the simulator and the
// engine emulator, with a manual clock: the schedule kept on the primary volume, the run's steps,
// the claim, the record, the events, and the undo of a failed run.
import Fastify, {
  type FastifyInstance,
  type InjectOptions,
  type LightMyRequestResponse,
} from 'fastify';
import { registerEngineEmulator, type EngineEmulator } from '../../../../dev/engine';
import { defaultLab, LAB_IDS } from '../../../../dev/lab';
import { registerGeoRepService } from '../../../../server/app';
import { createGlusterClient } from '../../../../server/gluster/client';
import { demoSimulator, simRemoteGluster, type GlusterSimulator } from '../../../../dev/sim/gluster';
import { ManualClock } from '../../../../dev/sim/gluster/simulator';
import { ssoTokenProvider } from '../../../../server/serviceAccount';
import type { DrScheduler, DrService } from '../../../../server/dr/service';
import {
  DR_LAST_OPTION,
  DR_SETUP_OPTION,
  DR_SYNCED_OPTION,
  type DrDomainView,
  type DrProcedureView,
  type DrSchedule,
} from '../../../../src/georep/dr';
import type { GeoRepJob } from '../../../../src/georep/types';
import { freePort, PASSWORDS, PROD } from '../../../support/service-harness';

const T0 = Date.UTC(2026, 11, 7, 1, 58, 0); // a Monday, 01:58 UTC
const ADMIN = 'admin@internal';

interface Instance {
  prefix: string;
  service: DrService;
  scheduler: DrScheduler;
}

interface World {
  app: FastifyInstance;
  engine: EngineEmulator;
  sim: GlusterSimulator;
  clock: ManualClock;
  a: Instance;
  b: Instance;
  call(
    inst: Instance,
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Two service instances (two prefixes) on one engine and one Gluster: as two behind Apache. */
async function world(): Promise<World> {
  const lab = defaultLab();
  const clock = new ManualClock(T0);
  const app = Fastify({ logger: false });
  const engine = await registerEngineEmulator(app, { lab, snapshotMs: 0 });
  const sim = demoSimulator(lab, clock);
  const gluster = createGlusterClient(sim);
  const port = await freePort();
  const provider = () =>
    ssoTokenProvider(`http://127.0.0.1:${port}/ovirt-engine/`, {
      user: 'georep-service@internal',
      password: 'georep-service',
    })();
  const made: Instance[] = [];
  for (const prefix of ['/a/api', '/b/api']) {
    let got: { service: DrService; scheduler: DrScheduler | null } | null = null;
    await registerGeoRepService(app, {
      prefix,
      engineUrl: `http://127.0.0.1:${port}/ovirt-engine/`,
      gluster,
      backendName: 'sim',
      remoteGluster: simRemoteGluster(sim),
      eventsToken: provider,
      dr: {
        now: () => clock.now(),
        // the waits move the clock: the simulated Gluster syncs as time passes
        sleep: async (ms) => {
          clock.advance(ms);
          await new Promise((r) => setImmediate(r));
        },
        pollMs: 5_000,
        autoStart: false,
        onReady: (x) => {
          got = x;
        },
      },
    });
    made.push({ prefix, service: got!.service, scheduler: got!.scheduler! });
  }
  await app.listen({ host: '127.0.0.1', port });
  const tokens = new Map<string, string>();
  const token = (u: string) => {
    if (!tokens.has(u)) tokens.set(u, engine.login(u, PASSWORDS[u] ?? '')!);
    return tokens.get(u)!;
  };
  return {
    app,
    engine,
    sim,
    clock,
    a: made[0]!,
    b: made[1]!,
    call: (inst, method, path, body) =>
      app.inject({
        method,
        url: `${inst.prefix}${path}`,
        headers: { authorization: `Bearer ${token(ADMIN)}` },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      }),
    close: () => app.close(),
  };
}

import { sessionId } from '../../../../src/georep/status';
const SESSION = sessionId({
  primary_volume: 'data',
  secondary_user: 'root',
  secondary_host: 'gdr1.lab.example',
  secondary_volume: 'data-dr',
});

async function waitJob(w: World, inst: Instance, id: string): Promise<GeoRepJob> {
  for (let i = 0; i < 400; i++) {
    const r = await w.call(inst, 'GET', `/clusters/${PROD}/jobs/${id}`);
    const j = r.json<GeoRepJob>();
    if (j.state !== 'running') return j;
    await new Promise((res) => setTimeout(res, 5));
  }
  throw new Error('the job did not end');
}

const daily = (over: Partial<DrSchedule> = {}): DrSchedule => ({
  frequency: 'daily',
  days: [],
  hour: 2,
  minute: 0,
  time_zone: 'UTC',
  after: 'stop',
  max_wait_minutes: 30,
  ...over,
});

async function domains(w: World, inst: Instance): Promise<DrDomainView[]> {
  const r = await w.call(inst, 'GET', `/clusters/${PROD}/storagedomains`);
  expect(r.statusCode).toBe(200);
  return r.json<{ storage_domain: DrDomainView[] }>().storage_domain;
}

describe('storage domain sync on a schedule', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.close());

  it('lists the Gluster storage domains of the cluster with the sessions that can carry them', async () => {
    const list = await domains(w, w.a);
    expect(list.map((d) => d.storage_domain_name)).toEqual(['data', 'vmstore']);
    const data = list[0]!;
    expect(data.primary_volume).toBe('data');
    expect(data.setup).toBeNull();
    expect(data.next_sync_at).toBeNull();
    expect(data.sessions.map((s) => s.secondary)).toContain('gdr1.lab.example::data-dr');
  });

  it("refuses a schedule it cannot run, in the user's words", async () => {
    const bad = await w.call(w.a, 'PUT', `/clusters/${PROD}/volumes/data/dr-schedule`, {
      storage_domain_id: LAB_IDS.sdData,
      session_id: SESSION,
      schedule: daily({ frequency: 'weekly', days: [] }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toMatch(/weekly schedule needs at least one day/);
    const tz = await w.call(w.a, 'PUT', `/clusters/${PROD}/volumes/data/dr-schedule`, {
      storage_domain_id: LAB_IDS.sdData,
      session_id: SESSION,
      schedule: daily({ time_zone: 'Mars/Olympus' }),
    });
    expect(tz.statusCode).toBe(400);
    expect(tz.json<{ detail: string }>().detail).toMatch(/not a time zone/);
  });

  it('keeps the schedule on the primary volume, seen by every instance, with the next run', async () => {
    const r = await w.call(w.a, 'PUT', `/clusters/${PROD}/volumes/data/dr-schedule`, {
      storage_domain_id: LAB_IDS.sdData,
      session_id: SESSION,
      schedule: daily(),
    });
    expect([r.statusCode, r.statusCode === 200 ? '' : r.body]).toEqual([200, '']);
    const v = r.json<DrDomainView>();
    expect(v.setup?.schedule.hour).toBe(2);
    expect(v.next_sync_at).toBe('2026-12-07T02:00:00.000Z');
    // Gluster holds it: the option is on the volume
    const opts = new Map(w.sim.world.volumes.find((x) => x.name === 'data')!.options);
    expect(opts.get(DR_SETUP_OPTION)).toContain(LAB_IDS.sdData);
    // the other instance sees the same
    const other = (await domains(w, w.b)).find((d) => d.storage_domain_name === 'data')!;
    expect(other.setup?.session.secondary_volume).toBe('data-dr');
    expect(other.next_sync_at).toBe('2026-12-07T02:00:00.000Z');
  });

  it('blocks the removal of the session while a schedule names it, as oVirt does', async () => {
    const r = await w.call(w.a, 'DELETE', `/clusters/${PROD}/sessions/${SESSION}`);
    expect(r.statusCode).toBe(409);
    expect(r.json<{ detail: string }>().detail).toMatch(/storage domain data/i);
  });

  it('runs a due sync once, on one of two instances, and records it', async () => {
    expect(await w.a.scheduler.tick()).toEqual([]); // 01:58: not due
    const before = w.engine.events().length;
    w.clock.advance(3 * 60_000); // 02:01
    const [ra, rb] = await Promise.all([w.a.scheduler.tick(), w.b.scheduler.tick()]);
    const jobs = [...ra.map((id) => ({ id, inst: w.a })), ...rb.map((id) => ({ id, inst: w.b }))];
    expect(jobs).toHaveLength(1);
    const job = await waitJob(w, jobs[0]!.inst, jobs[0]!.id);
    expect(job.detail).toMatch(/^Synced/);
    expect(job.state).toBe('succeeded');
    expect(job.steps.map((s) => s.title)).toEqual([
      'Snapshot the running VMs on storage domain data (without memory)',
      'Start the session data -> gdr1.lab.example::data-dr',
      'Set a checkpoint (config checkpoint now)',
      'Wait until the secondary reached the checkpoint (at most 30 min)',
      'Stop the session',
      'Remove the temporary snapshots',
    ]);
    // the running VMs with disks on data were snapshotted without memory, and the snapshots are gone
    const taken = [...w.engine.snapshots.list];
    expect(taken.map((s) => s.description).sort()).toEqual(['db01data-TMPDR', 'web01data-TMPDR']);
    expect(taken.every((s) => !s.persist_memorystate && s.removed_at !== null)).toBe(true);
    // the session is stopped, as the schedule says
    const st = await w.call(w.a, 'GET', `/clusters/${PROD}/sessions/${SESSION}`);
    expect(st.json<{ status: string }>().status).toBe('Stopped');
    // the record, on the volume, for both instances
    const opts = new Map(w.sim.world.volumes.find((x) => x.name === 'data')!.options);
    expect(opts.get(DR_LAST_OPTION)).toContain('"result":"succeeded"');
    const d = (await domains(w, jobs[0]!.inst)).find((x) => x.storage_domain_name === 'data')!;
    expect(d.last_sync?.result).toBe('succeeded');
    expect(d.last_sync?.trigger).toBe('schedule');
    expect(d.last_sync?.due_at).toBe('2026-12-07T02:00:00.000Z');
    expect(d.last_sync?.checkpoint_time).not.toBeNull();
    expect(d.next_sync_at).toBe('2026-12-08T02:00:00.000Z');
    // events: started (the claim) and synced
    const evs = w.engine
      .events()
      .slice(before)
      .map((e) => e.description);
    expect(evs.filter((e) => /started, scheduled for 2026-12-07T02:00/.test(e))).toHaveLength(1);
    expect(evs.some((e) => /synchroni[sz]ed|Synced/i.test(e))).toBe(true);
  });
});

describe('a storage domain sync that fails', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.close());

  const vmstoreSession = sessionId({
    primary_volume: 'vmstore',
    secondary_user: 'root',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'vmstore-dr',
  });

  it('run now: a Faulty session fails the run, the snapshots are removed, and it says why', async () => {
    const set = await w.call(w.a, 'PUT', `/clusters/${PROD}/volumes/vmstore/dr-schedule`, {
      storage_domain_id: LAB_IDS.sdVmstore,
      session_id: vmstoreSession,
      schedule: daily({
        frequency: 'weekly',
        days: ['sat'],
        hour: 23,
        minute: 30,
        time_zone: 'Europe/Prague',
      }),
    });
    expect(set.statusCode).toBe(200);
    expect(set.json<DrDomainView>().next_sync_at).toBe('2026-12-12T22:30:00.000Z');
    // every worker keeps crashing: the session is Faulty and cannot reach a checkpoint
    const ref = {
      primaryVolume: 'vmstore',
      secondaryHost: 'gdr1.lab.example',
      secondaryVolume: 'vmstore-dr',
    };
    const rec = w.sim.world.sessions.find((x) => x.pvol === 'vmstore' && x.svol === 'vmstore-dr')!;
    for (const b of rec.workers.keys()) w.sim.injectWorkerFault(ref, b, true);
    const before = w.engine.events().length;
    const r = await w.call(w.a, 'POST', `/clusters/${PROD}/volumes/vmstore/dr-sync`);
    expect(r.statusCode).toBe(202);
    const job = await waitJob(w, w.a, r.json<GeoRepJob>().id);
    expect(job.detail).toMatch(/turned Faulty/);
    expect(job.state).toBe('failed');
    expect(job.steps.at(-1)!.title).toBe('Undo: remove the temporary snapshots');
    expect(job.steps.at(-1)!.state).toBe('done');
    const snaps = [...w.engine.snapshots.list].filter((s) =>
      s.description.endsWith('vmstore-TMPDR'),
    );
    expect(snaps.map((s) => s.description).sort()).toEqual([
      'app02vmstore-TMPDR',
      'db01vmstore-TMPDR',
    ]);
    expect(snaps.every((s) => s.removed_at !== null)).toBe(true);
    const d = (await domains(w, w.a)).find((x) => x.storage_domain_name === 'vmstore')!;
    expect(d.last_sync?.result).toBe('failed');
    expect(d.last_sync?.trigger).toBe('manual');
    expect(d.last_sync?.by).toBe('admin@internal-authz');
    const evs = w.engine.events().slice(before);
    expect(evs.some((e) => e.severity === 'error' && /vmstore.*Faulty/.test(e.description))).toBe(
      true,
    );
  });

  it('a snapshot the engine refuses fails the run before the session is touched, undoing the others', async () => {
    w.engine.snapshots.failNext.set(
      LAB_IDS.vmDb01,
      'Cannot create Snapshot. Low disk space on Storage Domain data.',
    );
    w.clock.advance(60_000);
    const r = await w.call(w.a, 'POST', `/clusters/${PROD}/volumes/data/dr-sync`);
    // data has no schedule in this world
    expect(r.statusCode).toBe(409);
    expect(r.json<{ detail: string }>().detail).toMatch(/no storage domain sync set up/);
    await w.call(w.a, 'PUT', `/clusters/${PROD}/volumes/data/dr-schedule`, {
      storage_domain_id: LAB_IDS.sdData,
      session_id: SESSION,
      schedule: daily(),
    });
    const r2 = await w.call(w.a, 'POST', `/clusters/${PROD}/volumes/data/dr-sync`);
    expect(r2.statusCode).toBe(202);
    const job = await waitJob(w, w.a, r2.json<GeoRepJob>().id);
    expect(job.state).toBe('failed');
    expect(job.detail).toMatch(/Low disk space on Storage Domain data/);
    expect(job.steps.map((s) => s.title)).not.toContain('Set a checkpoint (config checkpoint now)');
    const taken = [...w.engine.snapshots.list].filter((s) => s.description.endsWith('data-TMPDR'));
    expect(taken.every((s) => s.removed_at !== null)).toBe(true);
  });

  it('a second run while one runs is refused with who runs it', async () => {
    const r1 = await w.call(w.a, 'POST', `/clusters/${PROD}/volumes/data/dr-sync`);
    // asked of two instances at once: one claims the run, the other is refused
    const r2 = await w.call(w.b, 'POST', `/clusters/${PROD}/volumes/data/dr-sync`);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([202, 409]);
    const refused = r1.statusCode === 409 ? r1 : r2;
    expect(refused.json<{ detail: string }>().detail).toMatch(
      /running since|started at the same time/,
    );
    const ok = r1.statusCode === 202 ? { r: r1, inst: w.a } : { r: r2, inst: w.b };
    await waitJob(w, ok.inst, ok.r.json<GeoRepJob>().id);
  });
});

describe('a failover when the primary site is lost', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.close());

  const step = async (inst: Instance, id: string, force: boolean) => {
    const r = await w.call(
      inst,
      'POST',
      `/clusters/${PROD}/sessions/${SESSION}/failover/steps/${id}`,
      { force },
    );
    expect([id, r.statusCode, r.statusCode === 202 ? '' : r.body]).toEqual([id, 202, '']);
    return waitJob(w, inst, r.json<GeoRepJob>().id);
  };
  const view = async (inst: Instance) =>
    (
      await w.call(inst, 'GET', `/clusters/${PROD}/sessions/${SESSION}/failover`)
    ).json<DrProcedureView>();

  it('goes on with force, from the point the last sync recorded on the secondary, resumable on another instance', async () => {
    // a scheduled sync records its point on the secondary
    await w.call(w.a, 'PUT', `/clusters/${PROD}/volumes/data/dr-schedule`, {
      storage_domain_id: LAB_IDS.sdData,
      session_id: SESSION,
      schedule: daily(),
    });
    w.clock.advance(3 * 60_000);
    const [id] = await w.a.scheduler.tick();
    expect((await waitJob(w, w.a, id!)).state).toBe('succeeded');
    const synced = new Map(w.sim.world.volumes.find((x) => x.name === 'data-dr')!.options).get(
      DR_SYNCED_OPTION,
    );
    expect(synced).toContain('"checkpoint_time"');
    // the primary site is lost
    for (const n of ['gprod1.lab.example', 'gprod2.lab.example', 'gprod3.lab.example'])
      w.sim.setNodeReachable(n, false);

    expect((await step(w.a, 'record-point', false)).state).toBe('succeeded');
    // instance a stops here; instance b reads the state from the secondary volume and goes on
    const onB = await view(w.b);
    expect(onB.steps[0]!.state).toBe('done');
    expect(onB.next_step).toBe('stop-session');
    expect(onB.last_synced_point).toBe(
      (JSON.parse(synced!) as { checkpoint_time: string }).checkpoint_time,
    );
    const refused = await step(w.b, 'stop-session', false);
    expect(refused.state).toBe('failed');
    expect(refused.detail).toMatch(/primary site does not answer.*run this step again with force/);
    const forced = await step(w.b, 'stop-session', true);
    expect(forced.state).toBe('succeeded');
    expect((await view(w.b)).steps[1]!.state).toBe('skipped');
    for (const id of ['promote-writable', 'promote-changelog', 'attach'])
      expect((await step(w.b, id, true)).state).toBe('succeeded');
    const done = await view(w.a);
    expect(done.complete).toBe(true);
    expect(
      new Map(w.sim.world.volumes.find((x) => x.name === 'data-dr')!.options).get(
        'features.read-only',
      ),
    ).toBe('off');
  });
});
