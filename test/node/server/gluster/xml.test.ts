import { GlusterCommandError } from '../../../../server/gluster/types';
import {
  checkCliResult,
  glusterTimeToIso,
  GlusterNotFoundError,
  GlusterOutputError,
  isNoSessionStatus,
  normaliseCrawl,
  normaliseWorkerStatus,
  parseCliXml,
  parseGeoRepConfig,
  parseGeoRepStatus,
  parsePeerStatus,
  parseSessionSecondary,
  parseVolumeInfo,
  plainMessage,
  splitBrickName,
} from '../../../../server/gluster/xml';
import { allXmlFixtures, fixture, toPre10, type Fixture } from '../../../support/gluster-fixtures';

const argv = [
  '--mode=script',
  '--xml',
  'volume',
  'geo-replication',
  'master',
  'vm::slave',
  'status',
  'detail',
];

function statusOf(f: Pick<Fixture, 'stdout' | 'stderr' | 'code'>) {
  return parseGeoRepStatus(checkCliResult(argv, f));
}

const ACTIVE_WORKER = {
  primary_node: 'vm',
  primary_node_uuid: '9f6149d9-665d-4c6a-89eb-34bbf1cbdd74',
  primary_brick: '/srv/georep-bricks/master',
  secondary_user: 'root',
  secondary_node: null,
  status: 'Active',
  crawl_status: 'Changelog Crawl',
  last_synced: '2026-11-24T23:42:05.000Z',
  entry_pending: 0,
  data_pending: 0,
  meta_pending: 0,
  failures: 0,
  checkpoint_time: '2026-11-24T23:42:04.000Z',
  checkpoint_completed: true,
  checkpoint_completion_time: '2026-11-24T23:42:08.000Z',
};

const IDLE_WORKER = (status: string) => ({
  ...ACTIVE_WORKER,
  status,
  crawl_status: null,
  last_synced: null,
  entry_pending: null,
  data_pending: null,
  meta_pending: null,
  failures: null,
  checkpoint_time: null,
  checkpoint_completed: null,
  checkpoint_completion_time: null,
});

const MASTER_SLAVE = {
  primary_volume: 'master',
  secondary_host: 'vm',
  secondary_volume: 'slave',
  secondary_user: 'root',
};

