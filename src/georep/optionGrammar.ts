// What gsyncd does with each free-text option value, and the grammar each one must follow so that
// no value can run a program, read or write a file of its choosing, or change where a command runs.
//
// gsyncd (Gluster 10.5 and 11.1, geo-replication/syncdaemon) runs as root on every primary node and
// splits several option values into the argv of `ssh`, `rsync`, `glusterfs` and `gluster`:
//   resource.py SSH.start_fd_client/connect_remote:  [ssh-command] + ssh-options.split() + [-p port,
//       ctl args, host, remote-gsyncd, "secondary", ... --secondary-gluster-command-dir <dir>]
//       (the part after the host is joined by ssh into one remote shell command line)
//   resource.py SSH.rsync:  [rsync-command, -aR0, ..., --files-from=-, ...] + rsync-options.split()
//       + ['.', '-e', ' '.join([ssh-command] + ssh-options.split() + [-p port] + ctl args
//       + rsync-ssh-options.split()), url]   (rsync splits the -e string again on spaces)
//   resource.py SSH.tarssh: ssh-command.split() + ssh-options-tar.split() + [-p port, host, tar ...]
//   resource.py GLUSTER.connect: gluster-params.split() -> DirectMounter: glusterfs --<param> ...
//       MountbrokerMounter: [gluster-command-dir/gluster, --remote-host=localhost]
//       + gluster-cli-options.split() + [system::, mount, label, ...params]
//   monitor.py distribute / syncdutils.py Volinfo: [ssh-command] + ssh-options.split() + [-p, port,
//       host] + [secondary-gluster-command-dir/gluster, --xml, ...] (again one remote command line)
//   primary.py archive_and_purge_changelogs: "archive_%s.tar" % strftime(changelog-archive-format)
//       joined to the session's working directory
//   primary.py mgmt_lock: os.path.join(meta-volume-mnt, "geo-rep") holds lock files
// Python's str.split() splits on any whitespace; the grammars below admit only printable ASCII and
// the plain space, so the tokens seen here are exactly the tokens gsyncd (and rsync's -e) sees. No
// quote, backslash, "$", ";", "|", "&", "`", "%", "<", ">", "!", "#", "{", "}", "(" or ")" ever
// passes: no shell, no ssh %-token or ${ENV} expansion, no rsync -e quoting can see one.
//
// Every grammar is an allow-list: an option, keyword or flag not named here is refused, so any
// spelling, case or abbreviation of a dangerous one (ProxyCommand, --rsync-path, -e, -F, ...) is
// refused without having to be foreseen. Shared by the UI and the service; no Node-only imports.

/** Gluster's own key folder: the only place an identity file may come from. */
export const GLUSTER_KEY_DIR = '/var/lib/glusterd/geo-replication';
/** System folders a binary named by an option may live in. */
export const SYSTEM_BIN_DIRS: readonly string[] = [
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
  '/usr/local/sbin',
  '/usr/local/bin',
];

