// One VM-consistent sync of a storage domain, as oVirt 4.5's GlusterStorageSyncCommand runs it
// (backend/manager/modules/bll/src/main/java/org/ovirt/engine/core/bll/storage/dr/):
//   1. snapshot the running VMs with disks on the domain, without memory, named
//      `<vm><domain>-TMPDR`, and wait until the engine has taken them (executeCommand, then the
//      serial child callback);
//   2. start the session unless it is Active (GlusterStorageGeoRepSyncInternalCommand), here also
//      resume a paused one, and set `checkpoint now`;
//   3. wait until the checkpoint is completed (GlusterStorageGeoRepSyncCallback: ACTIVE with the
//      checkpoint completed; FAULTY fails it), then stop the session;
//   4. remove the temporary snapshots (REMOVE_TMP_SNAPSHOTS; endWithFailure removes them too).
// What this adds: the wait has a bound; a stalled session (healthy by the CLI, not delivering:
// server/stall.ts) is recovered (server/recover.ts) instead of being waited on for ever; the
// session may be paused instead of stopped; and a failure says what it left behind.
import type { GeoRepJobStep, GeoRepSession, SessionKey } from '../../src/georep/types';
import { drSnapshotName } from '../../src/georep/dr';
import type { GlusterClient } from '../gluster/types';
import type { DrEngineClient, EngineSnapshot, EngineVm } from './engine';

export interface SyncDeps {
  engine: DrEngineClient;
  /** The token the sync acts with on the engine (the service account). */
  token: string;
  gluster: GlusterClient;
  /** Runs a Gluster command on the first reachable Up node of the primary cluster. */
  onPrimary<T>(fn: (node: string) => Promise<T>): Promise<T>;
  /** A fresh read of the session (null when Gluster no longer lists it). */
  readSession(): Promise<GeoRepSession | null>;
  /** Recover a stalled session (server/recover.ts), bounded; absent when there is no probe. */
  recover?(): Promise<{ recovered: boolean; detail: string }>;
  /**
   * Waits until the secondary accepts gsyncd's key of `node` (server/pushPem.ts): a session never
   * started may have been created a moment ago, and push-pem's hook installs that key in the
   * background. Absent: not waited.
   */
  keyAccepted?(node: string): Promise<{ accepted: boolean | null; waitedMs: number }>;
  /**
   * Whether the session's workers have synced everything recorded, read long enough after
   * `setAt` (server/dr/idle.ts): Gluster 10.3 never completes a checkpoint on an idle volume.
   */
  idlePast?(s: GeoRepSession, setAt: number): Promise<boolean>;
  /** Used bytes of the primary and secondary volumes, when known. */
  usage?(): Promise<{ primary: number | null; secondary: number | null }>;
  sleep(ms: number): Promise<void>;
  now(): number;
  onStep?(steps: readonly GeoRepJobStep[]): void;
  /** Between two reads while waiting (ms); default 5 s. */
  pollMs?: number;
  /** Bound for the engine to take or remove the snapshots (ms); default 10 min. */
  snapshotWithinMs?: number;
  /** Recoveries of a stalled session at most per sync; default 2. */
  maxRecoveries?: number;
  /** How long a session this sync started may stay Created before the sync fails (ms); default 2 min. */
  createdWithinMs?: number;
}

export interface SyncRequest {
  storage_domain: { id: string; name: string };
  key: SessionKey;
  after: 'stop' | 'pause';
  max_wait_minutes: number;
}

export interface SyncOutcome {
  ok: boolean;
  detail: string;
  checkpoint_time: string | null;
  checkpoint_completed_at: string | null;
  vms: string[];
  left: string[];
  data: {
    primary_used_bytes: number | null;
    secondary_used_before: number | null;
    secondary_used_after: number | null;
  };
}

class Failed extends Error {}

/**
 * When the checkpoint just set was taken, by Gluster's clock: glusterd turns `checkpoint now` into
 * the node's current time in seconds (glusterd-geo-rep.c, glusterd_gsync_configure) and keeps it
 * in the session's config, and the status prints that time as CHECKPOINT TIME. Comparing it with
 * this service's clock instead would wait for ever when the clocks differ by more than a second
 * (seen on the lab with the test's clock moved ahead: the checkpoint completed in 8 s, the sync
 * never saw it). `fallback` (this service's time) when the config does not say.
 */
/** The words for a checkpoint reached on an idle volume (server/dr/idle.ts). */
export function idleReachedWords(checkpoint: string): string {
  return `Checkpoint ${checkpoint} reached: nothing recorded on the primary's bricks is left to sync, read after it (Gluster marks a checkpoint completed only once something is written after it): everything written before it is on the secondary.`;
}

