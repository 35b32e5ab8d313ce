// Events (POST validation, permissions, listing) and the engine going down.
import { DR, PROD, body, harness, items, type Harness } from '../../../support/engine-harness';

const event = (over: Record<string, unknown> = {}) => ({
  description: 'Geo-replication session vmstore -> backup::vmstore-dr is Faulty',
  severity: 'error',
  origin: 'gluster-georep',
  custom_id: '7001',
  cluster: { id: PROD },
  ...over,
});

describe('engine emulator: events', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('refuses an event without description, severity, origin or custom_id: 400 Incomplete parameters', async () => {
    const res = await h.post('admin@internal', '/events', {
      severity: 'normal',
      origin: 'gluster-georep',
    });
    expect(res.statusCode).toBe(400);
    expect(body(res)).toEqual({
      reason: 'Incomplete parameters',
      detail: 'Event [customId, description] required for add',
    });
    const all = await h.post('admin@internal', '/events', {});
    expect(body(all).detail).toBe(
      'Event [origin, severity, customId, description] required for add',
    );
    expect(h.engine.events()).toEqual([]);
  });

  it('refuses a bad severity, a non-integer custom_id and the reserved origin oVirt', async () => {
    expect(
      body(await h.post('admin@internal', '/events', event({ severity: 'fatal' }))).reason,
    ).toBe('Invalid value');
    expect(
      (await h.post('admin@internal', '/events', event({ custom_id: 'abc' }))).statusCode,
    ).toBe(400);
    const ovirt = await h.post('admin@internal', '/events', event({ origin: 'oVirt' }));
    expect(ovirt.statusCode).toBe(400);
    expect(body(ovirt).detail).toMatch(/Illegal origin/);
    expect(h.engine.events()).toEqual([]);
  });

  it('records an event from a user with inject_external_events and lists it newest first', async () => {
    const first = await h.post('admin@internal', '/events', event());
    expect(first.statusCode).toBe(201);
    const b = body(first);
    expect(b).toMatchObject({
      description: event().description,
      severity: 'error',
      origin: 'gluster-georep',
      custom_id: '7001',
      cluster: { href: `/ovirt-engine/api/clusters/${PROD}`, id: PROD },
    });
    expect(first.headers.location).toBe(b.href);
    expect(typeof b.time).toBe('number');
    await h.post(
      'admin@internal',
      '/events',
      event({ custom_id: 7002, severity: 'normal', description: 'second' }),
    );

    const list = await h.get('admin@internal', '/events');
    expect(items(list, 'event').map((e) => e.description)).toEqual(['second', event().description]);
    expect(
      items(await h.get('admin@internal', '/events?max=1'), 'event').map((e) => e.custom_id),
    ).toEqual(['7002']);
    expect(
      items(await h.get('admin@internal', '/events?search=severity%3Derror'), 'event'),
    ).toHaveLength(1);
    expect(h.engine.events().map((e) => e.custom_id)).toEqual([7001, 7002]);
    expect(h.engine.events()[0]).toMatchObject({
      posted_by: '59c035ea-763e-3ad9-a8e6-532bf4d0cdba',
      cluster_id: PROD,
    });
  });

  it("searches by the event's cluster name (the audit log's cluster cross-reference), quoted patterns and !=", async () => {
    const post = (over: Record<string, unknown>) =>
      h.post('admin@internal', '/events', event(over)).then((r) => expect(r.statusCode).toBe(201));
    await post({ custom_id: '1', description: 'Session data to h::v has been paused.' });
    await post({ custom_id: '2', description: 'Session data to u@h::v has been paused.' });
    await post({
      custom_id: '3',
      description: 'Session data to h::v is Faulty.',
      cluster: { id: DR },
    });
    const ids = async (search: string) =>
      items(await h.get('admin@internal', `/events?search=${encodeURIComponent(search)}`), 'event')
        .map((e) => e.custom_id)
        .sort();
    expect(await ids('cluster = gluster-prod')).toEqual(['1', '2']);
    expect(await ids('cluster.name = gluster-dr')).toEqual(['3']);
    expect(
      await ids(
        'origin = gluster-georep and cluster = gluster-prod and message = "* data *h::v*" and message != "*@h::v*"',
      ),
    ).toEqual(['1']);
  });

  it('refuses a duplicate (origin, custom_id)', async () => {
    expect((await h.post('admin@internal', '/events', event())).statusCode).toBe(201);
    expect(
      (await h.post('admin@internal', '/events', event({ description: 'again' }))).statusCode,
    ).toBe(400);
    expect(h.engine.events()).toHaveLength(1);
  });

  it('refuses users without inject_external_events with 403 (GlusterAdmin does not have it)', async () => {
    for (const user of ['glusteradmin@internal', 'glusterviewer@internal', 'virtonly@internal']) {
      const res = await h.post(
        user,
        '/events',
        event({ custom_id: String(Math.floor(Math.random() * 1e6)) }),
      );
      expect(res.statusCode).toBe(403);
      expect(body(res)).toEqual({
        reason: 'Operation Failed',
        detail: '[User is not authorized to perform this action.]',
      });
    }
    expect(h.engine.events()).toEqual([]);
  });

  it('grants inject_external_events through a role on the cluster (inherited from the data center)', async () => {
    h.lab.roles.push({
      id: 'role-events',
      name: 'ExternalEventsCreator',
      administrative: true,
      permits: ['inject_external_events', 'login'],
    });
    h.lab.permissions.push({
      id: 'p-9',
      user_id: 'ab541927-e9af-3366-9349-95577c67a111',
      role_id: 'role-events',
      on: { type: 'data_center', id: '7269c799-435a-3dfc-b78e-5ef9cbe34401' },
    });
    expect((await h.post('glusteradmin@internal', '/events', event())).statusCode).toBe(201);
    // ... but not on another data center's cluster, nor globally.
    expect(
      (
        await h.post(
          'glusteradmin@internal',
          '/events',
          event({ custom_id: 2, cluster: { id: DR } }),
        )
      ).statusCode,
    ).toBe(403);
    const global = event({ custom_id: 3 }) as Record<string, unknown>;
    delete global.cluster;
    expect((await h.post('glusteradmin@internal', '/events', global)).statusCode).toBe(403);
  });

  it('shows filtered users the events of clusters a user-type role lets them see, not global ones', async () => {
    await h.post('admin@internal', '/events', event());
    await h.post('admin@internal', '/events', event({ custom_id: 2, cluster: { id: DR } }));
    const global = event({ custom_id: 3 }) as Record<string, unknown>;
    delete global.cluster;
    await h.post('admin@internal', '/events', global);
    expect(items(await h.get('admin@internal', '/events'), 'event')).toHaveLength(3);
    // Admin roles (ReadOnlyAdmin) count for nothing in a filtered read (GetAllFromAuditLog joins
    // user_cluster_permissions_view: role_type = 2); unfiltered, an admin reads every event.
    expect(body(await h.get('glusterviewer@internal', '/events', { filter: 'true' }))).toEqual({});
    expect(items(await h.get('glusterviewer@internal', '/events'), 'event')).toHaveLength(3);
    expect(body(await h.get('virtonly@internal', '/events'))).toEqual({});
  });
});

