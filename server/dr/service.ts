// Disaster recovery of storage domains: which Gluster storage domains a cluster's volumes carry,
// their sync schedules (kept by Gluster as options of the primary volume: src/georep/dr.ts), a
// sync run now or when due, and the claim that makes exactly one service instance run a due sync.
//
// The claim. Several instances may run behind the engine's Apache, each with the same schedules
// (Gluster is the only store). A due sync is claimed by posting its "started" event to the engine
// with origin `gluster-georep-dr` and a custom id derived from (storage domain, due time): the
// engine's audit_log has a unique index on (origin, custom_event_id)
// (packaging/dbscripts/create_tables.sql audit_log_origin_custom_event_id_idx) and
// AddExternalEventCommand.validate refuses a second one ("External Event with this custom id
// already exists"). So one instance's post succeeds and every other one is refused. Two posts racing
// past validate: the second insert breaks the unique index and the command fails, unless the
// engine's flood regulator dropped it, in which case the command answers with the event it finds
// for that origin and id, the winner's: the answer is taken as a claim only when it is this
// instance's own event (its description carries this instance's id and run id). A claim held in
// Gluster instead (a user.* option) cannot be taken atomically: `volume set` overwrites, last
// writer wins, and two instances could each read back their own value before the other wrote.
import { createHash, randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import type { FastifyBaseLogger } from 'fastify';
import {
  DR_LAST_OPTION,
  DR_NONE,
  DR_SETUP_OPTION,
  DR_SYNCED_OPTION,
  decodeOption,
  describeSchedule,
  dueRuns,
  encodeOption,
  isUnreadable,
  nextRun,
  validateSchedule,
  type DrDomainView,
  type DrSchedule,
  type DrSetup,
  type DrSyncRecord,
} from '../../src/georep/dr';
import { isDrSetup, isDrSyncRecord } from './records';
import { waitForGsyncdKey } from '../pushPem';
import { idlePastCheckpoint } from './idle';
import type { GeoRepJob, GeoRepSession, SessionKey } from '../../src/georep/types';
import { formatSecondary } from '../../src/georep/validation';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import { keyOfSession, sameSession } from '../domain';
import type { EngineCluster } from '../engine';
import { ApiError, badRequest, conflict, notFound } from '../errors';
import type { ParsedVolume } from '../gluster/types';
import { recoverStalled } from '../recover';
import { rolloverOf } from '../stall';
import type { DrEngineClient, EngineStorageDomain } from './engine';
import { describeKey, runSync } from './sync';

export const DR_EVENT_ORIGIN = 'gluster-georep-dr';
/** A `running` record older than this without an end is a run that died (its instance stopped). */
const RUNNING_STALE_MS = 26 * 60 * 60 * 1000;

export interface DrOptions {
  /** The service account's token (server/serviceAccount.ts): scheduled syncs act with it. */
  serviceToken?: () => Promise<string | null>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Between two reads while a sync waits (ms). */
  pollMs?: number;
  snapshotWithinMs?: number;
  resolveAddresses?: (host: string) => Promise<string[]>;
}

/** A storage domain of one of the cluster's volumes, as the engine describes it. */
interface DomainOnVolume {
  sd: EngineStorageDomain;
  volume: ParsedVolume;
}

export class DrService {
  /** This instance, named in the events it posts (claims are told apart by it). */
  readonly instance = randomUUID();
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly engine: DrEngineClient,
    private readonly opts: DrOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  // ------------------------------------------------------------------ reading

  /** The Gluster storage domains on the cluster's volumes, with their set-ups, last and next sync. */
  async list(
    p: Principal,
    cluster: EngineCluster,
    log: FastifyBaseLogger,
  ): Promise<DrDomainView[]> {
    const st = await this.ctx.status.read(p, cluster, log);
    const domains = await this.domainsOn(p, cluster, st.volumes);
    return domains.map((d) => this.view(d, st.sessions));
  }

  private view(d: DomainOnVolume, sessions: GeoRepSession[]): DrDomainView {
    const vol = d.volume;
    const setupRaw = decodeOption(vol.options[DR_SETUP_OPTION], isDrSetup);
    const lastRaw = decodeOption(vol.options[DR_LAST_OPTION], isDrSyncRecord);
    const mine = sessions.filter((s) => s.primary_volume === vol.name);
    let setup: DrSetup | null = null;
    let problem: string | null = null;
    if (isUnreadable(setupRaw))
      problem = `The volume option ${DR_SETUP_OPTION} holds something this service did not write (${setupRaw.unreadable}); set the schedule again to replace it.`;
    else if (setupRaw && setupRaw.storage_domain_id !== d.sd.id)
      problem = `Volume ${vol.name} carries a schedule for another storage domain (${setupRaw.storage_domain_name}).`;
    else setup = setupRaw;
    const session = setup
      ? mine.find((s) => sameSession(keyOfSession(s), setup.session))
      : undefined;
    if (setup && !session)
      problem = `The session of the schedule (${describeKey(setup.session)}) is not listed by Gluster: syncs will fail until it exists again or the schedule is changed.`;
    let last: DrSyncRecord | null = null;
    let lastProblem: string | null = null;
    if (isUnreadable(lastRaw))
      lastProblem = `The last sync's record cannot be read (${lastRaw.unreadable}).`;
    else last = lastRaw;
    if (
      last &&
      last.result === 'running' &&
      this.now() - Date.parse(last.started_at) > RUNNING_STALE_MS
    )
      lastProblem = `The sync started at ${last.started_at} by instance ${last.instance} never ended: that service instance stopped while it ran. Check the session and the VMs' snapshots named *-TMPDR.`;
    const running = session ? this.ctx.jobs.runningFor(session.id) : undefined;
    return {
      storage_domain_id: d.sd.id,
      storage_domain_name: d.sd.name,
      connection: `${d.sd.address ?? '?'}:${d.sd.path ?? '?'}`,
      primary_volume: vol.name,
      sessions: mine.map((s) => ({
        id: s.id,
        secondary: formatSecondary(keyOfSession(s)),
        status: s.status,
      })),
      setup,
      session_id: session?.id ?? null,
      setup_problem: problem,
      last_sync: last,
      last_sync_problem: lastProblem,
      next_sync_at: setup ? new Date(nextRun(setup.schedule, this.now())).toISOString() : null,
      running_job: running && running.kind === 'dr-sync' ? running.id : null,
    };
  }

  /**
   * The glusterfs storage domains the user sees whose connection names one of the cluster's
   * volumes on one of its hosts. The connection is shown by the engine only to unfiltered
   * sessions (BackendStorageDomainsResource.map), so it is read with the service account, and only
   * for domains the user sees.
   */
  private async domainsOn(
    p: Principal,
    cluster: EngineCluster,
    volumes: ParsedVolume[],
  ): Promise<DomainOnVolume[]> {
    const visible = await this.engine.storageDomains(p.token);
    const gluster = visible.filter((d) => d.storage_type === 'glusterfs');
    if (gluster.length === 0) return [];
    const token = (await this.opts.serviceToken?.()) ?? null;
    const full = await this.engine.storageDomains(token ?? p.token).catch(() => {
      throw new ApiError(
        503,
        'Service account needed',
        "Reading where storage domains are needs the service's engine account (ovirt-gluster-georep-setup), or an administrator.",
      );
    });
    const byId = new Map(full.map((d) => [d.id, d]));
    const hosts = await this.ctx.nodes.clusterHosts(p, cluster);
    const names = new Set<string>();
    for (const h of hosts) {
      names.add(h.name.toLowerCase());
      names.add(h.address.toLowerCase());
    }
    for (const v of volumes) for (const b of v.bricks) names.add(b.host.toLowerCase());
    const out: DomainOnVolume[] = [];
    for (const g of gluster) {
      const d = byId.get(g.id);
      if (!d?.path) continue;
      const volName = d.path.replace(/^\/+/, '');
      const volume = volumes.find((v) => v.name === volName);
      if (!volume) continue;
      if (d.address && !names.has(d.address.toLowerCase())) continue;
      out.push({ sd: d, volume });
    }
    return out.sort((a, b) => a.sd.name.localeCompare(b.sd.name));
  }

  /** The set-up naming this session, if any: it blocks the session's removal, as in oVirt. */
  scheduleOf(volumes: ParsedVolume[], key: SessionKey): DrSetup | null {
    const v = volumes.find((x) => x.name === key.primary_volume);
    const setup = decodeOption(v?.options[DR_SETUP_OPTION], isDrSetup);
    return setup && !isUnreadable(setup) && sameSession(setup.session, key) ? setup : null;
  }

  // ------------------------------------------------------------------ the set-up

  async setSchedule(
    p: Principal,
    cluster: EngineCluster,
    volumeName: string,
    body: { storage_domain_id: string; session_id?: string | null; schedule?: DrSchedule | null },
    log: FastifyBaseLogger,
  ): Promise<DrDomainView> {
    const st = await this.ctx.status.fresh(p, cluster, log);
    const domains = await this.domainsOn(p, cluster, st.volumes);
    const d = domains.find(
      (x) => x.sd.id === body.storage_domain_id && x.volume.name === volumeName,
    );
    if (!d)
      throw notFound(
        `Storage domain ${body.storage_domain_id} is not a Gluster storage domain on volume ${volumeName} of cluster ${cluster.name} that you can see.`,
      );
    const old = decodeOption(d.volume.options[DR_SETUP_OPTION], isDrSetup);
    if (!body.schedule) {
      // Frequency NONE: the schedule goes (ScheduleGlusterStorageSyncCommand removes the StorageDomainDR)
      const oldKey = old && !isUnreadable(old) ? old.session : null;
      await this.write(p, cluster, volumeName, DR_SETUP_OPTION, DR_NONE, log);
      if (oldKey)
        await this.ctx.audit.record(
          p,
          {
            action: 'dr_schedule',
            cluster,
            key: oldKey,
            ok: true,
            dr: { storage_domain: d.sd.name, what: 'the schedule was removed' },
          },
          log,
        );
    } else {
      const problem = validateSchedule(body.schedule);
      if (problem) throw badRequest(problem);
      const session = st.sessions.find((s) => s.id === body.session_id);
      if (!session || session.primary_volume !== volumeName)
        throw badRequest(
          `Pick a geo-replication session of volume ${volumeName} (Gluster lists ${st.sessions.filter((s) => s.primary_volume === volumeName).length} for it).`,
        );
      const key = keyOfSession(session);
      const setup: DrSetup = {
        storage_domain_id: d.sd.id,
        storage_domain_name: d.sd.name,
        session: key,
        schedule: body.schedule,
        set_by: p.user.user_name,
        set_at: new Date(this.now()).toISOString(),
      };
      try {
        await this.write(p, cluster, volumeName, DR_SETUP_OPTION, encodeOption(setup), log);
      } catch (err) {
        await this.ctx.audit.record(
          p,
          {
            action: 'dr_schedule',
            cluster,
            key,
            ok: false,
            error: message(err),
            dr: { storage_domain: d.sd.name, what: describeSchedule(body.schedule) },
          },
          log,
        );
        throw err;
      }
      await this.ctx.audit.record(
        p,
        {
          action: 'dr_schedule',
          cluster,
          key,
          ok: true,
          dr: { storage_domain: d.sd.name, what: `scheduled ${describeSchedule(body.schedule)}` },
        },
        log,
      );
    }
    const fresh = await this.ctx.status.fresh(p, cluster, log);
    const vol = fresh.volumes.find((v) => v.name === volumeName) ?? d.volume;
    return this.view({ sd: d.sd, volume: vol }, fresh.sessions);
  }

  /** `volume set` on a reachable Up node of the cluster. */
  async write(
    p: Principal,
    cluster: EngineCluster,
    volume: string,
    key: string,
    value: string,
    log?: FastifyBaseLogger,
  ): Promise<void> {
    const nodes = await this.ctx.nodes.upNodes(p, cluster);
    await this.ctx.nodes.onFirstReachable(
      cluster.id,
      nodes,
      (n) => this.ctx.gluster.volumeSet(n, volume, key, value),
      log,
    );
    this.ctx.status.invalidate(cluster.id);
  }

  // ------------------------------------------------------------------ running a sync

  /** Run now, from the UI: the user may manage the cluster; the sync acts as the service account. */
  async runNow(
    p: Principal,
    cluster: EngineCluster,
    volumeName: string,
    log: FastifyBaseLogger,
  ): Promise<GeoRepJob> {
    const st = await this.ctx.status.fresh(p, cluster, log);
    const vol = st.volumes.find((v) => v.name === volumeName);
    if (!vol) throw notFound(`Cluster ${cluster.name} has no volume ${volumeName}.`);
    const setup = decodeOption(vol.options[DR_SETUP_OPTION], isDrSetup);
    if (!setup || isUnreadable(setup))
      throw conflict(`Volume ${volumeName} has no storage domain sync set up: set one up first.`);
    return this.start(
      p,
      cluster,
      setup,
      vol,
      { trigger: 'manual', by: p.user.user_name, due: null },
      log,
    );
  }

  /** Claims the run, records it as running, and runs it as a job. Throws 409 when another has it. */
  async start(
    p: Principal,
    cluster: EngineCluster,
    setup: DrSetup,
    vol: ParsedVolume,
    how: { trigger: 'schedule' | 'manual'; by: string; due: number | null },
    log: FastifyBaseLogger,
  ): Promise<GeoRepJob> {
    const token = (await this.opts.serviceToken?.()) ?? null;
    if (!token)
      throw conflict(
        "Storage domain syncs act with the service's own engine account (it snapshots the VMs), which is not configured: run ovirt-gluster-georep-setup.",
      );
    const last = decodeOption(vol.options[DR_LAST_OPTION], isDrSyncRecord);
    if (
      last &&
      !isUnreadable(last) &&
      last.result === 'running' &&
      this.now() - Date.parse(last.started_at) < RUNNING_STALE_MS
    )
      throw conflict(
        `A sync of storage domain ${setup.storage_domain_name} is running since ${last.started_at} (${last.trigger === 'manual' ? `run by ${last.by}` : 'scheduled'}, service instance ${last.instance}).`,
      );
    const st = await this.ctx.status.read(p, cluster, log);
    const session = st.sessions.find((s) => sameSession(keyOfSession(s), setup.session));
    if (!session)
      throw conflict(
        `Gluster does not list the session ${describeKey(setup.session)} of the schedule: the sync cannot run.`,
      );
    const runId = randomUUID();
    const minute = Math.floor(this.now() / 60_000) * 60_000;
    const claimKey =
      how.trigger === 'schedule'
        ? `${setup.storage_domain_id}|schedule|${new Date(how.due ?? minute).toISOString()}`
        : // a manual run claims "the run after the last one": two instances asked at once read the
          // same last record and race for one id; once a run has ended, the next one has a new id
          `${setup.storage_domain_id}|manual-after|${last && !isUnreadable(last) ? last.run_id : 'none'}`;
    const why =
      how.trigger === 'schedule'
        ? `scheduled for ${new Date(how.due ?? minute).toISOString()} (${describeSchedule(setup.schedule)}, set up by ${setup.set_by})`
        : `run now by ${how.by}`;
    // GLUSTER_STORAGE_DOMAIN_SYNC_STARTED, and the claim
    const claimed = await this.engine
      .postEventReturning(token, {
        description: `Data synchronization of storage domain ${setup.storage_domain_name} to ${formatSecondary(setup.session)} started, ${why}. [instance ${this.instance}, run ${runId}]`,
        severity: 'normal',
        origin: DR_EVENT_ORIGIN,
        custom_id: claimId(claimKey),
        cluster_id: cluster.id,
        storage_domain_id: setup.storage_domain_id,
      })
      .catch((err: unknown) => {
        log.warn({ err: message(err) }, 'dr: the claim event could not be posted');
        return null;
      });
    if (!claimed || !claimed.description.includes(runId))
      throw conflict(
        `Another run of the sync of ${setup.storage_domain_name} ${how.trigger === 'schedule' ? 'took this scheduled time' : 'was started at the same time'} (the engine has its start event); see the storage domain's last sync.`,
      );
    const record: DrSyncRecord = {
      run_id: runId,
      trigger: how.trigger,
      by: how.by,
      due_at: how.due !== null ? new Date(how.due).toISOString() : null,
      started_at: new Date(this.now()).toISOString(),
      ended_at: null,
      result: 'running',
      detail: 'Running.',
      checkpoint_time: null,
      checkpoint_completed_at: null,
      data: { primary_used_bytes: null, secondary_used_before: null, secondary_used_after: null },
      vms: [],
      left: [],
      instance: this.instance,
    };
    await this.write(p, cluster, vol.name, DR_LAST_OPTION, encodeOption(record), log);
    const key = setup.session;
    const release = this.ctx.locks.acquire(cluster, key, 'Storage domain sync', p);
    const servicePrincipal = await this.ctx.access.authenticate(`Bearer ${token}`);
    let outcomeDetail = '';
    const job = this.ctx.jobs.start(
      { kind: 'dr-sync', cluster_id: cluster.id, session_id: session.id, user: how.by },
      async (progress) => {
        const secondary = await this.secondaryVolume(servicePrincipal, key, log).catch(() => null);
        const out = await runSync(
          {
            engine: this.engine,
            token,
            gluster: this.ctx.gluster,
            onPrimary: async (fn) => {
              const nodes = await this.ctx.nodes.upNodes(servicePrincipal, cluster);
              const r = await this.ctx.nodes.onFirstReachable(cluster.id, nodes, fn, log);
              this.ctx.status.invalidate(cluster.id);
              return r.value;
            },
            readSession: async () =>
              (await this.ctx.status.fresh(servicePrincipal, cluster, log)).sessions.find((s) =>
                sameSession(keyOfSession(s), key),
              ) ?? null,
            recover: this.recoverer(servicePrincipal, cluster, key, log),
            idlePast: (s, setAt) =>
              idlePastCheckpoint(this.ctx, servicePrincipal, cluster, s, setAt, log),
            keyAccepted: async (n) => {
              const cfg = await this.ctx.gluster
                .config(n, key)
                .catch((): Record<string, string> => ({}));
              const port = Number(cfg['ssh-port'] ?? cfg.ssh_port ?? 22);
              return waitForGsyncdKey(
                this.ctx,
                n,
                { user: key.secondary_user, host: key.secondary_host, port },
                log,
              );
            },
            usage: async () => ({
              primary: await this.usedBytes(servicePrincipal, cluster, key.primary_volume),
              secondary: secondary
                ? await this.usedBytes(servicePrincipal, secondary.cluster, key.secondary_volume)
                : null,
            }),
            sleep: this.sleep,
            now: this.now,
            onStep: progress,
            pollMs: this.opts.pollMs,
            snapshotWithinMs: this.opts.snapshotWithinMs,
          },
          {
            storage_domain: { id: setup.storage_domain_id, name: setup.storage_domain_name },
            key,
            after: setup.schedule.after,
            max_wait_minutes: setup.schedule.max_wait_minutes,
          },
        );
        const done: DrSyncRecord = {
          ...record,
          ended_at: new Date(this.now()).toISOString(),
          result: out.ok ? 'succeeded' : 'failed',
          detail: out.detail,
          checkpoint_time: out.checkpoint_time,
          checkpoint_completed_at: out.checkpoint_completed_at,
          data: out.data,
          vms: out.vms.slice(0, 20),
          left: out.left.map((l) => l.slice(0, 300)).slice(0, 5),
        };
        await this.writeRecord(servicePrincipal, cluster, vol.name, done, log);
        if (out.ok && secondary && out.checkpoint_time) {
          // Kept on the secondary too: after losing the primary site, a failover reads it there.
          await this.write(
            servicePrincipal,
            secondary.cluster,
            key.secondary_volume,
            DR_SYNCED_OPTION,
            encodeOption({
              primary_volume: key.primary_volume,
              storage_domain: setup.storage_domain_name,
              checkpoint_time: out.checkpoint_time,
              completed_at: out.checkpoint_completed_at,
              run_id: runId,
            }),
            log,
          ).catch((err: unknown) =>
            log.warn(
              { err: message(err) },
              'dr: could not record the synced point on the secondary',
            ),
          );
        }
        outcomeDetail = out.detail;
        return { ok: out.ok, detail: out.detail };
      },
      async (j) => {
        release();
        if (j.state === 'failed' && !outcomeDetail) {
          // the job itself broke (not the sync's own failure handling): record that it ended
          await this.writeRecord(
            servicePrincipal,
            cluster,
            vol.name,
            {
              ...record,
              ended_at: new Date(this.now()).toISOString(),
              result: 'failed',
              detail: j.detail ?? 'failed',
            },
            log,
          );
        }
        await this.ctx.audit.record(
          servicePrincipal,
          {
            action: 'dr_sync',
            cluster,
            key,
            ok: j.state === 'succeeded',
            error: j.state === 'failed' ? (j.detail ?? 'failed') : undefined,
            dr: { storage_domain: setup.storage_domain_name, what: why },
          },
          log,
        );
      },
    );
    return job;
  }

  private async writeRecord(
    p: Principal,
    cluster: EngineCluster,
    volume: string,
    r: DrSyncRecord,
    log: FastifyBaseLogger,
  ): Promise<void> {
    let value: string;
    try {
      value = encodeOption(r);
    } catch {
      value = encodeOption({
        ...r,
        detail: r.detail.slice(0, 400),
        left: r.left.slice(0, 2),
        vms: r.vms.slice(0, 5),
      });
    }
    await this.write(p, cluster, volume, DR_LAST_OPTION, value, log).catch((err: unknown) =>
      log.error(
        { err: message(err) },
        'dr: could not record the sync result on the primary volume',
      ),
    );
  }

  /** Recover a stalled session of `cluster` (server/recover.ts); undefined without a probe. */
  recoverer(
    p: Principal,
    cluster: EngineCluster,
    key: SessionKey,
    log: FastifyBaseLogger,
  ): (() => Promise<{ recovered: boolean; detail: string }>) | undefined {
    const probe = this.ctx.probe;
    if (!probe || !this.ctx.stalls) return undefined;
    return async () => {
      const nodes = await this.ctx.nodes.upNodes(p, cluster);
      const st = await this.ctx.status.fresh(p, cluster, log);
      const out = await recoverStalled(
        {
          gluster: this.ctx.gluster,
          probe,
          node: nodes[0]!,
          readSession: async () =>
            (await this.ctx.status.fresh(p, cluster, log)).sessions.find((s) =>
              sameSession(keyOfSession(s), key),
            ) ?? null,
          resolve: await this.ctx.status.resolver(p, cluster),
          rolloverSeconds: rolloverOf(st.volumes.find((v) => v.name === key.primary_volume)),
          sleep: this.ctx.recover.sleep ?? this.sleep,
          now: this.now,
          maxAttempts: this.ctx.recover.maxAttempts,
          liveWithinMs: this.ctx.recover.liveWithinMs,
          pollMs: this.ctx.recover.pollMs,
        },
        key,
      );
      return { recovered: out.recovered, detail: out.detail };
    };
  }

  private async usedBytes(
    p: Principal,
    cluster: EngineCluster,
    volume: string,
  ): Promise<number | null> {
    const vols = await this.ctx.engine.volumes(p.token, cluster.id).catch(() => []);
    const v = vols.find((x) => x.name === volume);
    if (!v) return null;
    const cap = await this.ctx.engine.volumeCapacity(p.token, cluster.id, v.id).catch(() => null);
    return cap?.used_bytes ?? null;
  }

  /**
   * The engine cluster holding the session's secondary volume: one of its hosts is the secondary
   * host by name or by address. Null when this engine does not manage the secondary.
   */
  async secondaryVolume(
    p: Principal,
    key: SessionKey,
    log: FastifyBaseLogger,
  ): Promise<{ cluster: EngineCluster; volume: ParsedVolume } | null> {
    const resolve = this.opts.resolveAddresses ?? defaultResolve;
    const target = key.secondary_host.toLowerCase();
    const targetAddrs = new Set(await resolve(target).catch(() => [] as string[]));
    const clusters = (await this.ctx.engine.clusters(p.token)).filter((c) => c.gluster_service);
    for (const c of clusters) {
      const hosts = await this.ctx.nodes.clusterHosts(p, c).catch(() => []);
      let match = hosts.some(
        (h) => h.name.toLowerCase() === target || h.address.toLowerCase() === target,
      );
      if (!match && targetAddrs.size) {
        for (const h of hosts) {
          const addrs = await resolve(h.address).catch(() => [] as string[]);
          if (addrs.some((a) => targetAddrs.has(a))) match = true;
        }
      }
      if (!match) continue;
      const st = await this.ctx.status.read(p, c, log).catch(() => null);
      const volume = st?.volumes.find((v) => v.name === key.secondary_volume);
      if (volume) return { cluster: c, volume };
    }
    return null;
  }

  // ------------------------------------------------------------------ the schedule

  /**
   * One look at every schedule the service account sees: start each sync due in (from, to]. A
   * sync due several times since the last look (the service was down) runs once, for the latest.
   */
  async tick(from: number, to: number, log: FastifyBaseLogger): Promise<string[]> {
    const token = (await this.opts.serviceToken?.()) ?? null;
    if (!token) return [];
    const p = await this.ctx.access.authenticate(`Bearer ${token}`);
    const started: string[] = [];
    const clusters = (await this.ctx.engine.clusters(token)).filter((c) => c.gluster_service);
    for (const cluster of clusters) {
      let volumes: ParsedVolume[];
      try {
        volumes = (await this.ctx.status.read(p, cluster, log)).volumes;
      } catch (err) {
        log.warn(
          { cluster: cluster.name, err: message(err) },
          'dr: cannot read the schedules of a cluster',
        );
        continue;
      }
      for (const vol of volumes) {
        const setup = decodeOption(vol.options[DR_SETUP_OPTION], isDrSetup);
        if (!setup || isUnreadable(setup)) continue;
        const due = dueRuns(setup.schedule, from, to);
        if (due.length === 0) continue;
        const at = due[due.length - 1]!;
        try {
          const job = await this.start(
            p,
            cluster,
            setup,
            vol,
            { trigger: 'schedule', by: p.user.user_name, due: at },
            log,
          );
          started.push(job.id);
          log.info(
            { storage_domain: setup.storage_domain_name, due: new Date(at).toISOString() },
            'dr: scheduled sync started',
          );
        } catch (err) {
          // lost the claim to another instance, or it cannot run: the other instance or the record says why
          log.info(
            { storage_domain: setup.storage_domain_name, err: message(err) },
            'dr: scheduled sync not started here',
          );
        }
      }
    }
    return started;
  }
}

/** The scheduler: looks at the schedules every `everyMs`, on an injectable clock. */
export class DrScheduler {
  private last: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dr: DrService,
    private readonly log: FastifyBaseLogger,
    private readonly everyMs = 30_000,
  ) {
    this.last = dr.now();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look now (tests call it after moving the clock). */
  async tick(): Promise<string[]> {
    if (this.running) return [];
    const to = this.dr.now();
    const from = this.last;
    this.last = to;
    const p = this.dr.tick(from, to, this.log).catch((err: unknown) => {
      this.log.warn({ err: message(err) }, 'dr: the schedule could not be read');
      return [] as string[];
    });
    this.running = p;
    try {
      return await p;
    } finally {
      this.running = null;
    }
  }
}

/** A positive 31-bit id for the engine's custom_id, the same for the same run on every instance. */
export function claimId(key: string): number {
  return (createHash('sha256').update(key).digest().readUInt32BE(0) % 2_147_483_646) + 1;
}

async function defaultResolve(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((a) => a.address);
}

function message(err: unknown): string {
  return err instanceof ApiError ? err.detail : err instanceof Error ? err.message : String(err);
}
