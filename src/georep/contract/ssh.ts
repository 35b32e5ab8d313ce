// Passwordless SSH checks on the wire: why a check failed, and the verify answer. One definition
// for the service (validation, OpenAPI) and the UI (types only).
import { Type, type Static } from '@sinclair/typebox';

/** Why passwordless SSH does not work, as the service classifies it (server/ssh/commands.ts). */
export const VERIFY_FAILURES = [
  'refused',
  'unreachable',
  'timeout',
  'unknown_host_key',
  'host_key_changed',
  'key_rejected',
  'no_such_key_file',
  'bad_key_permissions',
  'auth_failed',
] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export const SshVerifyResultSchema = Type.Object(
  {
    ok: Type.Boolean(),
    failure: Type.Optional(
      Type.Unsafe<VerifyFailure>({ type: 'string', enum: [...VERIFY_FAILURES] }),
    ),
    /** Plain words for the user: what was tried, what happened, what to do. */
    detail: Type.String(),
  },
  {
    $id: 'SshVerifyResult',
    description:
      'Whether passwordless SSH from the host to the secondary host works, and if not, why, in plain words.',
  },
);
/** Whether passwordless SSH works, and if not why, in the service's plain words. */
export type SshVerifyResult = Static<typeof SshVerifyResultSchema>;
