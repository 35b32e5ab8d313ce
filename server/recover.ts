// Recover a stalled session: the remedy measured on real Gluster 10.3 (shared/reference/
// gluster-local.md, "A stalled (deaf) worker"): any restart of the session's workers makes the new
// worker replay the waiting changes through a history crawl. The restart used here changes
// nothing: glusterd restarts a session's workers after every config reset (glusterd-geo-rep.c
// glusterd_op_gsync_set: `restart_required` unless the option is in gsync_no_restart_opts, and a
// reset is never "already set"), so resetting an option the session does not modify restarts the
// workers and leaves the configuration as it was (measured here: sync-jobs reset, worker pid
// changed, value unchanged). Each restart may come up deaf again (8 of 15 here under load), so the
// remedy is a loop: restart, wait until the workers sync from changelogs again, read the evidence,
// and again while it says stalled, within a bound.
import type { GeoRepJobStep, GeoRepSession, SessionKey } from '../src/georep/types';
import { classifyEvidence, stallThresholds } from '../src/georep/stall';
import { describeOptions } from './domain';
import type { NodeProbe } from './gluster/probe';
import type { GlusterClient } from './gluster/types';
import { watchable, type NodeResolver } from './stall';
import { errorMessage } from '../src/georep/errorMessage';

/**
 * Options whose reset restarts the workers and which sessions rarely modify, in order of
 * preference. Not the ones glusterd does not restart for (checkpoint, log-rsync-performance).
 */
export const RESTART_BY_RESET = [
  'sync-jobs',
  'max-rsync-retries',
  'connection-timeout',
  'replica-failover-interval',
];

export type RecoverStep = GeoRepJobStep;

export interface RecoverOutcome {
  recovered: boolean;
  attempts: number;
  /** What happened, in the user's words. */
  detail: string;
}

export interface RecoverDeps {
  gluster: GlusterClient;
  probe: NodeProbe;
  /** A node of the primary cluster to run the gluster CLI on. */
  node: string;
  /** A fresh status read of this session (null when Gluster no longer lists it). */
  readSession(): Promise<GeoRepSession | null>;
  resolve: NodeResolver;
  /** changelog.rollover-time of the primary volume (s). */
  rolloverSeconds: number;
  sleep(ms: number): Promise<void>;
  now(): number;
  onStep?(steps: readonly RecoverStep[]): void;
  /** Restarts at most; default 5 (each comes up deaf with some chance; 0.5^5 ≈ 3 %). */
  maxAttempts?: number;
  /** Bound for the workers to be live again after a restart (ms); default 120 s. */
  liveWithinMs?: number;
  /** Between two status reads while waiting (ms); default 3 s. */
  pollMs?: number;
}

/** The option to reset: one the session does not modify, so that nothing changes but a restart. */
export function restartOption(config: Record<string, string>): string | null {
  const opts = describeOptions(config);
  for (const name of RESTART_BY_RESET) {
    const o = opts.find((x) => x.name === name);
    if (o && !o.modified && !o.read_only) return name;
  }
  return null;
}

