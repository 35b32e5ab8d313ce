// The Volumes list's "Remote Data Sync Setup" intent (src/plugin/intent.ts, its own key): taken
// once at mount, then at every `storage` event for its key, as useStartSessionIntent does.
import { useEffect, useEffectEvent } from 'react';
import { DR_INTENT_KEY, takeDrIntent, type DrSetupIntent } from '../../plugin/intent';

export function useDrSetupIntent(
  storage: Storage | null,
  onIntent: (intent: DrSetupIntent) => void,
): void {
  const deliver = useEffectEvent(() => {
    if (!storage) return;
    const intent = takeDrIntent(storage);
    if (intent) onIntent(intent);
  });
  useEffect(() => {
    if (!storage) return undefined;
    deliver();
    const onStorage = (e: StorageEvent) => {
      if (e.key === DR_INTENT_KEY && e.newValue !== null) deliver();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [storage]);
}

/**
 * Calls `onReady` once the request for this cluster can be answered (the storage domains are
 * read): the DR panel then opens the set-up or says why it cannot.
 */
export function useWhenReady<T, R>(
  request: R | null | undefined,
  data: T | undefined,
  onReady: (r: R, d: T) => void,
): void {
  const fire = useEffectEvent((r: R, d: T) => onReady(r, d));
  useEffect(() => {
    if (request && data !== undefined) fire(request, data);
  }, [request, data]);
}
