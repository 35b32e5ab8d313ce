// The installed service's settings: one file, /etc/ovirt-gluster-georep/georep.conf (KEY=value
// lines, as oVirt's own /etc/ovirt-engine/engine.conf.d files), then the files of
// georep.conf.d/*.conf in name order (ovirt-gluster-georep-setup writes 10-setup.conf there), then
// the environment, each overriding the one before. SETTINGS is the one truth: the shipped
// georep.conf is rendered from it (renderConfigFile), and the service checks every setting at
// start and names every problem at once.
import fs from 'node:fs';
import path from 'node:path';
import { KnownHosts } from './ssh/keys';

export const DEFAULT_CONFIG_FILE = '/etc/ovirt-gluster-georep/georep.conf';

export interface Setting {
  name: string;
  /** The value when nothing sets it; undefined: unset unless set (required or optional). */
  default?: string;
  required?: boolean;
  /** Comment lines for georep.conf. */
  doc: string[];
}

export const SETTINGS: readonly Setting[] = [
  {
    name: 'ENGINE_URL',
    required: true,
    doc: [
      "The engine's base URL as this machine reaches it, e.g. https://engine.example.com/ovirt-engine/",
      '(ovirt-gluster-georep-setup writes it from ENGINE_FQDN).',
    ],
  },
  {
    name: 'ENGINE_CA_FILE',
    default: '/etc/pki/ovirt-engine/ca.pem',
    doc: [
      "The CA that signed the certificate of an https ENGINE_URL (the engine's own CA by default; your",
      "CA if Apache serves a third-party certificate); 'system' for the system's CAs only.",
    ],
  },
  {
    name: 'GEOREP_ENGINE_USER',
    doc: [
      "The service's own engine account, e.g. georep-service@internal: it reads each host's pinned SSH",
      'key (ReadOnlyAdmin) and posts one event per action (ExternalEventsCreator).',
      'ovirt-gluster-georep-setup creates it and sets this.',
    ],
  },
  {
    name: 'GEOREP_ENGINE_PASSWORD_FILE',
    default: '/etc/ovirt-gluster-georep/engine-account.password',
    doc: ["That account's password, alone in a file only the service's user can read."],
  },
  {
    name: 'GEOREP_LISTEN',
    default: '127.0.0.1:8091',
    doc: [
      "[host:]port the service listens on. Apache publishes it on the engine's origin",
      '(/etc/httpd/conf.d/z-ovirt-gluster-georep.conf names the same port).',
    ],
  },
  {
    name: 'GEOREP_PREFIX',
    default: '/ovirt-georep/api',
    doc: ['The path of the API, as Apache forwards it.'],
  },
  {
    name: 'GEOREP_SSH_KEY',
    default: '/etc/pki/ovirt-engine/keys/engine_id_rsa',
    doc: [
      "The private key the service logs in to the Gluster hosts with: the engine's own, which the",
      "engine installed on every host it manages. It must be readable by the service's user (ovirt)",
      'and by no one else (0600), as the engine keeps it.',
    ],
  },
  {
    name: 'GEOREP_SSH_KEY_PASSPHRASE_FILE',
    doc: ["A file holding that key's passphrase, if it has one."],
  },
  {
    name: 'GEOREP_SSH_KNOWN_HOSTS',
    default: '/etc/ovirt-gluster-georep/known_hosts',
    doc: [
      "The hosts' SSH keys are trusted as the engine pinned them (host.ssh.public_key). An OpenSSH",
      'known_hosts file here, if it exists, overrides that for the hosts it names.',
    ],
  },
  {
    name: 'GEOREP_SSH_USER',
    default: 'root',
    doc: ['The account on the Gluster hosts (gluster and gsyncd run as root).'],
  },
  { name: 'GEOREP_SSH_PORT', default: '22', doc: ["The Gluster hosts' SSH port."] },
  {
    name: 'GEOREP_GLUSTER_COMMAND',
    default: '/usr/sbin/gluster',
    doc: ['The gluster command on the hosts.'],
  },
  {
    name: 'GEOREP_GLUSTER_TIMEOUT_MS',
    doc: [
      'One time limit (ms) for every gluster command; unset, each kind has its own: 60 s for reads,',
      '120 s for actions, 300 s for create.',
    ],
  },
  {
    name: 'GEOREP_STATUS_CACHE_MS',
    default: '2000',
    doc: ['How long (ms) one status read of a cluster is shared by all viewers.'],
  },
  {
    name: 'GEOREP_AUDIT_SPOOL_DIR',
    default: '/var/lib/ovirt-gluster-georep/audit-spool',
    doc: [
      'Where audit events wait, in order, until the engine takes them (kept across restarts; no',
      'token or password is written there).',
    ],
  },
  {
    name: 'GEOREP_WATCH_INTERVAL_MS',
    default: '4000',
    doc: [
      'How often (ms) the service reads every Gluster cluster with its own account, whether or not',
      'anyone is logged in: engine events for transitions, live updates of open tabs, metrics and lag',
      "history come from these reads, and viewers share them (Gluster's load does not grow with",
      'them). 0 turns the watch off (then the tab polls and no event is posted without a viewer).',
      'Needs GEOREP_ENGINE_USER.',
    ],
  },
  {
    name: 'GEOREP_ALERT_LAG_SECONDS',
    default: '600',
    doc: ['A session is lagging when its secondary is more than this many seconds behind.'],
  },
  {
    name: 'GEOREP_ALERT_LAG_DELAY_SECONDS',
    default: '300',
    doc: [
      'How long (s) the lag must stay above GEOREP_ALERT_LAG_SECONDS before a warning event is',
      'posted; a "caught up" event follows when it is back under.',
    ],
  },
  {
    name: 'GEOREP_ALERT_RECOVERY_SECONDS',
    default: '60',
    doc: [
      'How long (s) a Faulty, partly Faulty or Stalled session must stay healthy before "recovered"',
      'is posted (Gluster restarts a Faulty worker over and over; it may read healthy in between).',
      "Severities are the engine's: error for Faulty and Stalled, warning for partly Faulty, lagging",
      'and a session that disappeared, normal for recovered, caught up and a completed checkpoint.',
    ],
  },
  {
    name: 'GEOREP_EVENTS_API',
    default: 'on',
    doc: [
      "on: register a webhook with Gluster's events API (glustereventsd, package glusterfs-events)",
      'on every cluster, so a change reaches open tabs within about a second; the nodes must reach',
      'GEOREP_EVENTS_WEBHOOK_URL. off: rely on GEOREP_WATCH_INTERVAL_MS alone. Remove the webhooks',
      'with `ovirt-gluster-georep --remove-webhooks` (the package does it when it is removed).',
    ],
  },
  {
    name: 'GEOREP_EVENTS_WEBHOOK_URL',
    doc: [
      'The URL the Gluster nodes post their events to, without the cluster id; unset: the',
      "engine's origin (ENGINE_URL) and GEOREP_PREFIX, + /gluster-events, through Apache.",
    ],
  },
  {
    name: 'GEOREP_METRICS_TOKEN_FILE',
    doc: [
      'GET /metrics (Prometheus) is served on GEOREP_LISTEN to loopback clients only; with a file',
      'here holding a token (0600), also to anyone sending it as `Authorization: Bearer <token>`.',
    ],
  },
  {
    name: 'GEOREP_HISTORY_HOURS',
    default: '6',
    doc: ["How many hours of each session's lag the service keeps in memory for its chart."],
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    doc: ['fatal, error, warn, info, debug or trace; the log goes to the journal.'],
  },
];

