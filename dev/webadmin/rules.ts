// The WebAdmin stand-in's rules, as oVirt's own WebAdmin implements them, kept free of the DOM so
// they are unit-tested (test/node/dev/webadmin/rules.test.ts). Paths are in oVirt/ovirt-engine, under
// frontend/webadmin/modules/webadmin/src/main/java/org/ovirt/engine/ui/webadmin/ ("E:") unless
// they say otherwise; line numbers are of master 0111fc63036 (= tag ovirt-engine-4.5.7 here).

// ---------------------------------------------------------------- engine version

export { versionAtLeast } from '../version';

/**
 * `logger()` and `reportFatalError()` came with commit f489e848bdc ("webadmin: expose logging to
 * plugins", 2021-06-11): absent from tag ovirt-engine-4.4.7, present from ovirt-engine-4.4.7.4 (the
 * line that became 4.4.8) on. E:plugin/PluginManager.java:641-656.
 */
export const LOGGER_SINCE = '4.4.7.4';

// ---------------------------------------------------------------- places

/**
 * WebAdmin's default place until a plugin adds a menu place: Compute › Virtual Machines.
 * WebAdminApplicationPlaces.DEFAULT_MAIN_SECTION_PLACE = virtualMachineMainPlace = "vms"
 * (uicommonweb/.../place/WebAdminApplicationPlaces.java:14,194), bound in gin/SystemModule.java:37.
 */
export const DEFAULT_MAIN_SECTION_PLACE = 'vms';

/**
 * Where WebAdmin goes when the URL names no place it knows (and with no token at all):
 * ApplicationPlaceManager.revealErrorPlace → revealDefaultPlace (gwt-common/.../place/
 * ApplicationPlaceManager.java:62-81), the default being the last one set:
 * WebAdminPlaceManager.setDefaultPlace (place/WebAdminPlaceManager.java:29), which
 * PluginUiFunctions.addContentView calls for every menu place a plugin adds
 * (plugin/api/PluginUiFunctions.java:128), whatever its `defaultPlace` option says.
 */
export function resolvePlace(
  requested: string | null,
  known: (token: string) => boolean,
  defaultPlace: string,
): { token: string; fellBack: boolean } {
  if (requested !== null && known(requested)) return { token: requested, fellBack: false };
  return { token: defaultPlace, fellBack: requested !== null };
}

// ---------------------------------------------------------------- menus

/** The primary menu as MenuView.ui.xml builds it (E:section/main/view/MenuView.ui.xml). */
export interface MenuItem {
  /** Container id (PrimaryMenuContainerType: compute, network, storage, admin) or place token. */
  id: string;
  label: string;
  kind: 'container' | 'place';
  icon?: string;
  /** A container's secondary items; [0] is its header, as in the FlowPanel (MenuView.java:285). */
  secondary?: SecondaryItem[];
}
export interface SecondaryItem {
  token: string;
  label: string;
  /** Present in the widget list but not shown (MenuView.updateBasedonMode, MenuView.java:200). */
  hidden?: boolean;
  header?: boolean;
}

/** The menu of a VirtOnly/AllModes WebAdmin (MenuView.ui.xml lines 12-205). */
export function builtinMenu(): MenuItem[] {
  const header = (label: string): SecondaryItem => ({ token: '', label, header: true });
  return [
    {
      id: 'compute',
      label: 'Compute',
      kind: 'container',
      icon: 'pficon-cpu',
      secondary: [
        header('Compute'),
        { token: 'vms', label: 'Virtual Machines' },
        { token: 'templates', label: 'Templates' },
        { token: 'pools', label: 'Pools' },
        { token: 'hosts', label: 'Hosts' },
        { token: 'dataCenters', label: 'Data Centers' },
        { token: 'clusters', label: 'Clusters' },
      ],
    },
    {
      id: 'network',
      label: 'Network',
      kind: 'container',
      icon: 'pficon-network',
      secondary: [
        header('Network'),
        { token: 'vnicProfiles', label: 'vNIC Profiles' },
        { token: 'networks', label: 'Networks' },
      ],
    },
    {
      id: 'storage',
      label: 'Storage',
      kind: 'container',
      icon: 'fa-database',
      secondary: [
        header('Storage'),
        { token: 'dataCenters', label: 'Data Centers' },
        // Hidden in VirtOnly and AllModes (MenuView.java:202-205), but still a widget: it counts
        // in the insertion index.
        { token: 'clusters', label: 'Clusters', hidden: true },
        { token: 'storage', label: 'Domains' },
        { token: 'volumes', label: 'Volumes' },
        { token: 'disks', label: 'Disks' },
      ],
    },
    {
      id: 'admin',
      label: 'Administration',
      kind: 'container',
      icon: 'fa-cog',
      secondary: [
        header('Administration'),
        { token: 'providers', label: 'Providers' },
        { token: 'quota', label: 'Quota' },
        { token: 'sessions', label: 'Active User Sessions' },
        { token: 'users', label: 'Users' },
        { token: 'errata', label: 'Errata' },
        { token: 'configure', label: 'Configure' },
        { token: 'accountSettings', label: 'Account Settings' },
      ],
    },
    { id: 'events', label: 'Events', kind: 'place', icon: 'pficon-flag' },
  ];
}