// What each real fixture must parse to. Every fixture in the directory must be listed here.
const EXPECT: Record<string, (f: Fixture) => void> = {
  'georep-status-active.xml': (f) =>
    expect(statusOf(f)).toEqual([
      {
        key: MASTER_SLAVE,
        session_secondary: expect.stringContaining('ssh://vm::slave') as unknown,
        workers: [ACTIVE_WORKER],
      },
    ]),
  'georep-status-after-restart.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([ACTIVE_WORKER]),
  'georep-status-all.xml': (f) => {
    // all-sessions status: opErrstr "primary not found" with opRet 0 is not an error; secondary spelled ssh://vm::slave
    const s = statusOf(f);
    expect(s).toHaveLength(1);
    expect(s[0]!.key).toEqual(MASTER_SLAVE);
    expect(s[0]!.workers).toEqual([ACTIVE_WORKER]);
  },
  'georep-status-all-detail.xml': (f) => expect(statusOf(f)[0]!.workers).toEqual([ACTIVE_WORKER]),
  'georep-status-volume.xml': (f) => expect(statusOf(f)[0]!.key).toEqual(MASTER_SLAVE),
  'georep-status-trailing-xml.xml': (f) => expect(statusOf(f)[0]!.workers).toEqual([ACTIVE_WORKER]),
  'georep-status-detail-active.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([ACTIVE_WORKER]),
  'georep-status-detail-trailing-xml.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([ACTIVE_WORKER]),
  'georep-status-created.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([IDLE_WORKER('Created')]),
  'georep-status-detail-created.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([IDLE_WORKER('Created')]),
  'georep-status-paused.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([IDLE_WORKER('Paused')]),
  'georep-status-detail-paused.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([IDLE_WORKER('Paused')]),
  'georep-status-stopped.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([IDLE_WORKER('Stopped')]),
  'georep-status-detail-stopped.xml': (f) =>
    expect(statusOf(f)[0]!.workers).toEqual([IDLE_WORKER('Stopped')]),
  'georep-status-all-none.xml': (f) => {
    expect(f.code).toBe(2);
    expect(isNoSessionStatus(f)).toBe(true);
  },
  'georep-status-deleted-session.xml': (f) => expect(isNoSessionStatus(f)).toBe(true),
  'georep-status-nonexistent-session.xml': (f) => expect(isNoSessionStatus(f)).toBe(true),
  'georep-config.xml': (f) => {
    const c = parseGeoRepConfig(checkCliResult(argv, f));
    expect(Object.keys(c)).toHaveLength(67);
    expect(c['sync-jobs']).toBe('3');
    expect(c['sync-method']).toBe('tarssh');
    expect(c['ssh-port']).toBe('22');
    expect(c['allow-network']).toBe('');
    expect(c['checkpoint']).toBe('1795563724');
    expect(c['ssh-options']).toBe(
      '-oPasswordAuthentication=no -oStrictHostKeyChecking=no -i /var/lib/glusterd/geo-replication/secret.pem',
    );
    expect(c['changelog-log-file']).toBe(
      '/var/log/glusterfs/geo-replication/master_vm_slave/changes-${local_id}.log',
    );
    expect(Object.keys(c).every((k) => !k.includes('_'))).toBe(true);
  },
  'georep-config-trailing-xml.xml': (f) =>
    expect(parseGeoRepConfig(checkCliResult(argv, f))).toEqual(
      parseGeoRepConfig(checkCliResult(argv, fixture('georep-config.xml'))),
    ),
  'georep-config-get-sync-jobs.xml': (f) =>
    expect(parseGeoRepConfig(checkCliResult(argv, f))).toEqual({}),
  'georep-create-invalid-url.xml': (f) => {
    expect(f.code).toBe(1);
    expect(() => checkCliResult(argv, f)).toThrow(
      new GlusterCommandError(argv, -1, 0, 'Invalid secondary url: vm:/srv/dir'),
    );
  },
  'georep-delete-while-running.xml': (f) => {
    const e = catchErr(() => checkCliResult(argv, f));
    expect(e).toBeInstanceOf(GlusterCommandError);
    expect(e).not.toBeInstanceOf(GlusterNotFoundError);
    expect(e).toMatchObject({
      opRet: -1,
      opErrno: 30800,
      glusterMessage:
        'geo-replication session between master & vm::slave is still active. Please stop the session and retry.',
    });
  },
  'georep-pause-again.xml': (f) =>
    expect(catchErr(() => checkCliResult(argv, f))).toMatchObject({
      name: 'GlusterCommandError',
      opRet: 1,
      opErrno: 30800,
      message: 'Geo-replication session between master and vm::slave already Paused.',
    }),
  'georep-stop-again.xml': (f) =>
    expect(checkCliResult(argv, f).opErrstr).toBe('geo-replication is not set up'),
  'georep-delete.xml': (f) => expect(checkCliResult(argv, f).opErrstr).toBe('delete successful'),
  'georep-pause.xml': ok,
  'georep-resume.xml': ok,
  'georep-start.xml': ok,
  'georep-stop.xml': ok,
  'georep-stop-force.xml': ok,
  'peer-status.xml': (f) => expect(parsePeerStatus(checkCliResult(argv, f))).toEqual([]),
  'pool-list.xml': (f) =>
    expect(parsePeerStatus(checkCliResult(argv, f))).toEqual([
      {
        uuid: '9f6149d9-665d-4c6a-89eb-34bbf1cbdd74',
        hostname: 'localhost',
        connected: true,
        state: '',
      },
    ]),
  'volume-info.xml': (f) => {
    const v = parseVolumeInfo(checkCliResult(argv, f));
    expect(v.map((x) => x.name)).toEqual(['master', 'slave']);
    expect(v[1]!.options['features.read-only']).toBe('on');
  },
  'volume-info-master.xml': (f) =>
    expect(parseVolumeInfo(checkCliResult(argv, f))).toEqual([
      {
        name: 'master',
        id: 'ea865153-fdfc-46fc-a2cd-20becc91146d',
        status: 'Started',
        type: 'Distribute',
        replica_count: 1,
        disperse_count: 0,
        brick_count: 1,
        bricks: [
          {
            name: 'vm:/srv/georep-bricks/master',
            host: 'vm',
            path: '/srv/georep-bricks/master',
            host_uuid: '9f6149d9-665d-4c6a-89eb-34bbf1cbdd74',
          },
        ],
        options: expect.objectContaining({
          'changelog.changelog': 'on',
          'geo-replication.indexing': 'on',
        }) as unknown,
      },
    ]),
  'volume-list.xml': ok,
  'volume-status.xml': ok,
  'volume-status-all-detail.xml': ok,
  'volume-status-master.xml': ok,
  'extra/georep-status-all-two-sessions.xml': (f) => {
    const s = statusOf(f);
    expect(s.map((x) => x.key)).toEqual([
      MASTER_SLAVE,
      {
        primary_volume: 'master',
        secondary_host: 'vm',
        secondary_volume: 'slave2',
        secondary_user: 'geoaccount',
      },
    ]);
    expect(s[1]!.workers[0]!).toMatchObject({
      secondary_user: 'geoaccount',
      crawl_status: 'History Crawl',
      checkpoint_time: null,
    });
  },
  'extra/georep-status-detail-checkpoint.xml': (f) =>
    expect(statusOf(f)[0]!.workers[0]).toMatchObject({
      checkpoint_time: '2026-11-24T23:05:25.000Z',
      checkpoint_completed: false,
      checkpoint_completion_time: null,
    }),
  'extra/georep-status-detail-checkpoint-completed.xml': (f) =>
    expect(statusOf(f)[0]!.workers[0]).toMatchObject({
      checkpoint_time: '2026-11-24T23:05:25.000Z',
      checkpoint_completed: true,
      checkpoint_completion_time: '2026-11-24T23:07:01.000Z',
      crawl_status: 'History Crawl',
    }),
  'extra/georep-status-detail-mountbroker.xml': (f) =>
    expect(statusOf(f)[0]!.key).toEqual({
      primary_volume: 'master',
      secondary_host: 'vm',
      secondary_volume: 'slave2',
      secondary_user: 'geoaccount',
    }),
};

