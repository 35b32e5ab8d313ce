// Structural fidelity: the simulator is driven through the same story as the recipe that captured
// the real Gluster 10.3 fixtures (create, configure, start, checkpoint, pause, stop, restart,
// delete), with the fixtures' own argv, on a lab that mirrors the capture machine. Each answer
// must have the fixture's element tree (names, nesting, order, attributes, values except ids,
// times and pids), its bytes once those are masked, its stderr and its exit code.
import fs from 'node:fs';
import path from 'node:path';
import type { ExecResult } from '../../../../../server/gluster/exec';
import {
  FIXTURES,
  fixture,
  fixtureLab,
  harness,
  maskText,
  parseXml,
  treeDiff,
  VOLATILE,
  type Fixture,
} from '../../../../support/sim-helpers';

interface Captured {
  fixture: Fixture;
  result: ExecResult;
}

const captured = new Map<string, Captured>();

async function buildMainStory(): Promise<void> {
  const h = harness(fixtureLab());
  const capture = async (name: string): Promise<void> => {
    const f = fixture(name);
    captured.set(name, { fixture: f, result: await h.gluster('vm', ...f.argv!) });
  };
  const geo = (...args: string[]) =>
    h.gluster('vm', '--mode=script', 'volume', 'geo-replication', 'master', 'vm::slave', ...args);

  // recipe `up`: changelog.rollover-time 3 on the primary; `georep`: keys, create, config, start
  const master = h.sim.world.volumes.find((v) => v.name === 'master')!;
  h.sim.world.setOption(master, 'changelog.rollover-time', '3');
  await h.gluster('vm', '--mode=script', 'system::', 'execute', 'gsec_create');
  expect((await geo('create', 'ssh-port', '22', 'push-pem', 'force')).code).toBe(0);
  await geo('config', 'sync-method', 'tarssh');
  await geo('config', 'change-interval', '1');
  for (const n of [
    'georep-status-created.xml',
    'georep-status-detail-created.xml',
    'georep-status-created.txt',
  ]) {
    await capture(n);
  }
  await geo('start');
  h.advance(30);
  // recipe `test` + `barrier`: files, checkpoint now, one more change, wait for completion
  h.sim.writeFiles('master', 7, 1 << 20);
  h.advance(5);
  await geo('config', 'checkpoint', 'now');
  h.advance(1);
  h.sim.writeFiles('master', 1, 30);
  h.advance(10);
  for (const n of [
    'volume-info.xml',
    'volume-info-master.xml',
    'volume-status.xml',
    'volume-status-all-detail.xml',
    'volume-status-master.xml',
    'volume-list.xml',
    'peer-status.xml',
    'pool-list.xml',
    'volume-info.txt',
    'volume-status.txt',
    'georep-status-all.xml',
    'georep-status-all-detail.xml',
    'georep-status-volume.xml',
    'georep-status-active.xml',
    'georep-status-detail-active.xml',
    'georep-status-trailing-xml.xml',
    'georep-status-detail-trailing-xml.xml',
    'georep-status-active.txt',
    'georep-status-detail-active.txt',
    'georep-config.xml',
    'georep-config.txt',
    'georep-config-get-sync-jobs.xml',
    'georep-config-get-sync-jobs.txt',
    'georep-config-trailing-xml.xml',
    'georep-status-nonexistent-session.xml',
    'georep-create-invalid-url.xml',
    'georep-create-invalid-url.txt',
    // state transitions
    'georep-pause.xml',
    'georep-status-paused.xml',
    'georep-status-detail-paused.xml',
    'georep-status-paused.txt',
    'georep-pause-again.xml',
    'georep-resume.xml',
    'georep-stop.xml',
    'georep-status-stopped.xml',
    'georep-status-detail-stopped.xml',
    'georep-status-stopped.txt',
    'georep-stop-again.xml',
    'georep-start.xml',
  ]) {
    await capture(n);
  }
  h.advance(30);
  await capture('georep-status-after-restart.xml');
  // recipe `down`
  for (const n of [
    'georep-delete-while-running.xml',
    'georep-stop-force.xml',
    'georep-delete.xml',
    'georep-status-all-none.xml',
    'georep-status-deleted-session.xml',
    'georep-status-all-none.txt',
  ]) {
    await capture(n);
  }
}

