// JSON Schemas of every route: fastify validates requests with them and @fastify/swagger describes
// the API from them (GET <prefix>/openapi.json). Shared shapes are registered once with an $id and
// become OpenAPI components. Wire names follow src/georep/types.ts.

const nullable = (type: string): { type: string[] } => ({ type: [type, 'null'] });

const iso = (description: string) => ({
  type: ['string', 'null'],
  format: 'date-time',
  description,
});

export const FaultSchema = {
  $id: 'Fault',
  type: 'object',
  description:
    "An error, in the engine's shape: reason says what kind, detail says what happened in plain words.",
  required: ['reason', 'detail'],
  properties: {
    reason: { type: 'string' },
    detail: { type: 'string' },
  },
} as const;

export const CheckpointSchema = {
  $id: 'GeoRepCheckpoint',
  type: ['object', 'null'],
  required: ['time', 'completed', 'completion_time'],
  properties: {
    time: { type: 'string', description: 'When the checkpoint was set (ISO-8601 UTC).' },
    completed: { type: 'boolean' },
    completion_time: iso('When it completed (ISO-8601 UTC); null until then.'),
    sets_done: {
      type: 'integer',
      description: 'Session checkpoint: replica sets known to have reached it.',
    },
    sets_total: {
      type: 'integer',
      description: 'Session checkpoint: replica sets of the session.',
    },
    as_of: iso(
      'Session checkpoint: null when read now from the Active workers; else when this service last read it (no worker is Active).',
    ),
  },
} as const;

export const SyncPointSchema = {
  $id: 'GeoRepSyncPoint',
  type: 'object',
  description:
    'How far the secondary is known to be in sync over every replica set. Gluster prints last_synced only for Active workers; for the others this is the last value the service read while they synced.',
  required: ['time', 'source', 'as_of'],
  properties: {
    time: iso('Everything written before it is on the secondary; null when not known.'),
    source: {
      type: 'string',
      enum: ['live', 'seen', 'never', 'unknown'],
      description:
        'live: read now from every set; seen: a set is not syncing now and its point is the last one read while it synced; never: nothing synced yet; unknown: not reported while the workers do not run, and not seen by this service.',
    },
    as_of: iso('For seen: when the oldest of the readings used was taken.'),
  },
} as const;

export const WorkerSchema = {
  $id: 'GeoRepWorker',
  type: 'object',
  description: 'One worker: one primary brick.',
  required: ['primary_node', 'primary_brick', 'replica_set', 'status'],
  properties: {
    primary_node: { type: 'string' },
    primary_node_uuid: nullable('string'),
    primary_brick: { type: 'string' },
    replica_set: {
      type: 'integer',
      description: '0-based index of the replica set (subvolume) of this brick.',
    },
    secondary_user: { type: 'string' },
    secondary_node: nullable('string'),
    status: {
      type: 'string',
      enum: [
        'Active',
        'Passive',
        'Faulty',
        'Initializing',
        'Created',
        'Stopped',
        'Paused',
        'Offline',
      ],
    },
    crawl_status: {
      type: ['string', 'null'],
      enum: ['Changelog Crawl', 'History Crawl', 'Hybrid Crawl', 'N/A', null],
    },
    last_synced: iso('Last synced time (ISO-8601 UTC).'),
    entry_pending: nullable('integer'),
    data_pending: nullable('integer'),
    meta_pending: nullable('integer'),
    failures: nullable('integer'),
    checkpoint: { $ref: 'GeoRepCheckpoint#' },
    restarting: {
      type: 'boolean',
      description:
        'Gluster reads it Initializing, but it was Faulty within the crash-loop window: gsyncd is restarting a failed worker, and status says Faulty.',
    },
    last_synced_seen: {
      type: ['object', 'null'],
      required: ['time', 'read_at'],
      properties: { time: { type: 'string' }, read_at: { type: 'string' } },
      description: 'The last last_synced the service read while this worker was Active, and when.',
    },
    stall: {
      type: ['object', 'null'],
      description:
        'Set when the service found this Active worker stalled: changes recorded on its brick and not synced, ' +
        "with nothing being processed, beyond the session's threshold (read on the brick's node). Null otherwise.",
      required: [
        'pending_since',
        'pending_changelogs',
        'last_synced',
        'stalled_since',
        'waited_seconds',
      ],
      properties: {
        pending_since: { type: 'string', description: 'The oldest change waiting (ISO-8601 UTC).' },
        pending_changelogs: {
          type: 'integer',
          description: 'Changelogs recorded after the last sync.',
        },
        last_synced: iso("The worker's last sync (ISO-8601 UTC)."),
        stalled_since: { type: 'string', description: 'When the service first saw it stalled.' },
        waited_seconds: { type: 'integer', description: 'How long the oldest change has waited.' },
      },
    },
  },
} as const;

