// The Volumes list's start-session intent (src/plugin/intent.ts), turned into an opening of the
// Start dialog; in the first-paint chunk (the dialog itself is loaded on demand).
import { useEffect, useEffectEvent } from 'react';
import { INTENT_KEY, type StartSessionIntent, takeIntent } from '../../plugin/intent';

/**
 * Calls `onIntent` with a pending start-session intent: once at mount, then on every `storage`
 * event for the intent key. `storage` is window.sessionStorage (null: nothing to listen to).
 */
export function useStartSessionIntent(
  storage: Storage | null,
  onIntent: (intent: StartSessionIntent) => void,
): void {
  const deliver = useEffectEvent(() => {
    if (!storage) return;
    const intent = takeIntent(storage);
    if (intent) onIntent(intent);
  });
  useEffect(() => {
    if (!storage) return undefined;
    deliver();
    const onStorage = (e: StorageEvent) => {
      if (e.key === INTENT_KEY && e.newValue !== null) deliver();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [storage]);
}
