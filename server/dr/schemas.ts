// JSON schemas of the disaster recovery routes (server/routes/dr.ts), in the style of
// server/schemas.ts: they validate requests and shape the answers (and the OpenAPI document).
import { DR_DAYS } from '../../src/georep/dr';
import {
  ACT_FAULTS,
  READ_FAULTS,
  clusterParams,
  faults,
  nullable,
  ref,
  sessionParams,
} from '../schemas';

const TAG = 'disaster recovery';

const keySchema = {
  type: 'object',
  required: ['primary_volume', 'secondary_host', 'secondary_volume', 'secondary_user'],
  properties: {
    primary_volume: { type: 'string' },
    secondary_host: { type: 'string' },
    secondary_volume: { type: 'string' },
    secondary_user: { type: 'string' },
  },
} as const;

export const scheduleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['frequency', 'days', 'hour', 'minute', 'time_zone', 'after', 'max_wait_minutes'],
  properties: {
    frequency: { type: 'string', enum: ['daily', 'weekly'] },
    days: {
      type: 'array',
      maxItems: 7,
      items: { type: 'string', enum: [...DR_DAYS] },
      description: 'weekly: the days it runs on; daily: empty.',
    },
    hour: { type: 'integer', minimum: 0, maximum: 23 },
    minute: { type: 'integer', minimum: 0, maximum: 59 },
    time_zone: {
      type: 'string',
      maxLength: 64,
      description: 'IANA time zone of hour and minute (e.g. Europe/Prague, UTC).',
    },
    after: {
      type: 'string',
      enum: ['stop', 'pause'],
      description: 'What the session is left in once synced (oVirt stops it).',
    },
    max_wait_minutes: {
      type: 'integer',
      minimum: 1,
      maximum: 1440,
      description: 'How long the sync waits for the checkpoint before it fails.',
    },
  },
} as const;

const setupSchema = {
  type: 'object',
  required: ['storage_domain_id', 'storage_domain_name', 'session', 'schedule', 'set_by', 'set_at'],
  properties: {
    storage_domain_id: { type: 'string' },
    storage_domain_name: { type: 'string' },
    session: keySchema,
    schedule: { ...scheduleSchema, additionalProperties: true },
    set_by: { type: 'string' },
    set_at: { type: 'string' },
  },
} as const;

const recordSchema = {
  type: 'object',
  properties: {
    run_id: { type: 'string' },
    trigger: { type: 'string', enum: ['schedule', 'manual'] },
    by: { type: 'string' },
    due_at: nullable('string'),
    started_at: { type: 'string' },
    ended_at: nullable('string'),
    result: { type: 'string', enum: ['running', 'succeeded', 'failed'] },
    detail: { type: 'string' },
    checkpoint_time: nullable('string'),
    checkpoint_completed_at: nullable('string'),
    data: {
      type: 'object',
      properties: {
        primary_used_bytes: nullable('number'),
        secondary_used_before: nullable('number'),
        secondary_used_after: nullable('number'),
      },
    },
    vms: { type: 'array', items: { type: 'string' } },
    left: { type: 'array', items: { type: 'string' } },
    instance: { type: 'string' },
  },
} as const;

const domainSchema = {
  type: 'object',
  required: ['storage_domain_id', 'storage_domain_name', 'primary_volume', 'sessions'],
  properties: {
    storage_domain_id: { type: 'string' },
    storage_domain_name: { type: 'string' },
    connection: { type: 'string' },
    primary_volume: { type: 'string' },
    sessions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          secondary: { type: 'string' },
          status: { type: 'string' },
        },
      },
    },
    setup: { anyOf: [setupSchema, { type: 'null' }] },
    session_id: nullable('string'),
    setup_problem: nullable('string'),
    last_sync: { anyOf: [recordSchema, { type: 'null' }] },
    last_sync_problem: nullable('string'),
    next_sync_at: nullable('string'),
    running_job: nullable('string'),
  },
} as const;

const stepSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    explain: { type: 'string' },
    state: { type: 'string', enum: ['pending', 'done', 'skipped', 'failed', 'running'] },
    detail: nullable('string'),
    done_at: nullable('string'),
    done_by: nullable('string'),
  },
} as const;

const procedureSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['failover', 'failback'] },
    session_id: { type: 'string' },
    primary: { type: 'string' },
    secondary: { type: 'string' },
    state_on: nullable('string'),
    problem: nullable('string'),
    started_by: nullable('string'),
    started_at: nullable('string'),
    last_synced_point: nullable('string'),
    last_synced_basis: nullable('string'),
    steps: { type: 'array', items: stepSchema },
    next_step: nullable('string'),
    complete: { type: 'boolean' },
  },
} as const;

const volumeParams = {
  type: 'object',
  required: ['cluster_id', 'volume'],
  additionalProperties: false,
  properties: {
    cluster_id: clusterParams.properties.cluster_id,
    volume: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' },
  },
} as const;

const procedureParams = sessionParams;

export const drSchemas = {
  list: {
    tags: [TAG],
    summary:
      "The Gluster storage domains on the cluster's volumes: their sync schedule, last and next sync",
    params: clusterParams,
    response: {
      200: {
        type: 'object',
        required: ['storage_domain'],
        properties: { storage_domain: { type: 'array', items: domainSchema } },
      },
      ...faults(...READ_FAULTS),
    },
  },
  setSchedule: {
    tags: [TAG],
    summary:
      'Set (or, with schedule null, remove) the sync schedule of a storage domain on the volume; kept by Gluster as an option of the volume',
    params: volumeParams,
    body: {
      type: 'object',
      required: ['storage_domain_id'],
      additionalProperties: false,
      properties: {
        storage_domain_id: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' },
        session_id: { type: ['string', 'null'], maxLength: 1024 },
        schedule: { anyOf: [scheduleSchema, { type: 'null' }] },
      },
    },
    response: { 200: domainSchema, ...faults(...ACT_FAULTS) },
  },
  runNow: {
    tags: [TAG],
    summary:
      "Run the storage domain's sync now: snapshot its running VMs, start the session, checkpoint, wait, stop or pause, remove the snapshots; runs as a job",
    params: volumeParams,
    response: { 202: ref('GeoRepJob'), ...faults(...ACT_FAULTS) },
  },
  procedure: {
    tags: [TAG],
    summary:
      'A failover or failback of the session: its steps, which are done (kept by Gluster), the next one',
    params: procedureParams,
    response: { 200: procedureSchema, ...faults(...READ_FAULTS) },
  },
  runStep: {
    tags: [TAG],
    summary:
      'Run one step of a failover or failback (the next one, confirmed by the user); runs as a job',
    params: {
      ...procedureParams,
      required: ['cluster_id', 'session_id', 'step'],
      properties: {
        ...procedureParams.properties,
        step: { type: 'string', pattern: '^[a-z-]{1,40}$' },
      },
    },
    body: {
      type: 'object',
      additionalProperties: false,
      properties: {
        force: {
          type: 'boolean',
          description:
            'Stop with force (the primary site is unreachable, or a node of it is down).',
        },
        ssh_port: { type: 'integer', minimum: 1, maximum: 65535 },
      },
    },
    response: { 202: ref('GeoRepJob'), ...faults(...ACT_FAULTS) },
  },
} as const;
