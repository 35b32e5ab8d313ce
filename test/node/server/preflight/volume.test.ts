/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.stringContaining, ...) are typed `any` */
// Preflight over the simulator and the engine emulator: each blocker and forceable check with its
// evidence, and creation with and without force agreeing with it.
import type { GeoRepSession, PreflightCheck } from '../../../../src/georep/types';
import type { RemoteGluster } from '../../../../server/gluster/provision';
import { CHECKS } from '../../../../server/preflight/catalogue';
import { PROD, startStack, type Stack, type Fault, type ConfigList } from '../../../support/service-harness';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => {
  await s.close();
});

const ADMIN = 'admin@internal';
interface Result {
  check: PreflightCheck[];
  can_create: boolean;
  can_create_with_force: boolean;
}

async function preflight(
  secondary_host: string,
  secondary_volume: string,
  more: Record<string, unknown> = {},
): Promise<Result & { by: (id: string) => PreflightCheck | undefined }> {
  const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
    primary_volume: 'home',
    source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
    secondary_host,
    secondary_volume,
    ...more,
  });
  expect(r.statusCode).toBe(200);
  const body = r.json<Result>();
  return { ...body, by: (id) => body.check.find((c) => c.id === id) };
}

const failed = (r: Result) =>
  r.check
    .filter((c) => c.outcome === 'fail' && c.severity !== 'info')
    .map((c) => `${c.id}:${c.severity}`);

