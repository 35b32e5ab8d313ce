// Pushed sessions: the stream's reads replace polling while it lives, the tab says which mode it
// is in, and a stream that cannot open gives way to polling; the lag history and its estimate.
import { act, screen, waitFor, within } from '@testing-library/react';
import { createIntl, type MessageDescriptor } from '@formatjs/intl';
import { ApiError } from '../../../../src/api/http';
import type { SessionHistory } from '../../../../src/api/history';
import type { StreamHandlers } from '../../../../src/api/stream';
import { parseEventBlock } from '../../../../src/api/stream';
import { historyMessages } from '../../../../src/app/LagHistory';
import { liveMessages } from '../../../../src/app/LiveUpdates';
import {
  fakeServices,
  makeSession,
  renderApp,
  rowFor,
  sessionList,
  sessionRows,
  minutesAgo,
} from '../../../support/app-harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stream the test drives: its handlers, and how to end it. */
function fakeStream() {
  const opened: { h: StreamHandlers; end: (e?: Error) => void; signal: AbortSignal }[] = [];
  const fn = jest.fn(
    (_cid: string, h: StreamHandlers, signal: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        opened.push({ h, end: (e) => (e ? reject(e) : resolve()), signal });
        signal.addEventListener('abort', () => resolve());
      }),
  );
  return { fn, opened };
}

test('without a stream the tab polls and says so', async () => {
  const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
  renderApp({ services, refreshIntervalMs: 5000 });
  await sessionRows();
  expect(screen.getByText('Refreshed every 5 s')).toBeInTheDocument();
});

test('pushed reads replace polling; the tab says "Live: Gluster events"; a pushed change shows at once', async () => {
  const services = fakeServices([makeSession({ id: 'a', primary_volume: 'alpha' })]);
  const stream = fakeStream();
  services.streamSessions = stream.fn;
  renderApp({ services, refreshIntervalMs: 100 });
  await sessionRows();
  await waitFor(() => expect(stream.opened).toHaveLength(1));
  expect(screen.getByText('Connecting for live updates…')).toBeInTheDocument();
  act(() =>
    stream.opened[0]!.h.onMode({ push: 'events', interval_ms: 4000, events_api_detail: null }),
  );
  expect(await screen.findByText('Live: Gluster events')).toBeInTheDocument();

  const polls = services.listSessions.mock.calls.length;
  await sleep(400);
  expect(services.listSessions.mock.calls.length).toBeLessThanOrEqual(polls + 1);

  const paused = sessionList([makeSession({ id: 'a', primary_volume: 'alpha', status: 'Paused' })]);
  act(() =>
    stream.opened[0]!.h.onSessions({
      georep_session: paused.sessions,
      read_at: paused.readAt,
      backend: 'cli',
    }),
  );
  const row = await rowFor('alpha');
  await waitFor(() => expect(within(row).getByText('Paused')).toBeInTheDocument());
});

test('the service’s interval mode is named with its interval and why Gluster events are not used', async () => {
  const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
  const stream = fakeStream();
  services.streamSessions = stream.fn;
  renderApp({ services });
  await sessionRows();
  await waitFor(() => expect(stream.opened).toHaveLength(1));
  act(() =>
    stream.opened[0]!.h.onMode({
      push: 'interval',
      interval_ms: 4000,
      events_api_detail: 'gluster-eventsapi is not installed on g1',
    }),
  );
  const text = await screen.findByText('Live: every 4 s');
  const live = text.closest('[data-live-mode]')!;
  expect(live).toHaveAttribute('data-live-mode', 'interval');
});

test('a stream the service does not offer (404) gives way to polling, for good', async () => {
  const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
  const stream = fakeStream();
  services.streamSessions = stream.fn;
  renderApp({ services, refreshIntervalMs: 100 });
  await sessionRows();
  await waitFor(() => expect(stream.opened).toHaveLength(1));
  act(() => stream.opened[0]!.end(new ApiError('not_found', 404, 'Not Found', 'No such resource')));
  expect(await screen.findByText('Refreshed every 0 s')).toBeInTheDocument();
  const polls = services.listSessions.mock.calls.length;
  await waitFor(() => expect(services.listSessions.mock.calls.length).toBeGreaterThan(polls + 1));
  expect(stream.opened).toHaveLength(1);
});

