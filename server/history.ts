// Lag history: the watch's reads kept in memory, a bounded ring per session (one sample per
// `stepMs` at most, `hours` long), for the chart in the session's details. A restart loses the
// chart (never an alert: alerts come from Gluster and the engine's events, watch.ts). Nothing is
// written anywhere: Gluster stays the only store.
import type { GeoRepSession } from '../src/georep/types';

export interface LagSample {
  /** Epoch ms of the read. */
  t: number;
  /** Seconds behind (null: unknown, e.g. no Active worker). */
  lag_seconds: number | null;
  /** Changes Gluster says are pending (entry + data + meta over the workers); null: unknown. */
  pending: number | null;
}

export interface CatchUpEstimate {
  /**
   * How fast the secondary catches up: seconds of changes synced per second (1: keeping pace;
   * above 1: catching up; below 1: falling behind), from the lag's trend over `window_s`.
   */
  sync_rate: number | null;
  /** Seconds until the lag reaches the sync interval at this rate; null when it is not falling. */
  seconds_to_sync: number | null;
  /** ISO time of that, or null. */
  synced_by: string | null;
  window_s: number;
  samples: number;
}

class Ring {
  readonly t: Float64Array;
  readonly lag: Float64Array;
  readonly pending: Float64Array;
  start = 0;
  size = 0;
  constructor(readonly capacity: number) {
    this.t = new Float64Array(capacity);
    this.lag = new Float64Array(capacity);
    this.pending = new Float64Array(capacity);
  }
  push(s: LagSample): void {
    const i = (this.start + this.size) % this.capacity;
    this.t[i] = s.t;
    this.lag[i] = s.lag_seconds ?? NaN;
    this.pending[i] = s.pending ?? NaN;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
  }
  lastT(): number {
    return this.size ? this.t[(this.start + this.size - 1) % this.capacity]! : -Infinity;
  }
  toArray(since = -Infinity): LagSample[] {
    const out: LagSample[] = [];
    for (let k = 0; k < this.size; k++) {
      const i = (this.start + k) % this.capacity;
      if (this.t[i]! < since) continue;
      const lag = this.lag[i]!;
      const p = this.pending[i]!;
      out.push({
        t: this.t[i]!,
        lag_seconds: Number.isNaN(lag) ? null : lag,
        pending: Number.isNaN(p) ? null : p,
      });
    }
    return out;
  }
}

export interface LagHistoryOptions {
  /** How long samples are kept (h); default 6. */
  hours?: number;
  /** Least time between two samples of a session (ms); default 30 s. */
  stepMs?: number;
  /** Sessions kept at most (the oldest-updated go first); default 5000. */
  maxSessions?: number;
}

export class LagHistory {
  private readonly rings = new Map<string, Ring>();
  readonly hours: number;
  readonly stepMs: number;
  private readonly maxSessions: number;

  constructor(o: LagHistoryOptions = {}) {
    this.hours = o.hours ?? 6;
    this.stepMs = o.stepMs ?? 30_000;
    this.maxSessions = o.maxSessions ?? 5000;
  }

  get capacity(): number {
    return Math.max(2, Math.ceil((this.hours * 3600_000) / this.stepMs));
  }

  /** One read of a cluster's sessions. */
  record(clusterId: string, sessions: readonly GeoRepSession[], at: number): void {
    for (const s of sessions) {
      const k = `${clusterId}\n${s.id}`;
      let r = this.rings.get(k);
      if (!r) {
        if (this.rings.size >= this.maxSessions) {
          const oldest = [...this.rings.entries()].sort((a, b) => a[1].lastT() - b[1].lastT())[0];
          if (oldest) this.rings.delete(oldest[0]);
        }
        r = new Ring(this.capacity);
        this.rings.set(k, r);
      }
      if (at - r.lastT() < this.stepMs) continue;
      r.push({ t: at, lag_seconds: s.lag_seconds, pending: pendingOf(s) });
    }
  }

  samples(clusterId: string, sessionId: string): LagSample[] {
    const r = this.rings.get(`${clusterId}\n${sessionId}`);
    return r ? r.toArray(Date.now() - this.hours * 3600_000) : [];
  }

  get sessionCount(): number {
    return this.rings.size;
  }
}

/** entry + data + meta pending over the workers; null when no worker says. */
export function pendingOf(s: GeoRepSession): number | null {
  let n = 0;
  let known = false;
  for (const w of s.workers) {
    for (const v of [w.entry_pending, w.data_pending, w.meta_pending]) {
      if (typeof v === 'number') {
        n += v;
        known = true;
      }
    }
  }
  return known ? n : null;
}

/**
 * When the secondary will be in sync at the current rate. The lag grows by one second each second
 * unless changes are synced; its least-squares slope over the last `windowS` gives the rate
 * (sync_rate = 1 - slope). Falling lag: it reaches `syncedLagS` (what a healthy session shows,
 * about the changelog rollover plus the change interval) after (lag - syncedLagS) / -slope.
 */
export function estimateCatchUp(
  samples: readonly LagSample[],
  now: number,
  windowS = 900,
  syncedLagS = 60,
): CatchUpEstimate {
  const pts = samples.filter((s) => s.lag_seconds !== null && s.t >= now - windowS * 1000);
  const base = { window_s: windowS, samples: pts.length };
  if (pts.length < 3) return { sync_rate: null, seconds_to_sync: null, synced_by: null, ...base };
  const xs = pts.map((s) => (s.t - pts[0]!.t) / 1000);
  const ys = pts.map((s) => s.lag_seconds!);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  });
  if (sxx === 0) return { sync_rate: null, seconds_to_sync: null, synced_by: null, ...base };
  const slope = sxy / sxx;
  const lag = ys[ys.length - 1]!;
  const sync_rate = Math.round((1 - slope) * 100) / 100;
  if (lag <= syncedLagS)
    return { sync_rate, seconds_to_sync: 0, synced_by: new Date(now).toISOString(), ...base };
  if (slope >= 0) return { sync_rate, seconds_to_sync: null, synced_by: null, ...base };
  const seconds = Math.round((lag - syncedLagS) / -slope);
  return {
    sync_rate,
    seconds_to_sync: seconds,
    synced_by: new Date(now + seconds * 1000).toISOString(),
    ...base,
  };
}
