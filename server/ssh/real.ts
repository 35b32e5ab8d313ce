// The real backend: OpenSSH on the cluster hosts. The service reaches a cluster host the way the
// engine does, with its own key as root (ssh2), checking the host's key against the known hosts
// it was given. What the cluster host can do is asked of the cluster host itself (ssh-keyscan,
// ssh -o BatchMode=yes), so the answers are the ones geo-replication will meet.
//
// The password setup never lets the password touch the cluster host: the service opens a
// direct-tcpip channel from the cluster host to the remote (the TCP connection starts there, so
// the remote sees the host's address and the host's route), and speaks SSH itself over that
// channel. The remote's host key is compared with the confirmed fingerprint in the handshake,
// before authentication: on a mismatch the connection is dropped and nothing is sent.
import type {
  AuthHandlerMiddleware,
  Client,
  ClientChannel,
  KeyboardInteractiveCallback,
  Prompt,
} from 'ssh2';
import { knownHostsPolicy, type HostKeyPolicy } from './host-trust';
import {
  authorizeCommand,
  authorizeWithKeyArgv,
  classifyChannelOpen,
  classifyKeyCheck,
  classifySsh,
  GSYNCD_SECRET_PEM,
  gsyncdKeyVerdict,
  keyCheckArgv,
  keyscanArgv,
  knownHostsCommand,
  parseKeyscan,
  probeArgv,
  rootKeyCommand,
  toCommand,
  verifyArgv,
  type NodeSshClient,
} from './commands';
import { parsePublicKey, publicKeyOfBlob, type KnownHosts, type PublicKey } from './keys';
import {
  dest,
  explain,
  failed,
  fingerprintMismatch,
  keySetupOk,
  logOutcome,
  situationOf,
  stillFails,
  noPasswordMethod,
  passwordExpired,
  setupOk,
  verifiedOk,
  type Situation,
} from './messages';
import {
  SshNodeError,
  SshRemoteError,
  type HostKeyInfo,
  type SshLog,
  type SshTarget,
  type SshTrust,
  type VerifyResult,
  type VerifyTarget,
} from './types';
import { connectNode, openSsh, readHostKey, runCommand, TransportError } from './transport';
import { assertKeySetup, assertRemote, assertSetup, assertVerifyTarget } from './validate';

/** The subset of a pino/fastify logger the backend uses. Nothing secret is ever passed to it. */
export type { SshLog } from './types';

export interface RealSshTrustOptions {
  /** The service's private key for the cluster hosts (OpenSSH or PEM text). */
  privateKey: string | Buffer;
  passphrase?: string;
  /** The account the service logs in as on the cluster hosts; default root. */
  user?: string;
  /** The cluster hosts' own keys, as the service trusts them: a known_hosts... */
  knownHosts?: KnownHosts;
  /** ...or the installed service's rule, the engine's record of each host's key (host-trust.ts). */
  hostKeys?: HostKeyPolicy;
  /** Port of the cluster hosts' sshd: a number (default 22) or per node. */
  nodePort?: number | ((node: string) => number);
  /** How the ssh client on the cluster hosts is set up (key directory, known_hosts, checking). */
  client?: NodeSshClient;
  /** Connecting to a cluster host, and the ssh ConnectTimeout on it; default 10 s. */
  connectTimeoutMs?: number;
  /** One command on a cluster host or the remote; default 30 s. */
  commandTimeoutMs?: number;
  log?: SshLog;
}

interface ExecOutcome {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

const OUTPUT_CAP = 256 * 1024;
const NOOP_LOG: SshLog = { info: () => undefined, warn: () => undefined };

const toInfo = (k: PublicKey): HostKeyInfo => ({
  algorithm: k.algorithm,
  fingerprint: k.fingerprint,
  public_key: k.text,
});
const lastLine = (s: string): string =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1) ?? '';

export class RealSshTrust implements SshTrust {
  private readonly user: string;
  private readonly connectTimeoutMs: number;
  private readonly commandTimeoutMs: number;
  private readonly client: NodeSshClient;
  private readonly log: SshLog;

  private readonly hostKeys: HostKeyPolicy;

  constructor(private readonly opts: RealSshTrustOptions) {
    if (!opts.hostKeys && !opts.knownHosts)
      throw new Error('RealSshTrust needs knownHosts or hostKeys: host keys are always verified');
    this.hostKeys =
      opts.hostKeys ?? knownHostsPolicy(opts.knownHosts!, "the service's known hosts");
    this.user = opts.user ?? 'root';
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
    this.commandTimeoutMs = opts.commandTimeoutMs ?? 30_000;
    this.client = opts.client ?? {};
    this.log = opts.log ?? NOOP_LOG;
  }

