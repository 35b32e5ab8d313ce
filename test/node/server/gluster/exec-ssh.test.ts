// sshExec against an in-process SSH server (ssh2's Server) that runs the command string with
// /bin/sh -c, as a real sshd hands it to the user's shell. The "gluster" it runs is a script that
// prints its argv as JSON: hostile arguments must arrive as one inert argument each.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Server, utils, type Connection, type ParsedKey } from 'ssh2';
import { GlusterTimeoutError, GlusterUnreachableError } from '../../../../server/gluster/exec';
import { buildRemoteCommand, sshExec } from '../../../../server/gluster/exec-ssh';
import { createGlusterClient } from '../../../../server/gluster/client';
import { fingerprintOfBlob, KnownHosts, parsePublicKey } from '../../../../server/ssh/keys';
import { GeoRepValidationError } from '../../../../src/georep/validation';

const HOSTILE = [
  '; rm -rf /',
  '$(id)',
  '`id`',
  "it's",
  '"double"',
  "'single'",
  'a\nb',
  'line1\r\nline2',
  '\\',
  '\\\\n',
  '$HOME ${HOME} $((1+1))',
  '* ? [a-z] {a,b} ~root',
  '| cat /etc/passwd',
  '> /tmp/x < /etc/passwd',
  '&& echo pwned || true &',
  "'; echo pwned; '",
  '"; echo pwned; "',
  '!sync-jobs',
  '!!',
  '#comment',
  '--xml',
  '-rf',
  '',
  ' ',
  '\t',
  'é ü 漢字 🙂',
  'a\'!b"$c`d\\e',
];

