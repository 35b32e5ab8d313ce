// WebAdmin stand-in, browser side: the shell (vertical menu, places as iframes, notifications) and
// window.pluginApi with the rules of oVirt 4.5's PluginManager (ui-plugin-api.md §2-§3):
// - plugin iframes are zero-size, appended to <body>, one per enabled plugin;
// - DEFINED → LOADING → READY → INITIALIZING → IN_USE, FAILED on any escaping exception;
// - register() once; ready() needs a registered handler object; UI functions are refused unless
//   INITIALIZING or IN_USE; safe accessors work while LOADING; logger/reportFatalError always;
// - UiInit right after ready(); UserLogin/UserLogout queued until IN_USE; selection events now-only;
// - with lazyLoad:false, the first place transition waits for every such plugin (no timeout);
// - every plugin menu place becomes the default place (PluginUiFunctions.addContentView).
// A refused call prints a console warning, as WebAdmin does, so tests catch misuse.
import './shell.css';

type PluginState = 'DEFINED' | 'LOADING' | 'READY' | 'INITIALIZING' | 'IN_USE' | 'FAILED';
type Handlers = Record<string, ((...args: unknown[]) => unknown) | undefined>;

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
  onClick?: (...a: unknown[]) => unknown;
  isEnabled?: (...a: unknown[]) => unknown;
  isAccessible?: (...a: unknown[]) => unknown;
  index: number;
  id?: string;
}
interface Place {
  token: string;
  label: string;
  menu: string | null; // primary menu id for secondary places; null for a primary place
  contentUrl: string | null; // null for built-in places
  plugin: string | null;
  render?: (el: HTMLElement) => void;
}
interface PluginRecord {
  def: PluginDef;
  state: PluginState;
  handlers: Handlers | null;
  iframe: HTMLIFrameElement | null;
  queue: { event: string; args: unknown[] }[];
  allowedOrigins: string[];
}

declare global {
  interface Window {
    userInfo: UserInfo;
    pluginDefinitions: PluginDef[];
    engineLocale: string;
    /** For end-to-end tests: what the stand-in saw. */
    __standin: {
      pluginState(name: string): PluginState | undefined;
      warnings: string[];
      notifications: { kind: 'alert' | 'toast'; type: string; message: string }[];
      currentPlace(): string | null;
    };
  }
}

const userInfo = window.userInfo;
const plugins = new Map<string, PluginRecord>();
const places = new Map<string, Place>();
const unloadHandlers = new Map<string, () => void>();
const buttons = new Map<string, ButtonDef[]>(); // entity type -> buttons
const warnings: string[] = [];
const notifications: Window['__standin']['notifications'] = [];
let defaultPlace = 'dashboard-main';
let currentToken: string | null = null;
let firstTransitionDone = false;

function warn(message: string): void {
  warnings.push(message);
  console.warn(message);
}

// ---------------------------------------------------------------- built-in places and menu
const MENU: { id: string; label: string; icon: string; items: [string, string][] }[] = [
  { id: 'dashboard', label: 'Dashboard', icon: '◧', items: [] },
  {
    id: 'compute',
    label: 'Compute',
    icon: '▣',
    items: [
      ['vms', 'Virtual Machines'],
      ['hosts', 'Hosts'],
      ['clusters', 'Clusters'],
      ['dataCenters', 'Data Centers'],
    ],
  },
  { id: 'network', label: 'Network', icon: '⇄', items: [['networks', 'Networks']] },
  {
    id: 'storage',
    label: 'Storage',
    icon: '⛁',
    items: [
      ['storage', 'Domains'],
      ['volumes', 'Volumes'],
      ['disks', 'Disks'],
    ],
  },
  { id: 'admin', label: 'Administration', icon: '⚙', items: [['configure', 'Configure']] },
  { id: 'events', label: 'Events', icon: '⚑', items: [] },
];

