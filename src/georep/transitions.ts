// Transitions of geo-replication sessions worth telling an administrator: a session turning
// Faulty, partly Faulty or Stalled and recovering, a checkpoint completing, the lag staying above a
// threshold and coming back, a session disappearing. One rule, shared by the service's watch (which
// posts one engine event per transition) and anything else that announces them. Pure: no I/O, the
// caller gives the reads and the clock.
//
// Each session has four independent dimensions: health, lag, checkpoint and presence. For each,
// the detector remembers what was last ANNOUNCED (not what was last read), so it can be seeded from
// the announcements themselves (the engine's own events) after a restart and never say the same
// thing twice. Within one bad-health episode it speaks again only when things get worse
// (partly Faulty → Stalled → Faulty); "recovered" needs the session healthy for a while, since
// Gluster retries a Faulty worker over and over (Faulty → Initializing → Faulty).
import type { GeoRepSession, SessionKey } from './types';
import { canonicalSessionKey } from './status';

export type Severity = 'normal' | 'warning' | 'error';

export type HealthState = 'ok' | 'partly_faulty' | 'stalled' | 'faulty';
export type LagState = 'ok' | 'high';

export type TransitionKind =
  | 'faulty'
  | 'partly_faulty'
  | 'stalled'
  | 'recovered'
  | 'lag_high'
  | 'lag_ok'
  | 'checkpoint_completed'
  | 'disappeared';

export type Dimension = 'health' | 'lag' | 'checkpoint' | 'presence';

export const DIMENSION_OF: Record<TransitionKind, Dimension> = {
  faulty: 'health',
  partly_faulty: 'health',
  stalled: 'health',
  recovered: 'health',
  lag_high: 'lag',
  lag_ok: 'lag',
  checkpoint_completed: 'checkpoint',
  disappeared: 'presence',
};

/** The engine's severities (AuditLogSeverity), as oVirt's own geo-rep events use them. */
export const SEVERITY_OF: Record<TransitionKind, Severity> = {
  faulty: 'error',
  stalled: 'error',
  partly_faulty: 'warning',
  recovered: 'normal',
  lag_high: 'warning',
  lag_ok: 'normal',
  checkpoint_completed: 'normal',
  disappeared: 'warning',
};

const RANK: Record<HealthState, number> = { ok: 0, partly_faulty: 1, stalled: 2, faulty: 3 };

export interface Transition {
  kind: TransitionKind;
  severity: Severity;
  cluster_id: string;
  session_id: string;
  key: SessionKey;
  /** When it was detected (ISO-8601 UTC). */
  at: string;
  /** What the text needs: the status read, the lag, the checkpoint, the stalled bricks. */
  status?: string;
  lag_seconds?: number;
  checkpoint_time?: string;
  checkpoint_completion_time?: string | null;
  /** `node:brick` of the workers that are Faulty (faulty, partly_faulty) or stalled (stalled). */
  bricks?: string[];
  /**
   * What makes this transition unique among all of this session's: the dimension, the kind, and
   * the custom id of the previous announcement of the same dimension (a chain), or the
   * checkpoint's time.
   */
  dedup_key: string;
  /**
   * The engine event's custom_id, from dedup_key: the engine keeps (origin, custom_id) unique, so
   * two instances, or a restart that could not read the engine's events, cannot post it twice.
   */
  custom_id: number;
}

/**
 * A custom_id from a dedup key: FNV-1a (32 bits) folded into [2^30 + 2^29, 2^31 - 1], above the
 * range the audit trail's counter starts in (audit.ts: a random start below 2^30).
 */
export function customIdOf(dedupKey: string): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(dedupKey);
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const LOW = 2 ** 30 + 2 ** 29;
  return LOW + (h % (2 ** 31 - 1 - LOW));
}

export interface TransitionSettings {
  /** Lag (s) above which a session is lagging. */
  lagThresholdSeconds: number;
  /** How long (s) the lag must stay above the threshold before it is announced. */
  lagDelaySeconds: number;
  /** How long (s) a session must read healthy before "recovered". */
  recoverySeconds: number;
  /** A checkpoint completed longer ago than this (s) and never seen open is not announced. */
  checkpointLookbackSeconds: number;
}

export const DEFAULT_TRANSITION_SETTINGS: TransitionSettings = {
  lagThresholdSeconds: 600,
  lagDelaySeconds: 300,
  recoverySeconds: 60,
  checkpointLookbackSeconds: 24 * 3600,
};

/** What was last announced for a session, per dimension (from this process or the engine's events). */
export interface Announced {
  health?: { state: HealthState; custom_id: number };
  lag?: { state: LagState; custom_id: number };
  /** Checkpoint times whose completion was announced. */
  checkpoints?: string[];
  disappeared?: { custom_id: number };
}

/** What a read says about a session's health, beside ok and the bad states. */
type ReadHealth = HealthState | 'rest' | 'transient';

