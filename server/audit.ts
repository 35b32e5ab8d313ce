// Every geo-replication action leaves two traces: an engine Event (POST api/events, by the service
// account when one is configured, else as the user; it names the user and shows in WebAdmin's
// Events with the cluster) and a service log line naming the user. The texts
// follow oVirt's own audit-log messages for these actions (AuditLogMessages.properties).
//
// An event is never lost: it goes to an outbox first (one file per event in the spool directory,
// written and renamed into place before anything is posted), is posted in order, and leaves the
// outbox only when the engine took it (or says it has it: origin and custom id are unique, so a
// repost after a lost answer is recognised). While the engine does not answer, events wait there,
// in order, and are retried; a restart picks them up. The outbox holds no token or password.
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { SessionKey } from '../src/georep/types';
import type { Principal } from './auth';
import type { EngineClient, EngineCluster, EngineEvent } from './engine';
import { ApiError } from './errors';
import { errorMessage } from '../src/georep/errorMessage';

// The origin of every event this service posts, and how its texts name a secondary: shared with
// the plugin, which searches WebAdmin's Events for a session's events (src/georep/sessionEvents.ts).
import { EVENT_ORIGIN, secondaryUrl } from '../src/georep/sessionEvents';
export { EVENT_ORIGIN, secondaryUrl };

export type AuditAction =
  | 'create'
  | 'start'
  | 'stop'
  | 'pause'
  | 'resume'
  | 'delete'
  | 'config_set'
  | 'config_reset'
  | 'checkpoint'
  | 'provision_volume'
  | 'remove_provisioned_volume'
  | 'ssh_setup'
  | 'recover'
  | 'shared_storage'
  | 'mountbroker_step'
  | 'dr_schedule'
  | 'dr_sync'
  | 'dr_step';

export interface AuditEntry {
  action: AuditAction;
  cluster: EngineCluster;
  key: SessionKey;
  ok: boolean;
  /** For failures: what went wrong, in the words shown to the user. */
  error?: string;
  /** Extra words for the description (config name and value, create steps, force). */
  option?: { name: string; value?: string };
  /** provision_volume, remove_provisioned_volume: the volume on the remote directory. */
  volume?: { name: string; host: string; path: string };
  /** ssh_setup: from which host of the cluster to which remote login, and how. */
  ssh?: { from: string; to: string; method: 'password' | 'key'; key_path?: string };
  note?: string;
  /** dr_*: the storage domain, the schedule or the procedure step, in words. */
  dr?: { storage_domain?: string; what: string };
}

