// Shapes the service answers with, defined once (TypeBox): the service's schemas and OpenAPI
// document use the schemas, the UI and the service the derived types.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from './helpers';

export const ProvisionedVolumeSchema = Type.Object(
  {
    name: Type.String({
      description:
        'Derived from the path: georep-<path parts joined by "-">, with a short hash when needed to stay unique.',
    }),
    host: Type.String({ description: 'The secondary host; the brick is <host>:<path>.' }),
    path: Type.String({ description: 'The directory, absolute and normalised.' }),
    reused: Type.Boolean({
      description: 'A volume the service provisioned earlier on the same directory was reused.',
    }),
  },
  {
    $id: 'ProvisionedVolume',
    description:
      'A single-brick volume the service created on a directory of the secondary host (Gluster 10 replicates only into volumes), ' +
      'marked with the volume option user.ovirt-georep.provisioned=true.',
  },
);
/** A single-brick secondary volume the service created on a directory of the secondary host. */
export type ProvisionedVolume = Static<typeof ProvisionedVolumeSchema>;

const iso = (description: string) => Nullable('string', { format: 'date-time', description });

export const SyncPointSchema = Type.Object(
  {
    time: iso('Everything written before it is on the secondary; null when not known.'),
    /**
     * - `live`: read now from the Active worker of every replica set;
     * - `seen`: at least one replica set is not syncing now (stopped, paused, Faulty, Passive
     *   only): its point is the last one this service read while it synced (`as_of`);
     * - `never`: nothing synced yet, or the session was never started;
     * - `unknown`: not reported while the workers do not run, and not seen by this service.
     */
    source: StringEnum(['live', 'seen', 'never', 'unknown'], {
      description:
        'live: read now from every set; seen: a set is not syncing now and its point is the last one read while it synced; never: nothing synced yet; unknown: not reported while the workers do not run, and not seen by this service.',
    }),
    as_of: iso('For seen: when the oldest of the readings used was taken.'),
  },
  {
    $id: 'GeoRepSyncPoint',
    description:
      'How far the secondary is known to be in sync over every replica set. Gluster prints last_synced only for Active workers; for the others this is the last value the service read while they synced.',
  },
);
/** How far the secondary is known to be in sync, and how that is known. */
export type SyncPoint = Static<typeof SyncPointSchema>;

export const PreflightCheckSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    outcome: StringEnum(['pass', 'fail', 'skipped']),
    severity: StringEnum(['blocker', 'forceable', 'info'], {
      description:
        'blocker: force cannot bypass it; forceable: creating with force bypasses it; info: never blocks.',
    }),
    evidence: Type.String(),
  },
  { $id: 'PreflightCheck' },
);
export type PreflightCheck = Static<typeof PreflightCheckSchema>;
export type PreflightOutcome = PreflightCheck['outcome'];
