// The service's watch over the engine emulator and the Gluster simulator: engine events posted by
// the service account with nobody logged in, once per transition and not again after a restart;
// viewers share its reads; Gluster's webhook (token, nodes) makes an immediate read pushed to open
// tabs over Server-Sent Events; metrics and the lag history come from the same reads.
import fs from 'node:fs';
import path from 'node:path';
import { createGlusterClient } from '../../../server/gluster/client';
import type { GlusterExec } from '../../../server/gluster/exec';
import { demoSimulator } from '../../../dev/sim/gluster';
import { ManualClock } from '../../../dev/sim/gluster/simulator';
import { describeTransition, parseAnnouncement } from '../../../server/announce';
import { Audit } from '../../../server/audit';
import { EngineClient } from '../../../server/engine';
import { webhookToken } from '../../../server/events-api';
import { ServiceMetrics } from '../../../server/metrics';
import type { Push } from '../../../server/push';
import { Watch } from '../../../server/watch';
import { defaultLab } from '../../../dev/lab';
import {
  DEFAULT_TRANSITION_SETTINGS,
  TransitionDetector,
  type TransitionSettings,
} from '../../../src/georep/transitions';
import { PREFIX, PROD, startStack, type SessionList, type Stack } from '../../support/service-harness';

const SETTINGS: TransitionSettings = { ...DEFAULT_TRANSITION_SETTINGS, recoverySeconds: 0 };
const SECRET = 'test-secret';
const NODE_IPS: Record<string, string> = {
  'gprod1.lab.example': '10.0.0.11',
  'gprod2.lab.example': '10.0.0.12',
  'gprod3.lab.example': '10.0.0.13',
};

interface Setup {
  s: Stack;
  push: Push;
  metrics: ServiceMetrics;
  reads: () => number;
  sim: ReturnType<typeof demoSimulator>;
  /** The simulator's clock: Gluster's time-driven behaviour moves only when a test moves it. */
  clock: ManualClock;
  serviceToken: () => Promise<string | null>;
}

async function setup(o: { events?: boolean } = {}): Promise<Setup> {
  const lab = defaultLab();
  const clock = new ManualClock(Date.now());
  const sim = demoSimulator(lab, clock);
  let statusReads = 0;
  const exec: GlusterExec = {
    run: (node, argv, opts) => {
      if (argv.includes('geo-replication') && argv.includes('status')) statusReads++;
      return sim.run(node, argv, opts);
    },
  };
  let push: Push | null = null;
  const metrics = new ServiceMetrics({ defaultMetrics: false });
  let stack: Stack | null = null;
  const serviceToken = () =>
    Promise.resolve(stack!.engine.login('georep-service@internal', 'georep-service'));
  stack = await startStack({
    lab,
    gluster: createGlusterClient(metrics.meter(exec)),
    service: {
      eventsToken: serviceToken,
      push: {
        // the tests drive the rounds themselves
        watch: { intervalMs: 3_600_000, transitions: SETTINGS },
        eventsApi: o.events
          ? {
              webhookBase: `http://127.0.0.1${PREFIX}/gluster-events`,
              secret: SECRET,
              shell: { runShell: () => Promise.resolve({ stdout: '', stderr: '', code: 0 }) },
              resolve: (name) => Promise.resolve(NODE_IPS[name] ? [NODE_IPS[name]] : []),
            }
          : null,
        metrics,
        expose: (p) => {
          push = p;
        },
      },
    },
  });
  // the first round, started when the service became ready
  await push!.watch!.tick();
  return { s: stack, push: push!, metrics, reads: () => statusReads, sim, clock, serviceToken };
}

const watchEvents = (s: Stack) =>
  s.engine
    .events()
    .filter((e) => e.origin === 'gluster-georep' && parseAnnouncement(e.description) !== null);

const gluster = (x: Setup, ...args: string[]) =>
  x.sim.run('gprod1.lab.example', ['--mode=script', '--xml', ...args], { timeoutMs: 10_000 });