/** How gsyncd uses each option's value (Gluster 10.5/11.1 syncdaemon), for every catalogue option. */
export const OPTION_USES: Readonly<Record<string, string>> = {
  'access-mount': 'bool: resource.py GLUSTER.connect keeps the aux mount (no lazy umount)',
  'allow-network': 'unused since Gluster 4 (listed in gsyncd.conf only)',
  'change-detector': 'choice changelog|xsync: primary.py picks the crawler class by name',
  'change-interval': 'int: primary.py sleeps between changelog rounds',
  'changelog-archive-format':
    'strftime pattern: primary.py archive_and_purge_changelogs names a tar file in the working dir after it (a "/" or ".." would write elsewhere)',
  'changelog-batch-size': 'int: primary.py batch size in bytes',
  'changelog-log-level': 'choice: passed to libgfchangelog',
  checkpoint: 'unixtime: compared with stime in gsyncdstatus.py',
  'cli-log-level': 'choice: log level of gsyncd run by the CLI',
  'connection-timeout': 'int: seconds to wait for the aux mount',
  'gfid-conflict-resolution': 'bool: primary.py fixes gfid mismatches',
  'gluster-cli-options':
    'split() into the argv of `gluster --remote-host=localhost ... system:: mount` (resource.py MountbrokerMounter.make_cli_argv), run as root',
  'gluster-command-dir':
    'directory: resource.py Mounter.get_glusterprog and syncdutils.py Volinfo run <dir>/glusterfs and <dir>/gluster as root',
  'gluster-log-level': 'choice: log-level= of the aux mount',
  'gluster-params':
    'split() into mount options: DirectMounter runs `glusterfs --<param> ...` as root; MountbrokerMounter passes them to glusterd',
  'ignore-deletes': 'bool: primary.py skips UNLINK/RMDIR',
  'isolated-secondarys': 'unused since Gluster 4 (listed in gsyncd.conf only)',
  'log-level': 'choice: gsyncd log level',
  'log-rsync-performance': 'bool: resource.py rsync reads rsync --stats',
  'max-rsync-retries': 'int: primary.py retries a failing batch',
  'meta-volume-mnt':
    'directory: primary.py mgmt_lock creates <dir>/geo-rep/<lock files> (any folder would be written to)',
  'remote-gsyncd':
    'path on the secondary: resource.py SSH.connect_remote puts it in the remote command line that ssh hands to the remote shell',
  'replica-failover-interval': 'int: monitor.py',
  'rsync-command':
    'binary: resource.py SSH.rsync runs it as root (and get_rsync_version runs `<it> --version`)',
  'rsync-opt-existing': 'bool: adds --existing',
  'rsync-opt-ignore-missing-args': 'bool: adds --ignore-missing-args',
  'rsync-options':
    "split() into rsync's argv after gsyncd's own options and before '.' and -e (resource.py SSH.rsync)",
  'rsync-ssh-options':
    "split() and appended to the ssh command line that rsync's -e runs (resource.py SSH.rsync)",
  'secondary-access-mount': 'bool: sent as --secondary-access-mount',
  'secondary-gluster-command-dir':
    'directory on the secondary: monitor.py/syncdutils.py Volinfo run <dir>/gluster there over ssh, and it is sent as --secondary-gluster-command-dir in the remote command line',
  'secondary-gluster-log-level': 'choice: sent as --secondary-gluster-log-level',
  'secondary-gluster-params':
    'split() into the secondary mount options, as gluster-params (kept in gsyncd.conf; the secondary gsyncd of Gluster 10 reads gluster-params)',
  'secondary-log-level': 'choice: sent as --secondary-log-level',
  'secondary-timeout': 'int: sent as --secondary-timeout',
  'special-sync-mode': 'choice: primary.py picks a mixin class by name',
  'ssh-command':
    'binary: argv[0] of every ssh gsyncd runs as root; tarssh even splits it (resource.py SSH.tarssh)',
  'ssh-options':
    "split() into the argv of every ssh gsyncd runs as root: to the secondary gsyncd, for Volinfo, and inside rsync's -e (resource.py, monitor.py)",
  'ssh-options-tar': 'split() into the argv of the ssh that carries tar (resource.py SSH.tarssh)',
  'ssh-port': 'int: -p of every ssh',
  'sync-acls': 'bool: adds --acls',
  'sync-jobs': 'int: number of syncer threads',
  'sync-method': 'choice rsync|tarssh',
  'sync-xattrs': 'bool: adds --xattrs',
  'tar-command': 'binary (tarssh runs a literal "tar" in Gluster 10/11; kept to the real binary)',
  'use-meta-volume': 'bool',
  'use-rsync-xattrs': 'bool: sent as --use-rsync-xattrs',
};

// ------------------------------------------------------------------ tokens

