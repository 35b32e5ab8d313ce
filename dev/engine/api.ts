// The REST API under /ovirt-engine/api, for the resources this project uses, with the engine's
// access rules (backend/manager/modules/restapi and the bll query permission check):
// - every request needs `Authorization: Bearer <SSO token>` of a user allowed to log in, else 401;
// - `filter` (query parameter, else matrix parameter of the last path segment, else the `Filter`
//   header) picks filtered or admin execution; without it admins run unfiltered and everyone else
//   filtered (BaseBackendResource.isFiltered, ParametersHelper.getParameter; the non-admin default
//   is ENGINE_API_FILTER_BY_DEFAULT="true" in packaging/services/ovirt-engine/ovirt-engine.conf.in);
// - filtered, only user-type roles make an object visible (access.ts): an admin who asks for
//   Filter: true sees only what user roles grant, usually nothing;
// - an unfiltered request from a non-admin fails (400, "Query execution failed due to insufficient
//   permissions."), and so does a *filtered* request to a resource the engine serves with an
//   admin-only query: hosts/{id}, glustervolumes/{id}, glusterbricks, volume statistics,
//   and events/{id};
// - an object that does not exist, or that a filtered user has no permission on, or an id that is
//   no UUID, is a 404 with no body (json.ts EmptyNotFound);
// - 401 is the web container's HTML error page with `WWW-Authenticate: Basic realm="RESTAPI"`;
// - a search the engine could not parse lists nothing; unknown query parameters are ignored.
// The emulator answers JSON only: a request without `Accept: application/json` gets 406, where the
// real engine would answer XML.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Lab, LabCluster, LabHost, LabPermission, LabUser, LabVolume } from '../lab';
import { EVERYONE, type Access } from './access';
import { EXTERNAL_EVENT_CODE, SEVERITIES, type EngineEvent, type EventSeverity } from './events';
import {
  API,
  EngineFault,
  OPERATION_FAILED,
  brickJson,
  bricksOf,
  clusterJson,
  collection,
  dataCenterJson,
  EmptyNotFound,
  guidOr404,
  Unauthorized,
  unauthorizedPage,
  eventJson,
  hostJson,
  hrefs,
  notFound,
  permissionJson,
  permitJson,
  roleJson,
  userJson,
  volumeJson,
  volumeStatistics,
} from './json';
import { permitsOfRole } from './permits';
import { parseVersion } from '../version';
import { parseSearch, type SearchFields } from './search';
import type { TokenStore } from './tokens';
import { INTERNAL_AUTHZ, INTERNAL_PROFILE, type Directory } from './directory';
import { registerStorageApi, Snapshots } from './storage';

interface Ctx {
  user: LabUser;
  admin: boolean;
  filtered: boolean;
}

export interface ApiDeps {
  lab: Lab;
  access: Access;
  tokens: TokenStore;
  events: EngineEvent[];
  /** Users of the internal profile that are not (yet) the engine's users: `POST /users` adds them. */
  directory?: Directory;
  /** VM snapshots (storage.ts) and how long taking or removing one takes (ms). */
  snapshots?: Snapshots;
  snapshotMs?: () => number;
}

type Query = Record<string, string | string[] | undefined>;
interface Route<P> {
  Params: P;
  Querystring: Query;
}
type Id = Route<{ id: string }>;

const INSUFFICIENT = 'Query execution failed due to insufficient permissions.';

