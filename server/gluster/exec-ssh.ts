// GlusterExec over SSH (ssh2): runs `gluster` on a remote Gluster node, the way the engine reaches
// its hosts. SSH hands the remote user's shell one command string, so every argv element is quoted
// with shell-quote (after the client validated it): each arrives as one inert argument. The host
// key must be known (known_hosts content or an explicit check): there is no trust-on-first-use.
// One connection per node is kept and reused, with a bounded number of channels at a time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { quote } from 'shell-quote';
import { Client, type ConnectConfig, type ServerHostKeyAlgorithm } from 'ssh2';
import type { HostKeyPolicy } from '../ssh/host-trust';
import {
  GlusterTimeoutError,
  GlusterUnreachableError,
  type ExecOptions,
  type ExecResult,
  type GlusterExec,
} from './exec';
import type { ProgramExec } from './probe';

export interface SshExecOptions {
  /** The client private key (OpenSSH or PEM text). */
  privateKey: string | Buffer;
  passphrase?: string;
  /** Remote user; default root. */
  user?: string;
  /** SSH port of every node; default 22. */
  port?: number;
  /** OpenSSH known_hosts content; the node (or `[node]:port`) must be listed with the key it presents. */
  knownHosts?: string;
  /** Or decide yourself: the node, the key's fingerprint (`SHA256:<base64>`, as ssh-keygen -l prints it) and the key blob. */
  hostKeyCheck?: (node: string, fingerprint: string, key: Buffer) => boolean;
  /** Or the installed service's rule: the engine's record of each host's key (ssh/host-trust.ts). */
  hostKeys?: HostKeyPolicy;
  /** Handshake limit; default 10 s. */
  connectTimeoutMs?: number;
  /** Close a node's connection after this long without commands; default 60 s. */
  idleTimeoutMs?: number;
  /** Channels (commands) at a time on one connection; default 8 (OpenSSH allows 10). */
  maxChannels?: number;
  /** The gluster binary on the nodes; default /usr/sbin/gluster. */
  glusterCommand?: string;
}

export interface SshGlusterExec extends GlusterExec, ProgramExec {
  /** Close every connection. */
  close(): Promise<void>;
  /** Open connections, for tests and metrics. */
  connectionCount(): number;
}

const SAFE_COMMAND = /^[A-Za-z0-9_./-]+$/;

/** The command string the remote shell runs: the gluster binary and every argv element, quoted. */
export function buildRemoteCommand(
  argv: readonly string[],
  glusterCommand = '/usr/sbin/gluster',
): string {
  if (!SAFE_COMMAND.test(glusterCommand))
    throw new Error(`unsafe gluster command path: ${JSON.stringify(glusterCommand)}`);
  for (const a of argv) {
    if (typeof a !== 'string') throw new TypeError('argv elements must be strings');
    if (a.includes('\0')) throw new Error('an argument cannot contain NUL');
  }
  return quote([glusterCommand, ...argv]);
}

/** `SHA256:<base64 without padding>` of an SSH public key blob, as `ssh-keygen -l` prints it. */
export function sshFingerprint(key: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '');
}

interface KnownHostLine {
  marker: '' | '@revoked' | '@cert-authority';
  patterns: string[];
  key: Buffer;
}

function parseKnownHosts(content: string): KnownHostLine[] {
  const out: KnownHostLine[] = [];
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    let marker: KnownHostLine['marker'] = '';
    if (parts[0] === '@revoked' || parts[0] === '@cert-authority')
      marker = parts.shift() as KnownHostLine['marker'];
    if (parts.length < 3) continue;
    const key = Buffer.from(parts[2]!, 'base64');
    if (key.length === 0) continue;
    out.push({ marker, patterns: parts[0]!.split(','), key });
  }
  return out;
}

function hashedMatch(pattern: string, name: string): boolean {
  // |1|<base64 salt>|<base64 HMAC-SHA1(salt, name)>
  const m = /^\|1\|([^|]+)\|([^|]+)$/.exec(pattern);
  if (!m) return false;
  const mac = createHmac('sha1', Buffer.from(m[1]!, 'base64')).update(name).digest();
  const want = Buffer.from(m[2]!, 'base64');
  return want.length === mac.length && timingSafeEqual(want, mac);
}

function wildcardMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
    'i',
  );
  return re.test(name);
}