/** Workers the stall detection found stalled (their evidence set by the service: server/stall.ts). */
export function stalledWorkers(s: GeoRepSession): GeoRepSession['workers'] {
  return s.workers.filter((w) => w.stall != null);
}

export function readHealth(s: GeoRepSession): ReadHealth {
  const status = s.status;
  if (status === 'Faulty') return 'faulty';
  if (status === 'Stalled' || stalledWorkers(s).length > 0) return 'stalled';
  if (status === 'PartiallyFaulty') return 'partly_faulty';
  if (status === 'Active' || status === 'Passive') return 'ok';
  // Stopped, Paused, Created: put there by an administrator; Initializing, Offline, Unknown: not
  // settled. Neither starts nor ends an episode.
  if (status === 'Paused' || status === 'Stopped' || status === 'Created') return 'rest';
  return 'transient';
}

interface Track {
  key: SessionKey;
  session_id: string;
  /** Seen in a read of this process (else only known from the engine's events). */
  seen: boolean;
  health: HealthState;
  /** The health of the last read (ok for a session at rest or settling). */
  read: HealthState;
  /** custom_id of the last health announcement (0: none). */
  healthId: number;
  healthySince: number | null;
  lag: LagState;
  lagId: number;
  lagAboveSince: number | null;
  checkpoints: Set<string>;
  /** Checkpoint times this process saw not yet completed. */
  openCheckpoints: Set<string>;
}

const trackKey = (clusterId: string, key: SessionKey): string =>
  `${clusterId}\n${canonicalSessionKey(key)}`;

export class TransitionDetector {
  private readonly tracks = new Map<string, Track>();
  /** Sessions a user deleted through the service: their disappearance is no news. */
  private readonly expectedGone = new Set<string>();
  /** The last announcement of a session that went away: a session of the same name created later
   * continues its chain (else its first "Faulty" would repeat the first one's dedup key). */
  private readonly gone = new Map<string, number>();

  constructor(private readonly settings: TransitionSettings = DEFAULT_TRANSITION_SETTINGS) {}

  /** What the engine's events say was announced last for a session (after a restart). */
  seed(clusterId: string, key: SessionKey, session_id: string, a: Announced): void {
    const t = this.track(clusterId, key, session_id);
    if (a.health) {
      t.health = a.health.state;
      t.healthId = a.health.custom_id;
    }
    if (a.lag) {
      t.lag = a.lag.state;
      t.lagId = a.lag.custom_id;
    }
    for (const c of a.checkpoints ?? []) t.checkpoints.add(c);
    // Announced gone (the newest of its announcements): nothing more to say until it is read again.
    if (a.disappeared && !t.seen) {
      this.tracks.delete(trackKey(clusterId, key));
      this.gone.set(trackKey(clusterId, key), a.disappeared.custom_id);
    }
  }

  /** A user removed this session through the service: its disappearance is not announced. */
  expectGone(clusterId: string, key: SessionKey): void {
    this.expectedGone.add(trackKey(clusterId, key));
  }

  /** Sessions whose last word was bad (unhealthy or lagging): what is wrong now, as announced. */
  ongoing(
    clusterId: string,
  ): { key: SessionKey; session_id: string; health: HealthState; lag: LagState }[] {
    return [...this.tracks.entries()]
      .filter(
        ([k, t]) =>
          k.startsWith(`${clusterId}\n`) && t.seen && (t.health !== 'ok' || t.lag === 'high'),
      )
      .map(([, t]) => ({
        key: t.key,
        session_id: t.session_id,
        // as last read while it is still bad (an episode announced Faulty may read partly Faulty now)
        health: t.health !== 'ok' && t.read !== 'ok' ? t.read : t.health,
        lag: t.lag,
      }));
  }

  /** Sessions known for a cluster (tests, metrics). */
  known(clusterId: string): SessionKey[] {
    return [...this.tracks.entries()]
      .filter(([k]) => k.startsWith(`${clusterId}\n`))
      .map(([, t]) => t.key);
  }

