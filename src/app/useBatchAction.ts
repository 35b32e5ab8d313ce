// Runs one action over one or many sessions (or options), one at a time (glusterd takes a
// cluster-wide lock per transaction, so parallel calls would mostly fail with "another transaction
// is in progress"), reports progress, keeps one result per item, and refuses to start a second run
// while one is going: a double click sends once.
import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../api/http';
import { asApiError } from './queries';

export interface ItemResult<T> {
  item: T;
  ok: boolean;
  error: ApiError | null;
}

export interface BatchState<T> {
  running: boolean;
  done: number;
  total: number;
  /** One per item ever run in this dialog; a retry replaces the results of the items it retried. */
  results: ItemResult<T>[];
}

export function useBatchAction<T>(keyOf: (item: T) => string) {
  const busy = useRef(false);
  const results = useRef<ItemResult<T>[]>([]);
  const [state, setState] = useState<BatchState<T>>({
    running: false,
    done: 0,
    total: 0,
    results: [],
  });

  /**
   * Runs fn on every item, in order, then `after` (e.g. re-read the data) while still "running";
   * returns all results so far, or null when a run is already going.
   */
  const run = useCallback(
    async (
      items: readonly T[],
      fn: (item: T) => Promise<unknown>,
      after?: (results: ItemResult<T>[]) => Promise<unknown>,
    ): Promise<ItemResult<T>[] | null> => {
      if (busy.current) return null;
      busy.current = true;
      setState((s) => ({ ...s, running: true, done: 0, total: items.length }));
      const out: ItemResult<T>[] = [];
      try {
        for (const item of items) {
          try {
            await fn(item);
            out.push({ item, ok: true, error: null });
          } catch (e) {
            out.push({ item, ok: false, error: asApiError(e) });
          }
          const done = out.length;
          setState((s) => ({ ...s, done }));
        }
        const retried = new Set(out.map((r) => keyOf(r.item)));
        results.current = [...results.current.filter((r) => !retried.has(keyOf(r.item))), ...out];
        if (after) {
          try {
            await after(results.current);
          } catch {
            // re-reading is best effort; the poll catches up
          }
        }
      } finally {
        const all = results.current;
        setState({ running: false, done: out.length, total: items.length, results: all });
        busy.current = false;
      }
      return results.current;
    },
    [keyOf],
  );

  return { ...state, run };
}
