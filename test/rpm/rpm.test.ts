// The RPM as an administrator meets it (after `npm run package`): its files, flags, Requires and
// scriptlets; then installed into a scratch root and run from there with the system's node alone
// (no project node_modules, no TypeScript loader), against the engine emulator and Gluster hosts
// reached over real SSH: ovirt-gluster-georep-setup, then the service's health, an authenticated
// session list and an action, as on an engine.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { utils } from 'ssh2';
import { registerEngineEmulator, type EngineEmulator } from '../../dev/engine';
import { startGlusterSshHosts, type SshHosts } from '../../dev/gluster-ssh-hosts';
import { defaultLab, LAB_IDS, type Lab } from '../../dev/lab';
import { SETTINGS, renderConfigFile } from '../../server/config';
import { demoSimulator } from '../../dev/sim/gluster';

const ROOT = path.resolve(__dirname, '../..');
const NAME = 'ovirt-gluster-georep';
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const RPM = path.join(ROOT, 'dist/rpm', `${NAME}-${version}-1.noarch.rpm`);
const SHARE = `/usr/share/${NAME}`;
const RESOURCES = `${SHARE}/ui-plugins/gluster-georep-resources`;
const NODE = '/usr/bin/node';
const PROD = LAB_IDS.clusterProd;

