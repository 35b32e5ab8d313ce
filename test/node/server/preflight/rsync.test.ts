// The rsync preflight note (server/preflight/rsync.ts): Debian 12's security rsync syncs 0 bytes
// through gsyncd without an error, so with sync-method rsync the preflight says so, and how to
// avoid it; tarssh needs no rsync; an unreadable version is said, not guessed.
import type { NodeProbe } from '../../../../server/gluster/probe';
import { rsyncCheck } from '../../../../server/preflight/rsync';
import { rsyncCopiesNothing } from '../../../../src/georep/known-failures';

const probe = (version: string | null): NodeProbe => ({
  evidence: () => Promise.reject(new Error('unused')),
  workerLog: () => Promise.reject(new Error('unused')),
  rsyncVersion: () => Promise.resolve(version),
});
const host = { name: 'gprod1', address: 'gprod1.example', status: 'up' };

test.each<[string, boolean]>([
  ['3.2.7', false],
  ['3.2.3', false],
  ['3.4.1', false],
  ['3.5.0', true],
  ['3.5.1', true],
  ['4.0', true],
  ['nonsense', false],
])('rsync %s copies nothing through gsyncd: %s', (v, bad) => {
  expect(rsyncCopiesNothing(v)).toBe(bad);
});

test('rsync 3.5.0 with sync-method rsync: a note with the remedy', async () => {
  const c = await rsyncCheck(probe('3.5.0'), host, {});
  expect(c).toMatchObject({ id: 'rsync_version', outcome: 'fail', severity: 'info' });
  expect(c!.evidence).toMatch(
    /gprod1 has rsync 3\.5\.0: .*syncs 0 bytes.*set sync-method to tarssh/,
  );
});

test('tarssh: rsync is not used', async () => {
  expect(await rsyncCheck(probe('3.5.0'), host, { 'sync-method': 'tarssh' })).toMatchObject({
    outcome: 'pass',
  });
});

test('a working rsync passes; an unreadable one is skipped, not guessed', async () => {
  expect(await rsyncCheck(probe('3.2.7'), host, {})).toMatchObject({ outcome: 'pass' });
  expect(await rsyncCheck(probe(null), host, {})).toMatchObject({ outcome: 'skipped' });
  expect(await rsyncCheck(probe('3.2.7'), null, {})).toBeNull();
});
