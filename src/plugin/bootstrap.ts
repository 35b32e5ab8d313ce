// The hidden iframe's life: register once, decide visibility, ready() always, add the place.
// Rules from WebAdmin's PluginManager (ui-plugin-api.md §2): UI functions work only after ready();
// an exception escaping a handler makes WebAdmin drop the plugin; with lazyLoad:false a plugin that
// never calls ready() freezes WebAdmin before its first place transition.
import type { IntlShape } from '@formatjs/intl';
import type { EngineCluster } from '../api/engine';
import { pluginMessages } from './messages';
import { writeIntent } from './intent';
import { type GlusterVolumeEntity, type PluginApi, PLUGIN_NAME } from './pluginApi';

export const PLACE_TOKEN = 'gluster-georep';
export const PLACE_URL = `plugin/${PLUGIN_NAME}/georep.html`;
/** Insertion index in the Storage menu: after Domains and Volumes. */
const PLACE_PRIORITY = 2;

export interface BootstrapDeps {
  api: PluginApi;
  intl: IntlShape;
  /** The Gluster clusters the logged-in user sees (engine REST, Filter: true). */
  listGlusterClusters: () => Promise<EngineCluster[]>;
  /** Upper bound on the visibility check before ready(): WebAdmin waits for us. */
  checkTimeoutMs: number;
  log: (level: 'info' | 'warning' | 'severe', message: string) => void;
  /** Called once, when the place has been added (start the alert watcher); errors are caught. */
  onPlaceAdded?: () => void;
}

export interface PluginState {
  glusterVisible: boolean;
  /** The Gluster clusters the user sees (button enablement must be synchronous). */
  glusterClusterIds: Set<string>;
  placeAdded: boolean;
  buttonAdded: boolean;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export async function bootstrap(deps: BootstrapDeps): Promise<PluginState> {
  const { api, intl, log } = deps;
  const state: PluginState = {
    glusterVisible: false,
    glusterClusterIds: new Set(),
    placeAdded: false,
    buttonAdded: false,
  };
  let uiInitialised = false;

  /** Wrap a handler so nothing escapes to WebAdmin. */
  const guard =
    <A extends unknown[]>(name: string, fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (e) {
        log('severe', `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };

  const maybeAddPlace = (): void => {
    if (!uiInitialised || !state.glusterVisible || state.placeAdded) return;
    api.addSecondaryMenuPlace(
      'storage',
      intl.formatMessage(pluginMessages.placeLabel),
      PLACE_TOKEN,
      PLACE_URL,
      {
        priority: PLACE_PRIORITY,
      },
    );
    state.placeAdded = true;
    // Storage › Volumes: start a session from the selected volume, in the place's Start dialog.
    api.addMenuPlaceActionButton<GlusterVolumeEntity>(
      'GlusterVolume',
      intl.formatMessage(pluginMessages.newSessionButton),
      {
        id: 'GlusterGeoRepNewSession',
        isEnabled: (selected) =>
          selected.length === 1 && state.glusterClusterIds.has(selected[0]!.clusterId),
        onClick: (selected) => {
          try {
            const volume = selected[0];
            if (!volume) return;
            writeIntent(window.sessionStorage, {
              action: 'start-session',
              clusterId: volume.clusterId,
              volumeName: volume.name,
            });
            api.revealPlace(PLACE_TOKEN);
          } catch (e) {
            log(
              'severe',
              `New session button failed: ${e instanceof Error ? e.message : String(e)}`,
            );
          }
        },
      },
    );
    state.buttonAdded = true;
    deps.onPlaceAdded?.();
  };

  const checkVisibility = async (): Promise<void> => {
    try {
      const clusters = await withTimeout(deps.listGlusterClusters(), deps.checkTimeoutMs);
      state.glusterVisible = clusters.length > 0;
      state.glusterClusterIds = new Set(clusters.map((c) => c.id));
      if (!state.glusterVisible)
        log('info', 'No Gluster cluster is visible to this user: Geo Replication is not shown');
    } catch (e) {
      state.glusterVisible = false;
      log(
        'warning',
        `Cannot ask the engine for Gluster clusters (${e instanceof Error ? e.message : String(e)}): Geo Replication is not shown`,
      );
    }
    guard('addPlace', maybeAddPlace)();
  };

  api.register({
    UiInit: guard('UiInit', () => {
      uiInitialised = true;
      maybeAddPlace();
    }),
    // A new login may be a user with other permissions: ask again.
    UserLogin: guard('UserLogin', () => {
      void checkVisibility();
    }),
    UserLogout: guard('UserLogout', () => {
      state.glusterVisible = false;
    }),
  });

  try {
    // Asked before ready(), so that a reload on #gluster-georep finds the place (lazyLoad: false).
    await checkVisibility();
  } finally {
    api.ready();
  }
  return state;
}
