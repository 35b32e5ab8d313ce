// A request from WebAdmin (e.g. the Volumes list's "New Geo-Replication Session" button) to the
// Geo-Replication place. Both run in same-origin frames of one WebAdmin tab, so sessionStorage is
// shared: the hidden iframe writes the intent and reveals the place; the place consumes it on load,
// or at once through the `storage` event when it is already open.
export const INTENT_KEY = 'gluster-georep.intent';
/** An intent older than this is stale (a later visit to the place must not replay it). */
export const INTENT_TTL_MS = 60_000;

export interface StartSessionIntent {
  action: 'start-session';
  clusterId: string;
  volumeName: string;
  at: number;
}

export function writeIntent(
  storage: Storage,
  intent: Omit<StartSessionIntent, 'at'>,
  now = Date.now(),
): void {
  storage.setItem(INTENT_KEY, JSON.stringify({ ...intent, at: now }));
}

/** Read and remove the pending intent; null when there is none, it is stale or malformed. */
export function takeIntent(storage: Storage, now = Date.now()): StartSessionIntent | null {
  const raw = storage.getItem(INTENT_KEY);
  if (raw === null) return null;
  storage.removeItem(INTENT_KEY);
  try {
    const v = JSON.parse(raw) as Partial<StartSessionIntent>;
    if (
      v.action === 'start-session' &&
      typeof v.clusterId === 'string' &&
      typeof v.volumeName === 'string' &&
      typeof v.at === 'number' &&
      now - v.at >= 0 &&
      now - v.at < INTENT_TTL_MS
    ) {
      return { action: v.action, clusterId: v.clusterId, volumeName: v.volumeName, at: v.at };
    }
  } catch {
    // malformed: dropped
  }
  return null;
}