  /**
   * A successful read of every session of a cluster at `nowMs`: the transitions to announce, and
   * the detector takes them as announced. (A failed read must not come here: it says nothing
   * about the sessions.)
   */
  observe(clusterId: string, sessions: readonly GeoRepSession[], nowMs: number): Transition[] {
    const out: Transition[] = [];
    const at = new Date(nowMs).toISOString();
    const present = new Set<string>();
    for (const s of sessions) {
      const key: SessionKey = {
        primary_volume: s.primary_volume,
        secondary_host: s.secondary_host,
        secondary_volume: s.secondary_volume,
        secondary_user: s.secondary_user,
      };
      const tk = trackKey(clusterId, key);
      present.add(tk);
      this.expectedGone.delete(tk);
      const t = this.track(clusterId, key, s.id);
      t.seen = true;
      const base = { cluster_id: clusterId, session_id: s.id, key, at, status: s.status as string };
      const emit = (
        kind: TransitionKind,
        extra: Partial<Transition>,
        dedup_key: string,
      ): number => {
        const custom_id = customIdOf(dedup_key);
        out.push({ kind, severity: SEVERITY_OF[kind], ...base, ...extra, dedup_key, custom_id });
        return custom_id;
      };
      const chain = (kind: TransitionKind, prev: number): string =>
        `${tk}\n${DIMENSION_OF[kind]}\n${kind}\n${prev}`;

      // Health.
      const h = readHealth(s);
      t.read = h === 'rest' || h === 'transient' ? 'ok' : h;
      if (h === 'faulty' || h === 'stalled' || h === 'partly_faulty') {
        t.healthySince = null;
        if (RANK[h] > RANK[t.health]) {
          const dedup = chain(h, t.healthId);
          const bricks = (h === 'stalled' ? stalledWorkers(s) : s.workers)
            .filter((w) => h === 'stalled' || w.status === 'Faulty' || w.status === 'Offline')
            .map((w) => `${w.primary_node}:${w.primary_brick}`);
          t.healthId = emit(h, { bricks }, dedup);
          t.health = h;
        }
      } else if (h === 'ok') {
        if (t.health !== 'ok') {
          t.healthySince ??= nowMs;
          if (nowMs - t.healthySince >= this.settings.recoverySeconds * 1000) {
            t.healthId = emit('recovered', {}, chain('recovered', t.healthId));
            t.health = 'ok';
            t.healthySince = null;
          }
        }
      } else {
        t.healthySince = null;
      }

      // Lag: only while the session syncs (its sync point read live from the Active workers): a
      // stopped or paused session's point, as last seen, ages by itself, and that is not news.
      const lag = s.sync_point.source === 'live' ? s.lag_seconds : null;
      if (lag === null || !Number.isFinite(lag)) {
        t.lagAboveSince = null;
      } else if (lag > this.settings.lagThresholdSeconds) {
        t.lagAboveSince ??= nowMs;
        // lag ≥ threshold + delay means it has been above the threshold for the whole delay
        // (last_synced only moves forward), which a restarted service can tell at once.
        const longEnough =
          nowMs - t.lagAboveSince >= this.settings.lagDelaySeconds * 1000 ||
          lag >= this.settings.lagThresholdSeconds + this.settings.lagDelaySeconds;
        if (t.lag === 'ok' && longEnough) {
          t.lagId = emit('lag_high', { lag_seconds: lag }, chain('lag_high', t.lagId));
          t.lag = 'high';
        }
      } else {
        t.lagAboveSince = null;
        if (t.lag === 'high') {
          t.lagId = emit('lag_ok', { lag_seconds: lag }, chain('lag_ok', t.lagId));
          t.lag = 'ok';
        }
      }

      // Checkpoint.
      const cp = s.checkpoint;
      if (cp && !cp.completed) t.openCheckpoints.add(cp.time);
      if (cp && cp.completed && !t.checkpoints.has(cp.time)) {
        const done = cp.completion_time ? Date.parse(cp.completion_time) : NaN;
        const recent =
          Number.isFinite(done) && nowMs - done <= this.settings.checkpointLookbackSeconds * 1000;
        if (t.openCheckpoints.has(cp.time) || recent) {
          emit(
            'checkpoint_completed',
            { checkpoint_time: cp.time, checkpoint_completion_time: cp.completion_time },
            `${tk}\ncheckpoint\n${cp.time}`,
          );
        }
        // Announced or too old to be news: either way, not again.
        t.checkpoints.add(cp.time);
        t.openCheckpoints.delete(cp.time);
      }
    }

    // Presence: a session known here (read before, or announced before a restart) and no longer listed.
    for (const [tk, t] of [...this.tracks.entries()]) {
      if (!tk.startsWith(`${clusterId}\n`) || present.has(tk)) continue;
      this.tracks.delete(tk);
      const dedup_key = `${tk}\npresence\ndisappeared\n${t.healthId}\n${t.lagId}`;
      const custom_id = customIdOf(dedup_key);
      this.gone.set(tk, custom_id);
      if (this.expectedGone.delete(tk)) continue;
      out.push({
        kind: 'disappeared',
        severity: SEVERITY_OF.disappeared,
        cluster_id: clusterId,
        session_id: t.session_id,
        key: t.key,
        at,
        dedup_key,
        custom_id,
      });
    }
    return out;
  }

  private track(clusterId: string, key: SessionKey, session_id: string): Track {
    const tk = trackKey(clusterId, key);
    let t = this.tracks.get(tk);
    if (!t) {
      const base = this.gone.get(tk) ?? 0;
      this.gone.delete(tk);
      t = {
        key,
        session_id,
        seen: false,
        health: 'ok',
        read: 'ok',
        healthId: base,
        healthySince: null,
        lag: 'ok',
        lagId: base,
        lagAboveSince: null,
        checkpoints: new Set(),
        openCheckpoints: new Set(),
      };
      this.tracks.set(tk, t);
    }
    return t;
  }
}
