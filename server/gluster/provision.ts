// A directory on a remote host as the secondary: Gluster 10 replicates only into a volume, so the
// service provisions a single-brick volume on that directory (`volume create <name>
// <remote>:<path> force`, marks it as its own with a volume option, starts it) and creates the
// session into it. The remote may be reachable only from the cluster host the session is created
// from, so every command runs there: `ssh ... <user>@<remote> gluster ...` on the cluster host.
//
// Two shells parse what the service sends, so there are two quoting layers, each built here from
// an argv with shell-quote after every element was validated:
//   layer 1, the remote command: ['gluster', '--mode=script', '--xml', 'volume', 'create', ...]
//            quoted into ONE string that the remote user's login shell parses (sshd runs
//            `$SHELL -c <string>`; the ssh client sends its command arguments joined by spaces, so
//            it is given exactly one);
//   layer 2, the host command: ['ssh', '-p', <port>, '-o', 'BatchMode=yes', ..., '--',
//            '<user>@<remote>', <layer 1 string>] quoted into the string the cluster host's login
//            shell parses (the service's SSH exec request to the host, or `sh -c` locally).
// Each layer parsed by a POSIX shell gives back exactly its argv (test/node/server/gluster/provision.test.ts
// proves it by running both layers through `sh -c`).
//
// What Gluster 10.3 does, seen on a real node (lab/gluster-lab.sh) and in glusterd's source:
// - `volume create` creates only the last component of the brick path (mkdir, not mkdir -p):
//   "Failed to create brick directory for brick H:P. Reason : No such file or directory";
// - with `force` it accepts a directory that carries trusted.glusterfs.volume-id (a brick of a
//   deleted volume), answering opRet 0 and "P is already part of a volume" (or "parent directory
//   P is already part of a volume") as a mere warning, and it never checks that the directory is
//   empty: this service refuses both itself, before creating anything;
// - a created volume is `Created` (status 0) until started; create writes `.glusterfs` into the
//   brick and the volume-id attribute on it; `volume delete` keeps the brick's contents, that
//   attribute and `.glusterfs`;
// - XML answers: volCreate/volStart/volStop/volDelete carry <volume><name/><id/></volume> on
//   success; volSet carries <cliOp>volSet</cliOp><output>...</output>; exit code 0 whatever
//   opRet says.
import { execFile } from 'node:child_process';
import { quote } from 'shell-quote';
import {
  check,
  checkDirectoryTarget,
  GeoRepValidationError,
  validateHost,
  validateSshPort,
  validateUser,
  validateVolumeName,
} from '../../src/georep/validation';
import { classifySsh } from '../ssh/commands';
import { explain } from '../ssh/messages';
import type { VerifyFailure } from '../ssh/types';
import { allPolicies, knownHostsPolicy, type HostKeyPolicy } from '../ssh/host-trust';
import {
  GlusterTimeoutError,
  GlusterUnreachableError,
  type ExecOptions,
  type ExecResult,
} from './exec';
import { unreachableFrom } from './exec-ssh';
import { KnownHosts } from '../ssh/keys';
import { ChannelError, connectNode, runCommand, type ServiceLogin } from '../ssh/transport';
import { GlusterCommandError, type ParsedVolume } from './types';
import { checkCliResult, parseCliXml, parseVolumeInfo, type CliEnvelope } from './xml';

// ---------------------------------------------------------------- the two layers

/** The volume option that marks a volume as provisioned by this service (`volume set`). */
export const PROVISIONED_OPTION = 'user.ovirt-georep.provisioned';
export const PROVISIONED_VALUE = 'true';

/** A command line run by the login shell of a cluster host (`$SHELL -c <command>`). */
export interface HostShell {
  runShell(node: string, command: string, opts: ExecOptions): Promise<ExecResult>;
}

/** Who logs in where: `ssh -p <port> <user>@<host>` from the cluster host. */
export interface RemoteLogin {
  host: string;
  user: string;
  port: number;
}

/** Directory targets are provisioned as root: creating a Gluster volume takes root on the remote. */
export const rootLogin = (host: string, port: number): RemoteLogin => ({
  host,
  user: 'root',
  port,
});

