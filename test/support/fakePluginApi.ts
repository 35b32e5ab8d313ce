// A strict fake of WebAdmin's pluginApi for unit tests: the same rules as the stand-in
// (register once, UI functions refused before ready(), UiInit right after ready(), a throwing
// handler fails the plugin; the first place transition a moment after ready() goes to the URL's
// place if it exists, else to the default place, which is `vms` until a menu place is added and
// then the last one added). Every refused call is recorded so a test can assert there were none.
import type {
  ActionButtonInterface,
  GlusterVolumeEntity,
  PluginApi,
  PluginEventHandlers,
} from '../../src/plugin/pluginApi';

export interface FakeWebAdmin {
  api: PluginApi;
  state: () => 'LOADING' | 'IN_USE' | 'FAILED';
  refused: string[];
  places: { menu: string; label: string; token: string; url: string; priority?: number }[];
  detailPlaces: { entity: string; label: string; token: string; url: string; priority?: number }[];
  /** setPlaceContentUrl calls, in order. */
  contentUrls: { token: string; url: string }[];
  buttons: { entity: string; label: string; button: ActionButtonInterface<GlusterVolumeEntity> }[];
  revealed: string[];
  /** UI calls that navigate, in order: `revealPlace <token>`, `setSearchString <search>`. */
  navigation: string[];
  logs: { level: string; message: string }[];
  alerts: { kind: 'alert' | 'toast'; type: string; message: string }[];
  /** Fire an event as WebAdmin would (queued until IN_USE for UserLogin/UserLogout). */
  fire: (event: keyof PluginEventHandlers, ...args: unknown[]) => void;
  /** The current place; null before the first transition. */
  current: () => string | null;
  /** Where a user without a token lands (last menu place added, else `vms`). */
  defaultPlace: () => string;
  /** Tokens the plugin navigated to (window.top.location.hash). */
  navigated: string[];
  /** The URL's token at load. */
  hash: string;
  /** Make the first transition now (when created with holdTransition). */
  transition: () => void;
  /** The user goes to another place. */
  goTo: (token: string) => void;
}

