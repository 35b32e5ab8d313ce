// A Gluster volume's Geo-Replication (live) sub tab (VolumeGeoRepPage): the place's views with a
// volume filter, New session with the volume preselected, and every state the place has.
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProviders } from '../../../../src/app/AppProviders';
import type { GeoRepEnvironment } from '../../../../src/app/environment';
import { VolumeGeoRepPage } from '../../../../src/app/VolumeGeoRepPage';
import {
  apiError,
  CLUSTER,
  cellText,
  type FakeServices,
  fakeServices,
  makeSession,
  sessionList,
  sessionRows,
} from '../../../support/app-harness';

const ALPHA = `?clusterId=${CLUSTER.id}&volumeId=v-alpha&volumeName=alpha`;

function renderVolumeTab(
  opts: { services?: FakeServices; search?: string } & Partial<GeoRepEnvironment> = {},
) {
  const { services = fakeServices(), search = ALPHA, ...rest } = opts;
  const environment: GeoRepEnvironment = {
    refreshIntervalMs: 600_000,
    store: null,
    location: { search, hash: '' },
    reloadWebAdmin: jest.fn(),
    showToast: jest.fn(),
    canStartSessions: true,
    ...rest,
    services,
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <AppProviders environment={environment} queryClient={queryClient}>
      <VolumeGeoRepPage />
    </AppProviders>,
  );
  return { user, services, environment };
}

const readOnly = () =>
  jest.fn().mockResolvedValue({ can_read: true, can_manage: false, reason: 'Needs GlusterAdmin' });

