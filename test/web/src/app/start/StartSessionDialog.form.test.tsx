// The Start dialog's form: the source volume and the Up hosts with their fingerprints, the remote
// side (suggestions, volume vs path, user/group/port), each field's checks, and the options editor
// shown when Use Default is unticked.
import { screen, waitFor, within } from '@testing-library/react';
import {
  actions,
  apiError,
  arg,
  fakeStartServices,
  field,
  fillForm,
  FP_HOST,
  makeSession,
  okButton,
  PASSING_CHECKS,
  preflightOf,
  renderStart,
  startDialog,
  type,
} from '../../../../support/start-harness';

describe('source', () => {
  test('the volume given is preselected; the host list offers only Up hosts, each with its address', async () => {
    renderStart({ initialVolume: 'logs' });
    const hostSelect = await screen.findByLabelText(/^Start Geo-Replication from Host/);
    await waitFor(() => expect(within(hostSelect).getAllByRole('option')).toHaveLength(3));
    expect(
      within(hostSelect)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a host that is Up', 'node1 (node1.example.com)', 'node2 (10.0.0.2)']);
    await waitFor(() => expect(field(/^Primary volume/)).toHaveValue('logs'));
    expect(
      within(field(/^Primary volume/)).getByRole('option', { name: 'logs (down)' }),
    ).toBeInTheDocument();
  });

  test('choosing a host reads its SSH fingerprint and shows it with the algorithm', async () => {
    const { user, services } = renderStart();
    const hostSelect = await screen.findByLabelText(/^Start Geo-Replication from Host/);
    await waitFor(() => expect(within(hostSelect).getAllByRole('option').length).toBe(3));
    expect(services.getHostKey).not.toHaveBeenCalled();
    await user.selectOptions(hostSelect, 'h-2');
    expect(services.getHostKey).toHaveBeenCalledWith('c-1', 'h-2');
    const fp = await screen.findByLabelText('SSH fingerprint of node2');
    expect(fp).toHaveValue(`${FP_HOST} (ssh-ed25519)`);
    expect(
      screen.getByText(
        'Compare it with the output of: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on node2',
      ),
    ).toBeInTheDocument();
  });

  test('a failure to read the fingerprint is shown, and can be retried', async () => {
    const services = fakeStartServices();
    services.getHostKey
      .mockRejectedValueOnce(
        apiError('unreachable', 'The service could not connect to node1 on port 22.'),
      )
      .mockResolvedValueOnce({ algorithm: 'ssh-rsa', fingerprint: FP_HOST, public_key: null });
    const { user } = renderStart({ services });
    const hostSelect = await screen.findByLabelText(/^Start Geo-Replication from Host/);
    await waitFor(() => expect(within(hostSelect).getAllByRole('option').length).toBe(3));
    await user.selectOptions(hostSelect, 'h-1');
    expect(
      await screen.findByText(
        'The SSH fingerprint of node1 could not be read: The service could not connect to node1 on port 22.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Read it again' }));
    expect(await screen.findByLabelText('SSH fingerprint of node1')).toHaveValue(
      `${FP_HOST} (ssh-rsa)`,
    );
  });

  test('with a single Up host it is chosen, and its fingerprint read, at once', async () => {
    const services = fakeStartServices({
      listClusterHosts: jest.fn().mockResolvedValue([
        { id: 'h-9', name: 'solo', address: 'solo.example.com', status: 'up' },
        { id: 'h-8', name: 'down', address: 'down.example.com', status: 'down' },
      ]),
    });
    renderStart({ services });
    expect(await screen.findByLabelText('SSH fingerprint of solo')).toHaveValue(
      `${FP_HOST} (ssh-ed25519)`,
    );
    expect(field(/^Start Geo-Replication from Host/)).toHaveValue('h-9');
  });

  test('no Up host: said, with the count of hosts', async () => {
    const services = fakeStartServices({
      listClusterHosts: jest
        .fn()
        .mockResolvedValue([
          { id: 'h-8', name: 'down', address: 'down.example.com', status: 'maintenance' },
        ]),
    });
    renderStart({ services });
    expect(
      await screen.findByText(
        'No host of cluster gluster-east is Up (1 host, not Up). A session can only be created from a host that is Up.',
      ),
    ).toBeInTheDocument();
  });
});