export async function checkpointSetAt(
  readConfig: () => Promise<Record<string, string>>,
  fallback: number,
): Promise<number> {
  let v: string | undefined;
  try {
    v = (await readConfig()).checkpoint;
  } catch {
    v = undefined; // not known: this service's clock
  }
  return v !== undefined && /^[1-9]\d{0,11}$/.test(v) ? Number(v) * 1000 : fallback;
}

export async function runSync(deps: SyncDeps, req: SyncRequest): Promise<SyncOutcome> {
  const poll = deps.pollMs ?? 5_000;
  const snapWithin = deps.snapshotWithinMs ?? 600_000;
  const maxRecoveries = deps.maxRecoveries ?? 2;
  const createdWithin = deps.createdWithinMs ?? 120_000;
  const steps: GeoRepJobStep[] = [];
  const iso = (): string => new Date(deps.now()).toISOString();
  const begin = (title: string): GeoRepJobStep => {
    const s: GeoRepJobStep = {
      title,
      state: 'running',
      detail: null,
      started_at: iso(),
      ended_at: null,
    };
    steps.push(s);
    deps.onStep?.(steps);
    return s;
  };
  const end = (s: GeoRepJobStep, state: 'done' | 'failed', detail: string): void => {
    s.state = state;
    s.detail = detail;
    s.ended_at = iso();
    deps.onStep?.(steps);
  };
  const sd = req.storage_domain;
  const key = req.key;
  const taken: { vm: EngineVm; snap: EngineSnapshot }[] = [];
  const out: SyncOutcome = {
    ok: false,
    detail: '',
    checkpoint_time: null,
    checkpoint_completed_at: null,
    vms: [],
    left: [],
    data: { primary_used_bytes: null, secondary_used_before: null, secondary_used_after: null },
  };
  let startedBySync = false;
  let current: GeoRepJobStep | null = null;
  const usage = async () => (deps.usage ? deps.usage().catch(() => null) : null);

  try {
    const before = await usage();
    out.data.primary_used_bytes = before?.primary ?? null;
    out.data.secondary_used_before = before?.secondary ?? null;

    // 1. snapshots of the running VMs
    current = begin(`Snapshot the running VMs on storage domain ${sd.name} (without memory)`);
    const vms = await deps.engine.runningVmsOn(deps.token, sd.name);
    for (const vm of vms) {
      const snap = await deps.engine.createSnapshot(
        deps.token,
        vm,
        drSnapshotName(vm.name, sd.name),
      );
      taken.push({ vm, snap });
      out.vms.push(vm.name);
    }
    await waitSnapshots(deps, taken, 'ok', snapWithin);
    end(
      current,
      'done',
      vms.length
        ? `Took ${vms.length} snapshot(s): ${taken.map((t) => `${t.vm.name} (${t.snap.description})`).join(', ')}.`
        : `No VM with a disk on ${sd.name} is running: nothing to snapshot.`,
    );

    // 2. start or resume, then the checkpoint
    const s0 = await deps.readSession();
    if (!s0) throw new Failed(`Gluster no longer lists the session ${describeKey(key)}.`);
    current = begin(`Start the session ${describeKey(key)}`);
    if (s0.status === 'Paused') {
      const forced = await forceIfPeerDown(
        deps,
        (force) => (n) => deps.gluster.resume(n, key, { force }),
      );
      startedBySync = true;
      end(current, 'done', `The session was paused: resumed it${forced}.`);
    } else if (['Stopped', 'Created', 'Offline', 'Unknown'].includes(s0.status)) {
      const forced = await forceIfPeerDown(deps, (force) => async (n) => {
        // Never started: push-pem's hook may still be installing gsyncd's key on the secondary;
        // a start before it leaves a monitor that dies at once (server/pushPem.ts).
        if (s0.status === 'Created' && deps.keyAccepted) {
          const k = await deps.keyAccepted(n);
          if (k.accepted === false)
            throw new Failed(
              `The secondary still refuses the session's SSH key (gsyncd's key of ${n}) ${Math.round(k.waitedMs / 1000)} s after it was asked: Gluster's create installs it in the background (the gsync-create hook), and a session started without it never starts. Look for the hook's failure in glusterd's log on ${n}. The session was not started.`,
            );
        }
        await deps.gluster.start(n, key, { force });
      });
      startedBySync = true;
      end(current, 'done', `The session was ${s0.status}: started it${forced}.`);
    } else {
      end(current, 'done', `The session is ${s0.status}: left running.`);
    }
    current = begin('Set a checkpoint (config checkpoint now)');
    const setHere = Math.floor(deps.now() / 1000) * 1000;
    await deps.onPrimary((n) => deps.gluster.configSet(n, key, 'checkpoint', 'now'));
    const setAt = await checkpointSetAt(
      () => deps.onPrimary((n) => deps.gluster.config(n, key)),
      setHere,
    );
    end(current, 'done', `Checkpoint set at ${new Date(setAt).toISOString()}.`);

    // 3. wait for it, within the bound, recovering a stalled session
    const bound = req.max_wait_minutes * 60_000;
    current = begin(
      `Wait until the secondary reached the checkpoint (at most ${req.max_wait_minutes} min)`,
    );
    const deadline = deps.now() + bound;
    const startedAt = deps.now();
    let recoveries = 0;
    for (;;) {
      await deps.sleep(poll);
      const s = await deps.readSession();
      if (!s) throw new Failed('Gluster no longer lists the session.');
      const cp = s.checkpoint;
      const ours = cp && Date.parse(cp.time) >= setAt - 1000;
      if (ours && cp.completed && !cp.as_of) {
        out.checkpoint_time = cp.time;
        out.checkpoint_completed_at = cp.completion_time;
        end(
          current,
          'done',
          `Checkpoint ${cp.time} completed${cp.completion_time ? ` at ${cp.completion_time}` : ''}: everything written before it is on the secondary.`,
        );
        break;
      }
      if (deps.idlePast && s.status === 'Active' && (await deps.idlePast(s, setAt))) {
        out.checkpoint_time = new Date(setAt).toISOString();
        out.checkpoint_completed_at = iso();
        end(current, 'done', idleReachedWords(out.checkpoint_time));
        break;
      }
      if (s.status === 'Faulty')
        throw new Failed(
          'The session turned Faulty while syncing (a replica set has no Active worker); see its details.',
        );
      // Gluster's start answers success once glusterd spawned the monitor; a monitor that cannot
      // reach the secondary (its first ssh, `gluster volume info` there, refused: a key not
      // installed, a wrong ssh-port) exits and the session stays Created for good (seen on the
      // lab: gsyncd.log "ssh: connect to host ... port 22: Connection refused", status Created).
      if (startedBySync && s.status === 'Created' && deps.now() - startedAt >= createdWithin)
        throw new Failed(
          `Gluster took the start, but the session is still Created ${Math.round((deps.now() - startedAt) / 1000)} s later: its monitor did not come up. The session's gsyncd.log on the primary's nodes says why (often the secondary refusing gsyncd's SSH key, or nothing listening on the session's ssh-port).`,
        );
      if (s.status === 'Stalled') {
        if (!deps.recover || recoveries >= maxRecoveries)
          throw new Failed(
            `The session is stalled (its workers are Active but do not sync)${deps.recover ? ` and ${recoveries} recoveries did not help` : ' and stall recovery is not available'}.`,
          );
        recoveries++;
        const r = await deps.recover();
        if (!r.recovered)
          throw new Failed(`The session is stalled and recovery failed: ${r.detail}`);
      }
      if (deps.now() >= deadline) {
        const where =
          cp && ours
            ? ` (${cp.sets_done ?? '?'} of ${cp.sets_total ?? '?'} replica sets reached it)`
            : '';
        throw new Failed(
          `The checkpoint did not complete within ${req.max_wait_minutes} min${where}; the session is ${s.status}.`,
        );
      }
    }

    // 4. stop or pause
    current = begin(req.after === 'stop' ? 'Stop the session' : 'Pause the session');
    const forced =
      req.after === 'stop'
        ? await forceIfPeerDown(deps, (force) => (n) => deps.gluster.stop(n, key, { force }))
        : await forceIfPeerDown(deps, (force) => (n) => deps.gluster.pause(n, key, { force }));
    end(
      current,
      'done',
      req.after === 'stop' ? `Stopped${forced}, as oVirt does after a sync.` : `Paused${forced}.`,
    );
    startedBySync = false;

    // 5. the temporary snapshots go
    current = begin('Remove the temporary snapshots');
    const removed = await removeSnapshots(deps, taken, snapWithin);
    if (removed.left.length) {
      out.left.push(...removed.left);
      throw new Failed(
        `The data is synced, but ${removed.left.length} temporary snapshot(s) could not be removed.`,
      );
    }
    end(current, 'done', taken.length ? `Removed ${taken.length} snapshot(s).` : 'None to remove.');

    const after = await usage();
    out.data.secondary_used_after = after?.secondary ?? null;
    out.ok = true;
    out.detail = `Synced: everything written to ${sd.name} before ${out.checkpoint_time} is on ${describeKey(key)}.`;
    return out;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (current && current.state === 'running') end(current, 'failed', why);
    // Undo what must be undone: the temporary snapshots (GlusterStorageSyncCommand.endWithFailure).
    if (taken.length && out.left.length === 0) {
      const undo = begin('Undo: remove the temporary snapshots');
      const removed = await removeSnapshots(deps, taken, snapWithin);
      out.left.push(...removed.left);
      end(
        undo,
        removed.left.length ? 'failed' : 'done',
        removed.left.length
          ? `Left: ${removed.left.join('; ')}.`
          : `Removed ${taken.length} snapshot(s).`,
      );
    }
    if (startedBySync)
      out.left.push(
        `The session ${describeKey(key)} was started by this sync and is left running (stop it, or let the next sync stop it).`,
      );
    out.detail = `The sync of ${sd.name} failed: ${why}${out.left.length ? ` Left: ${out.left.join(' ')}` : ''}`;
    return out;
  }
}

