// Live data: polled every refreshIntervalMs while the document is visible, paused while hidden.
import { act, screen, waitFor } from '@testing-library/react';
import { fakeServices, makeSession, renderApp, sessionRows } from '../../../support/app-harness';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => setVisibility('visible'));

test('re-reads the sessions every refresh interval, not while the tab is hidden, and again once visible', async () => {
  const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
  renderApp({ services, refreshIntervalMs: 100 });
  await sessionRows();
  await waitFor(() => expect(services.listSessions.mock.calls.length).toBeGreaterThanOrEqual(3), {
    timeout: 3000,
  });

  setVisibility('hidden');
  expect(await screen.findByText('Refresh paused while the tab is hidden')).toBeInTheDocument();
  await sleep(150); // let a read already under way finish
  const whileHidden = services.listSessions.mock.calls.length;
  await sleep(600);
  expect(services.listSessions.mock.calls.length).toBe(whileHidden);

  setVisibility('visible');
  await waitFor(
    () => expect(services.listSessions.mock.calls.length).toBeGreaterThanOrEqual(whileHidden + 2),
    { timeout: 3000 },
  );
  expect(screen.queryByText('Refresh paused while the tab is hidden')).not.toBeInTheDocument();
});

test('does not poll faster than asked', async () => {
  const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
  renderApp({ services, refreshIntervalMs: 60_000 });
  await sessionRows();
  const calls = services.listSessions.mock.calls.length;
  await sleep(500);
  expect(services.listSessions.mock.calls.length).toBe(calls);
});

test('the Refresh button reads the sessions now', async () => {
  const services = fakeServices([makeSession({ primary_volume: 'alpha' })]);
  const { user } = renderApp({ services });
  await sessionRows();
  const calls = services.listSessions.mock.calls.length;
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  await waitFor(() => expect(services.listSessions.mock.calls.length).toBe(calls + 1));
});