describe('the watch posts engine events with nobody logged in', () => {
  let x: Setup;
  beforeAll(async () => {
    x = await setup();
  });
  afterAll(() => x.s.close());

  it('announces the sessions that are Faulty now, as the service account, with the cluster', () => {
    const evs = watchEvents(x.s);
    expect(evs.length).toBeGreaterThan(0);
    for (const e of evs) {
      expect(e.posted_by).toBe(
        x.s.lab.users.find((u) => u.user_name === 'georep-service@internal')!.id,
      );
      expect(e.cluster_id).toBeTruthy();
      expect(['error', 'warning', 'normal']).toContain(e.severity);
    }
    const faulty = evs.filter((e) => /is (partly )?Faulty/.test(e.description));
    expect(faulty.length).toBeGreaterThan(0);
    expect(faulty[0]!.description).toMatch(/^Geo-replication session \S+ to \S+::\S+ of cluster /);
  });

  it('says nothing more on the next rounds', async () => {
    const before = watchEvents(x.s).length;
    await x.push.watch!.tick();
    await x.push.watch!.tick();
    expect(watchEvents(x.s).length).toBe(before);
  });

  it('a restarted service reads its events back and says nothing twice', async () => {
    const before = watchEvents(x.s).length;
    const engine = new EngineClient(x.s.engine ? engineUrl(x.s) : '');
    const restarted = new Watch(
      {
        engine,
        status: (x.push.watch as unknown as { deps: { status: never } }).deps.status,
        audit: new Audit(engine, x.serviceToken),
        serviceToken: x.serviceToken,
        log: x.s.app.log,
      },
      { intervalMs: 3_600_000, transitions: SETTINGS },
    );
    const searches: string[] = [];
    const events = engine.events.bind(engine);
    engine.events = (token, o) => {
      searches.push(o.search);
      return events(token, o);
    };
    await restarted.tick();
    // It knew from the engine's events what it had said: no transition even came up for checking
    // against the engine's custom ids (the second guard).
    expect(searches.filter((q) => q.includes('custom_event_id'))).toEqual([]);
    expect(searches.length).toBeGreaterThan(0);
    expect(
      watchEvents(x.s)
        .slice(before)
        .map((e) => e.description),
    ).toEqual([]);
  });

  it('had it not found its last words, the engine’s custom ids still stop a repeat', async () => {
    const before = watchEvents(x.s).length;
    const engine = new EngineClient(engineUrl(x.s));
    const events = engine.events.bind(engine);
    const checked: string[] = [];
    engine.events = (token, o) => {
      if (!o.search.includes('custom_event_id')) return Promise.resolve([]); // the read-back found nothing
      checked.push(o.search);
      return events(token, o);
    };
    const blind = new Watch(
      {
        engine,
        status: (x.push.watch as unknown as { deps: { status: never } }).deps.status,
        audit: new Audit(engine, x.serviceToken),
        serviceToken: x.serviceToken,
        log: x.s.app.log,
      },
      { intervalMs: 3_600_000, transitions: SETTINGS },
    );
    await blind.tick();
    expect(checked.length).toBeGreaterThan(0);
    expect(watchEvents(x.s).length).toBe(before);
  });

  it('a session paused and deleted behind the service’s back: disappeared, a warning, once', async () => {
    await gluster(
      x,
      'volume',
      'geo-replication',
      'archive',
      'gdr1.lab.example::archive-dr',
      'stop',
      'force',
    );
    await gluster(
      x,
      'volume',
      'geo-replication',
      'archive',
      'gdr1.lab.example::archive-dr',
      'delete',
    );
    await x.push.watch!.tick();
    await x.push.watch!.tick();
    const gone = watchEvents(x.s).filter((e) =>
      /archive to gdr1.lab.example::archive-dr .* has disappeared/.test(e.description),
    );
    expect(gone).toHaveLength(1);
    expect(gone[0]!.severity).toBe('warning');
  });

  it('a session a user deletes through the service has not "disappeared"', async () => {
    const list = (
      await x.s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)
    ).json<SessionList>();
    const home = list.georep_session.find((s) => s.primary_volume === 'home')!;
    await x.s.call('admin@internal', 'POST', `/clusters/${PROD}/sessions/${home.id}/stop`, {
      force: true,
    });
    const del = await x.s.call('admin@internal', 'DELETE', `/clusters/${PROD}/sessions/${home.id}`);
    expect(del.statusCode).toBeLessThan(300);
    await x.push.watch!.tick();
    expect(
      watchEvents(x.s).filter((e) =>
        /^Geo-replication session home .* has disappeared/.test(e.description),
      ),
    ).toEqual([]);
  });

  it('a worker made Faulty is announced once, its recovery once', async () => {
    const ref = {
      primaryVolume: 'vmstore',
      secondaryHost: 'gdr1.lab.example',
      secondaryVolume: 'vmstore-dr',
    };
    const before = watchEvents(x.s).length;
    const read = async () =>
      (await x.s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)).json<SessionList>();
    const vm = (await read()).georep_session.find(
      (s) => s.primary_volume === 'vmstore' && s.secondary_volume === 'vmstore-dr',
    )!;
    const brick = vm.workers.find((w) => w.status === 'Active')!;
    x.sim.injectWorkerFault(ref, `${brick.primary_node}:${brick.primary_brick}`, true);
    await x.push.watch!.tick();
    await x.push.watch!.tick();
    const after = watchEvents(x.s).slice(before);
    expect(
      after
        .map((e) => e.description)
        .filter((d) =>
          d.startsWith('Geo-replication session vmstore to gdr1.lab.example::vmstore-dr'),
        ),
    ).toHaveLength(1);
    // every worker of the session let go (the demo's own crash-looping one too)
    for (const w of vm.workers.filter((w) => w.status !== 'Offline'))
      x.sim.injectWorkerFault(ref, `${w.primary_node}:${w.primary_brick}`, false);
    // Gluster brings the worker back; the session reads healthy, then "recovered" (delay 0 here)
    const recovered = () =>
      watchEvents(x.s).filter((e) =>
        /vmstore to gdr1.lab.example::vmstore-dr .* has recovered/.test(e.description),
      );
    for (let i = 0; i < 20 && recovered().length === 0; i++) {
      x.clock.advance(30_000);
      await x.push.watch!.tick();
    }
    await x.push.watch!.tick();
    expect(recovered()).toHaveLength(1);
    expect(recovered()[0]!.severity).toBe('normal');
  });
});

