// Freshness: from a change made with the gluster CLI, behind the service's back, to the tab showing
// it. The tab is watched from inside (a MutationObserver in the place's frame notes the time the
// session's row first shows the new status), so the figure is what a user sees, not a poll's
// granularity. Used by the real-Gluster end-to-end test (test/e2e-lab/push-freshness.spec.ts)
// and the benchmark (bench/push.ts). Browser and test run on one machine: one clock.
import type { Frame, Page } from 'playwright-core';

export interface FreshnessOptions {
  /** The session's name as the row's checkbox says it: `<primary> to root@host::secondary`. */
  sessionName: string;
  /** Make the change (the gluster CLI); resolves once the CLI returned. */
  change: () => void;
  /** Undo it, so the next run starts from the same state. */
  undo: () => void;
  /**
   * Status word the row shows after the change. After the undo the row no longer shows it; not a
   * particular word, since a resumed session on real Gluster may read Active, Initializing or
   * Stalled (a deaf session, see the stall detection), and the figure is about the change.
   */
  changed: string;
  runs: number;
  /** Give up on one run after this long (ms). */
  timeoutMs: number;
}

export interface Freshness {
  samples: number[];
  median: number;
  worst: number;
}

export function summary(samples: number[]): Freshness {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { samples, median, worst: s.at(-1) ?? NaN };
}

/** The place's frame (georep.html) of WebAdmin's page. */
export async function placeFrameOf(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((x) => x.url().includes('georep.html'));
    if (f) return f;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the Geo-Replication place is not open');
}

declare global {
  interface Window {
    __freshness?: { seen: number | null };
  }
}

/**
 * From now on, note the first time (ms since the epoch) the row shows `word` (`present`), or a row
 * without it (not `present`).
 */
async function arm(frame: Frame, name: string, word: string, present = true): Promise<void> {
  await frame.evaluate(
    ({ name, word, present }) => {
      const row = () =>
        document
          .querySelector(`input[aria-label="Select session ${CSS.escape(name)}"]`)
          ?.closest('tr') ?? null;
      const wanted = () => {
        const r = row();
        return r !== null && r.textContent.includes(word) === present;
      };
      const st = { seen: wanted() ? Date.now() : null };
      window.__freshness = st;
      if (st.seen !== null) return;
      const obs = new MutationObserver(() => {
        if (st.seen === null && wanted()) {
          st.seen = Date.now();
          obs.disconnect();
        }
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { name, word, present },
  );
}

async function seenAt(frame: Frame, what: string, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const at = await frame.evaluate(() => window.__freshness?.seen ?? null);
    if (at !== null) return at;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`${what} not on screen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function shows(
  frame: Frame,
  name: string,
  word: string,
  timeoutMs: number,
  present = true,
): Promise<void> {
  await arm(frame, name, word, present);
  await seenAt(frame, `${name}: ${present ? word : `no longer ${word}`}`, timeoutMs);
}

/**
 * `runs` times: the change, then the time until the row shows it (ms, from the CLI's return); then
 * the undo, waited for on screen too, and a pause so the runs do not overlap.
 */
export async function measureFreshness(page: Page, o: FreshnessOptions): Promise<Freshness> {
  const frame = await placeFrameOf(page);
  await shows(frame, o.sessionName, o.changed, o.timeoutMs, false);
  const samples: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    // Armed first, so a change shown before the CLI returns is not missed (it counts as 0).
    await arm(frame, o.sessionName, o.changed);
    o.change();
    const t0 = Date.now();
    const at = await seenAt(frame, `${o.sessionName}: ${o.changed}`, o.timeoutMs);
    samples.push(Math.max(0, at - t0));
    o.undo();
    await shows(frame, o.sessionName, o.changed, o.timeoutMs + 60_000, false);
    await new Promise((r) => setTimeout(r, 1500));
  }
  return summary(samples);
}
