/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.stringContaining, ...) are typed `any` */
// A directory on the remote host as the target, through the HTTP service over the simulator:
// the service provisions a single-brick volume on it (from the source host, on the remote's own
// glusterd), creates the session into it, and removes that volume with the session on request,
// keeping the directory's data.
import { runCli } from '../../../dev/sim/gluster/cli';
import { PROVISIONED_OPTION } from '../../../server/gluster/provision';
import { provisionedVolumeName } from '../../../src/georep/validation';
import type { GeoRepSession, PreflightCheck, ProvisionedVolume } from '../../../src/georep/types';
import { PROD, startStack, type Fault, type SessionList, type Stack } from '../../support/service-harness';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s.close();
});

const ADMIN = 'admin@internal';
const SESSIONS = `/clusters/${PROD}/sessions`;
const REMOTE = 'backup.remote.example';
const REMOTE_POOL = `remote:${REMOTE}`;

interface Preflight {
  check: PreflightCheck[];
  can_create: boolean;
  can_create_with_force: boolean;
  provisioned_volume?: ProvisionedVolume;
  plan?: string;
}

const body = (path: string, more: Record<string, unknown> = {}) => ({
  primary_volume: 'home',
  source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
  secondary_host: REMOTE,
  secondary_path: path,
  ...more,
});

async function preflight(path: string, more: Record<string, unknown> = {}) {
  const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, body(path, more));
  expect(r.statusCode).toBe(200);
  const b = r.json<Preflight>();
  return { ...b, by: (id: string) => b.check.find((c) => c.id === id) };
}

