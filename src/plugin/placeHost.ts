// What the Geo-Replication place's page (georep.html, in WebAdmin's same-origin iframe) takes from
// WebAdmin: the pluginApi (token, locale, config, toasts) and WebAdmin's own window (its URL for
// the deep link, a reload to log in again). The tab's code (src/app) reaches WebAdmin only
// through this, as the architecture wants: src/plugin is the only code that touches the pluginApi.
import { readConfig, type PluginConfig } from './config';
import { revealEvents } from './eventsPlace';

/** The volume a volume's sub tab was pointed at, from its page's URL (detailPlace.ts). */
export { volumeFromSearch } from './detailPlace';
import { formatPlaceToken, parseHistoryToken, PLACE_TOKEN } from './placeToken';
import { getPluginApi } from './pluginApi';

export type ToastType = 'success' | 'danger' | 'warning' | 'info';

export interface PlaceHost {
  config: PluginConfig;
  /** WebAdmin's locale as it says it (normalize with src/intl). */
  locale: string | null;
  /** The user's SSO token, read at each call: WebAdmin renews it. */
  ssoToken: () => string | null;
  /** e.g. https://engine.example/ovirt-engine/ */
  engineBaseUrl: string;
  showToast: (type: ToastType, message: string) => void;
  /** The place page's query and WebAdmin's own hash (`#gluster-georep;cluster=<id>`). */
  location: { search: string; hash: string };
  /** Keep WebAdmin's URL naming what the tab shows (replaceState: no navigation). */
  setDeepLink: (link: { cluster: string | null; session: string | null }) => void;
  /** Reload WebAdmin, so the user logs in again. */
  reloadWebAdmin: () => void;
  /** Take the user to one of WebAdmin's places (`volumes`). */
  revealPlace: (token: string) => void;
  /** Open WebAdmin's Events with this search (eventsPlace.ts: sessionEventsSearch). */
  showEvents: (search: string) => void;
}

/** Write what the tab shows into WebAdmin's URL, in its own token format, while it shows our place. */
function setDeepLink(link: { cluster: string | null; session: string | null }): void {
  try {
    const top = window.top;
    if (!top || parseHistoryToken(top.location.hash)?.name !== PLACE_TOKEN) return;
    const params: Record<string, string> = {};
    if (link.cluster) params.cluster = link.cluster;
    if (link.session) params.session = link.session;
    top.history.replaceState(top.history.state, '', `#${formatPlaceToken(PLACE_TOKEN, params)}`);
  } catch {
    // not same-origin, or history refused: the link is a convenience
  }
}

/** The place page's URL, and WebAdmin's own hash when ours has none. */
function placeLocation(): { search: string; hash: string } {
  let hash = window.location.hash;
  if (!hash) {
    try {
      hash = window.top?.location.hash ?? '';
    } catch {
      hash = ''; // not same-origin: ignore
    }
  }
  return { search: window.location.search, hash };
}

/** Connect the place's page to WebAdmin; throws when the page is not inside WebAdmin. */
export function connectPlaceHost(): PlaceHost {
  const api = getPluginApi();
  return {
    config: readConfig(api.configObject()),
    locale: api.currentLocale(),
    ssoToken: () => api.ssoToken(),
    engineBaseUrl: api.engineBaseUrl(),
    showToast: (type, message) => api.showToast(type, message),
    location: placeLocation(),
    setDeepLink,
    reloadWebAdmin: () => (window.top ?? window).location.reload(),
    revealPlace: (token) => api.revealPlace(token),
    showEvents: (search) => revealEvents(api, search),
  };
}
