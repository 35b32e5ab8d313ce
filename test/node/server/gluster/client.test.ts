import {
  configResetArgv,
  configSetArgv,
  createArgv,
  createGlusterClient,
  sessionArgv,
} from '../../../../server/gluster/client';
import {
  GlusterUnreachableError,
  type ExecOptions,
  type ExecResult,
  type GlusterExec,
} from '../../../../server/gluster/exec';
import { GlusterCommandError } from '../../../../server/gluster/types';
import { GlusterNotFoundError, GlusterOutputError } from '../../../../server/gluster/xml';
import { GeoRepValidationError } from '../../../../src/georep/validation';
import type { SessionKey } from '../../../../src/georep/types';
import { fixture } from '../../../support/gluster-fixtures';

const KEY: SessionKey = {
  primary_volume: 'master',
  secondary_host: 'vm',
  secondary_volume: 'slave',
  secondary_user: 'root',
};
const GEO: SessionKey = { ...KEY, secondary_volume: 'slave2', secondary_user: 'geoaccount' };

interface Call {
  node: string;
  argv: readonly string[];
  timeoutMs: number;
}

/** A GlusterExec answering from a queue of results (default: a plain successful action). */
function fakeExec(...answers: (ExecResult | string)[]) {
  const calls: Call[] = [];
  const exec: GlusterExec = {
    run(node: string, argv: readonly string[], opts: ExecOptions) {
      calls.push({ node, argv: [...argv], timeoutMs: opts.timeoutMs });
      const a = answers.shift() ?? 'georep-start.xml';
      return Promise.resolve(typeof a === 'string' ? fixture(a) : a);
    },
  };
  return { exec, calls };
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('argv building', () => {
  it('every command, exactly (snapshot)', async () => {
    const { exec, calls } = fakeExec(
      'georep-status-all.xml',
      'georep-status-detail-active.xml',
      'georep-start.xml', // create
      'georep-start.xml', // config ssh-port after create
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-delete.xml',
      'georep-delete.xml',
      'georep-config.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      'georep-start.xml',
      {
        stdout:
          'Common secret pub file present at /var/lib/glusterd/geo-replication/common_secret.pem.pub\n',
        stderr: '',
        code: 0,
      },
      'volume-info.xml',
      'volume-info-master.xml',
      'peer-status.xml',
      'extra/georep-status-detail-mountbroker.xml',
    );
    const c = createGlusterClient(exec);
    await c.status('gl1');
    await c.status('gl1', KEY);
    await c.create('gl1', KEY, { ssh_port: 2222, push_pem: true, force: true });
    await c.create('gl1', KEY, {});
    await c.create('gl1', KEY, { push_pem: false, no_verify: true });
    await c.start('gl1', KEY, {});
    await c.start('gl1', KEY, { force: true });
    await c.stop('gl1', KEY, {});
    await c.stop('gl1', KEY, { force: true });
    await c.pause('gl1', KEY, { force: true });
    await c.resume('gl1', KEY, {});
    await c.resume('gl1', KEY, { force: true });
    await c.delete('gl1', KEY, {});
    await c.delete('gl1', KEY, { reset_sync_time: true });
    await c.config('gl1', KEY);
    await c.configSet('gl1', KEY, 'sync_jobs', '5');
    await c.configSet('gl1', KEY, 'rsync-options', '--bwlimit=100');
    await c.configSet('gl1', KEY, 'checkpoint', '2026-11-24 23:00:00');
    await c.configReset('gl1', KEY, 'sync-jobs');
    await c.gsecCreate('gl1');
    await c.volumeInfo('gl1');
    await c.volumeInfo('gl1', 'master');
    await c.peerStatus('gl1');
    await c.status('gl1', GEO);
    expect(calls.map((x) => x.argv)).toMatchSnapshot();
    expect(new Set(calls.map((x) => x.node))).toEqual(new Set(['gl1']));
  });

  it('--xml comes right after --mode=script, never at the end', () => {
    for (const argv of [
      sessionArgv(KEY, 'status', 'detail'),
      configSetArgv(KEY, 'sync-jobs', '4'),
      configResetArgv(KEY, 'sync-jobs'),
      createArgv(KEY, { ssh_port: 22 }),
    ]) {
      expect(argv.slice(0, 2)).toEqual(['--mode=script', '--xml']);
      expect(argv.lastIndexOf('--xml')).toBe(1);
    }
  });

  it('exact argv of the common commands', () => {
    expect(
      createArgv(
        {
          ...KEY,
          primary_volume: 'pvol',
          secondary_user: 'user',
          secondary_host: 'host',
          secondary_volume: 'svol',
        },
        { ssh_port: 2222, force: true },
      ),
    ).toEqual([
      '--mode=script',
      '--xml',
      'volume',
      'geo-replication',
      'pvol',
      'user@host::svol',
      'create',
      'ssh-port',
      '2222',
      'push-pem',
      'force',
    ]);
    expect(configSetArgv(KEY, 'rsync-options', '-v')).toEqual([
      '--mode=script',
      '--xml',
      'volume',
      'geo-replication',
      'master',
      'vm::slave',
      'config',
      'rsync-options',
      '--',
      '-v',
    ]);
    expect(configSetArgv(KEY, 'ssh_port', '2222')).toEqual([
      '--mode=script',
      '--xml',
      'volume',
      'geo-replication',
      'master',
      'vm::slave',
      'config',
      'ssh-port',
      '2222',
    ]);
    expect(configResetArgv(KEY, 'sync_jobs')).toEqual([
      '--mode=script',
      '--xml',
      'volume',
      'geo-replication',
      'master',
      'vm::slave',
      'config',
      '!sync-jobs',
    ]);
    expect(() => createArgv(KEY, { push_pem: true, no_verify: true })).toThrow(
      GeoRepValidationError,
    );
  });

  it('timeouts: one limit for all when given, otherwise per kind of command', async () => {
    const a = fakeExec('georep-status-all.xml', 'georep-start.xml', 'georep-start.xml');
    const c = createGlusterClient(a.exec);
    await c.status('gl1');
    await c.start('gl1', KEY, {});
    await c.create('gl1', KEY, {});
    expect(a.calls.map((x) => x.timeoutMs)).toEqual([60_000, 120_000, 300_000]);
    const b = fakeExec('georep-status-all.xml');
    await createGlusterClient(b.exec, { timeoutMs: 5_000 }).status('gl1');
    expect(b.calls[0]!.timeoutMs).toBe(5_000);
  });
});

describe('validation before argv', () => {
  const HOSTILE = [
    '; rm -rf /',
    '$(id)',
    '`id`',
    "it's",
    'a"b',
    'x\ny',
    'a b',
    '--xml',
    '-rf',
    '',
    'a\0b',
  ];

  it.each(HOSTILE)('refuses %j as a volume, host, user or node, and runs nothing', async (bad) => {
    const { exec, calls } = fakeExec();
    const c = createGlusterClient(exec);
    for (const [field, p] of [
      ['primary_volume', c.start('gl1', { ...KEY, primary_volume: bad }, {})],
      ['secondary_volume', c.create('gl1', { ...KEY, secondary_volume: bad }, {})],
      ['secondary_host', c.stop('gl1', { ...KEY, secondary_host: bad }, {})],
      ['secondary_user', c.delete('gl1', { ...KEY, secondary_user: bad }, {})],
      ['node', c.status(bad)],
      ['volume', c.volumeInfo('gl1', bad)],
    ] as const) {
      const e = await rejection(p);
      expect(e).toBeInstanceOf(GeoRepValidationError);
      const v = e as Error & { field?: unknown; reason?: string };
      expect(v.field).toBe(field);
      expect(v.reason).toMatch(/\.$/);
    }
    expect(calls).toEqual([]);
  });

  it('refuses unknown and read-only options, bad values, and newlines in values', async () => {
    const { exec, calls } = fakeExec();
    const c = createGlusterClient(exec);
    expect(await rejection(c.configSet('gl1', KEY, 'no-such', '1'))).toMatchObject({
      field: 'option',
    });
    expect(await rejection(c.configSet('gl1', KEY, 'pid-file', '/x'))).toMatchObject({
      field: 'option',
      reason: expect.stringMatching(/managed by Gluster/) as unknown,
    });
    expect(await rejection(c.configSet('gl1', KEY, 'sync-jobs', '0'))).toMatchObject({
      field: 'value',
    });
    expect(await rejection(c.configSet('gl1', KEY, 'rsync-options', '-v\n--delete'))).toMatchObject(
      { field: 'value' },
    );
    expect(await rejection(c.configSet('gl1', KEY, 'ssh-command', '$(id)'))).toMatchObject({
      field: 'value',
    });
    expect(await rejection(c.configReset('gl1', KEY, 'working-dir'))).toMatchObject({
      field: 'option',
    });
    expect(await rejection(c.create('gl1', KEY, { ssh_port: 0 }))).toMatchObject({
      field: 'ssh_port',
    });
    expect(calls).toEqual([]);
  });

  it('passes an accepted value starting with "-" as one argv element after "--"', async () => {
    const { exec, calls } = fakeExec();
    await createGlusterClient(exec).configSet(
      'gl1',
      KEY,
      'rsync-options',
      '--exclude=*.tmp --bwlimit=100',
    );
    expect(calls[0]!.argv.slice(-2)).toEqual(['--', '--exclude=*.tmp --bwlimit=100']);
  });

  it('refuses shell characters in a value gsyncd splits into a command line', async () => {
    const { exec, calls } = fakeExec();
    const c = createGlusterClient(exec);
    expect(
      await rejection(c.configSet('gl1', KEY, 'rsync-options', '--exclude=$(id);`x` "a b"')),
    ).toMatchObject({ field: 'value' });
    expect(calls).toEqual([]);
  });
});

describe('answers', () => {
  it('all-sessions status with no session at all is an empty list', async () => {
    const { exec } = fakeExec('georep-status-all-none.xml');
    await expect(createGlusterClient(exec).status('gl1')).resolves.toEqual([]);
  });

  it('a named session that does not exist is a not-found', async () => {
    const { exec } = fakeExec('georep-status-nonexistent-session.xml');
    const e = await rejection(createGlusterClient(exec).status('gl1', KEY));
    expect(e).toBeInstanceOf(GlusterNotFoundError);
    expect(e).toBeInstanceOf(GlusterCommandError);
    expect(e.message).toBe('Geo-replication session between master and vm::slave does not exist.');
  });

  it('a named status that answers with another session is a not-found', async () => {
    const { exec } = fakeExec('extra/georep-status-detail-mountbroker.xml');
    expect(await rejection(createGlusterClient(exec).status('gl1', KEY))).toBeInstanceOf(
      GlusterNotFoundError,
    );
  });

  it('stop of a session that is not running succeeds (opRet 0, "geo-replication is not set up")', async () => {
    const { exec } = fakeExec('georep-stop-again.xml');
    await expect(createGlusterClient(exec).stop('gl1', KEY, {})).resolves.toBeUndefined();
  });

  it('pause of a session that is not running is refused (Gluster says opRet 0 but pauses nothing)', async () => {
    const { exec } = fakeExec('georep-stop-again.xml');
    const e = await rejection(createGlusterClient(exec).pause('gl1', KEY, {}));
    expect(e).toBeInstanceOf(GlusterCommandError);
    expect(e.message).toMatch(
      /is not running, so it cannot be paused \(Gluster: geo-replication is not set up\)/,
    );
  });

  it("refusals carry Gluster's own message", async () => {
    const { exec } = fakeExec(
      'georep-pause-again.xml',
      'georep-delete-while-running.xml',
      'georep-create-invalid-url.xml',
    );
    const c = createGlusterClient(exec);
    expect(await rejection(c.pause('gl1', KEY, {}))).toMatchObject({
      opRet: 1,
      opErrno: 30800,
      message: 'Geo-replication session between master and vm::slave already Paused.',
    });
    expect(await rejection(c.delete('gl1', KEY, {}))).toMatchObject({
      opRet: -1,
      message: expect.stringMatching(/still active/) as unknown,
    });
    expect(await rejection(c.create('gl1', KEY, {}))).toMatchObject({
      message: 'Invalid secondary url: vm:/srv/dir',
    });
  });

  it('create stops at a refusal (does not set ssh-port)', async () => {
    const { exec, calls } = fakeExec('georep-delete-while-running.xml');
    await rejection(createGlusterClient(exec).create('gl1', KEY, { ssh_port: 2222 }));
    expect(calls).toHaveLength(1);
  });

  it('create with port 22 needs no config fix-up', async () => {
    const { exec, calls } = fakeExec();
    await createGlusterClient(exec).create('gl1', KEY, { ssh_port: 22 });
    expect(calls).toHaveLength(1);
  });

  it('config reads the whole config, in dash form', async () => {
    const { exec } = fakeExec('georep-config.xml');
    const cfg = await createGlusterClient(exec).config('gl1', KEY);
    expect(cfg).toMatchObject({ 'sync-jobs': '3', 'sync-method': 'tarssh', 'ssh-port': '22' });
  });

  it('status of one session returns its workers', async () => {
    const { exec } = fakeExec('georep-status-detail-active.xml');
    const s = await createGlusterClient(exec).status('gl1', KEY);
    expect(s).toHaveLength(1);
    expect(s[0]!.workers[0]!.status).toBe('Active');
  });

  it('volume info and peers', async () => {
    const { exec } = fakeExec('volume-info.xml', 'pool-list.xml');
    const c = createGlusterClient(exec);
    expect((await c.volumeInfo('gl1')).map((v) => v.name)).toEqual(['master', 'slave']);
    expect(await c.peerStatus('gl1')).toHaveLength(1);
  });

  it('unknown volume is a not-found; text where XML is due is an output error', async () => {
    const missing = {
      stdout:
        '<cliOutput><opRet>-1</opRet><opErrno>30806</opErrno><opErrstr>Volume does not exist</opErrstr><volInfo><volumes><count>0</count></volumes></volInfo></cliOutput>',
      stderr: '',
      code: 0,
    };
    const { exec } = fakeExec(missing, { stdout: 'hello', stderr: '', code: 0 });
    const c = createGlusterClient(exec);
    expect(await rejection(c.volumeInfo('gl1', 'nope'))).toBeInstanceOf(GlusterNotFoundError);
    expect(await rejection(c.peerStatus('gl1'))).toBeInstanceOf(GlusterOutputError);
  });

  it('glusterd not answering on the node is an unreachable node, not a refusal', async () => {
    const { exec } = fakeExec({
      stdout: '',
      stderr: 'Connection failed. Please check if gluster daemon is operational.\n',
      code: 1,
    });
    const e = await rejection(createGlusterClient(exec).status('gl1'));
    expect(e).toBeInstanceOf(GlusterUnreachableError);
    expect(e.message).toBe(
      'Cannot reach Gluster on gl1: Connection failed. Please check if gluster daemon is operational.',
    );
  });

  it('exec errors (timeouts, unreachable nodes) pass through untouched', async () => {
    const boom = new Error('boom');
    const exec: GlusterExec = { run: () => Promise.reject(boom) };
    expect(await rejection(createGlusterClient(exec).status('gl1'))).toBe(boom);
  });
});
