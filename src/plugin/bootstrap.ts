// The hidden iframe's life: register once, ready() soon, add the place when the engine says the
// user sees a Gluster cluster, without taking WebAdmin's landing page. oVirt's rules it keeps
// (paths under ovirt-engine frontend/webadmin/modules/webadmin/src/main/java/org/ovirt/engine/ui/
// webadmin/, master = 4.5.7):
// - UI functions work only once ready() was called (plugin/PluginManager.java:300-309); an
//   exception escaping an event handler drops the plugin (:274-287): every handler is guarded.
// - With lazyLoad: false WebAdmin makes no place transition before ready(), with no limit
//   (system/ApplicationInit.java:72-80): a slow engine must not keep the user at a blank page.
//   We wait for the engine before ready() only when the URL names our place (a deep link needs
//   the place to exist when WebAdmin resolves the URL), and then at most `landingWaitMs`.
// - Every menu place a plugin adds becomes WebAdmin's default place, unconditionally
//   (plugin/api/PluginUiFunctions.java:123-129; the `defaultPlace` option is never read), and the
//   default place is where a user without a token lands (place/WebAdminPlaceManager.java:33-47).
//   So, unless the URL names our place, the place is added only after WebAdmin's first place
//   transition: users land where they did before this plugin (ovirt-engine-ui-extensions'
//   Dashboard, or WebAdmin's own `vms`). What the API cannot undo: after that, an invalid URL
//   later in the session falls back to our place (the last one added).
import type { IntlShape } from '@formatjs/intl';
import type { EngineCluster } from '../api/engine';
import { pluginMessages } from './messages';
import { writeDrIntent, writeIntent } from './intent';
import { PLACE_TOKEN, parseHistoryToken, type PlaceRequest } from './placeToken';
import { type GlusterVolumeEntity, type PluginApi, PLUGIN_NAME } from './pluginApi';
import { addVolumeDetailPlace, type VolumeDetailPlaceHandle } from './detailPlace';
import { errorMessage } from '../georep/errorMessage';

export { PLACE_TOKEN };
export const PLACE_URL = `plugin/${PLUGIN_NAME}/georep.html`;
/**
 * Insertion index in the Storage menu (section/main/view/MenuView.java:280-300 inserts at
 * index + 1, after the menu's header widget). The Storage menu of an AllModes/VirtOnly WebAdmin
 * is header, Data Centers, Clusters (hidden, MenuView.java:202-205), Domains, Volumes, Disks
 * (MenuView.ui.xml:97-137): 4 puts Geo-Replication right after Volumes, before Disks.
 */
export const PLACE_PRIORITY = 4;
/**
 * A Gluster volume's sub tab (addDetailPlace on GlusterVolume). WebAdmin 4.5 has a native
 * "Geo-Replication" sub tab there already (volumes-geo_replication, DetailTabDataIndex.java:87):
 * the engine's own record of sessions, refreshed by its sync jobs (status every 300 s, discovery
 * every 3600 s: GlusterRefreshRateGeoRepStatusInSecs / …DiscoveryInSecs in packaging/dbscripts/
 * upgrade/pre_upgrade/0000_config.sql:163-164). This one reads Gluster as the user looks, through
 * the geo-rep service, with workers, stalls and the plugin's actions: its label says "(live)" so
 * an administrator who sees both tabs side by side knows which is which, and never takes it for
 * WebAdmin's own.
 */
export const VOLUME_TAB_TOKEN = 'volumes-gluster_georep';
export const VOLUME_TAB_URL = `plugin/${PLUGIN_NAME}/georep-volume.html`;
/**
 * Right after WebAdmin's own Geo-Replication tab: Events and Geo-Replication are both 4, Snapshots
 * 5 (DetailTabDataIndex.java:85-89); tabs are ordered by priority, a float for plugin tabs
 * (PluginUiFunctions.java:154).
 */
export const VOLUME_TAB_PRIORITY = 4.5;
/** How often to look whether WebAdmin made its first place transition (currentPlace() set). */
const TRANSITION_POLL_MS = 100;

