// Every route of the OpenAPI document × every kind of caller: who gets in, who is refused, and
// how. Callers: no token, a bad token, a user who sees no Gluster, ReadOnlyAdmin, GlusterAdmin on
// one volume, GlusterAdmin through a group (on the other cluster), GlusterAdmin on the other
// cluster alone, a user with a user-type role (UserRole) on the cluster, GlusterAdmin (cluster /
// data center), SuperUser. The engine answers as a real one (test/node/dev/engine/api.filter.test.ts): an
// admin reads every cluster, as WebAdmin shows them; acting needs the permit on the cluster, its
// data center or the system. The route list comes from the document itself, so a new route is
// covered (or this test fails) the day it is added.
import { defaultLab, LAB_IDS } from '../../../dev/lab';
import { filterLab } from '../../support/filter-lab';
import { createSimSshTrust } from '../../../dev/sim/ssh';
import { PROD, startStack, type SessionList, type Stack } from '../../support/service-harness';

type Caller =
  | 'none'
  | 'bad'
  | 'virtonly@internal'
  | 'glusterviewer@internal'
  | 'volumeadmin@internal'
  | 'groupadmin@internal'
  | 'dradmin@internal'
  | 'produser@internal'
  | 'glusteradmin@internal'
  | 'admin@internal';
const CALLERS: Caller[] = [
  'none',
  'bad',
  'virtonly@internal',
  'glusterviewer@internal',
  'volumeadmin@internal',
  'groupadmin@internal',
  'dradmin@internal',
  'produser@internal',
  'glusteradmin@internal',
  'admin@internal',
];

interface Route {
  method: string;
  path: string;
}

async function stack(): Promise<Stack> {
  const lab = filterLab(defaultLab());
  return startStack({
    lab,
    service: { ssh: createSimSshTrust(lab), resolveHost: () => Promise.resolve([]) },
  });
}

async function routesOf(s: Stack): Promise<Route[]> {
  const doc = (await s.call('admin@internal', 'GET', '/openapi.json')).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  const out: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const method of Object.keys(ops)) out.push({ method: method.toUpperCase(), path });
  // The document itself is served (hidden from its own listing).
  out.push({ method: 'GET', path: '/ovirt-georep/api/openapi.json' });
  // Deleting a session last: it ends the session the other routes use.
  const last = (r: Route): number =>
    Number(r.method === 'DELETE' && r.path.endsWith('{session_id}'));
  return out.sort((a, b) => last(a) - last(b));
}

/** A valid request for the route, so that only the caller decides the answer. */
function request(r: Route, sessionId: string): { url: string; body?: unknown } {
  const url = r.path
    .replace('/ovirt-georep/api', '')
    .replace('{cluster_id}', PROD)
    .replace('{session_id}', sessionId)
    .replace('{host_id}', LAB_IDS.hostProd1)
    .replace('{name}', 'sync-jobs')
    .replace('{job_id}', '00000000-0000-4000-8000-000000000000')
    .replace('{volume}', 'data')
    .replace('{step}', 'record-point');
  const remote = { remote_host: 'backup.remote.example', port: 22 };
  const bodies: Record<string, unknown> = {
    'POST /clusters/{cluster_id}/sessions': {
      primary_volume: 'home',
      source_host_id: LAB_IDS.hostProd1,
      secondary_host: 'backup.remote.example',
      secondary_volume: 'home-backup',
    },
    'POST /clusters/{cluster_id}/preflight': {
      primary_volume: 'home',
      secondary_host: 'backup.remote.example',
      secondary_volume: 'home-backup',
    },
    'PUT /clusters/{cluster_id}/sessions/{session_id}/config/{name}': { value: '4' },
    // removing a schedule there is none of: the caller alone decides the answer
    'PUT /clusters/{cluster_id}/volumes/{volume}/dr-schedule': {
      storage_domain_id: LAB_IDS.sdData,
      session_id: null,
      schedule: null,
    },
    'POST /clusters/{cluster_id}/hosts/{host_id}/ssh/remote-key': remote,
    'POST /clusters/{cluster_id}/hosts/{host_id}/ssh/verify': { ...remote, user: 'root' },
    'POST /clusters/{cluster_id}/hosts/{host_id}/ssh/setup-with-key': {
      ...remote,
      user: 'root',
      private_key_path: '/root/.ssh/georep_backup',
    },
    'POST /clusters/{cluster_id}/hosts/{host_id}/ssh/setup': {
      ...remote,
      user: 'root',
      password: 'wrong-password',
      confirmed_fingerprint: 'SHA256:' + 'A'.repeat(43),
    },
  };
  const key = `${r.method} ${r.path.replace('/ovirt-georep/api', '')}`;
  const body = bodies[key] ?? (r.method === 'POST' ? {} : undefined);
  return { url, body };
}

