/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.stringContaining, ...) are typed `any` */
// The API surface: root, OpenAPI, request validation against the route schemas, faults, logging.
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { registerEngineEmulator } from '../../../dev/engine';
import { defaultLab } from '../../../dev/lab';
import { LOG_REDACT, registerGeoRepService } from '../../../server/app';
import { GlusterCommandError } from '../../../server/gluster/types';
import { FakeGluster } from '../../support/fake-gluster';
import { PREFIX, PROD, startStack, type Stack, type Fault, type SessionList } from '../../support/service-harness';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s.close();
});

const ADMIN = 'admin@internal';

/** The parts of an OpenAPI document the tests look at. */
interface OpenApiDoc {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}
interface JsonSchema {
  additionalProperties?: unknown;
  required?: string[];
  properties: Record<string, unknown>;
}
const SESSIONS = `/clusters/${PROD}/sessions`;
const CREATE = {
  primary_volume: 'home',
  source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
  secondary_host: 'gdr1.lab.example',
  secondary_volume: 'backup-dr',
};

describe('root and OpenAPI', () => {
  it('describes itself', async () => {
    const r = await s.call(ADMIN, 'GET', '/');
    expect(r.json()).toEqual({
      product_info: {
        name: expect.any(String),
        vendor: 'oVirt',
        version: expect.objectContaining({ major: 0 }),
      },
      backend: 'sim',
      links: expect.arrayContaining([{ rel: 'openapi', href: `${PREFIX}/openapi.json` }]),
    });
  });

  it('serves an OpenAPI 3 document generated from the route schemas', async () => {
    const r = await s.call(ADMIN, 'GET', '/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json<OpenApiDoc>();
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths).sort();
    expect(paths).toEqual(
      [
        `${PREFIX}/`,
        `${PREFIX}/clusters/{cluster_id}/access`,
        `${PREFIX}/clusters/{cluster_id}/jobs/{job_id}`,
        `${PREFIX}/clusters/{cluster_id}/preflight`,
        `${PREFIX}/clusters/{cluster_id}/sessions`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/checkpoint`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/config`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/config/{name}`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/diagnosis`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/pause`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/recover`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/resume`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/start`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/stop`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/failover`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/failover/steps/{step}`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/failback`,
        `${PREFIX}/clusters/{cluster_id}/sessions/{session_id}/failback/steps/{step}`,
        `${PREFIX}/clusters/{cluster_id}/storagedomains`,
        `${PREFIX}/clusters/{cluster_id}/volumes/{volume}/dr-schedule`,
        `${PREFIX}/clusters/{cluster_id}/volumes/{volume}/dr-sync`,
      ].sort(),
    );
    const create = doc.paths[`${PREFIX}/clusters/{cluster_id}/sessions`]!.post!;
    const body = create.requestBody!.content['application/json']!.schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(['primary_volume', 'source_host_id', 'secondary_host']);
    expect(body.properties.secondary_path).toMatchObject({ type: 'string', pattern: '^/' });
    expect(body.properties.ssh_port).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 65535,
      default: 22,
    });
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409', '502', '504']),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Fault',
        'GeoRepSession',
        'GeoRepWorker',
        'GeoRepConfigOption',
        'PreflightCheck',
      ]),
    );
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('request validation', () => {
  it('rejects unknown body fields, naming them', async () => {
    const before = s.sim!.callCount();
    const r = await s.call(ADMIN, 'POST', SESSIONS, { ...CREATE, slave_host: 'x', mode: 'fast' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      reason: 'Invalid request',
      detail: expect.stringMatching(/'slave_host', 'mode' are not known here/),
    });
    const action = await s.call(ADMIN, 'POST', `${SESSIONS}/x/start`, { force: true, now: true });
    expect(action.statusCode).toBe(400);
    expect(action.json<Fault>().detail).toMatch(/'now' is not known/);
    expect(s.sim!.callCount()).toBe(before);
  });

  it('names a missing field and a field of the wrong type or range', async () => {
    const missing = await s.call(ADMIN, 'POST', SESSIONS, { primary_volume: 'home' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Fault>().detail).toMatch(/body field 'source_host_id' is required/i);
    const port = await s.call(ADMIN, 'POST', SESSIONS, { ...CREATE, ssh_port: 70000 });
    expect(port.statusCode).toBe(400);
    expect(port.json<Fault>().detail).toMatch(/ssh_port.*65535/);
    const typ = await s.call(ADMIN, 'POST', SESSIONS, { ...CREATE, force: 'maybe' });
    expect(typ.statusCode).toBe(400);
    expect(typ.json<Fault>().detail).toMatch(/'force' must be a boolean/);
  });

  it('checks values with the shared rules (no shell characters reach Gluster)', async () => {
    const before = s.sim!.callCount();
    const r = await s.call(ADMIN, 'POST', SESSIONS, { ...CREATE, secondary_volume: 'x;rm -rf /' });
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(/secondary_volume: A volume name cannot contain/);
    expect(s.sim!.callCount()).toBe(before);
  });

  it('validates path and query parameters', async () => {
    const id = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session[0]!.id;
    const q = await s.call(ADMIN, 'DELETE', `${SESSIONS}/${id}?reset_sync_time=perhaps`);
    expect(q.statusCode).toBe(400);
    expect(q.json<Fault>().detail).toMatch(
      /query parameter field 'reset_sync_time' must be a boolean/i,
    );
    const unknownQuery = await s.call(ADMIN, 'DELETE', `${SESSIONS}/${id}?wipe=1`);
    expect(unknownQuery.statusCode).toBe(400);
    const p = await s.call(ADMIN, 'GET', `/clusters/${encodeURIComponent('bad id!')}/sessions`);
    expect(p.statusCode).toBe(400);
    expect(p.json<Fault>().detail).toMatch(
      /path parameter field 'cluster_id' must be an engine id/i,
    );
  });

  it('answers an unknown path with a 404 fault', async () => {
    const r = await s.call(ADMIN, 'GET', '/nothing/here');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({
      reason: 'Not Found',
      detail: expect.stringContaining('/nothing/here'),
    });
  });

  it('answers malformed JSON with a 400 fault', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: `${PREFIX}${SESSIONS}`,
      headers: { authorization: `Bearer ${s.token(ADMIN)}`, 'content-type': 'application/json' },
      payload: '{"primary_volume": ',
    });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(r.json()).sort()).toEqual(['detail', 'reason']);
  });
});

