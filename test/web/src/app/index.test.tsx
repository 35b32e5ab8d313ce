// src/app/index.tsx wires the real environment: WebAdmin's pluginApi (token read at each call,
// locale, config, toasts), the engine client (no Filter, as WebAdmin) and the geo-rep service
// client on the page's origin. The network is a fake fetch.
import { screen, waitFor } from '@testing-library/react';
import { resetPluginApi } from '../../../../src/plugin/pluginApi';

interface Call {
  url: string;
  auth: unknown;
  filter: unknown;
}

// The first test imports the whole tab (every view and dialog): over 5 s on a loaded 2-core machine.
jest.setTimeout(30_000);

let calls: Call[];

function installFetch(reply: (url: string) => unknown) {
  jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    calls.push({
      url,
      auth: headers.get('Authorization'),
      filter: headers.get('Filter') ?? undefined,
    });
    return Promise.resolve(
      new Response(JSON.stringify(reply(url)), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
}

function installPluginApi(token: { value: string }) {
  const api = {
    ssoToken: () => token.value,
    engineBaseUrl: () => 'http://localhost/ovirt-engine/',
    currentLocale: () => 'en_US',
    configObject: () => ({ georepServicePath: '/custom-georep/api/', refreshIntervalMs: 60000 }),
    showToast: jest.fn(),
  };
  (window as unknown as { pluginApi: (name: string) => typeof api }).pluginApi = () => api;
  return api;
}

// The storage domain DR panel is a chunk loaded on demand (onDemand): its import() runs after
// loadEntry's isolated module registry has closed, so it would get a second React. This file is
// about the entry's wiring; the panel has its own tests (test/e2e/dr.spec.ts).
jest.mock('../../../../src/app/dr/StorageDomainsDr', () => ({ StorageDomainsDr: () => null }));

const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let previousActEnv: boolean | undefined;

beforeEach(() => {
  // The entry renders on its own, as in the browser, not through Testing Library's act().
  previousActEnv = actEnv.IS_REACT_ACT_ENVIRONMENT;
  actEnv.IS_REACT_ACT_ENVIRONMENT = false;
  calls = [];
  // No test may reach the network (installFetch answers the one that expects calls).
  jest.spyOn(globalThis, 'fetch').mockImplementation(() => {
    throw new Error('network access in a component test');
  });
  resetPluginApi();
  document.body.innerHTML = '<div id="root"></div>';
});

afterEach(() => {
  actEnv.IS_REACT_ACT_ENVIRONMENT = previousActEnv;
  jest.restoreAllMocks();
  delete (window as unknown as { pluginApi?: unknown }).pluginApi;
  resetPluginApi();
});

async function loadEntry() {
  await jest.isolateModulesAsync(async () => {
    await import('../../../../src/app/index');
  });
}

test('outside WebAdmin (no pluginApi) it says so instead of failing silently', async () => {
  await loadEntry();
  expect(
    await screen.findByText(
      'This page works only inside oVirt WebAdmin (Storage, Geo-Replication).',
    ),
  ).toBeInTheDocument();
});

test('inside WebAdmin it reads the clusters from the engine and the sessions from the service, with the user’s token', async () => {
  const token = { value: 'token-1' };
  installPluginApi(token);
  installFetch((url) => {
    if (url.endsWith('/ovirt-engine/api/clusters')) {
      return {
        cluster: [
          { id: 'c1', name: 'gluster-a', gluster_service: 'true' },
          { id: 'v1', name: 'virt', gluster_service: 'false' },
        ],
      };
    }
    if (url.endsWith('/sessions')) {
      return {
        georep_session: [
          {
            id: 's1',
            cluster_id: 'c1',
            primary_volume: 'wired-vol',
            secondary_host: 'dr',
            secondary_volume: 'wired-dr',
            secondary_user: 'root',
            status: 'Active',
            workers: [],
            last_synced: null,
            sync_point: { time: null, source: 'unknown', as_of: null },
            lag_seconds: null,
            checkpoint: null,
            read_at: new Date().toISOString(),
          },
        ],
        read_at: new Date().toISOString(),
        backend: 'sim',
      };
    }
    if (url.endsWith('/access')) return { can_read: true, can_manage: true, reason: '' };
    return {};
  });
  await loadEntry();
  expect(await screen.findByText('wired-vol')).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Cluster' })).toHaveTextContent('gluster-a');
  expect(screen.getByRole('combobox', { name: 'Cluster' })).not.toHaveTextContent('virt');
  const engineCall = calls.find((c) => c.url.endsWith('/api/clusters'))!;
  expect(engineCall).toMatchObject({
    url: 'http://localhost/ovirt-engine/api/clusters',
    auth: 'Bearer token-1',
    filter: undefined,
  });
  const sessionsCall = calls.find((c) => c.url.endsWith('/sessions'))!;
  expect(sessionsCall).toMatchObject({
    url: 'http://localhost/custom-georep/api/clusters/c1/sessions',
    auth: 'Bearer token-1',
  });
  // A renewed token is used by the next call.
  token.value = 'token-2';
  screen.getByRole('button', { name: 'Refresh' }).click();
  await waitFor(() =>
    expect(calls.filter((c) => c.url.endsWith('/sessions')).at(-1)!.auth).toBe('Bearer token-2'),
  );
});
