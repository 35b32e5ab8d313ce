// The typed surface of WebAdmin's UI plugin API (oVirt 4.3-4.5 names, 4.4+ call contract: selection
// events and button callbacks receive an array). Source: ui-plugin-api.md §2-§3.

export interface EntityObject {
  id: string;
  name?: string;
  [field: string]: unknown;
}
export interface GlusterVolumeEntity extends EntityObject {
  name: string;
  clusterId: string;
}

export interface TabOptions {
  priority?: number;
  defaultPlace?: boolean;
  searchPrefix?: string;
  icon?: string;
}

/**
 * Buttons get (selectedItems, mainEntity) as EntityObjects (PluginUiFunctions.java:213-258);
 * mainEntity is `{id: ""}` on a main list, the selected main entity on a detail place. What
 * isEnabled/isAccessible answer counts only when it is a boolean (else true; a throw: true, and
 * only logged): JsFunctionResultHelper.invokeAndGetResultAsBoolean.
 */
export interface ActionButtonInterface<T extends EntityObject = EntityObject> {
  onClick?: (selected: T[], mainEntity: EntityObject) => void;
  isEnabled?: (selected: T[], mainEntity: EntityObject) => boolean;
  isAccessible?: (selected: T[], mainEntity: EntityObject) => boolean;
  index?: number;
  moreMenu?: boolean;
  id?: string;
}

export type AlertType = 'danger' | 'warning' | 'success' | 'info';

export interface PluginEventHandlers {
  UiInit?: () => void;
  UserLogin?: (userName: string, userId: string) => void;
  UserLogout?: () => void;
  GlusterVolumeSelectionChange?: (selected: GlusterVolumeEntity[]) => void;
  ClusterSelectionChange?: (selected: EntityObject[]) => void;
  MessageReceived?: (data: unknown, sourceWindow: Window) => void;
}

export interface PluginLogger {
  info(message: string): void;
  warning(message: string): void;
  severe(message: string): void;
}

export interface PluginApi {
  register(handlers: PluginEventHandlers): void;
  options(options: { allowedMessageOrigins?: string | string[] }): void;
  ready(): void;
  configObject(): Record<string, unknown>;

  addPrimaryMenuPlace(
    label: string,
    historyToken: string,
    contentUrl: string,
    options?: TabOptions,
  ): void;
  addSecondaryMenuPlace(
    /** 'compute' | 'network' | 'storage' | 'admin', or a container a plugin added. */
    primaryMenuId: string,
    label: string,
    historyToken: string,
    contentUrl: string,
    options?: TabOptions,
  ): void;
  addDetailPlace(
    entityTypeName: string,
    label: string,
    historyToken: string,
    contentUrl: string,
    options?: TabOptions,
  ): void;
  setPlaceContentUrl(historyToken: string, contentUrl: string): void;
  setPlaceAccessible(historyToken: string, accessible: boolean): void;
  setPlaceUnloadHandler(historyToken: string, handler: () => void): void;
  addMenuPlaceActionButton<T extends EntityObject>(
    entityTypeName: string,
    label: string,
    button: ActionButtonInterface<T>,
  ): void;
  addDetailPlaceActionButton<T extends EntityObject>(
    mainEntityTypeName: string,
    detailPlaceId: string,
    label: string,
    button: ActionButtonInterface<T>,
  ): void;

  showDialog(
    title: string,
    dialogToken: string,
    contentUrl: string,
    width: string,
    height: string,
    options?: object,
  ): void;
  setDialogContentUrl(dialogToken: string, contentUrl: string): void;
  closeDialog(dialogToken: string): void;

  showAlert(type: AlertType, message: string, options?: { autoHideMs?: number }): void;
  showToast(type: AlertType, message: string): void;
  revealPlace(historyToken: string): void;
  setSearchString(search: string): void;

  loginUserName(): string | null;
  loginUserId(): string | null;
  ssoToken(): string | null;
  engineBaseUrl(): string;
  currentLocale(): string;
  /** The current place's name token; null before WebAdmin's first place transition (4.4+). */
  currentPlace?(): string | null;
  /**
   * From engine 4.4.7.4 on (commit f489e848bdc; absent from tag ovirt-engine-4.4.7): the 4.4.8
   * line. It logs messages as they are, without the plugin's name.
   */
  logger?(): PluginLogger;
  reportFatalError?(message: string): void;
}

type PluginApiFactory = (pluginName: string) => PluginApi;

export const PLUGIN_NAME = 'gluster-georep';

let memo: PluginApi | undefined;

/** The one accessor for WebAdmin's pluginApi, bound to this plugin, memoized. */
export function getPluginApi(): PluginApi {
  if (!memo) {
    const top = window.top as unknown as { pluginApi?: PluginApiFactory } | null;
    const factory = top?.pluginApi;
    if (typeof factory !== 'function') {
      throw new Error(
        'WebAdmin pluginApi is not available: this page must run inside oVirt WebAdmin',
      );
    }
    memo = factory(PLUGIN_NAME);
  }
  return memo;
}

/** For tests: forget the memoized API so a new fake can be installed. */
export function resetPluginApi(): void {
  memo = undefined;
}

/**
 * Log through WebAdmin's logger when it has one (4.4.7.4+), else the console; prefixed with the
 * plugin's name once (WebAdmin's logger adds nothing). Never throws.
 */
export function log(level: 'info' | 'warning' | 'severe', message: string): void {
  const text = `[${PLUGIN_NAME}] ${message}`;
  try {
    const logger = getPluginApi().logger?.();
    if (logger) {
      logger[level](text);
      return;
    }
  } catch {
    // fall through to the console
  }
  if (level === 'severe') console.error(text);
  else if (level === 'warning') console.warn(text);
  else console.info(text);
}