/**
 * Runs a session command; when glusterd refuses it because a peer holding a brick of the volume is
 * down ("Peer X, which is a part of V volume, is down. Please bring up the peer and retry.",
 * glusterd-geo-rep.c glusterd_op_stage_gsync_set), runs it again with force, which acts on the
 * nodes that are up. oVirt's callback (GlusterStorageGeoRepSyncCallback.stopGeoRepSessionCommand)
 * stops without force and so leaves such a session running after its checkpoint; here the sync
 * still ends as scheduled, and says it forced. Returns the words to add to the step's detail.
 */
async function forceIfPeerDown(
  deps: SyncDeps,
  cmd: (force: boolean) => (node: string) => Promise<void>,
): Promise<string> {
  try {
    await deps.onPrimary(cmd(false));
    return '';
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err);
    const peer = /Peer (\S+), which is a part of \S+ volume, is down/.exec(m);
    if (!peer) throw err;
    await deps.onPrimary(cmd(true));
    return ` with force (peer ${peer[1]} is down; its bricks' workers were not reached)`;
  }
}

async function waitSnapshots(
  deps: SyncDeps,
  taken: { vm: EngineVm; snap: EngineSnapshot }[],
  want: 'ok',
  within: number,
): Promise<void> {
  const deadline = deps.now() + within;
  for (const t of taken) {
    for (;;) {
      const s = await deps.engine.snapshot(deps.token, t.vm, t.snap.id);
      if (!s)
        throw new Failed(`The engine dropped the snapshot of VM ${t.vm.name} while taking it.`);
      if (s.status === want) break;
      if (deps.now() >= deadline)
        throw new Failed(
          `The engine did not take the snapshot of VM ${t.vm.name} within ${Math.round(within / 1000)} s.`,
        );
      await deps.sleep(Math.min(deps.pollMs ?? 5_000, 2_000));
    }
  }
}

