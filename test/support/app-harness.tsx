// Test harness for the Geo-Replication tab: fake services (jest functions, no network), data
// builders and a render helper with a fresh QueryClient (no retries) per test.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EngineCluster } from '../../src/api/engine';
import { ApiError, type ApiErrorKind } from '../../src/api/http';
import type { GeoRepEnvironment, GeoRepServices, SessionList } from '../../src/app/environment';
import { GeoRepApp } from '../../src/app/GeoRepApp';
import type { GeoRepConfigOption, GeoRepSession, GeoRepWorker } from '../../src/georep/types';

// PatternFly's poppers call getComputedStyle on every render, which jsdom makes slow; on a shared
// 2-core machine a test that types needs more than jest's default 5 s.
jest.setTimeout(30_000);

export const CLUSTER: EngineCluster = { id: 'c-1', name: 'gluster-east', gluster_service: 'true' };
export const CLUSTER_2: EngineCluster = {
  id: 'c-2',
  name: 'gluster-west',
  gluster_service: 'true',
};

export const minutesAgo = (m: number): string => new Date(Date.now() - m * 60_000).toISOString();

export function makeWorker(overrides: Partial<GeoRepWorker> = {}): GeoRepWorker {
  return {
    primary_node: 'node1.example.com',
    primary_node_uuid: null,
    primary_brick: '/bricks/b1',
    replica_set: 0,
    secondary_user: 'root',
    secondary_node: 'remote1.example.com',
    status: 'Active',
    crawl_status: 'Changelog Crawl',
    last_synced: minutesAgo(2),
    entry_pending: 0,
    data_pending: 0,
    meta_pending: 0,
    failures: 0,
    checkpoint: null,
    ...overrides,
  };
}

let seq = 0;
export function makeSession(overrides: Partial<GeoRepSession> = {}): GeoRepSession {
  seq += 1;
  const primary = overrides.primary_volume ?? `vol${seq}`;
  const status = overrides.status ?? 'Active';
  const lastSynced =
    overrides.last_synced !== undefined
      ? overrides.last_synced
      : status === 'Created'
        ? null
        : minutesAgo(2);
  return {
    id: overrides.id ?? `s-${seq}`,
    cluster_id: CLUSTER.id,
    primary_volume: primary,
    secondary_host: 'remote1.example.com',
    secondary_volume: `${primary}-dr`,
    secondary_user: 'root',
    status,
    workers: [
      makeWorker({
        status: status === 'Active' ? 'Active' : status === 'Paused' ? 'Paused' : 'Stopped',
        replica_set: 0,
      }),
      makeWorker({
        primary_node: 'node2.example.com',
        status: status === 'Active' ? 'Passive' : 'Stopped',
        replica_set: 0,
        crawl_status: 'N/A',
      }),
    ],
    last_synced: lastSynced,
    sync_point: lastSynced
      ? { time: lastSynced, source: 'live', as_of: null }
      : { time: null, source: status === 'Created' ? 'never' : 'unknown', as_of: null },
    lag_seconds: status === 'Created' ? null : 120,
    checkpoint: null,
    read_at: new Date().toISOString(),
    ...overrides,
  };
}

export function sessionList(
  sessions: GeoRepSession[],
  extra: Partial<SessionList> = {},
): SessionList {
  return { sessions, readAt: new Date().toISOString(), backend: 'cli', ...extra };
}

export function apiError(kind: ApiErrorKind, detail = '', reason?: string): ApiError {
  const status: Record<ApiErrorKind, number | null> = {
    unauthorized: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    invalid: 400,
    unreachable: 502,
    timeout: 504,
    server: 500,
  };
  return new ApiError(kind, status[kind], reason ?? kind, detail);
}

export function makeOption(overrides: Partial<GeoRepConfigOption> = {}): GeoRepConfigOption {
  return {
    name: 'sync-jobs',
    value: '3',
    default: '3',
    description: 'Number of parallel sync jobs.',
    type: 'int',
    allowed_values: null,
    min: 1,
    max: 100,
    modified: false,
    read_only: false,
    ...overrides,
  };
}

export type FakeServices = Omit<{ [K in keyof GeoRepServices]: jest.Mock }, 'dr'> & {
  dr?: GeoRepServices['dr'];
};

