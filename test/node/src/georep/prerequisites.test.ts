// Gluster's prerequisites as pure rules (src/georep/prerequisites.ts): versions as gverify compares
// them, the sharding rules, the meta-volume, and `gluster-mountbroker status`.
import fs from 'node:fs';
import path from 'node:path';
import {
  compareGlusterVersions,
  mountbrokerNeeds,
  parseGlusterVersion,
  parseMountbrokerStatus,
  parseSize,
  shardingChecks,
  sharedStorageEnabled,
  turnsMetaVolumeOn,
  usesTarssh,
  validateMountRoot,
  versionCheck,
  type VolumeOptions,
} from '../../../../src/georep/prerequisites';
import { parseCliXml, parseVolumeInfo } from '../../../../server/gluster/xml';
import { fixture } from '../../../support/gluster-fixtures';

const G11 = path.resolve(__dirname, '../../../fixtures/gluster-11');
const g11 = (f: string): string => fs.readFileSync(path.join(G11, f), 'utf8');

const virt = {
  'features.shard': 'on',
  'features.shard-block-size': '64MB',
  'performance.strict-o-direct': 'on',
  'network.remote-dio': 'disable',
  'cluster.eager-lock': 'enable',
  'performance.quick-read': 'off',
  'performance.read-ahead': 'off',
  'performance.io-cache': 'off',
  'storage.owner-uid': '36',
  'storage.owner-gid': '36',
};
const vol = (name: string, options: Record<string, string>): VolumeOptions => ({ name, options });
const byId = (cs: ReturnType<typeof shardingChecks>, id: string) => cs.find((c) => c.id === id);

describe('Gluster versions, as gverify reads and compares them', () => {
  test.each([
    ['glusterfs 10.3\nRepository revision: git://git.gluster.org/glusterfs.git', '10.3', 10, 3],
    ['glusterfs 3.12.15', '3.12.15', 3, 12],
    ['glusterfs 9.6', '9.6', 9, 6],
    ['glusterfs 10.3-5', '10.3-5', 10, 3],
    ['11.1', '11.1', 11, 1],
  ])('%j parses to %s', (out, text, major, minor) => {
    expect(parseGlusterVersion(out)).toEqual({ text, major, minor });
  });

  test("Gluster 11's own --version text parses (fixture from its source)", () => {
    expect(parseGlusterVersion(g11('version.txt'))).toEqual({ text: '11.1', major: 11, minor: 1 });
  });

  test.each(['', 'gluster: command not found', 'glusterfs', 'glusterfs ten'])(
    '%j is not a version',
    (out) => expect(parseGlusterVersion(out)).toBeNull(),
  );

  test('numbers compare numerically: 10.10 is newer than 10.3, 11.1 than 10.10', () => {
    const v = (s: string) => parseGlusterVersion(s)!;
    expect(compareGlusterVersions(v('10.10'), v('10.3'))).toBe(1);
    expect(compareGlusterVersions(v('10.10'), v('11.1'))).toBe(-1);
    expect(compareGlusterVersions(v('3.12.15'), v('10.3'))).toBe(-1);
  });

  test('the same version passes', () => {
    expect(versionCheck('glusterfs 10.3', 'glusterfs 10.3').outcome).toBe('pass');
  });

  test('an older secondary fails (forceable), saying it is older', () => {
    const c = versionCheck('glusterfs 11.1', 'glusterfs 10.3');
    expect(c).toMatchObject({ outcome: 'fail', severity: 'forceable' });
    expect(c.evidence).toMatch(/OLDER/);
  });

  test('a newer secondary also fails (gverify refuses any mismatch unless forced), as the upgrade order', () => {
    const c = versionCheck('glusterfs 10.3', 'glusterfs 11.1');
    expect(c).toMatchObject({ outcome: 'fail', severity: 'forceable' });
    expect(c.evidence).toMatch(/version mismatch/);
    expect(c.evidence).not.toMatch(/OLDER/);
  });

  test('a version that cannot be read is skipped, not passed', () => {
    expect(versionCheck('glusterfs 10.3', null).outcome).toBe('skipped');
  });
});

describe('Gluster 11 volume info (distCount changed in 11.0)', () => {
  test('the sharded 2 x 3 volume parses with its options and bricks, whatever distCount says', () => {
    for (const f of ['volume-info-sharded-2x3.xml', 'volume-info-sharded-2x3-mixed.xml']) {
      const [v] = parseVolumeInfo(parseCliXml(g11(f))!);
      expect(v).toMatchObject({
        name: 'vmstore',
        status: 'Started',
        type: 'Distributed-Replicate',
        replica_count: 3,
        brick_count: 6,
      });
      expect(v!.bricks).toHaveLength(6);
      expect(v!.options['features.shard']).toBe('on');
    }
  });

  test('the two spellings of distCount really differ (the fixture covers the change)', () => {
    expect(g11('volume-info-sharded-2x3.xml')).toContain('<distCount>2</distCount>');
    expect(g11('volume-info-sharded-2x3-mixed.xml')).toContain('<distCount>3</distCount>');
  });

  test('10.3 volume info still parses', () => {
    const vols = parseVolumeInfo(parseCliXml(fixture('volume-info.xml').stdout)!);
    expect(vols.map((v) => v.name)).toEqual(['master', 'slave']);
  });
});

