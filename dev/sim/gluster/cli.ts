// The `gluster` command line as the simulator interprets it: argv parsing the way the 10.3 CLI
// does it, then what glusterd stages and commits, printed the way the CLI prints it (XML or
// text, exit codes included). Where a behaviour is taken from a captured 10.3 output the comment
// names the fixture; the rest follows glusterd-geo-rep.c, gverify.sh and gsyncd's status code.
import { NO_RESTART, normalizeOption, sameValue, stageConfigError, valueValid } from './config';
import { intFor } from './ids';
import { cliOutput, el, parent, type XNode } from './xmlout';
import { SIM_FILESYSTEM, type HostRec, type SessionRec, type VolRec, type World } from './world';

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

const GEOREP_COMMANDS = [
  'create',
  'start',
  'stop',
  'pause',
  'resume',
  'delete',
  'config',
  'status',
];
const BUFFER_SIZE = 104857600; // gverify.sh: 100 MB of headroom on the primary
const GSEC_PUB = '/var/lib/glusterd/geo-replication/common_secret.pem.pub';

const GEOREP_USAGE = `Usage:
volume geo-replication [<primary-volume>] [<secondary-url>] {\\
 create [[ssh-port n] [[no-verify] \\
 | [push-pem]]] [force] \\
 | start [force] \\
 | stop [force] \\
 | pause [force] \\
 | resume [force] \\
 | config [[[\\!]<option>] [<value>]] \\
 | status [detail] \\
 | delete [reset-sync-time]}
`;

const ok = (stdout: string, code = 0): CliResult => ({ stdout, stderr: '', code });
const err = (stderr: string, code = 1, stdout = ''): CliResult => ({ stdout, stderr, code });

/** Gluster's time format in status (UTC variants): `2026-11-24 23:42:05`. */
export function humanTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

interface Ctx {
  world: World;
  node: HostRec;
  poolId: string;
  xml: boolean;
}

/** Run one `gluster` invocation on `node` (a Gluster node of a pool). */
export function runCli(world: World, node: HostRec, argv: readonly string[]): CliResult {
  const words: string[] = [];
  let xml = false;
  let version = false;
  let optionsEnded = false;
  for (const a of argv) {
    if (a === '--' && !optionsEnded) {
      optionsEnded = true; // cli.c: "--" ends the CLI's own options and is dropped
    } else if (a.startsWith('--') && !optionsEnded && !configValuePosition(words)) {
      if (a === '--xml') xml = true;
      else if (a === '--version') version = true;
      else if (
        a === '--mode=script' ||
        /^--(log-level|log-file|timeout|remote-host|glusterd-sock|secure-mgmt)=/.test(a)
      ) {
        /* accepted, no effect here */
      } else return err(`unrecognized option ${a}\n`);
    } else words.push(a);
  }
  if (version) return ok(versionText(node.glusterVersion ?? '10.3'));
  const ctx: Ctx = { world, node, poolId: node.poolId!, xml };
  const [w0, w1, ...rest] = words;
  if (w0 === 'volume' && w1 === 'geo-replication') return georep(ctx, rest);
  if (w0 === 'volume' && w1 === 'info') return volumeInfo(ctx, rest);
  if (w0 === 'volume' && w1 === 'status') return volumeStatus(ctx, rest);
  if (w0 === 'volume' && w1 === 'list' && rest.length === 0) return volumeList(ctx);
  if (w0 === 'volume' && w1 === 'create') return volumeCreate(ctx, rest);
  if (w0 === 'volume' && (w1 === 'start' || w1 === 'stop' || w1 === 'delete'))
    return volumeVerb(ctx, w1, rest);
  if (w0 === 'volume' && w1 === 'set' && rest[0] === 'all') return volumeSetAll(ctx, rest.slice(1));
  if (w0 === 'volume' && w1 === 'get' && rest[0] === 'all') return volumeGetAll(ctx, rest.slice(1));
  if (w0 === 'volume' && w1 === 'set') return volumeSet(ctx, rest);
  if (w0 === 'volume' && w1 === 'reset') return volumeReset(ctx, rest);
  if (w0 === 'peer' && w1 === 'status' && rest.length === 0) return peerStatus(ctx);
  if (w0 === 'pool' && w1 === 'list' && rest.length === 0) return poolList(ctx);
  if (w0 === 'system::' && w1 === 'execute' && rest[0] === 'gsec_create' && rest.length === 1) {
    return gsecCreate(ctx);
  }
  const bad = words.length === 0 ? 0 : words.findIndex((w, i) => !KNOWN_WORDS[i]?.includes(w));
  const pos = bad < 0 ? words.length - 1 : bad;
  return err(`unrecognized word: ${words[pos] ?? ''} (position ${pos})\n`);
}

const KNOWN_WORDS: string[][] = [
  ['volume', 'peer', 'pool', 'system::'],
  [
    'geo-replication',
    'info',
    'status',
    'list',
    'execute',
    'create',
    'start',
    'stop',
    'delete',
    'set',
    'reset',
    'get',
  ],
];

/** After `config <option>`, a `--word` is the option's value, not a CLI option (gluster-local.md). */
function configValuePosition(words: string[]): boolean {
  if (words[0] !== 'volume' || words[1] !== 'geo-replication') return false;
  const i = words.indexOf('config', 2);
  return i >= 2 && words.length > i + 1;
}

function versionText(v: string): string {
  return `glusterfs ${v}
Repository revision: git://git.gluster.org/glusterfs.git
Copyright (c) 2006-2016 Red Hat, Inc. <https://www.gluster.org/>
GlusterFS comes with ABSOLUTELY NO WARRANTY.
It is licensed to you under your choice of the GNU Lesser
General Public License, version 3 or any later version (LGPLv3
or later), or the GNU General Public License, version 2 (GPLv2),
in all cases as published by the Free Software Foundation.
`;
}

// ------------------------------------------------------------------ geo-replication

interface Secondary {
  /** As typed: gluster echoes it in per-session output. */
  raw: string;
  user: string;
  host: string;
  volume: string;
}

/** The CLI's check: `[user@]host::volume`; anything else is "Invalid secondary url". */
export function parseSecondary(raw: string): Secondary | null {
  const m = /^(?:([^@\s:/]+)@)?([^@\s:/]+)::(\S+)$/.exec(raw);
  if (!m) return null;
  return { raw, user: m[1] ?? 'root', host: m[2]!, volume: m[3]! };
}

function ssh(s: { user: string; host: string; svol: string }): string {
  return `ssh://${s.user === 'root' ? '' : s.user + '@'}${s.host}::${s.svol}`;
}

