// `npm run package`: the RPM of the plugin and the service, from the built plugin (dist/, by
// `npm run build`) and the service bundled here with esbuild into JavaScript for the system's node:
// no TypeScript loader, no node_modules at run time.
//
//   dist/rpm/ovirt-gluster-georep-<version>.tar.gz             the tree the spec installs (Source0)
//   dist/rpm/ovirt-gluster-georep-<version>-<release>.noarch.rpm
//   dist/rpm/ovirt-gluster-georep-<version>-<release>.src.rpm
//
// rpmbuild comes from the `rpm` package on Debian (.ci/run installs it). Where the systemd scriptlet
// macros are missing (Debian has no systemd-rpm-macros), packaging/rpm/macros.systemd-fallback
// supplies them, and BuildRequires are not checked (--nodeps): the rpm database there is empty.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { renderConfigFile } from '../server/config';
import { errorMessage } from '../src/georep/errorMessage';

const ROOT = path.resolve(__dirname, '..');
const NAME = 'ovirt-gluster-georep';
const OUT = path.join(ROOT, 'dist/rpm');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const VERSION = pkg.version;
const RELEASE = process.env.RPM_RELEASE ?? '1';
/** The oldest node the bundles are for: EL9's nodejs:20 stream. */
const NODE_TARGET = 'node20';