describe('sharding', () => {
  test('an unsharded primary has nothing to check', () => {
    expect(shardingChecks(vol('data', {}), vol('data-dr', {}), {})).toEqual([]);
  });

  test('sharded -> sharded with the same block size passes', () => {
    const cs = shardingChecks(vol('vmstore', virt), vol('vmstore-dr', virt), {});
    expect(byId(cs, 'sharding')!.outcome).toBe('pass');
    expect(byId(cs, 'sharding_sync_method')!.outcome).toBe('pass');
    expect(byId(cs, 'vm_image_settings')!.outcome).toBe('pass');
  });

  test('sharded -> unsharded is a blocker naming what to set', () => {
    const c = byId(shardingChecks(vol('vmstore', virt), vol('plain', {}), {}), 'sharding')!;
    expect(c).toMatchObject({ outcome: 'fail', severity: 'blocker' });
    expect(c.evidence).toMatch(/plain is not/);
    expect(c.evidence).toMatch(/group virt/);
  });

  test('different block sizes are a blocker; an unset size is the 64MB default', () => {
    const c = byId(
      shardingChecks(
        vol('vmstore', virt),
        vol('dr', { ...virt, 'features.shard-block-size': '512MB' }),
        {},
      ),
      'sharding',
    )!;
    expect(c).toMatchObject({ outcome: 'fail', severity: 'blocker' });
    expect(c.evidence).toMatch(/64MB.*512MB/);
    const { ['features.shard-block-size']: _, ...noSize } = virt;
    expect(
      byId(shardingChecks(vol('vmstore', virt), vol('dr', noSize), {}), 'sharding')!.outcome,
    ).toBe('pass');
  });

  test('sizes compare in bytes: 64MB equals 65536KB', () => {
    expect(parseSize('64MB')).toBe(parseSize('65536KB'));
    const c = byId(
      shardingChecks(
        vol('vmstore', virt),
        vol('dr', { ...virt, 'features.shard-block-size': '65536KB' }),
        {},
      ),
      'sharding',
    )!;
    expect(c.outcome).toBe('pass');
  });

  test.each([
    [{ 'sync-method': 'tarssh' }],
    [{ sync_method: 'tarssh' }],
    [{ 'use-tarssh': 'true' }],
  ])('tarssh with sharding is refused (%j)', (config) => {
    const c = byId(
      shardingChecks(vol('vmstore', virt), vol('dr', virt), config),
      'sharding_sync_method',
    )!;
    expect(c).toMatchObject({ outcome: 'fail', severity: 'blocker' });
    expect(c.evidence).toMatch(/rsync/);
  });

  test('rsync with sharding passes; tarssh without sharding says nothing', () => {
    expect(usesTarssh({ 'sync-method': 'rsync' })).toBe(false);
    expect(shardingChecks(vol('data', {}), vol('dr', {}), { 'sync-method': 'tarssh' })).toEqual([]);
  });

  test('the VM-image settings missing on the secondary are a warning that never blocks', () => {
    const c = byId(
      shardingChecks(
        vol('vmstore', virt),
        vol('dr', { 'features.shard': 'on', 'network.remote-dio': 'enable' }),
        {},
      ),
      'vm_image_settings',
    )!;
    expect(c).toMatchObject({ outcome: 'fail', severity: 'info' });
    expect(c.evidence).toMatch(/performance\.strict-o-direct=on/);
    expect(c.evidence).toMatch(/network\.remote-dio=disable \(is enable\)/);
    expect(c.evidence).toMatch(/storage\.owner-uid=36/);
  });

  test('the secondary unknown: the sharding check is skipped, not passed', () => {
    expect(byId(shardingChecks(vol('vmstore', virt), null, {}), 'sharding')!.outcome).toBe(
      'skipped',
    );
  });
});

describe('use-meta-volume', () => {
  test.each([
    [{ 'use-meta-volume': 'true' }, true],
    [{ use_meta_volume: 'yes' }, true],
    [{ 'use-meta-volume': true }, true],
    [{ 'use-meta-volume': 'false' }, false],
    [{}, false],
  ])('%j turns it on: %s', (config, on) => expect(turnsMetaVolumeOn(config)).toBe(on));

  // Real Gluster 10.3 prints a value left at its default with a suffix (seen on the lab).
  test.each([
    ['disable (DEFAULT)', false],
    ['enable', true],
    ['disable', false],
    ['enable (DEFAULT)', true],
    ['', null],
  ])('cluster.enable-shared-storage %j reads as %s', (value, on) =>
    expect(sharedStorageEnabled(value)).toBe(on),
  );
});

