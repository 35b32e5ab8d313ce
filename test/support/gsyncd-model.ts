// An independent model of what gsyncd (Gluster 10.5/11.1, geo-replication/syncdaemon) builds from
// a session's options, and of how ssh (OpenSSH ssh.c: BSD getopt, no permutation, options again
// after the host unless "--"), rsync (popt; -e split on spaces with quotes) and glusterfs read
// those argv. Used by the property test and the fuzz script: whatever the grammar accepts must
// leave every command with only allowed options, gsyncd's own host, paths and positionals.
// The model keeps its own list of what is safe (it does not import the grammar's tables), so a
// grammar that starts admitting something else is caught here.

/** ssh flags without argument that only change ssh's own behaviour. */
const SAFE_SSH_FLAGS = '46Cqvxak';
/** ssh_config keywords that run nothing, load nothing and go nowhere else; *File ones are checked as paths. */
const SAFE_SSH_KEYWORDS = new Set(
  [
    'PasswordAuthentication',
    'KbdInteractiveAuthentication',
    'ChallengeResponseAuthentication',
    'PubkeyAuthentication',
    'GSSAPIAuthentication',
    'HostbasedAuthentication',
    'BatchMode',
    'IdentitiesOnly',
    'Compression',
    'TCPKeepAlive',
    'CheckHostIP',
    'HashKnownHosts',
    'StrictHostKeyChecking',
    'UpdateHostKeys',
    'ConnectTimeout',
    'ConnectionAttempts',
    'ServerAliveInterval',
    'ServerAliveCountMax',
    'NumberOfPasswordPrompts',
    'AddressFamily',
    'LogLevel',
    'IPQoS',
    'RekeyLimit',
    'Ciphers',
    'MACs',
    'KexAlgorithms',
    'HostKeyAlgorithms',
    'PubkeyAcceptedAlgorithms',
    'PubkeyAcceptedKeyTypes',
    'HostbasedAcceptedAlgorithms',
    'CASignatureAlgorithms',
    'PreferredAuthentications',
    'IdentityFile',
    'CertificateFile',
    'UserKnownHostsFile',
    'GlobalKnownHostsFile',
  ].map((k) => k.toLowerCase()),
);
const INERT = /^[A-Za-z0-9@+,._:^-]*$/;
const KEY_DIR = '/var/lib/glusterd/geo-replication/';
const inKeyDir = (p: string): boolean =>
  p.startsWith(KEY_DIR) &&
  !p.split('/').includes('..') &&
  /^[A-Za-z0-9._/-]+$/.test(p) &&
  !p.endsWith('/');
const SAFE_RSYNC_LONG = new Set([
  'compress',
  'checksum',
  'sparse',
  'whole-file',
  'no-whole-file',
  'hard-links',
  'acls',
  'xattrs',
  'numeric-ids',
  'ignore-errors',
  'stats',
  'human-readable',
  'verbose',
  'quiet',
  'partial',
  'ignore-existing',
  'size-only',
  'omit-dir-times',
  'omit-link-times',
  'inplace',
  'append-verify',
  'ipv4',
  'ipv6',
  'itemize-changes',
  'one-file-system',
  'preallocate',
  'safe-links',
  'no-inc-recursive',
  'bwlimit',
  'compress-level',
  'compress-choice',
  'checksum-choice',
  'skip-compress',
  'timeout',
  'contimeout',
  'modify-window',
  'block-size',
  'max-size',
  'min-size',
  'exclude',
  'include',
]);
const SAFE_RSYNC_FLAGS = 'AcHhqvzSWXxOJ46i';
const SAFE_MOUNT = new Set([
  'aux-gfid-mount',
  'acl',
  'selinux',
  'fopen-keep-cache',
  'enable-ino32',
  'direct-io-mode',
  'use-readdirp',
  'attribute-timeout',
  'entry-timeout',
  'negative-timeout',
  'gid-timeout',
  'background-qlen',
  'congestion-threshold',
  'reader-thread-count',
  'lru-limit',
  'invalidate-limit',
]);
const SAFE_CLI = new Set(['log-level', 'timeout']);
const SYSTEM_BIN_DIRS = [
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
  '/usr/local/sbin',
  '/usr/local/bin',
];

export type Config = Record<string, string>;

