// The commands the real backend runs on a cluster host and on the remote, as argv arrays, and how
// their output is read. An SSH "exec" request carries one string that the login shell of the far
// side parses, so every argv is validated (no control characters) and quoted with shell-quote;
// values that reach these builders have passed validate.ts as well. The fixed scripts contain no
// single quote, no "!" and no line break, so shell-quote wraps them in single quotes verbatim.
import { quote } from 'shell-quote';
import { HOST_KEY_ALGORITHMS, knownHostsName, parsePublicKey, type PublicKey } from './keys';
import type { VerifyFailure } from './types';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** One string for an SSH exec request; refuses argv elements a shell could not carry literally. */
export function toCommand(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('empty command');
  for (const a of argv) {
    if (typeof a !== 'string') throw new TypeError('argv elements must be strings');
    if (CONTROL.test(a))
      throw new Error('argv elements cannot contain control characters or line breaks');
  }
  return quote(argv);
}

const script = (lines: string[]): string => {
  const s = lines.join('; ');
  if (s.includes("'") || s.includes('!') || /[\r\n]/.test(s))
    throw new Error('scripts must stay single-quotable');
  return s;
};

/** How the ssh client on the cluster host is set up for these checks. */
export interface NodeSshClient {
  /**
   * Root's SSH directory on the cluster host, where its own key is found or created. Default:
   * ssh's own (`~/.ssh`, default identities). Set for tests or a non-default layout: then ssh is
   * told to use only the keys in it.
   */
  sshDir?: string;
  /** The known_hosts file ssh uses there; default ssh's own (`~/.ssh/known_hosts`). */
  knownHostsFile?: string;
  /**
   * `accept-new` (default): a remote never seen is recorded at the first check (nothing secret is
   * sent: public-key authentication), a changed key is refused. `yes`: only keys recorded by a
   * confirmed setup are accepted; others fail with unknown_host_key.
   */
  hostKeyChecking?: 'accept-new' | 'yes';
}

/** Root's key files, in the order the setup looks for one (ssh tries all of its defaults). */
export const ROOT_KEY_NAMES = ['id_ed25519', 'id_ecdsa', 'id_rsa'] as const;

/** `ssh ... true` as root on the cluster host: does passwordless login to the target work? */
export function verifyArgv(
  t: { user: string; host: string; port: number; privateKeyPath?: string },
  c: NodeSshClient,
  connectTimeoutSec: number,
): string[] {
  return sshArgv(t, c, connectTimeoutSec, 'true');
}

/**
 * As root on the cluster host, with the given key file: add root's own public key (on stdin) to
 * the remote user's authorized_keys. `remoteCommand` is one string the remote's shell parses
 * (authorizeCommand(), already quoted); the whole argv is quoted again for the cluster host.
 */
export function authorizeWithKeyArgv(
  t: { user: string; host: string; port: number; privateKeyPath: string },
  c: NodeSshClient,
  connectTimeoutSec: number,
): string[] {
  return sshArgv(t, c, connectTimeoutSec, authorizeCommand());
}

function sshArgv(
  t: { user: string; host: string; port: number; privateKeyPath?: string },
  c: NodeSshClient,
  connectTimeoutSec: number,
  remoteCommand: string,
): string[] {
  // prettier-ignore
  const argv = [
    'ssh',
    '-o', 'BatchMode=yes',
    '-o', `StrictHostKeyChecking=${c.hostKeyChecking ?? 'accept-new'}`,
    '-o', `ConnectTimeout=${Math.max(1, Math.round(connectTimeoutSec))}`,
    '-o', 'PasswordAuthentication=no',
    '-o', 'KbdInteractiveAuthentication=no',
    '-o', 'NumberOfPasswordPrompts=0',
    '-o', 'LogLevel=ERROR',
  ];
  if (c.knownHostsFile) argv.push('-o', `UserKnownHostsFile=${c.knownHostsFile}`);
  if (t.privateKeyPath) {
    argv.push('-o', 'IdentitiesOnly=yes', '-i', t.privateKeyPath);
  } else if (c.sshDir) {
    argv.push('-o', 'IdentitiesOnly=yes');
    for (const k of ROOT_KEY_NAMES) argv.push('-o', `IdentityFile=${c.sshDir}/${k}`);
  }
  argv.push('-p', String(t.port), '-l', t.user, '--', t.host, remoteCommand);
  return argv;
}

