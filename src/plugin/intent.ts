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
  /** WebAdmin's place the button was clicked in (`volumes`): where Cancel takes the user back. */
  returnTo?: string;
  at: number;
}

/** A WebAdmin place token as its own places are named (`volumes`, `volumes-general`). */
const PLACE_TOKEN_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

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
      return {
        action: v.action,
        clusterId: v.clusterId,
        volumeName: v.volumeName,
        ...(typeof v.returnTo === 'string' && PLACE_TOKEN_RE.test(v.returnTo)
          ? { returnTo: v.returnTo }
          : {}),
        at: v.at,
      };
    }
  } catch {
    // malformed: dropped
  }
  return null;
}

/**
 * The Volumes list's "Remote Data Sync Setup" button: open the storage domain sync set-up of the
 * volume's storage domain. Its own key, so the start-session reader never drops it.
 */
export const DR_INTENT_KEY = 'gluster-georep.dr-intent';

export interface DrSetupIntent {
  action: 'dr-setup';
  clusterId: string;
  volumeName: string;
  at: number;
}

export function writeDrIntent(
  storage: Storage,
  intent: Omit<DrSetupIntent, 'at'>,
  now = Date.now(),
): void {
  storage.setItem(DR_INTENT_KEY, JSON.stringify({ ...intent, at: now }));
}

/** Read and remove the pending DR set-up intent; null when none, stale or malformed. */
export function takeDrIntent(storage: Storage, now = Date.now()): DrSetupIntent | null {
  const raw = storage.getItem(DR_INTENT_KEY);
  if (raw === null) return null;
  storage.removeItem(DR_INTENT_KEY);
  try {
    const v = JSON.parse(raw) as Partial<DrSetupIntent>;
    if (
      v.action === 'dr-setup' &&
      typeof v.clusterId === 'string' &&
      typeof v.volumeName === 'string' &&
      typeof v.at === 'number' &&
      now - v.at >= 0 &&
      now - v.at < INTENT_TTL_MS
    )
      return { action: v.action, clusterId: v.clusterId, volumeName: v.volumeName, at: v.at };
  } catch {
    // malformed: dropped
  }
  return null;
}