const DEFAULTS: Config = {
  'ssh-command': 'ssh',
  'rsync-command': 'rsync',
  'ssh-options':
    '-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/secret.pem',
  'ssh-options-tar':
    '-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/tar_ssh.pem',
  'rsync-options': '',
  'rsync-ssh-options': '',
  'gluster-params': 'aux-gfid-mount acl',
  'secondary-gluster-params': 'aux-gfid-mount acl',
  'gluster-cli-options': '',
  'gluster-command-dir': '/usr/sbin',
  'secondary-gluster-command-dir': '/usr/sbin',
  'remote-gsyncd': '',
  'meta-volume-mnt': '/run/gluster/shared_storage',
  'changelog-archive-format': '%Y%m',
  'ssh-port': '22',
};

export const HOST = 'root@backup.example';
const CTL = ['-oControlMaster=auto', '-S', '/tmp/gsyncd-aux-ssh-x/ctl.sock'];
/** Python's str.split(): any run of whitespace, Unicode spaces included. */
const pySplit = (s: string): string[] =>
  s
    // eslint-disable-next-line no-control-regex
    .split(/[\s\u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/)
    .filter(Boolean);
const join = (dir: string, name: string): string => `${dir.replace(/\/+$/, '')}/${name}`;

export interface Commands {
  secondary: string[];
  volinfo: string[];
  rsync: string[];
  tarssh: string[];
  mount: string[];
  mountbroker: string[];
  archiveName: string;
  lockDir: string;
}

/** The argv gsyncd builds (resource.py SSH.connect_remote, rsync, tarssh; GLUSTER.connect; monitor.py). */
export function gsyncdCommands(overrides: Config): Commands {
  const c = { ...DEFAULTS, ...overrides };
  const g = (k: string): string => c[k]!;
  const sshBase = [g('ssh-command'), ...pySplit(g('ssh-options')), '-p', g('ssh-port')];
  const remoteGsyncd = g('remote-gsyncd') || '/nonexistent/gsyncd';
  const secondary = [
    ...sshBase,
    ...CTL,
    HOST,
    remoteGsyncd,
    'secondary',
    'pvol',
    'backup.example::svol',
    '--secondary-gluster-command-dir',
    g('secondary-gluster-command-dir'),
  ];
  const volinfo = [...sshBase, HOST, join(g('secondary-gluster-command-dir'), 'gluster'), '--xml'];
  const rsyncSsh = [...sshBase, ...CTL, ...pySplit(g('rsync-ssh-options'))];
  const rsync = [
    g('rsync-command'),
    '-aR0',
    '--inplace',
    '--files-from=-',
    '--super',
    '--stats',
    '--numeric-ids',
    '--no-implied-dirs',
    '--existing',
    '--xattrs',
    '--acls',
    ...pySplit(g('rsync-options')),
    '--ignore-missing-args',
    '.',
    '-e',
    rsyncSsh.join(' '),
    `${HOST}:/proc/1/cwd`,
  ];
  const tarssh = [
    ...pySplit(g('ssh-command')),
    ...pySplit(g('ssh-options-tar')),
    '-p',
    g('ssh-port'),
    HOST,
    'tar',
    '--overwrite',
    '-xf',
    '-',
    '-C',
    '/proc/1/cwd',
  ];
  const params = [
    ...pySplit(g('gluster-params')),
    'log-level=INFO',
    'log-file=/var/log/glusterfs/geo-replication/s/mnt.log',
    'volfile-server=localhost',
    'volfile-id=pvol',
    'client-pid=-1',
  ];
  const mount = [
    join(g('gluster-command-dir'), 'glusterfs'),
    ...params.map((p) => `--${p}`),
    '/tmp/gsyncd-aux-mount-x',
  ];
  const mountbroker = [
    join(g('gluster-command-dir'), 'gluster'),
    '--remote-host=localhost',
    ...pySplit(g('gluster-cli-options')),
    'system::',
    'mount',
    'geoaccount',
    'user-map-root=geoaccount',
    ...params,
  ];
  const archiveName = `archive_${strftime(g('changelog-archive-format'))}.tar`;
  return {
    secondary,
    volinfo,
    rsync,
    tarssh,
    mount,
    mountbroker,
    archiveName,
    lockDir: join(g('meta-volume-mnt'), 'geo-rep'),
  };
}

/** Python's strftime on a fixed date: directives become digits or words, the rest stays. */
function strftime(fmt: string): string {
  return fmt.replace(/%(.)/g, (_, d: string) =>
    d === '%' ? '%' : /[A-Za-z]/.test(d) ? '2026' : `%${d}`,
  );
}

// ------------------------------------------------------------------ ssh (OpenSSH ssh.c)

const SSH_OPTSTRING = '1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:P:Q:R:S:TVw:W:XYy';
const sshTakesArg = (c: string): boolean => {
  const i = SSH_OPTSTRING.indexOf(c);
  return i >= 0 && SSH_OPTSTRING[i + 1] === ':';
};

export interface SshParse {
  flags: string[];
  withArg: { flag: string; arg: string }[];
  host: string | null;
  command: string[];
  errors: string[];
}

/** BSD getopt over ssh's optstring, as ssh.c's `again:` loop runs it. */
export function parseSsh(argv: readonly string[]): SshParse {
  const out: SshParse = { flags: [], withArg: [], host: null, command: [], errors: [] };
  let av = argv.slice(1);
  let terminated = false;
  const getopt = (): void => {
    let i = 0;
    while (i < av.length) {
      const a = av[i]!;
      if (a === '--') {
        terminated = true;
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      let j = 1;
      while (j < a.length) {
        const c = a[j]!;
        if (!SSH_OPTSTRING.includes(c) || c === ':') {
          out.errors.push(`unknown flag -${c}`);
          j++;
          continue;
        }
        if (sshTakesArg(c)) {
          let arg = a.slice(j + 1);
          if (arg === '') {
            i++;
            arg = av[i] ?? '';
            if (av[i] === undefined) out.errors.push(`-${c} without argument`);
          }
          out.withArg.push({ flag: c, arg });
          j = a.length;
        } else {
          out.flags.push(c);
          j++;
        }
      }
      i++;
    }
    av = av.slice(i);
  };
  getopt();
  if (av.length > 0) {
    out.host = av[0]!;
    if (av.length > 1 && !terminated) {
      av = av.slice(1);
      getopt();
      out.command = av;
    } else out.command = av.slice(1);
  }
  return out;
}

/** ssh_config's keyword: up to the first "=" or whitespace (readconf.c strdelim). */
const keywordOf = (arg: string): { keyword: string; value: string } => {
  const m = /^\s*([^=\s]*)[=\s]*(.*)$/.exec(arg)!;
  return { keyword: m[1]!, value: m[2]! };
};

/** Problems with an ssh argv gsyncd built (empty when it does only what is allowed). */
export function sshViolations(
  argv: readonly string[],
  host: string,
  allowedExtra: string[] = [],
): string[] {
  const p = parseSsh(argv);
  const v = [...p.errors];
  const ports = p.withArg.filter((a) => a.flag === 'p');
  if (ports.length !== 1) v.push(`${ports.length} -p`);
  for (const s of p.withArg.filter((a) => a.flag === 'S'))
    if (s.arg !== CTL[2]) v.push(`-S ${s.arg}`);
  if (p.host !== host) v.push(`connects to ${JSON.stringify(p.host)} instead of ${host}`);
  for (const f of p.flags) if (!SAFE_SSH_FLAGS.includes(f)) v.push(`flag -${f}`);
  for (const { flag, arg } of p.withArg) {
    if (flag === 'p' || flag === 'S') continue; // gsyncd's own -p <ssh-port> and -S <control socket>
    if (flag === 'o') {
      const { keyword, value } = keywordOf(arg);
      if (allowedExtra.includes(arg)) continue;
      if (!SAFE_SSH_KEYWORDS.has(keyword.toLowerCase())) v.push(`-o ${keyword}`);
      else if (
        /file$/i.test(keyword) ? !(inKeyDir(value) || value === '/dev/null') : !INERT.test(value)
      )
        v.push(`-o ${keyword}=${value}`);
      continue;
    }
    if (flag === 'i') {
      if (!inKeyDir(arg)) v.push(`-i ${arg}`);
      continue;
    }
    if (flag === 'c' || flag === 'm') {
      if (!INERT.test(arg)) v.push(`-${flag} ${arg}`);
      continue;
    }
    v.push(`flag -${flag} ${arg}`);
  }
  return v;
}

// ------------------------------------------------------------------ rsync (popt)

const RSYNC_ARG_LONG = new Set([
  'address',
  'backup-dir',
  'block-size',
  'bwlimit',
  'cc',
  'checksum-choice',
  'checksum-seed',
  'chmod',
  'chown',
  'compare-dest',
  'compress-choice',
  'compress-level',
  'config',
  'contimeout',
  'copy-as',
  'copy-dest',
  'debug',
  'early-input',
  'exclude',
  'exclude-from',
  'files-from',
  'filter',
  'groupmap',
  'iconv',
  'include',
  'include-from',
  'info',
  'link-dest',
  'log-file',
  'log-file-format',
  'log-format',
  'max-alloc',
  'max-delete',
  'max-size',
  'min-size',
  'modify-window',
  'only-write-batch',
  'out-format',
  'outbuf',
  'partial-dir',
  'password-file',
  'port',
  'protocol',
  'read-batch',
  'remote-option',
  'rsh',
  'rsync-path',
  'skip-compress',
  'sockopts',
  'stop-after',
  'stop-at',
  'suffix',
  'temp-dir',
  'timeout',
  'usermap',
  'write-batch',
  'zc',
  'zl',
]);
const RSYNC_ARG_SHORT = 'BefMT@';

export interface RsyncParse {
  long: { name: string; value: string | null }[];
  short: { flag: string; value: string | null }[];
  positional: string[];
}

export function parseRsync(argv: readonly string[]): RsyncParse {
  const out: RsyncParse = { long: [], short: [], positional: [] };
  const a = argv.slice(1);
  for (let i = 0; i < a.length; i++) {
    const t = a[i]!;
    if (t === '--') {
      out.positional.push(...a.slice(i + 1));
      break;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = eq < 0 ? t.slice(2) : t.slice(2, eq);
      let value: string | null = eq < 0 ? null : t.slice(eq + 1);
      if (value === null && RSYNC_ARG_LONG.has(name)) value = a[++i] ?? '';
      out.long.push({ name, value });
    } else if (t.startsWith('-') && t.length > 1) {
      for (let j = 1; j < t.length; j++) {
        const c = t[j]!;
        if (RSYNC_ARG_SHORT.includes(c)) {
          const rest = t.slice(j + 1);
          out.short.push({ flag: c, value: rest !== '' ? rest : (a[++i] ?? '') });
          break;
        }
        out.short.push({ flag: c, value: null });
      }
    } else out.positional.push(t);
  }
  return out;
}

/** rsync's -e splitting (main.c do_cmd): spaces separate, quotes group, backslashes are kept. */
export function splitRsh(cmd: string): string[] {
  const args: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let any = false;
  for (const ch of cmd) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      any = true;
    } else if (ch === ' ') {
      if (cur || any) args.push(cur);
      cur = '';
      any = false;
    } else cur += ch;
  }
  if (cur || any) args.push(cur);
  return args;
}

