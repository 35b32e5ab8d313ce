// Which SSH host keys the service accepts from the cluster hosts. The engine already pinned each
// host's key when it deployed the host, and the service trusts exactly that record, read through
// the engine's API with the service account: `host.ssh.public_key` (engines from 4.4.6) or, for a
// host deployed before, `host.ssh.fingerprint`. This is the engine's own rule
// (backend/.../bll/utils/EngineSSHClient.java, OvirtSshKeyVerifier and
// configureSupportedSSHPublicKeySignatures): a known public key must be that key, and the server is
// asked for that key type only; a fingerprint alone was computed from an RSA key, so the server is
// asked for RSA only and the fingerprint compared (uutils/ssh/OpenSSHUtils.checkKeyFingerprint).
// A local known_hosts file stays possible as an administrator's override: a host it names is
// judged by it alone.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EngineHostKey } from '../engine';
import {
  HOST_KEY_ALGORITHMS,
  type KnownHosts,
  fingerprintOfBlob,
  parsePublicKey,
  publicKeyOfBlob,
} from './keys';

export type HostKeyVerdict =
  | { ok: true; source: 'known_hosts' | 'engine' | 'confirmed' }
  | { ok: false; kind: 'mismatch' | 'unknown'; reason: string };

export interface HostKeyPolicy {
  /** Host key algorithms to ask `host` for; undefined for the client's whole list. */
  algorithms(host: string, port: number): Promise<string[] | undefined>;
  /** Whether the key `host` presented (its wire blob) is the one trusted for it. */
  verify(host: string, port: number, key: Buffer): Promise<HostKeyVerdict>;
}

const RSA_ALGORITHMS = ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];

/** The signature algorithms that prove a key of this type. */
function algorithmsFor(keyType: string): string[] {
  if (keyType === 'ssh-rsa') return RSA_ALGORITHMS;
  return (HOST_KEY_ALGORITHMS as readonly string[]).includes(keyType) ? [keyType] : [];
}

/** The trust a known_hosts file gives, alone (development labs, tests, an engine-less setup). */
export function knownHostsPolicy(kh: KnownHosts, what = 'known_hosts'): HostKeyPolicy {
  return {
    algorithms: () => Promise.resolve(undefined),
    verify(host, port, blob) {
      const key = publicKeyOfBlob(blob);
      const v = key ? kh.check(host, port, key) : kh.knows(host, port) ? 'mismatch' : 'unknown';
      if (v === 'match') return Promise.resolve({ ok: true, source: 'known_hosts' });
      return Promise.resolve({
        ok: false,
        kind: v === 'unknown' ? 'unknown' : 'mismatch',
        reason:
          v === 'unknown'
            ? `${what} lists no key for ${host}`
            : `the key presented, ${fingerprintOfBlob(blob)}, is not the one ${what} lists for ${host}`,
      });
    },
  };
}

/**
 * Several rules at once: the key must satisfy each (the first refusal is the answer). The key
 * types asked for are those of the first rule that names any (the engine's record does).
 */
export function allPolicies(rules: readonly HostKeyPolicy[]): HostKeyPolicy {
  if (rules.length === 1) return rules[0]!;
  return {
    async algorithms(host, port) {
      for (const r of rules) {
        const a = await r.algorithms(host, port);
        if (a) return a;
      }
      return undefined;
    },
    async verify(host, port, key) {
      let last: HostKeyVerdict = { ok: false, kind: 'unknown', reason: 'no host-key rule' };
      for (const r of rules) {
        last = await r.verify(host, port, key);
        if (!last.ok) return last;
      }
      return last;
    },
  };
}

/**
 * `SHA256:<base64>` or an MD5 fingerprint (`MD5:aa:bb:...` or bare `aa:bb:...`), compared as the
 * engine's OpenSSHUtils.checkKeyFingerprint does (MD5 without regard to case).
 */
export function fingerprintMatches(expected: string, blob: Buffer): boolean {
  const e = expected.trim();
  if (/^SHA256:/.test(e)) return e === fingerprintOfBlob(blob);
  const md5 = /^(?:MD5:)?((?:[0-9a-fA-F]{2}:){15}[0-9a-fA-F]{2})$/.exec(e);
  if (md5) {
    const hex = createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
    const a = Buffer.from(hex);
    const b = Buffer.from(md5[1]!.toLowerCase());
    return a.length === b.length && timingSafeEqual(a, b);
  }
  return false;
}

export interface EngineHostKeysOptions {
  /** Every host the engine knows, with its pinned key (EngineClient.hostKeys with the service account's token). */
  load: () => Promise<EngineHostKey[]>;
  /** How long one read of the engine's records is used; default 60 s. */
  ttlMs?: number;
  /** A host that is not (or no longer) what the records say is read again, at most this often; default 5 s. */
  minRefreshMs?: number;
  /** The administrator's override: a host it names is judged by it alone. */
  override?: KnownHosts | null;
  now?: () => number;
}

