/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any` */
// No reach beyond what the user sees: the service's own credentials never look at a host the
// engine does not show the user; the remote is another machine under any spelling; a key path
// stays in an .ssh folder; nothing hostile reaches an event; no internal address in a fault.
import { defaultLab, LAB_IDS } from '../../../dev/lab';
import { createSimSshTrust } from '../../../dev/sim/ssh';
import type { PreflightCheck } from '../../../src/georep/types';
import { DR, PROD, startStack, type Fault, type Stack } from '../../support/service-harness';

let s: Stack;
beforeAll(async () => {
  const lab = defaultLab();
  s = await startStack({
    lab,
    service: {
      ssh: createSimSshTrust(lab),
      // gprod-alias.example is another name of gprod1; evil.example resolves to loopback.
      resolveHost: (h) =>
        Promise.resolve(
          (
            {
              'gprod1.lab.example': ['10.0.0.11'],
              'gprod2.lab.example': ['10.0.0.12'],
              'gprod3.lab.example': ['10.0.0.13'],
              'gprod-alias.example': ['10.0.0.11'],
              'evil.example': ['127.0.0.1'],
              'linklocal.example': ['169.254.10.1'],
            } as Record<string, string[]>
          )[h.toLowerCase().replace(/\.$/, '')] ?? (/^[\d.]+$/.test(h) ? [h] : []),
        ),
    },
  });
});
afterAll(() => s.close());

const create = (secondary_host: string, more: Record<string, unknown> = {}) =>
  s.call('admin@internal', 'POST', `/clusters/${PROD}/sessions`, {
    primary_volume: 'home',
    source_host_id: LAB_IDS.hostProd1,
    secondary_host,
    secondary_volume: 'backup-dr',
    force: true,
    ...more,
  });

describe('the remote is another machine, however it is spelled', () => {
  it.each([
    [
      'localhost',
      /localhost is a name for this machine: the secondary host must be another machine/,
    ],
    ['LOCALHOST.', /a name for this machine/],
    ['127.0.0.1', /a loopback address/],
    ['127.1.2.3', /a loopback address/],
    ['0.0.0.0', /an unspecified address/],
    ['169.254.1.1', /a link-local address/],
    ['x.localhost', /a name for this machine/],
    [
      'evil.example',
      /resolves to a loopback address .*: the secondary host must be another machine/,
    ],
    ['linklocal.example', /resolves to a link-local address/],
    ['gprod1.lab.example.', /is host gprod1 of cluster gluster-prod itself/],
    ['GPROD1.LAB.EXAMPLE', /is host gprod1 of cluster gluster-prod itself/],
    ['gprod-alias.example', /resolves to 10.0.0.11, the address of host gprod1/],
    ['10.0.0.12', /resolves to 10.0.0.12, the address of host gprod2/],
  ])('create to %s: 400 before Gluster is called', async (host, why) => {
    const before = s.sim!.callCount();
    const r = await create(host);
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(why);
    expect(r.json<Fault>().detail).not.toMatch(/\bremote\b|\bsource\b/i);
    expect(s.sim!.callCount()).toBe(before);
  });

  it('preflight says the same, as a blocker', async () => {
    const r = await s.call('admin@internal', 'POST', `/clusters/${PROD}/preflight`, {
      primary_volume: 'home',
      secondary_host: 'gprod-alias.example',
      secondary_volume: 'backup-dr',
    });
    const c = r.json<{ check: PreflightCheck[] }>().check.find((x) => x.id === 'same_cluster');
    expect(c).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringMatching(/address of host gprod1/),
    });
  });

  it('so does the preflight of a directory target (one same-cluster rule for both)', async () => {
    const r = await s.call('admin@internal', 'POST', `/clusters/${PROD}/preflight`, {
      primary_volume: 'home',
      secondary_host: 'gprod-alias.example',
      secondary_path: '/data/backup',
    });
    expect(r.statusCode).toBe(200);
    const b = r.json<{ check: PreflightCheck[]; can_create_with_force: boolean }>();
    expect(b.check.find((x) => x.id === 'same_cluster')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringMatching(/resolves to 10.0.0.11, the address of host gprod1/),
    });
    expect(b.can_create_with_force).toBe(false);
  });

  it('the SSH routes refuse it too', async () => {
    const r = await s.call(
      'admin@internal',
      'POST',
      `/clusters/${PROD}/hosts/${LAB_IDS.hostProd1}/ssh/remote-key`,
      {
        remote_host: 'localhost',
      },
    );
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(/remote_host: localhost is a name for this machine/);
  });
});

describe("the service's own credentials look only at what the engine shows the user", () => {
  it('a remote in another cluster is what the engine shows the user: to an admin, a managed host', async () => {
    // groupadmin holds GlusterAdmin on gluster-dr only, through its group; an admin reads the
    // engine unfiltered (BaseBackendResource.isFiltered), as WebAdmin shows it every cluster, so
    // gprod1 is a host of gluster-prod to it, read with the service's key as any managed host.
    // (Whoever may act holds an admin permit, so no acting user is shown fewer hosts.)
    const r = await s.call('groupadmin@internal', 'POST', `/clusters/${DR}/preflight`, {
      primary_volume: 'vmstore-dr',
      secondary_host: 'gprod1.lab.example',
      secondary_volume: 'vmstore',
    });
    expect(r.statusCode).toBe(200);
    const checks = r.json<{ check: PreflightCheck[] }>().check;
    expect(checks.find((c) => c.id === 'remote_reachable')).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringMatching(/managed by this engine \(cluster gluster-prod\)/),
    });
  });

  it('a remote the engine does not know is a standalone host: nothing read with the service key', async () => {
    const r = await s.call('groupadmin@internal', 'POST', `/clusters/${DR}/preflight`, {
      primary_volume: 'vmstore-dr',
      secondary_host: 'backup.remote.example',
      secondary_volume: 'vmstore-backup',
    });
    expect(r.statusCode).toBe(200);
    const checks = r.json<{ check: PreflightCheck[] }>().check;
    expect(JSON.stringify(checks)).not.toMatch(
      /answered this service|It is managed by this engine/,
    );
    expect(checks.find((c) => c.id === 'remote_reachable')).toMatchObject({ outcome: 'skipped' });
  });
});

describe('the private key path stays in an .ssh folder', () => {
  it.each([
    '/etc/shadow',
    '/root/.ssh/../.bash_history',
    '/root/.ssh/sub/key',
    '/var/lib/glusterd/geo-replication/secret.pem',
    '/root/.ssh/secret.pem',
    '/home/other/.ssh/id_rsa',
    '~/../etc/passwd',
    '/root/.ssh/authorized_keys',
  ])('%s: 400, and no file is looked at', async (path) => {
    const r = await s.call(
      'admin@internal',
      'POST',
      `/clusters/${PROD}/hosts/${LAB_IDS.hostProd1}/ssh/verify`,
      {
        user: 'root',
        remote_host: 'backup.remote.example',
        private_key_path: path,
      },
    );
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(/private_key_path: /);
  });

  it("the remote user's own .ssh folder on the host is accepted", async () => {
    const r = await s.call(
      'admin@internal',
      'POST',
      `/clusters/${PROD}/hosts/${LAB_IDS.hostProd1}/ssh/verify`,
      {
        user: 'geoaccount',
        remote_host: 'backup.remote.example',
        private_key_path: '/home/geoaccount/.ssh/id_georep',
      },
    );
    expect(r.statusCode).toBe(200);
  });
});

describe('hostile text never reaches a command or an event', () => {
  it('secondary_group is checked for root too', async () => {
    const r = await create('backup.remote.example', { secondary_group: 'ops; rm -rf /' });
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(/secondary_group: A group name cannot contain ";"/);
    expect(JSON.stringify(s.engine.events())).not.toContain('rm -rf');
  });
});

describe("a fault never carries the engine's internal address", () => {
  it('engine unreachable: no URL, no address in the detail', async () => {
    s.engine.setDown(true);
    try {
      const r = await s.call('glusterviewer@internal', 'GET', `/clusters/${PROD}/sessions`);
      // The token may still be cached: any answer but a 200 must not name an address.
      expect(r.body).not.toMatch(/127\.0\.0\.1|http:\/\/|:\d{4,5}\//);
      const p = await s.call('admin@internal', 'POST', `/clusters/${PROD}/preflight`, {
        primary_volume: 'home',
        secondary_host: 'backup.remote.example',
        secondary_volume: 'x',
      });
      expect(p.statusCode).toBeGreaterThanOrEqual(500);
      expect(p.body).not.toMatch(/127\.0\.0\.1|http:\/\/|ovirt-engine\/api/);
    } finally {
      s.engine.setDown(false);
    }
  });
});
