// The non-root preparation inside the service's preflight and create (server/mountbroker/prepare.ts
// does the steps). The service can log in as root only on hosts this engine manages (its key is
// on every engine host): for such a secondary it prepares everything; for any other remote it
// says exactly what the remote's administrator must run, and Gluster's create checks the rest.
import type { FastifyBaseLogger } from 'fastify';
import type { NonRootStep, PreflightCheck, SessionKey } from '../../src/georep/types';
import { DEFAULT_MOUNTBROKER_ROOT } from '../../src/georep/prerequisites';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import type { EngineCluster } from '../engine';
import { ApiError } from '../errors';
import { mountbroker, MountbrokerStepError, STEP_WORDS, type MountbrokerTarget } from './prepare';

export interface NonRootFacts {
  key: SessionKey;
  group: string;
  /** The secondary is on hosts of this engine, so the service may run programs there as root. */
  managed: boolean;
}

/**
 * Every node of the secondary's pool, the host named in the URL first: gluster-mountbroker setup and
 * add act on every peer (peer_mountbroker.py.in: execute_in_peers), node-setup fails on a peer
 * without the group, and every peer's glusterd.vol changes, so each needs the accounts and a
 * glusterd restart, not only the nodes with bricks of the volume.
 */
async function secondaryNodes(ctx: ServiceContext, key: SessionKey): Promise<string[]> {
  const peers = await ctx.gluster.peerStatus(key.secondary_host).catch(() => []);
  const others = peers
    .map((x) => x.hostname)
    .filter((h) => h.toLowerCase() !== key.secondary_host.toLowerCase());
  return [key.secondary_host, ...new Set(others)];
}

async function targetOf(ctx: ServiceContext, f: NonRootFacts): Promise<MountbrokerTarget> {
  return {
    nodes: await secondaryNodes(ctx, f.key),
    user: f.key.secondary_user,
    group: f.group,
    root: DEFAULT_MOUNTBROKER_ROOT,
    primary_volume: f.key.primary_volume,
    secondary_volume: f.key.secondary_volume,
  };
}

/** What to run by hand on a remote the service cannot prepare. */
export function manualSteps(f: NonRootFacts): string {
  const { key, group } = f;
  return `on every node of ${key.secondary_host}'s cluster: groupadd ${group}; useradd -m -G ${group} ${key.secondary_user}; then on one of them: gluster-mountbroker setup ${DEFAULT_MOUNTBROKER_ROOT} ${group}; gluster-mountbroker add ${key.secondary_volume} ${key.secondary_user}; restart glusterd on every node; and after the session is created: set_geo_rep_pem_keys.sh ${key.secondary_user} ${key.primary_volume} ${key.secondary_volume}`;
}

const canPrepare = (ctx: ServiceContext, f: NonRootFacts): boolean =>
  f.managed && !!ctx.secondaryRoot;

/** Preflight: the mountbroker on the remote as `gluster-mountbroker status` says, and what create will do. */
export async function mountbrokerCheck(
  ctx: ServiceContext,
  f: NonRootFacts,
): Promise<PreflightCheck> {
  const id = 'mountbroker';
  const title = 'The secondary is prepared for a non-root user (mountbroker)';
  if (!canPrepare(ctx, f)) {
    return {
      id,
      title,
      outcome: 'skipped',
      severity: 'info',
      evidence: `${f.key.secondary_host} is not a host of this engine, so this service cannot prepare it (it logs in as root only on engine hosts). Its administrator must have run, ${manualSteps(f)}. Gluster's create checks that ${f.key.secondary_user} can mount ${f.key.secondary_volume}.`,
    };
  }
  try {
    const mb = mountbroker(ctx.secondaryRoot!, ctx.mountbrokerOptions);
    const i = await mb.inspect(await targetOf(ctx, f));
    if (i.accounts.length)
      return {
        id,
        title,
        outcome: 'fail',
        severity: 'blocker',
        evidence:
          i.accounts.map((a) => `${a.node} lacks ${a.missing.join(', ')}`).join('; ') +
          `. Create them there (the same on every secondary node); this service does not create accounts on another cluster.`,
      };
    if (i.conflict)
      return { id, title, outcome: 'fail', severity: 'blocker', evidence: i.conflict };
    if (!i.status)
      return {
        id,
        title,
        outcome: 'fail',
        severity: 'blocker',
        evidence: `gluster-mountbroker status could not be read on ${f.key.secondary_host}: ${i.status_error}`,
      };
    return {
      id,
      title,
      outcome: 'pass',
      severity: 'info',
      evidence: `Create will prepare ${f.key.secondary_host}: ${i.plan.join(' ')}`,
    };
  } catch (err) {
    return {
      id,
      title,
      outcome: 'skipped',
      severity: 'info',
      evidence: `The mountbroker could not be read: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

function stepsInWords(done: NonRootStep[]): string {
  return done.length
    ? ` Done before: ${done.map((s) => `${STEP_WORDS[s.step]} on ${s.node} (${s.outcome})`).join('; ')}.`
    : '';
}

/** Before create: steps 1-4, each audited. Throws an ApiError naming the step and node. */
export async function prepareSecondary(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  f: NonRootFacts,
  log: FastifyBaseLogger,
): Promise<NonRootStep[]> {
  if (!canPrepare(ctx, f)) return [];
  const mb = mountbroker(ctx.secondaryRoot!, ctx.mountbrokerOptions);
  const steps: NonRootStep[] = [];
  try {
    await mb.prepare(await targetOf(ctx, f), (s) => {
      steps.push(s);
      void ctx.audit.record(
        p,
        {
          action: 'mountbroker_step',
          cluster,
          key: f.key,
          ok: true,
          note: `${STEP_WORDS[s.step]} on ${s.node}: ${s.detail}`,
        },
        log,
      );
    });
    return steps;
  } catch (err) {
    if (!(err instanceof MountbrokerStepError)) throw err;
    const detail = `${err.message}${stepsInWords(steps)} The session was not created.`;
    await ctx.audit.record(
      p,
      { action: 'mountbroker_step', cluster, key: f.key, ok: false, error: detail },
      log,
    );
    throw new ApiError(
      err.step === 'accounts' ? 409 : 502,
      err.step === 'accounts' ? 'Conflict' : 'Bad Gateway',
      detail,
    );
  }
}

/** After create push-pem: set_geo_rep_pem_keys.sh (step 5). Throws an ApiError saying the session exists. */
export async function distributeKeys(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  f: NonRootFacts,
  log: FastifyBaseLogger,
): Promise<NonRootStep | null> {
  if (!canPrepare(ctx, f)) return null;
  const mb = mountbroker(ctx.secondaryRoot!, ctx.mountbrokerOptions);
  try {
    const s = await mb.distributeKeys(await targetOf(ctx, f));
    await ctx.audit.record(
      p,
      {
        action: 'mountbroker_step',
        cluster,
        key: f.key,
        ok: true,
        note: `${STEP_WORDS[s.step]} on ${s.node}: ${s.detail}`,
      },
      log,
    );
    return s;
  } catch (err) {
    if (!(err instanceof MountbrokerStepError)) throw err;
    const detail = `The session was created, but ${err.message} Until then its workers cannot log in as ${f.key.secondary_user}.`;
    await ctx.audit.record(
      p,
      { action: 'mountbroker_step', cluster, key: f.key, ok: false, error: detail },
      log,
    );
    throw new ApiError(502, 'Bad Gateway', detail);
  }
}
