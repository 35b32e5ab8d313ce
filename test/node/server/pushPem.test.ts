// Create-and-start waits for the secondary to accept gsyncd's key (server/pushPem.ts): Gluster's
// create returns before its hook installed it, and a start in that window leaves a dead monitor.
import { createSimSshTrust } from '../../../dev/sim/ssh';
import { defaultLab } from '../../../dev/lab';
import type { SshTrust } from '../../../server/ssh/types';
import { FakeGluster } from '../../support/fake-gluster';
import { PROD, startStack, type Fault, type Stack } from '../../support/service-harness';

const ADMIN = 'admin@internal';
const SESSIONS = `/clusters/${PROD}/sessions`;
const CREATE = {
  primary_volume: 'home',
  source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
  secondary_host: 'gdr1.lab.example',
  secondary_volume: 'backup-dr',
  start: true,
};

/** The simulated trust, with the key's answers scripted (then repeated: the last one). */
function trustAnswering(answers: (boolean | null)[]): { ssh: SshTrust; asked: string[] } {
  const ssh = createSimSshTrust(defaultLab());
  const asked: string[] = [];
  let i = 0;
  ssh.gsyncdKeyAccepted = (from, t) => {
    asked.push(`${from} -> ${t.user}@${t.host}:${t.port}`);
    return Promise.resolve(answers[Math.min(i++, answers.length - 1)]!);
  };
  return { ssh, asked };
}

describe('create with start and the key push-pem installs in the background', () => {
  let g: FakeGluster;
  let s: Stack | null = null;
  const stack = async (ssh: SshTrust, waitMs: number) => {
    g = new FakeGluster([
      { name: 'home', hosts: ['gprod1.lab.example', 'gprod2.lab.example'], replica: 2 },
    ]);
    s = await startStack({
      gluster: g,
      service: { statusCacheMs: 0, ssh, pushPemWaitMs: waitMs },
    });
    return s;
  };
  afterEach(async () => {
    await s?.close();
    s = null;
  });

  it('starts only once the secondary accepts the key, asking from the source host', async () => {
    const { ssh, asked } = trustAnswering([false, false, true]);
    const f = await stack(ssh, 5_000);
    const r = await f.call(ADMIN, 'POST', SESSIONS, CREATE);
    expect(r.statusCode).toBe(201);
    expect(asked).toEqual(Array(3).fill('gprod1.lab.example -> root@gdr1.lab.example:22'));
    const order = g.calls.map((c) => c.method).filter((m) => m === 'create' || m === 'start');
    expect(order).toEqual(['create', 'start']);
  });

  it('does not start, and says why, when the key is still refused at the end of the wait', async () => {
    const { ssh } = trustAnswering([false]);
    const f = await stack(ssh, 100);
    const r = await f.call(ADMIN, 'POST', SESSIONS, CREATE);
    expect(r.statusCode).toBe(504);
    expect(r.json<Fault>().detail).toMatch(
      /root@gdr1\.lab\.example still refuses the session's SSH key \(gsyncd's key of .+\) \d+ s after the create: .*The session exists \(Created\) and was not started\./,
    );
    expect(g.count('start')).toBe(0);
    expect(g.sessions).toHaveLength(1);
  });

  it('starts as Gluster would when SSH cannot tell', async () => {
    const { ssh, asked } = trustAnswering([null]);
    const f = await stack(ssh, 5_000);
    const r = await f.call(ADMIN, 'POST', SESSIONS, CREATE);
    expect(r.statusCode).toBe(201);
    expect(asked).toHaveLength(1);
    expect(g.count('start')).toBe(1);
  });

  it('does not wait for a create without start', async () => {
    const { ssh, asked } = trustAnswering([false]);
    const f = await stack(ssh, 5_000);
    const r = await f.call(ADMIN, 'POST', SESSIONS, { ...CREATE, start: false });
    expect(r.statusCode).toBe(201);
    expect(asked).toHaveLength(0);
    expect(g.count('start')).toBe(0);
  });
});
