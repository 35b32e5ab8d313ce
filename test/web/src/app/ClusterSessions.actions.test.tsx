// Actions: enabled by state, permitted by role, confirm → call → re-read, 409 → Force, remove with
// reset-sync-time, checkpoint, several sessions at once, progress and no double send.
import { act, screen, waitFor, within } from '@testing-library/react';
import type { SessionControlAction } from '../../../../src/app/environment';
import type { GeoRepSession, SessionStatus } from '../../../../src/georep/types';
import {
  apiError,
  CLUSTER,
  cellText,
  fakeServices,
  type FakeServices,
  makeSession,
  renderApp,
  rowAction,
  rowFor,
  sessionList,
  sessionRows,
} from '../../../support/app-harness';

/** A fake service with state: actions change the sessions the next read returns, as Gluster would. */
function statefulServices(
  initial: GeoRepSession[],
  overrides: Partial<FakeServices> = {},
): FakeServices {
  let sessions = initial.map((s) => ({ ...s }));
  const next: Record<SessionControlAction, SessionStatus> = {
    start: 'Active',
    stop: 'Stopped',
    pause: 'Paused',
    resume: 'Active',
  };
  return fakeServices([], {
    listSessions: jest.fn(() => Promise.resolve(sessionList(sessions.map((s) => ({ ...s }))))),
    controlSession: jest.fn((_cid: string, id: string, action: SessionControlAction) => {
      sessions = sessions.map((s) => (s.id === id ? { ...s, status: next[action] } : s));
      return Promise.resolve(null);
    }),
    removeSession: jest.fn((_cid: string, id: string) => {
      sessions = sessions.filter((s) => s.id !== id);
      return Promise.resolve();
    }),
    ...overrides,
  });
}

async function openKebab(user: ReturnType<typeof renderApp>['user'], volume: string) {
  const row = await rowFor(volume);
  await user.click(within(row).getByRole('button', { name: /^Actions for session/ }));
  return screen.findByRole('menu');
}

const enabledItems = (menu: HTMLElement) =>
  within(menu)
    .getAllByRole('menuitem')
    .filter((i) => i.getAttribute('aria-disabled') !== 'true')
    .map((i) => i.textContent);