let dir: string;
/** The argv the fake gluster printed (NUL-terminated arguments). */
const args = (stdout: string): string[] => (stdout === '' ? [] : stdout.split('\0').slice(0, -1));
let argvScript: string;
let slowScript: string;
let exitScript: string;
const sentinel = () => path.join(dir, 'pwned');

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exec-ssh-test-'));
  argvScript = path.join(dir, 'gluster-argv');
  // prints each argument followed by NUL: the exact bytes it received, nothing interpreted
  fs.writeFileSync(argvScript, '#!/bin/sh\n[ $# -eq 0 ] && exit 0\nprintf "%s\\000" "$@"\n', {
    mode: 0o755,
  });
  slowScript = path.join(dir, 'gluster-slow');
  fs.writeFileSync(slowScript, `#!/bin/sh\nexec sleep 30\n`, { mode: 0o755 });
  exitScript = path.join(dir, 'gluster-exit');
  fs.writeFileSync(exitScript, `#!/bin/sh\necho "out $1"\necho "err $1" >&2\nexit "$1"\n`, {
    mode: 0o755,
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('buildRemoteCommand: through real shells', () => {
  jest.setTimeout(60_000);
  const shells = ['/bin/sh', '/bin/bash'].filter((s) => fs.existsSync(s));

  function throughShell(shell: string, argv: readonly string[]): string[] {
    const cmd = buildRemoteCommand(argv, argvScript);
    return args(execFileSync(shell, ['-c', cmd], { cwd: dir, encoding: 'utf8' }));
  }

  it.each(shells)('%s: every hostile argument arrives as one inert argument', (shell) => {
    expect(throughShell(shell, HOSTILE)).toEqual(HOSTILE);
    for (const h of HOSTILE) expect(throughShell(shell, ['config', h])).toEqual(['config', h]);
    expect(fs.existsSync(sentinel())).toBe(false);
  });

  it.each(shells)('%s: commands hidden in arguments do not run', (shell) => {
    const s = sentinel();
    const tries = [
      `; touch ${s}`,
      `$(touch ${s})`,
      `\`touch ${s}\``,
      `'; touch ${s}; '`,
      `"; touch ${s}; "`,
      `\ntouch ${s}\n`,
      `| touch ${s}`,
      `&& touch ${s}`,
    ];
    expect(throughShell(shell, tries)).toEqual(tries);
    expect(fs.existsSync(s)).toBe(false);
  });

  it.each(shells)('%s: random printable and control bytes round-trip', (shell) => {
    for (let i = 0; i < 30; i++) {
      const args = Array.from({ length: 5 }, () =>
        Array.from(randomBytes(12), (b) => String.fromCharCode(b % 127 === 0 ? 1 : b % 127)).join(
          '',
        ),
      );
      expect(throughShell(shell, args)).toEqual(args);
    }
  });

  it('refuses NUL (it cannot be passed) and an unsafe gluster path', () => {
    expect(() => buildRemoteCommand(['a\0b'])).toThrow(/NUL/);
    expect(() => buildRemoteCommand(['status'], '/usr/sbin/gluster; id')).toThrow(/unsafe/);
    expect(buildRemoteCommand(['--mode=script', '--xml', 'volume', 'info'])).toBe(
      '/usr/sbin/gluster --mode\\=script --xml volume info',
    );
  });
});

describe("the exec's host keys: the one known_hosts matcher (ssh/keys.ts KnownHosts)", () => {
  // An ssh-ed25519 wire blob: string "ssh-ed25519", string <32 bytes>.
  const sshString = (b: Buffer): Buffer => {
    const n = Buffer.alloc(4);
    n.writeUInt32BE(b.length);
    return Buffer.concat([n, b]);
  };
  const blob = (): Buffer =>
    Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(randomBytes(32))]);
  const key = blob();
  const b64 = key.toString('base64');
  const pk = parsePublicKey(`ssh-ed25519 ${b64}`)!;
  const ok = (text: string, host: string, port: number): boolean =>
    KnownHosts.parse(text).check(host, port, pk) === 'match';
  it('plain, [host]:port, wildcards, negation, hashed, revoked, any case (as OpenSSH)', () => {
    expect(ok(`gl1,gl2 ssh-ed25519 ${b64}`, 'gl2', 22)).toBe(true);
    expect(ok(`gl1 ssh-ed25519 ${b64}`, 'gl1', 2222)).toBe(false);
    expect(ok(`[gl1]:2222 ssh-ed25519 ${b64}`, 'gl1', 2222)).toBe(true);
    expect(ok(`[gl1]:2222 ssh-ed25519 ${b64}`, 'gl1', 22)).toBe(false);
    expect(ok(`*.example.com ssh-ed25519 ${b64}`, 'gl1.example.com', 22)).toBe(true);
    expect(ok(`*.example.com,!bad.example.com ssh-ed25519 ${b64}`, 'bad.example.com', 22)).toBe(
      false,
    );
    // The same answer whichever way the name is spelled (the exec used to differ from the trust here).
    expect(ok(`GL1.Example.COM ssh-ed25519 ${b64}`, 'gl1.example.com', 22)).toBe(true);
    expect(ok(`gl1.example.com ssh-ed25519 ${b64}`, 'GL1.EXAMPLE.COM', 22)).toBe(true);
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('[gl1]:2222').digest('base64');
    expect(ok(`|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${b64}`, 'gl1', 2222)).toBe(true);
    expect(ok(`|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${b64}`, 'GL1', 2222)).toBe(true);
    expect(ok(`|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${b64}`, 'gl2', 2222)).toBe(false);
    expect(ok(`gl1 ssh-ed25519 ${b64}\n@revoked * ssh-ed25519 ${b64}`, 'gl1', 22)).toBe(false);
    expect(ok(`# comment\n\ngl1 ssh-ed25519 ${blob().toString('base64')}`, 'gl1', 22)).toBe(false);
  });
  it('fingerprints as ssh-keygen -l prints them (one function: fingerprintOfBlob)', () => {
    expect(fingerprintOfBlob(Buffer.from('abc'))).toBe(
      'SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0',
    );
  });
});

