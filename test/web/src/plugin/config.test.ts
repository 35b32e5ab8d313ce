import { DEFAULT_CONFIG, readConfig } from '../../../../src/plugin/config';

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
      landingWaitMs: DEFAULT_CONFIG.landingWaitMs,
    });
  });
  it('bounds the wait before ready() to 5 s, whatever the configuration says', () => {
    expect(readConfig({ landingWaitMs: 800 }).landingWaitMs).toBe(800);
    expect(readConfig({ landingWaitMs: 0 }).landingWaitMs).toBe(0);
    expect(readConfig({ landingWaitMs: 60000 }).landingWaitMs).toBe(5000);
    expect(readConfig({ landingWaitMs: -1 }).landingWaitMs).toBe(DEFAULT_CONFIG.landingWaitMs);
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