function georep(ctx: Ctx, args: string[]): CliResult {
  const i = args.findIndex((w) => GEOREP_COMMANDS.includes(w));
  if (i < 0 || i > 2) return err(GEOREP_USAGE);
  const cmd = args[i]!;
  if (cmd !== 'status' && i !== 2) return err(GEOREP_USAGE);
  const pvol = i >= 1 ? args[0] : undefined;
  const rawSec = i >= 2 ? args[1] : undefined;
  const rest = args.slice(i + 1);
  let sec: Secondary | null = null;
  if (rawSec !== undefined) {
    sec = parseSecondary(rawSec);
    if (!sec) return err(`Invalid secondary url: ${rawSec}\n`); // georep-create-invalid-url.*
  }
  switch (cmd) {
    case 'status':
      if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'detail')) return err(GEOREP_USAGE);
      return georepStatus(ctx, pvol, sec, rest[0] === 'detail');
    case 'create': {
      const o = { sshPort: 22, pushPem: false, noVerify: false, force: false };
      let j = 0;
      if (rest[j] === 'ssh-port') {
        const n = rest[j + 1];
        if (!n || !/^\d+$/.test(n)) return err(GEOREP_USAGE);
        o.sshPort = Number(n);
        j += 2;
      }
      if (rest[j] === 'push-pem' || rest[j] === 'no-verify') {
        if (rest[j] === 'push-pem') o.pushPem = true;
        else o.noVerify = true;
        j++;
      }
      if (rest[j] === 'force') {
        o.force = true;
        j++;
      }
      if (j !== rest.length) return err(GEOREP_USAGE);
      return georepCreate(ctx, pvol!, sec!, o);
    }
    case 'start':
    case 'stop':
    case 'pause':
    case 'resume': {
      if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'force')) return err(GEOREP_USAGE);
      return georepAction(ctx, cmd, pvol!, sec!, rest[0] === 'force');
    }
    case 'delete':
      if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'reset-sync-time')) {
        return err(GEOREP_USAGE);
      }
      return georepDelete(ctx, pvol!, sec!, rest[0] === 'reset-sync-time');
    default: {
      // config
      if (rest.length === 0) return georepConfig(ctx, pvol!, sec!, { kind: 'get-all' });
      const [opt, ...vals] = rest as [string, ...string[]];
      if (opt.startsWith('!')) {
        if (vals.length || opt.length === 1) return err(GEOREP_USAGE);
        return georepConfig(ctx, pvol!, sec!, { kind: 'del', name: opt.slice(1) });
      }
      if (vals.length === 0) return georepConfig(ctx, pvol!, sec!, { kind: 'get', name: opt });
      return georepConfig(ctx, pvol!, sec!, { kind: 'set', name: opt, value: vals.join(' ') });
    }
  }
}

/** Result of a geo-rep action: XML (exit 0 whatever opRet says) or the CLI's text. */
function actionResult(
  ctx: Ctx,
  verb: string,
  pvol: string,
  sec: string,
  opRet: number,
  opErrstr: string,
): CliResult {
  if (ctx.xml) {
    const body = [parent('geoRep', [el('primary', pvol), el('secondary', sec)])];
    return ok(cliOutput(opRet, opRet === 0 ? 0 : 30800, opErrstr, body));
  }
  if (opRet !== 0) return err(`${opErrstr}\n`, 1, 'geo-replication command failed\n');
  return ok(`${verb} geo-replication session between ${pvol} & ${sec} has been successful\n`);
}

function configResult(ctx: Ctx, opRet: number, opErrstr: string, text: string): CliResult {
  if (ctx.xml) {
    return ok(
      cliOutput(opRet, opRet === 0 ? 0 : 30800, opErrstr, [
        parent('geoRep', opRet === 0 ? [el('config')] : []),
      ]),
    );
  }
  if (opRet !== 0) return err(`${opErrstr}\n`, 1, 'geo-replication command failed\n');
  return ok(text);
}

function localBricks(ctx: Ctx, v: VolRec): number {
  return v.bricks.filter((b) => b.host === ctx.node.address).length;
}

function downPeer(ctx: Ctx, v: VolRec): string | null {
  for (const b of v.bricks) if (!ctx.world.glusterUp(b.host)) return b.host;
  return null;
}

function peerDownMsg(peer: string, v: VolRec): string {
  return `Peer ${peer}, which is a part of ${v.name} volume, is down. Please bring up the peer and retry.`;
}

function findSession(ctx: Ctx, pvol: string, sec: Secondary): SessionRec | undefined {
  return ctx.world.findSession(ctx.poolId, pvol, sec.host, sec.volume, sec.user);
}

const running = (s: SessionRec): boolean => s.state === 'Started' || s.state === 'Paused';

function georepAction(
  ctx: Ctx,
  cmd: 'start' | 'stop' | 'pause' | 'resume',
  pvol: string,
  sec: Secondary,
  force: boolean,
): CliResult {
  const verb = { start: 'Starting', stop: 'Stopping', pause: 'Pausing', resume: 'Resuming' }[cmd];
  const fail = (ret: number, msg: string): CliResult =>
    actionResult(ctx, verb, pvol, sec.raw, ret, msg);
  const { world } = ctx;
  const v = world.volume(ctx.poolId, pvol);
  if (!v) return fail(-1, `Volume name ${pvol} does not exist`);
  const s = findSession(ctx, pvol, sec);
  if (!s) {
    // `stop force` bypasses the session-directory check and stops nothing.
    if (cmd === 'stop' && force) return fail(0, '');
    return fail(-1, `Geo-replication session between ${pvol} and ${sec.raw} does not exist.`);
  }
  if (cmd !== 'start' && !(cmd === 'stop' && force)) {
    const peer = downPeer(ctx, v);
    if (peer) return fail(-1, peerDownMsg(peer, v));
  }
  const local = localBricks(ctx, v);
  const notRunningHere = `geo-replication session b/w ${pvol} & ${sec.raw} is not running on this node.`;
  if (cmd === 'start') {
    if (!v.started)
      return fail(-1, `Volume ${pvol} needs to be started before geo-replication start`);
    if (running(s) && !force) {
      return fail(-1, `geo-replication session between ${pvol} & ${sec.raw} already started`);
    }
    world.startWorkers(s);
    return fail(0, '');
  }
  if (cmd === 'stop') {
    if (force) {
      world.stopWorkers(s, 'Stopped');
      return fail(0, '');
    }
    if (local === 0) return fail(-1, notRunningHere);
    if (!running(s)) return fail(0, 'geo-replication is not set up'); // georep-stop-again.xml
    world.stopWorkers(s, 'Stopped');
    return fail(0, '');
  }
  // pause / resume
  if (local === 0) return fail(-1, notRunningHere);
  if (!force) {
    const paused = s.state === 'Paused';
    if (cmd === 'pause' && paused) {
      // georep-pause-again.xml: opRet is glusterd's count of local bricks, errno 30800
      return fail(local, `Geo-replication session between ${pvol} and ${sec.raw} already Paused.`);
    }
    if (cmd === 'resume' && !paused) {
      return fail(local, `Geo-replication session between ${pvol} and ${sec.raw} is not Paused.`);
    }
    if (!running(s)) return fail(0, 'geo-replication is not set up');
  }
  if (!running(s)) return fail(0, '');
  s.state = cmd === 'pause' ? 'Paused' : 'Started';
  return fail(0, '');
}