/** The extra/ fixtures: a second (mountbroker) session, a checkpoint pending, then completed. */
async function buildExtraStory(): Promise<void> {
  const h = harness(fixtureLab({ mountbroker: true }));
  const put = (name: string, result: ExecResult): void => {
    const f = fixture(`extra/${name}`);
    captured.set(`extra/${name}`, { fixture: f, result });
  };
  const geo = (secondary: string, ...args: string[]) =>
    h.gluster('vm', '--mode=script', 'volume', 'geo-replication', 'master', secondary, ...args);
  await h.gluster('vm', '--mode=script', 'system::', 'execute', 'gsec_create');
  await geo('vm::slave', 'create', 'push-pem', 'force');
  await geo('vm::slave', 'start');
  h.advance(30);
  await geo('geoaccount@vm::slave2', 'create', 'push-pem', 'force');
  await geo('geoaccount@vm::slave2', 'start');
  h.advance(30);
  // a restart: the mountbroker worker comes back through a History Crawl
  await geo('geoaccount@vm::slave2', 'stop');
  await geo('geoaccount@vm::slave2', 'start');
  h.advance(5);
  put(
    'georep-status-all-two-sessions.xml',
    await h.gluster('vm', '--xml', 'volume', 'geo-replication', 'status'),
  );
  put(
    'georep-status-detail-mountbroker.xml',
    await h.gluster(
      'vm',
      '--xml',
      'volume',
      'geo-replication',
      'master',
      'geoaccount@vm::slave2',
      'status',
      'detail',
    ),
  );
  // the text capture was taken a moment later, once the History Crawl was over
  h.advance(2);
  put(
    'georep-status-all-two-sessions.txt',
    await h.gluster('vm', 'volume', 'geo-replication', 'status'),
  );
  h.advance(30);
  await geo('vm::slave', 'config', 'checkpoint', 'now');
  put(
    'georep-status-detail-checkpoint.xml',
    await h.gluster(
      'vm',
      '--xml',
      'volume',
      'geo-replication',
      'master',
      'vm::slave',
      'status',
      'detail',
    ),
  );
  // the barrier's kick: a change after the checkpoint, stop + start, History Crawl completes it
  h.advance(2);
  h.sim.writeFiles('master', 1, 10);
  h.advance(5);
  await geo('vm::slave', 'stop');
  await geo('vm::slave', 'start');
  h.advance(5);
  put(
    'georep-status-detail-checkpoint-completed.xml',
    await h.gluster(
      'vm',
      '--xml',
      'volume',
      'geo-replication',
      'master',
      'vm::slave',
      'status',
      'detail',
    ),
  );
}

beforeAll(async () => {
  await buildMainStory();
  await buildExtraStory();
});

const allFixtures = [
  ...fs.readdirSync(FIXTURES).filter((f) => /\.(xml|txt)$/.test(f)),
  ...fs
    .readdirSync(path.join(FIXTURES, 'extra'))
    .filter((f) => /\.(xml|txt)$/.test(f) && f !== 'mountbroker-status.txt')
    .map((f) => `extra/${f}`),
];

test('every captured fixture is covered by the story', () => {
  expect([...captured.keys()].sort()).toEqual(allFixtures.sort());
});

describe.each(allFixtures)('%s', (name) => {
  const get = (): Captured => {
    const c = captured.get(name);
    if (!c) throw new Error(`${name} was not captured`);
    return c;
  };

  if (
    name.endsWith('.xml') &&
    fs.readFileSync(path.join(FIXTURES, name), 'utf8').startsWith('<?xml')
  ) {
    test('has the element tree of the fixture', () => {
      const { fixture: f, result } = get();
      expect(
        treeDiff(parseXml(result.stdout), parseXml(f.stdout), { ignoreValues: VOLATILE }),
      ).toEqual([]);
    });
  }

  test('prints the same bytes once ids, times and pids are masked', () => {
    const { fixture: f, result } = get();
    expect(maskText(result.stdout)).toBe(maskText(f.stdout));
    expect(result.stderr).toBe(f.stderr);
  });

  if (!name.startsWith('extra/')) {
    test('exits with the fixture exit code', () => {
      const { fixture: f, result } = get();
      expect(result.code).toBe(f.rc);
    });
  }
});
