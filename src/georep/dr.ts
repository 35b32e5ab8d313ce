// Disaster recovery for oVirt storage domains on Gluster volumes: the rules shared by the UI and the
// service. Everything here is kept by Gluster itself, as volume options (the service keeps no
// database): the schedule of a storage domain's sync on its primary volume, the last sync's record
// next to it, and the state of a failover or failback on the volume it promotes.
//
// The schedule is oVirt 4.5's own (StorageSyncSchedule: Frequency DAILY/WEEKLY/NONE, days MON..SUN,
// hour 0-23, mins 0-59, turned into a Quartz cron by ScheduleGlusterStorageSyncCommand), with what
// the engine leaves implicit made explicit: the time zone the hour is in (the engine's JVM's), what
// to do with the session afterwards (the engine always stops it: GlusterStorageGeoRepSyncCallback)
// and how long to wait for the checkpoint (the engine waits without a bound).
import type { SessionKey } from './types';

export const DR_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DrDay = (typeof DR_DAYS)[number];

export interface DrSchedule {
  frequency: 'daily' | 'weekly';
  /** weekly: the days it runs on (at least one); daily: empty. */
  days: DrDay[];
  hour: number;
  minute: number;
  /** IANA time zone the hour and minute are in (e.g. `Europe/Prague`, `UTC`). */
  time_zone: string;
  /** What the sync leaves the session in once the checkpoint completed: oVirt stops it. */
  after: 'stop' | 'pause';
  /** How long to wait for the checkpoint before the sync fails (minutes, 1..1440). */
  max_wait_minutes: number;
}

/** The set-up of a storage domain's scheduled sync (option DR_SETUP_OPTION on its primary volume). */
export interface DrSetup {
  storage_domain_id: string;
  storage_domain_name: string;
  /** The session it syncs through (its primary volume holds this record). */
  session: SessionKey;
  schedule: DrSchedule;
  set_by: string;
  set_at: string;
}

/** What a storage domain sync did (option DR_LAST_OPTION on the primary volume). */
export interface DrSyncRecord {
  run_id: string;
  trigger: 'schedule' | 'manual';
  /** The user who ran it now, or the account of the scheduled run. */
  by: string;
  /** The scheduled time it ran for (schedule only). */
  due_at: string | null;
  started_at: string;
  ended_at: string | null;
  result: 'running' | 'succeeded' | 'failed';
  /** In the user's words: what happened, or why it failed. */
  detail: string;
  /** The checkpoint the secondary reached: everything written before it is there. */
  checkpoint_time: string | null;
  checkpoint_completed_at: string | null;
  /** How much data: the primary volume's used bytes, the secondary's before and after (null when unknown). */
  data: {
    primary_used_bytes: number | null;
    secondary_used_before: number | null;
    secondary_used_after: number | null;
  };
  /** VMs snapshotted for the sync (their temporary snapshots are removed after it). */
  vms: string[];
  /** What a failure left behind for the administrator (snapshots not removed, session state). */
  left: string[];
  /** The service instance that ran it (several may run; one claims each run). */
  instance: string;
}

export const DR_SETUP_OPTION = 'user.ovirt-georep.dr-sync';
export const DR_LAST_OPTION = 'user.ovirt-georep.dr-last';
/** On the secondary volume: the last point a sync is known to have reached (readable when the primary site is lost). */
export const DR_SYNCED_OPTION = 'user.ovirt-georep.dr-synced';
/** On the secondary (promoted) volume: the state of a failover or failback. */
export const DR_PROCEDURE_OPTION = 'user.ovirt-georep.dr-procedure';
/**
 * Gluster 10.3 cannot reset a user.* option (`volume reset <vol> user.x` answers "Option user.x
 * does not exist", with or without force; seen on the lab) and refuses an empty value (it prints
 * its usage): a record is removed by writing this.
 */