export interface BootstrapDeps {
  api: PluginApi;
  intl: IntlShape;
  /** The Gluster clusters WebAdmin shows the logged-in user (engine REST, engineReadHeaders). */
  listGlusterClusters: () => Promise<EngineCluster[]>;
  /** Upper bound for the engine's answer at all (after it, the place is not added). */
  checkTimeoutMs: number;
  /**
   * When the URL names our place: how long WebAdmin may wait for the engine's answer before its
   * first place transition (it waits for ready() with no limit of its own).
   */
  landingWaitMs: number;
  /** WebAdmin's URL token at start (window.top.location.hash). */
  initialToken: () => string;
  /** Go to a WebAdmin URL token, as a link would (window.top.location.hash = token). */
  navigate: (token: string) => void;
  log: (level: 'info' | 'warning' | 'severe', message: string) => void;
  /** Called once, when the place has been added (start the alert watcher); errors are caught. */
  onPlaceAdded?: () => void;
  /**
   * WebAdmin's GlusterVolumeSelectionChange (volumes selected in Storage › Volumes, or the one
   * whose detail view is open), e.g. for addVolumeDetailPlace's `select`; errors are caught.
   */
  onVolumesSelected?: (selected: GlusterVolumeEntity[]) => void;
  /**
   * The Volumes button's verdict beyond "one volume of a Gluster cluster the user sees" (the
   * volume Up, the user may act: volumeButton.ts); must answer at once.
   */
  buttonEnabled?: (
    selected: GlusterVolumeEntity[],
    glusterClusterIds: ReadonlySet<string>,
  ) => boolean;
}

