// GlusterExec over SSH (ssh2): runs `gluster` on a remote Gluster node, the way the engine reaches
// its hosts. SSH hands the remote user's shell one command string, so every argv element is quoted
// with shell-quote (after the client validated it): each arrives as one inert argument. The host
// key must be known (known_hosts content or an explicit check): there is no trust-on-first-use.
// One connection per node is kept and reused, with a bounded number of channels at a time.
import { quote } from 'shell-quote';
import type { Client } from 'ssh2';
import { allPolicies, knownHostsPolicy, type HostKeyPolicy } from '../ssh/host-trust';
import { fingerprintOfBlob, KnownHosts } from '../ssh/keys';
import {
  connectNode,
  runCommand as runOnConnection,
  TransportError,
  type RunResult,
  type ServiceLogin,
} from '../ssh/transport';
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

interface Conn {
  client: Client | null;
  ready: Promise<void>;
  active: number;
  waiting: (() => void)[];
  idle: NodeJS.Timeout | null;
  closed: boolean;
}

/**
 * The host-key rule of these options, as one HostKeyPolicy (ssh/host-trust.ts): every rule given
 * must accept the key (as before the transport, none is dropped when several are given).
 */
function policyOf(options: SshExecOptions): HostKeyPolicy {
  const rules: HostKeyPolicy[] = [];
  if (options.knownHosts) rules.push(knownHostsPolicy(KnownHosts.parse(options.knownHosts)));
  const check = options.hostKeyCheck;
  if (check)
    rules.push({
      algorithms: () => Promise.resolve(undefined),
      verify: (node, _port, key) => {
        const presented = fingerprintOfBlob(key);
        return Promise.resolve(
          check(node, presented, key)
            ? { ok: true, source: 'known_hosts' }
            : {
                ok: false,
                kind: 'unknown',
                reason: `the key presented, ${presented}, is not the known key of ${node}`,
              },
        );
      },
    });
  if (options.hostKeys) rules.push(options.hostKeys);
  return allPolicies(rules);
}

/** A failed connection in the Gluster exec's words: the node cannot be used. */
export function unreachableFrom(node: string, e: unknown, user: string): GlusterUnreachableError {
  if (e instanceof TransportError) {
    const why = e.hostKey
      ? `host key verification failed (${e.reason})`
      : e.failure === 'auth_failed'
        ? `SSH login as ${user} refused (key not authorized)`
        : e.reason;
    return new GlusterUnreachableError(node, why);
  }
  return new GlusterUnreachableError(node, e instanceof Error ? e.message : String(e));
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
  const login: ServiceLogin = {
    privateKey: options.privateKey,
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
    user,
    hostKeys: policyOf(options),
    connectTimeoutMs,
  };
  const conns = new Map<string, Conn>();

  function drop(node: string, c: Conn): void {
    c.closed = true;
    if (c.idle) clearTimeout(c.idle);
    if (conns.get(node) === c) conns.delete(node);
    for (const w of c.waiting.splice(0)) w();
  }

  function connect(node: string): Conn {
    const existing = conns.get(node);
    if (existing && !existing.closed) return existing;
    const c: Conn = {
      client: null,
      ready: Promise.resolve(),
      active: 0,
      waiting: [],
      idle: null,
      closed: false,
    };
    c.ready = connectNode(node, port, login, { keepalive: true }).then(
      (client) => {
        c.client = client;
        const gone = (): void => drop(node, c);
        client.on('error', gone);
        client.on('close', gone);
        if (c.closed) client.end();
      },
      (e: unknown) => {
        drop(node, c);
        throw unreachableFrom(node, e, user);
      },
    );
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
          c.client?.end();
        }
      }, idleTimeoutMs);
      c.idle.unref();
    }
  }

  /** Runs the command; `opened` tells whether the remote command may have started. */
  async function execOnce(
    node: string,
    c: Conn,
    command: string,
    program: string,
    opts: ExecOptions,
    opened: { value: boolean },
  ): Promise<ExecResult> {
    if (c.closed || !c.client)
      throw new GlusterUnreachableError(
        node,
        'cannot run a command over SSH: the connection closed',
      );
    let r: RunResult;
    try {
      r = await runOnConnection(c.client, command, { timeoutMs: opts.timeoutMs });
    } catch (e) {
      throw new GlusterUnreachableError(
        node,
        `cannot run a command over SSH: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    opened.value = true;
    if (r.timedOut) {
      // the channel is abandoned: drop the connection at once (sshd then ends the remote
      // session); other commands on it fail as unreachable, new ones get a new connection
      drop(node, c);
      c.client.destroy();
      throw new GlusterTimeoutError(node, opts.timeoutMs);
    }
    if (r.code === null) {
      if (r.signal) return { stdout: r.stdout, stderr: r.stderr, code: 255 };
      throw new GlusterUnreachableError(node, 'the SSH channel closed without an exit status');
    }
    if (r.code === 127) {
      // the remote shell found no such program
      throw new GlusterUnreachableError(
        node,
        `${program} is not installed (${r.stderr.trim() || 'exit code 127'})`,
      );
    }
    return { stdout: r.stdout, stderr: r.stderr, code: r.code };
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
            c.client?.destroy();
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
              const client = c.client;
              if (!client) {
                resolve();
                return;
              }
              const t = setTimeout(() => {
                client.destroy();
                resolve();
              }, 2_000);
              client.once('close', () => {
                clearTimeout(t);
                resolve();
              });
              client.end();
            }),
        ),
      );
    },
    connectionCount: () => [...conns.values()].filter((c) => !c.closed).length,
  };
}
