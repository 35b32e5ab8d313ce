// WebAdmin stand-in, browser side: the shell (vertical menu, places as iframes, a Volumes list and
// detail view, notifications) and window.pluginApi with the rules of oVirt's WebAdmin. Each rule
// cites the oVirt source it models; the DOM-free ones live in rules.ts and are unit-tested.
// - plugin iframes are zero-size, appended to <body>, one per enabled plugin; a second definition
//   with a name already defined is skipped (E:plugin/PluginManager.java:156-193);
// - DEFINED → LOADING → READY → INITIALIZING → IN_USE, FAILED when an *event handler* throws
//   (PluginManager.invokePlugin :274-287); code a plugin hands over for buttons, dialogs and
//   unloading only gets its error logged (JsFunction's fallbackErrorHandler);
// - register() once; ready() needs a registered handler object; UI functions are no-ops unless
//   INITIALIZING or IN_USE, safe accessors also while LOADING (:300-309), logger/reportFatalError
//   always (and only from 4.4.7.4). A refused call is silent to the page, as in WebAdmin; the
//   stand-in keeps a record of it (window.__standin.refusals) so a test can fail on misuse;
// - UiInit right after ready(); UserLogin/UserLogout/MessageReceived queued until IN_USE;
//   selection events now-only;
// - with lazyLoad:false, the first place transition waits for every such plugin, with no limit
//   (system/ApplicationInit.java:72-80);
// - the default place is `vms` until a plugin adds a menu place; then the last one added
//   (PluginUiFunctions.addContentView :128); tokens are GWTP's `name;key=value`.
import './shell.css';
import {
  formatPlaceToken,
  parseHistoryToken,
  type PlaceRequest,
} from '../../src/plugin/placeToken';
import {
  DEFAULT_MAIN_SECTION_PLACE,
  ENTITY_TYPES,
  EVENT_HANDLERS,
  LOGGER_SINCE,
  MAIN_PLACE_OF,
  SUB_TAB_TOKENS,
  booleanResult,
  builtinMenu,
  builtinVolumeTabs,
  buttonIndex,
  entityObject,
  insertPrimary,
  insertSecondary,
  invokeJs,
  orderTabs,
  priorityIndex,
  resolvePlace,
  searchApplies,
  searchCollectorKey,
  searchFragment,
  tabPriority,
  versionAtLeast,
  type DetailTab,
  type MenuItem,
  type StandinEntity,
} from './rules';
import { errorMessage } from '../../src/georep/errorMessage';

type PluginState = 'DEFINED' | 'LOADING' | 'READY' | 'INITIALIZING' | 'IN_USE' | 'FAILED';
type Handlers = Record<string, unknown>;

interface PluginDef {
  name: string;
  url: string;
  config: Record<string, unknown>;
  lazyLoad: boolean;
  enabled: boolean;
}
interface UserInfo {
  userName: string;
  userId: string;
  ssoToken: string;
}
interface ButtonDef {
  plugin: string;
  label: string;
  iface: Record<string, unknown>;
  index: number;
  id: string | null;
  moreMenu: boolean;
}
/** A place WebAdmin can reveal by name token. */
interface Place {
  token: string;
  label: string;
  /** Plugin content (menu place or detail tab); null for WebAdmin's own views. */
  contentUrl: string | null;
  plugin: string | null;
  /** For a detail tab: the main entity type whose detail view holds it. */
  detailOf: string | null;
}
interface PluginRecord {
  def: PluginDef;
  state: PluginState;
  handlers: Handlers | null;
  iframe: HTMLIFrameElement | null;
  queue: { event: string; args: unknown[] }[];
  allowedOrigins: string[];
}
interface Refusal {
  plugin: string;
  call: string;
  why: string;
}
interface LogEntry {
  level: 'info' | 'warning' | 'severe';
  message: string;
}

declare global {
  interface Window {
    userInfo: UserInfo;
    pluginDefinitions?: PluginDef[];
    engineLocale: string;
    engineVersion: string;
    /** For end-to-end tests: what the stand-in saw. */
    __standin: {
      pluginState(name: string): PluginState | undefined;
      /** Calls WebAdmin ignored (silently, as WebAdmin does). */
      refusals: Refusal[];
      /** What WebAdmin logged: plugin logger() output and errors of plugin code it caught. */
      logs: LogEntry[];
      notifications: { kind: 'alert' | 'toast'; type: string; message: string }[];
      currentPlace(): string | null;
      defaultPlace(): string;
      /** performance.now() of the first place transition; null before it. */
      firstTransitionAt(): number | null;
    };
  }
}

const userInfo = window.userInfo;
const engineVersion = window.engineVersion || '4.5.7';
const plugins = new Map<string, PluginRecord>();
const places = new Map<string, Place>();
const unloadHandlers = new Map<string, unknown>();
/** Buttons by the history token of the place that shows them (main list or detail tab). */
const buttons = new Map<string, ButtonDef[]>();
const menu: MenuItem[] = builtinMenu();
const volumeTabs: DetailTab[] = builtinVolumeTabs();
const refusals: Refusal[] = [];
const logs: LogEntry[] = [];
const notifications: Window['__standin']['notifications'] = [];
let defaultPlace = DEFAULT_MAIN_SECTION_PLACE;
let current: PlaceRequest | null = null;
let firstTransitionAt: number | null = null;
/** The selected main entity of a detail view (its `name` parameter resolved). */
let detailEntity: StandinEntity | null = null;
/** The volume selected in the Volumes list (its detail view open), for selection events. */
let selectedVolumeId: string | null = null;
/** Bumped at every render of the content: an answer for an older render is dropped. */
let renderSeq = 0;
/**
 * WebAdmin's search strings (oVirt/ovirt-engine frontend/webadmin/modules/webadmin/src/main/java/
 * org/ovirt/engine/ui/webadmin/section/main/presenter/, master 0111fc63036): the Events list
 * model's search string, its default `Events:` (uicommonweb EventListModel.java:116); whether the
 * Events presenter is bound yet (a GWTP presenter is created and bound the first time its place
 * is revealed, @ProxyCodeSplit: MainEventPresenter.java:32-35); and SearchStringCollector's map
 * of search strings by prefix, kept for presenters not bound yet (SearchStringCollector.java:
 * 22-38).
 */