function georepDelete(ctx: Ctx, pvol: string, sec: Secondary, resetSyncTime: boolean): CliResult {
  const fail = (ret: number, msg: string): CliResult =>
    actionResult(ctx, 'Deleting', pvol, sec.raw, ret, msg);
  const v = ctx.world.volume(ctx.poolId, pvol);
  if (!v) return fail(-1, `Volume name ${pvol} does not exist`);
  const s = findSession(ctx, pvol, sec);
  if (!s) return fail(-1, `Geo-replication session between ${pvol} and ${sec.raw} does not exist.`);
  const peer = downPeer(ctx, v);
  if (peer) return fail(-1, peerDownMsg(peer, v));
  if (running(s)) {
    // georep-delete-while-running.xml
    return fail(
      -1,
      `geo-replication session between ${pvol} & ${sec.raw} is still active. Please stop the session and retry.`,
    );
  }
  ctx.world.deleteSession(s, resetSyncTime);
  return fail(0, 'delete successful'); // georep-delete.xml
}

type ConfigReq =
  | { kind: 'get-all' }
  | { kind: 'get'; name: string }
  | { kind: 'set'; name: string; value: string }
  | { kind: 'del'; name: string };

function georepConfig(ctx: Ctx, pvol: string, sec: Secondary, req: ConfigReq): CliResult {
  const fail = (msg: string): CliResult => configResult(ctx, -1, msg, '');
  const { world } = ctx;
  const v = world.volume(ctx.poolId, pvol);
  if (!v) return fail(`Volume name ${pvol} does not exist`);
  const s = findSession(ctx, pvol, sec);
  if (!s) return fail(`Geo-replication session between ${pvol} and ${sec.raw} does not exist.`);
  const known = new Set(s.config.keys());
  if (req.kind === 'get-all') {
    if (ctx.xml) {
      const kids = [...s.config].map(([k, val]) => el(k, val));
      return ok(
        cliOutput(0, 0, '', [
          parent('geoRep', [kids.length ? parent('config', kids) : el('config')]),
        ]),
      );
    }
    return ok([...s.config].map(([k, val]) => `${k}:${val}\n`).join(''));
  }
  if (req.kind === 'get') {
    // A single-option get prints the value in text mode, an empty <config/> in XML.
    if (!known.has(normalizeOption(req.name))) return fail('Invalid option');
    return configResult(ctx, 0, '', `${s.config.get(normalizeOption(req.name))}\n`);
  }
  const stageError = stageConfigError(known, req.name, req.kind === 'set' ? req.value : null);
  if (stageError) return fail(stageError);
  const name = normalizeOption(req.name);
  const defaults = s.defaults;
  let value: string;
  if (req.kind === 'set') {
    if (!valueValid(name, req.value))
      return fail(`geo-replication config-set failed for ${pvol} ${sec.raw}`);
    value = name === 'checkpoint' && req.value === 'now' ? String(world.t) : req.value;
    if (name !== 'checkpoint' && sameValue(s.config.get(name) ?? '', value)) {
      return configResult(ctx, 0, '', 'geo-replication config updated successfully\n');
    }
  } else {
    value = defaults.get(name) ?? '';
  }
  s.config.set(name, value);
  if (name === 'checkpoint') for (const set of s.sets) set.checkpointDone = null;
  if (!NO_RESTART.has(name) && s.state === 'Started') world.startWorkers(s);
  return configResult(
    ctx,
    0,
    `config-${req.kind} successful`,
    'geo-replication config updated successfully\n',
  );
}

interface CreateOpts {
  sshPort: number;
  pushPem: boolean;
  noVerify: boolean;
  force: boolean;
}

/** gverify.sh: [blocking error] or the list of errors force bypasses. */
function gverify(
  ctx: Ctx,
  v: VolRec,
  sec: Secondary,
  sshPort: number,
): { blocker: string | null; soft: string[] } {
  const { world } = ctx;
  const h = world.hosts.get(sec.host);
  if (!h || !world.reachable(h) || h.sshPort !== sshPort) {
    return { blocker: `${sec.host} not reachable.`, soft: [] };
  }
  if (!h.users.includes(sec.user) || !world.sshTrusted(sec.user, sec.host)) {
    return {
      blocker: `Passwordless ssh login has not been setup with ${sec.host} for user ${sec.user}.`,
      soft: [],
    };
  }
  if (!h.glusterVersion || !h.poolId) {
    return { blocker: `gluster command not found on ${sec.host} for user ${sec.user}.`, soft: [] };
  }
  // gverify mounts the secondary as that user through the mountbroker (gverify.sh secondary_stats)
  if (
    sec.user !== 'root' &&
    world.mountbrokerOracle?.(sec.host, sec.user, sec.volume).mounts === false
  ) {
    return {
      blocker:
        'Unable to mount and fetch secondary volume details. Please check the log: /var/log/glusterfs/geo-replication/gverify-secondarymnt.log',
      soft: [],
    };
  }
  if (!v.started || !v.bricks.some((b) => world.brickOnline(v, b))) {
    return {
      blocker:
        'Unable to mount and fetch primary volume details. Please check the log: /var/log/glusterfs/geo-replication/gverify-primarymnt.log',
      soft: [],
    };
  }
  const sv = world.volume(h.poolId, sec.volume);
  if (!sv || !sv.started || !sv.bricks.some((b) => world.brickOnline(sv, b))) {
    return {
      blocker:
        'Unable to mount and fetch secondary volume details. Please check the log: /var/log/glusterfs/geo-replication/gverify-secondarymnt.log',
      soft: [],
    };
  }
  const soft: string[] = [];
  if (sv.sizeBytes < v.sizeBytes)
    soft.push('Total disk size of primary is greater than disk size of secondary.');
  const primaryAvailable = v.sizeBytes - (v.usedBytes + BUFFER_SIZE);
  const secondaryAvailable = sv.sizeBytes - sv.usedBytes;
  if (secondaryAvailable < primaryAvailable) {
    soft.push('Total available size of primary is greater than available size of secondary');
  }
  if (sv.rootEntries > 0) {
    soft.push(
      `${sec.host}::${sec.volume} is not empty. Please delete existing files in ${sec.host}::${sec.volume} and retry, or use force to continue without deleting the existing files.`,
    );
  }
  const pv = ctx.node.glusterVersion ?? '';
  if (pv !== h.glusterVersion) {
    soft.push(
      `Gluster version mismatch between primary and secondary. Primary version: ${pv} Secondary version: ${h.glusterVersion}`,
    );
  }
  return { blocker: null, soft };
}

