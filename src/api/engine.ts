// The engine REST API (/ovirt-engine/api): one thin function per call. Engine JSON keeps booleans
// and numbers as strings and lists keyed by the singular type name, absent when empty.
import type { HttpClient } from './http';
import { createHttpClient } from './http';
import { searchCondition } from '../georep/engineSearch';
import { engineReadHeaders } from '../georep/engineRead';

export interface EngineCluster {
  id: string;
  name: string;
  gluster_service?: string;
  virt_service?: string;
  version?: { major: string; minor: string };
  data_center?: { id: string };
}

export interface EngineHost {
  id: string;
  name: string;
  address: string;
  status: string;
  cluster?: { id: string };
  ssh?: { port?: string; fingerprint?: string; public_key?: string };
}

export interface EngineGlusterVolume {
  id: string;
  name: string;
  volume_type?: string;
  replica_count?: string;
  status?: string;
  cluster?: { id: string };
}

/**
 * A client for the engine's REST API as the logged-in user, reading it as WebAdmin does
 * (engineReadHeaders: no Filter, so an admin sees what WebAdmin shows them). What the user may do
 * the geo-rep service decides, action by action.
 */
export function engineClient(
  engineBaseUrl: string,
  token: () => string | null,
  timeoutMs: number,
): HttpClient {
  const base = engineBaseUrl.endsWith('/') ? engineBaseUrl : `${engineBaseUrl}/`;
  return createHttpClient({
    baseURL: `${base}api/`,
    token,
    timeoutMs,
    headers: { ...engineReadHeaders(null), 'Content-Type': 'application/json' },
  });
}

export const isTrue = (v: string | boolean | undefined): boolean => v === true || v === 'true';

export async function listClusters(engine: HttpClient): Promise<EngineCluster[]> {
  const { data } = await engine.get<{ cluster?: EngineCluster[] }>('clusters');
  return data.cluster ?? [];
}

export async function listGlusterClusters(engine: HttpClient): Promise<EngineCluster[]> {
  return (await listClusters(engine)).filter((c) => isTrue(c.gluster_service));
}

/** The hosts of a cluster, found by the engine's search on its name (as the service finds them). */
export async function listClusterHosts(
  engine: HttpClient,
  clusterName: string,
): Promise<EngineHost[]> {
  const { data } = await engine.get<{ host?: EngineHost[] }>('hosts', {
    params: { search: searchCondition('cluster', clusterName) },
  });
  return data.host ?? [];
}

export async function listHosts(engine: HttpClient): Promise<EngineHost[]> {
  const { data } = await engine.get<{ host?: EngineHost[] }>('hosts');
  return data.host ?? [];
}

/**
 * The Gluster volumes of a cluster. The engine finds them with its own search (`cluster =
 * <name>`); a `search` parameter would replace that and list other clusters' volumes too, so none
 * is sent, and what comes back is kept to this cluster.
 */
export async function listGlusterVolumes(
  engine: HttpClient,
  clusterId: string,
): Promise<EngineGlusterVolume[]> {
  const { data } = await engine.get<{ gluster_volume?: EngineGlusterVolume[] }>(
    `clusters/${encodeURIComponent(clusterId)}/glustervolumes`,
  );
  return (data.gluster_volume ?? []).filter((v) => !v.cluster || v.cluster.id === clusterId);
}
