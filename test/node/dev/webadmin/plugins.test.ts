import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPluginDefinitions } from '../../../../dev/webadmin/plugins';

function dirWith(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-plugins-'));
  for (const [n, c] of Object.entries(files)) fs.writeFileSync(path.join(d, n), c);
  return d;
}

// As oVirt's PluginDataManager and PluginData read them (frontend/webadmin/modules/frontend/src/
// main/java/org/ovirt/engine/ui/frontend/server/gwt/plugin/).
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

  it('drops a plugin whose configuration mistypes enabled or order (PluginData.validate:89-101)', () => {
    const desc = dirWith({
      'a.json': '{"name":"a","url":"u"}',
      'b.json': '{"name":"b","url":"u"}',
      'c.json': '{"name":"c","url":"u"}',
      'd.json': '{"name":"d","url":"u"}',
      'e.json': '{"name":"e","url":"u"}',
    });
    const conf = dirWith({
      'a-config.json': '{"enabled":"false"}', // a string: the plugin is removed, not disabled
      'b-config.json': '{"order":"1"}',
      'c-config.json': '{"order":1.5}',
      'd-config.json': '{"config":[1,2]}',
      'e-config.json': '{"enabled":false,"order":-3}',
    });
    const warnings: string[] = [];
    const defs = loadPluginDefinitions(desc, conf, (m) => warnings.push(m));
    expect(defs.map((d) => [d.name, d.enabled, d.order])).toEqual([['e', false, -3]]);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(
      /Validation error in '.*a-config\.json': Optional attribute must be boolean: enabled/,
    );
  });

  it('reads every *.json of the folder as a descriptor; an unreadable configuration counts as {} (PluginDataManager.java:121,188-194)', () => {
    const desc = dirWith({
      'x-config.json': '{"name":"x-config","url":"u"}', // in the descriptor folder: a descriptor
      'y.json': '{"name":"y","url":"u","config":{"k":1}}',
      'notes.txt': 'ignored',
    });
    const conf = dirWith({ 'y-config.json': '{ broken' });
    const defs = loadPluginDefinitions(desc, conf, () => undefined);
    expect(defs.map((d) => d.name).sort()).toEqual(['x-config', 'y']);
    expect(defs.find((d) => d.name === 'y')).toMatchObject({ enabled: true, config: { k: 1 } });
  });

  it('orders plugins by order, missing ones last (Integer.MAX_VALUE)', () => {
    const desc = dirWith({
      'a.json': '{"name":"a","url":"u"}',
      'b.json': '{"name":"b","url":"u"}',
      'c.json': '{"name":"c","url":"u"}',
    });
    const conf = dirWith({ 'c-config.json': '{"order":0}', 'b-config.json': '{"order":5}' });
    expect(loadPluginDefinitions(desc, conf, () => undefined).map((d) => d.name)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });
});
