// The GlusterClient over a GlusterExec: one method per gluster CLI command. Every argument is
// validated (src/georep/validation.ts, src/georep/options.ts) before it becomes an argv element,
// and argv always starts `--mode=script --xml` (after `config`, a trailing --xml would be read as
// an option name or value).
import {
  check,
  formatSecondary,
  GeoRepValidationError,
  validateHost,
  validateSessionKey,
  validateSshPort,
  validateVolumeName,
} from '../../src/georep/validation';
import {
  canonicalOptionName,
  findOption,
  validateOptionName,
  validateOptionValue,
} from '../../src/georep/options';
import type { SessionKey } from '../../src/georep/types';
import { SHARED_STORAGE_OPTION } from '../../src/georep/prerequisites';
import { DR_MAX_OPTION_BYTES } from '../../src/georep/dr';
import { sameSession } from '../../src/georep/status';
import { GlusterUnreachableError, type ExecResult, type GlusterExec } from './exec';
import {
  type CreateOptions,
  GlusterCommandError,
  type GlusterClient,
  type ParsedPeer,
  type ParsedSession,
  type ParsedVolume,
} from './types';
import {
  checkCliResult,
  GlusterNotFoundError,
  isNoSessionStatus,
  parseGeoRepConfig,
  parseGeoRepStatus,
  parsePeerStatus,
  parseVolumeInfo,
  plainMessage,
} from './xml';

export interface GlusterClientOptions {
  /** One limit for every command; without it: status/config/info 60 s, actions 120 s, create 300 s. */
  timeoutMs?: number;
}

/** What the CLI prints when glusterd does not answer on the node. */
const GLUSTERD_DOWN = /Connection failed\. Please check if gluster daemon is operational/;

/** Gluster's answer when the session's workers are not running (opRet 0). */
export const NOT_SET_UP = 'geo-replication is not set up';

const BASE = ['--mode=script', '--xml'] as const;

/** `--mode=script --xml volume geo-replication <primary> <secondary> ...rest` for a valid key. */
export function sessionArgv(key: SessionKey, ...rest: string[]): string[] {
  const problem = validateSessionKey(key);
  if (problem) throw new GeoRepValidationError(problem.field, problem.reason);
  return [...BASE, 'volume', 'geo-replication', key.primary_volume, formatSecondary(key), ...rest];
}

/** argv of `create`, with the options in the order Gluster's usage gives them. */
export function createArgv(key: SessionKey, opts: CreateOptions = {}): string[] {
  const rest: string[] = ['create'];
  if (opts.ssh_port !== undefined) {
    check('ssh_port', validateSshPort(opts.ssh_port));
    rest.push('ssh-port', String(opts.ssh_port));
  }
  const pushPem = opts.push_pem ?? !opts.no_verify;
  if (pushPem && opts.no_verify)
    throw new GeoRepValidationError('no_verify', 'push-pem and no-verify cannot be combined.');
  if (pushPem) rest.push('push-pem');
  else if (opts.no_verify) rest.push('no-verify');
  if (opts.force) rest.push('force');
  return sessionArgv(key, ...rest);
}

/** argv of `config <option> <value>`; a value starting with "-" goes after "--" (else the CLI reads it as its own option). */
export function configSetArgv(key: SessionKey, option: string, value: string): string[] {
  const reason = validateOptionValue(option, value);
  if (reason)
    throw new GeoRepValidationError(validateOptionName(option) ? 'option' : 'value', reason);
  const name = findOption(option)!.name;
  return sessionArgv(key, 'config', name, ...(value.startsWith('-') ? ['--'] : []), value);
}

/** argv of `config !<option>` (reset to the default). */
export function configResetArgv(key: SessionKey, option: string): string[] {
  check('option', validateOptionName(option));
  return sessionArgv(key, 'config', `!${canonicalOptionName(option)}`);
}

/**
 * The volume options this service sets, and what each may be set to: the records disaster
 * recovery keeps in Gluster (src/georep/dr.ts: JSON, bounded, one argv element) and the options a
 * failover sets on the volume it promotes (RHGS 3.5 Administration Guide 10.8.1: features.read-only
 * off, geo-replication.indexing on, changelog on; gdeploy geo_replication_failover sets the last two).
 */
