// The simulator's deaf worker (Gluster 10.3's live-sync race, shared/reference/gluster-local.md):
// healthy by every field the CLI prints, changes written after it went live never arrive, and
// the evidence on its node says so; a restart (a config reset) replays them. The sim probe reads
// that evidence and the session's gsyncd.log as the real probe reads a node's files.
import { simProbe } from '../../../../../dev/sim/gluster';
import { classifyEvidence, stallThresholds } from '../../../../../src/georep/stall';
import { HOME_DR, liveHomeSession, pairs, type Harness } from '../../../../support/sim-helpers';

const { node: P1, secondary: SEC, ref: REF, key: KEY, brick: BRICK } = HOME_DR;
const live = liveHomeSession;

const active = async (h: Harness) =>
  pairs(
    (await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'status', 'detail')).stdout,
  ).find((p) => p.status === 'Active')!;

test('a deaf worker looks healthy, never syncs a new write, and its node shows the stall', async () => {
  const h = await live();
  h.sim.setWorkerDeaf(REF, `${P1}:${BRICK}`, true);
  h.sim.writeFile('home', 'after.txt', 'written while deaf');
  h.advance(120);
  expect(await active(h)).toMatchObject({
    status: 'Active',
    crawl_status: 'Changelog Crawl',
    entry: '0',
    data: '0',
    failures: '0',
  });
  expect(h.sim.readSecondary('gdr1.lab.example', 'backup-dr', 'after.txt')).toBeNull();

  const probe = simProbe(h.sim);
  const ev = await probe.evidence(P1, KEY, [BRICK]);
  const b = ev.bricks[0]!;
  expect(b).toMatchObject({ error: null, pending: 1, processing: 0 });
  expect(b.now - b.oldest_pending!).toBe(120);
  expect(classifyEvidence(b, stallThresholds(15, ev.change_interval ?? 5))).toBe('stalled');
});

test('a restart replays what the deaf worker missed; a healthy one is idle', async () => {
  const h = await live();
  h.sim.setWorkerDeaf(REF, `${P1}:${BRICK}`, true);
  h.sim.writeFile('home', 'after.txt', 'written while deaf');
  h.advance(60);
  await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'config', '!sync-jobs');
  h.advance(60);
  expect(h.sim.readSecondary('gdr1.lab.example', 'backup-dr', 'after.txt')).toBe(
    'written while deaf',
  );
  const ev = await simProbe(h.sim).evidence(P1, KEY, [BRICK]);
  expect(classifyEvidence(ev.bricks[0]!, stallThresholds())).toBe('idle');
});

test('a busy healthy worker is never stalled', async () => {
  const h = await live();
  h.sim.writeFiles('home', 5000, 1024 * 1024);
  h.advance(10);
  const ev = await simProbe(h.sim).evidence(P1, KEY, [BRICK]);
  expect(ev.bricks[0]!.processing).toBeGreaterThan(0);
  expect(classifyEvidence(ev.bricks[0]!, stallThresholds(15, 5))).toBe('busy');
});

test('deafChance 1: every restart comes up deaf again', async () => {
  const h = await live();
  h.sim.setDeafChance(1);
  await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'config', '!sync-jobs');
  h.advance(30);
  h.sim.writeFile('home', 'x.txt', 'x');
  h.advance(60);
  expect(h.sim.readSecondary('gdr1.lab.example', 'backup-dr', 'x.txt')).toBeNull();
});

test("a Faulty worker's log says why, in gsyncd's words", async () => {
  const h = await live();
  h.sim.setPasswordlessSsh('gdr1.lab.example', 'root', false);
  h.advance(30);
  const log = await simProbe(h.sim).workerLog(P1, KEY, BRICK);
  expect(log.file).toBe(
    '/var/log/glusterfs/geo-replication/home_gdr1.lab.example_backup-dr/gsyncd.log',
  );
  expect(log.entries.map((e) => e.text).join('\n')).toMatch(
    /Permission denied \(publickey,password\)/,
  );
  expect(log.entries.every((e) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(e.time ?? ''))).toBe(
    true,
  );
});
