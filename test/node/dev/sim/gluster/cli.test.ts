// The session state machine and Gluster's refusals, on the demo lab (dev/lab.ts): what each
// action answers in each state (opRet, opErrno, Gluster's words), create's checks (gverify, keys,
// existing sessions, peers), config validation, and the CLI's own refusals.
import { defaultLab, type Lab } from '../../../../../dev/lab';
import { GlusterUnreachableError } from '../../../../../server/gluster/exec';
import { envelope, harness, pairs, parseXml, type Harness } from '../../../../support/sim-helpers';

const P1 = 'gprod1.lab.example';
const P2 = 'gprod2.lab.example';
const HOME_DR = 'gdr2.lab.example::home-dr';

/** The demo lab with every Gluster host up (no peer is down). */
function allUpLab(): Lab {
  const lab = defaultLab();
  for (const h of lab.hosts) if (h.status !== 'up' && h.gluster_version) h.status = 'up';
  return lab;
}

async function geo(h: Harness, node: string, pvol: string, sec: string, ...args: string[]) {
  const r = await h.xml(node, 'volume', 'geo-replication', pvol, sec, ...args);
  expect(r.code).toBe(0); // with --xml the exit code is 0 whatever opRet says
  return envelope(r.stdout);
}

async function statuses(h: Harness, node: string, pvol: string, sec: string): Promise<string[]> {
  const r = await h.xml(node, 'volume', 'geo-replication', pvol, sec, 'status', 'detail');
  return pairs(r.stdout).map((p) => p.status!);
}

/** home -> gdr2::home-dr created (keys first); force: home-dr already holds files in the lab. */
async function createdHome(lab: Lab = defaultLab()): Promise<Harness> {
  const h = harness(lab);
  await h.xml(P1, 'system::', 'execute', 'gsec_create');
  const r = await geo(h, P1, 'home', HOME_DR, 'create', 'push-pem', 'force');
  expect(r).toEqual({ opRet: 0, opErrno: 0, opErrstr: '' });
  return h;
}

