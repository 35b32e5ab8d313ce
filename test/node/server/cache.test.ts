// The coalescing cache under the status read, token checks and permission reads.
import { CoalescingCache } from '../../../server/cache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('CoalescingCache', () => {
  let now = 1_000;
  const clock = () => now;

  it('runs one load for concurrent callers and keeps the value for the ttl', async () => {
    const c = new CoalescingCache<number>(100, 10, clock);
    let loads = 0;
    const d = deferred<number>();
    const load = () => {
      loads++;
      return d.promise;
    };
    const all = Promise.all([c.get('k', load), c.get('k', load), c.get('k', load)]);
    d.resolve(7);
    expect(await all).toEqual([7, 7, 7]);
    expect(loads).toBe(1);
    now += 99;
    expect(await c.get('k', () => Promise.resolve(8))).toBe(7);
    now += 2;
    expect(await c.get('k', () => Promise.resolve(8))).toBe(8);
  });

  it('never keeps a failure', async () => {
    const c = new CoalescingCache<number>(1_000, 10, clock);
    await expect(c.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await c.get('k', () => Promise.resolve(1))).toBe(1);
  });

  it('does not keep a load that was invalidated while in flight', async () => {
    const c = new CoalescingCache<string>(1_000, 10, clock);
    const d = deferred<string>();
    const old = c.get('k', () => d.promise);
    c.invalidate('k');
    const fresh = c.get('k', () => Promise.resolve('new'));
    d.resolve('old');
    expect(await old).toBe('old');
    expect(await fresh).toBe('new');
    expect(await c.get('k', () => Promise.resolve('newer'))).toBe('new');
  });

  it('stays within its size', async () => {
    const c = new CoalescingCache<number>(1_000, 3, clock);
    for (let i = 0; i < 10; i++) await c.get(`k${i}`, () => Promise.resolve(i));
    expect(c.size).toBeLessThanOrEqual(3);
  });
});

describe('CoalescingCache, stale-while-revalidate', () => {
  it('serves the stale value at once while one refresh runs, then the fresh one', async () => {
    const { CoalescingCache } = await import('../../../server/cache');
    let t = 0;
    const cache = new CoalescingCache<number>(100, 10, () => t, 100);
    let loads = 0;
    let release: (v: number) => void = () => undefined;
    const load = () => {
      loads++;
      return loads === 1 ? Promise.resolve(1) : new Promise<number>((r) => (release = r));
    };
    expect(await cache.get('k', load)).toBe(1);
    t = 150; // expired, within the stale window
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    expect(loads).toBe(2); // one refresh for both readers
    release(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', load)).toBe(2);
    t = 400; // past the stale window too: the reader waits for a load
    const p = cache.get('k', () => Promise.resolve(3));
    expect(await p).toBe(3);
  });

  it('an invalidated key is loaded afresh, never served stale', async () => {
    const { CoalescingCache } = await import('../../../server/cache');
    let t = 0;
    const cache = new CoalescingCache<number>(100, 10, () => t, 100);
    await cache.get('k', () => Promise.resolve(1));
    t = 150;
    cache.invalidate('k');
    expect(await cache.get('k', () => Promise.resolve(2))).toBe(2);
  });
});
