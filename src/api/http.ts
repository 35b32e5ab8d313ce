// HTTP plumbing shared by the engine and geo-rep clients: one axios instance per base URL, the
// user's SSO bearer token on every call, and one error type carrying the engine's {reason, detail}.
import axios, { type AxiosInstance, isAxiosError } from 'axios';

export type ApiErrorKind =
  | 'unauthorized' // 401: token missing or expired
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: wrong state, Gluster's message in detail
  | 'invalid' // 400
  | 'unreachable' // no answer, or 502/503
  | 'timeout' // client timeout or 504
  | 'server'; // anything else

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number | null,
    readonly reason: string,
    readonly detail: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'ApiError';
  }
}

function kindOf(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 504) return 'timeout';
  if (status === 502 || status === 503) return 'unreachable';
  return 'server';
}

/** Turn whatever axios threw into an ApiError with the engine's fault text when there is one. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isAxiosError(err)) {
    if (err.response) {
      const body = err.response.data as { reason?: unknown; detail?: unknown } | undefined;
      const reason =
        typeof body?.reason === 'string'
          ? body.reason
          : err.response.statusText || `HTTP ${err.response.status}`;
      const detail = typeof body?.detail === 'string' ? body.detail : '';
      return new ApiError(kindOf(err.response.status), err.response.status, reason, detail);
    }
    if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') {
      return new ApiError('timeout', null, 'Timed out', err.message);
    }
    return new ApiError('unreachable', null, 'Unreachable', err.message);
  }
  return new ApiError(
    'server',
    null,
    'Unexpected error',
    err instanceof Error ? err.message : String(err),
  );
}

export interface ClientOptions {
  baseURL: string;
  /** Read at each call: WebAdmin may renew the token. */
  token: () => string | null;
  timeoutMs: number;
  /** Extra headers for every call (e.g. the engine's, engineReadHeaders). */
  headers?: Record<string, string>;
}

export function createHttpClient(opts: ClientOptions): AxiosInstance {
  const client = axios.create({
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs,
    headers: { Accept: 'application/json', ...opts.headers },
  });
  client.interceptors.request.use((config) => {
    const token = opts.token();
    if (token) config.headers.set('Authorization', `Bearer ${token}`);
    return config;
  });
  client.interceptors.response.use(undefined, (err: unknown) => Promise.reject(toApiError(err)));
  return client;
}
