/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.stringMatching, ...) are typed `any` */
// Directory targets (server/gluster/provision.ts): the exact argv of both quoting layers, proof
// that every argument arrives as ONE inert argument after both shells (each layer really run
// through `sh -c`, with a stand-in `ssh` that does what ssh + sshd do and a stand-in `gluster`
// that prints its argv), the directory script run for real on this machine, and the
// provisioning sequence over the simulator.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultLab } from '../../../../dev/lab';
import type { ExecOptions, ExecResult } from '../../../../server/gluster/exec';
import {
  DIRECTORY_SCRIPT,
  directoryArgv,
  findProvisionedVolume,
  localHostShell,
  parseDirectoryProbe,
  provisionDirectoryVolume,
  ProvisionError,
  PROVISIONED_OPTION,
  quoteArgv,
  remoteGlusterArgv,
  removeProvisionedVolume,
  sshArgv,
  sshRemoteGluster,
  twoLayers,
  volumeCreateArgv,
  volumeSetArgv,
  volumeVerbArgv,
  type DirectoryAction,
  type RemoteGluster,
  type RemoteLogin,
} from '../../../../server/gluster/provision';
import { demoSimulator, simRemoteGluster } from '../../../../dev/sim/gluster';
import {
  checkDirectoryTarget,
  GeoRepValidationError,
  parseRemoteTarget,
  provisionedVolumeName,
} from '../../../../src/georep/validation';

const REMOTE: RemoteLogin = { host: 'backup.remote.example', user: 'root', port: 22 };

// ---------------------------------------------------------------- stand-ins for ssh and gluster

