// Which cluster the tab shows: the one the user picked (remembered), else the deep link's
// (`?cluster=<id>` / `#cluster=<id>`), else the remembered one, else the first. Only clusters the
// user sees count; an unknown deep link is reported, never trusted.
import { useCallback, useMemo, useState } from 'react';
import type { EngineCluster } from '../api/engine';
import { useGeoRepEnvironment } from './environment';
import { clusterFromLocation } from './sessionRules';

export const CLUSTER_STORAGE_KEY = 'gluster-georep.cluster';

export interface ClusterChoice {
  clusterId: string | null;
  cluster: EngineCluster | null;
  choose: (clusterId: string) => void;
  /** The deep link named a cluster that is not among the user's Gluster clusters. */
  unknownDeepLink: string | null;
}

function readStored(store: { getItem(k: string): string | null } | null): string | null {
  try {
    return store?.getItem(CLUSTER_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage may be disabled
  }
}

export function useClusterChoice(clusters: EngineCluster[] | undefined): ClusterChoice {
  const { store, location, setDeepLink } = useGeoRepEnvironment();
  const [picked, setPicked] = useState<string | null>(null);
  const deepLink = useMemo(() => clusterFromLocation(location), [location]);
  const stored = useMemo(() => readStored(store), [store]);

  const choose = useCallback(
    (clusterId: string) => {
      setPicked(clusterId);
      setDeepLink?.({ cluster: clusterId, session: null });
      try {
        store?.setItem(CLUSTER_STORAGE_KEY, clusterId);
      } catch {
        // remembering is a convenience
      }
    },
    [store, setDeepLink],
  );

  return useMemo(() => {
    const list = clusters ?? [];
    const find = (id: string | null) => (id ? (list.find((c) => c.id === id) ?? null) : null);
    const cluster = find(picked) ?? find(deepLink) ?? find(stored) ?? list[0] ?? null;
    return {
      clusterId: cluster?.id ?? null,
      cluster,
      choose,
      unknownDeepLink: clusters && deepLink && !find(deepLink) ? deepLink : null,
    };
  }, [clusters, picked, deepLink, stored, choose]);
}
