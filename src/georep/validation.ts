// Validation rules shared by the UI (form fields) and the geo-rep service (every value that becomes
// an argv element of the gluster CLI). Each `validateX` returns a user-readable English reason, or
// null when the value is acceptable. No Node-only imports: this file runs in the browser too.
import type { SessionKey } from './types';

/** A value refused before it reaches Gluster. `field` names the input (e.g. `secondary_volume`). */
export class GeoRepValidationError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'GeoRepValidationError';
  }
}

/** Throws a GeoRepValidationError when `reason` is not null. */
export function check(field: string, reason: string | null): void {
  if (reason !== null) throw new GeoRepValidationError(field, reason);
}

/** Control characters (including newline and NUL) are never valid in anything we pass to Gluster. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The character a message refuses, in words (a space, a control character by its code, "x"). */
export function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  if (CONTROL.test(c))
    return `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  return `"${c}"`;
}

// Gluster 10.3's CLI (cli_validate_volname) refuses these names outright.
const RESERVED_VOLUME_NAMES = new Set([
  'volume',
  'type',
  'subvolumes',
  'option',
  'end-volume',
  'all',
  'volume_not_in_ring',
  'description',
  'force',
  'snap-max-hard-limit',
  'snap-max-soft-limit',
  'auto-delete',
  'activate-on-create',
]);

/** Gluster's CLI accepts at most 256 characters; longer names are refused before anything runs. */
export const VOLUME_NAME_MAX = 256;

/** Gluster's volume-name rules: letters, digits, '-' and '_'; not starting with '-'; not reserved. */
export function validateVolumeName(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'A volume name is required.';
  if (name.length > VOLUME_NAME_MAX)
    return `A volume name can have at most ${VOLUME_NAME_MAX} characters.`;
  const bad = /[^A-Za-z0-9_-]/.exec(name);
  if (bad) {
    return `A volume name cannot contain ${describeChar(bad[0])}: only letters, digits, "-" and "_" are allowed.`;
  }
  if (name.startsWith('-')) return 'A volume name cannot start with "-".';
  if (RESERVED_VOLUME_NAMES.has(name))
    return `"${name}" is reserved by Gluster and cannot be a volume name.`;
  return null;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * A host name (RFC 1123) or an IPv4 address. IPv6 literals are refused: Gluster's secondary URL
 * `host::volume` uses `::` as its separator, so an IPv6 address cannot be written in it.
 */
export function validateHost(host: string): string | null {
  if (typeof host !== 'string' || host.length === 0) return 'A host name or address is required.';
  if (host.length > 253) return 'A host name can have at most 253 characters.';
  if (host.includes(':')) {
    return 'IPv6 addresses (and ports) are not accepted here: Gluster writes the secondary as host::volume. Use a host name.';
  }
  if (/^[\d.]+$/.test(host)) {
    return IPV4.test(host) ? null : `"${host}" is not a valid IPv4 address.`;
  }
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const bad = /[^A-Za-z0-9.-]/.exec(name);
  if (bad) {
    return `A host name cannot contain ${describeChar(bad[0])}: only letters, digits, "-" and "." are allowed.`;
  }
  for (const label of name.split('.')) {
    if (label.length === 0)
      return 'A host name cannot contain empty labels ("..", or a leading ".").';
    if (label.length > 63) return 'Each part of a host name can have at most 63 characters.';
    if (!LABEL.test(label))
      return `"${label}": each part of a host name must start and end with a letter or digit.`;
  }
  return null;
}

/** A Unix user name as useradd accepts it (the secondary user of a session; root or a mountbroker user). */
export function validateUser(user: string): string | null {
  if (typeof user !== 'string' || user.length === 0) return 'A user name is required.';
  if (user.length > 32) return 'A user name can have at most 32 characters.';
  if (!/^[A-Za-z_]/.test(user)) return 'A user name must start with a letter or "_".';
  const bad = /[^A-Za-z0-9_.-]/.exec(user);
  if (bad) {
    return `A user name cannot contain ${describeChar(bad[0])}: only letters, digits, ".", "-" and "_" are allowed.`;
  }
  return null;
}

/** A TCP port, 1-65535, as a number or a string of digits. */
export function validateSshPort(port: number | string): string | null {
  const n =
    typeof port === 'string' ? (/^\d{1,5}$/.test(port.trim()) ? Number(port.trim()) : NaN) : port;
  if (typeof n !== 'number' || !Number.isInteger(n)) return 'The SSH port must be a whole number.';
  if (n < 1 || n > 65535) return 'The SSH port must be between 1 and 65535.';
  return null;
}

/**
 * Gluster names a session's working directories `<primary>_<host>_<secondary>`; a name longer
 * than a file name may be (255 bytes) cannot work.
 */
export const SESSION_NAME_MAX = 255;

/** Every field of a session key, then the combined length. Returns the first problem found. */
export function validateSessionKey(
  key: SessionKey,
): { field: keyof SessionKey; reason: string } | null {
  const checks: [keyof SessionKey, string | null][] = [
    ['primary_volume', validateVolumeName(key.primary_volume)],
    ['secondary_host', validateHost(key.secondary_host)],
    ['secondary_volume', validateVolumeName(key.secondary_volume)],
    ['secondary_user', validateUser(key.secondary_user)],
  ];
  for (const [field, reason] of checks) if (reason !== null) return { field, reason };
  const len =
    key.primary_volume.length + key.secondary_host.length + key.secondary_volume.length + 2;
  if (len > SESSION_NAME_MAX) {
    return {
      field: 'secondary_volume',
      reason: `The primary volume, secondary host and secondary volume names together are too long (${len} characters; Gluster names the session's directory after them, at most ${SESSION_NAME_MAX}).`,
    };
  }
  return null;
}

