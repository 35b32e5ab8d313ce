// The options dialog: every option with description, current and default value, allowed values or
// range and the modified flag; validation before sending; reset one or many; one-by-one results
// and a re-read.
import { act, screen, waitFor, within } from '@testing-library/react';
import type { GeoRepConfigOption } from '../../../../src/georep/types';
import {
  apiError,
  CLUSTER,
  fakeServices,
  makeOption,
  makeSession,
  renderApp,
  rowAction,
} from '../../../support/app-harness';

function catalogue(): GeoRepConfigOption[] {
  return [
    makeOption({
      name: 'sync-jobs',
      value: '3',
      default: '3',
      description: 'Number of files synced in parallel.',
      type: 'int',
      min: 1,
      max: 100,
    }),
    makeOption({
      name: 'sync-method',
      value: 'tarssh',
      default: 'rsync',
      description: 'How files are copied to the remote volume.',
      type: 'enum',
      allowed_values: ['rsync', 'tarssh'],
      min: null,
      max: null,
      modified: true,
    }),
    makeOption({
      name: 'use-meta-volume',
      value: 'true',
      default: 'false',
      description: 'Use the shared meta volume to elect Active workers.',
      type: 'boolean',
      min: null,
      max: null,
      modified: true,
    }),
    makeOption({
      name: 'log-file',
      value: '/var/log/glusterfs/geo-replication/x/gsyncd.log',
      default: null,
      description: 'Log file of the session.',
      type: 'path',
      min: null,
      max: null,
    }),
    makeOption({
      name: 'session-owner',
      value: '3f0e-uuid',
      default: null,
      description: 'Owner id, managed by Gluster.',
      type: 'string',
      min: null,
      max: null,
      read_only: true,
    }),
  ];
}

async function openOptions(getConfig = jest.fn().mockResolvedValue(catalogue()), extra = {}) {
  const services = fakeServices(
    [makeSession({ id: 'sid', primary_volume: 'data', status: 'Active' })],
    { getConfig, ...extra },
  );
  const r = renderApp({ services });
  await rowAction(r.user, 'data', 'Options');
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByRole('grid', { name: 'Options of the session' });
  return { ...r, dialog, services };
}

