// The Start flow without any UI: the order of the calls, where it pauses for passwordless SSH and
// how it resumes, what a failed create leaves behind, and one run at a time.
import {
  assessPreflight,
  classifyCreateFailure,
  createRequest,
  StartFlow,
  type StartInput,
} from '../../../../../src/app/start/useStartFlow';
import { ApiError } from '../../../../../src/api/http';
import {
  apiError,
  arg,
  check,
  deferred,
  fakeStartServices,
  makeSession,
  PASSING_CHECKS,
  preflightOf,
} from '../../../../support/start-harness';

const INPUT: StartInput = {
  clusterId: 'c-1',
  primaryVolume: 'data',
  sourceHost: { id: 'h-1', name: 'node1', address: 'node1.example.com' },
  remoteHost: 'remote1.example.com',
  remoteVolume: 'data-dr',
  remotePath: null,
  user: 'root',
  group: null,
  port: 22,
  useDefault: true,
  config: {},
  force: false,
};

test('the create body: start false, config and group only when there are some', () => {
  expect(createRequest(INPUT)).toEqual({
    primary_volume: 'data',
    source_host_id: 'h-1',
    secondary_host: 'remote1.example.com',
    secondary_volume: 'data-dr',
    secondary_user: 'root',
    ssh_port: 22,
    force: false,
    start: false,
  });
  expect(
    createRequest({
      ...INPUT,
      user: 'geo',
      group: 'geogroup',
      config: { 'sync-jobs': '4' },
      force: true,
      port: 2222,
    }),
  ).toEqual({
    primary_volume: 'data',
    source_host_id: 'h-1',
    secondary_host: 'remote1.example.com',
    secondary_volume: 'data-dr',
    secondary_user: 'geo',
    secondary_group: 'geogroup',
    ssh_port: 2222,
    config: { 'sync-jobs': '4' },
    force: true,
    start: false,
  });
});

test('a directory target is sent as secondary_path, never with secondary_volume', () => {
  const body = createRequest({ ...INPUT, remoteVolume: 'georep-srv-geo', remotePath: '/srv/geo' });
  expect(body.secondary_path).toBe('/srv/geo');
  expect(body).not.toHaveProperty('secondary_volume');
});

test('assessPreflight: blockers and forceable failures apart; the SSH check never blocks', () => {
  const a = assessPreflight(
    preflightOf([
      check({ id: 'a', outcome: 'fail', severity: 'blocker' }),
      check({ id: 'b', outcome: 'fail', severity: 'forceable' }),
      check({ id: 'c', outcome: 'pass', severity: 'forceable' }),
      check({ id: 'd', outcome: 'fail', severity: 'info' }),
      check({ id: 'e', outcome: 'skipped', severity: 'blocker' }),
      check({ id: 'passwordless_ssh', outcome: 'fail', severity: 'blocker' }),
    ]),
  );
  expect(a.blockers.map((c) => c.id)).toEqual(['a']);
  expect(a.forceable.map((c) => c.id)).toEqual(['b']);
  expect(a.forceableAll.map((c) => c.id)).toEqual(['b', 'c']);
  expect(a.ssh?.id).toBe('passwordless_ssh');
});

test.each([
  [
    'creating the session on node1: Volume busy. The session was not created.',
    'conflict',
    'not_created',
  ],
  [
    'The session data -> remote1::data-dr was created, but setting its options failed: x. The session exists in state Created.',
    'conflict',
    'options_failed',
  ],
  [
    'Gluster accepted the creation of the session data -> r::d, but does not list it in its status yet; reload the sessions in a moment.',
    'unreachable',
    'created',
  ],
  [
    'creating the session: push-pem failed. The session was not created. Volume georep-srv-geo, provisioned on r:/srv/geo, was left in place (nothing was deleted): creating the session again reuses it.',
    'conflict',
    'not_created',
  ],
  ['timeout of 120000ms exceeded', 'timeout', 'unknown'],
  [
    'A geo-replication session from data to remote1::data-dr already exists (state Active).',
    'conflict',
    'not_created',
  ],
  ['primary_volume: cluster gluster-east has no volume named data.', 'invalid', 'not_created'],
] as const)('classifyCreateFailure(%j) = %s', (detail, kind, expected) => {
  expect(classifyCreateFailure(apiError(kind, detail))).toBe(expected);
});

test('no answer at all (network) during create is unknown, not "not created"', () => {
  expect(
    classifyCreateFailure(new ApiError('unreachable', null, 'Unreachable', 'Network Error')),
  ).toBe('unknown');
});

test('happy run: preflight, verify, create, start, in order; the state ends done', async () => {
  const s = fakeStartServices();
  const flow = new StartFlow(s.proxy);
  const seen: string[] = [];
  flow.subscribe(() => {
    const running = flow.getState().steps.find((x) => x.status === 'running');
    if (running && seen[seen.length - 1] !== running.id) seen.push(running.id);
  });
  const final = await flow.run(INPUT);
  expect(s.calls).toEqual(['preflight', 'verifySsh', 'createSession', 'controlSession']);
  expect(seen).toEqual(['check', 'verify', 'create', 'start']);
  expect(final?.outcome).toEqual({
    kind: 'done',
    session: expect.objectContaining({ id: makeSession().id }) as unknown,
  });
  expect(final?.steps.map((x) => x.status)).toEqual(['done', 'done', 'done', 'skipped', 'done']);
  expect(flow.getState().running).toBe(false);
});

