// The engine emulator's REST resources: JSON shapes, filtering, and the engine's refusals.
import { defaultLab, LAB_IDS } from '../../../../dev/lab';
import {
  DEFAULT,
  DR,
  PROD,
  body,
  harness,
  items,
  names,
  type Harness,
  type Json,
} from '../../../support/engine-harness';

const INSUFFICIENT = {
  reason: 'Operation Failed',
  detail: 'Query execution failed due to insufficient permissions.',
};

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

describe('API root', () => {
  it('names the authenticated and effective user and the 4.5 product', async () => {
    const res = await h.get('glusteradmin@internal', '');
    expect(res.statusCode).toBe(200);
    const b = body(res);
    expect(b.authenticated_user).toEqual({
      href: '/ovirt-engine/api/users/ab541927-e9af-3366-9349-95577c67a111',
      id: 'ab541927-e9af-3366-9349-95577c67a111',
    });
    expect(b.effective_user).toEqual(b.authenticated_user);
    expect((b.product_info as Json).version).toMatchObject({ major: '4', minor: '5' });
    expect(typeof b.time).toBe('number');
  });
});

describe('clusters', () => {
  it('lists clusters keyed "cluster", booleans and numbers as strings, with id, href and links', async () => {
    const res = await h.get('admin@internal', '/clusters');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(body(res))).toEqual(['cluster']);
    const list = items(res, 'cluster');
    expect(list.map((c) => c.name)).toEqual(['Default', 'gluster-prod', 'gluster-dr']);
    const prod = list.find((c) => c.id === PROD)!;
    expect(prod).toMatchObject({
      href: `/ovirt-engine/api/clusters/${PROD}`,
      gluster_service: 'true',
      virt_service: 'false',
      version: { major: '4', minor: '7' },
      data_center: {
        href: '/ovirt-engine/api/datacenters/7269c799-435a-3dfc-b78e-5ef9cbe34401',
        id: '7269c799-435a-3dfc-b78e-5ef9cbe34401',
      },
    });
    expect(prod.link).toContainEqual({
      href: `/ovirt-engine/api/clusters/${PROD}/glustervolumes`,
      rel: 'glustervolumes',
    });
    expect(list.find((c) => c.id === DEFAULT)!.gluster_service).toBe('false');
  });

  it('with Filter: true shows glusterviewer nothing: its ReadOnlyAdmin roles are admin roles', async () => {
    // user_cluster_permissions_view_base counts role_type = 2 only (create_views.sql).
    const filtered = await h.get('glusterviewer@internal', '/clusters', { filter: 'true' });
    expect(body(filtered)).toEqual({});
    // Without the header an admin runs unfiltered, as WebAdmin does: every cluster.
    const unfiltered = await h.get('glusterviewer@internal', '/clusters');
    expect(names(unfiltered, 'cluster')).toEqual(['Default', 'gluster-prod', 'gluster-dr']);
  });

  it('filters virtonly (no admin role) by default and with Filter: true to Default only', async () => {
    expect(names(await h.get('virtonly@internal', '/clusters'), 'cluster')).toEqual(['Default']);
    expect(
      names(await h.get('virtonly@internal', '/clusters', { filter: 'true' }), 'cluster'),
    ).toEqual(['Default']);
  });

  it('refuses an unfiltered query from a user with no admin role', async () => {
    const res = await h.get('virtonly@internal', '/clusters', { filter: 'false' });
    expect(res.statusCode).toBe(400);
    expect(body(res)).toEqual(INSUFFICIENT);
  });

  it('answers 404 for a cluster the user may not see, and for one that does not exist', async () => {
    // AbstractBackendSubResource.performGet → BaseBackendResource.handleError: 404, no body.
    const hidden = await h.get('virtonly@internal', `/clusters/${PROD}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe('');
    expect(
      (await h.get('glusterviewer@internal', `/clusters/${PROD}`, { filter: 'true' })).statusCode,
    ).toBe(404);
    // An id that is no UUID: asGuidOr404.
    const malformed = await h.get('admin@internal', '/clusters/no-such-cluster');
    expect([malformed.statusCode, malformed.body]).toEqual([404, '']);
    const missing = await h.get('admin@internal', '/clusters/00000000-0000-0000-0000-0000000000aa');
    expect([missing.statusCode, missing.body]).toEqual([404, '']);
    const seen = await h.get('virtonly@internal', `/clusters/${DEFAULT}`, { filter: 'true' });
    expect(seen.statusCode).toBe(200);
    expect(body(seen).name).toBe('Default');
    const unfiltered = await h.get('glusterviewer@internal', `/clusters/${DEFAULT}`);
    expect(body(unfiltered).name).toBe('Default');
  });

  it('shows a data center through a user-type permission on one of its clusters', async () => {
    expect(names(await h.get('virtonly@internal', '/datacenters'), 'data_center')).toEqual([
      'Default',
    ]);
    // ReadOnlyAdmin on its clusters is an admin role: filtered, no data center.
    expect(body(await h.get('glusterviewer@internal', '/datacenters', { filter: 'true' }))).toEqual(
      {},
    );
  });
});

describe('hosts', () => {
  it('searches hosts by cluster name and status', async () => {
    expect(
      names(await h.get('admin@internal', '/hosts?search=cluster%3Dgluster-prod'), 'host'),
    ).toEqual(['gprod1', 'gprod2', 'gprod3']);
    const up = await h.get(
      'admin@internal',
      `/hosts?search=${encodeURIComponent('cluster=gluster-prod and status=up')}`,
    );
    expect(names(up, 'host')).toEqual(['gprod1', 'gprod2']);
    const quoted = await h.get(
      'admin@internal',
      `/hosts?search=${encodeURIComponent('cluster="gluster-dr"')}`,
    );
    expect(names(quoted, 'host')).toEqual(['gdr1', 'gdr2', 'gdr3']);
    // What the engine cannot parse lists nothing, as `{}`.
    const bad = await h.get('admin@internal', `/hosts?search=${encodeURIComponent('colour=blue')}`);
    expect(bad.statusCode).toBe(200);
    expect(body(bad)).toEqual({});
  });

  it('intersects the search with what a filtered user may see', async () => {
    const own = await h.get('glusterviewer@internal', '/hosts?search=cluster%3Dgluster-dr', {
      filter: 'true',
    });
    expect(names(own, 'host')).toEqual(['gdr1', 'gdr2', 'gdr3']);
    const other = await h.get('glusterviewer@internal', '/hosts?search=cluster%3DDefault', {
      filter: 'true',
    });
    expect(body(other)).toEqual({});
  });

  it('serves status, address, cluster link and ssh with a SHA256 fingerprint', async () => {
    const all = items(await h.get('admin@internal', '/hosts'), 'host');
    const prod3 = all.find((x) => x.id === '33eba627-6ede-35b6-b4cd-dda3787d9ae6')!;
    expect(prod3).toMatchObject({
      name: 'gprod3',
      address: 'gprod3.lab.example',
      status: 'maintenance',
      cluster: { href: `/ovirt-engine/api/clusters/${PROD}`, id: PROD },
      href: '/ovirt-engine/api/hosts/33eba627-6ede-35b6-b4cd-dda3787d9ae6',
    });
    const ssh = prod3.ssh as Json;
    expect(ssh.port).toBe('22');
    expect(ssh.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(ssh.public_key).toMatch(/^ssh-ed25519 AAAA/);
    expect(all.find((x) => x.id === 'd45dffea-82a9-3d48-a60c-f477721846ec')!.status).toBe(
      'non_responsive',
    );
  });

  it('serves hosts/{id} only unfiltered, as GetVdsByVdsId is an admin query', async () => {
    expect(
      (await h.get('admin@internal', '/hosts/1dc3d0cd-9e54-3c41-a1ef-23b9673be8cb')).statusCode,
    ).toBe(200);
    const filtered = await h.get('admin@internal', '/hosts/1dc3d0cd-9e54-3c41-a1ef-23b9673be8cb', {
      filter: 'true',
    });
    expect(filtered.statusCode).toBe(400);
    expect(body(filtered)).toEqual(INSUFFICIENT);
    expect(
      (await h.get('virtonly@internal', '/hosts/4fdde4f1-e968-3d49-a397-1fa22265f3e5')).statusCode,
    ).toBe(400);
    expect((await h.get('admin@internal', '/hosts/h-nope')).statusCode).toBe(404);
  });
});

describe('Gluster volumes, bricks and statistics', () => {
  const vol = `/clusters/${PROD}/glustervolumes/9b62da60-805c-387b-9252-c2d6ab2d5dae`;

  it('lists the volumes of a visible cluster keyed "gluster_volume"', async () => {
    const res = await h.get('glusterviewer@internal', `/clusters/${PROD}/glustervolumes`);
    expect(res.statusCode).toBe(200);
    expect(names(res, 'gluster_volume')).toEqual(['vmstore', 'data', 'archive', 'home', 'scratch']);
    const vmstore = items(res, 'gluster_volume')[0]!;
    expect(vmstore).toMatchObject({
      id: '9b62da60-805c-387b-9252-c2d6ab2d5dae',
      href: `/ovirt-engine/api${vol}`,
      volume_type: 'replicate',
      replica_count: '3',
      status: 'up',
      transport_types: { transport_type: ['tcp'] },
      cluster: { href: `/ovirt-engine/api/clusters/${PROD}`, id: PROD },
    });
    expect(((vmstore.options as Json).option as Json[]).length).toBeGreaterThan(0);
    expect(items(res, 'gluster_volume').find((v) => v.name === 'scratch')!.status).toBe('down');
    // A cluster without Gluster has none; a cluster the user may not see is a 404.
    expect(body(await h.get('admin@internal', `/clusters/${DEFAULT}/glustervolumes`))).toEqual({});
    expect((await h.get('virtonly@internal', `/clusters/${PROD}/glustervolumes`)).statusCode).toBe(
      404,
    );
  });

  it('serves a volume, its bricks and statistics to an unfiltered admin session', async () => {
    const v = await h.get('glusterviewer@internal', vol);
    expect(v.statusCode).toBe(200);
    expect(body(v).name).toBe('vmstore');

    const bricks = await h.get('glusterviewer@internal', `${vol}/glusterbricks`);
    expect(Object.keys(body(bricks))).toEqual(['gluster_brick']);
    const list = items(bricks, 'gluster_brick');
    expect(list.map((b) => b.name)).toEqual([
      'gprod1.lab.example:/gluster_bricks/vmstore/brick1',
      'gprod2.lab.example:/gluster_bricks/vmstore/brick1',
      'gprod3.lab.example:/gluster_bricks/vmstore/brick1',
    ]);
    expect(list[0]).toMatchObject({
      server_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      brick_dir: '/gluster_bricks/vmstore/brick1',
      status: 'up',
    });
    // The brick on the host in maintenance is down.
    expect(list[2]!.status).toBe('down');
    expect(list[0]!.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    const stats = await h.get('glusterviewer@internal', `${vol}/statistics`);
    const byName = new Map(items(stats, 'statistic').map((s) => [s.name as string, s]));
    expect([...byName.keys()]).toEqual([
      'memory.total.size',
      'memory.free.size',
      'memory.used.size',
    ]);
    const datum = (n: string): string =>
      ((byName.get(n)!.values as Json).value as Json[])[0]!.datum as string;
    expect(datum('memory.total.size')).toBe(String(500 * 1024 ** 3));
    expect(datum('memory.used.size')).toBe(String(210 * 1024 ** 3));
    expect(Number(datum('memory.free.size'))).toBe(
      Number(datum('memory.total.size')) - Number(datum('memory.used.size')),
    );
    expect(byName.get('memory.total.size')).toMatchObject({
      unit: 'bytes',
      type: 'integer',
      kind: 'gauge',
    });
  });

  it('refuses volume, bricks and statistics reads in filtered mode (admin-only queries)', async () => {
    for (const path of [vol, `${vol}/glusterbricks`, `${vol}/statistics`]) {
      const res = await h.get('glusterviewer@internal', path, { filter: 'true' });
      expect(res.statusCode).toBe(400);
      expect(body(res)).toEqual(INSUFFICIENT);
    }
  });

  it('answers 404 for a volume asked for under another cluster', async () => {
    const res = await h.get(
      'admin@internal',
      `/clusters/${DR}/glustervolumes/${LAB_IDS.volumeVmstore}`,
    );
    expect(res.statusCode).toBe(404);
    expect(res.body).toBe('');
  });
});

describe('users, permissions and roles', () => {
  it("lets a user read their own permissions and their roles' permits", async () => {
    const me = body(await h.get('glusteradmin@internal', '')).authenticated_user as Json;
    const res = await h.get('glusteradmin@internal', `/users/${me.id as string}/permissions`, {
      filter: 'true',
    });
    expect(res.statusCode).toBe(200);
    const perms = items(res, 'permission');
    expect(perms).toHaveLength(2);
    expect(perms[0]).toEqual({
      role: {
        href: '/ovirt-engine/api/roles/def0000b-0000-0000-0000-def00000000b',
        id: 'def0000b-0000-0000-0000-def00000000b',
      },
      user: {
        href: '/ovirt-engine/api/users/ab541927-e9af-3366-9349-95577c67a111',
        id: 'ab541927-e9af-3366-9349-95577c67a111',
      },
      data_center: {
        href: '/ovirt-engine/api/datacenters/7269c799-435a-3dfc-b78e-5ef9cbe34401',
        id: '7269c799-435a-3dfc-b78e-5ef9cbe34401',
      },
      href: '/ovirt-engine/api/users/ab541927-e9af-3366-9349-95577c67a111/permissions/bba238e8-cbc5-325e-a070-ace8689bcfd5',
      id: 'bba238e8-cbc5-325e-a070-ace8689bcfd5',
    });
    expect(perms[1]!.cluster).toEqual({ href: `/ovirt-engine/api/clusters/${DR}`, id: DR });

    const role = body(
      await h.get('glusteradmin@internal', '/roles/def0000b-0000-0000-0000-def00000000b', {
        filter: 'true',
      }),
    );
    expect(role).toMatchObject({ name: 'GlusterAdmin', administrative: 'true', mutable: 'false' });
    const permits = items(
      await h.get('glusteradmin@internal', '/roles/def0000b-0000-0000-0000-def00000000b/permits', {
        filter: 'true',
      }),
      'permit',
    );
    expect(permits.map((p) => p.name)).toEqual([
      'create_gluster_volume',
      'manipulate_gluster_volume',
      'delete_gluster_volume',
      'login',
    ]);
    expect(permits.find((p) => p.name === 'manipulate_gluster_volume')).toEqual({
      name: 'manipulate_gluster_volume',
      administrative: 'true',
      role: {
        href: '/ovirt-engine/api/roles/def0000b-0000-0000-0000-def00000000b',
        id: 'def0000b-0000-0000-0000-def00000000b',
      },
      href: '/ovirt-engine/api/roles/def0000b-0000-0000-0000-def00000000b/permits/1001',
      id: '1001',
    });
    expect(permits.find((p) => p.name === 'login')!.administrative).toBe('false');
  });

  it('names no object on a system permission and expands SuperUser to every permit', async () => {
    const perms = items(
      await h.get('admin@internal', '/users/59c035ea-763e-3ad9-a8e6-532bf4d0cdba/permissions'),
      'permission',
    );
    expect(perms).toHaveLength(1);
    expect(Object.keys(perms[0]!).sort()).toEqual(['href', 'id', 'role', 'user']);
    const permits = items(
      await h.get('admin@internal', '/roles/00000000-0000-0000-0000-000000000001/permits'),
      'permit',
    ).map((p) => p.name);
    expect(permits).toEqual(
      expect.arrayContaining(['login', 'manipulate_gluster_volume', 'inject_external_events']),
    );
  });

  it('shows filtered users only themselves; admins see every user', async () => {
    expect(names(await h.get('virtonly@internal', '/users'), 'user')).toEqual(['Virt']);
    expect(
      body(await h.get('virtonly@internal', '/users/d8d3c937-4bff-351f-875c-1b13afd3cfc1'))
        .user_name,
    ).toBe('virtonly@internal-authz');
    expect(
      (await h.get('virtonly@internal', '/users/59c035ea-763e-3ad9-a8e6-532bf4d0cdba')).statusCode,
    ).toBe(404);
    expect(
      (await h.get('virtonly@internal', '/users/59c035ea-763e-3ad9-a8e6-532bf4d0cdba/permissions'))
        .statusCode,
    ).toBe(404);
    expect(items(await h.get('admin@internal', '/users'), 'user')).toHaveLength(7);
    expect(
      items(
        await h.get('admin@internal', '/users/f45780d3-e140-36fc-9943-6fa47e83138a/permissions'),
        'permission',
      ),
    ).toHaveLength(2);
  });

  it('serves system permissions as GetPermissionsForObject does (filtered: only to a holder)', async () => {
    const res = await h.get('admin@internal', '/permissions');
    expect(items(res, 'permission').map((p) => p.id)).toEqual([
      LAB_IDS.permission0,
      LAB_IDS.permission0r,
      LAB_IDS.permission1,
    ]);
    expect(items(await h.get('virtonly@internal', '/permissions'), 'permission')).toEqual([]);
    expect(
      items(await h.get('admin@internal', '/permissions', { filter: 'true' }), 'permission').map(
        (p) => p.id,
      ),
    ).toEqual([LAB_IDS.permission0, LAB_IDS.permission0r, LAB_IDS.permission1]);
  });
});

describe('requests the engine refuses', () => {
  it('answers 404 with no body for paths it does not serve', async () => {
    const res = await h.get('admin@internal', '/vmpools');
    expect(res.statusCode).toBe(404);
    expect(res.body).toBe('');
  });

  it('ignores a malformed Filter header, refuses a malformed max, ignores unknown parameters', async () => {
    // ParametersHelper.getBooleanParameter logs and ignores what is no boolean: the default applies.
    const maybe = await h.get('admin@internal', '/clusters', { filter: 'maybe' });
    expect(names(maybe, 'cluster')).toEqual(['Default', 'gluster-prod', 'gluster-dr']);
    expect(
      names(await h.get('virtonly@internal', '/clusters', { filter: 'maybe' }), 'cluster'),
    ).toEqual(['Default']);
    expect((await h.get('admin@internal', '/clusters?max=two')).statusCode).toBe(400);
    expect(names(await h.get('admin@internal', '/clusters?max=1&colour=blue'), 'cluster')).toEqual([
      'Default',
    ]);
  });
});

describe('fidelity to the engine (ovirt-engine restapi)', () => {
  it('gives every object a UUID id, and reads a path id as java.util.UUID does', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const [path, key] of [
      ['/clusters', 'cluster'],
      ['/hosts', 'host'],
      ['/datacenters', 'data_center'],
      ['/users', 'user'],
      ['/roles', 'role'],
      [`/clusters/${PROD}/glustervolumes`, 'gluster_volume'],
    ] as const) {
      for (const o of items(await h.get('admin@internal', path), key))
        expect(`${path} ${String(o.id)}`).toMatch(new RegExp(` ${uuid.source.slice(1)}`));
    }
    // Upper case is the same UUID; so is a group written without its leading zeros.
    expect((await h.get('admin@internal', `/clusters/${PROD.toUpperCase()}`)).statusCode).toBe(200);
    expect((await h.get('admin@internal', '/roles/0-0-0-0-1')).statusCode).toBe(200);
  });

  it('ssh: port, the SSH user and the fingerprint always; the public key from 4.4.5.5 on (HostMapper)', async () => {
    const ssh = async (version: string) => {
      const lab = defaultLab();
      lab.engine_version = version;
      const e = await harness({ lab });
      try {
        return (body(await e.get('admin@internal', `/hosts/${LAB_IDS.hostProd1}`)).ssh ??
          {}) as Json;
      } finally {
        await e.close();
      }
    };
    const old = await ssh('4.4.5.4');
    expect(old).toEqual({
      port: '22',
      user: { user_name: 'root' },
      fingerprint: expect.stringMatching(/^SHA256:/) as string,
    });
    const now = await ssh('4.4.6');
    expect(now.public_key).toMatch(/^ssh-ed25519 AAAA/);
    expect(now.user).toEqual({ user_name: 'root' });
    const api = body(await h.get('admin@internal', ''));
    expect((api.product_info as Json).version).toMatchObject({
      major: '4',
      minor: '5',
      build: '7',
    });
  });

  it("lists a cluster's volumes by the engine's search, which a `search` parameter replaces", async () => {
    const own = names(
      await h.get('admin@internal', `/clusters/${PROD}/glustervolumes`),
      'gluster_volume',
    );
    expect(own).toEqual(['vmstore', 'data', 'archive', 'home', 'scratch']);
    // BackendGlusterVolumesResource.list + QueryHelper.getConstraint: the caller's search is the
    // whole constraint, so volumes of the other cluster come back under this cluster's path.
    const searched = names(
      await h.get('admin@internal', `/clusters/${PROD}/glustervolumes?search=name%3Dvmstore*`),
      'gluster_volume',
    );
    expect(searched).toEqual(['vmstore', 'vmstore-dr']);
    const scoped = names(
      await h.get(
        'admin@internal',
        `/clusters/${PROD}/glustervolumes?search=${encodeURIComponent('cluster = gluster-prod and name = vmstore*')}`,
      ),
      'gluster_volume',
    );
    expect(scoped).toEqual(['vmstore']);
    // The cluster is still read first: one the user cannot see is a 404, search or not.
    const hidden = await h.get(
      'virtonly@internal',
      `/clusters/${PROD}/glustervolumes?search=name%3D*`,
    );
    expect([hidden.statusCode, hidden.body]).toEqual([404, '']);
  });

  it('answers every request late when told to (a slow engine)', async () => {
    h.engine.setLatency(150);
    try {
      const t0 = Date.now();
      expect((await h.get('admin@internal', '/clusters')).statusCode).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    } finally {
      h.engine.setLatency(0);
    }
  });
});
