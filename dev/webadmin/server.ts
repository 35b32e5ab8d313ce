// WebAdmin stand-in, server side: a login page in the manner of oVirt's SSO, the host page that
// carries the user's SSO token and the plugin definitions (as GwtHostPage.jsp does), and plugin
// resources served from each plugin's resourcePath under /ovirt-engine/webadmin/plugin/<name>/.
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadPluginDefinitions } from './plugins';

export interface SsoProvider {
  login(userName: string, password: string): string | null;
  userForToken(token: string): { id: string; user_name: string } | null;
  revoke(token: string): void;
}

export interface WebAdminOptions {
  sso: SsoProvider;
  /** Descriptor folder (the engine's /usr/share/ovirt-engine/ui-plugins). */
  pluginsDir: string;
  /** User config folder (the engine's /etc/ovirt-engine/ui-plugins); optional. */
  pluginsConfigDir: string | null;
  /** The stand-in's own built shell (webadmin.js, webadmin.css). */
  shellDir: string;
  /** The engine version WebAdmin is part of (what the pluginApi offers depends on it). */
  engineVersion: () => string;
}

const COOKIE = 'standin_sso';
const BASE = '/ovirt-engine/webadmin';

function cookieToken(req: FastifyRequest): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** JSON that is safe inside a <script> element. */
const scriptJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function loginPage(error: string | null, userName = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>oVirt Engine - Log In</title>
<link rel="stylesheet" href="${BASE}/standin/webadmin.css"></head>
<body class="login-body">
<main class="login-card">
  <h1>oVirt <span>Open Virtualization Manager</span></h1>
  <p class="login-note">Development stand-in for WebAdmin: demo users are listed in the project's README.</p>
  ${error ? `<div class="login-error" role="alert">${escapeHtml(error)}</div>` : ''}
  <form method="post" action="${BASE}/login">
    <label for="username">Username</label>
    <input id="username" name="username" autocomplete="username" value="${escapeHtml(userName)}" required autofocus>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <input type="hidden" id="hash" name="hash" value="">
    <button type="submit">Log In</button>
  </form>
</main>
<script>document.getElementById('hash').value = location.hash.slice(1);</script>
</body></html>`;
}

export async function registerWebAdmin(app: FastifyInstance, opts: WebAdminOptions): Promise<void> {
  await app.register(fastifyStatic, {
    root: opts.shellDir,
    prefix: `${BASE}/standin/`,
    decorateReply: true,
    cacheControl: false,
    setHeaders: (reply) => void reply.header('Cache-Control', 'no-cache'),
  });

  // Form posts from the login page.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  const sessionUser = (req: FastifyRequest) => {
    const token = cookieToken(req);
    const user = token ? opts.sso.userForToken(token) : null;
    return user && token ? { user, token } : null;
  };

  app.get('/', (_req, reply) => reply.redirect(`${BASE}/`));
  app.get('/ovirt-engine', (_req, reply) => reply.redirect(`${BASE}/`));
  app.get('/ovirt-engine/', (_req, reply) => reply.redirect(`${BASE}/`));
  app.get(BASE, (_req, reply) => reply.redirect(`${BASE}/`));

  app.get(`${BASE}/login`, (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(loginPage(null)),
  );

  app.post<{ Body: Record<string, unknown> | undefined }>(`${BASE}/login`, (req, reply) => {
    const body = req.body ?? {};
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    const userName = text(body.username).trim();
    const password = text(body.password);
    // WebAdmin's login accepts "user" for the internal domain too.
    const fullName = userName.includes('@') ? userName : `${userName}@internal`;
    const token = userName && password ? opts.sso.login(fullName, password) : null;
    if (!token) {
      return reply
        .code(401)
        .type('text/html; charset=utf-8')
        .send(loginPage('The user name or password is incorrect.', userName));
    }
    const hash = text(body.hash).replace(/[^\w\-;=.]/g, '');
    return reply
      .header(
        'Set-Cookie',
        `${COOKIE}=${encodeURIComponent(token)}; Path=${BASE}; HttpOnly; SameSite=Strict`,
      )
      .redirect(`${BASE}/${hash ? `#${hash}` : ''}`, 303);
  });

  app.post(`${BASE}/logout`, (req, reply) => {
    const token = cookieToken(req);
    if (token) opts.sso.revoke(token);
    return reply
      .header('Set-Cookie', `${COOKIE}=; Path=${BASE}; HttpOnly; SameSite=Strict; Max-Age=0`)
      .redirect(`${BASE}/login`, 303);
  });

  // The host page (WebAdmin.html): plugin definitions re-read on every request, as the engine does.
  app.get<{ Querystring: { locale?: string } }>(`${BASE}/`, (req, reply) => {
    const session = sessionUser(req);
    if (!session) return reply.redirect(`${BASE}/login`);
    const defs = loadPluginDefinitions(opts.pluginsDir, opts.pluginsConfigDir, (m) =>
      req.log.warn(m),
    );
    const pluginDefinitions = defs.map(({ name, url, config, lazyLoad, enabled }) => ({
      name,
      url,
      config,
      lazyLoad,
      enabled,
    }));
    const locale = /^[a-z]{2}[_-][A-Z]{2}$/.test(req.query.locale ?? '')
      ? req.query.locale!.replace('_', '-')
      : 'en-US';
    const userInfo = {
      userName: session.user.user_name,
      userId: session.user.id,
      ssoToken: session.token,
    };
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store')
      .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>oVirt Open Virtualization Manager</title>
<link rel="stylesheet" href="${BASE}/standin/webadmin.css"></head>
<body>
<script>var userInfo = ${scriptJson(userInfo)}; var pluginDefinitions = ${scriptJson(pluginDefinitions)}; var engineLocale = ${scriptJson(locale)}; var engineVersion = ${scriptJson(opts.engineVersion())};</script>
<script src="${BASE}/standin/webadmin.js"></script>
</body></html>`);
  });

  // Plugin resources: /plugin/<name>/<file> from that plugin's resourcePath, never cached.
  const servePluginFile = (
    req: FastifyRequest<{ Params: { name: string; '*': string } }>,
    reply: FastifyReply,
  ) => {
    const defs = loadPluginDefinitions(opts.pluginsDir, opts.pluginsConfigDir, () => undefined);
    const def = defs.find((d) => d.name === req.params.name);
    const file = req.params['*'];
    const root = def?.resourceDir;
    const resolved = root ? path.resolve(root, file) : null;
    if (!root || !resolved || !resolved.startsWith(root + path.sep)) {
      return reply.code(404).type('text/plain').send('Not found');
    }
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile(path.relative(root, resolved), root);
  };
  app.get(`${BASE}/plugin/:name/*`, servePluginFile);
}
