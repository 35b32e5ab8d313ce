// A session as the service answers it, and the engine-style fault, defined once (TypeBox): the
// service serialises with these schemas (fastify's fast-json-stringify: a required field missing is
// an error, a field not named is dropped), the OpenAPI document shows them, and the UI and the
// service use the types derived from them. Shared parts are OpenAPI components, referenced by $id.
import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { Nullable, StringEnum } from './helpers';
import { ProvisionedVolumeSchema, SyncPointSchema } from './results';

const iso = (description: string) => Nullable('string', { format: 'date-time', description });

/** `{ $ref: '<$id>#' }` to a registered component, typed as the component (or null with it). */
function Ref<T extends TSchema & { $id?: string }>(schema: T): TUnsafe<Static<T>> {
  return Type.Unsafe<Static<T>>({ $ref: `${schema.$id!}#` });
}

export const FaultSchema = Type.Object(
  {
    reason: Type.String(),
    detail: Type.String(),
    force_may_help: Type.Optional(
      Type.Boolean({
        description:
          'Only in a 409 of start/stop/pause/resume/delete: whether retrying the same action with force may ' +
          "get past Gluster's refusal (src/georep/force.ts).",
      }),
    ),
  },
  {
    $id: 'Fault',
    description:
      "An error, in the engine's shape: reason says what kind, detail says what happened in plain words.",
  },
);
/** Engine-style fault body. */
export type Fault = Static<typeof FaultSchema>;

export const WORKER_STATUSES = [
  'Active',
  'Passive',
  'Faulty',
  'Initializing',
  'Created',
  'Stopped',
  'Paused',
  'Offline',
] as const;
/** Status of one worker (one primary brick), as Gluster reports it, plus Offline for a brick with no row. */
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

export const SESSION_STATUSES = [
  'Active',
  'Passive',
  'Faulty',
  'PartiallyFaulty',
  // Workers Active by every field Gluster prints, but changes recorded are not synced (src/georep/stall.ts).
  'Stalled',
  'Initializing',
  'Created',
  'Stopped',
  'Paused',
  'Offline',
  'Unknown',
] as const;
/** Roll-up status of a session over its workers. */
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const CRAWL_STATUSES = ['Changelog Crawl', 'History Crawl', 'Hybrid Crawl', 'N/A'] as const;
export type CrawlStatus = (typeof CRAWL_STATUSES)[number];

const CheckpointObject = Type.Object({
  time: Type.String({ description: 'When the checkpoint was set (ISO-8601 UTC).' }),
  completed: Type.Boolean(),
  completion_time: iso('When it completed (ISO-8601 UTC); null until then.'),
  sets_done: Type.Optional(
    Type.Integer({ description: 'Session checkpoint: replica sets known to have reached it.' }),
  ),
  sets_total: Type.Optional(
    Type.Integer({ description: 'Session checkpoint: replica sets of the session.' }),
  ),
  as_of: Type.Optional(
    iso(
      'Session checkpoint: null when read now from the Active workers; else when this service last read it (no worker is Active).',
    ),
  ),
});
export type GeoRepCheckpoint = Static<typeof CheckpointObject>;
// Every reference to it may be null (no checkpoint set): the component says so once. (Type.Object
// would put its own `type: 'object'` over an option.)
export const CheckpointSchema = Type.Unsafe<GeoRepCheckpoint | null>({
  ...CheckpointObject,
  $id: 'GeoRepCheckpoint',
  type: ['object', 'null'],
});
const CheckpointOrNull = Type.Unsafe<GeoRepCheckpoint | null>({ $ref: 'GeoRepCheckpoint#' });

export const StallEvidenceSchema = Type.Object(
  {
    pending_since: Type.String({ description: 'The oldest change waiting (ISO-8601 UTC).' }),
    pending_changelogs: Type.Integer({ description: 'Changelogs recorded after the last sync.' }),
    last_synced: iso("The worker's last sync (ISO-8601 UTC)."),
    stalled_since: Type.String({ description: 'When the service first saw it stalled.' }),
    waited_seconds: Type.Integer({ description: 'How long the oldest change has waited.' }),
  },
  {
    description:
      'Set when the service found this Active worker stalled: changes recorded on its brick and not synced, ' +
      "with nothing being processed, beyond the session's threshold (read on the brick's node). Null otherwise.",
  },
);
/** Why an Active worker is called stalled (src/georep/stall.ts). */
export type StallEvidence = Static<typeof StallEvidenceSchema>;