describe('session state machine', () => {
  test('created -> start -> pause -> resume -> stop -> delete, each answered as Gluster does', async () => {
    const h = await createdHome();
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Created', 'Created']);
    expect(await geo(h, P1, 'home', HOME_DR, 'start')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: '',
    });
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Initializing...', 'Initializing...']);
    h.advance(10);
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Active', 'Passive']);
    expect(await geo(h, P1, 'home', HOME_DR, 'pause')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: '',
    });
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Paused', 'Paused']);
    expect(await geo(h, P1, 'home', HOME_DR, 'resume')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: '',
    });
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Active', 'Passive']);
    expect(await geo(h, P1, 'home', HOME_DR, 'stop')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: '',
    });
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Stopped', 'Stopped']);
    expect(await geo(h, P1, 'home', HOME_DR, 'delete')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: 'delete successful',
    });
    const gone = await h.xml(P1, 'volume', 'geo-replication', 'home', HOME_DR, 'status');
    expect(gone).toEqual({ stdout: 'geo-replication command failed\n', stderr: '', code: 2 });
  });

  test('refusals in each state carry Gluster opRet, errno 30800 and its words', async () => {
    const h = await createdHome();
    const notPaused =
      'Geo-replication session between home and gdr2.lab.example::home-dr is not Paused.';
    // Created: not running
    expect(await geo(h, P1, 'home', HOME_DR, 'stop')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: 'geo-replication is not set up',
    });
    expect(await geo(h, P1, 'home', HOME_DR, 'pause')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: 'geo-replication is not set up',
    });
    expect(await geo(h, P1, 'home', HOME_DR, 'resume')).toEqual({
      opRet: 1,
      opErrno: 30800,
      opErrstr: notPaused,
    });
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Created', 'Created']);
    // Started
    await geo(h, P1, 'home', HOME_DR, 'start');
    expect(await geo(h, P1, 'home', HOME_DR, 'start')).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr: 'geo-replication session between home & gdr2.lab.example::home-dr already started',
    });
    expect(await geo(h, P1, 'home', HOME_DR, 'resume')).toEqual({
      opRet: 1,
      opErrno: 30800,
      opErrstr: notPaused,
    });
    expect(await geo(h, P1, 'home', HOME_DR, 'delete')).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr:
        'geo-replication session between home & gdr2.lab.example::home-dr is still active. Please stop the session and retry.',
    });
    // Paused
    await geo(h, P1, 'home', HOME_DR, 'pause');
    expect(await geo(h, P1, 'home', HOME_DR, 'pause')).toEqual({
      opRet: 1,
      opErrno: 30800,
      opErrstr:
        'Geo-replication session between home and gdr2.lab.example::home-dr already Paused.',
    });
    expect((await geo(h, P1, 'home', HOME_DR, 'start')).opRet).toBe(-1);
    expect((await geo(h, P1, 'home', HOME_DR, 'delete')).opRet).toBe(-1);
    expect(await geo(h, P1, 'home', HOME_DR, 'pause', 'force')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: '',
    });
    // Stopped (stop works on a paused session)
    expect((await geo(h, P1, 'home', HOME_DR, 'stop')).opRet).toBe(0);
    expect(await geo(h, P1, 'home', HOME_DR, 'stop')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: 'geo-replication is not set up',
    });
    expect(await geo(h, P1, 'home', HOME_DR, 'stop', 'force')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: '',
    });
    expect(await geo(h, P1, 'home', HOME_DR, 'resume')).toEqual({
      opRet: 1,
      opErrno: 30800,
      opErrstr: notPaused,
    });
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Stopped', 'Stopped']);
  });

  test('opRet of a pause/resume refusal is the number of local bricks of the volume on the node', async () => {
    const h = harness(allUpLab());
    await h.xml(P1, 'system::', 'execute', 'gsec_create');
    await geo(h, P1, 'data', 'gdr1.lab.example::backup-dr', 'create', 'push-pem');
    await geo(h, P1, 'data', 'gdr1.lab.example::backup-dr', 'start');
    await geo(h, P1, 'data', 'gdr1.lab.example::backup-dr', 'pause');
    // data has two bricks on gprod1
    expect((await geo(h, P1, 'data', 'gdr1.lab.example::backup-dr', 'pause')).opRet).toBe(2);
  });

  test('a node holding no brick of the volume cannot stop, pause or resume it', async () => {
    const h = await createdHome(allUpLab());
    await geo(h, P1, 'home', HOME_DR, 'start');
    const msg =
      'geo-replication session b/w home & gdr2.lab.example::home-dr is not running on this node.';
    expect(await geo(h, 'gprod3.lab.example', 'home', HOME_DR, 'pause')).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr: msg,
    });
    expect(await geo(h, 'gprod3.lab.example', 'home', HOME_DR, 'stop')).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr: msg,
    });
  });

  test('actions on a session or volume that does not exist', async () => {
    const h = harness(defaultLab());
    expect(await geo(h, P1, 'home', HOME_DR, 'start')).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr:
        'Geo-replication session between home and gdr2.lab.example::home-dr does not exist.',
    });
    expect((await geo(h, P1, 'home', HOME_DR, 'delete')).opErrstr).toMatch(/does not exist\.$/);
    expect((await geo(h, P1, 'home', HOME_DR, 'config')).opErrstr).toMatch(/does not exist\.$/);
    expect(await geo(h, P1, 'nosuch', HOME_DR, 'pause')).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr: 'Volume name nosuch does not exist',
    });
    const st = await h.xml(P1, 'volume', 'geo-replication', 'nosuch', 'status');
    expect(st).toEqual({ stdout: 'geo-replication command failed\n', stderr: '', code: 2 });
  });

  test('a peer holding bricks of the volume is down: Gluster refuses pause, resume, delete and stop (not stop force)', async () => {
    // gprod3 is in maintenance in the demo lab and holds bricks of vmstore
    const h = harness(defaultLab());
    await h.xml(P1, 'system::', 'execute', 'gsec_create');
    const sec = 'gdr1.lab.example::backup-dr';
    const create = await geo(h, P1, 'vmstore', sec, 'create', 'push-pem');
    expect(create.opErrstr).toBe(
      'Peer gprod3.lab.example, which is a part of vmstore volume, is down. Please bring up the peer and retry.',
    );
    expect((await geo(h, P1, 'vmstore', sec, 'create', 'push-pem', 'force')).opRet).toBe(0);
    expect((await geo(h, P1, 'vmstore', sec, 'start')).opRet).toBe(0);
    for (const a of ['pause', 'stop']) {
      expect((await geo(h, P1, 'vmstore', sec, a)).opErrstr).toMatch(
        /^Peer gprod3\.lab\.example, which is a part of vmstore volume, is down/,
      );
    }
    expect(await geo(h, P1, 'vmstore', sec, 'stop', 'force')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: '',
    });
    expect((await geo(h, P1, 'vmstore', sec, 'delete')).opRet).toBe(-1);
  });

  test('start needs the primary volume started', async () => {
    const h = harness(defaultLab());
    const sec = 'gdr1.lab.example::backup-dr';
    expect((await geo(h, P2, 'scratch', sec, 'create', 'no-verify')).opRet).toBe(0);
    expect(await geo(h, P2, 'scratch', sec, 'start')).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr: 'Volume scratch needs to be started before geo-replication start',
    });
  });
});

