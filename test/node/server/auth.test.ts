/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.stringContaining, ...) are typed `any` */
// Who may call the service and what they may do, as the engine (emulator) decides.
import { displayUserName } from '../../../server/engine';
import { DR, PROD, startStack, VIRT, type Fault, type SessionList, type Stack } from '../../support/service-harness';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s.close();
});

const SESSIONS = `/clusters/${PROD}/sessions`;

describe('authentication', () => {
  it('answers 401 with a fault when there is no token', async () => {
    const r = await s.call(null, 'GET', SESSIONS);
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({
      reason: 'Unauthorized',
      detail: expect.stringContaining('SSO token'),
    });
  });

  it('answers 401 for a token the engine does not know', async () => {
    const r = await s.app.inject({
      method: 'GET',
      url: `/ovirt-georep/api${SESSIONS}`,
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json<Fault>().detail).toMatch(/did not accept your session token/);
  });

  it('answers 401 for an Authorization header that is not Bearer', async () => {
    const r = await s.app.inject({
      method: 'GET',
      url: `/ovirt-georep/api${SESSIONS}`,
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json<Fault>().detail).toMatch(/Bearer/);
  });

  it('needs a token for every route, the root and the OpenAPI document included', async () => {
    for (const path of ['/', '/openapi.json', `/clusters/${PROD}/access`]) {
      expect((await s.call(null, 'GET', path)).statusCode).toBe(401);
    }
    expect((await s.call(null, 'POST', `${SESSIONS}/x/start`, {})).statusCode).toBe(401);
  });

  it('lets a valid token in', async () => {
    const r = await s.call('admin@internal', 'GET', '/');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ backend: 'sim', product_info: { name: expect.any(String) } });
  });
});

describe('reading and acting', () => {
  it('shows glusterviewer the sessions but refuses its actions with the reason', async () => {
    const list = await s.call('glusterviewer@internal', 'GET', SESSIONS);
    expect(list.statusCode).toBe(200);
    const id = list.json<SessionList>().georep_session[0]!.id;
    const r = await s.call('glusterviewer@internal', 'POST', `${SESSIONS}/${id}/stop`, {});
    expect(r.statusCode).toBe(403);
    expect(r.json()).toEqual({
      reason: 'Forbidden',
      detail: expect.stringMatching(/glusterviewer.*manipulate_gluster_volume.*ReadOnlyAdmin/s),
    });
  });

  it('refuses glusterviewer a create, a config change and a preflight, before Gluster is called', async () => {
    const before = s.sim!.callCount();
    const body = {
      primary_volume: 'home',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
    };
    expect((await s.call('glusterviewer@internal', 'POST', SESSIONS, body)).statusCode).toBe(403);
    expect(
      (await s.call('glusterviewer@internal', 'POST', `/clusters/${PROD}/preflight`, body))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await s.call('glusterviewer@internal', 'PUT', `${SESSIONS}/abc/config/sync-jobs`, {
          value: '4',
        })
      ).statusCode,
    ).toBe(403);
    expect(s.sim!.callCount()).toBe(before);
  });

  it('tells the UI what each user may do', async () => {
    const viewer = await s.call('glusterviewer@internal', 'GET', `/clusters/${PROD}/access`);
    expect(viewer.json()).toEqual({
      can_read: true,
      can_manage: false,
      reason: expect.stringContaining('manipulate_gluster_volume'),
      checked_at: expect.any(String),
    });
    const admin = await s.call('admin@internal', 'GET', `/clusters/${PROD}/access`);
    expect(admin.json()).toEqual({
      can_read: true,
      can_manage: true,
      reason: expect.stringContaining('SuperUser'),
      checked_at: expect.any(String),
    });
    const gadmin = await s.call('glusteradmin@internal', 'GET', `/clusters/${PROD}/access`);
    expect(gadmin.json()).toMatchObject({
      can_manage: true,
      reason: expect.stringContaining('GlusterAdmin role on the data center'),
    });
    const gadminDr = await s.call('glusteradmin@internal', 'GET', `/clusters/${DR}/access`);
    expect(gadminDr.json()).toMatchObject({
      can_manage: true,
      reason: expect.stringContaining('cluster gluster-dr'),
    });
  });

  it('answers virtonly 404 for a Gluster cluster it cannot see', async () => {
    for (const path of [SESSIONS, `/clusters/${PROD}/access`]) {
      const r = await s.call('virtonly@internal', 'GET', path);
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({
        reason: 'Not Found',
        detail: expect.stringContaining('no permission to see it'),
      });
    }
  });

  it('answers 404 for a cluster without the Gluster service', async () => {
    const r = await s.call('admin@internal', 'GET', `/clusters/${VIRT}/sessions`);
    expect(r.statusCode).toBe(404);
    expect(r.json<Fault>().detail).toMatch(/Default has no Gluster service/);
  });

  it('answers 404 for a cluster that does not exist', async () => {
    const r = await s.call('admin@internal', 'GET', '/clusters/cl-nope/sessions');
    expect(r.statusCode).toBe(404);
  });
});

describe('the engine down', () => {
  it('answers 502 with a fault when the engine cannot be reached (for a token not seen before)', async () => {
    const t = s.engine.login('glusteradmin@internal', 'glusteradmin')!;
    s.engine.setDown(true);
    try {
      const r = await s.app.inject({
        method: 'GET',
        url: `/ovirt-georep/api${SESSIONS}`,
        headers: { authorization: `Bearer ${t}` },
      });
      expect(r.statusCode).toBe(502);
      expect(r.json()).toEqual({
        reason: 'Bad Gateway',
        detail: expect.stringContaining('Could not reach the engine'),
      });
    } finally {
      s.engine.setDown(false);
    }
  });
});

describe('displayUserName', () => {
  it('shows the login profile, as WebAdmin does, where the engine writes its authz extension', () => {
    expect(displayUserName('admin@internal-authz')).toBe('admin@internal');
    expect(displayUserName('jdoe@example.com-authz')).toBe('jdoe@example.com');
    expect(displayUserName('jdoe@corp')).toBe('jdoe@corp');
    expect(displayUserName('5e0a3d1c-0000-0000-0000-000000000000')).toBe(
      '5e0a3d1c-0000-0000-0000-000000000000',
    );
  });
});
