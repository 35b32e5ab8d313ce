// ovirt-gluster-georep-setup: gives the geo-rep service its engine account, the way oVirt itself
// adds an internal user and its rights, and is safe to run again (it changes only what is missing):
//
// 1. the internal user, with ovirt-aaa-jdbc-tool (ovirt-engine-extension-aaa-jdbc, Cli.java:
//    `user show` exits 4 when the user is missing, `user add`, `user password-reset` with the
//    password from the environment and --password-valid-to, whose default, now(), would leave the
//    password already expired);
// 2. a random password, given to the tool through its environment only and stored in a file only
//    the service's user can read; kept when it still logs in;
// 3. the user in the engine's users (`POST /users`, BackendUsersResource.add) and its roles on the
//    system (`POST /permissions`, BackendSystemPermissionsResource): ExternalEventsCreator to post
//    one event per action, ReadOnlyAdmin to log in and read each host's pinned SSH key (an
//    administrative role, so the admin giving it must be a system SuperUser, as
//    AddPermissionCommand.validate requires);
// 4. georep.conf.d/10-setup.conf: ENGINE_URL (from the engine's ENGINE_FQDN,
//    /etc/ovirt-engine/engine.conf.d/10-setup-protocols.conf), the account and its password file;
// 5. checks: the engine's SSH key is the service user's and no one else's (0600, as engine-setup's
//    pki/ssh.py writes it); the account logs in and reads the hosts' keys; the settings pass the
//    service's own check; then enables and (re)starts the service.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import axios, { type AxiosInstance } from 'axios';
import { loadConfig, problemsLine } from '../../server/config';
import { errorMessage } from '../../src/georep/errorMessage';

export interface SetupOptions {
  engineUrl?: string;
  adminUser: string;
  adminPasswordFile?: string;
  account: string;
  configDir: string;
  engineConfigDir: string;
  serviceUser: string;
  sshKey: string;
  caFile: string;
  aaaJdbcTool: string;
  start: boolean;
}

export const DEFAULTS: SetupOptions = {
  adminUser: 'admin@internal',
  account: 'georep-service',
  configDir: '/etc/ovirt-gluster-georep',
  engineConfigDir: '/etc/ovirt-engine',
  serviceUser: 'ovirt',
  sshKey: '/etc/pki/ovirt-engine/keys/engine_id_rsa',
  caFile: '/etc/pki/ovirt-engine/ca.pem',
  aaaJdbcTool: '/usr/bin/ovirt-aaa-jdbc-tool',
  start: true,
};

const PROFILE = 'internal';
const AUTHZ = 'internal-authz';
const ROLES = ['ExternalEventsCreator', 'ReadOnlyAdmin'] as const;
const SERVICE = 'ovirt-gluster-georep.service';
// aaa-jdbc's exit statuses (binding/cli/Cli.java)
const NOT_FOUND = 4;
const ALREADY_EXISTS = 5;

const USAGE = `Usage: ovirt-gluster-georep-setup [options]
Creates the geo-rep service's engine account (idempotent) and writes its settings.
  --engine-url URL            default https://<ENGINE_FQDN>/ovirt-engine/ from /etc/ovirt-engine/engine.conf.d
  --admin-user USER@PROFILE   an engine system SuperUser; default admin@internal
  --admin-password-file FILE  that user's password; default: asked on the terminal
  --account NAME              the service's user in the internal profile; default georep-service
  --config-dir DIR            default /etc/ovirt-gluster-georep
  --service-user USER         the service's system user, owner of the password file; default ovirt
  --no-start                  do not enable and (re)start ${SERVICE}
`;

export class SetupError extends Error {}