describe('actions enabled by state', () => {
  test.each<[SessionStatus, string[]]>([
    ['Created', ['Start', 'Options', 'Remove']],
    ['Stopped', ['Start', 'Options', 'Remove']],
    ['Active', ['Stop', 'Pause', 'Set checkpoint now', 'Options']],
    ['Passive', ['Stop', 'Pause', 'Set checkpoint now', 'Options']],
    ['Faulty', ['Stop', 'Pause', 'Set checkpoint now', 'Options']],
    ['Paused', ['Stop', 'Resume', 'Set checkpoint now', 'Options']],
    ['Unknown', ['Stop', 'Options']],
  ])('%s session: %j', async (status, expected) => {
    const { user } = renderApp({
      services: fakeServices([makeSession({ primary_volume: 'v', status })]),
    });
    const menu = await openKebab(user, 'v');
    expect(enabledItems(menu)).toEqual(expected);
  });

  test('a disabled action says why', async () => {
    const { user } = renderApp({
      services: fakeServices([makeSession({ primary_volume: 'v', status: 'Active' })]),
    });
    const menu = await openKebab(user, 'v');
    const remove = within(menu).getByRole('menuitem', { name: 'Remove' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    await user.hover(remove);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Only a Stopped or Created session can be removed: stop it first.',
    );
  });
});

describe('role', () => {
  test('a read-only user sees every action disabled with the reason', async () => {
    const services = fakeServices([makeSession({ primary_volume: 'v', status: 'Stopped' })], {
      getAccess: jest.fn().mockResolvedValue({
        can_read: true,
        can_manage: false,
        reason: 'You have the GlusterViewer role only',
      }),
    });
    const { user } = renderApp({ services });
    await sessionRows();
    await user.click(within(await rowFor('v')).getByRole('checkbox'));
    const start = screen.getByRole('button', { name: 'Start' });
    await waitFor(() => expect(start).toHaveAttribute('aria-disabled', 'true'));
    await user.hover(start);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You have the GlusterViewer role only',
    );
    await user.click(start);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const menu = await openKebab(user, 'v');
    // Options open to read; nothing else
    expect(enabledItems(menu)).toEqual(['Options']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Start' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(services.controlSession).not.toHaveBeenCalled();
    await user.click(within(menu).getByRole('menuitem', { name: 'Options' }));
    const dialog = await screen.findByRole('dialog', { name: 'Geo-replication options' });
    expect(await within(dialog).findByText(/You can read these options/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Apply' })).toBeNull();
  });

  test('403 from /access disables the actions with the service’s reason', async () => {
    const services = fakeServices([makeSession({ primary_volume: 'v', status: 'Stopped' })], {
      getAccess: jest
        .fn()
        .mockRejectedValue(apiError('forbidden', 'Not allowed to manage cluster gluster-east')),
    });
    const { user } = renderApp({ services });
    const menu = await openKebab(user, 'v');
    await waitFor(() =>
      expect(within(menu).getByRole('menuitem', { name: 'Start' })).toHaveAttribute(
        'aria-disabled',
        'true',
      ),
    );
    await user.hover(within(menu).getByRole('menuitem', { name: 'Start' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Not allowed to manage cluster gluster-east',
    );
  });

  test('without any selection the toolbar actions say to select sessions', async () => {
    const { user } = renderApp({ services: fakeServices([makeSession({ primary_volume: 'v' })]) });
    await sessionRows();
    const stop = screen.getByRole('button', { name: 'Stop' });
    await waitFor(() => expect(stop).toHaveAttribute('aria-disabled', 'true'));
    await user.hover(stop);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Select one or more sessions first.',
    );
  });
});

describe.each<[SessionControlAction, SessionStatus, string, string, RegExp]>([
  ['start', 'Stopped', 'Start', 'Active', /starts a worker for every brick/],
  ['stop', 'Active', 'Stop', 'Stopped', /The workers stop and nothing is synced/],
  ['pause', 'Active', 'Pause', 'Paused', /The workers pause where they are/],
  ['resume', 'Paused', 'Resume', 'Active', /continue syncing from where they stopped/],
])('%s', (action, from, label, to, explanation) => {
  test(`confirms what it acts on, calls the service, re-reads and shows Gluster's new state`, async () => {
    const services = statefulServices([
      makeSession({
        id: 'sid',
        primary_volume: 'data',
        secondary_host: 'dr.example.com',
        secondary_volume: 'data-dr',
        status: from,
      }),
    ]);
    const { user, environment } = renderApp({ services });
    await rowAction(user, 'data', label);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('data to root@dr.example.com::data-dr')).toBeInTheDocument();
    expect(within(dialog).getByText(explanation)).toBeInTheDocument();
    const readsBefore = services.listSessions.mock.calls.length;
    await user.click(within(dialog).getByRole('button', { name: label }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(services.controlSession).toHaveBeenCalledTimes(1);
    expect(services.controlSession).toHaveBeenCalledWith(CLUSTER.id, 'sid', action, false);
    expect(services.listSessions.mock.calls.length).toBeGreaterThan(readsBefore);
    expect(cellText(await rowFor('data'), 'Status')).toBe(to);
    expect(environment.showToast).toHaveBeenCalledWith(
      'success',
      expect.stringContaining('data to root@dr.example.com::data-dr'),
    );
  });

  test('cancel sends nothing', async () => {
    const services = statefulServices([makeSession({ primary_volume: 'data', status: from })]);
    const { user } = renderApp({ services });
    await rowAction(user, 'data', label);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(services.controlSession).not.toHaveBeenCalled();
  });
});

/** The buttons of a dialog's footer, by their text. */
const footerButtons = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll('footer button')].map((b) => b.textContent);

const PEER_DOWN =
  'Peer n3.example.com, which is a part of data volume, is down. Please bring up the peer and retry.';
/** The service's 409 detail: the step, then Gluster's own words. */
const ING: Record<SessionControlAction, string> = {
  start: 'Starting',
  stop: 'Stopping',
  pause: 'Pausing',
  resume: 'Resuming',
};
const refusedDetail = (action: SessionControlAction, words: string) =>
  `${ING[action]} the session data -> root@dr::data-dr failed. Gluster said: ${words}`;

describe.each<[SessionControlAction, SessionStatus, string, string, RegExp]>([
  [
    'start',
    'Stopped',
    'Start',
    'geo-replication session between data & dr::data-dr already started',
    /Force start starts its workers again wherever they are not running/,
  ],
  ['stop', 'Active', 'Stop', PEER_DOWN, /Force stop stops the workers on the nodes that are up/],
  [
    'pause',
    'Active',
    'Pause',
    'Geo-replication session between data and dr::data-dr already Paused.',
    /Force pause pauses its workers again/,
  ],
  [
    'resume',
    'Paused',
    'Resume',
    'Geo-replication session between data and dr::data-dr is not Paused.',
    /Force resume resumes its workers anyway/,
  ],
])(
  '%s refused by Gluster (409) where force skips the check',
  (action, from, label, words, forceHelp) => {
    test('shows Gluster’s message and offers Force with what it does; Force sends force=true', async () => {
      const detail = refusedDetail(action, words);
      const controlSession = jest
        .fn()
        .mockRejectedValueOnce(apiError('conflict', detail))
        .mockResolvedValue(null);
      const services = fakeServices(
        [makeSession({ id: 'sid', primary_volume: 'data', status: from })],
        { controlSession },
      );
      const { user, environment } = renderApp({ services });
      await rowAction(user, 'data', label);
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: label }));
      expect(
        await within(dialog).findByText(`Gluster refused: ${detail}`, { exact: false }),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByText('Gluster refused. Force may get past this:'),
      ).toBeInTheDocument();
      expect(within(dialog).getByText(forceHelp)).toBeInTheDocument();
      expect(within(dialog).queryByText('Force would not help')).not.toBeInTheDocument();
      expect(environment.showToast).not.toHaveBeenCalled();
      const forceButton = within(dialog).getByRole('button', { name: `Force ${action}` });
      await user.click(forceButton);
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(controlSession).toHaveBeenCalledTimes(2);
      expect(controlSession).toHaveBeenLastCalledWith(CLUSTER.id, 'sid', action, true);
      expect(environment.showToast).toHaveBeenCalledWith('success', expect.any(String));
    });
  },
);

describe.each<[SessionControlAction, SessionStatus, string, string, RegExp]>([
  [
    'pause',
    'Active',
    'Pause',
    PEER_DOWN,
    /Gluster refuses this with force too\. Bring the node back up/,
  ],
  ['resume', 'Paused', 'Resume', PEER_DOWN, /meanwhile only a forced Stop works/],
  [
    'start',
    'Stopped',
    'Start',
    'Volume data needs to be started before geo-replication start',
    /Start the volume first/,
  ],
  [
    'stop',
    'Active',
    'Stop',
    'Another transaction is in progress for data. Please try again after some time.',
    /Try again in a moment; force does not help here/,
  ],
  [
    'start',
    'Stopped',
    'Start',
    'Something nobody has seen Gluster say',
    /Gluster is not known to skip this check with force/,
  ],
])('%s refused by Gluster (409) where force does not help', (action, from, label, words, why) => {
  test(`"${words}": Gluster’s message and why, no Force`, async () => {
    const detail = refusedDetail(action, words);
    const controlSession = jest.fn().mockRejectedValue(apiError('conflict', detail));
    const { user } = renderApp({
      services: fakeServices([makeSession({ id: 'sid', primary_volume: 'data', status: from })], {
        controlSession,
      }),
    });
    await rowAction(user, 'data', label);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: label }));
    expect(
      await within(dialog).findByText(`Gluster refused: ${detail}`, { exact: false }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Force would not help')).toBeInTheDocument();
    expect(within(dialog).getByText(why)).toBeInTheDocument();
    expect(within(dialog).queryByText(/Force may get past this/)).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: /Force/ })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: label })).not.toBeInTheDocument();
    expect(footerButtons(dialog)).toEqual(['Close']);
    expect(controlSession).toHaveBeenCalledTimes(1);
  });
});

