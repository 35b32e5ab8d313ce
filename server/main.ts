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
//   ovirt-gluster-georep [--config FILE] --remove-webhooks  take the Gluster events webhooks off every cluster
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
import { sshHostShell, sshRemoteGluster, type HostShell } from './gluster/provision';
import { ServiceMetrics } from './metrics';
import { EventsApi } from './events-api';
import type { PushOptions } from './push';
import { DEFAULT_TRANSITION_SETTINGS } from '../src/georep/transitions';
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

/** The watch, Gluster's events API, metrics and history as the settings say (push.ts). */
export function pushOptions(
  cfg: ServiceConfig,
  metrics: ServiceMetrics,
  shell: HostShell,
): PushOptions {
  const prefix = cfg.prefix || DEFAULT_PREFIX;
  return {
    watch:
      cfg.engineAccount && cfg.watch.intervalMs > 0
        ? {
            intervalMs: cfg.watch.intervalMs,
            transitions: {
              ...DEFAULT_TRANSITION_SETTINGS,
              lagThresholdSeconds: cfg.watch.lagSeconds,
              lagDelaySeconds: cfg.watch.lagDelaySeconds,
              recoverySeconds: cfg.watch.recoverySeconds,
            },
          }
        : undefined,
    eventsApi:
      cfg.eventsApi && cfg.engineAccount
        ? { webhookBase: webhookBase(cfg, prefix), secret: cfg.engineAccount.password, shell }
        : null,
    metrics,
    metricsToken: cfg.metricsToken,
    history: { hours: cfg.historyHours },
  };
}

/** Where the nodes post: the setting, else the engine's origin with the API's prefix. */
export function webhookBase(cfg: ServiceConfig, prefix: string): string {
  if (cfg.eventsWebhookUrl) return cfg.eventsWebhookUrl.replace(/\/+$/, '');
  return `${new URL(cfg.engineUrl).origin}${prefix.replace(/\/+$/, '')}/gluster-events`;
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
  const metrics = new ServiceMetrics();

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
    gluster: createGlusterClient(metrics.meter(exec), { timeoutMs: cfg.glusterTimeoutMs }),
    // gsyncd's files on the primary nodes, over the same SSH: stall detection, Recover, Faulty logs
    probe: execProbe(exec),
    // A directory on a remote host as the target: gluster on the remote, run from the cluster host
    // over its passwordless SSH (the same trust geo-replication itself needs).
    remoteGluster: sshRemoteGluster(sshHostShell({ ...ssh, hostKeys })),
    // A secondary cluster of this engine, prepared for a non-root user (mountbroker): root over the
    // same SSH, host keys as the engine recorded them.
    secondaryRoot: exec,
    glusterTimeoutMs: cfg.glusterTimeoutMs,
    statusCacheMs: cfg.statusCacheMs,
    auditSpoolDir: cfg.auditSpoolDir,
    backendName: 'cli',
    // Passwordless SSH from a cluster host to a remote: checked, and set up, from that host's side.
    ssh: new RealSshTrust({ ...ssh, nodePort: cfg.sshPort, hostKeys, log: app.log }),
    eventsToken: engineToken,
    push: pushOptions(cfg, metrics, sshHostShell({ ...ssh, hostKeys })),
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

/**
 * `--remove-webhooks`: takes the service's webhook off Gluster's events API on every cluster the
 * engine manages (the package runs it when it is removed). One line per cluster.
 */
export async function removeWebhooks(cfg: ServiceConfig): Promise<number> {
  if (!cfg.engineAccount) {
    console.log(
      'ovirt-gluster-georep: no engine account (GEOREP_ENGINE_USER): no webhook was registered',
    );
    return 0;
  }
  const httpsAgent = cfg.engineCa
    ? new HttpsAgent({ ca: [...rootCertificates, cfg.engineCa] })
    : undefined;
  const engine = new EngineClient(cfg.engineUrl, 15_000, httpsAgent);
  const token = ssoTokenProvider(cfg.engineUrl, cfg.engineAccount, 15_000, httpsAgent);
  const t = await token();
  if (!t) throw new Error('the service account has no token');
  const hostKeys = hostKeyPolicy(cfg, token, engine);
  const shell = sshHostShell({
    privateKey: cfg.privateKey,
    passphrase: cfg.passphrase,
    user: cfg.sshUser,
    port: cfg.sshPort,
    hostKeys,
  });
  const prefix = cfg.prefix || DEFAULT_PREFIX;
  const api = new EventsApi({
    webhookBase: webhookBase(cfg, prefix),
    secret: cfg.engineAccount.password,
    shell,
  });
  let failed = 0;
  for (const c of (await engine.clusters(t)).filter((x) => x.gluster_service)) {
    const nodes = (await engine.clusterHosts(t, c))
      .filter((h) => h.status === 'up')
      .map((h) => h.address);
    try {
      console.log(`ovirt-gluster-georep: cluster ${c.name}: ${await api.unregister(c, nodes)}`);
    } catch (err) {
      failed++;
      console.error(`ovirt-gluster-georep: cluster ${c.name}: ${errorMessage(err)}`);
    }
  }
  return failed ? 1 : 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  let file: string | undefined;
  let check = false;
  let unhook = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') check = true;
    else if (a === '--remove-webhooks') unhook = true;
    else if (a === '--config' && argv[i + 1]) file = argv[++i];
    else if (a.startsWith('--config=')) file = a.slice('--config='.length);
    else {
      console.error(
        `ovirt-gluster-georep: unknown argument ${JSON.stringify(a)}; takes [--config FILE] [--check | --remove-webhooks]`,
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
  if (unhook) return removeWebhooks(config);
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
