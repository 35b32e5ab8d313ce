// The thin clients of src/api/create.ts and src/api/ssh.ts, and createServices, against a fake
// fetch (fakeFetch.ts): paths, methods, bodies, the bearer token, faults as ApiError (409 host_key_changed,
// 429), and the engine reads behind the remote host suggestions.
import { createSession, listRemoteHostSuggestions, runPreflight } from '../../../../src/api/create';
import { engineClient } from '../../../../src/api/engine';
import { georepClient } from '../../../../src/api/georep';
import { fake } from '../../../support/fakeFetch';
import { ApiError } from '../../../../src/api/http';
import { getHostSshKey, getRemoteHostKey, setupSsh, verifySsh } from '../../../../src/api/ssh';
import { createServices } from '../../../../src/api/services';

const BASE = 'https://engine.example.com/ovirt-georep/api';
const FP = `SHA256:${'a'.repeat(43)}`;

const client = () => georepClient(BASE, () => 'tok', 5000);

test('preflight: POST clusters/{cid}/preflight with the body as given', async () => {
  const c = client();
  const seen = fake(c, () => ({
    status: 200,
    data: { check: [], can_create: true, can_create_with_force: true },
  }));
  const body = {
    primary_volume: 'data',
    source_host_id: 'h-1',
    secondary_host: 'remote1',
    secondary_volume: 'data-dr',
    secondary_user: 'root',
    ssh_port: 22,
  };
  expect(await runPreflight(c, 'c 1', body)).toEqual({
    check: [],
    can_create: true,
    can_create_with_force: true,
  });
  expect(seen).toEqual([
    {
      method: 'POST',
      url: `${BASE}/clusters/c%201/preflight`,
      params: undefined,
      data: body,
      auth: 'Bearer tok',
      filter: undefined,
    },
  ]);
});

test('preflight of a directory: the provisioned volume and the plan are passed on', async () => {
  const c = client();
  const provisioned = { name: 'georep-srv', host: 'r', path: '/srv', reused: true };
  fake(c, () => ({
    status: 200,
    data: {
      check: [],
      can_create: true,
      can_create_with_force: true,
      provisioned_volume: provisioned,
      plan: 'Will reuse.',
    },
  }));
  expect(
    await runPreflight(c, 'c-1', {
      primary_volume: 'data',
      secondary_host: 'r',
      secondary_path: '/srv',
    }),
  ).toEqual({
    check: [],
    can_create: true,
    can_create_with_force: true,
    provisioned_volume: provisioned,
    plan: 'Will reuse.',
  });
});

test('create: POST clusters/{cid}/sessions; a fault becomes an ApiError with the service detail', async () => {
  const c = client();
  const seen = fake(c, (cfg) =>
    JSON.stringify(cfg.data).includes('"secondary_volume":"bad"')
      ? { status: 409, data: { reason: 'Conflict', detail: 'The session was not created.' } }
      : { status: 201, data: { id: 's-1' } },
  );
  const body = {
    primary_volume: 'data',
    source_host_id: 'h-1',
    secondary_host: 'r',
    secondary_volume: 'dr',
    start: false,
    config: { 'sync-jobs': '4' },
  };
  expect(await createSession(c, 'c-1', body)).toEqual({ id: 's-1' });
  expect(seen[0]).toMatchObject({
    method: 'POST',
    url: `${BASE}/clusters/c-1/sessions`,
    data: body,
  });
  const err = await createSession(c, 'c-1', { ...body, secondary_volume: 'bad' }).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({
    kind: 'conflict',
    status: 409,
    detail: 'The session was not created.',
  });
});