type Kind = 'open' | 'read' | 'manage';
function kindOf(r: Route): Kind {
  const p = r.path.replace('/ovirt-georep/api', '');
  if (p === '/' || p === '/openapi.json') return 'open';
  if (r.method === 'GET') return 'read';
  return 'manage';
}

/** What the engine lets each caller do on gluster-prod. */
function expected(kind: Kind, caller: Caller): 'allowed' | 401 | 403 | 404 {
  if (caller === 'none' || caller === 'bad') return 401;
  if (kind === 'open') return 'allowed';
  // Not an admin, and its user role is on Default only: the engine reads it filtered, no gluster-prod.
  if (caller === 'virtonly@internal') return 404;
  // Every other caller sees gluster-prod: an admin reads unfiltered (as WebAdmin shows every
  // cluster to an admin), produser filtered through its user role on the cluster.
  if (kind === 'read') return 'allowed';
  // Acting: manipulate_gluster_volume on gluster-prod, its data center or the system.
  if (caller === 'glusteradmin@internal' || caller === 'admin@internal') return 'allowed';
  return 403;
}

async function call(s: Stack, caller: Caller, r: Route, sessionId: string) {
  const { url, body } = request(r, sessionId);
  if (caller === 'bad')
    return s.app.inject({
      method: r.method as 'GET',
      url: `/ovirt-georep/api${url}`,
      headers: { authorization: 'Bearer not-a-token' },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return s.call(caller === 'none' ? null : caller, r.method, url, body);
}

describe('route × caller', () => {
  it('covers every route of the OpenAPI document, each caller as the engine would', async () => {
    const table: string[] = [];
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      // A fresh world per caller: what one caller does never changes what the next one meets.
      const s = await stack();
      try {
        const sessionId = (await s.call('admin@internal', 'GET', `/clusters/${PROD}/sessions`))
          .json<SessionList>()
          .georep_session.find((x) => x.primary_volume === 'home')!.id;
        const routes = await routesOf(s);
        expect(routes.length).toBeGreaterThanOrEqual(20);
        for (const r of routes) {
          const res = await call(s, caller, r, sessionId);
          const want = expected(kindOf(r), caller);
          const got = res.statusCode;
          const ok =
            want === 'allowed'
              ? ![401, 403].includes(got) &&
                !(got === 404 && /permission to see|has no host with id/.test(res.body)) &&
                got < 500
              : got === want;
          table.push(`${caller.padEnd(24)} ${r.method.padEnd(6)} ${r.path.padEnd(70)} ${got}`);
          if (!ok)
            wrong.push(
              `${caller} ${r.method} ${r.path}: ${got}, expected ${want}: ${res.body.slice(0, 200)}`,
            );
        }
      } finally {
        await s.close();
      }
    }
    if (process.env.PRINT_TABLE) console.log(table.join('\n'));
    expect(wrong).toEqual([]);
    expect(table.length).toBeGreaterThanOrEqual(CALLERS.length * 20);
  }, 120_000);
});