/** How `ssh` on the cluster host is told to log in to the remote. */
export interface RemoteSshOptions {
  /** A private key file on the cluster host (else ssh's defaults for root). */
  identityFile?: string;
  /** The known_hosts file on the cluster host (else ssh's own). */
  knownHostsFile?: string;
  /** `accept-new` (default, as the passwordless-SSH check) or `yes` (only recorded keys). */
  strictHostKeyChecking?: 'accept-new' | 'yes';
  /** ssh's ConnectTimeout in seconds; default 10. */
  connectTimeoutSec?: number;
  /** The ssh program on the cluster host; default `ssh`. */
  sshCommand?: string;
  /** The gluster program on the remote; default `gluster` (root's PATH has /usr/sbin). */
  glusterCommand?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
const SAFE_PROGRAM = /^[A-Za-z0-9_./-]+$/;
const SAFE_FILE = /^\/[A-Za-z0-9_.@%+=,~/-]*$/;

/**
 * One argv as one string for a POSIX shell (sh, bash, dash): every element quoted with
 * shell-quote, so the shell gives back exactly these elements, each one argument, nothing
 * expanded. Refuses elements a shell line cannot carry literally (control characters, NUL).
 */
export function quoteArgv(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('empty command');
  for (const a of argv) {
    if (typeof a !== 'string') throw new TypeError('argv elements must be strings');
    if (CONTROL.test(a))
      throw new GeoRepValidationError(
        'argument',
        'An argument cannot contain control characters or line breaks.',
      );
  }
  return quote([...argv]);
}

/** Layer 1 as argv: the gluster program on the remote and its arguments. */
export function remoteGlusterArgv(argv: readonly string[], o: RemoteSshOptions = {}): string[] {
  const program = o.glusterCommand ?? 'gluster';
  if (!SAFE_PROGRAM.test(program))
    throw new Error(`unsafe gluster command: ${JSON.stringify(program)}`);
  return [program, ...argv];
}

function checkRemote(remote: RemoteLogin): void {
  check('secondary_host', validateHost(remote.host));
  check('secondary_user', validateUser(remote.user));
  check('ssh_port', validateSshPort(remote.port));
}

/** Layer 2 as argv: ssh on the cluster host, logging in to the remote, with `remoteCommand` (ONE string). */
export function sshArgv(
  remote: RemoteLogin,
  remoteCommand: string,
  o: RemoteSshOptions = {},
): string[] {
  checkRemote(remote);
  const program = o.sshCommand ?? 'ssh';
  if (!SAFE_PROGRAM.test(program))
    throw new Error(`unsafe ssh command: ${JSON.stringify(program)}`);
  for (const f of [o.identityFile, o.knownHostsFile]) {
    if (f !== undefined && (!SAFE_FILE.test(f) || f.includes('/../'))) {
      throw new Error(`unsafe file path for ssh: ${JSON.stringify(f)}`);
    }
  }
  const timeout = Math.max(1, Math.round(o.connectTimeoutSec ?? 10));
  // prettier-ignore
  const argv = [
    program,
    '-p', String(remote.port),
    '-o', 'BatchMode=yes',
    '-o', `StrictHostKeyChecking=${o.strictHostKeyChecking ?? 'accept-new'}`,
    '-o', `ConnectTimeout=${timeout}`,
    '-o', 'PasswordAuthentication=no',
    '-o', 'LogLevel=ERROR',
  ];
  if (o.knownHostsFile) argv.push('-o', `UserKnownHostsFile=${o.knownHostsFile}`);
  if (o.identityFile) argv.push('-o', 'IdentitiesOnly=yes', '-i', o.identityFile);
  argv.push('--', `${remote.user}@${remote.host}`, remoteCommand);
  return argv;
}

/** Both layers of one remote command, spelled out: what each shell parses and what it gives back. */
export interface TwoLayers {
  /** Layer 1 argv: what the remote's shell gives back (the program run on the remote). */
  remoteArgv: string[];
  /** Layer 1 string: what the remote's login shell parses. */
  remoteCommand: string;
  /** Layer 2 argv: what the cluster host's shell gives back (ssh and its arguments). */
  hostArgv: string[];
  /** Layer 2 string: what the cluster host's login shell parses. */
  hostCommand: string;
}

/** `remoteArgv` run on the remote, from the cluster host, as both quoting layers. */
export function twoLayers(
  remote: RemoteLogin,
  remoteArgv: readonly string[],
  o: RemoteSshOptions = {},
): TwoLayers {
  const remoteCommand = quoteArgv(remoteArgv);
  const hostArgv = sshArgv(remote, remoteCommand, o);
  return { remoteArgv: [...remoteArgv], remoteCommand, hostArgv, hostCommand: quoteArgv(hostArgv) };
}

// ---------------------------------------------------------------- gluster argv (validated)

const BASE = ['--mode=script', '--xml'] as const;

function checkedDirectory(path: string): string {
  const r = checkDirectoryTarget(path);
  if ('reason' in r) throw new GeoRepValidationError('secondary_path', r.reason);
  if (r.path !== path)
    throw new GeoRepValidationError('secondary_path', `${path} is not normalised (${r.path}).`);
  return r.path;
}

export function volumeCreateArgv(volume: string, host: string, path: string): string[] {
  check('volume', validateVolumeName(volume));
  check('secondary_host', validateHost(host));
  const dir = checkedDirectory(path);
  // force: the directory is usually on the root file system (or is a mount point); the checks
  // that matter (empty, not a brick before) are this service's own, made before.
  return [...BASE, 'volume', 'create', volume, `${host}:${dir}`, 'force'];
}

export function volumeSetArgv(volume: string, key: string, value: string): string[] {
  check('volume', validateVolumeName(volume));
  if (!/^user\.[A-Za-z0-9_.-]+$/.test(key) || !/^[A-Za-z0-9_.-]+$/.test(value)) {
    throw new GeoRepValidationError(
      'option',
      `Only user.* options with simple values are set here, not ${key}=${value}.`,
    );
  }
  return [...BASE, 'volume', 'set', volume, key, value];
}

export function volumeVerbArgv(verb: 'start' | 'stop' | 'delete', volume: string): string[] {
  check('volume', validateVolumeName(volume));
  return [...BASE, 'volume', verb, volume];
}

export function volumeInfoArgv(volume?: string): string[] {
  if (volume !== undefined) check('volume', validateVolumeName(volume));
  return [...BASE, 'volume', 'info', ...(volume !== undefined ? [volume] : [])];
}

// ---------------------------------------------------------------- the directory on the remote

/**
 * Run on the remote as `sh -c <script> georep-dir <probe|create> <path>`: with `create`, makes the
 * directory (and its parents) when nothing is there; then says what is there, one `key=value` a
 * line: state (missing|empty|not_empty|not_directory), entries, volume_id and volume_id_at (the
 * nearest of the path and its parents that carries trusted.glusterfs.volume-id or trusted.gfid:
 * Gluster's "already part of a volume"), fs_kb and fs_free_kb of the file system it is (or would
 * be) on. It reads and creates nothing else.
 */
export const DIRECTORY_SCRIPT = [
  'set -f',
  'a=$1',
  'p=$2',
  'case $p in /*) ;; *) echo "not an absolute path: $p" >&2; exit 2 ;; esac',
  'if [ "$a" = create ] && [ ! -e "$p" ] && [ ! -L "$p" ]; then mkdir -p -m 0755 -- "$p" || exit 3; echo created=1; fi',
  'if [ -L "$p" ]; then echo state=not_directory; elif [ ! -e "$p" ]; then echo state=missing; elif [ ! -d "$p" ]; then echo state=not_directory; else n=$(ls -A -- "$p" | wc -l); n=$((n + 0)); if [ "$n" -eq 0 ]; then echo state=empty; else echo state=not_empty; fi; echo entries=$n; fi',
  'if command -v getfattr >/dev/null 2>&1; then d=$p; while :; do if [ -e "$d" ]; then for k in trusted.glusterfs.volume-id trusted.gfid; do v=$(getfattr --absolute-names -e hex -n $k -- "$d" 2>/dev/null | sed -n "s/^[^=]*=//p"); if [ -n "$v" ]; then echo "volume_id=$v"; echo "volume_id_at=$d"; break 2; fi; done; fi; [ "$d" = / ] && break; d=$(dirname -- "$d"); done; else echo xattrs=unknown; fi',
  'd=$p; while [ ! -e "$d" ]; do d=$(dirname -- "$d"); done',
  'set -- $(df -Pk -- "$d" | tail -n 1)',
  'echo "fs_kb=$2"',
  'echo "fs_free_kb=$4"',
].join('; ');

export type DirectoryAction = 'probe' | 'create';

/** Layer 1 argv of the directory script. */
export function directoryArgv(action: DirectoryAction, path: string): string[] {
  return ['sh', '-c', DIRECTORY_SCRIPT, 'georep-dir', action, checkedDirectory(path)];
}

export type DirectoryState = 'missing' | 'empty' | 'not_empty' | 'not_directory';

export interface DirectoryProbe {
  path: string;
  state: DirectoryState;
  /** Entries in the directory (besides . and ..). */
  entries: number;
  /** trusted.glusterfs.volume-id (or trusted.gfid) found on the path or a parent, in hex. */
  volumeId: string | null;
  /** Where it was found: the path itself, or a parent. */
  volumeIdAt: string | null;
  /** False when getfattr is missing on the remote (the attributes could not be read). */
  xattrsRead: boolean;
  /** Size and free space of the file system the directory is (or would be) on. */
  fsSizeBytes: number | null;
  fsFreeBytes: number | null;
  /** The script created the directory. */
  created: boolean;
}

/** Reads the directory script's `key=value` lines. */
export function parseDirectoryProbe(path: string, stdout: string): DirectoryProbe | null {
  const kv = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const m = /^([a-z_]+)=(.*)$/.exec(line.trim());
    if (m) kv.set(m[1]!, m[2]!);
  }
  const state = kv.get('state');
  if (
    state !== 'missing' &&
    state !== 'empty' &&
    state !== 'not_empty' &&
    state !== 'not_directory'
  )
    return null;
  const kb = (k: string): number | null =>
    /^\d+$/.test(kv.get(k) ?? '') ? Number(kv.get(k)) * 1024 : null;
  return {
    path,
    state,
    entries: Number(kv.get('entries') ?? 0) || 0,
    volumeId: kv.get('volume_id') || null,
    volumeIdAt: kv.get('volume_id_at') || null,
    xattrsRead: kv.get('xattrs') !== 'unknown',
    fsSizeBytes: kb('fs_kb'),
    fsFreeBytes: kb('fs_free_kb'),
    created: kv.get('created') === '1',
  };
}