const first = (q: Query, name: string): string | undefined => {
  const v = q[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The `filter` parameter as BaseBackendResource.isFiltered reads it:
 * ParametersHelper.getBooleanParameter(headers, uri, "filter", empty = true, missing = null), which
 * looks at the query parameters, then the last path segment's matrix parameters, then the header
 * (getParameter); t/true/y/yes/1 and f/false/n/no/0 in any case; anything else is logged and
 * ignored, as if missing. Missing: the admin runs unfiltered, anyone else filtered.
 */
function filterMode(req: FastifyRequest, admin: boolean): boolean {
  // Matrix parameters (`clusters;filter=false`) are not routed by this emulator: query or header.
  const header = req.headers.filter;
  const raw = first(req.query as Query, 'filter') ?? (Array.isArray(header) ? header[0] : header);
  if (raw === undefined) return !admin;
  if (raw === '') return true;
  if (/^(t(rue)?|y(es)?|1)$/i.test(raw)) return true;
  if (/^(f(alse)?|n(o)?|0)$/i.test(raw)) return false;
  return !admin;
}

function booleanParam(value: string, name: string): boolean {
  if (value === '') return true;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new EngineFault(
    400,
    'Invalid value',
    `Value '${value}' of parameter '${name}' is not a valid boolean, it must be 'true' or 'false'.`,
  );
}

function maxParam(q: Query): number {
  const v = first(q, 'max');
  if (v === undefined) return -1;
  if (!/^-?\d+$/.test(v))
    throw new EngineFault(
      400,
      'Invalid value',
      `Value '${v}' of parameter 'max' is not a valid integer number.`,
    );
  return Number(v);
}

const limit = <T>(items: T[], max: number): T[] => (max >= 0 ? items.slice(0, max) : items);

export function registerApi(app: FastifyInstance, d: ApiDeps): void {
  const { lab, access } = d;
  const engineVersion = lab.engine_version ?? '4.5.7';
  const ctxOf = new WeakMap<FastifyRequest, Ctx>();
  const ctx = (req: FastifyRequest): Ctx => {
    const c = ctxOf.get(req);
    if (!c) throw new Error('request reached a handler without authentication');
    return c;
  };

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    if (err instanceof EmptyNotFound) return reply.code(404).send();
    if (err instanceof Unauthorized)
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Basic realm="RESTAPI"')
        .type('text/html;charset=UTF-8')
        .send(unauthorizedPage(err.errMsg));
    if (err instanceof EngineFault)
      return reply.code(err.status).send({ reason: err.reason, detail: err.detail });
    if (err.validation)
      return reply.code(400).send({ reason: 'Invalid value', detail: err.message });
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500)
      return reply.code(status).send({ reason: 'Bad Request', detail: err.message });
    req.log.error({ err }, 'engine emulator failure');
    return reply.code(500).send({ reason: OPERATION_FAILED, detail: 'Internal Server Error' });
  });

  // Authentication, then content negotiation, then the filter mode: the order the engine's
  // servlet filters apply them in.
  app.addHook('onRequest', (req, _reply, done) => {
    try {
      ctxOf.set(req, authenticate(req));
      done();
    } catch (e) {
      done(e as Error);
    }
  });
  function authenticate(req: FastifyRequest): Ctx {
    // SsoRestApiAuthFilter: no (or another kind of) Authorization header leaves no message, so
    // EnforceAuthFilter sends the plain 401.
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!m) throw new Unauthorized(null);
    const entry = d.tokens.lookup(m[1]!);
    const user = entry ? lab.users.find((u) => u.id === entry.userId) : undefined;
    // An unknown or expired token: the SSO's token-info answer (SsoService.getSsoSession,
    // OAuthException(invalid_grant)) becomes the 401's message (FiltersHelper.isStatusOk).
    if (!user)
      throw new Unauthorized(
        'invalid_grant: The provided authorization grant for the auth code has expired.',
      );
    // The engine creates no session for a user none of whose roles has the login permit.
    if (!access.canLogin(user)) {
      throw new Unauthorized(`The user ${user.user_name} is not authorized to perform login.`);
    }
    if (!/\bapplication\/json\b/i.test(req.headers.accept ?? '')) {
      throw new EngineFault(
        406,
        'Not Acceptable',
        'Send "Accept: application/json". The engine answers XML otherwise; this emulator only speaks JSON.',
      );
    }
    const admin = access.isAdmin(user);
    return { user, admin, filtered: filterMode(req, admin) };
  }

  /** Any query-backed read: admins may run it unfiltered, everyone may run it filtered. */
  const readable = (req: FastifyRequest): Ctx => {
    const c = ctx(req);
    if (!c.filtered && !c.admin) throw new EngineFault(400, OPERATION_FAILED, INSUFFICIENT);
    return c;
  };
  /** A read the engine serves with an admin-only query: never filtered, admins only. */
  const adminOnly = (req: FastifyRequest): Ctx => {
    const c = readable(req);
    if (c.filtered) throw new EngineFault(400, OPERATION_FAILED, INSUFFICIENT);
    return c;
  };

  /** Collection results: intersected with the search when there is one, then cut to `max`. */
  const listed = <T>(q: Query, items: T[], fields: SearchFields<T>): T[] => {
    const max = maxParam(q);
    const search = first(q, 'search');
    if (search === undefined) return limit(items, max);
    const caseSensitive =
      first(q, 'case_sensitive') === undefined
        ? true
        : booleanParam(first(q, 'case_sensitive')!, 'case_sensitive');
    const match = parseSearch(search, fields, caseSensitive);
    return match ? limit(items.filter(match), max) : [];
  };

  const clusterById = (id: string): LabCluster | undefined => lab.clusters.find((c) => c.id === id);
  const clusterName = (id: string): string | undefined => clusterById(id)?.name;
  const dcName = (id: string | undefined): string | undefined =>
    lab.data_centers.find((x) => x.id === id)?.name;

  /** The cluster the path names, as the user may see it. */
  const visibleCluster = (c: Ctx, rawId: string): LabCluster => {
    const id = guidOr404(rawId, 'Cluster');
    const cl = clusterById(id);
    if (!cl || (c.filtered && !access.canSee(c.user, { type: 'cluster', id })))
      throw notFound(`Cluster: id=${id}`);
    return cl;
  };
  /** A volume of that cluster (admin-only query in the engine). */
  const volumeIn = (rawClusterId: string, rawId: string): LabVolume => {
    const clusterId = guidOr404(rawClusterId, 'Cluster');
    const id = guidOr404(rawId, 'GlusterVolume');
    if (!clusterById(clusterId)) throw notFound(`Cluster: id=${clusterId}`);
    const v = lab.volumes.find((x) => x.id === id && x.cluster_id === clusterId);
    if (!v) throw notFound(`GlusterVolume: id=${id}`);
    return v;
  };
  const visibleUser = (c: Ctx, rawId: string): LabUser => {
    const id = guidOr404(rawId, 'User');
    const u = lab.users.find((x) => x.id === id);
    // Filtered, the engine shows users only themselves.
    if (!u || (c.filtered && u.id !== c.user.id)) throw notFound(`User: id=${id}`);
    return u;
  };

  // --- API root -------------------------------------------------------------------------------

  app.get('/ovirt-engine/api', (req) => {
    const c = ctx(req);
    const me = { href: hrefs.user(c.user.id), id: c.user.id };
    const rels = ['clusters', 'datacenters', 'events', 'hosts', 'permissions', 'roles', 'users'];
    const body: Record<string, unknown> = {
      product_info: {
        name: 'oVirt Engine',
        vendor: 'ovirt.org',
        instance_id: '5f4a2b8e-0000-4000-8000-00000000e0e0',
        version: productVersion(engineVersion),
      },
      special_objects: {
        blank_template: {
          href: `${API}/templates/00000000-0000-0000-0000-000000000000`,
          id: '00000000-0000-0000-0000-000000000000',
        },
        root_tag: {
          href: `${API}/tags/00000000-0000-0000-0000-000000000000`,
          id: '00000000-0000-0000-0000-000000000000',
        },
      },
      time: Date.now(),
      authenticated_user: me,
      effective_user: me,
      link: rels.flatMap((rel) => [
        { href: `${API}/${rel}`, rel },
        ...(rel === 'permissions' || rel === 'roles'
          ? []
          : [{ href: `${API}/${rel}?search={query}`, rel: `${rel}/search` }]),
      ]),
    };
    // The summary counts everything, so the engine gives it only to unfiltered (admin) sessions.
    if (!c.filtered && c.admin) {
      body.summary = {
        hosts: {
          active: String(lab.hosts.filter((h) => h.status === 'up').length),
          total: String(lab.hosts.length),
        },
        storage_domains: { active: '0', total: '0' },
        users: { active: '1', total: String(lab.users.length) },
        vms: { active: '0', total: '0' },
      };
    }
    return body;
  });
  app.route({
    method: ['POST', 'PUT', 'DELETE', 'PATCH'],
    url: '/ovirt-engine/api',
    handler: () => {
      throw new EngineFault(405, 'Method Not Allowed', 'The API root only answers GET.');
    },
  });

  // --- Data centers and clusters --------------------------------------------------------------

  app.get<Route<object>>('/ovirt-engine/api/datacenters', (req) => {
    const c = readable(req);
    const dcs = lab.data_centers.filter(
      (dc) => !c.filtered || access.canSee(c.user, { type: 'data_center', id: dc.id }),
    );
    const found = listed(req.query, dcs, { name: { kind: 'text', get: (dc) => dc.name } });
    return collection(
      'data_center',
      found.map((dc) => dataCenterJson(dc, lab)),
    );
  });

  app.get<Id>('/ovirt-engine/api/datacenters/:id', (req) => {
    const c = readable(req);
    const id = guidOr404(req.params.id, 'DataCenter');
    const dc = lab.data_centers.find((x) => x.id === id);
    if (!dc || (c.filtered && !access.canSee(c.user, { type: 'data_center', id: dc.id }))) {
      throw notFound(`DataCenter: id=${req.params.id}`);
    }
    return dataCenterJson(dc, lab);
  });

  const clusterFields: SearchFields<LabCluster> = {
    name: { kind: 'text', get: (x) => x.name },
    datacenter: { kind: 'text', get: (x) => dcName(x.data_center_id) },
  };

  app.get<Route<object>>('/ovirt-engine/api/clusters', (req) => {
    const c = readable(req);
    const cls = lab.clusters.filter(
      (cl) => !c.filtered || access.canSee(c.user, { type: 'cluster', id: cl.id }),
    );
    return collection('cluster', listed(req.query, cls, clusterFields).map(clusterJson));
  });

  app.get<Id>('/ovirt-engine/api/clusters/:id', (req) =>
    clusterJson(visibleCluster(readable(req), req.params.id)),
  );

  // BackendClusterResource.getPermissionsResource: GetPermissionsForObject with the inherited
  // ones (data center, system), every one written with the cluster as its object.
  app.get<Id>('/ovirt-engine/api/clusters/:id/permissions', (req) => {
    const c = readable(req);
    const cl = clusterById(req.params.id);
    if (!cl) throw notFound(`Cluster: id=${req.params.id}`);
    const perms = access.clusterTree(cl.id, c.filtered ? c.user : null);
    const on = { type: 'cluster', id: cl.id } as const;
    return collection(
      'permission',
      perms.map((p) => permissionJson(p, `${hrefs.cluster(cl.id)}/permissions/${p.id}`, on)),
    );
  });

  // --- Hosts -----------------------------------------------------------------------------------

  const hostFields: SearchFields<LabHost> = {
    name: { kind: 'text', get: (h) => h.name },
    address: { kind: 'text', get: (h) => h.address },
    status: { kind: 'enum', get: (h) => h.status },
    cluster: { kind: 'text', get: (h) => clusterName(h.cluster_id) },
    datacenter: { kind: 'text', get: (h) => dcName(clusterById(h.cluster_id)?.data_center_id) },
  };

  app.get<Route<object>>('/ovirt-engine/api/hosts', (req) => {
    const c = readable(req);
    const hosts = lab.hosts.filter(
      (h) => !c.filtered || access.canSee(c.user, { type: 'host', id: h.id }),
    );
    return collection(
      'host',
      listed(req.query, hosts, hostFields).map((h) => hostJson(h, engineVersion)),
    );
  });

  app.get<Id>('/ovirt-engine/api/hosts/:id', (req) => {
    adminOnly(req); // GetVdsByVdsId
    const id = guidOr404(req.params.id, 'Host');
    const h = lab.hosts.find((x) => x.id === id);
    if (!h) throw notFound(`Host: id=${req.params.id}`);
    return hostJson(h, engineVersion);
  });

  // --- Gluster volumes, bricks, statistics ----------------------------------------------------

  // GlusterVolumeConditionFieldAutoCompleter (searchbackend/.../gluster/), and the cluster
  // cross-reference (GlusterVolumeCrossRefAutoCompleter: `cluster = <name>`).
  const volumeFields: SearchFields<LabVolume> = {
    name: { kind: 'text', get: (v) => v.name },
    status: { kind: 'enum', get: (v) => v.status },
    type: { kind: 'enum', get: (v) => v.type },
    replica_count: { kind: 'text', get: (v) => v.replica_count },
    cluster: { kind: 'text', get: (v) => clusterName(v.cluster_id) },
  };

  app.get<Id>('/ovirt-engine/api/clusters/:id/glustervolumes', (req) => {
    // BackendGlusterVolumesResource.list (restapi/jaxrs/.../gluster/BackendGlusterVolumesResource
    // .java:59-64): the cluster is read first (parent.get(): 404 when missing or not visible),
    // then the volumes are *searched* with "cluster = <name>", the name unquoted. A `search`
    // parameter replaces that constraint (QueryHelper.getConstraint:122-131): it then lists
    // matching volumes of every cluster the user sees, not only this one.
    // The search is no user's (SearchQuery.searchGlusterVolumes → genericSearch, no permission
    // view): filtered or not, the volumes are every matching one; only the cluster is checked.
    const c = readable(req);
    const cl = visibleCluster(c, req.params.id);
    const vols = lab.volumes;
    const q = { ...req.query, search: first(req.query, 'search') ?? `cluster = ${cl.name}` };
    return collection('gluster_volume', listed(q, vols, volumeFields).map(volumeJson));
  });

  app.get<Route<{ id: string; vid: string }>>(
    '/ovirt-engine/api/clusters/:id/glustervolumes/:vid',
    (req) => {
      adminOnly(req); // GetGlusterVolumeById
      return volumeJson(volumeIn(req.params.id, req.params.vid));
    },
  );

  app.get<Route<{ id: string; vid: string }>>(
    '/ovirt-engine/api/clusters/:id/glustervolumes/:vid/glusterbricks',
    (req) => {
      adminOnly(req); // GetGlusterVolumeBricks
      const v = volumeIn(req.params.id, req.params.vid);
      const bricks = limit(bricksOf(v, lab), maxParam(req.query));
      return collection(
        'gluster_brick',
        bricks.map((b) => brickJson(v, b)),
      );
    },
  );

  app.get<Route<{ id: string; vid: string; bid: string }>>(
    '/ovirt-engine/api/clusters/:id/glustervolumes/:vid/glusterbricks/:bid',
    (req) => {
      adminOnly(req); // GetGlusterBrickById
      const v = volumeIn(req.params.id, req.params.vid);
      const bid = guidOr404(req.params.bid, 'GlusterBrick');
      const b = bricksOf(v, lab).find((x) => x.id === bid);
      if (!b) throw notFound(`GlusterBrick: id=${req.params.bid}`);
      return brickJson(v, b);
    },
  );

  app.get<Route<{ id: string; vid: string }>>(
    '/ovirt-engine/api/clusters/:id/glustervolumes/:vid/statistics',
    (req) => {
      adminOnly(req); // resolves the volume with GetGlusterVolumeById
      return collection('statistic', volumeStatistics(volumeIn(req.params.id, req.params.vid)));
    },
  );

  app.get<Route<{ id: string; vid: string; sid: string }>>(
    '/ovirt-engine/api/clusters/:id/glustervolumes/:vid/statistics/:sid',
    (req) => {
      adminOnly(req);
      const sid = guidOr404(req.params.sid, 'Statistic');
      const st = volumeStatistics(volumeIn(req.params.id, req.params.vid)).find(
        (x) => x.id === sid,
      );
      if (!st) throw notFound(`Statistic: id=${req.params.sid}`);
      return st;
    },
  );

  // --- Users, permissions, roles --------------------------------------------------------------

  app.get<Route<object>>('/ovirt-engine/api/users', (req) => {
    const c = readable(req);
    const users = c.filtered ? lab.users.filter((u) => u.id === c.user.id) : lab.users;
    return collection('user', limit(users, maxParam(req.query)).map(userJson));
  });

  app.get<Id>('/ovirt-engine/api/users/:id', (req) =>
    userJson(visibleUser(readable(req), req.params.id)),
  );

  app.get<Id>('/ovirt-engine/api/users/:id/permissions', (req) => {
    const u = visibleUser(readable(req), req.params.id);
    const perms = access.permissionsOf(u.id);
    return collection(
      'permission',
      perms.map((p) => permissionJson(p, `${hrefs.user(u.id)}/permissions/${p.id}`)),
    );
  });

  app.get<Route<{ id: string; pid: string }>>(
    '/ovirt-engine/api/users/:id/permissions/:pid',
    (req) => {
      const u = visibleUser(readable(req), req.params.id);
      const pid = guidOr404(req.params.pid, 'Permission');
      const p = access.permissionsOf(u.id).find((x) => x.id === pid);
      if (!p) throw notFound(`Permission: id=${req.params.pid}`);
      return permissionJson(p, `${hrefs.user(u.id)}/permissions/${p.id}`);
    },
  );

  // System permissions: the permissions given on the system object itself
  // (BackendSystemPermissionsResource: GetPermissionsForObject, a user query, so filtered too).
  const systemPermissions = (c: Ctx) => access.systemPermissions(c.filtered ? c.user : null);

  app.get<Route<object>>('/ovirt-engine/api/permissions', (req) => {
    const c = readable(req);
    return collection(
      'permission',
      systemPermissions(c).map((p) => permissionJson(p, `${API}/permissions/${p.id}`)),
    );
  });

  app.get<Id>('/ovirt-engine/api/permissions/:id', (req) => {
    const c = readable(req);
    const id = guidOr404(req.params.id, 'Permission');
    const p = systemPermissions(c).find((x) => x.id === id);
    if (!p) throw notFound(`Permission: id=${req.params.id}`);
    return permissionJson(p, `${API}/permissions/${p.id}`);
  });

  // Roles and their permits are readable by every logged-in user (GetAllRoles is a user query).
  const roleById = (rawId: string) => {
    const id = guidOr404(rawId, 'Role');
    const r = lab.roles.find((x) => x.id === id);
    if (!r) throw notFound(`Role: id=${id}`);
    return r;
  };

  app.get<Route<object>>('/ovirt-engine/api/roles', (req) => {
    readable(req);
    return collection('role', limit(lab.roles, maxParam(req.query)).map(roleJson));
  });

  app.get<Id>('/ovirt-engine/api/roles/:id', (req) => {
    readable(req);
    return roleJson(roleById(req.params.id));
  });

  app.get<Id>('/ovirt-engine/api/roles/:id/permits', (req) => {
    readable(req);
    const r = roleById(req.params.id);
    return collection(
      'permit',
      permitsOfRole(r).map((p) => permitJson(r, p)),
    );
  });

  app.get<Route<{ id: string; pid: string }>>('/ovirt-engine/api/roles/:id/permits/:pid', (req) => {
    readable(req);
    const r = roleById(req.params.id);
    const p = permitsOfRole(r).find((x) => String(x.id) === req.params.pid);
    if (!p) throw notFound(`Permit: id=${req.params.pid}`);
    return permitJson(r, p);
  });

  // --- Events ----------------------------------------------------------------------------------

  const eventFields: SearchFields<EngineEvent> = {
    severity: { kind: 'enum', get: (e) => e.severity },
    origin: { kind: 'text', get: (e) => e.origin },
    message: { kind: 'text', get: (e) => e.description },
    custom_event_id: { kind: 'text', get: (e) => e.custom_id },
    // The cluster cross-reference (searchbackend SearchObjectAutoCompleter.java:255-259, audit
    // log's cluster_id): `cluster = <name>`, as ClusterEventListModel searches a cluster's events.
    cluster: { kind: 'text', get: (e) => (e.cluster_id ? clusterName(e.cluster_id) : undefined) },
    'cluster.name': {
      kind: 'text',
      get: (e) => (e.cluster_id ? clusterName(e.cluster_id) : undefined),
    },
  };

  /**
   * Filtered, an event shows when its cluster is visible (a user-type role: user_cluster_permissions
   * _view) and someone holds a permission on that very cluster (user_object_permissions_view, any
   * role, not Everyone's, not joined with the user): audit_log_sp.sql GetAllFromAuditLog. Global
   * events are for unfiltered (admin) reads.
   */
  const eventVisible = (c: Ctx, e: EngineEvent): boolean =>
    !c.filtered ||
    (e.cluster_id !== null &&
      access.canSee(c.user, { type: 'cluster', id: e.cluster_id }) &&
      lab.permissions.some(
        (p) => p.on.type === 'cluster' && p.on.id === e.cluster_id && p.group_id !== EVERYONE,
      ));

  app.get<Route<object>>('/ovirt-engine/api/events', (req) => {
    const c = readable(req);
    const fromParam = first(req.query, 'from');
    if (fromParam !== undefined && !/^\d+$/.test(fromParam)) {
      throw new EngineFault(
        400,
        'Invalid value',
        `Value '${fromParam}' of parameter 'from' is not a valid integer number.`,
      );
    }
    const from = fromParam === undefined ? -1 : Number(fromParam);
    const events = [...d.events].reverse().filter((e) => eventVisible(c, e) && e.id > from);
    return collection('event', listed(req.query, events, eventFields).map(eventJson));
  });

  app.get<Id>('/ovirt-engine/api/events/:id', (req) => {
    adminOnly(req); // GetAuditLogById
    const e = d.events.find((x) => String(x.id) === req.params.id);
    if (!e) throw notFound(`Event: id=${req.params.id}`);
    return eventJson(e);
  });

  interface EventBody {
    description?: string;
    severity?: string;
    origin?: string;
    custom_id?: string | number;
    flood_rate?: string | number;
    cluster?: { id?: string };
    storage_domain?: { id?: string };
  }

  app.post<{ Body: EventBody | undefined }>(
    '/ovirt-engine/api/events',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            description: { type: 'string' },
            severity: { type: 'string' },
            origin: { type: 'string' },
            // custom_id and flood_rate: a number or a numeric string, checked by integer() below.
            cluster: { type: 'object', properties: { id: { type: 'string' } } },
            storage_domain: { type: 'object', properties: { id: { type: 'string' } } },
          },
        },
      },
    },
    (req, reply) => {
      const c = ctx(req);
      const b = req.body ?? {};
      // BackendEventsResource.add: validateParameters(event, "origin", "severity", "customId", "description").
      const missing = (
        [
          ['origin', b.origin],
          ['severity', b.severity],
          ['customId', b.custom_id],
          ['description', b.description],
        ] as const
      )
        .filter(([, v]) => v === undefined || v === '')
        .map(([k]) => k);
      if (missing.length)
        throw new EngineFault(
          400,
          'Incomplete parameters',
          `Event [${missing.join(', ')}] required for add`,
        );
      const severity = b.severity!.toLowerCase() as EventSeverity;
      if (!SEVERITIES.includes(severity)) {
        throw new EngineFault(
          400,
          'Invalid value',
          `${b.severity} is not a member of LogSeverity. Possible values for LogSeverity are: ${SEVERITIES.join(', ')}`,
        );
      }
      const customId = integer(b.custom_id!, 'custom_id');
      const floodRate = b.flood_rate === undefined ? 30 : integer(b.flood_rate, 'flood_rate');
      const clusterId = b.cluster?.id ?? null;
      // AddExternalEventCommand: inject_external_events on the object the event names, or on the
      // system for a global event; then the origin rule; the audit log's unique (origin, custom id).
      const on = clusterId
        ? ({ type: 'cluster', id: clusterId } as const)
        : ({ type: 'system' } as const);
      if (!access.hasPermit(c.user, 'inject_external_events', on)) {
        throw new EngineFault(
          403,
          OPERATION_FAILED,
          '[User is not authorized to perform this action.]',
        );
      }
      const origin = b.origin!;
      if (origin.toLowerCase() === 'ovirt') {
        throw new EngineFault(
          400,
          OPERATION_FAILED,
          '[Cannot add External Event. Illegal origin for external event : oVirt.]',
        );
      }
      if (d.events.some((e) => e.origin === origin && e.custom_id === customId)) {
        throw new EngineFault(
          400,
          OPERATION_FAILED,
          `[Cannot add External Event. An event with origin '${origin}' and custom ID ${customId} already exists.]`,
        );
      }
      const ev: EngineEvent = {
        id: (d.events.at(-1)?.id ?? 1000) + 1,
        time: Date.now(),
        code: EXTERNAL_EVENT_CODE[severity],
        description: b.description!,
        severity,
        origin,
        custom_id: customId,
        flood_rate: floodRate,
        cluster_id: clusterId,
        storage_domain_id: b.storage_domain?.id ?? null,
        posted_by: c.user.id,
      };
      d.events.push(ev);
      return reply.code(201).header('location', hrefs.event(ev.id)).send(eventJson(ev));
    },
  );

  registerStorageApi(
    app,
    { lab, access, readable, ctx, listed, snapshotMs: d.snapshotMs },
    d.snapshots ?? new Snapshots(),
  );

  // --- Adding users and system permissions (what ovirt-gluster-georep-setup does) -------------

  /** An action the backend refuses in validate(): 400 with its messages in brackets. */
  const notAuthorized = () =>
    new EngineFault(403, OPERATION_FAILED, '[User is not authorized to perform this action.]');
  const isSystemSuperUser = (u: LabUser): boolean =>
    access
      .permissionsOf(u.id)
      .some((p) => p.on.type === 'system' && access.role(p.role_id)?.name === 'SuperUser');

  interface UserBody {
    user_name?: string;
    principal?: string;
    domain?: { id?: string; name?: string };
  }

  // BackendUsersResource.add: a user of a directory (authz) enters the engine's users (AddUser,
  // which needs manipulate_users on the system); one the directory does not have is a plain 400.
  app.post<{ Body: UserBody | undefined }>('/ovirt-engine/api/users', (req, reply) => {
    const c = ctx(req);
    const b = req.body ?? {};
    if (!b.user_name)
      throw new EngineFault(400, 'Incomplete parameters', 'User [userName] required for add');
    const at = b.user_name.lastIndexOf('@');
    const authz = at >= 0 ? b.user_name.slice(at + 1) : b.domain?.name;
    if (!authz)
      throw new EngineFault(400, 'Incomplete parameters', 'User [domain.id|name] required for add');
    const principal = at >= 0 ? b.user_name.slice(0, at) : b.user_name;
    if (!access.hasPermit(c.user, 'manipulate_users', { type: 'system' })) throw notAuthorized();
    const entry =
      authz === INTERNAL_AUTHZ ? d.directory?.lookup(INTERNAL_PROFILE, principal) : undefined;
    const known = lab.users.find((u) => u.user_name === `${principal}@${INTERNAL_PROFILE}`);
    if (!entry && !(known && authz === INTERNAL_AUTHZ))
      return reply
        .code(400)
        .type('text/plain')
        .send(`No such user: ${b.user_name} in domain ${authz}`);
    const u = known ?? d.directory!.dbUser(INTERNAL_PROFILE, principal, entry!);
    return reply.code(201).header('location', hrefs.user(u.id)).send(userJson(u));
  });

  interface PermissionBody {
    role?: { id?: string; name?: string };
    user?: { id?: string };
    group?: { id?: string };
  }

  // BackendSystemPermissionsResource (BackendAssignedPermissionsResource.add) with
  // AddPermissionCommand.validate(): role by id or name, the user must be in the engine's users,
  // and only a system SuperUser may give an administrative role.
  app.post<{ Body: PermissionBody | undefined }>('/ovirt-engine/api/permissions', (req, reply) => {
    const c = ctx(req);
    const b = req.body ?? {};
    const missing = [
      ...(b.role?.id || b.role?.name ? [] : ['role.id|name']),
      ...(b.user?.id || b.group?.id ? [] : ['user|group.id']),
    ];
    if (missing.length)
      throw new EngineFault(
        400,
        'Incomplete parameters',
        `Permission [${missing.join(', ')}] required for add`,
      );
    if (!access.hasPermit(c.user, 'manipulate_permissions', { type: 'system' }))
      throw notAuthorized();
    const role = b.role!.id
      ? lab.roles.find((r) => r.id === b.role!.id)
      : lab.roles.find((r) => r.name === b.role!.name);
    if (!role)
      throw new EngineFault(400, OPERATION_FAILED, '[Cannot add permission, invalid Role id]');
    const user = lab.users.find((u) => u.id === b.user?.id);
    if (!user) throw new EngineFault(400, OPERATION_FAILED, '[User must exist in Database.]');
    if (role.administrative && !isSystemSuperUser(c.user))
      throw new EngineFault(
        400,
        OPERATION_FAILED,
        '[Cannot add permission, only system super user can give permissions with admin Role]',
      );
    const perm: LabPermission = {
      id: `p-${lab.permissions.length}-${role.id}-${user.id}`.slice(0, 64),
      user_id: user.id,
      role_id: role.id,
      on: { type: 'system' },
    };
    lab.permissions.push(perm);
    const href = `${API}/permissions/${perm.id}`;
    return reply.code(201).header('location', href).send(permissionJson(perm, href));
  });

  // --- Anything else ---------------------------------------------------------------------------

  // A path no resource serves: RESTEasy's 404, no body.
  app.all('/ovirt-engine/api/*', (req) => {
    throw notFound(`${req.method} ${req.url.split('?')[0]}`);
  });
}

/** product_info.version as the engine writes it for `4.5.7` (ovirt-engine-api-model Version). */
function productVersion(v: string): Record<string, string> {
  const [major = 0, minor = 0, build = 0, revision = 0] = parseVersion(v);
  return {
    build: String(build),
    full_version: `${v}-1.el${major >= 4 && minor >= 5 ? 9 : 8}`,
    major: String(major),
    minor: String(minor),
    revision: String(revision),
  };
}

/** An int (Java int) from JSON, where the engine accepts a number or a numeric string. */
function integer(v: string | number, name: string): number {
  const n = typeof v === 'number' ? v : /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) {
    throw new EngineFault(
      400,
      'Invalid value',
      `Value '${v}' of attribute '${name}' is not a valid integer number.`,
    );
  }
  return n;
}