function georepCreate(ctx: Ctx, pvol: string, sec: Secondary, o: CreateOpts): CliResult {
  const fail = (msg: string): CliResult => actionResult(ctx, 'Creating', pvol, sec.raw, -1, msg);
  const { world } = ctx;
  const v = world.volume(ctx.poolId, pvol);
  if (!v) return fail(`Volume name ${pvol} does not exist`);
  const peer = downPeer(ctx, v);
  if (peer && !o.force) return fail(peerDownMsg(peer, v));
  if (!o.noVerify) {
    const r = gverify(ctx, v, sec, o.sshPort);
    if (r.blocker) return fail(r.blocker);
    if (r.soft.length && !o.force) return fail(r.soft.join('\n'));
  }
  if (o.pushPem && !world.pools.get(ctx.poolId)?.gsec) {
    return fail(
      `${GSEC_PUB} required for push-pem is not present. Please run "gluster system:: execute gsec_create"`,
    );
  }
  const existing = world.sessions.find(
    (s) =>
      s.poolId === ctx.poolId && s.pvol === pvol && s.host === sec.host && s.svol === sec.volume,
  );
  if (existing && !o.force)
    return fail(`Session between ${pvol} and ${sec.raw} is already created.`);
  const h = world.hosts.get(sec.host);
  const sv = h?.poolId ? world.volume(h.poolId, sec.volume) : undefined;
  if (!sv) return fail('Unable to get remote volume uuid.');
  const sameVolume = world.sessions.find(
    (s) => s.poolId === ctx.poolId && s.pvol === pvol && s.svolUuid === sv.uuid && s !== existing,
  );
  if (sameVolume && !o.force) {
    return fail(
      `Session between ${pvol} and ${sameVolume.host}:${sec.volume} is already created! Cannot create with new secondary:${sec.host} again!`,
    );
  }
  if (sameVolume) {
    sameVolume.host = sec.host;
    sameVolume.user = sec.user;
  } else if (existing) {
    existing.user = sec.user;
  } else {
    world.createSession({
      poolId: ctx.poolId,
      pvol: v,
      user: sec.user,
      host: sec.host,
      svol: sec.volume,
      svolUuid: sv.uuid,
      originUuid: ctx.node.uuid,
    });
  }
  // glusterd_set_gsync_confs, then the create hook on the secondary
  world.setOption(v, 'geo-replication.indexing', 'on');
  world.setOption(v, 'geo-replication.ignore-pid-check', 'on');
  world.setOption(v, 'changelog.changelog', 'on');
  world.setOption(sv, 'features.read-only', 'on');
  return actionResult(ctx, 'Creating', pvol, sec.raw, 0, '');
}

// ------------------------------------------------------------------ geo-rep status

interface Row {
  session: SessionRec;
  node: string;
  brick: string;
  nodeUuid: string;
  secondary: string;
  secondaryNode: string;
  status: string;
  crawl: string;
  entry: string;
  data: string;
  meta: string;
  failures: string;
  checkpointCompleted: string;
  lastSynced: string;
  checkpointTime: string;
  checkpointCompletionTime: string;
}

function statusRows(
  ctx: Ctx,
  sessions: SessionRec[],
  secondaryText: (s: SessionRec) => string,
): Row[] {
  const { world } = ctx;
  const rows: Row[] = [];
  const NA = 'N/A';
  for (const s of sessions) {
    const v = world.volume(s.poolId, s.pvol);
    if (!v) continue;
    for (const b of v.bricks) {
      // Only connected nodes answer, and a brick that is down has no row (as in Gluster).
      if (!world.brickOnline(v, b)) continue;
      const host = world.hosts.get(b.host)!;
      const row: Row = {
        session: s,
        node: b.host,
        brick: b.path,
        nodeUuid: host.uuid,
        secondary: secondaryText(s),
        secondaryNode: NA,
        status: s.state,
        crawl: NA,
        entry: NA,
        data: NA,
        meta: NA,
        failures: NA,
        checkpointCompleted: NA,
        lastSynced: NA,
        checkpointTime: NA,
        checkpointCompletionTime: NA,
      };
      if (s.state === 'Started') {
        const w = s.workers.get(b.name)!;
        const set = s.sets.find((x) => x.bricks.includes(b.name))!;
        if (w.phase === 'faulty') row.status = 'Faulty';
        else if (w.phase !== 'running') row.status = 'Initializing...';
        else if (set.active !== b.name) {
          row.status = 'Passive';
          row.secondaryNode = '';
        } else {
          // gsyncd's get_status for an Active worker (georep-status-active.xml)
          const p = world.pending(set, world.t, w);
          const cp = world.checkpointOf(s);
          Object.assign(row, {
            status: 'Active',
            secondaryNode: '',
            crawl: w.crawl,
            entry: String(p.entry),
            data: String(p.data),
            meta: String(p.meta),
            failures: '0',
            lastSynced: set.stime ? humanTime(set.stime) : NA,
          });
          if (cp > 0) {
            const done = set.checkpointDone?.checkpoint === cp ? set.checkpointDone : null;
            row.checkpointTime = humanTime(cp);
            row.checkpointCompleted = done ? 'Yes' : 'No';
            row.checkpointCompletionTime = done ? humanTime(done.at) : NA;
          }
        }
      }
      rows.push(row);
    }
  }
  return rows;
}

function statusFailed(ctx: Ctx, message: string | null, noneMessage: boolean): CliResult {
  // With --xml, gluster prints no XML when there is nothing to show (georep-status-all-none.xml,
  // georep-status-nonexistent-session.xml): plain text, exit code 2.
  if (ctx.xml) return ok('geo-replication command failed\n', 2);
  if (message) return err(`${message}\n`, 1, 'geo-replication command failed\n');
  return ok(
    `${noneMessage ? 'No active geo-replication sessions\n' : ''}geo-replication command failed\n`,
    1,
  );
}

function georepStatus(
  ctx: Ctx,
  pvol: string | undefined,
  sec: Secondary | null,
  detail: boolean,
): CliResult {
  const { world } = ctx;
  let sessions: SessionRec[];
  if (pvol === undefined) {
    sessions = world.sessionsOf(ctx.poolId);
  } else {
    if (!world.volume(ctx.poolId, pvol))
      return statusFailed(ctx, `Volume name ${pvol} does not exist`, false);
    if (sec) {
      const s = findSession(ctx, pvol, sec);
      sessions = s ? [s] : [];
    } else sessions = world.sessionsOf(ctx.poolId, pvol);
  }
  // Per-session status echoes the secondary as typed; all/volume status spells it ssh://...
  const rows = statusRows(ctx, sessions, (s) => (sec ? sec.raw : ssh(s)));
  if (!rows.length) return statusFailed(ctx, null, true);
  if (!ctx.xml) return ok(statusText(rows, detail));
  const volumes: XNode[] = [];
  let vol: XNode | null = null;
  let sessionsNode: XNode | null = null;
  let sessionNode: XNode | null = null;
  let lastVol = '';
  let lastSession: SessionRec | null = null;
  for (const r of rows) {
    if (!vol || r.session.pvol !== lastVol) {
      sessionsNode = parent('sessions', []);
      vol = parent('volume', [el('name', r.session.pvol), sessionsNode]);
      volumes.push(vol);
      lastVol = r.session.pvol;
      lastSession = null;
    }
    if (r.session !== lastSession) {
      const s: SessionRec = r.session;
      sessionNode = parent('session', [
        el('session_secondary', `${s.originUuid}:${ssh(s)}:${s.svolUuid}`),
      ]);
      sessionsNode!.children!.push(sessionNode);
      lastSession = s;
    }
    sessionNode!.children!.push(
      parent('pair', [
        el('primary_node', r.node),
        el('primary_brick', r.brick),
        el('secondary_user', r.session.user),
        el('secondary', r.secondary),
        el('secondary_node', r.secondaryNode),
        el('status', r.status),
        el('crawl_status', r.crawl),
        el('entry', r.entry),
        el('data', r.data),
        el('meta', r.meta),
        el('failures', r.failures),
        el('checkpoint_completed', r.checkpointCompleted),
        el('primary_node_uuid', r.nodeUuid),
        el('last_synced', r.lastSynced),
        el('checkpoint_time', r.checkpointTime),
        el('checkpoint_completion_time', r.checkpointCompletionTime),
      ]),
    );
  }
  // georep-status-all.xml: the all-sessions form carries "primary not found" with opRet 0.
  const errstr = pvol === undefined ? 'primary not found' : '';
  return ok(cliOutput(0, 0, errstr, [parent('geoRep', volumes)]));
}

