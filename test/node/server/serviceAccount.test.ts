// Audit events go through the service's own engine account, so an action by a user who may act on
// Gluster but may not add events (GlusterAdmin) is still on the record, naming that user.
import { ssoTokenProvider } from '../../../server/serviceAccount';
import { LAB_IDS } from '../../../dev/lab';
import { PROD, startStack, type Stack } from '../../support/service-harness';

describe('audit events through the service account', () => {
  let s: Stack;
  let port = 0;
  beforeAll(async () => {
    // The engine URL is known only once the stack listens: resolve the provider lazily.
    let provider: (() => Promise<string | null>) | null = null;
    s = await startStack({ service: { eventsToken: () => provider!() } });
    const addr = s.app.server.address();
    port = typeof addr === 'object' && addr ? addr.port : 0;
    provider = ssoTokenProvider(`http://127.0.0.1:${port}/ovirt-engine/`, {
      user: 'georep-service@internal',
      password: 'georep-service',
    });
  });
  afterAll(() => s.close());

  it('posts the event for a GlusterAdmin action, naming the user', async () => {
    const before = s.engine.events().length;
    const r = await s.call('glusteradmin@internal', 'POST', `/clusters/${PROD}/sessions`, {
      primary_volume: 'home',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
    });
    expect(r.statusCode).toBe(201);
    const posted = s.engine.events().slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.description).toContain('glusteradmin@internal');
    expect(posted[0]!.posted_by).toBe(LAB_IDS.userGeorepService);
  });

  it('says plainly when the account is refused, without echoing the password', async () => {
    const bad = ssoTokenProvider(`http://127.0.0.1:${port}/ovirt-engine/`, {
      user: 'georep-service@internal',
      password: 'wrong-secret',
    });
    await expect(bad()).rejects.toThrow(
      /refused the service account georep-service@internal \(HTTP 400\)/,
    );
    await expect(bad()).rejects.not.toThrow(/wrong-secret/);
  });
});
