// A fake of the browser's fetch for the thin HTTP clients (src/api/http.ts): each fake answers the
// calls under one client's base URL and records what was sent (method, URL, query, JSON body,
// Authorization and Filter headers).
import type { HttpClient } from '../../src/api/http';

export interface Seen {
  method: string;
  url: string;
  params: Record<string, string> | undefined;
  data: unknown;
  auth: string | undefined;
  filter: string | undefined;
}

export interface FakeRequest {
  method: string;
  /** The path relative to the client's base URL, without the query. */
  url: string;
  params: Record<string, string> | undefined;
  data: unknown;
}

type Reply = (r: FakeRequest) => { status: number; data: unknown };

const routes: { base: string; reply: Reply; seen: Seen[] }[] = [];
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const route = routes.find((r) => href.startsWith(r.base));
    if (!route) return Promise.reject(new TypeError(`Failed to fetch ${href}`));
    const u = new URL(href);
    const params = u.search ? Object.fromEntries(u.searchParams) : undefined;
    const headers = new Headers(init?.headers);
    const req: FakeRequest = {
      method: init?.method ?? 'GET',
      url: `${u.origin}${u.pathname}`.slice(route.base.length),
      params,
      data: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    route.seen.push({
      ...req,
      url: `${u.origin}${u.pathname}`,
      auth: headers.get('Authorization') ?? undefined,
      filter: headers.get('Filter') ?? undefined,
    });
    const { status, data } = route.reply(req);
    return Promise.resolve(
      new Response(data === undefined || status === 204 ? null : JSON.stringify(data), {
        status,
        statusText: String(status),
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
}

afterEach(() => {
  routes.length = 0;
});

/** Answer every call of `client` with `reply`; returns the calls as they are made. */
export function fake(client: Pick<HttpClient, 'baseURL'>, reply: Reply): Seen[] {
  install();
  const seen: Seen[] = [];
  routes.unshift({ base: client.baseURL, reply, seen });
  return seen;
}
