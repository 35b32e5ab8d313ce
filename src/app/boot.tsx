// What the plugin's pages (georep.html, georep-volume.html) do first: connect to WebAdmin
// (src/plugin/placeHost), load WebAdmin's locale, build the engine and geo-rep HTTP clients, and
// render the page; outside WebAdmin, say so.
import { type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { engineClient } from '../api/engine';
import { georepClient } from '../api/georep';
import { errorMessage } from '../georep/errorMessage';
import { loadMessages, normalizeLocale } from '../intl';
import { connectPlaceHost, type PlaceHost } from '../plugin/placeHost';
import { createGeoRepServices, type GeoRepEnvironment } from './environment';
import { StartupFailure } from './StartupFailure';

export function localStore(): GeoRepEnvironment['store'] {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the choice is simply not remembered
  }
}

export interface PageStart {
  host: PlaceHost;
  environment: GeoRepEnvironment;
  locale: string;
  messages: Record<string, string>;
}

/**
 * Render a page of the plugin: `page` gets the environment every page shares (services, config,
 * toasts, WebAdmin's URL) and returns the element to render (it may add to the environment).
 */
export async function bootPage(page: (start: PageStart) => ReactElement): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  let host: PlaceHost;
  try {
    host = connectPlaceHost();
  } catch (e) {
    root.render(<StartupFailure detail={errorMessage(e)} />);
    return;
  }
  const { config } = host;
  const locale = normalizeLocale(host.locale);
  const messages = await loadMessages(locale);
  const engine = engineClient(host.engineBaseUrl, host.ssoToken, config.engineTimeoutMs);
  const georep = georepClient(
    `${window.location.origin}${config.georepServicePath}`,
    host.ssoToken,
    config.engineTimeoutMs,
  );
  const environment: GeoRepEnvironment = {
    services: createGeoRepServices(engine, georep, host.ssoToken),
    refreshIntervalMs: config.refreshIntervalMs,
    showToast: host.showToast,
    store: localStore(),
    location: host.location,
    setDeepLink: host.setDeepLink,
    reloadWebAdmin: host.reloadWebAdmin,
    showEvents: host.showEvents,
    revealPlace: host.revealPlace,
  };
  root.render(page({ host, environment, locale, messages }));
}
