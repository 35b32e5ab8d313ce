// Entry of the hidden plugin iframe (plugin.html). It talks only to WebAdmin's pluginApi and to
// the engine REST API; the tab itself is a separate page (georep.html) loaded when the place opens.
import { engineClient, listGlusterClusters, listGlusterVolumes } from '../api/engine';
import { georepClient, getClusterAccess, listSessions } from '../api/georep';
import { createPluginIntl } from '../intl';
import { bootstrap, type PluginState } from './bootstrap';
import { readConfig } from './config';
import { getPluginApi, log } from './pluginApi';
import { startWatcher, type WatcherDeps } from './watcher';
import { startAlerts } from './serverAlerts';
import { listTransitions } from '../api/transitions';
import { errorMessage } from '../georep/errorMessage';
import { VolumeButtonState } from './volumeButton';

/** How often the Volumes button's facts (volume statuses, may act) are read again. */
const BUTTON_FACTS_MS = 60_000;

async function main(): Promise<void> {
  const api = getPluginApi();
  let config;
  let intl;
  try {
    config = readConfig(api.configObject());
    intl = await createPluginIntl(api.currentLocale());
  } catch (e) {
    // Never leave WebAdmin waiting: register a no-op and say ready.
    log('severe', `Start-up failed: ${errorMessage(e)}`);
    api.register({});
    api.ready();
    return;
  }
  const engine = engineClient(api.engineBaseUrl(), () => api.ssoToken(), config.engineTimeoutMs);
  const georep = georepClient(
    `${window.location.origin}${config.georepServicePath}`,
    () => api.ssoToken(),
    config.engineTimeoutMs,
  );
  const button = new VolumeButtonState({
    listVolumes: (clusterId) => listGlusterVolumes(engine, clusterId),
    mayAct: async (clusterId) => (await getClusterAccess(georep, clusterId)).can_manage,
    log,
  });
  // Set once bootstrap returns; the place may be added (onPlaceAdded) before that.
  let plugin: PluginState | null = null;
  const refreshButton = () => {
    if (plugin) void button.refresh(plugin.glusterClusterIds);
  };
  plugin = await bootstrap({
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
    buttonEnabled: (selected, clusterIds) => button.enabled(selected, clusterIds),
    // The selected volume's cluster read again: WebAdmin asks isEnabled at the next selection.
    onVolumesSelected: (selected) => void button.refresh(new Set(selected.map((v) => v.clusterId))),
    onPlaceAdded: () => {
      queueMicrotask(refreshButton);
      setInterval(refreshButton, BUTTON_FACTS_MS);
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
  if (plugin.placeAdded) refreshButton(); // added before bootstrap returned (a deep link)
}

main().catch((e: unknown) => {
  console.error('[gluster-georep] plugin failed to start', e);
});
