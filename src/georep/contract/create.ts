// The create and preflight request bodies: the one definition of their shape. The service
// validates with these schemas (server/schemas.ts, fastify's Ajv), @fastify/swagger describes them
// in the OpenAPI document, and the types below are derived from them (the UI imports the types
// only: `import type`, nothing of TypeBox reaches the tab's bundle).
import { Type, type Static } from '@sinclair/typebox';

/** An engine id (a cluster's or a host's): what the service accepts before asking the engine. */
export const ENGINE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';

/** A Gluster option name, as the create body's config keys and the option routes take it. */
export const OPTION_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';

/** Options set after create, by Gluster name: {"sync-jobs": "4"}. */
const ConfigMap = Type.Unsafe<Record<string, string | number | boolean>>({
  type: 'object',
  description: 'Options to set after creating, by Gluster name: {"sync-jobs": "4"}.',
  additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  propertyNames: { pattern: OPTION_NAME_PATTERN },
  maxProperties: 64,
});

const fields = {
  primary_volume: Type.String({
    minLength: 1,
    maxLength: 256,
    description: 'The volume of this cluster to replicate.',
  }),
  source_host_id: Type.String({
    pattern: ENGINE_ID_PATTERN,
    description: 'The engine id of the Up host of this cluster to create the session from.',
  }),
  secondary_host: Type.String({
    minLength: 1,
    maxLength: 255,
    description: 'Host name or address of a node of the secondary cluster.',
  }),
  secondary_volume: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 256,
      description: 'The secondary volume. Give exactly one of secondary_volume and secondary_path.',
    }),
  ),
  secondary_path: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 4096,
      pattern: '^/',
      description:
        'A directory on the secondary host (absolute; normalised; not / nor a system directory; empty or missing), instead of ' +
        'secondary_volume: the service creates a single-brick volume on it (glusterd must run on the secondary host; root only), ' +
        'from the primary host over passwordless SSH, and replicates into it.',
    }),
  ),
  secondary_user: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 32,
      default: 'root',
      description: 'root, or the mountbroker user on the secondary host.',
    }),
  ),
  secondary_group: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 32,
      description: 'The mountbroker group; required when secondary_user is not root.',
    }),
  ),
  ssh_port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, default: 22 })),
  force: Type.Optional(
    Type.Boolean({
      default: false,
      description: "Skip Gluster's size and emptiness checks of the secondary.",
    }),
  ),
  start: Type.Optional(
    Type.Boolean({ default: false, description: 'Start the session once created.' }),
  ),
  config: Type.Optional(ConfigMap),
};

/** POST .../clusters/{cluster_id}/sessions */
export const CreateSessionBody = Type.Object(fields, {
  additionalProperties: false,
  description: 'Exactly one of secondary_volume and secondary_path (400 otherwise).',
});
export type CreateSessionRequest = Static<typeof CreateSessionBody>;

/** POST .../clusters/{cluster_id}/preflight: as create, the primary host may be left to the service. */
export const PreflightBody = Type.Object(
  { ...fields, source_host_id: Type.Optional(fields.source_host_id) },
  {
    additionalProperties: false,
    description: 'Exactly one of secondary_volume and secondary_path (400 otherwise).',
  },
);
export type PreflightRequest = Static<typeof PreflightBody>;

/** What the service's create and preflight take in (the primary host checked where it is required). */
export type CreateInput = PreflightRequest;