describe('create checks (gverify, keys, existing sessions)', () => {
  const cases: [string, string, string[], string][] = [
    [
      'secondary host down',
      'gdr3.lab.example::backup-dr',
      ['force'],
      'gdr3.lab.example not reachable.',
    ],
    [
      'unknown secondary host',
      'nowhere.example::backup-dr',
      ['force'],
      'nowhere.example not reachable.',
    ],
    [
      'no Gluster on the secondary',
      'nogluster.remote.example::backup',
      ['force'],
      'gluster command not found on nogluster.remote.example for user root.',
    ],
    [
      'no such user on the secondary',
      'nobody@backup.remote.example::home-backup',
      ['force'],
      'Passwordless ssh login has not been setup with backup.remote.example for user nobody.',
    ],
    [
      'secondary volume missing',
      'gdr1.lab.example::nosuch',
      ['force'],
      'Unable to mount and fetch secondary volume details. Please check the log: /var/log/glusterfs/geo-replication/gverify-secondarymnt.log',
    ],
    [
      'secondary volume not started',
      'gdr1.lab.example::offline-dr',
      ['force'],
      'Unable to mount and fetch secondary volume details. Please check the log: /var/log/glusterfs/geo-replication/gverify-secondarymnt.log',
    ],
    [
      'secondary smaller',
      'gdr2.lab.example::small-dr',
      [],
      'Total disk size of primary is greater than disk size of secondary.\nTotal available size of primary is greater than available size of secondary',
    ],
    [
      'secondary not empty',
      'gdr2.lab.example::used-dr',
      [],
      'gdr2.lab.example::used-dr is not empty. Please delete existing files in gdr2.lab.example::used-dr and retry, or use force to continue without deleting the existing files.',
    ],
    [
      'ssh port nobody listens on',
      'gdr1.lab.example::backup-dr',
      ['force'],
      'gdr1.lab.example not reachable.',
    ],
  ];
  test.each(cases)('%s', async (what, sec, extra, message) => {
    const h = harness(defaultLab());
    await h.xml(P1, 'system::', 'execute', 'gsec_create');
    const args = what.startsWith('ssh port')
      ? ['create', 'ssh-port', '2222', 'push-pem', ...extra]
      : ['create', 'push-pem', ...extra];
    expect(await geo(h, P1, 'home', sec, ...args)).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr: message,
    });
    const st = await h.xml(P1, 'volume', 'geo-replication', 'status');
    expect(st.code).toBe(2); // nothing was created
  });

  test('force bypasses the size and emptiness checks only', async () => {
    const h = harness(allUpLab());
    await h.xml(P1, 'system::', 'execute', 'gsec_create');
    expect(
      (await geo(h, P1, 'home', 'gdr2.lab.example::small-dr', 'create', 'push-pem', 'force')).opRet,
    ).toBe(0);
    expect(
      (await geo(h, P1, 'archive', 'gdr2.lab.example::used-dr', 'create', 'push-pem', 'force'))
        .opRet,
    ).toBe(0);
  });

  test('push-pem needs gsec_create first', async () => {
    const h = harness(allUpLab());
    expect((await geo(h, P1, 'home', HOME_DR, 'create', 'push-pem', 'force')).opErrstr).toBe(
      '/var/lib/glusterd/geo-replication/common_secret.pem.pub required for push-pem is not present. Please run "gluster system:: execute gsec_create"',
    );
    const keys = await h.xml(P1, 'system::', 'execute', 'gsec_create');
    expect(keys).toEqual({
      stdout:
        'Common secret pub file present at /var/lib/glusterd/geo-replication/common_secret.pem.pub\n',
      stderr: '',
      code: 0,
    });
    expect((await geo(h, P1, 'home', HOME_DR, 'create', 'push-pem', 'force')).opRet).toBe(0);
  });

  test('a session is created once; the same secondary volume through another host is refused', async () => {
    const h = await createdHome(allUpLab());
    expect((await geo(h, P1, 'home', HOME_DR, 'create', 'no-verify')).opErrstr).toBe(
      'Session between home and gdr2.lab.example::home-dr is already created.',
    );
    expect((await geo(h, P1, 'home', HOME_DR, 'create', 'push-pem', 'force')).opRet).toBe(0);
    expect(
      (await geo(h, P1, 'home', 'gdr1.lab.example::home-dr', 'create', 'push-pem', 'force')).opRet,
    ).toBe(0);
    const h2 = await createdHome(allUpLab());
    expect(
      (await geo(h2, P1, 'home', 'gdr1.lab.example::home-dr', 'create', 'push-pem')).opErrstr,
    ).toMatch(/is not empty/);
    expect(
      (await geo(h2, P1, 'home', 'gdr1.lab.example::home-dr', 'create', 'no-verify')).opErrstr,
    ).toBe(
      'Session between home and gdr2.lab.example:home-dr is already created! Cannot create with new secondary:gdr1.lab.example again!',
    );
  });

  test('create turns on changelog and indexing on the primary and read-only on the secondary', async () => {
    const h = await createdHome();
    const opts = async (node: string, vol: string): Promise<Record<string, string>> => {
      const r = await h.xml(node, 'volume', 'info', vol);
      const out: Record<string, string> = {};
      const walk = (e: ReturnType<typeof parseXml>): void => {
        if (e.name === 'option') out[e.children[0]!.text] = e.children[1]!.text;
        e.children.forEach(walk);
      };
      walk(parseXml(r.stdout));
      return out;
    };
    expect(await opts(P1, 'home')).toMatchObject({
      'changelog.changelog': 'on',
      'geo-replication.indexing': 'on',
      'geo-replication.ignore-pid-check': 'on',
    });
    expect(await opts('gdr1.lab.example', 'home-dr')).toMatchObject({ 'features.read-only': 'on' });
    expect(await opts('gdr1.lab.example', 'backup-dr')).not.toHaveProperty('features.read-only');
  });

  test('the secondary URL is checked by the CLI before anything else', async () => {
    const h = harness(defaultLab());
    for (const bad of [
      'gdr1.lab.example:/srv/dir',
      '/srv/dir',
      'file:///srv/dir',
      'ssh://gdr1:/dir',
      'gdr1::',
    ]) {
      const r = await h.xml(
        P1,
        'volume',
        'geo-replication',
        'home',
        bad,
        'create',
        'push-pem',
        'force',
      );
      expect(r).toEqual({ stdout: '', stderr: `Invalid secondary url: ${bad}\n`, code: 1 });
    }
  });
});

