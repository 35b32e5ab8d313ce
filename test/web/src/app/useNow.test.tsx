// Relative times ("Read from Gluster 1 minute ago", "Synced up to 3 minutes ago") move on by
// themselves between polls: one shared tick (useNow), stopped while the document is hidden.
import { act, screen } from '@testing-library/react';
import { NOW_TICK_MS } from '../../../../src/app/useNow';
import {
  cellText,
  fakeServices,
  makeSession,
  renderApp,
  rowFor,
  sessionList,
} from '../../../support/app-harness';

const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

beforeEach(() => {
  jest.useFakeTimers({ now: T0 });
});
afterEach(() => {
  setVisibility('visible');
  jest.useRealTimers();
});

/** Moves the fake clock on, running the timers due meanwhile, inside act. */
function elapse(ms: number) {
  act(() => {
    jest.advanceTimersByTime(ms);
  });
}

async function renderAtT0() {
  const session = makeSession({
    primary_volume: 'alpha',
    last_synced: iso(T0 - 2 * 60_000),
    read_at: iso(T0),
  });
  const services = fakeServices([], {
    listSessions: jest.fn().mockResolvedValue(sessionList([session], { readAt: iso(T0) })),
  });
  // No poll during the test: the page reads once, at T0.
  renderApp({ services, refreshIntervalMs: 3_600_000 });
  const row = await rowFor('alpha');
  return { services, row };
}

test('tick every NOW_TICK_MS without a new read: "last read" and "synced" advance on their own', async () => {
  expect(NOW_TICK_MS).toBeGreaterThanOrEqual(15_000);
  expect(NOW_TICK_MS).toBeLessThanOrEqual(30_000);
  const { services, row } = await renderAtT0();
  const reads = services.listSessions.mock.calls.length;
  expect(screen.getByText(/^Read from Gluster /)).toHaveTextContent('Read from Gluster now');
  expect(cellText(row, 'Synced up to')).toBe('2 minutes ago');

  elapse(60_000);
  expect(screen.getByText(/^Read from Gluster /)).toHaveTextContent(
    'Read from Gluster 1 minute ago',
  );
  expect(cellText(await rowFor('alpha'), 'Synced up to')).toBe('3 minutes ago');

  elapse(2 * 60_000);
  expect(screen.getByText(/^Read from Gluster /)).toHaveTextContent(
    'Read from Gluster 3 minutes ago',
  );
  expect(cellText(await rowFor('alpha'), 'Synced up to')).toBe('5 minutes ago');
  expect(services.listSessions.mock.calls.length).toBe(reads); // no new fetch
});

test('does not tick while the document is hidden, and catches up as soon as it is visible', async () => {
  await renderAtT0();
  setVisibility('hidden');
  elapse(5 * 60_000);
  expect(screen.getByText(/^Read from Gluster /)).toHaveTextContent('Read from Gluster now');
  setVisibility('visible');
  expect(screen.getByText(/^Read from Gluster /)).toHaveTextContent(
    'Read from Gluster 5 minutes ago',
  );
  elapse(60_000);
  expect(screen.getByText(/^Read from Gluster /)).toHaveTextContent(
    'Read from Gluster 6 minutes ago',
  );
});
