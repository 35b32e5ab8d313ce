// Recover (server/recover.ts) on the simulator: a stalled session is restarted by a config reset
// that changes nothing, the waiting changes arrive; a worker that keeps coming up deaf is retried
// within the bound and the outcome says so; every step is recorded.
import { createGlusterClient } from '../../../server/gluster/client';
import { simProbe } from '../../../dev/sim/gluster';
import { buildSessions } from '../../../server/domain';
import { recoverStalled, restartOption, type RecoverStep } from '../../../server/recover';
import { HOME_DR, liveHomeSession, type Harness } from '../../support/sim-helpers';

const { node: P1, ref: REF, key: KEY, brick: BRICK } = HOME_DR;

/** Live, then its worker goes deaf and a change waits unsynced for two minutes. */
async function stalled(): Promise<Harness> {
  const h = await liveHomeSession();
  h.sim.setWorkerDeaf(REF, `${P1}:${BRICK}`, true);
  h.sim.writeFile('home', 'waiting.txt', 'waiting');
  h.advance(120);
  return h;
}

function deps(h: Harness, steps: RecoverStep[][] = []) {
  const gluster = createGlusterClient(h.sim);
  return {
    gluster,
    probe: simProbe(h.sim),
    node: P1,
    readSession: async () => {
      const [parsed, vols] = await Promise.all([gluster.status(P1, KEY), gluster.volumeInfo(P1)]);
      return buildSessions('c', parsed, vols, new Date(h.clock.now())).sessions[0] ?? null;
    },
    resolve: (n: string) => Promise.resolve(n),
    rolloverSeconds: 15,
    sleep: (ms: number) => {
      h.clock.advance(ms);
      return Promise.resolve();
    },
    now: () => h.clock.now(),
    onStep: (s: readonly RecoverStep[]) => steps.push(s.map((x) => ({ ...x }))),
  };
}

test('one restart: the waiting change arrives, the configuration is as it was', async () => {
  const h = await stalled();
  const gluster = createGlusterClient(h.sim);
  const before = await gluster.config(P1, KEY);
  const steps: RecoverStep[][] = [];
  const out = await recoverStalled(deps(h, steps), KEY);
  expect(out).toMatchObject({ recovered: true, attempts: 1 });
  expect(h.sim.readSecondary('gdr1.lab.example', 'backup-dr', 'waiting.txt')).toBe('waiting');
  expect(await gluster.config(P1, KEY)).toEqual(before);
  const last = steps[steps.length - 1]!;
  expect(last.map((s) => [s.title, s.state])).toEqual([
    ["Restart the session's workers (attempt 1 of 5)", 'done'],
    ['Wait for the workers to replay the waiting changes and sync live again', 'done'],
    ['Check that the waiting changes were synced', 'done'],
  ]);
  expect(last[0]!.detail).toMatch(/Reset sync-jobs/);
});

test('workers that keep coming up deaf: retried within the bound, and the outcome says so', async () => {
  const h = await stalled();
  h.sim.setDeafChance(1);
  // a steady writer: a deaf worker shows again only when a new change waits
  const d = deps(h);
  let n = 0;
  const out = await recoverStalled(
    {
      ...d,
      maxAttempts: 3,
      sleep: (ms) => {
        h.sim.writeFile('home', `tick-${n++}.txt`, 'tick');
        return d.sleep(ms);
      },
    },
    KEY,
  );
  expect(out.recovered).toBe(false);
  expect(out.attempts).toBe(3);
  expect(out.detail).toMatch(/Still stalled after 3 restarts/);
  // each restart still replayed what waited before it
  expect(h.sim.readSecondary('gdr1.lab.example', 'backup-dr', 'waiting.txt')).toBe('waiting');
});

test('the restart option is one the session does not modify', () => {
  expect(restartOption({ sync_jobs: '3', max_rsync_retries: '10' })).toBe('sync-jobs');
  expect(restartOption({ sync_jobs: '8', max_rsync_retries: '10' })).toBe('max-rsync-retries');
  expect(restartOption({ sync_jobs: '8', max_rsync_retries: '3' })).toBeNull();
});