/**
 * Reads a private key without a passphrase: tells a missing, loose, protected or broken key apart.
 * ssh expands a leading `~/` in `-i` itself, ssh-keygen does not: the script does it ($HOME of the
 * account the service logs in as, root's on a cluster host).
 */
export const KEY_CHECK_SCRIPT = script([
  'p=$1',
  'case "$p" in "~/"*) p="$HOME/${p#??}" ;; esac',
  'exec ssh-keygen -y -P "" -f "$p"',
]);

export function keyCheckArgv(path: string): string[] {
  return ['sh', '-c', KEY_CHECK_SCRIPT, 'georep-ssh', path];
}

export function keyscanArgv(host: string, port: number, timeoutSec: number): string[] {
  return [
    'ssh-keyscan',
    '-T',
    String(Math.max(1, Math.round(timeoutSec))),
    '-p',
    String(port),
    '-t',
    'ed25519,ecdsa,rsa',
    '--',
    host,
  ];
}

/**
 * When ssh-keyscan finds no key it does not say why; this connection attempt does. It trusts no
 * key at all (empty known_hosts), so it stops at the host key, before any authentication.
 */
export function probeArgv(host: string, port: number, connectTimeoutSec: number): string[] {
  // prettier-ignore
  return [
    'ssh',
    '-o', 'BatchMode=yes',
    '-o', 'StrictHostKeyChecking=yes',
    '-o', 'UserKnownHostsFile=/dev/null',
    '-o', 'GlobalKnownHostsFile=/dev/null',
    '-o', `ConnectTimeout=${Math.max(1, Math.round(connectTimeoutSec))}`,
    '-p', String(port), '-l', 'root', '--', host, 'true',
  ];
}

/** The keys ssh-keyscan printed, best first (ed25519, ecdsa, rsa). */
export function parseKeyscan(stdout: string): PublicKey[] {
  const keys: PublicKey[] = [];
  for (const line of stdout.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const fields = t.split(/\s+/);
    if (fields.length < 3) continue;
    const k = parsePublicKey(`${fields[1]} ${fields[2]}`);
    if (k) keys.push(k);
  }
  const rank = (a: string): number => {
    const i = (HOST_KEY_ALGORITHMS as readonly string[]).indexOf(a);
    return i < 0 ? 99 : i;
  };
  return keys.sort((a, b) => rank(a.algorithm) - rank(b.algorithm));
}

// ---------------------------------------------------------------- scripts

/**
 * As root on the cluster host: print root's public key, from the first usable key without a
 * passphrase among id_ed25519, id_ecdsa, id_rsa; create id_ed25519 when there is none.
 * $1 = root's SSH directory (empty: ~/.ssh).
 */
export const ROOT_KEY_SCRIPT = script([
  'set -e',
  'umask 077',
  'd=${1:-$HOME/.ssh}',
  '[ -d "$d" ] || mkdir -p -m 700 "$d"',
  `for k in ${ROOT_KEY_NAMES.join(' ')}; do if [ -s "$d/$k" ] && pub=$(ssh-keygen -y -P "" -f "$d/$k" 2>/dev/null); then printf "%s\\n" "$pub"; exit 0; fi; done`,
  'if [ -e "$d/id_ed25519" ]; then echo "$d/id_ed25519 exists but cannot be used without a passphrase" >&2; exit 4; fi',
  'ssh-keygen -q -t ed25519 -N "" -C "root@$(hostname)" -f "$d/id_ed25519" </dev/null >/dev/null',
  'ssh-keygen -y -P "" -f "$d/id_ed25519"',
]);

export function rootKeyCommand(c: NodeSshClient): string {
  return toCommand(['sh', '-c', ROOT_KEY_SCRIPT, 'georep-ssh', c.sshDir ?? '']);
}

/**
 * As the remote user on the remote: add the public key read from stdin to ~/.ssh/authorized_keys
 * unless a line with the same key is there; ~/.ssh 700 and the file 600, both the user's. Prints
 * `added` or `present`.
 */
