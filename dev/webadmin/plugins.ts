// How the engine finds UI plugins, as oVirt's PluginDataManager and PluginData read them
// (frontend/webadmin/modules/frontend/src/main/java/org/ovirt/engine/ui/frontend/server/gwt/plugin/):
// - every readable `*.json` file in the descriptor folder is a descriptor, whatever its name
//   (PluginDataManager.java:121,243-245), parsed with ALLOW_COMMENTS (:74-78);
// - its configuration is `<descriptor file name with .json replaced by -config.json>` in the
//   config folder (:262-264); one that cannot be read counts as `{}` (:188-194);
// - PluginData.validate (PluginData.java:64-104): name and url non-empty strings, config an
//   object, resourcePath a non-empty string, lazyLoad a boolean; in the configuration, config an
//   object, enabled a boolean, order an integer. Any error drops the plugin with a warning
//   (PluginDataManager.java:206-220): `"enabled": "false"` does not disable it, it removes it;
// - config is the descriptor's, then the configuration's top-level keys over it (:135-151);
//   enabled defaults to true, order to Integer.MAX_VALUE, and plugins go in order
//   (WebAdminHostPageServlet.getPluginData, a stable sort).
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../src/georep/errorMessage';

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
    warn(`Cannot read/parse JSON file ${file}: ${errorMessage(e)}`);
    return null;
  }
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/** PluginDataManager.isJsonFile: a readable file whose name ends in .json. */
function isJsonFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile() && file.endsWith('.json');
  } catch {
    return false;
  }
}

/** PluginDataManager.getConfigurationFileName: String.replace replaces every ".json". */
const configFileName = (descriptorFile: string): string =>
  descriptorFile.split('.json').join('-config.json');

/** PluginData.validate, descriptor part (PluginData.java:67-87). Missing keys are fine if optional. */
function validateDescriptor(d: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (!nonEmpty(d.name)) out.push('Required non-empty string attribute: name');
  if (!nonEmpty(d.url)) out.push('Required non-empty string attribute: url');
  if (d.config !== undefined && !isObject(d.config))
    out.push('Optional attribute must be object: config');
  if (d.resourcePath !== undefined && !nonEmpty(d.resourcePath))
    out.push('Optional attribute must be non-empty string: resourcePath');
  if (d.lazyLoad !== undefined && typeof d.lazyLoad !== 'boolean')
    out.push('Optional attribute must be boolean: lazyLoad');
  return out;
}

/** PluginData.validate, configuration part (PluginData.java:89-101). */
function validateConfiguration(c: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (c.config !== undefined && !isObject(c.config))
    out.push('Optional attribute must be object: config');
  if (c.enabled !== undefined && typeof c.enabled !== 'boolean')
    out.push('Optional attribute must be boolean: enabled');
  // JsonNode.isIntegralNumber: 3 is, 3.5 and "3" are not. (JSON.parse cannot tell 3.0 from 3.)
  if (c.order !== undefined && !Number.isInteger(c.order))
    out.push('Optional attribute must be integer: order');
  return out;
}

export function loadPluginDefinitions(
  descriptorDir: string,
  configDir: string | null,
  warn: (m: string) => void,
): PluginDefinition[] {
  let files: string[];
  try {
    files = fs.readdirSync(descriptorDir).filter((f) => isJsonFile(path.join(descriptorDir, f)));
  } catch {
    warn(`UI plugin folder ${descriptorDir} cannot be read`);
    return [];
  }
  const defs: PluginDefinition[] = [];
  for (const file of files.sort()) {
    const descriptorFile = path.join(descriptorDir, file);
    const d = readJson(descriptorFile, warn);
    if (!d) continue;
    const configFile = configDir ? path.join(configDir, configFileName(file)) : null;
    const c = (configFile && isJsonFile(configFile) ? readJson(configFile, warn) : null) ?? {};
    const errors = [
      ...validateDescriptor(d).map((m) => `Validation error in '${descriptorFile}': ${m}`),
      ...validateConfiguration(c).map((m) => `Validation error in '${configFile}': ${m}`),
    ];
    if (errors.length) {
      errors.forEach((e) => warn(e));
      continue;
    }
    defs.push({
      name: d.name as string,
      url: d.url as string,
      config: {
        ...(d.config as Record<string, unknown> | undefined),
        ...(c.config as Record<string, unknown> | undefined),
      },
      lazyLoad: d.lazyLoad === undefined ? true : (d.lazyLoad as boolean),
      enabled: c.enabled === undefined ? true : (c.enabled as boolean),
      order: c.order === undefined ? 2147483647 : (c.order as number),
      resourceDir: nonEmpty(d.resourcePath) ? path.resolve(descriptorDir, d.resourcePath) : null,
    });
  }
  return defs.sort((a, b) => a.order - b.order);
}
