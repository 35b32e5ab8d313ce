// The one interface of every REST call the tab makes (engine and geo-rep service), as an object of
// functions so tests (and embeddings) inject fakes. The views name what they use with Pick<>; each
// function is one thin call of this folder. createServices builds the real ones over the two HTTP
// clients (index.tsx).
import type {
  CreateSessionRequest,
  PreflightRequest,
  PreflightResult,
  RemoteHostSuggestion,
} from './create';
import {
  type EngineCluster,
  type EngineGlusterVolume,
  type EngineHost,
  listClusterHosts,
  listGlusterClusters,
  listGlusterVolumes,
} from './engine';
import {
  type ClusterAccess,
  controlSession,
  deleteSession,
  getClusterAccess,
  getDiagnosis,
  getJob,
  getSessionConfig,
  listSessions,
  recoverSession,
  resetSessionConfigOption,
  type SessionControlAction,
  type SessionList,
  setCheckpoint,
  setSessionConfigOption,
} from './georep';
import type { DrProcedureKind, DrScheduleRequest } from './dr';
import { getSessionHistory, type SessionHistory } from './history';
import type { HttpClient } from './http';
import type {
  SshHostKey,
  SshKeySetupRequest,
  SshRemote,
  SshSetupRequest,
  SshVerifyRequest,
  SshVerifyResult,
} from './ssh';
import { type StreamHandlers, streamSessions } from './stream';
import { listTransitions, type TransitionFeed } from './transitions';
import type {
  GeoRepConfigOption,
  GeoRepDiagnosis,
  GeoRepJob,
  GeoRepSession,
} from '../georep/types';
import type { DrDomainView, DrProcedureView } from '../georep/dr';

/** Disaster recovery of storage domains (src/app/dr/); absent: the tab does not show it. */
export interface DrServices {
  listStorageDomains(clusterId: string): Promise<DrDomainView[]>;
  setSchedule(clusterId: string, volume: string, body: DrScheduleRequest): Promise<DrDomainView>;
  runSync(clusterId: string, volume: string): Promise<GeoRepJob>;
  getProcedure(
    clusterId: string,
    sessionId: string,
    kind: DrProcedureKind,
  ): Promise<DrProcedureView>;
  runStep(
    clusterId: string,
    sessionId: string,
    kind: DrProcedureKind,
    step: string,
    force: boolean,
  ): Promise<GeoRepJob>;
}

export interface GeoRepServices {
  // ---- the engine (as the user, read as WebAdmin reads it: engineReadHeaders, no Filter) ----
  /** The Gluster clusters WebAdmin shows the logged-in user. */
  listGlusterClusters(): Promise<EngineCluster[]>;
  /** The hosts of a cluster (all states; the Start dialog keeps the Up ones). */
  listClusterHosts(clusterName: string): Promise<EngineHost[]>;
  /** The Gluster volumes of a cluster. */
  listClusterVolumes(clusterId: string): Promise<EngineGlusterVolume[]>;
  /** Hosts of the other Gluster clusters, offered as remote hosts. */
  listRemoteHosts(clusterId: string): Promise<RemoteHostSuggestion[]>;

  // ---- the geo-rep service: sessions ----
  listSessions(clusterId: string): Promise<SessionList>;
  getAccess(clusterId: string): Promise<ClusterAccess>;
  controlSession(
    clusterId: string,
    sessionId: string,
    action: SessionControlAction,
    force: boolean,
  ): Promise<void>;
  removeSession(
    clusterId: string,
    sessionId: string,
    resetSyncTime: boolean,
    removeProvisionedVolume?: boolean,
  ): Promise<void>;
  setCheckpoint(clusterId: string, sessionId: string): Promise<void>;
  getConfig(clusterId: string, sessionId: string): Promise<GeoRepConfigOption[]>;
  setConfigOption(clusterId: string, sessionId: string, name: string, value: string): Promise<void>;
  resetConfigOption(clusterId: string, sessionId: string, name: string): Promise<void>;
  /** Recover a stalled session (a job: follow it with getJob). */
  recoverSession(clusterId: string, sessionId: string): Promise<GeoRepJob>;
  getJob(clusterId: string, jobId: string): Promise<GeoRepJob>;
  /** What the workers' own logs say (Faulty and Stalled ones, or the worker on `brick`). */
  getDiagnosis(clusterId: string, sessionId: string, brick?: string): Promise<GeoRepDiagnosis>;

  // ---- the geo-rep service: the watch (pushed sessions, lag history, transitions) ----
  /** The pushed sessions of a cluster (useLiveSessions); without it the tab polls. */
  streamSessions?: (clusterId: string, h: StreamHandlers, signal: AbortSignal) => Promise<void>;
  /** A session's lag history (LagHistory); without it the details show none. */
  getHistory?: (clusterId: string, sessionId: string) => Promise<SessionHistory>;
  /** What the service's watch announced after `after` (WebAdmin's alerts: plugin/serverAlerts). */
  listTransitions?: (after?: string) => Promise<TransitionFeed>;

