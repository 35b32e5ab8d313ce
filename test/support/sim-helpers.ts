// Test helpers for the Gluster simulator: a minimal XML tree parser and tree comparison, the real
// Gluster 10.3 fixtures, and a lab that mirrors the machine the fixtures were captured on.
import fs from 'node:fs';
import path from 'node:path';
import { defaultLab, type Lab } from '../../dev/lab';
import { GlusterSimulator, ManualClock } from '../../dev/sim/gluster';
import type { ExecResult } from '../../server/gluster/exec';

export interface XEl {
  name: string;
  attrs: Record<string, string>;
  /** Concatenated direct text, trimmed. */
  text: string;
  children: XEl[];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Parses the subset of XML gluster prints (declaration, elements, attributes, text). */
export function parseXml(src: string): XEl {
  let i = src.indexOf('<');
  if (src.startsWith('<?', i)) i = src.indexOf('?>', i) + 2;
  const stack: XEl[] = [];
  let root: XEl | null = null;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/y;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) break;
    if (stack.length && lt > i) stack[stack.length - 1]!.text += decode(src.slice(i, lt));
    tag.lastIndex = lt;
    const m = tag.exec(src);
    if (!m) throw new Error(`bad XML at ${lt}: ${src.slice(lt, lt + 40)}`);
    const [, close, name, attrSrc, selfClose] = m;
    if (close) {
      const top = stack.pop();
      if (!top || top.name !== name) throw new Error(`mismatched </${name}>`);
      top.text = top.text.trim();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrSrc!.matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
      const el: XEl = { name: name!, attrs, text: '', children: [] };
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else root = el;
      if (!selfClose) stack.push(el);
    }
    i = tag.lastIndex;
  }
  if (!root || stack.length) throw new Error('incomplete XML');
  return root;
}

export interface CompareOptions {
  /** Element (or `@attr`) names whose values are not compared (ids, times, pids). */
  ignoreValues?: Iterable<string>;
}

/** Differences between two trees: names, nesting, order, attributes and values. [] = same. */
export function treeDiff(actual: XEl, expected: XEl, opts: CompareOptions = {}, at = ''): string[] {
  const ignore = new Set(opts.ignoreValues ?? []);
  const here = `${at}/${expected.name}`;
  const out: string[] = [];
  if (actual.name !== expected.name)
    return [`${at}: element <${actual.name}> where <${expected.name}> expected`];
  const ak = Object.keys(actual.attrs).sort().join(',');
  const ek = Object.keys(expected.attrs).sort().join(',');
  if (ak !== ek) out.push(`${here}: attributes [${ak}] vs [${ek}]`);
  for (const k of Object.keys(expected.attrs)) {
    if (!ignore.has(`@${k}`) && actual.attrs[k] !== expected.attrs[k]) {
      out.push(`${here}@${k}: ${actual.attrs[k]} vs ${expected.attrs[k]}`);
    }
  }
  if (!ignore.has(expected.name) && actual.text !== expected.text) {
    out.push(`${here}: text ${JSON.stringify(actual.text)} vs ${JSON.stringify(expected.text)}`);
  }
  const names = (e: XEl): string => e.children.map((c) => c.name).join(',');
  if (names(actual) !== names(expected)) {
    out.push(`${here}: children [${names(actual)}] vs [${names(expected)}]`);
    return out;
  }
  actual.children.forEach((c, i) => out.push(...treeDiff(c, expected.children[i]!, opts, here)));
  return out;
}