// ---------------------------------------------------------------- the remote, from a cluster host

/**
 * Gluster on a remote host, run from a cluster host. The real one is ssh on the cluster host
 * (sshRemoteGluster); the simulator's answers the same way from its world (dev/sim/gluster/remote.ts). Both
 * give raw results: ssh's own failures exit 255 with ssh's words on stderr; no gluster on the
 * remote exits 127 ("gluster: command not found").
 */
export interface RemoteGluster {
  /** `gluster <argv>` on `remote`, from cluster host `node`. */
  gluster(
    node: string,
    remote: RemoteLogin,
    argv: readonly string[],
    opts: ExecOptions,
  ): Promise<ExecResult>;
  /** DIRECTORY_SCRIPT on `remote` for `path`, from cluster host `node`. */
  directory(
    node: string,
    remote: RemoteLogin,
    action: DirectoryAction,
    path: string,
    opts: ExecOptions,
  ): Promise<ExecResult>;
}

/** The real RemoteGluster: both layers built here, run by the cluster host's shell. */
export function sshRemoteGluster(shell: HostShell, o: RemoteSshOptions = {}): RemoteGluster {
  return {
    gluster(node, remote, argv, opts) {
      return shell.runShell(
        node,
        twoLayers(remote, remoteGlusterArgv(argv, o), o).hostCommand,
        opts,
      );
    },
    directory(node, remote, action, path, opts) {
      return shell.runShell(
        node,
        twoLayers(remote, directoryArgv(action, path), o).hostCommand,
        opts,
      );
    },
  };
}