/** The description of an event, in the spirit of oVirt's audit-log texts, always naming the user. */
export function describe(e: AuditEntry, user: string): string {
  const vol = e.key.primary_volume;
  const cl = e.cluster.name;
  const sec = secondaryUrl(e.key);
  const session = `geo-replication session from volume ${vol} of cluster ${cl} to ${sec}`;
  const by = ` (User: ${user})`;
  const why = e.error ? `: ${e.error}` : '.';
  const note = e.note ? ` ${e.note}` : '';
  switch (e.action) {
    case 'create':
      return e.ok
        ? `Created geo-replication session between primary volume ${vol} of cluster ${cl} and secondary volume ${e.key.secondary_volume} (${sec}) for the user ${e.key.secondary_user}${by}.${note}`
        : `Failed to create geo-replication session between primary volume ${vol} of cluster ${cl} and secondary volume ${e.key.secondary_volume} (${sec}) for the user ${e.key.secondary_user}${by}${why}${note}`;
    case 'start':
    case 'stop':
    case 'pause':
    case 'resume': {
      const done = { start: 'started', stop: 'stopped', pause: 'paused', resume: 'resumed' }[
        e.action
      ];
      return e.ok
        ? `The ${session} has been ${done}${by}.${note}`
        : `Failed to ${e.action} the ${session}${by}${why}${note}`;
    }
    case 'delete':
      return e.ok
        ? `The ${session} has been deleted${by}.${note}`
        : `Failed to delete the ${session}${by}${why}${note}`;
    case 'config_set':
      return e.ok
        ? `Configuration ${e.option?.name} has been set to ${e.option?.value} on the ${session}${by}.${note}`
        : `Failed to set the configuration ${e.option?.name} to ${e.option?.value} on the ${session}${by}${why}${note}`;
    case 'config_reset':
      return e.ok
        ? `Configuration ${e.option?.name} of the ${session} has been reset to its default value${by}.${note}`
        : `Failed to reset the configuration ${e.option?.name} of the ${session} to its default value${by}${why}`;
    case 'checkpoint':
      return e.ok
        ? `A checkpoint has been set on the ${session}${by}.`
        : `Failed to set a checkpoint on the ${session}${by}${why}`;
    case 'shared_storage':
      return e.ok
        ? `Gluster's shared storage (cluster.enable-shared-storage) has been enabled on cluster ${cl} for the use-meta-volume option of the ${session}${by}.${note}`
        : `Failed to enable Gluster's shared storage (cluster.enable-shared-storage) on cluster ${cl} for the use-meta-volume option of the ${session}${by}${why}${note}`;
    case 'mountbroker_step':
      return e.ok
        ? `Non-root preparation of ${e.key.secondary_host} for the ${session}: ${e.note ?? ''}${by}.`
        : `Non-root preparation of ${e.key.secondary_host} for the ${session} failed${why}${by}.`;
    case 'recover':
      return e.ok
        ? `The stalled ${session} has been recovered${by}.${note}`
        : `Failed to recover the stalled ${session}${by}${why}${note}`;
    case 'provision_volume': {
      const v = e.volume ?? { name: e.key.secondary_volume, host: e.key.secondary_host, path: '?' };
      return e.ok
        ? `Gluster volume ${v.name} has been provisioned on ${v.host}:${v.path} (one brick, started) as the secondary of a geo-replication session from volume ${vol} of cluster ${cl}${by}.${note}`
        : `Failed to provision Gluster volume ${v.name} on ${v.host}:${v.path} for a geo-replication session from volume ${vol} of cluster ${cl}${by}${why}${note}`;
    }
    case 'ssh_setup': {
      const x = e.ssh ?? { from: '?', to: '?', method: 'password' as const };
      const how =
        x.method === 'password'
          ? "with the secondary user's password (used once, not kept)"
          : `with the key ${x.key_path ?? '?'} on ${x.from}`;
      return e.ok
        ? `Passwordless SSH from host ${x.from} of cluster ${cl} to ${x.to} has been set up ${how}: root's public key of ${x.from} was added to authorized_keys there and ${x.to.split('@').pop()}'s host key to root's known_hosts on ${x.from}${by}.${note}`
        : `Failed to set up passwordless SSH from host ${x.from} of cluster ${cl} to ${x.to} ${how}${by}${why}${note}`;
    }
    case 'dr_schedule':
      return e.ok
        ? `Storage domain ${e.dr?.storage_domain ?? '?'} data synchronization over the ${session}: ${e.dr?.what ?? ''}${by}.${note}`
        : `Failed to set up data synchronization of storage domain ${e.dr?.storage_domain ?? '?'} over the ${session}${by}${why}${note}`;
    case 'dr_sync':
      // GLUSTER_STORAGE_DOMAIN_SYNCED / GLUSTER_STORAGE_DOMAIN_SYNC_FAILED
      return e.ok
        ? `Storage domain ${e.dr?.storage_domain ?? '?'} has been synchronized to ${sec} (${e.dr?.what ?? ''})${by}.${note}`
        : `Failed to synchronize data of storage domain ${e.dr?.storage_domain ?? '?'} to ${sec} (${e.dr?.what ?? ''})${by}${why}${note}`;
    case 'dr_step':
      return e.ok
        ? `${e.dr?.what ?? 'Disaster recovery step'} (${session}) done${by}.${note}`
        : `${e.dr?.what ?? 'Disaster recovery step'} (${session}) failed${by}${why}${note}`;
    case 'remove_provisioned_volume': {
      const v = e.volume ?? { name: e.key.secondary_volume, host: e.key.secondary_host, path: '?' };
      return e.ok
        ? `Gluster volume ${v.name} on ${v.host}, provisioned for the ${session}, has been stopped and deleted${by}. The data in ${v.host}:${v.path} was kept.${note}`
        : `Failed to remove Gluster volume ${v.name} on ${v.host}, provisioned for the ${session}${by}${why}${note}`;
    }
  }
}

