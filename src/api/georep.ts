// The companion geo-rep service (<origin><georepServicePath>): one thin, typed function per call.
// Same conventions as the engine: Bearer <ssoToken>, lists keyed by the singular type name, faults
// as {reason, detail} (turned into ApiError by the client's interceptor).
import type { HttpClient } from './http';
import type {
  GeoRepConfigOption,
  GeoRepDiagnosis,
  GeoRepJob,
  GeoRepSession,
} from '../georep/types';
import { createHttpClient } from './http';

/** Gluster actions can take a while (they run on every node of the cluster over SSH). */
export const ACTION_TIMEOUT_MS = 120_000;

export type SessionControlAction = 'start' | 'stop' | 'pause' | 'resume';

export interface SessionList {
  sessions: GeoRepSession[];
  /** When the service read the sessions from Gluster (ISO-8601 UTC). */
  readAt: string;
  /** "sim" when the service runs on its simulator, "cli" on real Gluster. */
  backend: string;
}

export interface ClusterAccess {
  can_read: boolean;
  can_manage: boolean;
  /** Why the user may not manage (empty when they may). */
  reason: string;
}

/** A client for the geo-rep service; `baseURL` is `<origin><georepServicePath>`. */
export function georepClient(
  baseURL: string,
  token: () => string | null,
  timeoutMs: number,
): HttpClient {
  return createHttpClient({
    baseURL: baseURL.endsWith('/') ? baseURL : `${baseURL}/`,
    token,
    timeoutMs,
    headers: { 'Content-Type': 'application/json' },
  });
}

const enc = encodeURIComponent;
const sessionsPath = (clusterId: string): string => `clusters/${enc(clusterId)}/sessions`;
const sessionPath = (clusterId: string, sessionId: string): string =>
  `${sessionsPath(clusterId)}/${enc(sessionId)}`;

export async function listSessions(client: HttpClient, clusterId: string): Promise<SessionList> {
  const { data } = await client.get<{
    georep_session?: GeoRepSession[];
    read_at?: string;
    backend?: string;
  }>(sessionsPath(clusterId));
  return {
    sessions: data.georep_session ?? [],
    readAt: data.read_at ?? new Date().toISOString(),
    backend: data.backend ?? 'cli',
  };
}

export async function getSession(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
): Promise<GeoRepSession> {
  const { data } = await client.get<GeoRepSession>(sessionPath(clusterId, sessionId));
  return data;
}

/** Gluster accepted the action; the state is read afterwards (the service has started that read). */
export async function controlSession(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
  action: SessionControlAction,
  force: boolean,
): Promise<void> {
  await client.post(
    `${sessionPath(clusterId, sessionId)}/${action}`,
    force ? { force: true } : {},
    {
      timeout: ACTION_TIMEOUT_MS,
    },
  );
}

export async function deleteSession(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
  resetSyncTime: boolean,
  /** Also stop and delete the remote volume the service provisioned on a directory (data kept). */
  removeProvisionedVolume = false,
): Promise<void> {
  await client.delete(sessionPath(clusterId, sessionId), {
    params: {
      reset_sync_time: resetSyncTime ? 'true' : 'false',
      ...(removeProvisionedVolume ? { remove_provisioned_volume: 'true' } : {}),
    },
    timeout: ACTION_TIMEOUT_MS,
  });
}

export async function getSessionConfig(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
): Promise<GeoRepConfigOption[]> {
  const { data } = await client.get<{ georep_config_option?: GeoRepConfigOption[] }>(
    `${sessionPath(clusterId, sessionId)}/config`,
  );
  return data.georep_config_option ?? [];
}

export async function setSessionConfigOption(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
  name: string,
  value: string,
): Promise<void> {
  await client.put(
    `${sessionPath(clusterId, sessionId)}/config/${enc(name)}`,
    { value },
    { timeout: ACTION_TIMEOUT_MS },
  );
}

export async function resetSessionConfigOption(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
  name: string,
): Promise<void> {
  await client.delete(`${sessionPath(clusterId, sessionId)}/config/${enc(name)}`, {
    timeout: ACTION_TIMEOUT_MS,
  });
}

export async function setCheckpoint(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
): Promise<void> {
  await client.post(
    `${sessionPath(clusterId, sessionId)}/checkpoint`,
    {},
    { timeout: ACTION_TIMEOUT_MS },
  );
}

export async function getClusterAccess(
  client: HttpClient,
  clusterId: string,
): Promise<ClusterAccess> {
  const { data } = await client.get<Partial<ClusterAccess>>(`clusters/${enc(clusterId)}/access`);
  return {
    can_read: data.can_read !== false,
    can_manage: data.can_manage === true,
    reason: typeof data.reason === 'string' ? data.reason : '',
  };
}

/** Starts Recover of a stalled session: the service answers 202 with the job at once. */
export async function recoverSession(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
): Promise<GeoRepJob> {
  const { data } = await client.post<GeoRepJob>(`${sessionPath(clusterId, sessionId)}/recover`, {});
  return data;
}

export async function getJob(
  client: HttpClient,
  clusterId: string,
  jobId: string,
): Promise<GeoRepJob> {
  const { data } = await client.get<GeoRepJob>(`clusters/${enc(clusterId)}/jobs/${enc(jobId)}`);
  return data;
}

/** Why workers are Faulty or Stalled (or, with `brick`, what one worker's log says). */
export async function getDiagnosis(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
  brick?: string,
): Promise<GeoRepDiagnosis> {
  const { data } = await client.get<GeoRepDiagnosis>(
    `${sessionPath(clusterId, sessionId)}/diagnosis`,
    { params: brick ? { brick } : {}, timeout: ACTION_TIMEOUT_MS },
  );
  return data;
}
