// The current time for relative texts ("synced 2 minutes ago"), ticking on its own between polls:
// one shared timer per interval for every component that shows one (a page of 1,000 rows still has
// one timer), stopped while the document is hidden and caught up at once when it is visible again.
import { useCallback, useSyncExternalStore } from 'react';

/** How often relative times move on by themselves. */
export const NOW_TICK_MS = 15_000;

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

const tickers = new Map<number, Ticker>();

const hidden = (): boolean =>
  typeof document !== 'undefined' && document.visibilityState === 'hidden';

function tick(t: Ticker): void {
  t.now = Date.now();
  for (const l of [...t.listeners]) l();
}

function run(t: Ticker, intervalMs: number): void {
  if (t.timer === null && t.listeners.size > 0 && !hidden()) {
    t.timer = setInterval(() => tick(t), intervalMs);
  }
}

function halt(t: Ticker): void {
  if (t.timer !== null) clearInterval(t.timer);
  t.timer = null;
}

function onVisibility(): void {
  for (const [intervalMs, t] of tickers) {
    if (hidden()) halt(t);
    else {
      tick(t); // catch up on the time spent hidden
      run(t, intervalMs);
    }
  }
}

let watching = false;
function watchVisibility(on: boolean): void {
  if (typeof document === 'undefined' || on === watching) return;
  if (on) document.addEventListener('visibilitychange', onVisibility);
  else document.removeEventListener('visibilitychange', onVisibility);
  watching = on;
}

function tickerFor(intervalMs: number): Ticker {
  let t = tickers.get(intervalMs);
  if (!t) {
    t = { now: Date.now(), listeners: new Set(), timer: null };
    tickers.set(intervalMs, t);
  }
  return t;
}

function subscribe(intervalMs: number, listener: () => void): () => void {
  const t = tickerFor(intervalMs);
  if (t.listeners.size === 0) t.now = Date.now(); // nobody watched it: it is stale
  t.listeners.add(listener);
  watchVisibility(true);
  run(t, intervalMs);
  return () => {
    t.listeners.delete(listener);
    if (t.listeners.size === 0) halt(t);
    if ([...tickers.values()].every((x) => x.listeners.size === 0)) watchVisibility(false);
  };
}

function snapshot(intervalMs: number): number {
  const t = tickerFor(intervalMs);
  // Unwatched, it does not tick: a first render must not show a time from long ago.
  if (t.listeners.size === 0 && Date.now() - t.now >= intervalMs) t.now = Date.now();
  return t.now;
}

/** Now, in ms since the epoch, updated every `intervalMs` while the document is visible. */
export function useNow(intervalMs: number = NOW_TICK_MS): number {
  const sub = useCallback((l: () => void) => subscribe(intervalMs, l), [intervalMs]);
  const get = useCallback(() => snapshot(intervalMs), [intervalMs]);
  return useSyncExternalStore(sub, get, get);
}