/** An event waiting in the outbox. */
interface Pending {
  /** Sorts in the order events were recorded. */
  seq: string;
  event: EngineEvent;
  /** The acting user's token, in memory only: used when there is no service account. */
  userToken?: string;
  /** Set once the event is written to the spool directory. */
  file?: string;
}

export interface AuditOptions {
  /** The outbox's directory; without it the outbox lives in memory only (tests, demos). */
  spoolDir?: string;
  /** How often undelivered events are retried (ms); default 15000. */
  retryMs?: number;
  log?: FastifyBaseLogger;
}

export class Audit {
  /** custom_id must be unique per origin: a random start per process, then counting up. */
  private next = randomInt(1, 2 ** 30);
  private counter = 0;
  private readonly outbox: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  /**
   * @param eventsToken the service account's token for posting events (see serviceAccount.ts);
   *   without it, events are posted as the acting user, which needs `inject_external_events`.
   */
  constructor(
    private readonly engine: EngineClient,
    private readonly eventsToken?: () => Promise<string | null>,
    private readonly opts: AuditOptions = {},
  ) {
    if (opts.spoolDir) this.load(opts.spoolDir);
  }

  /** Events not yet delivered to the engine, oldest first. */
  pending(): EngineEvent[] {
    return this.outbox.map((x) => x.event);
  }

  /** Told of every action recorded (the watch: a session a user deleted is not "disappeared"). */
  onRecord: ((e: AuditEntry) => void) | null = null;

  /**
   * An event that is not a user's action (the watch's transitions), through the same outbox as the
   * actions' events, posted by the service account. true once it is in the outbox (on disk when
   * there is a spool directory): the outbox delivers it, in order, and takes the engine's "already
   * exists" (origin and custom_id are unique) as delivered. false when it could not be kept.
   */
  async announce(ev: Omit<EngineEvent, 'origin'>, log: FastifyBaseLogger): Promise<boolean> {
    const item: Pending = {
      seq: `${Date.now().toString().padStart(15, '0')}-${String(this.counter++).padStart(9, '0')}`,
      event: { ...ev, origin: EVENT_ORIGIN },
    };
    try {
      this.persist(item);
    } catch (err) {
      log.error(
        { err: err instanceof Error ? err.message : String(err) },
        'Could not write the event to the outbox; it is kept in memory only',
      );
    }
    this.outbox.push(item);
    await this.flush(log);
    return true;
  }

  /** Log the action, put its event in the outbox and start delivering it; never throws. */
  record(p: Principal, e: AuditEntry, log: FastifyBaseLogger): Promise<void> {
    const user = p.user.user_name;
    const description = describe(e, user);
    const fields = {
      user,
      action: e.action,
      cluster: e.cluster.name,
      ...(e.ssh
        ? { ssh_from: e.ssh.from, ssh_to: e.ssh.to }
        : { primary_volume: e.key.primary_volume, secondary: secondaryUrl(e.key) }),
      ok: e.ok,
    };
    if (e.ok) log.info(fields, description);
    else log.warn(fields, description);
    this.onRecord?.(e);
    const custom_id = this.next;
    this.next = this.next >= 2 ** 31 - 1 ? 1 : this.next + 1;
    const item: Pending = {
      seq: `${Date.now().toString().padStart(15, '0')}-${String(this.counter++).padStart(9, '0')}`,
      event: {
        description: description.length > 4000 ? `${description.slice(0, 3997)}...` : description,
        severity: e.ok ? 'normal' : 'error',
        origin: EVENT_ORIGIN,
        custom_id,
        cluster_id: e.cluster.id,
      },
      userToken: p.token,
    };
    try {
      this.persist(item);
    } catch (err) {
      log.error(
        { err: errorMessage(err) },
        'Could not write the audit event to the outbox; it is kept in memory only',
      );
    }
    this.outbox.push(item);
    // Delivered in the background: the event is in the outbox (on disk with a spool directory),
    // so the answer does not wait for the engine; what the engine does not take is retried.
    this.flush(log).catch((err: unknown) =>
      log.error(
        { err: err instanceof Error ? err.message : String(err) },
        'Could not deliver the audit outbox; it is retried',
      ),
    );
    return Promise.resolve();
  }

