// Lab objects in the engine's JSON (api-model v4 as the 4.5 engine writes it): numbers and
// booleans as strings, dates as milliseconds since the epoch, references as {href, id}, every
// object with its own id and href, sub-collections as `link` entries, and lists keyed by the
// singular type name with the key left out when the list is empty.
import { createHash } from 'node:crypto';
import type {
  Lab,
  LabCluster,
  LabDataCenter,
  LabHost,
  LabPermission,
  LabRole,
  LabUser,
  LabVolume,
} from '../lab';
import { versionAtLeast } from '../version';
import type { EngineEvent } from './events';
import type { Permit } from './permits';

export const API = '/ovirt-engine/api';

type Json = Record<string, unknown>;

/** The engine's fault body, with the HTTP status it goes out with. */
export class EngineFault extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'EngineFault';
  }
}

/** `reason` of every backend failure (Messages.BACKEND_FAILED in the engine's restapi). */
export const OPERATION_FAILED = 'Operation Failed';

/**
 * A 404 with no body: what the engine answers for an entity that does not exist or that a
 * filtered user may not see (AbstractBackendSubResource.performGet asks getEntity with
 * notFoundAs404; BaseBackendResource.handleError:235-236 throws
 * `WebApplicationException(Response.status(NOT_FOUND).build())`), for an id that is no UUID
 * (AbstractBackendResource.asGuidOr404:374-380) and for a path no resource serves.
 */
export class EmptyNotFound extends Error {
  constructor(readonly what: string) {
    super(`not found: ${what}`);
    this.name = 'EmptyNotFound';
  }
}

export const notFound = (what: string): EmptyNotFound => new EmptyNotFound(what);

/**
 * A path id as the engine's Guid reads it (java.util.UUID.fromString: five groups of hex
 * digits), canonical and lower case; anything else is a 404 with no body.
 */
export function guidOr404(id: string, what: string): string {
  const m =
    /^([0-9a-f]{1,8})-([0-9a-f]{1,4})-([0-9a-f]{1,4})-([0-9a-f]{1,4})-([0-9a-f]{1,12})$/i.exec(id);
  if (!m) throw notFound(`${what}: id=${id}`);
  const widths = [8, 4, 4, 4, 12];
  return m
    .slice(1)
    .map((g, i) => g.toLowerCase().padStart(widths[i]!, '0'))
    .join('-');
}

/**
 * 401 as the web container sends it: EnforceAuthFilter (backend/manager/modules/aaa/.../filters/
 * EnforceAuthFilter.java) sets `WWW-Authenticate: Basic realm="RESTAPI"` (restapi web.xml) and
 * calls sendError(401[, message]); Undertow writes its own HTML error page
 * (HttpServletResponseImpl.doErrorDispatch), never the engine's JSON fault.
 */
export class Unauthorized extends Error {
  constructor(readonly errMsg: string | null) {
    super(errMsg ?? 'Unauthorized');
    this.name = 'Unauthorized';
  }
}

export function unauthorizedPage(errMsg: string | null): string {
  const msg = (errMsg ?? 'Unauthorized').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
  return `<html><head><title>Error</title></head><body>${msg}</body></html>`;
}

/** A collection: `{"<type>": [...]}`, or `{}` when empty. */
export const collection = (type: string, items: Json[]): Json =>
  items.length ? { [type]: items } : {};

const s = (v: number | boolean): string => String(v);
const ref = (href: string, id: string): Json => ({ href, id });
const links = (href: string, rels: string[]): Json[] =>
  rels.map((rel) => ({ href: `${href}/${rel}`, rel }));