/**
 * `priority` of a menu place, as PluginUiFunctions passes it (options.getPriority().intValue(),
 * PluginUiFunctions.java:97,116): Java's double-to-int cast, so the default Double.MAX_VALUE
 * (TabOptions.java) becomes Integer.MAX_VALUE and a fraction is truncated.
 */
export function priorityIndex(priority: unknown): number {
  // JsObjectWithProperties.getValueAsDouble: anything but a JS number is the default.
  if (typeof priority !== 'number') return 2147483647;
  if (Number.isNaN(priority)) return 0;
  if (priority >= 2147483647) return 2147483647;
  if (priority <= -2147483648) return -2147483648;
  return Math.trunc(priority);
}

/**
 * MenuView.addPrimaryMenuItemPlace (MenuView.java:252-278): a negative index becomes 0; an index
 * past the end appends; otherwise the item is inserted at that index. Returns where it went.
 */
export function insertPrimary(menu: MenuItem[], index: number, item: MenuItem): number {
  const i = index < 0 ? 0 : index;
  if (i > menu.length) menu.push(item);
  else menu.splice(i, 0, item);
  return menu.indexOf(item);
}

/**
 * MenuView.addSecondaryMenuItemPlace (MenuView.java:280-300): the container's widgets start with
 * its header, so an index i in [0, widgets) inserts at i + 1 (after the i-th widget, header
 * included); a negative index or one past the end appends. In the AllModes Storage menu
 * (header, Data Centers, hidden Clusters, Domains, Volumes, Disks), index 4 lands between
 * Volumes and Disks.
 */
export function insertSecondary(container: MenuItem, index: number, item: SecondaryItem): void {
  const widgets = container.secondary!;
  if (index >= 0 && index < widgets.length) widgets.splice(index + 1, 0, item);
  else widgets.push(item);
}

/** A button's `index`: Math.max(0, getValueAsInteger("index", MAX)) (api/ActionButtonInterface.java:50). */
export function buttonIndex(index: unknown): number {
  return Math.max(0, priorityIndex(index));
}

// ---------------------------------------------------------------- detail places (sub tabs)

/**
 * The detail-place ids WebAdmin knows per main entity type, with the history token of each
 * (E:plugin/entity/EntityType.java); only the types the stand-in draws are listed.
 */
export const SUB_TAB_TOKENS: Record<string, Record<string, string>> = {
  // EntityType.java:144-162 (tokens: WebAdminApplicationPlaces.java:81-94)
  VirtualMachine: {
    NetworkInterface: 'vms-network_interfaces',
    Disk: 'vms-disks',
    HostDevice: 'vms-host_devices',
    VirtualMachineSnapshot: 'vms-snapshots',
    VirtualMachineApplication: 'vms-applications',
    VirtualMachineContainer: 'vms-guest_containers',
    VirtualMachineDevice: 'vms-vm_devices',
    AffinityGroup: 'vms-affinity_groups',
    AffinityLabel: 'vms-affinity_labels',
    Permission: 'vms-permissions',
    Event: 'vms-events',
  },
  // EntityType.java:65-81 (tokens: WebAdminApplicationPlaces.java:100-109)
  Host: {
    VirtualMachine: 'hosts-virtual_machines',
    NetworkInterface: 'hosts-network_interfaces',
    HostDevice: 'hosts-devices',
    HostHook: 'hosts-host_hooks',
    GlusterSwift: 'hosts-gluster_swift',
    GlusterBrick: 'hosts-gluster_bricks',
    GlusterStorageDevice: 'hosts-gluster_storage_devices',
    Permission: 'hosts-permissions',
    Event: 'hosts-events',
    AffinityLabel: 'hosts-affinity_labels',
  },
  // EntityType.java:185-198
  GlusterVolume: {
    GlusterVolumeParameter: 'volumes-parameters',
    GlusterBrick: 'volumes-bricks',
    Permission: 'volumes-permissions',
    Event: 'volumes-events',
    GlusterGeoRep: 'volumes-geo_replication',
    GlusterVolumeSnapshot: 'volumes-volume_snapshots',
  },
};

