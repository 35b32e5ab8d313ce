// The simulator backend: SSH trust between the lab's hosts, with a state of its own. It answers as
// the real backend does for the same situation (same failure kinds, same words), in the same order
// of checks: the cluster host, the key file, reaching the remote, the remote's host key, then
// authentication. What it models:
//   - host keys: every lab host and remote host has the key dev/lab.ts gives it; rotateHostKey()
//     gives a remote a new one;
//   - known_hosts per cluster host: a remote's key is recorded at the first check (accept-new) or
//     by a confirmed setup, and a different key later is host_key_changed;
//   - key files on the cluster hosts: root's own key /root/.ssh/id_rsa; /root/.ssh/loose_key
//     (mode 0644: ssh ignores it); /root/.ssh/protected_key (has a passphrase); any other path
//     does not exist; addKeyFile() adds more;
//   - authorized_keys per remote user: which keys log in as user@remote;
//   - passwords: LabRemoteHost.users; the cluster hosts' root has none that works over SSH;
//   - reachability: a name outside the lab does not resolve; a lab host that is non responsive or
//     down does not answer; another port than the host's SSH port is refused.
import { createHash } from 'node:crypto';
import type { Lab } from '../lab';
import { fingerprintOfBlob, knownHostsName } from '../../server/ssh/keys';
import {
  failed,
  fingerprintMismatch,
  keySetupOk,
  logOutcome,
  situationOf,
  stillFails,
  setupOk,
  verifiedOk,
  type Situation,
} from '../../server/ssh/messages';
import type {
  SshLog,
  HostKeyInfo,
  SshTarget,
  SshTrust,
  VerifyFailure,
  VerifyResult,
  VerifyTarget,
} from '../../server/ssh/types';
import { SshNodeError, SshRemoteError } from '../../server/ssh/types';
import {
  assertKeySetup,
  assertRemote,
  assertSetup,
  assertTarget,
  assertVerifyTarget,
} from '../../server/ssh/validate';

export interface SimKeyFile {
  /** Unix mode; group/other bits make ssh ignore the key (bad_key_permissions). */
  mode: number;
  /** Which key it is: remotes authorize key ids. */
  keyId: string;
  passphrase?: boolean;
  notAKey?: boolean;
}

export interface SimTrustPair {
  /** Cluster host (address or name). */
  from: string;
  user: string;
  /** Remote (address or name). */
  host: string;
}

export interface SimSshOptions {
  /** (cluster host → user@remote) pairs that work from the start; default: the demo's. */
  trusted?: SimTrustPair[];
  /** Key files to add: on `node`, `path`, accepted by `authorizedFor` (`user@host`). */
  keyFiles?: { node: string; path: string; mode?: number; authorizedFor?: string[] }[];
  /** As the real backend's client.hostKeyChecking; default accept-new. */
  hostKeyChecking?: 'accept-new' | 'yes';
  /** Answer after this long (ms), so a UI shows its progress; default 0. */
  latencyMs?: number;
  log?: SshLog;
}

interface SimHost {
  address: string;
  name: string;
  kind: 'cluster' | 'remote';
  status: string;
  port: number;
  key: HostKeyInfo;
  /** user → password (null: exists, but no password works over SSH). */
  users: Map<string, string | null>;
  /** Test control: how the host fails to answer, whatever the lab says. */
  reach: 'timeout' | 'refused' | 'unreachable' | null;
}

/** Root's own key on every cluster host in the simulator. */
export const SIM_ROOT_KEY_PATH = '/root/.ssh/id_rsa';
export const SIM_LOOSE_KEY_PATH = '/root/.ssh/loose_key';
export const SIM_PROTECTED_KEY_PATH = '/root/.ssh/protected_key';

/** The demo: the production cluster's hosts reach the DR cluster; nobody reaches backup.remote.example yet. */
export const DEMO_TRUST: SimTrustPair[] = [
  { from: 'gprod1.lab.example', user: 'root', host: 'gdr1.lab.example' },
  { from: 'gprod1.lab.example', user: 'root', host: 'gdr2.lab.example' },
  { from: 'gprod2.lab.example', user: 'root', host: 'gdr1.lab.example' },
  { from: 'gprod2.lab.example', user: 'root', host: 'gdr2.lab.example' },
];

