import { DEFAULT_CONFIG, readConfig } from '../../src/plugin/config';

describe('plugin config', () => {
  it('uses the defaults for an empty config', () => {
    expect(readConfig({})).toEqual(DEFAULT_CONFIG);
  });
  it('takes valid overrides, as strings too, and drops a trailing slash', () => {
    expect(
      readConfig({
        georepServicePath: '/georep/api/',
        refreshIntervalMs: '3000',
        engineTimeoutMs: 2000,
      }),
    ).toEqual({
      georepServicePath: '/georep/api',
      refreshIntervalMs: 3000,
      engineTimeoutMs: 2000,
    });
  });
  it('ignores invalid values instead of breaking the plugin', () => {
    expect(
      readConfig({
        georepServicePath: 'http://evil.example/',
        refreshIntervalMs: 10,
        engineTimeoutMs: 'x',
      }),
    ).toEqual(DEFAULT_CONFIG);
  });
});
