// The sessions table: status labels, the summary by status (each a filter), text filter, sort,
// pagination at 10,000 sessions, the lag and checkpoint columns.
import { screen, waitFor, within } from '@testing-library/react';
import type { GeoRepSession, SessionStatus } from '../../../../src/georep/types';
import {
  cellText,
  fakeServices,
  makeSession,
  makeWorker,
  minutesAgo,
  renderApp,
  rowFor,
  rowVolumes,
  sessionList,
  sessionRows,
} from '../../../support/app-harness';

function mixedSessions(): GeoRepSession[] {
  const statuses: [string, SessionStatus][] = [
    ['a-active', 'Active'],
    ['b-passive', 'Passive'],
    ['c-faulty', 'Faulty'],
    ['d-partly', 'PartiallyFaulty'],
    ['e-paused', 'Paused'],
    ['f-stopped', 'Stopped'],
    ['g-created', 'Created'],
    ['h-unknown', 'Unknown'],
    ['i-init', 'Initializing'],
    ['j-offline', 'Offline'],
  ];
  return statuses.map(([v, status]) => makeSession({ primary_volume: v, status }));
}

test('each status is a label with its text and an icon, not colour alone', async () => {
  renderApp({ services: fakeServices(mixedSessions()) });
  const expected: Record<string, string> = {
    'a-active': 'Active',
    'b-passive': 'Passive',
    'c-faulty': 'Faulty',
    'd-partly': 'Partly faulty',
    'e-paused': 'Paused',
    'f-stopped': 'Stopped',
    'g-created': 'Created',
    'h-unknown': 'Unknown',
    'i-init': 'Initializing',
    'j-offline': 'Offline',
  };
  for (const [volume, text] of Object.entries(expected)) {
    const row = await rowFor(volume);
    const label = row.querySelector('td[data-label="Status"] .pf-v6-c-label');
    expect(label).toHaveTextContent(text);
    expect(label!.querySelector('svg')).not.toBeNull();
  }
  // Faulty and Active do not look alike even without colour: different text and icon.
  const faulty = (await rowFor('c-faulty'))
    .querySelector('td[data-label="Status"] svg path')!
    .getAttribute('d');
  const active = (await rowFor('a-active'))
    .querySelector('td[data-label="Status"] svg path')!
    .getAttribute('d');
  expect(faulty).not.toEqual(active);
});

test('the summary counts sessions by status, and each count filters the table', async () => {
  const { user } = renderApp({ services: fakeServices(mixedSessions()) });
  const summary = await screen.findByRole('group', { name: /Sessions by status/ });
  const button = (name: RegExp) => within(summary).getByRole('button', { name });
  expect(button(/^All: 10 sessions/)).toHaveAttribute('aria-pressed', 'true');
  expect(button(/^Active: 2 sessions/)).toBeInTheDocument(); // Active + Initializing
  expect(button(/^Passive only: 1 session$/)).toBeInTheDocument();
  expect(button(/^Faulty, stalled or partly faulty: 2 sessions/)).toBeInTheDocument();
  expect(button(/^Paused: 1 session$/)).toBeInTheDocument();
  expect(button(/^Stopped: 1 session$/)).toBeInTheDocument();
  expect(button(/^Created: 1 session$/)).toBeInTheDocument();
  expect(button(/^Unknown: 2 sessions/)).toBeInTheDocument(); // Unknown + Offline

  await user.click(button(/^Faulty, stalled or partly faulty/));
  expect(await rowVolumes()).toEqual(['c-faulty', 'd-partly']);
  expect(button(/^Faulty, stalled or partly faulty/)).toHaveAttribute('aria-pressed', 'true');
  // The active filter shows as a removable label in the toolbar.
  expect(
    screen.getByText('Faulty, stalled or partly faulty', { selector: '.pf-v6-c-label__text' }),
  ).toBeInTheDocument();

  await user.click(button(/^Stopped/));
  expect(await rowVolumes()).toEqual(['f-stopped']);

  // Pressing the selected state again shows all.
  await user.click(button(/^Stopped/));
  expect(await rowVolumes()).toHaveLength(10);
});

test('a state with no session cannot be chosen', async () => {
  renderApp({ services: fakeServices([makeSession({ status: 'Active' })]) });
  const summary = await screen.findByRole('group', { name: /Sessions by status/ });
  expect(within(summary).getByRole('button', { name: /^Paused: 0 sessions/ })).toBeDisabled();
});

