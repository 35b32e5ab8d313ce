// Time-driven behaviour on a manual clock: workers Initializing -> Active/Passive, crawl modes,
// pending counters that drain, last_synced and checkpoints, faults and recovery, offline bricks,
// unreachable nodes and secondaries, determinism, latency and timeouts.
import { defaultLab } from '../../../../../dev/lab';
import { GlusterTimeoutError, GlusterUnreachableError } from '../../../../../server/gluster/exec';
import { GlusterSimulator, ManualClock } from '../../../../../dev/sim/gluster';
import { TIMING } from '../../../../../dev/sim/gluster/world';
import { envelope, harness, pairs, parseXml, T0, type Harness } from '../../../../support/sim-helpers';

const P1 = 'gprod1.lab.example';
const SEC = 'gdr1.lab.example::backup-dr';
const REF = {
  primaryVolume: 'home',
  secondaryHost: 'gdr1.lab.example',
  secondaryVolume: 'backup-dr',
};

type Pair = Record<string, string>;

async function rows(h: Harness, pvol = 'home', sec = SEC, node = P1): Promise<Pair[]> {
  const r = await h.xml(node, 'volume', 'geo-replication', pvol, sec, 'status', 'detail');
  return r.code === 0 ? pairs(r.stdout) : [];
}

const brief = (ps: Pair[]): string[] =>
  ps.map(
    (p) => `${p.primary_node!.split('.')[0]}:${p.primary_brick} ${p.status} ${p.crawl_status}`,
  );

async function session(pvol = 'home', opts: { start?: boolean } = {}): Promise<Harness> {
  const h = harness(defaultLab());
  await h.xml(P1, 'system::', 'execute', 'gsec_create');
  const r = await h.xml(P1, 'volume', 'geo-replication', pvol, SEC, 'create', 'push-pem', 'force');
  expect(envelope(r.stdout).opRet).toBe(0);
  if (opts.start !== false) await h.xml(P1, 'volume', 'geo-replication', pvol, SEC, 'start');
  return h;
}

describe('workers over time', () => {
  test('Initializing for TIMING.init seconds, then one Active per replica set, Hybrid Crawl first, then Changelog', async () => {
    const h = await session();
    h.advance(TIMING.init - 1);
    expect(brief(await rows(h))).toEqual([
      'gprod1:/gluster_bricks/home/brick1 Initializing... N/A',
      'gprod2:/gluster_bricks/home/brick1 Initializing... N/A',
    ]);
    h.advance(1);
    // home holds data from before the session: the first Active worker syncs it with a Hybrid Crawl
    expect(brief(await rows(h))).toEqual([
      'gprod1:/gluster_bricks/home/brick1 Active Hybrid Crawl',
      'gprod2:/gluster_bricks/home/brick1 Passive N/A',
    ]);
    const [active] = await rows(h);
    expect(Number(active!.entry) + Number(active!.data)).toBeGreaterThan(0);
    expect(active!.last_synced).toBe('N/A');
    h.advance(120);
    const settled = await rows(h);
    expect(brief(settled)[0]).toBe('gprod1:/gluster_bricks/home/brick1 Active Changelog Crawl');
    expect(settled[0]).toMatchObject({
      entry: '0',
      data: '0',
      meta: '0',
      failures: '0',
      secondary_node: '',
    });
    expect(settled[0]!.last_synced).not.toBe('N/A');
    expect(settled[1]).toMatchObject({
      status: 'Passive',
      secondary_node: '',
      last_synced: 'N/A',
      entry: 'N/A',
    });
  });

  test('a restart goes through a History Crawl; change_detector xsync stays in Hybrid Crawl', async () => {
    const h = await session();
    h.advance(200);
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'stop');
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'start');
    h.advance(TIMING.init);
    expect((await rows(h))[0]!.crawl_status).toBe('History Crawl');
    h.advance(TIMING.historyMin);
    expect((await rows(h))[0]!.crawl_status).toBe('Changelog Crawl');
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'config', 'change_detector', 'xsync');
    h.advance(60);
    expect((await rows(h))[0]!.crawl_status).toBe('Hybrid Crawl');
  });

  test('distribute volumes have an Active worker on every brick', async () => {
    const h = harness(defaultLab());
    await h.xml(P1, 'system::', 'execute', 'gsec_create');
    await h.xml(P1, 'volume', 'geo-replication', 'archive', SEC, 'create', 'push-pem', 'force');
    await h.xml(P1, 'volume', 'geo-replication', 'archive', SEC, 'start');
    h.advance(10);
    expect((await rows(h, 'archive')).map((p) => p.status)).toEqual(['Active', 'Active']);
  });

  test('with a manual clock nothing moves until time is advanced', async () => {
    const h = await session();
    h.advance(300);
    h.sim.writeFiles('home', 500, 1 << 20);
    h.advance(5);
    const a = await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'status', 'detail');
    const b = await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'status', 'detail');
    h.sim.tick();
    const c = await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'status', 'detail');
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    expect(Number(pairs(a.stdout)[0]!.entry)).toBeGreaterThan(0);
  });
});

