// JSON Schemas of every route: fastify validates requests with them and @fastify/swagger describes
// the API from them (GET <prefix>/openapi.json). Shared shapes are registered once with an $id and
// become OpenAPI components. Wire names follow src/georep/types.ts.

import {
  CheckpointSchema,
  ConfigOptionSchema,
  FaultSchema,
  SessionSchema,
  WorkerSchema,
  CreateSessionBody,
  ENGINE_ID_PATTERN,
  GeoRepDiagnosisSchema,
  GeoRepJobSchema,
  PreflightBody,
  PreflightCheckSchema,
  ProvisionedVolumeSchema,
  SyncPointSchema,
} from '../src/georep/contract';

// Defined once in the wire contract; re-exported under the names the routes use.
export {
  CheckpointSchema,
  ConfigOptionSchema,
  FaultSchema,
  PreflightCheckSchema,
  ProvisionedVolumeSchema,
  SessionSchema,
  SyncPointSchema,
  WorkerSchema,
};

// The job and the diagnosis are defined once, in the wire contract (src/georep/contract/jobs.ts).
export const JobSchema = GeoRepJobSchema;
export const DiagnosisSchema = GeoRepDiagnosisSchema;

export const sharedSchemas = [
  JobSchema,
  DiagnosisSchema,
  FaultSchema,
  CheckpointSchema,
  SyncPointSchema,
  WorkerSchema,
  ProvisionedVolumeSchema,
  SessionSchema,
  ConfigOptionSchema,
  PreflightCheckSchema,
];

export const ref = (id: string) => ({ $ref: `${id}#` });

/** Every error status a route can answer with, each a Fault. */
export function faults(...codes: number[]): Record<number, unknown> {
  const words: Record<number, string> = {
    400: 'The request is not valid: the detail names the field and why.',
    401: 'No valid SSO token.',
    403: 'The user may not do this; the detail says why.',
    404: 'No such cluster (or not visible to the user), session or option.',
    409: "Gluster refused: the detail carries Gluster's own message.",
    502: 'The engine or every Up host of the cluster could not be reached, or the cluster has no Up host.',
    504: 'Gluster did not answer in time.',
  };
  const out: Record<number, unknown> = {};
  for (const c of [401, ...codes]) out[c] = { description: words[c], ...ref('Fault') };
  return out;
}

export const READ_FAULTS = [404, 502, 504];
export const ACT_FAULTS = [400, 403, 404, 409, 502, 504];

/**
 * The faults of start/stop/pause/resume/delete: their 409 (Gluster refused) also says whether
 * force may get past the refusal (the rule: src/georep/force.ts).
 */
function sessionActionFaults(): Record<number, unknown> {
  return {
    ...faults(...ACT_FAULTS),
    409: {
      description:
        "Gluster refused: the detail carries Gluster's own message; force_may_help says whether " +
        "retrying with force may get past this refusal: true when Gluster's force skips the check that " +
        'refused (e.g. stop while a peer is down, start of a session Gluster has as started, pause of a ' +
        'paused one); false when Gluster refuses this with force too (pause or resume while a peer is ' +
        'down, a primary volume that is not started, delete of a running session: delete has no force), ' +
        'or when the refused attempt was already forced.',
      ...ref('Fault'),
    },
  };
}

// ---------------------------------------------------------------- parameters

const ID = ENGINE_ID_PATTERN;

export const clusterParams = {
  type: 'object',
  required: ['cluster_id'],
  additionalProperties: false,
  properties: {
    cluster_id: { type: 'string', pattern: ID, description: 'The engine id of a Gluster cluster.' },
  },
} as const;

const sessionIdProp = {
  type: 'string',
  minLength: 1,
  maxLength: 1024,
  pattern: '^[A-Za-z0-9._~-]+$',
  description: 'A session id as listed by GET .../sessions.',
};

export const sessionParams = {
  type: 'object',
  required: ['cluster_id', 'session_id'],
  additionalProperties: false,
  properties: { cluster_id: clusterParams.properties.cluster_id, session_id: sessionIdProp },
} as const;

export const optionParams = {
  type: 'object',
  required: ['cluster_id', 'session_id', 'name'],
  additionalProperties: false,
  properties: {
    cluster_id: clusterParams.properties.cluster_id,
    session_id: sessionIdProp,
    name: {
      type: 'string',
      pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$',
      description: "Gluster's option name (sync-jobs or sync_jobs).",
    },
  },
} as const;

