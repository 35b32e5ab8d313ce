// An SSH exec request is one string that the far side's login shell parses. Hostile values are
// refused by validation; and should one get past it, the quoting keeps it one inert argument. The
// fixed scripts are run here with sh, as the cluster host and the remote run them.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AUTHORIZE_SCRIPT,
  authorizeCommand,
  authorizeWithKeyArgv,
  KEY_CHECK_SCRIPT,
  KNOWN_HOSTS_SCRIPT,
  keyCheckArgv,
  keyscanArgv,
  knownHostsCommand,
  probeArgv,
  ROOT_KEY_SCRIPT,
  rootKeyCommand,
  toCommand,
  verifyArgv,
} from '../../../../server/ssh/commands';
import { parsePublicKey } from '../../../../server/ssh/keys';
import {
  assertRemote,
  assertSetup,
  assertVerifyTarget,
  GeoRepValidationError,
} from '../../../../server/ssh/validate';

let dir = '';
let mark = '';
let fakeBin = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'georep-ssh-quote-'));
  mark = join(dir, 'PWNED');
  fakeBin = join(dir, 'bin');
  mkdirSync(fakeBin);
  // Stand-ins that record the argv they receive, one NUL-terminated element each.
  for (const prog of ['ssh', 'ssh-keyscan', 'ssh-keygen']) {
    writeFileSync(
      join(fakeBin, prog),
      '#!/bin/sh\nfor a in "$@"; do printf "%s\\0" "$a"; done > "$ARGV_OUT"\n',
    );
    chmodSync(join(fakeBin, prog), 0o755);
  }
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const hostile = (m: string): string[] => [
  `a;touch ${m}`,
  `$(touch ${m})`,
  `\`touch ${m}\``,
  `' ; touch ${m} ; '`,
  `" ; touch ${m} ; "`,
  `a && touch ${m}`,
  `|touch ${m}`,
  `>${m}`,
  '*',
  '~root',
  `-oProxyCommand=touch ${m}`,
  'a b\tc',
  '!!',
  '\\',
  '%d',
  '{a,b}',
  '#comment',
  "it's",
  '$HOME',
  '',
];