/** The CLI's status table (georep-status-*.txt). */
export function statusText(rows: Row[], detail: boolean): string {
  const cols: [string, (r: Row) => string][] = [
    ['PRIMARY NODE', (r) => r.node],
    ['PRIMARY VOL', (r) => r.session.pvol],
    ['PRIMARY BRICK', (r) => r.brick],
    ['SECONDARY USER', (r) => r.session.user],
    ['SECONDARY', (r) => r.secondary],
    ['SECONDARY NODE', (r) => r.secondaryNode],
    ['STATUS', (r) => r.status],
    ['CRAWL STATUS', (r) => r.crawl],
    ['LAST_SYNCED', (r) => r.lastSynced],
  ];
  if (detail) {
    cols.push(
      ['ENTRY', (r) => r.entry],
      ['DATA', (r) => r.data],
      ['META', (r) => r.meta],
      ['FAILURES', (r) => r.failures],
      ['CHECKPOINT TIME', (r) => r.checkpointTime],
      ['CHECKPOINT COMPLETED', (r) => r.checkpointCompleted],
      ['CHECKPOINT COMPLETION TIME', (r) => r.checkpointCompletionTime],
    );
  }
  // Every column is as wide as its header or widest value plus 4; the last one is as wide as its
  // widest value (at least 11) plus 10, and the dashes stop 11 short of the line (fixtures).
  const last = cols.length - 1;
  const widths = cols.map(([h, f], i) =>
    i === last
      ? Math.max(11, ...rows.map((r) => f(r).length)) + 10
      : Math.max(h.length, ...rows.map((r) => f(r).length)) + 4,
  );
  const line = (vals: string[]): string => vals.map((x, i) => x.padEnd(widths[i]!)).join('');
  const header = line(cols.map(([h]) => h));
  const total = widths.reduce((a, b) => a + b, 0) - 11;
  return (
    [' ', header, '-'.repeat(total), ...rows.map((r) => line(cols.map(([, f]) => f(r))))].join(
      '\n',
    ) + '\n'
  );
}

// ------------------------------------------------------------------ volumes and peers

const TYPE: Record<string, [number, string]> = {
  distribute: [0, 'Distribute'],
  replicate: [2, 'Replicate'],
  disperse: [4, 'Disperse'],
  'distributed-replicate': [7, 'Distributed-Replicate'],
  'distributed-disperse': [9, 'Distributed-Disperse'],
};

function volType(world: World, v: VolRec): [number, string] {
  const distributed = world.subvolumes(v).length > 1;
  if (v.type === 'distribute') return TYPE.distribute!;
  if (v.type === 'disperse') return distributed ? TYPE['distributed-disperse']! : TYPE.disperse!;
  return distributed ? TYPE['distributed-replicate']! : TYPE.replicate!;
}

function volError(ctx: Ctx, message: string): CliResult {
  if (ctx.xml) return { stdout: cliOutput(-1, 30800, message, []), stderr: '', code: 1 };
  return err(`${message}\n`);
}

function volumeInfo(ctx: Ctx, args: string[]): CliResult {
  const { world } = ctx;
  if (args.length > 1) return err('Usage:\nvolume info [all|<VOLNAME>]\n');
  const name = args[0];
  let vols = world.volumesOf(ctx.poolId);
  if (name !== undefined && name !== 'all') {
    vols = vols.filter((v) => v.name === name);
    if (!vols.length) return volError(ctx, `Volume ${name} does not exist`);
  }
  if (!ctx.xml) {
    if (!vols.length) return ok('No volumes present\n');
    return ok(vols.map((v) => volumeInfoText(ctx, v)).join(''));
  }
  const kids: XNode[] = vols.map((v) => {
    const [type, typeStr] = volType(world, v);
    const disperse = v.type === 'disperse';
    const opts = [...v.options].reverse();
    return parent('volume', [
      el('name', v.name),
      el('id', v.uuid),
      el('status', v.started ? 1 : v.neverStarted ? 0 : 2),
      el('statusStr', volumeState(v)),
      el('snapshotCount', 0),
      el('brickCount', v.bricks.length),
      el('distCount', v.setSize),
      el('replicaCount', disperse ? 1 : v.setSize),
      el('arbiterCount', 0),
      el('disperseCount', disperse ? v.setSize : 0),
      el('redundancyCount', disperse ? 1 : 0),
      el('type', type),
      el('typeStr', typeStr),
      el('transport', 0),
      parent(
        'bricks',
        v.bricks.map((b) => {
          const uuid = world.hosts.get(b.host)!.uuid;
          return {
            name: 'brick',
            attrs: [['uuid', uuid]] as [string, string][],
            text: b.name,
            children: [el('name', b.name), el('hostUuid', uuid), el('isArbiter', 0)],
          };
        }),
      ),
      el('optCount', opts.length),
      parent(
        'options',
        opts.map(([k, val]) => parent('option', [el('name', k), el('value', val)])),
      ),
    ]);
  });
  return ok(
    cliOutput(0, 0, '', [
      parent('volInfo', [parent('volumes', [...kids, el('count', vols.length)])]),
    ]),
  );
}

function volumeInfoText(ctx: Ctx, v: VolRec): string {
  const subs = ctx.world.subvolumes(v).length;
  const bricks =
    v.setSize > 1 ? `${subs} x ${v.setSize} = ${v.bricks.length}` : String(v.bricks.length);
  const lines = [
    ' ',
    `Volume Name: ${v.name}`,
    `Type: ${volType(ctx.world, v)[1]}`,
    `Volume ID: ${v.uuid}`,
    `Status: ${volumeState(v)}`,
    'Snapshot Count: 0',
    `Number of Bricks: ${bricks}`,
    'Transport-type: tcp',
    'Bricks:',
    ...v.bricks.map((b, i) => `Brick${i + 1}: ${b.name}`),
    'Options Reconfigured:',
    ...[...v.options].reverse().map(([k, val]) => `${k}: ${val}`),
  ];
  return lines.join('\n') + '\n';
}

function volumeList(ctx: Ctx): CliResult {
  const vols = ctx.world.volumesOf(ctx.poolId);
  if (!ctx.xml)
    return ok(
      vols.length ? vols.map((v) => `${v.name}\n`).join('') : 'No volumes present in cluster\n',
    );
  return ok(
    cliOutput(0, 0, '', [
      parent('volList', [el('count', vols.length), ...vols.map((v) => el('volume', v.name))]),
    ]),
  );
}