const EVENTS_DEFAULT_SEARCH = 'Events:';
let eventsSearch = EVENTS_DEFAULT_SEARCH;
let eventsBound = false;
/** Bumped at every drawing of the Events list: an answer for an older one is dropped. */
let eventsSeq = 0;
const collectedSearch = new Map<string, string>();

function refuse(plugin: string, call: string, why: string): void {
  refusals.push({ plugin, call, why });
}

/** WebAdmin's own log (java.util.logging in the browser console), no plugin-name prefix added. */
function log(level: LogEntry['level'], message: string): void {
  logs.push({ level, message });
  if (level === 'severe') console.error(message);
  else if (level === 'warning') console.warn(message);
  else console.info(message);
}

// ---------------------------------------------------------------- helpers

// WebAdmin's own queries run unfiltered (WebAdminHostPageServlet.filterQueries: false): no Filter.
function engineGet<T>(rel: string): Promise<T> {
  return fetch(`/ovirt-engine/api/${rel}`, {
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${userInfo.ssoToken}`,
    },
  }).then(async (r) => {
    if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
    return (await r.json()) as T;
  });
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = content;
  if (className) e.className = className;
  return e;
}

const webadminUrl = (url: string): string =>
  new URL(url, `${location.origin}/ovirt-engine/webadmin/`).href;

// ---------------------------------------------------------------- action buttons

/**
 * A place's toolbar: every plugin button added for it, ordered by `index`, called with
 * (selectedItems, mainEntity) as PluginUiFunctions.createButtonDefinition does
 * (PluginUiFunctions.java:213-258): EntityObject arrays, mainEntity `{id: ""}` on a main list.
 */
function drawToolbar(
  toolbar: HTMLElement,
  placeToken: string,
  selected: StandinEntity[],
  mainEntity: StandinEntity | null,
): void {
  toolbar.innerHTML = '';
  const list = [...(buttons.get(placeToken) ?? [])].sort((a, b) => a.index - b.index);
  const args = () => [selected.map(entityObject), entityObject(mainEntity)];
  const onError = (b: ButtonDef, member: string) => (message: string) =>
    log('severe', `Error while invoking function: ${message} (${b.plugin}: ${b.label} ${member})`);
  for (const b of list) {
    if (!booleanResult(b.iface.isAccessible, b.iface, args(), true, onError(b, 'isAccessible')))
      continue;
    const btn = document.createElement('button');
    btn.textContent = b.label;
    btn.type = 'button';
    if (b.id) btn.id = `ActionPanelView_${b.id}`;
    if (b.moreMenu) btn.dataset.moreMenu = 'true';
    btn.disabled = !booleanResult(
      b.iface.isEnabled,
      b.iface,
      args(),
      true,
      onError(b, 'isEnabled'),
    );
    btn.addEventListener('click', () => {
      invokeJs(b.iface.onClick, b.iface, args(), onError(b, 'onClick'));
    });
    toolbar.append(btn);
  }
}

// ---------------------------------------------------------------- WebAdmin's own views

function placeholder(title: string, placeToken: string): (el: HTMLElement) => void {
  return (el) => {
    el.innerHTML = '';
    el.append(text('h2', title));
    const toolbar = document.createElement('div');
    toolbar.className = 'toolbar';
    el.append(toolbar);
    drawToolbar(toolbar, placeToken, [], null);
    el.append(text('p', 'A placeholder of the WebAdmin stand-in.', 'placeholder'));
  };
}

interface VolumeRow {
  id: string;
  name: string;
  clusterId: string;
  cluster: string;
  type: string;
  status: string;
}

async function loadVolumes(): Promise<VolumeRow[]> {
  const cl = await engineGet<{
    cluster?: { id: string; name: string; gluster_service?: string }[];
  }>('clusters');
  const rows: VolumeRow[] = [];
  for (const c of (cl.cluster ?? []).filter((x) => x.gluster_service === 'true')) {
    const v = await engineGet<{
      gluster_volume?: { id: string; name: string; volume_type?: string; status?: string }[];
    }>(`clusters/${c.id}/glustervolumes`);
    for (const vol of v.gluster_volume ?? []) {
      rows.push({
        id: vol.id,
        name: vol.name,
        clusterId: c.id,
        cluster: c.name,
        type: vol.volume_type ?? '',
        status: vol.status ?? '',
      });
    }
  }
  return rows;
}

const volumeEntity = (r: VolumeRow): StandinEntity => ({
  type: 'GlusterVolume',
  id: r.id,
  name: r.name,
  clusterId: r.clusterId,
});

/** Storage › Volumes: the Gluster volumes the user sees, with plugin action buttons. */
function renderVolumes(el: HTMLElement): void {
  el.innerHTML = '';
  el.append(text('h2', 'Volumes'));
  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  const status = text('p', 'Loading…', 'placeholder');
  el.append(toolbar, status);
  let selected: StandinEntity[] = [];
  drawToolbar(toolbar, 'volumes', selected, null);
  const seq = renderSeq;
  loadVolumes()
    .then((rows) => {
      if (seq !== renderSeq) return;
      status.remove();
      const table = document.createElement('table');
      table.className = 'grid';
      table.innerHTML =
        '<thead><tr><th></th><th>Name</th><th>Cluster</th><th>Volume Type</th><th>Status</th></tr></thead>';
      const tbody = document.createElement('tbody');
      for (const r of rows) {
        const tr = document.createElement('tr');
        const cb = document.createElement('input');
        cb.type = 'checkbox';
        cb.setAttribute('aria-label', `Select ${r.name}`);
        cb.addEventListener('change', () => {
          selected = cb.checked
            ? [...selected, volumeEntity(r)]
            : selected.filter((s) => s.id !== r.id);
          dispatch('GlusterVolumeSelectionChange', [selected.map(entityObject)], false);
          drawToolbar(toolbar, 'volumes', selected, null);
        });
        const td = document.createElement('td');
        td.append(cb);
        // The name opens the volume's detail view, as WebAdmin's name column links do.
        const nameCell = document.createElement('td');
        const link = document.createElement('a');
        link.href = `#volumes-general;name=${encodeURIComponent(r.name)}`;
        link.textContent = r.name;
        nameCell.append(link);
        tr.append(td, nameCell, text('td', r.cluster), text('td', r.type), text('td', r.status));
        tbody.append(tr);
      }
      table.append(tbody);
      el.append(table);
    })
    .catch((e: unknown) => {
      status.textContent = `Cannot load volumes: ${errorMessage(e)}`;
    });
}