export function parseArgs(argv: readonly string[]): SetupOptions | 'help' {
  const o: SetupOptions = { ...DEFAULTS };
  const flags: Record<string, keyof SetupOptions> = {
    '--engine-url': 'engineUrl',
    '--admin-user': 'adminUser',
    '--admin-password-file': 'adminPasswordFile',
    '--account': 'account',
    '--config-dir': 'configDir',
    '--engine-config-dir': 'engineConfigDir',
    '--service-user': 'serviceUser',
    '--ssh-key': 'sshKey',
    '--ca-file': 'caFile',
    '--aaa-jdbc-tool': 'aaaJdbcTool',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--no-start') {
      o.start = false;
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const key = flags[flag];
    if (!key) throw new SetupError(`unknown option ${JSON.stringify(a)}\n${USAGE}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new SetupError(`${flag} needs a value`);
    (o as unknown as Record<string, string>)[key] = value;
  }
  if (!/^[a-z_][a-z0-9._-]{0,63}$/i.test(o.account))
    throw new SetupError(
      `--account must be a plain user name of the internal profile (letters, digits, . _ -), not ${JSON.stringify(o.account)}`,
    );
  if (!/^[^@\s]+@[^@\s]+$/.test(o.adminUser))
    throw new SetupError(`--admin-user must be user@profile, not ${JSON.stringify(o.adminUser)}`);
  return o;
}

/** KEY=value lines of the engine's own settings files (engine.conf.d), later files winning. */
export function engineSettings(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const d = path.join(dir, 'engine.conf.d');
  let names: string[];
  try {
    names = fs
      .readdirSync(d)
      .filter((n) => n.endsWith('.conf'))
      .sort();
  } catch {
    return m;
  }
  for (const n of names) {
    for (const line of fs.readFileSync(path.join(d, n), 'utf8').split('\n')) {
      const x = /^\s*([A-Z_][A-Z0-9_]*)=(?:"(.*)"|(.*))\s*$/.exec(line);
      if (x) m.set(x[1]!, x[2] ?? x[3] ?? '');
    }
  }
  return m;
}

export function engineUrlFrom(settings: Map<string, string>): string | null {
  const fqdn = settings.get('ENGINE_FQDN');
  if (!fqdn) return null;
  const port = settings.get('ENGINE_PROXY_HTTPS_PORT');
  return `https://${fqdn}${port && port !== '443' ? `:${port}` : ''}/ovirt-engine/`;
}

interface Io {
  say(line: string): void;
  askPassword(prompt: string): Promise<string>;
}

function run(
  cmd: string,
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new SetupError(`cannot run ${cmd}: ${err.message}`));
          return;
        }
        resolve({ code: err ? (err.code as unknown as number) : 0, stdout, stderr });
      },
    );
  });
}

/** Writes `text` to `file` only when it differs; atomically, with `mode` and owner. */
function writeFileIfChanged(
  file: string,
  text: string,
  mode: number,
  owner?: { uid: number; gid: number },
): boolean {
  let same: boolean;
  try {
    same = fs.readFileSync(file, 'utf8') === text;
  } catch {
    same = false;
  }
  if (!same) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text, { mode });
    fs.chmodSync(tmp, mode);
    if (owner) fs.chownSync(tmp, owner.uid, owner.gid);
    fs.renameSync(tmp, file);
  } else {
    fs.chmodSync(file, mode);
    if (owner) fs.chownSync(file, owner.uid, owner.gid);
  }
  return !same;
}

function userIds(name: string): { uid: number; gid: number } {
  for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (f[0] === name) return { uid: Number(f[2]), gid: Number(f[3]) };
  }
  throw new SetupError(
    `the service's user ${name} does not exist on this machine (it comes with ovirt-engine)`,
  );
}

type Json = Record<string, unknown>;
const list = (data: unknown, key: string): Json[] => {
  const v = data && typeof data === 'object' ? (data as Json)[key] : undefined;
  return Array.isArray(v) ? (v as Json[]) : [];
};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

class Engine {
  private readonly http: AxiosInstance;
  constructor(
    readonly url: string,
    agent: HttpsAgent | undefined,
  ) {
    this.http = axios.create({
      baseURL: url,
      timeout: 30_000,
      httpsAgent: agent,
      proxy: false,
      validateStatus: () => true,
    });
  }

