// Every geo-replication action leaves two traces: an engine Event (POST api/events, by the service
// account when one is configured, else as the user; it names the user and shows in WebAdmin's
// Events with the cluster) and a service log line naming the user. The texts
// follow oVirt's own audit-log messages for these actions (AuditLogMessages.properties). An event
// that cannot be posted is logged as a warning and never fails the action.
import { randomInt } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { SessionKey } from '../src/georep/types';
import type { Principal } from './auth';
import type { EngineClient, EngineCluster } from './engine';

/** The origin of every event this service posts. */
export const EVENT_ORIGIN = 'gluster-georep';

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
  | 'remove_provisioned_volume';

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
  note?: string;
}

/** `[user@]host::volume`, as Gluster names a secondary. */
export function secondaryUrl(key: SessionKey): string {
  const user = key.secondary_user && key.secondary_user !== 'root' ? `${key.secondary_user}@` : '';
  return `${user}${key.secondary_host}::${key.secondary_volume}`;
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
        ? `Configuration ${e.option?.name} has been set to ${e.option?.value} on the ${session}${by}.`
        : `Failed to set the configuration ${e.option?.name} to ${e.option?.value} on the ${session}${by}${why}`;
    case 'config_reset':
      return e.ok
        ? `Configuration ${e.option?.name} of the ${session} has been reset to its default value${by}.`
        : `Failed to reset the configuration ${e.option?.name} of the ${session} to its default value${by}${why}`;
    case 'checkpoint':
      return e.ok
        ? `A checkpoint has been set on the ${session}${by}.`
        : `Failed to set a checkpoint on the ${session}${by}${why}`;
    case 'provision_volume': {
      const v = e.volume ?? { name: e.key.secondary_volume, host: e.key.secondary_host, path: '?' };
      return e.ok
        ? `Gluster volume ${v.name} has been provisioned on ${v.host}:${v.path} (one brick, started) as the secondary of a geo-replication session from volume ${vol} of cluster ${cl}${by}.${note}`
        : `Failed to provision Gluster volume ${v.name} on ${v.host}:${v.path} for a geo-replication session from volume ${vol} of cluster ${cl}${by}${why}${note}`;
    }
    case 'remove_provisioned_volume': {
      const v = e.volume ?? { name: e.key.secondary_volume, host: e.key.secondary_host, path: '?' };
      return e.ok
        ? `Gluster volume ${v.name} on ${v.host}, provisioned for the ${session}, has been stopped and deleted${by}. The data in ${v.host}:${v.path} was kept.${note}`
        : `Failed to remove Gluster volume ${v.name} on ${v.host}, provisioned for the ${session}${by}${why}${note}`;
    }
  }
}

export class Audit {
  /** custom_id must be unique per origin: a random start per process, then counting up. */
  private next = randomInt(1, 2 ** 30);

  /**
   * @param eventsToken the service account's token for posting events (see serviceAccount.ts);
   *   without it, events are posted as the acting user, which needs `inject_external_events`.
   */
  constructor(
    private readonly engine: EngineClient,
    private readonly eventsToken?: () => Promise<string | null>,
  ) {}

  /** Log the action and post its event; never throws. */
  async record(p: Principal, e: AuditEntry, log: FastifyBaseLogger): Promise<void> {
    const user = p.user.user_name;
    const description = describe(e, user);
    const fields = {
      user,
      action: e.action,
      cluster: e.cluster.name,
      primary_volume: e.key.primary_volume,
      secondary: secondaryUrl(e.key),
      ok: e.ok,
    };
    if (e.ok) log.info(fields, description);
    else log.warn(fields, description);
    const custom_id = this.next;
    this.next = this.next >= 2 ** 31 - 1 ? 1 : this.next + 1;
    try {
      const token = (await this.eventsToken?.()) ?? p.token;
      await this.engine.postEvent(token, {
        description: description.length > 4000 ? `${description.slice(0, 3997)}...` : description,
        severity: e.ok ? 'normal' : 'error',
        origin: EVENT_ORIGIN,
        custom_id,
        cluster_id: e.cluster.id,
      });
    } catch (err) {
      log.warn(
        { user, action: e.action, err: err instanceof Error ? err.message : String(err) },
        'Could not post the engine event for this action',
      );
    }
  }
}