test('the text filter matches primary volume, secondary host, secondary volume and user, case-insensitively', async () => {
  const sessions = [
    makeSession({
      primary_volume: 'images',
      secondary_host: 'dr.paris.example',
      secondary_volume: 'img-copy',
    }),
    makeSession({
      primary_volume: 'vms',
      secondary_host: 'dr.berlin.example',
      secondary_volume: 'vms-copy',
      secondary_user: 'geoaccount',
    }),
    makeSession({
      primary_volume: 'logs',
      secondary_host: 'dr.paris.example',
      secondary_volume: 'logs-copy',
    }),
  ];
  const { user } = renderApp({ services: fakeServices(sessions) });
  const filter = await screen.findByRole('textbox', { name: 'Filter sessions by text' });
  await user.type(filter, 'PARIS');
  await waitFor(async () => expect(await rowVolumes()).toEqual(['images', 'logs']));
  await user.clear(filter);
  await user.type(filter, 'geoacc');
  await waitFor(async () => expect(await rowVolumes()).toEqual(['vms']));
  await user.clear(filter);
  await user.type(filter, 'img-copy');
  await waitFor(async () => expect(await rowVolumes()).toEqual(['images']));
  await user.clear(filter);
  await user.type(filter, 'zzz');
  expect(
    await screen.findByRole('heading', { name: 'No session matches the filters' }),
  ).toBeInTheDocument();
  await user.click(screen.getAllByRole('button', { name: 'Clear all filters' })[0]!);
  await waitFor(async () => expect(await rowVolumes()).toHaveLength(3));
});

test('sorts by a column, ascending then descending', async () => {
  const sessions = [
    makeSession({ primary_volume: 'bravo', secondary_host: 'h3', status: 'Active' }),
    makeSession({ primary_volume: 'alpha', secondary_host: 'h2', status: 'Faulty' }),
    makeSession({ primary_volume: 'charlie', secondary_host: 'h1', status: 'Stopped' }),
  ];
  const { user } = renderApp({ services: fakeServices(sessions) });
  expect(await rowVolumes()).toEqual(['alpha', 'bravo', 'charlie']); // default: primary volume
  await user.click(screen.getByRole('button', { name: 'Secondary host' }));
  expect(await rowVolumes()).toEqual(['charlie', 'alpha', 'bravo']);
  await user.click(screen.getByRole('button', { name: 'Secondary host' }));
  expect(await rowVolumes()).toEqual(['bravo', 'alpha', 'charlie']);
  // Status sorts worst first.
  await user.click(screen.getByRole('button', { name: 'Status' }));
  expect(await rowVolumes()).toEqual(['alpha', 'charlie', 'bravo']);
  const header = screen.getByRole('columnheader', { name: /Status/ });
  expect(header).toHaveAttribute('aria-sort', 'ascending');
});

test('sorts by lag: the oldest sync first', async () => {
  const sessions = [
    makeSession({ primary_volume: 'fresh', last_synced: minutesAgo(1) }),
    makeSession({ primary_volume: 'old', last_synced: minutesAgo(600) }),
    makeSession({ primary_volume: 'mid', last_synced: minutesAgo(30) }),
  ];
  const { user } = renderApp({ services: fakeServices(sessions) });
  await sessionRows();
  await user.click(screen.getByRole('button', { name: 'Synced up to' }));
  expect(await rowVolumes()).toEqual(['old', 'mid', 'fresh']);
});

test('10,000 sessions: paginated, with filter, sort and page navigation still usable', async () => {
  const statuses: SessionStatus[] = ['Active', 'Passive', 'Faulty', 'Stopped', 'Paused'];
  const sessions = Array.from({ length: 10_000 }, (_, i) =>
    makeSession({
      id: `big-${i}`,
      primary_volume: `vol-${String(i).padStart(5, '0')}`,
      status: statuses[i % statuses.length],
    }),
  );
  const { user } = renderApp({
    services: fakeServices([], {
      listSessions: jest.fn().mockResolvedValue(sessionList(sessions)),
    }),
  });
  const rows = await sessionRows();
  expect(rows).toHaveLength(20);
  expect(await rowVolumes()).toEqual(
    Array.from({ length: 20 }, (_, i) => `vol-${String(i).padStart(5, '0')}`),
  );
  expect(
    screen.getAllByText(/of/, {
      selector: '.pf-v6-c-pagination__total-items, .pf-v6-c-pagination__total-items *',
    }).length,
  ).toBeGreaterThan(0);
  expect(
    within(screen.getByRole('group', { name: /Sessions by status/ })).getByRole('button', {
      name: /^All: 10,000 sessions/,
    }),
  ).toBeInTheDocument();

  // Next page
  await user.click(screen.getAllByRole('button', { name: 'Go to next page' })[0]!);
  expect((await rowVolumes())[0]).toBe('vol-00020');

  // Descending sort goes back to page 1 and starts from the end.
  await user.click(screen.getByRole('button', { name: 'Primary volume' }));
  expect((await rowVolumes())[0]).toBe('vol-09999');

  // A state filter: 2,000 Faulty sessions.
  await user.click(
    screen.getByRole('button', { name: /^Faulty, stalled or partly faulty: 2,000 sessions/ }),
  );
  const faulty = await sessionRows();
  expect(faulty).toHaveLength(20);
  expect(faulty.every((r) => cellText(r, 'Status') === 'Faulty')).toBe(true);

  // Text filter narrows to one.
  await user.type(screen.getByRole('textbox', { name: 'Filter sessions by text' }), 'vol-09997');
  await waitFor(async () => expect(await rowVolumes()).toEqual(['vol-09997']));
});