const GSYNCD_RSYNC_LONG = new Set([
  'inplace',
  'files-from',
  'super',
  'stats',
  'numeric-ids',
  'no-implied-dirs',
  'existing',
  'xattrs',
  'acls',
  'ignore-missing-args',
]);

export function rsyncViolations(argv: readonly string[], host: string): string[] {
  const p = parseRsync(argv);
  const v: string[] = [];
  const filesFrom = p.long.filter((o) => o.name === 'files-from');
  if (filesFrom.length !== 1 || filesFrom[0]!.value !== '-') v.push('files-from changed');
  for (const o of p.long) {
    if (GSYNCD_RSYNC_LONG.has(o.name) && o.value === (o.name === 'files-from' ? '-' : null))
      continue;
    if (!SAFE_RSYNC_LONG.has(o.name)) v.push(`--${o.name}`);
    else if (o.value !== null && !/^[A-Za-z0-9@+,._:*?[\]~=/-]*$/.test(o.value))
      v.push(`--${o.name}=${o.value}`);
    else if (
      o.value !== null &&
      o.name !== 'exclude' &&
      o.name !== 'include' &&
      o.value.includes('/') &&
      o.name !== 'skip-compress'
    )
      v.push(`--${o.name}=${o.value} names a path`);
  }
  const es = p.short.filter((s) => s.flag === 'e');
  if (es.length !== 1) v.push(`${es.length} -e`);
  for (const s of p.short) {
    if (s.flag === 'e') continue;
    if (!(SAFE_RSYNC_FLAGS + 'aR0').includes(s.flag) || s.value !== null) v.push(`-${s.flag}`);
  }
  if (
    p.positional.length !== 2 ||
    p.positional[0] !== '.' ||
    p.positional[1] !== `${host}:/proc/1/cwd`
  )
    v.push(`positional ${JSON.stringify(p.positional)}`);
  if (es.length === 1) {
    // rsync runs <-e command> <host> rsync --server ...
    const ssh = [...splitRsh(es[0]!.value ?? ''), host, 'rsync', '--server', '.'];
    v.push(...sshViolations(ssh, host, ['ControlMaster=auto']).map((x) => `rsync -e: ${x}`));
  }
  return v;
}