/** Throws GeoRepValidationError for the first invalid field of `key`. */
export function assertSessionKey(key: SessionKey): void {
  const problem = validateSessionKey(key);
  if (problem) throw new GeoRepValidationError(problem.field, problem.reason);
}

/** Gluster's spelling of the secondary: `host::volume` for root, `user@host::volume` otherwise. */
export function formatSecondary(
  key: Pick<SessionKey, 'secondary_host' | 'secondary_volume' | 'secondary_user'>,
): string {
  const user = key.secondary_user && key.secondary_user !== 'root' ? `${key.secondary_user}@` : '';
  return `${user}${key.secondary_host}::${key.secondary_volume}`;
}

export interface SecondaryUrl {
  host: string;
  volume: string;
  /** 'root' when the URL names no user. */
  user: string;
}

/**
 * Parses Gluster's spellings of a secondary: `host::vol`, `user@host::vol`, `ssh://host::vol`,
 * `ssh://user@host::vol`. Returns null when the text is none of these (or a part is invalid).
 */
export function parseSecondaryUrl(text: string): SecondaryUrl | null {
  const m = /^(?:ssh:\/\/)?(?:([^@:/]+)@)?([^@:/]+)::([^:@/]+)$/.exec(text.trim());
  if (!m) return null;
  const user = m[1] ?? 'root';
  const host = m[2]!;
  const volume = m[3]!;
  if (validateUser(user) || validateHost(host) || validateVolumeName(volume)) return null;
  return { host, volume, user };
}

export type RemoteTarget = { kind: 'volume'; volume: string } | { kind: 'path'; path: string };
export type RemoteTargetResult = RemoteTarget | { kind: 'invalid'; reason: string };

/** Directories (and everything under them) that can never be a geo-replication target. */
export const SYSTEM_PATHS: readonly string[] = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/var/lib/glusterd',
  '/var/lib/misc/glusterfsd',
  '/var/log',
  '/var/run',
];

/**
 * Directories that can never be a target themselves (their subdirectories can): the top of a
 * system area is never empty and never meant to become a Gluster brick.
 */
