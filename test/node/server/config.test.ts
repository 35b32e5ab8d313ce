// The installed service's settings (server/config.ts): georep.conf, georep.conf.d, the environment;
// every problem named at once, in one line; the files the settings name checked as ssh would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { utils } from 'ssh2';
import {
  SETTINGS,
  loadConfig,
  parseListen,
  problemsLine,
  renderConfigFile,
} from '../../../server/config';

let dir: string;
let keyFile: string;
let pwFile: string;
const write = (name: string, text: string, mode = 0o600): string => {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text, { mode });
  fs.chmodSync(p, mode);
  return p;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'georep-conf-'));
  keyFile = write('engine_id_rsa', utils.generateKeyPairSync('ed25519').private);
  pwFile = write('engine-account.password', 'secret-pw\n');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const good = () =>
  write(
    'georep.conf',
    [
      '# a comment',
      'ENGINE_URL=http://127.0.0.1:8080/ovirt-engine',
      `GEOREP_SSH_KEY="${keyFile}"`,
      'GEOREP_ENGINE_USER=georep-service@internal',
      `GEOREP_ENGINE_PASSWORD_FILE='${pwFile}'`,
      '',
    ].join('\n'),
    0o644,
  );

describe('service settings', () => {
  it('reads georep.conf with its defaults, the password without its newline', () => {
    const { config, problems } = loadConfig({ file: good(), env: {} });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      engineUrl: 'http://127.0.0.1:8080/ovirt-engine/',
      engineAccount: { user: 'georep-service@internal', password: 'secret-pw' },
      listen: { host: '127.0.0.1', port: 8091 },
      prefix: '/ovirt-georep/api',
      sshUser: 'root',
      sshPort: 22,
      glusterCommand: '/usr/sbin/gluster',
      statusCacheMs: 2000,
      logLevel: 'info',
      knownHosts: null,
    });
  });

  it('lets georep.conf.d and then the environment override, in that order', () => {
    const file = good();
    write('georep.conf.d/20-mine.conf', 'GEOREP_LISTEN=8099\nLOG_LEVEL=debug\n', 0o644);
    write('georep.conf.d/10-setup.conf', 'GEOREP_LISTEN=8098\n', 0o644);
    const { config } = loadConfig({ file, env: { LOG_LEVEL: 'warn', UNRELATED: 'x' } });
    expect(config?.listen.port).toBe(8099);
    expect(config?.logLevel).toBe('warn');
    expect(config?.sources).toEqual([
      file,
      path.join(dir, 'georep.conf.d/10-setup.conf'),
      path.join(dir, 'georep.conf.d/20-mine.conf'),
      'environment',
    ]);
  });

  it('names every problem at once, in one line', () => {
    const file = write(
      'georep.conf',
      [
        'GEOREP_LISTEN=99999',
        'GEOREP_SSH_PORT=ssh',
        'LOG_LEVEL=verbose',
        'GEOREP_LISTN=8091',
        'just words',
        `GEOREP_SSH_KEY=${path.join(dir, 'missing_key')}`,
      ].join('\n'),
      0o644,
    );
    const { config, problems } = loadConfig({ file, env: {} });
    expect(config).toBeNull();
    expect(problems).toEqual([
      `${file} line 4: GEOREP_LISTN is not a setting of this service`,
      `${file} line 5 is not KEY=value`,
      'ENGINE_URL is not set (run ovirt-gluster-georep-setup, or set it in georep.conf)',
      'GEOREP_LISTEN must be [host:]port, not "99999"',
      `GEOREP_SSH_KEY: the private key ${path.join(dir, 'missing_key')} does not exist`,
      expect.stringMatching(/^no way to trust the Gluster hosts' SSH keys/),
      'GEOREP_SSH_PORT must be a whole number from 1 to 65535, not "ssh"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, not "verbose"',
    ]);
    const line = problemsLine(problems);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^configuration has 8 problems: /);
  });

  it('refuses a private key or password file others can read, as ssh refuses such a key', () => {
    const file = good();
    fs.chmodSync(keyFile, 0o644);
    fs.chmodSync(pwFile, 0o640);
    const { problems } = loadConfig({ file, env: {} });
    expect(problems).toEqual([
      `GEOREP_ENGINE_PASSWORD_FILE: ${pwFile} can be read by others than its owner (mode 0640); make it 0600`,
      `GEOREP_SSH_KEY: ${keyFile} can be read by others than its owner (mode 0644); make it 0600`,
    ]);
  });

  it('reads the engine CA for an https engine, and says when it is not a certificate', () => {
    const file = good();
    const ca = write('ca.pem', 'not a certificate', 0o644);
    const env = { ENGINE_URL: 'https://engine.example/ovirt-engine/', ENGINE_CA_FILE: ca };
    expect(loadConfig({ file, env }).problems).toEqual([
      `ENGINE_CA_FILE: ${ca} holds no PEM certificate`,
    ]);
    fs.writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(loadConfig({ file, env }).config?.engineCa).toContain('BEGIN CERTIFICATE');
    expect(
      loadConfig({ file, env: { ...env, ENGINE_CA_FILE: 'system' } }).config?.engineCa,
    ).toBeNull();
  });

  it('takes a known_hosts override; one named but missing is a problem', () => {
    const file = good();
    expect(
      loadConfig({ file, env: { GEOREP_SSH_KNOWN_HOSTS: path.join(dir, 'known_hosts') } }).problems,
    ).toEqual([`GEOREP_SSH_KNOWN_HOSTS: cannot read ${path.join(dir, 'known_hosts')} (ENOENT)`]);
    const pub = utils.parseKey(utils.generateKeyPairSync('ed25519').public);
    if (pub instanceof Error) throw pub;
    write(
      'known_hosts',
      `gluster1.example ${pub.type} ${pub.getPublicSSH().toString('base64')}\n`,
      0o644,
    );
    const env = { GEOREP_SSH_KNOWN_HOSTS: path.join(dir, 'known_hosts') };
    const kh = loadConfig({ file, env }).config?.knownHosts;
    expect(kh?.knows('gluster1.example', 22)).toBe(true);
    expect(kh?.knows('gluster2.example', 22)).toBe(false);
  });

  it('parses [host:]port', () => {
    expect(parseListen('8091')).toEqual({ host: '127.0.0.1', port: 8091 });
    expect(parseListen('[::1]:8091')).toEqual({ host: '::1', port: 8091 });
    expect(parseListen('0')).toBeNull();
  });

  it('ships a georep.conf that documents every setting with its default', () => {
    const text = renderConfigFile();
    for (const s of SETTINGS) expect(text).toContain(`\n#${s.name}=${s.default ?? ''}\n`);
    // and that file, as shipped (all commented out), is valid once ENGINE_URL and a key exist
    const file = write('georep.conf', text, 0o644);
    const { problems } = loadConfig({ file, env: {} });
    expect(problems[0]).toMatch(/^ENGINE_URL is not set/);
  });
});

