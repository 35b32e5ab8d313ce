// Test harness of the Start dialog: fake start services (jest functions, no network) that log
// every call in order, data builders, a render helper with its own QueryClient and IntlProvider,
// and helpers that fill the form the way a user would.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from '../../src/intl/react';
import type { EngineHost } from '../../src/api/engine';
import { ApiError, type ApiErrorKind } from '../../src/api/http';
import type { StartServices } from '../../src/app/start/services';
import {
  StartSessionDialog,
  type StartSessionDialogProps,
} from '../../src/app/start/StartSessionDialog';
import type { GeoRepSession, PreflightCheck } from '../../src/georep/types';

jest.setTimeout(30_000);

export const CLUSTER_ID = 'c-1';
export const CLUSTER_NAME = 'gluster-east';

export const FP_HOST = `SHA256:${'h'.repeat(43)}`;
export const FP_REMOTE = `SHA256:${'r'.repeat(43)}`;
export const FP_NEW = `SHA256:${'n'.repeat(43)}`;

export const HOSTS: EngineHost[] = [
  { id: 'h-1', name: 'node1', address: 'node1.example.com', status: 'up' },
  { id: 'h-2', name: 'node2', address: '10.0.0.2', status: 'up' },
  { id: 'h-3', name: 'node3', address: 'node3.example.com', status: 'maintenance' },
  { id: 'h-4', name: 'node4', address: 'node4.example.com', status: 'non_responsive' },
];

export function check(overrides: Partial<PreflightCheck> = {}): PreflightCheck {
  return {
    id: 'primary_volume',
    title: 'The primary volume exists and is started',
    outcome: 'pass',
    severity: 'blocker',
    evidence: 'Volume data is Started.',
    ...overrides,
  };
}

export const PASSING_CHECKS: PreflightCheck[] = [
  check(),
  check({
    id: 'secondary_size',
    title: 'The secondary volume is at least as large as the primary',
    severity: 'forceable',
    evidence: '100 GiB >= 50 GiB.',
  }),
  check({
    id: 'passwordless_ssh',
    title: 'Passwordless SSH from the primary host to the secondary host works',
    evidence: 'Root on node1 logs in to root@remote1.example.com without a password.',
  }),
];

export function preflightOf(checks: PreflightCheck[]) {
  return {
    check: checks,
    can_create: checks.every((c) => c.outcome !== 'fail' || c.severity === 'info'),
    can_create_with_force: checks.every((c) => c.outcome !== 'fail' || c.severity !== 'blocker'),
  };
}

export function makeSession(overrides: Partial<GeoRepSession> = {}): GeoRepSession {
  return {
    id: 'data_remote1_data-dr',
    cluster_id: CLUSTER_ID,
    primary_volume: 'data',
    secondary_host: 'remote1.example.com',
    secondary_volume: 'data-dr',
    secondary_user: 'root',
    status: 'Created',
    workers: [],
    last_synced: null,
    sync_point: { time: null, source: 'never', as_of: null },
    lag_seconds: null,
    checkpoint: null,
    read_at: new Date().toISOString(),
    ...overrides,
  };
}

export function apiError(
  kind: ApiErrorKind,
  detail = '',
  reason?: string,
  status?: number,
): ApiError {
  const statuses: Record<ApiErrorKind, number | null> = {
    unauthorized: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    invalid: 400,
    unreachable: 502,
    timeout: 504,
    server: 500,
  };
  return new ApiError(kind, status ?? statuses[kind], reason ?? kind, detail);
}

export type FakeStartServices = { [K in keyof StartServices]: jest.Mock } & {
  /** The service calls, in order. */
  calls: string[];
  /** What the dialog gets: logs each call in `calls`, then calls the mock of the same name. */
  proxy: StartServices;
};

