/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.stringContaining, ...) are typed `any` */
// The shared status read: coalesced in flight, cached, invalidated by actions, and on the first
// reachable Up host of the cluster.
import { defaultLab } from '../../../dev/lab';
import type { GlusterExec } from '../../../server/gluster/exec';
import { createGlusterClient } from '../../../server/gluster/client';
import { demoSimulator } from '../../../dev/sim/gluster';
import { FakeGluster } from '../../support/fake-gluster';
import { DR, PROD, startStack, type Stack, type Fault, type SessionList } from '../../support/service-harness';

const SESSIONS = `/clusters/${PROD}/sessions`;

/** The simulator behind an exec that records which node ran which command. */
function countingSim(latencyMs = 0) {
  const lab = defaultLab();
  const sim = demoSimulator(lab);
  const runs: { node: string; argv: readonly string[] }[] = [];
  const exec: GlusterExec = {
    run: async (node, argv, opts) => {
      runs.push({ node, argv });
      if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
      return sim.run(node, argv, opts);
    },
  };
  const isStatus = (a: readonly string[]) => a.includes('geo-replication') && a.includes('status');
  const isInfo = (a: readonly string[]) => a.includes('volume') && a.includes('info');
  return {
    lab,
    sim,
    runs,
    exec,
    statusReads: () => runs.filter((r) => isStatus(r.argv)).length,
    infoReads: () => runs.filter((r) => isInfo(r.argv)).length,
  };
}

describe('coalescing and caching', () => {
  let s: Stack;
  let c: ReturnType<typeof countingSim>;
  beforeAll(async () => {
    c = countingSim(50);
    s = await startStack({ lab: c.lab, gluster: createGlusterClient(c.exec) });
  });
  afterAll(async () => {
    await s.close();
  });

  it('serves 20 concurrent requests from one Gluster read', async () => {
    // Warm the token and permission checks, not the status (GET access reads no Gluster).
    for (const u of ['admin@internal', 'glusterviewer@internal', 'glusteradmin@internal']) {
      expect((await s.call(u, 'GET', `/clusters/${PROD}/access`)).statusCode).toBe(200);
    }
    expect(c.runs).toHaveLength(0);
    const users = ['admin@internal', 'glusterviewer@internal', 'glusteradmin@internal'];
    const rs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.call(users[i % 3]!, 'GET', SESSIONS)),
    );
    expect(rs.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    // one read: one `status detail` and one `volume info`, nothing else
    expect(c.statusReads()).toBe(1);
    expect(c.infoReads()).toBe(1);
    expect(c.runs).toHaveLength(2);
    // everyone got the same read
    expect(new Set(rs.map((r) => r.json<SessionList>().read_at)).size).toBe(1);
    expect(c.sim.callCount()).toBe(2);
  });

  it('answers from the cache within statusCacheMs, and an action invalidates it', async () => {
    const before = c.statusReads();
    const a = await s.call('admin@internal', 'GET', SESSIONS);
    expect(c.statusReads()).toBe(before);
    const created = a.json<SessionList>().georep_session.find((x) => x.status === 'Created')!;
    expect(
      (await s.call('admin@internal', 'POST', `${SESSIONS}/${created.id}/checkpoint`)).statusCode,
    ).toBe(200);
    const afterAction = c.statusReads();
    expect(afterAction).toBe(before + 1); // the fresh read of the action's answer
    const b = await s.call('glusterviewer@internal', 'GET', SESSIONS);
    expect(c.statusReads()).toBe(afterAction); // and that read is shared
    expect(Date.parse(b.json<SessionList>().read_at)).toBeGreaterThan(
      Date.parse(a.json<SessionList>().read_at) - 1,
    );
  });

  it('keeps one read per cluster', async () => {
    const before = c.statusReads();
    await Promise.all([
      s.call('admin@internal', 'GET', `/clusters/${DR}/sessions`),
      s.call('admin@internal', 'GET', `/clusters/${DR}/sessions`),
    ]);
    expect(c.statusReads()).toBe(before + 1);
    expect(c.runs.at(-1)!.node).toMatch(/^gdr[12]\.lab\.example$/);
  });
});

