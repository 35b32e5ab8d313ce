// Whether Storage › Volumes' "New Geo-Replication Session" button is enabled. WebAdmin asks
// isEnabled synchronously with the selected items only, and a GlusterVolume item carries no more
// than id, name and clusterId (plugin/entity/EntityObject.java), neither the volume's status nor
// what the user may do. So the plugin keeps both at hand: each visible Gluster cluster's volume
// statuses (engine REST, as WebAdmin shows them) and whether the user may act on it (the
// service's /access, the engine's own permission rule), read when the place is added, again for a
// volume's cluster whenever the selection changes (the next evaluation sees it) and every minute.
// What is not known yet does not disable the button: the dialog then says what is wrong.
import type { EngineGlusterVolume } from '../api/engine';
import type { GlusterVolumeEntity } from './pluginApi';
import { errorMessage } from '../georep/errorMessage';

export interface VolumeButtonDeps {
  listVolumes: (clusterId: string) => Promise<EngineGlusterVolume[]>;
  /** May the user act on the cluster's geo-replication (the service's answer)? */
  mayAct: (clusterId: string) => Promise<boolean>;
  log: (level: 'info' | 'warning' | 'severe', message: string) => void;
}

export class VolumeButtonState {
  /** Volume id → the engine's status word (`up`, `down`, ...). */
  private readonly status = new Map<string, string>();
  private readonly acting = new Map<string, boolean>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: VolumeButtonDeps) {}

  /** Read (again) what the button needs for these clusters; never throws. */
  refresh(clusterIds: Iterable<string>): Promise<void> {
    return Promise.all([...clusterIds].map((id) => this.refreshCluster(id))).then(() => undefined);
  }

  private refreshCluster(clusterId: string): Promise<void> {
    const running = this.inFlight.get(clusterId);
    if (running) return running;
    const p = Promise.all([
      this.deps.listVolumes(clusterId).then(
        (vols) => {
          for (const v of vols) if (v.status) this.status.set(v.id, v.status.toLowerCase());
        },
        (e: unknown) =>
          this.deps.log('warning', `Volumes of cluster ${clusterId} not read: ${errorMessage(e)}`),
      ),
      this.deps.mayAct(clusterId).then(
        (may) => void this.acting.set(clusterId, may),
        (e: unknown) => {
          this.acting.delete(clusterId);
          this.deps.log('warning', `Access to cluster ${clusterId} not read: ${errorMessage(e)}`);
        },
      ),
    ])
      .then(() => undefined)
      .finally(() => this.inFlight.delete(clusterId));
    this.inFlight.set(clusterId, p);
    return p;
  }

  /**
   * One volume of a Gluster cluster the user sees, not known to be other than Up, on a cluster
   * where the user is not known to be read-only.
   */
  enabled(selected: GlusterVolumeEntity[], glusterClusterIds: ReadonlySet<string>): boolean {
    if (selected.length !== 1) return false;
    const v = selected[0]!;
    if (!glusterClusterIds.has(v.clusterId)) return false;
    const st = this.status.get(v.id);
    if (st !== undefined && st !== 'up') return false;
    return this.acting.get(v.clusterId) !== false;
  }
}