/** Every call succeeds unless overridden (or re-mocked later, e.g. mockResolvedValueOnce). */
export function fakeStartServices(
  overrides: Partial<Record<keyof StartServices, jest.Mock>> = {},
): FakeStartServices {
  const calls: string[] = [];
  const defaults: Record<keyof StartServices, jest.Mock> = {
    listClusterHosts: jest.fn().mockResolvedValue(HOSTS),
    listClusterVolumes: jest.fn((cid: string) =>
      Promise.resolve(
        cid === CLUSTER_ID
          ? [
              { id: 'v-1', name: 'data', status: 'up' },
              { id: 'v-2', name: 'logs', status: 'down' },
            ]
          : [{ id: 'rv-1', name: 'data-dr', status: 'up' }],
      ),
    ),
    listRemoteHosts: jest.fn().mockResolvedValue([
      {
        address: 'remote1.example.com',
        name: 'remote1',
        status: 'up',
        clusterId: 'c-2',
        clusterName: 'gluster-west',
      },
      {
        address: 'remote2.example.com',
        name: 'remote2',
        status: 'up',
        clusterId: 'c-2',
        clusterName: 'gluster-west',
      },
    ]),
    getHostKey: jest.fn().mockResolvedValue({
      algorithm: 'ssh-ed25519',
      fingerprint: FP_HOST,
      public_key: 'ssh-ed25519 AAAAhost',
    }),
    getRemoteKey: jest.fn().mockResolvedValue({
      algorithm: 'ssh-ed25519',
      fingerprint: FP_REMOTE,
      public_key: 'ssh-ed25519 AAAAremote',
    }),
    verifySsh: jest.fn().mockResolvedValue({
      ok: true,
      detail: 'Root on node1 logs in to root@remote1.example.com without a password.',
    }),
    setupSsh: jest.fn().mockResolvedValue({
      ok: true,
      detail:
        "Passwordless SSH from node1 to root@remote1.example.com works: root's public key of node1 was added.",
    }),
    setupSshWithKey: jest.fn().mockResolvedValue({
      ok: true,
      detail:
        "Passwordless SSH from node1 to root@remote1.example.com works: logging in with /root/.ssh/id_georep, root's own public key of node1 was added.",
    }),
    preflight: jest.fn().mockResolvedValue(preflightOf(PASSING_CHECKS)),
    createSession: jest.fn().mockResolvedValue(makeSession()),
    controlSession: jest.fn().mockResolvedValue(null),
    listSessions: jest
      .fn()
      .mockResolvedValue({ sessions: [], readAt: '2026-01-01T00:00:00Z', backend: 'sim' }),
  };
  const mocks = { ...defaults, ...overrides };
  const proxy = {} as Record<keyof StartServices, (...args: unknown[]) => unknown>;
  for (const name of Object.keys(mocks) as (keyof StartServices)[]) {
    proxy[name] = (...args: unknown[]) => {
      calls.push(name);
      return (mocks[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { ...mocks, calls, proxy: proxy as unknown as StartServices };
}

/** Only the calls that act or probe (not the engine reads of the form). */
export const actions = (s: FakeStartServices): string[] =>
  s.calls.filter(
    (c) =>
      ![
        'listClusterHosts',
        'listClusterVolumes',
        'listRemoteHosts',
        'getHostKey',
        'listSessions',
      ].includes(c),
  );

export function renderStart(
  props: Partial<Omit<StartSessionDialogProps, 'services'>> & { services?: FakeStartServices } = {},
) {
  const services = props.services ?? fakeStartServices();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onClose = props.onClose ?? jest.fn();
  const onCreated = props.onCreated ?? jest.fn();
  const user = userEvent.setup();
  const result = render(
    <IntlProvider locale="en-US" defaultLocale="en-US" messages={{}}>
      <QueryClientProvider client={queryClient}>
        <StartSessionDialog
          clusterId={CLUSTER_ID}
          clusterName={CLUSTER_NAME}
          initialVolume="data"
          {...props}
          services={services.proxy}
          onClose={onClose}
          onCreated={onCreated}
        />
      </QueryClientProvider>
    </IntlProvider>,
  );
  return { ...result, user, services, onClose, onCreated, queryClient };
}

export type User = ReturnType<typeof userEvent.setup>;

export const startDialog = () =>
  screen.getByRole('dialog', { name: 'New geo-replication session' });
export const sshDialog = () => screen.getByRole('dialog', { name: 'Passwordless SSH setup' });

export const field = (label: RegExp) => screen.getByLabelText(label);

export interface Fill {
  volume?: string;
  host?: string;
  remoteHost?: string;
  remoteTarget?: string;
  user?: string;
  group?: string;
  port?: string;
}

/** Fills the form: waits for the data, picks the host, types the remote side. */
export async function fillForm(user: User, f: Fill = {}) {
  const hostSelect = await screen.findByLabelText(/^Start Geo-Replication from Host/);
  await waitFor(() => expect(within(hostSelect).getAllByRole('option').length).toBeGreaterThan(1));
  await waitFor(() =>
    expect(
      within(field(/^Primary volume/)).getByRole('option', { name: /^data \(up\)/ }),
    ).toBeInTheDocument(),
  );
  if (f.volume !== undefined) await user.selectOptions(field(/^Primary volume/), f.volume);
  await user.selectOptions(hostSelect, f.host ?? 'h-1');
  await type(user, /^Secondary Host/, f.remoteHost ?? 'remote1.example.com');
  await type(user, /^Secondary Volume\/Path/, f.remoteTarget ?? 'data-dr');
  if (f.user !== undefined) await type(user, /^Secondary user/, f.user);
  if (f.group !== undefined) await type(user, /^Secondary group/, f.group);
  if (f.port !== undefined) await type(user, /^SSH port/, f.port);
}

export async function type(user: User, label: RegExp, text: string) {
  const input = field(label);
  await user.clear(input);
  if (text) await user.type(input, text);
}

export const okButton = () => within(startDialog()).getByRole('button', { name: 'OK' });

/** The status of each step of the progress, in display order. */
export function stepStatuses(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const li of document.querySelectorAll('[data-step]')) {
    out[li.getAttribute('data-step')!] = li.getAttribute('data-status')!;
  }
  return out;
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Argument `index` of call `call` of a mock (default: the body, argument 1, of the first call). */
// T is the caller's reading of the argument (a cast in one place instead of at every call).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function arg<T = Record<string, unknown>>(fn: jest.Mock, call = 0, index = 1): T {
  return (fn.mock.calls[call] as unknown[])[index] as T;
}

/** Argument `index` of every call of a mock. */
export function args<T = Record<string, unknown>>(fn: jest.Mock, index = 1): T[] {
  return (fn.mock.calls as unknown[][]).map((c) => c[index] as T);
}

/** Runs `fn` (e.g. resolving a deferred answer) inside act and lets the promises settle. */
export async function settle(fn: () => void): Promise<void> {
  await act(async () => {
    fn();
    await Promise.resolve();
  });
}
