// Parsing of the gluster CLI's `--xml` output (Gluster 10.x and earlier spellings), and the mapping
// of its failures to errors. What this knows about Gluster 10.3's output, all seen on a real node:
// - the exit code is 0 with --xml even when the command failed: opRet (0, 1, -1, -3) tells;
// - some answers are not XML at all: `status` with no session (or an unknown one) prints
//   "geo-replication command failed" with exit code 2; an invalid secondary URL prints
//   "Invalid secondary url: ..." on stderr with exit code 1; `system:: execute gsec_create` prints text;
// - all-sessions status carries opErrstr "primary not found" with opRet 0 (meaningless);
// - stop (or pause) of a session that is not running answers opRet 0 with opErrstr
//   "geo-replication is not set up" (the caller decides what that means, see client.ts);
// - status times are UTC "YYYY-MM-DD HH:MM:SS"; "N/A" or empty means unknown.
import { XMLParser } from 'fast-xml-parser';
import type { CrawlStatus, WorkerStatus } from '../../src/georep/types';
import { parseSecondaryUrl } from '../../src/georep/validation';
import type { ExecResult } from './exec';
import {
  GlusterCommandError,
  type ParsedBrick,
  type ParsedPeer,
  type ParsedSession,
  type ParsedVolume,
  type ParsedWorker,
} from './types';

/** Gluster refused because the session (or volume) does not exist. */
export class GlusterNotFoundError extends GlusterCommandError {
  constructor(argv: readonly string[], opRet: number, opErrno: number, glusterMessage: string) {
    super(argv, opRet, opErrno, glusterMessage);
    this.name = 'GlusterNotFoundError';
  }
}

/** Gluster printed something this parser cannot read (not the XML the command should print). */
export class GlusterOutputError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly output: string,
    detail: string,
  ) {
    super(`Unexpected output from gluster ${argv.join(' ')}: ${detail}`);
    this.name = 'GlusterOutputError';
  }
}

/** The common part of every `--xml` answer. */
export interface CliEnvelope {
  opRet: number;
  opErrno: number;
  opErrstr: string;
  /** The cliOutput element, parsed (values are strings; empty elements are ''). */
  body: Record<string, unknown>;
}

type Obj = Record<string, unknown>;

const ARRAY_TAGS = new Set([
  'volume',
  'session',
  'pair',
  'brick',
  'option',
  'peer',
  'hostname',
  'node',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  isArray: (tagName: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) =>
    !isAttribute && ARRAY_TAGS.has(tagName),
});

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The text of an element: '' for an empty one; `#text` of a mixed one. */
function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (isObj(v) && '#text' in v) return text(v['#text']);
  return '';
}

function list(v: unknown): Obj[] {
  if (Array.isArray(v)) return v.filter(isObj);
  if (isObj(v)) return [v];
  return [];
}

function child(v: unknown, name: string): unknown {
  return isObj(v) ? v[name] : undefined;
}

/** First present field among spellings (10+ name first, then pre-10). */
function field(o: Obj, ...names: string[]): string {
  for (const n of names) if (n in o) return text(o[n]);
  return '';
}

function toInt(s: string, fallback: number): number {
  return /^-?\d+$/.test(s.trim()) ? Number(s.trim()) : fallback;
}

/** Parses the XML, or returns null when `stdout` holds no `<cliOutput>` document. */
export function parseCliXml(stdout: string): CliEnvelope | null {
  const start = stdout.indexOf('<cliOutput');
  if (start < 0) return null;
  let doc: unknown;
  try {
    doc = parser.parse(stdout.slice(start));
  } catch {
    return null;
  }
  const body = child(doc, 'cliOutput');
  if (!isObj(body)) {
    if (body === '') return { opRet: -1, opErrno: 0, opErrstr: '', body: {} };
    return null;
  }
  return {
    opRet: toInt(text(body.opRet), -1),
    opErrno: toInt(text(body.opErrno), 0),
    opErrstr: text(body.opErrstr),
    body,
  };
}

/** Gluster's own words from a non-XML failure: stderr first, without the usage text that may follow. */
export function plainMessage(res: Pick<ExecResult, 'stdout' | 'stderr'>): string {
  const pick = res.stderr.trim() || res.stdout.trim();
  const lines: string[] = [];
  for (const line of pick.split('\n')) {
    if (/^\s*Usage:/.test(line)) break;
    if (line.trim()) lines.push(line.trim());
  }
  return lines.join('\n');
}

function errorFor(
  argv: readonly string[],
  opRet: number,
  opErrno: number,
  message: string,
): GlusterCommandError {
  if (/\bdoes not exist\b/i.test(message))
    return new GlusterNotFoundError(argv, opRet, opErrno, message);
  return new GlusterCommandError(argv, opRet, opErrno, message);
}

export interface CheckOptions {
  /** When the command may print plain text on success (e.g. `system:: execute gsec_create`). */
  textOk?: boolean;
}