const remoteVolume = (name: string) => s.sim!.world.volume(REMOTE_POOL, name);
const sessions = async () =>
  (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
const newEvents = (from: number) =>
  s.engine
    .events()
    .slice(from)
    .map((e) => e.description);

describe('preflight of a directory target', () => {
  it('says what it will do, and changes nothing', async () => {
    const r = await preflight('/data/backup');
    expect(r.can_create).toBe(true);
    expect(r.provisioned_volume).toEqual({
      name: 'georep-data-backup',
      host: REMOTE,
      path: '/data/backup',
      reused: false,
    });
    expect(r.plan).toBe(
      'Will create volume georep-data-backup on backup.remote.example:/data/backup and replicate into it.',
    );
    expect(r.check[0]).toMatchObject({
      id: 'provision',
      outcome: 'pass',
      severity: 'info',
      evidence: expect.stringContaining(r.plan!),
    });
    expect(r.by('remote_gluster')).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringContaining('Gluster 10.3'),
    });
    expect(r.by('secondary_path')).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringMatching(/does not exist yet: it will be created/),
    });
    expect(r.by('provisioned_volume_name')).toMatchObject({ outcome: 'pass' });
    expect(r.by('passwordless_ssh')).toMatchObject({ outcome: 'pass' });
    expect(r.by('secondary_size')).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringMatching(/300 GiB.*2048 GiB/),
    });
    expect(remoteVolume('georep-data-backup')).toBeUndefined();
    expect(s.sim!.directory(REMOTE, '/data/backup')).toBeUndefined();
  });

  it('derives a stable name from the normalised path', async () => {
    const a = await preflight('/data/backup');
    const b = await preflight('//data/./backup/');
    expect(b.provisioned_volume).toEqual(a.provisioned_volume);
    expect(provisionedVolumeName('/data/backup')).toBe('georep-data-backup');
    // a spelling that could stand for another path gets a hash of the whole path, always the same one
    const h = await preflight('/data/my-backup');
    expect(h.provisioned_volume!.name).toMatch(/^georep-data-my-backup-[0-9a-f]{8}$/);
    expect((await preflight('/data/my-backup')).provisioned_volume!.name).toBe(
      h.provisioned_volume!.name,
    );
    expect(provisionedVolumeName('/data/my/backup')).toBe('georep-data-my-backup');
    expect(provisionedVolumeName('/data/my/backup')).not.toBe(h.provisioned_volume!.name);
    const long = provisionedVolumeName(`/data/${'x'.repeat(200)}`);
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^georep-data-x+-[0-9a-f]{8}$/);
  });

  it('blocks a directory that is not empty, or was the brick of a volume', async () => {
    s.sim!.setDirectory(REMOTE, '/data/full', { entries: 3 });
    const full = await preflight('/data/full');
    expect(full.by('secondary_path')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringMatching(/is not empty \(3 entries\)/),
    });
    expect(full.can_create_with_force).toBe(false);

    s.sim!.setDirectory(REMOTE, '/data/old-brick', { entries: 0, volumeId: 'ab'.repeat(16) });
    const old = await preflight('/data/old-brick');
    expect(old.by('secondary_path')).toMatchObject({
      outcome: 'fail',
      evidence: expect.stringMatching(
        /carries trusted\.glusterfs\.volume-id 0xabab.*brick of a Gluster volume/,
      ),
    });

    const inside = await preflight('/gluster_bricks/vmstore-backup/brick1/sub');
    expect(inside.by('secondary_path')).toMatchObject({
      outcome: 'fail',
      evidence: expect.stringMatching(/is inside the brick .* of volume vmstore-backup/),
    });
  });

  it('blocks a name taken by another volume', async () => {
    const h = s.sim!.world.host(REMOTE)!;
    const made = runCli(s.sim!.world, h, [
      '--mode=script',
      '--xml',
      'volume',
      'create',
      'georep-data-taken',
      `${REMOTE}:/gluster_bricks/taken`,
    ]);
    expect(made.stdout).toMatch(/<opRet>0<\/opRet>/);
    const r = await preflight('/data/taken');
    expect(r.by('provisioned_volume_name')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringMatching(
        /georep-data-taken is taken on backup.remote.example by another volume .*which this service did not create/,
      ),
    });
    expect(r.can_create_with_force).toBe(false);
  });

  it('blocks a remote without Gluster, and one without passwordless SSH', async () => {
    const none = await s.call(
      ADMIN,
      'POST',
      `/clusters/${PROD}/preflight`,
      body('/data/backup', { secondary_host: 'nogluster.remote.example' }),
    );
    const n = none.json<Preflight>();
    expect(n.check.find((c) => c.id === 'remote_gluster')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringMatching(
        /Gluster is not installed on nogluster.remote.example.*command not found/,
      ),
    });
    expect(n.can_create_with_force).toBe(false);

    s.sim!.setPasswordlessSsh(REMOTE, 'root', false);
    try {
      const r = await preflight('/data/backup');
      expect(r.by('passwordless_ssh')).toMatchObject({
        outcome: 'fail',
        severity: 'blocker',
        evidence: expect.stringMatching(
          /does not accept root's SSH key of gprod1.lab.example.*Permission denied/,
        ),
      });
      expect(r.by('remote_reachable')).toMatchObject({ outcome: 'pass' });
      expect(r.can_create_with_force).toBe(false);
    } finally {
      s.sim!.setPasswordlessSsh(REMOTE, 'root', true);
    }
  });
});