export const DR_NONE = 'none';
/**
 * The longest value written to a volume option. Gluster 10.3 took 3,000 bytes, and a 9,000-byte
 * user.* value made glusterd abort on a corrupted heap and hang in its crash handler (seen on the
 * lab: glusterd-op-sm stage_set_volume, then __gf_free's assertion): never send more than this.
 */
export const DR_MAX_OPTION_BYTES = 2048;

export function validateSchedule(s: unknown): string | null {
  if (!s || typeof s !== 'object') return 'The schedule is missing.';
  const x = s as Partial<DrSchedule>;
  if (x.frequency !== 'daily' && x.frequency !== 'weekly')
    return 'The frequency must be daily or weekly (or remove the schedule).';
  if (!Array.isArray(x.days) || x.days.some((d) => !DR_DAYS.includes(d)))
    return `Days must be among ${DR_DAYS.join(', ')}.`;
  if (x.frequency === 'weekly' && x.days.length === 0)
    return 'A weekly schedule needs at least one day.';
  if (new Set(x.days).size !== x.days.length) return 'A day is named twice.';
  if (!Number.isInteger(x.hour) || x.hour! < 0 || x.hour! > 23)
    return 'The hour must be a whole number from 0 to 23.';
  if (!Number.isInteger(x.minute) || x.minute! < 0 || x.minute! > 59)
    return 'The minute must be a whole number from 0 to 59.';
  if (typeof x.time_zone !== 'string' || !validTimeZone(x.time_zone))
    return `${String(x.time_zone)} is not a time zone this service knows (use an IANA name such as Europe/Prague or UTC).`;
  if (x.after !== 'stop' && x.after !== 'pause')
    return 'After the sync the session is either stopped or paused.';
  if (
    !Number.isInteger(x.max_wait_minutes) ||
    x.max_wait_minutes! < 1 ||
    x.max_wait_minutes! > 1440
  )
    return 'The longest wait for the checkpoint must be from 1 to 1440 minutes.';
  return null;
}

export function validTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of an instant in a time zone. */
function wallClock(t: number, tz: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  }).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: get('weekday').slice(0, 3).toLowerCase() as DrDay,
  };
}

/** The instant a wall-clock time has in a time zone (the later one in a DST overlap; skipped times move forward). */
function zoned(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (t: number): number => {
    const w = wallClock(t, tz);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - t;
  };
  let t = guess - offsetAt(guess);
  t = guess - offsetAt(t);
  return t;
}

/** The first run strictly after `after` (ms since the epoch). */
export function nextRun(s: DrSchedule, after: number): number {
  const start = wallClock(after, s.time_zone);
  // Walk the calendar day by day (at most 8 days for a weekly schedule, a DST change in between).
  const base = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i < 9; i++) {
    const day = new Date(base + i * 86_400_000);
    const y = day.getUTCFullYear();
    const mo = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    const t = zoned(y, mo, d, s.hour, s.minute, s.time_zone);
    if (t <= after) continue;
    const wd = wallClock(t, s.time_zone).weekday;
    if (s.frequency === 'weekly' && !s.days.includes(wd)) continue;
    return t;
  }
  throw new Error('no next run within 9 days (invalid schedule)');
}

/** The runs due in (from, to]: what a scheduler that last looked at `from` must start now. */
export function dueRuns(s: DrSchedule, from: number, to: number): number[] {
  const out: number[] = [];
  let t = from;
  for (;;) {
    const n = nextRun(s, t);
    if (n > to) return out;
    out.push(n);
    t = n;
  }
}

