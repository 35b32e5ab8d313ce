// Disaster recovery of storage domains on the wire (server/routes/dr.ts): the schedule, the
// set-up and the last sync's record Gluster keeps as volume options (src/georep/dr.ts), the
// storage domain view, a failover's or failback's steps, and the request bodies. One definition
// (TypeBox) for the service's validation, its OpenAPI document and the types the UI and the
// service use (the UI imports the types only).
import { Type, type Static } from '@sinclair/typebox';
import { DR_DAYS } from '../drDays';
import { Nullable, StringEnum } from './helpers';

const scheduleFields = {
  frequency: StringEnum(['daily', 'weekly']),
  days: Type.Array(StringEnum(DR_DAYS), {
    maxItems: 7,
    description: 'weekly: the days it runs on (at least one); daily: empty.',
  }),
  hour: Type.Integer({ minimum: 0, maximum: 23 }),
  minute: Type.Integer({ minimum: 0, maximum: 59 }),
  time_zone: Type.String({
    maxLength: 64,
    description: 'IANA time zone of hour and minute (e.g. Europe/Prague, UTC).',
  }),
  after: StringEnum(['stop', 'pause'], {
    description: 'What the session is left in once synced (oVirt stops it).',
  }),
  max_wait_minutes: Type.Integer({
    minimum: 1,
    maximum: 1440,
    description: 'How long the sync waits for the checkpoint before it fails.',
  }),
};

/**
 * A storage domain's sync schedule: oVirt 4.5's StorageSyncSchedule (daily or weekly on days, at
 * an hour and minute) with the time zone, what to leave the session in and the longest wait said.
 */
export const DrScheduleSchema = Type.Object(scheduleFields, { additionalProperties: false });
export type DrSchedule = Static<typeof DrScheduleSchema>;

const SessionKeySchema = Type.Object({
  primary_volume: Type.String(),
  secondary_host: Type.String(),
  secondary_volume: Type.String(),
  secondary_user: Type.String(),
});

/**
 * The set-up of a storage domain's scheduled sync (user.ovirt-georep.dr-sync on its primary
 * volume). Read back from Gluster, a later version's extra fields are let through.
 */
export const DrSetupSchema = Type.Object({
  storage_domain_id: Type.String(),
  storage_domain_name: Type.String(),
  /** The session it syncs through (its primary volume holds this record). */
  session: SessionKeySchema,
  schedule: Type.Object(scheduleFields),
  set_by: Type.String(),
  set_at: Type.String(),
});
export type DrSetup = Static<typeof DrSetupSchema>;

/** What a storage domain sync did (user.ovirt-georep.dr-last on the primary volume). */
export const DrSyncRecordSchema = Type.Object({
  run_id: Type.String(),
  trigger: StringEnum(['schedule', 'manual']),
  by: Type.String({ description: 'The user who ran it now, or the account of the scheduled run.' }),
  due_at: Nullable('string', { description: 'The scheduled time it ran for (schedule only).' }),
  started_at: Type.String(),
  ended_at: Nullable('string'),
  result: StringEnum(['running', 'succeeded', 'failed']),
  detail: Type.String({
    description: 'In the user\u2019s words: what happened, or why it failed.',
  }),
  checkpoint_time: Nullable('string', {
    description: 'The checkpoint the secondary reached: everything written before it is there.',
  }),
  checkpoint_completed_at: Nullable('string'),
  data: Type.Object(
    {
      primary_used_bytes: Nullable('number'),
      secondary_used_before: Nullable('number'),
      secondary_used_after: Nullable('number'),
    },
    {
      description:
        "How much data: the primary volume's used bytes, the secondary's before and after (null when unknown).",
    },
  ),
  vms: Type.Array(Type.String(), {
    description: 'VMs snapshotted for the sync (their temporary snapshots are removed after it).',
  }),
  left: Type.Array(Type.String(), {
    description: 'What a failure left behind for the administrator (snapshots, session state).',
  }),
  instance: Type.String({
    description: 'The service instance that ran it (several may run; one claims each run).',
  }),
});
export type DrSyncRecord = Static<typeof DrSyncRecordSchema>;

/** A Gluster storage domain of a cluster's volume, with its sync set-up. */
export const DrDomainViewSchema = Type.Object({
  storage_domain_id: Type.String(),
  storage_domain_name: Type.String(),
  connection: Type.String({
    description: '`host:/volume` as the engine records the domain\u2019s connection.',
  }),
  primary_volume: Type.String(),
  sessions: Type.Array(
    Type.Object({ id: Type.String(), secondary: Type.String(), status: Type.String() }),
    { description: 'Sessions of the volume that can carry its sync.' },
  ),
  setup: Type.Union([DrSetupSchema, Type.Null()]),
  session_id: Nullable('string', {
    description: 'The session id of the set-up (null when the session is gone from Gluster).',
  }),
  setup_problem: Nullable('string'),
  last_sync: Type.Union([DrSyncRecordSchema, Type.Null()]),
  last_sync_problem: Nullable('string'),
  next_sync_at: Nullable('string'),
  running_job: Nullable('string', {
    description: 'A run of this service is going on now (its job id).',
  }),
});
export type DrDomainView = Static<typeof DrDomainViewSchema>;

export const DrProcedureStepViewSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  explain: Type.String({
    description: 'What it does, with the commands it runs: shown before the user confirms.',
  }),
  state: StringEnum(['pending', 'done', 'skipped', 'failed', 'running']),
  detail: Nullable('string'),
  done_at: Nullable('string'),
  done_by: Nullable('string'),
});
export type DrProcedureStepView = Static<typeof DrProcedureStepViewSchema>;

/** A failover or failback of a session: its steps, which are done (kept by Gluster), the next one. */
export const DrProcedureViewSchema = Type.Object({
  kind: StringEnum(['failover', 'failback']),
  session_id: Type.String(),
  primary: Type.String(),
  secondary: Type.String(),
  state_on: Nullable('string', {
    description:
      "Where the promoted volume's state is kept (<cluster>/<volume>), or null when it cannot be.",
  }),
  problem: Nullable('string'),
  started_by: Nullable('string'),
  started_at: Nullable('string'),
  last_synced_point: Nullable('string', {
    description:
      'Everything written to the primary before this is on the secondary (null when unknown).',
  }),
  last_synced_basis: Nullable('string'),
  steps: Type.Array(DrProcedureStepViewSchema),
  next_step: Nullable('string', { description: 'The next step to run (null when complete).' }),
  complete: Type.Boolean(),
});
export type DrProcedureView = Static<typeof DrProcedureViewSchema>;

/** PUT .../volumes/{volume}/dr-schedule */
export const DrScheduleBody = Type.Object(
  {
    storage_domain_id: Type.String({ pattern: '^[0-9a-fA-F-]{36}$' }),
    session_id: Type.Optional(Nullable('string', { maxLength: 1024 })),
    schedule: Type.Optional(Type.Union([DrScheduleSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type DrScheduleRequest = Static<typeof DrScheduleBody>;

/** POST .../sessions/{session_id}/{failover|failback}/steps/{step} */
export const DrStepBody = Type.Object(
  {
    force: Type.Optional(
      Type.Boolean({
        description: 'Stop with force (the primary site is unreachable, or a node of it is down).',
      }),
    ),
    ssh_port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  },
  { additionalProperties: false },
);
export type DrStepRequest = Static<typeof DrStepBody>;
