// The thin geo-rep service client (src/api/georep.ts) and the real services wiring, against a fake
// fetch (fakeFetch.ts): paths, methods, bodies, the bearer token read at each call, faults as ApiError.
import { engineClient } from '../../../../src/api/engine';
import {
  controlSession,
  deleteSession,
  georepClient,
  getClusterAccess,
  getSessionConfig,
  listSessions,
  resetSessionConfigOption,
  setCheckpoint,
  setSessionConfigOption,
} from '../../../../src/api/georep';
import { fake } from '../../../support/fakeFetch';
import { ApiError } from '../../../../src/api/http';
import { createGeoRepServices } from '../../../../src/app/environment';

const BASE = 'https://engine.example.com/ovirt-georep/api';

test('lists sessions with the bearer token read at each call', async () => {
  let token = 'tok-1';
  const client = georepClient(BASE, () => token, 1000);
  const seen = fake(client, () => ({
    status: 200,
    data: { georep_session: [{ id: 's1' }], read_at: '2026-01-01T00:00:00Z', backend: 'sim' },
  }));
  const list = await listSessions(client, 'c/1');
  expect(list).toEqual({
    sessions: [{ id: 's1' }],
    readAt: '2026-01-01T00:00:00Z',
    backend: 'sim',
  });
  token = 'tok-2';
  await listSessions(client, 'c/1');
  expect(seen.map((s) => [s.method, s.url, s.auth])).toEqual([
    ['GET', `${BASE}/clusters/c%2F1/sessions`, 'Bearer tok-1'],
    ['GET', `${BASE}/clusters/c%2F1/sessions`, 'Bearer tok-2'],
  ]);
});

test('an empty list may come without the key', async () => {
  const client = georepClient(BASE, () => 't', 1000);
  fake(client, () => ({ status: 200, data: { read_at: '2026-01-01T00:00:00Z' } }));
  expect((await listSessions(client, 'c1')).sessions).toEqual([]);
});

test('every action goes to its path with its body', async () => {
  const client = georepClient(BASE, () => 't', 1000);
  const seen = fake(client, () => ({
    status: 200,
    data: { status: 'complete', georep_session: { id: 's' }, georep_config_option: [] },
  }));
  await controlSession(client, 'c1', 's 1', 'start', false);
  await controlSession(client, 'c1', 's1', 'stop', true);
  await deleteSession(client, 'c1', 's1', true);
  await deleteSession(client, 'c1', 's1', false);
  await getSessionConfig(client, 'c1', 's1');
  await setSessionConfigOption(client, 'c1', 's1', 'sync-jobs', '4');
  await resetSessionConfigOption(client, 'c1', 's1', 'sync-jobs');
  await setCheckpoint(client, 'c1', 's1');
  const s = `${BASE}/clusters/c1/sessions`;
  expect(seen.map((x) => [x.method, x.url, x.data ?? null, x.params ?? null])).toEqual([
    ['POST', `${s}/s%201/start`, {}, null],
    ['POST', `${s}/s1/stop`, { force: true }, null],
    ['DELETE', `${s}/s1`, null, { reset_sync_time: 'true' }],
    ['DELETE', `${s}/s1`, null, { reset_sync_time: 'false' }],
    ['GET', `${s}/s1/config`, null, null],
    ['PUT', `${s}/s1/config/sync-jobs`, { value: '4' }, null],
    ['DELETE', `${s}/s1/config/sync-jobs`, null, null],
    ['POST', `${s}/s1/checkpoint`, {}, null],
  ]);
});

test('access: defaults to read-only when the service says nothing about managing', async () => {
  const client = georepClient(BASE, () => 't', 1000);
  fake(client, () => ({ status: 200, data: { can_read: true } }));
  expect(await getClusterAccess(client, 'c1')).toEqual({
    can_read: true,
    can_manage: false,
    reason: '',
  });
});

test('a 409 becomes an ApiError of kind conflict carrying Gluster’s message', async () => {
  const client = georepClient(BASE, () => 't', 1000);
  fake(client, () => ({
    status: 409,
    data: { reason: 'Operation Failed', detail: 'Geo-replication session is not running' },
  }));
  const err = await controlSession(client, 'c1', 's1', 'stop', false).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({
    kind: 'conflict',
    status: 409,
    reason: 'Operation Failed',
    detail: 'Geo-replication session is not running',
  });
});

test('the real services list only the Gluster clusters the engine returns for the user, read as WebAdmin reads (no Filter)', async () => {
  const engine = engineClient('https://engine.example.com/ovirt-engine/', () => 'tok', 1000);
  const georep = georepClient(BASE, () => 'tok', 1000);
  const seenEngine = fake(engine, () => ({
    status: 200,
    data: {
      cluster: [
        { id: 'g1', name: 'gluster', gluster_service: 'true' },
        { id: 'v1', name: 'virt', gluster_service: 'false', virt_service: 'true' },
        { id: 'x', name: 'no-flag' },
      ],
    },
  }));
  fake(georep, () => ({ status: 200, data: {} }));
  const services = createGeoRepServices(engine, georep);
  expect((await services.listGlusterClusters()).map((c) => c.id)).toEqual(['g1']);
  expect(seenEngine[0]!.url).toBe('https://engine.example.com/ovirt-engine/api/clusters');
  // A filtered read counts user roles only: it would show a WebAdmin (admin) user no cluster.
  expect(seenEngine[0]!.filter).toBeUndefined();
});