/** Services whose every call succeeds, with one cluster and the given sessions, unless overridden. */
export function fakeServices(
  sessions: GeoRepSession[] = [],
  overrides: Partial<FakeServices> = {},
): FakeServices {
  return {
    listGlusterClusters: jest.fn().mockResolvedValue([CLUSTER]),
    listSessions: jest.fn().mockResolvedValue(sessionList(sessions)),
    getAccess: jest.fn().mockResolvedValue({ can_read: true, can_manage: true, reason: '' }),
    controlSession: jest.fn().mockResolvedValue(null),
    removeSession: jest.fn().mockResolvedValue(undefined),
    setCheckpoint: jest.fn().mockResolvedValue(undefined),
    getConfig: jest.fn().mockResolvedValue([]),
    setConfigOption: jest.fn().mockResolvedValue(undefined),
    resetConfigOption: jest.fn().mockResolvedValue(undefined),
    recoverSession: jest.fn().mockRejectedValue(new Error('recoverSession not faked')),
    getJob: jest.fn().mockRejectedValue(new Error('getJob not faked')),
    getDiagnosis: jest.fn().mockResolvedValue({
      session_id: '',
      read_at: new Date().toISOString(),
      worker_diagnosis: [],
      findings: [],
    }),
    // The Start flow's calls (its own tests fake them: test/support/start-harness.tsx)
    listClusterHosts: jest.fn().mockResolvedValue([]),
    listClusterVolumes: jest.fn().mockResolvedValue([]),
    listRemoteHosts: jest.fn().mockResolvedValue([]),
    preflight: jest.fn().mockRejectedValue(new Error('preflight not faked')),
    createSession: jest.fn().mockRejectedValue(new Error('createSession not faked')),
    getHostKey: jest.fn().mockRejectedValue(new Error('getHostKey not faked')),
    getRemoteKey: jest.fn().mockRejectedValue(new Error('getRemoteKey not faked')),
    verifySsh: jest.fn().mockRejectedValue(new Error('verifySsh not faked')),
    setupSsh: jest.fn().mockRejectedValue(new Error('setupSsh not faked')),
    setupSshWithKey: jest.fn().mockRejectedValue(new Error('setupSshWithKey not faked')),
    ...overrides,
  };
}

export function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: jest.fn((k: string) => data.get(k) ?? null),
    setItem: jest.fn((k: string, v: string) => void data.set(k, v)),
  };
}

export interface RenderOptions extends Partial<Omit<GeoRepEnvironment, 'services'>> {
  services?: FakeServices;
}

export function renderApp(opts: RenderOptions = {}) {
  const services = opts.services ?? fakeServices();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const environment: GeoRepEnvironment = {
    refreshIntervalMs: 600_000,
    store: null,
    location: { search: '', hash: '' },
    reloadWebAdmin: jest.fn(),
    showToast: jest.fn(),
    ...opts,
    services,
  };
  const user = userEvent.setup();
  const result = render(<GeoRepApp environment={environment} queryClient={queryClient} />);
  return { ...result, user, services, environment, queryClient };
}

/** The table's data rows (one per session, without the expanded detail rows). */
export async function sessionRows(): Promise<HTMLElement[]> {
  const table = await screen.findByRole('grid', { name: 'Geo-replication sessions' });
  return within(table)
    .getAllByRole('row')
    .filter((r) => r.hasAttribute('data-session-id'));
}

/** The primary volume names of the rows, in display order. */
export async function rowVolumes(): Promise<string[]> {
  return (await sessionRows()).map((r) => cellText(r, 'Primary volume'));
}

/** The text of a row's cell, by column label. */
export function cellText(row: HTMLElement, column: string): string {
  return row.querySelector(`td[data-label="${column}"]`)?.textContent ?? '';
}

export async function rowFor(primaryVolume: string): Promise<HTMLElement> {
  const rows = await sessionRows();
  const row = rows.find((r) => cellText(r, 'Primary volume') === primaryVolume);
  if (!row) throw new Error(`no row for ${primaryVolume}`);
  return row;
}

/** Opens a row's kebab and clicks the item. */
export async function rowAction(
  user: ReturnType<typeof userEvent.setup>,
  primaryVolume: string,
  item: string,
) {
  const row = await rowFor(primaryVolume);
  await user.click(within(row).getByRole('button', { name: /^Actions for session/ }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}
