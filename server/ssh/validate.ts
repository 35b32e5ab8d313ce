// Every value of the SSH routes is checked here before it reaches a command line or a connection.
// Host, user and port follow the shared rules of src/georep/validation.ts (the UI uses the same);
// the private key path, the fingerprint and the password have rules of their own. Reasons never
// repeat a password.
import {
  GeoRepValidationError,
  validateHost,
  validateSshPort,
  validateUser,
} from '../../src/georep/validation';
import { FINGERPRINT_RE } from './keys';
import type { SshTarget, VerifyTarget } from './types';

export { GeoRepValidationError };

export const KEY_PATH_MAX = 1024;
export const PASSWORD_MAX = 1024;

/**
 * A private key file on a cluster host: a plain file directly in root's `.ssh` folder
 * (`/root/.ssh/id_backup`, `~/.ssh/id_backup`) or in the remote user's on that host
 * (`/home/<user>/.ssh/...`), made of letters, digits and `. _ - + @ = ,`. No other folder, no
 * `..`, never Gluster's own keys (secret.pem, tar_ssh.pem): the route reads the file as root, and
 * its answer must say nothing about files anywhere else. No `%` (ssh expands `%d`, `%u`...).
 */
export function validateKeyLocation(path: unknown, remoteUser = 'root'): string | null {
  const form = validateKeyPath(path);
  if (form) return form;
  const p = path as string;
  const folders = ['/root/.ssh/', '~/.ssh/'];
  if (remoteUser !== 'root') folders.push(`/home/${remoteUser}/.ssh/`);
  const folder = folders.find((f) => p.startsWith(f));
  const file = folder ? p.slice(folder.length) : '';
  if (!folder || !/^[A-Za-z0-9_+@=,-][A-Za-z0-9._+@=,-]*$/.test(file)) {
    return `The private key must be a file directly in root's .ssh folder on the host (/root/.ssh/<file>)${remoteUser !== 'root' ? ` or in /home/${remoteUser}/.ssh/` : ''}.`;
  }
  if (
    /^(secret|tar_ssh)\.pem(\.pub)?$/.test(file) ||
    file.endsWith('.pub') ||
    file === 'authorized_keys' ||
    file.startsWith('known_hosts')
  )
    return `${file} is not a private key for logging in to the secondary host: name the private key file.`;
  return null;
}

/**
 * The form of a private key path on a cluster host: absolute or `~/...`, made of letters, digits
 * and `. _ - + @ = , /`. No `%` (ssh expands `%d`, `%u`...), no spaces, quotes or shell characters.
 * The backends check this; the routes also check the folder (validateKeyLocation).
 */
export function validateKeyPath(path: unknown): string | null {
  if (typeof path !== 'string' || path.length === 0) return 'A private key path is required.';
  if (path.length > KEY_PATH_MAX)
    return `A private key path can have at most ${KEY_PATH_MAX} characters.`;
  if (!path.startsWith('/') && !path.startsWith('~/')) {
    return "The private key path must be absolute (/root/.ssh/id_rsa) or start with ~/ (root's home on the host).";
  }
  const rest = path.startsWith('~/') ? path.slice(1) : path;
  const bad = /[^A-Za-z0-9._+@=,/-]/.exec(rest);
  if (bad) {
    const c = bad[0];
    const code = c.charCodeAt(0);
    const what =
      c === ' ' ? 'a space' : code < 0x20 || code === 0x7f ? 'a control character' : `"${c}"`;
    return `The private key path cannot contain ${what}: use letters, digits and . _ - + @ = , /.`;
  }
  if (rest.endsWith('/')) return 'The private key path names a directory; name the key file.';
  return null;
}

export function validateFingerprint(fp: unknown): string | null {
  if (typeof fp !== 'string' || fp.length === 0) return 'The confirmed fingerprint is required.';
  if (!FINGERPRINT_RE.test(fp)) {
    return 'The confirmed fingerprint must be a SHA256 fingerprint as ssh-keygen -lf prints it (SHA256: and 43 characters).';
  }
  return null;
}

/** The reason never quotes the password. */
export function validatePassword(pw: unknown): string | null {
  if (typeof pw !== 'string' || pw.length === 0) return 'The password is required.';
  if (pw.length > PASSWORD_MAX) return `The password can have at most ${PASSWORD_MAX} characters.`;
  if (pw.includes('\u0000')) return 'The password cannot contain a NUL character.';
  return null;
}

function assert(field: string, reason: string | null): void {
  if (reason !== null) throw new GeoRepValidationError(field, reason);
}

/** Throws GeoRepValidationError for the first invalid field. */
export function assertTarget(
  t: SshTarget,
  fields = { user: 'user', host: 'remote_host', port: 'port' },
): void {
  assert(fields.user, validateUser(t.user));
  // The form only: the routes also refuse a remote that is this machine (remoteHostProblem).
  assert(fields.host, validateHost(t.host));
  assert(fields.port, validateSshPort(t.port));
}

export function assertVerifyTarget(t: VerifyTarget): void {
  assertTarget(t);
  if (t.privateKeyPath !== undefined) assert('private_key_path', validateKeyPath(t.privateKeyPath));
}

export function assertRemote(host: string, port: number): void {
  assert('remote_host', validateHost(host));
  assert('port', validateSshPort(port));
}

export function assertKeySetup(t: SshTarget, privateKeyPath: string): void {
  assertTarget(t);
  assert('private_key_path', validateKeyPath(privateKeyPath));
}

export function assertSetup(t: SshTarget, password: string, confirmedFingerprint: string): void {
  assertTarget(t);
  assert('password', validatePassword(password));
  assert('confirmed_fingerprint', validateFingerprint(confirmedFingerprint));
}