describe('remote', () => {
  test('remote host suggestions are the hosts of the other Gluster clusters', async () => {
    const { services } = renderStart();
    await waitFor(() =>
      expect(
        document.querySelectorAll('[data-testid="remote-host-suggestions"] option'),
      ).toHaveLength(2),
    );
    const options = [
      ...document.querySelectorAll('[data-testid="remote-host-suggestions"] option'),
    ];
    expect(options.map((o) => [o.getAttribute('value'), o.getAttribute('label')])).toEqual([
      ['remote1.example.com', 'remote1, cluster gluster-west'],
      ['remote2.example.com', 'remote2, cluster gluster-west'],
    ]);
    expect(field(/^Secondary Host/)).toHaveAttribute(
      'list',
      document.querySelector('[data-testid="remote-host-suggestions"]')!.id,
    );
    expect(services.listRemoteHosts).toHaveBeenCalledWith('c-1');
  });

  test('a known remote host is named, and its cluster volumes suggested', async () => {
    const { user, services } = renderStart();
    await fillForm(user, { remoteTarget: '' });
    expect(screen.getByText('Host remote1 of cluster gluster-west (up).')).toBeInTheDocument();
    await waitFor(() => expect(services.listClusterVolumes).toHaveBeenCalledWith('c-2'));
    const list = document.getElementById(field(/^Secondary Volume\/Path/).getAttribute('list')!)!;
    await waitFor(() => expect(list.querySelectorAll('option')).toHaveLength(1));
    expect(list.querySelector('option')).toHaveAttribute('value', 'data-dr');
  });

  test("a known remote's volumes are listed with their eligibility and why not; a choice fills the field", async () => {
    const services = fakeStartServices({
      listClusterVolumes: jest.fn((cid: string) =>
        Promise.resolve(
          cid === 'c-2'
            ? [
                { id: 'rv-1', name: 'data-dr', status: 'up' },
                { id: 'rv-2', name: 'old-dr', status: 'down' },
                { id: 'rv-3', name: 'taken-dr', status: 'up' },
              ]
            : [{ id: 'v-1', name: 'data', status: 'up' }],
        ),
      ),
      listSessions: jest.fn().mockResolvedValue({
        sessions: [
          makeSession({
            primary_volume: 'logs',
            secondary_host: 'remote2.example.com',
            secondary_volume: 'taken-dr',
          }),
        ],
        readAt: '2026-01-01T00:00:00Z',
        backend: 'sim',
      }),
    });
    const { user } = renderStart({ services });
    await fillForm(user, { remoteTarget: '' });
    const picker = await screen.findByRole('combobox', { name: 'Volumes of cluster gluster-west' });
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(4));
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Choose a volume, or type one below',
      'data-dr: eligible',
      'old-dr: not eligible (it is down, not Up)',
      'taken-dr: not eligible (it is already the secondary of session logs → remote2.example.com::taken-dr)',
    ]);
    expect(
      screen.getByText(/^1 of 3 eligible\. Size and emptiness are checked/),
    ).toBeInTheDocument();
    expect(services.listSessions).toHaveBeenCalledWith('c-1');

    await user.selectOptions(picker, 'data-dr');
    expect(field(/^Secondary Volume\/Path/)).toHaveValue('data-dr');
    expect(screen.queryByTestId('remote-target-ineligible')).toBeNull();

    // An ineligible one may be chosen (oVirt: not "eligible only"); the reason stays in view.
    await user.selectOptions(picker, 'old-dr');
    expect(field(/^Secondary Volume\/Path/)).toHaveValue('old-dr');
    expect(screen.getByTestId('remote-target-ineligible')).toHaveTextContent(
      'Volume old-dr is not eligible: it is down, not Up.',
    );
  });

  test('a remote of no cluster the user sees: no volume list, the field takes free text', async () => {
    const { user, services } = renderStart();
    await fillForm(user, { remoteHost: 'standalone.example.org', remoteTarget: 'backup' });
    expect(screen.queryByRole('combobox', { name: /^Volumes of cluster/ })).toBeNull();
    expect(field(/^Secondary Volume\/Path/)).toHaveValue('backup');
    expect(services.listSessions).not.toHaveBeenCalled();
  });

  test('the remote target is understood as a volume, or as a directory', async () => {
    const { user } = renderStart();
    await screen.findByLabelText(/^Secondary Volume\/Path/);
    await type(user, /^Secondary Volume\/Path/, 'data-dr');
    expect(screen.getByTestId('remote-target-understood')).toHaveTextContent(
      'Volume data-dr on the secondary cluster',
    );
    await type(user, /^Secondary Volume\/Path/, '/srv/geo//copy/');
    expect(screen.getByTestId('remote-target-understood')).toHaveTextContent(
      'Directory /srv/geo/copy on the secondary host: a single-brick volume will be created on it',
    );
  });

  test('a directory is sent as secondary_path; the preflight plan is shown; the volume created is said', async () => {
    const services = fakeStartServices({
      preflight: jest.fn().mockResolvedValue({
        ...preflightOf(PASSING_CHECKS),
        provisioned_volume: {
          name: 'georep-srv-geo',
          host: 'remote1.example.com',
          path: '/srv/geo',
          reused: false,
        },
        plan: 'Will create volume georep-srv-geo on remote1.example.com:/srv/geo and replicate into it.',
      }),
      createSession: jest.fn().mockResolvedValue(
        makeSession({
          secondary_volume: 'georep-srv-geo',
          provisioned_volume: {
            name: 'georep-srv-geo',
            host: 'remote1.example.com',
            path: '/srv/geo',
            reused: false,
          },
        }),
      ),
    });
    const { user } = renderStart({ services });
    await fillForm(user, { remoteTarget: '/srv//geo/' });
    expect(screen.getByText(/creates it as volume georep-srv-geo/)).toBeInTheDocument();
    await user.click(within(startDialog()).getByRole('button', { name: 'Check' }));
    expect(await screen.findByTestId('preflight-plan')).toHaveTextContent(
      'What OK will do: Will create volume georep-srv-geo on remote1.example.com:/srv/geo and replicate into it.',
    );
    const body = arg(services.preflight, 0, 1);
    expect(body.secondary_path).toBe('/srv/geo');
    expect(body).not.toHaveProperty('secondary_volume');

    await user.click(okButton());
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    const create = arg(services.createSession, 0, 1);
    expect(create.secondary_path).toBe('/srv/geo');
    expect(create).not.toHaveProperty('secondary_volume');
    expect(document.querySelector('[data-step="create"]')).toHaveTextContent(
      'Create the volume on the directory, then the session (push-pem)',
    );
    expect(screen.getByTestId('start-outcome')).toHaveTextContent(
      'Session data → remote1.example.com::georep-srv-geo created and started',
    );
    expect(screen.getByTestId('start-outcome')).toHaveTextContent(
      'Volume georep-srv-geo was created on remote1.example.com:/srv/geo.',
    );
  });

  test('a directory needs root as the secondary user', async () => {
    const { user, services } = renderStart();
    await fillForm(user, { remoteTarget: '/srv/geo', user: 'geoaccount', group: 'geogroup' });
    await user.click(okButton());
    expect(field(/^Secondary user/)).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'A directory needs root as the secondary user: creating a Gluster volume on the secondary host takes root. For geoaccount, enter a volume of the secondary cluster.',
      ),
    ).toBeInTheDocument();
    expect(actions(services)).toEqual([]);
  });

  test.each([
    [
      /^Secondary Host/,
      'bad_host',
      'A host name cannot contain "_": only letters, digits, "-" and "." are allowed.',
    ],
    [/^Secondary Host/, 'fe80::1', 'IPv6 addresses (and ports) are not accepted here'],
    [/^Secondary Host/, '', 'Enter the name or address of the secondary host.'],
    [
      /^Secondary Host/,
      'node1.example.com',
      'node1.example.com is a host of cluster gluster-east itself: the secondary must be in another cluster.',
    ],
    [/^Secondary Volume\/Path/, 'my vol', 'A volume name cannot contain a space'],
    [
      /^Secondary Volume\/Path/,
      'remote::vol',
      'Enter only the secondary volume name (or a /path); the secondary host is a separate field.',
    ],
    [
      /^Secondary Volume\/Path/,
      '/etc/geo',
      '/etc/geo is a system directory (/etc) and cannot be a geo-replication target.',
    ],
    [
      /^Secondary Volume\/Path/,
      '',
      'Enter a secondary volume name or a directory path starting with "/".',
    ],
    [/^Secondary user/, '9lives', 'A user name must start with a letter or "_".'],
    [/^SSH port/, '70000', 'The SSH port must be between 1 and 65535.'],
    [/^SSH port/, '2x', 'The SSH port must be a whole number.'],
  ])('%s = %j: %s', async (label, value, message) => {
    const { user, services } = renderStart();
    await fillForm(user);
    await type(user, label, value);
    await user.click(okButton());
    const input = field(label);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const help = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(help).toHaveTextContent(message);
    expect(actions(services)).toEqual([]);
  });

  test('a field says its problem once left, before OK', async () => {
    const { user } = renderStart();
    await fillForm(user);
    await type(user, /^SSH port/, '0');
    expect(field(/^SSH port/)).not.toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    expect(field(/^SSH port/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The SSH port must be between 1 and 65535.')).toBeInTheDocument();
  });

  test('OK with problems focuses the first field to fix and sends nothing', async () => {
    const { user, services } = renderStart();
    const hostSelect = await screen.findByLabelText(/^Start Geo-Replication from Host/);
    await waitFor(() => expect(within(hostSelect).getAllByRole('option').length).toBe(3));
    await user.click(okButton());
    expect(hostSelect).toHaveFocus();
    expect(screen.getByText('Choose the host to start geo-replication from.')).toBeInTheDocument();
    expect(screen.getByText('Correct the highlighted fields first.')).toBeInTheDocument();
    expect(actions(services)).toEqual([]);
  });

  test('a user other than root needs the mountbroker group', async () => {
    const { user, services } = renderStart();
    await fillForm(user);
    expect(screen.queryByLabelText(/^Secondary group/)).not.toBeInTheDocument();
    await type(user, /^Secondary user/, 'geoaccount');
    const group = field(/^Secondary group/);
    await user.click(okButton());
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'Required for a user other than root: the mountbroker group of geoaccount on the secondary host.',
      ),
    ).toBeInTheDocument();
    expect(actions(services)).toEqual([]);

    await type(user, /^Secondary group/, 'geo group');
    expect(screen.getByText(/A group name cannot contain a space/)).toBeInTheDocument();
    await type(user, /^Secondary group/, 'geogroup');
    await user.click(okButton());
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(arg(services.preflight, 0, 1)).toMatchObject({
      secondary_user: 'geoaccount',
      secondary_group: 'geogroup',
    });
    expect(arg(services.verifySsh, 0, 2)).toEqual({
      user: 'geoaccount',
      remote_host: 'remote1.example.com',
      port: 22,
    });
    expect(arg(services.createSession, 0, 1)).toMatchObject({
      secondary_user: 'geoaccount',
      secondary_group: 'geogroup',
    });
  });

  test('root sends no group, and the port as a number', async () => {
    const { user, services } = renderStart();
    await fillForm(user, { port: '2222' });
    await user.click(okButton());
    await waitFor(() => expect(services.createSession).toHaveBeenCalled());
    const body = arg(services.createSession, 0, 1);
    expect(body).toEqual({
      primary_volume: 'data',
      source_host_id: 'h-1',
      secondary_host: 'remote1.example.com',
      secondary_volume: 'data-dr',
      secondary_user: 'root',
      ssh_port: 2222,
      force: false,
      start: false,
    });
  });
});

