// Guided failover and failback of a geo-replication session, step by step, each step confirmed by
// the user, run as a job, audited, and recorded in Gluster (an option of the secondary volume, the
// one a failover promotes) so that an interrupted procedure resumes where it stopped, from any
// service instance. The steps follow:
// - RHGS 3.5 Administration Guide, 10.8 "Disaster Recovery" (10.8.1 Failover: promoting a slave to
//   master: `volume set <svol> features.read-only off`, `geo-replication.indexing on`, `changelog
//   on`; 10.8.2 Failback: `stop force` the original session, create the reverse session from the
//   original slave with force, `config special-sync-mode recover`, `config
//   gfid-conflict-resolution false`, start it, stop I/O, `checkpoint now`, wait for completion,
//   stop and delete it, reset the promoted volume's options, start the original session);
// - gdeploy (gluster/gdeploy): geo_replication_failover sets geo-replication.indexing and changelog
//   on the slave; playbooks/georep-fail-back.yml stops (force) and deletes the reverse session and
//   resets `geo-replication.indexing` and `changelog` on the promoted volume.
// What Gluster does behind them (shared/reference/gluster-local.md): creating a session sets
// `features.read-only on` on its secondary by a hook, so the reverse session makes the original
// primary read-only, which failback undoes; the promoted volume goes back to read-only as it was.
import type { FastifyBaseLogger } from 'fastify';
import {
  DR_LAST_OPTION,
  DR_PROCEDURE_OPTION,
  DR_SYNCED_OPTION,
  decodeOption,
  encodeOption,
  isUnreadable,
  type DrProcedureStepView,
  type DrProcedureView,
} from '../../src/georep/dr';
import { isDrSyncRecord } from './records';
import { parseSessionId, sameSession, sessionId as idOf } from '../../src/georep/status';
import type { GeoRepJob, GeoRepSession, SessionKey } from '../../src/georep/types';
import { formatSecondary } from '../../src/georep/validation';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import { keyOfSession } from '../domain';
import type { EngineCluster } from '../engine';
import { ApiError, conflict, notFound } from '../errors';
import { GlusterUnreachableError } from '../gluster/exec';
import type { ParsedVolume } from '../gluster/types';
import { waitForGsyncdKey } from '../pushPem';
import type { DrService } from './service';
import { checkpointSetAt, describeKey, idleReachedWords } from './sync';
import { idlePastCheckpoint } from './idle';

export type ProcedureKind = 'failover' | 'failback';

/** What Gluster keeps of a procedure (bounded: src/georep/dr.ts DR_MAX_OPTION_BYTES). */
interface ProcState {
  v: 1;
  kind: ProcedureKind;
  session: SessionKey;
  primary_cluster_id: string;
  started_by: string;
  started_at: string;
  /** step id -> when and by whom it was done (or skipped: s). */
  done: Record<string, { at: string; by: string; s?: 1 }>;
  last_synced_point: string | null;
  last_synced_basis: string | null;
  /** features.read-only of the secondary before the failover ('on' when a session created it). */
  read_only_before: string | null;
}

function isProcState(v: unknown): v is ProcState {
  const x = v as Partial<ProcState> | null;
  return !!x && typeof x === 'object' && x.v === 1 && !!x.session && typeof x.done === 'object';
}

interface Where {
  p: Principal;
  primary: EngineCluster;
  key: SessionKey;
  secondary: { cluster: EngineCluster; volume: ParsedVolume } | null;
  state: ProcState | null;
  log: FastifyBaseLogger;
}

interface StepDef {
  id: string;
  title: string;
  explain: (w: Where) => string;
  /** Runs the step; returns what it did, or `{skipped}` with why. */
  run: (
    w: Where,
    o: { force: boolean; ssh_port?: number },
  ) => Promise<string | { skipped: string }>;
}

const q = (k: SessionKey) => `${k.primary_volume} ${formatSecondary(k)}`;