export async function recoverStalled(deps: RecoverDeps, key: SessionKey): Promise<RecoverOutcome> {
  const max = deps.maxAttempts ?? 5;
  const liveWithin = deps.liveWithinMs ?? 120_000;
  const poll = deps.pollMs ?? 3_000;
  const steps: RecoverStep[] = [];
  const iso = (): string => new Date(deps.now()).toISOString();
  const begin = (title: string): RecoverStep => {
    const s: RecoverStep = {
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
  const end = (s: RecoverStep, state: 'done' | 'failed', detail: string): void => {
    s.state = state;
    s.detail = detail;
    s.ended_at = iso();
    deps.onStep?.(steps);
  };

  for (let attempt = 1; attempt <= max; attempt++) {
    // 1. restart the workers
    const restart = begin(`Restart the session's workers (attempt ${attempt} of ${max})`);
    try {
      const config = await deps.gluster.config(deps.node, key);
      const option = restartOption(config);
      if (option) {
        await deps.gluster.configReset(deps.node, key, option);
        end(
          restart,
          'done',
          `Reset ${option}, which the session does not change: Gluster restarted the workers.`,
        );
      } else {
        await deps.gluster.stop(deps.node, key, {});
        await deps.gluster.start(deps.node, key, {});
        end(
          restart,
          'done',
          'Stopped and started the session (it modifies every option a reset could restart it with).',
        );
      }
    } catch (err) {
      end(restart, 'failed', errorMessage(err));
      return {
        recovered: false,
        attempts: attempt,
        detail: `Gluster refused the restart: ${errorMessage(err)}`,
      };
    }

    // 2. wait until the workers sync from changelogs again
    const waitLive = begin(
      'Wait for the workers to replay the waiting changes and sync live again',
    );
    const deadline = deps.now() + liveWithin;
    let session: GeoRepSession | null;
    for (;;) {
      await deps.sleep(poll);
      session = await deps.readSession();
      if (!session) {
        end(waitLive, 'failed', 'Gluster no longer lists the session.');
        return {
          recovered: false,
          attempts: attempt,
          detail: 'The session disappeared during the recovery.',
        };
      }
      if (liveAgain(session)) break;
      if (deps.now() >= deadline) {
        const states = session.workers
          .map((w) => `${w.primary_node}:${w.primary_brick} ${w.status}`)
          .join(', ');
        end(waitLive, 'failed', `Not live within ${Math.round(liveWithin / 1000)} s: ${states}.`);
        return {
          recovered: false,
          attempts: attempt,
          detail: `The workers did not come back to Changelog Crawl within ${Math.round(liveWithin / 1000)} s (${states}); see the session's details.`,
        };
      }
    }
    end(waitLive, 'done', 'Every replica set has an Active worker in Changelog Crawl.');

    // 3. read the evidence: is a change still waiting with nothing processing it?
    const check = begin('Check that the waiting changes were synced');
    const threshold = await thresholdOf(deps, session, key);
    await deps.sleep((threshold + 2) * 1000);
    const stalled = await stalledBricks(deps, session, key, threshold);
    if (stalled.length > 0) {
      // a second reading, as the watch does: the same change still waiting
      await deps.sleep(5_000);
      const again = await stalledBricks(deps, session, key, threshold);
      const still = again.filter((b) =>
        stalled.some((s) => s.brick === b.brick && s.since === b.since),
      );
      if (still.length > 0) {
        end(
          check,
          'failed',
          `Still stalled: ${still.map((b) => `${b.brick} (changes waiting since ${new Date(b.since * 1000).toISOString()})`).join(', ')}.`,
        );
        continue;
      }
    }
    end(check, 'done', 'Nothing recorded on the bricks is waiting unsynced.');
    return {
      recovered: true,
      attempts: attempt,
      detail:
        attempt === 1
          ? 'The workers were restarted once and synced the waiting changes.'
          : `The workers came up stalled again ${attempt - 1} time(s); after ${attempt} restarts they synced the waiting changes.`,
    };
  }
  return {
    recovered: false,
    attempts: max,
    detail: `Still stalled after ${max} restarts. Each restart replays what was waiting, but the workers keep coming up unable to hear new changes; run Recover again, or stop and start the session, and check the primary volume's bricks.`,
  };
}

/** Every replica set with a running worker has its Active one in Changelog Crawl; none initialising. */
function liveAgain(s: GeoRepSession): boolean {
  if (s.workers.some((w) => w.status === 'Initializing')) return false;
  const sets = new Map<number, boolean>();
  for (const w of s.workers) {
    if (w.status === 'Offline') continue;
    sets.set(w.replica_set, (sets.get(w.replica_set) ?? false) || watchable(w));
  }
  return sets.size > 0 && [...sets.values()].every(Boolean);
}

async function thresholdOf(deps: RecoverDeps, s: GeoRepSession, key: SessionKey): Promise<number> {
  const first = s.workers.find(watchable);
  let ci: number | undefined;
  if (first) {
    const node = await deps.resolve(first.primary_node);
    if (node)
      ci =
        (await deps.probe.evidence(node, key, []).catch(() => null))?.change_interval ?? undefined;
  }
  return stallThresholds(deps.rolloverSeconds, ci).stallAfterSeconds;
}

async function stalledBricks(
  deps: RecoverDeps,
  s: GeoRepSession,
  key: SessionKey,
  threshold: number,
): Promise<{ brick: string; since: number }[]> {
  const byNode = new Map<string, string[]>();
  for (const w of s.workers.filter(watchable)) {
    byNode.set(w.primary_node, [...(byNode.get(w.primary_node) ?? []), w.primary_brick]);
  }
  const out: { brick: string; since: number }[] = [];
  for (const [glusterNode, bricks] of byNode) {
    const node = await deps.resolve(glusterNode);
    if (!node) continue;
    const ev = await deps.probe.evidence(node, key, bricks);
    for (const b of ev.bricks) {
      if (!b.error && classifyEvidence(b, { stallAfterSeconds: threshold }) === 'stalled')
        out.push({ brick: `${glusterNode}:${b.brick}`, since: b.oldest_pending ?? b.now });
    }
  }
  return out;
}