describe('Use Default', () => {
  test('ticked by default: no options editor, passwordless SSH is verified', async () => {
    const { user, services } = renderStart();
    await fillForm(user);
    expect(screen.getByRole('checkbox', { name: 'Use Default' })).toBeChecked();
    expect(screen.queryByRole('region', { name: 'Session options' })).not.toBeInTheDocument();
    await user.click(okButton());
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(services.verifySsh).toHaveBeenCalledTimes(1);
  });

  test('unticked: the ssh and gsync commands come first, each option with description, default and allowed values', async () => {
    const { user } = renderStart();
    await fillForm(user);
    await user.click(screen.getByRole('checkbox', { name: 'Use Default' }));
    const editor = screen.getByRole('region', { name: 'Session options' });
    const names = [...editor.querySelectorAll('[data-option]')].map((g) =>
      g.getAttribute('data-option'),
    );
    // the seed's two in view; the rest behind "All options", searchable
    expect(names.slice(0, 2)).toEqual(['ssh-command', 'remote-gsyncd']);
    const all = within(editor).getByRole('button', { name: /^All options \(\d+\)$/ });
    expect(all).toHaveAttribute('aria-expanded', 'false');
    await user.click(all);
    expect(names).toContain('sync-jobs');
    expect(names).not.toContain('ssh-port'); // from the SSH port field
    expect(names).not.toContain('log-file'); // managed by Gluster
    const syncJobs = within(editor).getByLabelText('sync-jobs');
    const help = document.getElementById(syncJobs.getAttribute('aria-describedby')!)!;
    expect(help).toHaveTextContent('Number of parallel sync jobs');
    expect(help).toHaveTextContent('Default: 3. Whole number, 1 to 100.');
    const method = within(editor).getByLabelText('sync-method');
    expect(
      within(method)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Default (rsync)', 'rsync', 'tarssh']);
  });

  test('unticked: All options is searchable, counts what is set, and opens by itself on a value to correct', async () => {
    const { user } = renderStart();
    await fillForm(user);
    await user.click(screen.getByRole('checkbox', { name: 'Use Default' }));
    const editor = screen.getByRole('region', { name: 'Session options' });
    await user.click(within(editor).getByRole('button', { name: /^All options/ }));
    await user.type(within(editor).getByRole('textbox', { name: 'Find an option' }), 'parallel');
    const shown = [...editor.querySelectorAll('[data-option]')].map((g) =>
      g.getAttribute('data-option'),
    );
    expect(shown).toEqual(['ssh-command', 'remote-gsyncd', 'sync-jobs']);
    await user.type(within(editor).getByLabelText('sync-jobs'), '500');
    const toggle = within(editor).getByRole('button', { name: /^All options/ });
    expect(toggle).toHaveTextContent(/, 1 set\)$/);
    await user.click(toggle); // folded away...
    await user.click(okButton()); // ...until it holds a value to correct
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('"sync-jobs" must be at most 100.')).toBeInTheDocument();
  });

  test('unticked: values are checked with the catalogue, sent with create, and no SSH verification is made', async () => {
    const { user, services } = renderStart();
    await fillForm(user);
    await user.click(screen.getByRole('checkbox', { name: 'Use Default' }));
    const editor = screen.getByRole('region', { name: 'Session options' });
    await user.type(within(editor).getByLabelText('ssh-command'), '/tmp/ssh');
    await user.click(within(editor).getByRole('button', { name: /^All options/ }));
    await user.type(within(editor).getByLabelText('sync-jobs'), '500');
    await user.click(okButton());
    expect(within(editor).getByLabelText('ssh-command')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/"ssh-command" takes the ssh binary only/)).toBeInTheDocument();
    expect(screen.getByText('"sync-jobs" must be at most 100.')).toBeInTheDocument();
    expect(screen.getByText(/2 options have a value that cannot be set/)).toBeInTheDocument();
    expect(actions(services)).toEqual([]);

    await user.clear(within(editor).getByLabelText('ssh-command'));
    await user.type(within(editor).getByLabelText('ssh-command'), '/usr/local/bin/ssh');
    await user.clear(within(editor).getByLabelText('sync-jobs'));
    await user.type(within(editor).getByLabelText('sync-jobs'), '3'); // the default: not sent
    await user.selectOptions(within(editor).getByLabelText('sync-method'), 'tarssh');
    await user.click(okButton());
    await waitFor(() => expect(services.controlSession).toHaveBeenCalled());
    expect(services.verifySsh).not.toHaveBeenCalled();
    expect(actions(services)).toEqual(['preflight', 'createSession', 'controlSession']);
    const config = { 'ssh-command': '/usr/local/bin/ssh', 'sync-method': 'tarssh' };
    expect(arg(services.preflight, 0, 1).config).toEqual(config);
    expect(arg(services.createSession, 0, 1).config).toEqual(config);
    expect(
      within(startDialog()).getByText('Not verified: your own configuration is used.'),
    ).toBeInTheDocument();
    expect(
      within(startDialog()).getByText(
        'The service set 2 options right after creating the session.',
      ),
    ).toBeInTheDocument();
  });
});
