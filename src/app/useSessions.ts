// The data hooks of the tab: clusters (engine), sessions (geo-rep service, polled), access.
import { useQuery } from '@tanstack/react-query';
import type { EngineCluster } from '../api/engine';
import type { ClusterAccess, SessionList } from './environment';
import { useGeoRepEnvironment } from './environment';
import { queryKeys } from './queries';
import { useDocumentVisible } from './useDocumentVisible';
import { useIsLive } from './liveStore';

export function useGlusterClusters() {
  const { services } = useGeoRepEnvironment();
  return useQuery<EngineCluster[]>({
    queryKey: queryKeys.clusters,
    queryFn: () => services.listGlusterClusters(),
    staleTime: 60_000,
  });
}

/**
 * The sessions of a cluster, re-read every refreshIntervalMs while the document is visible (the
 * service coalesces Gluster reads between viewers). On a failed refresh the last data stays.
 */
export function useSessions(clusterId: string | null) {
  const { services, refreshIntervalMs } = useGeoRepEnvironment();
  const visible = useDocumentVisible();
  // Pushed by the service (LiveUpdates): no polling meanwhile.
  const live = useIsLive(clusterId);
  return useQuery<SessionList>({
    queryKey: queryKeys.sessions(clusterId ?? ''),
    queryFn: () => services.listSessions(clusterId!),
    enabled: clusterId !== null,
    refetchInterval: visible && !live ? refreshIntervalMs : false,
    refetchIntervalInBackground: false,
    // Polled data is never "fresh" for longer than one interval.
    staleTime: Math.min(refreshIntervalMs, 5_000),
  });
}

export function useAccess(clusterId: string | null) {
  const { services } = useGeoRepEnvironment();
  return useQuery<ClusterAccess>({
    queryKey: queryKeys.access(clusterId ?? ''),
    queryFn: () => services.getAccess(clusterId!),
    enabled: clusterId !== null,
    staleTime: 60_000,
  });
}
