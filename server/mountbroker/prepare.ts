// Preparing a secondary cluster for a NON-ROOT geo-replication user (the mountbroker), as oVirt's
// SetupGlusterGeoRepMountBrokerInternalCommand does through VDSM's geoRepMountBrokerSetup and as
// Gluster's docs describe, step by step, each step idempotent and said:
//   1. the user and the group exist on every secondary node (the service does not create accounts
//      on another cluster: a missing one is named with its node, and nothing is changed);
//   2. `gluster-mountbroker setup <root> <group>` (peer_mountbroker.py.in CliSetup: runs node-setup
//      on every peer: mkdir+chmod 0711 the root, chgrp the geo-rep dirs and logs, writes
//      mountbroker-root and geo-replication-log-group into glusterd.vol), only when `status`
//      shows another root or group, or NOT OK;
//   3. `gluster-mountbroker add <volume> <user>` (node-add on every peer: the
//      mountbroker-geo-replication.<user> option), only when status does not list it;
//   4. glusterd restarted on every secondary node when 2 or 3 changed glusterd.vol: glusterd reads
//      those options at start only (gluster-local.md; the recipe's restart_glusterd); bricks and
//      gsyncd keep running. Then wait until `gluster volume list` answers again;
//   5. after `create push-pem` (which copies <pvol>_<svol>_common_secret.pem.pub into the user's
//      home, asynchronously, by the S56glusterd-geo-rep-create-post hook):
//      `set_geo_rep_pem_keys.sh <user> <pvol> <svol>` (copies it to every node with
//      `system:: copy file`, adds it to authorized_keys with `add_secret_pub`, and sets
//      features.read-only on the secondary volume).
// Every program runs as argv (ProgramExec.runProgram) as root on the secondary node; every value
// is validated against what the program does with it.
import {
  mountbrokerNeeds,
  parseMountbrokerStatus,
  validateMountRoot,
  type MountbrokerNodeStatus,
} from '../../src/georep/prerequisites';
import { validateUser, validateVolumeName } from '../../src/georep/validation';
import type { ProgramExec } from '../gluster/probe';
import type { NonRootStep } from '../../src/georep/types';

export interface MountbrokerTarget {
  /** The secondary volume's nodes (every node with one of its bricks), the first one runs the commands. */
  nodes: string[];
  user: string;
  group: string;
  root: string;
  primary_volume: string;
  secondary_volume: string;
}

export type StepId = NonRootStep['step'];

export type StepOutcome = NonRootStep;
/** A step failed: which, where, what happened and what to do. */
export class MountbrokerStepError extends Error {
  constructor(
    readonly step: StepId,
    readonly node: string,
    readonly said: string,
    readonly todo: string,
    readonly done: StepOutcome[],
  ) {
    super(`${STEP_WORDS[step]} failed on ${node}: ${said} ${todo}`);
    this.name = 'MountbrokerStepError';
  }
}

export const STEP_WORDS: Record<StepId, string> = {
  accounts: 'Checking the user and group',
  setup: 'gluster-mountbroker setup',
  add: 'gluster-mountbroker add',
  restart_glusterd: 'Restarting glusterd',
  pem_keys: 'set_geo_rep_pem_keys.sh',
};