describe('without a cache', () => {
  it('reads again for each request when statusCacheMs is 0 (still coalescing those in flight)', async () => {
    const c = countingSim(30);
    const s = await startStack({
      lab: c.lab,
      gluster: createGlusterClient(c.exec),
      service: { statusCacheMs: 0 },
    });
    try {
      await s.call('admin@internal', 'GET', SESSIONS);
      await s.call('admin@internal', 'GET', SESSIONS);
      expect(c.statusReads()).toBe(2);
      await Promise.all(Array.from({ length: 5 }, () => s.call('admin@internal', 'GET', SESSIONS)));
      expect(c.statusReads()).toBe(3);
    } finally {
      await s.close();
    }
  });
});

describe('choosing the node', () => {
  const fake = () =>
    new FakeGluster([
      { name: 'home', hosts: ['gprod1.lab.example', 'gprod2.lab.example'], replica: 2 },
      {
        name: 'vmstore',
        hosts: ['gprod1.lab.example', 'gprod2.lab.example', 'gprod3.lab.example'],
        replica: 3,
      },
    ]);

  it('runs on the first Up host, never on one in maintenance, and falls back when it cannot be reached', async () => {
    const g = fake();
    const s = await startStack({ gluster: g, service: { statusCacheMs: 0 } });
    try {
      expect((await s.call('admin@internal', 'GET', SESSIONS)).statusCode).toBe(200);
      expect(g.calls.every((x) => x.node === 'gprod1.lab.example')).toBe(true);
      g.unreachable.add('gprod1.lab.example');
      g.calls.length = 0;
      const r = await s.call('admin@internal', 'GET', SESSIONS);
      expect(r.statusCode).toBe(200);
      expect(g.calls.map((x) => x.node)).toContain('gprod2.lab.example');
      expect(g.calls.some((x) => x.node === 'gprod3.lab.example')).toBe(false);
      // the node that answered is tried first next time
      g.calls.length = 0;
      await s.call('admin@internal', 'GET', SESSIONS);
      expect(g.calls.map((x) => x.node)).toEqual(['gprod2.lab.example', 'gprod2.lab.example']);
    } finally {
      await s.close();
    }
  });

  it('answers 502 naming the hosts when no Up host can be reached', async () => {
    const g = fake();
    g.unreachable.add('gprod1.lab.example');
    g.unreachable.add('gprod2.lab.example');
    const s = await startStack({ gluster: g });
    try {
      const r = await s.call('admin@internal', 'GET', SESSIONS);
      expect(r.statusCode).toBe(502);
      expect(r.json()).toEqual({
        reason: 'Bad Gateway',
        detail: expect.stringMatching(/gprod1\.lab\.example.*gprod2\.lab\.example/s),
      });
    } finally {
      await s.close();
    }
  });

  it('answers 502 saying so when the cluster has no Up host', async () => {
    const lab = defaultLab();
    for (const h of lab.hosts) if (h.cluster_id === PROD) h.status = 'maintenance';
    const s = await startStack({ lab, gluster: fake() });
    try {
      const r = await s.call('admin@internal', 'GET', SESSIONS);
      expect(r.statusCode).toBe(502);
      expect(r.json<Fault>().detail).toMatch(
        /gluster-prod has no host in status Up.*gprod1 \(maintenance\)/,
      );
    } finally {
      await s.close();
    }
  });

  it('answers 504 when Gluster times out', async () => {
    const g = fake();
    g.slow.add('gprod1.lab.example');
    const s = await startStack({ gluster: g });
    try {
      const r = await s.call('admin@internal', 'GET', SESSIONS);
      expect(r.statusCode).toBe(504);
      expect(r.json()).toEqual({
        reason: 'Gateway Timeout',
        detail: expect.stringContaining('did not answer within 30 s'),
      });
    } finally {
      await s.close();
    }
  });
});