const NAMES = new Set(SETTINGS.map((s) => s.name));
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/** georep.conf as shipped: every setting, its meaning and its default, commented out. */
export function renderConfigFile(): string {
  const out = [
    '# Settings of the oVirt Gluster geo-replication service (ovirt-gluster-georep.service).',
    '#',
    '# KEY=value, one a line. A line left commented out keeps the default it shows.',
    '# Files in georep.conf.d/*.conf are read after this one, in name order, and override it;',
    '# ovirt-gluster-georep-setup writes georep.conf.d/10-setup.conf. After a change:',
    '#   systemctl restart ovirt-gluster-georep',
    '# The service checks every setting at start; `ovirt-gluster-georep --check` checks without starting.',
  ];
  for (const s of SETTINGS) {
    out.push('', ...s.doc.map((l) => `# ${l}`));
    if (s.required) out.push(`# Required.`);
    out.push(`#${s.name}=${s.default ?? ''}`);
  }
  return out.join('\n') + '\n';
}

/** `[host:]port` -> host and port; null when it is not one. */
export function parseListen(text: string): { host: string; port: number } | null {
  const m = /^(?:(.*):)?(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) return null;
  return { host: (m[1] ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1'), port };
}

export interface ServiceConfig {
  engineUrl: string;
  /** The CA of an https ENGINE_URL (PEM); null: the system's CAs. */
  engineCa: string | null;
  engineAccount: { user: string; password: string } | null;
  listen: { host: string; port: number };
  prefix: string;
  privateKey: string;
  passphrase?: string;
  /** The local override, when the file exists. */
  knownHosts: KnownHosts | null;
  sshUser: string;
  sshPort: number;
  glusterCommand: string;
  glusterTimeoutMs?: number;
  statusCacheMs: number;
  auditSpoolDir: string;
  /** The watch and what it announces (watch.ts); intervalMs 0: no watch. */
  watch: {
    intervalMs: number;
    lagSeconds: number;
    lagDelaySeconds: number;
    recoverySeconds: number;
  };
  eventsApi: boolean;
  /** Without the cluster id; null: derived from ENGINE_URL and the prefix. */
  eventsWebhookUrl: string | null;
  metricsToken: string | null;
  historyHours: number;
  logLevel: string;
  /** Where the settings came from, in order. */
  sources: string[];
}

export interface LoadResult {
  config: ServiceConfig | null;
  problems: string[];
}

interface Fs {
  readFileSync(p: string, enc: 'utf8'): string;
  statSync(p: string): fs.Stats;
  readdirSync(p: string): string[];
  existsSync(p: string): boolean;
}

/** KEY=value lines; `#` comments; values may be quoted with "..." or '...'. */
export function parseConfigText(
  text: string,
  file: string,
  into: Map<string, string>,
  problems: string[],
): void {
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      problems.push(`${file} line ${i + 1} is not KEY=value`);
      return;
    }
    const [, key, rawValue] = m as unknown as [string, string, string];
    if (!NAMES.has(key)) {
      problems.push(`${file} line ${i + 1}: ${key} is not a setting of this service`);
      return;
    }
    let value = rawValue;
    const q = /^(["'])(.*)\1$/.exec(value);
    if (q) value = q[2]!;
    else if (/^["']/.test(value)) {
      problems.push(`${file} line ${i + 1}: the quote of ${key} is not closed`);
      return;
    }
    into.set(key, value);
  });
}

/**
 * Reads and checks every setting, and every file the settings name. Never throws for a bad
 * setting: every problem is listed, so one start tells all that is wrong.
 */
export function loadConfig(
  o: { file?: string; env?: NodeJS.ProcessEnv; fs?: Fs } = {},
): LoadResult {
  const f: Fs = o.fs ?? fs;
  const env = o.env ?? process.env;
  const problems: string[] = [];
  const values = new Map<string, string>();
  const sources: string[] = [];
  const file = o.file ?? DEFAULT_CONFIG_FILE;
  const read = (p: string, setting?: string): string | null => {
    try {
      return f.readFileSync(p, 'utf8');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      problems.push(`${setting ? `${setting}: ` : ''}cannot read ${p} (${why})`);
      return null;
    }
  };

  // The main file is optional only where it is the default one (the environment may say it all).
  if (o.file !== undefined || f.existsSync(file)) {
    const t = read(file);
    if (t !== null) {
      parseConfigText(t, file, values, problems);
      sources.push(file);
    }
  }
  const dir = `${file}.d`;
  if (f.existsSync(dir)) {
    let names: string[] = [];
    try {
      names = f
        .readdirSync(dir)
        .filter((n) => n.endsWith('.conf'))
        .sort();
    } catch (e) {
      problems.push(`cannot list ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    for (const n of names) {
      const p = path.join(dir, n);
      const t = read(p);
      if (t !== null) {
        parseConfigText(t, p, values, problems);
        sources.push(p);
      }
    }
  }
  for (const s of SETTINGS) {
    const v = env[s.name];
    if (v !== undefined && v !== '') {
      values.set(s.name, v);
      if (!sources.includes('environment')) sources.push('environment');
    }
  }

  const get = (name: string): string | undefined => {
    const v = values.get(name);
    if (v !== undefined && v !== '') return v;
    return SETTINGS.find((s) => s.name === name)?.default;
  };
  const whole = (name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(
        `${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`,
      );
      return undefined;
    }
    return n;
  };
  /** A secret or key file: readable, and by no one but the service's user when `private`. */
  const secretFile = (name: string, p: string, what: string): string | null => {
    let st: fs.Stats;
    try {
      st = f.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        `${name}: ${what} ${p} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`,
      );
      return null;
    }
    if (!st.isFile()) {
      problems.push(`${name}: ${p} is not a file`);
      return null;
    }
    if ((st.mode & 0o077) !== 0) {
      problems.push(
        `${name}: ${p} can be read by others than its owner (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}); make it 0600`,
      );
      return null;
    }
    try {
      return f.readFileSync(p, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        `${name}: ${p} cannot be read by this service's user (${code === 'EACCES' ? 'permission denied' : code})`,
      );
      return null;
    }
  };

  // ENGINE_URL and its CA.
  let engineUrl = get('ENGINE_URL') ?? '';
  let engineCa: string | null = null;
  if (!engineUrl) {
    problems.push(
      'ENGINE_URL is not set (run ovirt-gluster-georep-setup, or set it in georep.conf)',
    );
  } else {
    let u: URL | null = null;
    try {
      u = new URL(engineUrl);
    } catch {
      problems.push(`ENGINE_URL is not a URL: ${JSON.stringify(engineUrl)}`);
    }
    if (u && u.protocol !== 'https:' && u.protocol !== 'http:') {
      problems.push(`ENGINE_URL must be an http or https URL, not ${JSON.stringify(engineUrl)}`);
    } else if (u) {
      if (!engineUrl.endsWith('/')) engineUrl += '/';
      const ca = get('ENGINE_CA_FILE')!;
      if (u.protocol === 'https:' && ca !== 'system') {
        engineCa = read(ca, 'ENGINE_CA_FILE');
        if (engineCa !== null && !engineCa.includes('-----BEGIN CERTIFICATE-----')) {
          problems.push(`ENGINE_CA_FILE: ${ca} holds no PEM certificate`);
          engineCa = null;
        }
      }
    }
  }

  // The service's engine account.
  let engineAccount: ServiceConfig['engineAccount'] = null;
  const accountUser = get('GEOREP_ENGINE_USER');
  if (accountUser) {
    if (!/^[^@\s]+@[^@\s]+$/.test(accountUser))
      problems.push(
        `GEOREP_ENGINE_USER must be user@profile as the engine's login takes it, not ${JSON.stringify(accountUser)}`,
      );
    const pf = get('GEOREP_ENGINE_PASSWORD_FILE')!;
    const pw = secretFile('GEOREP_ENGINE_PASSWORD_FILE', pf, 'the password file');
    if (pw !== null) {
      const password = pw.replace(/\r?\n$/, '');
      if (!password) problems.push(`GEOREP_ENGINE_PASSWORD_FILE: ${pf} is empty`);
      else engineAccount = { user: accountUser, password };
    }
  }

  // Listening.
  const listenText = get('GEOREP_LISTEN')!;
  const listen = parseListen(listenText);
  if (!listen)
    problems.push(`GEOREP_LISTEN must be [host:]port, not ${JSON.stringify(listenText)}`);
  const prefix = get('GEOREP_PREFIX')!;
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(prefix))
    problems.push(`GEOREP_PREFIX must be a path starting with /, not ${JSON.stringify(prefix)}`);

  // SSH to the hosts.
  const keyPath = get('GEOREP_SSH_KEY')!;
  const privateKey = secretFile('GEOREP_SSH_KEY', keyPath, 'the private key');
  if (privateKey !== null && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey))
    problems.push(`GEOREP_SSH_KEY: ${keyPath} holds no private key`);
  const passFile = get('GEOREP_SSH_KEY_PASSPHRASE_FILE');
  const passphrase = passFile
    ? secretFile('GEOREP_SSH_KEY_PASSPHRASE_FILE', passFile, 'the passphrase file')?.trim()
    : undefined;

  const khPath = get('GEOREP_SSH_KNOWN_HOSTS')!;
  let knownHostsText: string | null = null;
  const khExplicit = values.has('GEOREP_SSH_KNOWN_HOSTS');
  if (khExplicit || f.existsSync(khPath)) knownHostsText = read(khPath, 'GEOREP_SSH_KNOWN_HOSTS');
  if (!engineAccount && !accountUser && knownHostsText === null)
    problems.push(
      "no way to trust the Gluster hosts' SSH keys: set GEOREP_ENGINE_USER (the engine's record of each host's key is read with it; ovirt-gluster-georep-setup sets it up) or list the hosts in GEOREP_SSH_KNOWN_HOSTS",
    );

  const sshUser = get('GEOREP_SSH_USER')!;
  if (!/^[a-z_][a-z0-9_-]*$/i.test(sshUser))
    problems.push(`GEOREP_SSH_USER is not a user name: ${JSON.stringify(sshUser)}`);
  const sshPort = whole('GEOREP_SSH_PORT', 1, 65535);
  const glusterCommand = get('GEOREP_GLUSTER_COMMAND')!;
  if (!/^\/[A-Za-z0-9_./-]+$/.test(glusterCommand))
    problems.push(
      `GEOREP_GLUSTER_COMMAND must be an absolute path of plain characters, not ${JSON.stringify(glusterCommand)}`,
    );
  const glusterTimeoutMs = whole('GEOREP_GLUSTER_TIMEOUT_MS', 1000);
  const statusCacheMs = whole('GEOREP_STATUS_CACHE_MS', 0, 60_000);
  const watchInterval = whole('GEOREP_WATCH_INTERVAL_MS', 0, 3_600_000);
  if (watchInterval !== undefined && watchInterval > 0 && watchInterval < 1000)
    problems.push(
      `GEOREP_WATCH_INTERVAL_MS must be 0 (off) or at least 1000, not ${watchInterval}`,
    );
  const lagSeconds = whole('GEOREP_ALERT_LAG_SECONDS', 1);
  const lagDelaySeconds = whole('GEOREP_ALERT_LAG_DELAY_SECONDS', 0);
  const recoverySeconds = whole('GEOREP_ALERT_RECOVERY_SECONDS', 0);
  const eventsApiText = get('GEOREP_EVENTS_API')!;
  if (eventsApiText !== 'on' && eventsApiText !== 'off')
    problems.push(`GEOREP_EVENTS_API must be on or off, not ${JSON.stringify(eventsApiText)}`);
  const webhook = get('GEOREP_EVENTS_WEBHOOK_URL');
  if (webhook !== undefined) {
    let ok: boolean;
    try {
      const u = new URL(webhook);
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash;
    } catch {
      ok = false;
    }
    if (!ok)
      problems.push(
        `GEOREP_EVENTS_WEBHOOK_URL must be an http or https URL without query, not ${JSON.stringify(webhook)}`,
      );
  }
  const metricsFile = get('GEOREP_METRICS_TOKEN_FILE');
  const metricsToken = metricsFile
    ? (secretFile('GEOREP_METRICS_TOKEN_FILE', metricsFile, 'the metrics token file')?.trim() ??
      null)
    : null;
  if (metricsFile && metricsToken !== null && metricsToken.length < 16)
    problems.push('GEOREP_METRICS_TOKEN_FILE: the token must be at least 16 characters');
  const historyHours = whole('GEOREP_HISTORY_HOURS', 1, 48);
  const logLevel = get('LOG_LEVEL')!;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(logLevel)}`,
    );

  if (problems.length) return { config: null, problems };
  return {
    problems,
    config: {
      engineUrl,
      engineCa,
      engineAccount,
      listen: listen!,
      prefix,
      privateKey: privateKey!,
      passphrase,
      knownHosts: knownHostsText !== null ? KnownHosts.parse(knownHostsText) : null,
      sshUser,
      sshPort: sshPort!,
      glusterCommand,
      glusterTimeoutMs,
      statusCacheMs: statusCacheMs!,
      auditSpoolDir: get('GEOREP_AUDIT_SPOOL_DIR')!,
      watch: {
        intervalMs: watchInterval!,
        lagSeconds: lagSeconds!,
        lagDelaySeconds: lagDelaySeconds!,
        recoverySeconds: recoverySeconds!,
      },
      eventsApi: eventsApiText === 'on',
      eventsWebhookUrl: webhook ?? null,
      metricsToken,
      historyHours: historyHours!,
      logLevel,
      sources,
    },
  };
}

/** The one line the service prints when it cannot start for its settings. */
export function problemsLine(problems: readonly string[]): string {
  const n = problems.length;
  return `configuration has ${n} problem${n === 1 ? '' : 's'}: ${problems.join('; ')}`;
}