test('ssh: the host key, the remote key, verify (with and without a key path) and setup', async () => {
  const c = client();
  const seen = fake(c, (cfg) => ({
    status: 200,
    data:
      cfg.url.endsWith('/ssh') || cfg.url.endsWith('remote-key')
        ? { algorithm: 'ssh-ed25519', fingerprint: FP, public_key: null }
        : { ok: true, detail: 'fine' },
  }));
  expect(await getHostSshKey(c, 'c-1', 'h/1')).toEqual({
    algorithm: 'ssh-ed25519',
    fingerprint: FP,
    public_key: null,
  });
  await getRemoteHostKey(c, 'c-1', 'h-1', { remote_host: 'r', port: 2222 });
  await verifySsh(c, 'c-1', 'h-1', { user: 'root', remote_host: 'r', port: 22 });
  await verifySsh(c, 'c-1', 'h-1', {
    user: 'root',
    remote_host: 'r',
    port: 22,
    private_key_path: '~/.ssh/k',
  });
  await setupSsh(c, 'c-1', 'h-1', {
    user: 'geo',
    remote_host: 'r',
    port: 22,
    password: 'pw',
    confirmed_fingerprint: FP,
  });
  expect(seen.map((s) => [s.method, s.url.slice(BASE.length), s.data])).toEqual([
    ['GET', '/clusters/c-1/hosts/h%2F1/ssh', undefined],
    ['POST', '/clusters/c-1/hosts/h-1/ssh/remote-key', { remote_host: 'r', port: 2222 }],
    ['POST', '/clusters/c-1/hosts/h-1/ssh/verify', { user: 'root', remote_host: 'r', port: 22 }],
    [
      'POST',
      '/clusters/c-1/hosts/h-1/ssh/verify',
      { user: 'root', remote_host: 'r', port: 22, private_key_path: '~/.ssh/k' },
    ],
    [
      'POST',
      '/clusters/c-1/hosts/h-1/ssh/setup',
      { user: 'geo', remote_host: 'r', port: 22, password: 'pw', confirmed_fingerprint: FP },
    ],
  ]);
  expect(seen.every((s) => s.auth === 'Bearer tok')).toBe(true);
});

test('setup faults: 409 host_key_changed and 429 keep their reason and status', async () => {
  const c = client();
  let status = 409;
  fake(c, () => ({
    status,
    data:
      status === 409
        ? { reason: 'host_key_changed', detail: 'The password was not sent.' }
        : { reason: 'Too Many Requests', detail: 'wait' },
  }));
  const req = {
    user: 'root',
    remote_host: 'r',
    port: 22,
    password: 'pw',
    confirmed_fingerprint: FP,
  };
  await expect(setupSsh(c, 'c-1', 'h-1', req)).rejects.toMatchObject({
    status: 409,
    reason: 'host_key_changed',
    detail: 'The password was not sent.',
  });
  status = 429;
  await expect(setupSsh(c, 'c-1', 'h-1', req)).rejects.toMatchObject({
    status: 429,
    detail: 'wait',
  });
});

test('remote host suggestions: hosts of the other Gluster clusters, sorted, read as WebAdmin reads (no Filter)', async () => {
  const engine = engineClient('https://engine.example.com/ovirt-engine/', () => 'tok', 5000);
  const seen = fake(engine, (cfg) =>
    cfg.url === 'clusters'
      ? {
          status: 200,
          data: {
            cluster: [
              { id: 'c-1', name: 'east', gluster_service: 'true' },
              { id: 'c-2', name: 'west', gluster_service: 'true' },
              { id: 'c-3', name: 'virt', gluster_service: 'false' },
              { id: 'c-4', name: 'alpha', gluster_service: 'true' },
            ],
          },
        }
      : {
          status: 200,
          data: {
            host: [
              {
                id: 'h-1',
                name: 'e1',
                address: 'e1.example.com',
                status: 'up',
                cluster: { id: 'c-1' },
              },
              {
                id: 'h-2',
                name: 'w2',
                address: 'w2.example.com',
                status: 'up',
                cluster: { id: 'c-2' },
              },
              {
                id: 'h-3',
                name: 'w1',
                address: 'w1.example.com',
                status: 'maintenance',
                cluster: { id: 'c-2' },
              },
              {
                id: 'h-4',
                name: 'v1',
                address: 'v1.example.com',
                status: 'up',
                cluster: { id: 'c-3' },
              },
              { id: 'h-5', name: 'a1', address: '10.1.1.1', status: 'up', cluster: { id: 'c-4' } },
              { id: 'h-6', name: 'orphan', address: 'o.example.com', status: 'up' },
            ],
          },
        },
  );
  expect(await listRemoteHostSuggestions(engine, 'c-1')).toEqual([
    { address: '10.1.1.1', name: 'a1', status: 'up', clusterId: 'c-4', clusterName: 'alpha' },
    {
      address: 'w1.example.com',
      name: 'w1',
      status: 'maintenance',
      clusterId: 'c-2',
      clusterName: 'west',
    },
    { address: 'w2.example.com', name: 'w2', status: 'up', clusterId: 'c-2', clusterName: 'west' },
  ]);
  expect(seen.map((s) => [s.url, s.filter])).toEqual([
    ['https://engine.example.com/ovirt-engine/api/clusters', undefined],
    ['https://engine.example.com/ovirt-engine/api/hosts', undefined],
  ]);
});