// ---------------------------------------------------------------- bodies

// The create and preflight bodies are defined once, in the wire contract (src/georep/contract).
export const createBody = CreateSessionBody;
export const preflightBody = PreflightBody;

export const actionBody = {
  type: 'object',
  additionalProperties: false,
  properties: { force: { type: 'boolean', default: false } },
} as const;

export const configValueBody = {
  type: 'object',
  additionalProperties: false,
  required: ['value'],
  properties: {
    value: {
      anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
      description: 'The new value, checked against the option catalogue.',
    },
  },
} as const;

export const deleteQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reset_sync_time: {
      type: 'boolean',
      default: false,
      description:
        'Forget the sync time, so a new session to the same secondary starts with a full crawl.',
    },
    remove_provisioned_volume: {
      type: 'boolean',
      default: false,
      description:
        'Also stop and delete the secondary volume, when this service provisioned it for a directory target ' +
        '(409 otherwise, and nothing is deleted). Gluster keeps the files in the directory.',
    },
  },
} as const;

// ---------------------------------------------------------------- responses

const sessionList = {
  type: 'object',
  required: ['georep_session', 'read_at', 'backend'],
  properties: {
    georep_session: { type: 'array', items: ref('GeoRepSession') },
    read_at: { type: 'string' },
    backend: { type: 'string', enum: ['sim', 'cli'] },
  },
} as const;

// Gluster accepted the action. The session's state is not in the answer: the service starts a
// read of the cluster as it answers, and GET .../sessions (or the stream) returns that read.
const actionResult = {
  type: 'object',
  required: ['status'],
  description:
    'Gluster accepted the action. The session state is not part of the answer: a read of the cluster starts as the service answers, and GET .../sessions returns it (a request made meanwhile joins that read).',
  properties: {
    status: { type: 'string', enum: ['complete'] },
  },
} as const;

const TAG_SESSIONS = 'sessions';