/** A HostShell on this machine (the service runs on the cluster host): `sh -c <command>`, clean environment. */
export function localHostShell(o: { env?: NodeJS.ProcessEnv } = {}): HostShell {
  const env = o.env ?? {
    PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    HOME: '/root',
  };
  return {
    runShell(node, command, opts) {
      return new Promise((resolve, reject) => {
        execFile(
          'sh',
          ['-c', command],
          {
            env,
            timeout: opts.timeoutMs,
            killSignal: 'SIGKILL',
            encoding: 'utf8',
            maxBuffer: 16 * 1024 * 1024,
          },
          (error, stdout, stderr) => {
            if (!error) {
              resolve({ stdout, stderr, code: 0 });
              return;
            }
            const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
            if (e.killed) reject(new GlusterTimeoutError(node, opts.timeoutMs));
            else if (typeof e.code === 'number') resolve({ stdout, stderr, code: e.code });
            else reject(new GlusterUnreachableError(node, e.message));
          },
        );
      });
    },
  };
}

export interface SshHostShellOptions {
  privateKey: string | Buffer;
  passphrase?: string;
  /** known_hosts content: the cluster host's key must be listed (no trust on first use). */
  knownHosts?: string;
  /** Or the installed service's rule: the engine's record of each host's key (ssh/host-trust.ts). */
  hostKeys?: HostKeyPolicy;
  user?: string;
  port?: number;
  connectTimeoutMs?: number;
}

/**
 * A HostShell over SSH: the service's own login to the cluster host (ssh/transport.ts, the host
 * key checked as for every other connection), one connection per command (provisioning is rare).
 */
export function sshHostShell(o: SshHostShellOptions): HostShell {
  if (o.knownHosts === undefined && !o.hostKeys)
    throw new Error('sshHostShell needs knownHosts or hostKeys: host keys are always verified');
  const port = o.port ?? 22;
  const user = o.user ?? 'root';
  const login: ServiceLogin = {
    privateKey: o.privateKey,
    ...(o.passphrase !== undefined ? { passphrase: o.passphrase } : {}),
    user,
    // Every rule given applies (a known_hosts and the engine's record both, when both are given).
    hostKeys: allPolicies([
      ...(o.knownHosts !== undefined ? [knownHostsPolicy(KnownHosts.parse(o.knownHosts))] : []),
      ...(o.hostKeys ? [o.hostKeys] : []),
    ]),
    ...(o.connectTimeoutMs !== undefined ? { connectTimeoutMs: o.connectTimeoutMs } : {}),
  };
  return {
    async runShell(node, command, opts) {
      if (typeof command !== 'string' || command.length === 0 || command.includes('\0')) {
        throw new Error('a shell command must be a non-empty string without NUL');
      }
      const started = Date.now();
      let c;
      try {
        c = await connectNode(node, port, login);
      } catch (e) {
        throw unreachableFrom(node, e, user);
      }
      try {
        const left = Math.max(1, opts.timeoutMs - (Date.now() - started));
        const r = await runCommand(c, command, { timeoutMs: left });
        if (r.timedOut) throw new GlusterTimeoutError(node, opts.timeoutMs);
        return { stdout: r.stdout, stderr: r.stderr, code: r.code ?? 255 };
      } catch (e) {
        if (e instanceof ChannelError)
          throw new GlusterUnreachableError(node, `cannot run a command over SSH: ${e.message}`);
        throw e;
      } finally {
        c.end();
      }
    },
  };
}

// ---------------------------------------------------------------- errors

