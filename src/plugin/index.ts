// Entry of the hidden plugin iframe (plugin.html). It talks only to WebAdmin's pluginApi and to
// the engine REST API; the tab itself is a separate page (georep.html) loaded when the place opens.
import { engineClient, listGlusterClusters } from '../api/engine';
import { georepClient, listSessions } from '../api/georep';
import { createPluginIntl } from '../intl';
import { bootstrap } from './bootstrap';
import { readConfig } from './config';
import { getPluginApi, log } from './pluginApi';
import { startWatcher, type WatcherDeps } from './watcher';
import { startAlerts } from './serverAlerts';
import { listTransitions } from '../api/transitions';
import { errorMessage } from '../georep/errorMessage';

async function main(): Promise<void> {
  const api = getPluginApi();
  let config;
  let intl;
  try {
    config = readConfig(api.configObject() ?? {});
    intl = await createPluginIntl(api.currentLocale());
  } catch (e) {
    // Never leave WebAdmin waiting: register a no-op and say ready.
    log('severe', `Start-up failed: ${errorMessage(e)}`);
    api.register({});
    api.ready();
    return;
  }
  const engine = engineClient(api.engineBaseUrl(), () => api.ssoToken(), config.engineTimeoutMs);
  await bootstrap({
    api,
    intl,
    listGlusterClusters: () => listGlusterClusters(engine),
    checkTimeoutMs: config.engineTimeoutMs,
    landingWaitMs: config.landingWaitMs,
    initialToken: () => window.top?.location.hash ?? '',
    // As a link would: WebAdmin's GWT History picks the new token up and reveals it.
    navigate: (token) => {
      if (window.top) window.top.location.hash = token;
    },
    log,
    onPlaceAdded: () => {
      const georep = georepClient(
        `${window.location.origin}${config.georepServicePath}`,
        () => api.ssoToken(),
        config.engineTimeoutMs,
      );
      // The service's watch feeds the alerts (serverAlerts.ts); the plugin's own watcher when it has none.
      const own: WatcherDeps = {
        intl,
        intervalMs: config.refreshIntervalMs,
        listGlusterClusters: () => listGlusterClusters(engine),
        listSessions: (clusterId) => listSessions(georep, clusterId),
        notify: (n) =>
          n.kind === 'alert'
            ? api.showAlert(n.type, n.message, { autoHideMs: n.autoHideMs ?? 0 })
            : api.showToast(n.type, n.message),
        log,
        isVisible: () => document.visibilityState !== 'hidden',
      };
      startAlerts({
        ...own,
        listTransitions: (after) => listTransitions(georep, after),
        fallback: () => startWatcher(own),
      });
    },
  });
}

main().catch((e: unknown) => {
  console.error('[gluster-georep] plugin failed to start', e);
});