export const ProvisionedVolumeSchema = {
  $id: 'ProvisionedVolume',
  type: 'object',
  description:
    'A single-brick volume the service created on a directory of the remote host (Gluster 10 replicates only into volumes), ' +
    'marked with the volume option user.ovirt-georep.provisioned=true.',
  required: ['name', 'host', 'path', 'reused'],
  properties: {
    name: {
      type: 'string',
      description:
        'Derived from the path: georep-<path parts joined by "-">, with a short hash when needed to stay unique.',
    },
    host: { type: 'string', description: 'The remote host; the brick is <host>:<path>.' },
    path: { type: 'string', description: 'The directory, absolute and normalised.' },
    reused: {
      type: 'boolean',
      description: 'A volume the service provisioned earlier on the same directory was reused.',
    },
  },
} as const;

export const SessionSchema = {
  $id: 'GeoRepSession',
  type: 'object',
  description: 'A geo-replication session, as Gluster reported it at read_at.',
  required: [
    'id',
    'cluster_id',
    'primary_volume',
    'secondary_host',
    'secondary_volume',
    'secondary_user',
    'status',
    'workers',
    'read_at',
  ],
  properties: {
    id: { type: 'string', description: 'Stable, URL-safe id derived from the session identity.' },
    cluster_id: { type: 'string' },
    primary_volume: { type: 'string' },
    secondary_host: { type: 'string' },
    secondary_volume: { type: 'string' },
    secondary_user: { type: 'string' },
    status: {
      type: 'string',
      enum: [
        'Active',
        'Passive',
        'Faulty',
        'PartiallyFaulty',
        'Stalled',
        'Initializing',
        'Created',
        'Stopped',
        'Paused',
        'Offline',
        'Unknown',
      ],
    },
    workers: { type: 'array', items: { $ref: 'GeoRepWorker#' } },
    last_synced: iso('Oldest last-synced time over the Active workers: data is safe up to then.'),
    sync_point: { $ref: 'GeoRepSyncPoint#' },
    lag_seconds: { type: ['number', 'null'] },
    checkpoint: { $ref: 'GeoRepCheckpoint#' },
    read_at: {
      type: 'string',
      description: 'When the service read this from Gluster (ISO-8601 UTC).',
    },
    provisioned_volume: {
      $ref: 'ProvisionedVolume#',
      description:
        'Only in the answer to a create with secondary_path: the volume provisioned on that directory.',
    },
    nonroot_preparation: {
      type: 'array',
      description:
        'Only in the answer to a create for a non-root secondary user: what the service did on the secondary, step by step (mountbroker).',
      items: {
        type: 'object',
        required: ['step', 'node', 'outcome', 'detail'],
        properties: {
          step: {
            type: 'string',
            enum: ['accounts', 'setup', 'add', 'restart_glusterd', 'pem_keys'],
          },
          node: { type: 'string' },
          outcome: { type: 'string', enum: ['done', 'already'] },
          detail: { type: 'string' },
        },
      },
    },
  },
} as const;

export const ConfigOptionSchema = {
  $id: 'GeoRepConfigOption',
  type: 'object',
  required: ['name', 'value', 'default', 'description', 'type', 'modified', 'read_only'],
  properties: {
    name: { type: 'string', description: "Gluster's option name, dash form (sync-jobs)." },
    value: { type: 'string' },
    default: nullable('string'),
    description: { type: 'string' },
    type: { type: 'string', enum: ['boolean', 'int', 'string', 'enum', 'path', 'command'] },
    allowed_values: { type: ['array', 'null'], items: { type: 'string' } },
    min: nullable('number'),
    max: nullable('number'),
    modified: { type: 'boolean', description: 'The value differs from the default.' },
    read_only: { type: 'boolean', description: 'Managed by Gluster itself: shown, not editable.' },
  },
} as const;

export const PreflightCheckSchema = {
  $id: 'PreflightCheck',
  type: 'object',
  required: ['id', 'title', 'outcome', 'severity', 'evidence'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    outcome: { type: 'string', enum: ['pass', 'fail', 'skipped'] },
    severity: {
      type: 'string',
      enum: ['blocker', 'forceable', 'info'],
      description:
        'blocker: force cannot bypass it; forceable: creating with force bypasses it; info: never blocks.',
    },
    evidence: { type: 'string' },
  },
} as const;

const stepSchema = {
  type: 'object',
  required: ['title', 'state', 'detail', 'started_at', 'ended_at'],
  properties: {
    title: { type: 'string' },
    state: { type: 'string', enum: ['running', 'done', 'failed'] },
    detail: nullable('string'),
    started_at: { type: 'string' },
    ended_at: nullable('string'),
  },
} as const;

export const JobSchema = {
  $id: 'GeoRepJob',
  type: 'object',
  description:
    "A long action (Recover) running in the service: its steps as they happen and its outcome. Kept in the service's memory for an hour after it ends.",
  required: [
    'id',
    'kind',
    'cluster_id',
    'session_id',
    'user',
    'state',
    'steps',
    'detail',
    'started_at',
    'ended_at',
  ],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ['recover'] },
    cluster_id: { type: 'string' },
    session_id: { type: 'string' },
    user: { type: 'string', description: 'Who started it.' },
    state: { type: 'string', enum: ['running', 'succeeded', 'failed'] },
    steps: { type: 'array', items: stepSchema },
    detail: { ...nullable('string'), description: 'The outcome in plain words, once it ended.' },
    started_at: { type: 'string' },
    ended_at: nullable('string'),
  },
} as const;