function ok(f: Fixture): void {
  expect(checkCliResult(argv, f).opRet).toBe(0);
}

function catchErr(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('every real Gluster 10.3 fixture', () => {
  it('has an expectation here', () => {
    expect(allXmlFixtures().filter((n) => !(n in EXPECT))).toEqual([]);
  });
  it.each(allXmlFixtures())('%s', (name) => {
    EXPECT[name]!(fixture(name));
  });
});

describe('pre-10 spelling (master/slave)', () => {
  const statusFixtures = allXmlFixtures().filter(
    (n) => /georep-status/.test(n) && fixture(n).stdout.includes('<cliOutput'),
  );

  it('the renaming really produces old tags', () => {
    const old = toPre10(fixture('georep-status-detail-active.xml').stdout);
    for (const tag of [
      'session_slave',
      'master_node',
      'master_brick',
      'slave_user',
      'slave',
      'slave_node',
      'master_node_uuid',
    ]) {
      expect(old).toContain(`<${tag}>`.replace('<slave_node>', '<slave_node'));
    }
    expect(old).not.toMatch(/primary_|secondary/);
  });

  it.each(statusFixtures)('%s parses to the same sessions', (name) => {
    const f = fixture(name);
    expect(statusOf({ ...f, stdout: toPre10(f.stdout) })).toEqual(statusOf(f));
  });

  it('action results with <master>/<slave> still parse', () => {
    const f = fixture('georep-pause-again.xml');
    expect(() => checkCliResult(argv, { ...f, stdout: toPre10(f.stdout) })).toThrow(
      'already Paused',
    );
  });

  it('prefers the *_utc time fields old releases also printed', () => {
    const xml = toPre10(fixture('georep-status-detail-active.xml').stdout).replace(
      '<last_synced>2026-11-24 23:42:05</last_synced>',
      '<last_synced>2026-11-25 00:42:05</last_synced><last_synced_utc>2026-11-24 23:42:05</last_synced_utc>',
    );
    expect(statusOf({ stdout: xml, stderr: '', code: 0 })[0]!.workers[0]!.last_synced).toBe(
      '2026-11-24T23:42:05.000Z',
    );
  });
});

describe('status details', () => {
  it('normalises Initializing... and unknown statuses', () => {
    const xml = fixture('georep-status-detail-created.xml').stdout.replace(
      '<status>Created</status>',
      '<status>Initializing...</status>',
    );
    expect(statusOf({ stdout: xml, stderr: '', code: 0 })[0]!.workers[0]!.status).toBe(
      'Initializing',
    );
    expect(normaliseWorkerStatus('Initializing...')).toBe('Initializing');
    expect(normaliseWorkerStatus('Faulty')).toBe('Faulty');
    expect(normaliseWorkerStatus('Not Started')).toBe('Created');
    expect(normaliseWorkerStatus('something new')).toBe('Faulty');
    expect(normaliseCrawl('N/A')).toBeNull();
    expect(normaliseCrawl('Hybrid Crawl')).toBe('Hybrid Crawl');
  });

  it('reads several pairs (bricks) of one session in order', () => {
    const one = fixture('georep-status-detail-active.xml').stdout;
    const pair = /<pair>[\s\S]*<\/pair>/.exec(one)![0];
    const second = pair
      .replace('/srv/georep-bricks/master', '/srv/b2')
      .replace('<status>Active</status>', '<status>Passive</status>')
      .replace('<secondary_node/>', '<secondary_node>vm2</secondary_node>');
    const xml = one.replace(pair, pair + second);
    const w = statusOf({ stdout: xml, stderr: '', code: 0 })[0]!.workers;
    expect(w.map((x) => [x.primary_brick, x.status, x.secondary_node])).toEqual([
      ['/srv/georep-bricks/master', 'Active', null],
      ['/srv/b2', 'Passive', 'vm2'],
    ]);
  });

  it('times: UTC text, Unix seconds, N/A', () => {
    expect(glusterTimeToIso('2026-11-24 23:42:05')).toBe('2026-11-24T23:42:05.000Z');
    expect(glusterTimeToIso('1795563724')).toBe('2026-11-24T23:42:04.000Z');
    expect(glusterTimeToIso('2026-11-24T23:42:05+01:00')).toBe('2026-11-24T22:42:05.000Z');
    expect(glusterTimeToIso('N/A')).toBeNull();
    expect(glusterTimeToIso('')).toBeNull();
    expect(glusterTimeToIso('0')).toBeNull();
    expect(glusterTimeToIso('yesterday')).toBeNull();
  });

  it('secondary spellings: ssh://host::vol, host::vol, user@host::vol', () => {
    expect(
      parseSessionSecondary(
        '9f6149d9-665d-4c6a-89eb-34bbf1cbdd74:ssh://vm::slave:cdad591d-c2c0-4b7f-a800-11927c43f210',
      ),
    ).toEqual({
      primary_uuid: '9f6149d9-665d-4c6a-89eb-34bbf1cbdd74',
      secondary_uuid: 'cdad591d-c2c0-4b7f-a800-11927c43f210',
      host: 'vm',
      volume: 'slave',
      user: 'root',
    });
    expect(parseSessionSecondary('ssh://geo@h.example.com::v2')).toMatchObject({
      host: 'h.example.com',
      volume: 'v2',
      user: 'geo',
    });
    expect(parseSessionSecondary('10.0.0.5::v')).toMatchObject({
      host: '10.0.0.5',
      volume: 'v',
      user: 'root',
    });
    expect(parseSessionSecondary('vm:/srv/dir')).toBeNull();
  });

  it('falls back to the pair secondary when session_secondary is unreadable', () => {
    const xml = fixture('georep-status-volume.xml').stdout.replace(
      /<session_secondary>[^<]*<\/session_secondary>/,
      '<session_secondary>?</session_secondary>',
    );
    expect(statusOf({ stdout: xml, stderr: '', code: 0 })[0]!.key).toEqual(MASTER_SLAVE);
  });

  it('a volume with an empty sessions element has no session', () => {
    const xml =
      '<cliOutput><opRet>0</opRet><opErrno>0</opErrno><opErrstr/><geoRep><volume><name>v</name><sessions/></volume></geoRep></cliOutput>';
    expect(statusOf({ stdout: xml, stderr: '', code: 0 })).toEqual([]);
  });
});

describe('errors', () => {
  it('opRet wins over the exit code', () => {
    const f = fixture('georep-pause-again.xml');
    expect(f.code).toBe(0);
    expect(() => checkCliResult(argv, f)).toThrow(GlusterCommandError);
  });

  it('"does not exist" is a not-found', () => {
    const xml =
      '<?xml version="1.0"?><cliOutput><opRet>-1</opRet><opErrno>30800</opErrno><opErrstr>Geo-replication session between p and vm::s does not exist.</opErrstr><geoRep/></cliOutput>';
    expect(
      catchErr(() => checkCliResult(argv, { stdout: xml, stderr: '', code: 0 })),
    ).toBeInstanceOf(GlusterNotFoundError);
    const vol =
      '<cliOutput><opRet>-1</opRet><opErrno>30806</opErrno><opErrstr>Volume does not exist</opErrstr><volInfo><volumes><count>0</count></volumes></volInfo></cliOutput>';
    expect(
      catchErr(() => checkCliResult(argv, { stdout: vol, stderr: '', code: 0 })),
    ).toBeInstanceOf(GlusterNotFoundError);
  });

  it('non-XML failures carry Gluster text without the usage that follows it', () => {
    const res = {
      stdout: '',
      stderr:
        'Invalid Checkpoint label. Use format "Y-m-d H:M:S", Example: 2016-10-25 15:30:45\nUsage:\nvolume geo-replication ...\n',
      code: 1,
    };
    expect(plainMessage(res)).toBe(
      'Invalid Checkpoint label. Use format "Y-m-d H:M:S", Example: 2016-10-25 15:30:45',
    );
    expect(catchErr(() => checkCliResult(argv, res))).toMatchObject({
      opRet: -1,
      glusterMessage: plainMessage(res),
    });
  });

  it('stderr is preferred to stdout', () => {
    const res = {
      stdout: 'geo-replication command failed\n',
      stderr: 'Geo-replication session between a and vm::b is not Paused.',
      code: 255,
    };
    expect(catchErr(() => checkCliResult(argv, res)).message).toBe(
      'Geo-replication session between a and vm::b is not Paused.',
    );
  });

  it('text where XML was expected is an output error, unless allowed', () => {
    const res = {
      stdout:
        'Common secret pub file present at /var/lib/glusterd/geo-replication/common_secret.pem.pub\n',
      stderr: '',
      code: 0,
    };
    expect(catchErr(() => checkCliResult(argv, res))).toBeInstanceOf(GlusterOutputError);
    expect(checkCliResult(argv, res, { textOk: true }).opRet).toBe(0);
    expect(
      catchErr(() => checkCliResult(argv, { stdout: '', stderr: '', code: 0 })),
    ).toBeInstanceOf(GlusterOutputError);
  });

  it('is not fooled by "geo-replication command failed" with exit code 0 or inside XML', () => {
    expect(
      isNoSessionStatus({ stdout: 'geo-replication command failed', stderr: '', code: 0 }),
    ).toBe(false);
    expect(isNoSessionStatus(fixture('georep-status-active.xml'))).toBe(false);
  });

  it('parseCliXml returns null for text', () => {
    expect(parseCliXml('geo-replication command failed')).toBeNull();
    expect(parseCliXml(fixture('georep-start.xml').stdout)).toMatchObject({
      opRet: 0,
      opErrno: 0,
      opErrstr: '',
    });
  });
});

describe('volume info and peers', () => {
  it('groups nothing itself but keeps replica and disperse counts, brick order and host uuids', () => {
    const xml = fixture('volume-info-master.xml')
      .stdout.replace('<replicaCount>1</replicaCount>', '<replicaCount>3</replicaCount>')
      .replace('<brickCount>1</brickCount>', '<brickCount>1</brickCount>');
    expect(
      parseVolumeInfo(checkCliResult(argv, { stdout: xml, stderr: '', code: 0 }))[0]!.replica_count,
    ).toBe(3);
  });

  it('splits brick names at the first ":/"', () => {
    expect(splitBrickName('vm:/srv/a:b')).toEqual({ host: 'vm', path: '/srv/a:b' });
    expect(splitBrickName('10.0.0.1:/b')).toEqual({ host: '10.0.0.1', path: '/b' });
  });

  it('reads a peer with several host names', () => {
    const xml = `<cliOutput><opRet>0</opRet><opErrno>0</opErrno><opErrstr/><peerStatus>
      <peer><uuid>u1</uuid><hostname>gl2.example</hostname><hostnames><hostname>gl2.example</hostname><hostname>10.0.0.2</hostname></hostnames>
      <connected>1</connected><state>3</state><stateStr>Peer in Cluster</stateStr></peer>
      <peer><uuid>u2</uuid><hostname>gl3.example</hostname><connected>0</connected><state>3</state><stateStr>Peer in Cluster</stateStr></peer>
    </peerStatus></cliOutput>`;
    expect(parsePeerStatus(checkCliResult(argv, { stdout: xml, stderr: '', code: 0 }))).toEqual([
      { uuid: 'u1', hostname: 'gl2.example', connected: true, state: 'Peer in Cluster' },
      { uuid: 'u2', hostname: 'gl3.example', connected: false, state: 'Peer in Cluster' },
    ]);
  });
});