/** Values that differ between any two Gluster machines (ids, times, pids, ports, disk sizes). */
export const VOLATILE = [
  'session_secondary',
  'primary_node_uuid',
  'last_synced',
  'checkpoint_time',
  'checkpoint_completion_time',
  'id',
  'uuid',
  'hostUuid',
  '@uuid',
  'peerid',
  'port',
  'tcp',
  'pid',
  'sizeTotal',
  'sizeFree',
  'device',
  'mntOptions',
  'fsName',
  'inodesTotal',
  'inodesFree',
  'checkpoint',
  'stime_xattr_prefix',
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/g;

/** The raw text with ids and times masked: compares formatting byte for byte. */
export function maskText(s: string): string {
  return s
    .replace(UUID, '<uuid>')
    .replace(TIME, '<time>')
    .replace(
      /<(port|tcp|pid|checkpoint|sizeTotal|sizeFree|device|mntOptions|fsName|inodesTotal|inodesFree)>[^<]*</g,
      '<$1>*<',
    )
    .replace(/^(Brick \S+\s+)\d+(\s+\d+\s+\w\s+)\d+/gm, '$1*$2*')
    .replace(/^checkpoint:\d+$/m, 'checkpoint:*');
}

export const FIXTURES = path.resolve(__dirname, '../fixtures/gluster-10.3');

export interface Fixture {
  name: string;
  stdout: string;
  stderr: string;
  /** argv after `gluster`, from the .meta file; null for extra/ fixtures without one. */
  argv: string[] | null;
  rc: number | null;
}

export function fixture(name: string): Fixture {
  const file = path.join(FIXTURES, name);
  const stdout = fs.readFileSync(file, 'utf8');
  const stderr = fs.existsSync(`${file}.stderr`) ? fs.readFileSync(`${file}.stderr`, 'utf8') : '';
  let argv: string[] | null = null;
  let rc: number | null = null;
  if (fs.existsSync(`${file}.meta`)) {
    const meta = fs.readFileSync(`${file}.meta`, 'utf8');
    argv = /^cmd: gluster (.*)$/m.exec(meta)![1]!.split(' ');
    rc = Number(/^rc: (\d+)$/m.exec(meta)![1]);
  }
  return { name, stdout, stderr, argv, rc };
}

/**
 * The fixtures' machine: one Gluster node `vm` (a single-node pool) with the volumes `master` and
 * `slave` on local bricks (and `slave2` for the mountbroker captures), root and `geoaccount`.
 */
export function fixtureLab(opts: { mountbroker?: boolean } = {}): Lab {
  const GiB = 1024 ** 3;
  return {
    data_centers: [],
    clusters: [],
    hosts: [],
    volumes: [],
    roles: [],
    users: [],
    permissions: [],
    remote_hosts: [
      {
        address: 'vm',
        ssh_port: 22,
        ssh_fingerprint: 'SHA256:x',
        ssh_key_type: 'ssh-ed25519',
        gluster_version: '10.3',
        users: [
          { name: 'root', password: 'x' },
          { name: 'geoaccount', password: 'x' },
        ],
        volumes: ['master', 'slave', ...(opts.mountbroker ? ['slave2'] : [])].map((name) => ({
          name,
          brick_dir: `/srv/georep-bricks/${name}`,
          status: 'up' as const,
          size_bytes: 252 * GiB,
          used_bytes: name === 'master' ? 1 * GiB : 0,
          root_entries: name === 'master' ? 3 : 0,
        })),
      },
    ],
  };
}

export const T0 = Date.UTC(2026, 10, 24, 23, 40, 0);

export interface Harness {
  sim: GlusterSimulator;
  clock: ManualClock;
  /** Run `gluster <argv>` on `node`. */
  gluster(node: string, ...argv: string[]): Promise<ExecResult>;
  /** `--mode=script --xml` + argv on `node`. */
  xml(node: string, ...argv: string[]): Promise<ExecResult>;
  advance(seconds: number): void;
}

export function harness(lab: Lab, opts: { seed?: number; start?: number } = {}): Harness {
  const clock = new ManualClock(opts.start ?? T0);
  const sim = new GlusterSimulator({ lab, clock, seed: opts.seed ?? 7 });
  const gluster = (node: string, ...argv: string[]): Promise<ExecResult> =>
    sim.run(node, argv, { timeoutMs: 10_000 });
  return {
    sim,
    clock,
    gluster,
    xml: (node, ...argv) => gluster(node, '--mode=script', '--xml', ...argv),
    advance: (seconds) => clock.advance(seconds * 1000),
  };
}

/** The one value of `<name>` in each `<pair>` of a status answer. */
export function pairs(stdout: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const walk = (e: XEl): void => {
    if (e.name === 'pair') out.push(Object.fromEntries(e.children.map((c) => [c.name, c.text])));
    e.children.forEach(walk);
  };
  walk(parseXml(stdout));
  return out;
}

export function envelope(stdout: string): { opRet: number; opErrno: number; opErrstr: string } {
  const root = parseXml(stdout);
  const t = (n: string): string => root.children.find((c) => c.name === n)?.text ?? '';
  return { opRet: Number(t('opRet')), opErrno: Number(t('opErrno')), opErrstr: t('opErrstr') };
}

/** The default lab's session home -> gdr1::backup-dr, as each name of it is spelled. */
export const HOME_DR = {
  node: 'gprod1.lab.example',
  secondary: 'gdr1.lab.example::backup-dr',
  ref: { primaryVolume: 'home', secondaryHost: 'gdr1.lab.example', secondaryVolume: 'backup-dr' },
  key: {
    primary_volume: 'home',
    secondary_host: 'gdr1.lab.example',
    secondary_volume: 'backup-dr',
    secondary_user: 'root',
  },
  brick: '/gluster_bricks/home/brick1',
} as const;

/** HOME_DR created (push-pem) and started on the default lab, its initial crawl done: live. */
export async function liveHomeSession(): Promise<Harness> {
  const h = harness(defaultLab());
  const { node, secondary } = HOME_DR;
  await h.xml(node, 'system::', 'execute', 'gsec_create');
  const r = await h.xml(
    node,
    'volume',
    'geo-replication',
    'home',
    secondary,
    'create',
    'push-pem',
    'force',
  );
  expect(envelope(r.stdout).opRet).toBe(0);
  await h.xml(node, 'volume', 'geo-replication', 'home', secondary, 'start');
  h.advance(300); // the initial Hybrid Crawl done, live from changelogs
  return h;
}