describe("a volume's sub tab", () => {
  test('lists only the sessions whose primary volume it is, and counts only those', async () => {
    const services = fakeServices([
      makeSession({ primary_volume: 'alpha', secondary_volume: 'alpha-dr', status: 'Active' }),
      makeSession({ primary_volume: 'alpha', secondary_volume: 'alpha-dr2', status: 'Paused' }),
      makeSession({ primary_volume: 'beta', status: 'Active' }),
      makeSession({ primary_volume: 'alphabet', status: 'Faulty' }),
    ]);
    renderVolumeTab({ services });
    expect(
      await screen.findByRole('heading', { name: 'Geo-replication sessions from volume alpha' }),
    ).toBeInTheDocument();
    const rows = await sessionRows();
    expect(rows.map((r) => cellText(r, 'Secondary volume'))).toEqual(['alpha-dr', 'alpha-dr2']);
    expect(rows.map((r) => cellText(r, 'Primary volume'))).toEqual(['alpha', 'alpha']);
    expect(services.listSessions).toHaveBeenCalledWith(CLUSTER.id);
    // The status summary counts this volume's sessions: 2 in all, no Faulty one (alphabet's).
    const summary = screen.getByRole('group', {
      name: 'Sessions by status (select one to filter)',
    });
    expect(within(summary).getByRole('button', { name: 'All: 2 sessions' })).toBeInTheDocument();
    expect(within(summary).getByRole('button', { name: /^Faulty.*: 0 sessions$/ })).toBeDisabled();
  });

  test('no session from this volume: an empty state that says so, whose New session preselects it', async () => {
    const services = fakeServices([makeSession({ primary_volume: 'beta' })], {
      listClusterVolumes: jest.fn().mockResolvedValue([
        { id: 'v-alpha', name: 'alpha', status: 'up' },
        { id: 'v-beta', name: 'beta', status: 'up' },
      ]),
    });
    const { user } = renderVolumeTab({ services });
    expect(
      await screen.findByRole('heading', { name: 'No geo-replication sessions' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Volume alpha of cluster gluster-east is not the primary volume of any geo-replication session/,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New session' }));
    const dialog = await screen.findByRole('dialog', { name: 'New geo-replication session' });
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Primary volume/)).toHaveValue('alpha'),
    );
  });

  test('a read-only user sees the sessions and cannot act: New session and the actions are disabled', async () => {
    const services = fakeServices([makeSession({ primary_volume: 'alpha', status: 'Active' })], {
      getAccess: readOnly(),
    });
    const { user } = renderVolumeTab({ services });
    expect(await sessionRows()).toHaveLength(1);
    const newSession = screen.getByRole('button', { name: 'New session' });
    await waitFor(() => expect(newSession).toHaveAttribute('aria-disabled', 'true'));
    const row = (await sessionRows())[0]!;
    await user.click(within(row).getByRole('button', { name: /^Actions for session/ }));
    expect(await screen.findByRole('menuitem', { name: 'Pause' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(services.controlSession).not.toHaveBeenCalled();
  });

  test('read-only, no session from this volume: New session is disabled with the reason', async () => {
    const services = fakeServices([], { getAccess: readOnly() });
    const { user } = renderVolumeTab({ services });
    const button = await screen.findByRole('button', { name: 'New session' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.hover(button);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Needs GlusterAdmin');
  });

  test('while the sessions load: a spinner', async () => {
    const services = fakeServices([], { listSessions: jest.fn(() => new Promise(() => {})) });
    renderVolumeTab({ services });
    expect(
      await screen.findByRole('progressbar', { name: 'Loading geo-replication sessions' }),
    ).toBeInTheDocument();
  });

  test('the geo-rep service unreachable: the error and a retry, as the place shows it', async () => {
    const listSessions = jest
      .fn()
      .mockRejectedValueOnce(apiError('unreachable', 'connect ECONNREFUSED'))
      .mockResolvedValue(sessionList([makeSession({ primary_volume: 'alpha' })]));
    const { user } = renderVolumeTab({ services: fakeServices([], { listSessions }) });
    expect(
      await screen.findByRole('heading', { name: 'Cannot read the geo-replication sessions' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/connect ECONNREFUSED/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(await sessionRows()).toHaveLength(1);
  });

  test('WebAdmin did not name the volume: says so, and reads nothing', async () => {
    const services = fakeServices();
    renderVolumeTab({ services, search: '' });
    expect(await screen.findByRole('heading', { name: 'No volume selected' })).toBeInTheDocument();
    expect(services.listSessions).not.toHaveBeenCalled();
  });

  test("the volume's cluster is not one the user sees: says so", async () => {
    const services = fakeServices();
    renderVolumeTab({
      services,
      search: '?clusterId=c-other&volumeId=v-1&volumeName=alpha',
    });
    expect(await screen.findByRole('heading', { name: 'Cluster not found' })).toBeInTheDocument();
    expect(services.listSessions).not.toHaveBeenCalled();
  });

  test("a session's details link to its events in WebAdmin's Events, with the session's search", async () => {
    const showEvents = jest.fn();
    const services = fakeServices([
      makeSession({
        primary_volume: 'alpha',
        secondary_host: 'remote1.example.com',
        secondary_volume: 'alpha-dr',
      }),
    ]);
    const { user } = renderVolumeTab({ services, showEvents });
    const row = (await sessionRows())[0]!;
    await user.click(within(row).getByRole('button', { name: /^Details of session/ }));
    await user.click(
      await screen.findByRole('button', {
        name: "Show this session's events (actions and status changes) in Events",
      }),
    );
    expect(showEvents).toHaveBeenCalledWith(
      'Events: origin = gluster-georep and cluster = gluster-east and message = "* alpha *remote1.example.com::alpha-dr*" and message != "*@remote1.example.com::alpha-dr*"',
    );
  });

  test("a row's actions end with Show events, for a read-only user too", async () => {
    const showEvents = jest.fn();
    const services = fakeServices(
      [makeSession({ primary_volume: 'alpha', secondary_user: 'geoaccount' })],
      { getAccess: readOnly() },
    );
    const { user } = renderVolumeTab({ services, showEvents });
    const row = (await sessionRows())[0]!;
    await user.click(within(row).getByRole('button', { name: /^Actions for session/ }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.at(-1)).toHaveTextContent('Show events');
    await user.click(items.at(-1)!);
    expect(showEvents).toHaveBeenCalledWith(
      'Events: origin = gluster-georep and cluster = gluster-east and message = "* alpha *geoaccount@remote1.example.com::alpha-dr*"',
    );
  });

  test('outside WebAdmin (no Events to open): no events link', async () => {
    renderVolumeTab({ services: fakeServices([makeSession({ primary_volume: 'alpha' })]) });
    const row = (await sessionRows())[0]!;
    await userEvent.click(within(row).getByRole('button', { name: /^Details of session/ }));
    expect(
      await screen.findByRole('heading', { name: 'Workers, by replica set' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /events/ })).not.toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: /^Actions for session/ }));
    await screen.findAllByRole('menuitem');
    expect(screen.queryByRole('menuitem', { name: 'Show events' })).not.toBeInTheDocument();
  });
});