/**
 * The envelope of a successful command. Throws GlusterCommandError (GlusterNotFoundError when
 * the session or volume does not exist) when Gluster refused, with Gluster's own message, and
 * GlusterOutputError when the output is not what the command prints.
 */
export function checkCliResult(
  argv: readonly string[],
  res: ExecResult,
  opts: CheckOptions = {},
): CliEnvelope {
  const env = parseCliXml(res.stdout);
  if (env) {
    if (env.opRet !== 0) {
      const msg =
        env.opErrstr ||
        plainMessage(res) ||
        `gluster failed (opRet ${env.opRet}, errno ${env.opErrno})`;
      throw errorFor(argv, env.opRet, env.opErrno, msg);
    }
    return env;
  }
  if (res.code !== 0) {
    throw errorFor(argv, -1, 0, plainMessage(res) || `gluster exited with code ${res.code}`);
  }
  if (opts.textOk) return { opRet: 0, opErrno: 0, opErrstr: res.stdout.trim(), body: {} };
  throw new GlusterOutputError(argv, res.stdout, res.stdout.trim() ? 'not XML' : 'no output');
}

/** "geo-replication command failed" with a non-zero exit code: what `status` prints when there is no such session. */
export function isNoSessionStatus(res: ExecResult): boolean {
  return (
    res.code !== 0 &&
    parseCliXml(res.stdout) === null &&
    /geo-replication command failed/i.test(res.stdout + res.stderr)
  );
}

// ------------------------------------------------------------------------------------ values