/**
 * A Gluster volume's detail view: its sub tabs (WebAdmin's, then plugins' by priority), the
 * selected tab's content, and that tab's buttons with the volume as mainEntity.
 */
function renderVolumeDetail(el: HTMLElement, tabToken: string, params: Record<string, string>) {
  el.innerHTML = '';
  const name = params.name ?? '';
  const crumbs = document.createElement('nav');
  crumbs.className = 'breadcrumb';
  crumbs.setAttribute('aria-label', 'Breadcrumb');
  const back = document.createElement('a');
  back.href = '#volumes';
  back.textContent = 'Volumes';
  crumbs.append(back, text('span', ` › ${name}`));
  el.append(crumbs, text('h2', name));
  const tabs = document.createElement('div');
  tabs.className = 'detail-tabs';
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', `${name} details`);
  for (const t of orderTabs(volumeTabs).filter((x) => x.accessible)) {
    const a = document.createElement('a');
    a.setAttribute('role', 'tab');
    a.href = `#${t.token};name=${encodeURIComponent(name)}`;
    a.textContent = t.label;
    a.setAttribute('aria-selected', String(t.token === tabToken));
    tabs.append(a);
  }
  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  const body = document.createElement('div');
  body.className = 'detail-body';
  el.append(tabs, toolbar, body);
  const tab = volumeTabs.find((t) => t.token === tabToken)!;
  const seq = renderSeq;
  loadVolumes()
    .then((rows) => {
      if (seq !== renderSeq) return;
      const row = rows.find((r) => r.name === name);
      if (!row) {
        body.append(text('p', `No volume named ${name}.`, 'placeholder'));
        return;
      }
      detailEntity = volumeEntity(row);
      // Opening a volume selects it in the main list (an event only when the selection changes).
      if (selectedVolumeId !== detailEntity.id) {
        selectedVolumeId = detailEntity.id;
        dispatch('GlusterVolumeSelectionChange', [[entityObject(detailEntity)]], false);
      }
      drawToolbar(toolbar, tabToken, [], detailEntity);
      if (tab.contentUrl) {
        const iframe = document.createElement('iframe');
        iframe.className = 'place-frame detail-frame';
        iframe.title = tab.label;
        iframe.src = webadminUrl(tab.contentUrl);
        body.append(iframe);
      } else {
        body.append(
          text('p', `${tab.label} of ${row.name} (cluster ${row.cluster}).`, 'placeholder'),
        );
      }
    })
    .catch((e: unknown) => {
      body.append(text('p', `Cannot load the volume: ${String(e)}`, 'placeholder'));
    });
}

/**
 * AbstractMainWithDetailsPresenter.applySearchString (:155-167), for Events: a string that starts
 * with the model's default search (case-sensitive) becomes the model's search, runs, and is
 * written into the URL of the *current* place as its `search` parameter, the default prefix cut
 * (getFragmentParameters :169-176; ApplicationPlaceManager.setFragmentParameters replaces the
 * current history item). Anything else is ignored.
 */
function applyEventsSearch(search: string, redraw = true): void {
  if (!searchApplies(search, EVENTS_DEFAULT_SEARCH)) return;
  eventsSearch = search;
  if (current) {
    const params = { ...current.params, search: searchFragment(search, EVENTS_DEFAULT_SEARCH) };
    current = { name: current.name, params };
    history.replaceState(null, '', `#${formatPlaceToken(current.name, params)}`);
  }
  if (redraw && current?.name === 'events') renderEvents(document.getElementById('content')!);
}

/**
 * The ApplySearchStringEvent of PluginUiFunctions.setSearchString: SearchStringCollector keeps it
 * by its prefix up to ':' (for a presenter bound later), and a bound Events presenter applies it
 * (AbstractMainWithDetailsPresenter.onBind :109-111).
 */
function fireApplySearchString(search: string): void {
  const key = searchCollectorKey(search);
  if (key !== null) collectedSearch.set(key, search);
  if (eventsBound) applyEventsSearch(search);
}

/**
 * Revealing Events: bound on first reveal, taking what the collector kept for `Events:`
 * (onBind :127-131); then onReveal applies the URL's `search` parameter (:194-209), so a link
 * `#events;search=…` opens Events searched.
 */