describe('sshExec against an SSH server', () => {
  jest.setTimeout(60_000);
  let server: Server;
  let port: number;
  let connections = 0;
  let knownHosts: string;
  let hostFingerprint: string;
  const clientKey = utils.generateKeyPairSync('ed25519');
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    const hostKey = utils.generateKeyPairSync('ed25519');
    const hostPub = utils.parseKey(hostKey.public) as ParsedKey;
    const allowed = utils.parseKey(clientKey.public) as ParsedKey;
    hostFingerprint = fingerprintOfBlob(hostPub.getPublicSSH());
    server = new Server({ hostKeys: [hostKey.private] }, (client: Connection) => {
      connections++;
      client
        .on('authentication', (ctx) => {
          if (
            ctx.method === 'publickey' &&
            ctx.username === 'root' &&
            ctx.key.algo === allowed.type &&
            ctx.key.data.equals(allowed.getPublicSSH()) &&
            (!ctx.signature || allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo))
          ) {
            ctx.accept();
          } else {
            ctx.reject();
          }
        })
        .on('ready', () => {
          client.on('session', (acceptSession) => {
            const session = acceptSession();
            session.on('exec', (accept, _reject, info) => {
              const stream = accept();
              // its own process group, so that ending the session ends everything the command started
              const child = spawn('/bin/sh', ['-c', info.command], { cwd: dir, detached: true });
              children.add(child);
              child.stdout.pipe(stream, { end: false });
              child.stderr.pipe(stream.stderr, { end: false });
              child.on('close', (code) => {
                children.delete(child);
                stream.exit(code ?? 255);
                stream.end();
              });
              stream.on('close', () => killGroup(child));
            });
          });
        })
        .on('error', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as net.AddressInfo).port;
    knownHosts = `[127.0.0.1]:${port} ${hostPub.type} ${hostPub.getPublicSSH().toString('base64')}\n`;
  });

  afterAll(async () => {
    for (const c of children) killGroup(c);
    await new Promise<void>((r) => server.close(() => r()));
  });

  const make = (extra: Partial<Parameters<typeof sshExec>[0]> = {}) =>
    sshExec({
      privateKey: clientKey.private,
      knownHosts,
      port,
      user: 'root',
      glusterCommand: argvScript,
      ...extra,
    });

  it('hostile arguments arrive as one inert argument each', async () => {
    const ex = make();
    try {
      const res = await ex.run('127.0.0.1', HOSTILE, { timeoutMs: 10_000 });
      expect(res.code).toBe(0);
      expect(args(res.stdout)).toEqual(HOSTILE);
      const s = sentinel();
      const tries = [`; touch ${s}`, `$(touch ${s})`, `\`touch ${s}\``];
      expect(args((await ex.run('127.0.0.1', tries, { timeoutMs: 10_000 })).stdout)).toEqual(tries);
      expect(fs.existsSync(s)).toBe(false);
    } finally {
      await ex.close();
    }
  });

  it('and the client refuses before that what Gluster must never see', async () => {
    const ex = make();
    try {
      const c = createGlusterClient(ex);
      const key = {
        primary_volume: 'p',
        secondary_host: 'h',
        secondary_volume: 's',
        secondary_user: 'root',
      };
      await expect(
        c.start('127.0.0.1', { ...key, secondary_volume: '; rm -rf /' }, {}),
      ).rejects.toThrow(GeoRepValidationError);
      await expect(c.configSet('127.0.0.1', key, 'rsync-options', 'a\nb')).rejects.toThrow(
        GeoRepValidationError,
      );
      expect(ex.connectionCount()).toBe(0);
    } finally {
      await ex.close();
    }
  });

  it('exit code, stdout and stderr come back', async () => {
    const ex = make({ glusterCommand: exitScript });
    try {
      expect(await ex.run('127.0.0.1', ['2'], { timeoutMs: 10_000 })).toEqual({
        stdout: 'out 2\n',
        stderr: 'err 2\n',
        code: 2,
      });
      expect(await ex.run('127.0.0.1', ['0'], { timeoutMs: 10_000 })).toEqual({
        stdout: 'out 0\n',
        stderr: 'err 0\n',
        code: 0,
      });
    } finally {
      await ex.close();
    }
  });

  it('reuses one connection per node, with bounded channels', async () => {
    const before = connections;
    const ex = make({ maxChannels: 3 });
    try {
      for (let i = 0; i < 3; i++) await ex.run('127.0.0.1', [String(i)], { timeoutMs: 10_000 });
      const many = await Promise.all(
        Array.from({ length: 10 }, (_, i) => ex.run('127.0.0.1', [`p${i}`], { timeoutMs: 20_000 })),
      );
      expect(many.map((r) => args(r.stdout))).toEqual(
        Array.from({ length: 10 }, (_, i) => [`p${i}`]),
      );
      expect(connections - before).toBe(1);
      expect(ex.connectionCount()).toBe(1);
    } finally {
      await ex.close();
    }
    expect(ex.connectionCount()).toBe(0);
  });

  it('closes an idle connection, and opens a new one when needed', async () => {
    const before = connections;
    const ex = make({ idleTimeoutMs: 100 });
    try {
      await ex.run('127.0.0.1', ['a'], { timeoutMs: 10_000 });
      await new Promise((r) => setTimeout(r, 400));
      expect(ex.connectionCount()).toBe(0);
      expect(args((await ex.run('127.0.0.1', ['b'], { timeoutMs: 10_000 })).stdout)).toEqual(['b']);
      expect(connections - before).toBe(2);
    } finally {
      await ex.close();
    }
  });

  it('no gluster binary on the node is an unreachable node', async () => {
    const ex = make({ glusterCommand: path.join(dir, 'no-such-gluster') });
    try {
      const e = await ex
        .run('127.0.0.1', ['volume', 'info'], { timeoutMs: 10_000 })
        .catch((err: unknown) => err);
      expect(e).toBeInstanceOf(GlusterUnreachableError);
      expect((e as Error).message).toMatch(/no-such-gluster is not installed/);
    } finally {
      await ex.close();
    }
  });

  it('a command that outlives its limit is a GlusterTimeoutError', async () => {
    const ex = make({ glusterCommand: slowScript });
    try {
      const t0 = Date.now();
      await expect(ex.run('127.0.0.1', [], { timeoutMs: 300 })).rejects.toThrow(
        GlusterTimeoutError,
      );
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      await ex.close();
    }
  });

  it('an unknown host key is refused (no trust on first use)', async () => {
    const other = utils.parseKey(utils.generateKeyPairSync('ed25519').public) as ParsedKey;
    const ex = make({
      knownHosts: `[127.0.0.1]:${port} ${other.type} ${other.getPublicSSH().toString('base64')}\n`,
    });
    const e = await ex.run('127.0.0.1', ['x'], { timeoutMs: 10_000 }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(GlusterUnreachableError);
    expect((e as Error).message).toMatch(/host key verification failed/);
    expect((e as Error).message).toContain(hostFingerprint);
    await ex.close();
  });

  it('a host key check callback sees the ssh-keygen style fingerprint', async () => {
    const seen: string[] = [];
    const ex = sshExec({
      privateKey: clientKey.private,
      port,
      glusterCommand: argvScript,
      hostKeyCheck: (node, fp) => {
        seen.push(`${node} ${fp}`);
        return fp === hostFingerprint;
      },
    });
    try {
      expect((await ex.run('127.0.0.1', ['ok'], { timeoutMs: 10_000 })).code).toBe(0);
      expect(seen).toEqual([`127.0.0.1 ${hostFingerprint}`]);
    } finally {
      await ex.close();
    }
  });

  it('a key the server does not accept is an unreachable node', async () => {
    const ex = make({ privateKey: utils.generateKeyPairSync('ed25519').private });
    const e = await ex.run('127.0.0.1', ['x'], { timeoutMs: 10_000 }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(GlusterUnreachableError);
    expect((e as Error).message).toMatch(/refused/);
    await ex.close();
  });

  it('a node that does not answer is unreachable', async () => {
    const free = await new Promise<number>((r) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => r(p));
      });
    });
    const ex = make({ port: free });
    await expect(ex.run('127.0.0.1', ['x'], { timeoutMs: 10_000 })).rejects.toThrow(
      GlusterUnreachableError,
    );
    await ex.close();
  });

  it('needs a way to check host keys', () => {
    expect(() => sshExec({ privateKey: clientKey.private })).toThrow(
      /knownHosts, hostKeyCheck or hostKeys/,
    );
  });
});