/** ssh from the cluster host to the remote failed, or the remote has no gluster. */
export class RemoteAccessError extends Error {
  constructor(
    readonly kind: 'ssh' | 'no_gluster' | 'directory',
    message: string,
    /** For kind 'ssh': what ssh's failure means (the passwordless-SSH check's vocabulary). */
    readonly failure: VerifyFailure | null = null,
  ) {
    super(message);
    this.name = 'RemoteAccessError';
  }
}

export type ProvisionStepName =
  'inspect' | 'mkdir' | 'create' | 'mark' | 'start' | 'confirm' | 'stop' | 'delete';

/** Provisioning (or removal) stopped at `step`; `refused` when this service refused before Gluster acted. */
export class ProvisionError extends Error {
  constructor(
    readonly step: ProvisionStepName,
    readonly reason: 'refused' | 'gluster' | 'access',
    message: string,
    /** Whether the volume exists on the remote after the failure. */
    readonly volumeExists: boolean,
  ) {
    super(message);
    this.name = 'ProvisionError';
  }
}

// ---------------------------------------------------------------- provisioning

export interface ProvisionTarget {
  /** The cluster host the commands run from. */
  node: string;
  remote: RemoteLogin;
  /** Absolute, normalised. */
  path: string;
  /** The volume's name (provisionedVolumeName(path)). */
  volume: string;
}

export interface ProvisionTimeouts {
  queryMs?: number;
  actionMs?: number;
}

export interface ProvisionStep {
  step: ProvisionStepName;
  detail: string;
}

export interface ProvisionOutcome {
  name: string;
  host: string;
  path: string;
  /** Gluster's volume id. */
  id: string;
  reused: boolean;
  steps: ProvisionStep[];
}

/** What can be known about a directory target before anything is created. */
export interface TargetInspection {
  target: ProvisionTarget;
  /** `gluster --version` on the remote, e.g. "10.3". */
  glusterVersion: string | null;
  directory: DirectoryProbe;
  /** Every volume of the remote's trusted pool. */
  volumes: ParsedVolume[];
  /** The volume already named like the target, if any. */
  existing: ParsedVolume | null;
  /** `existing` is this service's volume on this very directory: it is reused. */
  reusable: boolean;
  /** Reasons nothing can be created (each a sentence); empty when provisioning can go on. */
  problems: { id: 'directory' | 'name'; message: string }[];
}

const dest = (r: RemoteLogin): string =>
  `${r.user}@${r.host}${r.port === 22 ? '' : ` (port ${r.port})`}`;

/** Turns a raw remote result into Gluster's envelope, or the access failure it is. */
function remoteResult(
  t: Pick<ProvisionTarget, 'node' | 'remote'>,
  argv: readonly string[],
  res: ExecResult,
): CliEnvelope {
  accessFailure(t, res);
  return checkCliResult(argv, res);
}

/** Throws RemoteAccessError when ssh failed (exit 255) or the remote has no gluster (127). */
function accessFailure(t: Pick<ProvisionTarget, 'node' | 'remote'>, res: ExecResult): void {
  const s = { from: t.node, user: t.remote.user, host: t.remote.host, port: t.remote.port };
  if (res.code === 255) {
    const c = classifySsh(res, false);
    const failure = c?.failure ?? 'unreachable';
    const said = c?.said ? ` (ssh said: ${c.said})` : '';
    throw new RemoteAccessError(
      'ssh',
      `SSH from ${t.node} to ${dest(t.remote)} failed: ${explain(failure, s, c ?? {})}${said}`,
      failure,
    );
  }
  if (res.code === 127 || /gluster: (command )?not found/.test(res.stderr)) {
    throw new RemoteAccessError(
      'no_gluster',
      `Gluster is not installed on ${t.remote.host} (${res.stderr.trim() || 'exit code 127'}): a directory target needs glusterd running there, to hold the volume on that directory.`,
    );
  }
}

async function remoteGluster(
  rg: RemoteGluster,
  t: ProvisionTarget,
  argv: string[],
  timeoutMs: number,
): Promise<CliEnvelope> {
  return remoteResult(t, argv, await rg.gluster(t.node, t.remote, argv, { timeoutMs }));
}

async function remoteDirectory(
  rg: RemoteGluster,
  t: ProvisionTarget,
  action: DirectoryAction,
  timeoutMs: number,
): Promise<DirectoryProbe> {
  const res = await rg.directory(t.node, t.remote, action, t.path, { timeoutMs });
  accessFailure(t, res);
  const probe = res.code === 0 ? parseDirectoryProbe(t.path, res.stdout) : null;
  if (!probe) {
    const why = res.stderr.trim() || res.stdout.trim() || `exit code ${res.code}`;
    throw new RemoteAccessError(
      'directory',
      `Could not ${action === 'create' ? 'create' : 'inspect'} ${t.remote.host}:${t.path} from ${t.node}: ${why}`,
    );
  }
  return probe;
}

/** `gluster --version` on the remote: "10.3"; null when it printed something else. */
export async function remoteGlusterVersion(
  rg: RemoteGluster,
  t: Pick<ProvisionTarget, 'node' | 'remote'>,
  timeoutMs = 60_000,
): Promise<string | null> {
  const res = await rg.gluster(t.node, t.remote, ['--version'], { timeoutMs });
  accessFailure(t, res);
  return /glusterfs (\d+(?:\.\d+)*)/.exec(res.stdout)?.[1] ?? null;
}