function volumeStatus(ctx: Ctx, args: string[]): CliResult {
  const { world } = ctx;
  let detail = false;
  let name: string | undefined;
  for (const a of args) {
    if (a === 'detail') detail = true;
    else if (name === undefined) name = a;
    else return err(`unrecognized word: ${a} (position ${args.indexOf(a) + 2})\n`);
  }
  let vols: VolRec[];
  if (name === undefined || name === 'all') {
    vols = world.volumesOf(ctx.poolId).filter((v) => v.started);
    if (!vols.length) return volError(ctx, 'No volumes present');
  } else {
    const v = world.volume(ctx.poolId, name);
    if (!v) return volError(ctx, `Volume ${name} does not exist`);
    if (!v.started) return volError(ctx, `Volume ${name} is not started`);
    vols = [v];
  }
  const volumes = vols.map((v) => {
    const nodes: XNode[] = [];
    for (const b of v.bricks) {
      if (!world.glusterUp(b.host)) continue;
      const online = world.brickOnline(v, b);
      const host = world.hosts.get(b.host)!;
      const base: XNode[] = [
        el('hostname', b.host),
        el('path', b.path),
        el('peerid', host.uuid),
        el('status', online ? 1 : 0),
        el('port', online ? b.port : 'N/A'),
        parent('ports', [el('tcp', online ? b.port : 'N/A'), el('rdma', 'N/A')]),
        el('pid', online ? b.pid : 'N/A'),
      ];
      if (detail) {
        const sets = world.subvolumes(v).length;
        const size = Math.floor(v.sizeBytes / sets);
        base.push(
          el('sizeTotal', size),
          el('sizeFree', Math.max(0, size - Math.floor(v.usedBytes / sets))),
          el('device', `/dev/mapper/gluster_vg_sdb-gluster_lv_${v.name}`),
          el('blockSize', 4096),
          el(
            'mntOptions',
            'rw,noatime,nouuid,attr2,inode64,logbufs=8,logbsize=256k,sunit=512,swidth=512,noquota',
          ),
          el('fsName', 'xfs'),
          el('inodesTotal', Math.floor(size / 4096 / 64)),
          el('inodesFree', Math.floor(size / 4096 / 64) - v.rootEntries * 20),
        );
      }
      nodes.push(parent('node', base));
    }
    if (!detail && v.type !== 'distribute') {
      const hosts = [...new Set(v.bricks.map((b) => b.host))].filter((h) => world.glusterUp(h));
      hosts.sort((a, b) => (a === ctx.node.address ? -1 : b === ctx.node.address ? 1 : 0));
      for (const h of hosts) {
        const rec = world.hosts.get(h)!;
        nodes.push(
          parent('node', [
            el('hostname', 'Self-heal Daemon'),
            el('path', h === ctx.node.address ? 'localhost' : h),
            el('peerid', rec.uuid),
            el('status', 1),
            el('port', 'N/A'),
            parent('ports', [el('tcp', 'N/A'), el('rdma', 'N/A')]),
            el('pid', intFor(world.seed, `shd:${h}`, 1200, 32000)),
          ]),
        );
      }
    }
    const kids: XNode[] = [el('volName', v.name), el('nodeCount', nodes.length), ...nodes];
    if (!detail) kids.push(el('tasks'));
    return parent('volume', kids);
  });
  if (!ctx.xml) return ok(volumeStatusText(volumes));
  return ok(cliOutput(0, 0, '', [parent('volStatus', [parent('volumes', volumes)])]));
}

function volumeStatusText(volumes: XNode[]): string {
  const out: string[] = [];
  const text = (n: XNode, name: string): string =>
    n.children?.find((c) => c.name === name)?.text ?? '';
  for (const v of volumes) {
    const name = text(v, 'volName');
    out.push(`Status of volume: ${name}`);
    out.push('Gluster process                             TCP Port  RDMA Port  Online  Pid');
    out.push('-'.repeat(78));
    for (const n of v.children!.filter((c) => c.name === 'node')) {
      const host = text(n, 'hostname');
      const label =
        host === 'Self-heal Daemon'
          ? `Self-heal Daemon on ${text(n, 'path')}`
          : `Brick ${host}:${text(n, 'path')}`;
      const tcp = n.children!.find((c) => c.name === 'ports')!.children![0]!.text ?? 'N/A';
      const online = text(n, 'status') === '1' ? 'Y' : 'N';
      out.push(
        `${label.padEnd(44)}${tcp.padEnd(10)}${(host === 'Self-heal Daemon' ? 'N/A' : '0').padEnd(11)}${online.padEnd(8)}${text(n, 'pid')} `,
      );
    }
    out.push(
      ' ',
      `Task Status of Volume ${name}`,
      '-'.repeat(78),
      'There are no active volume tasks',
      ' ',
    );
  }
  return out.join('\n') + '\n';
}

function peers(ctx: Ctx): HostRec[] {
  const pool = ctx.world.pools.get(ctx.poolId)!;
  return pool.hosts.filter((a) => a !== ctx.node.address).map((a) => ctx.world.hosts.get(a)!);
}

function peerNode(ctx: Ctx, h: HostRec): XNode {
  return parent('peer', [
    el('uuid', h.uuid),
    el('hostname', h.address),
    parent('hostnames', [el('hostname', h.address)]),
    el('connected', ctx.world.glusterUp(h.address) ? 1 : 0),
    el('state', 3),
    el('stateStr', 'Peer in Cluster'),
  ]);
}

function peerStatus(ctx: Ctx): CliResult {
  const ps = peers(ctx);
  if (!ctx.xml) {
    const blocks = ps.map(
      (h) =>
        `\nHostname: ${h.address}\nUuid: ${h.uuid}\nState: Peer in Cluster (${ctx.world.glusterUp(h.address) ? 'Connected' : 'Disconnected'})\n`,
    );
    return ok(`Number of Peers: ${ps.length}\n${blocks.join('')}`);
  }
  return ok(
    cliOutput(0, 0, '', [
      ps.length
        ? parent(
            'peerStatus',
            ps.map((h) => peerNode(ctx, h)),
          )
        : el('peerStatus'),
    ]),
  );
}

function poolList(ctx: Ctx): CliResult {
  const ps = peers(ctx);
  if (!ctx.xml) {
    const rows = ps.map(
      (h) =>
        `${h.uuid}\t${h.address}\t${ctx.world.glusterUp(h.address) ? 'Connected' : 'Disconnected'} `,
    );
    return ok(
      ['UUID\t\t\t\t\tHostname \tState', ...rows, `${ctx.node.uuid}\tlocalhost\tConnected `].join(
        '\n',
      ) + '\n',
    );
  }
  const local = parent('peer', [
    el('uuid', ctx.node.uuid),
    el('hostname', 'localhost'),
    el('connected', 1),
  ]);
  return ok(
    cliOutput(0, 0, '', [parent('peerStatus', [...ps.map((h) => peerNode(ctx, h)), local])]),
  );
}

function gsecCreate(ctx: Ctx): CliResult {
  ctx.world.pools.get(ctx.poolId)!.gsec = true;
  return ok(`Common secret pub file present at ${GSEC_PUB}\n`);
}

// ------------------------------------------------------------------ volume create/start/stop/delete/set

/** `Started`, `Stopped`, or `Created` for a volume never started (captured on 10.3: status 0). */
function volumeState(v: VolRec): string {
  return v.started ? 'Started' : v.neverStarted ? 'Created' : 'Stopped';
}

/**
 * A volume management answer: XML with opRet/opErrno/opErrstr and, on success, `<op><volume>
 * <name/><id/></volume></op>` (cli_xml_output_vol_create / _generic_volume); exit code 0 in XML
 * mode whatever opRet says. Text: `volume <verb>: <name>: success|failed: <why>`.
 */