export const WorkerSchema = Type.Object(
  {
    primary_node: Type.String(),
    primary_node_uuid: Nullable('string'),
    primary_brick: Type.String(),
    replica_set: Type.Integer({
      description: '0-based index of the replica set (subvolume) of this brick.',
    }),
    secondary_user: Type.String(),
    secondary_node: Nullable('string', {
      description: 'The secondary node this worker talks to; null when not running.',
    }),
    status: StringEnum(WORKER_STATUSES),
    crawl_status: Type.Unsafe<CrawlStatus | null>({
      type: ['string', 'null'],
      enum: [...CRAWL_STATUSES, null],
    }),
    last_synced: iso('Last synced time (ISO-8601 UTC); null when never synced or not running.'),
    entry_pending: Nullable('integer'),
    data_pending: Nullable('integer'),
    meta_pending: Nullable('integer'),
    failures: Nullable('integer'),
    checkpoint: CheckpointOrNull,
    // gsyncd's monitor restarts a failed worker (monitor.py: Faulty, 10 s, Initializing, Faulty
    // again...); status then says Faulty, so nothing flickers with each retry (src/georep/recall.ts).
    restarting: Type.Optional(
      Type.Boolean({
        description:
          'Gluster reads it Initializing, but it was Faulty within the crash-loop window: gsyncd is restarting a failed worker, and status says Faulty.',
      }),
    ),
    // Gluster prints N/A for every worker that is not Active (gsyncdstatus.py get_status).
    last_synced_seen: Type.Optional(
      Type.Unsafe<{ time: string; read_at: string } | null>({
        type: ['object', 'null'],
        required: ['time', 'read_at'],
        properties: { time: { type: 'string' }, read_at: { type: 'string' } },
        description:
          'The last last_synced the service read while this worker was Active, and when.',
      }),
    ),
    stall: Type.Optional(
      Type.Unsafe<StallEvidence | null>({ ...StallEvidenceSchema, type: ['object', 'null'] }),
    ),
  },
  { $id: 'GeoRepWorker', description: 'One worker: one primary brick.' },
);
export type GeoRepWorker = Static<typeof WorkerSchema>;

export const NonRootStepSchema = Type.Object({
  step: StringEnum(['accounts', 'setup', 'add', 'restart_glusterd', 'pem_keys']),
  node: Type.String({ description: 'The node (or nodes) it ran on.' }),
  outcome: StringEnum(['done', 'already'], {
    description: 'done: it changed something; already: nothing was needed.',
  }),
  detail: Type.String(),
});
/** One step of the non-root preparation of a secondary (server/mountbroker/prepare.ts). */
export type NonRootStep = Static<typeof NonRootStepSchema>;

export const SessionSchema = Type.Object(
  {
    id: Type.String({ description: 'Stable, URL-safe id derived from the session identity.' }),
    cluster_id: Type.String(),
    primary_volume: Type.String(),
    secondary_host: Type.String(),
    secondary_volume: Type.String(),
    secondary_user: Type.String({
      description: "'root' for a root session; otherwise the mountbroker user.",
    }),
    status: StringEnum(SESSION_STATUSES),
    workers: Type.Array(Ref(WorkerSchema)),
    last_synced: iso('Oldest last-synced time over the Active workers, as Gluster prints it now.'),
    sync_point: Ref(SyncPointSchema),
    lag_seconds: Nullable('number', {
      description: 'Seconds between read_at and the sync point; null when unknown.',
    }),
    checkpoint: CheckpointOrNull,
    read_at: Type.String({
      description: 'When the service read this from Gluster (ISO-8601 UTC).',
    }),
    provisioned_volume: Type.Optional(
      Type.Unsafe<Static<typeof ProvisionedVolumeSchema>>({
        $ref: 'ProvisionedVolume#',
        description:
          'Only in the answer to a create with secondary_path: the volume provisioned on that directory.',
      }),
    ),
    nonroot_preparation: Type.Optional(
      Type.Array(NonRootStepSchema, {
        description:
          'Only in the answer to a create for a non-root secondary user: what the service did on the secondary, step by step (mountbroker).',
      }),
    ),
  },
  {
    $id: 'GeoRepSession',
    description: 'A geo-replication session, as Gluster reported it at read_at.',
  },
);
export type GeoRepSession = Static<typeof SessionSchema>;

export const CONFIG_OPTION_TYPES = ['boolean', 'int', 'string', 'enum', 'path', 'command'] as const;

export const ConfigOptionSchema = Type.Object(
  {
    name: Type.String({ description: "Gluster's option name, dash form (sync-jobs)." }),
    value: Type.String(),
    default: Nullable('string'),
    description: Type.String(),
    type: StringEnum(CONFIG_OPTION_TYPES),
    allowed_values: Type.Unsafe<string[] | null>({
      type: ['array', 'null'],
      items: { type: 'string' },
    }),
    min: Nullable('number'),
    max: Nullable('number'),
    modified: Type.Boolean({ description: 'The value differs from the default.' }),
    read_only: Type.Boolean({ description: 'Managed by Gluster itself: shown, not editable.' }),
  },
  { $id: 'GeoRepConfigOption' },
);
export type GeoRepConfigOption = Static<typeof ConfigOptionSchema>;
