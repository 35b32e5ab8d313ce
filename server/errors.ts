// Faults, in the engine's shape ({reason, detail}), and the one place that maps errors to them.
// `reason` is short and stable (what kind of failure), `detail` says what happened in plain words.
import type { FastifyError } from 'fastify';
import type { Fault } from '../src/georep/types';
import { GlusterCommandError } from './gluster/types';
import { GlusterTimeoutError, GlusterUnreachableError } from './gluster/exec';
import { GlusterNotFoundError, GlusterOutputError } from './gluster/xml';
import { GeoRepValidationError } from '../src/georep/validation';

/** An error with an HTTP status and an engine-style fault body. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    readonly detail: string,
    /** Refusals of start/stop/pause/resume/delete: whether retrying with force may help. */
    readonly forceMayHelp?: boolean,
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  toFault(): Fault {
    return {
      reason: this.reason,
      detail: this.detail,
      ...(this.forceMayHelp === undefined ? {} : { force_may_help: this.forceMayHelp }),
    };
  }
}

export const badRequest = (detail: string): ApiError =>
  new ApiError(400, 'Invalid request', detail);
export const unauthorized = (detail: string): ApiError => new ApiError(401, 'Unauthorized', detail);
export const forbidden = (detail: string): ApiError => new ApiError(403, 'Forbidden', detail);
export const notFound = (detail: string): ApiError => new ApiError(404, 'Not Found', detail);
export const conflict = (detail: string): ApiError => new ApiError(409, 'Operation Failed', detail);
export const badGateway = (detail: string): ApiError => new ApiError(502, 'Bad Gateway', detail);
export const gatewayTimeout = (detail: string): ApiError =>
  new ApiError(504, 'Gateway Timeout', detail);

/**
 * What a Gluster failure means to the caller. `doing` names the step as a gerund phrase, e.g.
 * "pausing the session vmstore -> backup::vol"; Gluster's own words always follow.
 */
export function glusterFault(err: unknown, doing: string): ApiError | null {
  if (err instanceof ApiError) return err;
  const Doing = capitalise(doing);
  if (err instanceof GeoRepValidationError) return badRequest(`${err.field}: ${err.reason}`);
  if (err instanceof GlusterNotFoundError)
    return notFound(`${Doing} failed. Gluster said: ${err.glusterMessage || err.message}`);
  if (err instanceof GlusterCommandError)
    return conflict(`${Doing} failed. Gluster said: ${err.glusterMessage || err.message}`);
  if (err instanceof GlusterTimeoutError) return gatewayTimeout(`${Doing} failed: ${err.message}.`);
  if (err instanceof GlusterUnreachableError) return badGateway(`${Doing} failed: ${err.message}.`);
  if (err instanceof GlusterOutputError) return badGateway(`${Doing} failed: ${err.message}`);
  return null;
}

/** Any error to an ApiError (unknown errors become a 500 without internals). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const g = glusterFault(err, 'the request');
  if (g) return g;
  const fe = err as Partial<FastifyError> | undefined;
  if (fe && Array.isArray(fe.validation)) {
    return badRequest(describeValidation(fe));
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own client errors: bad JSON, wrong content type, body too large.
    return new ApiError(fe.statusCode, 'Invalid request', fe.message ?? 'The request was refused.');
  }
  return new ApiError(
    500,
    'Internal Server Error',
    'The geo-replication service failed unexpectedly; see its log.',
  );
}

/** What a pattern-checked field must look like, in words. */
const FORMS: Record<string, string> = {
  cluster_id: 'must be an engine id (letters, digits, ".", "_" and "-")',
  source_host_id: 'must be an engine host id (letters, digits, ".", "_" and "-")',
  session_id: 'must be a session id as GET .../sessions lists it',
  name: 'must be a Gluster option name such as sync-jobs',
  secondary_path: 'must be an absolute path (starting with "/")',
};

const WHERE: Record<string, string> = {
  body: 'body',
  params: 'path parameter',
  querystring: 'query parameter',
  headers: 'header',
};

/** Ajv errors as one sentence per problem, naming the field and why, in plain words. */
export function describeValidation(err: Partial<FastifyError>): string {
  const where = WHERE[err.validationContext ?? 'body'] ?? 'request';
  const parts = (err.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const params = v.params;
    switch (v.keyword) {
      case 'required':
        return `${where} field '${joinPath(path, String(params.missingProperty))}' is required`;
      case 'additionalProperties':
        return `${where} field '${joinPath(path, String(params.additionalProperty))}' is not known here`;
      case 'type':
        return `${where} field '${path || '(root)'}' must be ${article(String(params.type))}`;
      case 'enum':
        return `${where} field '${path}' must be one of ${(params.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`;
      case 'pattern':
        return `${where} field '${path}' ${FORMS[path.split('.').pop() ?? ''] ?? 'is not in an accepted form'}`;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'minLength':
      case 'maxLength':
      case 'format':
        return `${where} field '${path}' ${v.message ?? 'is not valid'}`;
      default:
        return `${where} ${path ? `field '${path}' ` : ''}${v.message ?? 'is not valid'}`;
    }
  });
  return parts.length
    ? capitalise(parts.join('; ')) + '.'
    : (err.message ?? 'The request is not valid.');
}

const joinPath = (base: string, leaf: string): string => (base ? `${base}.${leaf}` : leaf);
const article = (t: string): string => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
