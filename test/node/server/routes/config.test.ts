/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.stringContaining, ...) are typed `any` */
// A session's options: read with the catalogue, set (checked before Gluster hears of it), reset.
import type { GeoRepConfigOption, GeoRepSession } from '../../../../src/georep/types';
import {
  PROD,
  startStack,
  type Stack,
  type Fault,
  type SessionList,
  type Acted,
  type ConfigList,
} from '../../../support/service-harness';

let s: Stack;
let base = '';
beforeAll(async () => {
  s = await startStack();
  const list = (
    await s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`)
  ).json<SessionList>().georep_session;
  const archive = list.find((x) => x.primary_volume === 'archive')!;
  base = `/clusters/${PROD}/sessions/${archive.id}/config`;
});
afterAll(async () => {
  await s.close();
});

const ADMIN = 'admin@internal';
const option = async (name: string): Promise<GeoRepConfigOption> =>
  (await s.call(ADMIN, 'GET', base))
    .json<ConfigList>()
    .georep_config_option.find((o) => o.name === name)!;

describe('reading', () => {
  it('lists every option Gluster lists, with description, type and default', async () => {
    const r = await s.call('glusterviewer@internal', 'GET', base);
    expect(r.statusCode).toBe(200);
    const opts = r.json<ConfigList>().georep_config_option;
    expect(opts.length).toBeGreaterThan(30);
    const sync = opts.find((o) => o.name === 'sync-jobs')!;
    expect(sync).toEqual({
      name: 'sync-jobs',
      value: '3',
      default: '3',
      description: expect.stringMatching(/parallel/),
      type: 'int',
      allowed_values: null,
      min: 1,
      max: 100,
      modified: false,
      read_only: false,
    });
    expect(opts.find((o) => o.name === 'sync-method')).toMatchObject({
      type: 'enum',
      allowed_values: ['rsync', 'tarssh'],
    });
    expect(opts.find((o) => o.name === 'working-dir')).toMatchObject({ read_only: true });
  });
});

describe('setting and resetting', () => {
  it('sets a value, marks it modified and posts an event', async () => {
    const events = s.engine.events().length;
    const r = await s.call(ADMIN, 'PUT', `${base}/sync-jobs`, { value: '5' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: 'sync-jobs', value: '5', default: '3', modified: true });
    expect((await option('sync-jobs')).value).toBe('5');
    const posted = s.engine.events().slice(events);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.description).toMatch(
      /Configuration sync-jobs has been set to 5 on the geo-replication session from volume archive .*admin@internal/,
    );
  });

  it('takes the underscore spelling and a JSON number', async () => {
    const r = await s.call(ADMIN, 'PUT', `${base}/sync_jobs`, { value: 6 });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: 'sync-jobs', value: '6' });
  });

  it('refuses a bad value with 400 before Gluster is called', async () => {
    const before = s.sim!.callCount();
    for (const [name, value, why] of [
      ['sync-jobs', 'many', /whole number/],
      ['sync-jobs', '0', /at least 1/],
      ['sync-method', 'ftp', /one of: rsync, tarssh/],
      ['use-meta-volume', 'yes', /true or false/],
      ['working-dir', '/tmp', /managed by Gluster/],
      ['no-such-option', '1', /not a geo-replication option/],
      ['rsync-command', 'rsync; rm -rf /', /rsync binary only/],
      ['ssh-options', '-oProxyCommand=sh', /ProxyCommand is not accepted/],
      ['rsync-options', '--rsync-path=/tmp/x', /--rsync-path is not accepted/],
    ] as const) {
      const r = await s.call(ADMIN, 'PUT', `${base}/${name}`, { value });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual({ reason: 'Invalid request', detail: expect.stringMatching(why) });
    }
    expect(s.sim!.callCount()).toBe(before);
  });

  it('refuses a body without value, or with unknown fields', async () => {
    const before = s.sim!.callCount();
    const missing = await s.call(ADMIN, 'PUT', `${base}/sync-jobs`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Fault>().detail).toMatch(/'value' is required/);
    const extra = await s.call(ADMIN, 'PUT', `${base}/sync-jobs`, { value: '4', also: 'this' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<Fault>().detail).toMatch(/'also' is not known/);
    expect(s.sim!.callCount()).toBe(before);
  });

  it('resets an option to its default', async () => {
    const r = await s.call(ADMIN, 'DELETE', `${base}/sync-jobs`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: 'sync-jobs', value: '3', modified: false });
    expect(s.engine.events().at(-1)!.description).toMatch(
      /Configuration sync-jobs of the .* has been reset to its default value/,
    );
  });

  it('refuses to reset a read-only option', async () => {
    const r = await s.call(ADMIN, 'DELETE', `${base}/working-dir`);
    expect(r.statusCode).toBe(400);
  });

  it('forbids glusterviewer to set or reset', async () => {
    expect(
      (await s.call('glusterviewer@internal', 'PUT', `${base}/sync-jobs`, { value: '4' }))
        .statusCode,
    ).toBe(403);
    expect((await s.call('glusterviewer@internal', 'DELETE', `${base}/sync-jobs`)).statusCode).toBe(
      403,
    );
  });
});

describe('checkpoint', () => {
  it('sets a checkpoint on a running session', async () => {
    const list = (await s.call(ADMIN, 'GET', `/clusters/${PROD}/sessions`)).json<SessionList>()
      .georep_session;
    const vm = list.find(
      (x) => x.primary_volume === 'vmstore' && x.secondary_volume === 'vmstore-dr',
    )!;
    const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions/${vm.id}/checkpoint`);
    expect(r.statusCode).toBe(200);
    expect(r.json<Acted>()).toEqual({ status: 'complete' });
    const after = (
      await s.call(ADMIN, 'GET', `/clusters/${PROD}/sessions/${vm.id}`)
    ).json<GeoRepSession>();
    expect(after.checkpoint).toMatchObject({
      completed: expect.any(Boolean),
    });
    expect(s.engine.events().at(-1)!.description).toMatch(
      /A checkpoint has been set on the geo-replication session from volume vmstore/,
    );
  });
});