const SETTABLE: Record<string, (v: string) => boolean> = {
  'features.read-only': (v) => v === 'on' || v === 'off',
  'geo-replication.indexing': (v) => v === 'on' || v === 'off',
  'changelog.changelog': (v) => v === 'on' || v === 'off',
};
const RESETTABLE = new Set(Object.keys(SETTABLE));
const DR_RECORD = /^user\.ovirt-georep\.dr-[a-z]+$/;

/** argv of `volume set`, for the keys and values above only. */
export function volumeOptionArgv(volume: string, key: string, value: string): string[] {
  check('volume', validateVolumeName(volume));
  if (DR_RECORD.test(key)) {
    // JSON or `none`: printable, no control characters, bounded (a 9 kB value crashed glusterd 10.3)
    if (
      !/^[\x20-\x7e]+$/.test(value) ||
      value.length > DR_MAX_OPTION_BYTES ||
      value.startsWith('-')
    )
      throw new GeoRepValidationError(
        'value',
        `The value for ${key} is not a record this service writes.`,
      );
  } else if (!SETTABLE[key]?.(value)) {
    throw new GeoRepValidationError('option', `This service does not set ${key} to ${value}.`);
  }
  return [...BASE, 'volume', 'set', volume, key, value];
}

/** argv of `volume reset <volume> <key> [force]`, for the failover's options only. */
export function volumeResetArgv(volume: string, key: string, force = false): string[] {
  check('volume', validateVolumeName(volume));
  if (!RESETTABLE.has(key))
    throw new GeoRepValidationError('option', `This service does not reset ${key}.`);
  return [...BASE, 'volume', 'reset', volume, key, ...(force ? ['force'] : [])];
}