  private portOf(node: string, port?: number): number {
    if (port !== undefined) return port;
    const p = this.opts.nodePort;
    return typeof p === 'function' ? p(node) : (p ?? 22);
  }

  // ---------------------------------------------------------------- SshTrust

  async hostKey(node: string, port?: number): Promise<HostKeyInfo> {
    const p = this.portOf(node, port);
    try {
      return toInfo(
        await readHostKey(node, p, { user: this.user, timeoutMs: this.connectTimeoutMs }),
      );
    } catch (e) {
      throw nodeError(node, p, e, this.connectTimeoutMs);
    }
  }

  async remoteHostKey(fromNode: string, remote: string, port: number): Promise<HostKeyInfo> {
    assertRemote(remote, port);
    const s: Situation = { from: fromNode, user: 'root', host: remote, port };
    return this.withNode(fromNode, async (c) => {
      const scan = await this.exec(
        c,
        s.from,
        toCommand(keyscanArgv(remote, port, this.connectTimeoutMs / 1000)),
        {
          timeoutMs: this.connectTimeoutMs + 5_000,
        },
      );
      const keys = parseKeyscan(scan.stdout);
      if (keys[0]) return toInfo(keys[0]);
      if (scan.timedOut) throw new SshRemoteError('timeout', explain('timeout', s));
      if (
        /getaddrinfo|Name or service not known|Temporary failure in name resolution/.test(
          scan.stderr,
        )
      ) {
        throw new SshRemoteError('unreachable', explain('unreachable', s, { cause: 'dns' }));
      }
      // ssh-keyscan says nothing about why; a connection that stops at the host key does.
      const probe = await this.exec(
        c,
        s.from,
        toCommand(probeArgv(remote, port, this.connectTimeoutMs / 1000)),
        {
          timeoutMs: this.connectTimeoutMs + 5_000,
        },
      );
      if (probe.timedOut) throw new SshRemoteError('timeout', explain('timeout', s));
      const why = classifySsh(probe, false);
      if (
        why &&
        (why.failure === 'refused' || why.failure === 'unreachable' || why.failure === 'timeout') &&
        why.cause !== 'no_shell'
      ) {
        throw new SshRemoteError(why.failure, explain(why.failure, s, why));
      }
      throw new SshRemoteError('refused', explain('refused', s, { cause: 'no_key_types' }));
    });
  }

  async verify(fromNode: string, target: VerifyTarget): Promise<VerifyResult> {
    assertVerifyTarget(target);
    const s = situationOf(fromNode, target, target.privateKeyPath);
    const result = await this.withNode(fromNode, (c) => this.verifyOn(c, s));
    logOutcome(this.log, 'check', s, result);
    return result;
  }

  async setupWithPassword(
    fromNode: string,
    target: SshTarget,
    password: string,
    confirmedFingerprint: string,
  ): Promise<VerifyResult> {
    assertSetup(target, password, confirmedFingerprint);
    const s = situationOf(fromNode, target);
    const result = await this.withNode(fromNode, async (c) => {
      // 1. Root's own key on the cluster host (created if it has none): before the password is used.
      const rootKey = await this.rootKey(c, s.from);

      // 2. A TCP connection from the cluster host to the remote, carried back to the service.
      let channel: ClientChannel;
      try {
        channel = await this.forwardOut(c, target.host, target.port);
      } catch (err) {
        const why = classifyChannelOpen(err instanceof Error ? err.message : String(err));
        return failed(why.failure, s, why);
      }

      // 3. SSH to the remote over it: host key first, then the password, once.
      const login = await passwordLogin(
        channel,
        s,
        password,
        confirmedFingerprint,
        this.connectTimeoutMs,
      );
      if (login.kind === 'fail') return login.result;

      // 4. Root's key into the user's authorized_keys, once.
      let added: boolean;
      try {
        const r = await this.exec(login.client, target.host, authorizeCommand(), {
          stdin: `${rootKey.text}\n`,
          timeoutMs: this.commandTimeoutMs,
        }).catch((err: unknown): ExecOutcome => ({
          code: -1,
          stdout: '',
          stderr: err instanceof Error ? err.message : String(err),
          timedOut: false,
        }));
        const said = lastLine(r.stdout);
        if (r.code !== 0 || (said !== 'added' && said !== 'present')) {
          return {
            ok: false,
            failure: 'refused' as const,
            detail: `${dest(s)} accepted the password, but root's key of ${fromNode} could not be added to ~/.ssh/authorized_keys there: ${
              lastLine(r.stderr) || (r.timedOut ? 'no answer in time' : `exit status ${r.code}`)
            }. Nothing else was changed.`,
          };
        }
        added = said === 'added';
      } finally {
        login.client.end();
      }

      // 5. The confirmed key becomes the one the cluster host knows for the remote.
      const kh = await this.exec(
        c,
        s.from,
        knownHostsCommand(this.client, target.host, target.port, login.hostKey),
        {
          timeoutMs: this.commandTimeoutMs,
        },
      );
      if (kh.code !== 0) {
        this.log.warn(
          { ssh_from: fromNode, ssh_to: dest(s), error: lastLine(kh.stderr) },
          'could not record the confirmed host key in known_hosts',
        );
      }

      // 6. Does it work now, the way geo-replication will use it?
      const v = await this.verifyOn(c, s);
      if (v.ok) return setupOk(s, rootKey.fingerprint, added);
      return stillFails(s, added, v);
    });
    logOutcome(this.log, 'setup with a password', s, result);
    return result;
  }