/** Whether a brick `host:path` sits on `remote`: the host as given, or its short name. */
function onRemote(brickHost: string, remote: string): boolean {
  const a = brickHost.toLowerCase().replace(/\.$/, '');
  const b = remote.toLowerCase().replace(/\.$/, '');
  return a === b || a.split('.')[0] === b || b.split('.')[0] === a;
}

/** `a` is `b`, or one contains the other (whole path components). */
function nested(a: string, b: string): boolean {
  return (
    a === b || a.startsWith(b === '/' ? '/' : `${b}/`) || b.startsWith(a === '/' ? '/' : `${a}/`)
  );
}

export function isProvisioned(v: ParsedVolume): boolean {
  return v.options[PROVISIONED_OPTION] === PROVISIONED_VALUE;
}

/**
 * Everything about a would-be directory target: Gluster on the remote, the directory, the
 * remote pool's volumes. Throws RemoteAccessError when the remote cannot be used at all.
 */
export async function inspectDirectoryTarget(
  rg: RemoteGluster,
  t: ProvisionTarget,
  to: ProvisionTimeouts = {},
): Promise<TargetInspection> {
  const q = to.queryMs ?? 60_000;
  const glusterVersion = await remoteGlusterVersion(rg, t, q);
  const argv = volumeInfoArgv();
  const env = await remoteGluster(rg, t, argv, q);
  const volumes = parseVolumeInfo(env);
  const directory = await remoteDirectory(rg, t, 'probe', q);
  const existing = volumes.find((v) => v.name === t.volume) ?? null;
  const ownBrick = (v: ParsedVolume): boolean =>
    v.bricks.length === 1 &&
    onRemote(v.bricks[0]!.host, t.remote.host) &&
    v.bricks[0]!.path === t.path;
  const reusable = !!existing && isProvisioned(existing) && ownBrick(existing);
  const where = `${t.remote.host}:${t.path}`;
  const problems: TargetInspection['problems'] = [];

  if (existing && !reusable) {
    problems.push({
      id: 'name',
      message: isProvisioned(existing)
        ? `The volume name ${t.volume} is taken on ${t.remote.host} by a volume this service provisioned on another directory (${existing.bricks.map((b) => b.name).join(', ')}).`
        : `The volume name ${t.volume} is taken on ${t.remote.host} by another volume (bricks ${existing.bricks.map((b) => b.name).join(', ') || 'none'}), which this service did not create.`,
    });
  }
  if (!reusable) {
    const overlap = volumes
      .flatMap((v) => v.bricks.map((b) => ({ v, b })))
      .find(({ b }) => onRemote(b.host, t.remote.host) && nested(b.path, t.path));
    if (overlap) {
      problems.push({
        id: 'directory',
        message:
          overlap.b.path === t.path
            ? `${where} is already the brick of volume ${overlap.v.name}.`
            : `${where} ${t.path.startsWith(overlap.b.path + '/') ? 'is inside' : 'contains'} the brick ${overlap.b.name} of volume ${overlap.v.name}: Gluster refuses bricks that contain one another.`,
      });
    } else if (directory.state === 'not_directory') {
      problems.push({
        id: 'directory',
        message: `${where} exists and is not a directory (or is a symbolic link).`,
      });
    } else if (directory.volumeId) {
      problems.push({
        id: 'directory',
        message:
          directory.volumeIdAt === t.path
            ? `${where} carries trusted.glusterfs.volume-id ${directory.volumeId}: it is, or was, the brick of a Gluster volume (a deleted volume leaves its brick like this). Its data is not overwritten: choose another directory, or clear it on ${t.remote.host} first (setfattr -x trusted.glusterfs.volume-id and -x trusted.gfid on it, and remove its .glusterfs directory).`
            : `The parent directory ${directory.volumeIdAt} of ${t.path} on ${t.remote.host} carries trusted.glusterfs.volume-id ${directory.volumeId}: it is, or was, the brick of a Gluster volume, and a brick cannot be nested in one. Choose a directory elsewhere.`,
      });
    } else if (directory.state === 'not_empty') {
      problems.push({
        id: 'directory',
        message: `${where} is not empty (${directory.entries} entr${directory.entries === 1 ? 'y' : 'ies'}). A directory target must be empty: geo-replication would mix its files with the primary's. Choose an empty or new directory.`,
      });
    }
  }
  return { target: t, glusterVersion, directory, volumes, existing, reusable, problems };
}

function volumeIdOf(env: CliEnvelope, op: string): string {
  const o = env.body[op] as Record<string, unknown> | undefined;
  const v = o?.volume;
  const first = (Array.isArray(v) ? v[0] : v) as Record<string, unknown> | undefined;
  const id = first?.id;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : '';
}

