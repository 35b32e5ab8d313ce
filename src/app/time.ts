// Time display helpers: "3 minutes ago" with the absolute time on hover, and durations ("5 minutes").
import type { IntlShape } from '../intl/react';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** The largest unit that fits: -190 s → [-3, 'minute']. */
export function relativeParts(seconds: number): [number, Intl.RelativeTimeFormatUnit] {
  const abs = Math.abs(seconds);
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') return [Math.trunc(seconds / size), unit];
  }
  return [0, 'second'];
}

export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * A past time relative to `nowMs`. Never in the future: the service's clock may be ahead of the
 * browser's, and a ticking now (useNow) lags behind fresh data by up to one tick.
 */
export function formatRelative(intl: IntlShape, iso: string, nowMs: number = Date.now()): string {
  const t = parseTime(iso);
  if (t === null) return iso;
  const [value, unit] = relativeParts(Math.min(0, Math.round((t - nowMs) / 1000)));
  return intl.formatRelativeTime(value, unit, { numeric: 'auto' });
}

export function formatAbsolute(intl: IntlShape, iso: string): string {
  const t = parseTime(iso);
  if (t === null) return iso;
  return intl.formatDate(t, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A duration in seconds as words: 310 → "5 minutes". */
export function formatDuration(intl: IntlShape, seconds: number): string {
  const [value, unit] = relativeParts(Math.max(0, Math.round(seconds)));
  return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'long' });
}