function engineUrl(s: Stack): string {
  const a = s.app.server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  return `http://127.0.0.1:${port}/ovirt-engine/`;
}

describe('viewers share the watch’s reads', () => {
  let x: Setup;
  beforeAll(async () => {
    x = await setup();
  });
  afterAll(() => x.s.close());

  it('20 viewers between two rounds add no Gluster read', async () => {
    await x.s.call('admin@internal', 'GET', `/clusters/${PROD}/access`);
    const before = x.reads();
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          x.s.call('glusterviewer@internal', 'GET', `/clusters/${PROD}/sessions`),
        ),
      );
    }
    expect(x.reads()).toBe(before);
    await x.push.watch!.tick();
    // one status read per cluster per round (two Gluster clusters in the demo lab)
    expect(x.reads()).toBe(before + 2);
  });
});

describe('Gluster events API webhook', () => {
  let x: Setup;
  beforeAll(async () => {
    x = await setup({ events: true });
  });
  afterAll(() => x.s.close());

  const post = (o: { token?: string; from?: string; body?: unknown }) =>
    x.s.app.inject({
      method: 'POST',
      url: `${PREFIX}/gluster-events/${PROD}`,
      headers: o.token ? { authorization: `Bearer ${o.token}` } : {},
      remoteAddress: o.from ?? '10.0.0.11',
      payload: o.body ?? {
        event: 'GEOREP_PAUSE',
        message: { primary: 'data' },
        nodeid: 'n1',
        ts: 1,
      },
    });

  it('refuses a delivery without the cluster’s token (401), from elsewhere than its nodes (403), or not an event (400)', async () => {
    expect((await post({})).statusCode).toBe(401);
    expect((await post({ token: webhookToken(SECRET, 'cl-other') })).statusCode).toBe(401);
    const tok = webhookToken(SECRET, PROD);
    expect((await post({ token: tok, from: '10.9.9.9' })).statusCode).toBe(403);
    // a node of another cluster
    expect((await post({ token: tok, from: '10.0.0.21' })).statusCode).toBe(403);
    expect((await post({ token: tok, body: { event: 'x; rm -rf /' } })).statusCode).toBe(400);
  });

  it('an accepted GEOREP event makes a read at once (200: glustereventsd wants 200)', async () => {
    const before = x.reads();
    const res = await post({ token: webhookToken(SECRET, PROD) });
    expect(res.statusCode).toBe(200);
    // the read starts at once, without waiting for the next round
    for (let i = 0; i < 50 && x.reads() === before; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(x.reads()).toBeGreaterThan(before);
  });

  it('the cluster says it pushes once the webhook is registered', () => {
    expect(x.push.events!.stateOf(PROD).state).toBe('registered');
  });
});

describe('Server-Sent Events to an open tab', () => {
  let x: Setup;
  beforeAll(async () => {
    x = await setup({ events: true });
  });
  afterAll(() => x.s.close());

  it('streams the mode and the sessions; a stop made with the CLI behind the service’s back arrives right after the webhook', async () => {
    const url = `${engineUrl(x.s).replace('/ovirt-engine/', '')}${PREFIX}/clusters/${PROD}/stream`;
    const ctrl = new AbortController();
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${x.s.token('glusterviewer@internal')}` },
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let buf = '';
    const next = async (name: string, pred: (d: unknown) => boolean = () => true) => {
      for (;;) {
        const m = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(buf);
        if (m) {
          buf = buf.slice(m.index + m[0].length);
          const d = JSON.parse(m[1]!) as unknown;
          if (pred(d)) return d;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buf += dec.decode(value);
      }
    };
    const mode = (await next('mode')) as { push: string };
    expect(mode.push).toBe('events');
    const first = (await next('sessions')) as SessionList;
    // a running session stopped with the CLI (the demo has a node down under every volume of
    // this cluster, so Gluster wants force)
    let target: (typeof first.georep_session)[number] | null = null;
    for (const s of first.georep_session.filter(
      (x) => x.status !== 'Stopped' && x.status !== 'Created',
    )) {
      const r = await gluster(
        x,
        'volume',
        'geo-replication',
        s.primary_volume,
        `${s.secondary_host}::${s.secondary_volume}`,
        'stop',
        'force',
      );
      if (r.stdout.includes('<opRet>0</opRet>')) {
        target = s;
        break;
      }
    }
    expect(target).not.toBeNull();
    const t0 = Date.now();
    await x.s.app.inject({
      method: 'POST',
      url: `${PREFIX}/gluster-events/${PROD}`,
      headers: { authorization: `Bearer ${webhookToken(SECRET, PROD)}` },
      remoteAddress: '10.0.0.11',
      payload: {
        event: 'GEOREP_STOP',
        message: { primary: target!.primary_volume },
        nodeid: 'n',
        ts: 1,
      },
    });
    const paused = (await next('sessions', (d) =>
      (d as SessionList).georep_session.some((s) => s.id === target!.id && s.status === 'Stopped'),
    )) as SessionList;
    expect(paused.read_at).toBeTruthy();
    expect(Date.now() - t0).toBeLessThan(1000);
    ctrl.abort();
  });

  it('needs the user’s token, and the cluster visible to the user', async () => {
    expect((await x.s.call(null, 'GET', `/clusters/${PROD}/stream`)).statusCode).toBe(401);
    expect(
      (await x.s.call('virtonly@internal', 'GET', `/clusters/${PROD}/stream`)).statusCode,
    ).toBe(404);
  });
});

describe('the transitions feed for the browsers’ alerts', () => {
  let x: Setup;
  beforeAll(async () => {
    x = await setup();
  });
  afterAll(() => x.s.close());

  interface Feed {
    cursor: string;
    transition: { kind: string; primary_volume: string; description: string }[];
    ongoing?: { primary_volume: string; health: string; lag: string }[];
  }

  it('at the start: what is wrong now, of the clusters the user sees; then only what comes after', async () => {
    const first = (await x.s.call('glusterviewer@internal', 'GET', '/transitions')).json<Feed>();
    expect(first.transition).toEqual([]);
    expect(first.ongoing!.length).toBeGreaterThan(0);
    expect(first.ongoing!.every((o) => o.health !== 'ok' || o.lag === 'high')).toBe(true);
    const none = (await x.s.call('virtonly@internal', 'GET', '/transitions')).json<Feed>();
    expect(none.ongoing).toEqual([]);

    const ref = {
      primaryVolume: 'vmstore',
      secondaryHost: 'gdr1.lab.example',
      secondaryVolume: 'vmstore-dr',
    };
    const list = (
      await x.s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)
    ).json<SessionList>();
    const vm = list.georep_session.find(
      (s) => s.primary_volume === 'vmstore' && s.secondary_volume === 'vmstore-dr',
    )!;
    for (const w of vm.workers.filter((w) => w.status === 'Active'))
      x.sim.injectWorkerFault(ref, `${w.primary_node}:${w.primary_brick}`, true);
    await x.push.watch!.tick();
    const next = (
      await x.s.call('glusterviewer@internal', 'GET', `/transitions?after=${first.cursor}`)
    ).json<Feed>();
    expect(next.ongoing).toBeUndefined();
    expect(next.transition.map((t) => [t.kind, t.primary_volume])).toEqual([['faulty', 'vmstore']]);
    expect(next.transition[0]!.description).toMatch(/^Geo-replication session vmstore to /);
    const hidden = (
      await x.s.call('virtonly@internal', 'GET', `/transitions?after=${first.cursor}`)
    ).json<Feed>();
    expect(hidden.transition).toEqual([]);
    const again = (
      await x.s.call('glusterviewer@internal', 'GET', `/transitions?after=${next.cursor}`)
    ).json<Feed>();
    expect(again.transition).toEqual([]);
  });

  it('a cursor of another process starts afresh, and a bad parameter is refused', async () => {
    const other = (
      await x.s.call('glusterviewer@internal', 'GET', '/transitions?after=deadbeef.3')
    ).json<Feed>();
    expect(other.transition).toEqual([]);
    expect(other.ongoing).toBeDefined();
    expect(
      (await x.s.call('glusterviewer@internal', 'GET', '/transitions?since=1')).statusCode,
    ).toBe(400);
    expect((await x.s.call(null, 'GET', '/transitions')).statusCode).toBe(401);
  });
});

describe('metrics and history from the same reads', () => {
  let x: Setup;
  beforeAll(async () => {
    x = await setup();
  });
  afterAll(() => x.s.close());

  it('GET /metrics on loopback: sessions per status, worker figures, CLI calls; not through a proxy', async () => {
    const res = await x.s.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const t = res.body;
    expect(t).toMatch(/^georep_sessions\{cluster="gluster-prod",status="Active"\} \d+$/m);
    expect(t).toMatch(
      /^georep_worker_last_synced_age_seconds\{cluster="gluster-prod",primary_volume="\S+",secondary="\S+",node="\S+",brick="\S+"\} [\d.]+$/m,
    );
    expect(t).toMatch(/^georep_worker_pending\{.*type="entry"\} \d+$/m);
    expect(t).toMatch(
      /^georep_gluster_cli_calls_total\{command="volume geo-replication status",outcome="ok"\} \d+$/m,
    );
    expect(t).toMatch(/^# TYPE georep_gluster_cli_duration_seconds histogram$/m);
    const proxied = await x.s.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { 'x-forwarded-for': '192.0.2.1' },
    });
    expect(proxied.statusCode).toBe(403);
    const remote = await x.s.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '192.0.2.1',
    });
    expect(remote.statusCode).toBe(403);
  });

  it('docs/metrics.md documents every georep_ metric the service exposes', async () => {
    const text = (await x.s.app.inject({ method: 'GET', url: '/metrics' })).body;
    const names = [...text.matchAll(/^# TYPE (georep_\w+) /gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    const doc = fs.readFileSync(path.join(__dirname, '../../../docs/metrics.md'), 'utf8');
    expect(names.filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
  });

  it('the history of a session answers its samples and an estimate', async () => {
    const list = (
      await x.s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)
    ).json<SessionList>();
    const s = list.georep_session[0]!;
    const res = await x.s.call(
      'glusterviewer@internal',
      'GET',
      `/clusters/${PROD}/sessions/${s.id}/history`,
    );
    expect(res.statusCode).toBe(200);
    const b = res.json<{ lag_sample: unknown[]; recording: boolean; estimate: object }>();
    expect(b.recording).toBe(true);
    expect(b.lag_sample.length).toBeGreaterThanOrEqual(1);
    expect(b.estimate).toHaveProperty('seconds_to_sync');
  });
});

describe('the words of the events', () => {
  it('read back as the transition they announce', () => {
    const d = new TransitionDetector(SETTINGS);
    const key = {
      primary_volume: 'data',
      secondary_host: 'dr.example',
      secondary_volume: 'data-dr',
      secondary_user: 'geoacc',
    };
    const s = {
      id: 'x',
      cluster_id: 'c',
      ...key,
      status: 'Faulty' as const,
      workers: [],
      last_synced: null,
      sync_point: { time: null, source: 'unknown' as const, as_of: null },
      lag_seconds: null,
      checkpoint: null,
      read_at: new Date().toISOString(),
    };
    const [t] = d.observe('c', [s], Date.now());
    const text = describeTransition(t!, { name: 'prod is Faulty' }, SETTINGS);
    expect(text).toMatch(
      /^Geo-replication session data to geoacc@dr.example::data-dr of cluster prod is Faulty is Faulty: /,
    );
    expect(parseAnnouncement(text)).toEqual({ kind: 'faulty', key });
    const cp = describeTransition(
      {
        ...t!,
        kind: 'checkpoint_completed',
        checkpoint_time: '2026-05-01T10:00:00.000Z',
        checkpoint_completion_time: null,
      },
      { name: 'prod' },
      SETTINGS,
    );
    expect(parseAnnouncement(cp)).toEqual({
      kind: 'checkpoint_completed',
      key,
      checkpoint_time: '2026-05-01T10:00:00.000Z',
    });
    expect(
      parseAnnouncement(
        'The geo-replication session from volume data ... has been started (User: x).',
      ),
    ).toBeNull();
  });
});