/** The demo's "different private key": on gprod1, a key backup.remote.example's root accepts. */
export const DEMO_KEY_FILES: NonNullable<SimSshOptions['keyFiles']> = [
  {
    node: 'gprod1.lab.example',
    path: '/root/.ssh/georep_backup',
    mode: 0o600,
    authorizedFor: ['root@backup.remote.example'],
  },
];

function ed25519Identity(seed: string): HostKeyInfo {
  const field = (b: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const blob = Buffer.concat([
    field(Buffer.from('ssh-ed25519')),
    field(createHash('sha256').update(seed).digest()),
  ]);
  return {
    algorithm: 'ssh-ed25519',
    fingerprint: fingerprintOfBlob(blob),
    public_key: `ssh-ed25519 ${blob.toString('base64')}`,
  };
}

const rootKeyId = (node: string): string => `root@${node}`;

export class SimSshTrust implements SshTrust {
  private readonly hosts = new Map<string, SimHost>();
  private readonly keyFiles = new Map<string, Map<string, SimKeyFile>>();
  private readonly authorized = new Map<string, Set<string>>();
  private readonly known = new Map<string, Map<string, string>>();
  private readonly attempts: { host: string; user: string; ok: boolean }[] = [];
  private readonly hostKeyChecking: 'accept-new' | 'yes';
  private readonly latencyMs: number;
  private rotations = 0;

  constructor(
    lab: Lab,
    private readonly opts: SimSshOptions = {},
  ) {
    this.hostKeyChecking = opts.hostKeyChecking ?? 'accept-new';
    this.latencyMs = opts.latencyMs ?? 0;
    for (const h of lab.hosts) {
      this.add({
        address: h.address,
        name: h.name,
        kind: 'cluster',
        status: h.status,
        port: h.ssh_port,
        key: {
          algorithm: h.ssh_key_type,
          fingerprint: h.ssh_fingerprint,
          public_key: h.ssh_public_key ?? null,
        },
        users: new Map([['root', null]]),
        reach: null,
      });
      this.keyFiles.set(
        h.address.toLowerCase(),
        new Map<string, SimKeyFile>([
          [SIM_ROOT_KEY_PATH, { mode: 0o600, keyId: rootKeyId(h.address.toLowerCase()) }],
          [SIM_LOOSE_KEY_PATH, { mode: 0o644, keyId: `loose@${h.address.toLowerCase()}` }],
          [
            SIM_PROTECTED_KEY_PATH,
            { mode: 0o600, keyId: `protected@${h.address.toLowerCase()}`, passphrase: true },
          ],
        ]),
      );
    }
    for (const r of lab.remote_hosts) {
      this.add({
        address: r.address,
        name: r.address.split('.')[0]!,
        kind: 'remote',
        status: 'up',
        port: r.ssh_port,
        key: {
          algorithm: r.ssh_key_type,
          fingerprint: r.ssh_fingerprint,
          public_key: r.ssh_public_key ?? null,
        },
        users: new Map(r.users.map((u) => [u.name, u.password])),
        reach: null,
      });
    }
    for (const p of opts.trusted ?? DEMO_TRUST) {
      if (this.find(p.from) && this.find(p.host)) this.trust(p.from, p.user, p.host);
    }
    for (const k of opts.keyFiles ?? (opts.trusted ? [] : DEMO_KEY_FILES)) {
      if (this.find(k.node))
        this.addKeyFile(k.node, k.path, { mode: k.mode, authorizedFor: k.authorizedFor });
    }
  }

  // ---------------------------------------------------------------- SshTrust

  async hostKey(node: string, port?: number): Promise<HostKeyInfo> {
    await this.delay();
    const h = this.clusterHost(node);
    if (port !== undefined && port !== h.port) {
      throw new SshNodeError(
        node,
        'unreachable',
        `The geo-replication service cannot reach ${node} on SSH port ${port}: connection refused.`,
      );
    }
    return { ...h.key };
  }

  async remoteHostKey(fromNode: string, remote: string, port: number): Promise<HostKeyInfo> {
    assertRemote(remote, port);
    await this.delay();
    this.clusterHost(fromNode);
    const s: Situation = { from: fromNode, user: 'root', host: remote, port };
    const r = this.reach(remote, port);
    if ('failure' in r)
      throw new SshRemoteError(r.failure, failed(r.failure, s, { cause: r.cause }).detail);
    return { ...r.host.key };
  }

  async verify(fromNode: string, target: VerifyTarget): Promise<VerifyResult> {
    assertVerifyTarget(target);
    await this.delay();
    const s = situationOf(fromNode, target, target.privateKeyPath);
    const result = this.check(this.clusterHost(fromNode), s);
    logOutcome(this.opts.log, 'check', s, result);
    return result;
  }

  async setupWithPassword(
    fromNode: string,
    target: SshTarget,
    password: string,
    confirmedFingerprint: string,
  ): Promise<VerifyResult> {
    assertSetup(target, password, confirmedFingerprint);
    await this.delay();
    const node = this.clusterHost(fromNode);
    const s = situationOf(fromNode, target);
    const result = ((): VerifyResult => {
      const r = this.reach(target.host, target.port);
      if ('failure' in r) return failed(r.failure, s, { cause: r.cause });
      const remote = r.host;
      // The handshake: the remote's key before anything else; a different one ends it here.
      if (remote.key.fingerprint !== confirmedFingerprint)
        return fingerprintMismatch(s, confirmedFingerprint, remote.key.fingerprint);
      const known = remote.users.get(target.user);
      const ok = remote.users.has(target.user) && known !== null && known === password;
      this.attempts.push({ host: remote.address, user: target.user, ok });
      if (!ok) return failed('auth_failed', s);
      const set = this.authorizedSet(target.user, remote.address);
      const id = rootKeyId(node.address.toLowerCase());
      const added = !set.has(id);
      set.add(id);
      this.knownOf(node).set(knownHostsName(target.host, target.port), remote.key.fingerprint);
      const v = this.check(node, s);
      if (v.ok) return setupOk(s, this.rootKeyFingerprint(node), added);
      return stillFails(s, added, v);
    })();
    logOutcome(this.opts.log, 'setup with a password', s, result);
    return result;
  }

  /**
   * The simulated create push-pem installs gsyncd's key at once (the real hook does it after
   * create returned, server/ssh/real.ts asks the remote): accepted wherever the remote answers.
   */
  async gsyncdKeyAccepted(fromNode: string, target: SshTarget): Promise<boolean | null> {
    assertTarget(target);
    await this.delay();
    this.clusterHost(fromNode);
    return 'host' in this.reach(target.host, target.port) ? true : null;
  }

  async setupWithKey(
    fromNode: string,
    target: SshTarget,
    privateKeyPath: string,
  ): Promise<VerifyResult> {
    assertKeySetup(target, privateKeyPath);
    await this.delay();
    const node = this.clusterHost(fromNode);
    const s = { from: fromNode, ...target, privateKeyPath };
    const result = ((): VerifyResult => {
      const withKey = this.check(node, s);
      if (!withKey.ok) return withKey;
      const set = this.authorizedSet(target.user, this.mustFind(target.host).address);
      const id = rootKeyId(node.address.toLowerCase());
      const added = !set.has(id);
      set.add(id);
      const plain: Situation = { from: fromNode, ...target };
      const v = this.check(node, plain);
      if (v.ok) return keySetupOk(s, this.rootKeyFingerprint(node), added);
      return stillFails(s, added, v);
    })();
    logOutcome(this.opts.log, 'setup with a key', s, result);
    return result;
  }

  // ---------------------------------------------------------------- test and demo controls

  /** Give a remote (or lab host) a new host key; returns it. */
  rotateHostKey(remote: string): HostKeyInfo {
    const h = this.mustFind(remote);
    this.rotations += 1;
    h.key = ed25519Identity(`${h.address}#rotated-${this.rotations}`);
    return { ...h.key };
  }

  /** Make root's key of `from` work (or not) for user@host, as a past setup would have. */
  trust(from: string, user: string, host: string): void {
    const node = this.mustFind(from);
    const remote = this.mustFind(host);
    if (!remote.users.has(user)) remote.users.set(user, null);
    this.authorizedSet(user, remote.address).add(rootKeyId(node.address.toLowerCase()));
    this.knownOf(node).set(knownHostsName(host, remote.port), remote.key.fingerprint);
  }

  untrust(from: string, user: string, host: string): void {
    const node = this.mustFind(from);
    const remote = this.mustFind(host);
    this.authorizedSet(user, remote.address).delete(rootKeyId(node.address.toLowerCase()));
  }

  /** Whether root's own key of `from` is in user's authorized_keys on `host`. */
  isTrusted(from: string, user: string, host: string): boolean {
    const node = this.find(from);
    const remote = this.find(host);
    if (!node || !remote) return false;
    return this.authorizedSet(user, remote.address).has(rootKeyId(node.address.toLowerCase()));
  }

  /** Key ids in user's authorized_keys on host (one entry per line). */
  authorizedKeys(user: string, host: string): string[] {
    return [...this.authorizedSet(user, this.mustFind(host).address)];
  }

  addKeyFile(
    node: string,
    path: string,
    o: { mode?: number; authorizedFor?: string[]; passphrase?: boolean; notAKey?: boolean } = {},
  ): void {
    const n = this.mustFind(node);
    const keyId = `${path}@${n.address.toLowerCase()}`;
    let files = this.keyFiles.get(n.address.toLowerCase());
    if (!files) this.keyFiles.set(n.address.toLowerCase(), (files = new Map<string, SimKeyFile>()));
    files.set(path, { mode: o.mode ?? 0o600, keyId, passphrase: o.passphrase, notAKey: o.notAKey });
    for (const who of o.authorizedFor ?? []) {
      const [user, host] = who.split('@') as [string, string];
      const remote = this.mustFind(host);
      if (!remote.users.has(user)) remote.users.set(user, null);
      this.authorizedSet(user, remote.address).add(keyId);
    }
  }

  /** Make a host fail to answer in a given way (null: as the lab says). */
  setReachability(host: string, how: 'timeout' | 'refused' | 'unreachable' | null): void {
    this.mustFind(host).reach = how;
  }

  /** Add a user to a host, or change its password (null: no password works). */
  setPassword(host: string, user: string, password: string | null): void {
    this.mustFind(host).users.set(user, password);
  }

  /** Password logins the remotes saw (attempts, not passwords), optionally for one host. */
  passwordAttempts(host?: string): number {
    const h = host ? this.mustFind(host).address : null;
    return this.attempts.filter((a) => h === null || a.host === h).length;
  }

  /** The key `from` has on record for host:port, if any. */
  knownHostKey(from: string, host: string, port: number): string | null {
    return this.knownOf(this.mustFind(from)).get(knownHostsName(host, port)) ?? null;
  }

  // ---------------------------------------------------------------- internals

  private check(node: SimHost, s: Situation): VerifyResult {
    let keyId = rootKeyId(node.address.toLowerCase());
    if (s.privateKeyPath !== undefined) {
      const path = s.privateKeyPath.startsWith('~/')
        ? `/root/${s.privateKeyPath.slice(2)}`
        : s.privateKeyPath;
      const f = this.keyFiles.get(node.address.toLowerCase())?.get(path);
      if (!f) return failed('no_such_key_file', s);
      if (f.mode & 0o077)
        return failed('bad_key_permissions', s, { mode: `0${(f.mode & 0o777).toString(8)}` });
      if (f.passphrase) return failed('key_rejected', s, { cause: 'passphrase' });
      if (f.notAKey) return failed('key_rejected', s, { cause: 'not_a_key' });
      keyId = f.keyId;
    }
    const r = this.reach(s.host, s.port);
    if ('failure' in r) return failed(r.failure, s, { cause: r.cause });
    const known = this.knownOf(node);
    const name = knownHostsName(s.host, s.port);
    const recorded = known.get(name);
    if (recorded !== undefined && recorded !== r.host.key.fingerprint)
      return failed('host_key_changed', s);
    if (recorded === undefined) {
      if (this.hostKeyChecking === 'yes') return failed('unknown_host_key', s);
      known.set(name, r.host.key.fingerprint);
    }
    if (!r.host.users.has(s.user) || !this.authorizedSet(s.user, r.host.address).has(keyId))
      return failed('key_rejected', s);
    return verifiedOk(s);
  }

  private reach(
    host: string,
    port: number,
  ):
    | { host: SimHost }
    | { failure: Extract<VerifyFailure, 'refused' | 'unreachable' | 'timeout'>; cause?: 'dns' } {
    const h = this.find(host);
    if (!h) return { failure: 'unreachable', cause: 'dns' };
    if (h.reach === 'unreachable') return { failure: 'unreachable' };
    if (h.reach === 'timeout' || h.status === 'non_responsive' || h.status === 'down')
      return { failure: 'timeout' };
    if (h.reach === 'refused' || port !== h.port) return { failure: 'refused' };
    return { host: h };
  }

  private clusterHost(node: string): SimHost {
    const h = this.find(node);
    if (!h || h.kind !== 'cluster') {
      throw new SshNodeError(
        node,
        'unreachable',
        `The geo-replication service cannot reach ${node} on SSH port 22: the name does not resolve.`,
      );
    }
    if (h.status === 'non_responsive' || h.status === 'down' || h.reach === 'timeout') {
      throw new SshNodeError(
        node,
        'timeout',
        `${node} did not answer the geo-replication service on SSH port ${h.port} within 10 s.`,
      );
    }
    return h;
  }

  private rootKeyFingerprint(node: SimHost): string {
    return ed25519Identity(rootKeyId(node.address.toLowerCase())).fingerprint;
  }

  private add(h: SimHost): void {
    this.hosts.set(h.address.toLowerCase(), h);
    if (!this.hosts.has(h.name.toLowerCase())) this.hosts.set(h.name.toLowerCase(), h);
  }

  private find(name: string): SimHost | undefined {
    return this.hosts.get(name.toLowerCase().replace(/\.$/, ''));
  }

  private mustFind(name: string): SimHost {
    const h = this.find(name);
    if (!h) throw new Error(`No host ${name} in the simulated lab`);
    return h;
  }

  private authorizedSet(user: string, address: string): Set<string> {
    const k = `${user}@${address.toLowerCase()}`;
    let s = this.authorized.get(k);
    if (!s) this.authorized.set(k, (s = new Set<string>()));
    return s;
  }

  private knownOf(node: SimHost): Map<string, string> {
    const k = node.address.toLowerCase();
    let m = this.known.get(k);
    if (!m) this.known.set(k, (m = new Map<string, string>()));
    return m;
  }

  private delay(): Promise<void> {
    return this.latencyMs > 0
      ? new Promise((r) => setTimeout(r, this.latencyMs))
      : Promise.resolve();
  }

  // ---------------------------------------------------------------- test control: rekey

  /** The keys hosts had before setHostKey() changed them, to go back to. */
  private readonly originalKeys = new Map<string, HostKeyInfo>();

  /**
   * Give a host the ed25519 key made from `seed` (the same seed, the same key); null gives it back
   * the key it had at the start. Returns the key it has now.
   */
  setHostKey(host: string, seed: string | null): HostKeyInfo {
    const h = this.mustFind(host);
    const id = h.address.toLowerCase();
    if (!this.originalKeys.has(id)) this.originalKeys.set(id, { ...h.key });
    h.key = seed === null ? { ...this.originalKeys.get(id)! } : ed25519Identity(seed);
    return { ...h.key };
  }
}

/** The simulator on a lab; without options, the demo's trust (see DEMO_TRUST, DEMO_KEY_FILES). */
export function createSimSshTrust(lab: Lab, opts: SimSshOptions = {}): SimSshTrust {
  return new SimSshTrust(lab, opts);
}