test('a stream that ends while live: polling again at once', async () => {
  const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
  const stream = fakeStream();
  services.streamSessions = stream.fn;
  renderApp({ services, refreshIntervalMs: 100 });
  await sessionRows();
  await waitFor(() => expect(stream.opened).toHaveLength(1));
  act(() =>
    stream.opened[0]!.h.onMode({ push: 'events', interval_ms: 4000, events_api_detail: null }),
  );
  await screen.findByText('Live: Gluster events');
  const polls = services.listSessions.mock.calls.length;
  act(() => stream.opened[0]!.end());
  expect(await screen.findByText(/^Refreshed every/)).toBeInTheDocument();
  await waitFor(() => expect(services.listSessions.mock.calls.length).toBeGreaterThan(polls + 1));
});

describe('lag history in the details', () => {
  const history = (over: Partial<SessionHistory> = {}): SessionHistory => ({
    lag_sample: [
      { time: minutesAgo(20), lag_seconds: 1800, pending: 10 },
      { time: minutesAgo(10), lag_seconds: 1500, pending: 8 },
      { time: minutesAgo(0), lag_seconds: 1200, pending: 5 },
    ],
    step_ms: 30_000,
    kept_hours: 6,
    recording: true,
    estimate: {
      sync_rate: 1.5,
      seconds_to_sync: 2280,
      synced_by: new Date(Date.now() + 2280_000).toISOString(),
      window_s: 900,
      samples: 3,
    },
    ...over,
  });

  async function open(services: ReturnType<typeof fakeServices>) {
    const { user } = renderApp({ services });
    const row = await rowFor('alpha');
    await user.click(within(row).getByRole('button', { name: /^Details of session/ }));
  }

  test('says when the secondary volume will have caught up', async () => {
    const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
    services.getHistory = jest.fn().mockResolvedValue(history());
    await open(services);
    expect(await screen.findByText('Lag over the last 6 hours')).toBeInTheDocument();
    expect((await screen.findByTestId('catch-up-estimate')).textContent).toMatch(
      /^At the current rate the secondary volume will have caught up in about 38 minutes \(by /,
    );
  });

  test('the chart says its lag is in minutes when it draws minutes', async () => {
    const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
    services.getHistory = jest.fn().mockResolvedValue(history());
    await open(services);
    expect(
      await screen.findByText('Lag of the secondary volume, in minutes', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  test('the chart says its lag is in seconds when it draws seconds', async () => {
    const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
    services.getHistory = jest.fn().mockResolvedValue(
      history({
        lag_sample: [
          { time: minutesAgo(2), lag_seconds: 40, pending: 1 },
          { time: minutesAgo(1), lag_seconds: 30, pending: 1 },
          { time: minutesAgo(0), lag_seconds: 20, pending: 0 },
        ],
      }),
    );
    await open(services);
    expect(
      await screen.findByText('Lag of the secondary volume, in seconds', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  test('falling behind', async () => {
    const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
    services.getHistory = jest.fn().mockResolvedValue(
      history({
        estimate: {
          sync_rate: 0.5,
          seconds_to_sync: null,
          synced_by: null,
          window_s: 900,
          samples: 3,
        },
      }),
    );
    await open(services);
    expect((await screen.findByTestId('catch-up-estimate')).textContent).toBe(
      'The secondary volume is falling behind: at the current rate it loses about 30 minutes every hour, and will not catch up.',
    );
  });

  test('a service that keeps no history says why', async () => {
    const none = fakeServices([makeSession({ primary_volume: 'alpha' })]);
    none.getHistory = jest.fn().mockResolvedValue(history({ recording: false, lag_sample: [] }));
    await open(none);
    expect(await screen.findByText(/keeps no lag history/)).toBeInTheDocument();
  });
});

test('SSE blocks are read as the standard says (comments skipped, data lines joined)', () => {
  expect(parseEventBlock(': keepalive')).toBeNull();
  expect(parseEventBlock('event: mode\ndata: {"a":1}')).toEqual({ event: 'mode', data: '{"a":1}' });
  expect(parseEventBlock('data: a\ndata: b')).toEqual({ event: 'message', data: 'a\nb' });
});

test('the messages are valid ICU with unique ids', () => {
  const all = [
    ...Object.values(liveMessages),
    ...Object.values(historyMessages),
  ] as MessageDescriptor[];
  expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
  const errors: string[] = [];
  const intl = createIntl({
    locale: 'en-US',
    messages: {},
    onError: (e) => void errors.push(e.message),
  });
  for (const m of all) {
    const names = [...(m.defaultMessage as string).matchAll(/\{\s*(\w+)\s*[,}]/g)].map(
      (x) => x[1]!,
    );
    intl.formatMessage(
      m,
      Object.fromEntries(names.map((n) => [n, n === 'unit' || n === 'detail' ? 'x' : 2])),
    );
  }
  expect(errors.filter((e) => !/MISSING_TRANSLATION|Missing message/.test(e))).toEqual([]);
});