test('a second run while one is going does nothing', async () => {
  const pre = deferred<ReturnType<typeof preflightOf>>();
  const s = fakeStartServices({ preflight: jest.fn(() => pre.promise) });
  const flow = new StartFlow(s.proxy);
  const first = flow.run(INPUT);
  expect(await flow.run(INPUT)).toBeNull();
  expect(await flow.check(INPUT)).toBeNull();
  pre.resolve(preflightOf(PASSING_CHECKS));
  await first;
  expect(s.calls.filter((c) => c === 'preflight')).toHaveLength(1);
  expect(s.calls.filter((c) => c === 'createSession')).toHaveLength(1);
});

test('verification keys can fix pauses the flow; after a password setup it verifies again and goes on', async () => {
  const s = fakeStartServices();
  s.verifySsh.mockResolvedValueOnce({
    ok: false,
    failure: 'unknown_host_key',
    detail: 'unknown key',
  });
  const flow = new StartFlow(s.proxy);
  const paused = await flow.run(INPUT);
  expect(paused?.outcome).toEqual({
    kind: 'needs_ssh',
    verify: { ok: false, failure: 'unknown_host_key', detail: 'unknown key' },
  });
  expect(s.calls).toEqual(['preflight', 'verifySsh']);
  const final = await flow.continueAfterSsh({ kind: 'password', detail: 'set up' });
  expect(s.calls).toEqual([
    'preflight',
    'verifySsh',
    'verifySsh',
    'createSession',
    'controlSession',
  ]);
  expect(final?.outcome.kind).toBe('done');
});

test("after a key setup: verified again with root's own key (what Gluster's create uses), then on", async () => {
  const s = fakeStartServices();
  s.verifySsh.mockResolvedValueOnce({ ok: false, failure: 'key_rejected', detail: 'rejected' });
  const flow = new StartFlow(s.proxy);
  await flow.run(INPUT);
  const final = await flow.continueAfterSsh({
    kind: 'key',
    path: '/root/.ssh/k',
    detail: 'set up with k',
  });
  expect(s.calls).toEqual([
    'preflight',
    'verifySsh',
    'verifySsh',
    'createSession',
    'controlSession',
  ]);
  expect(final?.steps.find((x) => x.id === 'verify')?.status).toBe('done');
  expect(final?.outcome.kind).toBe('done');
});

test('continueAfterSsh does nothing unless the flow waits for SSH; abandonSsh ends at verify', async () => {
  const s = fakeStartServices();
  const flow = new StartFlow(s.proxy);
  expect(await flow.continueAfterSsh({ kind: 'password', detail: '' })).toBeNull();
  s.verifySsh.mockResolvedValueOnce({ ok: false, failure: 'key_rejected', detail: 'rejected' });
  await flow.run(INPUT);
  flow.abandonSsh();
  expect(flow.getState().outcome).toEqual({ kind: 'failed', step: 'verify', reason: 'rejected' });
  expect(await flow.continueAfterSsh({ kind: 'password', detail: '' })).toBeNull();
  expect(s.calls).toEqual(['preflight', 'verifySsh']);
});

test('a password setup whose re-verification still fails pauses again', async () => {
  const s = fakeStartServices();
  s.verifySsh
    .mockResolvedValueOnce({ ok: false, failure: 'key_rejected', detail: 'rejected' })
    .mockResolvedValueOnce({ ok: false, failure: 'key_rejected', detail: 'still rejected' });
  const flow = new StartFlow(s.proxy);
  await flow.run(INPUT);
  const again = await flow.continueAfterSsh({ kind: 'password', detail: 'set up' });
  expect(again?.outcome).toEqual({
    kind: 'needs_ssh',
    verify: { ok: false, failure: 'key_rejected', detail: 'still rejected' },
  });
  expect(s.createSession).not.toHaveBeenCalled();
});

test('Use Default off: verify skipped, config sent with create and reported as applied', async () => {
  const s = fakeStartServices();
  const flow = new StartFlow(s.proxy);
  const final = await flow.run({
    ...INPUT,
    useDefault: false,
    config: { 'ssh-command': '/usr/bin/ssh' },
  });
  expect(s.calls).toEqual(['preflight', 'createSession', 'controlSession']);
  expect(arg(s.createSession, 0, 1).config).toEqual({ 'ssh-command': '/usr/bin/ssh' });
  expect(final?.steps.map((x) => [x.id, x.status])).toEqual([
    ['check', 'done'],
    ['verify', 'skipped'],
    ['create', 'done'],
    ['config', 'done'],
    ['start', 'done'],
  ]);
});

test('forceable failures stop the run without Force and pass with it', async () => {
  const failing = preflightOf([
    check({ id: 'secondary_empty', outcome: 'fail', severity: 'forceable' }),
  ]);
  const s = fakeStartServices({ preflight: jest.fn().mockResolvedValue(failing) });
  const flow = new StartFlow(s.proxy);
  const blocked = await flow.run(INPUT);
  expect(blocked?.outcome.kind).toBe('blocked');
  expect(s.calls).toEqual(['preflight']);
  const forced = await flow.run({ ...INPUT, force: true });
  expect(forced?.outcome.kind).toBe('done');
  expect(arg(s.createSession, 0, 1).force).toBe(true);
});

test('start fails: created, not started, with the session and the reason', async () => {
  const s = fakeStartServices({
    controlSession: jest.fn().mockRejectedValue(apiError('conflict', 'start failed: x')),
  });
  const final = await new StartFlow(s.proxy).run(INPUT);
  expect(final?.outcome).toEqual({
    kind: 'created_not_started',
    step: 'start',
    reason: 'start failed: x',
    session: expect.objectContaining({ id: makeSession().id }) as unknown,
  });
});