const execFileAsync = promisify(execFile);
const rpmq = (...args: string[]): string =>
  execFileSync('rpm', ['-qp', ...args, RPM], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

let scratch: string;
/** The installed tree: `rpm -i --root`. */
let tree: string;

beforeAll(() => {
  if (!fs.existsSync(RPM))
    throw new Error(`${RPM} is missing: run npm run package (npm run test:rpm does)`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'georep-rpm-'));
  tree = path.join(scratch, 'root');
  fs.mkdirSync(tree);
  // --noscripts: the scriptlets are tested apart, with a stand-in systemctl.
  execFileSync('rpm', ['-i', '--root', tree, '--nodeps', '--noscripts', RPM], { stdio: 'pipe' });
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the RPM', () => {
  it('holds the plugin in the engine layout, the bundled service and setup, the unit and the settings', () => {
    const files = rpmq('--qf', '[%{FILENAMES}\n]').trim().split('\n');
    const resources = files.filter((f) => f.startsWith(`${RESOURCES}/`));
    expect(files.filter((f) => !f.startsWith(`${RESOURCES}/`)).sort()).toEqual(
      [
        '/etc/httpd/conf.d/z-ovirt-gluster-georep.conf',
        '/etc/ovirt-gluster-georep',
        '/etc/ovirt-gluster-georep/engine-account.password',
        '/etc/ovirt-gluster-georep/georep.conf',
        '/etc/ovirt-gluster-georep/georep.conf.d',
        '/etc/ovirt-gluster-georep/georep.conf.d/10-setup.conf',
        '/usr/bin/ovirt-gluster-georep-setup',
        '/usr/lib/systemd/system/ovirt-gluster-georep.service',
        '/usr/share/doc/ovirt-gluster-georep',
        '/usr/share/doc/ovirt-gluster-georep/README.md',
        '/usr/share/licenses/ovirt-gluster-georep',
        '/usr/share/licenses/ovirt-gluster-georep/bundled-npm-packages.txt',
        '/usr/share/licenses/ovirt-gluster-georep/plugin-npm-packages.txt',
        '/usr/share/ovirt-engine/ui-plugins/gluster-georep-resources',
        '/usr/share/ovirt-engine/ui-plugins/gluster-georep.json',
        SHARE,
        `${SHARE}/service`,
        `${SHARE}/service/ovirt-gluster-georep.js`,
        `${SHARE}/setup`,
        `${SHARE}/setup/ovirt-gluster-georep-setup.js`,
        `${SHARE}/ui-plugins`,
        RESOURCES,
        `${SHARE}/ui-plugins/gluster-georep.json`,
      ].sort(),
    );
    // The plugin's resources are what `npm run build` wrote, nothing more.
    const built = (
      fs.readdirSync(path.join(ROOT, 'dist/gluster-georep-resources'), {
        recursive: true,
      }) as string[]
    )
      .map((f) => `${RESOURCES}/${f}`)
      .sort();
    expect(resources.sort()).toEqual(built);
    expect(files.some((f) => /node_modules|\.ts$|\.tsx$/.test(f))).toBe(false);
    // The engine finds the plugin in its own directory, through links, as ovirt-engine-ui-extensions does.
    const target = (link: string) =>
      `/${path.relative(tree, fs.realpathSync(path.join(tree, link)))}`;
    expect(target('usr/share/ovirt-engine/ui-plugins/gluster-georep.json')).toBe(
      `${SHARE}/ui-plugins/gluster-georep.json`,
    );
    expect(target('usr/share/ovirt-engine/ui-plugins/gluster-georep-resources')).toBe(RESOURCES);
    expect(target('usr/bin/ovirt-gluster-georep-setup')).toBe(
      `${SHARE}/setup/ovirt-gluster-georep-setup.js`,
    );
  });

  it('marks the settings as configuration kept across upgrades, and the password file 0600 ovirt', () => {
    const rows = rpmq(
      '--qf',
      '[%{FILENAMES} %{FILEFLAGS:fflags} %{FILEMODES:perms} %{FILEUSERNAME}:%{FILEGROUPNAME}\n]',
    )
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('/etc/') || l.includes('/service/') || l.includes('/setup/'));
    expect(rows.sort()).toEqual(
      [
        '/etc/httpd/conf.d/z-ovirt-gluster-georep.conf cn -rw-r--r-- root:root',
        '/etc/ovirt-gluster-georep  drwxr-xr-x root:root',
        '/etc/ovirt-gluster-georep/engine-account.password cng -rw------- ovirt:ovirt',
        '/etc/ovirt-gluster-georep/georep.conf cn -rw-r--r-- root:root',
        '/etc/ovirt-gluster-georep/georep.conf.d  drwxr-xr-x root:root',
        '/etc/ovirt-gluster-georep/georep.conf.d/10-setup.conf cng -rw-r--r-- root:root',
        `${SHARE}/service/ovirt-gluster-georep.js  -rwxr-xr-x root:root`,
        `${SHARE}/setup/ovirt-gluster-georep-setup.js  -rwxr-xr-x root:root`,
      ].sort(),
    );
    // The shipped georep.conf is the one rendered from the settings table: every setting, with its default.
    const conf = fs.readFileSync(path.join(tree, 'etc/ovirt-gluster-georep/georep.conf'), 'utf8');
    expect(conf).toBe(renderConfigFile());
    for (const s of SETTINGS) expect(conf).toContain(`\n#${s.name}=${s.default ?? ''}\n`);
  });

  it('requires the system node, the engine, Apache and systemd, and nothing of the build', () => {
    const requires = [...new Set(rpmq('--requires').trim().split('\n'))].filter(
      (r) => !r.startsWith('rpmlib('),
    );
    expect(requires.sort()).toEqual(
      [
        '/bin/sh',
        '/usr/bin/node',
        `config(${NAME}) = ${version}-1`,
        'httpd',
        'nodejs >= 1:20',
        'ovirt-engine >= 4.5',
        'ovirt-engine-extension-aaa-jdbc',
        'ovirt-engine-webadmin-portal >= 4.5',
        'systemd',
      ].sort(),
    );
    // Fedora's rule for bundled libraries: each one provided as bundled(...) with its version.
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    const provides = rpmq('--provides');
    // the service's (and the setup's) and the plugin's, with the versions the lock file pins
    for (const p of [
      'fastify',
      'ssh2',
      'axios',
      'fast-xml-parser',
      'shell-quote',
      'react',
      '@patternfly/react-core',
    ])
      expect(provides).toContain(
        `bundled(nodejs-${p}) = ${lock.packages[`node_modules/${p}`]!.version}`,
      );
    // and nothing of the build
    expect(provides).not.toMatch(
      /bundled\(nodejs-(tsx|esbuild|typescript|jest|webpack|@swc\/.*)\)/,
    );
  });

  it('runs scriptlets as the packaging guidelines say: preset on install, restart on upgrade, stop and disable on removal, Apache reloaded', () => {
    const bin = path.join(scratch, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    const log = path.join(scratch, 'systemctl.log');
    fs.writeFileSync(path.join(bin, 'systemctl'), `#!/bin/sh\necho "$*" >> ${log}\n`, {
      mode: 0o755,
    });
    const run = (tag: string, arg: number): string[] => {
      fs.writeFileSync(log, '');
      const script = rpmq('--qf', `%{${tag}}`);
      execFileSync('/bin/sh', ['-c', script, 'sh', String(arg)], {
        env: { PATH: `${bin}:/usr/bin:/bin` },
      });
      return fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
    };
    const unit = `${NAME}.service`;
    expect(run('POSTIN', 1)).toEqual([
      `--no-reload preset ${unit}`,
      'try-reload-or-restart httpd.service',
    ]);
    expect(run('POSTIN', 2)).toEqual(['try-reload-or-restart httpd.service']);
    expect(run('PREUN', 1)).toEqual([]);
    expect(run('PREUN', 0)).toEqual([`--no-reload disable --now ${unit}`]);
    expect(run('POSTUN', 1)).toEqual(['daemon-reload', `try-restart ${unit}`]);
    expect(run('POSTUN', 0)).toEqual(['daemon-reload', 'try-reload-or-restart httpd.service']);
  });

  it('ships a unit that systemd-analyze verifies, with a low exposure', () => {
    const unit = path.join(tree, `usr/lib/systemd/system/${NAME}.service`);
    const text = fs.readFileSync(unit, 'utf8');
    expect(text).toMatch(
      /^ExecStart=\/usr\/bin\/node \/usr\/share\/ovirt-gluster-georep\/service\/ovirt-gluster-georep\.js$/m,
    );
    expect(text).toMatch(/^User=ovirt$/m);
    for (const d of [
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'PrivateTmp=yes',
      'Restart=on-failure',
      'RestartPreventExitStatus=78',
    ])
      expect(text).toContain(`\n${d}\n`);
    // verify says what it would ignore on stderr, with exit status 0: both must be empty.
    const r = execFileSync('systemd-analyze', ['verify', unit], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(r).toBe('');
    const security = spawnSyncText('systemd-analyze', ['security', '--offline=yes', unit]);
    const level = Number(/Overall exposure level for .*: ([\d.]+)/.exec(security)?.[1]);
    console.log(`systemd-analyze security: exposure ${level} (0 = most protected, 10 = none)`);
    expect(level).toBeLessThanOrEqual(2.0);
  });

  it("passes rpmlint, but for what this build or Debian's rpmlint policy cannot meet", () => {
    // Findings accepted, and why: CI does not sign; Fedora dropped Group and Packager; Debian's
    // rpmlint list predates SPDX names (Fedora's takes Apache-2.0); the password file is meant to be
    // 0600 ovirt:ovirt (the engine's user); ovirt-gluster-georep-setup creates the %ghost files;
    // the setup command documents itself with --help; /usr/lib holds only the unit.
    const accepted = new Set([
      'no-signature',
      'no-packager-tag',
      'no-group-tag',
      'invalid-license',
      'non-readable',
      'non-standard-uid',
      'non-standard-gid',
      'postin-without-ghost-file-creation',
      'no-manual-page-for-binary',
      'only-non-binary-in-usr-lib',
    ]);
    const out = spawnSyncText('rpmlint', [RPM]);
    expect(out).toMatch(/1 packages and 0 specfiles checked/);
    const findings = out
      .split('\n')
      .map((l) => /^\S+: ([WE]): (\S+)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    expect(findings.filter((m) => !accepted.has(m[2]!)).map((m) => m.input)).toEqual([]);
  });

  it('publishes on Apache only the service API, where the service listens by default', () => {
    const conf = fs.readFileSync(
      path.join(tree, 'etc/httpd/conf.d/z-ovirt-gluster-georep.conf'),
      'utf8',
    );
    const directives = conf
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const listen = SETTINGS.find((s) => s.name === 'GEOREP_LISTEN')!.default!;
    const prefix = SETTINGS.find((s) => s.name === 'GEOREP_PREFIX')!.default!;
    expect(directives).toEqual([
      `<Location ${prefix}/>`,
      `ProxyPass http://${listen}${prefix}/ retry=0 timeout=330 flushpackets=on`,
      `ProxyPassReverse http://${listen}${prefix}/`,
      'SetEnvIf Request_URI "/stream$" no-gzip=1',
      '</Location>',
    ]);
  });
});

function spawnSyncText(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return (e as { stdout?: string }).stdout ?? '';
  }
}

describe('installed, on the system node alone', () => {
  let app: FastifyInstance;
  let engine: EngineEmulator;
  let lab: Lab;
  let hosts: SshHosts;
  let url: string;
  let etc: string;
  let key: string;
  let svc: ChildProcess | null = null;
  let svcOut = '';
  let servicePort = 0;
  /** A clean environment: no NODE_OPTIONS (no loader), no NODE_PATH, nothing of the project. */
  const env = (extra: Record<string, string> = {}) => ({
    PATH: '/usr/bin:/bin',
    HOME: scratch,
    LANG: 'C.UTF-8',
    ...extra,
  });

  beforeAll(async () => {
    const simLab = defaultLab();
    const client = utils.generateKeyPairSync('ed25519');
    hosts = await startGlusterSshHosts({
      exec: demoSimulator(simLab),
      nodes: simLab.hosts
        .filter((h) => h.cluster_id === PROD && h.status === 'up')
        .map((h) => h.address),
      clientPublicKey: client.public,
      firstOctet: 40,
    });
    // The engine as installed: its hosts pinned with the keys they present; no service account yet.
    lab = defaultLab();
    for (const h of hosts.hosts) {
      const rec = lab.hosts.find((x) => x.address === h.node)!;
      Object.assign(rec, {
        address: h.address,
        ssh_port: hosts.port,
        ssh_public_key: h.publicKey,
        ssh_fingerprint: h.fingerprint,
      });
    }
    lab.users = lab.users.filter((u) => u.user_name !== 'georep-service@internal');
    lab.permissions = lab.permissions.filter((p) => p.user_id !== LAB_IDS.userGeorepService);
    const store = path.join(scratch, 'aaa-jdbc.json');
    app = fastify();
    engine = await registerEngineEmulator(app, { lab, directoryFile: store });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/ovirt-engine/`;

    // What engine-setup leaves: the engine's key, 0600. What an administrator adds: where this
    // test's hosts and port are.
    etc = path.join(tree, 'etc/ovirt-gluster-georep');
    key = path.join(tree, 'etc/pki/ovirt-engine/keys/engine_id_rsa');
    fs.mkdirSync(path.dirname(key), { recursive: true });
    fs.writeFileSync(key, client.private, { mode: 0o600 });
    const port = await freePort();
    fs.writeFileSync(
      path.join(etc, 'georep.conf.d/50-local.conf'),
      `GEOREP_SSH_KEY=${key}\nGEOREP_SSH_PORT=${hosts.port}\nGEOREP_LISTEN=127.0.0.1:${port}\n`,
    );
    servicePort = port;
  });

  afterAll(async () => {
    if (svc && svc.exitCode === null) svc.kill('SIGKILL');
    await app.close();
    await hosts.close();
  });

  it('sets up the engine account with ovirt-gluster-georep-setup from the package', async () => {
    const adminPw = path.join(scratch, 'admin.pw');
    fs.writeFileSync(adminPw, 'admin\n', { mode: 0o600 });
    // Not execFileSync: the engine emulator answers from this process.
    // As an administrator runs it: the command on the PATH (its #!/usr/bin/node line).
    const { stdout: out } = await execFileAsync(
      path.join(tree, 'usr/bin/ovirt-gluster-georep-setup'),
      [
        `--engine-url=${url}`,
        `--admin-password-file=${adminPw}`,
        `--config-dir=${etc}`,
        `--service-user=${os.userInfo().username}`,
        `--ssh-key=${key}`,
        `--aaa-jdbc-tool=${path.join(ROOT, 'dev/aaa-jdbc-tool.cjs')}`,
        '--no-start',
      ],
      {
        cwd: tree,
        env: env({ AAA_JDBC_STORE: path.join(scratch, 'aaa-jdbc.json') }),
        encoding: 'utf8',
      },
    );
    expect(out).toContain('[added] ReadOnlyAdmin on the system');
    expect(out).toContain("[ok] the service's settings pass its check");
    expect(fs.statSync(path.join(etc, 'engine-account.password')).mode & 0o777).toBe(0o600);
  });

  it('starts the service, which answers health, an authenticated list and an action', async () => {
    const port = servicePort;
    svc = spawn(
      NODE,
      [
        path.join(tree, `${SHARE}/service/ovirt-gluster-georep.js`),
        '--config',
        path.join(etc, 'georep.conf'),
      ],
      {
        cwd: tree,
        env: env(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    svc.stdout!.on('data', (d: Buffer) => (svcOut += d.toString()));
    svc.stderr!.on('data', (d: Buffer) => (svcOut += d.toString()));
    await waitFor(
      () => svcOut.includes('geo-rep service ready'),
      20_000,
      () => svcOut,
    );
    const base = `http://127.0.0.1:${port}`;

    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const api = `${base}/ovirt-georep/api/clusters/${PROD}/sessions`;
    expect((await fetch(api)).status).toBe(401);

    const token = engine.login('admin@internal', 'admin')!;
    const auth = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    const list = await fetch(api, { headers: auth });
    expect(list.status).toBe(200);
    const sessions = (
      (await list.json()) as {
        georep_session: { id: string; status: string; primary_volume: string }[];
      }
    ).georep_session;
    expect(sessions.length).toBeGreaterThan(0);
    // Gluster ran on a host the engine pinned, over SSH, with the engine's key.
    expect(hosts.commands.some((c) => c.argv.includes('status'))).toBe(true);

    const paused = sessions.find((s) => s.status === 'Paused')!;
    const events = engine.events().length;
    const res = await fetch(`${api}/${paused.id}/resume`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(
      hosts.commands.some(
        (c) => c.argv.includes('resume') && c.argv.includes(paused.primary_volume),
      ),
    ).toBe(true);
    // The audit event, posted by the account the setup created (the watch posts beside it). It is
    // delivered after the answer (server/audit.ts outbox), so it is waited for, not expected at once.
    const account = lab.users.find((u) => u.user_name === 'georep-service@internal')!;
    const resumed = () =>
      engine
        .events()
        .slice(events)
        .filter((e) => /has been resumed/.test(e.description));
    await waitFor(
      () => resumed().length > 0,
      10_000,
      () => `no "has been resumed" event among ${JSON.stringify(engine.events().slice(events))}`,
    );
    const ev = engine.events().slice(events);
    expect(ev.every((e) => e.posted_by === account.id)).toBe(true);
    expect(resumed()).toHaveLength(1);
    // The installed service watches the clusters with nobody's token but its own: the demo's
    // partly Faulty session is announced.
    await waitFor(
      () =>
        engine
          .events()
          .some(
            (e) =>
              e.posted_by === account.id &&
              /^Geo-replication session \S+ to \S+ of cluster .* is (partly )?Faulty/.test(
                e.description,
              ),
          ),
      20_000,
      () =>
        engine
          .events()
          .map((e) => e.description)
          .join('\n'),
    );

    svc.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => svc!.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  });

  it('refuses to start on bad settings, naming every problem in one line, with status 78', () => {
    const bad = path.join(etc, 'georep.conf.d/90-bad.conf');
    fs.writeFileSync(bad, 'LOG_LEVEL=loud\nGEOREP_SSH_PORT=0\n');
    let err = '';
    let status = 0;
    try {
      execFileSync(
        NODE,
        [
          path.join(tree, `${SHARE}/service/ovirt-gluster-georep.js`),
          '--config',
          path.join(etc, 'georep.conf'),
        ],
        {
          cwd: tree,
          env: env(),
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (e) {
      err = (e as { stderr: string }).stderr;
      status = (e as { status: number }).status;
    } finally {
      fs.rmSync(bad);
    }
    expect(status).toBe(78);
    expect(err.trim().split('\n')).toEqual([
      'ovirt-gluster-georep: configuration has 2 problems: GEOREP_SSH_PORT must be a whole number from 1 to 65535, not "0"; LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, not "loud"',
    ]);
  });
});

async function waitFor(cond: () => boolean, ms: number, what: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out; output so far:\n${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}