  async setupWithKey(
    fromNode: string,
    target: SshTarget,
    privateKeyPath: string,
  ): Promise<VerifyResult> {
    assertKeySetup(target, privateKeyPath);
    const s = { from: fromNode, ...target, privateKeyPath };
    const result = await this.withNode(fromNode, async (c) => {
      // 1. The given key must log in first (its failures say why: no file, mode, refused).
      const withKey = await this.verifyOn(c, s);
      if (!withKey.ok) return withKey;

      // 2. Root's own key on the cluster host (created if it has none).
      const rootKey = await this.rootKey(c, fromNode);

      // 3. With the given key, root's own key into the user's authorized_keys, once.
      const r = await this.exec(
        c,
        s.from,
        toCommand(authorizeWithKeyArgv(s, this.client, this.connectTimeoutMs / 1000)),
        {
          stdin: `${rootKey.text}\n`,
          timeoutMs: this.connectTimeoutMs * 2 + this.commandTimeoutMs,
        },
      );
      const said = lastLine(r.stdout);
      if (r.code !== 0 || (said !== 'added' && said !== 'present')) {
        return {
          ok: false,
          failure: 'refused' as const,
          detail: `${dest(s)} accepted ${privateKeyPath} of ${fromNode}, but root's own key of ${fromNode} could not be added to ~/.ssh/authorized_keys there: ${
            lastLine(r.stderr) || (r.timedOut ? 'no answer in time' : `exit status ${r.code}`)
          }. Nothing else was changed.`,
        };
      }
      const added = said === 'added';

      // 4. Root's own key, the way Gluster's create will log in.
      const plain: Situation = { from: fromNode, ...target };
      const v = await this.verifyOn(c, plain);
      if (v.ok) return keySetupOk(s, rootKey.fingerprint, added);
      return stillFails(s, added, v);
    });
    logOutcome(this.log, 'setup with a key', s, result);
    return result;
  }

  // ---------------------------------------------------------------- internals

  /** Root's public key on the cluster host, created (id_ed25519) when it has none. */
  private async rootKey(c: Client, node: string): Promise<PublicKey> {
    const rk = await this.exec(c, node, rootKeyCommand(this.client), {
      timeoutMs: this.commandTimeoutMs,
    });
    const key = rk.code === 0 ? parsePublicKey(lastLine(rk.stdout)) : null;
    if (!key) {
      throw new SshNodeError(
        node,
        'command_failed',
        `Could not read or create root's SSH key on ${node}${rk.timedOut ? ' (no answer in time)' : ''}: ${lastLine(rk.stderr) || `exit status ${rk.code}`}.`,
      );
    }
    return key;
  }

  async gsyncdKeyAccepted(fromNode: string, target: SshTarget): Promise<boolean | null> {
    const t = { ...target, privateKeyPath: GSYNCD_SECRET_PEM };
    assertVerifyTarget(t);
    return this.withNode(fromNode, async (c) => {
      const r = await this.exec(
        c,
        fromNode,
        toCommand(verifyArgv(t, this.client, this.connectTimeoutMs / 1000)),
        { timeoutMs: this.connectTimeoutMs * 2 + 5_000, stdin: '' },
      );
      return r.timedOut ? null : gsyncdKeyVerdict(classifySsh(r, true));
    });
  }

