// Every state of the tab: loading, no cluster, no sessions, 401, 403, not found, engine or service
// unreachable (with and without last data), and hostile names.
import { act, screen, waitFor, within } from '@testing-library/react';
import {
  apiError,
  CLUSTER,
  fakeServices,
  makeSession,
  renderApp,
  rowFor,
  sessionList,
  sessionRows,
} from '../../../support/app-harness';

describe('loading', () => {
  test('shows a spinner while the clusters load, then one while the sessions load', async () => {
    let resolveClusters!: (v: unknown) => void;
    let resolveSessions!: (v: unknown) => void;
    const services = fakeServices([], {
      listGlusterClusters: jest.fn(() => new Promise((r) => (resolveClusters = r))),
      listSessions: jest.fn(() => new Promise((r) => (resolveSessions = r))),
    });
    renderApp({ services });
    expect(screen.getByRole('progressbar', { name: 'Loading clusters' })).toBeInTheDocument();
    await act(async () => {
      resolveClusters([CLUSTER]);
      await Promise.resolve();
    });
    expect(
      await screen.findByRole('progressbar', { name: 'Loading geo-replication sessions' }),
    ).toBeInTheDocument();
    expect(services.listSessions).toHaveBeenCalledWith(CLUSTER.id);
    await act(async () => {
      resolveSessions(sessionList([makeSession({ primary_volume: 'alpha' })]));
      await Promise.resolve();
    });
    expect(await sessionRows()).toHaveLength(1);
    expect(
      screen.queryByRole('progressbar', { name: 'Loading geo-replication sessions' }),
    ).not.toBeInTheDocument();
  });
});