/**
 * Provision a single-brick volume on `t.path` of `t.remote`, from `t.node`: inspect (refuse a
 * directory that is not empty, a brick of a volume old or current, a taken name), create the
 * directory when missing, `volume create ... force`, mark it (`volume set <name>
 * user.ovirt-georep.provisioned true`), start it and read it back. A volume this service
 * provisioned on the same directory before is reused (started if needed). Never deletes anything:
 * when a step after create fails, the volume stays and the error says so.
 */
export async function provisionDirectoryVolume(
  rg: RemoteGluster,
  t: ProvisionTarget,
  to: ProvisionTimeouts = {},
): Promise<ProvisionOutcome> {
  const q = to.queryMs ?? 60_000;
  const act = to.actionMs ?? 120_000;
  const where = `${t.remote.host}:${t.path}`;
  const steps: ProvisionStep[] = [];
  let insp: TargetInspection;
  try {
    insp = await inspectDirectoryTarget(rg, t, to);
  } catch (err) {
    throw asProvisionError('inspect', err, false, `inspecting ${where} from ${t.node}`);
  }
  if (insp.problems.length) {
    throw new ProvisionError(
      'inspect',
      'refused',
      insp.problems.map((p) => p.message).join(' '),
      !!insp.existing,
    );
  }
  steps.push({
    step: 'inspect',
    detail: `${where} is ${insp.reusable ? `the brick of volume ${t.volume}, provisioned earlier by this service` : insp.directory.state === 'missing' ? 'not there yet' : 'an empty directory'}; Gluster ${insp.glusterVersion ?? '(version unknown)'} answers on ${t.remote.host}.`,
  });

  let id = insp.existing?.id ?? '';
  if (!insp.reusable) {
    if (insp.directory.state === 'missing') {
      let made: DirectoryProbe;
      try {
        made = await remoteDirectory(rg, t, 'create', q);
      } catch (err) {
        throw asProvisionError('mkdir', err, false, `creating ${where}`);
      }
      if (made.state !== 'empty') {
        throw new ProvisionError(
          'mkdir',
          'refused',
          `${where} was to be created, but is now ${made.state.replace('_', ' ')}; nothing was provisioned.`,
          false,
        );
      }
      steps.push({ step: 'mkdir', detail: `Created the directory ${where}.` });
    }
    try {
      const env = await remoteGluster(
        rg,
        t,
        volumeCreateArgv(t.volume, t.remote.host, t.path),
        act,
      );
      id = volumeIdOf(env, 'volCreate');
      steps.push({
        step: 'create',
        detail: `Created volume ${t.volume} with the brick ${where}${env.opErrstr ? ` (Gluster said: ${env.opErrstr})` : ''}.`,
      });
    } catch (err) {
      throw asProvisionError('create', err, false, `creating volume ${t.volume} on ${where}`);
    }
    try {
      await remoteGluster(rg, t, volumeSetArgv(t.volume, PROVISIONED_OPTION, PROVISIONED_VALUE), q);
      steps.push({
        step: 'mark',
        detail: `Marked it as provisioned by this service (${PROVISIONED_OPTION}=${PROVISIONED_VALUE}).`,
      });
    } catch (err) {
      throw asProvisionError(
        'mark',
        err,
        true,
        `marking volume ${t.volume} as provisioned (${PROVISIONED_OPTION})`,
        t,
      );
    }
  }
  if (!insp.reusable || insp.existing?.status !== 'Started') {
    try {
      await remoteGluster(rg, t, volumeVerbArgv('start', t.volume), act);
      steps.push({ step: 'start', detail: `Started volume ${t.volume}.` });
    } catch (err) {
      throw asProvisionError('start', err, true, `starting volume ${t.volume}`, t);
    }
  }
  let v: ParsedVolume | undefined;
  try {
    v = parseVolumeInfo(await remoteGluster(rg, t, volumeInfoArgv(t.volume), q)).find(
      (x) => x.name === t.volume,
    );
  } catch (err) {
    throw asProvisionError('confirm', err, true, `reading volume ${t.volume} back`, t);
  }
  if (
    !v ||
    v.status !== 'Started' ||
    !isProvisioned(v) ||
    v.bricks.length !== 1 ||
    v.bricks[0]!.path !== t.path
  ) {
    throw new ProvisionError(
      'confirm',
      'gluster',
      `Volume ${t.volume} on ${t.remote.host} does not read back as expected (${v ? `${v.status}, bricks ${v.bricks.map((b) => b.name).join(', ')}, ${isProvisioned(v) ? 'marked' : 'not marked'}` : 'not listed'}). It was left as it is.`,
      !!v,
    );
  }
  steps.push({
    step: 'confirm',
    detail: `Volume ${t.volume} (${v.id}) is Started with the one brick ${v.bricks[0]!.name}.`,
  });
  return {
    name: t.volume,
    host: t.remote.host,
    path: t.path,
    id: v.id || id,
    reused: insp.reusable,
    steps,
  };
}

