// The service's one door to the shared domain code (src/georep: session ids and status roll-up,
// validation rules, the option catalogue). Routes call these functions only, so the service
// applies exactly the rules the UI shows, and answers 400 in the same words.
import {
  describeConfig,
  canonicalOptionName,
  validateOptionName,
  validateOptionValue,
} from '../src/georep/options';
import { nextRecall, type SessionRecall } from '../src/georep/recall';
import {
  buildSession,
  layoutFromVolume,
  parseSessionId,
  sameSession,
  sessionId,
} from '../src/georep/status';
import type { GeoRepConfigOption, GeoRepSession, SessionKey } from '../src/georep/types';
import {
  checkDirectoryTarget,
  validateRemoteHost,
  validateSessionKey,
  validateSshPort,
  validateUser,
  validateVolumeName,
} from '../src/georep/validation';
import { badRequest } from './errors';
import type { ParsedSession, ParsedVolume } from './gluster/types';

export { parseSessionId, sameSession };

// ------------------------------------------------------------------ sessions

export function keyOfSession(s: SessionKey): SessionKey {
  return {
    primary_volume: s.primary_volume,
    secondary_host: s.secondary_host,
    secondary_volume: s.secondary_volume,
    secondary_user: s.secondary_user,
  };
}

/**
 * Gluster's status rows and the cluster's volume info, as the API serves sessions, with what was
 * remembered of the cluster's workers from earlier reads (`recall`, by session id: recall.ts);
 * returns the recall to keep for the next read (only sessions Gluster still lists).
 */
export function buildSessions(
  clusterId: string,
  parsed: ParsedSession[],
  volumes: ParsedVolume[],
  readAt: Date,
  recall: ReadonlyMap<string, SessionRecall> = new Map(),
): { sessions: GeoRepSession[]; recall: Map<string, SessionRecall> } {
  const next = new Map<string, SessionRecall>();
  const read_at = readAt.toISOString();
  const sessions = parsed.map((p) => {
    const vol = volumes.find((v) => v.name === p.key.primary_volume);
    const prev = recall.get(sessionId(p.key)) ?? null;
    const s = buildSession({
      key: p.key,
      cluster_id: clusterId,
      workers: p.workers,
      layout: vol
        ? layoutFromVolume({
            bricks: vol.bricks,
            replica_count: vol.replica_count,
            disperse_count: disperseCount(vol),
          })
        : null,
      read_at,
      recall: prev,
    });
    next.set(s.id, nextRecall(s.workers, prev, read_at));
    return s;
  });
  return { sessions, recall: next };
}

/** Bricks per disperse set, when volume info told it (the parser reads disperseCount). */
function disperseCount(v: ParsedVolume): number | undefined {
  const n = v.disperse_count;
  return typeof n === 'number' && n > 1 ? n : undefined;
}

// ------------------------------------------------------------------ create input

/** The create (and preflight) body, from the wire contract. */
export type { CreateInput } from '../src/georep/contract';
import type { CreateInput } from '../src/georep/contract';

/** What the session replicates into: a remote volume, or a directory with the volume derived from it. */
export type CreateTarget = { kind: 'volume' } | { kind: 'path'; path: string };

export interface CheckedCreateInput {
  primary_volume: string;
  source_host_id: string | null;
  secondary_host: string;
  /** The remote volume: given, or derived from secondary_path (provisionedVolumeName). */
  secondary_volume: string;
  target: CreateTarget;
  secondary_user: string;
  secondary_group: string | null;
  ssh_port: number;
  force: boolean;
  start: boolean;
  config: Record<string, string | number | boolean>;
}