describe('config', () => {
  async function config(h: Harness): Promise<Record<string, string>> {
    const r = await h.xml(P1, 'volume', 'geo-replication', 'home', HOME_DR, 'config');
    const cfg = parseXml(r.stdout).children.find((c) => c.name === 'geoRep')!.children[0]!;
    return Object.fromEntries(cfg.children.map((c) => [c.name, c.text]));
  }

  test('Gluster 10.3 defaults, parameterised by the session', async () => {
    const h = await createdHome();
    const c = await config(h);
    expect(c).toMatchObject({
      change_interval: '5',
      sync_method: 'rsync',
      sync_jobs: '3',
      checkpoint: '0',
      ssh_port: '22',
      use_meta_volume: 'false',
      primary_replica_count: '2',
      primary_distribution_count: '1',
      pid_file: '/var/run/gluster/gsyncd-home-gdr2.lab.example-home-dr.pid',
      working_dir: '/var/lib/misc/gluster/gsyncd/home_gdr2.lab.example_home-dr/',
    });
    expect(Object.keys(c)).toHaveLength(67); // as many as georep-config.xml
    expect(c.stime_xattr_prefix).toMatch(/^trusted\.glusterfs\.[0-9a-f-]{36}\.[0-9a-f-]{36}$/);
  });

  test('set (dash or underscore names), reset with !, checkpoint now', async () => {
    const h = await createdHome();
    h.advance(100);
    expect(await geo(h, P1, 'home', HOME_DR, 'config', 'sync-jobs', '5')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: 'config-set successful',
    });
    await geo(h, P1, 'home', HOME_DR, 'config', 'use_meta_volume', 'true');
    await geo(h, P1, 'home', HOME_DR, 'config', 'checkpoint', 'now');
    let c = await config(h);
    expect([c.sync_jobs, c.use_meta_volume, c.checkpoint]).toEqual([
      '5',
      'true',
      String(Math.floor(h.clock.now() / 1000)),
    ]);
    expect(await geo(h, P1, 'home', HOME_DR, 'config', '!sync-jobs')).toEqual({
      opRet: 0,
      opErrno: 0,
      opErrstr: 'config-del successful',
    });
    await geo(h, P1, 'home', HOME_DR, 'config', '!checkpoint');
    c = await config(h);
    expect([c.sync_jobs, c.checkpoint]).toEqual(['3', '0']);
  });

  test('a value that starts with a dash, after "--"; a multi-word value', async () => {
    const h = await createdHome();
    await geo(h, P1, 'home', HOME_DR, 'config', 'rsync-options', '--', '--bwlimit=100');
    await geo(h, P1, 'home', HOME_DR, 'config', 'ssh_options', '-oFoo=1', '-i', '/root/key');
    const c = await config(h);
    expect(c.rsync_options).toBe('--bwlimit=100');
    expect(c.ssh_options).toBe('-oFoo=1 -i /root/key');
  });

  test.each([
    ['no-such-option', '1', 'Invalid option'],
    ['pid-file', '/tmp/x', 'Reserved option'],
    ['state_file', '/tmp/x', 'Reserved option'],
    ['change_detector', 'inotify', 'Invalid value(inotify) for option change_detector'],
    ['ignore_deletes', 'maybe', 'Invalid value(maybe) for option ignore_deletes'],
    ['sync-jobs', 'many', 'geo-replication config-set failed for home gdr2.lab.example::home-dr'],
    ['sync-method', 'ftp', 'geo-replication config-set failed for home gdr2.lab.example::home-dr'],
  ])('set %s %s is refused: %s', async (opt, value, message) => {
    const h = await createdHome();
    const r = await h.xml(P1, 'volume', 'geo-replication', 'home', HOME_DR, 'config', opt, value);
    expect(envelope(r.stdout)).toEqual({ opRet: -1, opErrno: 30800, opErrstr: message });
    expect(parseXml(r.stdout).children.find((c) => c.name === 'geoRep')!.children).toEqual([]);
  });

  test('a single-option get is an empty <config/> in XML and the value in text', async () => {
    const h = await createdHome();
    const x = await h.xml(P1, 'volume', 'geo-replication', 'home', HOME_DR, 'config', 'sync-jobs');
    expect(x.stdout).toContain('<geoRep>\n    <config/>\n  </geoRep>');
    const t = await h.gluster(
      P1,
      '--mode=script',
      'volume',
      'geo-replication',
      'home',
      HOME_DR,
      'config',
      'sync-jobs',
    );
    expect(t.stdout).toBe('3\n');
  });

  test('each config set restarts running workers, except checkpoint and an unchanged value', async () => {
    const h = await createdHome();
    await geo(h, P1, 'home', HOME_DR, 'start');
    h.advance(20);
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Active', 'Passive']);
    await geo(h, P1, 'home', HOME_DR, 'config', 'checkpoint', 'now');
    await geo(h, P1, 'home', HOME_DR, 'config', 'sync-jobs', '3'); // already 3
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Active', 'Passive']);
    await geo(h, P1, 'home', HOME_DR, 'config', 'sync-jobs', '4');
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Initializing...', 'Initializing...']);
    h.advance(20);
    expect(await statuses(h, P1, 'home', HOME_DR)).toEqual(['Active', 'Passive']);
  });
});