export const AUTHORIZE_SCRIPT = script([
  'set -e',
  'set -f',
  'umask 077',
  'IFS= read -r key || [ -n "$key" ] || { echo "no key given" >&2; exit 3; }',
  'case "$key" in "ssh-ed25519 "*|"ssh-rsa "*|"ecdsa-sha2-nistp"*) ;; *) echo "not an SSH public key" >&2; exit 3 ;; esac',
  'set -- $key',
  'd="$HOME/.ssh"',
  'f="$d/authorized_keys"',
  'if [ -d "$d" ]; then chmod go-w "$d"; else mkdir -m 700 "$d"; fi',
  'if [ -f "$f" ]; then chmod 600 "$f"; else : > "$f"; chmod 600 "$f"; fi',
  'if awk -v t="$1" -v b="$2" "\\$1 == t && \\$2 == b { found = 1 } END { exit found ? 0 : 1 }" "$f"; then echo present; exit 0; fi',
  'if [ -s "$f" ] && [ -n "$(tail -c 1 "$f")" ]; then echo >> "$f"; fi',
  'printf "%s\\n" "$key" >> "$f"',
  'if command -v restorecon >/dev/null 2>&1; then restorecon -F "$d" "$f" >/dev/null 2>&1 || true; fi',
  'echo added',
]);

export function authorizeCommand(): string {
  return toCommand(['sh', '-c', AUTHORIZE_SCRIPT]);
}

/**
 * As root on the cluster host, after a login that proved the remote's key is the confirmed one:
 * replace what known_hosts holds for the remote with that key.
 * $1 = known_hosts file (empty: ~/.ssh/known_hosts), $2 = its name for host:port, $3 = the line.
 */
export const KNOWN_HOSTS_SCRIPT = script([
  'set -e',
  'umask 077',
  'kh=${1:-$HOME/.ssh/known_hosts}',
  'mkdir -p "$(dirname "$kh")"',
  'if [ -f "$kh" ]; then ssh-keygen -R "$2" -f "$kh" >/dev/null 2>&1 || true; fi',
  'printf "%s\\n" "$3" >> "$kh"',
]);

export function knownHostsCommand(
  c: NodeSshClient,
  host: string,
  port: number,
  key: PublicKey,
): string {
  const name = knownHostsName(host, port);
  return toCommand([
    'sh',
    '-c',
    KNOWN_HOSTS_SCRIPT,
    'georep-ssh',
    c.knownHostsFile ?? '',
    name,
    `${name} ${key.text}`,
  ]);
}

// ---------------------------------------------------------------- reading ssh's words

export interface Classified {
  failure: VerifyFailure;
  /** Finer cause, for the explanation. */
  cause?: 'passphrase' | 'not_a_key' | 'no_shell' | 'dns' | 'no_route' | 'closed' | 'no_key_types';
  /** The file mode ssh complained about (`0644`). */
  mode?: string;
  /** The line of ssh's stderr that says it, for the record. */
  said: string;
}

const lines = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^@+$/.test(l) && !l.startsWith('Warning: Permanently added'));

function lineWith(stderr: string, re: RegExp): string {
  return lines(stderr).find((l) => re.test(l)) ?? lines(stderr).at(-1) ?? '';
}

/**
 * What an `ssh ... true` run means. Null when it worked. The order matters: ssh reports a bad key
 * file first and then goes on to fail authentication with the keys it has left.
 */