const knownFailureSchema = {
  type: 'object',
  required: ['id', 'title', 'meaning', 'remedy', 'seen_in'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    meaning: { type: 'string' },
    remedy: { type: 'string' },
    seen_in: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const DiagnosisSchema = {
  $id: 'GeoRepDiagnosis',
  type: 'object',
  required: ['session_id', 'read_at', 'worker_diagnosis', 'findings'],
  properties: {
    session_id: { type: 'string' },
    read_at: { type: 'string' },
    worker_diagnosis: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'primary_node',
          'primary_brick',
          'log_file',
          'lines',
          'known_failures',
          'truncated',
          'unavailable',
        ],
        properties: {
          primary_node: { type: 'string' },
          primary_brick: { type: 'string' },
          log_file: { type: 'string', description: "The worker's gsyncd.log on its node." },
          lines: {
            type: 'array',
            description:
              'The entries that matter, oldest first, secrets masked (a traceback is one entry).',
            items: {
              type: 'object',
              required: ['time', 'level', 'text'],
              properties: {
                time: nullable('string'),
                level: { type: 'string' },
                text: { type: 'string' },
              },
            },
          },
          known_failures: { type: 'array', items: knownFailureSchema },
          truncated: { type: 'boolean' },
          unavailable: {
            ...nullable('string'),
            description: 'Why nothing could be read, when it could not.',
          },
        },
      },
    },
    findings: { type: 'array', items: knownFailureSchema },
  },
} as const;

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

const ref = (id: string) => ({ $ref: `${id}#` });

/** Every error status a route can answer with, each a Fault. */
function faults(...codes: number[]): Record<number, unknown> {
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

const READ_FAULTS = [404, 502, 504];
const ACT_FAULTS = [400, 403, 404, 409, 502, 504];

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
        'retrying with force may get past this refusal.',
      type: 'object',
      required: ['reason', 'detail'],
      properties: {
        reason: { type: 'string' },
        detail: { type: 'string' },
        force_may_help: {
          type: 'boolean',
          description:
            'Present when Gluster refused the action itself. ' +
            "true when Gluster's force skips the check that refused (e.g. stop while a peer is down, " +
            'start of a session Gluster has as started, pause of a paused one); false when Gluster ' +
            'refuses this with force too (pause or resume while a peer is down, a primary volume ' +
            'that is not started, delete of a running session: delete has no force), or when the ' +
            'refused attempt was already forced.',
        },
      },
    },
  };
}

// ---------------------------------------------------------------- parameters

const ID = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';

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

const createProperties = {
  primary_volume: {
    type: 'string',
    minLength: 1,
    maxLength: 256,
    description: 'The volume of this cluster to replicate.',
  },
  source_host_id: {
    type: 'string',
    pattern: ID,
    description: 'The engine id of the Up host of this cluster to create the session from.',
  },
  secondary_host: {
    type: 'string',
    minLength: 1,
    maxLength: 255,
    description: 'Host name or address of a node of the remote (secondary) cluster.',
  },
  secondary_volume: {
    type: 'string',
    minLength: 1,
    maxLength: 256,
    description: 'The remote volume. Give exactly one of secondary_volume and secondary_path.',
  },
  secondary_path: {
    type: 'string',
    minLength: 1,
    maxLength: 4096,
    pattern: '^/',
    description:
      'A directory on the remote host (absolute; normalised; not / nor a system directory; empty or missing), instead of ' +
      'secondary_volume: the service creates a single-brick volume on it (glusterd must run on the remote; root only), ' +
      'from the source host over passwordless SSH, and replicates into it.',
  },
  secondary_user: {
    type: 'string',
    minLength: 1,
    maxLength: 32,
    default: 'root',
    description: 'root, or the mountbroker user on the remote.',
  },
  secondary_group: {
    type: 'string',
    minLength: 1,
    maxLength: 32,
    description: 'The mountbroker group; required when secondary_user is not root.',
  },
  ssh_port: { type: 'integer', minimum: 1, maximum: 65535, default: 22 },
  force: {
    type: 'boolean',
    default: false,
    description: "Skip Gluster's size and emptiness checks of the secondary.",
  },
  start: { type: 'boolean', default: false, description: 'Start the session once created.' },
  config: {
    type: 'object',
    description: 'Options to set after creating, by Gluster name: {"sync-jobs": "4"}.',
    additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' },
    maxProperties: 64,
  },
} as const;

export const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['primary_volume', 'source_host_id', 'secondary_host'],
  description: 'Exactly one of secondary_volume and secondary_path (400 otherwise).',
  properties: createProperties,
} as const;

export const preflightBody = {
  type: 'object',
  additionalProperties: false,
  required: ['primary_volume', 'secondary_host'],
  description: 'Exactly one of secondary_volume and secondary_path (400 otherwise).',
  properties: createProperties,
} as const;

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

const actionResult = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['complete'] },
    georep_session: ref('GeoRepSession'),
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
      'first provision a single-brick volume on that directory of the remote host',
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
