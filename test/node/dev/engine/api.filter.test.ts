// The `Filter` rules of a real engine, caller by caller: what GET /clusters, /hosts, /datacenters,
// a cluster and the events return with no Filter, Filter: true and Filter: false. The expected
// answers are what ovirt-engine's code gives (oVirt/ovirt-engine):
// - BaseBackendResource.isFiltered: no parameter → admin (DbUser.isAdmin: any role_type 1 role,
//   CreateUserSessionCommand) unfiltered, anyone else ENGINE_API_FILTER_BY_DEFAULT ("true");
// - unfiltered = QueryType.Search, no user in it (SearchQuery.genericSearch): everything, but only
//   for an admin (QueriesCommandBase.validatePermissions), else 400 "insufficient permissions";
// - filtered = the user_*_permissions_view views: role_type = 2 (user roles) only
//   (packaging/dbscripts/create_views.sql), GlusterAdmin/ReadOnlyAdmin/SuperUser being role_type 1
//   (packaging/dbscripts/data/00500_insert_roles.sql).
import { DR, PROD, body, harness, items, names, type Harness } from '../../../support/engine-harness';
import { filterLab } from '../../../support/filter-lab';

const ALL = ['Default', 'gluster-prod', 'gluster-dr'];
type Answer = string[] | 400;

/** GET /clusters per caller: [no Filter, Filter: true, Filter: false]. */
const CLUSTERS: Record<string, [Answer, Answer, Answer]> = {
  // SuperUser on the system: an admin role; filtered, the system permission is not role_type 2.
  'admin@internal': [ALL, [], ALL],
  // GlusterAdmin on the data center Default and on gluster-dr.
  'glusteradmin@internal': [ALL, [], ALL],
  // GlusterAdmin on gluster-dr alone.
  'dradmin@internal': [ALL, [], ALL],
  // ReadOnlyAdmin on gluster-prod and gluster-dr.
  'glusterviewer@internal': [ALL, [], ALL],
  // GlusterAdmin on one volume, ReadOnlyAdmin on gluster-prod.
  'volumeadmin@internal': [ALL, [], ALL],
  // GlusterAdmin on gluster-dr through the group gluster-ops: admin through a group counts.
  'groupadmin@internal': [ALL, [], ALL],
  // UserRole (role_type 2) on Default / on gluster-prod: not admins.
  'virtonly@internal': [['Default'], ['Default'], 400],
  'produser@internal': [['gluster-prod'], ['gluster-prod'], 400],
};

let h: Harness;
beforeAll(async () => {
  h = await harness({ lab: filterLab() });
});
afterAll(() => h.close());

const answer = async (user: string, path: string, filter?: string): Promise<Answer> => {
  const res = await h.get(user, path, filter === undefined ? {} : { filter });
  if (res.statusCode === 400) return 400;
  expect(res.statusCode).toBe(200);
  return names(res, 'cluster');
};

describe('the Filter header, as a real engine answers each caller', () => {
  it.each(Object.entries(CLUSTERS))('GET /clusters as %s', async (user, want) => {
    const got = [
      await answer(user, '/clusters'),
      await answer(user, '/clusters', 'true'),
      await answer(user, '/clusters', 'false'),
    ];
    expect(got).toEqual(want);
  });

  it('reads the filter query parameter before the header, and its engine spellings', async () => {
    // ParametersHelper.getParameter: query parameter, then matrix, then header.
    const res = await h.get('glusterviewer@internal', '/clusters?filter=no', { filter: 'true' });
    expect(names(res, 'cluster')).toEqual(ALL);
    expect(body(await h.get('glusterviewer@internal', '/clusters?filter=Y'))).toEqual({});
    expect(body(await h.get('glusterviewer@internal', '/clusters?filter'))).toEqual({});
  });

  it('shows a cluster filtered only through a user role, any cluster unfiltered to an admin', async () => {
    const get = async (user: string, id: string, filter?: string) =>
      (await h.get(user, `/clusters/${id}`, filter ? { filter } : {})).statusCode;
    expect(await get('produser@internal', PROD)).toBe(200);
    expect(await get('produser@internal', DR)).toBe(404);
    expect(await get('dradmin@internal', DR, 'true')).toBe(404);
    expect(await get('dradmin@internal', PROD)).toBe(200);
    expect(await get('admin@internal', PROD, 'true')).toBe(404);
  });

  it('filters data centers and hosts by user roles (a host also by any role on its cluster)', async () => {
    expect(names(await h.get('produser@internal', '/datacenters'), 'data_center')).toEqual([
      'Default',
    ]);
    expect(body(await h.get('dradmin@internal', '/datacenters', { filter: 'true' }))).toEqual({});
    expect(names(await h.get('produser@internal', '/hosts'), 'host')).toEqual([
      'gprod1',
      'gprod2',
      'gprod3',
    ]);
    // user_vds_permissions_view_base: `cluster ... OR data center ... AND role_type = 2` — the
    // cluster branch has no role type (AND before OR), so GlusterAdmin on gluster-dr shows its hosts.
    expect(names(await h.get('dradmin@internal', '/hosts', { filter: 'true' }), 'host')).toEqual([
      'gdr1',
      'gdr2',
      'gdr3',
    ]);
    // ... but an admin role on the data center does not (that branch needs role_type = 2).
    const ga = await h.get('glusteradmin@internal', '/hosts', { filter: 'true' });
    expect(names(ga, 'host')).toEqual(['gdr1', 'gdr2', 'gdr3']);
  });

  it("lists a visible cluster's volumes whatever the roles on them (the search has no user)", async () => {
    const filtered = await h.get('produser@internal', `/clusters/${PROD}/glustervolumes`);
    expect(names(filtered, 'gluster_volume')).toEqual([
      'vmstore',
      'data',
      'archive',
      'home',
      'scratch',
    ]);
    const hidden = await h.get('dradmin@internal', `/clusters/${PROD}/glustervolumes`, {
      filter: 'true',
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('shows filtered events of a cluster a user role makes visible; an admin filtered sees none', async () => {
    const ev = {
      description: 'geo-rep event',
      severity: 'normal',
      origin: 'gluster-georep',
      custom_id: '7101',
      cluster: { id: PROD },
    };
    expect((await h.post('admin@internal', '/events', ev)).statusCode).toBe(201);
    const seen = items(await h.get('produser@internal', '/events'), 'event');
    expect(seen.map((e) => e.custom_id)).toContain('7101');
    expect(body(await h.get('glusteradmin@internal', '/events', { filter: 'true' }))).toEqual({});
    const all = items(await h.get('glusteradmin@internal', '/events'), 'event');
    expect(all.map((e) => e.custom_id)).toContain('7101');
  });
});
