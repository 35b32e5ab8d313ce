// Synthetic session lists for scale tests and the tab benchmark: the shape the service returns.
import type { GeoRepSession, SessionStatus } from '../../src/georep/types';

const STATUSES: SessionStatus[] = [
  'Active',
  'Active',
  'Active',
  'Passive',
  'Paused',
  'Stopped',
  'Created',
  'PartiallyFaulty',
  'Faulty',
];

export function syntheticSessions(
  count: number,
  clusterId: string,
  now = Date.now(),
): GeoRepSession[] {
  const out: GeoRepSession[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(5, '0');
    const status = STATUSES[i % STATUSES.length]!;
    const running = ['Active', 'Passive', 'PartiallyFaulty', 'Faulty'].includes(status);
    const synced = running ? new Date(now - (i % 600) * 1000).toISOString() : null;
    out.push({
      id: `synthetic-${n}`,
      cluster_id: clusterId,
      primary_volume: `vol-${n}`,
      secondary_host: `dr${i % 7}.remote.example`,
      secondary_volume: `vol-${n}-dr`,
      secondary_user: i % 11 === 0 ? 'geoaccount' : 'root',
      status,
      workers: [
        {
          primary_node: 'gprod1.lab.example',
          primary_node_uuid: null,
          primary_brick: `/gluster_bricks/vol-${n}/brick1`,
          replica_set: 0,
          secondary_user: 'root',
          secondary_node: running ? `dr${i % 7}.remote.example` : null,
          status: running
            ? status === 'Passive'
              ? 'Passive'
              : 'Active'
            : status === 'Paused'
              ? 'Paused'
              : status === 'Created'
                ? 'Created'
                : 'Stopped',
          crawl_status: running ? 'Changelog Crawl' : null,
          last_synced: synced,
          entry_pending: running ? i % 5 : null,
          data_pending: running ? i % 3 : null,
          meta_pending: running ? 0 : null,
          failures: running ? 0 : null,
          checkpoint: null,
        },
      ],
      last_synced: synced,
      sync_point: synced
        ? { time: synced, source: 'live', as_of: null }
        : { time: null, source: status === 'Created' ? 'never' : 'unknown', as_of: null },
      lag_seconds: running ? i % 600 : null,
      checkpoint: null,
      read_at: new Date(now).toISOString(),
    });
  }
  return out;
}