export function createGlusterClient(
  exec: GlusterExec,
  opts: GlusterClientOptions = {},
): GlusterClient {
  const limit = (def: number) => opts.timeoutMs ?? def;
  const QUERY = 60_000;
  const ACTION = 120_000;
  const CREATE = 300_000;

  async function run(node: string, argv: string[], timeoutMs: number): Promise<ExecResult> {
    check('node', validateHost(node));
    const res = await exec.run(node, argv, { timeoutMs });
    // the CLI could not talk to glusterd on that node: not a refusal, an unreachable Gluster
    if (
      res.code !== 0 &&
      GLUSTERD_DOWN.test(res.stdout + res.stderr) &&
      !res.stdout.includes('<cliOutput')
    ) {
      throw new GlusterUnreachableError(node, plainMessage(res));
    }
    return res;
  }

  async function action(node: string, argv: string[], timeoutMs = limit(ACTION)): Promise<string> {
    const res = await run(node, argv, timeoutMs);
    return checkCliResult(argv, res).opErrstr;
  }

  const force = (f?: boolean) => (f ? ['force'] : []);

  return {
    async status(node: string, key?: SessionKey): Promise<ParsedSession[]> {
      const argv = key
        ? sessionArgv(key, 'status', 'detail')
        : [...BASE, 'volume', 'geo-replication', 'status', 'detail'];
      const res = await run(node, argv, limit(QUERY));
      if (isNoSessionStatus(res)) {
        if (!key) return [];
        throw new GlusterNotFoundError(
          argv,
          -1,
          0,
          `Geo-replication session between ${key.primary_volume} and ${formatSecondary(key)} does not exist.`,
        );
      }
      const sessions = parseGeoRepStatus(checkCliResult(argv, res));
      if (!key) return sessions;
      // Gluster answers with that one session; anything else in the answer is not it
      const mine = sessions.filter((s) => sameSession(s.key, key));
      if (mine.length === 0) {
        throw new GlusterNotFoundError(
          argv,
          -1,
          0,
          `Geo-replication session between ${key.primary_volume} and ${formatSecondary(key)} does not exist.`,
        );
      }
      return mine;
    },

    async create(node, key, o = {}) {
      await action(node, createArgv(key, o), limit(CREATE));
      // Gluster 10.3 uses `create ssh-port N` only for its create-time checks and keeps
      // ssh_port 22 in the session config: without this the workers would ssh to port 22.
      if (o.ssh_port !== undefined && o.ssh_port !== 22) {
        await action(node, configSetArgv(key, 'ssh-port', String(o.ssh_port)), limit(QUERY));
      }
    },

    async start(node, key, o = {}) {
      await action(node, sessionArgv(key, 'start', ...force(o.force)));
    },

    async stop(node, key, o = {}) {
      // opRet 0 with "geo-replication is not set up": the workers were not running (Created or
      // Stopped). The session is stopped as asked: success, as Gluster's own text mode says.
      await action(node, sessionArgv(key, 'stop', ...force(o.force)));
    },

    async pause(node, key, o = {}) {
      const argv = sessionArgv(key, 'pause', ...force(o.force));
      const said = await action(node, argv);
      // Gluster answers opRet 0 "geo-replication is not set up" for a session that is not running
      // (Created/Stopped) and pauses nothing: report that rather than a success that did nothing.
      if (said.trim() === NOT_SET_UP) {
        throw new GlusterCommandError(
          argv,
          0,
          0,
          `Geo-replication session between ${key.primary_volume} and ${formatSecondary(key)} is not running, so it cannot be paused (Gluster: ${NOT_SET_UP}).`,
        );
      }
    },

    async resume(node, key, o = {}) {
      await action(node, sessionArgv(key, 'resume', ...force(o.force)));
    },

    async delete(node, key, o = {}) {
      await action(
        node,
        sessionArgv(key, 'delete', ...(o.reset_sync_time ? ['reset-sync-time'] : [])),
      );
    },

    async config(node, key) {
      // the whole config: a single-option get answers an empty <config/> for default values
      const argv = sessionArgv(key, 'config');
      const res = await run(node, argv, limit(QUERY));
      return parseGeoRepConfig(checkCliResult(argv, res));
    },

    async configSet(node, key, option, value) {
      await action(node, configSetArgv(key, option, value), limit(QUERY));
    },

    async configReset(node, key, option) {
      await action(node, configResetArgv(key, option), limit(QUERY));
    },

    async gsecCreate(node) {
      const argv = [...BASE, 'system::', 'execute', 'gsec_create'];
      const res = await run(node, argv, limit(QUERY));
      checkCliResult(argv, res, { textOk: true });
    },

    async volumeInfo(node, volume?: string): Promise<ParsedVolume[]> {
      if (volume !== undefined) check('volume', validateVolumeName(volume));
      const argv = [...BASE, 'volume', 'info', ...(volume !== undefined ? [volume] : [])];
      const res = await run(node, argv, limit(QUERY));
      return parseVolumeInfo(checkCliResult(argv, res));
    },

    async volumeSet(node, volume, key, value) {
      await action(node, volumeOptionArgv(volume, key, value), limit(QUERY));
    },

    async volumeReset(node, volume, key, o = {}) {
      await action(node, volumeResetArgv(volume, key, o.force), limit(QUERY));
    },

    async version(node) {
      // gverify.sh reads `gluster --version | head -1`; the first line is all it compares.
      const res = await run(node, ['--version'], limit(QUERY));
      if (res.code !== 0)
        throw new GlusterCommandError(['--version'], -1, 0, res.stderr.trim() || res.stdout.trim());
      return res.stdout.split('\n', 1)[0]!.trim();
    },

    async sharedStorage(node) {
      // cli_xml_output_vol_getopts: <volGetopts><count/><Opt><Option/><Value/></Opt></volGetopts>
      const argv = [...BASE, 'volume', 'get', 'all', SHARED_STORAGE_OPTION];
      const res = await run(node, argv, limit(QUERY));
      const body = checkCliResult(argv, res).body;
      const opts = (body.volGetopts ?? {}) as { Opt?: unknown };
      const list = Array.isArray(opts.Opt) ? opts.Opt : opts.Opt ? [opts.Opt] : [];
      const scalar = (x: unknown): string =>
        typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? String(x) : '';
      const mine = (list as { Option?: unknown; Value?: unknown }[]).find(
        (o) => scalar(o.Option) === SHARED_STORAGE_OPTION,
      );
      return mine && mine.Value !== undefined ? scalar(mine.Value) : null;
    },

    async enableSharedStorage(node) {
      // glusterd creates gluster_shared_storage and mounts it at /run/gluster/shared_storage on
      // every node of the pool (glusterd-op-sm.c, glusterd_op_set_all_volume_options).
      await action(
        node,
        [...BASE, 'volume', 'set', 'all', SHARED_STORAGE_OPTION, 'enable'],
        limit(QUERY),
      );
    },

    async peerStatus(node): Promise<ParsedPeer[]> {
      const argv = [...BASE, 'peer', 'status'];
      const res = await run(node, argv, limit(QUERY));
      return parsePeerStatus(checkCliResult(argv, res));
    },
  };
}
