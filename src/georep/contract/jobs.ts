// A long action's job and a session's diagnosis on the wire: one definition (TypeBox) for the
// service's schemas and OpenAPI document, and the types the UI and the service use.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from './helpers';

export const GeoRepJobStepSchema = Type.Object({
  title: Type.String(),
  state: StringEnum(['running', 'done', 'failed']),
  detail: Nullable('string'),
  started_at: Type.String(),
  ended_at: Nullable('string'),
});
/** One step of a long action (Recover), as it happens. */
export type GeoRepJobStep = Static<typeof GeoRepJobStepSchema>;

export const GeoRepJobSchema = Type.Object(
  {
    id: Type.String(),
    kind: StringEnum(['recover', 'dr-sync', 'failover', 'failback'], {
      description:
        "recover: a stalled session; dr-sync: a storage domain's sync; failover/failback: one step of the procedure.",
    }),
    cluster_id: Type.String(),
    session_id: Type.String(),
    user: Type.String({ description: 'Who started it.' }),
    state: StringEnum(['running', 'succeeded', 'failed']),
    steps: Type.Array(GeoRepJobStepSchema),
    detail: Nullable('string', { description: 'The outcome in plain words, once it ended.' }),
    started_at: Type.String(),
    ended_at: Nullable('string'),
  },
  {
    $id: 'GeoRepJob',
    description:
      "A long action (Recover, a storage domain sync, a failover or failback step) running in the service: its steps as they happen and its outcome. Kept in the service's memory for an hour after it ends.",
  },
);
/** A long action running in the service (POST .../recover answers 202 with it). */
export type GeoRepJob = Static<typeof GeoRepJobSchema>;

export const KnownFailureViewSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  meaning: Type.String(),
  remedy: Type.String(),
  seen_in: Type.Array(Type.String()),
});
/** A known failure (src/georep/known-failures.ts) as the service reports it. */
export type KnownFailureView = Static<typeof KnownFailureViewSchema>;

export const WorkerDiagnosisSchema = Type.Object({
  primary_node: Type.String(),
  primary_brick: Type.String(),
  log_file: Type.String({ description: "The worker's gsyncd.log on its node." }),
  lines: Type.Array(
    Type.Object({
      time: Nullable('string'),
      level: Type.String(),
      text: Type.String(),
    }),
    {
      description:
        'The entries that matter, oldest first, secrets masked (a traceback is one entry).',
    },
  ),
  known_failures: Type.Array(KnownFailureViewSchema),
  /** The log holds more than was read. */
  truncated: Type.Boolean(),
  unavailable: Nullable('string', { description: 'Why nothing could be read, when it could not.' }),
});
/** Why a worker is Faulty or Stalled, from its own gsyncd.log on its node ('' log_file when nothing could be read). */
export type WorkerDiagnosis = Static<typeof WorkerDiagnosisSchema>;

export const GeoRepDiagnosisSchema = Type.Object(
  {
    session_id: Type.String(),
    read_at: Type.String(),
    worker_diagnosis: Type.Array(WorkerDiagnosisSchema),
    /** What the session's status alone shows to be fragile (one secondary node for every worker). */
    findings: Type.Array(KnownFailureViewSchema),
  },
  { $id: 'GeoRepDiagnosis' },
);
export type GeoRepDiagnosis = Static<typeof GeoRepDiagnosisSchema>;