test('a forced attempt that Gluster refuses too shows Gluster’s reason and does not offer Force again', async () => {
  const first = refusedDetail('stop', PEER_DOWN);
  const second = refusedDetail(
    'stop',
    'geo-replication command failed: Commit failed on n2.example.com',
  );
  const controlSession = jest
    .fn()
    .mockRejectedValueOnce(apiError('conflict', first))
    .mockRejectedValueOnce(apiError('conflict', second));
  const { user } = renderApp({
    services: fakeServices([makeSession({ id: 'sid', primary_volume: 'data', status: 'Active' })], {
      controlSession,
    }),
  });
  await rowAction(user, 'data', 'Stop');
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Stop' }));
  await user.click(await within(dialog).findByRole('button', { name: 'Force stop' }));
  expect(
    await within(dialog).findByText(`Gluster refused, even with force: ${second}`, {
      exact: false,
    }),
  ).toBeInTheDocument();
  expect(controlSession).toHaveBeenCalledTimes(2);
  expect(controlSession).toHaveBeenLastCalledWith(CLUSTER.id, 'sid', 'stop', true);
  expect(within(dialog).queryByRole('button', { name: /Force/ })).not.toBeInTheDocument();
  expect(within(dialog).queryByText(/Force may get past this/)).not.toBeInTheDocument();
  expect(within(dialog).queryByText('Force would not help')).not.toBeInTheDocument();
  expect(footerButtons(dialog)).toEqual(['Close']);
});