function asProvisionError(
  step: ProvisionStepName,
  err: unknown,
  volumeExists: boolean,
  doing: string,
  t?: ProvisionTarget,
): ProvisionError | Error {
  if (err instanceof ProvisionError) return err;
  const left =
    volumeExists && t
      ? ` Volume ${t.volume} exists on ${t.remote.host}:${t.path} and was left in place.`
      : '';
  if (err instanceof RemoteAccessError)
    return new ProvisionError(step, 'access', `${err.message}${left}`, volumeExists);
  if (err instanceof GeoRepValidationError) return err;
  if (err instanceof GlusterCommandError) {
    return new ProvisionError(
      step,
      'gluster',
      `${capital(doing)} failed. Gluster on ${t?.remote.host ?? 'the secondary host'} said: ${err.glusterMessage || err.message}.${left}`,
      volumeExists,
    );
  }
  if (err instanceof Error && left) err.message += left;
  return err instanceof Error ? err : new Error(String(err));
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------- removal

export interface ProvisionedVolumeInfo {
  name: string;
  host: string;
  path: string;
  id: string;
  status: string;
}

/**
 * The volume `volume` on the remote, when this service provisioned it (its marker option is set
 * and it has one brick on the remote); else a ProvisionError saying why it is not removable.
 */
export async function findProvisionedVolume(
  rg: RemoteGluster,
  t: Pick<ProvisionTarget, 'node' | 'remote' | 'volume'>,
  to: ProvisionTimeouts = {},
): Promise<ProvisionedVolumeInfo> {
  const argv = volumeInfoArgv(t.volume);
  let vols: ParsedVolume[];
  try {
    const res = await rg.gluster(t.node, t.remote, argv, { timeoutMs: to.queryMs ?? 60_000 });
    accessFailure(t, res);
    const env = parseCliXml(res.stdout);
    if (env && env.opRet !== 0 && /does not exist/i.test(env.opErrstr)) {
      throw new ProvisionError(
        'inspect',
        'refused',
        `Volume ${t.volume} does not exist on ${t.remote.host} (Gluster said: ${env.opErrstr}).`,
        false,
      );
    }
    vols = parseVolumeInfo(checkCliResult(argv, res));
  } catch (err) {
    throw asProvisionError('inspect', err, false, `reading volume ${t.volume} on ${t.remote.host}`);
  }
  const v = vols.find((x) => x.name === t.volume);
  if (!v)
    throw new ProvisionError(
      'inspect',
      'refused',
      `Volume ${t.volume} does not exist on ${t.remote.host}.`,
      false,
    );
  const brick = v.bricks.length === 1 ? v.bricks[0]! : null;
  if (!isProvisioned(v) || !brick || !onRemote(brick.host, t.remote.host)) {
    throw new ProvisionError(
      'inspect',
      'refused',
      `Volume ${t.volume} on ${t.remote.host} was not provisioned by this service (${!isProvisioned(v) ? `it has no ${PROVISIONED_OPTION} option` : `it has ${v.bricks.length} bricks`}): only the single-brick volumes this service created for a directory target are removed with their session.`,
      true,
    );
  }
  return { name: v.name, host: t.remote.host, path: brick.path, id: v.id, status: v.status };
}

export interface RemovalOutcome extends ProvisionedVolumeInfo {
  steps: ProvisionStep[];
  /** In plain words: what was removed and that the data was kept. */
  detail: string;
}

/**
 * Stop and delete a volume this service provisioned (checked again first). Gluster's volume
 * delete removes the volume's definition only: the files in the directory stay, with Gluster's
 * `.glusterfs` and the volume-id attribute.
 */
export async function removeProvisionedVolume(
  rg: RemoteGluster,
  t: Pick<ProvisionTarget, 'node' | 'remote' | 'volume'>,
  to: ProvisionTimeouts = {},
): Promise<RemovalOutcome> {
  const info = await findProvisionedVolume(rg, t, to);
  const act = to.actionMs ?? 120_000;
  const full: ProvisionTarget = { ...t, path: info.path };
  const steps: ProvisionStep[] = [];
  if (info.status === 'Started') {
    try {
      await remoteGluster(rg, full, volumeVerbArgv('stop', t.volume), act);
      steps.push({ step: 'stop', detail: `Stopped volume ${t.volume}.` });
    } catch (err) {
      if (!(
        err instanceof GlusterCommandError &&
        /is not in the started state|not started/i.test(err.glusterMessage)
      )) {
        throw asProvisionError('stop', err, true, `stopping volume ${t.volume}`, full);
      }
    }
  }
  try {
    await remoteGluster(rg, full, volumeVerbArgv('delete', t.volume), act);
    steps.push({ step: 'delete', detail: `Deleted volume ${t.volume}.` });
  } catch (err) {
    throw asProvisionError('delete', err, true, `deleting volume ${t.volume}`, full);
  }
  return {
    ...info,
    steps,
    detail:
      `Volume ${t.volume} was stopped and deleted on ${t.remote.host}. Gluster's volume delete keeps the brick's contents: ` +
      `the data in ${t.remote.host}:${info.path} is still there (with Gluster's .glusterfs directory and the trusted.glusterfs.volume-id ` +
      `attribute, which must be removed before the directory can be a brick again).`,
  };
}