/** Run `command` as a login shell would (`<shell> -c command`) with the recording stand-ins first in PATH. */
function runAsShell(shell: string, command: string): string[] {
  const out = join(dir, 'argv.out');
  rmSync(out, { force: true });
  const r = spawnSync(shell, ['-c', command], {
    env: { PATH: `${fakeBin}:/usr/bin:/bin`, ARGV_OUT: out, HOME: dir },
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  return readFileSync(out, 'latin1').split('\0').slice(0, -1);
}

describe('validation refuses hostile values before anything runs', () => {
  const base = { user: 'root', host: 'backup.remote.example', port: 22 };
  it.each(hostile('/tmp/x').filter((v) => v !== ''))('remote host %p', (v) => {
    expect(() => assertVerifyTarget({ ...base, host: v })).toThrow(GeoRepValidationError);
  });
  it.each(hostile('/tmp/x'))('user %p', (v) => {
    expect(() => assertVerifyTarget({ ...base, user: v })).toThrow(GeoRepValidationError);
  });
  it.each(hostile('/tmp/x'))('private key path %p', (v) => {
    expect(() => assertVerifyTarget({ ...base, privateKeyPath: v })).toThrow(GeoRepValidationError);
  });
  it.each([
    ['/root/.ssh/id rsa'],
    ['/root/.ssh/%u'],
    ['relative/key'],
    ['/root/.ssh/'],
    ['/root/.ssh/k\n'],
    ['~root/.ssh/k'],
  ])('private key path %p', (v) => {
    expect(() => assertVerifyTarget({ ...base, privateKeyPath: v })).toThrow(GeoRepValidationError);
  });
  it('good values pass', () => {
    expect(() =>
      assertVerifyTarget({ ...base, privateKeyPath: '/root/.ssh/id_georep-1.key' }),
    ).not.toThrow();
    expect(() =>
      assertVerifyTarget({
        user: 'geoaccount',
        host: '10.1.2.3',
        port: 2222,
        privateKeyPath: '~/.ssh/backup',
      }),
    ).not.toThrow();
  });
  it.each([[0], [65536], [1.5], [-22]])('port %p', (p) => {
    expect(() => assertRemote('backup.remote.example', p)).toThrow(GeoRepValidationError);
  });
  it('the password and fingerprint: refused with reasons that never quote the password', () => {
    const fp = 'SHA256:' + 'A'.repeat(43);
    for (const pw of ['', 'a\u0000b', 'x'.repeat(1025)]) {
      try {
        assertSetup(base, pw, fp);
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(GeoRepValidationError);
        expect((e as GeoRepValidationError).field).toBe('password');
        if (pw.length > 0) expect((e as Error).message).not.toContain(pw);
      }
    }
    expect(() => assertSetup(base, 'ok-pw', 'SHA256:short')).toThrow(/confirmed_fingerprint/);
    expect(() => assertSetup(base, 'any \'"$(x)` pw', fp)).not.toThrow();
  });
});

describe('quoting keeps what gets past validation one inert argument', () => {
  it.each([['sh'], ['bash']])(
    'verify, key check, keyscan and probe argv through %s -c',
    (shell) => {
      for (const v of hostile(mark)) {
        const argvs = [
          verifyArgv(
            { user: v || 'u', host: v, port: 22, privateKeyPath: v },
            { sshDir: v, knownHostsFile: v },
            5,
          ),
          authorizeWithKeyArgv(
            { user: v || 'u', host: v, port: 22, privateKeyPath: v || '/k' },
            { sshDir: v, knownHostsFile: v },
            5,
          ),
          keyscanArgv(v, 22, 5),
          probeArgv(v, 22, 5),
        ];
        for (const argv of argvs) {
          // eslint-disable-next-line no-control-regex
          if (/[\u0000-\u001f]/.test(v)) {
            expect(() => toCommand(argv)).toThrow(/control/);
            continue;
          }
          const got = runAsShell(shell, toCommand(argv));
          expect(got).toEqual(argv.slice(1));
        }
      }
      expect(existsSync(mark)).toBe(false);
    },
  );

  it('the remote command ssh joins on the far side is the fixed word "true": user and host travel as options', () => {
    const argv = verifyArgv(
      { user: 'geoaccount', host: 'backup.remote.example', port: 2222 },
      {},
      10,
    );
    const dd = argv.indexOf('--');
    expect(argv.slice(dd)).toEqual(['--', 'backup.remote.example', 'true']);
    expect(argv[argv.indexOf('-l') + 1]).toBe('geoaccount');
    expect(argv).toContain('BatchMode=yes');
    expect(argv).toContain('StrictHostKeyChecking=accept-new');
  });

  it.each([['sh'], ['bash']])(
    'the key check reaches ssh-keygen with the path as one argument through %s -c (and the script sh -c)',
    (shell) => {
      for (const v of hostile(mark)) {
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u001f]/.test(v) || v.startsWith('~/')) continue;
        expect(runAsShell(shell, toCommand(keyCheckArgv(v)))).toEqual(['-y', '-P', '', '-f', v]);
      }
      expect(existsSync(mark)).toBe(false);
    },
  );

  it("the key check expands a leading ~/ to the account's home, as ssh does for -i (ssh-keygen does not)", () => {
    expect(runAsShell('sh', toCommand(keyCheckArgv('~/.ssh/georep key')))).toEqual([
      '-y',
      '-P',
      '',
      '-f',
      `${dir}/.ssh/georep key`,
    ]);
    expect(runAsShell('sh', toCommand(keyCheckArgv('/x/~/y'))).at(-1)).toBe('/x/~/y');
  });

  it("with a key: the remote command is the authorize script, one word for ssh, parsed by the remote's shell", () => {
    const argv = authorizeWithKeyArgv(
      { user: 'geoaccount', host: 'backup.remote.example', port: 22, privateKeyPath: '~/k' },
      {},
      10,
    );
    expect(argv.slice(argv.indexOf('--'))).toEqual([
      '--',
      'backup.remote.example',
      authorizeCommand(),
    ]);
    expect(argv.slice(argv.indexOf('-i') - 2, argv.indexOf('-i') + 2)).toEqual([
      '-o',
      'IdentitiesOnly=yes',
      '-i',
      '~/k',
    ]);
  });

  it('control characters cannot be carried and are refused', () => {
    expect(() => toCommand(['ssh', 'a\nb'])).toThrow(/control/);
    expect(() => toCommand(['ssh', 'a\u0000b'])).toThrow(/control/);
    expect(() => toCommand(['ssh', 'a\rb'])).toThrow(/control/);
    expect(() => toCommand([])).toThrow();
  });

  it('the fixed scripts stay single-quotable (no quote, no "!", no line break) and travel verbatim', () => {
    for (const s of [ROOT_KEY_SCRIPT, AUTHORIZE_SCRIPT, KNOWN_HOSTS_SCRIPT, KEY_CHECK_SCRIPT]) {
      expect(s).not.toMatch(/['!\n\r]/);
    }
    expect(authorizeCommand()).toBe(`sh -c '${AUTHORIZE_SCRIPT}'`);
    expect(rootKeyCommand({})).toBe(`sh -c '${ROOT_KEY_SCRIPT}' georep-ssh ''`);
  });
});

const haveKeygen = spawnSync('ssh-keygen', ['-?']).error === undefined;

(haveKeygen ? describe : describe.skip)('the scripts, run with sh', () => {
  const sh = (
    command: string,
    env: Record<string, string>,
    input = '',
  ): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync('sh', ['-c', command], {
      env: { PATH: '/usr/bin:/bin', ...env },
      input,
      encoding: 'utf8',
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("root's key: created once as id_ed25519, then the same key every time", () => {
    const d = join(dir, 'rootkey1', '.ssh');
    const first = sh(rootKeyCommand({ sshDir: d }), { HOME: dir });
    expect(first.status).toBe(0);
    const key = parsePublicKey(first.stdout.trim());
    expect(key?.algorithm).toBe('ssh-ed25519');
    expect(statSync(join(d, 'id_ed25519')).mode & 0o777).toBe(0o600);
    expect(statSync(d).mode & 0o777).toBe(0o700);
    const again = sh(rootKeyCommand({ sshDir: d }), { HOME: dir });
    expect(parsePublicKey(again.stdout.trim())?.fingerprint).toBe(key!.fingerprint);
  });

  it("root's key: an existing id_rsa is used; a key with a passphrase is not", () => {
    const d = join(dir, 'rootkey2');
    mkdirSync(d, { recursive: true, mode: 0o700 });
    execFileSync('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      'secret',
      '-f',
      join(d, 'id_ed25519'),
    ]);
    const refused = sh(rootKeyCommand({ sshDir: d }), { HOME: dir });
    expect(refused.status).toBe(4);
    expect(refused.stderr).toMatch(/passphrase/);
    execFileSync('ssh-keygen', [
      '-q',
      '-t',
      'rsa',
      '-b',
      '2048',
      '-N',
      '',
      '-f',
      join(d, 'id_rsa'),
    ]);
    const r = sh(rootKeyCommand({ sshDir: d }), { HOME: dir });
    expect(r.status).toBe(0);
    expect(parsePublicKey(r.stdout)?.text).toBe(
      parsePublicKey(readFileSync(join(d, 'id_rsa.pub'), 'utf8'))?.text,
    );
  });

  it('authorized_keys: ~/.ssh 700 and the file 600 created; the key added once', () => {
    const home = join(dir, 'home1');
    mkdirSync(home);
    const key = readFileSync(join(dir, 'rootkey1', '.ssh', 'id_ed25519.pub'), 'utf8');
    const a = sh(authorizeCommand(), { HOME: home }, key);
    expect(a).toMatchObject({ status: 0, stdout: 'added\n' });
    expect(statSync(join(home, '.ssh')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, '.ssh', 'authorized_keys')).mode & 0o777).toBe(0o600);
    const b = sh(authorizeCommand(), { HOME: home }, key.replace(/\S+\s*$/, 'another-comment\n'));
    expect(b.stdout).toBe('present\n');
    expect(readFileSync(join(home, '.ssh', 'authorized_keys'), 'utf8')).toBe(key.trim() + '\n');
  });

  it('authorized_keys: keeps what is there, mends a missing last newline, tightens loose modes', () => {
    const home = join(dir, 'home2');
    mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o775 });
    chmodSync(join(home, '.ssh'), 0o775);
    const f = join(home, '.ssh', 'authorized_keys');
    const other =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH2H6hc29os/HgRLmtRjwSAVDGWtfVs2WwFNhPfkkfyv other@host';
    writeFileSync(f, other, { mode: 0o644 });
    const key = readFileSync(join(dir, 'rootkey1', '.ssh', 'id_ed25519.pub'), 'utf8');
    expect(sh(authorizeCommand(), { HOME: home }, key).stdout).toBe('added\n');
    expect(readFileSync(f, 'utf8')).toBe(`${other}\n${key.trim()}\n`);
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.ssh')).mode & 0o022).toBe(0);
  });

  it('authorized_keys: anything but one public key line is refused, inertly', () => {
    const home = join(dir, 'home3');
    mkdirSync(home);
    for (const bad of [
      '',
      'not a key\n',
      `$(touch ${mark})\n`,
      `command="touch ${mark}" ssh-ed25519 AAAA x\n`,
    ]) {
      const r = sh(authorizeCommand(), { HOME: home }, bad);
      expect(r.status).toBe(3);
    }
    const hostileComment = readFileSync(join(dir, 'rootkey1', '.ssh', 'id_ed25519.pub'), 'utf8')
      .trim()
      .replace(/\S+$/, `$(touch ${mark});*`);
    expect(sh(authorizeCommand(), { HOME: home }, hostileComment + '\n').stdout).toBe('added\n');
    expect(readFileSync(join(home, '.ssh', 'authorized_keys'), 'utf8')).toBe(hostileComment + '\n');
    expect(existsSync(mark)).toBe(false);
  });

  it("known_hosts: the remote's entries (plain or hashed) replaced by the confirmed key, others kept", () => {
    const kh = join(dir, 'kh', 'known_hosts');
    mkdirSync(join(dir, 'kh'));
    const oldKey =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH2H6hc29os/HgRLmtRjwSAVDGWtfVs2WwFNhPfkkfyv';
    const otherHost = `other.example ${oldKey}`;
    writeFileSync(kh, `[backup.remote.example]:2222 ${oldKey}\n${otherHost}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', kh], { stdio: 'ignore' });
    writeFileSync(kh, readFileSync(kh, 'utf8') + `[backup.remote.example]:2222 ${oldKey}\n`);
    const newKey = parsePublicKey(
      readFileSync(join(dir, 'rootkey1', '.ssh', 'id_ed25519.pub'), 'utf8'),
    )!;
    const r = sh(knownHostsCommand({ knownHostsFile: kh }, 'backup.remote.example', 2222, newKey), {
      HOME: dir,
    });
    expect(r.status).toBe(0);
    const lines = readFileSync(kh, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`[backup.remote.example]:2222 ${newKey.text}`);
    expect(
      execFileSync('ssh-keygen', ['-F', 'other.example', '-f', kh], { encoding: 'utf8' }),
    ).toContain('other.example');
  });
});