let dir: string;
let bin: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'georep-provision-'));
  bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  // ssh: records its argv (NUL-separated), skips its options as OpenSSH's getopt does for the
  // ones used here, drops the destination, and does what sshd does with the command words: joins
  // them with spaces and gives the string to the login shell (`sh -c`).
  fs.writeFileSync(
    path.join(bin, 'ssh'),
    [
      '#!/bin/sh',
      'printf "%s\\0" "$@" > "$SSH_ARGV_FILE"',
      'while [ $# -gt 0 ]; do case $1 in --) shift; break ;; -p|-o|-i|-l) shift 2 ;; -*) shift ;; *) break ;; esac; done',
      'shift',
      'exec sh -c "$*"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  // gluster: prints each argument followed by NUL, nothing else
  fs.writeFileSync(path.join(bin, 'gluster'), '#!/bin/sh\nprintf "%s\\0" "$@"\n', { mode: 0o755 });
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = (): NodeJS.ProcessEnv => ({
  PATH: `${bin}:/usr/bin:/bin:/usr/sbin:/sbin`,
  LANG: 'C.UTF-8',
  SSH_ARGV_FILE: path.join(dir, 'ssh-argv'),
});
const nulSplit = (s: string): string[] => s.split('\0').slice(0, -1);

/** Layer 2 through the cluster host's shell (`sh -c`), then layer 1 through the remote's (`sh -c` in the stand-in ssh). */
function runBothLayers(hostCommand: string): { args: string[]; sshArgv: string[] } {
  const out = execFileSync('sh', ['-c', hostCommand], { env: env(), encoding: 'utf8' });
  return {
    args: nulSplit(out),
    sshArgv: nulSplit(fs.readFileSync(path.join(dir, 'ssh-argv'), 'utf8')),
  };
}

// ---------------------------------------------------------------- the exact argv of both layers

describe('the two quoting layers', () => {
  const create = twoLayers(
    REMOTE,
    remoteGlusterArgv(volumeCreateArgv('georep-data-backup', REMOTE.host, '/data/backup')),
  );

  it('layer 1: gluster and its argv, as the remote shell must give them back', () => {
    expect(create.remoteArgv).toEqual([
      'gluster',
      '--mode=script',
      '--xml',
      'volume',
      'create',
      'georep-data-backup',
      'backup.remote.example:/data/backup',
      'force',
    ]);
    expect(create.remoteCommand).toBe(
      'gluster --mode\\=script --xml volume create georep-data-backup backup.remote.example\\:/data/backup force',
    );
  });

  it('layer 2: ssh on the cluster host, the layer-1 string as its ONE command argument', () => {
    expect(create.hostArgv).toEqual([
      'ssh',
      '-p',
      '22',
      '-o',
      'BatchMode=yes',
      '-o',
      'StrictHostKeyChecking=accept-new',
      '-o',
      'ConnectTimeout=10',
      '-o',
      'PasswordAuthentication=no',
      '-o',
      'LogLevel=ERROR',
      '--',
      'root@backup.remote.example',
      create.remoteCommand,
    ]);
    expect(create.hostCommand).toBe(
      "ssh -p 22 -o BatchMode\\=yes -o StrictHostKeyChecking\\=accept-new -o ConnectTimeout\\=10 -o PasswordAuthentication\\=no -o LogLevel\\=ERROR -- root\\@backup.remote.example 'gluster --mode\\=script --xml volume create georep-data-backup backup.remote.example\\:/data/backup force'",
    );
  });

  it('both layers run through sh give back exactly both argv', () => {
    const r = runBothLayers(create.hostCommand);
    expect(r.sshArgv).toEqual(create.hostArgv.slice(1));
    expect(r.args).toEqual(create.remoteArgv.slice(1));
  });

  it('key file, known_hosts and port reach ssh as given', () => {
    const l = twoLayers(
      { ...REMOTE, port: 2222 },
      remoteGlusterArgv(volumeVerbArgv('start', 'georep-x')),
      {
        identityFile: '/root/.ssh/georep_key',
        knownHostsFile: '/etc/ovirt-georep/known_hosts',
        strictHostKeyChecking: 'yes',
        connectTimeoutSec: 5,
      },
    );
    expect(l.hostArgv).toEqual([
      'ssh', '-p', '2222', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', 'ConnectTimeout=5',
      '-o', 'PasswordAuthentication=no', '-o', 'LogLevel=ERROR', '-o', 'UserKnownHostsFile=/etc/ovirt-georep/known_hosts',
      '-o', 'IdentitiesOnly=yes', '-i', '/root/.ssh/georep_key', '--', 'root@backup.remote.example',
      'gluster --mode\\=script --xml volume start georep-x',
    ]); // prettier-ignore
    const r = runBothLayers(l.hostCommand);
    expect(r.sshArgv).toEqual(l.hostArgv.slice(1));
    expect(r.args).toEqual(['--mode=script', '--xml', 'volume', 'start', 'georep-x']);
  });

  it('the real RemoteGluster builds the same command and runs it with the host shell', async () => {
    const shell = localHostShell({ env: env() });
    const rg = sshRemoteGluster(shell);
    const res = await rg.gluster(
      'gprod1.lab.example',
      REMOTE,
      volumeSetArgv('georep-x', PROVISIONED_OPTION, 'true'),
      { timeoutMs: 10_000 },
    );
    expect(res.code).toBe(0);
    expect(nulSplit(res.stdout)).toEqual([
      '--mode=script',
      '--xml',
      'volume',
      'set',
      'georep-x',
      'user.ovirt-georep.provisioned',
      'true',
    ]);
  });
});

// ---------------------------------------------------------------- hostile values

const HOSTILE = [
  '; rm -rf /',
  '$(id)',
  '`id`',
  "it's",
  '"double"',
  "'; touch PWNED; '",
  'two words',
  '  leading and trailing  ',
  'ünïcødé ☃ 日本',
  '$HOME ~root *',
  'a\\b\\\\c',
  '!!',
  '--help',
  '-oProxyCommand=touch PWNED',
  '&& touch PWNED || true',
  '| tee PWNED',
  '> PWNED',
  '${IFS}touch${IFS}PWNED',
  '',
];

describe('hostile values', () => {
  it.each(HOSTILE.filter((h) => h !== ''))(
    '%j is refused by validation as a volume name, host, user or path',
    (h) => {
      expect(() => volumeCreateArgv(h, REMOTE.host, '/data/backup')).toThrow(GeoRepValidationError);
      expect(() => volumeCreateArgv('georep-x', h, '/data/backup')).toThrow(GeoRepValidationError);
      expect(() => sshArgv({ ...REMOTE, host: h }, 'true')).toThrow(GeoRepValidationError);
      expect(() => sshArgv({ ...REMOTE, user: h }, 'true')).toThrow(GeoRepValidationError);
      if (h === '--help') {
        // a valid path component: the path stays absolute (/data/--help), never read as an option
        expect(volumeCreateArgv('georep-x', REMOTE.host, `/data/${h}`)).toContain(
          `${REMOTE.host}:/data/--help`,
        );
        return;
      }
      expect(() => volumeCreateArgv('georep-x', REMOTE.host, `/data/${h}`)).toThrow(
        GeoRepValidationError,
      );
      expect(() => directoryArgv('probe', `/data/${h}`)).toThrow(GeoRepValidationError);
    },
  );

  it.each(['a\nb', 'a\rb', 'a\u0000b', 'a\u001bb', 'a\u2028b'])(
    '%j (a control character) is refused by both layers',
    (h) => {
      expect(() => quoteArgv(['gluster', h])).toThrow(/control characters/);
      expect(() => twoLayers(REMOTE, ['gluster', h])).toThrow(/control characters/);
      expect(() => volumeCreateArgv('georep-x', REMOTE.host, `/data/${h}`)).toThrow(
        GeoRepValidationError,
      );
    },
  );

  it.each(HOSTILE)('%j arrives as ONE inert argument after both shells', (h) => {
    const cwd = fs.mkdtempSync(path.join(dir, 'cwd-'));
    const l = twoLayers(REMOTE, ['gluster', 'volume', 'info', h, 'last']);
    const out = execFileSync('sh', ['-c', l.hostCommand], { env: env(), encoding: 'utf8', cwd });
    expect(nulSplit(out)).toEqual(['volume', 'info', h, 'last']);
    expect(nulSplit(fs.readFileSync(path.join(dir, 'ssh-argv'), 'utf8'))).toEqual(
      l.hostArgv.slice(1),
    );
    expect(fs.readdirSync(cwd)).toEqual([]); // nothing ran: no PWNED
  });

  it('the program names themselves are checked', () => {
    expect(() => remoteGlusterArgv([], { glusterCommand: 'gluster; id' })).toThrow(
      /unsafe gluster command/,
    );
    expect(() => sshArgv(REMOTE, 'true', { sshCommand: '$(id)' })).toThrow(/unsafe ssh command/);
    expect(() => sshArgv(REMOTE, 'true', { identityFile: '/root/a key' })).toThrow(
      /unsafe file path/,
    );
    expect(() => sshArgv(REMOTE, 'true', { knownHostsFile: 'relative' })).toThrow(
      /unsafe file path/,
    );
    expect(() => volumeSetArgv('georep-x', 'cluster.quorum; id', 'x')).toThrow(
      GeoRepValidationError,
    );
  });
});

// ---------------------------------------------------------------- the directory script, for real

describe('the directory script on this machine (through both layers)', () => {
  const shell = () => localHostShell({ env: env() });
  const probe = async (action: DirectoryAction, p: string) => {
    const res = await sshRemoteGluster(shell()).directory('gprod1.lab.example', REMOTE, action, p, {
      timeoutMs: 10_000,
    });
    expect(res.code).toBe(0);
    return parseDirectoryProbe(p, res.stdout)!;
  };

  it('tells missing, empty, not empty and not a directory apart, and creates only with create', async () => {
    const base = fs.mkdtempSync(path.join(dir, 'target-'));
    const missing = path.join(base, 'a', 'b');
    expect(await probe('probe', missing)).toMatchObject({
      state: 'missing',
      created: false,
      volumeId: null,
    });
    expect(fs.existsSync(missing)).toBe(false);
    const made = await probe('create', missing);
    expect(made).toMatchObject({ state: 'empty', entries: 0, created: true });
    expect(made.fsSizeBytes).toBeGreaterThan(0);
    expect(fs.statSync(missing).isDirectory()).toBe(true);
    fs.writeFileSync(path.join(missing, 'x'), 'data');
    fs.mkdirSync(path.join(missing, '.hidden'));
    expect(await probe('create', missing)).toMatchObject({
      state: 'not_empty',
      entries: 2,
      created: false,
    });
    expect(fs.readFileSync(path.join(missing, 'x'), 'utf8')).toBe('data');
    fs.writeFileSync(path.join(base, 'file'), '');
    expect(await probe('create', path.join(base, 'file'))).toMatchObject({
      state: 'not_directory',
    });
    fs.symlinkSync(base, path.join(base, 'link'));
    expect(await probe('probe', path.join(base, 'link'))).toMatchObject({ state: 'not_directory' });
  });

  it('finds trusted.glusterfs.volume-id on the directory or a parent', async () => {
    const base = fs.mkdtempSync(path.join(dir, 'brick-'));
    try {
      execFileSync('setfattr', [
        '-n',
        'trusted.glusterfs.volume-id',
        '-v',
        '0x00112233445566778899aabbccddeeff',
        base,
      ]);
    } catch {
      console.warn(
        'setfattr on trusted.* is not possible here (not root, or no xattr support): volume-id detection not exercised',
      );
      return;
    }
    expect(await probe('probe', base)).toMatchObject({
      state: 'empty',
      volumeId: '0x00112233445566778899aabbccddeeff',
      volumeIdAt: base,
    });
    const child = path.join(base, 'sub');
    expect(await probe('probe', child)).toMatchObject({ state: 'missing', volumeIdAt: base });
  });

  it('is one fixed script without single quotes', () => {
    expect(DIRECTORY_SCRIPT).not.toMatch(/'/);
    expect(directoryArgv('probe', '/data/backup')).toEqual([
      'sh',
      '-c',
      DIRECTORY_SCRIPT,
      'georep-dir',
      'probe',
      '/data/backup',
    ]);
    expect(() => directoryArgv('probe', '/data//backup')).toThrow(/not normalised/);
  });
});

// ---------------------------------------------------------------- provisioning over the simulator

/** The simulator's RemoteGluster, recording every gluster argv (without --mode=script --xml) and directory action. */
function recorded() {
  const sim = demoSimulator(defaultLab());
  const inner = simRemoteGluster(sim);
  const calls: string[] = [];
  const rg: RemoteGluster = {
    gluster(
      node: string,
      remote: RemoteLogin,
      argv: readonly string[],
      o: ExecOptions,
    ): Promise<ExecResult> {
      calls.push(argv.filter((a) => a !== '--mode=script' && a !== '--xml').join(' '));
      return inner.gluster(node, remote, argv, o);
    },
    directory(node, remote, action, p, o) {
      calls.push(`[dir ${action} ${p}]`);
      return inner.directory(node, remote, action, p, o);
    },
  };
  return { sim, rg, calls };
}

describe('provisionDirectoryVolume / removeProvisionedVolume', () => {
  const target = {
    node: 'gprod1.lab.example',
    remote: REMOTE,
    path: '/data/backup',
    volume: provisionedVolumeName('/data/backup'),
  };

  it('inspects, creates the directory, creates, marks, starts and reads back the volume', async () => {
    const { sim, rg, calls } = recorded();
    const out = await provisionDirectoryVolume(rg, target);
    expect(calls).toEqual([
      '--version',
      'volume info',
      '[dir probe /data/backup]',
      '[dir create /data/backup]',
      'volume create georep-data-backup backup.remote.example:/data/backup force',
      'volume set georep-data-backup user.ovirt-georep.provisioned true',
      'volume start georep-data-backup',
      'volume info georep-data-backup',
    ]);
    expect(out).toMatchObject({
      name: 'georep-data-backup',
      host: REMOTE.host,
      path: '/data/backup',
      reused: false,
    });
    expect(out.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.steps.map((s) => s.step)).toEqual([
      'inspect',
      'mkdir',
      'create',
      'mark',
      'start',
      'confirm',
    ]);
    expect(sim.world.volume(`remote:${REMOTE.host}`, 'georep-data-backup')?.started).toBe(true);

    // the same directory again: reused, nothing created
    calls.length = 0;
    const again = await provisionDirectoryVolume(rg, target);
    expect(again).toMatchObject({ reused: true, id: out.id });
    expect(calls).toEqual([
      '--version',
      'volume info',
      '[dir probe /data/backup]',
      'volume info georep-data-backup',
    ]);

    // removal: checked, stopped, deleted; the directory keeps its data
    calls.length = 0;
    const removed = await removeProvisionedVolume(rg, target);
    expect(calls).toEqual([
      'volume info georep-data-backup',
      'volume stop georep-data-backup',
      'volume delete georep-data-backup',
    ]);
    expect(removed.detail).toMatch(/data in backup.remote.example:\/data\/backup is still there/);
    expect(sim.world.volume(`remote:${REMOTE.host}`, 'georep-data-backup')).toBeUndefined();
    expect(sim.directory(REMOTE.host, '/data/backup')).toMatchObject({ glusterMeta: true });
  });

  it('refuses before creating anything: not empty, old brick, taken name', async () => {
    const { sim, rg, calls } = recorded();
    sim.setDirectory(REMOTE.host, '/data/backup', { entries: 2 });
    await expect(provisionDirectoryVolume(rg, target)).rejects.toMatchObject({
      name: 'ProvisionError',
      step: 'inspect',
      reason: 'refused',
      volumeExists: false,
    });
    sim.setDirectory(REMOTE.host, '/data/backup', { entries: 0, volumeId: 'ab'.repeat(16) });
    await expect(provisionDirectoryVolume(rg, target)).rejects.toThrow(
      /carries trusted.glusterfs.volume-id/,
    );
    expect(calls.some((c) => c.startsWith('volume create'))).toBe(false);
    await expect(
      provisionDirectoryVolume(rg, { ...target, path: '/data/other', volume: 'vmstore-backup' }),
    ).rejects.toThrow(/name vmstore-backup is taken .* which this service did not create/);
  });

  it('says why the remote cannot be used: no Gluster, no SSH, no such host', async () => {
    const { sim, rg } = recorded();
    await expect(
      provisionDirectoryVolume(rg, {
        ...target,
        remote: { ...REMOTE, host: 'nogluster.remote.example' },
      }),
    ).rejects.toMatchObject({
      reason: 'access',
      message: expect.stringMatching(
        /Gluster is not installed on nogluster.remote.example \(bash: line 1: gluster: command not found\)/,
      ),
    });
    sim.setPasswordlessSsh(REMOTE.host, 'root', false);
    await expect(provisionDirectoryVolume(rg, target)).rejects.toThrow(
      /SSH from gprod1.lab.example to root@backup.remote.example failed: .*does not accept root's SSH key.*\(ssh said: root@backup.remote.example: Permission denied/,
    );
    sim.setPasswordlessSsh(REMOTE.host, 'root', true);
    await expect(
      provisionDirectoryVolume(rg, { ...target, remote: { ...REMOTE, host: 'nowhere.example' } }),
    ).rejects.toThrow(/cannot find a host named nowhere.example/);
    await expect(
      provisionDirectoryVolume(rg, { ...target, remote: { ...REMOTE, port: 2222 } }),
    ).rejects.toThrow(/refused the connection .* port 2222/);
  });

  it('a failure after create leaves the volume in place and says so', async () => {
    const { rg } = recorded();
    const failing: RemoteGluster = {
      ...rg,
      async gluster(node, remote, argv, o) {
        if (argv.includes('start'))
          return { stdout: '', stderr: 'volume start: failed: simulated\n', code: 1 };
        return rg.gluster(node, remote, argv, o);
      },
      directory: rg.directory,
    };
    const err = await provisionDirectoryVolume(failing, target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvisionError);
    expect(err).toMatchObject({ step: 'start', volumeExists: true });
    expect((err as Error).message).toMatch(
      /Starting volume georep-data-backup failed\. .*Volume georep-data-backup exists on backup.remote.example:\/data\/backup and was left in place\./,
    );
  });

  it('only removes what it provisioned', async () => {
    const { rg, calls } = recorded();
    await expect(
      findProvisionedVolume(rg, { node: target.node, remote: REMOTE, volume: 'vmstore-backup' }),
    ).rejects.toThrow(
      /was not provisioned by this service \(it has no user.ovirt-georep.provisioned option\)/,
    );
    await expect(
      removeProvisionedVolume(rg, { node: target.node, remote: REMOTE, volume: 'vmstore-backup' }),
    ).rejects.toMatchObject({ reason: 'refused' });
    await expect(
      findProvisionedVolume(rg, { node: target.node, remote: REMOTE, volume: 'georep-nothing' }),
    ).rejects.toThrow(/does not exist on backup.remote.example/);
    expect(calls.filter((c) => /stop|delete/.test(c))).toEqual([]);
  });
});

// ---------------------------------------------------------------- the shared rules

describe('directory target rules (src/georep/validation.ts)', () => {
  it('normalises, and derives the volume name from the normalised path', () => {
    expect(checkDirectoryTarget('/data//backup/')).toEqual({
      path: '/data/backup',
      volume: 'georep-data-backup',
    });
    expect(checkDirectoryTarget('/srv/geo_rep/x1')).toEqual({
      path: '/srv/geo_rep/x1',
      volume: 'georep-srv-geo_rep-x1',
    });
    expect(provisionedVolumeName('/data/my-backup')).toBe(provisionedVolumeName('/data/my-backup'));
    expect(provisionedVolumeName('/data/my-backup')).not.toBe(
      provisionedVolumeName('/data/my.backup'),
    );
    expect(provisionedVolumeName('/data/my-backup')).toMatch(/^georep-data-my-backup-[0-9a-f]{8}$/);
    expect(provisionedVolumeName('/@@/%%')).toMatch(/^georep-[0-9a-f]{8}$/);
  });
  it.each([
    '/',
    '/etc',
    '/var',
    '/var/lib',
    '/tmp',
    '/home',
    '/root',
    '/srv',
    '/mnt',
    '/var/log/glusterfs',
    '/usr/share/x',
    'relative',
  ])('refuses %j', (p) => {
    expect(checkDirectoryTarget(p)).toHaveProperty('reason');
  });
  it('allows directories under the top-level ones', () => {
    for (const p of [
      '/srv/backup',
      '/home/geo/dir',
      '/mnt/disk1/georep',
      '/var/backups/georep',
      '/tmp/x/y',
    ])
      expect(checkDirectoryTarget(p)).toHaveProperty('path', p);
    expect(parseRemoteTarget('/srv/backup')).toEqual({ kind: 'path', path: '/srv/backup' });
  });
});
