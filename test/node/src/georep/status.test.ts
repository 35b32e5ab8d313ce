import {
  assignReplicaSets,
  buildSession,
  canonicalSessionKey,
  lagSeconds,
  layoutFromVolume,
  parseSessionId,
  replicaSetState,
  rollUpStatus,
  sameSession,
  sessionCheckpoint,
  sessionId,
  sessionLastSynced,
  type WorkerReport,
} from '../../../../src/georep/status';
import type { SessionKey, WorkerStatus } from '../../../../src/georep/types';
import { checkCliResult, parseGeoRepStatus, parseVolumeInfo } from '../../../../server/gluster/xml';
import { fixture } from '../../../support/gluster-fixtures';

function w(status: WorkerStatus, brick: string, more: Partial<WorkerReport> = {}): WorkerReport {
  return {
    primary_node: more.primary_node ?? 'n1',
    primary_node_uuid: null,
    primary_brick: brick,
    secondary_user: 'root',
    secondary_node: null,
    status,
    crawl_status: status === 'Active' ? 'Changelog Crawl' : null,
    last_synced: null,
    entry_pending: null,
    data_pending: null,
    meta_pending: null,
    failures: null,
    checkpoint_time: null,
    checkpoint_completed: null,
    checkpoint_completion_time: null,
    ...more,
  };
}

/** Workers of replica sets given as lists of statuses: [['Active','Passive'], ['Faulty','Faulty']]. */
function sets(...groups: WorkerStatus[][]) {
  return groups.flatMap((g, i) => g.map((status) => ({ status, replica_set: i })));
}

describe('rollUpStatus', () => {
  it.each<[string, ReturnType<typeof sets>, string]>([
    ['no workers', [], 'Unknown'],
    ['all Created', sets(['Created', 'Created']), 'Created'],
    ['all Stopped', sets(['Stopped'], ['Stopped']), 'Stopped'],
    ['all Paused', sets(['Paused', 'Paused']), 'Paused'],
    ['Paused with a node down', sets(['Paused', 'Offline']), 'Paused'],
    ['every node down', sets(['Offline'], ['Offline']), 'Offline'],
    ['one Active per set', sets(['Active', 'Passive'], ['Passive', 'Active']), 'Active'],
    ['distribute, all Active', sets(['Active'], ['Active'], ['Active']), 'Active'],
    [
      'Active beside a Faulty in the same set (oVirt says healthy; the set lost its failover)',
      sets(['Active', 'Faulty']),
      'PartiallyFaulty',
    ],
    ['every set Faulty', sets(['Faulty', 'Faulty'], ['Faulty', 'Passive']), 'Faulty'],
    [
      'a set with no Active worker and a Faulty one, others Active: that part is not replicated',
      sets(['Active', 'Passive'], ['Faulty', 'Faulty']),
      'Faulty',
    ],
    [
      'a set whose nodes are all down while others run: that part is not replicated',
      sets(['Active', 'Passive'], ['Offline', 'Offline']),
      'Faulty',
    ],
    [
      'a Faulty worker in every set, each beside an Active one',
      sets(['Active', 'Faulty'], ['Faulty', 'Active']),
      'PartiallyFaulty',
    ],
    ['Faulty and Offline sets only', sets(['Faulty'], ['Offline']), 'Faulty'],
    [
      'still starting',
      sets(['Initializing', 'Initializing'], ['Active', 'Passive']),
      'Initializing',
    ],
    ['starting with one node down in a set', sets(['Initializing', 'Offline']), 'Initializing'],
    ['no set has an Active worker yet', sets(['Passive', 'Passive'], ['Passive']), 'Passive'],
    [
      'one set all Passive, others Active',
      sets(['Active', 'Passive'], ['Passive', 'Passive']),
      'Active',
    ],
    ['a Faulty set beside an Initializing one', sets(['Faulty'], ['Initializing']), 'Faulty'],
  ])('%s -> %s', (_what, workers, want) => {
    expect(rollUpStatus(workers)).toBe(want);
  });

  it('replicaSetState', () => {
    expect(replicaSetState(['Passive', 'Active'])).toBe('active');
    expect(replicaSetState(['Passive', 'Faulty'])).toBe('faulty');
    expect(replicaSetState(['Offline', 'Offline'])).toBe('offline');
    expect(replicaSetState(['Stopped', 'Offline'])).toBe('idle');
  });
});

