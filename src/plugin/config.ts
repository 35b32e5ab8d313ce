// The plugin's configuration, from the descriptor's `config` merged with the admin's
// `<descriptor>-config.json` (WebAdmin does the merge; we only read and default it).
import { getPluginApi } from './pluginApi';

export interface PluginConfig {
  /** Path of the companion geo-rep service on the engine's origin. */
  georepServicePath: string;
  /** How often the tab and the alert watcher re-read sessions. */
  refreshIntervalMs: number;
  /** Limit for one engine REST call. */
  engineTimeoutMs: number;
  /**
   * The longest WebAdmin waits for this plugin before its first place transition, and only when
   * the URL names the Geo-Replication place (bootstrap.ts). A second or two is what a user
   * tolerates before a blank page feels broken.
   */
  landingWaitMs: number;
}

export const DEFAULT_CONFIG: PluginConfig = {
  georepServicePath: '/ovirt-georep/api',
  refreshIntervalMs: 5000,
  engineTimeoutMs: 15000,
  landingWaitMs: 1500,
};

function num(v: unknown, fallback: number, min: number): number {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= min ? n : fallback;
}

export function readConfig(
  raw: Record<string, unknown> = getPluginApi().configObject(),
): PluginConfig {
  const path = raw.georepServicePath;
  return {
    georepServicePath:
      typeof path === 'string' && path.startsWith('/')
        ? path.replace(/\/+$/, '')
        : DEFAULT_CONFIG.georepServicePath,
    refreshIntervalMs: num(raw.refreshIntervalMs, DEFAULT_CONFIG.refreshIntervalMs, 1000),
    engineTimeoutMs: num(raw.engineTimeoutMs, DEFAULT_CONFIG.engineTimeoutMs, 1000),
    // At most 5 s: beyond that WebAdmin looks broken, whatever the configuration says.
    landingWaitMs: Math.min(num(raw.landingWaitMs, DEFAULT_CONFIG.landingWaitMs, 0), 5000),
  };
}
