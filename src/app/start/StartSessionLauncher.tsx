// The tab's entry to the Start dialog: GeoRepPage mounts it (open from the "New session" buttons
// or from the Volumes list's intent, useStartSessionIntent). Closed, nothing is mounted, so each
// opening starts empty and the SSH dialog's password is gone; the dialog itself is a chunk of its
// own (../onDemand). Whenever a session was created (even one that could not be started) the
// cluster's sessions are re-read (queryKeys.sessions), then onCreated is called.
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