function engineGet<T>(rel: string): Promise<T> {
  return fetch(`/ovirt-engine/api/${rel}`, {
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${userInfo.ssoToken}`,
      Filter: 'true',
    },
  }).then(async (r) => {
    if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
    return (await r.json()) as T;
  });
}

function placeholder(title: string): (el: HTMLElement) => void {
  return (el) => {
    el.innerHTML = '';
    const h = document.createElement('h2');
    h.textContent = title;
    const p = document.createElement('p');
    p.className = 'placeholder';
    p.textContent = 'A placeholder of the WebAdmin stand-in.';
    el.append(h, p);
  };
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = content;
  if (className) e.className = className;
  return e;
}

/** Storage › Volumes: the Gluster volumes the user sees, with plugin action buttons, as WebAdmin lists them. */
function renderVolumes(el: HTMLElement): void {
  el.innerHTML = '';
  el.append(text('h2', 'Volumes'));
  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  const status = text('p', 'Loading…', 'placeholder');
  el.append(toolbar, status);
  let selected: { id: string; name: string; clusterId: string }[] = [];
  const drawButtons = () => {
    toolbar.innerHTML = '';
    for (const b of (buttons.get('GlusterVolume') ?? []).sort((a, c) => a.index - c.index)) {
      const accessible = callBool(b, 'isAccessible', selected);
      if (!accessible) continue;
      const btn = document.createElement('button');
      btn.textContent = b.label;
      if (b.id) btn.id = `ActionPanelView_${b.id}`;
      btn.disabled = !callBool(b, 'isEnabled', selected);
      btn.addEventListener('click', () => invokeButton(b, 'onClick', selected));
      toolbar.append(btn);
    }
  };
  drawButtons();
  engineGet<{ cluster?: { id: string; name: string; gluster_service?: string }[] }>('clusters')
    .then(async (cl) => {
      const rows: {
        id: string;
        name: string;
        clusterId: string;
        cluster: string;
        type: string;
        status: string;
      }[] = [];
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
            ? [...selected, { id: r.id, name: r.name, clusterId: r.clusterId }]
            : selected.filter((s) => s.id !== r.id);
          dispatch('GlusterVolumeSelectionChange', [selected], false);
          drawButtons();
        });
        const td = document.createElement('td');
        td.append(cb);
        tr.append(
          td,
          text('td', r.name),
          text('td', r.cluster),
          text('td', r.type),
          text('td', r.status),
        );
        tbody.append(tr);
      }
      table.append(tbody);
      el.append(table);
    })
    .catch((e: unknown) => {
      status.textContent = `Cannot load volumes: ${e instanceof Error ? e.message : String(e)}`;
    });
}

/** Events: the engine's audit log, where the geo-rep service writes one event per action. */
function renderEvents(el: HTMLElement): void {
  el.innerHTML = '';
  el.append(text('h2', 'Events'));
  const status = text('p', 'Loading…', 'placeholder');
  el.append(status);
  engineGet<{ event?: { id: string; time?: string; severity?: string; description?: string }[] }>(
    'events?max=100',
  )
    .then((d) => {
      status.remove();
      const list = document.createElement('table');
      list.className = 'grid';
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
      status.textContent = `Cannot load events: ${e instanceof Error ? e.message : String(e)}`;
    });
}

for (const m of MENU) {
  if (m.items.length === 0) {
    const token = m.id === 'dashboard' ? 'dashboard-main' : m.id;
    places.set(token, {
      token,
      label: m.label,
      menu: null,
      contentUrl: null,
      plugin: null,
      render: m.id === 'events' ? renderEvents : placeholder(m.label),
    });
  }
  for (const [token, label] of m.items) {
    places.set(token, {
      token,
      label,
      menu: m.id,
      contentUrl: null,
      plugin: null,
      render: token === 'volumes' ? renderVolumes : placeholder(label),
    });
  }
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

function renderMenu(): void {
  const ul = document.getElementById('menu')!;
  ul.innerHTML = '';
  for (const m of MENU) {
    const li = document.createElement('li');
    li.className = 'menu-primary';
    const secondary = [...places.values()].filter((p) => p.menu === m.id);
    if (secondary.length === 0) {
      const a = document.createElement('a');
      const token = m.id === 'dashboard' ? 'dashboard-main' : m.id;
      a.href = `#${token}`;
      a.textContent = `${m.icon} ${m.label}`;
      if (currentToken === token) a.setAttribute('aria-current', 'page');
      li.append(a);
    } else {
      li.append(text('span', `${m.icon} ${m.label}`, 'menu-title'));
      const sub = document.createElement('ul');
      for (const p of secondary) {
        const a = document.createElement('a');
        a.href = `#${p.token}`;
        a.textContent = p.label;
        a.dataset.token = p.token;
        if (currentToken === p.token) a.setAttribute('aria-current', 'page');
        const sli = document.createElement('li');
        sli.append(a);
        sub.append(sli);
      }
      li.append(sub);
    }
    ul.append(li);
  }
  // Primary places added by plugins.
  for (const p of places.values()) {
    if (p.plugin && p.menu === null) {
      const li = document.createElement('li');
      li.className = 'menu-primary';
      const a = document.createElement('a');
      a.href = `#${p.token}`;
      a.textContent = p.label;
      li.append(a);
      ul.append(li);
    }
  }
}