describe('empty', () => {
  test('no Gluster cluster: an empty state and no session request', async () => {
    const services = fakeServices([], { listGlusterClusters: jest.fn().mockResolvedValue([]) });
    renderApp({ services });
    expect(await screen.findByRole('heading', { name: 'No Gluster cluster' })).toBeInTheDocument();
    expect(services.listSessions).not.toHaveBeenCalled();
    expect(screen.queryByRole('combobox', { name: 'Cluster' })).not.toBeInTheDocument();
  });

  test('no sessions: an empty state whose New session button opens the Start dialog for the cluster', async () => {
    const onStartSession = jest.fn();
    const { user } = renderApp({ services: fakeServices([]), onStartSession });
    expect(
      await screen.findByRole('heading', { name: 'No geo-replication sessions' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/No volume of cluster gluster-east replicates/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New session' }));
    expect(onStartSession).toHaveBeenCalledWith(CLUSTER.id);
  });

  test('no sessions and no Start dialog wired: no New session button', async () => {
    renderApp({ services: fakeServices([]) });
    expect(
      await screen.findByRole('heading', { name: 'No geo-replication sessions' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New session' })).not.toBeInTheDocument();
  });

  test('no sessions, read-only user: New session is disabled with the reason', async () => {
    const onStartSession = jest.fn();
    const services = fakeServices([], {
      getAccess: jest.fn().mockResolvedValue({
        can_read: true,
        can_manage: false,
        reason: 'Needs the GlusterAdmin role',
      }),
    });
    const { user } = renderApp({ services, onStartSession });
    const button = await screen.findByRole('button', { name: 'New session' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    await user.click(button);
    expect(onStartSession).not.toHaveBeenCalled();
    await user.hover(button);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Needs the GlusterAdmin role');
  });
});

describe('errors', () => {
  test('401: says to log in again, with a reload link', async () => {
    const services = fakeServices([], {
      listSessions: jest.fn().mockRejectedValue(apiError('unauthorized', 'token expired')),
    });
    const { user, environment } = renderApp({ services });
    expect(
      await screen.findByRole('heading', { name: 'Your login has expired' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload WebAdmin and log in again' }));
    expect(environment.reloadWebAdmin).toHaveBeenCalledTimes(1);
  });

  test('401 from the engine when listing clusters: the same', async () => {
    const services = fakeServices([], {
      listGlusterClusters: jest.fn().mockRejectedValue(apiError('unauthorized')),
    });
    renderApp({ services });
    expect(
      await screen.findByRole('heading', { name: 'Your login has expired' }),
    ).toBeInTheDocument();
  });

  test('403 on the sessions: no permission, with the service’s reason', async () => {
    const services = fakeServices([], {
      listSessions: jest
        .fn()
        .mockRejectedValue(
          apiError('forbidden', 'User admin@internal has no role on cluster gluster-east'),
        ),
    });
    renderApp({ services });
    expect(await screen.findByRole('heading', { name: 'No permission' })).toBeInTheDocument();
    expect(
      screen.getByText('User admin@internal has no role on cluster gluster-east'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again now' })).not.toBeInTheDocument();
  });

  test('404: the cluster is unknown to the service', async () => {
    const services = fakeServices([], {
      listSessions: jest.fn().mockRejectedValue(apiError('not_found')),
    });
    renderApp({ services });
    expect(await screen.findByRole('heading', { name: 'Cluster not found' })).toBeInTheDocument();
  });

  test('service unreachable before any data: an error with a retry that loads the data', async () => {
    const listSessions = jest
      .fn()
      .mockRejectedValueOnce(apiError('unreachable', 'connect ECONNREFUSED'))
      .mockResolvedValue(sessionList([makeSession({ primary_volume: 'alpha' })]));
    const { user } = renderApp({ services: fakeServices([], { listSessions }) });
    expect(
      await screen.findByRole('heading', { name: 'Cannot read the geo-replication sessions' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/connect ECONNREFUSED/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(await sessionRows()).toHaveLength(1);
    expect(listSessions).toHaveBeenCalledTimes(2);
  });

  test('engine unreachable while listing clusters: an error with a retry', async () => {
    const listGlusterClusters = jest
      .fn()
      .mockRejectedValueOnce(apiError('timeout', 'timeout of 15000ms exceeded'))
      .mockResolvedValue([CLUSTER]);
    const { user } = renderApp({
      services: fakeServices([makeSession()], { listGlusterClusters }),
    });
    expect(
      await screen.findByRole('heading', { name: 'Cannot read the clusters from the engine' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(await sessionRows()).toHaveLength(1);
  });

  test('service unreachable after data was read: the last data stays, marked stale, and retry refreshes it', async () => {
    const first = sessionList([makeSession({ primary_volume: 'alpha', status: 'Active' })]);
    const listSessions = jest
      .fn()
      .mockResolvedValueOnce(first)
      .mockRejectedValueOnce(apiError('unreachable', 'The geo-rep service did not answer.'))
      .mockResolvedValue(
        sessionList([makeSession({ primary_volume: 'alpha', status: 'Stopped' })]),
      );
    const { user, queryClient } = renderApp({ services: fakeServices([], { listSessions }) });
    expect(await sessionRows()).toHaveLength(1);
    await act(async () => {
      await queryClient.refetchQueries({ queryKey: ['georep', 'sessions', CLUSTER.id] });
    });
    const alert = await screen.findByText(/The latest refresh failed: showing the data read/);
    expect(alert).toBeInTheDocument();
    // the detail's own period ends the sentence: never two
    expect(
      screen.getByText(
        'The geo-rep service did not answer. The sessions are read again every 600 seconds.',
      ),
    ).toBeInTheDocument();
    // the data is still there
    const row = await rowFor('alpha');
    expect(within(row).getByText('Active')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    await waitFor(() =>
      expect(screen.queryByText(/The latest refresh failed/)).not.toBeInTheDocument(),
    );
    expect(within(await rowFor('alpha')).getByText('Stopped')).toBeInTheDocument();
  });

  test('401 on a refresh after data was read: keeps the data and says to log in again', async () => {
    const listSessions = jest
      .fn()
      .mockResolvedValueOnce(sessionList([makeSession({ primary_volume: 'alpha' })]))
      .mockRejectedValue(apiError('unauthorized'));
    const { queryClient } = renderApp({ services: fakeServices([], { listSessions }) });
    expect(await sessionRows()).toHaveLength(1);
    await act(async () => {
      await queryClient.refetchQueries({ queryKey: ['georep', 'sessions', CLUSTER.id] });
    });
    expect(await screen.findByText('Your login has expired')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Reload WebAdmin and log in again' }),
    ).toBeInTheDocument();
    expect(await sessionRows()).toHaveLength(1);
  });
});

describe('hostile names', () => {
  test('markup, quotes and long unicode render as inert, readable text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const quotes = `vol"'\`; DROP TABLE--`;
    const long = 'ボリューム-'.repeat(30) + '😀🌍';
    const sessions = [
      makeSession({
        primary_volume: evil,
        secondary_host: quotes,
        secondary_volume: long,
        secondary_user: '<b>u</b>',
      }),
    ];
    const { user, container } = renderApp({ services: fakeServices(sessions) });
    const row = await rowFor(evil);
    expect(within(row).getByText(evil)).toBeInTheDocument();
    expect(within(row).getByText(quotes)).toBeInTheDocument();
    expect(within(row).getByText('<b>u</b>')).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(row.querySelector('b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // The long name is cut visually and shown whole in a tooltip.
    const longCell = within(row).getByText(long);
    expect(longCell).toHaveClass('georep-name--truncated');
    expect(longCell).toHaveAttribute('title', long);
    await user.hover(longCell);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(long);
    // Short names are not truncated.
    expect(within(row).getByText(quotes)).not.toHaveClass('georep-name--truncated');
  });

  test('a hostile name in a dialog is text too', async () => {
    const evil = '<img src=y onerror=alert(1)>';
    const { user } = renderApp({
      services: fakeServices([makeSession({ primary_volume: evil, status: 'Stopped' })]),
    });
    const row = await rowFor(evil);
    await user.click(within(row).getByRole('button', { name: /^Actions for session/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Start' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(new RegExp(evil.replace(/[()]/g, '\\$&')))).toBeInTheDocument();
    expect(document.querySelector('img[src="y"]')).toBeNull();
  });
});