function revealEvents(el: HTMLElement, params: Record<string, string>): void {
  if (!eventsBound) {
    eventsBound = true;
    const collected = collectedSearch.get(EVENTS_DEFAULT_SEARCH);
    collectedSearch.delete(EVENTS_DEFAULT_SEARCH);
    if (collected !== undefined) applyEventsSearch(collected, false);
  }
  if (params.search) applyEventsSearch(EVENTS_DEFAULT_SEARCH + params.search, false);
  renderEvents(el);
}

/**
 * Events: the engine's audit log, where the geo-rep service writes one event per action, under
 * WebAdmin's search box showing the list's search (the stand-in reads it through the REST API's
 * `search`, the same search language without the `Events:` prefix).
 */
function renderEvents(el: HTMLElement): void {
  el.innerHTML = '';
  el.append(text('h2', 'Events'));
  const box = document.createElement('input');
  box.type = 'search';
  box.className = 'search-box';
  box.setAttribute('aria-label', 'Search');
  box.readOnly = true; // the stand-in shows WebAdmin's search; typing a new one is not modelled
  box.value = eventsSearch;
  el.append(box);
  const status = text('p', 'Loading…', 'placeholder');
  el.append(status);
  const rest = eventsSearch.slice(EVENTS_DEFAULT_SEARCH.length).trim();
  const seq = renderSeq;
  const drawing = ++eventsSeq;
  engineGet<{ event?: { id: string; time?: string; severity?: string; description?: string }[] }>(
    `events?max=100${rest ? `&search=${encodeURIComponent(rest)}` : ''}`,
  )
    .then((d) => {
      if (seq !== renderSeq || drawing !== eventsSeq) return;
      status.remove();
      if (!d.event?.length) {
        el.append(text('p', 'No items to display', 'placeholder'));
        return;
      }
      const list = document.createElement('table');
      list.className = 'grid';
      list.setAttribute('aria-label', 'Events');
      list.innerHTML = '<thead><tr><th>Time</th><th>Severity</th><th>Message</th></tr></thead>';
      const tbody = document.createElement('tbody');
      for (const ev of d.event ?? []) {
        const tr = document.createElement('tr');
        const t = ev.time
          ? new Date(/^\d+$/.test(ev.time) ? Number(ev.time) : ev.time).toLocaleString()
          : '';
        tr.append(text('td', t), text('td', ev.severity ?? ''), text('td', ev.description ?? ''));
        tbody.append(tr);
      }
      list.append(tbody);
      el.append(list);
    })
    .catch((e: unknown) => {
      status.textContent = `Cannot load events: ${errorMessage(e)}`;
    });
}

// WebAdmin's own places: every menu entry and the volume detail tabs.
for (const m of menu) {
  if (m.kind === 'place')
    places.set(m.id, {
      token: m.id,
      label: m.label,
      contentUrl: null,
      plugin: null,
      detailOf: null,
    });
  for (const s of m.secondary ?? []) {
    if (s.header || places.has(s.token)) continue;
    places.set(s.token, {
      token: s.token,
      label: s.label,
      contentUrl: null,
      plugin: null,
      detailOf: null,
    });
  }
}
for (const t of volumeTabs) {
  places.set(t.token, {
    token: t.token,
    label: t.label,
    contentUrl: null,
    plugin: null,
    detailOf: 'GlusterVolume',
  });
}

// ---------------------------------------------------------------- layout
const root = document.createElement('div');
root.className = 'shell';
root.innerHTML = `
  <header class="masthead">
    <span class="brand">oVirt <small>Open Virtualization Manager</small></span>
    <span class="masthead-right">
      <button type="button" class="bell" id="notification-drawer-toggle" aria-label="Notifications">🔔 <span id="notification-count">0</span></button>
      <span class="user" id="user-name"></span>
      <form method="post" action="/ovirt-engine/webadmin/logout"><button type="submit" class="link">Sign Out</button></form>
    </span>
  </header>
  <nav class="menu" aria-label="Main menu"><ul id="menu"></ul></nav>
  <main class="content" id="content"><p class="placeholder" id="loading">Loading…</p></main>
  <section class="toasts" id="toasts" aria-live="polite"></section>
  <aside class="drawer" id="drawer" hidden><h3>Notifications</h3><ul id="alerts"></ul></aside>
  <div class="dialogs" id="dialogs"></div>`;
document.body.append(root);
document.getElementById('user-name')!.textContent = userInfo.userName;
document.getElementById('notification-drawer-toggle')!.addEventListener('click', () => {
  const d = document.getElementById('drawer')!;
  d.hidden = !d.hidden;
});

const ICONS: Record<string, string> = {
  'pficon-cpu': '▣',
  'pficon-network': '⇄',
  'fa-database': '⛁',
  'fa-cog': '⚙',
  'pficon-flag': '⚑',
  'fa-tachometer': '◧',
};

function renderMenu(): void {
  const ul = document.getElementById('menu')!;
  ul.innerHTML = '';
  const active = current?.name ?? null;
  for (const m of menu) {
    const li = document.createElement('li');
    li.className = 'menu-primary';
    const icon = m.icon ? `${ICONS[m.icon] ?? '•'} ` : '';
    if (m.kind === 'place') {
      const a = document.createElement('a');
      a.href = `#${m.id}`;
      a.textContent = `${icon}${m.label}`;
      if (active === m.id) a.setAttribute('aria-current', 'page');
      li.append(a);
    } else {
      li.append(text('span', `${icon}${m.label}`, 'menu-title'));
      const sub = document.createElement('ul');
      for (const s of m.secondary ?? []) {
        if (s.header || s.hidden) continue;
        const a = document.createElement('a');
        a.href = `#${s.token}`;
        a.textContent = s.label;
        a.dataset.token = s.token;
        if (active === s.token) a.setAttribute('aria-current', 'page');
        const sli = document.createElement('li');
        sli.append(a);
        sub.append(sli);
      }
      li.append(sub);
    }
    ul.append(li);
  }
}