describe('the watch, the events API and the metrics settings', () => {
  it('have defaults: a read every 4 s, lag 600 s for 300 s, recovery 60 s, the events API on', () => {
    const { config } = loadConfig({ file: good(), env: {} });
    expect(config).toMatchObject({
      watch: { intervalMs: 4000, lagSeconds: 600, lagDelaySeconds: 300, recoverySeconds: 60 },
      eventsApi: true,
      eventsWebhookUrl: null,
      metricsToken: null,
      historyHours: 6,
    });
  });

  it('names every bad value at once', () => {
    const { config, problems } = loadConfig({
      file: good(),
      env: {
        GEOREP_WATCH_INTERVAL_MS: '500',
        GEOREP_ALERT_LAG_SECONDS: '0',
        GEOREP_EVENTS_API: 'maybe',
        GEOREP_EVENTS_WEBHOOK_URL: 'ftp://x/y',
        GEOREP_HISTORY_HOURS: '100',
      },
    });
    expect(config).toBeNull();
    expect(problems).toEqual([
      'GEOREP_WATCH_INTERVAL_MS must be 0 (off) or at least 1000, not 500',
      'GEOREP_ALERT_LAG_SECONDS must be a whole number from 1 to 9007199254740991, not "0"',
      'GEOREP_EVENTS_API must be on or off, not "maybe"',
      'GEOREP_EVENTS_WEBHOOK_URL must be an http or https URL without query, not "ftp://x/y"',
      'GEOREP_HISTORY_HOURS must be a whole number from 1 to 48, not "100"',
    ]);
  });

  it('the metrics token comes from a file only its owner reads, 16 characters at least', () => {
    const tok = write('metrics.token', 'a'.repeat(32) + '\n');
    expect(
      loadConfig({ file: good(), env: { GEOREP_METRICS_TOKEN_FILE: tok } }).config?.metricsToken,
    ).toBe('a'.repeat(32));
    const open = write('open.token', 'b'.repeat(32), 0o644);
    expect(loadConfig({ file: good(), env: { GEOREP_METRICS_TOKEN_FILE: open } }).problems).toEqual(
      [
        `GEOREP_METRICS_TOKEN_FILE: ${open} can be read by others than its owner (mode 0644); make it 0600`,
      ],
    );
    const short = write('short.token', 'abc');
    expect(
      loadConfig({ file: good(), env: { GEOREP_METRICS_TOKEN_FILE: short } }).problems,
    ).toEqual(['GEOREP_METRICS_TOKEN_FILE: the token must be at least 16 characters']);
  });
});