export const SYSTEM_DIRECTORIES: readonly string[] = [
  '/home',
  '/lost+found',
  '/media',
  '/mnt',
  '/opt',
  '/root',
  '/srv',
  '/tmp',
  '/var',
  '/var/cache',
  '/var/lib',
  '/var/spool',
  '/var/tmp',
];

/** A character not allowed in a remote directory path (it becomes a brick path `host:/path`). */
const PATH_BAD_CHAR = /[^A-Za-z0-9._+@=,~%/-]/;

/**
 * Normalises an absolute path: collapses `//`, resolves `.` and `..`, drops a trailing `/`.
 * Returns null when `..` would climb above `/`.
 */
export function normalizePath(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(part);
    }
  }
  return '/' + out.join('/');
}

/** Reason why `path` (absolute) may not be a target, or null. `path` should be normalised. */
export function validateRemotePath(path: string): string | null {
  if (!path.startsWith('/'))
    return 'A secondary directory must be an absolute path (starting with "/").';
  if (path.length > 4096) return 'A path can have at most 4096 characters.';
  const control = CONTROL.exec(path);
  if (control)
    return `A path cannot contain ${describeChar(control[0])} (line breaks and other control characters are refused).`;
  const bad = PATH_BAD_CHAR.exec(path);
  if (bad) {
    return `A path cannot contain ${describeChar(bad[0])}: use letters, digits and . _ - + @ = , ~ %.`;
  }
  const norm = normalizePath(path);
  if (norm === null) return 'The path climbs above "/" with "..".';
  if (norm === '/') return 'The root directory "/" cannot be a geo-replication target.';
  for (const sys of SYSTEM_PATHS) {
    if (norm === sys || norm.startsWith(sys + '/')) {
      return `${norm} is a system directory (${sys}) and cannot be a geo-replication target.`;
    }
  }
  if (SYSTEM_DIRECTORIES.includes(norm)) {
    return `${norm} is a system directory and cannot be a geo-replication target itself; use a directory under it (e.g. ${norm}/georep).`;
  }
  return null;
}

/**
 * Parses what a user types as the remote side: a volume name, or a directory path (starting
 * with "/"), which is normalised. Gluster 10 can only replicate to a volume; a path means "a
 * single-brick volume on that directory", which the caller creates.
 */
export function parseRemoteTarget(text: string): RemoteTargetResult {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t.length === 0)
    return {
      kind: 'invalid',
      reason: 'Enter a secondary volume name or a directory path starting with "/".',
    };
  if (t.startsWith('/')) {
    const reason = validateRemotePath(t);
    if (reason) return { kind: 'invalid', reason };
    return { kind: 'path', path: normalizePath(t)! };
  }
  if (t.includes('::') || t.includes(':/')) {
    return {
      kind: 'invalid',
      reason:
        'Enter only the secondary volume name (or a /path); the secondary host is a separate field.',
    };
  }
  const reason = validateVolumeName(t);
  if (reason) return { kind: 'invalid', reason };
  return { kind: 'volume', volume: t };
}

/** The reason `text` is not a valid remote target, or null. */
export function validateRemoteTarget(text: string): string | null {
  const r = parseRemoteTarget(text);
  return r.kind === 'invalid' ? r.reason : null;
}

/** A value that becomes one argv element: no control characters (newline, NUL, ...), bounded. */
export function validateArgValue(value: string, max = 4096): string | null {
  if (typeof value !== 'string') return 'A text value is required.';
  if (value.length > max) return `The value can have at most ${max} characters.`;
  const control = CONTROL.exec(value);
  if (control)
    return `The value cannot contain ${describeChar(control[0])} (line breaks, NUL and other control characters are refused).`;
  return null;
}

// ------------------------------------------------------------------ directory targets

/** Every volume this service provisions on a remote directory is named with this prefix. */
export const PROVISIONED_VOLUME_PREFIX = 'georep-';
/** Derived names stay short (well within Gluster's 256 and the session name limit). */
export const PROVISIONED_VOLUME_NAME_MAX = 64;

