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
}

export const DEFAULT_CONFIG: PluginConfig = {
  georepServicePath: '/ovirt-georep/api',
  refreshIntervalMs: 5000,
  engineTimeoutMs: 15000,
};

function num(v: unknown, fallback: number, min: number): number {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= min ? n : fallback;
}

export function readConfig(
  raw: Record<string, unknown> = getPluginApi().configObject() ?? {},
): PluginConfig {
  const path = raw.georepServicePath;
  return {
    georepServicePath:
      typeof path === 'string' && path.startsWith('/')
        ? path.replace(/\/+$/, '')
        : DEFAULT_CONFIG.georepServicePath,
    refreshIntervalMs: num(raw.refreshIntervalMs, DEFAULT_CONFIG.refreshIntervalMs, 1000),
    engineTimeoutMs: num(raw.engineTimeoutMs, DEFAULT_CONFIG.engineTimeoutMs, 1000),
  };
}