describe('the CLI itself', () => {
  test('text mode answers', async () => {
    const h = await createdHome();
    const t = (...a: string[]) =>
      h.gluster(P1, '--mode=script', 'volume', 'geo-replication', 'home', HOME_DR, ...a);
    expect(await t('start')).toEqual({
      stdout:
        'Starting geo-replication session between home & gdr2.lab.example::home-dr has been successful\n',
      stderr: '',
      code: 0,
    });
    expect(await t('start')).toEqual({
      stdout: 'geo-replication command failed\n',
      stderr: 'geo-replication session between home & gdr2.lab.example::home-dr already started\n',
      code: 1,
    });
    expect((await t('config', 'sync-jobs', '2')).stdout).toBe(
      'geo-replication config updated successfully\n',
    );
  });

  test('usage errors and unknown words', async () => {
    const h = harness(defaultLab());
    const r = await h.xml(P1, 'volume', 'geo-replication', 'home', HOME_DR, 'start', 'now');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Usage:\nvolume geo-replication/);
    expect(await h.xml(P1, 'volume', 'frobnicate')).toEqual({
      stdout: '',
      stderr: 'unrecognized word: frobnicate (position 1)\n',
      code: 1,
    });
    expect((await h.gluster(P1, '--version')).stdout).toMatch(/^glusterfs 10\.3\n/);
  });

  test('nodes: unknown or not up is unreachable; a machine without Gluster has no gluster command', async () => {
    const h = harness(defaultLab());
    await expect(h.xml('nowhere.example', 'peer', 'status')).rejects.toBeInstanceOf(
      GlusterUnreachableError,
    );
    await expect(h.xml('gprod3.lab.example', 'peer', 'status')).rejects.toBeInstanceOf(
      GlusterUnreachableError,
    );
    await expect(h.xml('gdr3.lab.example', 'peer', 'status')).rejects.toThrow(
      /Cannot reach Gluster on gdr3/,
    );
    expect(await h.xml('nogluster.remote.example', 'volume', 'list')).toEqual({
      stdout: '',
      stderr: 'bash: line 1: gluster: command not found\n',
      code: 127,
    });
    expect((await h.xml('virt1.lab.example', 'volume', 'list')).code).toBe(127);
    // the short host name works too
    expect((await h.xml('gprod1', 'volume', 'list')).code).toBe(0);
  });

  test('each node sees its own trusted pool', async () => {
    const h = await createdHome();
    const names = async (node: string): Promise<string[]> =>
      parseXml((await h.xml(node, 'volume', 'list')).stdout)
        .children.find((c) => c.name === 'volList')!
        .children.filter((c) => c.name === 'volume')
        .map((c) => c.text);
    expect(await names(P1)).toEqual(['archive', 'data', 'home', 'scratch', 'vmstore']);
    expect(await names('gdr2.lab.example')).toContain('home-dr');
    expect(await names('backup.remote.example')).toEqual(['home-backup', 'vmstore-backup']);
    // the session belongs to the primary's pool: the DR pool has none
    expect((await h.xml('gdr1.lab.example', 'volume', 'geo-replication', 'status')).code).toBe(2);
    expect((await h.xml(P2, 'volume', 'geo-replication', 'status')).code).toBe(0);
  });

  test('peer status and pool list from a node', async () => {
    const h = harness(defaultLab());
    const peers = parseXml((await h.xml(P1, 'peer', 'status')).stdout).children.find(
      (c) => c.name === 'peerStatus',
    )!;
    const row = (p: (typeof peers.children)[number]) =>
      Object.fromEntries(
        p.children.filter((c) => c.name !== 'hostnames').map((c) => [c.name, c.text]),
      );
    expect(
      peers.children.map(row).map((p) => [p.hostname, p.connected, p.state, p.stateStr]),
    ).toEqual([
      ['gprod2.lab.example', '1', '3', 'Peer in Cluster'],
      ['gprod3.lab.example', '0', '3', 'Peer in Cluster'],
    ]);
    const pool = parseXml((await h.xml(P1, 'pool', 'list')).stdout).children.find(
      (c) => c.name === 'peerStatus',
    )!;
    expect(pool.children.map((p) => p.children.find((c) => c.name === 'hostname')!.text)).toEqual([
      'gprod2.lab.example',
      'gprod3.lab.example',
      'localhost',
    ]);
  });

  test('volume info and status of the lab volumes', async () => {
    const h = harness(defaultLab());
    const info = parseXml((await h.xml(P1, 'volume', 'info', 'data')).stdout);
    const vol = info.children.find((c) => c.name === 'volInfo')!.children[0]!.children[0]!;
    const v = Object.fromEntries(
      vol.children.filter((c) => !c.children.length).map((c) => [c.name, c.text]),
    );
    expect(v).toMatchObject({
      name: 'data',
      brickCount: '6',
      replicaCount: '3',
      typeStr: 'Distributed-Replicate',
      statusStr: 'Started',
    });
    const stopped = await h.xml(P2, 'volume', 'status', 'scratch');
    expect(envelope(stopped.stdout)).toEqual({
      opRet: -1,
      opErrno: 30800,
      opErrstr: 'Volume scratch is not started',
    });
    const st = parseXml((await h.xml(P1, 'volume', 'status', 'vmstore')).stdout);
    const nodes = st.children[3]!.children[0]!.children[0]!.children.filter(
      (c) => c.name === 'node',
    );
    // gprod3 is down: its brick is not listed; the self-heal daemons of the up nodes are
    expect(nodes.map((n) => `${n.children[0]!.text}:${n.children[1]!.text}`)).toEqual([
      'gprod1.lab.example:/gluster_bricks/vmstore/brick1',
      'gprod2.lab.example:/gluster_bricks/vmstore/brick1',
      'Self-heal Daemon:localhost',
      'Self-heal Daemon:gprod2.lab.example',
    ]);
  });
});
