// What the Start dialog and the Passwordless SSH dialog call, as one object of functions so tests
// (and the tab) can inject fakes. createStartServices builds the real ones over the engine and
// geo-rep HTTP clients (the same two clients index.tsx builds for the tab).
import type { HttpClient } from '../../api/http';
import {
  createSession,
  type CreateSessionRequest,
  listRemoteHostSuggestions,
  type PreflightRequest,
  type PreflightResult,
  type RemoteHostSuggestion,
  runPreflight,
} from '../../api/create';
import {
  type EngineGlusterVolume,
  type EngineHost,
  listClusterHosts,
  listGlusterVolumes,
} from '../../api/engine';
import { controlSession } from '../../api/georep';
import {
  getHostSshKey,
  getRemoteHostKey,
  setupSsh,
  setupSshWithKey,
  type SshHostKey,
  type SshKeySetupRequest,
  type SshRemote,
  type SshSetupRequest,
  type SshVerifyRequest,
  type SshVerifyResult,
  verifySsh,
} from '../../api/ssh';
import type { GeoRepSession } from '../../georep/types';

export type {
  CreateSessionRequest,
  PreflightRequest,
  PreflightResult,
  RemoteHostSuggestion,
  SshHostKey,
  SshKeySetupRequest,
  SshRemote,
  SshSetupRequest,
  SshVerifyRequest,
  SshVerifyResult,
};

export interface StartServices {
  /** Engine: the hosts of the cluster (all states; the dialog keeps the Up ones). */
  listClusterHosts(clusterName: string): Promise<EngineHost[]>;
  /** Engine: the Gluster volumes of the cluster. */
  listClusterVolumes(clusterId: string): Promise<EngineGlusterVolume[]>;
  /** Engine: hosts of the other Gluster clusters, offered as remote hosts. */
  listRemoteHosts(clusterId: string): Promise<RemoteHostSuggestion[]>;
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
  preflight(clusterId: string, request: PreflightRequest): Promise<PreflightResult>;
  createSession(clusterId: string, request: CreateSessionRequest): Promise<GeoRepSession>;
  startSession(clusterId: string, sessionId: string): Promise<unknown>;
}

export function createStartServices(engine: HttpClient, georep: HttpClient): StartServices {
  return {
    listClusterHosts: (name) => listClusterHosts(engine, name),
    listClusterVolumes: (cid) => listGlusterVolumes(engine, cid),
    listRemoteHosts: (cid) => listRemoteHostSuggestions(engine, cid),
    getHostKey: (cid, hid) => getHostSshKey(georep, cid, hid),
    getRemoteKey: (cid, hid, remote) => getRemoteHostKey(georep, cid, hid, remote),
    verifySsh: (cid, hid, request) => verifySsh(georep, cid, hid, request),
    setupSsh: (cid, hid, request) => setupSsh(georep, cid, hid, request),
    setupSshWithKey: (cid, hid, request) => setupSshWithKey(georep, cid, hid, request),
    preflight: (cid, request) => runPreflight(georep, cid, request),
    createSession: (cid, request) => createSession(georep, cid, request),
    startSession: (cid, sid) => controlSession(georep, cid, sid, 'start', false),
  };
}
