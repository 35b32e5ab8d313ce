// A sub tab of a Gluster volume's detail view (Storage › Volumes › <volume>), the way WebAdmin
// offers one to plugins: PluginUiFunctions.addDetailPlace (ovirt-engine frontend/webadmin/modules/
// webadmin/.../plugin/api/PluginUiFunctions.java:134-160) adds a GWTP tab to the entity's sub tab
// panel (EntityType.GlusterVolume: VolumeSubTabPanelPresenter), placed by `priority` among
// WebAdmin's own tabs (General 0, Bricks 1, Volume Options 2, Permissions 3, Events 4,
// Geo-Replication 4, Snapshots 5: DetailTabDataIndex.java:77-89). Mind that WebAdmin already
// has a "Geo-Replication" sub tab of its own there (volumes-geo_replication).
//
// The tab's page is not told which volume it shows. WebAdmin tells the plugin instead, with
// GlusterVolumeSelectionChange([volume]) as the user opens a volume; the plugin then points the
// tab at it with setPlaceContentUrl (deferred; the tab's frame follows). `select` does that.
import type { GlusterVolumeEntity, PluginApi } from './pluginApi';

export interface VolumeDetailPlace {
  /** The tab's label. */
  label: string;
  /** Its history token (unique in WebAdmin; WebAdmin's own are `volumes-<name>`). */
  token: string;
  /** The page, relative to /ovirt-engine/webadmin/ (e.g. `plugin/gluster-georep/x.html`). */
  contentUrl: string;
  /** GWTP tab priority among WebAdmin's own (see above); default: after all of them. */
  priority?: number;
}

/** The tab's URL for a volume: `?clusterId=&volumeId=&volumeName=` added (kept when null). */
export function volumeContentUrl(contentUrl: string, volume: GlusterVolumeEntity | null): string {
  if (!volume) return contentUrl;
  const q = new URLSearchParams({
    clusterId: volume.clusterId,
    volumeId: volume.id,
    volumeName: volume.name,
  });
  return `${contentUrl}${contentUrl.includes('?') ? '&' : '?'}${q.toString()}`;
}

/** The volume the tab's page was pointed at (volumeContentUrl's parameters), or null. */
export function volumeFromSearch(
  search: string,
): { clusterId: string; volumeId: string; volumeName: string } | null {
  const q = new URLSearchParams(search);
  const clusterId = q.get('clusterId');
  const volumeId = q.get('volumeId');
  const volumeName = q.get('volumeName');
  return clusterId && volumeId && volumeName ? { clusterId, volumeId, volumeName } : null;
}

export interface VolumeDetailPlaceHandle {
  /** Call from GlusterVolumeSelectionChange: one volume selected points the tab at it. */
  select(selected: GlusterVolumeEntity[]): void;
}

/**
 * Adds the sub tab (call it from UiInit or later, never before ready()). Returns what keeps the
 * tab's page on the selected volume.
 */
export function addVolumeDetailPlace(
  api: PluginApi,
  place: VolumeDetailPlace,
): VolumeDetailPlaceHandle {
  api.addDetailPlace(
    'GlusterVolume',
    place.label,
    place.token,
    place.contentUrl,
    place.priority === undefined ? {} : { priority: place.priority },
  );
  let shown: string | null = null;
  return {
    select(selected) {
      const volume = selected.length === 1 ? selected[0]! : null;
      if (!volume || volume.id === shown) return;
      shown = volume.id;
      api.setPlaceContentUrl(place.token, volumeContentUrl(place.contentUrl, volume));
    },
  };
}
