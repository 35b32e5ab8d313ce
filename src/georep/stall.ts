// Is an Active worker in Changelog Crawl really syncing? Gluster cannot say: on 10.3 a freshly
// (re)started worker sometimes comes up deaf (the brick's changelog notification never reaches
// it), shows Active / Changelog Crawl with nothing pending and no failure, and never syncs a new
// change. What tells it apart is on the brick's node (shared/reference/gluster-local.md, "A
// stalled (deaf) worker", measured there on 50 worker starts):
//   L  = last_synced in gsyncd's per-brick status file (gsyncdstatus.py GeorepStatus, the
//        brick's stime, which gsyncd sets to the processed changelog's ts - 1: primary.py
//        upd_stime -> GeorepStatus.set_last_synced);
//   P0 = the oldest `CHANGELOG.<ts>` the brick's changelog translator rolled over with ts - 1 > L
//        (only rollovers that recorded changes get an upper-case CHANGELOG file);
//   N  = the changelogs in the worker's `.processing/` folder (changelog/lib/src/gf-changelog-api.c:
//        libgfchangelog's scan() moves the changelogs it was told about there, and gsyncd's
//        crawl() -> getchanges() processes them from it; primary.py crawl).
// No P0: idle (nothing recorded that is not synced). P0 and N > 0: busy. P0, N = 0, younger than
// the threshold: lagging (a healthy worker picks a changelog up within change_interval).
// P0, N = 0, older than the threshold, seen so on two reads in a row: stalled.
// This module is the rule only; the service reads the evidence (server/stall.ts).

/** What the service read on a brick's node for one Active worker in Changelog Crawl. */
export interface WorkerEvidence {
  /** The node's clock when it was read (epoch seconds). */
  now: number;
  /** last_synced of gsyncd's status file for the brick (epoch seconds); null when unreadable. */
  last_synced: number | null;
  /** ts of the oldest changelog recorded after last_synced; null when none. */
  oldest_pending: number | null;
  /** How many changelogs were recorded after last_synced. */
  pending: number;
  /** Changelogs in the worker's .processing folder. */
  processing: number;
}

export type StallVerdict = 'idle' | 'busy' | 'lagging' | 'stalled' | 'unknown';

export interface StallThresholds {
  /** Seconds a recorded change may wait with nothing being processed before it is a stall. */
  stallAfterSeconds: number;
}

/** Gluster's defaults: `changelog.rollover-time` 15 s, gsyncd's `change-interval` 5 s. */
export const DEFAULT_ROLLOVER_SECONDS = 15;
export const DEFAULT_CHANGE_INTERVAL_SECONDS = 5;

/**
 * The threshold from the session's own timings. Measured here with rollover 3 s and change
 * interval 1 s: healthy workers left a recorded change unpicked for at most 1.9 s, deaf ones for
 * ever; 10 s separated them. A change can wait one rollover to be recorded and one change
 * interval to be picked up, so the bound is twice their sum, and never under 10 s.
 */
export function stallThresholds(
  rolloverSeconds: number = DEFAULT_ROLLOVER_SECONDS,
  changeIntervalSeconds: number = DEFAULT_CHANGE_INTERVAL_SECONDS,
): StallThresholds {
  const r = Number.isFinite(rolloverSeconds) && rolloverSeconds > 0 ? rolloverSeconds : 15;
  const c =
    Number.isFinite(changeIntervalSeconds) && changeIntervalSeconds > 0 ? changeIntervalSeconds : 5;
  return { stallAfterSeconds: Math.max(10, 2 * (r + c)) };
}

/** The verdict for one reading (a stall is reported only after two such readings: see below). */
export function classifyEvidence(e: WorkerEvidence, t: StallThresholds): StallVerdict {
  if (e.last_synced === null) return 'unknown';
  if (e.oldest_pending === null) return 'idle';
  if (e.processing > 0) return 'busy';
  const age = e.now - e.oldest_pending;
  return age > t.stallAfterSeconds ? 'stalled' : 'lagging';
}

/** What the session's details show for a stalled worker: the evidence in the user's words. */
// Defined once in the wire contract (src/georep/contract/session.ts).
import type { StallEvidence } from './contract';
export type { StallEvidence };

export function toStallEvidence(e: WorkerEvidence, stalledSince: number): StallEvidence {
  const iso = (s: number): string => new Date(s * 1000).toISOString();
  return {
    pending_since: iso(e.oldest_pending ?? e.now),
    pending_changelogs: e.pending,
    last_synced: e.last_synced ? iso(e.last_synced) : null,
    stalled_since: iso(stalledSince),
    waited_seconds: Math.max(0, Math.round(e.now - (e.oldest_pending ?? e.now))),
  };
}
