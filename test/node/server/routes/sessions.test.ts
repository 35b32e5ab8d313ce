/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.stringContaining, ...) are typed `any` */
// Sessions over the simulator: the list, one session, and a whole life cycle with its events.
import type { GeoRepSession } from '../../../../src/georep/types';
import {
  DR,
  PREFIX,
  PROD,
  startStack,
  type Stack,
  type Fault,
  type SessionList,
  type Acted,
} from '../../../support/service-harness';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s.close();
});

const SESSIONS = `/clusters/${PROD}/sessions`;
const ADMIN = 'admin@internal';

describe('reading sessions', () => {
  it('lists the sessions of the cluster in the engine style', async () => {
    const r = await s.call('glusterviewer@internal', 'GET', SESSIONS);
    expect(r.statusCode).toBe(200);
    const body = r.json<SessionList>();
    expect(Object.keys(body).sort()).toEqual(['backend', 'georep_session', 'read_at']);
    expect(body.backend).toBe('sim');
    expect(Date.parse(body.read_at)).not.toBeNaN();
    const list = body.georep_session;
    const names = list
      .map((x) => `${x.primary_volume}->${x.secondary_host}::${x.secondary_volume}`)
      .sort();
    expect(names).toEqual([
      'archive->gdr1.lab.example::archive-dr',
      'data->gdr1.lab.example::data-dr',
      'home->gdr2.lab.example::home-dr',
      'vmstore->backup.remote.example::vmstore-backup',
      'vmstore->gdr1.lab.example::vmstore-dr',
    ]);
    for (const x of list) {
      expect(x.cluster_id).toBe(PROD);
      expect(x.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(x.read_at).toBe(body.read_at);
    }
    const byName = (v: string, sv: string) =>
      list.find((x) => x.primary_volume === v && x.secondary_volume === sv)!;
    expect(byName('archive', 'archive-dr').status).toBe('Paused');
    expect(byName('home', 'home-dr').status).toBe('Stopped');
    expect(byName('vmstore', 'vmstore-backup').status).toBe('Created');
    // data is distributed-replicate 3 x 2 over gprod1..3; gprod3 is in maintenance: its bricks are Offline
    const data = byName('data', 'data-dr');
    expect(data.workers).toHaveLength(6);
    expect(new Set(data.workers.map((w) => w.replica_set))).toEqual(new Set([0, 1]));
    expect(
      data.workers
        .filter((w) => w.primary_node === 'gprod3.lab.example')
        .every((w) => w.status === 'Offline'),
    ).toBe(true);
  });

  it('serves one session, and 404 for an unknown or malformed id', async () => {
    const list = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    const one = await s.call(ADMIN, 'GET', `${SESSIONS}/${list[0]!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: list[0]!.id, primary_volume: list[0]!.primary_volume });

    const unknown = Buffer.from('nope/root@gdr1.lab.example::nope').toString('base64url');
    const r = await s.call(ADMIN, 'GET', `${SESSIONS}/${unknown}`);
    expect(r.statusCode).toBe(404);
    expect(r.json<Fault>().detail).toMatch(/no geo-replication session with id/);
    const bad = await s.call(ADMIN, 'GET', `${SESSIONS}/not-an-id`);
    expect(bad.statusCode).toBe(404);
  });

  it('lists no session for a cluster that has none', async () => {
    const r = await s.call(ADMIN, 'GET', `/clusters/${DR}/sessions`);
    expect(r.statusCode).toBe(200);
    expect(r.json<SessionList>().georep_session).toEqual([]);
  });
});

describe('a session from creation to deletion', () => {
  const create = {
    primary_volume: 'home',
    source_host_id: '8d00c721-20c9-36da-97cc-ed559cab14cc',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'backup-dr',
  };
  let id = '';
  const path = (verb = '') => `${SESSIONS}/${id}${verb}`;
  /** The session as a GET right after the answer reads it. */
  const now = async () => (await s.call(ADMIN, 'GET', path())).json<GeoRepSession>();

  it('creates the session (201, Created) and posts an event', async () => {
    const events = s.engine.events().length;
    const r = await s.call(ADMIN, 'POST', SESSIONS, create);
    expect(r.statusCode).toBe(201);
    const body = r.json<GeoRepSession>();
    expect(body).toMatchObject({ ...create_key(), cluster_id: PROD, status: 'Created' });
    id = body.id;
    const posted = s.engine.events().slice(events);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      origin: 'gluster-georep',
      severity: 'normal',
      cluster_id: PROD,
    });
    expect(posted[0]!.description).toMatch(
      /Created geo-replication session .*home.*backup-dr.*gdr1\.lab\.example.*admin@internal/,
    );
    // the list shows it at once: the action invalidated the cached read
    const list = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    expect(list.some((x) => x.id === id)).toBe(true);
  });

  it('refuses to create the same session twice (409)', async () => {
    const r = await s.call(ADMIN, 'POST', SESSIONS, create);
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(/already exists/);
  });

  it('starts it', async () => {
    const r = await s.call(ADMIN, 'POST', path('/start'), {});
    expect(r.statusCode).toBe(200);
    // The answer says Gluster accepted it; the state is what a read after it shows.
    expect(r.json<Acted>()).toEqual({ status: 'complete' });
    expect(['Initializing', 'Active', 'Passive']).toContain((await now()).status);
  });

  it('pauses it', async () => {
    const r = await s.call(ADMIN, 'POST', path('/pause'), {});
    expect(r.statusCode).toBe(200);
    expect((await now()).status).toBe('Paused');
  });

  it("answers 409 with Gluster's own words when pausing again, and posts an error event", async () => {
    const events = s.engine.events().length;
    const r = await s.call(ADMIN, 'POST', path('/pause'), {});
    expect(r.statusCode).toBe(409);
    expect(r.json()).toEqual({
      reason: 'Operation Failed',
      detail: expect.stringMatching(/Gluster said: .*already Paused/),
      // pause force skips Gluster's "already Paused" check
      force_may_help: true,
    });
    const posted = s.engine.events().slice(events);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ severity: 'error', origin: 'gluster-georep' });
    expect(posted[0]!.description).toMatch(/^Failed to pause .*admin@internal.*already Paused/);
  });

  it('resumes it', async () => {
    const r = await s.call(ADMIN, 'POST', path('/resume'), { force: false });
    expect(r.statusCode).toBe(200);
    expect((await now()).status).not.toBe('Paused');
  });

  it("refuses to delete it while it runs, with Gluster's words", async () => {
    const r = await s.call(ADMIN, 'DELETE', path());
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(/Gluster said: .*(active|running|stop)/i);
    expect(r.json<Fault>().force_may_help).toBe(false); // delete has no force
  });

  it('stops it', async () => {
    const r = await s.call(ADMIN, 'POST', path('/stop'), {});
    expect(r.statusCode).toBe(200);
    expect((await now()).status).toBe('Stopped');
  });

  it('deletes it, and it is gone', async () => {
    const r = await s.call(ADMIN, 'DELETE', `${path()}?reset_sync_time=true`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'complete' });
    expect((await s.call(ADMIN, 'GET', path())).statusCode).toBe(404);
  });

  it('posted one event per action, each naming the user, the volume and the secondary', () => {
    const mine = s.engine
      .events()
      .filter((e) => e.origin === 'gluster-georep' && /home/.test(e.description));
    const words = mine.map(
      (e) => `${e.severity}:${e.description.split(' ').slice(0, 3).join(' ')}`,
    );
    expect(words).toEqual([
      'normal:Created geo-replication session',
      'normal:The geo-replication session',
      'normal:The geo-replication session',
      'error:Failed to pause',
      'normal:The geo-replication session',
      'error:Failed to delete',
      'normal:The geo-replication session',
      'normal:The geo-replication session',
    ]);
    for (const e of mine) {
      expect(e.description).toContain('admin@internal');
      expect(e.description).toContain('home');
      expect(e.description).toContain('gdr1.lab.example::backup-dr');
      expect(e.cluster_id).toBe(PROD);
    }
    expect(new Set(mine.map((e) => e.custom_id)).size).toBe(mine.length);
  });

  function create_key() {
    return {
      primary_volume: 'home',
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
      secondary_user: 'root',
    };
  }
});

describe('acting as glusteradmin, who may act but not post events', () => {
  it('still completes the action when the event is refused', async () => {
    const list = (await s.call('glusteradmin@internal', 'GET', SESSIONS)).json<SessionList>()
      .georep_session;
    const created = list.find((x) => x.status === 'Created')!;
    const events = s.engine.events().length;
    const r = await s.call('glusteradmin@internal', 'POST', `${SESSIONS}/${created.id}/checkpoint`);
    expect(r.statusCode).toBe(200);
    expect(r.json<Acted>().status).toBe('complete');
    expect(s.engine.events().length).toBe(events);
  });
});

describe('a refusal says whether force may help (force_may_help)', () => {
  // A stack of its own: these change the demo's sessions. gprod3 (bricks of data) is in maintenance.
  let f: Stack;
  let data = '';
  let home = '';
  beforeAll(async () => {
    f = await startStack();
    const list = (await f.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    data = list.find((x) => x.primary_volume === 'data')!.id;
    home = list.find((x) => x.primary_volume === 'home')!.id;
  });
  afterAll(async () => {
    await f.close();
  });
  const act = (id: string, verb: string, force: boolean) =>
    f.call(ADMIN, 'POST', `${SESSIONS}/${id}/${verb}`, { force });

  it('pause and resume while a peer is down: refused, with force too, and force is never said to help', async () => {
    for (const verb of ['pause', 'resume']) {
      const plain = await act(data, verb, false);
      expect(plain.statusCode).toBe(409);
      expect(plain.json()).toEqual({
        reason: 'Operation Failed',
        detail: expect.stringMatching(
          /Gluster said: Peer gprod3\.lab\.example, which is a part of data volume, is down/,
        ),
        force_may_help: false,
      });
      const forced = await act(data, verb, true);
      expect(forced.statusCode).toBe(409);
      expect(forced.json<Fault>()).toMatchObject({ force_may_help: false });
      expect(forced.json<Fault>().detail).toMatch(/is down/);
    }
  });

  it('stop while a peer is down: refused, force may help, and stop force works', async () => {
    const plain = await act(data, 'stop', false);
    expect(plain.statusCode).toBe(409);
    expect(plain.json<Fault>()).toMatchObject({ force_may_help: true });
    expect(plain.json<Fault>().detail).toMatch(/is down/);
    const forced = await act(data, 'stop', true);
    expect(forced.statusCode).toBe(200);
    const after = (await f.call(ADMIN, 'GET', `${SESSIONS}/${data}`)).json<GeoRepSession>();
    expect(after.status).toBe('Stopped');
  });

  it('start of a session Gluster has as started: force may help, and start force restarts it', async () => {
    expect((await act(home, 'start', false)).statusCode).toBe(200);
    const again = await act(home, 'start', false);
    expect(again.statusCode).toBe(409);
    expect(again.json<Fault>()).toMatchObject({ force_may_help: true });
    expect(again.json<Fault>().detail).toMatch(/already started/);
    expect((await act(home, 'start', true)).statusCode).toBe(200);
  });

  it('the OpenAPI document describes force_may_help on the refusals of the actions', async () => {
    const doc = (await f.call(ADMIN, 'GET', '/openapi.json')).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { required: string[]; properties: object }> };
    }>();
    // The refusal is the Fault component, which names force_may_help beside reason and detail.
    const fault = doc.components.schemas.Fault!;
    expect(fault.required).toEqual(['reason', 'detail']);
    expect(Object.keys(fault.properties)).toEqual(['reason', 'detail', 'force_may_help']);
    const refusal = (path: string, method: string) =>
      JSON.stringify(
        doc.paths[`${PREFIX}/clusters/{cluster_id}/sessions/{session_id}${path}`]![method]!
          .responses['409'],
      );
    for (const verb of ['start', 'stop', 'pause', 'resume']) {
      expect(refusal(`/${verb}`, 'post')).toContain('force_may_help');
      expect(refusal(`/${verb}`, 'post')).toContain('#/components/schemas/Fault');
    }
    expect(refusal('', 'delete')).toContain('force_may_help');
  });
});