describe('gluster-mountbroker status', () => {
  const real = fixture('extra/mountbroker-status.txt').stdout;

  test('the real 10.3 table parses', () => {
    expect(parseMountbrokerStatus(real)).toEqual([
      {
        node: 'localhost',
        up: true,
        mount_root: '/var/mountbroker-root',
        mount_root_ok: true,
        group: 'geogroup',
        group_ok: true,
        users: { geoaccount: ['slave2'] },
      },
    ]);
  });

  const none = [
    '+-----------+-------------+------------+-------+-------+',
    '|    NODE   | NODE STATUS | MOUNT ROOT | GROUP | USERS |',
    '+-----------+-------------+------------+-------+-------+',
    '| localhost |          UP |    None    |  None |  None |',
    '|   gdr2    |        DOWN |    None    |  None |  None |',
    '+-----------+-------------+------------+-------+-------+',
  ].join('\n');

  test('a node never set up, as Gluster 10.3 prints it: GROUP "(NOT OK)" is no group', () => {
    const t = [
      '+-----------+-------------+------------+----------+-------+',
      '|    NODE   | NODE STATUS | MOUNT ROOT |  GROUP   | USERS |',
      '+-----------+-------------+------------+----------+-------+',
      '| localhost |          UP |    None    | (NOT OK) |  None |',
      '+-----------+-------------+------------+----------+-------+',
    ].join('\n');
    const st = parseMountbrokerStatus(t)!;
    expect(st[0]).toMatchObject({ mount_root: null, group: null, group_ok: false, users: {} });
    expect(
      mountbrokerNeeds(st, {
        root: '/var/mountbroker-root',
        group: 'geogroup',
        user: 'geoaccount',
        volume: 'dr',
      }),
    ).toEqual({ setup: true, add: true, down: [], other_group: [] });
  });

  test('nodes without a mountbroker, and a DOWN node', () => {
    const st = parseMountbrokerStatus(none)!;
    expect(st.map((n) => [n.node, n.up, n.mount_root, n.group])).toEqual([
      ['localhost', true, null, null],
      ['gdr2', false, null, null],
    ]);
    expect(
      mountbrokerNeeds(st, {
        root: '/var/mountbroker-root',
        group: 'geogroup',
        user: 'geoaccount',
        volume: 'dr',
      }),
    ).toEqual({
      setup: true,
      add: true,
      down: ['gdr2'],
      other_group: [],
    });
  });

  test('a node set up already for that user and volume needs nothing', () => {
    const st = parseMountbrokerStatus(real)!;
    expect(
      mountbrokerNeeds(st, {
        root: '/var/mountbroker-root',
        group: 'geogroup',
        user: 'geoaccount',
        volume: 'slave2',
      }),
    ).toEqual({ setup: false, add: false, down: [], other_group: [] });
    expect(
      mountbrokerNeeds(st, {
        root: '/var/mountbroker-root',
        group: 'geogroup',
        user: 'geoaccount',
        volume: 'other',
      }).add,
    ).toBe(true);
    expect(
      mountbrokerNeeds(st, {
        root: '/var/mountbroker-root',
        group: 'geo2',
        user: 'geoaccount',
        volume: 'slave2',
      }),
    ).toMatchObject({ setup: true, other_group: [{ node: 'localhost', group: 'geogroup' }] });
  });

  test('several users and volumes in one cell', () => {
    const t = real.replace('geoaccount(slave2) ', 'geoaccount(slave2, dr) bk(x)');
    expect(parseMountbrokerStatus(t)![0]!.users).toEqual({
      geoaccount: ['slave2', 'dr'],
      bk: ['x'],
    });
  });

  test('anything else is not the table', () => {
    expect(parseMountbrokerStatus('gluster-mountbroker: command not found')).toBeNull();
  });
});

describe('mountbroker root', () => {
  test.each(['/var/mountbroker-root', '/srv/geo_mb'])('%s is accepted', (p) =>
    expect(validateMountRoot(p)).toBeNull(),
  );
  test.each([
    ['var/mb', /absolute/],
    ['/var/mb root', /only letters/],
    ['/var/../etc', /"\.\."/],
    ['/', /system directory/],
    ['/etc/mb', /system directory/],
    ['/var/mb;rm', /only letters/],
  ])('%s is refused', (p, why) => expect(validateMountRoot(p)).toMatch(why));
});
