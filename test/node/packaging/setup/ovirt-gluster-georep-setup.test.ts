// ovirt-gluster-georep-setup against the engine emulator and the ovirt-aaa-jdbc-tool stand-in:
// the account is created with the engine's own tools and API, its password reaches only the tool's
// environment and a file only the service's user can read, and a second run changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { utils } from 'ssh2';
import { registerEngineEmulator, type EngineEmulator } from '../../../../dev/engine';
import { defaultLab, LAB_IDS, type Lab } from '../../../../dev/lab';
import { renderConfigFile } from '../../../../server/config';
import { EngineClient } from '../../../../server/engine';
import { ssoTokenProvider } from '../../../../server/serviceAccount';
import {
  DEFAULTS,
  setup,
  type SetupOptions,
} from '../../../../packaging/setup/ovirt-gluster-georep-setup';

const TOOL = path.resolve(__dirname, '../../../../dev/aaa-jdbc-tool.cjs');

let dir: string;
let app: FastifyInstance;
let engine: EngineEmulator;
let lab: Lab;
let url: string;
let opts: SetupOptions;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'georep-setup-'));
  process.env.AAA_JDBC_STORE = path.join(dir, 'aaa-jdbc.json');
  // An engine as installed: no service account yet (the demo lab has one).
  lab = defaultLab();
  lab.users = lab.users.filter((u) => u.user_name !== 'georep-service@internal');
  lab.permissions = lab.permissions.filter((p) => p.user_id !== LAB_IDS.userGeorepService);
  app = fastify();
  engine = await registerEngineEmulator(app, { lab, directoryFile: process.env.AAA_JDBC_STORE });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/ovirt-engine/`;
  const key = path.join(dir, 'engine_id_rsa');
  fs.writeFileSync(key, utils.generateKeyPairSync('ed25519').private, { mode: 0o600 });
  const adminPw = path.join(dir, 'admin.pw');
  fs.writeFileSync(adminPw, 'admin\n', { mode: 0o600 });
  const configDir = path.join(dir, 'etc');
  fs.mkdirSync(configDir);
  // georep.conf as shipped, with the key where this test keeps it.
  fs.writeFileSync(
    path.join(configDir, 'georep.conf'),
    `${renderConfigFile()}GEOREP_SSH_KEY=${key}\n`,
  );
  opts = {
    ...DEFAULTS,
    engineUrl: url,
    adminPasswordFile: adminPw,
    configDir,
    serviceUser: os.userInfo().username,
    sshKey: key,
    aaaJdbcTool: TOOL,
    start: false,
  };
});

afterEach(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.AAA_JDBC_STORE;
});

async function runSetup(o: SetupOptions = opts): Promise<string[]> {
  const lines: string[] = [];
  await setup(o, {
    say: (l) => lines.push(l),
    askPassword: () => Promise.reject(new Error('no terminal in tests')),
  });
  return lines;
}

const pwFile = () => path.join(opts.configDir, 'engine-account.password');
const rolesOf = (userName: string) => {
  const u = lab.users.find((x) => x.user_name === userName);
  return lab.permissions
    .filter((p) => p.user_id === u?.id)
    .map((p) => `${lab.roles.find((r) => r.id === p.role_id)?.name} on ${p.on.type}`)
    .sort();
};

describe('ovirt-gluster-georep-setup', () => {
  it('creates the account, its rights and the settings; the service account then works', async () => {
    const lines = await runSetup();
    expect(lines.join('\n')).toMatch(/\[added\] internal user georep-service/);
    expect(lines).toContain("  [added] georep-service@internal-authz to the engine's users");
    expect(lines).toContain('  [added] ExternalEventsCreator on the system');
    expect(lines).toContain('  [added] ReadOnlyAdmin on the system');
    expect(lines.at(-1)).toMatch(
      /^Done \(changed: user, password, engine user, ExternalEventsCreator, ReadOnlyAdmin, settings\)/,
    );
    expect(rolesOf('georep-service@internal')).toEqual([
      'ExternalEventsCreator on system',
      'ReadOnlyAdmin on system',
    ]);

    // The password: only the service's user can read it, and it appears in no output.
    const st = fs.statSync(pwFile());
    expect(st.mode & 0o777).toBe(0o600);
    const password = fs.readFileSync(pwFile(), 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lines.join('\n')).not.toContain(password);
    expect(fs.readFileSync(process.env.AAA_JDBC_STORE!, 'utf8')).not.toContain(password);

    expect(
      fs.readFileSync(path.join(opts.configDir, 'georep.conf.d/10-setup.conf'), 'utf8'),
    ).toContain(
      `ENGINE_URL=${url}\nGEOREP_ENGINE_USER=georep-service@internal\nGEOREP_ENGINE_PASSWORD_FILE=${pwFile()}\n`,
    );

    // As the service uses it: log in, read every host's pinned key, post an event.
    const token = await ssoTokenProvider(url, { user: 'georep-service@internal', password })();
    const keys = await new EngineClient(url).hostKeys(token!);
    expect(keys.length).toBe(lab.hosts.length);
    expect(keys.every((k) => k.public_key?.startsWith('ssh-ed25519 '))).toBe(true);
    await new EngineClient(url).postEvent(token!, {
      description: 'test',
      severity: 'normal',
      origin: 'gluster-georep',
      custom_id: 1,
    });
    expect(engine.events().at(-1)?.description).toBe('test');
  });

  it('changes nothing when run again, and sets a new password only when the stored one fails', async () => {
    await runSetup();
    const password = fs.readFileSync(pwFile(), 'utf8');
    const store = fs.readFileSync(process.env.AAA_JDBC_STORE!, 'utf8');
    const perms = lab.permissions.length;

    const again = await runSetup();
    expect(again.filter((l) => l.startsWith('  [')).map((l) => l.slice(0, 13))).toEqual([
      '  [ok] the en',
      '  [unchanged]',
      '  [unchanged]',
      '  [unchanged]',
      '  [unchanged]',
      '  [unchanged]',
      '  [unchanged]',
      '  [ok] georep',
      '  [ok] the se',
    ]);
    expect(again.at(-1)).toBe('Done: nothing needed changing.');
    expect(fs.readFileSync(pwFile(), 'utf8')).toBe(password);
    expect(fs.readFileSync(process.env.AAA_JDBC_STORE!, 'utf8')).toBe(store);
    expect(lab.permissions.length).toBe(perms);

    fs.writeFileSync(pwFile(), 'not-the-password\n', { mode: 0o600 });
    const third = await runSetup();
    expect(third.join('\n')).toMatch(/\[set\] a new random password/);
    expect(third.at(-1)).toMatch(/^Done \(changed: password\)/);
    expect(fs.readFileSync(pwFile(), 'utf8')).not.toBe(password);
  });

  it("sets the password valid until 2200: the tool's default (now) leaves it expired", async () => {
    await runSetup();
    const s = JSON.parse(fs.readFileSync(process.env.AAA_JDBC_STORE!, 'utf8')) as {
      users: Record<string, { password_valid_to: number }>;
    };
    expect(s.users['georep-service']!.password_valid_to).toBe(Date.parse('2200-01-01T00:00:00Z'));
  });

  it('refuses an engine SSH key others can read, before changing anything', async () => {
    fs.chmodSync(opts.sshKey, 0o644);
    await expect(runSetup()).rejects.toThrow(
      /must be owned by .* with mode 0600, as engine-setup writes it \(it is uid \d+, mode 0644\): chown/,
    );
    expect(fs.existsSync(process.env.AAA_JDBC_STORE!)).toBe(false);
  });

  it('needs an admin the engine lets add users, and says what the engine said', async () => {
    fs.writeFileSync(opts.adminPasswordFile!, 'glusteradmin\n');
    await expect(runSetup({ ...opts, adminUser: 'glusteradmin@internal' })).rejects.toThrow(
      'the engine refused POST api/users (HTTP 403: Operation Failed: [User is not authorized to perform this action.])',
    );
    fs.writeFileSync(opts.adminPasswordFile!, 'wrong\n');
    await expect(runSetup()).rejects.toThrow(/the engine refused admin@internal's password/);
  });

  it('reads the engine address from engine.conf.d when none is given', async () => {
    const engineConfigDir = path.join(dir, 'ovirt-engine');
    fs.mkdirSync(path.join(engineConfigDir, 'engine.conf.d'), { recursive: true });
    fs.writeFileSync(
      path.join(engineConfigDir, 'engine.conf.d/10-setup-protocols.conf'),
      'ENGINE_FQDN=engine.example.com\nENGINE_PROXY_HTTPS_PORT=443\n',
    );
    const o = {
      ...opts,
      engineUrl: undefined,
      engineConfigDir,
      caFile: path.join(dir, 'none.pem'),
    };
    await expect(runSetup(o)).rejects.toThrow(
      `cannot read the engine's CA ${path.join(dir, 'none.pem')} (ENOENT); give --ca-file`,
    );
    const lines: string[] = [];
    await setup(o, { say: (l) => lines.push(l), askPassword: () => Promise.resolve('') }).catch(
      () => undefined,
    );
    expect(lines).toEqual([
      'ovirt-gluster-georep-setup: engine https://engine.example.com/ovirt-engine/',
    ]);
  });
});
