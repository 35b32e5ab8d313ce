// The SSO token endpoint and bearer authentication of the engine emulator.
import { defaultLab } from '../../../../dev/lab';
import { body, harness, type Harness } from '../../../support/engine-harness';

const TOKEN_URL = '/ovirt-engine/sso/oauth/token';
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

describe('engine emulator: SSO token endpoint', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('grants a bearer token for good credentials (form body), usable on the API', async () => {
    const before = Date.now();
    const res = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      payload: form({
        grant_type: 'password',
        username: 'admin@internal',
        password: 'admin',
        scope: 'ovirt-app-api',
      }),
    });
    expect(res.statusCode).toBe(200);
    const b = body(res);
    expect(Object.keys(b).sort()).toEqual(['access_token', 'exp', 'scope', 'token_type']);
    expect(b.token_type).toBe('bearer');
    expect(b.scope).toBe('ovirt-app-api ovirt-ext=token-info:validate');
    expect(b.access_token).toMatch(/^[A-Za-z0-9_-]{86}$/);
    // exp: milliseconds since the epoch, as a string, about ten hours away by default.
    expect(typeof b.exp).toBe('string');
    const exp = Number(b.exp);
    expect(exp).toBeGreaterThanOrEqual(before + 10 * 3600_000 - 1000);
    expect(exp).toBeLessThanOrEqual(Date.now() + 10 * 3600_000);

    const token = b.access_token as string;
    expect(h.engine.userForToken(token)?.user_name).toBe('admin@internal');
    const api = await h.app.inject({
      url: '/ovirt-engine/api',
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    expect(api.statusCode).toBe(200);
  });

  it('reads the parameters from the query string too', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `${TOKEN_URL}?${form({ grant_type: 'password', username: 'glusterviewer@internal', password: 'glusterviewer', scope: 'ovirt-app-api' })}`,
    });
    expect(res.statusCode).toBe(200);
    expect(h.engine.userForToken(body(res).access_token as string)?.id).toBe(
      'f45780d3-e140-36fc-9943-6fa47e83138a',
    );
  });

  it('refuses a bad password with 400 access_denied, in the REST API scope error shape', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        grant_type: 'password',
        username: 'admin@internal',
        password: 'nope',
        scope: 'ovirt-app-api',
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(body(res)).toEqual({
      error_code: 'access_denied',
      error: "Cannot authenticate user 'admin@internal': The username or password is incorrect..",
    });
    expect(h.engine.login('admin@internal', 'nope')).toBeNull();
  });

  it('uses the OAuth error shape outside the REST API scope, and words profile errors as the SSO does', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ grant_type: 'password', username: 'admin', password: 'admin' }),
    });
    expect(res.statusCode).toBe(400);
    expect(body(res)).toEqual({
      error: 'access_denied',
      error_description:
        "Cannot authenticate user 'admin@N/A': No valid profile found in credentials..",
    });
  });

  it('refuses other grant types and missing parameters', async () => {
    const grant = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      query: { grant_type: 'client_credentials', scope: 'ovirt-app-api' },
    });
    expect(grant.statusCode).toBe(400);
    expect(body(grant).error_code).toBe('unsupported_grant_type');
    const noPassword = await h.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      query: { grant_type: 'password', username: 'admin@internal', scope: 'ovirt-app-api' },
    });
    expect(noPassword.statusCode).toBe(400);
    expect(body(noPassword)).toEqual({
      error_code: 'invalid_request',
      error: "Missing parameter: 'password'",
    });
  });

  it('does not read a JSON body, as the servlet does not', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `${TOKEN_URL}?scope=ovirt-app-api`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        grant_type: 'password',
        username: 'admin@internal',
        password: 'admin',
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(body(res).error_code).toBe('unsupported_grant_type');
  });

  it('keeps the password out of the request log', async () => {
    const lines: string[] = [];
    const logged = await harness({ logStream: { write: (s) => void lines.push(s) } });
    try {
      const res = await logged.app.inject({
        method: 'GET',
        url: `${TOKEN_URL}?${form({ grant_type: 'password', username: 'admin@internal', password: 'admin-secret-pw', scope: 'ovirt-app-api' })}`,
      });
      expect(res.statusCode).toBe(400);
      expect(lines.join('\n')).toContain('/ovirt-engine/sso/oauth/token');
      expect(lines.join('\n')).not.toContain('admin-secret-pw');
    } finally {
      await logged.close();
    }
  });
});

describe('engine emulator: bearer authentication of the REST API', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('answers 401 as the web container does without a token, with an unknown token, and with Basic credentials', async () => {
    h = await harness();
    for (const authorization of [
      undefined,
      'Bearer not-a-token',
      `Basic ${Buffer.from('admin@internal:admin').toString('base64')}`,
    ]) {
      const res = await h.app.inject({
        url: '/ovirt-engine/api/clusters',
        headers: { accept: 'application/json', ...(authorization ? { authorization } : {}) },
      });
      // EnforceAuthFilter's sendError(401[, message]): the web container's HTML page, a Basic
      // challenge, never the engine's JSON fault.
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="RESTAPI"');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe(
        authorization?.startsWith('Bearer')
          ? '<html><head><title>Error</title></head><body>invalid_grant: The provided authorization grant for the auth code has expired.</body></html>'
          : '<html><head><title>Error</title></head><body>Unauthorized</body></html>',
      );
    }
    // Unknown paths too: authentication comes first.
    expect((await h.app.inject({ url: '/ovirt-engine/api/nothing-here' })).statusCode).toBe(401);
  });

  it('stops accepting a revoked token', async () => {
    h = await harness();
    expect((await h.get('admin@internal', '/clusters')).statusCode).toBe(200);
    h.engine.revoke(h.token('admin@internal'));
    expect(h.engine.userForToken(h.token('admin@internal'))).toBeNull();
    expect((await h.get('admin@internal', '/clusters')).statusCode).toBe(401);
  });

  it('stops accepting an expired token', async () => {
    h = await harness({ tokenTtlMs: 20 });
    const t = h.token('admin@internal');
    expect(h.engine.userForToken(t)?.id).toBe('59c035ea-763e-3ad9-a8e6-532bf4d0cdba');
    await new Promise((r) => setTimeout(r, 40));
    expect(h.engine.userForToken(t)).toBeNull();
    expect((await h.get('admin@internal', '/clusters')).statusCode).toBe(401);
  });

  it('grants a token to a user with no permission, but the API refuses the session (no login permit)', async () => {
    const lab = defaultLab();
    lab.users.push({
      id: 'u-nobody',
      user_name: 'nobody@internal',
      password: 'nobody',
      first_name: 'No',
      last_name: 'Body',
    });
    h = await harness({ lab });
    const t = h.engine.login('nobody@internal', 'nobody');
    expect(t).not.toBeNull();
    const res = await h.get('nobody@internal', '/clusters');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('The user nobody@internal is not authorized to perform login.');
  });

  it('answers 406 to a request that does not accept JSON (the engine would answer XML)', async () => {
    h = await harness();
    const res = await h.get('admin@internal', '/clusters', { accept: '*/*' });
    expect(res.statusCode).toBe(406);
    expect(body(res).reason).toBe('Not Acceptable');
  });
});
