// HTTP plumbing shared by the engine and geo-rep clients: one small client per base URL over the
// browser's fetch, the user's SSO bearer token on every call, and one error type carrying the
// engine's {reason, detail}. (fetch rather than axios: the same few calls for 21 KiB gzip less in
// the tab's first paint and in the plugin's iframe; docs/bundle.md.)
import { errorMessage } from '../georep/errorMessage';

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

/** Whatever a call threw, as an ApiError (an ApiError stays as it is). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError('server', null, 'Unexpected error', errorMessage(err));
}

/** The engine's fault body ({reason, detail}) when there is one, else the status line. */
function faultOf(status: number, statusText: string, body: unknown): ApiError {
  const fault = (body && typeof body === 'object' ? body : {}) as {
    reason?: unknown;
    detail?: unknown;
  };
  const reason = typeof fault.reason === 'string' ? fault.reason : statusText || `HTTP ${status}`;
  const detail = typeof fault.detail === 'string' ? fault.detail : '';
  return new ApiError(kindOf(status), status, reason, detail);
}

export interface ClientOptions {
  baseURL: string;
  /** Read at each call: WebAdmin may renew the token. */
  token: () => string | null;
  timeoutMs: number;
  /** Extra headers for every call (e.g. the engine's, engineReadHeaders). */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  /** Query parameters (URL-encoded). */
  params?: Record<string, string>;
  /** This call's own time limit (e.g. a Gluster action), instead of the client's. */
  timeout?: number;
}

export interface HttpResponse<T> {
  data: T;
  status: number;
}

/** One thin client per service: paths relative to its base URL, JSON in and out. */
export interface HttpClient {
  readonly baseURL: string;
  get<T = unknown>(path: string, opts?: RequestOptions): Promise<HttpResponse<T>>;
  delete<T = unknown>(path: string, opts?: RequestOptions): Promise<HttpResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, opts?: RequestOptions): Promise<HttpResponse<T>>;
  put<T = unknown>(path: string, body?: unknown, opts?: RequestOptions): Promise<HttpResponse<T>>;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  if (!/json/i.test(res.headers.get('Content-Type') ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // a proxy's HTML error page: shown as the status line
  }
}

export function createHttpClient(opts: ClientOptions): HttpClient {
  const base = opts.baseURL.endsWith('/') ? opts.baseURL : `${opts.baseURL}/`;
  async function call<T>(
    method: string,
    path: string,
    body: unknown,
    ro: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const query = ro.params ? new URLSearchParams(ro.params).toString() : '';
    const url = `${base}${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
    // A JSON Content-Type only with a body, as axios did: fastify refuses a bodiless DELETE that
    // declares JSON ("Body cannot be empty when content-type is set to 'application/json'").
    const headers: Record<string, string> = Object.fromEntries(
      Object.entries({ Accept: 'application/json', ...opts.headers }).filter(
        ([k]) => k.toLowerCase() !== 'content-type',
      ),
    );
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = opts.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    const timeoutMs = ro.timeout ?? opts.timeoutMs;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: abort.signal,
        credentials: 'same-origin',
      });
    } catch (e) {
      clearTimeout(timer);
      if (abort.signal.aborted) {
        return Promise.reject(
          new ApiError('timeout', null, 'Timed out', `no answer within ${timeoutMs} ms`),
        );
      }
      return Promise.reject(new ApiError('unreachable', null, 'Unreachable', errorMessage(e)));
    }
    try {
      const data = await readBody(res);
      if (!res.ok) throw faultOf(res.status, res.statusText, data);
      return { data: data as T, status: res.status };
    } catch (e) {
      if (abort.signal.aborted && !(e instanceof ApiError)) {
        throw new ApiError('timeout', null, 'Timed out', `no answer within ${timeoutMs} ms`);
      }
      throw toApiError(e);
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    baseURL: base,
    get: (path, ro) => call('GET', path, undefined, ro),
    delete: (path, ro) => call('DELETE', path, undefined, ro),
    post: (path, body, ro) => call('POST', path, body ?? {}, ro),
    put: (path, body, ro) => call('PUT', path, body ?? {}, ro),
  };
}
