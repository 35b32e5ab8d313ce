// SSH public keys and fingerprints, computed as OpenSSH does: the fingerprint of a key is the
// SHA-256 of its wire blob, base64 without padding, after `SHA256:` (what `ssh-keygen -lf` prints).
// Also a small known_hosts reader for the service's own trust in the cluster hosts.
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The key types this service accepts, in the order it prefers them (ssh-keyscan's `-t` and ssh2's). */
export const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
] as const;

const KEY_TYPES = new Set([
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-rsa',
]);

export const FINGERPRINT_RE = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** `SHA256:<base64, no padding>` of a key blob. */
export function fingerprintOfBlob(blob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

/** The key type named inside a key blob (its first SSH string), or null when the blob is not one. */
export function algorithmOfBlob(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const n = blob.readUInt32BE(0);
  if (n === 0 || n > 64 || blob.length < 4 + n) return null;
  const name = blob.subarray(4, 4 + n).toString('latin1');
  return /^[a-z0-9@.-]+$/.test(name) ? name : null;
}

export interface PublicKey {
  algorithm: string;
  blob: Buffer;
  fingerprint: string;
  /** `<algorithm> <base64>`, no comment. */
  text: string;
}

export function publicKeyOfBlob(blob: Buffer): PublicKey | null {
  const algorithm = algorithmOfBlob(blob);
  if (!algorithm || !KEY_TYPES.has(algorithm)) return null;
  return {
    algorithm,
    blob,
    fingerprint: fingerprintOfBlob(blob),
    text: `${algorithm} ${blob.toString('base64')}`,
  };
}

/** `ssh-ed25519 AAAA... [comment]` (authorized_keys / .pub / keyscan fields) to a key; null when it is not one. */
export function parsePublicKey(text: string): PublicKey | null {
  const m = /^(\S+)\s+([A-Za-z0-9+/]+={0,3})(?:\s.*)?$/.exec(text.trim());
  if (!m) return null;
  const blob = Buffer.from(m[2]!, 'base64');
  const key = publicKeyOfBlob(blob);
  // The type named outside must be the type inside the blob.
  return key && key.algorithm === m[1] ? key : null;
}

/** How known_hosts names a host: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`;
}

interface KnownHostsLine {
  patterns: string[];
  hashed: { salt: Buffer; hash: Buffer } | null;
  revoked: boolean;
  key: PublicKey;
}

/**
 * The service's trust in the cluster hosts' own keys: OpenSSH known_hosts text (plain or hashed
 * names, `[host]:port`, `*`/`?` patterns, `!negation`, `@revoked`), or a map from host (or
 * `[host]:port`) to public keys (`ssh-ed25519 AAAA...`) or fingerprints (`SHA256:...`).
 */
export class KnownHosts {
  private readonly lines: KnownHostsLine[] = [];
  private readonly map = new Map<string, Set<string>>();

  static fromFile(path: string): KnownHosts {
    return KnownHosts.parse(readFileSync(path, 'utf8'));
  }

  static parse(text: string): KnownHosts {
    const kh = new KnownHosts();
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      let fields = line.split(/\s+/);
      let revoked = false;
      if (fields[0]!.startsWith('@')) {
        // @cert-authority lines vouch for certificates, which this service does not use.
        if (fields[0] !== '@revoked') continue;
        revoked = true;
        fields = fields.slice(1);
      }
      if (fields.length < 3) continue;
      const key = parsePublicKey(`${fields[1]} ${fields[2]}`);
      if (!key) continue;
      const names = fields[0]!;
      const h = /^\|1\|([A-Za-z0-9+/=]+)\|([A-Za-z0-9+/=]+)$/.exec(names);
      kh.lines.push({
        patterns: h ? [] : names.toLowerCase().split(','),
        hashed: h
          ? { salt: Buffer.from(h[1]!, 'base64'), hash: Buffer.from(h[2]!, 'base64') }
          : null,
        revoked,
        key,
      });
    }
    return kh;
  }

  static fromMap(entries: Record<string, readonly string[]>): KnownHosts {
    const kh = new KnownHosts();
    for (const [name, keys] of Object.entries(entries)) {
      const set = new Set<string>();
      for (const k of keys) {
        if (FINGERPRINT_RE.test(k)) set.add(k);
        else {
          const pk = parsePublicKey(k);
          if (!pk)
            throw new Error(
              `Not a public key or SHA256 fingerprint for ${name}: ${k.slice(0, 40)}`,
            );
          set.add(pk.fingerprint);
        }
      }
      kh.map.set(name.toLowerCase(), set);
    }
    return kh;
  }

  /**
   * 'match' when a key for host:port is this key, 'mismatch' when keys are known for it but not
   * this one (or this one is revoked), 'unknown' when none is.
   */
  check(host: string, port: number, key: PublicKey): 'match' | 'mismatch' | 'unknown' {
    const name = knownHostsName(host, port);
    let known = false;
    const fromMap = this.map.get(name);
    if (fromMap) {
      known = true;
      if (fromMap.has(key.fingerprint)) return 'match';
    }
    let matched = false;
    for (const l of this.lines) {
      if (!this.lineNames(l, name)) continue;
      if (l.revoked) {
        if (l.key.fingerprint === key.fingerprint) return 'mismatch';
        continue;
      }
      known = true;
      if (l.key.fingerprint === key.fingerprint) matched = true;
    }
    if (matched) return 'match';
    return known ? 'mismatch' : 'unknown';
  }

  /** Whether any (not revoked) entry names host:port. */
  knows(host: string, port: number): boolean {
    const name = knownHostsName(host, port);
    return this.map.has(name) || this.lines.some((l) => !l.revoked && this.lineNames(l, name));
  }

  private lineNames(l: KnownHostsLine, name: string): boolean {
    if (l.hashed) {
      const h = createHmac('sha1', l.hashed.salt).update(name).digest();
      return h.equals(l.hashed.hash);
    }
    let hit = false;
    for (const p of l.patterns) {
      const neg = p.startsWith('!');
      const pat = neg ? p.slice(1) : p;
      if (globMatch(pat, name)) {
        if (neg) return false;
        hit = true;
      }
    }
    return hit;
  }
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
  );
  return re.test(name);
}