export const routeSchemas = {
  root: {
    tags: ['service'],
    summary: 'What this service is and which Gluster backend it uses',
    response: {
      200: {
        type: 'object',
        properties: {
          product_info: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              vendor: { type: 'string' },
              version: {
                type: 'object',
                properties: {
                  major: { type: 'integer' },
                  minor: { type: 'integer' },
                  full_version: { type: 'string' },
                },
              },
            },
          },
          backend: { type: 'string', enum: ['sim', 'cli'] },
          gluster_timeout_ms: {
            type: 'integer',
            description: 'The Gluster command timeout, when the service was given one.',
          },
          links: {
            type: 'array',
            items: {
              type: 'object',
              properties: { rel: { type: 'string' }, href: { type: 'string' } },
            },
          },
        },
      },
      ...faults(),
    },
  },
  openapi: { tags: ['service'], summary: 'This API, as OpenAPI 3', response: { ...faults() } },
  listSessions: {
    tags: [TAG_SESSIONS],
    summary: 'Every geo-replication session whose primary volume is in the cluster',
    params: clusterParams,
    response: { 200: sessionList, ...faults(...READ_FAULTS) },
  },
  getSession: {
    tags: [TAG_SESSIONS],
    summary: 'One session',
    params: sessionParams,
    response: { 200: ref('GeoRepSession'), ...faults(...READ_FAULTS) },
  },
  createSession: {
    tags: [TAG_SESSIONS],
    summary:
      'Create a session (push-pem) from a host of the cluster, apply options, start it if asked; with secondary_path, ' +
      'first provision a single-brick volume on that directory of the secondary host',
    params: clusterParams,
    body: createBody,
    response: { 201: ref('GeoRepSession'), ...sessionActionFaults() },
  },
  action: (verb: string) => ({
    tags: [TAG_SESSIONS],
    summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} the session`,
    params: sessionParams,
    body: actionBody,
    response: { 200: actionResult, ...sessionActionFaults() },
  }),
  deleteSession: {
    tags: [TAG_SESSIONS],
    summary:
      'Delete the session (it must be stopped); optionally the volume the service provisioned for it',
    params: sessionParams,
    querystring: deleteQuery,
    response: {
      200: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['complete'] },
          provisioned_volume: {
            type: 'object',
            description: 'With remove_provisioned_volume: the volume that was stopped and deleted.',
            properties: {
              name: { type: 'string' },
              host: { type: 'string' },
              path: { type: 'string' },
              removed: { type: 'boolean' },
              data_kept: {
                type: 'boolean',
                description: "Always true: Gluster's volume delete keeps the directory's files.",
              },
            },
          },
          detail: { type: 'string', description: 'What was done, in plain words.' },
        },
      },
      ...sessionActionFaults(),
    },
  },
  recover: {
    tags: [TAG_SESSIONS],
    summary:
      'Recover a stalled session: restart its workers (by resetting an option it does not modify), wait, check, again within a bound; runs as a job',
    params: sessionParams,
    response: { 202: ref('GeoRepJob'), ...faults(...ACT_FAULTS) },
  },
  getJob: {
    tags: [TAG_SESSIONS],
    summary: 'A job (Recover) and its steps',
    params: {
      type: 'object',
      required: ['cluster_id', 'job_id'],
      additionalProperties: false,
      properties: {
        cluster_id: clusterParams.properties.cluster_id,
        job_id: { type: 'string', pattern: '^[0-9a-f-]{36}$' },
      },
    },
    response: { 200: ref('GeoRepJob'), ...faults(...READ_FAULTS) },
  },
  diagnosis: {
    tags: [TAG_SESSIONS],
    summary:
      "Why workers are Faulty or Stalled: the lines of each worker's gsyncd.log that matter, with the known failures they show",
    params: sessionParams,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        brick: {
          type: 'string',
          maxLength: 4096,
          description:
            'One worker (`node:/path` or `/path`); default: every Faulty or Stalled worker.',
        },
      },
    },
    response: { 200: ref('GeoRepDiagnosis'), ...faults(...READ_FAULTS) },
  },
  checkpoint: {
    tags: [TAG_SESSIONS],
    summary: 'Set a checkpoint now (config checkpoint now)',
    params: sessionParams,
    response: { 200: actionResult, ...faults(...ACT_FAULTS) },
  },
  getConfig: {
    tags: ['config'],
    summary:
      "The session's options: every option Gluster lists, with description, type and default",
    params: sessionParams,
    response: {
      200: {
        type: 'object',
        required: ['georep_config_option'],
        properties: { georep_config_option: { type: 'array', items: ref('GeoRepConfigOption') } },
      },
      ...faults(...READ_FAULTS),
    },
  },
  setConfig: {
    tags: ['config'],
    summary: 'Set an option (validated with the option catalogue before Gluster is called)',
    params: optionParams,
    body: configValueBody,
    response: { 200: ref('GeoRepConfigOption'), ...faults(...ACT_FAULTS) },
  },
  resetConfig: {
    tags: ['config'],
    summary: 'Reset an option to its default',
    params: optionParams,
    response: { 200: ref('GeoRepConfigOption'), ...faults(...ACT_FAULTS) },
  },
  preflight: {
    tags: ['sessions'],
    summary: 'Check a would-be session before creating it',
    params: clusterParams,
    body: preflightBody,
    response: {
      200: {
        type: 'object',
        required: ['check', 'can_create', 'can_create_with_force'],
        properties: {
          check: { type: 'array', items: ref('PreflightCheck') },
          can_create: { type: 'boolean', description: 'No check failed.' },
          can_create_with_force: { type: 'boolean', description: 'Only forceable checks failed.' },
          provisioned_volume: {
            $ref: 'ProvisionedVolume#',
            description:
              'With secondary_path: the volume the create would provision (or reuse) on that directory.',
          },
          plan: {
            type: 'string',
            description: 'With secondary_path: what the create would do, in plain words.',
          },
        },
      },
      ...faults(400, 403, 404, 502, 504),
    },
  },
  access: {
    tags: ['access'],
    summary: 'What the user may do on the cluster, with the reason',
    params: clusterParams,
    response: {
      200: {
        type: 'object',
        required: ['can_read', 'can_manage', 'reason'],
        properties: {
          can_read: { type: 'boolean' },
          can_manage: { type: 'boolean' },
          reason: { type: 'string' },
          checked_at: {
            type: 'string',
            format: 'date-time',
            description:
              'When the engine gave this answer: reads reuse it for a few seconds; an action always asks the engine again.',
          },
        },
      },
      ...faults(404, 502),
    },
  },
};
