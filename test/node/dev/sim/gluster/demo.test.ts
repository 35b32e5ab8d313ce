// The `npm start` lab: sessions in every state, deterministic, and alive as time passes.
import { defaultLab } from '../../../../../dev/lab';
import { demoSimulator, ManualClock } from '../../../../../dev/sim/gluster';
import { envelope, pairs, parseXml, T0 } from '../../../../support/sim-helpers';

const P1 = 'gprod1.lab.example';

async function allStatus(clock: ManualClock) {
  const sim = demoSimulator(defaultLab(), clock);
  const r = await sim.run(
    P1,
    ['--mode=script', '--xml', 'volume', 'geo-replication', 'status', 'detail'],
    { timeoutMs: 1000 },
  );
  return { sim, r };
}

function bySession(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const root = parseXml(stdout);
  for (const vol of root.children.find((c) => c.name === 'geoRep')!.children) {
    const name = vol.children[0]!.text;
    for (const s of vol.children[1]!.children) {
      const sec = s.children[1]!.children.find((c) => c.name === 'secondary')!.text.replace(
        'ssh://',
        '',
      );
      out[`${name} -> ${sec}`] = s.children
        .filter((c) => c.name === 'pair')
        .map(
          (p) =>
            `${p.children[0]!.text.split('.')[0]} ${p.children.find((c) => c.name === 'status')!.text}`,
        );
    }
  }
  return out;
}

describe('demoSimulator', () => {
  test('sessions in every state', async () => {
    const { r } = await allStatus(new ManualClock(T0));
    expect(bySession(r.stdout)).toEqual({
      'archive -> gdr1.lab.example::archive-dr': ['gprod1 Paused', 'gprod2 Paused'],
      'data -> gdr1.lab.example::data-dr': [
        'gprod1 Active',
        'gprod2 Passive',
        'gprod1 Active',
        'gprod2 Passive',
      ],
      'home -> gdr2.lab.example::home-dr': ['gprod1 Stopped', 'gprod2 Stopped'],
      'vmstore -> gdr1.lab.example::vmstore-dr': ['gprod1 Faulty', 'gprod2 Active'],
      'vmstore -> backup.remote.example::vmstore-backup': ['gprod1 Created', 'gprod2 Created'],
    });
  });

  test('data is in Changelog Crawl with a completed checkpoint; its gprod3 bricks have no row', async () => {
    const { r } = await allStatus(new ManualClock(T0));
    const data = pairs(r.stdout).filter(
      (p) => p.secondary === 'ssh://gdr1.lab.example::data-dr' && p.status === 'Active',
    );
    expect(data).toHaveLength(2);
    for (const p of data) {
      expect(p).toMatchObject({ crawl_status: 'Changelog Crawl', checkpoint_completed: 'Yes' });
      expect(Date.parse(`${p.last_synced}Z`)).toBeGreaterThan(T0 - 120_000);
    }
    expect(pairs(r.stdout).some((p) => p.primary_node === 'gprod3.lab.example')).toBe(false);
  });

  test('deterministic for a clock reading, and alive as time passes', async () => {
    const clock = new ManualClock(T0);
    const a = await allStatus(clock);
    const b = await allStatus(new ManualClock(T0));
    expect(b.r.stdout).toBe(a.r.stdout);
    const lastSynced = () =>
      pairs(a.r.stdout).find((p) => p.status === 'Active' && p.primary_brick!.includes('/data/'))!
        .last_synced!;
    const before = lastSynced();
    clock.advance(120_000);
    a.r = await a.sim.run(P1, ['--xml', 'volume', 'geo-replication', 'status'], {
      timeoutMs: 1000,
    });
    expect(lastSynced() > before).toBe(true);
  });

  test('Gluster refuses what it refuses in this lab: pausing data (gprod3 is down), resuming home', async () => {
    const { sim } = await allStatus(new ManualClock(T0));
    const geo = async (...a: string[]) =>
      envelope(
        (
          await sim.run(P1, ['--mode=script', '--xml', 'volume', 'geo-replication', ...a], {
            timeoutMs: 1000,
          })
        ).stdout,
      );
    expect((await geo('data', 'gdr1.lab.example::data-dr', 'pause')).opErrstr).toBe(
      'Peer gprod3.lab.example, which is a part of data volume, is down. Please bring up the peer and retry.',
    );
    expect((await geo('home', 'gdr2.lab.example::home-dr', 'resume')).opRet).toBe(1);
    expect((await geo('archive', 'gdr1.lab.example::archive-dr', 'resume')).opRet).toBe(0);
    expect((await geo('home', 'gdr2.lab.example::home-dr', 'start')).opRet).toBe(0);
    // left free for a new session: backup-dr, empty and big
    expect((await geo('home', 'gdr1.lab.example::backup-dr', 'create', 'push-pem')).opRet).toBe(0);
    expect(
      (await geo('home', 'backup.remote.example::home-backup', 'create', 'push-pem')).opRet,
    ).toBe(0);
  });
});