  /** The SSO password grant; null when the engine refuses these credentials. */
  async login(user: string, password: string): Promise<{ token: string | null; why: string }> {
    const res = await this.http
      .post<Json | undefined>(
        'sso/oauth/token',
        new URLSearchParams({
          grant_type: 'password',
          username: user,
          password,
          scope: 'ovirt-app-api',
        }).toString(),
        {
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/x-www-form-urlencoded',
          },
        },
      )
      .catch((e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        throw new SetupError(`cannot reach the engine at ${this.url} (${why})`);
      });
    if (res.status === 200 && typeof res.data?.access_token === 'string')
      return { token: res.data.access_token, why: '' };
    return {
      token: null,
      why: str(res.data?.error) || str(res.data?.error_description) || `HTTP ${res.status}`,
    };
  }

  async api(token: string, method: 'get' | 'post', p: string, body?: unknown): Promise<Json> {
    const res = await this.http.request<Json | undefined>({
      method,
      url: `api/${p}`,
      data: body,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        Version: '4',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
    if (res.status >= 200 && res.status < 300) return res.data ?? {};
    const d = res.data as unknown;
    const said =
      typeof d === 'string'
        ? d
        : [str((d as Json | null)?.reason), str((d as Json | null)?.detail)]
            .filter(Boolean)
            .join(': ');
    throw new SetupError(
      `the engine refused ${method.toUpperCase()} api/${p} (HTTP ${res.status}${said ? `: ${said}` : ''})`,
    );
  }
}

export async function setup(o: SetupOptions, io: Io): Promise<void> {
  const changed: string[] = [];
  const line = (state: string, what: string) => io.say(`  [${state}] ${what}`);

  // Where the engine is.
  const engineUrl = o.engineUrl ?? engineUrlFrom(engineSettings(o.engineConfigDir));
  if (!engineUrl)
    throw new SetupError(
      `cannot tell the engine's address: no ENGINE_FQDN in ${o.engineConfigDir}/engine.conf.d (is this the engine machine?); give --engine-url`,
    );
  const base = engineUrl.endsWith('/') ? engineUrl : `${engineUrl}/`;
  io.say(`ovirt-gluster-georep-setup: engine ${base}`);
  let agent: HttpsAgent | undefined;
  if (base.startsWith('https:')) {
    let ca: string;
    try {
      ca = fs.readFileSync(o.caFile, 'utf8');
    } catch (e) {
      throw new SetupError(
        `cannot read the engine's CA ${o.caFile} (${(e as NodeJS.ErrnoException).code}); give --ca-file`,
      );
    }
    agent = new HttpsAgent({ ca: [...rootCertificates, ca] });
  }
  const engine = new Engine(base, agent);
  const owner = userIds(o.serviceUser);

  // The engine's SSH key: used in place, never copied; the service's user alone may read it.
  let st: fs.Stats;
  try {
    st = fs.statSync(o.sshKey);
  } catch {
    throw new SetupError(
      `the engine's SSH key ${o.sshKey} does not exist; engine-setup creates it (pki/ssh.py)`,
    );
  }
  const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
  if (st.uid !== owner.uid || (st.mode & 0o077) !== 0)
    throw new SetupError(
      `the engine's SSH key ${o.sshKey} must be owned by ${o.serviceUser} with mode 0600, as engine-setup writes it (it is uid ${st.uid}, mode ${mode}): chown ${o.serviceUser}:${o.serviceUser} ${o.sshKey} && chmod 0600 ${o.sshKey}`,
    );
  line('ok', `the engine's SSH key ${o.sshKey}: ${o.serviceUser}, ${mode}`);

  // The admin who gives the rights.
  let adminPassword: string;
  if (o.adminPasswordFile) {
    adminPassword = fs.readFileSync(o.adminPasswordFile, 'utf8').split('\n')[0]!;
  } else {
    adminPassword = await io.askPassword(`Password of ${o.adminUser}: `);
  }
  const admin = await engine.login(o.adminUser, adminPassword);
  if (!admin.token)
    throw new SetupError(`the engine refused ${o.adminUser}'s password (${admin.why})`);

  // 1. The internal user.
  const show = await run(o.aaaJdbcTool, ['user', 'show', o.account]);
  let created = false;
  if (show.code === NOT_FOUND) {
    const add = await run(o.aaaJdbcTool, [
      'user',
      'add',
      o.account,
      '--attribute=firstName=Gluster geo-replication',
      '--attribute=lastName=service',
      "--attribute=description=The ovirt-gluster-georep service: posts its audit events, reads the hosts' SSH keys",
    ]);
    if (add.code !== 0 && add.code !== ALREADY_EXISTS)
      throw new SetupError(
        `ovirt-aaa-jdbc-tool user add failed (exit ${add.code}): ${add.stderr.trim()}`,
      );
    created = true;
    changed.push('user');
    line('added', `internal user ${o.account} (ovirt-aaa-jdbc-tool)`);
  } else if (show.code === 0) {
    line('unchanged', `internal user ${o.account} exists`);
  } else {
    throw new SetupError(
      `ovirt-aaa-jdbc-tool user show failed (exit ${show.code}): ${show.stderr.trim()}`,
    );
  }

  // 2. Its password: kept while it logs in, else a new random one.
  const accountLogin = `${o.account}@${PROFILE}`;
  const pwFile = path.join(o.configDir, 'engine-account.password');
  let password: string | null = null;
  if (!created && fs.existsSync(pwFile)) {
    const stored = fs.readFileSync(pwFile, 'utf8').replace(/\r?\n$/, '');
    if (stored && (await engine.login(accountLogin, stored)).token) password = stored;
  }
  if (password) {
    writeFileIfChanged(pwFile, `${password}\n`, 0o600, owner);
    line('unchanged', `its password still logs in (${pwFile})`);
  } else {
    password = randomBytes(32).toString('base64url');
    const reset = await run(
      o.aaaJdbcTool,
      [
        'user',
        'password-reset',
        o.account,
        '--password=env:OVIRT_GEOREP_PASSWORD',
        '--password-valid-to=2200-01-01 00:00:00Z',
      ],
      { OVIRT_GEOREP_PASSWORD: password },
    );
    if (reset.code !== 0)
      throw new SetupError(
        `ovirt-aaa-jdbc-tool user password-reset failed (exit ${reset.code}): ${reset.stderr.trim()}`,
      );
    writeFileIfChanged(pwFile, `${password}\n`, 0o600, owner);
    changed.push('password');
    line(
      'set',
      `a new random password, valid until 2200; stored in ${pwFile} (${o.serviceUser}, 0600)`,
    );
  }

  // 3. The engine's user and its roles on the system.
  const token = admin.token;
  const users = list(await engine.api(token, 'get', 'users'), 'user');
  let user = users.find(
    (u) => str(u.principal) === o.account && str((u.domain as Json | undefined)?.name) === AUTHZ,
  );
  if (!user) {
    user = await engine.api(token, 'post', 'users', {
      user_name: `${o.account}@${AUTHZ}`,
      domain: { name: AUTHZ },
    });
    changed.push('engine user');
    line('added', `${o.account}@${AUTHZ} to the engine's users`);
  } else line('unchanged', `${o.account}@${AUTHZ} is one of the engine's users`);
  const userId = str(user.id);
  const roles = list(await engine.api(token, 'get', 'roles'), 'role');
  const held = new Set(
    list(
      await engine.api(token, 'get', `users/${encodeURIComponent(userId)}/permissions`),
      'permission',
    )
      .filter((p) => !ROLE_TARGETS.some((t) => p[t]))
      .map((p) => str((p.role as Json | undefined)?.id)),
  );
  for (const name of ROLES) {
    const role = roles.find((r) => str(r.name) === name);
    if (!role) throw new SetupError(`the engine has no role ${name}`);
    if (held.has(str(role.id))) {
      line('unchanged', `${name} on the system`);
      continue;
    }
    await engine.api(token, 'post', 'permissions', {
      role: { id: str(role.id) },
      user: { id: userId },
    });
    changed.push(name);
    line('added', `${name} on the system`);
  }

  // 4. The service's settings.
  const setupConf = path.join(o.configDir, 'georep.conf.d', '10-setup.conf');
  const conf =
    '# Written by ovirt-gluster-georep-setup; run it again rather than editing this file.\n' +
    '# Settings of your own go in georep.conf, or in a later georep.conf.d/*.conf file.\n' +
    `ENGINE_URL=${base}\n` +
    `GEOREP_ENGINE_USER=${accountLogin}\n` +
    `GEOREP_ENGINE_PASSWORD_FILE=${pwFile}\n`;
  if (writeFileIfChanged(setupConf, conf, 0o644)) {
    changed.push('settings');
    line('written', setupConf);
  } else line('unchanged', setupConf);

  // 5. Checks: the account as the service will use it, then the service's own settings check.
  const svc = await engine.login(accountLogin, password);
  if (!svc.token)
    throw new SetupError(`the new account ${accountLogin} cannot log in (${svc.why})`);
  const hosts = list(await engine.api(svc.token, 'get', 'hosts'), 'host');
  const pinned = hosts.filter(
    (h) =>
      str((h.ssh as Json | undefined)?.public_key) || str((h.ssh as Json | undefined)?.fingerprint),
  );
  line(
    'ok',
    `${accountLogin} logs in and reads the SSH keys the engine pinned for ${pinned.length} of ${hosts.length} hosts`,
  );
  const { problems } = loadConfig({ file: path.join(o.configDir, 'georep.conf'), env: {} });
  if (problems.length) throw new SetupError(`the service's ${problemsLine(problems)}`);
  line('ok', "the service's settings pass its check");

  if (o.start) {
    if (!fs.existsSync('/run/systemd/system'))
      throw new SetupError(`systemd is not running here: start ${SERVICE} yourself`);
    for (const args of [
      ['enable', SERVICE],
      ['restart', SERVICE],
    ]) {
      const r = await run('systemctl', args);
      if (r.code !== 0)
        throw new SetupError(
          `systemctl ${args.join(' ')} failed: ${r.stderr.trim()} (journalctl -u ${SERVICE})`,
        );
    }
    line('started', `${SERVICE} (enabled)`);
  }
  io.say(
    changed.length
      ? `Done (changed: ${changed.join(', ')}). Reload the Administration Portal to see Storage > Geo-Replication.`
      : 'Done: nothing needed changing.',
  );
}

/** Objects a permission can be on; none means the system. */
const ROLE_TARGETS = [
  'cluster',
  'data_center',
  'host',
  'storage_domain',
  'vm',
  'vm_pool',
  'template',
  'disk',
  'gluster_volume',
  'network',
  'vnic_profile',
  'disk_profile',
  'cpu_profile',
  'mac_pool',
  'quota',
];

/** A password from the terminal, not echoed. */
function askPassword(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    if (!stdin.isTTY) {
      reject(new SetupError('no terminal to ask the password on: give --admin-password-file'));
      return;
    }
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (d: Buffer) => {
      for (const ch of d.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write(os.EOL);
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new SetupError('interrupted'));
          return;
        }
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const o = parseArgs(argv);
    if (o === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    await setup(o, { say: (l) => console.log(l), askPassword });
    return 0;
  } catch (e) {
    if (e instanceof SetupError) {
      console.error(`ovirt-gluster-georep-setup: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`ovirt-gluster-georep-setup: ${errorMessage(e)}`);
      process.exit(1);
    },
  );
}
