// Entry of the Geo Replication place (georep.html), loaded by WebAdmin in a same-origin iframe:
// wires the real environment (pluginApi, plugin config, the engine and geo-rep HTTP clients).
import '@patternfly/react-core/dist/styles/base.css';
import { createRoot } from 'react-dom/client';
import { engineClient } from '../api/engine';
import { georepClient } from '../api/georep';
import { loadMessages, normalizeLocale } from '../intl';
import { readConfig } from '../plugin/config';
import { getPluginApi, type PluginApi } from '../plugin/pluginApi';
import { formatPlaceToken, parseHistoryToken, PLACE_TOKEN } from '../plugin/placeToken';
import { createGeoRepServices, type GeoRepEnvironment } from './environment';
import { GeoRepApp } from './GeoRepApp';
import { createStartServices } from './start/services';
import { StartupFailure } from './StartupFailure';
import { errorMessage } from '../georep/errorMessage';

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the Volumes list's button cannot hand over its volume
  }
}

function localStore(): GeoRepEnvironment['store'] {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the choice is simply not remembered
  }
}

/**
 * Write what the tab shows into WebAdmin's URL, in its own token format, while WebAdmin shows our
 * place: replaceState, so WebAdmin is not asked to navigate and the back button is not cluttered.
 */
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

/** The place page's URL, and WebAdmin's own hash (`#gluster-georep;cluster=<id>`) when ours has none. */
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

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  let api: PluginApi;
  try {
    api = getPluginApi();
  } catch (e) {
    root.render(<StartupFailure detail={errorMessage(e)} />);
    return;
  }
  const config = readConfig(api.configObject() ?? {});
  const locale = normalizeLocale(api.currentLocale());
  const messages = await loadMessages(locale);
  const token = () => api.ssoToken(); // read at each call: WebAdmin renews it
  const engine = engineClient(api.engineBaseUrl(), token, config.engineTimeoutMs);
  const georep = georepClient(
    `${window.location.origin}${config.georepServicePath}`,
    token,
    config.engineTimeoutMs,
  );
  const environment: GeoRepEnvironment = {
    services: createGeoRepServices(engine, georep),
    refreshIntervalMs: config.refreshIntervalMs,
    showToast: (type, message) => api.showToast(type, message),
    store: localStore(),
    location: placeLocation(),
    setDeepLink,
    reloadWebAdmin: () => (window.top ?? window).location.reload(),
    startServices: createStartServices(engine, georep),
    intentStorage: sessionStore(),
  };
  root.render(<GeoRepApp environment={environment} locale={locale} messages={messages} />);
}

main().catch((e: unknown) => {
  console.error('[gluster-georep] the Geo Replication tab failed to start', e);
});
