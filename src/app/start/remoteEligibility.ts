// Which volumes of a remote Gluster cluster the user sees can be the secondary of a new session, and
// why not: the rules of oVirt's "Show volumes eligible for geo-replication" that the tab can decide
// from what the engine and the sessions it lists tell it (ovirt-engine
// GlusterGeoRepUtil.getEligibilityPredicates, GlusterGeoRepNonEligibilityReason). Size and
// emptiness need the volumes' contents: Check runs them (preflight), as oVirt's create does.
import type { EngineGlusterVolume } from '../../api/engine';
import type { GeoRepSession } from '../../georep/types';

export type IneligibleReason =
  /** SLAVE_VOLUME_SHOULD_BE_UP */
  | { kind: 'not_up'; status: string }
  /** SLAVE_VOLUME_SHOULD_NOT_BE_SLAVE_OF_ANOTHER_GEO_REP_SESSION (among the sessions listed) */
  | { kind: 'in_session'; session: string };

export interface RemoteVolumeChoice {
  name: string;
  status: string;
  /** Empty: eligible. */
  reasons: IneligibleReason[];
}

/**
 * The remote cluster's volumes, eligible first then by name, each with what makes it ineligible.
 * `remoteHosts` are the names and addresses of the remote cluster's hosts, as a session may name
 * any of them; `sessions` are the sessions the tab lists (of the source cluster).
 */
export function remoteVolumeChoices(
  volumes: EngineGlusterVolume[],
  remoteHosts: string[],
  sessions: GeoRepSession[],
): RemoteVolumeChoice[] {
  const hosts = new Set(remoteHosts.map((h) => h.toLowerCase()));
  const choices = volumes.map((v) => {
    const status = (v.status ?? 'unknown').toLowerCase();
    const reasons: IneligibleReason[] = [];
    if (status !== 'up') reasons.push({ kind: 'not_up', status });
    const used = sessions.find(
      (s) => s.secondary_volume === v.name && hosts.has(s.secondary_host.toLowerCase()),
    );
    if (used) {
      reasons.push({
        kind: 'in_session',
        session: `${used.primary_volume} → ${used.secondary_host}::${used.secondary_volume}`,
      });
    }
    return { name: v.name, status, reasons };
  });
  return choices.sort(
    (a, b) =>
      Number(a.reasons.length > 0) - Number(b.reasons.length > 0) || a.name.localeCompare(b.name),
  );
}
