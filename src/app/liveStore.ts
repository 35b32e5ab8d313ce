// Which clusters' sessions arrive pushed (the tab then does not poll them). A tiny external store,
// so the polling hook and the stream hook need not share a component.
import { useSyncExternalStore } from 'react';

const live = new Set<string>();
const listeners = new Set<() => void>();

export function setLive(clusterId: string, on: boolean): void {
  if (on === live.has(clusterId)) return;
  if (on) live.add(clusterId);
  else live.delete(clusterId);
  for (const l of listeners) l();
}

export function useIsLive(clusterId: string | null): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => clusterId !== null && live.has(clusterId),
  );
}
