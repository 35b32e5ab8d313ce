import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPluginDefinitions } from '../../dev/webadmin/plugins';

function dirWith(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-plugins-'));
  for (const [n, c] of Object.entries(files)) fs.writeFileSync(path.join(d, n), c);
  return d;
}

describe('UI plugin definitions, read as the engine reads them', () => {
  it('merges <descriptor>-config.json shallowly over config and honours enabled/order', () => {
    const desc = dirWith({
      'geo.json':
        '// comment allowed\n{"name":"geo","url":"plugin/geo/p.html","resourcePath":"geo-res","lazyLoad":false,"config":{"a":1,"nested":{"x":1,"y":2}}}',
      'other.json': '{"name":"other","url":"plugin/other/p.html"}',
    });
    const conf = dirWith({
      'geo-config.json': '{"config":{"nested":{"x":9}},"enabled":true,"order":0}',
      'other-config.json': '{"enabled":false}',
    });
    const defs = loadPluginDefinitions(desc, conf, () => undefined);
    expect(defs.map((d) => d.name)).toEqual(['geo', 'other']);
    expect(defs[0]).toMatchObject({
      config: { a: 1, nested: { x: 9 } },
      lazyLoad: false,
      enabled: true,
      resourceDir: path.join(desc, 'geo-res'),
    });
    expect(defs[1]).toMatchObject({ lazyLoad: true, enabled: false, resourceDir: null });
  });

  it('skips invalid descriptors with a warning', () => {
    const desc = dirWith({
      'bad.json': '{"url":"x"}',
      'broken.json': '{',
      'ok.json': '{"name":"ok","url":"u"}',
    });
    const warnings: string[] = [];
    const defs = loadPluginDefinitions(desc, null, (m) => warnings.push(m));
    expect(defs.map((d) => d.name)).toEqual(['ok']);
    expect(warnings).toHaveLength(2);
  });

  it('keeps // inside strings', () => {
    const desc = dirWith({ 'u.json': '{"name":"u","url":"http://x/y"}' });
    expect(loadPluginDefinitions(desc, null, () => undefined)[0]!.url).toBe('http://x/y');
  });
});
