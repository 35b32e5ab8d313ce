// Creating a geo-replication session through the geo-rep service: the preflight checks, the create
// itself (push-pem, then the options, then start when asked: see server/routes/sessions.ts) and the
// engine reads the Start dialog needs. One thin, typed function per call.
import type { HttpClient } from './http';
import type { GeoRepSession, PreflightCheck, ProvisionedVolume } from '../georep/types';
import { type EngineCluster, type EngineHost, listGlusterClusters, listHosts } from './engine';
import { ACTION_TIMEOUT_MS } from './georep';

/** The body of POST .../sessions (and, without `start`, of POST .../preflight). */
// The request bodies are derived from the wire contract's schemas (types only: nothing of the
// schemas reaches the bundle).
export type { CreateSessionRequest, PreflightRequest } from '../georep/contract';
import type { CreateSessionRequest, PreflightRequest } from '../georep/contract';

export interface PreflightResult {
  check: PreflightCheck[];
  /** No check failed (info checks never count). */
  can_create: boolean;
  /** Only forceable checks failed. */
  can_create_with_force: boolean;
  /** With secondary_path: the volume the create would provision (or reuse) on the directory. */
  provisioned_volume?: ProvisionedVolume;
  /** With secondary_path: what the create would do, in plain words. */
  plan?: string;
}

const sessionsPath = (clusterId: string): string =>
  `clusters/${encodeURIComponent(clusterId)}/sessions`;

/** POST .../clusters/{cid}/preflight: every check of a would-be session; nothing is changed. */
export async function runPreflight(
  client: HttpClient,
  clusterId: string,
  request: PreflightRequest,
): Promise<PreflightResult> {
  // An older service may leave out what it has nothing for: read as partial.
  const { data } = await client.post<
    Partial<PreflightResult> & Pick<PreflightResult, 'can_create' | 'can_create_with_force'>
  >(`clusters/${encodeURIComponent(clusterId)}/preflight`, request, { timeout: ACTION_TIMEOUT_MS });
  return {
    check: data.check ?? [],
    can_create: data.can_create,
    can_create_with_force: data.can_create_with_force,
    ...(data.provisioned_volume ? { provisioned_volume: data.provisioned_volume } : {}),
    ...(typeof data.plan === 'string' ? { plan: data.plan } : {}),
  };
}

/**
 * POST .../clusters/{cid}/sessions: 201 with the session. A fault after the create itself says so
 * in its detail ("… was created, but …") with the state the session is left in.
 */
export async function createSession(
  client: HttpClient,
  clusterId: string,
  request: CreateSessionRequest,
): Promise<GeoRepSession> {
  const { data } = await client.post<GeoRepSession>(sessionsPath(clusterId), request, {
    timeout: ACTION_TIMEOUT_MS,
  });
  return data;
}

/** A host of another Gluster cluster, offered as a remote host. */
export interface RemoteHostSuggestion {
  address: string;
  name: string;
  status: string;
  clusterId: string;
  clusterName: string;
}

/**
 * The hosts of every Gluster cluster the user sees except `clusterId` (engine: GET clusters, GET
 * hosts, read as WebAdmin reads them: engineReadHeaders), sorted by cluster then host name.
 */
export async function listRemoteHostSuggestions(
  engine: HttpClient,
  clusterId: string,
): Promise<RemoteHostSuggestion[]> {
  const [clusters, hosts]: [EngineCluster[], EngineHost[]] = await Promise.all([
    listGlusterClusters(engine),
    listHosts(engine),
  ]);
  const others = new Map(clusters.filter((c) => c.id !== clusterId).map((c) => [c.id, c.name]));
  return hosts
    .filter((h) => h.cluster?.id !== undefined && others.has(h.cluster.id))
    .map((h) => ({
      address: h.address,
      name: h.name,
      status: h.status,
      clusterId: h.cluster!.id,
      clusterName: others.get(h.cluster!.id)!,
    }))
    .sort((a, b) => a.clusterName.localeCompare(b.clusterName) || a.name.localeCompare(b.name));
}