// ------------------------------------------------------------------ glusterfs and gluster

const GSYNCD_MOUNT = ['log-level', 'log-file', 'volfile-server', 'volfile-id', 'client-pid'];

export function mountViolations(argv: readonly string[]): string[] {
  const v: string[] = [];
  const opts = argv.slice(1, -1);
  const seen: Record<string, number> = {};
  for (const o of opts) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(o);
    if (!m) {
      v.push(`positional ${o}`);
      continue;
    }
    const [, name, value] = m as unknown as [string, string, string | undefined];
    seen[name] = (seen[name] ?? 0) + 1;
    if (GSYNCD_MOUNT.includes(name)) continue;
    if (!SAFE_MOUNT.has(name)) v.push(`--${name}`);
    else if (value !== undefined && !/^[A-Za-z0-9]+$/.test(value)) v.push(`--${name}=${value}`);
  }
  for (const n of GSYNCD_MOUNT) if (seen[n] !== 1) v.push(`${n} given ${seen[n] ?? 0} times`);
  return v;
}

export function cliViolations(argv: readonly string[]): string[] {
  const v: string[] = [];
  const sys = argv.indexOf('system::');
  if (sys < 0 || argv[sys + 1] !== 'mount') v.push('system:: mount moved');
  for (const o of argv.slice(2, sys < 0 ? undefined : sys)) {
    const m = /^--([a-z-]+)=(.*)$/.exec(o);
    if (!m || !SAFE_CLI.has(m[1]!) || !/^[A-Za-z0-9]+$/.test(m[2]!)) v.push(`gluster ${o}`);
  }
  return v;
}