describe('preflight', () => {
  it('passes an empty, large, started volume of another cluster', async () => {
    const r = await preflight('gdr1.lab.example', 'backup-dr');
    expect(failed(r)).toEqual([]);
    expect(r.can_create).toBe(true);
    expect(r.can_create_with_force).toBe(true);
    expect(r.by('remote_reachable')).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringContaining('cluster gluster-dr'),
    });
    expect(r.by('secondary_size')).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringMatching(/300 GiB.*3000 GiB/),
    });
    expect(r.by('secondary_empty')).toMatchObject({ outcome: 'pass' });
    // gluster-prod is at 4.7, gluster-dr at 4.6: told, never blocking
    expect(r.by('cluster_compatibility')).toMatchObject({
      outcome: 'fail',
      severity: 'info',
      evidence: expect.stringMatching(/4\.7.*4\.6/),
    });
    expect(r.by('passwordless_ssh')).toMatchObject({ outcome: 'skipped', severity: 'info' });
    for (const c of r.check) expect(c.evidence.length).toBeGreaterThan(10);
  });

  it('blocks a missing volume', async () => {
    const r = await preflight('gdr1.lab.example', 'nope-dr');
    expect(r.by('secondary_volume_exists')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringContaining('does not exist'),
    });
    expect(r.can_create).toBe(false);
    expect(r.can_create_with_force).toBe(false);
  });

  it('blocks a volume that is not started', async () => {
    const r = await preflight('gdr1.lab.example', 'offline-dr');
    expect(r.by('secondary_volume_started')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringContaining('Stopped'),
    });
    expect(r.can_create_with_force).toBe(false);
  });

  it('lets force through a volume that is not empty', async () => {
    const r = await preflight('gdr2.lab.example', 'used-dr');
    expect(failed(r)).toEqual(['secondary_empty:forceable']);
    expect(r.by('secondary_empty')!.evidence).toMatch(/400 GiB used of 3000 GiB/);
    expect(r.can_create).toBe(false);
    expect(r.can_create_with_force).toBe(true);
  });

  it('lets force through a volume that is too small', async () => {
    const r = await preflight('gdr2.lab.example', 'small-dr');
    expect(failed(r)).toEqual(['secondary_size:forceable']);
    expect(r.by('secondary_size')!.evidence).toMatch(/home: 300 GiB; secondary small-dr: 50 GiB/);
    expect(r.can_create).toBe(false);
    expect(r.can_create_with_force).toBe(true);
  });

  it('refuses the same cluster', async () => {
    const r = await preflight('gprod2.lab.example', 'vmstore');
    expect(r.by('same_cluster')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringContaining('gprod2'),
    });
    expect(r.can_create_with_force).toBe(false);
  });

  it('blocks a volume that already is the secondary of another session', async () => {
    const r = await preflight('gdr1.lab.example', 'data-dr');
    expect(r.by('secondary_not_in_use')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringContaining('data (cluster gluster-prod'),
    });
    expect(r.can_create_with_force).toBe(false);
  });

  it('blocks an existing session', async () => {
    const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
      primary_volume: 'home',
      secondary_host: 'gdr2.lab.example',
      secondary_volume: 'home-dr',
    });
    const checks = r.json<Result>().check;
    expect(checks.find((c) => c.id === 'session_exists')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
    });
  });

  it('blocks a remote without Gluster and a remote that cannot be reached', async () => {
    const none = await preflight('nogluster.remote.example', 'x');
    expect(none.by('remote_reachable')).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringContaining('not managed by this engine'),
    });
    expect(none.by('remote_gluster')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringContaining('command not found'),
    });
    const gone = await preflight('nowhere.example', 'x');
    expect(gone.by('remote_reachable')).toMatchObject({
      outcome: 'fail',
      severity: 'blocker',
      evidence: expect.stringContaining('Could not resolve'),
    });
    expect(gone.can_create_with_force).toBe(false);
  });

  it('checks a remote the engine does not manage with Gluster alone', async () => {
    const r = await preflight('backup.remote.example', 'home-backup');
    expect(failed(r)).toEqual([]);
    expect(r.by('secondary_volume_exists')).toMatchObject({
      outcome: 'pass',
      evidence: expect.stringContaining('Gluster on backup.remote.example lists'),
    });
    expect(r.by('secondary_size')).toMatchObject({
      outcome: 'skipped',
      evidence: expect.stringContaining('not managed by this engine'),
    });
    expect(r.by('secondary_empty')).toMatchObject({ outcome: 'skipped' });
  });

  it('a node of the primary volume down: Gluster refuses the create unless forced, and says so first', async () => {
    expect((await preflight('gdr1.lab.example', 'backup-dr')).by('primary_peers')).toMatchObject({
      outcome: 'pass',
      severity: 'forceable',
    });
    // gprod3 (maintenance) holds bricks of data
    const r = await preflight('gdr1.lab.example', 'backup-dr', { primary_volume: 'data' });
    expect(r.by('primary_peers')).toMatchObject({
      outcome: 'fail',
      severity: 'forceable',
      evidence: expect.stringMatching(/gprod3\.lab\.example is down .* bricks of data/),
    });
    expect(failed(r)).toEqual(['primary_peers:forceable']);
    expect(r.can_create).toBe(false);
    expect(r.can_create_with_force).toBe(true);
  });

  it('refuses bad input with 400 and unknown fields', async () => {
    const bad = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
      primary_volume: 'home',
      secondary_host: 'bad host',
      secondary_volume: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Fault>().detail).toMatch(/secondary_host: A host name cannot contain a space/);
    const nonRoot = await s.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
      primary_volume: 'home',
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
      secondary_user: 'geoaccount',
    });
    expect(nonRoot.statusCode).toBe(400);
    expect(nonRoot.json<Fault>().detail).toMatch(/secondary_group: Required/);
  });
});