function revealPlace(token: string): void {
  if (!firstTransitionDone) return;
  const place = places.get(token) ?? places.get(defaultPlace) ?? places.get('dashboard-main')!;
  if (currentToken && currentToken !== place.token) {
    const unload = unloadHandlers.get(currentToken);
    if (unload) guarded(places.get(currentToken)?.plugin ?? null, 'unloadHandler', () => unload());
  }
  currentToken = place.token;
  if (location.hash.slice(1) !== place.token) history.replaceState(null, '', `#${place.token}`);
  const content = document.getElementById('content')!;
  content.innerHTML = '';
  if (place.contentUrl) {
    const iframe = document.createElement('iframe');
    iframe.className = 'place-frame';
    iframe.title = place.label;
    iframe.src = new URL(place.contentUrl, `${location.origin}/ovirt-engine/webadmin/`).href;
    content.append(iframe);
  } else {
    place.render?.(content);
  }
  renderMenu();
}

window.addEventListener('hashchange', () => revealPlace(location.hash.slice(1)));

function maybeFirstTransition(): void {
  if (firstTransitionDone) return;
  // WebAdmin waits for every non-lazy plugin (no timeout: a plugin that never calls ready() freezes it).
  const waiting = [...plugins.values()].some(
    (p) => p.def.enabled && !p.def.lazyLoad && p.state !== 'IN_USE' && p.state !== 'FAILED',
  );
  if (waiting) return;
  firstTransitionDone = true;
  document.getElementById('loading')?.remove();
  revealPlace(location.hash.slice(1) || defaultPlace);
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
  iframe.src = new URL(url, `${location.origin}/ovirt-engine/webadmin/`).href;
  dlg.append(iframe);
  const footer = document.createElement('div');
  footer.className = 'dialog-buttons';
  for (const b of (options?.buttons as { label: string; onClick?: () => void }[] | undefined) ??
    []) {
    const btn = document.createElement('button');
    btn.textContent = b.label;
    btn.addEventListener('click', () => guarded(plugin, 'dialog button', () => b.onClick?.()));
    footer.append(btn);
  }
  dlg.append(footer);
  host.append(dlg);
}

// ---------------------------------------------------------------- plugin machinery
function fail(rec: PluginRecord, why: string): void {
  warn(`Plugin [${rec.def.name}] failed: ${why}. The plugin is removed.`);
  rec.state = 'FAILED';
  rec.iframe?.remove();
  rec.iframe = null;
  maybeFirstTransition();
}

function guarded(pluginName: string | null, what: string, fn: () => unknown): unknown {
  const rec = pluginName ? plugins.get(pluginName) : undefined;
  try {
    return fn();
  } catch (e) {
    if (rec) fail(rec, `exception in ${what}: ${e instanceof Error ? e.message : String(e)}`);
    else warn(`exception in ${what}: ${String(e)}`);
    return undefined;
  }
}

function invokeHandler(rec: PluginRecord, event: string, args: unknown[]): void {
  const fn = rec.handlers?.[event];
  if (typeof fn !== 'function') return;
  guarded(rec.def.name, `event handler ${event}`, () => fn.apply(rec.handlers, args));
}

/** Dispatch an event to all plugins; `queue` = now-or-later (delivered once a plugin is IN_USE). */
function dispatch(event: string, args: unknown[], queue: boolean): void {
  for (const rec of plugins.values()) {
    if (rec.state === 'IN_USE') invokeHandler(rec, event, args);
    else if (queue && rec.state !== 'FAILED') rec.queue.push({ event, args });
  }
}

function callBool(
  b: ButtonDef,
  member: 'isEnabled' | 'isAccessible',
  selected: unknown[],
): boolean {
  const fn = b[member];
  if (typeof fn !== 'function') return true;
  const r = guarded(b.plugin, `button ${member}`, () => fn([...selected], undefined));
  return typeof r === 'boolean' ? r : true; // a non-boolean falls back to the default, as JsFunction does
}

function invokeButton(b: ButtonDef, member: 'onClick', selected: unknown[]): void {
  const fn = b[member];
  if (typeof fn === 'function')
    guarded(b.plugin, `button ${member}`, () => fn([...selected], undefined));
}

function initPlugin(rec: PluginRecord): void {
  rec.state = 'INITIALIZING';
  invokeHandler(rec, 'UiInit', []);
  if ((rec.state as PluginState) === 'FAILED') return;
  rec.state = 'IN_USE';
  const queued = rec.queue.splice(0);
  for (const q of queued) invokeHandler(rec, q.event, q.args);
  renderMenu();
  maybeFirstTransition();
}