describe('engine emulator: setDown', () => {
  it('resets every engine connection while down and serves again when back up; other routes are unaffected', async () => {
    const h = await harness({ setup: (app) => app.get('/other', () => ({ ok: true })) });
    try {
      const token = h.token('admin@internal');
      h.engine.setDown(true);
      await expect(h.get('admin@internal', '/clusters')).rejects.toMatchObject({
        code: 'LIGHT_ECONNRESET',
      });
      await expect(h.app.inject({ url: '/ovirt-engine/api' })).rejects.toMatchObject({
        code: 'LIGHT_ECONNRESET',
      });
      await expect(
        h.app.inject({
          url: '/ovirt-engine/sso/oauth/token?grant_type=password&username=admin@internal&password=admin',
        }),
      ).rejects.toMatchObject({ code: 'LIGHT_ECONNRESET' });
      expect((await h.app.inject({ url: '/other' })).json()).toEqual({ ok: true });

      h.engine.setDown(false);
      const res = await h.get('admin@internal', '/clusters');
      expect(res.statusCode).toBe(200);
      // The emulator keeps its tokens across the outage.
      expect(h.engine.userForToken(token)?.id).toBe('59c035ea-763e-3ad9-a8e6-532bf4d0cdba');
    } finally {
      await h.close();
    }
  });
});