describe('a create whose later step fails', () => {
  let f: Stack;
  let g: FakeGluster;
  beforeAll(async () => {
    g = new FakeGluster([
      { name: 'home', hosts: ['gprod1.lab.example', 'gprod2.lab.example'], replica: 2 },
    ]);
    // no status cache: the tests change the fake's sessions behind the service's back
    f = await startStack({ gluster: g, service: { statusCacheMs: 0 } });
  });
  afterAll(async () => {
    await f.close();
  });

  it('says which option failed and that the session exists, and in which state', async () => {
    g.failNext.set(
      'configSet',
      new GlusterCommandError([], -1, 0, 'Unable to set sync-method: invalid value'),
    );
    const r = await f.call(ADMIN, 'POST', SESSIONS, {
      ...CREATE,
      start: true,
      config: { 'sync-jobs': '4', 'sync-method': 'tarssh' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /was created, but setting its options failed: Setting option sync-jobs to 4 failed\. Gluster said: Unable to set sync-method: invalid value Options not applied: sync-method\. The session exists in state Created and was not started\./,
    );
    expect(g.count('start')).toBe(0);
    expect(g.sessions).toHaveLength(1);
  });

  it('says that starting failed and the state the session is in', async () => {
    g.sessions.length = 0;
    g.failNext.set(
      'start',
      new GlusterCommandError(
        [],
        -1,
        0,
        'Staging failed on gprod2.lab.example. Error: Passwordless ssh login has not been setup',
      ),
    );
    const r = await f.call(ADMIN, 'POST', SESSIONS, { ...CREATE, start: true });
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /was created, but starting it failed: .*Passwordless ssh login has not been setup The session exists in state Created\./,
    );
  });

  it('says the session was not created when create itself fails, and creates it from the chosen host', async () => {
    g.sessions.length = 0;
    g.calls.length = 0;
    g.failNext.set(
      'create',
      new GlusterCommandError([], -1, 0, 'Unable to mount and fetch secondary volume details.'),
    );
    const r = await f.call(ADMIN, 'POST', SESSIONS, {
      ...CREATE,
      source_host_id: '8d00c721-20c9-36da-97cc-ed559cab14cc',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /Gluster said: Unable to mount and fetch secondary volume details\. The session was not created\./,
    );
    expect(g.calls.filter((c) => c.method === 'create').map((c) => c.node)).toEqual([
      'gprod2.lab.example',
    ]);
    expect(g.calls.filter((c) => c.method === 'gsecCreate').map((c) => c.node)).toContain(
      'gprod2.lab.example',
    );
  });
});

describe('logging', () => {
  it('never writes the bearer token and names the user of an action', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = Fastify({
      logger: {
        level: 'info',
        stream,
        redact: LOG_REDACT,
        serializers: {
          req: (req: { method: string; url: string; headers: unknown }) => ({
            method: req.method,
            url: req.url,
            headers: req.headers,
          }),
        },
      },
    });
    const lab = defaultLab();
    const engine = await registerEngineEmulator(app, { lab });
    const g = new FakeGluster([
      { name: 'home', hosts: ['gprod1.lab.example', 'gprod2.lab.example'], replica: 2 },
    ]);
    await app.listen({ host: '127.0.0.1', port: 0 });
    // (the port is only known now; a second instance serves the service against this engine)
    const port = (app.server.address() as { port: number }).port;
    const svc = Fastify({
      logger: {
        level: 'info',
        stream,
        redact: LOG_REDACT,
        serializers: {
          req: (req: { method: string; url: string; headers: unknown }) => ({
            method: req.method,
            url: req.url,
            headers: req.headers,
          }),
        },
      },
    });
    await registerGeoRepService(svc, {
      engineUrl: `http://127.0.0.1:${port}/ovirt-engine/`,
      gluster: g,
      backendName: 'sim',
    });
    try {
      const token = engine.login('admin@internal', 'admin')!;
      const r = await svc.inject({
        method: 'POST',
        url: `${PREFIX}${SESSIONS}`,
        headers: { authorization: `Bearer ${token}` },
        payload: CREATE,
      });
      expect(r.statusCode).toBe(201);
      const all = lines.join('');
      expect(all).not.toContain(token);
      expect(all).toContain('[Redacted]');
      expect(
        lines.some(
          (l) => /"user":"admin@internal/.test(l) && /Created geo-replication session/.test(l),
        ),
      ).toBe(true);
    } finally {
      await svc.close();
      await app.close();
    }
  });
});

describe('bodies are optional where every field is', () => {
  it('accepts an action without a body', async () => {
    const list = (await s.call(ADMIN, 'GET', SESSIONS)).json<SessionList>().georep_session;
    const paused = list.find((x) => x.primary_volume === 'archive')!;
    expect(paused.status).toBe('Paused');
    const r = await s.app.inject({
      method: 'POST',
      url: `${PREFIX}${SESSIONS}/${paused.id}/resume`,
      headers: { authorization: `Bearer ${s.token(ADMIN)}` },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'complete' });
  });
});