/** A Gluster time (UTC "YYYY-MM-DD HH:MM:SS", ISO-8601, or Unix seconds) as ISO-8601 UTC; null for N/A. */
export function glusterTimeToIso(s: string | null | undefined): string | null {
  const t = (s ?? '').trim();
  if (!t || /^n\/?a$/i.test(t) || t === '0') return null;
  let m =
    /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (m) {
    if (m[7]) {
      const d = new Date(t.replace(' ', 'T'));
      return Number.isNaN(d.getTime()) ? null : d.toISOString();
    }
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  m = /^\d{9,11}$/.exec(t);
  if (m) return new Date(Number(t) * 1000).toISOString();
  return null;
}

const WORKER_STATUS: Record<string, WorkerStatus> = {
  active: 'Active',
  passive: 'Passive',
  faulty: 'Faulty',
  initializing: 'Initializing',
  created: 'Created',
  stopped: 'Stopped',
  paused: 'Paused',
  offline: 'Offline',
  // spellings of older releases
  'not started': 'Created',
  started: 'Initializing',
  stable: 'Active',
  'n/a': 'Offline',
  defunct: 'Faulty',
  'config corrupted': 'Faulty',
};

/** Gluster's worker status text normalised: `Initializing...` -> `Initializing`; unknown text -> Faulty. */
export function normaliseWorkerStatus(s: string): WorkerStatus {
  const k = s.trim().replace(/\.+$/, '').toLowerCase();
  return WORKER_STATUS[k] ?? 'Faulty';
}

const CRAWL: Record<string, CrawlStatus> = {
  'changelog crawl': 'Changelog Crawl',
  'history crawl': 'History Crawl',
  'hybrid crawl': 'Hybrid Crawl',
};

/** 'Changelog Crawl' | 'History Crawl' | 'Hybrid Crawl'; null for N/A or anything else. */
export function normaliseCrawl(s: string): CrawlStatus | null {
  return CRAWL[s.trim().toLowerCase()] ?? null;
}

function count(s: string): number | null {
  return /^\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

function yesNo(s: string): boolean | null {
  const k = s.trim().toLowerCase();
  if (k === 'yes') return true;
  if (k === 'no') return false;
  return null;
}

function orNull(s: string): string | null {
  const t = s.trim();
  return t === '' || /^n\/a$/i.test(t) ? null : t;
}

export interface SessionSecondary {
  primary_uuid: string | null;
  host: string;
  volume: string;
  user: string;
  secondary_uuid: string | null;
}

/** Gluster's session identifier `<primary uuid>:ssh://[user@]host::volume:<secondary uuid>`. */
export function parseSessionSecondary(s: string): SessionSecondary | null {
  const m = /^(?:([0-9a-fA-F-]{36}):)?(.+?)(?::([0-9a-fA-F-]{36}))?$/.exec(s.trim());
  if (!m) return null;
  const url = parseSecondaryUrl(m[2]!);
  if (!url) return null;
  return { primary_uuid: m[1] ?? null, secondary_uuid: m[3] ?? null, ...url };
}

function parseWorker(p: Obj, fallbackUser: string): ParsedWorker {
  const utc = (name: string, old: string) => field(p, `${name}_utc`, name, `${old}_utc`, old);
  return {
    primary_node: field(p, 'primary_node', 'master_node'),
    primary_node_uuid: orNull(field(p, 'primary_node_uuid', 'master_node_uuid')),
    primary_brick: field(p, 'primary_brick', 'master_brick'),
    secondary_user: orNull(field(p, 'secondary_user', 'slave_user')) ?? fallbackUser,
    secondary_node: orNull(field(p, 'secondary_node', 'slave_node')),
    status: normaliseWorkerStatus(field(p, 'status')),
    crawl_status: normaliseCrawl(field(p, 'crawl_status')),
    last_synced: glusterTimeToIso(utc('last_synced', 'last_synced')),
    entry_pending: count(field(p, 'entry')),
    data_pending: count(field(p, 'data')),
    meta_pending: count(field(p, 'meta')),
    failures: count(field(p, 'failures')),
    checkpoint_time: glusterTimeToIso(utc('checkpoint_time', 'checkpoint_time')),
    checkpoint_completed: yesNo(field(p, 'checkpoint_completed')),
    checkpoint_completion_time: glusterTimeToIso(
      utc('checkpoint_completion_time', 'checkpoint_completion_time'),
    ),
  };
}

/**
 * Sessions of a `volume geo-replication [...] status [detail] --xml` answer, both spellings:
 * `session_secondary`/`primary_*`/`secondary*` (10+) and `session_slave`/`master_*`/`slave*`.
 */
export function parseGeoRepStatus(env: CliEnvelope): ParsedSession[] {
  const out: ParsedSession[] = [];
  for (const vol of list(child(env.body.geoRep, 'volume'))) {
    const primary = text(vol.name);
    for (const s of list(child(vol.sessions, 'session'))) {
      const ident = field(s, 'session_secondary', 'session_slave');
      const pairs = list(s.pair);
      let sec = parseSessionSecondary(ident);
      if (!sec && pairs[0]) {
        const url = parseSecondaryUrl(field(pairs[0], 'secondary', 'slave'));
        if (url) sec = { primary_uuid: null, secondary_uuid: null, ...url };
      }
      if (!sec) continue;
      const firstUser = pairs[0] ? orNull(field(pairs[0], 'secondary_user', 'slave_user')) : null;
      const user = sec.user !== 'root' ? sec.user : (firstUser ?? 'root');
      out.push({
        key: {
          primary_volume: primary,
          secondary_host: sec.host,
          secondary_volume: sec.volume,
          secondary_user: user,
        },
        session_secondary: ident,
        workers: pairs.map((p) => parseWorker(p, user)),
      });
    }
  }
  return out;
}

/** The options of `... config --xml`, by Gluster's dash-form names (`sync_jobs` -> `sync-jobs`). */
export function parseGeoRepConfig(env: CliEnvelope): Record<string, string> {
  const cfg = child(env.body.geoRep, 'config');
  const out: Record<string, string> = {};
  if (!isObj(cfg)) return out;
  for (const [k, v] of Object.entries(cfg)) {
    if (k.startsWith('@_') || k === '#text' || isObj(v) || Array.isArray(v)) continue;
    out[k.replace(/_/g, '-')] = text(v);
  }
  return out;
}

/** `host:/path` of a brick: the host is everything before the first ":/" (paths may hold ':'). */
export function splitBrickName(name: string): { host: string; path: string } {
  const i = name.indexOf(':/');
  if (i < 0) return { host: '', path: name };
  return { host: name.slice(0, i), path: name.slice(i + 1) };
}

/** Volumes of `volume info [<vol>] --xml`. */
export function parseVolumeInfo(env: CliEnvelope): ParsedVolume[] {
  const vols = child(child(env.body.volInfo, 'volumes'), 'volume');
  return list(vols).map((v) => {
    const bricks: ParsedBrick[] = list(child(v.bricks, 'brick')).map((b) => {
      const name = text(b.name) || text(b['#text']);
      const { host, path } = splitBrickName(name);
      return { name, host, path, host_uuid: orNull(text(b.hostUuid) || text(b['@_uuid'])) };
    });
    const options: Record<string, string> = {};
    for (const o of list(child(v.options, 'option'))) options[text(o.name)] = text(o.value);
    return {
      name: text(v.name),
      id: text(v.id),
      status: text(v.statusStr) || text(v.status),
      type: text(v.typeStr) || text(v.type),
      replica_count: toInt(text(v.replicaCount), 1),
      disperse_count: toInt(text(v.disperseCount), 0),
      brick_count: toInt(text(v.brickCount), bricks.length),
      bricks,
      options,
    };
  });
}

/** Peers of `peer status --xml` (or `pool list --xml`, which adds the local node as localhost). */
export function parsePeerStatus(env: CliEnvelope): ParsedPeer[] {
  return list(child(env.body.peerStatus, 'peer')).map((p) => ({
    uuid: text(p.uuid),
    hostname: text(p.hostname),
    connected: text(p.connected) === '1',
    state: text(p.stateStr) || text(p.state),
  }));
}