export function classifySsh(
  r: { code: number; stderr: string },
  withKeyPath: boolean,
): Classified | null {
  const e = r.stderr;
  if (r.code === 0) return null;
  const said = (re: RegExp): string => lineWith(e, re);
  if (withKeyPath && /Identity file .* not accessible: No such file or directory/.test(e)) {
    return { failure: 'no_such_key_file', said: said(/not accessible/) };
  }
  if (/UNPROTECTED PRIVATE KEY FILE|Load key .*: bad permissions/.test(e)) {
    const mode = /Permissions (0\d{3}) for/.exec(e)?.[1];
    return { failure: 'bad_key_permissions', mode, said: said(/bad permissions|are too open/) };
  }
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/.test(e)) {
    return { failure: 'host_key_changed', said: said(/has changed|IDENTIFICATION HAS CHANGED/) };
  }
  if (/No \S+ host key is known for|Host key verification failed/.test(e)) {
    return {
      failure: 'unknown_host_key',
      said: said(/host key is known|Host key verification failed/),
    };
  }
  if (/Connection refused/.test(e)) return { failure: 'refused', said: said(/Connection refused/) };
  if (/timed out|Operation timed out/i.test(e))
    return { failure: 'timeout', said: said(/timed out/i) };
  if (
    /Could not resolve hostname|Name or service not known|Temporary failure in name resolution|No address associated/.test(
      e,
    )
  ) {
    return {
      failure: 'unreachable',
      cause: 'dns',
      said: said(/resolve|Name or service|name resolution|No address/),
    };
  }
  if (/No route to host|Network is unreachable|Host is unreachable/.test(e)) {
    return { failure: 'unreachable', cause: 'no_route', said: said(/unreachable|No route/) };
  }
  if (/Load key .*: (incorrect passphrase|error in libcrypto|invalid format)/.test(e)) {
    return {
      failure: 'key_rejected',
      cause: /incorrect passphrase/.test(e) ? 'passphrase' : 'not_a_key',
      said: said(/Load key/),
    };
  }
  if (
    /Permission denied \(|Too many authentication failures|no mutual signature algorithm/.test(e)
  ) {
    return { failure: 'key_rejected', said: said(/Permission denied|Too many|mutual signature/) };
  }
  if (
    /kex_exchange_identification|Connection closed by|Connection reset by peer|banner exchange/.test(
      e,
    )
  ) {
    return {
      failure: 'unreachable',
      cause: 'closed',
      said: said(/kex_exchange|closed|reset|banner/),
    };
  }
  if (r.code !== 255) {
    // ssh itself worked (it exits 255 for its own errors): logged in, but `true` did not run.
    return {
      failure: 'refused',
      cause: 'no_shell',
      said: lines(e).at(-1) ?? `exit status ${r.code}`,
    };
  }
  return { failure: 'unreachable', said: lines(e).at(-1) ?? `ssh exited with status ${r.code}` };
}

/**
 * gsyncd's own key on a primary node: glusterd's working directory, GEOREP dir (glusterd.h
 * GLUSTERD_DEFAULT_WORKDIR, "geo-replication"); gsec_create makes it, push-pem's hook installs its
 * public half on the secondary with a forced command (gsyncd), and gsyncd's monitor and workers log
 * in with it (`-i .../secret.pem`, gsyncd.conf ssh-command).
 */
export const GSYNCD_SECRET_PEM = '/var/lib/glusterd/geo-replication/secret.pem';

/**
 * Does the remote accept gsyncd's key (an `ssh -i secret.pem ... true` run, classified)? The key is
 * installed with gsyncd as its forced command, which refuses `true` ("invoking true in restricted
 * SSH session is not allowed", exit 1): logged in, so accepted. null: cannot tell (unreachable,
 * host key, ...).
 */
export function gsyncdKeyVerdict(why: Classified | null): boolean | null {
  if (!why) return true;
  if (why.failure === 'refused' && why.cause === 'no_shell') return true;
  if (why.failure === 'key_rejected') return false;
  return null;
}

export function classifyKeyCheck(r: { code: number; stderr: string }): Classified | null {
  if (r.code === 0) return null;
  const e = r.stderr;
  if (/No such file or directory/.test(e))
    return { failure: 'no_such_key_file', said: lineWith(e, /No such file/) };
  if (/UNPROTECTED PRIVATE KEY FILE|bad permissions/.test(e)) {
    return {
      failure: 'bad_key_permissions',
      mode: /Permissions (0\d{3}) for/.exec(e)?.[1],
      said: lineWith(e, /bad permissions/),
    };
  }
  if (/incorrect passphrase/.test(e))
    return { failure: 'key_rejected', cause: 'passphrase', said: lineWith(e, /passphrase/) };
  return {
    failure: 'key_rejected',
    cause: 'not_a_key',
    said: lineWith(e, /Load key|Is a directory|Permission denied|invalid/),
  };
}

/** Why a `direct-tcpip` channel (ssh2 forwardOut) to the remote could not be opened. */
export function classifyChannelOpen(message: string): Classified {
  if (/refused/i.test(message)) return { failure: 'refused', said: message };
  if (/timed out/i.test(message)) return { failure: 'timeout', said: message };
  if (/name|resolve|getaddrinfo|not known/i.test(message))
    return { failure: 'unreachable', cause: 'dns', said: message };
  if (/route|unreachable/i.test(message))
    return { failure: 'unreachable', cause: 'no_route', said: message };
  if (/prohibited|administratively/i.test(message)) return { failure: 'refused', said: message };
  return { failure: 'unreachable', said: message };
}
