// A small time-bounded cache that also coalesces loads in flight: while one load for a key runs,
// every other caller for that key waits for the same promise. Failures are never cached.
// Optionally stale-while-revalidate (see the constructor).

interface Entry<V> {
  promise: Promise<V>;
  /** Epoch ms after which a settled value is stale; Infinity while the load runs. */
  expires: number;
  /** A background refresh of this settled entry is running. */
  refreshing: boolean;
}

export class CoalescingCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly reloads = new Map<string, Promise<V>>();

  /**
   * @param staleMs with it, a value up to that long past its lifetime is served at once while one
   *   refresh runs in the background (stale-while-revalidate), so readers never queue behind a
   *   slow load; a failed refresh leaves the stale value until it is too old.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
    private readonly staleMs = 0,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && hit.expires > now) return hit.promise;
    if (hit && hit.expires + this.staleMs > now) {
      if (!hit.refreshing) this.refresh(key, hit, load);
      return hit.promise;
    }
    if (hit) this.entries.delete(key);
    this.evictIfFull();
    const entry: Entry<V> = {
      promise: Promise.resolve() as Promise<V>,
      expires: Infinity,
      refreshing: false,
    };
    entry.promise = (async () => load())().then(
      (value) => {
        // Only the entry still in the map gets a lifetime: an invalidated load is not kept.
        if (this.entries.get(key) === entry) {
          if (this.ttlMs > 0) entry.expires = this.now() + this.ttlMs;
          else this.entries.delete(key);
        }
        return value;
      },
      (err: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw err;
      },
    );
    this.entries.set(key, entry);
    return entry.promise;
  }

  /**
   * A value loaded now, kept for readers: joins a load in flight for the key, else loads at once
   * whatever the cached value's age (a scheduled or event-driven refresh).
   */
  reload(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires === Infinity) return hit.promise;
    const running = this.reloads.get(key);
    if (running) return running;
    if (!hit) return this.get(key, load);
    // Readers keep the settled value meanwhile; it is replaced only by a success, and only if no
    // invalidation came in between (an action wants a read that starts after it).
    hit.refreshing = true;
    const p = (async () => load())()
      .then((value) => {
        if (this.entries.get(key) === hit) {
          if (this.ttlMs > 0)
            this.entries.set(key, {
              promise: Promise.resolve(value),
              expires: this.now() + this.ttlMs,
              refreshing: false,
            });
          else this.entries.delete(key);
        }
        return value;
      })
      .finally(() => {
        hit.refreshing = false;
        this.reloads.delete(key);
      });
    this.reloads.set(key, p);
    return p;
  }

  /** Load anew behind a stale entry; the fresh value replaces it only if it is still the one kept. */
  private refresh(key: string, stale: Entry<V>, load: () => Promise<V>): void {
    stale.refreshing = true;
    (async () => load())().then(
      (value) => {
        if (this.entries.get(key) === stale) {
          this.entries.set(key, {
            promise: Promise.resolve(value),
            expires: this.now() + this.ttlMs,
            refreshing: false,
          });
        }
      },
      () => {
        stale.refreshing = false;
      },
    );
  }

  /** Forget a key: the next `get` loads afresh, even if a load is in flight now. */
  invalidate(key: string): void {
    this.entries.delete(key);
  }

  /** Forget every key for which `match` is true. */
  invalidateWhere(match: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (match(key)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evictIfFull(): void {
    if (this.entries.size < this.maxEntries) return;
    const now = this.now();
    for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k);
    // Still full: drop the oldest insertions (Map iterates in insertion order).
    for (const k of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(k);
    }
  }
}