function volumeAnswer(
  ctx: Ctx,
  verb: 'create' | 'start' | 'stop' | 'delete',
  name: string,
  opRet: number,
  opErrno: number,
  opErrstr: string,
  v?: VolRec,
): CliResult {
  if (ctx.xml) {
    const op = { create: 'volCreate', start: 'volStart', stop: 'volStop', delete: 'volDelete' }[
      verb
    ];
    const body =
      opRet === 0 && v
        ? [parent(op, [parent('volume', [el('name', v.name), el('id', v.uuid)])])]
        : [];
    return ok(cliOutput(opRet, opErrno, opErrstr, body));
  }
  if (opRet !== 0)
    return err(`volume ${verb}: ${name}: failed${opErrstr ? `: ${opErrstr}` : ''}\n`);
  const extra = verb === 'create' ? ': please start the volume to access data' : '';
  return ok(`volume ${verb}: ${name}: success${extra}\n`);
}

/** The pool member a brick's host names (address or short name), if any. */
function poolHost(ctx: Ctx, name: string): HostRec | undefined {
  const pool = ctx.world.pools.get(ctx.poolId)!;
  const n = name.toLowerCase().replace(/\.$/, '');
  for (const a of pool.hosts) {
    const h = ctx.world.hosts.get(a)!;
    if (h.address.toLowerCase() === n || h.name.toLowerCase() === n) return h;
  }
  return undefined;
}

const nestedPath = (a: string, b: string): boolean =>
  a === b || a.startsWith(b === '/' ? '/' : `${b}/`) || b.startsWith(a === '/' ? '/' : `${a}/`);

const parentDir = (p: string): string =>
  p.lastIndexOf('/') <= 0 ? '/' : p.slice(0, p.lastIndexOf('/'));

/**
 * `volume create <name> <host:/path>... [force]` (plain distribute: the only kind the service
 * creates). Checks in glusterd's order, with the texts captured on 10.3: the name, each brick's
 * host in the pool, the brick path not containing or inside another brick, the path a directory
 * whose parent exists (glusterd makes only the last component), the root partition (unless
 * force), the volume-id attribute on the path or a parent (only a warning with force).
 */
function volumeCreate(ctx: Ctx, args: string[]): CliResult {
  const usage =
    'Usage:\nvolume create <NEW-VOLNAME> [stripe <COUNT>] [[replica <COUNT> [arbiter <COUNT>]]|[replica 2 thin-arbiter 1]] [disperse [<COUNT>]] [disperse-data <COUNT>] [redundancy <COUNT>] [transport <tcp|rdma|tcp,rdma>] <NEW-BRICK> <TA-BRICK>... [force]\n';
  const [name, ...rest] = args;
  if (!name || rest.length === 0) return err(usage);
  const force = rest[rest.length - 1] === 'force';
  const bricks = force ? rest.slice(0, -1) : rest;
  if (
    bricks.length === 0 ||
    bricks.some((b) =>
      ['replica', 'disperse', 'stripe', 'arbiter', 'transport', 'redundancy'].includes(b),
    )
  ) {
    return err(usage); // only plain distribute volumes are modelled
  }
  for (const b of bricks) {
    const i = b.lastIndexOf(':');
    if (i <= 0 || b[i + 1] !== '/')
      return err(`Wrong brick type: ${b}, use <HOSTNAME>:<export-dir-abs-path>\n${usage}`);
    if (/^(localhost|127\.|0\.)/.test(b.slice(0, i))) {
      return err(
        'Please provide a valid hostname/ip other than localhost, 127.0.0.1 or loopback address (0.0.0.0 to 0.255.255.255).\n',
      ); // unverified text
    }
  }
  const { world } = ctx;
  const fail = (errno: number, msg: string): CliResult =>
    volumeAnswer(ctx, 'create', name, -1, errno, msg);
  if (world.volume(ctx.poolId, name)) return fail(0, `Volume ${name} already exists`); // captured: errno 0
  const placed: { host: HostRec; path: string; typed: string }[] = [];
  for (const b of bricks) {
    const i = b.lastIndexOf(':');
    const host = poolHost(ctx, b.slice(0, i));
    const path = b.slice(i + 1).replace(/\/+$/, '') || '/';
    if (!host) return fail(30800, `Host ${b.slice(0, i)} is not in 'Peer in Cluster' state`);
    const inUse = world.volumes.some((v) =>
      v.bricks.some((x) => x.host === host.address && nestedPath(x.path, path)),
    );
    if (inUse) {
      return fail(
        30800,
        `Brick: ${b} not available. Brick may be containing or be contained by an existing brick.`,
      );
    }
    placed.push({ host, path, typed: b });
  }
  let warning = '';
  for (const { host, path, typed } of placed) {
    const d = world.dir(host.address, path);
    if (d?.file)
      return fail(30800, `The provided path ${path} which is already present, is not a directory`);
    if (!d && !world.dir(host.address, parentDir(path))) {
      return fail(
        30800,
        `Failed to create brick directory for brick ${typed}. Reason : No such file or directory `,
      );
    }
    if (!force && !path.startsWith('/gluster_bricks/')) {
      return fail(
        30800,
        `The brick ${typed} is being created in the root partition. It is recommended that you don't use the system's root partition for storage backend. Or use 'force' at the end of the command if you want to override this behavior.`,
      );
    }
    // glusterd_is_path_in_use: the path, then each parent up to /
    let at: string | null = null;
    for (let p = path; ; p = parentDir(p)) {
      const x = p === path ? d : world.dirs.get(`${host.address}\n${p}`);
      if (x?.volumeId) {
        at = p;
        break;
      }
      if (p === '/') break;
    }
    if (at) {
      const msg =
        at === path
          ? `${path} is already part of a volume`
          : `parent directory ${at} is already part of a volume`;
      if (!force) return fail(30800, msg);
      warning = msg; // captured: with force, opRet 0 and the message as a warning
    }
  }
  const root = placed
    .map(({ host, path }) => world.dir(host.address, path)?.entries ?? 0)
    .reduce((a, b) => a + b, 0);
  for (const { host, path } of placed) world.makeDir(host.address, path).glusterMeta = true;
  const v = world.createVolume({
    name,
    poolId: ctx.poolId,
    bricks: placed.map(({ host, path }) => ({ host: host.address, path })),
    sizeBytes: SIM_FILESYSTEM.sizeBytes,
    rootEntries: root,
  });
  return volumeAnswer(ctx, 'create', name, 0, 0, warning, v);
}