/** Main place of each entity type (EntityType.getMainHistoryToken). */
export const MAIN_PLACE_OF: Record<string, string> = {
  DataCenter: 'dataCenters',
  Cluster: 'clusters',
  Host: 'hosts',
  Network: 'networks',
  VnicProfile: 'vnicProfiles',
  Storage: 'storage',
  Disk: 'disks',
  VirtualMachine: 'vms',
  Pool: 'pools',
  Template: 'templates',
  GlusterVolume: 'volumes',
  Provider: 'providers',
  User: 'users',
  Quota: 'quota',
  Errata: 'errata',
  Event: 'events',
};

/** The detail views the stand-in draws (the others' buttons are kept, never shown). */
export const DRAWN_DETAIL_VIEWS = new Set(['GlusterVolume']);

/** A sub tab of a main entity's detail view. */
export interface DetailTab {
  token: string;
  label: string;
  /** GWTP tab priority: the tabs are shown in ascending priority. */
  priority: number;
  plugin: string | null;
  contentUrl: string | null;
  /** setPlaceAccessible(token, false) hides a dynamic tab (DynamicTab, DynamicTabPresenter). */
  accessible: boolean;
}

/**
 * Built-in sub tabs of a Gluster volume (presenter/tab/gluster/SubTabVolume*Presenter.java with
 * their DetailTabDataIndex priorities; labels from ApplicationConstants.properties:1678-1707).
 */
export function builtinVolumeTabs(): DetailTab[] {
  const t = (token: string, label: string, priority: number): DetailTab => ({
    token,
    label,
    priority,
    plugin: null,
    contentUrl: null,
    accessible: true,
  });
  return [
    t('volumes-general', 'General', 0),
    t('volumes-bricks', 'Bricks', 1),
    t('volumes-parameters', 'Volume Options', 2),
    t('volumes-permissions', 'Permissions', 3),
    t('volumes-events', 'Events', 4),
    t('volumes-geo_replication', 'Geo-Replication', 4),
    t('volumes-volume_snapshots', 'Snapshots', 5),
  ];
}

/**
 * A plugin tab's priority: PluginUiFunctions.addTab passes options.getPriority().floatValue()
 * (PluginUiFunctions.java:154); the default Double.MAX_VALUE is Infinity as a float.
 */
export function tabPriority(priority: unknown): number {
  return typeof priority === 'number' && !Number.isNaN(priority) ? priority : Infinity;
}

/** Tabs in the order GWTP's tab container shows them: by priority, equal ones in insertion order. */
export function orderTabs(tabs: DetailTab[]): DetailTab[] {
  return tabs
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.priority - b.t.priority || a.i - b.i)
    .map((x) => x.t);
}

// ---------------------------------------------------------------- calling plugin code

/**
 * JsFunction.invoke (E:plugin/jsni/JsFunction.java:91-132): calls the function; an exception is
 * caught and handed to the error handler (or logged by fallbackErrorHandler, :33-35), and the
 * call reports false. What a non-function is asked to do: nothing (JsFunction.get returns a
 * no-op for a missing or non-function member, :56-64).
 */
export function invokeJs(
  fn: unknown,
  thisArg: unknown,
  args: unknown[],
  onError: (message: string) => void,
): { ok: boolean; result: unknown } {
  if (typeof fn !== 'function') return { ok: true, result: undefined };
  try {
    return { ok: true, result: (fn as (...a: unknown[]) => unknown).apply(thisArg, args) };
  } catch (e) {
    onError(String(e));
    return { ok: false, result: undefined };
  }
}

/**
 * JsFunctionResultHelper.invokeAndGetResultAsBoolean (jsni/JsFunctionResultHelper.java:69-83):
 * the default unless the call succeeded with a boolean. JsFunction.invoke hands `null` to the
 * boolean result handler too (JsFunction.java:104, `typeof result === resultType || result ===
 * null`), where Boolean.valueOf(null) is false: a function answering null counts as false.
 * A throwing isEnabled / isAccessible therefore counts as the default, true.
 */