/** Removes the snapshots and waits until they are gone; what could not be removed is named. */
async function removeSnapshots(
  deps: SyncDeps,
  taken: { vm: EngineVm; snap: EngineSnapshot }[],
  within: number,
): Promise<{ left: string[] }> {
  const left: string[] = [];
  const pending: { vm: EngineVm; snap: EngineSnapshot }[] = [];
  const deadline = deps.now() + within;
  for (const t of taken) {
    try {
      // one still being taken cannot be removed yet: wait for it first
      for (;;) {
        const s = await deps.engine.snapshot(deps.token, t.vm, t.snap.id);
        if (!s || s.status === 'ok') break;
        if (deps.now() >= deadline) throw new Error('it is still being taken');
        await deps.sleep(Math.min(deps.pollMs ?? 5_000, 2_000));
      }
      await deps.engine.deleteSnapshot(deps.token, t.vm, t.snap.id);
      pending.push(t);
    } catch (err) {
      left.push(
        `snapshot "${t.snap.description}" of VM ${t.vm.name} (remove it in the VM's Snapshots: ${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  for (const t of pending) {
    for (;;) {
      const s = await deps.engine.snapshot(deps.token, t.vm, t.snap.id).catch(() => undefined);
      if (s === null) break;
      if (deps.now() >= deadline) {
        left.push(`snapshot "${t.snap.description}" of VM ${t.vm.name} (still being removed)`);
        break;
      }
      await deps.sleep(Math.min(deps.pollMs ?? 5_000, 2_000));
    }
  }
  return { left };
}

export function describeKey(k: SessionKey): string {
  const user = k.secondary_user && k.secondary_user !== 'root' ? `${k.secondary_user}@` : '';
  return `${k.primary_volume} -> ${user}${k.secondary_host}::${k.secondary_volume}`;
}
