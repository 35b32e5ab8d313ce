// Diagnosis of a Faulty worker (server/diagnose.ts): the lines that matter from its gsyncd.log,
// masked, with the known failures they match; on the simulator's log, and on log text as real
// gsyncd writes it.
import { defaultLab } from '../../../dev/lab';
import { diagnoseWorker, relevantEntries } from '../../../server/diagnose';
import { parseGsyncdLog, type NodeProbe } from '../../../server/gluster/probe';
import { simProbe } from '../../../dev/sim/gluster';
import { envelope, harness } from '../../support/sim-helpers';

const P1 = 'gprod1.lab.example';
const SEC = 'gdr1.lab.example::backup-dr';
const KEY = {
  primary_volume: 'home',
  secondary_host: 'gdr1.lab.example',
  secondary_volume: 'backup-dr',
  secondary_user: 'root',
};
const BRICK = '/gluster_bricks/home/brick1';

// As real gsyncd 10.3 writes it (lab log, brick path shortened).
const REAL = `[2026-12-07 14:01:19.49619] E [syncdutils(worker /b):325:log_raise_exception] <top>: connection to peer is broken
[2026-12-07 14:01:19.50317] E [syncdutils(worker /b):845:errlog] Popen: command returned error [{cmd=ssh -oPasswordAuthentication=no -i /var/lib/glusterd/geo-replication/secret.pem -p 2222 vm /nonexistent/gsyncd secondary}, {error=255}]
[2026-12-07 14:01:19.50400] E [syncdutils(worker /b):849:logerr] Popen: ssh> root@vm: Permission denied (publickey,password).
[2026-12-07 14:01:20.1] I [monitor(monitor):158:monitor] Monitor: starting gsyncd worker [{brick=/b}, {secondary_node=vm}]
[2026-12-07 14:01:20.2] I [resource(worker /other):1387:connect_remote] SSH: Initializing SSH connection between primary and secondary...
`;

function textProbe(text: string): NodeProbe {
  return {
    evidence: () => Promise.reject(new Error('unused')),
    rsyncVersion: () => Promise.resolve(null),
    workerLog: (_n, _k, brick) =>
      Promise.resolve({
        file: '/var/log/glusterfs/geo-replication/x/gsyncd.log',
        entries: parseGsyncdLog(text).filter((e) => e.text.includes(brick)),
        read_bytes: text.length,
        truncated: false,
      }),
  };
}

test("real gsyncd lines: the worker's own, with the known failure they show", async () => {
  const d = await diagnoseWorker(textProbe(REAL), 'addr', 'vm', KEY, '/b');
  expect(d.lines.map((l) => l.level)).toEqual(['E', 'E', 'E', 'I']);
  expect(d.lines[0]!.time).toBe('2026-12-07T14:01:19Z');
  expect(d.lines[0]!.text).toContain('connection to peer is broken');
  expect(d.known_failures.map((f) => f.id)).toEqual(['ssh_refused']);
  expect(d.unavailable).toBeNull();
});

test('the simulator: a secondary that refuses SSH shows in the details as on real Gluster', async () => {
  const h = harness(defaultLab());
  await h.xml(P1, 'system::', 'execute', 'gsec_create');
  expect(
    envelope(
      (await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'create', 'push-pem', 'force'))
        .stdout,
    ).opRet,
  ).toBe(0);
  await h.xml(P1, 'volume', 'geo-replication', 'home', SEC, 'start');
  h.advance(60);
  h.sim.setPasswordlessSsh('gdr1.lab.example', 'root', false);
  h.advance(30);
  const d = await diagnoseWorker(simProbe(h.sim), P1, P1, KEY, BRICK);
  expect(d.known_failures.map((f) => f.id)).toContain('ssh_refused');
  expect(d.lines.some((l) => /Permission denied/.test(l.text))).toBe(true);
});

test('an unreadable node says why instead of failing the request', async () => {
  const probe: NodeProbe = {
    evidence: () => Promise.reject(new Error('unused')),
    rsyncVersion: () => Promise.resolve(null),
    workerLog: () => Promise.reject(new Error('Cannot reach Gluster on n1: connection refused')),
  };
  const d = await diagnoseWorker(probe, 'n1', 'n1', KEY, '/b');
  expect(d.lines).toEqual([]);
  expect(d.known_failures).toEqual([]);
  expect(d.unavailable).toMatch(/refused/);
});

test('secrets never leave the service', async () => {
  const d = await diagnoseWorker(
    textProbe('[2026-12-07 14:01:19.1] E [x(worker /b):1:f] login password=hunter2 refused\n'),
    'a',
    'n',
    KEY,
    '/b',
  );
  expect(JSON.stringify(d)).not.toContain('hunter2');
});

test('relevant entries: the last errors kept, bounded, in order', () => {
  const entries = Array.from({ length: 100 }, (_, i) => ({
    time: null,
    level: i % 10 === 0 ? 'E' : 'I',
    text: `line ${i}`,
  }));
  const r = relevantEntries(entries, 8);
  expect(r).toHaveLength(8);
  expect(r.map((e) => e.text)).toEqual(
    [...r].sort((a, b) => Number(a.text.slice(5)) - Number(b.text.slice(5))).map((e) => e.text),
  );
  expect(r.filter((e) => e.level === 'E').map((e) => e.text)).toContain('line 90');
  expect(r[r.length - 1]!.text).toBe('line 99');
});