describe('pending counters and last_synced', () => {
  test('writes show up after change_interval, drain, and move last_synced to the write time', async () => {
    const h = await session();
    h.advance(300);
    const before = (await rows(h))[0]!.last_synced;
    h.sim.writeFiles('home', 600, 1 << 20); // 600 files of 1 MiB
    const writtenAt = new Date(h.clock.now()).toISOString().slice(0, 19).replace('T', ' ');
    h.advance(4); // change_interval is 5 s by default
    expect((await rows(h))[0]).toMatchObject({ entry: '0', data: '0' });
    h.advance(1);
    let p = (await rows(h))[0]!;
    const first = [Number(p.entry), Number(p.data)];
    expect(first[0]).toBeGreaterThan(0);
    expect(first[1]).toBeGreaterThan(0);
    expect(p.last_synced).toBe(before);
    h.advance(3);
    p = (await rows(h))[0]!;
    expect(Number(p.data)).toBeLessThan(first[1]!);
    h.advance(60);
    p = (await rows(h))[0]!;
    expect(p).toMatchObject({ entry: '0', data: '0', meta: '0' });
    expect(p.last_synced).toBe(writtenAt);
  });

  test('writes while stopped or paused wait, and are synced after start or resume', async () => {
    const h = await session();
    h.advance(300);
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'pause');
    h.sim.writeFile('home', 'a.txt', 'hello');
    h.advance(60);
    expect(h.sim.readSecondary('gdr1.lab.example', 'backup-dr', 'a.txt')).toBeNull();
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'resume');
    h.advance(2);
    expect(h.sim.readSecondary('gdr1.lab.example', 'backup-dr', 'a.txt')).toBe('hello');
    // the secondary pool sees it through any of its hosts; the primary pool does not have it
    expect(h.sim.readSecondary('gdr2.lab.example', 'backup-dr', 'a.txt')).toBe('hello');
    expect(h.sim.readSecondary('gdr1.lab.example', 'home-dr', 'a.txt')).toBeNull();
  });
});

describe('checkpoints', () => {
  test('checkpoint now: No until a change after it is synced, then Yes with its completion time', async () => {
    const h = await session();
    h.advance(300);
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'config', 'checkpoint', 'now');
    const cpTime = new Date(h.clock.now()).toISOString().slice(0, 19).replace('T', ' ');
    let p = (await rows(h))[0]!;
    expect(p).toMatchObject({
      checkpoint_completed: 'No',
      checkpoint_time: cpTime,
      checkpoint_completion_time: 'N/A',
    });
    // live mode: nothing newer is processed, so it does not complete on its own
    h.advance(120);
    expect((await rows(h))[0]!.checkpoint_completed).toBe('No');
    h.sim.writeFiles('home', 3);
    h.advance(10);
    p = (await rows(h))[0]!;
    expect(p.checkpoint_completed).toBe('Yes');
    expect(p.checkpoint_completion_time! > cpTime).toBe(true);
    // Passive workers report no checkpoint
    expect((await rows(h))[1]!.checkpoint_completed).toBe('N/A');
  });

  test('a new checkpoint starts over; resetting it hides it', async () => {
    const h = await session();
    h.advance(300);
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'config', 'checkpoint', 'now');
    h.advance(1);
    h.sim.writeFiles('home', 1);
    h.advance(10);
    expect((await rows(h))[0]!.checkpoint_completed).toBe('Yes');
    h.advance(5);
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'config', 'checkpoint', 'now');
    expect((await rows(h))[0]!.checkpoint_completed).toBe('No');
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'config', '!checkpoint');
    expect((await rows(h))[0]).toMatchObject({
      checkpoint_completed: 'N/A',
      checkpoint_time: 'N/A',
    });
  });
});

