// The service reads the engine as WebAdmin does (no Filter header), so each user sees what a real
// engine shows them in WebAdmin: an admin (any admin role, their own or a group's) every cluster,
// anyone else what their user roles grant. Each request is looked at on the wire, too.
import type { IncomingMessage } from 'node:http';
import { EngineClient, engineReadHeaders } from '../../../server/engine';
import { defaultLab } from '../../../dev/lab';
import { filterLab } from '../../support/filter-lab';
import { startStack, type Stack } from '../../support/service-harness';

const ALL = ['Default', 'gluster-prod', 'gluster-dr'];

let s: Stack;
let engine: EngineClient;
const seen: { url: string; filter: string | string[] | undefined }[] = [];
beforeAll(async () => {
  s = await startStack({ lab: filterLab(defaultLab()) });
  // The raw server's own event: every request as it arrived, headers untouched.
  s.app.server.prependListener('request', (req: IncomingMessage) => {
    if (req.url?.startsWith('/ovirt-engine/api'))
      seen.push({ url: req.url, filter: req.headers.filter });
  });
  const addr = s.app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  engine = new EngineClient(`http://127.0.0.1:${port}/ovirt-engine`);
});
afterAll(() => s.close());

describe('engine reads', () => {
  it('carry the token and no Filter', () => {
    expect(engineReadHeaders('tok')).toEqual({
      Accept: 'application/json',
      Version: '4',
      Authorization: 'Bearer tok',
    });
  });

  it.each([
    ['admin@internal', ALL],
    ['glusteradmin@internal', ALL],
    ['dradmin@internal', ALL],
    ['glusterviewer@internal', ALL],
    ['volumeadmin@internal', ALL],
    ['groupadmin@internal', ALL],
    ['produser@internal', ['gluster-prod']],
    ['virtonly@internal', ['Default']],
  ])(
    '%s sees the clusters WebAdmin (or, for a user role, the engine) shows it',
    async (user, want) => {
      seen.length = 0;
      const token = s.token(user);
      expect((await engine.clusters(token)).map((c) => c.name)).toEqual(want);
      const hosts = await engine.hosts(token);
      expect(hosts.length).toBeGreaterThan(0);
      expect(seen.length).toBeGreaterThanOrEqual(2);
      expect(seen.every((r) => r.filter === undefined)).toBe(true);
    },
  );
});