test('createServices wires each Start call to its request (start: POST .../start without force)', async () => {
  const engine = engineClient('https://engine.example.com/ovirt-engine/', () => 'tok', 5000);
  const georep = client();
  const engineSeen = fake(engine, (cfg) => ({
    status: 200,
    data:
      cfg.url === 'hosts'
        ? { host: [{ id: 'h-1' }] }
        : { gluster_volume: [{ id: 'v-1', name: 'data' }] },
  }));
  const seen = fake(georep, () => ({ status: 200, data: { ok: true, detail: '', check: [] } }));
  const s = createServices(engine, georep);
  expect(await s.listClusterHosts('east')).toEqual([{ id: 'h-1' }]);
  expect(await s.listClusterVolumes('c-1')).toEqual([{ id: 'v-1', name: 'data' }]);
  expect(
    engineSeen.map((x) => [
      x.url.replace('https://engine.example.com/ovirt-engine/api/', ''),
      x.params,
    ]),
  ).toEqual([
    // As the engine writes it itself (BackendGlusterVolumesResource: `cluster = <name>`).
    ['hosts', { search: 'cluster = east' }],
    ['clusters/c-1/glustervolumes', undefined],
  ]);
  await s.controlSession('c-1', 's-1', 'start', false);
  await s.getHostKey('c-1', 'h-1');
  await s.getRemoteKey('c-1', 'h-1', { remote_host: 'r', port: 22 });
  await s.verifySsh('c-1', 'h-1', { user: 'root', remote_host: 'r', port: 22 });
  await s.setupSsh('c-1', 'h-1', {
    user: 'root',
    remote_host: 'r',
    port: 22,
    password: 'p',
    confirmed_fingerprint: FP,
  });
  await s.preflight('c-1', { primary_volume: 'd', secondary_host: 'r', secondary_volume: 'v' });
  await s.createSession('c-1', {
    primary_volume: 'd',
    source_host_id: 'h-1',
    secondary_host: 'r',
    secondary_volume: 'v',
  });
  expect(seen.map((x) => [x.method, x.url.slice(BASE.length), x.data])).toEqual([
    ['POST', '/clusters/c-1/sessions/s-1/start', {}],
    ['GET', '/clusters/c-1/hosts/h-1/ssh', undefined],
    ['POST', '/clusters/c-1/hosts/h-1/ssh/remote-key', { remote_host: 'r', port: 22 }],
    ['POST', '/clusters/c-1/hosts/h-1/ssh/verify', { user: 'root', remote_host: 'r', port: 22 }],
    [
      'POST',
      '/clusters/c-1/hosts/h-1/ssh/setup',
      { user: 'root', remote_host: 'r', port: 22, password: 'p', confirmed_fingerprint: FP },
    ],
    [
      'POST',
      '/clusters/c-1/preflight',
      { primary_volume: 'd', secondary_host: 'r', secondary_volume: 'v' },
    ],
    [
      'POST',
      '/clusters/c-1/sessions',
      { primary_volume: 'd', source_host_id: 'h-1', secondary_host: 'r', secondary_volume: 'v' },
    ],
  ]);
});
