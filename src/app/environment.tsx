// What the tab needs from the outside world, in one small context so tests can inject fakes:
// the data-loading functions (engine REST + geo-rep service), the refresh interval, toasts,
// remembered choices, the deep link and the way to log in again.
import type { StartServices } from './start/services';
import { createContext, type ReactNode, useContext } from 'react';
import type { HttpClient } from '../api/http';
import type { EngineCluster } from '../api/engine';
import { listGlusterClusters } from '../api/engine';
import {
  type ClusterAccess,
  controlSession,
  deleteSession,
  getClusterAccess,
  getSessionConfig,
  listSessions,
  resetSessionConfigOption,
  type SessionControlAction,
  type SessionList,
  setCheckpoint,
  setSessionConfigOption,
  recoverSession,
  getJob,
  getDiagnosis,
} from '../api/georep';
import type { GeoRepConfigOption, GeoRepDiagnosis, GeoRepJob } from '../georep/types';

export type { ClusterAccess, SessionControlAction, SessionList };

export interface GeoRepServices {
  /** The Gluster clusters the logged-in user sees (engine REST with Filter: true). */
  listGlusterClusters(): Promise<EngineCluster[]>;
  listSessions(clusterId: string): Promise<SessionList>;
  getAccess(clusterId: string): Promise<ClusterAccess>;
  controlSession(
    clusterId: string,
    sessionId: string,
    action: SessionControlAction,
    force: boolean,
  ): Promise<unknown>;
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
}

/** The real services over the two HTTP clients (the token is read by the clients at each call). */
export function createGeoRepServices(engine: HttpClient, georep: HttpClient): GeoRepServices {
  return {
    listGlusterClusters: () => listGlusterClusters(engine),
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
  };
}

export type ToastType = 'success' | 'danger' | 'warning' | 'info';

/** A key-value store for remembered choices (window.localStorage in the product). */
export interface ChoiceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface GeoRepEnvironment {
  services: GeoRepServices;
  /** How often the sessions are re-read while the tab is visible. */
  refreshIntervalMs: number;
  /** WebAdmin's toast (pluginApi.showToast); the tab shows its own toasts when absent. */
  showToast?: (type: ToastType, message: string) => void;
  /** Where the chosen cluster is remembered; null disables remembering. */
  store: ChoiceStore | null;
  /**
   * The place page's URL parts, read for the deep link: WebAdmin's own token
   * (`#gluster-georep;cluster=<id>;session=<id>`), or `?cluster=<id>` in the page's URL.
   */
  location: { search: string; hash: string };
  /**
   * Keep WebAdmin's URL naming what the tab shows, so a reload or a copied link comes back to it
   * (no navigation: WebAdmin is not asked to reveal anything). Absent: nothing is written.
   */
  setDeepLink?: (link: { cluster: string | null; session: string | null }) => void;
  /** Reload WebAdmin so the user can log in again (token expired). */
  reloadWebAdmin: () => void;
  /**
   * The Start dialog's calls (src/app/start/services.ts). With them the page mounts the Start
   * dialog and shows the "New session" buttons; without them (e.g. a read-only embedding) it does not.
   */
  startServices?: StartServices;
  /** Where the Volumes list's start-session intent arrives (window.sessionStorage); null: none. */
  intentStorage?: Storage | null;
  /**
   * Opens the Start dialog for a cluster. GeoRepPage provides it when startServices are given;
   * when absent the "New session" buttons are not shown.
   */
  onStartSession?: (clusterId: string) => void;
}

const EnvContext = createContext<GeoRepEnvironment | null>(null);

export function GeoRepEnvironmentProvider({
  value,
  children,
}: {
  value: GeoRepEnvironment;
  children: ReactNode;
}) {
  return <EnvContext.Provider value={value}>{children}</EnvContext.Provider>;
}

export function useGeoRepEnvironment(): GeoRepEnvironment {
  const env = useContext(EnvContext);
  if (!env) throw new Error('useGeoRepEnvironment must be used inside GeoRepEnvironmentProvider');
  return env;
}

export function useServices(): GeoRepServices {
  return useGeoRepEnvironment().services;
}