/** Java's UUID.nameUUIDFromBytes (type 3), which the engine uses for ids derived from names. */
export function nameUuid(name: string): string {
  const b = createHash('md5').update(name).digest();
  b[6] = (b[6]! & 0x0f) | 0x30;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const hrefs = {
  cluster: (id: string) => `${API}/clusters/${id}`,
  dataCenter: (id: string) => `${API}/datacenters/${id}`,
  host: (id: string) => `${API}/hosts/${id}`,
  volume: (clusterId: string, id: string) => `${API}/clusters/${clusterId}/glustervolumes/${id}`,
  user: (id: string) => `${API}/users/${id}`,
  role: (id: string) => `${API}/roles/${id}`,
  event: (id: number) => `${API}/events/${id}`,
};

export function clusterJson(c: LabCluster): Json {
  const href = hrefs.cluster(c.id);
  return {
    name: c.name,
    description: '',
    comment: '',
    gluster_service: s(c.gluster_service),
    virt_service: s(c.virt_service),
    ha_reservation: 'false',
    ballooning_enabled: 'false',
    trusted_service: 'false',
    version: { major: s(c.version.major), minor: s(c.version.minor) },
    data_center: ref(hrefs.dataCenter(c.data_center_id), c.data_center_id),
    href,
    id: c.id,
    link: links(href, [
      'permissions',
      'glustervolumes',
      'glusterhooks',
      'networks',
      'affinitygroups',
      'cpuprofiles',
      'enabledfeatures',
      'networkfilters',
      'externalnetworkproviders',
    ]),
  };
}

export function dataCenterJson(dc: LabDataCenter, lab: Lab): Json {
  const href = hrefs.dataCenter(dc.id);
  // A data center's compatibility version is at most its clusters' lowest.
  const versions = lab.clusters.filter((c) => c.data_center_id === dc.id).map((c) => c.version);
  const v = versions.reduce((a, b) => (b.major * 100 + b.minor < a.major * 100 + a.minor ? b : a), {
    major: 4,
    minor: 7,
  });
  return {
    name: dc.name,
    description: '',
    comment: '',
    local: 'false',
    quota_mode: 'disabled',
    status: 'up',
    storage_format: 'v5',
    supported_versions: { version: [{ major: s(v.major), minor: s(v.minor) }] },
    version: { major: s(v.major), minor: s(v.minor) },
    href,
    id: dc.id,
    link: links(href, [
      'clusters',
      'networks',
      'permissions',
      'quotas',
      'qoss',
      'iscsibonds',
      'storagedomains',
    ]),
  };
}

/**
 * `ssh.public_key` came with commit f5e7cafa5da ("restapi: SSH public key available for the
 * Host", 2021-02-01): absent from tag ovirt-engine-4.4.5, present from ovirt-engine-4.4.5.5 on
 * (HostMapper.map(VdsStatic, Ssh), restapi/types/.../HostMapper.java:406-415).
 */
export const SSH_PUBLIC_KEY_SINCE = '4.4.5.5';

export function hostJson(h: LabHost, engineVersion: string): Json {
  const href = hrefs.host(h.id);
  // HostMapper.java:407-414: port, user (the engine's SSH user, root unless changed), fingerprint,
  // public key.
  const ssh: Json = {
    port: s(h.ssh_port),
    user: { user_name: h.ssh_user ?? 'root' },
    fingerprint: h.ssh_fingerprint,
  };
  if (h.ssh_public_key && versionAtLeast(engineVersion, SSH_PUBLIC_KEY_SINCE))
    ssh.public_key = h.ssh_public_key;
  return {
    name: h.name,
    comment: '',
    address: h.address,
    status: h.status,
    port: '54321',
    protocol: 'stomp',
    type: 'rhel',
    external_status: 'ok',
    kdump_status: 'disabled',
    spm: { priority: '5', status: 'none' },
    ssh,
    cluster: ref(hrefs.cluster(h.cluster_id), h.cluster_id),
    href,
    id: h.id,
    link: links(href, [
      'permissions',
      'nics',
      'statistics',
      'storage',
      'tags',
      'fenceagents',
      'hooks',
      'devices',
      'numanodes',
    ]),
  };
}

/** Options a volume made for oVirt carries (the "optimize for virt store" set, trimmed). */
function volumeOptions(v: LabVolume): Json[] {
  const opts: [string, string][] = [
    ['nfs.disable', 'on'],
    ['storage.owner-gid', '36'],
    ['storage.owner-uid', '36'],
    ['transport.address-family', 'inet'],
  ];
  if (v.type === 'replicate' || v.type === 'distributed_replicate') {
    opts.push(
      ['cluster.quorum-type', 'auto'],
      ['network.remote-dio', 'off'],
      ['performance.client-io-threads', 'off'],
    );
  }
  return opts.map(([name, value]) => ({ name, value }));
}

export function volumeJson(v: LabVolume): Json {
  const href = hrefs.volume(v.cluster_id, v.id);
  return {
    name: v.name,
    volume_type: v.type,
    replica_count: s(v.replica_count),
    stripe_count: '0',
    status: v.status,
    transport_types: { transport_type: ['tcp'] },
    options: { option: volumeOptions(v) },
    cluster: ref(hrefs.cluster(v.cluster_id), v.cluster_id),
    href,
    id: v.id,
    link: links(href, ['glusterbricks', 'statistics']),
  };
}

export interface BrickView {
  id: string;
  host: LabHost | undefined;
  host_id: string;
  dir: string;
  status: 'up' | 'down' | 'unknown';
}

/** A volume's bricks with stable ids and a status that follows the volume's and the host's. */
export function bricksOf(v: LabVolume, lab: Lab): BrickView[] {
  return v.bricks.map((b) => {
    const host = lab.hosts.find((h) => h.id === b.host_id);
    const status: BrickView['status'] =
      v.status === 'down'
        ? 'down'
        : host?.status === 'up'
          ? 'up'
          : host?.status === 'non_responsive'
            ? 'unknown'
            : 'down';
    return {
      id: nameUuid(`${v.id}:${b.host_id}:${b.dir}`),
      host,
      host_id: b.host_id,
      dir: b.dir,
      status,
    };
  });
}

export function brickJson(v: LabVolume, b: BrickView): Json {
  const volHref = hrefs.volume(v.cluster_id, v.id);
  const href = `${volHref}/glusterbricks/${b.id}`;
  return {
    name: `${b.host?.address ?? b.host_id}:${b.dir}`,
    brick_dir: b.dir,
    server_id: b.host_id,
    status: b.status,
    gluster_volume: ref(volHref, v.id),
    href,
    id: b.id,
    link: links(href, ['statistics']),
  };
}

/** The volume statistics the engine serves (restapi VolumeStatisticalQuery): sizes in bytes. */
export function volumeStatistics(v: LabVolume): Json[] {
  const volHref = hrefs.volume(v.cluster_id, v.id);
  const stat = (name: string, description: string, bytes: number): Json => {
    const id = nameUuid(name);
    return {
      name,
      description,
      kind: 'gauge',
      type: 'integer',
      unit: 'bytes',
      values: { value: [{ datum: String(bytes) }] },
      gluster_volume: ref(volHref, v.id),
      href: `${volHref}/statistics/${id}`,
      id,
    };
  };
  return [
    stat('memory.total.size', 'Total size', v.size_bytes),
    stat('memory.free.size', 'Free size', v.size_bytes - v.used_bytes),
    stat('memory.used.size', 'Used size', v.used_bytes),
  ];
}

/**
 * The REST API names a user by principal and *authz* provider: the `internal` login profile is
 * backed by the `internal-authz` provider, so admin@internal shows as admin@internal-authz.
 */
export function authzOf(userName: string): { principal: string; authz: string } {
  const at = userName.lastIndexOf('@');
  const principal = at < 0 ? userName : userName.slice(0, at);
  const profile = at < 0 ? 'internal' : userName.slice(at + 1);
  return { principal, authz: profile === 'internal' ? 'internal-authz' : profile };
}

export function userJson(u: LabUser): Json {
  const href = hrefs.user(u.id);
  const { principal, authz } = authzOf(u.user_name);
  const domainId = nameUuid(`domain:${authz}`);
  return {
    name: u.first_name,
    last_name: u.last_name,
    user_name: `${principal}@${authz}`,
    principal,
    namespace: '*',
    domain_entry_id: Buffer.from(principal).toString('hex').toUpperCase(),
    domain: { name: authz, href: `${API}/domains/${domainId}`, id: domainId },
    href,
    id: u.id,
    link: links(href, [
      'permissions',
      'roles',
      'tags',
      'sshpublickeys',
      'groups',
      'eventsubscriptions',
      'options',
    ]),
  };
}

/**
 * A permission as the REST PermissionMapper writes it (restapi/types PermissionMapper.map and
 * setObjectId): `user` or, for a group, `group` (BackendAssignedPermissionsResource.map); the
 * object only for a data center, cluster, host, storage domain, VM, pool, template or disk. A
 * permission on the system, on a Gluster volume, a network, a vNIC profile, a quota... names no
 * object at all (setObjectId's `default: assert false`). `asObject` renders it as the engine does
 * in an object's own permissions sub-collection, where inherited ones carry that object.
 */
export function permissionJson(
  p: LabPermission,
  href: string,
  asObject?: { type: 'cluster'; id: string },
): Json {
  const out: Json = { role: ref(hrefs.role(p.role_id), p.role_id) };
  if (p.group_id) out.group = ref(`${API}/groups/${p.group_id}`, p.group_id);
  else if (p.user_id) out.user = ref(hrefs.user(p.user_id), p.user_id);
  const on = asObject ?? p.on;
  if (on.type === 'cluster') out.cluster = ref(hrefs.cluster(on.id), on.id);
  if (on.type === 'data_center') out.data_center = ref(hrefs.dataCenter(on.id), on.id);
  if (on.type === 'host') out.host = ref(hrefs.host(on.id), on.id);
  return { ...out, href, id: p.id };
}

const PREDEFINED_ROLES = new Set([
  'SuperUser',
  'ClusterAdmin',
  'DataCenterAdmin',
  'GlusterAdmin',
  'ReadOnlyAdmin',
  'UserRole',
]);

export function roleJson(r: LabRole): Json {
  const href = hrefs.role(r.id);
  return {
    name: r.name,
    description: '',
    administrative: s(r.administrative),
    // The engine's predefined roles are read-only.
    mutable: s(!PREDEFINED_ROLES.has(r.name)),
    href,
    id: r.id,
    link: links(href, ['permits']),
  };
}

export function permitJson(r: LabRole, p: Permit): Json {
  const roleHref = hrefs.role(r.id);
  return {
    name: p.name,
    administrative: s(p.administrative),
    role: ref(roleHref, r.id),
    href: `${roleHref}/permits/${p.id}`,
    id: String(p.id),
  };
}

export function eventJson(e: EngineEvent): Json {
  const out: Json = {
    code: s(e.code),
    custom_id: s(e.custom_id),
    description: e.description,
    flood_rate: s(e.flood_rate),
    index: s(e.id),
    origin: e.origin,
    severity: e.severity,
    time: e.time,
    log_on_host: 'false',
  };
  if (e.cluster_id) out.cluster = ref(hrefs.cluster(e.cluster_id), e.cluster_id);
  if (e.storage_domain_id)
    out.storage_domain = ref(`${API}/storagedomains/${e.storage_domain_id}`, e.storage_domain_id);
  return { ...out, href: hrefs.event(e.id), id: s(e.id) };
}