const SAFE_ACCESSORS = new Set([
  'loginUserName',
  'loginUserId',
  'ssoToken',
  'engineBaseUrl',
  'currentLocale',
  'currentPlace',
  'rootTag',
]);

function makeApi(name: string): Record<string, unknown> {
  const rec = plugins.get(name);
  const uiAllowed = (fn: string): boolean => {
    if (!rec) {
      warn(`${fn}: no plugin named [${name}]`);
      return false;
    }
    if (rec.state !== 'INITIALIZING' && rec.state !== 'IN_USE') {
      warn(
        `Plugin [${name}] invoked ${fn} in state ${rec.state}: ignored (UI functions need ready() first)`,
      );
      return false;
    }
    return true;
  };
  const safeAllowed = (fn: string): boolean => {
    if (!rec || rec.state === 'FAILED' || rec.state === 'DEFINED') {
      warn(`Plugin [${name}] invoked ${fn} in state ${rec?.state ?? 'unknown'}: ignored`);
      return false;
    }
    return SAFE_ACCESSORS.has(fn);
  };
  const addPlace = (
    fn: string,
    menu: string | null,
    label: string,
    token: string,
    contentUrl: string,
  ): void => {
    if (!uiAllowed(fn)) return;
    if (places.has(token)) {
      warn(`${fn}: a place with history token [${token}] already exists`);
      return;
    }
    if (menu !== null && !MENU.some((m) => m.id === menu))
      warn(`${fn}: unknown primary menu [${menu}]`);
    places.set(token, {
      token,
      label: String(label),
      menu,
      contentUrl: String(contentUrl),
      plugin: name,
    });
    // PluginUiFunctions.addContentView sets the default place unconditionally.
    defaultPlace = token;
    renderMenu();
  };
  const deprecated = (old: string, now: string) => () =>
    warn(`${old} is deprecated, please use ${now} instead.`);

  return {
    register(handlers: Handlers) {
      if (!rec) return warn(`register: no plugin named [${name}]`);
      if (rec.handlers) return warn(`Plugin [${name}] called register() again: ignored`);
      if (!handlers || typeof handlers !== 'object')
        return warn(`Plugin [${name}] register() needs an object`);
      rec.handlers = handlers;
    },
    options(o: { allowedMessageOrigins?: string | string[] }) {
      if (!rec) return;
      const origins = o?.allowedMessageOrigins;
      rec.allowedOrigins =
        typeof origins === 'string' ? [origins] : Array.isArray(origins) ? origins.map(String) : [];
    },
    ready() {
      if (!rec) return;
      if (!rec.handlers) return warn(`Plugin [${name}] called ready() before register(): ignored`);
      if (rec.state !== 'LOADING')
        return warn(`Plugin [${name}] called ready() in state ${rec.state}: ignored`);
      rec.state = 'READY';
      initPlugin(rec);
    },
    configObject() {
      return rec
        ? (JSON.parse(JSON.stringify(rec.def.config ?? {})) as Record<string, unknown>)
        : {};
    },
    addPrimaryMenuPlace(label: string, token: string, url: string) {
      addPlace('addPrimaryMenuPlace', null, label, token, url);
    },
    addPrimaryMenuContainer() {
      if (!uiAllowed('addPrimaryMenuContainer')) return;
      warn('addPrimaryMenuContainer: not modelled by the stand-in');
    },
    addSecondaryMenuPlace(menu: string, label: string, token: string, url: string) {
      addPlace('addSecondaryMenuPlace', String(menu), label, token, url);
    },
    addDetailPlace() {
      if (!uiAllowed('addDetailPlace')) return;
      warn('addDetailPlace: detail places are not modelled by the stand-in');
    },
    setPlaceContentUrl(token: string, url: string) {
      if (!uiAllowed('setPlaceContentUrl')) return;
      const p = places.get(token);
      if (p?.plugin === name) p.contentUrl = String(url);
    },
    setPlaceAccessible(token: string) {
      if (!uiAllowed('setPlaceAccessible')) return;
      // Menu places have no accessibility logic in WebAdmin (ui-plugin-api.md §6): a no-op for them.
      if (places.get(token)?.menu !== undefined) return;
    },
    setPlaceUnloadHandler(token: string, handler: () => void) {
      if (!uiAllowed('setPlaceUnloadHandler')) return;
      if (typeof handler === 'function') unloadHandlers.set(token, handler);
    },
    addMenuPlaceActionButton(entity: string, label: string, b: Partial<ButtonDef>) {
      if (!uiAllowed('addMenuPlaceActionButton')) return;
      const list = buttons.get(entity) ?? [];
      list.push({
        plugin: name,
        label: String(label),
        onClick: b?.onClick,
        isEnabled: b?.isEnabled,
        isAccessible: b?.isAccessible,
        index: typeof b?.index === 'number' ? b.index : Number.MAX_SAFE_INTEGER,
        id: b?.id,
      });
      buttons.set(entity, list);
      if (currentToken === 'volumes' && entity === 'GlusterVolume') revealPlace('volumes');
    },
    addDetailPlaceActionButton() {
      if (!uiAllowed('addDetailPlaceActionButton')) return;
    },
    showDialog(
      title: string,
      token: string,
      url: string,
      width: string,
      height: string,
      options?: Record<string, unknown>,
    ) {
      if (!uiAllowed('showDialog')) return;
      showDialog(
        name,
        String(title),
        String(token),
        String(url),
        String(width),
        String(height),
        options,
      );
    },
    setDialogContentUrl(token: string, url: string) {
      if (!uiAllowed('setDialogContentUrl')) return;
      const f = document.querySelector<HTMLIFrameElement>(
        `.dialog[data-token="${CSS.escape(token)}"] iframe`,
      );
      if (f) f.src = new URL(url, `${location.origin}/ovirt-engine/webadmin/`).href;
    },
    closeDialog(token: string) {
      if (!uiAllowed('closeDialog')) return;
      document.querySelector(`.dialog[data-token="${CSS.escape(token)}"]`)?.remove();
    },
    showAlert(type: string, message: string, options?: { autoHideMs?: number }) {
      if (!uiAllowed('showAlert')) return;
      showNotification(
        'alert',
        type,
        message,
        typeof options?.autoHideMs === 'number' ? options.autoHideMs : 0,
      );
    },
    showToast(type: string, message: string) {
      if (!uiAllowed('showToast')) return;
      showNotification('toast', type, message);
    },
    revealPlace(token: string) {
      if (!uiAllowed('revealPlace')) return;
      location.hash = `#${token}`;
    },
    setSearchString() {
      if (!uiAllowed('setSearchString')) return;
    },
    loginUserName: () => (safeAllowed('loginUserName') ? userInfo.userName : null),
    loginUserId: () => (safeAllowed('loginUserId') ? userInfo.userId : null),
    ssoToken: () => (safeAllowed('ssoToken') ? userInfo.ssoToken : null),
    engineBaseUrl: () => (safeAllowed('engineBaseUrl') ? `${location.origin}/ovirt-engine/` : null),
    currentLocale: () => (safeAllowed('currentLocale') ? window.engineLocale : null),
    currentPlace: () => (safeAllowed('currentPlace') ? currentToken : null),
    rootTag: () =>
      safeAllowed('rootTag')
        ? { name: 'root', description: '', selected: false, children: [] }
        : null,
    logger: () => ({
      info: (m: string) => console.info(`[${name}] ${m}`),
      warning: (m: string) => console.warn(`[${name}] ${m}`),
      severe: (m: string) => console.error(`[${name}] ${m}`),
    }),
    reportFatalError: (m: string) => console.error(`[${name}] FATAL ${m}`),
    addMainTab: deprecated('addMainTab', 'addPrimaryMenuPlace'),
    addSubTab: deprecated('addSubTab', 'addDetailPlace'),
    setTabContentUrl: deprecated('setTabContentUrl', 'setPlaceContentUrl'),
    setTabAccessible: deprecated('setTabAccessible', 'setPlaceAccessible'),
    addMainTabActionButton: deprecated('addMainTabActionButton', 'addMenuPlaceActionButton'),
    addSubTabActionButton: deprecated('addSubTabActionButton', 'addDetailPlaceActionButton'),
  };
}

(window as unknown as { pluginApi: typeof makeApi }).pluginApi = makeApi;

window.addEventListener('message', (ev: MessageEvent) => {
  for (const rec of plugins.values()) {
    if (rec.allowedOrigins.includes('*') || rec.allowedOrigins.includes(ev.origin)) {
      if (rec.state === 'IN_USE') invokeHandler(rec, 'MessageReceived', [ev.data, ev.source]);
      else rec.queue.push({ event: 'MessageReceived', args: [ev.data, ev.source] });
    }
  }
});

window.__standin = {
  pluginState: (n) => plugins.get(n)?.state,
  warnings,
  notifications,
  currentPlace: () => currentToken,
};

// ---------------------------------------------------------------- boot
renderMenu();
for (const def of window.pluginDefinitions ?? []) {
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
  iframe.src = new URL(def.url, `${location.origin}/ovirt-engine/webadmin/`).href;
  iframe.frameBorder = '0';
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
