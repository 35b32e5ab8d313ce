// The Start dialog's fields, their checks (the shared rules of src/georep/validation.ts and the
// option catalogue, so the service would accept what passes here) and the input of the flow.
import type { MessageDescriptor } from '../../intl/react';
import type { EngineHost } from '../../api/engine';
import { GEOREP_OPTIONS, type OptionSpec, validateOptionValue } from '../../georep/options';
import {
  parseRemoteTarget,
  provisionedVolumeName,
  type RemoteTargetResult,
  validateRemoteHost,
  validateSshPort,
  validateUser,
} from '../../georep/validation';
import { startMessages as m } from './messages';
import type { StartInput } from './useStartFlow';

export interface StartForm {
  volume: string;
  hostId: string;
  remoteHost: string;
  remoteTarget: string;
  user: string;
  group: string;
  port: string;
  useDefault: boolean;
  /** Option name -> value typed; empty keeps the default. */
  config: Record<string, string>;
  force: boolean;
  /** oVirt's "Auto-start after creation": start the session once created (default on). */
  autoStart: boolean;
}

export function initialForm(volume = ''): StartForm {
  return {
    volume,
    hostId: '',
    remoteHost: '',
    remoteTarget: '',
    user: 'root',
    group: '',
    port: '22',
    useDefault: true,
    config: {},
    force: false,
    autoStart: true,
  };
}

export interface Problem {
  message: MessageDescriptor;
  values?: Record<string, string | number>;
}

export type FieldName =
  'volume' | 'hostId' | 'remoteHost' | 'remoteTarget' | 'user' | 'group' | 'port';

export interface FormProblems {
  fields: Partial<Record<FieldName, Problem>>;
  /** Option name -> problem, only with Use Default unticked. */
  config: Record<string, Problem>;
}

const shared = (reason: string | null): Problem | undefined =>
  reason === null ? undefined : { message: m.sharedRule, values: { reason } };

/** The options offered when Use Default is unticked: the ssh and gsyncd commands first. */
const FIRST = ['ssh-command', 'remote-gsyncd', 'gsyncd'];
/** The two the seed's dialog shows (its ssh command and gsync command): always in view. */
export const SEED_OPTIONS: readonly string[] = ['ssh-command', 'remote-gsyncd'];
/** Set from its own field (the service sets it after create when it is not 22). */
const FROM_FIELDS = new Set(['ssh-port']);

export const EDITOR_OPTIONS: readonly OptionSpec[] = [
  ...FIRST.flatMap((name) => GEOREP_OPTIONS.filter((o) => o.name === name && !o.read_only)),
  ...GEOREP_OPTIONS.filter(
    (o) => !o.read_only && !FIRST.includes(o.name) && !FROM_FIELDS.has(o.name),
  ),
];

/** The options to send: typed, and different from the default. */
export function configToSend(form: StartForm): Record<string, string> {
  if (form.useDefault) return {};
  const out: Record<string, string> = {};
  for (const o of EDITOR_OPTIONS) {
    const v = form.config[o.name];
    if (v === undefined || v === '' || v === o.default) continue;
    out[o.name] = v;
  }
  return out;
}

export interface FormContext {
  clusterName: string;
  /** Every host of the source cluster (a remote host among them is refused). */
  ownHosts: readonly EngineHost[];
}

export function validateForm(form: StartForm, ctx: FormContext): FormProblems {
  const fields: FormProblems['fields'] = {};
  if (!form.volume)
    fields.volume = { message: m.volumeRequired, values: { cluster: ctx.clusterName } };
  if (!form.hostId) fields.hostId = { message: m.hostRequired };

  const remote = form.remoteHost.trim();
  if (!remote) fields.remoteHost = { message: m.remoteHostRequired };
  else {
    fields.remoteHost = shared(validateRemoteHost(remote));
    const own = ctx.ownHosts.find(
      (h) =>
        h.address.toLowerCase() === remote.toLowerCase() ||
        h.name.toLowerCase() === remote.toLowerCase(),
    );
    if (!fields.remoteHost && own) {
      fields.remoteHost = {
        message: m.remoteHostOwnCluster,
        values: { host: remote, cluster: ctx.clusterName },
      };
    }
  }

  const target = parseRemoteTarget(form.remoteTarget);
  if (target.kind === 'invalid') {
    // "data/backup", "./backup", "~/backup": a directory meant, but not an absolute path.
    fields.remoteTarget = /^[^/:]+\//.test(form.remoteTarget.trim())
      ? { message: m.remoteTargetRelative }
      : shared(target.reason);
  }

  const user = form.user.trim();
  fields.user = shared(validateUser(user));
  if (!fields.user && user !== 'root' && target.kind === 'path') {
    // The service creates a Gluster volume on the directory: that takes root on the remote.
    fields.user = { message: m.pathNeedsRoot, values: { user } };
  }
  if (!fields.user && user !== 'root') {
    const group = form.group.trim();
    if (!group) fields.group = { message: m.groupRequired, values: { user } };
    else fields.group = shared(validateUser(group)?.replace(/user name/g, 'group name') ?? null);
  }
  fields.port = shared(validateSshPort(form.port));

  const problems: FormProblems['config'] = {};
  if (!form.useDefault) {
    for (const o of EDITOR_OPTIONS) {
      const v = form.config[o.name];
      if (v === undefined || v === '') continue;
      const reason = validateOptionValue(o.name, v);
      if (reason) problems[o.name] = { message: m.sharedRule, values: { reason } };
    }
  }
  const reported = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => Boolean(v)),
  ) as typeof fields;
  return { fields: reported, config: problems };
}

export function hasProblems(p: FormProblems): boolean {
  return Object.keys(p.fields).length > 0 || Object.keys(p.config).length > 0;
}

export function remoteTargetOf(form: StartForm): RemoteTargetResult {
  return parseRemoteTarget(form.remoteTarget);
}

/** The flow's input from a form without problems. */
export function toStartInput(form: StartForm, clusterId: string, host: EngineHost): StartInput {
  const target = parseRemoteTarget(form.remoteTarget);
  const user = form.user.trim();
  return {
    clusterId,
    primaryVolume: form.volume,
    sourceHost: { id: host.id, name: host.name, address: host.address },
    remoteHost: form.remoteHost.trim(),
    remoteVolume:
      target.kind === 'volume'
        ? target.volume
        : target.kind === 'path'
          ? provisionedVolumeName(target.path)
          : form.remoteTarget.trim(),
    remotePath: target.kind === 'path' ? target.path : null,
    user,
    group: user === 'root' ? null : form.group.trim(),
    port: Number(form.port.trim()),
    useDefault: form.useDefault,
    config: configToSend(form),
    force: form.force,
    autoStart: form.autoStart,
  };
}