/** Defaults applied and every field checked with the shared rules; one 400 naming each bad field. */
export function checkCreateInput(
  body: CreateInput,
  o: { sourceHostRequired?: boolean } = {},
): CheckedCreateInput {
  const user = body.secondary_user ?? 'root';
  const port = body.ssh_port ?? 22;
  const problems: string[] = [];
  const field = (name: string, reason: string | null): void => {
    if (reason) problems.push(`${name}: ${reason}`);
  };
  if ((o.sourceHostRequired ?? true) && !body.source_host_id)
    field('source_host_id', 'Choose the Up host of the cluster to create the session from.');
  field('primary_volume', validateVolumeName(body.primary_volume));
  field('secondary_host', validateRemoteHost(body.secondary_host));
  let volume = body.secondary_volume ?? '';
  let target: CreateTarget = { kind: 'volume' };
  if (body.secondary_volume !== undefined && body.secondary_path !== undefined) {
    field(
      'secondary_path',
      'Give either secondary_volume (a volume of the secondary cluster) or secondary_path (a directory on the secondary host), not both.',
    );
  } else if (body.secondary_path !== undefined) {
    const dir = checkDirectoryTarget(body.secondary_path);
    if ('reason' in dir) field('secondary_path', dir.reason);
    else {
      volume = dir.volume;
      target = { kind: 'path', path: dir.path };
    }
    if (user !== 'root') {
      field(
        'secondary_user',
        `A directory target needs root on the secondary host (creating a Gluster volume takes root); ${user} cannot.`,
      );
    }
  } else if (body.secondary_volume === undefined) {
    field(
      'secondary_volume',
      'Give secondary_volume (a volume of the secondary cluster) or secondary_path (a directory on the secondary host, starting with "/").',
    );
  } else {
    field('secondary_volume', validateVolumeName(body.secondary_volume));
  }
  field('secondary_user', validateUser(user));
  field('ssh_port', validateSshPort(port));
  if (body.secondary_group !== undefined && user === 'root') {
    // Not used for root, but never let unchecked text through to a command or an event.
    field(
      'secondary_group',
      validateUser(body.secondary_group)?.replace(/user name/g, 'group name') ?? null,
    );
  }
  if (user !== 'root') {
    if (!body.secondary_group) {
      field(
        'secondary_group',
        `Required when the secondary user is not root: the mountbroker group of ${user} on the secondary host.`,
      );
    } else {
      field(
        'secondary_group',
        validateUser(body.secondary_group)?.replace(/user name/g, 'group name') ?? null,
      );
    }
  }
  if (problems.length === 0) {
    const k = validateSessionKey({
      primary_volume: body.primary_volume,
      secondary_host: body.secondary_host,
      secondary_volume: volume,
      secondary_user: user,
    });
    if (k) field(k.field, k.reason);
  }
  for (const [name, value] of Object.entries(body.config ?? {})) {
    const r = checkOptionValue(name, String(value));
    if ('error' in r) field(`config.${name}`, r.error);
  }
  if (problems.length) throw badRequest(problems.join(' '));
  return {
    primary_volume: body.primary_volume,
    source_host_id: body.source_host_id ?? null,
    secondary_host: body.secondary_host,
    secondary_volume: volume,
    target,
    secondary_user: user,
    secondary_group: body.secondary_group ?? null,
    ssh_port: port,
    force: body.force ?? false,
    start: body.start ?? false,
    config: body.config ?? {},
  };
}

// ------------------------------------------------------------------ options

/** An option that may be set or reset, in Gluster's dash form; or why not. */
export function checkOptionName(name: string): { name: string } | { error: string } {
  const reason = validateOptionName(name);
  return reason ? { error: reason } : { name: canonicalOptionName(name) };
}

/** An option value the catalogue accepts, in the form to send; or why not. */
export function checkOptionValue(
  name: string,
  value: string,
): { name: string; value: string } | { error: string } {
  const reason = validateOptionValue(name, value);
  return reason ? { error: reason } : { name: canonicalOptionName(name), value };
}

/** Every option Gluster listed, merged with the catalogue (description, type, default, modified). */
export function describeOptions(values: Record<string, string>): GeoRepConfigOption[] {
  return describeConfig(values);
}