test('a forced attempt refused with the same words is not offered Force again either', async () => {
  const detail = refusedDetail('stop', PEER_DOWN);
  const controlSession = jest.fn().mockRejectedValue(apiError('conflict', detail));
  const { user } = renderApp({
    services: fakeServices([makeSession({ id: 'sid', primary_volume: 'data', status: 'Active' })], {
      controlSession,
    }),
  });
  await rowAction(user, 'data', 'Stop');
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Stop' }));
  await user.click(await within(dialog).findByRole('button', { name: 'Force stop' }));
  expect(
    await within(dialog).findByText(`Gluster refused, even with force: ${detail}`, {
      exact: false,
    }),
  ).toBeInTheDocument();
  expect(within(dialog).queryByRole('button', { name: /Force/ })).not.toBeInTheDocument();
  expect(controlSession).toHaveBeenCalledTimes(2);
});

test('a failure that is not a refusal (502) is shown, with no Force offered', async () => {
  const controlSession = jest
    .fn()
    .mockRejectedValue(
      apiError(
        'unreachable',
        'ssh: connect to host n1 port 22: No route to host',
        'Gluster host unreachable',
      ),
    );
  const { user, environment } = renderApp({
    services: fakeServices([makeSession({ primary_volume: 'data', status: 'Active' })], {
      controlSession,
    }),
  });
  await rowAction(user, 'data', 'Stop');
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Stop' }));
  expect(
    await within(dialog).findByText(/Failed: ssh: connect to host n1 port 22: No route to host/),
  ).toBeInTheDocument();
  expect(within(dialog).queryByRole('button', { name: /Force/ })).not.toBeInTheDocument();
  expect(environment.showToast).not.toHaveBeenCalled();
});

test('shows progress while it runs, and a double click sends once', async () => {
  let finish!: () => void;
  const controlSession = jest.fn(
    () => new Promise<null>((resolve) => (finish = () => resolve(null))),
  );
  const { user } = renderApp({
    services: fakeServices([makeSession({ primary_volume: 'data', status: 'Active' })], {
      controlSession,
    }),
  });
  await rowAction(user, 'data', 'Stop');
  const dialog = await screen.findByRole('dialog');
  const confirm = within(dialog).getByRole('button', { name: 'Stop' });
  // Two clicks within one event-loop turn (before React re-renders the disabled button)...
  act(() => {
    confirm.click();
    confirm.click();
  });
  // ...and a user's double click.
  await user.dblClick(confirm);
  expect(await within(dialog).findByRole('status')).toHaveTextContent('Working: 0 of 1 done');
  expect(within(dialog).getByRole('button', { name: /Stop/ })).toBeDisabled();
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
  await user.click(within(dialog).getByRole('button', { name: /Stop/ }));
  expect(controlSession).toHaveBeenCalledTimes(1);
  finish();
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(controlSession).toHaveBeenCalledTimes(1);
});