describe('assignReplicaSets', () => {
  const layout = {
    subvolume_size: 2,
    bricks: [
      { host: 'n1', path: '/b1', host_uuid: 'u1' },
      { host: 'n2', path: '/b1', host_uuid: 'u2' },
      { host: 'n1', path: '/b2', host_uuid: 'u1' },
      { host: 'n2', path: '/b2', host_uuid: 'u2' },
    ],
  };

  it('follows the brick order of volume info, whatever order status printed', () => {
    const got = assignReplicaSets(
      [
        w('Passive', '/b2', { primary_node: 'n2', primary_node_uuid: 'u2' }),
        w('Active', '/b1', { primary_node: 'n1', primary_node_uuid: 'u1' }),
        w('Active', '/b2', { primary_node: 'n1', primary_node_uuid: 'u1' }),
        w('Passive', '/b1', { primary_node: 'n2', primary_node_uuid: 'u2' }),
      ],
      layout,
    );
    expect(got.map((x) => [x.primary_node, x.primary_brick, x.replica_set, x.status])).toEqual([
      ['n1', '/b1', 0, 'Active'],
      ['n2', '/b1', 0, 'Passive'],
      ['n1', '/b2', 1, 'Active'],
      ['n2', '/b2', 1, 'Passive'],
    ]);
  });

  it('adds an Offline worker for a brick with no row', () => {
    const got = assignReplicaSets(
      [
        w('Active', '/b1', { primary_node: 'n1' }),
        w('Faulty', '/b2', { primary_node: 'n1', secondary_user: 'geo' }),
      ],
      layout,
    );
    expect(got.map((x) => [x.primary_node, x.primary_brick, x.replica_set, x.status])).toEqual([
      ['n1', '/b1', 0, 'Active'],
      ['n2', '/b1', 0, 'Offline'],
      ['n1', '/b2', 1, 'Faulty'],
      ['n2', '/b2', 1, 'Offline'],
    ]);
    expect(got[1]).toMatchObject({
      primary_node_uuid: 'u2',
      secondary_node: null,
      crawl_status: null,
      checkpoint: null,
      last_synced: null,
    });
    // set 1 has no Active worker (its Faulty one and a node down): Faulty
    expect(rollUpStatus(got)).toBe('Faulty');
  });

  it('keeps rows that match no brick, and works without a layout', () => {
    const got = assignReplicaSets([w('Active', '/b1'), w('Active', '/elsewhere')], {
      subvolume_size: 1,
      bricks: [{ host: 'n1', path: '/b1' }],
    });
    expect(got.map((x) => [x.primary_brick, x.replica_set])).toEqual([
      ['/b1', 0],
      ['/elsewhere', 1],
    ]);
    expect(
      assignReplicaSets([w('Active', '/a'), w('Passive', '/b')]).map((x) => x.replica_set),
    ).toEqual([0, 1]);
  });

  it('layoutFromVolume: replica sets, disperse sets, or single bricks', () => {
    const bricks = [{ host: 'a', path: '/x' }];
    expect(layoutFromVolume({ bricks, replica_count: 3, disperse_count: 0 }).subvolume_size).toBe(
      3,
    );
    expect(layoutFromVolume({ bricks, replica_count: 1, disperse_count: 6 }).subvolume_size).toBe(
      6,
    );
    expect(layoutFromVolume({ bricks, replica_count: 1 }).subvolume_size).toBe(1);
  });

  it('works with the real fixtures (volume info + status)', () => {
    const vol = parseVolumeInfo(checkCliResult([], fixture('volume-info-master.xml')))[0]!;
    const s = parseGeoRepStatus(checkCliResult([], fixture('georep-status-detail-active.xml')))[0]!;
    const got = assignReplicaSets(s.workers, layoutFromVolume(vol));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      replica_set: 0,
      status: 'Active',
      checkpoint: { time: '2026-11-24T23:42:04.000Z', completed: true },
    });
  });
});

