// The tab's entry: StartSessionLauncher (open/close, a fresh dialog each time, the sessions re-read
// when one was created) and useStartSessionIntent (the Volumes list's intent, on load and on a
// `storage` event), mounted together the way the top comment tells GeoRepPage to.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from '../../../../../src/intl/react';
import {
  StartSessionLauncher,
  useStartSessionIntent,
} from '../../../../../src/app/start/StartSessionLauncher';
import { INTENT_KEY, type StartSessionIntent, writeIntent } from '../../../../../src/plugin/intent';
import {
  CLUSTER_ID,
  fakeStartServices,
  type FakeStartServices,
  fillForm,
  okButton,
} from '../../../../support/start-harness';

function Tab({ services, onCreated }: { services: FakeStartServices; onCreated: jest.Mock }) {
  const [start, setStart] = useState<{ clusterId: string; volume?: string } | null>(null);
  useStartSessionIntent(window.sessionStorage, (intent: StartSessionIntent) =>
    setStart({ clusterId: intent.clusterId, volume: intent.volumeName }),
  );
  return (
    <>
      <button type="button" onClick={() => setStart({ clusterId: CLUSTER_ID })}>
        New session
      </button>
      <StartSessionLauncher
        open={start !== null}
        clusterId={start?.clusterId ?? ''}
        clusterName="gluster-east"
        initialVolume={start?.volume}
        services={services.proxy}
        onClose={() => setStart(null)}
        onCreated={onCreated}
      />
    </>
  );
}

function renderTab(services = fakeStartServices()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const invalidate = jest.spyOn(queryClient, 'invalidateQueries');
  const onCreated = jest.fn();
  const user = userEvent.setup();
  render(
    <IntlProvider locale="en-US" defaultLocale="en-US" messages={{}}>
      <QueryClientProvider client={queryClient}>
        <Tab services={services} onCreated={onCreated} />
      </QueryClientProvider>
    </IntlProvider>,
  );
  return { user, services, onCreated, invalidate };
}

beforeEach(() => window.sessionStorage.clear());

test('closed: nothing is rendered and nothing is read', () => {
  const { services } = renderTab();
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(services.calls).toEqual([]);
});

test('an intent written before the tab loads opens the dialog with its volume preselected, once', async () => {
  writeIntent(window.sessionStorage, {
    action: 'start-session',
    clusterId: CLUSTER_ID,
    volumeName: 'logs',
  });
  renderTab();
  await screen.findByRole('dialog', { name: 'New geo-replication session' });
  await waitFor(() => expect(screen.getByLabelText(/^Primary volume/)).toHaveValue('logs'));
  expect(window.sessionStorage.getItem(INTENT_KEY)).toBeNull();
});

test('an intent written while the tab is open (storage event) opens it; a stale one does not', async () => {
  const { user } = renderTab();
  writeIntent(
    window.sessionStorage,
    { action: 'start-session', clusterId: CLUSTER_ID, volumeName: 'data' },
    Date.now() - 120_000,
  );
  act(() => {
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: INTENT_KEY,
        newValue: window.sessionStorage.getItem(INTENT_KEY),
      }),
    );
  });
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

  writeIntent(window.sessionStorage, {
    action: 'start-session',
    clusterId: CLUSTER_ID,
    volumeName: 'data',
  });
  act(() => {
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: INTENT_KEY,
        newValue: window.sessionStorage.getItem(INTENT_KEY),
      }),
    );
  });
  await screen.findByRole('dialog', { name: 'New geo-replication session' });
  await waitFor(() => expect(screen.getByLabelText(/^Primary volume/)).toHaveValue('data'));
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});

test('each opening starts empty; a created session re-reads the sessions and is reported', async () => {
  const { user, onCreated, invalidate } = renderTab();
  await user.click(screen.getByRole('button', { name: 'New session' }));
  await fillForm(user);
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  await user.click(screen.getByRole('button', { name: 'New session' }));
  await screen.findByRole('dialog', { name: 'New geo-replication session' });
  expect(screen.getByLabelText(/^Secondary Host/)).toHaveValue('');

  expect(screen.getByLabelText(/^Primary volume/)).toHaveValue(''); // no volume given this time
  await fillForm(user, { volume: 'data' });
  await user.click(okButton());
  await waitFor(() =>
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'data_remote1_data-dr' })),
  );
  expect(invalidate).toHaveBeenCalledWith({ queryKey: ['georep', 'sessions', CLUSTER_ID] });
});
