// The OpenAPI document npm run build writes to dist/api/openapi.json (dev/openapi.ts) describes the
// bodies with the wire contract's own schemas (src/georep/contract): one definition, not a copy.
import { openApiDocument } from '../../../dev/openapi';
import {
  CreateSessionBody,
  GeoRepDiagnosisSchema,
  GeoRepJobSchema,
  PreflightBody,
  PreflightCheckSchema,
  ProvisionedVolumeSchema,
  SshVerifyResultSchema,
  SyncPointSchema,
} from '../../../src/georep/contract';

interface Doc {
  openapi: string;
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
  >;
  components: { schemas: Record<string, unknown> };
}

// The schema as JSON carries it (TypeBox's symbols are not part of it).
const asJson = (s: unknown): unknown => JSON.parse(JSON.stringify(s));
const body = (doc: Doc, path: string): unknown =>
  doc.paths[`/ovirt-georep/api${path}`]!.post!.requestBody!.content['application/json']!.schema;

describe('dist/api/openapi.json', () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = (await openApiDocument()) as Doc;
  });

  it('is an OpenAPI 3.1 document of the whole API, the optional SSH routes included', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/ovirt-georep/api/clusters/{cluster_id}/sessions',
        '/ovirt-georep/api/clusters/{cluster_id}/preflight',
        '/ovirt-georep/api/clusters/{cluster_id}/hosts/{host_id}/ssh/verify',
      ]),
    );
  });

  it("the create and preflight bodies are the contract's schemas", () => {
    expect(body(doc, '/clusters/{cluster_id}/sessions')).toEqual(asJson(CreateSessionBody));
    expect(body(doc, '/clusters/{cluster_id}/preflight')).toEqual(asJson(PreflightBody));
  });

  it.each([
    ['SshVerifyResult', SshVerifyResultSchema],
    ['GeoRepJob', GeoRepJobSchema],
    ['GeoRepDiagnosis', GeoRepDiagnosisSchema],
    ['ProvisionedVolume', ProvisionedVolumeSchema],
    ['GeoRepSyncPoint', SyncPointSchema],
    ['PreflightCheck', PreflightCheckSchema],
  ])("the component %s is the contract's schema", (id, schema) => {
    const { $id, ...rest } = asJson(schema) as { $id: string };
    expect($id).toBe(id);
    expect(doc.components.schemas[id]).toEqual(rest);
  });

  it('its words name the sides primary and secondary, never source and remote (issue 13)', () => {
    // Every description, summary and title; wire names (remote_host, source_host_id) and route
    // paths (.../ssh/remote-key) are not words and stay as they are.
    const words: string[] = [];
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string') {
        if (['description', 'summary', 'title'].includes(key)) words.push(v);
      } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(doc);
    expect(words.length).toBeGreaterThan(50);
    const prose = words.map((w) =>
      w.replace(/\bremote_host\b|\bsource_host_id\b|\/ssh\/remote-key\b/g, '<name>'),
    );
    expect(prose.filter((w) => /\bsource\b|\bremote\b/i.test(w))).toEqual([]);
    expect(words).toEqual(
      expect.arrayContaining([
        'Host name or address of a node of the secondary cluster.',
        'Host name or IPv4 address of the secondary host.',
      ]),
    );
  });
});
