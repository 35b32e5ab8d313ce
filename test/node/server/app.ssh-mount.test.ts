// With an SshTrust, the service mounts the SSH routes and the preflight checks passwordless SSH.
import { defaultLab } from '../../../dev/lab';
import { createSimSshTrust } from '../../../dev/sim/ssh';
import type { PreflightCheck } from '../../../src/georep/types';
import { PROD, startStack, type Stack } from '../../support/service-harness';

describe('service with SSH trust', () => {
  let s: Stack;
  beforeAll(async () => {
    const lab = defaultLab();
    s = await startStack({ lab, service: { ssh: createSimSshTrust(lab) } });
  });
  afterAll(() => s.close());

  it("serves a cluster host's SSH fingerprint", async () => {
    const r = await s.call(
      'glusterviewer@internal',
      'GET',
      `/clusters/${PROD}/hosts/c81b92ae-997c-3484-baa3-e5fded264355/ssh`,
    );
    expect(r.statusCode).toBe(200);
    const host = s.lab.hosts.find((h) => h.id === 'c81b92ae-997c-3484-baa3-e5fded264355')!;
    expect(r.json()).toMatchObject({ fingerprint: host.ssh_fingerprint });
  });

  it('blocks a create in preflight when passwordless SSH does not work yet', async () => {
    const r = await s.call('admin@internal', 'POST', `/clusters/${PROD}/preflight`, {
      primary_volume: 'home',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'backup.remote.example',
      secondary_volume: 'home-backup',
    });
    expect(r.statusCode).toBe(200);
    const ssh = r
      .json<{ check: PreflightCheck[] }>()
      .check.find((c) => c.id === 'passwordless_ssh');
    expect(ssh).toMatchObject({ outcome: 'fail', severity: 'blocker' });
  });
});