const binaryOk = (path: string, bin: string): boolean =>
  path === bin || SYSTEM_BIN_DIRS.some((d) => path === `${d}/${bin}`);

/** Every way the commands gsyncd builds from `config` step outside what is allowed. */
export function violations(config: Config): string[] {
  const c = gsyncdCommands(config);
  const v: string[] = [];
  if (!binaryOk(c.secondary[0]!, 'ssh')) v.push(`ssh binary ${c.secondary[0]}`);
  if (!binaryOk(c.rsync[0]!, 'rsync')) v.push(`rsync binary ${c.rsync[0]}`);
  if (c.tarssh[0] !== c.secondary[0]) v.push('tarssh ssh-command split');
  if (!SYSTEM_BIN_DIRS.some((d) => c.mount[0] === `${d}/glusterfs`))
    v.push(`glusterfs at ${c.mount[0]}`);
  const secondaryDir = config['secondary-gluster-command-dir'];
  if (secondaryDir !== undefined && !SYSTEM_BIN_DIRS.includes(secondaryDir.replace(/(.)\/$/, '$1')))
    v.push(`secondary gluster in ${secondaryDir}`);
  v.push(
    ...sshViolations(c.secondary, HOST, ['ControlMaster=auto']).map((x) => `secondary ssh: ${x}`),
  );
  // The remote command line is run by the remote shell: every word must be inert there.
  const remote = parseSsh(c.secondary).command;
  for (const w of remote)
    if (!/^[A-Za-z0-9@+,._=:/-]+$/.test(w)) v.push(`remote word ${JSON.stringify(w)}`);
  if (!/^\/(nonexistent|usr)\//.test(remote[0] ?? '')) v.push(`remote gsyncd ${remote[0]}`);
  v.push(...sshViolations(c.volinfo, HOST).map((x) => `volinfo ssh: ${x}`));
  v.push(...rsyncViolations(c.rsync, HOST));
  v.push(...sshViolations(c.tarssh, HOST).map((x) => `tarssh: ${x}`));
  v.push(...mountViolations(c.mount));
  v.push(...cliViolations(c.mountbroker));
  if (c.archiveName.includes('/') || c.archiveName.includes('\0'))
    v.push(`archive ${c.archiveName}`);
  if (
    !['/run/gluster/shared_storage/geo-rep', '/var/run/gluster/shared_storage/geo-rep'].includes(
      c.lockDir,
    )
  )
    v.push(`lock dir ${c.lockDir}`);
  return v;
}