  // ---- the geo-rep service: a new session ----
  preflight(clusterId: string, request: PreflightRequest): Promise<PreflightResult>;
  createSession(clusterId: string, request: CreateSessionRequest): Promise<GeoRepSession>;
  getHostKey(clusterId: string, hostId: string): Promise<SshHostKey>;
  getRemoteKey(clusterId: string, hostId: string, remote: SshRemote): Promise<SshHostKey>;
  verifySsh(clusterId: string, hostId: string, request: SshVerifyRequest): Promise<SshVerifyResult>;
  setupSsh(clusterId: string, hostId: string, request: SshSetupRequest): Promise<SshVerifyResult>;
  /** With another key file on the host: root's own key of the host installed at user@remote. */
  setupSshWithKey(
    clusterId: string,
    hostId: string,
    request: SshKeySetupRequest,
  ): Promise<SshVerifyResult>;

  // ---- the geo-rep service: storage domain disaster recovery ----
  /** Scheduled sync, failover and failback of storage domains; absent: the tab does not show it. */
  dr?: DrServices;
}

/**
 * The real services over the two clients (each reads the user's token at every call). The stream
 * is read over fetch of its own (src/api/stream.ts) and needs the token too: without `token` there
 * is no streamSessions and the tab polls.
 */
export function createServices(
  engine: HttpClient,
  georep: HttpClient,
  token?: () => string | null,
): GeoRepServices {
  // The calls only the Start flow, the Passwordless SSH dialog and the DR views make are loaded
  // with their first use, not with the table (the first paint): the same functions, one chunk each.
  const create = () => import(/* webpackChunkName: "api-create" */ './create');
  const ssh = () => import(/* webpackChunkName: "api-ssh" */ './ssh');
  const dr = () => import(/* webpackChunkName: "api-dr" */ './dr');
  return {
    ...(token
      ? {
          streamSessions: (cid: string, h: StreamHandlers, signal: AbortSignal) =>
            streamSessions(georep.baseURL, token, cid, h, signal),
        }
      : {}),
    getHistory: (cid, sid) => getSessionHistory(georep, cid, sid),
    listTransitions: (after) => listTransitions(georep, after),
    listGlusterClusters: () => listGlusterClusters(engine),
    listClusterHosts: (name) => listClusterHosts(engine, name),
    listClusterVolumes: (cid) => listGlusterVolumes(engine, cid),
    listRemoteHosts: (cid) => create().then((m) => m.listRemoteHostSuggestions(engine, cid)),
    listSessions: (cid) => listSessions(georep, cid),
    getAccess: (cid) => getClusterAccess(georep, cid),
    controlSession: (cid, sid, action, force) => controlSession(georep, cid, sid, action, force),
    removeSession: (cid, sid, reset, removeVolume) =>
      deleteSession(georep, cid, sid, reset, removeVolume),
    setCheckpoint: (cid, sid) => setCheckpoint(georep, cid, sid),
    getConfig: (cid, sid) => getSessionConfig(georep, cid, sid),
    setConfigOption: (cid, sid, name, value) =>
      setSessionConfigOption(georep, cid, sid, name, value),
    resetConfigOption: (cid, sid, name) => resetSessionConfigOption(georep, cid, sid, name),
    recoverSession: (cid, sid) => recoverSession(georep, cid, sid),
    getJob: (cid, jid) => getJob(georep, cid, jid),
    getDiagnosis: (cid, sid, brick) => getDiagnosis(georep, cid, sid, brick),
    preflight: (cid, request) => create().then((m) => m.runPreflight(georep, cid, request)),
    createSession: (cid, request) => create().then((m) => m.createSession(georep, cid, request)),
    getHostKey: (cid, hid) => ssh().then((m) => m.getHostSshKey(georep, cid, hid)),
    getRemoteKey: (cid, hid, remote) =>
      ssh().then((m) => m.getRemoteHostKey(georep, cid, hid, remote)),
    verifySsh: (cid, hid, request) => ssh().then((m) => m.verifySsh(georep, cid, hid, request)),
    setupSsh: (cid, hid, request) => ssh().then((m) => m.setupSsh(georep, cid, hid, request)),
    setupSshWithKey: (cid, hid, request) =>
      ssh().then((m) => m.setupSshWithKey(georep, cid, hid, request)),
    dr: {
      listStorageDomains: (cid) => dr().then((m) => m.listStorageDomains(georep, cid)),
      setSchedule: (cid, v, body) => dr().then((m) => m.setDrSchedule(georep, cid, v, body)),
      runSync: (cid, v) => dr().then((m) => m.runDrSync(georep, cid, v)),
      getProcedure: (cid, sid, kind) => dr().then((m) => m.getDrProcedure(georep, cid, sid, kind)),
      runStep: (cid, sid, kind, step, force) =>
        dr().then((m) => m.runDrStep(georep, cid, sid, kind, step, force)),
    },
  };
}
