// The engine REST API as the service uses it: always with the calling user's own SSO token, read
// as WebAdmin reads it (engineReadHeaders, src/georep/engineRead.ts: no Filter, so the engine shows
// an admin what WebAdmin shows them; a filtered read would count user-type roles only and show a
// GlusterAdmin nothing). What the user may do is checked apart, per action (auth.ts). Engine JSON keeps booleans and numbers as strings and
// lists keyed by the singular type name (absent when empty); this module turns them into plain
// values. Every failure becomes an ApiError with words a user can act on.
import type { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios';
import { ApiError, badGateway, gatewayTimeout, unauthorized } from './errors';
import { searchCondition } from '../src/georep/engineSearch';
import { engineReadHeaders } from '../src/georep/engineRead';

/** The headers of every engine read, the service's and the plugin's (one truth). */
export { engineReadHeaders };

export interface EngineUser {
  id: string;
  /**
   * `name@domain` when the engine tells it, else the id: the engine's own spelling, with the
   * authorization extension's name (`admin@internal-authz`), as the engine's audit log writes it.
   */
  user_name: string;
  /**
   * The user as WebAdmin's header shows them: the login profile instead of the authz extension
   * (`admin@internal`). A profile's authz extension is named `<profile>-authz` by the engine's
   * internal domain (ovirt-engine-extension-aaa-jdbc: internal / internal-authz) and by
   * ovirt-engine-extension-aaa-ldap-setup; any other name is shown as the engine spells it.
   */
  display_name: string;
}

/** `admin@internal-authz` → `admin@internal` (see EngineUser.display_name). */
export function displayUserName(userName: string): string {
  return userName.replace(/@([^@]+)-authz$/, '@$1');
}

export interface EngineCluster {
  id: string;
  name: string;
  gluster_service: boolean;
  virt_service: boolean;
  data_center_id: string | null;
  version: { major: number; minor: number } | null;
}

export interface EngineHost {
  id: string;
  name: string;
  address: string;
  /** Engine host status, lower case: 'up', 'maintenance', 'non_responsive', ... */
  status: string;
  cluster_id: string | null;
}

/**
 * What the engine pinned for a host when it deployed it (EngineSSHClient.OvirtSshKeyVerifier):
 * `ssh.public_key` (from 4.4.6) and `ssh.fingerprint` (`SHA256:...`, or MD5 hex from older
 * engines); HostMapper.map(VdsStatic, Ssh) writes both.
 */
export interface EngineHostKey {
  id: string;
  name: string;
  address: string;
  ssh_port: number | null;
  public_key: string | null;
  fingerprint: string | null;
}

export interface EngineVolume {
  id: string;
  name: string;
  cluster_id: string;
  /** 'up' | 'down' | 'unknown' */
  status: string;
  volume_type: string | null;
}

export interface VolumeCapacity {
  total_bytes: number | null;
  used_bytes: number | null;
  free_bytes: number | null;
}

/**
 * What a permission is on, as the engine writes it. The REST PermissionMapper names the object
 * only for data centers, clusters, hosts, storage domains, VMs, pools, templates and disks; a
 * permission on the system, a Gluster volume, a network, a vNIC profile, a quota... names none
 * (restapi/types PermissionMapper.setObjectId, `default: assert false`): `unnamed` is never
 * taken for the system.
 */
export type PermissionTarget =
  | { type: 'unnamed' }
  | { type: 'data_center'; id: string }
  | { type: 'cluster'; id: string }
  | { type: 'other'; kind: string; id: string };

export interface EnginePermission {
  id: string;
  role_id: string;
  target: PermissionTarget;
  /** Who holds it: the user, or one of the user's groups. */
  holder: { type: 'user' | 'group'; id: string } | null;
}

export interface EngineRole {
  id: string;
  name: string;
  permits: string[];
}

export interface EngineEvent {
  description: string;
  severity: 'normal' | 'warning' | 'error';
  origin: string;
  custom_id: number;
  cluster_id?: string;
}

/** An event as `GET api/events` lists it. */
export interface EngineEventRecord {
  id: number;
  description: string;
  severity: string;
  origin: string;
  custom_id: number | null;
  cluster_id: string | null;
  time: string | null;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const bool = (v: unknown): boolean => v === true || v === 'true';
const num = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
};
const idOf = (v: unknown): string | null =>
  v && typeof v === 'object' ? str((v as Json).id) : null;
const list = (data: unknown, key: string): Json[] => {
  const v = data && typeof data === 'object' ? (data as Json)[key] : undefined;
  return Array.isArray(v) ? (v as Json[]) : [];
};

/** The objects a permission can be on (besides the system), as the engine's Permission type names them. */
const PERMISSION_OBJECTS = [
  'cluster',
  'data_center',
  'host',
  'storage_domain',
  'vm',
  'vm_pool',
  'template',
  'disk',
  'gluster_volume',
  'network',
  'vnic_profile',
  'disk_profile',
  'cpu_profile',
  'mac_pool',
  'quota',
];

export class EngineClient {
  private readonly http: AxiosInstance;
  readonly apiUrl: string;

  /** @param httpsAgent for an https engine URL: the agent that trusts the engine's CA. */
  constructor(engineUrl: string, timeoutMs = 15_000, httpsAgent?: HttpsAgent) {
    const base = engineUrl.endsWith('/') ? engineUrl : `${engineUrl}/`;
    this.apiUrl = `${base}api`;
    this.http = axios.create({
      timeout: timeoutMs,
      httpsAgent,
      validateStatus: () => true,
      // The engine is on our own origin (or localhost): never through an HTTP proxy from the environment.
      proxy: false,
    });
  }

  /** `GET api`: who the token belongs to. 401 when the engine does not accept it. */
  async whoami(token: string): Promise<EngineUser> {
    const res = await this.call(token, 'get', '', { what: 'check your session with the engine' });
    if (res.status === 401 || res.status === 403) {
      throw unauthorized(
        'The engine did not accept your session token; log in to the Administration Portal again.',
      );
    }
    this.ensureOk(res, 'check your session with the engine');
    const data = res.data as Json;
    const id = idOf(data.authenticated_user) ?? idOf(data.effective_user);
    if (!id)
      throw badGateway(
        'The engine did not say which user this session belongs to (no authenticated_user in GET api).',
      );
    let user_name = id;
    // The user's own entity gives the name for logs and events; not having it is not fatal.
    const u = await this.call(token, 'get', `users/${enc(id)}`, { what: 'read your user' }).catch(
      () => null,
    );
    if (u && u.status === 200) {
      const ud = u.data as Json;
      user_name = str(ud.user_name) ?? str(ud.principal) ?? str(ud.name) ?? id;
      const domain = idOf(ud.domain) ? str((ud.domain as Json).name) : null;
      if (!user_name.includes('@') && domain) user_name = `${user_name}@${domain}`;
    }
    return { id, user_name, display_name: displayUserName(user_name) };
  }

  /** `GET api/clusters/{id}` as the engine shows it to the user; null when it does not. */
  async cluster(token: string, id: string): Promise<EngineCluster | null> {
    const res = await this.call(token, 'get', `clusters/${enc(id)}`, { what: 'read the cluster' });
    if (res.status === 404) return null;
    this.ensureOk(res, 'read the cluster');
    return toCluster(res.data as Json);
  }

  /** `GET api/clusters` as the engine shows them to the user (to an admin: all). */
  async clusters(token: string): Promise<EngineCluster[]> {
    const res = await this.call(token, 'get', 'clusters', { what: 'list clusters' });
    this.ensureOk(res, 'list clusters');
    return list(res.data, 'cluster').map(toCluster);
  }

  /** Hosts of a cluster (`hosts?search=cluster=<name>`), in the engine's order. */
  async clusterHosts(token: string, cluster: { id: string; name: string }): Promise<EngineHost[]> {
    const res = await this.call(token, 'get', 'hosts', {
      params: { search: searchCondition('cluster', cluster.name) },
      what: `list the hosts of cluster ${cluster.name}`,
    });
    this.ensureOk(res, `list the hosts of cluster ${cluster.name}`);
    // Search is by name; the id check guards against a name another cluster also matches.
    return list(res.data, 'host')
      .map(toHost)
      .filter((h) => h.cluster_id === null || h.cluster_id === cluster.id);
  }

  /** Every host the user can see. */
  async hosts(token: string): Promise<EngineHost[]> {
    const res = await this.call(token, 'get', 'hosts', { what: 'list hosts' });
    this.ensureOk(res, 'list hosts');
    return list(res.data, 'host').map(toHost);
  }

  /**
   * Every host's pinned SSH key (`GET api/hosts` with the service account's token: it holds
   * ReadOnlyAdmin on the system, an admin role, so the engine reads it unfiltered).
   */
  async hostKeys(token: string): Promise<EngineHostKey[]> {
    const res = await this.call(token, 'get', 'hosts', {
      what: "read the hosts' SSH keys with the service account",
    });
    this.ensureOk(res, "read the hosts' SSH keys with the service account");
    return list(res.data, 'host').map((h) => {
      const ssh = (h.ssh ?? {}) as Json;
      const blank = (v: unknown) => {
        const t = str(v)?.trim();
        return t ? t : null;
      };
      return {
        id: str(h.id) ?? '',
        name: str(h.name) ?? '',
        address: str(h.address) ?? str(h.name) ?? '',
        ssh_port: num(ssh.port),
        public_key: blank(ssh.public_key),
        fingerprint: blank(ssh.fingerprint),
      };
    });
  }

  async volumes(token: string, clusterId: string): Promise<EngineVolume[]> {
    const res = await this.call(token, 'get', `clusters/${enc(clusterId)}/glustervolumes`, {
      what: 'list the Gluster volumes of the cluster',
    });
    if (res.status === 404) return [];
    this.ensureOk(res, 'list the Gluster volumes of the cluster');
    // No `search`: it would replace the engine's own `cluster = <name>` (and list other clusters').
    return list(res.data, 'gluster_volume')
      .filter((v) => (idOf(v.cluster) ?? clusterId) === clusterId)
      .map((v) => ({
        id: str(v.id) ?? '',
        name: str(v.name) ?? '',
        cluster_id: idOf(v.cluster) ?? clusterId,
        status: (str(v.status) ?? 'unknown').toLowerCase(),
        volume_type: str(v.volume_type),
      }));
  }

  /** A volume's capacity from its statistics (memory.total.size / memory.used.size / memory.free.size, bytes). */
  async volumeCapacity(
    token: string,
    clusterId: string,
    volumeId: string,
  ): Promise<VolumeCapacity> {
    // An admin-only query in the engine (refused when filtered): the user must be an admin.
    const res = await this.call(
      token,
      'get',
      `clusters/${enc(clusterId)}/glustervolumes/${enc(volumeId)}/statistics`,
      {
        what: 'read the statistics of a Gluster volume',
      },
    );
    if (res.status === 404) return { total_bytes: null, used_bytes: null, free_bytes: null };
    this.ensureOk(res, 'read the statistics of a Gluster volume');
    const stat = (name: string): number | null => {
      const s = list(res.data, 'statistic').find((x) => x.name === name);
      if (!s) return null;
      const values = list(s.values, 'value');
      return num(values[0]?.datum);
    };
    return {
      total_bytes: stat('memory.total.size'),
      used_bytes: stat('memory.used.size'),
      free_bytes: stat('memory.free.size'),
    };
  }

  /**
   * `GET api/users/{id}/permissions` with the user's token: the user's own and those of the
   * user's groups (GetPermissionsOnBehalfByAdElementId).
   */
  async userPermissions(token: string, userId: string): Promise<EnginePermission[]> {
    const res = await this.call(token, 'get', `users/${enc(userId)}/permissions`, {
      what: 'read your permissions',
    });
    this.ensureOk(res, 'read your permissions');
    return list(res.data, 'permission').map(toPermission);
  }

  /**
   * `GET api/clusters/{id}/permissions`: the permissions on the cluster, its data center and the
   * system, each written with the cluster as its object (GetPermissionsForObject with the
   * inherited ones; everyone's for an admin, only the user's own when read filtered).
   */
  async clusterPermissions(token: string, clusterId: string): Promise<EnginePermission[]> {
    const res = await this.call(token, 'get', `clusters/${enc(clusterId)}/permissions`, {
      what: 'read the permissions on the cluster',
    });
    this.ensureOk(res, 'read the permissions on the cluster');
    return list(res.data, 'permission').map(toPermission);
  }

  /** A role's name and permit names (`GET api/roles/{id}` and `.../permits`). */
  async role(token: string, roleId: string): Promise<EngineRole> {
    const [r, p] = await Promise.all([
      this.call(token, 'get', `roles/${enc(roleId)}`, { what: 'read a role' }),
      this.call(token, 'get', `roles/${enc(roleId)}/permits`, { what: "read a role's permits" }),
    ]);
    this.ensureOk(p, "read a role's permits");
    const name = r.status === 200 ? (str((r.data as Json).name) ?? roleId) : roleId;
    return {
      id: roleId,
      name,
      permits: list(p.data, 'permit')
        .map((x) => str(x.name) ?? '')
        .filter(Boolean),
    };
  }

  /** `POST api/events` as the user. */
  async postEvent(token: string, ev: EngineEvent): Promise<void> {
    const body: Json = {
      description: ev.description,
      severity: ev.severity,
      origin: ev.origin,
      custom_id: String(ev.custom_id),
    };
    if (ev.cluster_id) body.cluster = { id: ev.cluster_id };
    const res = await this.call(token, 'post', 'events', { body, what: 'post an event' });
    this.ensureOk(res, 'post an event');
  }

  /**
   * Events of the audit log (`GET api/events?search=...`), newest first, as the token may see them:
   * the watch reads its own (origin gluster-georep) back after a restart.
   */
  async events(token: string, o: { search: string; max: number }): Promise<EngineEventRecord[]> {
    const res = await this.call(token, 'get', 'events', {
      params: { search: o.search, max: String(o.max) },
      what: 'read the events',
    });
    this.ensureOk(res, 'read the events');
    return list(res.data, 'event')
      .map((e) => ({
        id: num(e.index) ?? num(e.id) ?? 0,
        description: str(e.description) ?? '',
        severity: str(e.severity) ?? '',
        origin: str(e.origin) ?? '',
        custom_id: num(e.custom_id),
        cluster_id: idOf(e.cluster),
        time: str(e.time),
      }))
      .sort((a, b) => b.id - a.id);
  }

  protected async call(
    token: string,
    method: 'get' | 'post' | 'delete',
    path: string,
    o: { params?: Record<string, string>; body?: unknown; what: string },
  ): Promise<AxiosResponse> {
    const headers = engineReadHeaders(token);
    if (o.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      // `api` itself has no trailing slash: the engine's root resource is /ovirt-engine/api.
      const url = path ? `${this.apiUrl}/${path}` : this.apiUrl;
      return await this.http.request({ method, url, params: o.params, data: o.body, headers });
    } catch (err) {
      // No answer at all. The message must never carry the request's headers.
      if (isAxiosError(err) && (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT')) {
        throw gatewayTimeout(`The engine did not answer in time when trying to ${o.what}.`);
      }
      const why = isAxiosError(err) && err.code ? err.code : 'no answer';
      // The engine's internal address stays in the service's own log, never in a fault.
      throw badGateway(`Could not reach the engine to ${o.what} (${why}).`);
    }
  }

  protected ensureOk(res: AxiosResponse, what: string): void {
    if (res.status >= 200 && res.status < 300) return;
    const body = (res.data ?? {}) as Json;
    const engineSays = [str(body.reason), str(body.detail)].filter(Boolean).join(': ');
    const said = engineSays ? ` The engine said: ${engineSays}` : '';
    if (res.status === 401) {
      throw unauthorized(
        'The engine did not accept your session token; log in to the Administration Portal again.',
      );
    }
    throw new ApiError(
      502,
      'Bad Gateway',
      `The engine refused to ${what} (HTTP ${res.status}).${said}`,
    );
  }
}

function toCluster(c: Json): EngineCluster {
  const v = c.version as Json | undefined;
  const major = num(v?.major);
  const minor = num(v?.minor);
  return {
    id: str(c.id) ?? '',
    name: str(c.name) ?? '',
    gluster_service: bool(c.gluster_service),
    virt_service: bool(c.virt_service),
    data_center_id: idOf(c.data_center),
    version: major !== null && minor !== null ? { major, minor } : null,
  };
}

function toHost(h: Json): EngineHost {
  return {
    id: str(h.id) ?? '',
    name: str(h.name) ?? '',
    address: str(h.address) ?? str(h.name) ?? '',
    status: (str(h.status) ?? 'unknown').toLowerCase(),
    cluster_id: idOf(h.cluster),
  };
}

function toPermission(p: Json): EnginePermission {
  const group = idOf(p.group);
  const user = idOf(p.user);
  return {
    id: str(p.id) ?? '',
    role_id: idOf(p.role) ?? '',
    target: targetOf(p),
    holder: group ? { type: 'group', id: group } : user ? { type: 'user', id: user } : null,
  };
}

function targetOf(p: Json): PermissionTarget {
  for (const kind of PERMISSION_OBJECTS) {
    const id = idOf(p[kind]);
    if (!id) continue;
    if (kind === 'cluster') return { type: 'cluster', id };
    if (kind === 'data_center') return { type: 'data_center', id };
    return { type: 'other', kind, id };
  }
  // The system, or an object the mapper does not name (Gluster volume, network, quota...).
  return { type: 'unnamed' };
}

const enc = encodeURIComponent;