test('uses the tab’s own toast when WebAdmin’s is not available', async () => {
  const services = statefulServices([makeSession({ primary_volume: 'data', status: 'Stopped' })]);
  const { user } = renderApp({ services, showToast: undefined });
  await rowAction(user, 'data', 'Start');
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Start' }));
  expect(
    await screen.findByText('Started geo-replication of data to root@remote1.example.com::data-dr'),
  ).toBeInTheDocument();
});

describe('remove', () => {
  test('explains reset sync time; sends it when ticked; the session disappears after the re-read', async () => {
    const services = statefulServices([
      makeSession({ id: 'sid', primary_volume: 'old', status: 'Stopped' }),
      makeSession({ primary_volume: 'keep' }),
    ]);
    const { user, environment } = renderApp({ services });
    await rowAction(user, 'old', 'Remove');
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /starts with a full crawl from scratch instead of resuming from the last sync time/,
      ),
    ).toBeInTheDocument();
    const reset = within(dialog).getByRole('checkbox', { name: /Reset sync time/ });
    expect(reset).not.toBeChecked();
    await user.click(reset);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(services.removeSession).toHaveBeenCalledWith(CLUSTER.id, 'sid', true, false);
    await waitFor(async () =>
      expect((await sessionRows()).map((r) => cellText(r, 'Primary volume'))).toEqual(['keep']),
    );
    expect(environment.showToast).toHaveBeenCalledWith(
      'success',
      expect.stringContaining('Removed geo-replication session'),
    );
  });

  test('offers to remove the volume provisioned on a directory, and only for such a session', async () => {
    const services = statefulServices([
      makeSession({
        id: 'sid',
        primary_volume: 'old',
        status: 'Stopped',
        secondary_volume: 'georep-data-backup',
      }),
      makeSession({ id: 'plain', primary_volume: 'other', status: 'Stopped' }),
    ]);
    const { user } = renderApp({ services });
    await rowAction(user, 'other', 'Remove');
    let dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).queryByRole('checkbox', { name: /secondary volume created for a directory/ }),
    ).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await rowAction(user, 'old', 'Remove');
    dialog = await screen.findByRole('dialog');
    const volume = within(dialog).getByRole('checkbox', {
      name: /secondary volume created for a directory/,
    });
    expect(within(dialog).getByText(/the files in the directory stay/)).toBeInTheDocument();
    await user.click(volume);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(services.removeSession).toHaveBeenCalledWith(CLUSTER.id, 'sid', false, true),
    );
  });

  test('without reset sync time by default', async () => {
    const services = statefulServices([
      makeSession({ id: 'sid', primary_volume: 'old', status: 'Created' }),
    ]);
    const { user } = renderApp({ services });
    await rowAction(user, 'old', 'Remove');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(services.removeSession).toHaveBeenCalledWith(CLUSTER.id, 'sid', false, false),
    );
  });

  test('a failed removal shows Gluster’s message and keeps the dialog', async () => {
    const removeSession = jest
      .fn()
      .mockRejectedValue(apiError('conflict', 'Geo-replication session is running, stop it first'));
    const { user } = renderApp({
      services: fakeServices([makeSession({ primary_volume: 'old', status: 'Stopped' })], {
        removeSession,
      }),
    });
    await rowAction(user, 'old', 'Remove');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(
      await within(dialog).findByText(
        /Gluster refused: Geo-replication session is running, stop it first/,
      ),
    ).toBeInTheDocument();
  });

  test('a removal refused while a node is down says what to do, and offers no Force (removal has none)', async () => {
    const removeSession = jest
      .fn()
      .mockRejectedValue(
        apiError(
          'conflict',
          'Deleting the session old -> root@r::old-dr failed. Gluster said: Peer n3.example.com, which is a part of old volume, is down. Please bring up the peer and retry.',
        ),
      );
    const { user } = renderApp({
      services: fakeServices([makeSession({ primary_volume: 'old', status: 'Stopped' })], {
        removeSession,
      }),
    });
    await rowAction(user, 'old', 'Remove');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByText('What to do')).toBeInTheDocument();
    expect(
      within(dialog).getByText(/Gluster does not remove a session then\. Bring the node back up/),
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: /Force/ })).not.toBeInTheDocument();
  });
});

