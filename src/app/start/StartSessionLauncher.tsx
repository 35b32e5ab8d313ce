// The tab's entry to the Start dialog, and the hook that turns a Volumes-list intent into it.
//
// How GeoRepApp/GeoRepPage mounts it (inside GeoRepApp's IntlProvider and QueryClientProvider —
// the dialog uses react-query and react-intl from there):
//
//   // index.tsx: build the services once, next to createGeoRepServices, and pass them down
//   // (e.g. as a new `startServices` field of GeoRepEnvironment, or a prop of GeoRepApp):
//   const startServices = createStartServices(engine, georep);          // ./services
//
//   // GeoRepPage (it knows the clusters, so it can name the intent's cluster):
//   const [start, setStart] = useState<{ clusterId: string; volume?: string } | null>(null);
//   // "New session" button: setStart({ clusterId: selected.id })   (instead of env.onStartSession)
//   useStartSessionIntent(storageOrNull, (intent) =>
//     setStart({ clusterId: intent.clusterId, volume: intent.volumeName }));
//   const cluster = clusters.find((c) => c.id === start?.clusterId);
//   <StartSessionLauncher
//     open={start !== null && cluster !== undefined}
//     clusterId={cluster?.id ?? ''}
//     clusterName={cluster?.name ?? ''}
//     initialVolume={start?.volume}
//     services={startServices}
//     onClose={() => setStart(null)}
//     onCreated={() => { /* optional: select the cluster, toast */ }}
//   />
//
// `storageOrNull` is `window.sessionStorage` (null when storage is disabled): the Volumes list's
// button writes the intent there (src/plugin/intent.ts) and reveals the place. The hook takes it
// once on mount (the place was not open) and again on each `storage` event for INTENT_KEY (the place
// was already open: the event fires in this frame when another frame writes). takeIntent removes
// the intent and ignores stale ones, so a reload does not replay it. Also switch the tab's cluster
// to intent.clusterId so the table behind the dialog shows the right sessions.
//
// The launcher re-reads the cluster's sessions (queryKeys.sessions) whenever a session was created,
// even when it could not be started, then calls onCreated.
import { useQueryClient } from '@tanstack/react-query';
import type { GeoRepSession } from '../../georep/types';
import { DialogSlot, StartSessionDialog } from '../onDemand';
import { queryKeys } from '../queries';
import type { StartServices } from './services';

export { useStartSessionIntent } from './useStartSessionIntent';

export interface StartSessionLauncherProps {
  clusterId: string;
  clusterName: string;
  /** Preselected source volume. */
  initialVolume?: string;
  open: boolean;
  onClose: () => void;
  /** A session was created (session null when the service did not say which, or not in time). */
  onCreated: (session: GeoRepSession | null) => void;
  services: StartServices;
}

/** A fresh Start dialog each time `open` turns true (nothing is kept between openings). */
export function StartSessionLauncher({
  clusterId,
  clusterName,
  initialVolume,
  open,
  onClose,
  onCreated,
  services,
}: StartSessionLauncherProps) {
  const queryClient = useQueryClient();
  // Closed: unmounted, so each opening starts empty (and the SSH dialog's password is gone).
  if (!open) return null;
  // The Start flow is a chunk of its own (../onDemand), loaded on the first opening.
  return (
    <DialogSlot onClose={onClose}>
      <StartSessionDialog
        key={`${clusterId}-${initialVolume ?? ''}`}
        clusterId={clusterId}
        clusterName={clusterName}
        initialVolume={initialVolume}
        services={services}
        onClose={onClose}
        onCreated={(session) => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.sessions(clusterId) });
          onCreated(session);
        }}
      />
    </DialogSlot>
  );
}