/** FNV-1a (32 bits) of the UTF-8 bytes, as 8 hex digits: short, stable, the same in Node and browsers. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The name of the single-brick volume provisioned on the remote directory `path` (absolute,
 * normalised): `georep-` and the path's parts joined by "-" (`/data/backup` -> `georep-data-backup`).
 * When that spelling could stand for another path (a part holds a character other than letters,
 * digits and "_", which are kept as they are), or would be longer than 64 characters, a hash of
 * the whole path is appended (`/data/my-backup` -> `georep-data-my-backup-<8 hex digits>`), so two
 * directories never get the same name. The same path always gives the same name.
 */
export function provisionedVolumeName(path: string): string {
  const parts = path.split('/').filter((x) => x.length > 0);
  const exact = parts.length > 0 && parts.every((x) => /^[A-Za-z0-9_]+$/.test(x));
  const body = parts
    .map((x) => x.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter((x) => x.length > 0)
    .join('-');
  const plain = PROVISIONED_VOLUME_PREFIX + body;
  if (exact && plain.length <= PROVISIONED_VOLUME_NAME_MAX) return plain;
  const room = PROVISIONED_VOLUME_NAME_MAX - PROVISIONED_VOLUME_PREFIX.length - 9;
  const cut = body.slice(0, room).replace(/-+$/, '');
  return `${PROVISIONED_VOLUME_PREFIX}${cut ? `${cut}-` : ''}${shortHash(path)}`;
}

/**
 * A remote directory as a target: the reason it cannot be one, or its normalised form and the
 * name of the volume that would be provisioned on it.
 */
export function checkDirectoryTarget(
  text: string,
): { path: string; volume: string } | { reason: string } {
  if (typeof text !== 'string' || !text.startsWith('/'))
    return { reason: 'A secondary directory must be an absolute path (starting with "/").' };
  const reason = validateRemotePath(text);
  if (reason) return { reason };
  const path = normalizePath(text)!;
  return { path, volume: provisionedVolumeName(path) };
}

// ------------------------------------------------------------------ the remote host

/** Canonical spelling of a host for comparisons: lower case, no trailing dot. */
export function canonicalHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * Why an address may not be a remote: loopback, link-local or unspecified (IPv4, IPv6 and
 * IPv4-mapped IPv6), or null. Such a secondary host is the primary host itself (or none), never another site.
 */
export function forbiddenAddress(address: string): string | null {
  const a = canonicalHost(address).replace(/^\[|\]$/g, '');
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (v4) {
    const [b0, b1] = [Number(v4[1]), Number(v4[2])];
    if (b0 === 127) return 'a loopback address';
    if (b0 === 0) return 'an unspecified address';
    if (b0 === 169 && b1 === 254) return 'a link-local address';
    return null;
  }
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return 'a loopback address';
  if (a === '::' || a === '0:0:0:0:0:0:0:0') return 'an unspecified address';
  if (/^fe[89ab][0-9a-f]:/.test(a)) return 'a link-local address';
  return null;
}

const LOCAL_NAMES =
  /^(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback|localhost6|localhost6\.localdomain6)$|\.localhost$/;

/**
 * A remote host (create, preflight, SSH set-up): a valid host name or IPv4 address that is not a
 * loopback, link-local or unspecified address, nor a name for one. The service also resolves the
 * name and compares it with the primary cluster's hosts (server/remoteHost.ts).
 */
export function validateRemoteHost(host: string): string | null {
  const base = validateHost(host);
  if (base) return base;
  const c = canonicalHost(host);
  const bad = forbiddenAddress(c) ?? (LOCAL_NAMES.test(c) ? 'a name for this machine' : null);
  return bad
    ? `${host} is ${bad}: the secondary host must be another machine, named so that the cluster hosts reach it over the network.`
    : null;
}