export function booleanResult(
  fn: unknown,
  thisArg: unknown,
  args: unknown[],
  defaultValue: boolean,
  onError: (message: string) => void,
): boolean {
  if (typeof fn !== 'function') return defaultValue;
  const r = invokeJs(fn, thisArg, args, onError);
  if (!r.ok) return defaultValue;
  if (typeof r.result === 'boolean') return r.result;
  if (r.result === null) return false;
  return defaultValue;
}

// ---------------------------------------------------------------- entities handed to plugins

export interface StandinEntity {
  type: string;
  id: string;
  [field: string]: unknown;
}

/**
 * EntityObject.from (E:plugin/entity/EntityObject.java:35-101): `id` always, as a string, ""
 * when there is no entity (a main list's button has no main entity: `{id: ""}`); then the
 * fields of its type.
 */
export function entityObject(e: StandinEntity | null | undefined): Record<string, unknown> {
  if (!e) return { id: '' };
  const o: Record<string, unknown> = { id: e.id };
  const str = (k: string): string | undefined => {
    const v = e[k];
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
  };
  switch (e.type) {
    case 'DataCenter':
    case 'Network':
    case 'Pool':
    case 'Template':
    case 'Provider':
    case 'Quota':
      o.name = str('name');
      break;
    case 'Cluster':
      o.name = str('name');
      o.managed = e.managed !== false;
      break;
    case 'Host':
      o.name = str('name');
      o.hostname = str('hostname');
      o.managed = e.managed !== false;
      break;
    case 'VirtualMachine':
      o.name = str('name');
      o.ipaddress = str('ipaddress');
      o.status = str('status');
      o.managed = e.managed !== false;
      break;
    case 'Storage':
      o.name = str('name');
      o.type = str('storageType')?.toLowerCase();
      if (e.dataCenterId) o.dataCenterId = str('dataCenterId');
      break;
    case 'GlusterVolume':
      o.name = str('name');
      o.clusterId = str('clusterId');
      break;
    case 'User':
      o.username = str('username');
      o.domain = str('domain');
      break;
    default:
      break; // Disk: "No custom properties for now"
  }
  return o;
}

// ---------------------------------------------------------------- lifecycle

/**
 * Event handlers whose exception takes the plugin out of service (PluginManager.invokePlugin,
 * E:plugin/PluginManager.java:274-287, used for UiInit :403 and every PluginEventHandler event).
 * Everything else a plugin hands WebAdmin (button onClick/isEnabled/isAccessible through
 * PluginUiFunctions.createButtonDefinition :213-258, dialog buttons :279, unload handlers
 * AbstractDynamicUrlContentView.setUnloadHandlerImpl) only gets its error logged.
 */
export const EVENT_HANDLERS = new Set([
  'UiInit',
  'UserLogin',
  'UserLogout',
  'MessageReceived',
  'TagActivationChange',
  'DetailItemSelectionChange',
  'DataCenterSelectionChange',
  'ClusterSelectionChange',
  'HostSelectionChange',
  'NetworkSelectionChange',
  'StorageSelectionChange',
  'DiskSelectionChange',
  'VirtualMachineSelectionChange',
  'PoolSelectionChange',
  'TemplateSelectionChange',
  'GlusterVolumeSelectionChange',
  'ProviderSelectionChange',
  'UserSelectionChange',
  'QuotaSelectionChange',
  'EventSelectionChange',
]);

/** Entity type names WebAdmin knows (EntityType.from: anything else is Undefined, a no-op). */
export const ENTITY_TYPES = new Set(Object.keys(MAIN_PLACE_OF));

// ---------------------------------------------------------------- search strings

/**
 * The key SearchStringCollector keeps a search string under, for a presenter bound later: the
 * text up to and with the first ':' (e.g. `Events:`); null when there is none
 * (E:section/main/presenter/SearchStringCollector.java:22-29).
 */
export function searchCollectorKey(search: string): string | null {
  const colon = search.indexOf(':');
  return colon >= 0 ? search.slice(0, colon + 1) : null;
}

/**
 * Whether a main list applies a search string: only a non-empty one that starts, case and all,
 * with its model's default search string (AbstractMainWithDetailsPresenter.applySearchString
 * :155-167); anything else is silently ignored.
 */
export function searchApplies(search: string, defaultSearch: string): boolean {
  return search !== '' && search.startsWith(defaultSearch);
}

/** The `search` URL parameter written for it: the default prefix cut (getFragmentParameters :169-176). */
export function searchFragment(search: string, defaultSearch: string): string {
  return search.startsWith(defaultSearch) ? search.slice(defaultSearch.length) : search;
}
