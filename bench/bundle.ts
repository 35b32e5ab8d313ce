// Bundle analysis of the tab's first paint (prints figures; asserts nothing): what each package
// and each of our folders costs in the georep entry chunk, minified (swc) and gzipped one group at
// a time. Group figures add up to a bit more than the real bundle (each group is compressed on its
// own), so read them as shares. The chunks loaded on demand are listed with their real sizes.
// Run: npm run bench:bundle (builds the plugin with --json stats first). docs/bundle.md has a run.
// `npm run bench:bundle -- georep-volume` takes a volume's sub tab (georep-volume.html) instead;
// both pages' first-paint totals are printed either way.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { minifySync, transformSync } from '@swc/core';

const ROOT = path.resolve(__dirname, '..');
const RES = path.join(ROOT, 'dist', 'gluster-georep-resources');

interface StatsModule {
  name: string;
  size: number;
  chunks: (string | number)[];
  modules?: StatsModule[];
}
interface StatsChunk {
  id: string | number;
  names: string[];
  initial: boolean;
  files: string[];
}
interface Stats {
  name?: string;
  children?: Stats[];
  chunks: StatsChunk[];
  modules: StatsModule[];
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const gz = (b: Buffer | string): number => zlib.gzipSync(b, { level: 9 }).length;

/** Which group a module belongs to: a package (PatternFly by component), or our folder. */
function groupOf(name: string): string | null {
  if (name.endsWith('.css')) return null; // CSS is measured from the emitted file
  const pkg =
    /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/dist\/esm\/(?:components|deprecated)\/([^/]+))?/.exec(
      name,
    );
  if (pkg) {
    if (pkg[1] === '@patternfly/react-core' && pkg[2]) return `@patternfly/react-core (${pkg[2]})`;
    return pkg[1]!;
  }
  const own = /^\.\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(name);
  if (own) return own[1]!;
  return null; // webpack's runtime
}

function moduleSource(name: string): string | null {
  const file = path.join(ROOT, name.replace(/ \+ \d+ modules$/, ''));
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  if (/\.tsx?$/.test(file)) {
    return transformSync(text, {
      filename: file,
      jsc: {
        parser: { syntax: 'typescript', tsx: file.endsWith('.tsx') },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2020',
      },
    }).code;
  }
  return text;
}

function main(): void {
  const statsFile = path.join(os.tmpdir(), `georep-stats-${process.pid}.json`);
  execFileSync(
    'npx',
    ['webpack', '--mode', 'production', '--config-name', 'plugin', `--json=${statsFile}`],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const all = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as Stats;
  fs.rmSync(statsFile);
  const stats = all.children?.find((c) => c.name === 'plugin') ?? all;
  const entryName = process.argv[2] ?? 'georep';
  const entry = stats.chunks.filter((c) => c.names.includes(entryName));
  const ids = new Set(entry.map((c) => c.id));

  const groups = new Map<string, string[]>();
  for (const m of stats.modules) {
    if (!m.chunks.some((c) => ids.has(c))) continue;
    for (const sub of m.modules ?? [m]) {
      const g = groupOf(sub.name);
      const src = g ? moduleSource(sub.name) : null;
      if (!g || src === null) continue;
      groups.set(g, [...(groups.get(g) ?? []), src]);
    }
  }
  const rows = [...groups].map(([g, sources]) => {
    const min = sources
      .map((src) => minifySync(src, { compress: true, mangle: true, module: true }).code)
      .join('\n');
    return { g, min: Buffer.byteLength(min), gz: gz(min) };
  });
  rows.sort((a, b) => b.gz - a.gz);

  const emitted = (f: string) => fs.readFileSync(path.join(RES, f));
  const entryFiles = entry.flatMap((c) => c.files).filter((f) => /\.(js|css)$/.test(f));
  console.log(`First paint (${entryName} entry), as emitted:`);
  for (const f of entryFiles) {
    const b = emitted(f);
    console.log(`  ${f}: ${kb(b.length)} raw, ${kb(gz(b))} gzip`);
  }
  console.log('\nJS of the first paint by group (minified, gzip; each group compressed alone):');
  for (const r of rows.slice(0, 40))
    console.log(`  ${kb(r.gz).padStart(10)}  ${kb(r.min).padStart(10)}  ${r.g}`);
  const rest = rows.slice(40);
  if (rest.length > 0)
    console.log(
      `  ${kb(rest.reduce((s, r) => s + r.gz, 0)).padStart(10)}  (${rest.length} smaller groups)`,
    );

  console.log('\nFirst paint of each page (all its initial files, gzip):');
  for (const page of ['georep', 'georep-volume']) {
    const files = stats.chunks
      .filter((c) => c.names.includes(page))
      .flatMap((c) => c.files)
      .filter((f) => /\.(js|css)$/.test(f));
    const js = files.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(emitted(f)), 0);
    const css = files.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(emitted(f)), 0);
    console.log(`  ${`${page}.html`.padEnd(20)} JS ${kb(js)} + CSS ${kb(css)} = ${kb(js + css)}`);
  }

  console.log('\nChunks loaded on demand:');
  for (const c of stats.chunks.filter((c) => !c.initial)) {
    const files = c.files.filter((f) => /\.(js|css)$/.test(f));
    const total = files.reduce((s, f) => s + gz(emitted(f)), 0);
    console.log(
      `  ${(c.names.join(',') || String(c.id)).padEnd(12)} ${kb(total).padStart(10)} gzip  (${files.join(', ')})`,
    );
  }
}

main();