/** The tokens gsyncd's str.split() gives, or why the value cannot be split safely. */
function tokens(value: string): { tokens: string[] } | { error: string } {
  const bad = /[^A-Za-z0-9@+,._=:/*?[\]~ -]/.exec(value);
  if (bad) {
    const c = bad[0];
    const code = c.charCodeAt(0);
    const what =
      code < 0x20 || code === 0x7f
        ? 'a control character'
        : code > 0x7e
          ? `the non-ASCII character "${c}"`
          : `"${c}"`;
    return {
      error: `The value cannot contain ${what}: gsyncd splits it into a command line, so only letters, digits, spaces and @ + , . _ = : / - (and * ? [ ] ~ in rsync patterns) are accepted.`,
    };
  }
  return { tokens: value.split(' ').filter((t) => t.length > 0) };
}

const YES_NO = /^(yes|no)$/i;
const NUMBER = /^\d{1,9}$/;
const ALGORITHMS = /^[+^-]?[A-Za-z0-9@._-]+(,[A-Za-z0-9@._-]+)*$/;

/** A file in Gluster's own key folder, named plainly (no "..", no "%" or "~" expansion). */
export function isGlusterKeyFile(path: string): boolean {
  if (!path.startsWith(`${GLUSTER_KEY_DIR}/`)) return false;
  const rest = path.slice(GLUSTER_KEY_DIR.length + 1).split('/');
  return (
    rest.length >= 1 &&
    rest.length <= 3 &&
    rest.every((p) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(p) && p !== '..' && p !== '.')
  );
}

// ------------------------------------------------------------------ ssh

/**
 * `-o Keyword=value` keywords administrators set on geo-replication's ssh, with the values each
 * may take (keywords are case-insensitive in ssh_config). Nothing here runs a program, loads a
 * library, reads or writes a file outside Gluster's key folder, or sends the session elsewhere.
 */
export const SSH_KEYWORDS: Readonly<Record<string, RegExp | ((v: string) => boolean)>> = {
  passwordauthentication: YES_NO,
  kbdinteractiveauthentication: YES_NO,
  challengeresponseauthentication: YES_NO,
  pubkeyauthentication: YES_NO,
  gssapiauthentication: YES_NO,
  hostbasedauthentication: YES_NO,
  batchmode: YES_NO,
  identitiesonly: YES_NO,
  compression: YES_NO,
  tcpkeepalive: YES_NO,
  checkhostip: YES_NO,
  hashknownhosts: YES_NO,
  stricthostkeychecking: /^(yes|no|ask|accept-new|off)$/i,
  updatehostkeys: /^(yes|no|ask)$/i,
  connecttimeout: NUMBER,
  connectionattempts: NUMBER,
  serveraliveinterval: NUMBER,
  serveralivecountmax: NUMBER,
  numberofpasswordprompts: NUMBER,
  addressfamily: /^(any|inet|inet6)$/i,
  loglevel: /^(quiet|fatal|error|info|verbose|debug[123]?)$/i,
  ipqos: /^(af[1-4][1-3]|cs[0-7]|ef|le|lowdelay|throughput|reliability|none|\d{1,3})$/i,
  rekeylimit: /^(\d{1,12}[KMG]?|default|none)$/i,
  ciphers: ALGORITHMS,
  macs: ALGORITHMS,
  kexalgorithms: ALGORITHMS,
  hostkeyalgorithms: ALGORITHMS,
  pubkeyacceptedalgorithms: ALGORITHMS,
  pubkeyacceptedkeytypes: ALGORITHMS,
  hostbasedacceptedalgorithms: ALGORITHMS,
  casignaturealgorithms: ALGORITHMS,
  preferredauthentications: /^[a-z-]+(,[a-z-]+)*$/,
  identityfile: isGlusterKeyFile,
  certificatefile: isGlusterKeyFile,
  // ssh writes the remote's key there when it is new: /dev/null or Gluster's own folder only.
  userknownhostsfile: (v) => v === '/dev/null' || isGlusterKeyFile(v),
  globalknownhostsfile: (v) => v === '/dev/null' || isGlusterKeyFile(v),
};

/** ssh flags that take no argument and change nothing but ssh's own behaviour. */
export const SSH_FLAGS = '46Cqvxak';
/** ssh flags that take an argument, and what it may be. */
export const SSH_ARG_FLAGS: Readonly<Record<string, (v: string) => boolean>> = {
  i: isGlusterKeyFile,
  c: (v) => ALGORITHMS.test(v),
  m: (v) => ALGORITHMS.test(v),
};

function sshKeyword(text: string): string | null {
  const eq = text.indexOf('=');
  if (eq <= 0)
    return `"-o ${text}" must be written as Keyword=value (e.g. -oCompression=yes) so that it stays one option.`;
  const keyword = text.slice(0, eq);
  const value = text.slice(eq + 1);
  const rule = SSH_KEYWORDS[keyword.toLowerCase()];
  if (!rule) {
    return `The ssh option ${keyword} is not accepted here: only options that cannot run a program, read or write another file or reach another host are (e.g. Ciphers, Compression, ConnectTimeout, ServerAliveInterval, StrictHostKeyChecking, IdentityFile in ${GLUSTER_KEY_DIR}).`;
  }
  const ok = typeof rule === 'function' ? rule(value) : rule.test(value);
  if (!ok) {
    if (/file$/i.test(keyword))
      return `${keyword} must name a file in Gluster's key folder ${GLUSTER_KEY_DIR}/${/knownhosts/i.test(keyword) ? ' (or /dev/null)' : ''}.`;
    return `"${value}" is not a value ssh's ${keyword} takes here.`;
  }
  return null;
}

/** Why an ssh option string (ssh-options, ssh-options-tar, rsync-ssh-options) is refused, or null. */
export function sshOptionsProblem(value: string): string | null {
  const t = tokens(value);
  if ('error' in t) return t.error;
  const list = t.tokens;
  for (let i = 0; i < list.length; i++) {
    const tok = list[i]!;
    if (!tok.startsWith('-') || tok === '-' || tok.startsWith('--')) {
      return `"${tok}" is not an ssh option: gsyncd puts these words before the secondary host, so ssh would read a plain word as the host to connect to.`;
    }
    const letter = tok[1]!;
    if (letter === 'o' || letter in SSH_ARG_FLAGS) {
      // getopt: the rest of the token is the argument, or else the next token is.
      let arg = tok.slice(2);
      if (arg === '') {
        const next = list[i + 1];
        if (next === undefined) return `"${tok}" needs a value after it.`;
        arg = next;
        i++;
      }
      if (letter === 'o') {
        const p = sshKeyword(arg);
        if (p) return p;
      } else if (!SSH_ARG_FLAGS[letter]!(arg)) {
        return letter === 'i'
          ? `-i must name a key file in Gluster's key folder ${GLUSTER_KEY_DIR}/ (e.g. ${GLUSTER_KEY_DIR}/secret.pem).`
          : `"${arg}" is not a list of algorithm names for -${letter}.`;
      }
      continue;
    }
    const flags = tok.slice(1);
    const unknown = Array.from(flags).find((c) => !SSH_FLAGS.includes(c));
    if (unknown !== undefined) {
      return `The ssh flag -${unknown} (in "${tok}") is not accepted here: only -4 -6 -C -q -v -x -a -k, -c, -m, -i (a key in ${GLUSTER_KEY_DIR}) and -o Keyword=value are.`;
    }
  }
  return null;
}

// ------------------------------------------------------------------ rsync

const SIZE = /^\d{1,12}(\.\d{1,3})?[KMGTkmgt]?[Bb]?$/;
/** An --exclude/--include pattern: wildcards and path characters, nothing rsync reads as a rule. */
const PATTERN = /^[A-Za-z0-9._*?[\]/+@,=:~-]+$/;

/** rsync long options administrators add to geo-replication, with the values each may take. */
export const RSYNC_LONG: Readonly<Record<string, RegExp | null>> = {
  // no argument
  compress: null,
  checksum: null,
  sparse: null,
  'whole-file': null,
  'no-whole-file': null,
  'hard-links': null,
  acls: null,
  xattrs: null,
  'numeric-ids': null,
  'ignore-errors': null,
  stats: null,
  'human-readable': null,
  verbose: null,
  quiet: null,
  partial: null,
  'ignore-existing': null,
  'size-only': null,
  'omit-dir-times': null,
  'omit-link-times': null,
  inplace: null,
  'append-verify': null,
  ipv4: null,
  ipv6: null,
  'itemize-changes': null,
  'one-file-system': null,
  preallocate: null,
  'safe-links': null,
  'no-inc-recursive': null,
  // with a value, written --name=value
  bwlimit: SIZE,
  'compress-level': /^\d$/,
  'compress-choice': /^(zstd|lz4|zlibx|zlib|none)$/,
  'checksum-choice':
    /^(xxh128|xxh3|xxh64|xxhash|md5|md4|none)(,(xxh128|xxh3|xxh64|xxhash|md5|md4|none))?$/,
  'skip-compress': /^[A-Za-z0-9]+(\/[A-Za-z0-9]+)*$/,
  timeout: NUMBER,
  contimeout: NUMBER,
  'modify-window': /^-?\d{1,9}$/,
  'block-size': NUMBER,
  'max-size': SIZE,
  'min-size': SIZE,
  exclude: PATTERN,
  include: PATTERN,
};
/** rsync short flags that take no argument (-z, -v, ...), bundled or not. */
export const RSYNC_FLAGS = 'AcHhqvzSWXxOJ46i';

/** Why an rsync option string (rsync-options) is refused, or null. */
export function rsyncOptionsProblem(value: string): string | null {
  const t = tokens(value);
  if ('error' in t) return t.error;
  for (const tok of t.tokens) {
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=');
      const name = eq < 0 ? tok.slice(2) : tok.slice(2, eq);
      if (!(name in RSYNC_LONG)) {
        return `The rsync option --${name} is not accepted here: only options that cannot run a program, read or write another file or reach another host are (e.g. --bwlimit, --compress, --exclude, --timeout, --checksum).`;
      }
      const rule = RSYNC_LONG[name] as RegExp | null; // listed: checked above
      if (rule === null) {
        if (eq >= 0) return `--${name} takes no value.`;
        continue;
      }
      if (eq < 0)
        return `Write --${name}=<value> as one word, e.g. --${name}=${name === 'exclude' || name === 'include' ? '*.tmp' : '100'}.`;
      const v = tok.slice(eq + 1);
      if (!rule.test(v)) return `"${v}" is not a value rsync's --${name} takes here.`;
      continue;
    }
    if (tok.startsWith('-') && tok.length > 1) {
      const unknown = Array.from(tok.slice(1)).find((c) => !RSYNC_FLAGS.includes(c));
      if (unknown !== undefined) {
        return `The rsync flag -${unknown} (in "${tok}") is not accepted here: only ${Array.from(
          RSYNC_FLAGS,
        )
          .map((c) => `-${c}`)
          .join(' ')} and the long options listed in the description are.`;
      }
      continue;
    }
    return `"${tok}" is not an rsync option: a plain word would become another file for rsync to copy.`;
  }
  return null;
}

// ------------------------------------------------------------------ gluster mount and CLI

/** Client mount options (glusterfs --<name>[=value]) that only tune the mount itself. */
export const MOUNT_PARAMS: Readonly<Record<string, RegExp | null>> = {
  'aux-gfid-mount': null,
  acl: null,
  selinux: null,
  'fopen-keep-cache': null,
  'enable-ino32': null,
  'direct-io-mode': /^(enable|disable|auto)$/,
  'use-readdirp': /^(yes|no|true|false|on|off)$/,
  'attribute-timeout': NUMBER,
  'entry-timeout': NUMBER,
  'negative-timeout': NUMBER,
  'gid-timeout': NUMBER,
  'background-qlen': NUMBER,
  'congestion-threshold': NUMBER,
  'reader-thread-count': NUMBER,
  'lru-limit': NUMBER,
  'invalidate-limit': NUMBER,
};

/** Why a mount option list (gluster-params, secondary-gluster-params) is refused, or null. */
export function mountParamsProblem(value: string): string | null {
  const t = tokens(value);
  if ('error' in t) return t.error;
  for (const tok of t.tokens) {
    const eq = tok.indexOf('=');
    const name = eq < 0 ? tok : tok.slice(0, eq);
    if (!(name in MOUNT_PARAMS)) {
      return `The mount option "${name}" is not accepted here: gsyncd passes each word to glusterfs as --${name}; only options that tune the mount (aux-gfid-mount, acl, selinux, timeouts, direct-io-mode...) are accepted, none that names a file, a server or a volume.`;
    }
    const rule = MOUNT_PARAMS[name] as RegExp | null; // listed: checked above
    if (rule === null ? eq >= 0 : eq < 0 || !rule.test(tok.slice(eq + 1)))
      return rule === null ? `${name} takes no value.` : `"${tok}" is not a value ${name} takes.`;
  }
  return null;
}

/** gluster CLI options (gluster-cli-options) that do not change where or as what the CLI runs. */
export const CLI_OPTIONS: Readonly<Record<string, RegExp>> = {
  'log-level': /^(TRACE|DEBUG|INFO|WARNING|ERROR|CRITICAL|NONE)$/,
  timeout: NUMBER,
};

export function cliOptionsProblem(value: string): string | null {
  const t = tokens(value);
  if ('error' in t) return t.error;
  for (const tok of t.tokens) {
    const m = /^--([a-z-]+)=(.*)$/.exec(tok);
    const rule = m ? CLI_OPTIONS[m[1]!] : undefined;
    if (!m || !rule)
      return `"${tok}" is not accepted: only --log-level=<LEVEL> and --timeout=<seconds> are (others name files, sockets or another host).`;
    if (!rule.test(m[2]!)) return `"${m[2]}" is not a value gluster's --${m[1]} takes.`;
  }
  return null;
}

// ------------------------------------------------------------------ binaries, folders, paths

const COMMAND_BINARY: Readonly<Record<string, string>> = {
  'ssh-command': 'ssh',
  'rsync-command': 'rsync',
  'tar-command': 'tar',
  'gluster-command': 'gluster',
};

/** A `*-command` option: the real binary by name, or by absolute path in a system folder. */
export function commandProblem(option: string, value: string): string | null {
  const bin = COMMAND_BINARY[option];
  if (!bin) return null;
  if (value === bin) return null;
  const slash = value.lastIndexOf('/');
  if (
    slash > 0 &&
    value.slice(slash + 1) === bin &&
    SYSTEM_BIN_DIRS.includes(value.slice(0, slash))
  )
    return null;
  return `"${option}" takes the ${bin} binary only: "${bin}", or its path in a system folder (${SYSTEM_BIN_DIRS.map((d) => `${d}/${bin}`).join(', ')}).`;
}

const REMOTE_GSYNCD =
  /^\/usr\/(libexec|lib|lib64|lib\/[a-z0-9_]+-linux-gnu[a-z0-9_]*|local\/libexec|local\/lib)\/glusterfs\/gsyncd$/;
const META_VOLUME_MNT = ['/run/gluster/shared_storage', '/var/run/gluster/shared_storage'];
/** strftime directives and plain name characters: never a "/" or "..". */
const ARCHIVE_FORMAT = /^([A-Za-z0-9_-]|%[YmdHMSjUWaAbByGVuwIpzeF%])+$/;
const NETWORK_LIST = /^[A-Za-z0-9.:/-]+(,[A-Za-z0-9.:/-]+)*$/;

/** Why `value` is refused for a path or free-text option by what gsyncd does with it, or null. */
export function grammarProblem(option: string, value: string): string | null {
  switch (option) {
    case 'ssh-options':
    case 'ssh-options-tar':
    case 'rsync-ssh-options':
      return sshOptionsProblem(value);
    case 'rsync-options':
      return rsyncOptionsProblem(value);
    case 'gluster-params':
    case 'secondary-gluster-params':
      return mountParamsProblem(value);
    case 'gluster-cli-options':
      return cliOptionsProblem(value);
    case 'ssh-command':
    case 'rsync-command':
    case 'tar-command':
    case 'gluster-command':
      return commandProblem(option, value);
    case 'gluster-command-dir':
    case 'secondary-gluster-command-dir': {
      const dir = value.length > 1 ? value.replace(/\/$/, '') : value;
      return SYSTEM_BIN_DIRS.includes(dir)
        ? null
        : `"${option}" must be a system folder holding the Gluster binaries: ${SYSTEM_BIN_DIRS.join(', ')}.`;
    }
    case 'remote-gsyncd':
      return REMOTE_GSYNCD.test(value)
        ? null
        : '"remote-gsyncd" must be the gsyncd that Gluster installs on the secondary, e.g. /usr/libexec/glusterfs/gsyncd or /usr/lib/x86_64-linux-gnu/glusterfs/gsyncd.';
    case 'meta-volume-mnt':
      return META_VOLUME_MNT.includes(value)
        ? null
        : `"meta-volume-mnt" is where Gluster mounts its shared storage: ${META_VOLUME_MNT.join(' or ')}.`;
    case 'changelog-archive-format':
      return value.length <= 64 && ARCHIVE_FORMAT.test(value)
        ? null
        : '"changelog-archive-format" is a strftime pattern of letters, digits, "-", "_" and %Y %m %d %H %M %S... (no "/" or "."): it names a file in the session\'s working directory.';
    case 'allow-network':
    case 'isolated-secondarys':
      return NETWORK_LIST.test(value)
        ? null
        : `"${option}" is a comma-separated list of host names, addresses or networks.`;
    default:
      return null;
  }
}

/** The free-text and path options a grammar above governs (the rest are typed: bool, int, enum). */
export const GRAMMAR_OPTIONS: readonly string[] = [
  'ssh-options',
  'ssh-options-tar',
  'rsync-ssh-options',
  'rsync-options',
  'gluster-params',
  'secondary-gluster-params',
  'gluster-cli-options',
  'ssh-command',
  'rsync-command',
  'tar-command',
  'gluster-command-dir',
  'secondary-gluster-command-dir',
  'remote-gsyncd',
  'meta-volume-mnt',
  'changelog-archive-format',
  'allow-network',
  'isolated-secondarys',
];
