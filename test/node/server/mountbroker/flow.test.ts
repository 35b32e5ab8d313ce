/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any` */
// A session for a non-root secondary user, on the simulator: preflight reads the mountbroker and
// says what create will do; create prepares the secondary (accounts checked, setup, add, glusterd
// restarted), creates push-pem, distributes the keys, each step audited; a second session changes
// nothing more; a missing account refuses before anything is done, naming the node.
import type { GeoRepSession, PreflightCheck } from '../../../../src/georep/types';
import { PROD, startStack, type Stack, type Fault } from '../../../support/service-harness';

const ADMIN = 'admin@internal';
const SOURCE = 'c81b92ae-997c-3484-baa3-e5fded264355';
const SESSIONS = `/clusters/${PROD}/sessions`;
const DR_HOSTS = ['gdr1.lab.example', 'gdr2.lab.example', 'gdr3.lab.example'];

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(() => s.close());

const body = (secondary_volume: string, more: Record<string, unknown> = {}) => ({
  primary_volume: 'home',
  source_host_id: SOURCE,
  secondary_host: 'gdr1.lab.example',
  secondary_volume,
  secondary_user: 'geoaccount',
  secondary_group: 'geogroup',
  ...more,
});
const nodes = () => s.secondaryRoot!.nodes;
const addAccount = (host: string) => {
  const n = nodes().get(host)!;
  n.groups.add('geogroup');
  n.users.set('geoaccount', {
    groups: new Set(['geoaccount', 'geogroup']),
    home: '/home/geoaccount',
  });
  s.sim!.world.hosts.get(host)!.users.push('geoaccount');
};

it('without the account on a node, preflight names the node and blocks; create refuses and changes nothing', async () => {
  addAccount('gdr1.lab.example');
  addAccount('gdr2.lab.example'); // gdr3, a peer of the DR pool without a brick of backup-dr, lacks it
  const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, body('backup-dr'));
  const c = r.json<{ check: PreflightCheck[] }>().check.find((x) => x.id === 'mountbroker');
  expect(c).toMatchObject({
    outcome: 'fail',
    severity: 'blocker',
    evidence: expect.stringMatching(/gdr3\.lab\.example lacks group geogroup, user geoaccount/),
  });
  const created = await s.call(ADMIN, 'POST', SESSIONS, body('backup-dr'));
  expect(created.statusCode).toBe(409);
  expect(created.json<Fault>().detail).toMatch(
    /Checking the user and group failed on gdr3\.lab\.example.*Nothing was changed.*The session was not created/,
  );
  expect(nodes().get('gdr1.lab.example')!.vol.root).toBeNull();
});

it('preflight reads gluster-mountbroker status and says what create will do, the glusterd restart included', async () => {
  addAccount('gdr3.lab.example');
  const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, body('backup-dr'));
  const c = r.json<{ check: PreflightCheck[] }>().check.find((x) => x.id === 'mountbroker');
  expect(c).toMatchObject({ outcome: 'pass', severity: 'info' });
  expect(c!.evidence).toMatch(/gluster-mountbroker setup \/var\/mountbroker-root geogroup/);
  expect(c!.evidence).toMatch(
    /glusterd will be RESTARTED on gdr1\.lab\.example, gdr2\.lab\.example, gdr3\.lab\.example/,
  );
  expect(c!.evidence).toMatch(/set_geo_rep_pem_keys\.sh geoaccount home backup-dr/);
});

it('create prepares the secondary step by step, audited, and the workers may then mount and log in as geoaccount', async () => {
  const events = s.engine.events().length;
  const r = await s.call(ADMIN, 'POST', SESSIONS, body('backup-dr', { start: true }));
  expect(r.statusCode).toBe(201);
  const session = r.json<GeoRepSession>();
  expect(session.nonroot_preparation!.map((x) => `${x.step}:${x.outcome}`)).toEqual([
    'accounts:already',
    'setup:done',
    'add:done',
    'restart_glusterd:done',
    'restart_glusterd:done',
    'restart_glusterd:done',
    'pem_keys:done',
  ]);
  for (const h of DR_HOSTS) expect(nodes().get(h)!.glusterdRestarts).toBe(1);
  const said = s.engine
    .events()
    .slice(events)
    .map((e) => e.description);
  expect(said.filter((d) => /Non-root preparation of gdr1\.lab\.example/.test(d))).toHaveLength(7);
  expect(said.some((d) => /Restarting glusterd on gdr2\.lab\.example/.test(d))).toBe(true);
  // The simulator lets the workers in only with the mountbroker loaded and the keys in place.
  const w = s.sim!.world;
  expect(w.mountbrokerOracle!('gdr1.lab.example', 'geoaccount', 'backup-dr')).toEqual({
    mounts: true,
    keys: true,
  });
  const rec = w.sessions.find((x) => x.svol === 'backup-dr' && x.user === 'geoaccount')!;
  expect(w.secondaryHealthy(rec)).toBe(true);
  expect(session.secondary_user).toBe('geoaccount');
});

it('a second non-root session reuses the set-up, adds its volume and restarts glusterd for that only', async () => {
  const r = await s.call(
    ADMIN,
    'POST',
    SESSIONS,
    body('used-dr', { primary_volume: 'archive', force: true }),
  );
  expect(r.statusCode).toBe(201);
  const steps = r.json<GeoRepSession>().nonroot_preparation!.map((x) => `${x.step}:${x.outcome}`);
  expect(steps).toEqual([
    'accounts:already',
    'setup:already',
    'add:done',
    'restart_glusterd:done',
    'restart_glusterd:done',
    'restart_glusterd:done',
    'pem_keys:done',
  ]);
});
