// The geo-rep service as installed next to the engine (ovirt-gluster-georep.service): a small HTTP
// server on loopback, published on the engine's origin by its Apache
// (/etc/httpd/conf.d/z-ovirt-gluster-georep.conf), so the plugin calls it with the user's SSO token.
//
// It runs `gluster --mode=script --xml ...` on the Up hosts of each cluster over SSH, as root with
// the engine's own key, trusting each host's SSH key as the engine pinned it (ssh/host-trust.ts).
// Settings: /etc/ovirt-gluster-georep/georep.conf, every one documented there (config.ts).
//
//   ovirt-gluster-georep [--config FILE]          run
//   ovirt-gluster-georep [--config FILE] --check  check the settings and the files they name, then exit
//
// Exit status 78 (EX_CONFIG) for a configuration problem: the unit does not restart on it.
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import Fastify from 'fastify';
import { DEFAULT_PREFIX, LOG_REDACT, registerGeoRepService } from './app';
import { loadConfig, problemsLine, type ServiceConfig } from './config';
import { EngineClient } from './engine';
import { ssoTokenProvider } from './serviceAccount';
import { EngineHostKeys, knownHostsPolicy, type HostKeyPolicy } from './ssh/host-trust';
import { RealSshTrust } from './ssh/real';
import { createGlusterClient } from './gluster/client';
import { execProbe } from './gluster/probe';
import { sshExec } from './gluster/exec-ssh';
import { sshHostShell, sshRemoteGluster } from './gluster/provision';
import { errorMessage } from '../src/georep/errorMessage';

export const EX_CONFIG = 78;

/** Whose word the service takes for the hosts' SSH keys: the engine's record (with the known_hosts override), or the known_hosts alone without a service account. */
export function hostKeyPolicy(
  cfg: ServiceConfig,
  engineToken: (() => Promise<string | null>) | undefined,
  engine: EngineClient,
): HostKeyPolicy {
  if (!engineToken) return knownHostsPolicy(cfg.knownHosts!, 'GEOREP_SSH_KNOWN_HOSTS');
  return new EngineHostKeys({
    override: cfg.knownHosts,
    load: async () => {
      const token = await engineToken();
      if (!token) throw new Error('the service account has no token');
      return engine.hostKeys(token);
    },
  });
}

export async function start(cfg: ServiceConfig): Promise<{ close(): Promise<void>; port: number }> {
  const httpsAgent = cfg.engineCa
    ? new HttpsAgent({ ca: [...rootCertificates, cfg.engineCa], keepAlive: true })
    : undefined;
  const engineToken = cfg.engineAccount
    ? ssoTokenProvider(cfg.engineUrl, cfg.engineAccount, 15_000, httpsAgent)
    : undefined;
  const hostKeys = hostKeyPolicy(
    cfg,
    engineToken,
    new EngineClient(cfg.engineUrl, 15_000, httpsAgent),
  );
  const ssh = {
    privateKey: cfg.privateKey,
    passphrase: cfg.passphrase,
    user: cfg.sshUser,
    port: cfg.sshPort,
  };
  const exec = sshExec({ ...ssh, hostKeys, glusterCommand: cfg.glusterCommand });

  const app = Fastify({
    logger: { level: cfg.logLevel, redact: LOG_REDACT },
    // Apache in front: the client's address comes in X-Forwarded-For.
    trustProxy: '127.0.0.1',
    bodyLimit: 64 * 1024,
  });
  await registerGeoRepService(app, {
    prefix: cfg.prefix || DEFAULT_PREFIX,
    engineUrl: cfg.engineUrl,
    engineHttpsAgent: httpsAgent,
    gluster: createGlusterClient(exec, { timeoutMs: cfg.glusterTimeoutMs }),
    // gsyncd's files on the primary nodes, over the same SSH: stall detection, Recover, Faulty logs
    probe: execProbe(exec),
    // A directory on a remote host as the target: gluster on the remote, run from the cluster host
    // over its passwordless SSH (the same trust geo-replication itself needs).
    remoteGluster: sshRemoteGluster(sshHostShell({ ...ssh, hostKeys })),
    glusterTimeoutMs: cfg.glusterTimeoutMs,
    statusCacheMs: cfg.statusCacheMs,
    auditSpoolDir: cfg.auditSpoolDir,
    backendName: 'cli',
    // Passwordless SSH from a cluster host to a remote: checked, and set up, from that host's side.
    ssh: new RealSshTrust({ ...ssh, nodePort: cfg.sshPort, hostKeys, log: app.log }),
    eventsToken: engineToken,
  });
  // For the init system's and the proxy's health checks; says nothing about users or Gluster.
  app.get('/healthz', () => ({ status: 'ok' }));
  await app.listen({ host: cfg.listen.host, port: cfg.listen.port });
  app.log.info(
    {
      engineUrl: cfg.engineUrl,
      settings: cfg.sources,
      host_keys: cfg.engineAccount
        ? `the engine's record${cfg.knownHosts ? ', the local known_hosts overriding' : ''}`
        : 'the local known_hosts only',
    },
    'geo-rep service ready',
  );
  const address = app.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : cfg.listen.port,
    close: async () => {
      await app.close();
      await exec.close();
    },
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  let file: string | undefined;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') check = true;
    else if (a === '--config' && argv[i + 1]) file = argv[++i];
    else if (a.startsWith('--config=')) file = a.slice('--config='.length);
    else {
      console.error(
        `ovirt-gluster-georep: unknown argument ${JSON.stringify(a)}; takes [--config FILE] [--check]`,
      );
      return 64;
    }
  }
  const { config, problems } = loadConfig({ file });
  if (!config) {
    console.error(`ovirt-gluster-georep: ${problemsLine(problems)}`);
    return EX_CONFIG;
  }
  if (check) {
    console.log(
      `ovirt-gluster-georep: configuration OK (${config.sources.join(', ') || 'defaults'})`,
    );
    return 0;
  }
  const svc = await start(config);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.error(`ovirt-gluster-georep: ${signal}: closing`);
    void svc.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`ovirt-gluster-georep: error while closing: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return -1; // running
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err: unknown) => {
      console.error(`ovirt-gluster-georep: ${errorMessage(err)}`);
      process.exit(1);
    },
  );
}