/** The engine's record of each host's key, with a local known_hosts as the override. */
export class EngineHostKeys implements HostKeyPolicy {
  private records: Map<string, EngineHostKey> | null = null;
  private loadedAt = 0;
  private pending: Promise<Map<string, EngineHostKey>> | null = null;
  private readonly ttlMs: number;
  private readonly minRefreshMs: number;
  private readonly now: () => number;
  private readonly override: HostKeyPolicy | null;

  constructor(private readonly o: EngineHostKeysOptions) {
    this.ttlMs = o.ttlMs ?? 60_000;
    this.minRefreshMs = o.minRefreshMs ?? 5_000;
    this.now = o.now ?? Date.now;
    this.override = o.override
      ? knownHostsPolicy(o.override, 'the local known_hosts override')
      : null;
  }

  private read(force: boolean): Promise<Map<string, EngineHostKey>> {
    const age = this.now() - this.loadedAt;
    if (this.records && age < (force ? this.minRefreshMs : this.ttlMs))
      return Promise.resolve(this.records);
    this.pending ??= this.o
      .load()
      .then((hosts) => {
        const m = new Map<string, EngineHostKey>();
        for (const h of hosts) if (h.address) m.set(h.address.toLowerCase(), h);
        this.records = m;
        this.loadedAt = this.now();
        return m;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  /** The record for `host`, read again once when it is missing (a host just added). */
  private async record(host: string): Promise<EngineHostKey | undefined> {
    const name = host.toLowerCase();
    let rec = (await this.read(false)).get(name);
    if (!rec) rec = (await this.read(true)).get(name);
    return rec;
  }

  private async overrideVerdict(
    host: string,
    port: number,
    blob: Buffer,
  ): Promise<HostKeyVerdict | null> {
    if (!this.override) return null;
    const v = await this.override.verify(host, port, blob);
    return v.ok || v.kind === 'mismatch' ? v : null;
  }

  async algorithms(host: string, port: number): Promise<string[] | undefined> {
    // A host the override names may present any key type the override lists.
    if (this.o.override?.knows(host, port)) return undefined;
    const rec = await this.record(host).catch(() => undefined);
    if (!rec) return undefined;
    if (rec.public_key) {
      const key = parsePublicKey(rec.public_key);
      const algs = key ? algorithmsFor(key.algorithm) : [];
      return algs.length ? algs : undefined;
    }
    return rec.fingerprint ? RSA_ALGORITHMS : undefined;
  }

  async verify(host: string, port: number, blob: Buffer): Promise<HostKeyVerdict> {
    const o = await this.overrideVerdict(host, port, blob);
    if (o) return o;
    let judged = await this.judge(host, blob, false);
    // A host reinstalled (a new key) or added since the last read: read the engine once more.
    if (!judged.ok) judged = await this.judge(host, blob, true);
    return judged;
  }

  private async judge(host: string, blob: Buffer, fresh: boolean): Promise<HostKeyVerdict> {
    let rec: EngineHostKey | undefined;
    try {
      rec = (await this.read(fresh)).get(host.toLowerCase());
    } catch (e) {
      return {
        ok: false,
        kind: 'unknown',
        reason: `the engine's record of the host keys could not be read (${(e as Error).message})`,
      };
    }
    const presented = fingerprintOfBlob(blob);
    if (!rec)
      return {
        ok: false,
        kind: 'unknown',
        reason: `the engine has no host with the address ${host}, so it has no SSH key on record for it`,
      };
    if (rec.public_key) {
      const known = parsePublicKey(rec.public_key);
      if (known && known.blob.equals(blob)) return { ok: true, source: 'engine' };
      return {
        ok: false,
        kind: 'mismatch',
        reason:
          `the key ${host} presented (${presented}) is not the key the engine pinned for host ${rec.name}` +
          ` (${known ? known.fingerprint : 'an unreadable key'}); if the host was reinstalled, reinstall it` +
          ' from the Administration Portal so the engine records its new key',
      };
    }
    if (rec.fingerprint) {
      if (fingerprintMatches(rec.fingerprint, blob)) return { ok: true, source: 'engine' };
      return {
        ok: false,
        kind: 'mismatch',
        reason: `the key ${host} presented (${presented}) does not have the fingerprint the engine pinned for host ${rec.name} (${rec.fingerprint})`,
      };
    }
    return {
      ok: false,
      kind: 'unknown',
      reason: `the engine has no SSH key on record for host ${rec.name}; reinstall the host from the Administration Portal, or list its key in the local known_hosts override`,
    };
  }
}