function sh(cmd: string, args: string[], opts: { cwd?: string } = {}): string {
  try {
    return execFileSync(cmd, args, {
      cwd: opts.cwd ?? ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    // Only a failure's output is worth reading (rpmbuild is verbose).
    process.stderr.write(`${x.stdout ?? ''}${x.stderr ?? ''}`);
    throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} failed`, { cause: e });
  }
}

/** The npm packages a bundle holds, with their versions, from esbuild's metafile. */
function bundledPackages(meta: Metafile): Map<string, string> {
  const out = new Map<string, string>();
  for (const input of Object.keys(meta.inputs)) {
    const i = input.lastIndexOf('node_modules/');
    if (i < 0) continue;
    const rest = input.slice(i + 'node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    const dir = path.join(ROOT, input.slice(0, i), 'node_modules', name);
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      version: string;
    };
    out.set(name, version);
  }
  return out;
}

/** Each bundled package's license text, as its package ships it. */
function licenseTexts(pkgs: Map<string, string>): string {
  const parts: string[] = [];
  for (const [name, version] of [...pkgs].sort(([a], [b]) => a.localeCompare(b))) {
    const dir = path.join(ROOT, 'node_modules', name);
    const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      license?: string;
    };
    parts.push(
      `==== ${name} ${version} (${meta.license ?? 'see below'}) ====\n` +
        (file
          ? fs.readFileSync(path.join(dir, file), 'utf8').trim()
          : '(no license file shipped)') +
        '\n',
    );
  }
  return parts.join('\n');
}

async function bundle(entry: string, outfile: string): Promise<Metafile> {
  const r = await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'cjs',
    banner: { js: '#!/usr/bin/node' },
    // ssh2's optional native helpers: without them it uses its JavaScript code.
    external: ['cpu-features', '*.node'],
    minifySyntax: true,
    minifyWhitespace: true,
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  fs.chmodSync(outfile, 0o755);
  return r.metafile;
}

/**
 * The npm packages the plugin's bundles hold: webpack builds them (npm run build); the same entry
 * points resolved by esbuild give their package graph (styles and fonts left out: they come from
 * @patternfly, which the scripts import too).
 */
async function pluginPackages(): Promise<Map<string, string>> {
  const r = await build({
    entryPoints: [path.join(ROOT, 'src/plugin/index.ts'), path.join(ROOT, 'src/app/index.tsx')],
    bundle: true,
    write: false,
    outdir: path.join(OUT, 'analysis'),
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
    loader: {
      '.css': 'empty',
      '.woff2': 'empty',
      '.woff': 'empty',
      '.svg': 'empty',
      '.png': 'empty',
    },
  });
  return bundledPackages(r.metafile);
}

function specDate(d = new Date()): string {
  const day = d.toUTCString().slice(0, 3);
  const mon = d.toUTCString().slice(8, 11);
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, '0')} ${d.getUTCFullYear()}`;
}

async function main(): Promise<void> {
  const plugin = path.join(ROOT, 'dist/gluster-georep.json');
  if (!fs.existsSync(plugin))
    throw new Error('the plugin is not built: run `npm run build` first (npm run package does)');
  fs.rmSync(OUT, { recursive: true, force: true });
  const tree = path.join(OUT, 'stage', `${NAME}-${VERSION}`);
  fs.mkdirSync(tree, { recursive: true });

  // The plugin, as `npm run build` wrote it in the engine's layout.
  fs.mkdirSync(path.join(tree, 'ui-plugins'));
  fs.copyFileSync(plugin, path.join(tree, 'ui-plugins/gluster-georep.json'));
  fs.cpSync(
    path.join(ROOT, 'dist/gluster-georep-resources'),
    path.join(tree, 'ui-plugins/gluster-georep-resources'),
    { recursive: true },
  );

  // The service and the setup command, bundled.
  const metas = [
    await bundle('server/main.ts', path.join(tree, 'service', `${NAME}.js`)),
    await bundle(
      'packaging/setup/ovirt-gluster-georep-setup.ts',
      path.join(tree, 'setup', `${NAME}-setup.js`),
    ),
  ];
  const pkgs = new Map<string, string>();
  for (const m of metas) for (const [n, v] of bundledPackages(m)) pkgs.set(n, v);
  const pluginPkgs = await pluginPackages();
  fs.mkdirSync(path.join(tree, 'licenses'));
  fs.writeFileSync(path.join(tree, 'licenses/bundled-npm-packages.txt'), licenseTexts(pkgs));
  fs.writeFileSync(path.join(tree, 'licenses/plugin-npm-packages.txt'), licenseTexts(pluginPkgs));
  const allPkgs = new Map([...pluginPkgs, ...pkgs]);

  // Settings, unit, Apache, docs.
  fs.mkdirSync(path.join(tree, 'conf'));
  fs.writeFileSync(path.join(tree, 'conf/georep.conf'), renderConfigFile());
  fs.cpSync(path.join(ROOT, 'packaging/systemd'), path.join(tree, 'systemd'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'packaging/httpd'), path.join(tree, 'httpd'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'README.md'), path.join(tree, 'README.md'));

  // The tarball, reproducible: sorted names, one mtime, root-owned.
  const tarball = path.join(OUT, `${NAME}-${VERSION}.tar.gz`);
  const mtime = sh('git', ['log', '-1', '--format=%cI']).trim() || '2026-01-01T00:00:00Z';
  sh('tar', [
    '--sort=name',
    `--mtime=${mtime}`,
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '-czf',
    tarball,
    '-C',
    path.join(OUT, 'stage'),
    `${NAME}-${VERSION}`,
  ]);

  // The spec.
  const provides = [...allPkgs]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([n, v]) => `Provides:       bundled(nodejs-${n}) = ${v}`)
    .join('\n');
  const spec = fs
    .readFileSync(path.join(ROOT, 'packaging/rpm', `${NAME}.spec.in`), 'utf8')
    .replaceAll('@VERSION@', VERSION)
    .replaceAll('@RELEASE@', RELEASE)
    .replaceAll('@DATE@', specDate())
    .replace('@BUNDLED_PROVIDES@', provides);
  const top = path.join(OUT, 'rpmbuild');
  for (const d of ['SOURCES', 'SPECS', 'BUILD', 'RPMS', 'SRPMS', 'BUILDROOT'])
    fs.mkdirSync(path.join(top, d), { recursive: true });
  const specFile = path.join(top, 'SPECS', `${NAME}.spec`);
  fs.writeFileSync(specFile, spec);
  fs.copyFileSync(tarball, path.join(top, 'SOURCES', path.basename(tarball)));

  const args = ['-ba', '--define', `_topdir ${top}`];
  const hasSystemdMacros = sh('rpm', ['--eval', '%{?systemd_post:yes}']).trim() === 'yes';
  if (!hasSystemdMacros)
    args.push('--load', path.join(ROOT, 'packaging/rpm/macros.systemd-fallback'), '--nodeps');
  sh('rpmbuild', [...args, specFile]);
  const rpm = `${NAME}-${VERSION}-${RELEASE}.noarch.rpm`;
  const srpm = `${NAME}-${VERSION}-${RELEASE}.src.rpm`;
  for (const f of fs.readdirSync(path.join(top, 'RPMS/noarch')))
    fs.copyFileSync(path.join(top, 'RPMS/noarch', f), path.join(OUT, f));
  for (const f of fs.readdirSync(path.join(top, 'SRPMS')))
    fs.copyFileSync(path.join(top, 'SRPMS', f), path.join(OUT, f));
  fs.rmSync(top, { recursive: true, force: true });
  fs.rmSync(path.join(OUT, 'stage'), { recursive: true, force: true });
  for (const f of [rpm, srpm])
    if (!fs.existsSync(path.join(OUT, f))) throw new Error(`rpmbuild did not write ${f}`);
  const size = (f: string) => `${(fs.statSync(path.join(OUT, f)).size / 1024).toFixed(0)} KiB`;
  console.log(
    `package: dist/rpm/${rpm} (${size(rpm)}), ${srpm}, ${path.basename(tarball)}; ` +
      `${pkgs.size} npm packages bundled in the service and its setup, ${pluginPkgs.size} in the plugin`,
  );
}

main().catch((e: unknown) => {
  console.error(`package: ${errorMessage(e)}`);
  process.exit(1);
});