  private async verifyOn(c: Client, s: Situation): Promise<VerifyResult> {
    const withKey = s.privateKeyPath !== undefined;
    if (s.privateKeyPath !== undefined) {
      const k = await this.exec(c, s.from, toCommand(keyCheckArgv(s.privateKeyPath)), {
        timeoutMs: this.commandTimeoutMs,
        stdin: '',
      });
      if (k.timedOut)
        throw new SshNodeError(
          s.from,
          'timeout',
          `${s.from} did not answer in time while reading the key ${s.privateKeyPath}.`,
        );
      const bad = classifyKeyCheck(k);
      if (bad) return failed(bad.failure, s, bad);
    }
    const r = await this.exec(
      c,
      s.from,
      toCommand(verifyArgv(s, this.client, this.connectTimeoutMs / 1000)),
      {
        timeoutMs: this.connectTimeoutMs * 2 + 5_000,
        stdin: '',
      },
    );
    if (r.timedOut) return failed('timeout', s);
    const why = classifySsh(r, withKey);
    return why ? failed(why.failure, s, why) : verifiedOk(s);
  }

  /** Connect to a cluster host as the service, run `fn`, always disconnect. */
  private async withNode<T>(node: string, fn: (c: Client) => Promise<T>): Promise<T> {
    const port = this.portOf(node);
    let c: Client;
    try {
      c = await connectNode(node, port, {
        privateKey: this.opts.privateKey,
        ...(this.opts.passphrase !== undefined ? { passphrase: this.opts.passphrase } : {}),
        user: this.user,
        hostKeys: this.hostKeys,
        connectTimeoutMs: this.connectTimeoutMs,
      });
    } catch (e) {
      throw nodeError(node, port, e, this.connectTimeoutMs);
    }
    c.on('error', (err: Error) =>
      this.log.warn({ node, error: err.message }, 'SSH connection to the cluster host failed'),
    );
    try {
      return await fn(c);
    } finally {
      c.end();
    }
  }

