// The SSO token endpoint (`/ovirt-engine/sso/oauth/token`), password grant only, with the engine
// SSO's error shapes: HTTP 400 and `{error_code, error}` when the request asks for the REST API
// scope (ovirt-app-api), `{error, error_description}` otherwise. Parameters come from the query
// string or a form-urlencoded body, as the servlet reads them; a JSON body is not read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Lab, LabUser } from '../lab';
import { Directory } from './directory';
import type { TokenStore } from './tokens';

export const TOKEN_PATH = '/ovirt-engine/sso/oauth/token';

/** The scope WebAdmin's own session token carries (what `api.ssoToken()` hands to plugins). */
export const WEBADMIN_SCOPE = [
  'ovirt-app-admin',
  'ovirt-app-portal',
  'ovirt-ext=auth:sequence-priority=~',
  'ovirt-ext=revoke:revoke-all',
  'ovirt-ext=token-info:authz-search',
  'ovirt-ext=token-info:public-authz-search',
  'ovirt-ext=token-info:validate',
  'ovirt-ext=token:password-access',
].join(' ');

class SsoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const UNSUPPORTED_GRANT =
  'The authorization grant type is not supported by the authorization server.';
const missing = (name: string): SsoError =>
  new SsoError('invalid_request', `Missing parameter: '${name}'`);

const scopeList = (scope: string): string[] => scope.trim().split(/\s+/).filter(Boolean);

/** The granted scope: the requested one plus its dependencies, sorted, as the SSO resolves it. */
function resolveScope(scope: string): string {
  const out = new Set(scopeList(scope));
  for (const s of [...out])
    if (s.startsWith('ovirt-app-')) out.add('ovirt-ext=token-info:validate');
  return [...out].sort().join(' ');
}

function isRestApiScope(scope: string): boolean {
  const l = scopeList(scope);
  return (
    l.includes('ovirt-app-api') && !l.includes('ovirt-app-admin') && !l.includes('ovirt-app-portal')
  );
}

export class Sso {
  constructor(
    private readonly lab: Lab,
    private readonly tokens: TokenStore,
    private readonly directory: Directory = new Directory(lab),
  ) {}

  /** The lab user for these credentials, or an access_denied error worded as the engine's SSO words it. */
  authenticate(userName: string, password: string): LabUser {
    const at = userName.lastIndexOf('@');
    const name = at < 0 ? userName : userName.slice(0, at);
    const profile = at < 0 ? '' : userName.slice(at + 1);
    const profiles = new Set(
      this.lab.users.map((u) => u.user_name.slice(u.user_name.lastIndexOf('@') + 1)),
    );
    const fail = (why: string): SsoError =>
      new SsoError(
        'access_denied',
        `Cannot authenticate user '${name}@${profile || 'N/A'}': ${why}.`,
      );
    if (!name) throw fail('No user name found in credentials.');
    if (!profile || !profiles.has(profile)) throw fail('No valid profile found in credentials.');
    // A user ovirt-aaa-jdbc-tool added: checked against the directory (aaa-jdbc's Authentication;
    // an expired password is AuthnMessageMapper's USER_PASSWORD_EXPIRED), entered in the engine's
    // users on its first login.
    const entry = this.directory.lookup(profile, name);
    if (entry) {
      const v = this.directory.check(name, password);
      if (v === 'expired') throw fail('Unable to log in because the password has expired');
      if (v !== 'ok') throw fail('The username or password is incorrect.');
      return this.directory.dbUser(profile, name, entry);
    }
    const user = this.lab.users.find((u) => u.user_name === userName);
    if (!user || user.password !== password) throw fail('The username or password is incorrect.');
    return user;
  }

  /** For callers inside the process (the WebAdmin stand-in): a token with WebAdmin's scope. */
  login(userName: string, password: string): string | null {
    try {
      const user = this.authenticate(userName, password);
      return this.tokens.issue(user.id, WEBADMIN_SCOPE).token;
    } catch (e) {
      if (e instanceof SsoError) return null;
      throw e;
    }
  }

  register(app: FastifyInstance): void {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(
          null,
          Object.fromEntries(
            new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8')),
          ),
        );
      },
    );
    app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
      // Unreadable requests (e.g. a media type the servlet would not parse) answer like a missing grant.
      const status = err.statusCode ?? 500;
      if (status >= 500) req.log.error({ err }, 'SSO emulator failure');
      void reply
        .code(400)
        .send(
          this.errorBody(
            paramsOf(req).scope ?? '',
            new SsoError(status >= 500 ? 'server_error' : 'invalid_request', err.message),
          ),
        );
    });
    app.route({
      method: ['GET', 'POST'],
      url: TOKEN_PATH,
      // The password may travel in the query string: keep it out of the request log.
      logSerializers: {
        req: (req: { method?: string; url?: string }) => ({
          method: req.method,
          url: req.url?.split('?')[0],
        }),
      },
      handler: (req, reply) => this.token(req, reply),
    });
    // Everything else under /ovirt-engine/sso (authorize, revoke, token-info, ...) is not emulated.
    app.all('/ovirt-engine/sso/*', (_req, reply) =>
      reply.code(404).send({ error_code: 'not_found', error: 'Not found' }),
    );
  }

  private token(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    const p = paramsOf(req);
    const scope = p.scope ?? '';
    try {
      // A missing grant_type falls through to "unsupported", as in the servlet.
      if (p.grant_type !== 'password')
        throw new SsoError('unsupported_grant_type', UNSUPPORTED_GRANT);
      if (p.username === undefined) throw missing('username');
      if (p.password === undefined) throw missing('password');
      const user = this.authenticate(p.username, p.password);
      const granted = resolveScope(scope);
      const { token, entry } = this.tokens.issue(user.id, granted);
      return reply.code(200).send({
        access_token: token,
        scope: granted,
        exp: String(entry.exp),
        token_type: 'bearer',
      });
    } catch (e) {
      if (!(e instanceof SsoError)) throw e;
      return reply.code(400).send(this.errorBody(scope, e));
    }
  }

  private errorBody(scope: string, e: SsoError): Record<string, string> {
    return isRestApiScope(scope)
      ? { error_code: e.code, error: e.message }
      : { error: e.code, error_description: e.message };
  }
}

/** Request parameters as the servlet sees them: query string, then a form body. */
function paramsOf(req: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const add = (src: unknown): void => {
    if (!src || typeof src !== 'object') return;
    for (const [k, v] of Object.entries(src as Record<string, unknown>)) {
      const first: unknown = Array.isArray(v) ? v[0] : v;
      if (typeof first === 'string' && out[k] === undefined) out[k] = first;
    }
  };
  add(req.query);
  if (/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? ''))
    add(req.body);
  return out;
}