describe('request validation of secondary_path', () => {
  it.each([
    ['/', /root directory/],
    ['/etc/georep', /system directory \(\/etc\)/],
    ['/usr/local/backup', /system directory/],
    ['/var/lib/glusterd/x', /system directory/],
    ['/var', /system directory and cannot be a geo-replication target itself/],
    ['/srv/../etc', /system directory/],
    ['/data/a b', /cannot contain a space/],
    ['/data/$(id)', /cannot contain "\$"/],
    ['/data/x;rm -rf /', /cannot contain ";"/],
    ['data/backup', /must be an absolute path/],
  ])('refuses %j with 400, before any Gluster call', async (path, why) => {
    const calls = s.sim!.callCount();
    const r = await s.call(ADMIN, 'POST', SESSIONS, body(path));
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(why);
    const p = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, body(path));
    expect(p.statusCode).toBe(400);
    expect(s.sim!.callCount()).toBe(calls);
  });

  it('needs exactly one of secondary_volume and secondary_path, and root', async () => {
    const both = await s.call(
      ADMIN,
      'POST',
      SESSIONS,
      body('/data/x', { secondary_volume: 'home-backup' }),
    );
    expect(both.statusCode).toBe(400);
    expect(both.json<Fault>().detail).toMatch(
      /either secondary_volume \(a volume of the secondary cluster\) or secondary_path \(a directory on the secondary host\), not both/,
    );
    const none = await s.call(ADMIN, 'POST', SESSIONS, {
      primary_volume: 'home',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: REMOTE,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json<Fault>().detail).toMatch(
      /Give secondary_volume \(a volume of the secondary cluster\) or secondary_path \(a directory on the secondary host,/,
    );
    const user = await s.call(
      ADMIN,
      'POST',
      SESSIONS,
      body('/data/x', { secondary_user: 'geoaccount', secondary_group: 'geogroup' }),
    );
    expect(user.statusCode).toBe(400);
    expect(user.json<Fault>().detail).toMatch(/directory target needs root on the secondary host/);
  });
});

describe('creating into a directory', () => {
  let created: GeoRepSession;

  it('provisions the volume in the remote pool, then creates and starts the session into it', async () => {
    const events = s.engine.events().length;
    const r = await s.call(ADMIN, 'POST', SESSIONS, body('/data/backup', { start: true }));
    expect(r.statusCode).toBe(201);
    created = r.json<GeoRepSession>();
    expect(created).toMatchObject({
      primary_volume: 'home',
      secondary_host: REMOTE,
      secondary_volume: 'georep-data-backup',
      secondary_user: 'root',
      provisioned_volume: {
        name: 'georep-data-backup',
        host: REMOTE,
        path: '/data/backup',
        reused: false,
      },
    });
    expect(['Initializing', 'Active', 'Passive']).toContain(created.status);

    const v = remoteVolume('georep-data-backup')!;
    expect(v).toBeDefined();
    expect(v.started).toBe(true);
    expect(v.bricks.map((b) => b.name)).toEqual([`${REMOTE}:/data/backup`]);
    expect(v.options).toContainEqual([PROVISIONED_OPTION, 'true']);
    // Gluster's own view, on the remote
    const info = runCli(s.sim!.world, s.sim!.world.host(REMOTE)!, [
      '--mode=script',
      '--xml',
      'volume',
      'info',
      'georep-data-backup',
    ]);
    expect(info.stdout).toMatch(/<statusStr>Started<\/statusStr>/);
    expect(info.stdout).toContain(`<name>${PROVISIONED_OPTION}</name>`);
    expect(s.sim!.directory(REMOTE, '/data/backup')).toMatchObject({
      glusterMeta: true,
      volumeId: v.uuid.replace(/-/g, ''),
    });

    const posted = newEvents(events);
    expect(posted[0]).toMatch(
      /^Gluster volume georep-data-backup has been provisioned on backup.remote.example:\/data\/backup .*from volume home of cluster gluster-prod \(User: admin@internal/,
    );
    expect(posted[1]).toMatch(
      /^Created geo-replication session .*secondary volume georep-data-backup.*into volume georep-data-backup provisioned on backup.remote.example:\/data\/backup/,
    );
    expect(posted[2]).toMatch(/has been started/);

    const listed = (await sessions()).find((x) => x.id === created.id)!;
    expect(listed.secondary_volume).toBe('georep-data-backup');
    expect(listed.provisioned_volume).toBeUndefined();
  });

  it('refuses a non-empty directory (409) and provisions nothing', async () => {
    const events = s.engine.events().length;
    const r = await s.call(ADMIN, 'POST', SESSIONS, body('/data/full'));
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /Provisioning the directory target failed \(inspect\): .*is not empty .*The session was not created\./,
    );
    expect(remoteVolume('georep-data-full')).toBeUndefined();
    expect(newEvents(events)).toEqual([
      expect.stringMatching(/^Failed to provision Gluster volume georep-data-full/),
    ]);
  });

  it('refuses a remote without Gluster (409)', async () => {
    const r = await s.call(
      ADMIN,
      'POST',
      SESSIONS,
      body('/data/backup', { secondary_host: 'nogluster.remote.example' }),
    );
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(/Gluster is not installed on nogluster.remote.example/);
  });

  it('provisions nothing for a primary volume that is not started', async () => {
    const r = await s.call(
      ADMIN,
      'POST',
      SESSIONS,
      body('/data/scratch', { primary_volume: 'scratch' }),
    );
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /Volume scratch is Stopped .*start it first.*Nothing was provisioned on backup.remote.example/,
    );
    expect(remoteVolume('georep-data-scratch')).toBeUndefined();
    expect(s.sim!.directory(REMOTE, '/data/scratch')).toBeUndefined();
  });

  it('leaves the provisioned volume in place, named, when the session cannot be created; a new create reuses it', async () => {
    // archive (4000 GiB) is larger than the directory's file system (2048 GiB): Gluster's create
    // refuses it without force, after the volume was provisioned
    const r = await s.call(
      ADMIN,
      'POST',
      SESSIONS,
      body('/data/big', { primary_volume: 'archive' }),
    );
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /Total disk size of primary is greater than disk size of secondary.*The session was not created\. Volume georep-data-big, provisioned on backup.remote.example:\/data\/big, was left in place \(nothing was deleted\)/s,
    );
    expect(remoteVolume('georep-data-big')?.started).toBe(true);

    const pf = await preflight('/data/big', { primary_volume: 'archive' });
    expect(pf.provisioned_volume).toMatchObject({ name: 'georep-data-big', reused: true });
    expect(pf.plan).toMatch(/^Will reuse volume georep-data-big/);
    expect(pf.by('secondary_path')).toMatchObject({ outcome: 'pass' });
    expect(pf.by('secondary_size')).toMatchObject({ outcome: 'fail', severity: 'forceable' });
    expect(pf.can_create).toBe(false);
    expect(pf.can_create_with_force).toBe(true);

    const again = await s.call(
      ADMIN,
      'POST',
      SESSIONS,
      body('/data/big', { primary_volume: 'archive', force: true }),
    );
    expect(again.statusCode).toBe(201);
    expect(again.json<GeoRepSession>().provisioned_volume).toEqual({
      name: 'georep-data-big',
      host: REMOTE,
      path: '/data/big',
      reused: true,
    });
  });

  it('deleting without remove_provisioned_volume keeps the volume', async () => {
    const stop = await s.call(ADMIN, 'POST', `${SESSIONS}/${created.id}/stop`, {});
    expect(stop.statusCode).toBe(200);
    const del = await s.call(ADMIN, 'DELETE', `${SESSIONS}/${created.id}`);
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ status: 'complete' });
    expect((await sessions()).some((x) => x.id === created.id)).toBe(false);
    expect(remoteVolume('georep-data-backup')?.started).toBe(true);
  });

  it('deleting with remove_provisioned_volume stops and deletes the volume, and keeps the data', async () => {
    // archive (4000 GiB) is larger than the directory's file system (2048 GiB): Gluster wants force
    const c = await s.call(
      ADMIN,
      'POST',
      SESSIONS,
      body('/data/archive', { primary_volume: 'archive', force: true }),
    );
    expect(c.statusCode).toBe(201);
    const id = c.json<GeoRepSession>().id;
    s.sim!.world.dir(REMOTE, '/data/archive')!.entries = 5; // files synced into it
    const events = s.engine.events().length;
    const r = await s.call(ADMIN, 'DELETE', `${SESSIONS}/${id}?remove_provisioned_volume=true`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      status: 'complete',
      provisioned_volume: {
        name: 'georep-data-archive',
        host: REMOTE,
        path: '/data/archive',
        removed: true,
        data_kept: true,
      },
      detail: expect.stringMatching(
        /^The session was deleted\. Volume georep-data-archive was stopped and deleted on backup.remote.example\. Gluster's volume delete keeps the brick's contents: the data in backup.remote.example:\/data\/archive is still there/,
      ),
    });
    expect(remoteVolume('georep-data-archive')).toBeUndefined();
    expect(s.sim!.directory(REMOTE, '/data/archive')).toMatchObject({
      entries: 5,
      glusterMeta: true,
      volumeId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect((await sessions()).some((x) => x.id === id)).toBe(false);
    const posted = newEvents(events);
    expect(posted).toEqual([
      expect.stringMatching(/has been deleted/),
      expect.stringMatching(
        /^Gluster volume georep-data-archive on backup.remote.example, provisioned for the .* has been stopped and deleted .*The data in backup.remote.example:\/data\/archive was kept\./,
      ),
    ]);
    // the directory is now an old brick: it cannot be a target again until cleared
    const again = await preflight('/data/archive', { primary_volume: 'archive' });
    expect(again.by('secondary_path')).toMatchObject({
      outcome: 'fail',
      evidence: expect.stringMatching(/carries trusted\.glusterfs\.volume-id/),
    });
  });

  it('does not remove a volume this service did not provision, and deletes nothing then', async () => {
    const vm = (await sessions()).find((x) => x.secondary_volume === 'vmstore-backup')!;
    const r = await s.call(ADMIN, 'DELETE', `${SESSIONS}/${vm.id}?remove_provisioned_volume=true`);
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /Volume vmstore-backup on backup.remote.example was not provisioned by this service \(it has no user.ovirt-georep.provisioned option\).*Nothing was deleted \(the session neither\)\./,
    );
    expect((await s.call(ADMIN, 'GET', `${SESSIONS}/${vm.id}`)).statusCode).toBe(200);
    expect(remoteVolume('vmstore-backup')).toBeDefined();
  });

  it('refuses to remove a provisioned volume another session still replicates into', async () => {
    // archive -> georep-data-big exists (above). The service refuses a second session into it,
    // force or not (two primaries would overwrite each other)...
    const refused = await s.call(ADMIN, 'POST', SESSIONS, body('/data/big', { force: true }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Fault>().detail).toMatch(
      /already the secondary of archive \(cluster gluster-prod.*force does not change that\. Nothing was created\./,
    );
    // ... but someone may have made one with the CLI: home -> the same volume.
    const home = {
      primary_volume: 'home',
      secondary_host: REMOTE,
      secondary_volume: 'georep-data-big',
      secondary_user: 'root',
    };
    await s.gluster.gsecCreate('gprod1.lab.example');
    await s.gluster.create('gprod1.lab.example', home, { force: true, push_pem: true });
    await new Promise((r) => setTimeout(r, 2_100)); // the shared status read (2 s) sees it
    const archive = (await sessions()).find(
      (x) => x.primary_volume === 'archive' && x.secondary_volume === 'georep-data-big',
    )!;
    const r = await s.call(
      ADMIN,
      'DELETE',
      `${SESSIONS}/${archive.id}?remove_provisioned_volume=true`,
    );
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /is also the secondary of home \(cluster gluster-prod\).*nothing was deleted/,
    );
    expect((await s.call(ADMIN, 'GET', `${SESSIONS}/${archive.id}`)).statusCode).toBe(200);
    expect(remoteVolume('georep-data-big')).toBeDefined();
  });

  it('documents the fields in the OpenAPI document', async () => {
    const doc = (await s.call(ADMIN, 'GET', '/openapi.json')).json<{
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    }>();
    expect(doc.components.schemas.ProvisionedVolume!.properties).toHaveProperty('reused');
    expect(doc.components.schemas.GeoRepSession!.properties).toHaveProperty('provisioned_volume');
    const del = doc.paths['/ovirt-georep/api/clusters/{cluster_id}/sessions/{session_id}']!.delete!;
    expect(del.parameters!.map((x) => x.name)).toContain('remove_provisioned_volume');
  });
});