  /** Resolves once the delivery under way (if any) has ended: for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
  }

  /** Deliver what waits, in order, stopping at the first event the engine does not take. */
  flush(log: FastifyBaseLogger | undefined = this.opts.log): Promise<void> {
    this.flushing ??= this.deliver(log).finally(() => {
      this.flushing = null;
      // An event recorded while the last delivery was ending: deliver it now, unless a retry waits.
      if (this.outbox.length > 0 && !this.timer)
        this.flush(log).catch((err: unknown) =>
          log?.error(
            { err: err instanceof Error ? err.message : String(err) },
            'Could not deliver the audit outbox; it is retried',
          ),
        );
    });
    return this.flushing;
  }

  /** Stop retrying (the outbox stays on disk). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async deliver(log: FastifyBaseLogger | undefined): Promise<void> {
    while (this.outbox.length > 0) {
      const item = this.outbox[0]!;
      try {
        const token = (await this.eventsToken?.()) ?? item.userToken;
        if (!token) throw new Error('no token to post it with (configure GEOREP_EVENTS_USER)');
        await this.engine.postEvent(token, item.event);
      } catch (err) {
        if (refusedForGood(err)) {
          // Never deliverable as it is (e.g. the acting user may not add events): set aside, on
          // disk, for an administrator, so it does not hold up the events behind it.
          log?.error(
            {
              err: err instanceof ApiError ? err.detail : String(err),
              event: item.event.description,
            },
            "The engine refused this audit event; it is kept in the outbox's rejected folder",
          );
          this.setAside(item);
          this.outbox.shift();
          continue;
        }
        if (!alreadyPosted(err)) {
          log?.warn(
            {
              err:
                err instanceof ApiError
                  ? err.detail
                  : err instanceof Error
                    ? err.message
                    : String(err),
              waiting: this.outbox.length,
            },
            'Could not post the engine event; it waits in the outbox and will be posted when the engine answers',
          );
          this.schedule();
          return;
        }
      }
      this.outbox.shift();
      if (item.file) fs.rmSync(item.file, { force: true });
    }
  }

  private setAside(item: Pending): void {
    if (!item.file || !this.opts.spoolDir) return;
    const dir = path.join(this.opts.spoolDir, 'rejected');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.renameSync(item.file, path.join(dir, path.basename(item.file)));
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.opts.retryMs ?? 15_000);
    this.timer.unref();
  }

  private persist(item: Pending): void {
    const dir = this.opts.spoolDir;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, `${item.seq}.json`);
    const tmp = `${file}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(item.event));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    item.file = file;
  }

  /** Events a previous run left undelivered, oldest first. */
  private load(dir: string): void {
    let names: string[];
    try {
      names = fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .sort();
    } catch {
      return; // nothing spooled yet
    }
    for (const n of names) {
      const file = path.join(dir, n);
      try {
        const event = JSON.parse(fs.readFileSync(file, 'utf8')) as EngineEvent;
        this.outbox.push({ seq: n.slice(0, -5), event, file });
        this.counter++;
      } catch (err) {
        this.opts.log?.error(
          { file, err: errorMessage(err) },
          'An audit event in the outbox cannot be read; it is left in place',
        );
      }
    }
    if (this.outbox.length) this.schedule();
  }
}

/** The engine answered, and will never take this event as it is (4xx but for 401, 408, 429). */
function refusedForGood(err: unknown): boolean {
  if (!(err instanceof ApiError) || alreadyPosted(err)) return false;
  const m = /\(HTTP (4\d\d)\)/.exec(err.detail);
  return m !== null && !['401', '408', '429'].includes(m[1]!);
}

/** The engine already has an event with this origin and custom id: an earlier post went through. */
function alreadyPosted(err: unknown): boolean {
  return err instanceof ApiError && /already exists/i.test(err.detail);
}
