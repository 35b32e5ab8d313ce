// Reading what gsyncd keeps on a primary node, for what the gluster CLI does not say: whether an
// Active worker is really syncing (src/georep/stall.ts) and the last lines of a worker's log.
// Real nodes are read with one small, fixed, read-only Python program (every Gluster node with
// geo-replication has python3: gsyncd is Python), run as argv through the service's exec; its only
// input is one JSON argument built here from validated names. The simulator answers the same
// questions from its model (dev/sim/gluster/probe.ts).
import type { SessionKey } from '../../src/georep/types';
import { validateSessionKey } from '../../src/georep/validation';
import type { WorkerEvidence } from '../../src/georep/stall';
import { GlusterUnreachableError, type ExecOptions, type ExecResult } from './exec';

/** Runs a program other than gluster on a node (ssh or local), argv only. */
export interface ProgramExec {
  runProgram(
    node: string,
    program: string,
    argv: readonly string[],
    opts: ExecOptions,
  ): Promise<ExecResult>;
}

export interface BrickEvidence extends WorkerEvidence {
  brick: string;
  /** Why the evidence could not be read (status file missing...), when it could not. */
  error: string | null;
}

export interface LogEntry {
  /** ISO-8601 UTC as the log line says (gsyncd logs in UTC), null when the line has no time. */
  time: string | null;
  /** gsyncd's level letter: I, W, E, C, D, T. */
  level: string;
  /** The whole entry, continuation lines (a traceback) included. */
  text: string;
}

export interface WorkerLog {
  /** The log file read. */
  file: string;
  /** Entries of this worker (and of the monitor about its brick), oldest first, bounded. */
  entries: LogEntry[];
  /** Bytes read from the end of the file. */
  read_bytes: number;
  /** The file is longer than what was read. */
  truncated: boolean;
}

export interface SessionEvidence {
  /** The session's `change-interval` when it is set in its gsyncd.conf (else Gluster's default). */
  change_interval: number | null;
  bricks: BrickEvidence[];
}

export interface NodeProbe {
  /** Evidence for these bricks of one session, on the node that holds them. */
  evidence(node: string, key: SessionKey, bricks: readonly string[]): Promise<SessionEvidence>;
  /** `rsync --version`'s version on `node` (e.g. "3.2.7"); null when it is not installed. */
  rsyncVersion(node: string): Promise<string | null>;
  /** The last entries of the session's gsyncd.log on `node` that concern `brick`. */
  workerLog(
    node: string,
    key: SessionKey,
    brick: string,
    opts?: { maxBytes?: number; maxEntries?: number },
  ): Promise<WorkerLog>;
}

/** gsyncd's names for a session's folders: `<primary>_<secondary host>_<secondary volume>`
 * (gsyncd.conf.in: working-dir, georep-session-working-dir, log-file; gsyncd.py takes the host
 * without the user). */
export function sessionFolderName(key: SessionKey): string {
  const problem = validateSessionKey(key);
  if (problem) throw new Error(`${problem.field}: ${problem.reason}`);
  return `${key.primary_volume}_${key.secondary_host}_${key.secondary_volume}`;
}

const BRICK_PATH = /^\/[A-Za-z0-9._/+-]{0,4095}$/;
export function validBrickPath(p: string): boolean {
  return BRICK_PATH.test(p) && !p.split('/').includes('..');
}

/**
 * The program: read-only, bounded, no shell. Paths are gsyncd's defaults (gsyncd.conf.in:
 * glusterd workdir /var/lib/glusterd, gsyncd_miscdir /var/lib/misc/gluster/gsyncd, gluster_logdir
 * /var/log/glusterfs; all three `configurable=false`). The status file name is
 * urllib.quote_plus(brick) (gsyncdstatus.py GeorepStatus.__init__), the working folder
 * escape(brick) = brick.replace("/", "-").strip("-") (syncdutils.py escape).
 */
export const PROBE_PROGRAM = String.raw`
import json, os, sys, time
try:
    from urllib.parse import quote_plus
except ImportError:
    from urllib import quote_plus
a = json.loads(sys.argv[1])
GD = "/var/lib/glusterd/geo-replication"
MD = "/var/lib/misc/gluster/gsyncd"
LD = "/var/log/glusterfs/geo-replication"
def digits(names):
    return sorted(n for n in names if n.isdigit())
def newest_days(root, want=2):
    out = []
    try:
        for y in reversed(digits(os.listdir(root))):
            for m in reversed(digits(os.listdir(os.path.join(root, y)))):
                for d in reversed(digits(os.listdir(os.path.join(root, y, m)))):
                    out.append(os.path.join(root, y, m, d))
                    if len(out) >= want:
                        return out
    except OSError:
        pass
    return out
def evidence(s, b):
    r = {"brick": b, "error": None, "last_synced": None, "oldest_pending": None, "pending": 0, "processing": 0}
    try:
        with open(os.path.join(GD, s, "brick_%s.status" % quote_plus(b))) as f:
            st = json.load(f)
        r["last_synced"] = int(st.get("last_synced") or 0)
    except Exception as e:
        r["error"] = "status file: %s" % e.__class__.__name__
        return r
    L = r["last_synced"]
    pend = []
    for d in newest_days(os.path.join(b, ".glusterfs", "changelogs")):
        try:
            names = os.listdir(d)
        except OSError:
            continue
        for n in names:
            if n.startswith("CHANGELOG."):
                try:
                    ts = int(n[10:])
                except ValueError:
                    continue
                if ts - 1 > L:
                    pend.append(ts)
    r["pending"] = len(pend)
    r["oldest_pending"] = min(pend) if pend else None
    try:
        w = os.path.join(MD, s, b.replace("/", "-").strip("-"), ".processing")
        r["processing"] = len([n for n in os.listdir(w) if n.startswith("CHANGELOG.")])
    except OSError:
        r["processing"] = 0
    return r
def change_interval(s):
    # the session's own setting, when set (gsyncdconfig.py reads [vars] of this file)
    try:
        with open(os.path.join(GD, s, "gsyncd.conf")) as f:
            for line in f:
                k, _, v = line.partition("=")
                if k.strip().replace("_", "-") == "change-interval":
                    return int(v.strip())
    except (OSError, ValueError):
        pass
    return None
if a["op"] == "evidence":
    out = {"now": time.time(), "change_interval": change_interval(a["session"]),
           "bricks": [evidence(a["session"], b) for b in a["bricks"]]}
else:
    p = os.path.join(LD, a["session"], "gsyncd.log")
    n = int(a["max_bytes"])
    out = {"file": p, "text": "", "read_bytes": 0, "size": 0}
    try:
        with open(p, "rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - n))
            data = f.read(n)
        out.update(text=data.decode("utf-8", "replace"), read_bytes=len(data), size=size)
    except OSError as e:
        out["error"] = e.__class__.__name__
sys.stdout.write(json.dumps(out))
`;

