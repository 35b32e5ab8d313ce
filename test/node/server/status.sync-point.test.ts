// What the service says of a session that stops syncing, over the simulator: Gluster prints N/A
// for last_synced and the checkpoint once the workers stop; the service answers with the last point
// it read, and when, or says it does not know.
import type { GeoRepSession } from '../../../src/georep/types';
import { PROD, startStack, type SessionList, type Stack } from '../../support/service-harness';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s.close();
});

const ADMIN = 'admin@internal';
const list = async (): Promise<GeoRepSession[]> =>
  (await s.call(ADMIN, 'GET', `/clusters/${PROD}/sessions`)).json<SessionList>().georep_session;
const byVolume = (xs: GeoRepSession[], pvol: string, svol: string) =>
  xs.find((x) => x.primary_volume === pvol && x.secondary_volume === svol)!;

test('a stopped session keeps the sync point and checkpoint last read, and says so', async () => {
  const before = byVolume(await list(), 'data', 'data-dr');
  expect(before.status).toBe('Active');
  expect(before.sync_point).toMatchObject({ source: 'live', as_of: null });
  expect(before.sync_point.time).not.toBeNull();
  expect(before.checkpoint).toMatchObject({ completed: true, as_of: null });

  // gprod3 is down: a plain stop is refused, stop force works
  const stop = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions/${before.id}/stop`, {
    force: true,
  });
  expect(stop.statusCode).toBe(200);

  const after = byVolume(await list(), 'data', 'data-dr');
  expect(after.status).toBe('Stopped');
  expect(after.last_synced).toBeNull(); // what Gluster prints
  expect(after.sync_point).toEqual({
    time: before.sync_point.time,
    source: 'seen',
    as_of: before.read_at,
  });
  expect(after.checkpoint).toMatchObject({
    time: before.checkpoint!.time,
    completed: true,
    completion_time: before.checkpoint!.completion_time,
    as_of: before.read_at,
  });
});

test('a session stopped before the service first read it: unknown, never "not synced"', async () => {
  const home = byVolume(await list(), 'home', 'home-dr');
  expect(home.status).toBe('Stopped');
  expect(home.sync_point).toEqual({ time: null, source: 'unknown', as_of: null });
  expect(home.checkpoint).toBeNull();
  const created = byVolume(await list(), 'vmstore', 'vmstore-backup');
  expect(created.sync_point.source).toBe('never');
});
