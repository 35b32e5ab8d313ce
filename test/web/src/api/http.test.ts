// The fetch-based client of src/api/http.ts: what each kind of failure becomes (ApiError kinds the
// tab words its messages by), the time limit, the body and query encodings.
import { ApiError, createHttpClient } from '../../../../src/api/http';

const client = (timeoutMs = 1000) =>
  createHttpClient({ baseURL: 'https://e.example/api', token: () => 'tok', timeoutMs });

afterEach(() => jest.restoreAllMocks());

function answer(res: Response) {
  return jest.spyOn(globalThis, 'fetch').mockResolvedValue(res);
}

test('a fault body {reason, detail} becomes the ApiError of its status', async () => {
  answer(
    new Response(JSON.stringify({ reason: 'Operation Failed', detail: 'not running' }), {
      status: 409,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
  const err = await client()
    .post('x', {})
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ kind: 'conflict', status: 409, reason: 'Operation Failed' });
});

test("a proxy's HTML error page: the status line, no parse error", async () => {
  answer(
    new Response('<html>Bad Gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    }),
  );
  await expect(client().get('x')).rejects.toMatchObject({
    kind: 'unreachable',
    status: 502,
    reason: 'Bad Gateway',
    detail: '',
  });
});

test('no answer at all is unreachable, with the browser’s words', async () => {
  jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
  await expect(client().get('x')).rejects.toMatchObject({
    kind: 'unreachable',
    detail: 'Failed to fetch',
  });
});

test('a call past its time limit is aborted and says timeout', async () => {
  jest
    .spyOn(globalThis, 'fetch')
    .mockImplementation(
      (_u, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        ),
    );
  await expect(client(20).get('x')).rejects.toMatchObject({
    kind: 'timeout',
    detail: 'no answer within 20 ms',
  });
  // a call's own limit wins over the client's
  await expect(client(10_000).get('x', { timeout: 15 })).rejects.toMatchObject({
    kind: 'timeout',
    detail: 'no answer within 15 ms',
  });
});

test('JSON body, query parameters, bearer token; an empty 204 is null', async () => {
  const f = answer(new Response(null, { status: 204 }));
  const res = await client().put('a/b', { value: 'x y' }, { params: { reset: 'true' } });
  expect(res).toEqual({ data: null, status: 204 });
  const [url, init] = f.mock.calls[0]!;
  expect(url).toBe('https://e.example/api/a/b?reset=true');
  expect(init).toMatchObject({ method: 'PUT', body: '{"value":"x y"}' });
  expect(new Headers(init!.headers).get('Authorization')).toBe('Bearer tok');
});

test('JSON Content-Type only with a body: a DELETE declares none (fastify refuses an empty JSON body)', async () => {
  const spy = answer(new Response(null, { status: 204 }));
  const c = createHttpClient({
    baseURL: 'https://e.example/api',
    token: () => 'tok',
    timeoutMs: 1000,
    headers: { 'Content-Type': 'application/json' },
  });
  await c.delete('clusters/c/sessions/s');
  const del = spy.mock.calls[0]![1]!.headers as Record<string, string>;
  expect(Object.keys(del).map((k) => k.toLowerCase())).not.toContain('content-type');
  await c.post('clusters/c/sessions', { a: 1 });
  const post = spy.mock.calls[1]![1]!.headers as Record<string, string>;
  expect(post['Content-Type']).toBe('application/json');
});
