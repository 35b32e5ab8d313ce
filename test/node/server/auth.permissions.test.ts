/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any` */
// The right to act, as the real engine models it: the manipulate_gluster_volume permit through a
// permission on the cluster, its data center or the system (GlusterCommandBase), given to the user
// or to one of the user's groups; a permission on a Gluster volume (which the REST mapper writes
// with no object at all) is never taken for the system. An action needs a fresh answer.
import { LAB_IDS } from '../../../dev/lab';
import { DR, PROD, startStack, type Fault, type SessionList, type Stack } from '../../support/service-harness';

interface Perm {
  id: string;
  user?: { id: string };
  group?: { id: string };
  cluster?: { id: string };
}

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s.close();
});

async function firstSession(user: string, cluster: string): Promise<string> {
  const r = await s.call(user, 'GET', `/clusters/${cluster}/sessions`);
  expect(r.statusCode).toBe(200);
  return r.json<SessionList>().georep_session[0]!.id;
}

describe('GlusterAdmin on one Gluster volume only', () => {
  it('sees the cluster it may read, but may not act on it', async () => {
    const a = await s.call('volumeadmin@internal', 'GET', `/clusters/${PROD}/access`);
    expect(a.json()).toMatchObject({
      can_read: true,
      can_manage: false,
      reason: expect.stringContaining('ReadOnlyAdmin on cluster gluster-prod'),
    });
    // the user as WebAdmin's header shows them, not the engine's authz spelling
    expect(a.json<{ reason: string }>().reason).toMatch(/^volumeadmin@internal may view /);
    const id = await firstSession('volumeadmin@internal', PROD);
    const before = s.sim!.callCount();
    for (const [method, path, body] of [
      ['POST', `/clusters/${PROD}/sessions/${id}/pause`, {}],
      ['PUT', `/clusters/${PROD}/sessions/${id}/config/sync-jobs`, { value: '4' }],
      [
        'POST',
        `/clusters/${PROD}/preflight`,
        {
          primary_volume: 'vmstore',
          secondary_host: 'backup.remote.example',
          secondary_volume: 'x',
        },
      ],
      ['DELETE', `/clusters/${PROD}/sessions/${id}`, undefined],
    ] as const) {
      const r = await s.call('volumeadmin@internal', method, path, body);
      expect([path, r.statusCode]).toEqual([path, 403]);
      expect(r.json<Fault>().detail).toMatch(
        /a role on one Gluster volume or another object does not count/,
      );
    }
    expect(s.sim!.callCount()).toBe(before);
  });

  it('a refusal to act wins over a session Gluster does not list (the two are asked together)', async () => {
    const missing = '00000000-0000-5000-8000-000000000000';
    for (const verb of ['pause', 'checkpoint']) {
      const r = await s.call(
        'volumeadmin@internal',
        'POST',
        `/clusters/${PROD}/sessions/${missing}/${verb}`,
        {},
      );
      expect([verb, r.statusCode]).toEqual([verb, 403]);
    }
    const r = await s.call(
      'admin@internal',
      'POST',
      `/clusters/${PROD}/sessions/${missing}/pause`,
      {},
    );
    expect(r.statusCode).toBe(404);
  });

  it('the engine writes the volume permission with no object, the cluster one with its cluster', async () => {
    const r = await s.app.inject({
      method: 'GET',
      url: `/ovirt-engine/api/users/${LAB_IDS.userVolumeadmin}/permissions`,
      headers: {
        authorization: `Bearer ${s.token('volumeadmin@internal')}`,
        accept: 'application/json',
      },
    });
    const perms = r.json<{ permission: Record<string, unknown>[] }>().permission;
    const vol = perms.find((p) => p.id === LAB_IDS.permissionVolumeadmin1)!;
    expect(Object.keys(vol).sort()).toEqual(['href', 'id', 'role', 'user']);
    expect(perms.find((p) => p.id === LAB_IDS.permissionVolumeadmin2)).toHaveProperty(
      'cluster.id',
      PROD,
    );
  });

  it('sees the other Gluster cluster too, as WebAdmin shows it to an admin, and may not act there', async () => {
    // An admin reads the engine unfiltered: every cluster (BaseBackendResource.isFiltered).
    expect(
      (await s.call('volumeadmin@internal', 'GET', `/clusters/${DR}/sessions`)).statusCode,
    ).toBe(200);
    const a = await s.call('volumeadmin@internal', 'GET', `/clusters/${DR}/access`);
    expect(a.json()).toMatchObject({ can_read: true, can_manage: false });
    // No role of its own there: the others' permissions on the cluster's tree count for nothing.
    expect(a.json<{ reason: string }>().reason).not.toMatch(/Your roles there/);
  });
});

describe('GlusterAdmin through a group', () => {
  it('may act where the group holds the role, and says so', async () => {
    const a = await s.call('groupadmin@internal', 'GET', `/clusters/${DR}/access`);
    expect(a.json()).toMatchObject({
      can_manage: true,
      reason: expect.stringContaining(
        'GlusterAdmin role on cluster gluster-dr through one of their groups',
      ),
    });
    const r = await s.call('groupadmin@internal', 'POST', `/clusters/${DR}/preflight`, {
      primary_volume: 'vmstore-dr',
      secondary_host: 'backup.remote.example',
      secondary_volume: 'vmstore-backup',
    });
    expect(r.statusCode).toBe(200);
  });

  it("the cluster's permissions name the group and the cluster, inherited ones included", async () => {
    const get = async (user: string, url: string) =>
      (
        await s.app.inject({
          method: 'GET',
          url: `/ovirt-engine/api${url}`,
          headers: {
            authorization: `Bearer ${s.token(user)}`,
            accept: 'application/json',
            filter: 'true',
          },
        })
      ).json<{ permission?: Perm[] }>().permission ?? [];
    const tree = await get('groupadmin@internal', `/clusters/${DR}/permissions`);
    // Direct ones on the cluster: all of them, since the user holds one there (GetPermissionsByEntityId).
    expect(tree.map((p) => p.id).sort()).toEqual(
      [LAB_IDS.permission4, LAB_IDS.permission6, LAB_IDS.permissionGlusterOps].sort(),
    );
    expect(tree.find((p) => p.id === LAB_IDS.permissionGlusterOps)).toMatchObject({
      group: { id: LAB_IDS.groupGlusterOps },
      cluster: { id: DR },
    });
    expect(tree.find((p) => p.id === LAB_IDS.permissionGlusterOps)).not.toHaveProperty('user');
    // glusteradmin holds GlusterAdmin on the data center of gluster-prod: inherited, written as the cluster.
    const prod = await get('glusteradmin@internal', `/clusters/${PROD}/permissions`);
    expect(prod.map((p) => [p.id, p.cluster?.id])).toEqual([[LAB_IDS.permission5, PROD]]);
  });

  it('reads, but may not act, where the group holds nothing', async () => {
    // An admin through its group (GetAnyAdminRoleByUserIdAndGroupIds): unfiltered, as in WebAdmin.
    const a = await s.call('groupadmin@internal', 'GET', `/clusters/${PROD}/access`);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ can_read: true, can_manage: false });
    const id = await firstSession('groupadmin@internal', PROD);
    const before = s.sim!.callCount();
    const r = await s.call(
      'groupadmin@internal',
      'POST',
      `/clusters/${PROD}/sessions/${id}/pause`,
      {},
    );
    expect(r.statusCode).toBe(403);
    expect(s.sim!.callCount()).toBe(before);
  });
});

describe('acting needs a fresh answer from the engine', () => {
  it('reads come from the cache while the engine is down; actions are refused', async () => {
    const id = await firstSession('glusteradmin@internal', PROD);
    const ok = await s.call('glusteradmin@internal', 'GET', `/clusters/${PROD}/access`);
    expect(ok.json()).toMatchObject({ can_manage: true, checked_at: expect.any(String) });
    s.engine.setDown(true);
    try {
      const read = await s.call('glusteradmin@internal', 'GET', `/clusters/${PROD}/access`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({
        checked_at: ok.json<{ checked_at: string }>().checked_at,
      });
      const before = s.sim!.callCount();
      const act = await s.call(
        'glusteradmin@internal',
        'POST',
        `/clusters/${PROD}/sessions/${id}/checkpoint`,
        {},
      );
      expect(act.statusCode).toBeGreaterThanOrEqual(502);
      expect(act.json<Fault>().detail).toMatch(/engine/);
      expect(s.sim!.callCount()).toBe(before);
    } finally {
      s.engine.setDown(false);
    }
  });

  it('a role taken away is refused at the next action, not 10 seconds later', async () => {
    const id = await firstSession('glusteradmin@internal', PROD);
    expect(
      (await s.call('glusteradmin@internal', 'GET', `/clusters/${PROD}/access`)).json(),
    ).toMatchObject({ can_manage: true });
    const p5 = s.lab.permissions.findIndex((p) => p.id === LAB_IDS.permission5);
    const [removed] = s.lab.permissions.splice(p5, 1);
    // Still visible (read-only on the cluster), no longer GlusterAdmin on its data center.
    s.lab.permissions.push({
      id: '0b5e1f6a-7d0c-3a3e-9c1f-5a4b3c2d1e0f',
      user_id: LAB_IDS.userGlusteradmin,
      role_id: LAB_IDS.roleReadonlyadmin,
      on: { type: 'cluster', id: PROD },
    });
    try {
      const r = await s.call(
        'glusteradmin@internal',
        'POST',
        `/clusters/${PROD}/sessions/${id}/checkpoint`,
        {},
      );
      expect(r.statusCode).toBe(403);
    } finally {
      s.lab.permissions.splice(
        s.lab.permissions.findIndex((p) => p.id === '0b5e1f6a-7d0c-3a3e-9c1f-5a4b3c2d1e0f'),
        1,
      );
      s.lab.permissions.push(removed!);
    }
  });
});