function volumeVerb(ctx: Ctx, verb: 'start' | 'stop' | 'delete', args: string[]): CliResult {
  const [name, ...rest] = args;
  const force = rest.length === 1 && rest[0] === 'force';
  if (!name || (rest.length > 0 && !(force && verb !== 'delete'))) {
    const u = {
      start: 'volume start <VOLNAME> [force]',
      stop: 'volume stop <VOLNAME> [force]',
      delete: 'volume delete <VOLNAME>',
    }[verb];
    return err(`Usage:\n${u}\n`);
  }
  const { world } = ctx;
  const v = world.volume(ctx.poolId, name);
  const fail = (msg: string): CliResult => volumeAnswer(ctx, verb, name, -1, 30800, msg);
  if (!v) return fail(`Volume ${name} does not exist`); // captured
  if (verb === 'start') {
    if (v.started && !force) return fail(`Volume ${name} already started`); // captured
    v.started = true;
    v.neverStarted = false;
    for (const b of v.bricks) b.online = true;
  } else if (verb === 'stop') {
    if (!v.started) return fail(`Volume ${name} is not in the started state`);
    v.started = false;
  } else {
    if (v.started)
      return fail(`Volume ${name} has been started.Volume needs to be stopped before deletion.`);
    world.deleteVolume(v);
  }
  return volumeAnswer(ctx, verb, name, 0, 0, '', v);
}

/** `volume set <name> <key> <value>`: user.* options (any value) and options the volume already lists. */
function volumeSet(ctx: Ctx, args: string[]): CliResult {
  if (args.length !== 3) return err('Usage:\nvolume set <VOLNAME> <KEY> <VALUE>\n');
  const [name, key, value] = args as [string, string, string];
  const v = ctx.world.volume(ctx.poolId, name);
  const answer = (opRet: number, opErrstr: string): CliResult => {
    if (ctx.xml) {
      // captured: <cliOp>volSet</cliOp><output>Set volume (un)successful</output>
      return ok(
        cliOutput(opRet, opRet === 0 ? 0 : 30800, opErrstr, [
          el('cliOp', 'volSet'),
          el('output', `Set volume ${opRet === 0 ? 'successful' : 'unsuccessful'}`),
        ]),
      );
    }
    return opRet === 0 ? ok('volume set: success\n') : err(`volume set: failed: ${opErrstr}\n`);
  };
  if (!v) return answer(-1, `Volume ${name} does not exist`); // captured
  if (value === '') return err('\nUsage:\nvolume set <VOLNAME> group <GROUP>\n'); // seen on 10.3
  if (
    !key.startsWith('user.') &&
    !SIM_SETTABLE.includes(key) &&
    !v.options.some(([k]) => k === key)
  ) {
    return answer(-1, `option : ${key} does not exist`); // unverified text
  }
  if (SIM_SETTABLE.includes(key) && value !== 'on' && value !== 'off')
    return answer(-1, `option ${key} ${value}: '${value}' is not a valid boolean value`); // unverified text
  if (key === 'geo-replication.indexing' && value === 'off' && primaryOfSession(ctx, name))
    return answer(
      -1,
      'geo-replication.indexing cannot be disabled while geo-replication sessions exist',
    ); // glusterd-volume-set.c validate_geo_rep_indexing, unverified text
  ctx.world.setOption(v, key, value);
  return answer(0, '');
}

/** Options the simulator lets `volume set` add even when the volume does not list them yet. */
const SIM_SETTABLE = ['features.read-only', 'geo-replication.indexing', 'changelog.changelog'];

function primaryOfSession(ctx: Ctx, volume: string): boolean {
  return ctx.world.sessions.some((s) => s.poolId === ctx.poolId && s.pvol === volume);
}

/**
 * `volume reset <name> <key> [force]`. As Gluster 10.3 on the lab: a user.* option "does not
 * exist" for reset; resetting geo-replication.indexing while the volume is a session's primary
 * needs force (the RHGS guide resets it with force).
 */
function volumeReset(ctx: Ctx, args: string[]): CliResult {
  const force = args[2] === 'force';
  if (args.length < 2 || args.length > 3 || (args.length === 3 && !force))
    return err('Usage:\nvolume reset <VOLNAME> [option] [force]\n');
  const [name, key] = args as [string, string];
  const v = ctx.world.volume(ctx.poolId, name);
  const answer = (opRet: number, opErrstr: string): CliResult => {
    if (ctx.xml)
      return ok(
        cliOutput(opRet, opRet === 0 ? 0 : 30800, opErrstr, [
          el('cliOp', 'volReset'),
          el('output', opRet === 0 ? 'reset volume successful' : opErrstr),
        ]),
      );
    return opRet === 0
      ? ok('volume reset: success: reset volume successful\n')
      : err(`volume reset: failed: ${opErrstr}\n`);
  };
  if (!v) return answer(-1, `Volume ${name} does not exist`);
  if (key.startsWith('user.') || !v.options.some(([k]) => k === key)) {
    if (key.startsWith('user.') || !SIM_SETTABLE.includes(key))
      return answer(-1, `Option ${key} does not exist\nDid you mean cluster.op-version?`); // seen on 10.3
    return answer(0, ''); // a known option at its default: nothing to reset
  }
  if (key === 'geo-replication.indexing' && !force && primaryOfSession(ctx, name))
    return answer(
      -1,
      'geo-replication.indexing cannot be disabled while geo-replication sessions exist',
    ); // unverified text
  v.options = v.options.filter(([k]) => k !== key);
  return answer(0, '');
}

/** The cluster-wide options the simulator models (glusterd-volume-set.c: "all" volume options). */
const ALL_OPTIONS = ['cluster.enable-shared-storage'];

/** `volume get all <opt>` (cli_xml_output_vol_getopts: volGetopts/count/Opt/Option/Value). */
function volumeGetAll(ctx: Ctx, args: string[]): CliResult {
  const [key] = args;
  if (args.length !== 1 || !ALL_OPTIONS.includes(key!))
    return err(`volume get option: failed: Did you mean ${ALL_OPTIONS[0]}?\n`);
  const value = ctx.world.pools.get(ctx.poolId)?.sharedStorage ? 'enable' : 'disable';
  if (!ctx.xml)
    return ok(
      `Option                                  Value\n------                                  -----\n${key!.padEnd(40)}${value}\n`,
    );
  return ok(
    cliOutput(0, 0, '', [
      parent('volGetopts', [
        el('count', 1),
        parent('Opt', [el('Option', key), el('Value', value)]),
      ]),
    ]),
  );
}

/** `volume set all cluster.enable-shared-storage enable|disable`. */
function volumeSetAll(ctx: Ctx, args: string[]): CliResult {
  const [key, value] = args;
  const answer = (opRet: number, opErrstr: string): CliResult =>
    ctx.xml
      ? ok(
          cliOutput(opRet, opRet === 0 ? 0 : 30800, opErrstr, [
            el('cliOp', 'volSet'),
            el('output', `Set volume ${opRet === 0 ? 'successful' : 'unsuccessful'}`),
          ]),
        )
      : opRet === 0
        ? ok('volume set: success\n')
        : err(`volume set: failed: ${opErrstr}\n`);
  if (args.length !== 2 || key !== 'cluster.enable-shared-storage')
    return answer(-1, `option : ${key ?? ''} does not exist`);
  const on = value === 'enable';
  if (!on && value !== 'disable')
    return answer(
      -1,
      'Invalid value for cluster.enable-shared-storage. Valid values are enable and disable.',
    );
  const pool = ctx.world.pools.get(ctx.poolId);
  if (!pool) return answer(-1, 'Not a trusted storage pool.');
  // glusterd-op-sm.c refuses to enable it twice: "Shared storage volume already exists."
  if (on && pool.sharedStorage) return answer(-1, 'Shared storage volume already exists.');
  pool.sharedStorage = on;
  return answer(0, '');
}