test('changing the page size shows more rows', async () => {
  const sessions = Array.from({ length: 60 }, (_, i) =>
    makeSession({ primary_volume: `v${String(i).padStart(2, '0')}` }),
  );
  const { user } = renderApp({ services: fakeServices(sessions) });
  expect(await sessionRows()).toHaveLength(20);
  // The per-page toggle is named by what it shows (WCAG 2.5.3).
  await user.click(screen.getAllByRole('button', { name: /^1 - 20 of 60/ })[0]!);
  await user.click(await screen.findByRole('menuitem', { name: /^50/ }));
  expect(await sessionRows()).toHaveLength(50);
});

test('lag: "synced up to" relative, the absolute time and lag on hover', async () => {
  const syncedAt = minutesAgo(5);
  const sessions = [
    makeSession({ primary_volume: 'alpha', last_synced: syncedAt, lag_seconds: 310 }),
    makeSession({ primary_volume: 'new', status: 'Created', last_synced: null }),
  ];
  const { user } = renderApp({ services: fakeServices(sessions) });
  const row = await rowFor('alpha');
  const time = row.querySelector('td[data-label="Synced up to"] time')!;
  expect(time).toHaveTextContent('5 minutes ago');
  expect(time).toHaveAttribute('dateTime', syncedAt);
  await user.hover(time);
  const tip = await screen.findByRole('tooltip');
  expect(tip).toHaveTextContent(/Data written before .* is on the secondary volume/);
  expect(tip).toHaveTextContent('Behind by 5 minutes when last read.');
  expect(cellText(await rowFor('new'), 'Synced up to')).toBe('Not started yet');
});

test('checkpoint column: none, in progress per worker, completed', async () => {
  const cpTime = minutesAgo(10);
  const sessions = [
    makeSession({ primary_volume: 'none' }),
    makeSession({
      primary_volume: 'progress',
      checkpoint: { time: cpTime, completed: false, completion_time: null },
      workers: [
        makeWorker({
          replica_set: 0,
          checkpoint: { time: cpTime, completed: true, completion_time: minutesAgo(3) },
        }),
        makeWorker({
          replica_set: 1,
          primary_node: 'n3',
          checkpoint: { time: cpTime, completed: false, completion_time: null },
        }),
      ],
    }),
    makeSession({
      primary_volume: 'done',
      checkpoint: { time: cpTime, completed: true, completion_time: minutesAgo(1) },
      workers: [
        makeWorker({
          checkpoint: { time: cpTime, completed: true, completion_time: minutesAgo(1) },
        }),
      ],
    }),
  ];
  renderApp({ services: fakeServices(sessions) });
  expect(cellText(await rowFor('none'), 'Checkpoint')).toBe('None');
  expect(cellText(await rowFor('progress'), 'Checkpoint')).toBe('In progress: 1 of 2 replica sets');
  expect(cellText(await rowFor('done'), 'Checkpoint')).toBe('Completed 1 minute ago');
});

test('crawl column: what the Active workers do, with help on hover', async () => {
  const sessions = [
    makeSession({
      primary_volume: 'hybrid',
      workers: [
        makeWorker({ crawl_status: 'Hybrid Crawl' }),
        makeWorker({ status: 'Passive', crawl_status: 'N/A', primary_node: 'n2' }),
      ],
    }),
    makeSession({ primary_volume: 'stopped', status: 'Stopped' }),
  ];
  const { user } = renderApp({ services: fakeServices(sessions) });
  const row = await rowFor('hybrid');
  expect(cellText(row, 'Crawl')).toBe('Hybrid Crawl');
  await user.hover(within(row).getByText('Hybrid Crawl'));
  expect(await screen.findByRole('tooltip')).toHaveTextContent(
    /cannot propagate deletes and renames/,
  );
  expect(cellText(await rowFor('stopped'), 'Crawl')).toBe('Not crawling');
});

test('shows when the data was read from Gluster, and a Simulator badge on the simulator', async () => {
  renderApp({
    services: fakeServices([], {
      listSessions: jest
        .fn()
        .mockResolvedValue(sessionList([makeSession()], { readAt: minutesAgo(0), backend: 'sim' })),
    }),
  });
  expect(await screen.findByText(/^Read from Gluster (now|\d+ seconds? ago)$/)).toBeInTheDocument();
  expect(screen.getByText('Simulator')).toBeInTheDocument();
});

test('selection: one row, then the whole page, with a mixed state in between', async () => {
  const sessions = [makeSession({ primary_volume: 'a' }), makeSession({ primary_volume: 'b' })];
  const { user } = renderApp({ services: fakeServices(sessions) });
  await sessionRows();
  const page = screen.getByRole<HTMLInputElement>('checkbox', {
    name: 'Select all sessions on this page',
  });
  expect(screen.getByText('No session selected')).toBeInTheDocument();
  await user.click(within(await rowFor('a')).getByRole('checkbox'));
  expect(screen.getByText('1 session selected')).toBeInTheDocument();
  expect(page.indeterminate).toBe(true);
  expect(page).not.toBeChecked();
  await user.click(page);
  expect(screen.getByText('2 sessions selected')).toBeInTheDocument();
  expect(page.indeterminate).toBe(false);
  expect(page).toBeChecked();
  await user.click(page);
  expect(screen.getByText('No session selected')).toBeInTheDocument();
});