export const PYTHON = '/usr/bin/python3';
const PROBE_TIMEOUT_MS = 15_000;

/** `[2026-12-07 13:59:42.513310] I [primary(worker /b):1451:process] ...` */
const ENTRY_HEAD = /^\[(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.\d+)?\] ([A-Z]) \[(.*?)\] ?(.*)$/;

/** Splits gsyncd.log text into entries (a line not starting a new entry continues the last). */
export function parseGsyncdLog(text: string): LogEntry[] {
  const out: LogEntry[] = [];
  const lines = text.split('\n');
  // the first line of a tail read may be cut: drop it unless it starts an entry
  if (lines.length > 0 && !ENTRY_HEAD.test(lines[0]!)) lines.shift();
  for (const line of lines) {
    if (line === '') continue;
    const m = ENTRY_HEAD.exec(line);
    if (m) out.push({ time: `${m[1]}T${m[2]}Z`, level: m[3]!, text: line });
    else if (out.length > 0) out[out.length - 1]!.text += `\n${line}`;
  }
  return out;
}

/**
 * Does an entry concern this brick's worker? Its own lines (`(worker <brick>)`), and the
 * monitor's lines that name this brick or no brick at all: a monitor that cannot reach the
 * secondary (`ssh ... Connection refused` before any worker starts) concerns every brick.
 */
export function concernsBrick(e: LogEntry, brick: string): boolean {
  const head = ENTRY_HEAD.exec(e.text.split('\n', 1)[0]!);
  const where = head?.[4] ?? '';
  if (where.includes(`(worker ${brick})`)) return true;
  if (where.includes('(worker ')) return false;
  if (e.text.includes(brick)) return true;
  return where.includes('(monitor)') && !/\bbrick=/.test(e.text);
}

export function execProbe(exec: ProgramExec): NodeProbe {
  async function run(node: string, arg: unknown): Promise<unknown> {
    const res = await exec.runProgram(node, PYTHON, ['-c', PROBE_PROGRAM, JSON.stringify(arg)], {
      timeoutMs: PROBE_TIMEOUT_MS,
    });
    if (res.code !== 0) {
      throw new GlusterUnreachableError(
        node,
        `reading gsyncd's files failed (exit ${res.code}): ${res.stderr.trim().split('\n').pop() ?? ''}`,
      );
    }
    try {
      return JSON.parse(res.stdout) as unknown;
    } catch {
      throw new GlusterUnreachableError(node, "reading gsyncd's files gave no answer");
    }
  }
  return {
    async rsyncVersion(node) {
      const res = await exec.runProgram(node, '/usr/bin/rsync', ['--version'], {
        timeoutMs: PROBE_TIMEOUT_MS,
      });
      if (res.code !== 0) return null;
      return /rsync\s+version\s+v?(\d+\.\d+(?:\.\d+)?)/.exec(res.stdout)?.[1] ?? null;
    },
    async evidence(node, key, bricks) {
      const session = sessionFolderName(key);
      const ok = bricks.filter(validBrickPath);
      if (ok.length === 0) return { change_interval: null, bricks: [] };
      const out = (await run(node, { op: 'evidence', session, bricks: ok })) as {
        now: number;
        change_interval: number | null;
        bricks: Omit<BrickEvidence, 'now'>[];
      };
      return {
        change_interval: out.change_interval,
        bricks: out.bricks.map((b) => ({ ...b, now: out.now })),
      };
    },
    async workerLog(node, key, brick, opts = {}) {
      const session = sessionFolderName(key);
      if (!validBrickPath(brick)) throw new Error(`not a brick path: ${JSON.stringify(brick)}`);
      const maxBytes = Math.min(Math.max(opts.maxBytes ?? 256 * 1024, 1024), 1024 * 1024);
      const out = (await run(node, { op: 'log', session, max_bytes: maxBytes })) as {
        file: string;
        text: string;
        read_bytes: number;
        size: number;
        error?: string;
      };
      const entries = parseGsyncdLog(out.text).filter((e) => concernsBrick(e, brick));
      return {
        file: out.file,
        entries: entries.slice(-(opts.maxEntries ?? 200)),
        read_bytes: out.read_bytes,
        truncated: out.size > out.read_bytes,
      };
    },
  };
}
