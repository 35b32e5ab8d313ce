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
import { DR_DAYS, type DrDay } from './drDays';
import type { DrSchedule } from './contract';

// The wire shapes (schedule, set-up, last sync, the views) are defined once in the contract.
export type {
  DrDomainView,
  DrProcedureStepView,
  DrProcedureView,
  DrSchedule,
  DrSetup,
  DrSyncRecord,
} from './contract';
export { DR_DAYS, type DrDay } from './drDays';

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

/** The name oVirt gives the temporary snapshot of a VM for a sync (GlusterStorageSyncCommand: vm + domain + "-TMPDR"). */
export function drSnapshotName(vm: string, storageDomain: string): string {
  return `${vm}${storageDomain}-TMPDR`;
}
