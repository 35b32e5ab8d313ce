// What the tab needs from the outside world, in one small context so tests can inject fakes:
// the REST calls (src/api/services.ts: engine + geo-rep service), the refresh interval, toasts,
// remembered choices, the deep link and the way to log in again.
import { createContext, type ReactNode, useContext } from 'react';
import type { GeoRepServices } from '../api/services';

export type { ClusterAccess, SessionControlAction, SessionList } from '../api/georep';
export type { GeoRepServices } from '../api/services';
export { createServices as createGeoRepServices } from '../api/services';

export type { ToastType } from '../plugin/placeHost';
import type { ToastType } from '../plugin/placeHost';

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
   * Open WebAdmin's Events place with a search (src/plugin/eventsPlace.ts builds a session's);
   * absent (tests, outside WebAdmin): no Events link is offered.
   */
  showEvents?: (search: string) => void;
  /**
   * Whether the page offers the Start dialog ("New session" buttons, the Volumes list's intent);
   * false e.g. for a read-only embedding.
   */
  canStartSessions?: boolean;
  /** Where the Volumes list's start-session intent arrives (window.sessionStorage); null: none. */
  intentStorage?: Storage | null;
  /** Take the user to one of WebAdmin's places (back to Volumes after Cancel). */
  revealPlace?: (token: string) => void;
  /**
   * Opens the Start dialog for a cluster (with a primary volume preselected when given). The
   * pages provide it when they can start sessions; when absent no "New session" button is shown.
   */
  onStartSession?: (clusterId: string, volume?: string) => void;
  /**
   * The Volumes list's "Remote Data Sync Setup" asked to set up this volume's storage domain sync
   * (GeoRepPage takes the intent and chooses the cluster; the DR panel opens the dialog and calls
   * onDrSetupHandled).
   */
  drSetupRequest?: { clusterId: string; volume: string; at: number } | null;
  onDrSetupHandled?: () => void;
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