/**
 * Leaving a place runs its unload handler: WebAdmin makes it the content window's onunload
 * (AbstractDynamicUrlContentView.setUnloadHandlerImpl), which runs when the frame goes; an
 * exception there is the browser's to report, never the plugin's failure. (Called directly here:
 * Chromium no longer promises unload events.)
 */
function runUnload(token: string): void {
  const handler = unloadHandlers.get(token);
  if (typeof handler !== 'function') return;
  invokeJs(handler, null, [], (m) =>
    log('severe', `Uncaught exception in the unload handler of [${token}]: ${m}`),
  );
}

/**
 * Show a place request (WebAdmin's PlaceManager): unknown names go to the default place. A plugin
 * place revealed again with other parameters keeps its frame (the presenter is already shown);
 * `redraw` re-renders the current place (a button or tab was added to it).
 */
function reveal(request: PlaceRequest | null, redraw = false): void {
  if (firstTransitionAt === null) return;
  const r = resolvePlace(request?.name ?? null, (t) => places.has(t), defaultPlace);
  if (r.fellBack)
    log('warning', `Invalid place request - no presenter proxy mapped to '${request?.name ?? ''}'`);
  const place = places.get(r.token) ?? places.get(DEFAULT_MAIN_SECTION_PLACE)!;
  const req: PlaceRequest = r.fellBack || !request ? { name: place.token, params: {} } : request;
  const content = document.getElementById('content')!;
  if (!redraw && current?.name === req.name && place.contentUrl && !place.detailOf) {
    current = req;
    return;
  }
  // Leaving a place: its iframe goes, and with it the content window's unload handler runs.
  if (!redraw && current && places.get(current.name)?.contentUrl) runUnload(current.name);
  content.innerHTML = '';
  renderSeq++;
  current = req;
  detailEntity = null;
  if (r.fellBack || !request) history.replaceState(null, '', `#${place.token}`);
  if (place.detailOf === 'GlusterVolume') {
    renderVolumeDetail(content, place.token, req.params);
  } else if (place.contentUrl) {
    const iframe = document.createElement('iframe');
    iframe.className = 'place-frame';
    iframe.title = place.label;
    iframe.src = webadminUrl(place.contentUrl);
    content.append(iframe);
  } else if (place.token === 'volumes') {
    renderVolumes(content);
  } else if (place.token === 'events') {
    revealEvents(content, req.params);
  } else {
    placeholder(place.label, place.token)(content);
  }
  renderMenu();
}

window.addEventListener('hashchange', () => reveal(parseHistoryToken(location.hash)));

function maybeFirstTransition(): void {
  if (firstTransitionAt !== null) return;
  // ApplicationInit.performPlaceTransition: re-scheduled until every pre-load plugin is ready.
  const waiting = [...plugins.values()].some(
    (p) => p.def.enabled && !p.def.lazyLoad && p.state !== 'IN_USE' && p.state !== 'FAILED',
  );
  if (waiting) return;
  // A deferred command in WebAdmin (Scheduler.scheduleDeferred): after the current call returns.
  setTimeout(() => {
    if (firstTransitionAt !== null) return;
    firstTransitionAt = performance.now();
    document.getElementById('loading')?.remove();
    reveal(parseHistoryToken(location.hash));
  }, 0);
}

// ---------------------------------------------------------------- notifications
function showNotification(
  kind: 'alert' | 'toast',
  rawType: unknown,
  message: unknown,
  autoHideMs = 0,
): void {
  const t = typeof rawType === 'string' ? rawType.toLowerCase() : '';
  const type = ['danger', 'warning', 'success', 'info'].includes(t) ? t : 'info';
  const msg = typeof message === 'string' ? message : JSON.stringify(message ?? '');
  notifications.push({ kind, type, message: msg });
  const item = document.createElement('div');
  item.className = `toast toast-${type}`;
  item.setAttribute('role', type === 'danger' ? 'alert' : 'status');
  item.dataset.kind = kind;
  item.textContent = msg; // text, never HTML
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'toast-close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  close.addEventListener('click', () => item.remove());
  item.append(close);
  document.getElementById('toasts')!.append(item);
  const hide = kind === 'toast' ? 8000 : autoHideMs;
  if (hide > 0) setTimeout(() => item.remove(), hide);
  const li = text('li', `${type.toUpperCase()}: ${msg}`);
  document.getElementById('alerts')!.prepend(li);
  document.getElementById('notification-count')!.textContent = String(notifications.length);
}

// ---------------------------------------------------------------- dialogs (showDialog)
function showDialog(
  plugin: string,
  title: string,
  token: string,
  url: string,
  width: string,
  height: string,
  options?: Record<string, unknown>,
): void {
  const host = document.getElementById('dialogs')!;
  const dlg = document.createElement('div');
  dlg.className = 'dialog';
  dlg.dataset.token = token;
  dlg.setAttribute('role', 'dialog');
  dlg.setAttribute('aria-label', title);
  dlg.style.width = width;
  dlg.style.height = height;
  dlg.append(text('h3', title));
  const iframe = document.createElement('iframe');
  iframe.src = webadminUrl(url);
  dlg.append(iframe);
  const footer = document.createElement('div');
  footer.className = 'dialog-buttons';
  const list = Array.isArray(options?.buttons) ? (options.buttons as unknown[]) : [];
  for (const b of list) {
    if (!b || typeof b !== 'object') continue;
    const def = b as { label?: unknown; onClick?: unknown };
    const btn = document.createElement('button');
    btn.textContent = typeof def.label === 'string' ? def.label : ''; // getValueAsString
    // PluginUiFunctions.showDialog :279: onClick().invoke(null, null): errors only logged.
    btn.addEventListener('click', () =>
      invokeJs(def.onClick, def, [], (m) =>
        log('severe', `Error while invoking function: ${m} (${plugin}: dialog button)`),
      ),
    );
    footer.append(btn);
  }
  dlg.append(footer);
  host.append(dlg);
}

