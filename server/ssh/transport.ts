// The one SSH transport of the service (ssh2): every connection it opens goes through here, so a
// host gets the same answer whoever asks. It owns
//  - connecting with the host-key check: the key a server presents is judged by a HostKeyPolicy
//    (host-trust.ts: the engine's record of the cluster hosts' keys, or a known_hosts), in the
//    handshake, before any authentication; the server is asked for the key types the policy names;
//  - running one command with a time limit, its output bounded;
//  - classifying what went wrong (the host key, the login, the network, time).
// What runs over it (the Gluster exec and its pool, the host shell of provisioning, the SSH trust
// set-up) lives with its callers; OpenSSH's own rules are cited where they are modelled.
import type { Duplex } from 'node:stream';
import { Client, type ClientChannel, type ConnectConfig, type ServerHostKeyAlgorithm } from 'ssh2';
import type { HostKeyPolicy, HostKeyVerdict } from './host-trust';
import { HOST_KEY_ALGORITHMS, publicKeyOfBlob, type PublicKey } from './keys';

export type TransportFailure =
  'host_key_mismatch' | 'host_key_unknown' | 'auth_failed' | 'timeout' | 'unreachable';

/** A connection that could not be made, classified; `reason` is in plain words. */
export class TransportError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly failure: TransportFailure,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'TransportError';
  }

  get hostKey(): boolean {
    return this.failure === 'host_key_mismatch' || this.failure === 'host_key_unknown';
  }
}

type Ssh2Error = Error & { level?: string; code?: string };

/** What an ssh2 connection error means, given the host-key verdict of the handshake (if any). */
export function classifyConnectError(
  err: Ssh2Error,
  verdict: HostKeyVerdict | null,
  timeoutMs: number,
): { failure: TransportFailure; reason: string } {
  if (verdict && !verdict.ok)
    return {
      failure: verdict.kind === 'mismatch' ? 'host_key_mismatch' : 'host_key_unknown',
      reason: verdict.reason,
    };
  if (err.level === 'client-timeout' || err.code === 'ETIMEDOUT')
    return { failure: 'timeout', reason: `no answer within ${Math.round(timeoutMs / 1000)} s` };
  if (err.level === 'client-authentication')
    return { failure: 'auth_failed', reason: 'the key was not accepted' };
  const reason =
    err.code === 'ECONNREFUSED'
      ? 'connection refused'
      : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN'
        ? 'the name does not resolve'
        : err.code === 'EHOSTUNREACH' || err.code === 'ENETUNREACH'
          ? 'no route to the host'
          : err.message;
  return { failure: 'unreachable', reason };
}

export interface ConnectSpec {
  host: string;
  port: number;
  username: string;
  /** A stream to speak SSH over instead of TCP (a channel forwarded from a cluster host). */
  sock?: Duplex;
  privateKey?: string | Buffer;
  passphrase?: string;
  authHandler?: ConnectConfig['authHandler'];
  /** The handshake and login together; default 10 s. */
  timeoutMs?: number;
  /** Host key types to ask for; default every type this service accepts (keys.ts). */
  algorithms?: readonly string[];
  /** Judges the key the server presents, before anything is sent. */
  trust: (blob: Buffer) => HostKeyVerdict | Promise<HostKeyVerdict>;
  /** SSH keepalives, for a connection that is kept open. */
  keepalive?: boolean;
  /** Listeners to attach before connecting (e.g. 'change password'). */
  prepare?: (c: Client) => void;
}

/** A connection, logged in; rejects with a TransportError. The caller ends it. */
export function openSsh(spec: ConnectSpec): Promise<Client> {
  const timeoutMs = spec.timeoutMs ?? 10_000;
  return new Promise<Client>((resolve, reject) => {
    const client = new Client();
    let verdict: HostKeyVerdict | null = null;
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      f();
    };
    const refuse = (failure: TransportFailure, reason: string): void =>
      settle(() => {
        client.destroy();
        reject(new TransportError(spec.host, spec.port, failure, reason));
      });
    // ssh2's readyTimeout does not cover every stall (a forwarded socket that never answers).
    const guard = setTimeout(
      () => refuse('timeout', `no answer within ${Math.round(timeoutMs / 1000)} s`),
      timeoutMs + 1_000,
    );
    spec.prepare?.(client);
    client.once('ready', () => settle(() => resolve(client)));
    // Kept for the connection's life: an error after the login must not go unheard.
    client.on('error', (err: Ssh2Error) => {
      const c = classifyConnectError(err, verdict, timeoutMs);
      refuse(c.failure, c.reason);
    });
    client.on('close', () =>
      refuse(
        verdict && !verdict.ok
          ? verdict.kind === 'mismatch'
            ? 'host_key_mismatch'
            : 'host_key_unknown'
          : 'unreachable',
        verdict && !verdict.ok ? verdict.reason : 'connection closed during the SSH handshake',
      ),
    );
    const cfg: ConnectConfig = {
      host: spec.host,
      port: spec.port,
      username: spec.username,
      readyTimeout: timeoutMs,
      algorithms: {
        serverHostKey: [...(spec.algorithms ?? HOST_KEY_ALGORITHMS)] as ServerHostKeyAlgorithm[],
      },
      // In the key exchange, before any authentication request: refusing here sends nothing.
      hostVerifier: (blob: Buffer, verify: (ok: boolean) => void) => {
        Promise.resolve()
          .then(() => spec.trust(blob))
          .then(
            (v) => {
              verdict = v;
              verify(v.ok);
            },
            (e: unknown) => {
              verdict = {
                ok: false,
                kind: 'unknown',
                reason: `the host key could not be checked (${e instanceof Error ? e.message : String(e)})`,
              };
              verify(false);
            },
          );
      },
      ...(spec.sock ? { sock: spec.sock } : {}),
      ...(spec.privateKey !== undefined ? { privateKey: spec.privateKey } : {}),
      ...(spec.passphrase !== undefined ? { passphrase: spec.passphrase } : {}),
      ...(spec.authHandler ? { authHandler: spec.authHandler } : {}),
      ...(spec.keepalive ? { keepaliveInterval: 15_000, keepaliveCountMax: 3 } : {}),
    };
    try {
      client.connect(cfg);
    } catch (e) {
      refuse('unreachable', e instanceof Error ? e.message : String(e));
    }
  });
}