export interface MountbrokerOptions {
  /** How glusterd is restarted on a node; default `systemctl restart glusterd` (EL9). */
  restartGlusterd?: { program: string; argv: string[] };
  /** Where Gluster installs set_geo_rep_pem_keys.sh: EL (libexec) and Debian (multiarch lib). */
  pemKeysScripts?: string[];
  timeoutMs?: number;
  /** How long to wait for glusterd, and for the push-pem hook's file. */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_PEM_SCRIPTS = [
  '/usr/libexec/glusterfs/set_geo_rep_pem_keys.sh',
  '/usr/lib/x86_64-linux-gnu/glusterfs/set_geo_rep_pem_keys.sh',
  '/usr/lib64/glusterfs/set_geo_rep_pem_keys.sh',
];

/** The values every program receives, checked once. Throws with the field and the reason. */
export function checkTarget(t: MountbrokerTarget): void {
  const bad = (field: string, reason: string | null): void => {
    if (reason) throw new Error(`${field}: ${reason}`);
  };
  bad('secondary_user', validateUser(t.user));
  if (t.user === 'root') bad('secondary_user', 'The mountbroker is for a non-root user.');
  bad('secondary_group', validateUser(t.group)?.replace(/user name/g, 'group name') ?? null);
  bad('mountbroker_root', validateMountRoot(t.root));
  bad('primary_volume', validateVolumeName(t.primary_volume));
  bad('secondary_volume', validateVolumeName(t.secondary_volume));
  if (t.nodes.length === 0) bad('nodes', 'No secondary node to prepare.');
}

export interface Inspection {
  /** An existing mountbroker this session cannot use as asked (another group): a blocker. */
  conflict: string | null;
  /** Nodes lacking the group or the user (or where the user is not in the group). */
  accounts: { node: string; missing: string[] }[];
  status: MountbrokerNodeStatus[] | null;
  /** Why status could not be read. */
  status_error: string | null;
  /** What the flow will do, in words, one line per step. */
  plan: string[];
}

/**
 * What an existing mountbroker on the secondary decides: its root is kept (moving it would move
 * other sessions' mounts), and another group is a conflict (setup would take the log directories
 * from the non-root users of other sessions): the session must use that group.
 */
export function settle(
  st: MountbrokerNodeStatus[],
  t: MountbrokerTarget,
): { target: MountbrokerTarget; conflict: string | null } {
  const up = st.filter((n) => n.up);
  const root = up.find((n) => n.mount_root)?.mount_root;
  const target = root && validateMountRoot(root) === null ? { ...t, root } : t;
  const other = up.find((n) => n.group !== null && n.group !== t.group);
  return {
    target,
    conflict: other
      ? `The mountbroker of ${other.node === 'localhost' ? t.nodes[0] : other.node} uses the group ${other.group}, and other non-root sessions may rely on it: use ${other.group} as this session's group (with ${t.user} in it), or change it there by hand.`
      : null,
  };
}

export function mountbroker(exec: ProgramExec, o: MountbrokerOptions = {}) {
  const timeoutMs = o.timeoutMs ?? 60_000;
  const waitMs = o.waitMs ?? 30_000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const run = (node: string, program: string, argv: string[]) =>
    exec.runProgram(node, program, argv, { timeoutMs });
  const last = (s: string) => s.trim().split('\n').filter(Boolean).at(-1) ?? '';

  async function accountsOn(node: string, t: MountbrokerTarget): Promise<string[]> {
    const missing: string[] = [];
    const g = await run(node, 'getent', ['group', t.group]);
    if (g.code !== 0) missing.push(`group ${t.group}`);
    const u = await run(node, 'id', ['-nG', t.user]);
    if (u.code !== 0) missing.push(`user ${t.user}`);
    else if (g.code === 0 && !u.stdout.trim().split(/\s+/).includes(t.group))
      missing.push(`${t.user} in group ${t.group}`);
    return missing;
  }

  async function status(node: string): Promise<MountbrokerNodeStatus[]> {
    const r = await run(node, 'gluster-mountbroker', ['status']);
    const parsed = r.code === 0 ? parseMountbrokerStatus(r.stdout) : null;
    if (!parsed) throw new Error(last(r.stderr) || last(r.stdout) || `exit ${r.code}`);
    return parsed;
  }

  async function inspect(t: MountbrokerTarget): Promise<Inspection> {
    checkTarget(t);
    const accounts: Inspection['accounts'] = [];
    for (const node of t.nodes) {
      const missing = await accountsOn(node, t);
      if (missing.length) accounts.push({ node, missing });
    }
    let st: MountbrokerNodeStatus[] | null = null;
    let status_error: string | null = null;
    try {
      st = await status(t.nodes[0]!);
    } catch (err) {
      status_error = err instanceof Error ? err.message : String(err);
    }
    const plan: string[] = [];
    let conflict: string | null = null;
    if (st) {
      const s2 = settle(st, t);
      t = s2.target;
      conflict = s2.conflict;
      if (conflict) plan.push(conflict);
    }
    for (const a of accounts)
      plan.push(
        `${a.node} lacks ${a.missing.join(', ')}: create them there first (useradd/groupadd); nothing will be changed until then.`,
      );
    if (st) {
      const n = mountbrokerNeeds(st, {
        root: t.root,
        group: t.group,
        user: t.user,
        volume: t.secondary_volume,
      });
      if (n.down.length)
        plan.push(
          `${n.down.join(', ')} ${n.down.length === 1 ? 'is' : 'are'} DOWN: gluster-mountbroker cannot reach ${n.down.length === 1 ? 'it' : 'them'}.`,
        );
      plan.push(
        n.setup
          ? `gluster-mountbroker setup ${t.root} ${t.group} on every secondary node.`
          : `The mountbroker is set up already (${t.root}, group ${t.group}).`,
      );
      plan.push(
        n.add
          ? `gluster-mountbroker add ${t.secondary_volume} ${t.user}.`
          : `${t.user} may already mount ${t.secondary_volume}.`,
      );
      if (n.setup || n.add)
        plan.push(
          `glusterd will be RESTARTED on ${t.nodes.join(', ')} (it reads the mountbroker options at start only); bricks and running sessions keep running.`,
        );
    } else
      plan.push(`gluster-mountbroker status could not be read on ${t.nodes[0]}: ${status_error}`);
    plan.push(
      `After create push-pem: set_geo_rep_pem_keys.sh ${t.user} ${t.primary_volume} ${t.secondary_volume} on ${t.nodes[0]}.`,
    );
    return { conflict, accounts, status: st, status_error, plan };
  }

  async function waitGlusterd(node: string): Promise<boolean> {
    const until = Date.now() + waitMs;
    for (;;) {
      const r = await run(node, 'gluster', ['--mode=script', 'volume', 'list']).catch(() => null);
      if (r && r.code === 0) return true;
      if (Date.now() > until) return false;
      await sleep(500);
    }
  }

  /** Steps 1-4. Throws MountbrokerStepError naming the step and the node. */
  async function prepare(
    t: MountbrokerTarget,
    onStep?: (s: StepOutcome) => void,
  ): Promise<StepOutcome[]> {
    checkTarget(t);
    const done: StepOutcome[] = [];
    const note = (s: StepOutcome) => {
      done.push(s);
      onStep?.(s);
    };
    const first = t.nodes[0]!;
    for (const node of t.nodes) {
      const missing = await accountsOn(node, t);
      if (missing.length)
        throw new MountbrokerStepError(
          'accounts',
          node,
          `${missing.join(', ')} missing.`,
          `Create ${missing.join(', ')} on ${node} (the same on every secondary node), then start again. Nothing was changed.`,
          done,
        );
    }
    note({
      step: 'accounts',
      node: t.nodes.join(', '),
      outcome: 'already',
      detail: `${t.user} (group ${t.group}) exists on every secondary node.`,
    });
    let st: MountbrokerNodeStatus[];
    try {
      st = await status(first);
    } catch (err) {
      throw new MountbrokerStepError(
        'setup',
        first,
        `gluster-mountbroker status failed: ${err instanceof Error ? err.message : String(err)}.`,
        'Check that glusterfs-server (which ships gluster-mountbroker) is installed on the secondary.',
        done,
      );
    }
    const settled = settle(st, t);
    if (settled.conflict)
      throw new MountbrokerStepError(
        'setup',
        first,
        settled.conflict,
        'Nothing was changed.',
        done,
      );
    t = settled.target;
    const want = { root: t.root, group: t.group, user: t.user, volume: t.secondary_volume };
    let n = mountbrokerNeeds(st, want);
    if (n.down.length)
      throw new MountbrokerStepError(
        'setup',
        n.down[0]!,
        'the node is DOWN in the secondary pool.',
        'Bring it up, then start again. Nothing was changed.',
        done,
      );
    let changed = false;
    const table = async (step: StepId, argv: string[]) => {
      const r = await run(first, 'gluster-mountbroker', argv);
      // CliSetup/CliAdd print one row per peer with "OK" or "NOT OK: <why>".
      const bad = /\|\s*([^|]+?)\s*\|\s*(UP|DOWN)\s*\|\s*NOT OK:?\s*([^|]*)\|/.exec(r.stdout);
      if (r.code !== 0 || bad)
        throw new MountbrokerStepError(
          step,
          bad?.[1] ?? first,
          bad ? bad[3]!.trim() || 'NOT OK' : last(r.stderr) || `exit ${r.code}`,
          step === 'setup'
            ? `Check the group ${t.group} exists on that node and that ${t.root} can be created there.`
            : 'Check glusterd.vol on that node.',
          done,
        );
    };
    if (n.setup) {
      await table('setup', ['setup', t.root, t.group]);
      changed = true;
      note({
        step: 'setup',
        node: first,
        outcome: 'done',
        detail: `gluster-mountbroker setup ${t.root} ${t.group} on every secondary node.`,
      });
    } else
      note({
        step: 'setup',
        node: first,
        outcome: 'already',
        detail: `Already set up (${t.root}, group ${t.group}).`,
      });
    if (n.add) {
      await table('add', ['add', t.secondary_volume, t.user]);
      changed = true;
      note({
        step: 'add',
        node: first,
        outcome: 'done',
        detail: `gluster-mountbroker add ${t.secondary_volume} ${t.user}.`,
      });
    } else
      note({
        step: 'add',
        node: first,
        outcome: 'already',
        detail: `${t.user} may already mount ${t.secondary_volume}.`,
      });
    if (changed) {
      const how = o.restartGlusterd ?? { program: 'systemctl', argv: ['restart', 'glusterd'] };
      for (const node of t.nodes) {
        const r = await run(node, how.program, how.argv);
        if (r.code !== 0)
          throw new MountbrokerStepError(
            'restart_glusterd',
            node,
            last(r.stderr) || `exit ${r.code}`,
            `Restart glusterd on ${node} yourself (${how.program} ${how.argv.join(' ')}): the mountbroker options are read at start only.`,
            done,
          );
        if (!(await waitGlusterd(node)))
          throw new MountbrokerStepError(
            'restart_glusterd',
            node,
            `glusterd did not answer within ${Math.round(waitMs / 1000)} s after the restart.`,
            `Check glusterd on ${node} (its log: /var/log/glusterfs/glusterd.log).`,
            done,
          );
        note({
          step: 'restart_glusterd',
          node,
          outcome: 'done',
          detail: 'it answers again; bricks and running sessions kept running.',
        });
      }
      n = mountbrokerNeeds(await status(first), want);
      if (n.setup || n.add)
        throw new MountbrokerStepError(
          'add',
          first,
          'gluster-mountbroker status still does not show the set-up after the restart.',
          'Check /etc/glusterfs/glusterd.vol on the secondary nodes.',
          done,
        );
    } else
      note({
        step: 'restart_glusterd',
        node: first,
        outcome: 'already',
        detail: 'glusterd.vol unchanged: no restart needed.',
      });
    return done;
  }

  /** Step 5, after create push-pem. */
  async function distributeKeys(t: MountbrokerTarget): Promise<StepOutcome> {
    checkTarget(t);
    const node = t.nodes[0]!;
    const pw = await run(node, 'getent', ['passwd', t.user]);
    const home = pw.code === 0 ? pw.stdout.trim().split(':')[5] : undefined;
    if (!home || !home.startsWith('/'))
      throw new MountbrokerStepError(
        'pem_keys',
        node,
        `no home directory for ${t.user}.`,
        `Check the user ${t.user} on ${node}.`,
        [],
      );
    const file = `${home}/${t.primary_volume}_${t.secondary_volume}_common_secret.pem.pub`;
    const until = Date.now() + waitMs;
    while ((await run(node, 'test', ['-f', file])).code !== 0) {
      if (Date.now() > until)
        throw new MountbrokerStepError(
          'pem_keys',
          node,
          `${file} did not appear (create push-pem copies it there).`,
          'Run create push-pem again (with force), then start again.',
          [],
        );
      await sleep(200);
    }
    let script: string | undefined;
    for (const s of o.pemKeysScripts ?? DEFAULT_PEM_SCRIPTS) {
      if ((await run(node, 'test', ['-x', s])).code === 0) {
        script = s;
        break;
      }
    }
    if (!script)
      throw new MountbrokerStepError(
        'pem_keys',
        node,
        'set_geo_rep_pem_keys.sh was not found.',
        'Install glusterfs-server (geo-replication) on the secondary.',
        [],
      );
    const r = await run(node, script, [t.user, t.primary_volume, t.secondary_volume]);
    if (r.code !== 0)
      throw new MountbrokerStepError(
        'pem_keys',
        node,
        last(r.stdout) || last(r.stderr) || `exit ${r.code}`,
        `Run ${script} ${t.user} ${t.primary_volume} ${t.secondary_volume} on ${node} as root.`,
        [],
      );
    return {
      step: 'pem_keys',
      node,
      outcome: 'done',
      detail: `${script} ${t.user} ${t.primary_volume} ${t.secondary_volume}: the primary's keys are in ${t.user}'s authorized_keys on every secondary node.`,
    };
  }

  return { inspect, prepare, distributeKeys };
}
