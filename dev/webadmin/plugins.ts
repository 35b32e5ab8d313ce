// How the engine finds UI plugins (ui-plugin-api.md §1): every readable *.json in the descriptor
// folder is a descriptor; `<descriptor file>-config.json` in the config folder overrides `config`
// (shallow merge), `enabled` and `order`; invalid files are skipped with a warning.
import fs from 'node:fs';
import path from 'node:path';

export interface PluginDefinition {
  name: string;
  url: string;
  config: Record<string, unknown>;
  lazyLoad: boolean;
  enabled: boolean;
  /** Not sent to the page; where the plugin's files are served from. */
  resourceDir: string | null;
  order: number;
}

function readJson(file: string, warn: (m: string) => void): Record<string, unknown> | null {
  try {
    // The engine parses with ALLOW_COMMENTS: strip // and /* */ comments outside strings.
    const text = fs
      .readFileSync(file, 'utf8')
      .replace(
        /("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
        (_m, s: string | undefined) => s ?? '',
      );
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    return v as Record<string, unknown>;
  } catch (e) {
    warn(`Cannot read/parse JSON file ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function loadPluginDefinitions(
  descriptorDir: string,
  configDir: string | null,
  warn: (m: string) => void,
): PluginDefinition[] {
  let files: string[];
  try {
    files = fs
      .readdirSync(descriptorDir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('-config.json'));
  } catch {
    warn(`UI plugin folder ${descriptorDir} cannot be read`);
    return [];
  }
  const defs: PluginDefinition[] = [];
  for (const file of files.sort()) {
    const d = readJson(path.join(descriptorDir, file), warn);
    if (!d) continue;
    if (!nonEmpty(d.name) || !nonEmpty(d.url)) {
      warn(`Validation error in '${file}': 'name' and 'url' are required non-empty strings`);
      continue;
    }
    if (
      d.config !== undefined &&
      (typeof d.config !== 'object' || d.config === null || Array.isArray(d.config))
    ) {
      warn(`Validation error in '${file}': 'config' must be an object`);
      continue;
    }
    if (d.resourcePath !== undefined && !nonEmpty(d.resourcePath)) {
      warn(`Validation error in '${file}': 'resourcePath' must be a non-empty string`);
      continue;
    }
    if (d.lazyLoad !== undefined && typeof d.lazyLoad !== 'boolean') {
      warn(`Validation error in '${file}': 'lazyLoad' must be a boolean`);
      continue;
    }
    const userCfg = configDir
      ? fs.existsSync(path.join(configDir, file.replace('.json', '-config.json')))
        ? readJson(path.join(configDir, file.replace('.json', '-config.json')), warn)
        : null
      : null;
    const config = {
      ...(d.config as Record<string, unknown> | undefined),
      ...(userCfg?.config as Record<string, unknown> | undefined),
    };
    defs.push({
      name: d.name,
      url: d.url,
      config,
      lazyLoad: d.lazyLoad === undefined ? true : d.lazyLoad,
      enabled: typeof userCfg?.enabled === 'boolean' ? userCfg.enabled : true,
      order: typeof userCfg?.order === 'number' ? userCfg.order : Number.MAX_SAFE_INTEGER,
      resourceDir: nonEmpty(d.resourcePath) ? path.resolve(descriptorDir, d.resourcePath) : null,
    });
  }
  return defs.sort((a, b) => a.order - b.order);
}