/** How the service logs in to a cluster host (its own key, as the engine does). */
export interface ServiceLogin {
  privateKey: string | Buffer;
  passphrase?: string;
  /** Default root. */
  user?: string;
  /** The host-key rule: the engine's record (EngineHostKeys) or a known_hosts (knownHostsPolicy). */
  hostKeys: HostKeyPolicy;
  /** Default 10 s. */
  connectTimeoutMs?: number;
}

/**
 * A logged-in connection to a cluster host as the service. The server is asked for the key types
 * the policy names (the engine's rule: EngineSSHClient asks for the pinned key's type only).
 */
export async function connectNode(
  node: string,
  port: number,
  login: ServiceLogin,
  o: { keepalive?: boolean } = {},
): Promise<Client> {
  const algorithms = await login.hostKeys.algorithms(node, port).catch(() => undefined);
  return openSsh({
    host: node,
    port,
    username: login.user ?? 'root',
    privateKey: login.privateKey,
    ...(login.passphrase !== undefined ? { passphrase: login.passphrase } : {}),
    authHandler: ['publickey'],
    timeoutMs: login.connectTimeoutMs ?? 10_000,
    ...(algorithms ? { algorithms } : {}),
    trust: (blob) => login.hostKeys.verify(node, port, blob),
    keepalive: o.keepalive ?? false,
  });
}

/** The key a server presents, read in the handshake; nothing is authenticated. */
export async function readHostKey(
  host: string,
  port: number,
  o: { user?: string; timeoutMs?: number } = {},
): Promise<PublicKey> {
  const seen: { key: PublicKey | null } = { key: null };
  try {
    const c = await openSsh({
      host,
      port,
      username: o.user ?? 'root',
      timeoutMs: o.timeoutMs ?? 10_000,
      // Only the key is wanted: refuse it, which ends the connection before any authentication.
      trust: (blob) => {
        seen.key = publicKeyOfBlob(blob);
        return { ok: false, kind: 'unknown', reason: 'only the key was read' };
      },
    });
    c.end();
  } catch (e) {
    if (seen.key) return seen.key;
    if (e instanceof TransportError && e.hostKey)
      throw new TransportError(
        host,
        port,
        'unreachable',
        'the server presented no key of a known type',
      );
    throw e;
  }
  if (seen.key) return seen.key;
  throw new TransportError(
    host,
    port,
    'unreachable',
    'the server presented no key of a known type',
  );
}

export interface RunResult {
  /** The exit status; null when the command ended without one (a signal, or a timeout). */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** The time limit passed: the channel was closed; what came until then is kept. */
  timedOut: boolean;
}

/** The channel for the command could not be opened (nothing ran); the connection may be gone. */
export class ChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelError';
  }
}

/**
 * Runs one command string on the connection with a time limit. A non-zero exit is a result, not
 * an error; only a channel that cannot be opened rejects (ChannelError). `stdin`, when given, is
 * sent and the input closed.
 */
export function runCommand(
  c: Client,
  command: string,
  o: { timeoutMs: number; stdin?: string; maxOutputBytes?: number },
): Promise<RunResult> {
  const cap = o.maxOutputBytes ?? Infinity;
  return new Promise<RunResult>((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    let settled = false;
    let stream: ClientChannel | null = null;
    const result = (code: number | null, signal: string | null, timedOut: boolean): RunResult => ({
      code,
      signal,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
      timedOut,
    });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      stream?.close();
      resolve(result(null, null, true));
    }, o.timeoutMs);
    const failed = (e: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new ChannelError(e instanceof Error ? e.message : String(e)));
    };
    try {
      c.exec(command, (e, ch) => {
        if (e) {
          failed(e);
          return;
        }
        stream = ch;
        ch.on('data', (d: Buffer) => {
          if (outLen < cap) out.push(d);
          outLen += d.length;
        });
        ch.stderr.on('data', (d: Buffer) => {
          if (errLen < cap) err.push(d);
          errLen += d.length;
        });
        ch.on('close', (code: number | null | undefined, signal?: string) => {
          clearTimeout(timer);
          if (settled) return;
          settled = true;
          resolve(result(typeof code === 'number' ? code : null, signal ?? null, false));
        });
        if (o.stdin !== undefined) ch.end(o.stdin);
      });
    } catch (e) {
      // ssh2 throws at once when the connection is already gone
      failed(e);
    }
  });
}