/** The elements scrolled into view (jsdom has no layout: the call is what can be checked). */
const scrolled: Element[] = [];
beforeEach(() => {
  scrolled.length = 0;
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

const optionRow = (dialog: HTMLElement, name: string) =>
  dialog.querySelector<HTMLElement>(`tr[data-option="${name}"]`)!;

test('lists every option with description, current and default value, what is allowed and whether it was changed', async () => {
  const { dialog } = await openOptions();
  expect(
    within(dialog).getByText(/Session data to root@remote1.example.com::data-dr/),
  ).toBeInTheDocument();
  const syncJobs = optionRow(dialog, 'sync-jobs');
  expect(within(syncJobs).getByText('Number of files synced in parallel.')).toBeInTheDocument();
  expect(within(syncJobs).getByRole('textbox', { name: 'Value of sync-jobs' })).toHaveValue('3');
  expect(within(syncJobs).getByText('Integer from 1 to 100')).toBeInTheDocument();
  expect(within(syncJobs).queryByText('Modified')).not.toBeInTheDocument();

  const method = optionRow(dialog, 'sync-method');
  expect(within(method).getByRole('combobox', { name: 'Value of sync-method' })).toHaveValue(
    'tarssh',
  );
  expect(
    within(method).getByText('rsync', { selector: 'td[data-label="Default"] *' }),
  ).toBeInTheDocument();
  expect(within(method).getByText('One of: rsync, tarssh')).toBeInTheDocument();
  expect(within(method).getByText('Modified')).toBeInTheDocument();

  expect(
    within(optionRow(dialog, 'use-meta-volume')).getByRole('combobox', {
      name: 'Value of use-meta-volume',
    }),
  ).toHaveValue('true');
  expect(within(optionRow(dialog, 'log-file')).getByText('None')).toBeInTheDocument(); // no default
  const owner = optionRow(dialog, 'session-owner');
  expect(within(owner).getByText('Managed by Gluster')).toBeInTheDocument();
  expect(within(owner).queryByRole('textbox')).not.toBeInTheDocument();
  expect(
    within(owner).getByRole('checkbox', { name: 'Reset session-owner to its default' }),
  ).toBeDisabled();
  expect(
    within(syncJobs).getByRole('checkbox', { name: 'Reset sync-jobs to its default' }),
  ).toBeDisabled(); // not modified
});

test('an invalid value is explained next to the field and cannot be sent', async () => {
  const { user, dialog, services } = await openOptions();
  const input = within(dialog).getByRole('textbox', { name: 'Value of sync-jobs' });
  const apply = within(dialog).getByRole('button', { name: 'Apply' });
  expect(apply).toBeDisabled(); // nothing changed yet
  await user.clear(input);
  await user.type(input, '500');
  expect(within(dialog).getByText('Must be at most 100.')).toBeInTheDocument();
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(apply).toBeDisabled();
  await user.clear(input);
  await user.type(input, 'many');
  expect(within(dialog).getByText('Enter a whole number.')).toBeInTheDocument();
  const logFile = within(dialog).getByRole('textbox', { name: 'Value of log-file' });
  await user.clear(logFile);
  await user.type(logFile, 'relative/path.log');
  expect(within(dialog).getByText('Must be an absolute path.')).toBeInTheDocument();
  await user.click(apply);
  expect(services.setConfigOption).not.toHaveBeenCalled();
});

test('valid changes are applied one by one, each with its result, then the options are read again', async () => {
  const updated = catalogue().map((o) =>
    o.name === 'sync-jobs'
      ? { ...o, value: '8', modified: true }
      : o.name === 'sync-method'
        ? { ...o, value: 'rsync', modified: false }
        : o,
  );
  const getConfig = jest.fn().mockResolvedValueOnce(catalogue()).mockResolvedValue(updated);
  const { user, dialog, services, environment } = await openOptions(getConfig);
  const jobs = within(dialog).getByRole('textbox', { name: 'Value of sync-jobs' });
  await user.clear(jobs);
  await user.type(jobs, '8');
  await user.selectOptions(
    within(dialog).getByRole('combobox', { name: 'Value of sync-method' }),
    'rsync',
  );
  expect(within(dialog).getByText('2 changes to apply')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
  const results = await within(dialog).findByRole('list', { name: 'Results' });
  expect(
    within(results)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Set sync-jobs to “8”: Done', 'Set sync-method to “rsync”: Done']);
  expect(services.setConfigOption.mock.calls).toEqual([
    [CLUSTER.id, 'sid', 'sync-jobs', '8'],
    [CLUSTER.id, 'sid', 'sync-method', 'rsync'],
  ]);
  await waitFor(() => expect(getConfig).toHaveBeenCalledTimes(2));
  await waitFor(() =>
    expect(within(optionRow(dialog, 'sync-jobs')).getByText('Modified')).toBeInTheDocument(),
  );
  expect(within(dialog).getByRole('textbox', { name: 'Value of sync-jobs' })).toHaveValue('8');
  expect(environment.showToast).toHaveBeenCalledWith(
    'success',
    expect.stringContaining('2 options changed'),
  );
});

test('reset one option', async () => {
  const { user, dialog, services } = await openOptions();
  await user.click(
    within(dialog).getByRole('checkbox', { name: 'Reset sync-method to its default' }),
  );
  // The field shows the default it goes back to and cannot be edited meanwhile.
  expect(within(dialog).getByRole('combobox', { name: 'Value of sync-method' })).toHaveValue(
    'rsync',
  );
  expect(within(dialog).getByRole('combobox', { name: 'Value of sync-method' })).toBeDisabled();
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
  await within(dialog).findByRole('list', { name: 'Results' });
  expect(services.resetConfigOption).toHaveBeenCalledTimes(1);
  expect(services.resetConfigOption).toHaveBeenCalledWith(CLUSTER.id, 'sid', 'sync-method');
  expect(services.setConfigOption).not.toHaveBeenCalled();
});

test('reset many: every modified option at once', async () => {
  const { user, dialog, services } = await openOptions();
  await user.click(
    within(dialog).getByRole('button', { name: 'Mark all modified options for reset' }),
  );
  expect(within(dialog).getByText('2 changes to apply')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
  const results = await within(dialog).findByRole('list', { name: 'Results' });
  expect(
    within(results)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    'Reset sync-method to its default: Done',
    'Reset use-meta-volume to its default: Done',
  ]);
  expect(services.resetConfigOption.mock.calls.map((c: unknown[]) => c[2])).toEqual([
    'sync-method',
    'use-meta-volume',
  ]);
});

test('a change Gluster rejects is reported for that option only, the results in view with the focus; the others still apply', async () => {
  const setConfigOption = jest.fn((_c: string, _s: string, name: string) =>
    name === 'sync-jobs'
      ? Promise.reject(apiError('invalid', 'sync-jobs: value out of range for this version'))
      : Promise.resolve(),
  );
  const { user, dialog, environment } = await openOptions(undefined, { setConfigOption });
  const jobs = within(dialog).getByRole('textbox', { name: 'Value of sync-jobs' });
  await user.clear(jobs);
  await user.type(jobs, '50');
  await user.selectOptions(
    within(dialog).getByRole('combobox', { name: 'Value of use-meta-volume' }),
    'false',
  );
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
  const results = await within(dialog).findByRole('list', { name: 'Results' });
  expect(
    within(results)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    'Set sync-jobs to “50”: Failed: sync-jobs: value out of range for this version',
    'Set use-meta-volume to “false”: Done',
  ]);
  // Under the long table, the results are brought into view with the focus.
  const shown = within(dialog).getByTestId('options-results');
  await waitFor(() => expect(shown).toHaveFocus());
  expect(scrolled).toContain(shown);
  // The failed edit stays in the field to fix; no success toast.
  expect(within(dialog).getByRole('textbox', { name: 'Value of sync-jobs' })).toHaveValue('50');
  expect(environment.showToast).not.toHaveBeenCalled();
});

test('filter the options by name', async () => {
  const { user, dialog } = await openOptions();
  await user.type(within(dialog).getByRole('textbox', { name: 'Filter options by name' }), 'meta');
  expect(
    within(dialog).getByRole('combobox', { name: 'Value of use-meta-volume' }),
  ).toBeInTheDocument();
  expect(
    within(dialog).queryByRole('textbox', { name: 'Value of sync-jobs' }),
  ).not.toBeInTheDocument();
});

test('the options cannot be read: the error is shown', async () => {
  const services = fakeServices([makeSession({ primary_volume: 'data' })], {
    getConfig: jest
      .fn()
      .mockRejectedValue(
        apiError('unreachable', 'gluster volume geo-replication config timed out'),
      ),
  });
  const { user } = renderApp({ services });
  await rowAction(user, 'data', 'Options');
  const dialog = await screen.findByRole('dialog');
  expect(await within(dialog).findByText('Could not read the options')).toBeInTheDocument();
  expect(
    within(dialog).getByText('gluster volume geo-replication config timed out'),
  ).toBeInTheDocument();
});

test('Apply twice quickly sends each change once', async () => {
  let release!: () => void;
  const setConfigOption = jest.fn(() => new Promise<void>((r) => (release = r)));
  const { user, dialog } = await openOptions(undefined, { setConfigOption });
  const jobs = within(dialog).getByRole('textbox', { name: 'Value of sync-jobs' });
  await user.clear(jobs);
  await user.type(jobs, '9');
  const apply = within(dialog).getByRole('button', { name: 'Apply' });
  act(() => {
    apply.click();
    apply.click();
  });
  await user.dblClick(apply);
  expect(await within(dialog).findByRole('status')).toHaveTextContent('Working: 0 of 1 done');
  release();
  await within(dialog).findByRole('list', { name: 'Results' });
  expect(setConfigOption).toHaveBeenCalledTimes(1);
});

test('the rules the service applies (shared catalogue) are checked before sending too', async () => {
  const getConfig = jest.fn().mockResolvedValue([
    makeOption({
      name: 'ssh-command',
      value: '/usr/bin/ssh',
      default: '/usr/bin/ssh',
      description: 'SSH client.',
      type: 'command',
      min: null,
      max: null,
    }),
    makeOption({
      name: 'checkpoint',
      value: '0',
      default: '0',
      description: 'Checkpoint label.',
      type: 'string',
      min: null,
      max: null,
    }),
  ]);
  const { user, dialog, services } = await openOptions(getConfig);
  const ssh = within(dialog).getByRole('textbox', { name: 'Value of ssh-command' });
  await user.clear(ssh);
  await user.type(ssh, 'ssh -i key');
  expect(
    within(dialog).getByText(/cannot contain a space|"ssh-command" takes the ssh binary only/),
  ).toBeInTheDocument();
  expect(within(dialog).getByRole('button', { name: 'Apply' })).toBeDisabled();
  await user.clear(ssh);
  await user.type(ssh, '/usr/local/bin/ssh');
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
  await within(dialog).findByRole('list', { name: 'Results' });
  expect(services.setConfigOption).toHaveBeenCalledWith(
    CLUSTER.id,
    'sid',
    'ssh-command',
    '/usr/local/bin/ssh',
  );
});

test('the checkpoint reads as a date and is set through its own action, never typed', async () => {
  const getConfig = jest.fn().mockResolvedValue([
    makeOption({
      name: 'checkpoint',
      value: '1764000000',
      default: '0',
      description: 'Checkpoint.',
      type: 'string',
      min: null,
      max: null,
      modified: true,
    }),
  ]);
  const { user, dialog, services } = await openOptions(getConfig);
  const cell = within(dialog).getByTestId('checkpoint-option');
  expect(cell).toHaveTextContent(/^Set Nov 2[45], 2025/);
  expect(cell).not.toHaveTextContent('1764000000');
  expect(within(dialog).queryByRole('textbox', { name: 'Value of checkpoint' })).toBeNull();
  expect(within(dialog).getByRole('checkbox', { name: /Reset checkpoint/ })).toBeDisabled();
  await user.click(within(cell).getByRole('button', { name: 'Set checkpoint now' }));
  expect(services.setCheckpoint).toHaveBeenCalledWith(CLUSTER.id, 'sid');
  expect(services.setConfigOption).not.toHaveBeenCalled();
});

test('closing with changes not applied asks first', async () => {
  const { user, dialog, services } = await openOptions(
    jest
      .fn()
      .mockResolvedValue([
        makeOption({ name: 'sync-jobs', value: '3', default: '3', type: 'int', min: 1, max: 100 }),
      ]),
  );
  const input = within(dialog).getByRole('textbox', { name: 'Value of sync-jobs' });
  await user.clear(input);
  await user.type(input, '5');
  const footer = dialog.querySelector<HTMLElement>('.pf-v6-c-modal-box__footer')!;
  await user.click(within(footer).getByRole('button', { name: 'Close' }));
  expect(within(dialog).getByText('1 change is not applied. Close anyway?')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
  expect(within(dialog).getByRole('textbox', { name: 'Value of sync-jobs' })).toHaveValue('5');
  await user.keyboard('{Escape}');
  await user.click(within(dialog).getByRole('button', { name: 'Discard and close' }));
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(services.setConfigOption).not.toHaveBeenCalled();
});