/** One line for the UI and the events: "daily at 02:30 (Europe/Prague), then stop". */
export function describeSchedule(s: DrSchedule): string {
  const at = `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
  const when =
    s.frequency === 'daily'
      ? `daily at ${at}`
      : `weekly on ${s.days.map((d) => d[0]!.toUpperCase() + d.slice(1)).join(', ')} at ${at}`;
  return `${when} (${s.time_zone}); then ${s.after === 'stop' ? 'stopped' : 'paused'}, waiting at most ${s.max_wait_minutes} min`;
}

/** A record as the option value Gluster keeps; refuses what would be too long for glusterd. */
export function encodeOption(v: unknown): string {
  const s = JSON.stringify(v);
  const bytes = new TextEncoder().encode(s).length;
  if (bytes > DR_MAX_OPTION_BYTES)
    throw new Error(
      `The record is ${bytes} bytes, more than the ${DR_MAX_OPTION_BYTES} a Gluster volume option safely holds.`,
    );
  return s;
}

/**
 * A record read back from an option: null when absent or removed; `{unreadable}` when someone
 * wrote something else there (shown as such, never guessed).
 */
export function decodeOption<T>(
  raw: string | undefined,
  check: (v: unknown) => v is T,
): T | null | { unreadable: string } {
  if (raw === undefined || raw === '' || raw === DR_NONE) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return check(v) ? v : { unreadable: raw.slice(0, 200) };
  } catch {
    return { unreadable: raw.slice(0, 200) };
  }
}

export function isUnreadable(v: unknown): v is { unreadable: string } {
  return !!v && typeof v === 'object' && 'unreadable' in v;
}

export function isDrSetup(v: unknown): v is DrSetup {
  const x = v as DrSetup;
  return (
    !!x &&
    typeof x === 'object' &&
    typeof x.storage_domain_id === 'string' &&
    typeof x.storage_domain_name === 'string' &&
    !!x.session &&
    typeof x.session.secondary_host === 'string' &&
    validateSchedule(x.schedule) === null
  );
}

export function isDrSyncRecord(v: unknown): v is DrSyncRecord {
  const x = v as DrSyncRecord;
  return (
    !!x &&
    typeof x === 'object' &&
    typeof x.run_id === 'string' &&
    typeof x.started_at === 'string' &&
    ['running', 'succeeded', 'failed'].includes(x.result)
  );
}

/** The name oVirt gives the temporary snapshot of a VM for a sync (GlusterStorageSyncCommand: vm + domain + "-TMPDR"). */
export function drSnapshotName(vm: string, storageDomain: string): string {
  return `${vm}${storageDomain}-TMPDR`;
}

// ------------------------------------------------------------------ the wire (service <-> UI)

/** A Gluster storage domain of a cluster's volume, with its sync set-up, as GET .../dr lists it. */
export interface DrDomainView {
  storage_domain_id: string;
  storage_domain_name: string;
  /** `host:/volume` as the engine records the domain's connection. */
  connection: string;
  primary_volume: string;
  /** Sessions of the volume that can carry its sync. */
  sessions: { id: string; secondary: string; status: string }[];
  setup: DrSetup | null;
  /** The session id of the set-up (null when the session is gone from Gluster). */
  session_id: string | null;
  setup_problem: string | null;
  last_sync: DrSyncRecord | null;
  last_sync_problem: string | null;
  next_sync_at: string | null;
  /** A run of this service is going on now (job id). */
  running_job: string | null;
}

export interface DrProcedureStepView {
  id: string;
  title: string;
  /** What it does, with the commands it runs: shown before the user confirms. */
  explain: string;
  state: 'pending' | 'done' | 'skipped' | 'failed' | 'running';
  detail: string | null;
  done_at: string | null;
  done_by: string | null;
}

export interface DrProcedureView {
  kind: 'failover' | 'failback';
  session_id: string;
  primary: string;
  secondary: string;
  /** Where the promoted volume's state is kept (`<cluster>/<volume>`), or why it cannot be. */
  state_on: string | null;
  problem: string | null;
  started_by: string | null;
  started_at: string | null;
  /** Everything written to the primary before this is on the secondary (null when unknown). */
  last_synced_point: string | null;
  last_synced_basis: string | null;
  steps: DrProcedureStepView[];
  /** The id of the next step to run (null when complete). */
  next_step: string | null;
  complete: boolean;
}