describe('faults', () => {
  test('an injected fault: Faulty at once, the Passive worker takes over; cleared, it recovers as Passive', async () => {
    const h = await session();
    h.advance(300);
    h.sim.injectWorkerFault(REF, 'gprod1.lab.example:/gluster_bricks/home/brick1', true);
    expect((await rows(h)).map((p) => p.status)).toEqual(['Faulty', 'Passive']);
    expect((await rows(h))[0]).toMatchObject({
      secondary_node: 'N/A',
      crawl_status: 'N/A',
      last_synced: 'N/A',
    });
    h.advance(1);
    expect(brief(await rows(h))).toEqual([
      'gprod1:/gluster_bricks/home/brick1 Faulty N/A',
      'gprod2:/gluster_bricks/home/brick1 Active History Crawl',
    ]);
    // while the fault lasts the monitor keeps restarting the worker, which keeps failing
    h.advance(TIMING.faultyRetry);
    expect((await rows(h))[0]!.status).toBe('Initializing...');
    h.advance(TIMING.retryInit);
    expect((await rows(h))[0]!.status).toBe('Faulty');
    h.sim.injectWorkerFault(REF, 'gprod1.lab.example:/gluster_bricks/home/brick1', false);
    h.advance(TIMING.faultyRetry);
    expect((await rows(h))[0]!.status).toBe('Initializing...');
    h.advance(TIMING.init);
    expect((await rows(h)).map((p) => p.status)).toEqual(['Passive', 'Active']);
  });

  test('a fault injected on a stopped session shows once it starts', async () => {
    const h = await session('home', { start: false });
    h.sim.injectWorkerFault(REF, 'gprod2.lab.example:/gluster_bricks/home/brick1', true);
    expect((await rows(h)).map((p) => p.status)).toEqual(['Created', 'Created']);
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'start');
    h.advance(TIMING.init);
    expect((await rows(h)).map((p) => p.status)).toEqual(['Active', 'Faulty']);
  });

  test('every worker is Faulty while the secondary cannot be reached, and recovers', async () => {
    const h = await session();
    h.advance(300);
    h.sim.setNodeReachable('gdr1.lab.example', false);
    await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'config', 'sync-jobs', '4'); // restart
    h.advance(TIMING.init);
    expect((await rows(h)).map((p) => p.status)).toEqual(['Faulty', 'Faulty']);
    h.sim.setNodeReachable('gdr1.lab.example', true);
    h.advance(TIMING.faultyRetry + TIMING.init);
    expect((await rows(h)).map((p) => p.status)).toEqual(['Active', 'Passive']);
  });

  test('unknown sessions and bricks are programming errors', async () => {
    const h = await session();
    expect(() => h.sim.injectWorkerFault({ ...REF, secondaryVolume: 'x' }, 'a:/b', true)).toThrow(
      /No geo-replication session/,
    );
    expect(() => h.sim.injectWorkerFault(REF, 'gprod1.lab.example:/nope', true)).toThrow(
      /not a brick/,
    );
    expect(() => h.sim.setBrickOnline('home', 'gprod1.lab.example:/nope', false)).toThrow(
      /not a brick/,
    );
    expect(() => h.sim.writeFiles('nope', 1)).toThrow(/Unknown volume/);
  });
});

