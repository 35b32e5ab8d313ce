// The geo-rep service as installed next to the engine: a small HTTP server on loopback, behind the
// engine's Apache, which proxies /ovirt-georep/ to it so the plugin calls it on the engine's own
// origin with the user's SSO token:
//
//   ProxyPass        /ovirt-georep/ http://127.0.0.1:8091/ovirt-georep/
//   ProxyPassReverse /ovirt-georep/ http://127.0.0.1:8091/ovirt-georep/
//
// It runs `gluster --mode=script --xml ...` on the Up hosts of each cluster over SSH, as root with
// the engine's own key (installed on every host the engine manages), checking host keys against a
// known_hosts file. Configuration is by environment:
//
//   ENGINE_URL               the engine's base URL as the service reaches it (required),
//                            e.g. https://engine.example.com/ovirt-engine/ ; for the engine's CA set
//                            NODE_EXTRA_CA_CERTS=/etc/pki/ovirt-engine/ca.pem
//   GEOREP_LISTEN            [host:]port to listen on; default 127.0.0.1:8091
//   GEOREP_PREFIX            default /ovirt-georep/api
//   GEOREP_BACKEND           cli (the only production backend)
//   GEOREP_SSH_KEY           private key file; default /etc/pki/ovirt-engine/keys/engine_id_rsa
//   GEOREP_SSH_KEY_PASSPHRASE_FILE  a file holding its passphrase, if it has one
//   GEOREP_SSH_KNOWN_HOSTS   known_hosts file of the Gluster hosts; default /etc/ovirt-georep/known_hosts
//   GEOREP_SSH_USER          default root;  GEOREP_SSH_PORT  default 22
//   GEOREP_GLUSTER_COMMAND   the gluster binary on the hosts; default /usr/sbin/gluster
//   GEOREP_GLUSTER_TIMEOUT_MS  one limit for every gluster command (default: per command kind)
//   GEOREP_STATUS_CACHE_MS   how long one status read of a cluster is shared; default 2000
//   GEOREP_EVENTS_USER       the service's engine account for audit events (a user with the
//                            ExternalEventsCreator role), e.g. georep@internal; unset: events are
//                            posted as the acting user, which needs inject_external_events
//   GEOREP_EVENTS_PASSWORD_FILE  a file holding that account's password
//   LOG_LEVEL                default info
import fs from 'node:fs';
import Fastify from 'fastify';
import { DEFAULT_PREFIX, LOG_REDACT, registerGeoRepService } from './app';
import { ssoTokenProvider } from './serviceAccount';
import { KnownHosts } from './ssh/keys';
import { RealSshTrust } from './ssh/real';
import { createGlusterClient } from './gluster/client';
import { sshExec } from './gluster/exec-ssh';
import { sshHostShell, sshRemoteGluster } from './gluster/provision';

function env(name: string, fallback?: string): string {
  const v = process.env[name];
  if (v !== undefined && v !== '') return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`${name} must be set`);
}

function int(name: string, fallback?: number): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, not ${JSON.stringify(v)}`);
  return n;
}

/** `[host:]port` -> host and port. */
export function parseListen(text: string): { host: string; port: number } {
  const m = /^(?:(.*):)?(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535)
    throw new Error(`GEOREP_LISTEN must be [host:]port, not ${JSON.stringify(text)}`);
  const host = (m[1] ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  return { host, port };
}

function readFile(name: string, path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${name}: cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

async function main(): Promise<void> {
  const backend = env('GEOREP_BACKEND', 'cli');
  if (backend !== 'cli') {
    throw new Error(
      `GEOREP_BACKEND=${backend}: the installed service runs real Gluster only (cli); the simulator is for npm start`,
    );
  }
  const engineUrl = env('ENGINE_URL');
  const { host, port } = parseListen(env('GEOREP_LISTEN', '127.0.0.1:8091'));
  const glusterTimeoutMs = int('GEOREP_GLUSTER_TIMEOUT_MS');
  const keyPath = env('GEOREP_SSH_KEY', '/etc/pki/ovirt-engine/keys/engine_id_rsa');
  const knownHostsPath = env('GEOREP_SSH_KNOWN_HOSTS', '/etc/ovirt-georep/known_hosts');
  const passphraseFile = process.env.GEOREP_SSH_KEY_PASSPHRASE_FILE;
  const eventsUser = process.env.GEOREP_EVENTS_USER;

  const exec = sshExec({
    privateKey: readFile('GEOREP_SSH_KEY', keyPath),
    passphrase: passphraseFile
      ? readFile('GEOREP_SSH_KEY_PASSPHRASE_FILE', passphraseFile).trim()
      : undefined,
    knownHosts: readFile('GEOREP_SSH_KNOWN_HOSTS', knownHostsPath),
    user: env('GEOREP_SSH_USER', 'root'),
    port: int('GEOREP_SSH_PORT', 22),
    glusterCommand: env('GEOREP_GLUSTER_COMMAND', '/usr/sbin/gluster'),
  });

  const privateKey = readFile('GEOREP_SSH_KEY', keyPath);
  const passphrase = passphraseFile
    ? readFile('GEOREP_SSH_KEY_PASSPHRASE_FILE', passphraseFile).trim()
    : undefined;
  const knownHostsText = readFile('GEOREP_SSH_KNOWN_HOSTS', knownHostsPath);
  const app = Fastify({
    logger: { level: env('LOG_LEVEL', 'info'), redact: LOG_REDACT },
    // Apache in front: the client's address comes in X-Forwarded-For.
    trustProxy: '127.0.0.1',
    bodyLimit: 64 * 1024,
  });
  await registerGeoRepService(app, {
    prefix: env('GEOREP_PREFIX', DEFAULT_PREFIX),
    engineUrl,
    gluster: createGlusterClient(exec, { timeoutMs: glusterTimeoutMs }),
    // A directory on a remote host as the target: gluster on the remote, run from the cluster host
    // over its passwordless SSH (the same trust geo-replication itself needs).
    remoteGluster: sshRemoteGluster(
      sshHostShell({
        privateKey,
        passphrase,
        knownHosts: knownHostsText,
        user: env('GEOREP_SSH_USER', 'root'),
        port: int('GEOREP_SSH_PORT', 22),
      }),
    ),
    glusterTimeoutMs,
    statusCacheMs: int('GEOREP_STATUS_CACHE_MS', 2000),
    backendName: 'cli',
    // Passwordless SSH from a cluster host to a remote: checked, and set up, from that host's side.
    ssh: new RealSshTrust({
      privateKey,
      passphrase,
      user: env('GEOREP_SSH_USER', 'root'),
      knownHosts: KnownHosts.parse(knownHostsText),
      nodePort: int('GEOREP_SSH_PORT', 22),
      log: app.log,
    }),
    eventsToken: eventsUser
      ? ssoTokenProvider(engineUrl, {
          user: eventsUser,
          password: readFile(
            'GEOREP_EVENTS_PASSWORD_FILE',
            env('GEOREP_EVENTS_PASSWORD_FILE'),
          ).trim(),
        })
      : undefined,
  });
  // For the init system's and the proxy's health checks; says nothing about users or Gluster.
  app.get('/healthz', () => ({ status: 'ok' }));

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    void app
      .close()
      .then(() => exec.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'error while closing');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host, port });
  app.log.info({ engineUrl, backend }, 'geo-rep service ready');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`ovirt-georep: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
