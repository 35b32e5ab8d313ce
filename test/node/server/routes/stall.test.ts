// Stall detection through the service, on the demo simulator with a manual clock: a deaf worker
// shows as a Stalled session with its evidence in the shared list; Recover runs as a job (202,
// then GET .../jobs/{id}) that only a user who may act can start, once at a time, audited; the
// diagnosis of Faulty workers carries their log lines and the known failure they match.
import Fastify, { type FastifyInstance } from 'fastify';
import net from 'node:net';
import { registerEngineEmulator, type EngineEmulator } from '../../../../dev/engine';
import { defaultLab } from '../../../../dev/lab';
import { registerGeoRepService } from '../../../../server/app';
import { createGlusterClient } from '../../../../server/gluster/client';
import { demoSimulator, ManualClock, simProbe, type GlusterSimulator } from '../../../../dev/sim/gluster';
import type { Job } from '../../../../server/jobs';
import type { GeoRepSession } from '../../../../src/georep/types';
import { PASSWORDS, PREFIX, PROD } from '../../../support/service-harness';

const DATA = {
  primaryVolume: 'data',
  secondaryHost: 'gdr1.lab.example',
  secondaryVolume: 'data-dr',
};

let app: FastifyInstance;
let engine: EngineEmulator;
let sim: GlusterSimulator;
let clock: ManualClock;
/** Recover's waits pass only once the test opens the gate (so that it can act while it runs). */
let openGate: () => void = () => undefined;
let gate: Promise<void> = Promise.resolve();

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

beforeEach(async () => {
  const lab = defaultLab();
  clock = new ManualClock(Date.now());
  sim = demoSimulator(lab, clock);
  const port = await freePort();
  app = Fastify({ logger: false });
  engine = await registerEngineEmulator(app, { lab });
  await registerGeoRepService(app, {
    engineUrl: `http://127.0.0.1:${port}/ovirt-engine/`,
    gluster: createGlusterClient(sim),
    backendName: 'sim',
    probe: simProbe(sim),
    statusCacheMs: 0,
    stallIntervalMs: 0,
    recover: {
      pollMs: 1_000,
      sleep: async (ms) => {
        await gate;
        clock.advance(ms);
        await new Promise((r) => setImmediate(r));
      },
    },
  });
  await app.listen({ host: '127.0.0.1', port });
});
afterEach(() => app.close());

const call = (user: string, method: 'GET' | 'POST', path: string) =>
  app.inject({
    method,
    url: `${PREFIX}${path}`,
    headers: { authorization: `Bearer ${engine.login(user, PASSWORDS[user]!)!}` },
  });

async function dataSession(): Promise<GeoRepSession> {
  const res = await call('admin@internal', 'GET', `/clusters/${PROD}/sessions`);
  expect(res.statusCode).toBe(200);
  return res
    .json<{ georep_session: GeoRepSession[] }>()
    .georep_session.find((s) => s.primary_volume === 'data')!;
}

/** Reads until the watch's background readings have judged the session (bounded). */
async function settle(): Promise<GeoRepSession> {
  let s = await dataSession();
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 20));
    s = await dataSession();
  }
  return s;
}

async function makeStalled(): Promise<GeoRepSession> {
  const active = (await dataSession()).workers.find((w) => w.status === 'Active')!;
  sim.setWorkerDeaf(DATA, `${active.primary_node}:${active.primary_brick}`, true);
  clock.advance(120_000); // the demo's workload writes every 30 s: changes wait
  return settle();
}

test('a deaf worker: the session is Stalled, with the evidence on the worker', async () => {
  const s = await makeStalled();
  expect(s.status).toBe('Stalled');
  const w = s.workers.find((x) => x.stall)!;
  expect(w.status).toBe('Active');
  expect(w.crawl_status).toBe('Changelog Crawl');
  expect(w.stall!.pending_changelogs).toBeGreaterThan(0);
  expect(w.stall!.waited_seconds).toBeGreaterThan(40);
});

test('a healthy session is never Stalled', async () => {
  clock.advance(120_000);
  const s = await settle();
  expect(s.status).toBe('Active');
  expect(s.workers.every((w) => !w.stall)).toBe(true);
});

test('Recover: a job only a user who may act can start, once at a time, that ends the stall', async () => {
  const s = await makeStalled();
  gate = new Promise((r) => (openGate = r));
  const path = `/clusters/${PROD}/sessions/${s.id}/recover`;
  expect((await call('glusterviewer@internal', 'POST', path)).statusCode).toBe(403);
  const started = await call('admin@internal', 'POST', path);
  expect(started.statusCode).toBe(202);
  const job = started.json<Job>();
  expect(job).toMatchObject({ kind: 'recover', session_id: s.id, user: 'admin@internal' });
  const again = await call('admin@internal', 'POST', path);
  expect(again.statusCode).toBe(409);
  expect(again.json<{ detail: string }>().detail).toMatch(/still running/);
  // no other action on the session while Recover restarts its workers
  const cp = await call('admin@internal', 'POST', `/clusters/${PROD}/sessions/${s.id}/checkpoint`);
  expect(cp.statusCode).toBe(409);
  expect(cp.json<{ detail: string }>().detail).toMatch(/Another action is running .*Recover/);
  openGate();
  let j: Job = job;
  for (let i = 0; i < 200 && j.state === 'running'; i++) {
    await new Promise((r) => setImmediate(r));
    j = (
      await call('glusterviewer@internal', 'GET', `/clusters/${PROD}/jobs/${job.id}`)
    ).json<Job>();
  }
  expect(j.state).toBe('succeeded');
  expect(j.steps.map((x) => x.state)).toEqual(['done', 'done', 'done']);
  const after = await settle();
  expect(after.status).toBe('Active');
  const events = engine.events().filter((e) => e.description.includes('recovered'));
  expect(events).toHaveLength(1);
  expect(events[0]!.description).toMatch(
    /The stalled geo-replication session from volume data .* \(User: admin@internal-authz\)/,
  );
});

test('Recover of a session that is not stalled: 409 with the reason', async () => {
  const s = await dataSession();
  const res = await call('admin@internal', 'POST', `/clusters/${PROD}/sessions/${s.id}/recover`);
  expect(res.statusCode).toBe(409);
  expect(res.json<{ detail: string }>().detail).toMatch(/No worker of this session is stalled/);
});

test('diagnosis: a Faulty worker shows its log lines and the known failure', async () => {
  const res = await call('admin@internal', 'GET', `/clusters/${PROD}/sessions`);
  const vmstore = res
    .json<{ georep_session: GeoRepSession[] }>()
    .georep_session.find(
      (x) => x.primary_volume === 'vmstore' && x.secondary_volume === 'vmstore-dr',
    )!;
  const d = await call(
    'glusterviewer@internal',
    'GET',
    `/clusters/${PROD}/sessions/${vmstore.id}/diagnosis`,
  );
  expect(d.statusCode).toBe(200);
  const body = d.json<{
    worker_diagnosis: {
      primary_brick: string;
      lines: { text: string }[];
      known_failures: { id: string }[];
    }[];
  }>();
  expect(body.worker_diagnosis).toHaveLength(1);
  expect(body.worker_diagnosis[0]!.lines.map((l) => l.text).join('\n')).toMatch(
    /Input\/output error/,
  );
  expect(body.worker_diagnosis[0]!.known_failures.map((f) => f.id)).toContain(
    'io_error_split_brain',
  );
});