describe('offline bricks and unreachable nodes', () => {
  test('an offline brick has no row; the other worker of its replica set becomes Active; back, it is Passive', async () => {
    const h = await session();
    h.advance(300);
    h.sim.setBrickOnline('home', 'gprod1.lab.example:/gluster_bricks/home/brick1', false);
    expect(brief(await rows(h))).toEqual(['gprod2:/gluster_bricks/home/brick1 Passive N/A']);
    h.advance(1);
    expect(brief(await rows(h))).toEqual([
      'gprod2:/gluster_bricks/home/brick1 Active History Crawl',
    ]);
    const st = parseXml((await h.xml(P1, 'volume', 'status', 'home')).stdout);
    const brick1 = st.children[3]!.children[0]!.children[0]!.children.find(
      (n) => n.name === 'node',
    )!;
    expect(brick1.children.find((c) => c.name === 'status')!.text).toBe('0');
    h.sim.setBrickOnline('home', 'gprod1.lab.example:/gluster_bricks/home/brick1', true);
    h.advance(1);
    expect((await rows(h)).map((p) => p.status)).toEqual(['Initializing...', 'Active']);
    h.advance(TIMING.init);
    expect((await rows(h)).map((p) => p.status)).toEqual(['Passive', 'Active']);
  });

  test('an unreachable node: run() rejects; its peers see it disconnected and its bricks have no row', async () => {
    const h = await session();
    h.advance(300);
    h.sim.setNodeReachable('gprod2.lab.example', false);
    await expect(h.xml('gprod2.lab.example', 'peer', 'status')).rejects.toBeInstanceOf(
      GlusterUnreachableError,
    );
    expect((await rows(h)).map((p) => p.primary_node)).toEqual(['gprod1.lab.example']);
    const peers = parseXml((await h.xml(P1, 'peer', 'status')).stdout).children.find(
      (c) => c.name === 'peerStatus',
    )!;
    const connected = peers.children.map(
      (p) => p.children.find((c) => c.name === 'connected')!.text,
    );
    expect(connected).toEqual(['0', '0']);
    // Gluster refuses to pause while a peer of the volume is down
    const pause = await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'pause');
    expect(envelope(pause.stdout).opErrstr).toMatch(
      /^Peer gprod2\.lab\.example, which is a part of home volume, is down/,
    );
    h.sim.setNodeReachable('gprod2.lab.example', true);
    expect((await h.xml('gprod2.lab.example', 'peer', 'status')).code).toBe(0);
    // a node that is not up in the lab can be brought back too
    h.sim.setNodeReachable('gprod3.lab.example', true);
    expect((await h.xml('gprod3.lab.example', 'volume', 'list')).code).toBe(0);
  });
});

describe('determinism, calls, latency', () => {
  /** The same story on the same clock readings; `lookEvery` only changes how often status is read in between. */
  async function story(seed: number, lookEvery: number): Promise<string[]> {
    const clock = new ManualClock(T0);
    const sim = new GlusterSimulator({ lab: defaultLab(), clock, seed });
    const out: string[] = [];
    const x = async (...a: string[]) =>
      (await sim.run(P1, ['--mode=script', '--xml', ...a], { timeoutMs: 1000 })).stdout;
    await x('system::', 'execute', 'gsec_create');
    await x('volume', 'geo-replication', 'home', SEC, 'create', 'push-pem', 'force');
    await x('volume', 'geo-replication', 'home', SEC, 'start');
    for (let t = 1; t <= 400; t++) {
      clock.advance(1000);
      if (t === 100) sim.writeFiles('home', 900, 1 << 20);
      if (t === 200)
        sim.injectWorkerFault(REF, 'gprod1.lab.example:/gluster_bricks/home/brick1', true);
      if (t % 50 === 0)
        out.push(await x('volume', 'geo-replication', 'home', SEC, 'status', 'detail'));
      else if (t % lookEvery === 0)
        await x('volume', 'geo-replication', 'home', SEC, 'status', 'detail');
    }
    out.push(
      await x('volume', 'info'),
      await x('volume', 'geo-replication', 'home', SEC, 'config'),
    );
    return out;
  }

  test('same seed and same clock readings: the same output, however often it is looked at', async () => {
    const a = await story(3, 1);
    expect(await story(3, 1)).toEqual(a);
    expect(await story(3, 1000)).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(4); // and it did change over time
  });

  test('another seed: other ids', async () => {
    const a = await story(3, 1000);
    const b = await story(4, 1000);
    expect(b[b.length - 2]).not.toBe(a[a.length - 2]);
  });

  test('callCount counts every gluster invocation', async () => {
    const h = harness(defaultLab());
    expect(h.sim.callCount()).toBe(0);
    await h.xml(P1, 'volume', 'list');
    await h.xml(P1, 'peer', 'status');
    await expect(h.xml('nowhere', 'peer', 'status')).rejects.toThrow();
    expect(h.sim.callCount()).toBe(3);
  });

  test('latency delays answers; more latency than the timeout is a GlusterTimeoutError', async () => {
    const sim = new GlusterSimulator({
      lab: defaultLab(),
      clock: new ManualClock(T0),
      latencyMs: 30,
    });
    const t0 = Date.now();
    expect((await sim.run(P1, ['--xml', 'volume', 'list'], { timeoutMs: 1000 })).code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    await expect(sim.run(P1, ['--xml', 'volume', 'list'], { timeoutMs: 5 })).rejects.toBeInstanceOf(
      GlusterTimeoutError,
    );
  });
});