// ---------------------------------------------------------------- plugin machinery
function fail(rec: PluginRecord, fn: string, message: string): void {
  // PluginManager.invokePlugin :278-286.
  log(
    'severe',
    `Exception caught while invoking event handler function [${fn}] for plugin [${rec.def.name}]: ${message}`,
  );
  rec.iframe?.remove();
  rec.iframe = null;
  rec.state = 'FAILED';
  log('warning', `Plugin [${rec.def.name}] removed from service due to failure`);
  maybeFirstTransition();
}

function invokeHandler(rec: PluginRecord, event: string, args: unknown[]): boolean {
  if (!EVENT_HANDLERS.has(event)) return true;
  const r = invokeJs(rec.handlers?.[event], rec.handlers, args, (m) => fail(rec, event, m));
  return r.ok;
}

/** Dispatch an event to all plugins; `queue` = now-or-later (delivered once a plugin is IN_USE). */
function dispatch(event: string, args: unknown[], queue: boolean): void {
  for (const rec of plugins.values()) {
    if (rec.state === 'IN_USE') invokeHandler(rec, event, args);
    else if (queue && rec.state !== 'FAILED') rec.queue.push({ event, args });
  }
}

function initPlugin(rec: PluginRecord): void {
  rec.state = 'INITIALIZING';
  if (!invokeHandler(rec, 'UiInit', [])) return;
  rec.state = 'IN_USE';
  for (const q of rec.queue.splice(0)) {
    if ((rec.state as PluginState) !== 'IN_USE') break;
    invokeHandler(rec, q.event, q.args);
  }
}

