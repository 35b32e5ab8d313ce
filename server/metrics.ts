// GET /metrics in Prometheus' text format (prom-client). Session and worker figures come from the
// watch's last read of each cluster, set at scrape time, so a scrape never runs Gluster. Names and
// labels follow Prometheus' conventions (https://prometheus.io/docs/practices/naming/): a `georep_`
// prefix, base units (seconds), `_total` counters, labels for what varies. Documented in
// docs/metrics.md with an example Grafana panel.
//
// Access: not published by the engine's Apache (it forwards only the API's prefix); served to a
// client on loopback that did not come through a proxy, or to anyone with the metrics bearer
// token (GEOREP_METRICS_TOKEN_FILE).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { secondaryUrl } from './audit';
import { GlusterTimeoutError, GlusterUnreachableError, type GlusterExec } from './gluster/exec';
import type { ClusterRead } from './watch';

const SESSION_LABELS = ['cluster', 'primary_volume', 'secondary'] as const;
const WORKER_LABELS = [...SESSION_LABELS, 'node', 'brick'] as const;

/** The short name of a gluster command for a label (never a volume, host or value). */
export function commandLabel(argv: readonly string[]): string {
  const words = argv.filter((a) => !a.startsWith('-'));
  const i = words.indexOf('geo-replication');
  if (i >= 0) {
    const verbs = ['create', 'start', 'stop', 'pause', 'resume', 'delete', 'config', 'status'];
    const v = words.slice(i + 1).find((w) => verbs.includes(w));
    return `volume geo-replication ${v ?? 'other'}`;
  }
  const known: Record<string, string[]> = {
    volume: ['info', 'status', 'set', 'create', 'start', 'stop', 'delete', 'list', 'get'],
    peer: ['status'],
    pool: ['list'],
    'system::': ['execute'],
  };
  const head = words[0] ?? '';
  const sub = words[1] ?? '';
  if (known[head]) return known[head].includes(sub) ? `${head} ${sub}` : `${head} other`;
  return 'other';
}

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly cliCalls: Counter<'command' | 'outcome'>;
  readonly cliDuration: Histogram<'command'>;
  readonly sshErrors: Counter<'node' | 'kind'>;
  readonly watchReads: Counter<'cluster' | 'cause' | 'outcome'>;
  readonly watchReadDuration: Histogram<'cluster'>;
  readonly transitions: Counter<'kind' | 'severity'>;
  readonly glusterEvents: Counter<'cluster' | 'event' | 'outcome'>;
  readonly streams: Gauge;
  private readonly reads = new Map<string, ClusterRead>();

  constructor(o: { defaultMetrics?: boolean } = {}) {
    const r = this.registry;
    if (o.defaultMetrics !== false) collectDefaultMetrics({ register: r });
    this.cliCalls = new Counter({
      name: 'georep_gluster_cli_calls_total',
      help: 'gluster CLI commands run on the nodes, by command and outcome (ok: it ran; timeout; unreachable)',
      labelNames: ['command', 'outcome'],
      registers: [r],
    });
    this.cliDuration = new Histogram({
      name: 'georep_gluster_cli_duration_seconds',
      help: 'Time a gluster CLI command took, SSH included',
      labelNames: ['command'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [r],
    });
    this.sshErrors = new Counter({
      name: 'georep_ssh_errors_total',
      help: 'Gluster nodes that could not be reached (unreachable: SSH refused or failed; timeout)',
      labelNames: ['node', 'kind'],
      registers: [r],
    });
    this.watchReads = new Counter({
      name: 'georep_watch_reads_total',
      help: "The watch's reads of a cluster, by cause (interval, event) and outcome",
      labelNames: ['cluster', 'cause', 'outcome'],
      registers: [r],
    });
    this.watchReadDuration = new Histogram({
      name: 'georep_watch_read_duration_seconds',
      help: 'Time one watch read of a cluster took (status detail and volume info)',
      labelNames: ['cluster'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [r],
    });
    this.transitions = new Counter({
      name: 'georep_transitions_announced_total',
      help: 'Engine events posted by the watch, by transition and severity',
      labelNames: ['kind', 'severity'],
      registers: [r],
    });
    this.glusterEvents = new Counter({
      name: 'georep_gluster_events_total',
      help: 'Deliveries to the Gluster events webhook, by event and outcome (accepted, refused)',
      labelNames: ['cluster', 'event', 'outcome'],
      registers: [r],
    });
    this.streams = new Gauge({
      name: 'georep_stream_clients',
      help: 'Open tabs receiving pushed updates (Server-Sent Events)',
      registers: [r],
    });

    const reads = this.reads;
    // Registered with `r`; its collect() reads the last reads when Prometheus asks.
    new Gauge({
      name: 'georep_sessions',
      help: 'Geo-replication sessions by cluster and status, as last read',
      labelNames: ['cluster', 'status'],
      registers: [r],
      collect() {
        this.reset();
        for (const read of reads.values()) {
          const by = new Map<string, number>();
          for (const s of read.status?.sessions ?? [])
            by.set(s.status, (by.get(s.status) ?? 0) + 1);
          for (const [status, n] of by) this.set({ cluster: read.cluster.name, status }, n);
        }
      },
    });
    const perSession = (
      name: string,
      help: string,
      value: (s: NonNullable<ClusterRead['status']>['sessions'][number]) => number | null,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: [...SESSION_LABELS],
        registers: [r],
        collect() {
          this.reset();
          for (const read of reads.values())
            for (const s of read.status?.sessions ?? []) {
              const v = value(s);
              if (v !== null)
                this.set(
                  {
                    cluster: read.cluster.name,
                    primary_volume: s.primary_volume,
                    secondary: secondaryUrl(s),
                  },
                  v,
                );
            }
        },
      });
    perSession(
      'georep_session_lag_seconds',
      'Seconds the secondary is behind (oldest sync point of the Active workers)',
      (s) => s.lag_seconds,
    );
    perSession(
      'georep_session_checkpoint_completed',
      '1 when the session checkpoint completed, 0 while pending (absent: no checkpoint)',
      (s) => (s.checkpoint ? (s.checkpoint.completed ? 1 : 0) : null),
    );
    perSession(
      'georep_session_checkpoint_timestamp_seconds',
      'When the session checkpoint was set (Unix time)',
      (s) => (s.checkpoint ? Date.parse(s.checkpoint.time) / 1000 : null),
    );
    const perWorker = (
      name: string,
      help: string,
      extra: string[],
      values: (
        w: NonNullable<ClusterRead['status']>['sessions'][number]['workers'][number],
        readAt: number,
      ) => [Record<string, string>, number | null][],
    ) =>
      new Gauge({
        name,
        help,
        labelNames: [...WORKER_LABELS, ...extra],
        registers: [r],
        collect() {
          this.reset();
          for (const read of reads.values()) {
            const at = Date.parse(read.status?.read_at ?? '');
            for (const s of read.status?.sessions ?? [])
              for (const w of s.workers)
                for (const [more, v] of values(w, at))
                  if (v !== null)
                    this.set(
                      {
                        cluster: read.cluster.name,
                        primary_volume: s.primary_volume,
                        secondary: secondaryUrl(s),
                        node: w.primary_node,
                        brick: w.primary_brick,
                        ...more,
                      },
                      v,
                    );
          }
        },
      });
    perWorker(
      'georep_worker_last_synced_age_seconds',
      'Seconds since the worker last synced (at the read)',
      [],
      (w, at) => [
        [{}, w.last_synced ? Math.max(0, (at - Date.parse(w.last_synced)) / 1000) : null],
      ],
    );
    perWorker(
      'georep_worker_pending',
      'Changes pending on the worker, by type (entry, data, meta)',
      ['type'],
      (w) => [
        [{ type: 'entry' }, w.entry_pending],
        [{ type: 'data' }, w.data_pending],
        [{ type: 'meta' }, w.meta_pending],
      ],
    );
    perWorker(
      'georep_worker_failures',
      'Failures the worker reports (Gluster counts them since the worker started)',
      [],
      (w) => [[{}, w.failures]],
    );
    perWorker(
      'georep_worker_status',
      'Each worker, its status as a label (Active, Passive, Faulty, Offline, ...); the value is always 1',
      ['status'],
      (w) => [[{ status: w.status }, 1]],
    );
    perWorker(
      'georep_worker_stalled',
      '1 when stall detection found the Active worker not delivering, else 0',
      [],
      (w) => [[{}, w.stall != null ? 1 : 0]],
    );
  }

  /** The watch's read of a cluster (the last one that succeeded is kept for the gauges). */
  observeRead(read: ClusterRead): void {
    this.watchReads.inc({
      cluster: read.cluster.name,
      cause: read.cause,
      outcome: read.status ? 'ok' : 'failed',
    });
    this.watchReadDuration.observe({ cluster: read.cluster.name }, read.durationMs / 1000);
    if (read.status) this.reads.set(read.cluster.id, read);
  }

  /** Counts every gluster command the service runs. */
  meter(exec: GlusterExec): GlusterExec {
    return {
      run: async (node, argv, opts) => {
        const command = commandLabel(argv);
        const end = this.cliDuration.startTimer({ command });
        try {
          const r = await exec.run(node, argv, opts);
          this.cliCalls.inc({ command, outcome: 'ok' });
          return r;
        } catch (err) {
          const kind =
            err instanceof GlusterTimeoutError
              ? 'timeout'
              : err instanceof GlusterUnreachableError
                ? 'unreachable'
                : 'error';
          this.cliCalls.inc({ command, outcome: kind });
          if (kind !== 'error') this.sshErrors.inc({ node, kind });
          throw err;
        } finally {
          end();
        }
      },
    };
  }
}

/** Who may read the metrics: loopback without a proxy in between, or the metrics token. */
export function metricsAllowed(req: FastifyRequest, token: string | null): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (m && token) {
    const a = Buffer.from(m[1]!);
    const b = Buffer.from(token);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
  }
  const peer = req.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  return (
    loopback && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined
  );
}

export function metricsRoute(
  app: FastifyInstance,
  metrics: ServiceMetrics,
  token: string | null,
): void {
  app.get('/metrics', async (req, reply) => {
    if (!metricsAllowed(req, token)) {
      return reply.code(403).send({
        reason: 'Forbidden',
        detail:
          'The metrics are served on loopback, or with the metrics token (GEOREP_METRICS_TOKEN_FILE).',
      });
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
