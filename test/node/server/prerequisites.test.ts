/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any` */
// Gluster's prerequisites on the simulator: a sharded primary (preflight, create), use-meta-volume
// and the shared storage (create and the options editor enable it, or refuse with the reason).
import type { GeoRepSession, PreflightCheck } from '../../../src/georep/types';
import { createGlusterClient } from '../../../server/gluster/client';
import { demoSimulator, simRemoteGluster } from '../../../dev/sim/gluster';
import { GlusterCommandError } from '../../../server/gluster/types';
import { defaultLab } from '../../../dev/lab';
import { PROD, startStack, type Stack, type Fault, type SessionList } from '../../support/service-harness';

const ADMIN = 'admin@internal';
const SOURCE = 'c81b92ae-997c-3484-baa3-e5fded264355';
const SESSIONS = `/clusters/${PROD}/sessions`;

interface Result {
  check: PreflightCheck[];
  can_create: boolean;
  can_create_with_force: boolean;
}

describe('a sharded primary (the simulator’s home volume made a VM store)', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
    const w = s.sim!.world;
    const home = w.volumes.find((v) => v.name === 'home')!;
    w.setOption(home, 'features.shard', 'on');
    w.setOption(home, 'features.shard-block-size', '64MB');
  });
  afterAll(() => s.close());

  const preflight = async (secondary_volume: string, more: Record<string, unknown> = {}) => {
    const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
      primary_volume: 'home',
      source_host_id: SOURCE,
      secondary_host: 'gdr1.lab.example',
      secondary_volume,
      ...more,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json<Result>();
    return { ...body, by: (id: string) => body.check.find((c) => c.id === id) };
  };

  it('preflight blocks an unsharded secondary, saying what to set', async () => {
    const r = await preflight('backup-dr');
    expect(r.by('sharding')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringMatching(/backup-dr is not.*group virt/),
    });
    expect(r.can_create).toBe(false);
    expect(r.can_create_with_force).toBe(false);
  });

  it('preflight passes a sharded secondary with the same block size, and warns about the VM settings', async () => {
    const w = s.sim!.world;
    const dr = w.volumes.find((v) => v.name === 'backup-dr')!;
    w.setOption(dr, 'features.shard', 'on');
    const r = await preflight('backup-dr');
    expect(r.by('sharding')).toMatchObject({ outcome: 'pass' });
    expect(r.by('vm_image_settings')).toMatchObject({ outcome: 'fail', severity: 'info' });
    expect(r.can_create).toBe(true);
    w.setOption(dr, 'features.shard-block-size', '512MB');
    expect((await preflight('backup-dr')).by('sharding')).toMatchObject({
      outcome: 'fail',
      evidence: expect.stringMatching(/64MB.*512MB/),
    });
  });

  it('preflight refuses tarssh with sharding', async () => {
    const r = await preflight('backup-dr', { config: { 'sync-method': 'tarssh' } });
    expect(r.by('sharding_sync_method')).toMatchObject({ outcome: 'fail', severity: 'blocker' });
  });

  it('create refuses tarssh with sharding before Gluster hears anything', async () => {
    const r = await s.call(ADMIN, 'POST', SESSIONS, {
      primary_volume: 'home',
      source_host_id: SOURCE,
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
      config: { 'sync-method': 'tarssh' },
      force: true,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(/home is sharded.*rsync/);
    const list = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    expect(list.some((x) => x.secondary_volume === 'backup-dr')).toBe(false);
  });

  it('the options editor refuses sync-method tarssh for a session of a sharded primary', async () => {
    const list = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    const home = list.find((x) => x.primary_volume === 'home')!;
    const r = await s.call(ADMIN, 'PUT', `${SESSIONS}/${home.id}/config/sync-method`, {
      value: 'tarssh',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(/sharded/);
    const ok = await s.call(ADMIN, 'PUT', `${SESSIONS}/${home.id}/config/sync-method`, {
      value: 'rsync',
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe('use-meta-volume needs the shared storage', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterAll(() => s.close());
  const pool = () => s.sim!.world.pools.get(PROD)!;

  it('preflight says create will enable it', async () => {
    const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
      primary_volume: 'home',
      source_host_id: SOURCE,
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
      config: { 'use-meta-volume': 'true' },
    });
    const c = r.json<Result>().check.find((x) => x.id === 'shared_storage');
    expect(c).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringMatching(/is off.*create will enable it/),
    });
  });

  it('preflight refuses it where no other node of the cluster is connected (Gluster would refuse to enable it)', async () => {
    s.sim!.setNodeReachable('gprod2.lab.example', false);
    s.sim!.setNodeReachable('gprod3.lab.example', false);
    try {
      const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
        primary_volume: 'home',
        source_host_id: SOURCE,
        secondary_host: 'gdr1.lab.example',
        secondary_volume: 'backup-dr',
        config: { 'use-meta-volume': 'true' },
      });
      const c = r.json<Result>().check.find((x) => x.id === 'shared_storage');
      expect(c).toMatchObject({
        outcome: 'fail',
        severity: 'blocker',
        evidence: expect.stringMatching(/more than one connected node/),
      });
    } finally {
      s.sim!.setNodeReachable('gprod2.lab.example', true);
      s.sim!.setNodeReachable('gprod3.lab.example', true);
    }
  });

  it('create enables it, audited, and sets the option', async () => {
    expect(pool().sharedStorage).toBeFalsy();
    const events = s.engine.events().length;
    const r = await s.call(ADMIN, 'POST', SESSIONS, {
      primary_volume: 'home',
      source_host_id: SOURCE,
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
      config: { 'use-meta-volume': 'true' },
    });
    expect(r.statusCode).toBe(201);
    expect(pool().sharedStorage).toBe(true);
    const said = s.engine
      .events()
      .slice(events)
      .map((e) => e.description);
    expect(said.some((d) => /shared storage .*has been enabled on cluster/.test(d))).toBe(true);
    expect(said.some((d) => /Created .*Shared storage was off and has been enabled/.test(d))).toBe(
      true,
    );
    const id = r.json<GeoRepSession>().id;
    const cfg = await s.call(ADMIN, 'GET', `${SESSIONS}/${id}/config`);
    expect(JSON.stringify(cfg.json())).toMatch(/"name":"use-meta-volume","value":"true"/);
  });

  it('the options editor leaves it on when it is on already (no second enable)', async () => {
    const list = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    const archive = list.find((x) => x.primary_volume === 'archive')!;
    const events = s.engine.events().length;
    const r = await s.call(ADMIN, 'PUT', `${SESSIONS}/${archive.id}/config/use-meta-volume`, {
      value: 'true',
    });
    expect(r.statusCode).toBe(200);
    const said = s.engine
      .events()
      .slice(events)
      .map((e) => e.description);
    expect(said.some((d) => /shared storage/.test(d))).toBe(false);
  });
});

describe('use-meta-volume when the shared storage cannot be enabled', () => {
  let s: Stack;
  beforeAll(async () => {
    const lab = defaultLab();
    const sim = demoSimulator(lab);
    const real = createGlusterClient(sim);
    const gluster = {
      ...real,
      enableSharedStorage: (node: string) =>
        Promise.reject(
          new GlusterCommandError(
            ['volume', 'set', 'all', 'cluster.enable-shared-storage', 'enable'],
            -1,
            30800,
            `Shared storage volume could not be created on ${node}`,
          ),
        ),
    };
    s = await startStack({ lab, gluster, service: { remoteGluster: simRemoteGluster(sim) } });
  });
  afterAll(() => s.close());

  it('the options editor refuses with Gluster’s reason and sets nothing', async () => {
    const list = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    const archive = list.find((x) => x.primary_volume === 'archive')!;
    const r = await s.call(ADMIN, 'PUT', `${SESSIONS}/${archive.id}/config/use-meta-volume`, {
      value: 'true',
    });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.json<Fault>().detail).toMatch(
      /needs Gluster's shared storage.*could not be created.*Nothing was changed/,
    );
    const cfg = await s.call(ADMIN, 'GET', `${SESSIONS}/${archive.id}/config`);
    expect(JSON.stringify(cfg.json())).toMatch(/"name":"use-meta-volume","value":"false"/);
  });

  it('create refuses before anything is created', async () => {
    const r = await s.call(ADMIN, 'POST', SESSIONS, {
      primary_volume: 'home',
      source_host_id: SOURCE,
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
      config: { 'use-meta-volume': 'true' },
    });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.json<Fault>().detail).toMatch(/shared storage/);
    const list = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    expect(list.some((x) => x.secondary_volume === 'backup-dr')).toBe(false);
  });
});