function patternsMatch(patterns: readonly string[], name: string): boolean {
  let hit = false;
  for (const p of patterns) {
    const neg = p.startsWith('!');
    const pat = neg ? p.slice(1) : p;
    const ok = pat.startsWith('|1|') ? hashedMatch(pat, name) : wildcardMatch(pat, name);
    if (ok && neg) return false;
    if (ok) hit = true;
  }
  return hit;
}

/** A host-key check from known_hosts content: the presented key must be listed for the host (and not revoked). */
export function knownHostsCheck(
  content: string,
): (node: string, port: number, key: Buffer) => boolean {
  const lines = parseKnownHosts(content);
  return (node, port, key) => {
    // OpenSSH writes a host on a non-standard port as [host]:port
    const name = port === 22 ? node : `[${node}]:${port}`;
    if (lines.some((l) => l.marker === '@revoked' && l.key.equals(key))) return false;
    return lines.some(
      (l) => l.marker === '' && patternsMatch(l.patterns, name) && l.key.equals(key),
    );
  };
}

interface Conn {
  client: Client;
  ready: Promise<void>;
  active: number;
  waiting: (() => void)[];
  idle: NodeJS.Timeout | null;
  closed: boolean;
}

export function sshExec(options: SshExecOptions): SshGlusterExec {
  if (!options.knownHosts && !options.hostKeyCheck && !options.hostKeys) {
    throw new Error(
      'sshExec needs knownHosts, hostKeyCheck or hostKeys: host keys are always verified',
    );
  }
  const user = options.user ?? 'root';
  const port = options.port ?? 22;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const maxChannels = Math.max(1, options.maxChannels ?? 8);
  const glusterCommand = options.glusterCommand ?? '/usr/sbin/gluster';
  const known = options.knownHosts ? knownHostsCheck(options.knownHosts) : null;
  const conns = new Map<string, Conn>();

  /** null when accepted, else why not. */
  async function refusal(node: string, key: Buffer): Promise<string | null> {
    const presented = sshFingerprint(key);
    const unknown = `the key presented, ${presented}, is not the known key of ${node}`;
    if (known && !known(node, port, key)) return unknown;
    if (options.hostKeyCheck && !options.hostKeyCheck(node, presented, key)) return unknown;
    if (options.hostKeys) {
      const v = await options.hostKeys.verify(node, port, key);
      if (!v.ok) return v.reason;
    }
    return null;
  }

  function drop(node: string, c: Conn): void {
    c.closed = true;
    if (c.idle) clearTimeout(c.idle);
    if (conns.get(node) === c) conns.delete(node);
    for (const w of c.waiting.splice(0)) w();
  }

  function connect(node: string): Conn {
    const existing = conns.get(node);
    if (existing && !existing.closed) return existing;
    const client = new Client();
    let rejectedKey: string | null = null;
    const algorithms = options.hostKeys
      ? options.hostKeys.algorithms(node, port).catch(() => undefined)
      : Promise.resolve(undefined);
    const c: Conn = {
      client,
      ready: Promise.resolve(),
      active: 0,
      waiting: [],
      idle: null,
      closed: false,
    };
    c.ready = new Promise<void>((resolve, reject) => {
      let settled = false;
      client.once('ready', () => {
        settled = true;
        resolve();
      });
      client.on('error', (err: Error & { level?: string }) => {
        drop(node, c);
        if (settled) return;
        settled = true;
        const why = rejectedKey
          ? `host key verification failed (${rejectedKey})`
          : err.level === 'client-authentication'
            ? `SSH login as ${user} refused (key not authorized)`
            : err.message;
        reject(new GlusterUnreachableError(node, why));
      });
      client.on('close', () => {
        drop(node, c);
        if (!settled) {
          settled = true;
          reject(new GlusterUnreachableError(node, 'connection closed during the SSH handshake'));
        }
      });
      const cfg: ConnectConfig = {
        host: node,
        port,
        username: user,
        privateKey: options.privateKey,
        passphrase: options.passphrase,
        readyTimeout: connectTimeoutMs,
        keepaliveInterval: 15_000,
        keepaliveCountMax: 3,
        hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
          refusal(node, key).then(
            (why) => {
              rejectedKey = why;
              verify(why === null);
            },
            (e: unknown) => {
              rejectedKey = `the host key could not be checked: ${(e as Error).message}`;
              verify(false);
            },
          );
        },
      };
      void algorithms.then((serverHostKey) => {
        if (settled || c.closed) return;
        client.connect(
          serverHostKey
            ? { ...cfg, algorithms: { serverHostKey: serverHostKey as ServerHostKeyAlgorithm[] } }
            : cfg,
        );
      });
    });
    c.ready.catch(() => undefined);
    conns.set(node, c);
    return c;
  }

  async function acquire(c: Conn): Promise<void> {
    while (c.active >= maxChannels && !c.closed) await new Promise<void>((r) => c.waiting.push(r));
    c.active++;
    if (c.idle) {
      clearTimeout(c.idle);
      c.idle = null;
    }
  }

  function release(node: string, c: Conn): void {
    c.active--;
    c.waiting.shift()?.();
    if (c.active === 0 && !c.closed) {
      c.idle = setTimeout(() => {
        if (c.active === 0) {
          drop(node, c);
          c.client.end();
        }
      }, idleTimeoutMs);
      c.idle.unref();
    }
  }

  /** Runs the command; `opened` tells whether the remote command may have started. */
  function execOnce(
    node: string,
    c: Conn,
    command: string,
    program: string,
    opts: ExecOptions,
    opened: { value: boolean },
  ): Promise<ExecResult> {
    return new Promise<ExecResult>((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        // the channel is abandoned: drop the connection at once (sshd then ends the remote
        // session); other commands on it fail as unreachable, new ones get a new connection
        drop(node, c);
        c.client.destroy();
        reject(new GlusterTimeoutError(node, opts.timeoutMs));
      }, opts.timeoutMs);
      const fail = (err: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(new GlusterUnreachableError(node, `cannot run a command over SSH: ${err.message}`));
      };
      try {
        c.client.exec(command, (err, stream) => {
          if (err) {
            fail(err);
            return;
          }
          opened.value = true;
          const out: Buffer[] = [];
          const errb: Buffer[] = [];
          stream.on('data', (d: Buffer) => out.push(d));
          stream.stderr.on('data', (d: Buffer) => errb.push(d));
          stream.on('close', (code: number | null, signal?: string) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            const stdout = Buffer.concat(out).toString('utf8');
            const stderr = Buffer.concat(errb).toString('utf8');
            if (code === null || code === undefined) {
              if (signal) resolve({ stdout, stderr, code: 255 });
              else
                reject(
                  new GlusterUnreachableError(
                    node,
                    'the SSH channel closed without an exit status',
                  ),
                );
              return;
            }
            if (code === 127) {
              // the remote shell found no such program
              reject(
                new GlusterUnreachableError(
                  node,
                  `${program} is not installed (${stderr.trim() || 'exit code 127'})`,
                ),
              );
              return;
            }
            resolve({ stdout, stderr, code });
          });
        });
      } catch (e) {
        // ssh2 throws at once when the connection is already gone
        fail(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  async function runCommand(
    node: string,
    command: string,
    program: string,
    opts: ExecOptions,
  ): Promise<ExecResult> {
    for (let attempt = 0; ; attempt++) {
      const c = connect(node);
      const opened = { value: false };
      await c.ready;
      await acquire(c);
      try {
        return await execOnce(node, c, command, program, opts, opened);
      } catch (e) {
        // a reused connection that died before the command started: one retry on a new one
        if (attempt === 0 && !opened.value && e instanceof GlusterUnreachableError) {
          if (!c.closed) {
            drop(node, c);
            c.client.destroy();
          }
          continue;
        }
        throw e;
      } finally {
        release(node, c);
      }
    }
  }

  return {
    run(node: string, argv: readonly string[], opts: ExecOptions): Promise<ExecResult> {
      return runCommand(node, buildRemoteCommand(argv, glusterCommand), glusterCommand, opts);
    },
    runProgram(node, program, argv, opts): Promise<ExecResult> {
      return runCommand(node, buildRemoteCommand(argv, program), program, opts);
    },
    async close(): Promise<void> {
      await Promise.all(
        [...conns].map(
          ([node, c]) =>
            new Promise<void>((resolve) => {
              drop(node, c);
              const t = setTimeout(() => {
                c.client.destroy();
                resolve();
              }, 2_000);
              c.client.once('close', () => {
                clearTimeout(t);
                resolve();
              });
              c.client.end();
            }),
        ),
      );
    },
    connectionCount: () => [...conns.values()].filter((c) => !c.closed).length,
  };
}