export class DrProcedures {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly dr: DrService,
    private readonly opts: { checkpointWithinMs?: number; pollMs?: number } = {},
  ) {}

  // ------------------------------------------------------------------ reading

  async view(
    p: Principal,
    primary: EngineCluster,
    sessionId: string,
    kind: ProcedureKind,
    log: FastifyBaseLogger,
  ): Promise<DrProcedureView> {
    await this.ctx.access.readableCluster(p, primary.id);
    const w = await this.where(p, primary, sessionId, log);
    return this.render(w, kind);
  }

  private async where(
    p: Principal,
    primary: EngineCluster,
    sessionId: string,
    log: FastifyBaseLogger,
  ): Promise<Where> {
    // From the id alone: the primary site may be unreachable (no status read needed).
    const key = parseSessionId(sessionId);
    if (!key) throw notFound(`${sessionId} is not a geo-replication session id.`);
    const secondary = await this.dr.secondaryVolume(p, key, log);
    let state: ProcState | null = null;
    if (secondary) {
      const raw = decodeOption(secondary.volume.options[DR_PROCEDURE_OPTION], isProcState);
      state = raw && !isUnreadable(raw) && sameSession(raw.session, key) ? raw : null;
    }
    return { p, primary, key, secondary, state, log };
  }

  private render(w: Where, kind: ProcedureKind): DrProcedureView {
    const defs = kind === 'failover' ? this.failoverSteps() : this.failbackSteps();
    const st = w.state && w.state.kind === kind ? w.state : null;
    const steps: DrProcedureStepView[] = defs.map((d) => {
      const done = st?.done[d.id];
      return {
        id: d.id,
        title: d.title,
        explain: d.explain(w),
        state: done ? (done.s ? 'skipped' : 'done') : 'pending',
        detail: null,
        done_at: done?.at ?? null,
        done_by: done?.by ?? null,
      };
    });
    const running = this.ctx.jobs.runningFor(procJobKey(w.key, kind));
    const next = steps.find((s) => s.state === 'pending') ?? null;
    if (running && next) next.state = 'running';
    let problem: string | null = null;
    if (!w.secondary)
      problem = `The secondary volume ${w.key.secondary_volume} on ${w.key.secondary_host} is not in a Gluster cluster this engine manages (or you cannot see it): the steps on it cannot be run from here. Run them at the recovery site by hand, as each step explains.`;
    else if (
      kind === 'failback' &&
      !(w.state?.kind === 'failover' && allDone(w.state, this.failoverSteps())) &&
      !st
    )
      problem =
        'Failback brings back what was written to the promoted volume: complete a failover first.';
    else if (
      kind === 'failover' &&
      w.state?.kind === 'failback' &&
      !allDone(w.state, this.failbackSteps())
    )
      problem = 'A failback of this session is under way: finish it first.';
    const base = st ?? w.state;
    return {
      kind,
      session_id: sessionIdOf(w.key),
      primary: w.key.primary_volume,
      secondary: formatSecondary(w.key),
      state_on: w.secondary ? `${w.secondary.cluster.name}/${w.secondary.volume.name}` : null,
      problem,
      started_by: st?.started_by ?? null,
      started_at: st?.started_at ?? null,
      last_synced_point: base?.last_synced_point ?? null,
      last_synced_basis: base?.last_synced_basis ?? null,
      steps,
      next_step: next?.id ?? null,
      complete: next === null,
    };
  }

  // ------------------------------------------------------------------ running a step

  async runStep(
    p: Principal,
    primary: EngineCluster,
    sessionId: string,
    kind: ProcedureKind,
    stepId: string,
    o: { force: boolean; ssh_port?: number },
    log: FastifyBaseLogger,
  ): Promise<GeoRepJob> {
    const w = await this.where(p, primary, sessionId, log);
    const view = this.render(w, kind);
    if (view.problem) throw conflict(view.problem);
    if (view.complete) throw conflict(`The ${kind} of ${describeKey(w.key)} is complete.`);
    if (view.next_step !== stepId)
      throw conflict(
        `Step "${stepId}" is not the next one of the ${kind}: the next is "${view.next_step}" (steps run in order, each once confirmed).`,
      );
    const jobKey = procJobKey(w.key, kind);
    if (this.ctx.jobs.runningFor(jobKey)) throw conflict(`A step of this ${kind} is running.`);
    const def = (kind === 'failover' ? this.failoverSteps() : this.failbackSteps()).find(
      (d) => d.id === stepId,
    )!;
    const release = this.ctx.locks.acquire(primary, w.key, `${kind}: ${def.title}`, p);
    return this.ctx.jobs.start(
      { kind, cluster_id: primary.id, session_id: jobKey, user: p.user.user_name },
      async (progress) => {
        const step = {
          title: def.title,
          state: 'running' as 'running' | 'done' | 'failed',
          detail: null as string | null,
          started_at: new Date().toISOString(),
          ended_at: null as string | null,
        };
        progress([step]);
        try {
          const r = await def.run(w, o);
          const skipped = typeof r === 'object';
          const detail = skipped ? `Skipped: ${r.skipped}` : r;
          await this.markDone(w, kind, stepId, skipped);
          step.state = 'done';
          step.detail = detail;
          step.ended_at = new Date().toISOString();
          progress([step]);
          return { ok: true, detail };
        } catch (err) {
          step.state = 'failed';
          step.detail = message(err);
          step.ended_at = new Date().toISOString();
          progress([step]);
          return { ok: false, detail: message(err) };
        }
      },
      async (j) => {
        release();
        await this.ctx.audit.record(
          p,
          {
            action: 'dr_step',
            cluster: primary,
            key: w.key,
            ok: j.state === 'succeeded',
            note: j.state === 'succeeded' ? (j.detail ?? undefined) : undefined,
            error: j.state === 'failed' ? (j.detail ?? 'failed') : undefined,
            dr: { what: `${kind === 'failover' ? 'Failover' : 'Failback'} step "${def.title}"` },
          },
          w.log,
        );
      },
    );
  }

  private async markDone(
    w: Where,
    kind: ProcedureKind,
    stepId: string,
    skipped: boolean,
  ): Promise<void> {
    if (!w.secondary) throw new Error('no secondary volume to keep the state on');
    const fresh = await this.where(w.p, w.primary, sessionIdOf(w.key), w.log);
    let st = fresh.state && fresh.state.kind === kind ? fresh.state : null;
    if (!st) {
      const prev = fresh.state;
      st = {
        v: 1,
        kind,
        session: w.key,
        primary_cluster_id: w.primary.id,
        started_by: w.p.user.user_name,
        started_at: new Date().toISOString(),
        done: {},
        last_synced_point: w.state?.last_synced_point ?? prev?.last_synced_point ?? null,
        last_synced_basis: w.state?.last_synced_basis ?? prev?.last_synced_basis ?? null,
        read_only_before: w.state?.read_only_before ?? prev?.read_only_before ?? null,
      };
    }
    // what the first failover step found is carried in w.state by it
    if (kind === 'failover' && w.state && w.state.kind === 'failover') {
      st.last_synced_point = w.state.last_synced_point;
      st.last_synced_basis = w.state.last_synced_basis;
      st.read_only_before = w.state.read_only_before;
    }
    st.done[stepId] = {
      at: new Date().toISOString(),
      by: w.p.user.user_name,
      ...(skipped ? { s: 1 as const } : {}),
    };
    await this.dr.write(
      w.p,
      w.secondary.cluster,
      w.secondary.volume.name,
      DR_PROCEDURE_OPTION,
      encodeOption(st),
      w.log,
    );
  }

  // ------------------------------------------------------------------ Gluster, on either side

  private async onPrimary<T>(w: Where, fn: (node: string) => Promise<T>): Promise<T> {
    const nodes = await this.ctx.nodes.upNodes(w.p, w.primary);
    const r = await this.ctx.nodes.onFirstReachable(w.primary.id, nodes, fn, w.log);
    this.ctx.status.invalidate(w.primary.id);
    return r.value;
  }

  private async onSecondary<T>(w: Where, fn: (node: string) => Promise<T>): Promise<T> {
    const c = w.secondary!.cluster;
    const nodes = await this.ctx.nodes.upNodes(w.p, c);
    const r = await this.ctx.nodes.onFirstReachable(c.id, nodes, fn, w.log);
    this.ctx.status.invalidate(c.id);
    return r.value;
  }

  private reverseKey(w: Where, primaryHost: string): SessionKey {
    return {
      primary_volume: w.key.secondary_volume,
      secondary_host: primaryHost,
      secondary_volume: w.key.primary_volume,
      secondary_user: 'root',
    };
  }

  /** The primary volume's first brick host, as Gluster names it: the reverse session's secondary host. */
  private async primaryHost(w: Where): Promise<string> {
    const st = await this.ctx.status.fresh(w.p, w.primary, w.log);
    const v = st.volumes.find((x) => x.name === w.key.primary_volume);
    const h = v?.bricks[0]?.host;
    if (!h)
      throw new Error(
        `Gluster does not list volume ${w.key.primary_volume} on cluster ${w.primary.name}.`,
      );
    return h;
  }

  private async reverseSession(w: Where): Promise<GeoRepSession | null> {
    const host = await this.primaryHost(w);
    const rk = this.reverseKey(w, host);
    const st = await this.ctx.status.fresh(w.p, w.secondary!.cluster, w.log);
    return st.sessions.find((s) => sameSession(keyOfSession(s), rk)) ?? null;
  }

  // ------------------------------------------------------------------ failover

  failoverSteps(): StepDef[] {
    return [
      {
        id: 'record-point',
        title: 'Record the last synced point',
        explain: (w) =>
          `Reads how far ${w.key.secondary_volume} is known to be in sync: the session's sync point if the primary site answers, else the last storage domain sync recorded on the secondary volume. What was written to ${w.key.primary_volume} after it is not on the secondary. Also notes the secondary's features.read-only, to restore it at failback.`,
        run: async (w) => {
          let point: string | null = null;
          let basis: string | null = null;
          try {
            const st = await this.ctx.status.fresh(w.p, w.primary, w.log);
            const s = st.sessions.find((x) => sameSession(keyOfSession(x), w.key));
            if (s?.sync_point.time) {
              point = s.sync_point.time;
              basis = `the session's sync point (${s.sync_point.source}${s.sync_point.as_of ? `, read ${s.sync_point.as_of}` : ''})`;
            }
            const last = decodeOption(
              st.volumes.find((v) => v.name === w.key.primary_volume)?.options[DR_LAST_OPTION],
              isDrSyncRecord,
            );
            if (!point && last && !isUnreadable(last) && last.checkpoint_time) {
              point = last.checkpoint_time;
              basis = `the storage domain sync of ${last.started_at}`;
            }
          } catch {
            /* the primary site does not answer: read what the secondary keeps */
          }
          if (!point && w.secondary) {
            const synced = decodeOption(
              w.secondary.volume.options[DR_SYNCED_OPTION],
              (v): v is { checkpoint_time: string; storage_domain: string } =>
                !!v && typeof (v as { checkpoint_time?: unknown }).checkpoint_time === 'string',
            );
            if (synced && !isUnreadable(synced)) {
              point = synced.checkpoint_time;
              basis = `the last sync of storage domain ${synced.storage_domain}, recorded on the secondary volume`;
            }
          }
          w.state = {
            v: 1,
            kind: 'failover',
            session: w.key,
            primary_cluster_id: w.primary.id,
            started_by: w.p.user.user_name,
            started_at: new Date().toISOString(),
            done: w.state?.kind === 'failover' ? w.state.done : {},
            last_synced_point: point,
            last_synced_basis: basis,
            read_only_before: w.secondary?.volume.options['features.read-only'] ?? null,
          };
          return point
            ? `Everything written to ${w.key.primary_volume} before ${point} is on ${w.key.secondary_volume} (${basis}); later writes may be missing.`
            : `The last synced point is not known (the session never reported one to this service and no sync was recorded): assume anything may be missing.`;
        },
      },
      {
        id: 'stop-session',
        title: 'Stop the session',
        explain: (w) =>
          `gluster volume geo-replication ${q(w.key)} stop [force], on the primary site. If the primary site is unreachable, confirm with force: the session is then left as it is and stopped with force at failback (RHGS 10.8.2 step 1).`,
        run: async (w, o) => {
          try {
            await this.onPrimary(w, (n) => this.ctx.gluster.stop(n, w.key, { force: o.force }));
            return o.force ? 'Stopped with force.' : 'Stopped.';
          } catch (err) {
            const unreachable =
              err instanceof GlusterUnreachableError ||
              (err instanceof ApiError && err.statusCode === 502);
            if (unreachable && o.force)
              return {
                skipped: `the primary site did not answer (${message(err)}); the session will be stopped with force at failback.`,
              };
            if (unreachable)
              throw new Error(
                `The primary site does not answer (${message(err)}). If it is lost, run this step again with force to go on without stopping the session.`,
                { cause: err },
              );
            throw err;
          }
        },
      },
      {
        id: 'promote-writable',
        title: 'Make the secondary volume writable',
        explain: (w) =>
          `gluster volume set ${w.key.secondary_volume} features.read-only off, on the recovery site (RHGS 10.8.1 step 1). Clients may write to it from now on.`,
        run: async (w) => {
          await this.onSecondary(w, (n) =>
            this.ctx.gluster.volumeSet(n, w.key.secondary_volume, 'features.read-only', 'off'),
          );
          return `${w.key.secondary_volume}: features.read-only off.`;
        },
      },
      {
        id: 'promote-changelog',
        title: 'Record changes on the promoted volume',
        explain: (w) =>
          `gluster volume set ${w.key.secondary_volume} geo-replication.indexing on and changelog.changelog on (RHGS 10.8.1 step 2; gdeploy failover): what is written at the recovery site can then be synced back at failback.`,
        run: async (w) => {
          await this.onSecondary(w, async (n) => {
            await this.ctx.gluster.volumeSet(
              n,
              w.key.secondary_volume,
              'geo-replication.indexing',
              'on',
            );
            await this.ctx.gluster.volumeSet(
              n,
              w.key.secondary_volume,
              'changelog.changelog',
              'on',
            );
          });
          return `${w.key.secondary_volume}: geo-replication.indexing on, changelog.changelog on.`;
        },
      },
      {
        id: 'attach',
        title: 'Attach the promoted volume as a storage domain at the recovery site',
        explain: (w) =>
          `Done by the administrator in WebAdmin: Storage › Domains › Import Domain; the recovery site's data center and a host there; Domain Function: Data; Storage Type: GlusterFS; Path: ${w.key.secondary_host}:/${w.key.secondary_volume}; VFS Type: glusterfs; Mount Options: backup-volfile-servers=<the other hosts of that volume>. Then import the VMs and disks from the domain's VM Import and Disk Import tabs. A VM that ran during the last sync has a snapshot named <vm><domain>-TMPDR: its disks as they were when it was taken, consistent; restore it if the later state is in doubt. Confirm when done.`,
        run: () => Promise.resolve('Confirmed by the administrator.'),
      },
    ];
  }

  // ------------------------------------------------------------------ failback

  failbackSteps(): StepDef[] {
    const waitMs = this.opts.checkpointWithinMs ?? 60 * 60_000;
    return [
      {
        id: 'stop-original',
        title: 'Stop the original session with force',
        explain: (w) =>
          `The original primary is back online. gluster volume geo-replication ${q(w.key)} stop force (RHGS 10.8.2 step 1), on the primary site.`,
        run: async (w) => {
          await this.onPrimary(w, (n) => this.ctx.gluster.stop(n, w.key, { force: true }));
          return 'Stopped with force.';
        },
      },
      {
        id: 'create-reverse',
        title: 'Create the reverse session',
        explain: (w) =>
          `From the promoted volume back to the original: gluster volume geo-replication ${w.key.secondary_volume} root@<${w.key.primary_volume}'s first brick host>::${w.key.primary_volume} create push-pem force, on the recovery site, after system:: execute gsec_create (RHGS 10.8.2 step 2). Its ssh port and sync method are the original session's. The recovery site's hosts need passwordless SSH to that host as root.`,
        run: async (w, o) => {
          const host = await this.primaryHost(w);
          const rk = this.reverseKey(w, host);
          if (await this.reverseSession(w))
            return { skipped: `the reverse session ${describeKey(rk)} exists already.` };
          const none: Record<string, string> = {};
          const config = await this.onPrimary(w, (n) => this.ctx.gluster.config(n, w.key)).catch(
            () => none,
          );
          const port = o.ssh_port ?? Number(config['ssh-port'] ?? config.ssh_port ?? 22);
          await this.onSecondary(w, async (n) => {
            await this.ctx.gluster.gsecCreate(n);
            await this.ctx.gluster.create(n, rk, { force: true, push_pem: true, ssh_port: port });
            const method = config['sync-method'] ?? config.sync_method;
            if (method && method !== 'rsync')
              await this.ctx.gluster.configSet(n, rk, 'sync-method', method);
          });
          return `Created ${describeKey(rk)} (ssh port ${port}).`;
        },
      },
      {
        id: 'configure-reverse',
        title: 'Set the reverse session to recover mode',
        explain: (w) =>
          `gluster volume geo-replication ${w.key.secondary_volume} <original primary>::${w.key.primary_volume} config special-sync-mode recover, then config gfid-conflict-resolution false (RHGS 10.8.2 steps 3-4): only what was created on the promoted volume since indexing was turned on is synced back.`,
        run: async (w) => {
          const rk = this.reverseKey(w, await this.primaryHost(w));
          await this.onSecondary(w, async (n) => {
            await this.ctx.gluster.configSet(n, rk, 'special-sync-mode', 'recover');
            await this.ctx.gluster.configSet(n, rk, 'gfid-conflict-resolution', 'false');
          });
          return 'special-sync-mode recover; gfid-conflict-resolution false.';
        },
      },
      {
        id: 'start-reverse',
        title: 'Start the reverse session',
        explain: (w) =>
          `gluster volume geo-replication ${w.key.secondary_volume} <original primary>::${w.key.primary_volume} start (RHGS 10.8.2 step 5), once the original primary accepts the recovery site's gsyncd key (the create installs it in the background; a session started before stays Created).`,
        run: async (w) => {
          const s = await this.reverseSession(w);
          if (!s) throw new Error('The reverse session is gone: create it again.');
          if (!['Stopped', 'Created'].includes(s.status))
            return { skipped: `the reverse session is ${s.status} already.` };
          const rk = keyOfSession(s);
          await this.onSecondary(w, async (n) => {
            // create push-pem returned before its hook installed gsyncd's key on the original
            // primary; started before that, the monitor dies and the session stays Created
            // (server/pushPem.ts): wait until it is accepted, as create-and-start does.
            const cfg = await this.ctx.gluster
              .config(n, rk)
              .catch((): Record<string, string> => ({}));
            const port = Number(cfg['ssh-port'] ?? cfg.ssh_port ?? 22);
            const target = { user: rk.secondary_user, host: rk.secondary_host, port };
            const key = await waitForGsyncdKey(this.ctx, n, target, w.log);
            if (key.accepted === false)
              throw new Error(
                `${target.user}@${target.host} still refuses the reverse session's SSH key (gsyncd's key of ${n}) ${Math.round(key.waitedMs / 1000)} s after it was created: Gluster's create installs it there in the background (the gsync-create hook), and a session started without it never starts. Look for the hook's failure in glusterd's log on ${n}, then run this step again.`,
              );
            await this.ctx.gluster.start(n, rk, {});
          });
          return 'Started.';
        },
      },
      {
        id: 'sync-back',
        title: 'Sync back: checkpoint and wait',
        explain: (w) =>
          `Stop the applications writing to ${w.key.secondary_volume} first (move the VMs back or shut them down): what is written after the checkpoint is not synced back. Then config checkpoint now on the reverse session and wait until it is completed (at most ${Math.round(waitMs / 60_000)} min; a Faulty reverse session stops the wait with the reason; a stalled one is recovered at most twice; on a volume nothing writes to, Gluster never marks the checkpoint completed, and the bricks' own evidence that nothing recorded is left to sync stands for it) (RHGS 10.8.2 steps 6-7).`,
        run: async (w) => {
          const s0 = await this.reverseSession(w);
          if (!s0) throw new Error('The reverse session is gone: create it again.');
          const rk = keyOfSession(s0);
          const setHere = Math.floor(this.dr.now() / 1000) * 1000;
          await this.onSecondary(w, (n) => this.ctx.gluster.configSet(n, rk, 'checkpoint', 'now'));
          // the checkpoint's time by Gluster's clock, as the status prints it (server/dr/sync.ts)
          const setAt = await checkpointSetAt(
            () => this.onSecondary(w, (n) => this.ctx.gluster.config(n, rk)),
            setHere,
          );
          const deadline = this.dr.now() + waitMs;
          let recoveries = 0;
          const recovered: string[] = [];
          for (;;) {
            await this.dr.sleep(this.opts.pollMs ?? 5_000);
            const s = await this.reverseSession(w);
            if (!s) throw new Error('The reverse session disappeared while syncing back.');
            const cp = s.checkpoint;
            if (cp && cp.completed && !cp.as_of && Date.parse(cp.time) >= setAt - 1000)
              return `Checkpoint ${cp.time} completed${cp.completion_time ? ` at ${cp.completion_time}` : ''}: what was written to ${w.key.secondary_volume} before it is on ${w.key.primary_volume}.${recovered.length ? ` The reverse session stalled and was recovered: ${recovered.join(' ')}` : ''}`;
            if (
              s.status === 'Active' &&
              (await idlePastCheckpoint(this.ctx, w.p, w.secondary!.cluster, s, setAt, w.log))
            )
              return `${idleReachedWords(new Date(setAt).toISOString())} (${w.key.secondary_volume} to ${w.key.primary_volume})${recovered.length ? ` The reverse session stalled and was recovered: ${recovered.join(' ')}` : ''}`;
            if (s.status === 'Faulty')
              throw new Error(
                'The reverse session turned Faulty; see its details on the recovery cluster, then run this step again.',
              );
            if (s.status === 'Stalled') {
              // A freshly started worker of Gluster 10.3 may come up deaf (src/georep/stall.ts);
              // seen on the lab with the reverse session: recovered as the scheduled sync does.
              const recover = this.dr.recoverer(w.p, w.secondary!.cluster, rk, w.log);
              if (!recover || recoveries >= 2)
                throw new Error(
                  `The reverse session is stalled (its workers are Active but do not sync)${recover ? ` and ${recoveries} recoveries did not help` : ''}: run Recover on it in the recovery cluster, then run this step again.`,
                );
              recoveries++;
              const r = await recover();
              if (!r.recovered)
                throw new Error(
                  `The reverse session is stalled and recovery failed: ${r.detail} Run this step again.`,
                );
              recovered.push(r.detail);
            }
            if (this.dr.now() >= deadline)
              throw new Error(
                `The checkpoint did not complete within ${Math.round(waitMs / 60_000)} min (the reverse session is ${s.status}); run this step again to wait more.`,
              );
          }
        },
      },
      {
        id: 'remove-reverse',
        title: 'Stop and delete the reverse session',
        explain: (w) =>
          `gluster volume geo-replication ${w.key.secondary_volume} <original primary>::${w.key.primary_volume} stop, then delete (RHGS 10.8.2 step 8; gdeploy georep-fail-back.yml).`,
        run: async (w) => {
          const s = await this.reverseSession(w);
          if (!s) return { skipped: 'the reverse session is gone already.' };
          const rk = keyOfSession(s);
          await this.onSecondary(w, async (n) => {
            await this.ctx.gluster.stop(n, rk, {});
            await this.ctx.gluster.delete(n, rk, {});
          });
          return `Stopped and deleted ${describeKey(rk)}.`;
        },
      },
      {
        id: 'primary-writable',
        title: 'Make the original primary writable again',
        explain: (w) =>
          `gluster volume set ${w.key.primary_volume} features.read-only off, on the primary site: creating the reverse session made it read-only (its create hook), and it is the primary again.`,
        run: async (w) => {
          await this.onPrimary(w, (n) =>
            this.ctx.gluster.volumeSet(n, w.key.primary_volume, 'features.read-only', 'off'),
          );
          return `${w.key.primary_volume}: features.read-only off.`;
        },
      },
      {
        id: 'demote',
        title: 'Return the promoted volume to a secondary',
        explain: (w) =>
          `gluster volume reset ${w.key.secondary_volume} geo-replication.indexing force and reset changelog.changelog (RHGS 10.8.2; gdeploy georep-fail-back.yml), then features.read-only back to what it was before the failover (${w.state?.read_only_before ?? 'on'}).`,
        run: async (w) => {
          const ro = w.state?.read_only_before === 'off' ? 'off' : 'on';
          await this.onSecondary(w, async (n) => {
            await this.ctx.gluster.volumeReset(
              n,
              w.key.secondary_volume,
              'geo-replication.indexing',
              { force: true },
            );
            await this.ctx.gluster.volumeReset(n, w.key.secondary_volume, 'changelog.changelog');
            await this.ctx.gluster.volumeSet(n, w.key.secondary_volume, 'features.read-only', ro);
          });
          return `${w.key.secondary_volume}: indexing and changelog reset, features.read-only ${ro}.`;
        },
      },
      {
        id: 'restart-original',
        title: 'Start the original session again',
        explain: (w) =>
          `gluster volume geo-replication ${q(w.key)} start, on the primary site (RHGS 10.8.2, last step).`,
        run: async (w) => {
          const st = await this.ctx.status.fresh(w.p, w.primary, w.log);
          const s = st.sessions.find((x) => sameSession(keyOfSession(x), w.key));
          if (!s) throw new Error(`Gluster no longer lists the session ${describeKey(w.key)}.`);
          if (!['Stopped', 'Created'].includes(s.status))
            return { skipped: `the session is ${s.status} already.` };
          await this.onPrimary(w, (n) => this.ctx.gluster.start(n, w.key, {}));
          return 'Started: the original session replicates again.';
        },
      },
    ];
  }
}

function allDone(st: ProcState, defs: StepDef[]): boolean {
  return defs.every((d) => st.done[d.id]);
}

/** Jobs are found by a key; a procedure's is its kind and session. */
function procJobKey(k: SessionKey, kind: ProcedureKind): string {
  return `${kind}:${sessionIdOf(k)}`;
}

function sessionIdOf(k: SessionKey): string {
  // the same id the session list gives (src/georep/status.ts sessionId)
  return idOf(k);
}

function message(err: unknown): string {
  return err instanceof ApiError ? err.detail : err instanceof Error ? err.message : String(err);
}