describe('last_synced, lag and checkpoint', () => {
  const t = (s: string) => `2026-11-24T23:${s}.000Z`;

  it('last_synced is the oldest over the Active workers', () => {
    expect(
      sessionLastSynced([
        { status: 'Active', last_synced: t('42:05') },
        { status: 'Active', last_synced: t('40:00') },
        { status: 'Passive', last_synced: t('10:00') },
        { status: 'Faulty', last_synced: null },
      ]),
    ).toBe(t('40:00'));
    expect(sessionLastSynced([{ status: 'Passive', last_synced: t('10:00') }])).toBeNull();
    expect(
      sessionLastSynced([
        { status: 'Active', last_synced: null },
        { status: 'Active', last_synced: t('10:00') },
      ]),
    ).toBeNull();
  });

  it('lag is whole seconds to read_at, never negative', () => {
    expect(lagSeconds(t('40:00'), t('42:05'))).toBe(125);
    expect(lagSeconds(t('40:00'), new Date(t('40:00')))).toBe(0);
    expect(lagSeconds(t('42:00'), t('40:00'))).toBe(0);
    expect(lagSeconds(null, t('40:00'))).toBeNull();
  });

  it('checkpoint: set when an Active worker has one, completed when all Active workers did', () => {
    const cp = (completed: boolean, at: string | null) => ({
      time: t('30:00'),
      completed,
      completion_time: at,
    });
    expect(sessionCheckpoint([{ status: 'Active', checkpoint: null }])).toBeNull();
    expect(sessionCheckpoint([{ status: 'Passive', checkpoint: cp(true, t('31:00')) }])).toBeNull();
    expect(
      sessionCheckpoint([
        { status: 'Active', checkpoint: cp(true, t('31:00')) },
        { status: 'Active', checkpoint: cp(true, t('33:00')) },
        { status: 'Passive', checkpoint: null },
      ]),
    ).toEqual({ time: t('30:00'), completed: true, completion_time: t('33:00') });
    expect(
      sessionCheckpoint([
        { status: 'Active', checkpoint: cp(true, t('31:00')) },
        { status: 'Active', checkpoint: cp(false, null) },
      ]),
    ).toEqual({ time: t('30:00'), completed: false, completion_time: null });
    expect(
      sessionCheckpoint([
        { status: 'Active', checkpoint: cp(true, t('31:00')) },
        { status: 'Active', checkpoint: null },
      ]),
    ).toEqual({ time: t('30:00'), completed: false, completion_time: null });
  });

  it('buildSession from the real fixture', () => {
    const s = parseGeoRepStatus(checkCliResult([], fixture('georep-status-detail-active.xml')))[0]!;
    const got = buildSession({
      key: s.key,
      cluster_id: 'c1',
      workers: s.workers,
      read_at: '2026-11-24T23:43:05.000Z',
    });
    expect(got).toMatchObject({
      id: sessionId(s.key),
      cluster_id: 'c1',
      primary_volume: 'master',
      secondary_host: 'vm',
      secondary_volume: 'slave',
      secondary_user: 'root',
      status: 'Active',
      last_synced: '2026-11-24T23:42:05.000Z',
      lag_seconds: 60,
      checkpoint: {
        time: '2026-11-24T23:42:04.000Z',
        completed: true,
        completion_time: '2026-11-24T23:42:08.000Z',
      },
      read_at: '2026-11-24T23:43:05.000Z',
    });
    const stopped = parseGeoRepStatus(
      checkCliResult([], fixture('georep-status-detail-stopped.xml')),
    )[0]!;
    expect(
      buildSession({
        key: stopped.key,
        cluster_id: 'c1',
        workers: stopped.workers,
        read_at: new Date(),
      }),
    ).toMatchObject({
      status: 'Stopped',
      last_synced: null,
      lag_seconds: null,
      checkpoint: null,
    });
  });
});

describe('session ids', () => {
  const keys: SessionKey[] = [
    {
      primary_volume: 'master',
      secondary_host: 'vm',
      secondary_volume: 'slave',
      secondary_user: 'root',
    },
    {
      primary_volume: 'georep-primary',
      secondary_host: 'backup.remote.example',
      secondary_volume: 'dr_1',
      secondary_user: 'geoaccount',
    },
    {
      primary_volume: 'A'.repeat(100),
      secondary_host: '10.0.0.5',
      secondary_volume: 'B-b_9',
      secondary_user: '_svc.x',
    },
  ];

  it.each(keys)('round-trips %j and is URL-safe', (k) => {
    const id = sessionId(k);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(id)).toBe(id);
    expect(parseSessionId(id)).toEqual(k);
  });

  it('is stable, distinct per session, and case-insensitive in the host', () => {
    expect(sessionId(keys[0]!)).toBe(sessionId({ ...keys[0]! }));
    expect(sessionId(keys[0]!)).toBe('bWFzdGVyL3Jvb3RAdm06OnNsYXZl');
    expect(new Set(keys.map(sessionId)).size).toBe(keys.length);
    expect(sessionId({ ...keys[0]!, secondary_host: 'VM' })).toBe(sessionId(keys[0]!));
    expect(sameSession({ ...keys[0]!, secondary_host: 'VM' }, keys[0]!)).toBe(true);
    expect(canonicalSessionKey(keys[1]!)).toBe(
      'georep-primary/geoaccount@backup.remote.example::dr_1',
    );
  });

  it.each([
    '',
    'not base64!',
    '%%%',
    'Zm9v',
    btoa('a/root@h::v;rm').replace(/=+$/, ''),
    btoa('a/root@h::../x'),
    'x'.repeat(2000),
  ])('refuses %j', (id) => {
    expect(parseSessionId(id)).toBeNull();
  });

  it('refuses a non-canonical spelling of a valid key (one id per session)', () => {
    const upper = btoa('master/root@VM::slave').replace(/=+$/, '');
    expect(parseSessionId(upper)).toBeNull();
    const padded = btoa('master/root@vm::slave2');
    expect(padded.endsWith('=')).toBe(true);
    expect(parseSessionId(padded)).toBeNull();
    expect(parseSessionId(padded.replace(/=+$/, ''))).toMatchObject({ secondary_volume: 'slave2' });
  });
});