  private async exec(
    c: Client,
    where: string,
    command: string,
    o: { stdin?: string; timeoutMs: number },
  ): Promise<ExecOutcome> {
    try {
      // No command here reads more than it is given: its input is ended at once.
      const r = await runCommand(c, command, {
        timeoutMs: o.timeoutMs,
        stdin: o.stdin ?? '',
        maxOutputBytes: OUTPUT_CAP,
      });
      return {
        code: r.code !== null ? r.code : r.signal ? 128 : -1,
        stdout: r.stdout,
        stderr: r.stderr,
        timedOut: r.timedOut,
      };
    } catch (err) {
      throw new SshNodeError(
        where,
        'command_failed',
        `Could not run a command on ${where} over SSH: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  private forwardOut(c: Client, host: string, port: number): Promise<ClientChannel> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(new Error('connection timed out'));
      }, this.connectTimeoutMs);
      c.forwardOut('127.0.0.1', 0, host, port, (err, ch) => {
        clearTimeout(timer);
        if (settled) {
          // ssh2 types the channel as always given; on an error it is undefined.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
          ch?.close();
          return;
        }
        settled = true;
        if (err) reject(err);
        else resolve(ch);
      });
    });
  }
}

/** A cluster host the service could not use, in the service's words (from the transport's class). */
function nodeError(node: string, port: number, e: unknown, timeoutMs: number): SshNodeError {
  if (!(e instanceof TransportError))
    return new SshNodeError(
      node,
      'unreachable',
      `The geo-replication service cannot reach ${node} on SSH port ${port}: ${e instanceof Error ? e.message : String(e)}.`,
    );
  switch (e.failure) {
    case 'host_key_mismatch':
      return new SshNodeError(
        node,
        'host_key_mismatch',
        `The SSH host key of ${node} is not the one the geo-replication service trusts for it, so the service did not log in: ${e.reason}.`,
      );
    case 'host_key_unknown':
      return new SshNodeError(
        node,
        'host_key_unknown',
        `The geo-replication service has no SSH host key on record for ${node} (port ${port}), so it did not log in: ${e.reason}.`,
      );
    case 'timeout':
      return new SshNodeError(
        node,
        'timeout',
        `${node} did not answer the geo-replication service on SSH port ${port} within ${Math.round(timeoutMs / 1000)} s.`,
      );
    case 'auth_failed':
      return new SshNodeError(
        node,
        'auth_failed',
        `${node} did not accept the geo-replication service's SSH key. Install the service's public key for root on the host.`,
      );
    case 'unreachable':
      return new SshNodeError(
        node,
        'unreachable',
        `The geo-replication service cannot reach ${node} on SSH port ${port}: ${e.reason}.`,
      );
  }
}

// ---------------------------------------------------------------- the password login

type Login =
  { kind: 'ok'; client: Client; hostKey: PublicKey } | { kind: 'fail'; result: VerifyResult };

async function passwordLogin(
  channel: ClientChannel,
  s: Situation,
  password: string,
  confirmed: string,
  timeoutMs: number,
): Promise<Login> {
  // Set by ssh2's callbacks during openSsh (typed wide: TypeScript cannot see those writes).
  let actual = null as PublicKey | null;
  let mismatch = false as boolean;
  let expired = false as boolean;
  let noMethod = false as boolean;
  const failure = (): VerifyResult | null => {
    if (mismatch) return fingerprintMismatch(s, confirmed, actual?.fingerprint ?? null);
    if (expired) return passwordExpired(s);
    if (noMethod) return noPasswordMethod(s);
    return null;
  };
  const fail = (result: VerifyResult): Login => {
    channel.close();
    return { kind: 'fail', result };
  };
  let client: Client;
  try {
    client = await openSsh({
      host: s.host,
      port: s.port,
      username: s.user,
      sock: channel,
      timeoutMs,
      // The remote's key must be the one the user confirmed: refused in the key exchange, before
      // the password (or anything) is sent.
      trust: (blob) => {
        actual = publicKeyOfBlob(blob);
        mismatch = !actual || actual.fingerprint !== confirmed;
        return mismatch
          ? { ok: false, kind: 'mismatch', reason: 'not the confirmed key' }
          : { ok: true, source: 'confirmed' };
      },
      authHandler: passwordAuthHandler(s.user, password, () => {
        noMethod = true;
      }),
      prepare: (c) =>
        c.on('change password', () => {
          expired = true;
          c.end();
        }),
    });
  } catch (e) {
    const known = failure();
    if (known) return fail(known);
    const why = e instanceof TransportError ? e.failure : 'unreachable';
    if (why === 'auth_failed') return fail(failed('auth_failed', s));
    if (why === 'timeout') return fail(failed('timeout', s));
    return fail(failed('unreachable', s, { cause: 'closed' }));
  }
  if (actual && !mismatch) return { kind: 'ok', client, hostKey: actual };
  client.end();
  return fail(fingerprintMismatch(s, confirmed, null));
}

/**
 * Authentication for the setup: first `none` (sends nothing secret; the server answers with the
 * methods it accepts), then the password once, by `password` or else `keyboard-interactive`, then
 * give up. Exported for tests.
 */
export function passwordAuthHandler(
  user: string,
  password: string,
  onNoPasswordMethod: () => void,
): AuthHandlerMiddleware {
  let step = 0;
  return (methodsLeft, _partial, next) => {
    step += 1;
    if (step === 1) {
      next({ type: 'none', username: user });
      return;
    }
    if (step === 2) {
      // ssh2 passes null before the first attempt only (step 1); here, the methods still open.
      const left = methodsLeft;
      if (left.includes('password')) {
        next({ type: 'password', username: user, password });
        return;
      }
      if (left.includes('keyboard-interactive')) {
        next({
          type: 'keyboard-interactive',
          username: user,
          prompt: keyboardInteractiveResponder(password),
        });
        return;
      }
      onNoPasswordMethod();
    }
    (next as unknown as (m: false) => void)(false);
  };
}

/**
 * Answers keyboard-interactive prompts: the password goes to the first hidden prompt only (once,
 * over all rounds); anything else gets an empty answer.
 */
export function keyboardInteractiveResponder(
  password: string,
): (
  name: string,
  instructions: string,
  lang: string,
  prompts: Prompt[],
  finish: KeyboardInteractiveCallback,
) => void {
  let used = false;
  return (_name, _instructions, _lang, prompts, finish) => {
    finish(
      prompts.map((p) => {
        if (!used && !p.echo) {
          used = true;
          return password;
        }
        return '';
      }),
    );
  };
}