export interface PluginState {
  glusterVisible: boolean;
  /** The Gluster clusters the user sees (button enablement must be synchronous). */
  glusterClusterIds: Set<string>;
  placeAdded: boolean;
  buttonAdded: boolean;
  /** The volumes' sub tab (VOLUME_TAB_TOKEN). */
  volumeTabAdded: boolean;
  /** Resolves once the place is added, or the engine said (or failed to say) there is none. */
  settled: Promise<void>;
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

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function bootstrap(deps: BootstrapDeps): Promise<PluginState> {
  const { api, intl, log } = deps;
  let settle: () => void = () => undefined;
  const state: PluginState = {
    glusterVisible: false,
    glusterClusterIds: new Set(),
    placeAdded: false,
    buttonAdded: false,
    volumeTabAdded: false,
    settled: new Promise<void>((r) => (settle = r)),
  };
  let uiInitialised = false;
  /** WebAdmin made its first place transition; the place we add now cannot change the landing. */
  let transitioned = false;
  /** Where WebAdmin put the user at its first transition. */
  let landedOn: string | null = null;

  const readToken = (): string => {
    try {
      return deps.initialToken();
    } catch {
      return ''; // the top window is not readable: no deep link
    }
  };
  const initial = readToken();
  const landing: PlaceRequest | null = parseHistoryToken(initial);
  /** The URL's token when it names our place (a deep link, parameters and all). */
  const deepLink = landing?.name === PLACE_TOKEN ? initial.replace(/^#/, '') : null;

  /** Wrap a handler so nothing escapes to WebAdmin. */
  const guard =
    <A extends unknown[]>(name: string, fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (e) {
        log('severe', `${name} failed: ${errorMessage(e)}`);
      }
    };

  let volumeTab: VolumeDetailPlaceHandle | null = null;
  /** The last GlusterVolumeSelectionChange, for a tab added after it. */
  let selectedVolumes: GlusterVolumeEntity[] = [];
  /**
   * The volumes' sub tab: no need to wait for WebAdmin's first transition (a detail place never
   * becomes the default place: PluginUiFunctions.addDetailPlace :134-144 sets none).
   */
  const addVolumeTab = (): void => {
    if (!uiInitialised || !state.glusterVisible || volumeTab) return;
    volumeTab = addVolumeDetailPlace(api, {
      label: intl.formatMessage(pluginMessages.volumeTabLabel),
      token: VOLUME_TAB_TOKEN,
      contentUrl: VOLUME_TAB_URL,
      priority: VOLUME_TAB_PRIORITY,
    });
    state.volumeTabAdded = true;
    volumeTab.select(selectedVolumes);
  };

  const addPlace = (): void => {
    guard('addVolumeTab', addVolumeTab)();
    if (!uiInitialised || !state.glusterVisible || state.placeAdded) return;
    noticeTransition();
    // Before the first transition only for a deep link to us (else we would take the landing).
    if (!transitioned && deepLink === null) return;
    api.addSecondaryMenuPlace(
      'storage',
      intl.formatMessage(pluginMessages.placeLabel),
      PLACE_TOKEN,
      PLACE_URL,
      { priority: PLACE_PRIORITY },
    );
    state.placeAdded = true;
    // Storage › Volumes: start a session from the selected volume, in the place's Start dialog.
    api.addMenuPlaceActionButton<GlusterVolumeEntity>(
      'GlusterVolume',
      intl.formatMessage(pluginMessages.newSessionButton),
      {
        id: 'GlusterGeoRepNewSession',
        isEnabled: (selected) =>
          selected.length === 1 &&
          state.glusterClusterIds.has(selected[0]!.clusterId) &&
          (deps.buttonEnabled?.(selected, state.glusterClusterIds) ?? true),
        onClick: (selected) => {
          try {
            const volume = selected[0];
            if (!volume) return;
            const from = currentPlace();
            writeIntent(window.sessionStorage, {
              action: 'start-session',
              clusterId: volume.clusterId,
              volumeName: volume.name,
              ...(from ? { returnTo: from } : {}),
            });
            api.revealPlace(PLACE_TOKEN);
          } catch (e) {
            log('severe', `New session button failed: ${errorMessage(e)}`);
          }
        },
      },
    );
    // Storage › Volumes: the storage domain sync (disaster recovery) of the selected volume.
    api.addMenuPlaceActionButton<GlusterVolumeEntity>(
      'GlusterVolume',
      intl.formatMessage(pluginMessages.drSetupButton),
      {
        id: 'GlusterGeoRepDrSetup',
        isEnabled: (selected) =>
          selected.length === 1 && state.glusterClusterIds.has(selected[0]!.clusterId),
        onClick: (selected) => {
          try {
            const volume = selected[0];
            if (!volume) return;
            writeDrIntent(window.sessionStorage, {
              action: 'dr-setup',
              clusterId: volume.clusterId,
              volumeName: volume.name,
            });
            api.revealPlace(PLACE_TOKEN);
          } catch (e) {
            log('severe', `Remote Data Sync Setup button failed: ${errorMessage(e)}`);
          }
        },
      },
    );
    state.buttonAdded = true;
    settle();
    // A deep link WebAdmin could not resolve in time fell back to its default place: take the
    // user where the link pointed, unless they have gone elsewhere meanwhile.
    if (deepLink !== null && transitioned && landedOn !== PLACE_TOKEN) {
      if (currentPlace() === landedOn) deps.navigate(deepLink);
    }
    try {
      deps.onPlaceAdded?.();
    } catch (e) {
      log('severe', `Starting after the place was added failed: ${errorMessage(e)}`);
    }
  };

  /** Whether WebAdmin has placed the user yet (currentPlace() is null before it). */
  const noticeTransition = (): boolean => {
    if (!transitioned && uiInitialised) {
      if (typeof api.currentPlace !== 'function') {
        // Before 4.4 there is no currentPlace(): nothing to wait for (and nothing to protect).
        transitioned = true;
      } else {
        const p = currentPlace();
        if (p !== null) {
          transitioned = true;
          landedOn = p;
        }
      }
    }
    return transitioned;
  };

  const currentPlace = (): string | null => {
    try {
      const p = api.currentPlace?.();
      return typeof p === 'string' && p !== '' ? p : null;
    } catch {
      return null;
    }
  };

  let inFlight: Promise<void> | null = null;
  const checkVisibility = (): Promise<void> => {
    inFlight ??= (async () => {
      try {
        const clusters = await withTimeout(deps.listGlusterClusters(), deps.checkTimeoutMs);
        state.glusterVisible = clusters.length > 0;
        state.glusterClusterIds = new Set(clusters.map((c) => c.id));
        if (!state.glusterVisible) {
          log('info', 'No Gluster cluster is visible to this user: Geo-Replication is not shown');
          settle();
        }
      } catch (e) {
        state.glusterVisible = false;
        log(
          'warning',
          `Cannot ask the engine for Gluster clusters (${errorMessage(e)}): Geo-Replication is not shown`,
        );
        settle();
      } finally {
        inFlight = null;
      }
      guard('addPlace', addPlace)();
    })();
    return inFlight;
  };

  /** Notice WebAdmin's first place transition, then add the place if it is waiting for it. */
  const watchTransition = (): void => {
    if (noticeTransition()) {
      guard('addPlace', addPlace)();
      return;
    }
    setTimeout(watchTransition, TRANSITION_POLL_MS);
  };

  api.register({
    UiInit: guard('UiInit', () => {
      uiInitialised = true;
      addPlace();
    }),
    // A new login may be a user with other permissions: ask again (one question at a time).
    UserLogin: guard('UserLogin', () => {
      if (!state.placeAdded) void checkVisibility();
    }),
    UserLogout: guard('UserLogout', () => {
      state.glusterVisible = false;
    }),
    GlusterVolumeSelectionChange: guard('GlusterVolumeSelectionChange', (selected) => {
      selectedVolumes = Array.isArray(selected) ? selected : [];
      volumeTab?.select(selectedVolumes);
      deps.onVolumesSelected?.(selectedVolumes);
    }),
  });

  const first = checkVisibility();
  try {
    // Only a deep link to us is worth keeping WebAdmin waiting for, and only briefly: to the
    // place, or to a volume's sub tab (a reload while on it), which UiInit then adds in time.
    if (deepLink !== null || landing?.name === VOLUME_TAB_TOKEN)
      await Promise.race([first, sleep(deps.landingWaitMs)]);
  } finally {
    api.ready();
  }
  watchTransition();
  return state;
}
