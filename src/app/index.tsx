// Entry of the Geo-Replication place (georep.html), loaded by WebAdmin in a same-origin iframe:
// wires the real environment (WebAdmin through src/plugin/placeHost, the engine and geo-rep HTTP
// clients). The dialogs and the Start flow come later, in chunks of their own (./onDemand).
import '@patternfly/react-core/dist/styles/base.css';
import { createRoot } from 'react-dom/client';
import { engineClient } from '../api/engine';
import { georepClient } from '../api/georep';
import { errorMessage } from '../georep/errorMessage';
import { loadMessages, normalizeLocale } from '../intl';
import { connectPlaceHost, type PlaceHost } from '../plugin/placeHost';
import { createGeoRepServices, type GeoRepEnvironment } from './environment';
import { GeoRepApp } from './GeoRepApp';
import { StartupFailure } from './StartupFailure';

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

async function main(): Promise<void> {
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
    canStartSessions: true,
    intentStorage: sessionStore(),
    revealPlace: host.revealPlace,
  };
  root.render(<GeoRepApp environment={environment} locale={locale} messages={messages} />);
}

main().catch((e: unknown) => {
  console.error('[gluster-georep] the Geo-Replication tab failed to start', e);
});