export function fakeWebAdmin(
  opts: {
    token?: string | null;
    locale?: string;
    config?: Record<string, unknown>;
    /** The URL's token at load (without #). */
    hash?: string;
    /** Do not make the first transition by itself after ready(). */
    holdTransition?: boolean;
  } = {},
): FakeWebAdmin {
  let state: 'LOADING' | 'IN_USE' | 'FAILED' = 'LOADING';
  let current: string | null = null;
  let defaultPlace = 'vms';
  const builtin = new Set(['vms', 'hosts', 'clusters', 'volumes', 'storage', 'disks', 'events']);
  let handlers: PluginEventHandlers | null = null;
  const queue: [keyof PluginEventHandlers, unknown[]][] = [];
  const fake: FakeWebAdmin = {
    api: undefined as unknown as PluginApi,
    state: () => state,
    refused: [],
    places: [],
    detailPlaces: [],
    contentUrls: [],
    buttons: [],
    revealed: [],
    navigation: [],
    logs: [],
    alerts: [],
    fire: () => undefined,
    current: () => current,
    defaultPlace: () => defaultPlace,
    navigated: [],
    hash: opts.hash ?? '',
    transition: () => undefined,
    goTo: (t) => {
      current = t;
    },
  };
  const known = (t: string) => builtin.has(t) || fake.places.some((p) => p.token === t);
  fake.transition = () => {
    if (current !== null) return;
    const name = (opts.hash ?? '').split(';')[0]!;
    current = name && known(name) ? name : defaultPlace;
  };
  const invoke = (event: keyof PluginEventHandlers, args: unknown[]) => {
    const fn = handlers?.[event] as ((...a: unknown[]) => void) | undefined;
    if (!fn) return;
    try {
      fn(...args);
    } catch (e) {
      state = 'FAILED';
      fake.refused.push(`handler ${event} threw: ${String(e)}`);
    }
  };
  const ui = (name: string): boolean => {
    if (state !== 'IN_USE') {
      fake.refused.push(`${name} in state ${state}`);
      return false;
    }
    return true;
  };
  fake.fire = (event, ...args) => {
    if (state === 'IN_USE') invoke(event, args);
    else if (event === 'UserLogin' || event === 'UserLogout') queue.push([event, args]);
  };
  const notImplemented = (name: string) => () => {
    fake.refused.push(`${name} not expected`);
  };
  fake.api = {
    register(h) {
      if (handlers) fake.refused.push('register twice');
      else handlers = h;
    },
    options: () => undefined,
    ready() {
      if (!handlers) {
        fake.refused.push('ready before register');
        return;
      }
      if (state !== 'LOADING') {
        fake.refused.push('ready twice');
        return;
      }
      state = 'IN_USE';
      invoke('UiInit', []);
      for (const [e, a] of queue.splice(0)) invoke(e, a);
      if (!opts.holdTransition) setTimeout(() => fake.transition(), 0);
    },
    configObject: () => ({ ...opts.config }),
    addPrimaryMenuPlace: notImplemented('addPrimaryMenuPlace'),
    addSecondaryMenuPlace(menu, label, token, url, o) {
      if (ui('addSecondaryMenuPlace')) {
        fake.places.push({ menu, label, token, url, priority: o?.priority });
        defaultPlace = token; // PluginUiFunctions.addContentView
      }
    },
    addDetailPlace(entity, label, token, url, o) {
      if (ui('addDetailPlace'))
        fake.detailPlaces.push({ entity, label, token, url, priority: o?.priority });
    },
    setPlaceContentUrl(token, url) {
      if (!ui('setPlaceContentUrl')) return;
      if (![...fake.places, ...fake.detailPlaces].some((p) => p.token === token))
        fake.refused.push(`setPlaceContentUrl for unknown place ${token}`);
      else fake.contentUrls.push({ token, url });
    },
    setPlaceAccessible: notImplemented('setPlaceAccessible'),
    setPlaceUnloadHandler: notImplemented('setPlaceUnloadHandler'),
    addMenuPlaceActionButton(entity, label, button) {
      if (ui('addMenuPlaceActionButton'))
        fake.buttons.push({
          entity,
          label,
          button: button as unknown as ActionButtonInterface<GlusterVolumeEntity>,
        });
    },
    addDetailPlaceActionButton: notImplemented('addDetailPlaceActionButton'),
    showDialog: notImplemented('showDialog'),
    setDialogContentUrl: notImplemented('setDialogContentUrl'),
    closeDialog: notImplemented('closeDialog'),
    showAlert(type, message) {
      if (ui('showAlert')) fake.alerts.push({ kind: 'alert', type, message });
    },
    showToast(type, message) {
      if (ui('showToast')) fake.alerts.push({ kind: 'toast', type, message });
    },
    revealPlace(token) {
      if (!ui('revealPlace')) return;
      fake.revealed.push(token);
      fake.navigation.push(`revealPlace ${token}`);
    },
    setSearchString(search) {
      if (ui('setSearchString')) fake.navigation.push(`setSearchString ${search}`);
    },
    loginUserName: () => 'admin@internal',
    loginUserId: () => '59c035ea-763e-3ad9-a8e6-532bf4d0cdba',
    ssoToken: () => (opts.token === undefined ? 'token-1' : opts.token),
    engineBaseUrl: () => 'http://engine.example/ovirt-engine/',
    currentLocale: () => opts.locale ?? 'en-US',
    currentPlace: () => current,
    logger: () => ({
      info: (message: string) => fake.logs.push({ level: 'info', message }),
      warning: (message: string) => fake.logs.push({ level: 'warning', message }),
      severe: (message: string) => fake.logs.push({ level: 'severe', message }),
    }),
  };
  return fake;
}