describe('create against the preflight', () => {
  it("refuses a non-empty secondary without force, in Gluster's words, and creates nothing", async () => {
    const before = s.engine.events().length;
    const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions`, {
      primary_volume: 'home',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'gdr2.lab.example',
      secondary_volume: 'used-dr',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json<Fault>().detail).toMatch(
      /Gluster said: .*not empty.*The session was not created\./s,
    );
    const ev = s.engine.events().slice(before);
    expect(ev.map((e) => e.severity)).toEqual(['error']);
  });

  it('a refusal that force gets past says so (force_may_help), one that it does not says not', async () => {
    const peerDown = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions`, {
      primary_volume: 'data',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
    });
    expect(peerDown.statusCode).toBe(409);
    expect(peerDown.json<Fault>()).toMatchObject({
      detail: expect.stringMatching(
        /Peer gprod3\.lab\.example, which is a part of data volume, is down/,
      ),
      force_may_help: true,
    });
    const exists = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions`, {
      primary_volume: 'data',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
      force: true,
      start: false,
    });
    // with force Gluster creates it (the node that is down gets its keys when it is back)
    expect(exists.statusCode).toBe(201);
    await s.call(ADMIN, 'DELETE', `/clusters/${PROD}/sessions/${exists.json<GeoRepSession>().id}`);
  });

  it('creates it with force, configures it and starts it', async () => {
    const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions`, {
      primary_volume: 'home',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'gdr2.lab.example',
      secondary_volume: 'used-dr',
      force: true,
      start: true,
      config: { 'sync-jobs': 4, 'use-meta-volume': 'true' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      secondary_volume: 'used-dr',
      status: expect.stringMatching(/Initializing|Active|Passive/),
    });
    const cfg = await s.call(
      ADMIN,
      'GET',
      `/clusters/${PROD}/sessions/${r.json<GeoRepSession>().id}/config`,
    );
    const opts = cfg.json<ConfigList>().georep_config_option;
    expect(opts.find((o) => o.name === 'sync-jobs')!.value).toBe('4');
    expect(opts.find((o) => o.name === 'use-meta-volume')!.value).toBe('true');
  });

  it('refuses the same cluster before Gluster is called', async () => {
    const before = s.sim!.callCount();
    const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions`, {
      primary_volume: 'home',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'gprod2.lab.example',
      secondary_volume: 'vmstore',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(/is host gprod2 of cluster gluster-prod itself/);
    expect(s.sim!.callCount()).toBe(before);
  });

  it('refuses a source host that is not Up, or not of the cluster', async () => {
    const body = {
      primary_volume: 'home',
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
    };
    const maint = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions`, {
      ...body,
      source_host_id: '33eba627-6ede-35b6-b4cd-dda3787d9ae6',
    });
    expect(maint.statusCode).toBe(400);
    expect(maint.json<Fault>().detail).toMatch(
      /gprod3 .* is maintenance; choose a host .* that is Up/,
    );
    const other = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions`, {
      ...body,
      source_host_id: '1dc3d0cd-9e54-3c41-a1ef-23b9673be8cb',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json<Fault>().detail).toMatch(/not a host of cluster gluster-prod/);
  });

  it('refuses a bad option value before Gluster is called', async () => {
    const before = s.sim!.callCount();
    const r = await s.call(ADMIN, 'POST', `/clusters/${PROD}/sessions`, {
      primary_volume: 'home',
      source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
      secondary_host: 'gdr1.lab.example',
      secondary_volume: 'backup-dr',
      config: { 'sync-jobs': 'lots' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json<Fault>().detail).toMatch(/config\.sync-jobs: "sync-jobs" takes a whole number/);
    expect(s.sim!.callCount()).toBe(before);
  });
});

describe('a remote the engine does not manage is asked from the source host, over its SSH', () => {
  // What ssh on the source host says (exit status 255) decides: trust not set up yet is not a
  // blocker (the Start flow sets SSH up next, and Gluster checks the remote at create); a remote
  // the source host cannot reach is.
  const stackWith = (stderr: string) => {
    const seen: { node: string; remote: string; argv: readonly string[] }[] = [];
    const remoteGluster: RemoteGluster = {
      gluster: (node, remote, argv) => {
        seen.push({ node, remote: `${remote.user}@${remote.host}:${remote.port}`, argv });
        return Promise.resolve({ code: 255, stdout: '', stderr });
      },
      directory: () => Promise.reject(new Error('not used')),
    };
    return { seen, stack: startStack({ service: { remoteGluster } }) };
  };

  it('SSH not set up yet: the remote checks are skipped, with why, and nothing blocks', async () => {
    const { seen, stack } = stackWith('root@backup.remote.example: Permission denied (publickey).');
    const st = await stack;
    try {
      const r = await st.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
        primary_volume: 'home',
        source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
        secondary_host: 'backup.remote.example',
        secondary_volume: 'home-backup',
        ssh_port: 2222,
      });
      const body = r.json<Result>();
      const by = (id: string) => body.check.find((c) => c.id === id);
      expect(seen[0]).toMatchObject({
        node: 'gprod1.lab.example',
        remote: 'root@backup.remote.example:2222',
      });
      expect(seen[0]!.argv).toEqual(expect.arrayContaining(['volume', 'info', 'home-backup']));
      expect(by('remote_reachable')).toMatchObject({
        outcome: 'skipped',
        evidence: expect.stringContaining(
          'asked from gprod1 over its passwordless SSH, which does not work yet: root@backup.remote.example: Permission denied (publickey).',
        ),
      });
      expect(by('remote_gluster')).toMatchObject({ outcome: 'skipped' });
      expect(by('secondary_volume_exists')).toMatchObject({ outcome: 'skipped' });
      expect(
        body.check.filter(
          (c) => c.outcome === 'fail' && c.severity === 'blocker' && c.id !== 'passwordless_ssh',
        ),
      ).toEqual([]);
    } finally {
      await st.close();
    }
  });

  it('the source host cannot reach it: a blocker, in ssh’s words', async () => {
    const { stack } = stackWith(
      'ssh: Could not resolve hostname backup.remote.example: Name or service not known',
    );
    const st = await stack;
    try {
      const r = await st.call(ADMIN, 'POST', `/clusters/${PROD}/preflight`, {
        primary_volume: 'home',
        source_host_id: 'c81b92ae-997c-3484-baa3-e5fded264355',
        secondary_host: 'backup.remote.example',
        secondary_volume: 'home-backup',
      });
      const reach = r.json<Result>().check.find((c) => c.id === 'remote_reachable');
      expect(reach).toMatchObject({
        outcome: 'fail',
        severity: 'blocker',
        evidence: expect.stringContaining('Could not resolve hostname backup.remote.example'),
      });
    } finally {
      await st.close();
    }
  });
});

describe('the checks name the sides primary and secondary, never source and remote (issue 13)', () => {
  // Host names of the demo may hold "remote" (backup.remote.example): only the product's words count.
  const words = (c: PreflightCheck) =>
    `${c.title} ${c.evidence}`.replace(/[\w.-]*\.remote\.example/g, '<host>');
  const SIDE_WORDS = /\bsource\b|\bremote\b/i;

  it('every title of the catalogue', () => {
    for (const c of Object.values(CHECKS)) expect(c.title).not.toMatch(SIDE_WORDS);
    expect(CHECKS.source_host.title).toBe('The primary host is an Up host of the cluster');
    expect(CHECKS.remote_reachable.title).toBe('The secondary host can be reached');
    expect(CHECKS.passwordless_ssh.title).toBe(
      'Passwordless SSH from the primary host to the secondary host works',
    );
  });

  it('every title and evidence of a volume target, managed or not, and of a directory target', async () => {
    const GPROD3 = '33eba627-6ede-35b6-b4cd-dda3787d9ae6'; // in maintenance
    const runs = [
      await preflight('gdr1.lab.example', 'backup-dr'),
      await preflight('backup.remote.example', 'home-backup'),
      await preflight('gdr1.lab.example', 'backup-dr', { source_host_id: GPROD3 }),
      await preflight('backup.remote.example', 'home-backup', { source_host_id: GPROD3 }),
      await preflight('backup.remote.example', '', {
        secondary_volume: undefined,
        secondary_path: '/data/backup',
      }),
      await preflight('backup.remote.example', '', {
        secondary_volume: undefined,
        secondary_path: '/data/backup',
        source_host_id: GPROD3,
      }),
    ];
    const checks = runs.flatMap((r) => r.check);
    expect(checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['source_host', 'remote_reachable', 'provision', 'passwordless_ssh']),
    );
    for (const c of checks) expect(words(c)).not.toMatch(SIDE_WORDS);
    // The host a session is created from is the primary host; the far side is the secondary host.
    expect(runs[5]!.by('remote_reachable')!.evidence).toBe(
      'Host gprod3 is not Up: the secondary host was not checked from it.',
    );
    expect(runs[4]!.by('provision')!.evidence).toContain('created from gprod1');
  });
});