function makeApi(name: string): Record<string, unknown> {
  const rec = () => plugins.get(name);
  /** validatePluginAction(name, false): INITIALIZING or IN_USE, else silently nothing. */
  const uiAllowed = (fn: string): boolean => {
    const r = rec();
    if (!r) {
      refuse(name, fn, 'no plugin of that name');
      return false;
    }
    if (r.state !== 'INITIALIZING' && r.state !== 'IN_USE') {
      refuse(name, fn, `state ${r.state}: UI functions need ready() first`);
      return false;
    }
    return true;
  };
  /** validatePluginAction(name, true): also while LOADING; returns undefined otherwise. */
  const safeAllowed = (fn: string): boolean => {
    const r = rec();
    const ok =
      r !== undefined &&
      (r.state === 'LOADING' || r.state === 'INITIALIZING' || r.state === 'IN_USE');
    if (!ok) refuse(name, fn, `state ${r?.state ?? 'unknown'}`);
    return ok;
  };

  const addMenuPlace = (
    fn: string,
    menuId: string | null,
    label: unknown,
    token: unknown,
    contentUrl: unknown,
    options: Record<string, unknown> | undefined,
  ): void => {
    if (!uiAllowed(fn)) return;
    const t = String(token);
    const index = priorityIndex(options?.priority);
    // MenuPresenterWidget.addMenuItemPlace: an unknown container gets no menu item, but the
    // place exists (and becomes the default place) all the same.
    if (menuId === null) {
      const icon = typeof options?.icon === 'string' ? options.icon : undefined;
      insertPrimary(menu, index, { id: t, label: String(label), kind: 'place', icon });
    } else {
      const container = menu.find((m) => m.kind === 'container' && m.id === menuId);
      if (container) insertSecondary(container, index, { token: t, label: String(label) });
    }
    places.set(t, {
      token: t,
      label: String(label),
      contentUrl: String(contentUrl),
      plugin: name,
      detailOf: null,
    });
    defaultPlace = t; // PluginUiFunctions.addContentView :128, `defaultPlace` option never read
    renderMenu();
  };

  const addButton = (placeToken: string | null, label: unknown, iface: unknown): void => {
    if (placeToken === null) return; // unknown entity type or detail id: nothing (EntityType)
    const o = iface && typeof iface === 'object' ? (iface as Record<string, unknown>) : {};
    const list = buttons.get(placeToken) ?? [];
    list.push({
      plugin: name,
      label: String(label),
      iface: o,
      index: buttonIndex(o.index),
      id: typeof o.id === 'string' ? o.id : null,
      moreMenu: o.moreMenu === true,
    });
    buttons.set(placeToken, list);
    if (current?.name === placeToken) reveal(current, true);
  };

  const deprecated = (old: string, now: string, fn: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...a: unknown[]) {
      console.warn(`${old} is deprecated, please use ${now} instead.`);
      return fn(...a);
    };

  const api: Record<string, (...a: never[]) => unknown> = {
    register(handlers: unknown) {
      const r = rec();
      if (!r || !handlers || typeof handlers !== 'object') return;
      if (r.handlers) {
        refuse(name, 'register', 'the event handler object is already registered');
        return;
      }
      r.handlers = handlers as Handlers;
    },
    options(o: unknown) {
      const r = rec();
      if (!r || !o || typeof o !== 'object') return;
      const origins = (o as { allowedMessageOrigins?: unknown }).allowedMessageOrigins;
      r.allowedOrigins =
        typeof origins === 'string' ? [origins] : Array.isArray(origins) ? origins.map(String) : [];
    },
    ready() {
      const r = rec();
      if (!r || r.state !== 'LOADING') {
        if (r) refuse(name, 'ready', `state ${r.state}`);
        return;
      }
      if (!r.handlers) {
        refuse(name, 'ready', 'no event handler object registered');
        return;
      }
      r.state = 'READY';
      initPlugin(r);
      renderMenu();
      maybeFirstTransition();
    },
    configObject() {
      const r = rec();
      // The definitions are the host page's JSON: a descriptor without config has none.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      return r ? (JSON.parse(JSON.stringify(r.def.config ?? {})) as Record<string, unknown>) : null;
    },
    addPrimaryMenuPlace(label: unknown, token: unknown, url: unknown, options?: unknown) {
      addMenuPlace('addPrimaryMenuPlace', null, label, token, url, options as never);
    },
    addPrimaryMenuContainer(label: unknown, id: unknown, options?: unknown) {
      if (!uiAllowed('addPrimaryMenuContainer')) return;
      if (menu.some((m) => m.id === String(id))) return; // MenuPresenterWidget :79
      const o = (options ?? {}) as Record<string, unknown>;
      insertPrimary(menu, priorityIndex(o.priority), {
        id: String(id),
        label: String(label),
        kind: 'container',
        icon: typeof o.icon === 'string' ? o.icon : undefined,
        secondary: [{ token: '', label: String(label), header: true }],
      });
      renderMenu();
    },
    addSecondaryMenuPlace(
      menuId: unknown,
      label: unknown,
      token: unknown,
      url: unknown,
      o?: unknown,
    ) {
      addMenuPlace('addSecondaryMenuPlace', String(menuId), label, token, url, o as never);
    },
    addDetailPlace(
      entity: unknown,
      label: unknown,
      token: unknown,
      url: unknown,
      options?: unknown,
    ) {
      if (!uiAllowed('addDetailPlace')) return;
      // PluginUiFunctions.addDetailPlace :134-144: only entity types with a detail panel; the
      // stand-in draws the Gluster volume's (the others are recorded as not modelled).
      if (!ENTITY_TYPES.has(String(entity))) return; // EntityType.Undefined: nothing
      if (entity !== 'GlusterVolume') {
        log('info', `[stand-in] detail places of ${String(entity)} are accepted but not drawn`);
        return;
      }
      const t = String(token);
      const o = (options ?? {}) as Record<string, unknown>;
      volumeTabs.push({
        token: t,
        label: String(label),
        priority: tabPriority(o.priority),
        plugin: name,
        contentUrl: String(url),
        accessible: true,
      });
      places.set(t, {
        token: t,
        label: String(label),
        contentUrl: String(url),
        plugin: name,
        detailOf: 'GlusterVolume',
      });
      if (current && places.get(current.name)?.detailOf === 'GlusterVolume') reveal(current, true);
    },
    setPlaceContentUrl(token: unknown, url: unknown) {
      if (!uiAllowed('setPlaceContentUrl')) return;
      const t = String(token);
      const p = places.get(t);
      if (!p || p.contentUrl === null) return;
      // PluginUiFunctions.setPlaceContentUrl :165-168 (deferred); the presenter of that place
      // sets its frame's URL (DynamicUrlContentPresenter.onSetDynamicTabContentUrl), nothing else.
      setTimeout(() => {
        p.contentUrl = String(url);
        const tab = volumeTabs.find((x) => x.token === t);
        if (tab) tab.contentUrl = String(url);
        if (current?.name !== t) return;
        const frame = document.querySelector<HTMLIFrameElement>('#content iframe.place-frame');
        const href = webadminUrl(String(url));
        if (frame && frame.src !== href) frame.src = href;
      }, 0);
    },
    setPlaceAccessible(token: unknown, accessible: unknown) {
      if (!uiAllowed('setPlaceAccessible')) return;
      // Only dynamic *tabs* listen to SetDynamicTabAccessibleEvent (DynamicTabPresenter); a menu
      // place (DynamicUrlContentPresenter) ignores it.
      const tab = volumeTabs.find((x) => x.token === String(token) && x.plugin !== null);
      if (!tab) return;
      tab.accessible = accessible === true;
      if (current && places.get(current.name)?.detailOf === 'GlusterVolume') reveal(current, true);
    },
    setPlaceUnloadHandler(token: unknown, handler: unknown) {
      if (!uiAllowed('setPlaceUnloadHandler')) return;
      unloadHandlers.set(String(token), handler);
    },
    addMenuPlaceActionButton(entity: unknown, label: unknown, iface: unknown) {
      if (!uiAllowed('addMenuPlaceActionButton')) return;
      addButton(MAIN_PLACE_OF[String(entity)] ?? null, label, iface);
    },
    addDetailPlaceActionButton(entity: unknown, detailId: unknown, label: unknown, iface: unknown) {
      if (!uiAllowed('addDetailPlaceActionButton')) return;
      // EntityType.getSubTabHistoryToken: an unknown detail id is silently nothing.
      const token = SUB_TAB_TOKENS[String(entity)]?.[String(detailId)];
      addButton(token ?? null, label, iface);
    },
    showDialog(title: unknown, token: unknown, url: unknown, w: unknown, h: unknown, o?: unknown) {
      if (!uiAllowed('showDialog')) return;
      const opts = o && typeof o === 'object' ? (o as Record<string, unknown>) : {};
      showDialog(name, String(title), String(token), String(url), String(w), String(h), opts);
    },
    setDialogContentUrl(token: unknown, url: unknown) {
      if (!uiAllowed('setDialogContentUrl')) return;
      const f = document.querySelector<HTMLIFrameElement>(
        `.dialog[data-token="${CSS.escape(String(token))}"] iframe`,
      );
      if (f) f.src = webadminUrl(String(url));
    },
    closeDialog(token: unknown) {
      if (!uiAllowed('closeDialog')) return;
      document.querySelector(`.dialog[data-token="${CSS.escape(String(token))}"]`)?.remove();
    },
    showAlert(type: unknown, message: unknown, options?: unknown) {
      if (!uiAllowed('showAlert')) return;
      const o = (options ?? {}) as { autoHideMs?: unknown };
      showNotification('alert', type, message, typeof o.autoHideMs === 'number' ? o.autoHideMs : 0);
    },
    showToast(type: unknown, message: unknown) {
      if (!uiAllowed('showToast')) return;
      showNotification('toast', type, message);
    },
    revealPlace(token: unknown) {
      if (!uiAllowed('revealPlace')) return;
      // PluginUiFunctions.revealPlace :306-308: the whole string is the name token (no
      // parameters are parsed out of it); an unknown one ends on the default place.
      const t = String(token);
      setTimeout(() => {
        if (places.has(t)) history.pushState(null, '', `#${t}`);
        reveal({ name: t, params: {} });
      }, 0);
    },
    setSearchString(search: unknown) {
      if (!uiAllowed('setSearchString')) return;
      // PluginUiFunctions.setSearchString :313-315: deferred; it moves nowhere by itself.
      const s = String(search);
      setTimeout(() => fireApplySearchString(s), 0);
    },
    loginUserName: () => (safeAllowed('loginUserName') ? userInfo.userName : undefined),
    loginUserId: () => (safeAllowed('loginUserId') ? userInfo.userId : undefined),
    ssoToken: () => (safeAllowed('ssoToken') ? userInfo.ssoToken : undefined),
    engineBaseUrl: () =>
      safeAllowed('engineBaseUrl') ? `${location.origin}/ovirt-engine/` : undefined,
    currentLocale: () => (safeAllowed('currentLocale') ? window.engineLocale : undefined),
    // PluginUiFunctions.getCurrentPlace: the current request's name token; null before the
    // first transition (GWTP PlaceManagerImpl.getCurrentPlaceRequest: an empty request).
    currentPlace: () => (safeAllowed('currentPlace') ? (current?.name ?? null) : undefined),
    rootTag: () =>
      safeAllowed('rootTag')
        ? { name: 'root', description: '', selected: false, children: [] }
        : undefined,
  };
  if (versionAtLeast(engineVersion, LOGGER_SINCE)) {
    // The Plugin class's java.util.logging Logger: messages as they are, no plugin name added.
    api.logger = () => ({
      info: (m: unknown) => log('info', String(m)),
      warning: (m: unknown) => log('warning', String(m)),
      severe: (m: unknown) => log('severe', String(m)),
    });
    api.reportFatalError = (m: unknown) => log('severe', `Plugin fatal error: ${String(m)}`);
  }
  const call =
    (fn: string) =>
    (...a: unknown[]) =>
      (api[fn] as (...x: unknown[]) => unknown)(...a);
  api.addMainTab = deprecated('addMainTab', 'addPrimaryMenuPlace', call('addPrimaryMenuPlace'));
  api.addSubTab = deprecated('addSubTab', 'addDetailPlace', call('addDetailPlace'));
  api.setTabContentUrl = deprecated(
    'setTabContentUrl',
    'setPlaceContentUrl',
    call('setPlaceContentUrl'),
  );
  api.setTabAccessible = deprecated(
    'setTabAccessible',
    'setPlaceAccessible',
    call('setPlaceAccessible'),
  );
  api.addMainTabActionButton = deprecated(
    'addMainTabActionButton',
    'addMenuPlaceActionButton',
    call('addMenuPlaceActionButton'),
  );
  api.addSubTabActionButton = deprecated(
    'addSubTabActionButton',
    'addDetailPlaceActionButton',
    call('addDetailPlaceActionButton'),
  );
  return api;
}