test('set checkpoint now: confirm, call, re-read', async () => {
  const services = fakeServices([
    makeSession({ id: 'sid', primary_volume: 'data', status: 'Active' }),
  ]);
  const { user, environment } = renderApp({ services });
  await rowAction(user, 'data', 'Set checkpoint now');
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByText(/A checkpoint marks this moment/)).toBeInTheDocument();
  const reads = services.listSessions.mock.calls.length;
  await user.click(within(dialog).getByRole('button', { name: 'Set checkpoint now' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(services.setCheckpoint).toHaveBeenCalledWith(CLUSTER.id, 'sid');
  expect(services.listSessions.mock.calls.length).toBeGreaterThan(reads);
  expect(environment.showToast).toHaveBeenCalledWith(
    'success',
    expect.stringContaining('Checkpoint set on'),
  );
});

describe('several sessions', () => {
  test('the same action on all eligible ones, the others left alone, with a result per session and Force for the refused', async () => {
    const sessions = [
      makeSession({ id: 'a', primary_volume: 'a-vol', status: 'Stopped' }),
      makeSession({ id: 'b', primary_volume: 'b-vol', status: 'Created' }),
      makeSession({ id: 'c', primary_volume: 'c-vol', status: 'Active' }),
    ];
    const controlSession = jest.fn((_cid: string, id: string, _a: string, force: boolean) =>
      id === 'b' && !force
        ? Promise.reject(
            apiError(
              'conflict',
              'geo-replication session between b-vol & r::b-vol-dr already started',
            ),
          )
        : Promise.resolve(null),
    );
    const { user, environment } = renderApp({
      services: fakeServices(sessions, { controlSession }),
    });
    await sessionRows();
    await user.click(screen.getByRole('checkbox', { name: 'Select all sessions on this page' }));
    expect(screen.getByText('3 sessions selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('heading', { name: /Start 2 geo-replication sessions/ }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/1 selected session is not in a state that allows this/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Start' }));
    const results = await within(dialog).findByRole('list', { name: 'Results' });
    const items = within(results)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'a-vol to root@remote1.example.com::a-vol-dr: Done',
      'b-vol to root@remote1.example.com::b-vol-dr: Gluster refused: geo-replication session between b-vol & r::b-vol-dr already started',
    ]);
    expect(
      within(dialog).getByText('1 of 2 failed. The table shows the state Gluster reports now.'),
    ).toBeInTheDocument();
    expect(controlSession.mock.calls.map((c) => c[1])).toEqual(['a', 'b']); // never c, the Active one
    await user.click(within(dialog).getByRole('button', { name: 'Force start' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(controlSession).toHaveBeenLastCalledWith(CLUSTER.id, 'b', 'start', true);
    expect(controlSession).toHaveBeenCalledTimes(3); // only the refused one was retried
    expect(environment.showToast).toHaveBeenCalledWith(
      'success',
      'Started 2 geo-replication sessions',
    );
  });

  test('Force only for the sessions whose refusal force may get past; the others say why not', async () => {
    const sessions = [
      makeSession({ id: 'a', primary_volume: 'a-vol', status: 'Active' }),
      makeSession({ id: 'b', primary_volume: 'b-vol', status: 'Active' }),
      makeSession({ id: 'c', primary_volume: 'c-vol', status: 'Active' }),
    ];
    const refusals: Record<string, string> = {
      // a peer of b-vol is down: pause is refused with force too
      b: 'Peer n3.example.com, which is a part of b-vol volume, is down. Please bring up the peer and retry.',
      // Gluster has c as Paused already: pause force skips that check
      c: 'Geo-replication session between c-vol and r::c-vol-dr already Paused.',
    };
    const controlSession = jest.fn((_cid: string, id: string, _a: string, force: boolean) =>
      refusals[id] && !(id === 'c' && force)
        ? Promise.reject(apiError('conflict', refusals[id]))
        : Promise.resolve(null),
    );
    const { user } = renderApp({ services: fakeServices(sessions, { controlSession }) });
    await sessionRows();
    await user.click(screen.getByRole('checkbox', { name: 'Select all sessions on this page' }));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Pause' }));
    await within(dialog).findByRole('list', { name: 'Results' });
    expect(within(dialog).getByText(/Force pause pauses its workers again/)).toBeInTheDocument();
    expect(
      within(dialog).getByText('Force retries only the session whose refusal it may get past.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Force would not help')).toBeInTheDocument();
    expect(within(dialog).getByText(/Gluster refuses this with force too/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Force pause' }));
    // c went through with force; b stays refused, with no Force for it
    await waitFor(() =>
      expect(
        within(within(dialog).getByRole('list', { name: 'Results' }))
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        'a-vol to root@remote1.example.com::a-vol-dr: Done',
        `b-vol to root@remote1.example.com::b-vol-dr: Gluster refused: ${refusals.b}`,
        'c-vol to root@remote1.example.com::c-vol-dr: Done',
      ]),
    );
    expect(controlSession.mock.calls.map((c) => [c[1], c[3]])).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
      ['c', true],
    ]);
    expect(within(dialog).queryByRole('button', { name: /Force/ })).not.toBeInTheDocument();
    expect(within(dialog).getByText(/Gluster refuses this with force too/)).toBeInTheDocument();
  });

  test('progress counts sessions as they are done, one at a time', async () => {
    const sessions = [
      makeSession({ id: 'a', primary_volume: 'a1', status: 'Active' }),
      makeSession({ id: 'b', primary_volume: 'b1', status: 'Active' }),
    ];
    const resolvers: (() => void)[] = [];
    const controlSession = jest.fn(() => new Promise<null>((r) => resolvers.push(() => r(null))));
    const { user } = renderApp({ services: fakeServices(sessions, { controlSession }) });
    await sessionRows();
    await user.click(screen.getByRole('checkbox', { name: 'Select all sessions on this page' }));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Pause' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Working: 0 of 2 done');
    expect(controlSession).toHaveBeenCalledTimes(1); // sequential: glusterd locks the cluster per transaction
    resolvers[0]!();
    await waitFor(() =>
      expect(within(dialog).getByRole('status')).toHaveTextContent('Working: 1 of 2 done'),
    );
    expect(controlSession).toHaveBeenCalledTimes(2);
    resolvers[1]!();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  test('Remove on several: one checkbox, every session removed with it', async () => {
    const sessions = [
      makeSession({ id: 'a', primary_volume: 'a1', status: 'Stopped' }),
      makeSession({ id: 'b', primary_volume: 'b1', status: 'Created' }),
    ];
    const services = statefulServices(sessions);
    const { user } = renderApp({ services });
    await sessionRows();
    await user.click(within(await rowFor('a1')).getByRole('checkbox'));
    await user.click(within(await rowFor('b1')).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('checkbox', { name: /Reset sync time/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(services.removeSession.mock.calls).toEqual([
      [CLUSTER.id, 'a', true, false],
      [CLUSTER.id, 'b', true, false],
    ]);
    expect(
      await screen.findByRole('heading', { name: 'No geo-replication sessions' }),
    ).toBeInTheDocument();
  });

  test('Options needs exactly one session', async () => {
    const sessions = [makeSession({ primary_volume: 'a1' }), makeSession({ primary_volume: 'b1' })];
    const { user } = renderApp({ services: fakeServices(sessions) });
    await sessionRows();
    await user.click(screen.getByRole('checkbox', { name: 'Select all sessions on this page' }));
    const options = screen.getByRole('button', { name: 'Options' });
    await waitFor(() => expect(options).toHaveAttribute('aria-disabled', 'true'));
    await user.hover(options);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Select exactly one session.');
  });
});
