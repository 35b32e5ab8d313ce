// Accessibility: no axe violations in the page, an expanded row and the dialogs; keyboard-only use.
import { act, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import {
  apiError,
  fakeServices,
  makeOption,
  makeSession,
  makeWorker,
  renderApp,
  rowFor,
  sessionList,
  sessionRows,
} from '../../../support/app-harness';

// axe probes icon ligatures with a canvas, which jsdom lacks: say there is none (no console noise).
beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    rules: {
      'color-contrast': { enabled: false }, // jsdom has no layout or CSS
      region: { enabled: false }, // the page lives in WebAdmin's landmarks
    },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

function sessions() {
  return [
    makeSession({
      primary_volume: 'data',
      status: 'PartiallyFaulty',
      workers: [
        makeWorker({ status: 'Active' }),
        makeWorker({ primary_node: 'n2', replica_set: 1, status: 'Faulty', crawl_status: 'N/A' }),
      ],
    }),
    makeSession({ primary_volume: 'logs', status: 'Stopped' }),
  ];
}

test('the page, with a row expanded, has no axe violations', async () => {
  const { user, container } = renderApp({
    services: fakeServices(sessions()),
    onStartSession: jest.fn(),
  });
  await sessionRows();
  await user.click(
    within(await rowFor('data')).getByRole('button', { name: /^Details of session/ }),
  );
  expect(await violations(container)).toEqual([]);
});

test('the action and options dialogs have no axe violations', async () => {
  const services = fakeServices(sessions(), {
    getConfig: jest.fn().mockResolvedValue([
      makeOption(),
      makeOption({
        name: 'sync-method',
        type: 'enum',
        allowed_values: ['rsync', 'tarssh'],
        value: 'rsync',
        default: 'rsync',
        min: null,
        max: null,
      }),
    ]),
  });
  const { user } = renderApp({ services });
  await sessionRows();
  await user.click(
    within(await rowFor('logs')).getByRole('button', { name: /^Actions for session/ }),
  );
  await user.click(await screen.findByRole('menuitem', { name: 'Remove' }));
  expect(await violations(await screen.findByRole('dialog'))).toEqual([]);
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await user.click(
    within(await rowFor('logs')).getByRole('button', { name: /^Actions for session/ }),
  );
  await user.click(await screen.findByRole('menuitem', { name: 'Options' }));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByRole('grid');
  expect(await violations(dialog)).toEqual([]);
});

test('keyboard only: select a row, open its actions, confirm, and Escape closes a dialog', async () => {
  const services = fakeServices(sessions());
  const { user } = renderApp({ services });
  await sessionRows();
  const checkbox = within(await rowFor('logs')).getByRole('checkbox');
  checkbox.focus();
  await user.keyboard(' ');
  expect(checkbox).toBeChecked();
  const kebab = within(await rowFor('logs')).getByRole('button', { name: /^Actions for session/ });
  kebab.focus();
  await user.keyboard('{Enter}');
  const start = await screen.findByRole('menuitem', { name: 'Start' });
  start.focus();
  await user.keyboard('{Enter}');
  const dialog = await screen.findByRole('dialog');
  // Focus moves into the dialog.
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(services.controlSession).not.toHaveBeenCalled();
});

test('every form control of the page has an accessible name', async () => {
  const { container } = renderApp({ services: fakeServices(sessions()) });
  await sessionRows();
  const controls = container.querySelectorAll('input, select, button');
  expect(controls.length).toBeGreaterThan(10);
  for (const el of controls) {
    const name =
      el.getAttribute('aria-label') ??
      el.getAttribute('aria-labelledby') ??
      el.textContent?.trim() ??
      '';
    const labelled =
      name !== '' || (el.id !== '' && container.querySelector(`label[for="${el.id}"]`) !== null);
    expect({ el: el.outerHTML.slice(0, 120), labelled }).toEqual({
      el: el.outerHTML.slice(0, 120),
      labelled: true,
    });
  }
});

test('a refused action (results, Force offer) and stale data have no axe violations', async () => {
  // A refusal that start force gets past: Force is offered.
  const controlSession = jest
    .fn()
    .mockRejectedValue(
      apiError('conflict', 'geo-replication session between logs & r::logs-dr already started'),
    );
  const listSessions = jest
    .fn()
    .mockResolvedValueOnce(sessionList(sessions()))
    .mockRejectedValue(apiError('unreachable', 'Bad Gateway'));
  const { user, container, queryClient } = renderApp({
    services: fakeServices([], { controlSession, listSessions }),
  });
  await sessionRows();
  await act(async () => {
    await queryClient.refetchQueries({ queryKey: ['georep', 'sessions', 'c-1'] });
  });
  await screen.findByText(/The latest refresh failed/);
  expect(await violations(container)).toEqual([]);
  await user.click(
    within(await rowFor('logs')).getByRole('button', { name: /^Actions for session/ }),
  );
  await user.click(await screen.findByRole('menuitem', { name: 'Start' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Start' }));
  await within(dialog).findByRole('button', { name: 'Force start' });
  expect(await violations(dialog)).toEqual([]);
});