(window as unknown as { pluginApi: typeof makeApi }).pluginApi = makeApi;

window.addEventListener('message', (ev: MessageEvent) => {
  for (const rec of plugins.values()) {
    if (rec.allowedOrigins.includes('*') || rec.allowedOrigins.includes(ev.origin)) {
      if (rec.state === 'IN_USE') invokeHandler(rec, 'MessageReceived', [ev.data, ev.source]);
      else if (rec.state !== 'FAILED')
        rec.queue.push({ event: 'MessageReceived', args: [ev.data, ev.source] });
    }
  }
});

window.__standin = {
  pluginState: (n) => plugins.get(n)?.state,
  refusals,
  logs,
  notifications,
  currentPlace: () => current?.name ?? null,
  defaultPlace: () => defaultPlace,
  firstTransitionAt: () => firstTransitionAt,
};

// ---------------------------------------------------------------- boot
renderMenu();
for (const def of window.pluginDefinitions ?? []) {
  // PluginManager.defineAndLoadPlugin :160-169: empty name/url or an already defined name: skipped.
  // (The host page's JSON, as the engine wrote it from a descriptor: name or url may be missing.)
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (!def.name?.trim() || !def.url?.trim() || plugins.has(def.name)) {
    log('warning', `Plugin [${def.name}] is already defined or has no name or URL`);
    continue;
  }
  const rec: PluginRecord = {
    def,
    state: 'DEFINED',
    handlers: null,
    iframe: null,
    queue: [],
    allowedOrigins: [],
  };
  plugins.set(def.name, rec);
  if (!def.enabled) continue; // defined, never attached
  const iframe = document.createElement('iframe');
  iframe.src = webadminUrl(def.url);
  iframe.setAttribute('frameborder', '0');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.dataset.plugin = def.name;
  Object.assign(iframe.style, {
    position: 'absolute',
    width: '0pt',
    height: '0pt',
    border: 'none',
  });
  rec.iframe = iframe;
  rec.state = 'LOADING';
  document.body.append(iframe);
}
// The user is logged in when the host page loads: UserLogin is queued for every plugin.
dispatch('UserLogin', [userInfo.userName, userInfo.userId], true);
maybeFirstTransition();
