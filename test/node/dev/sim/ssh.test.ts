// The simulator's own behaviour beyond the shared contract: the demo, the lab's hosts as remotes,
// strict host-key checking, key files, reachability, and its test controls.
import fastify from 'fastify';
import { defaultLab } from '../../../../dev/lab';
import { passwordlessSshCheck } from '../../../../server/preflight/passwordless-ssh';
import {
  createSimSshTrust,
  SIM_PROTECTED_KEY_PATH,
  SIM_ROOT_KEY_PATH,
  SimSshTrust,
} from '../../../../dev/sim/ssh';
import { SshNodeError, SshRemoteError } from '../../../../server/ssh/types';

const lab = defaultLab();
const backup = lab.remote_hosts.find((r) => r.address === 'backup.remote.example')!;
const pw = (user: string): string => backup.users.find((u) => u.name === user)!.password;
const host = (id: string) => lab.hosts.find((h) => h.id === id)!;
const P1 = 'gprod1.lab.example';

describe('the demo', () => {
  const sim = createSimSshTrust(defaultLab());

  it('gprod1 reaches root@gdr1 (and gdr2); so does gprod2', async () => {
    for (const from of [P1, 'gprod2.lab.example']) {
      for (const to of ['gdr1.lab.example', 'gdr2.lab.example']) {
        expect(await sim.verify(from, { user: 'root', host: to, port: 22 })).toMatchObject({
          ok: true,
        });
      }
    }
  });

  it('gprod1 does not reach backup.remote.example yet: the dialog has something to do', async () => {
    for (const user of ['root', 'geoaccount']) {
      expect(await sim.verify(P1, { user, host: 'backup.remote.example', port: 22 })).toMatchObject(
        { ok: false, failure: 'key_rejected' },
      );
    }
  });

  it("the demo's other key on gprod1 works for root@backup; root's own key file is the default identity", async () => {
    expect(
      await sim.verify(P1, {
        user: 'root',
        host: 'backup.remote.example',
        port: 22,
        privateKeyPath: '/root/.ssh/georep_backup',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await sim.verify(P1, {
        user: 'root',
        host: 'gdr1.lab.example',
        port: 22,
        privateKeyPath: SIM_ROOT_KEY_PATH,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await sim.verify('gprod2.lab.example', {
        user: 'root',
        host: 'backup.remote.example',
        port: 22,
        privateKeyPath: '/root/.ssh/georep_backup',
      }),
    ).toMatchObject({
      ok: false,
      failure: 'no_such_key_file',
    });
  });

  it('the password dialog then works, for the user whose password it is', async () => {
    const fp = (await sim.remoteHostKey(P1, 'backup.remote.example', 22)).fingerprint;
    expect(fp).toBe(backup.ssh_fingerprint);
    expect(
      await sim.setupWithPassword(
        P1,
        { user: 'root', host: 'backup.remote.example', port: 22 },
        pw('geoaccount'),
        fp,
      ),
    ).toMatchObject({
      ok: false,
      failure: 'auth_failed',
    });
    expect(
      await sim.setupWithPassword(
        P1,
        { user: 'root', host: 'backup.remote.example', port: 22 },
        pw('root'),
        fp,
      ),
    ).toMatchObject({ ok: true });
    expect(sim.isTrusted(P1, 'root', 'backup.remote.example')).toBe(true);
    expect(sim.isTrusted(P1, 'geoaccount', 'backup.remote.example')).toBe(false);
  });
});

describe('hosts, keys and reachability', () => {
  let sim: SimSshTrust;
  beforeEach(() => {
    sim = new SimSshTrust(defaultLab(), { trusted: [] });
  });

  it("a cluster host's own key is the lab's; an unknown or down cluster host is the service's problem", async () => {
    expect(await sim.hostKey(P1)).toEqual({
      algorithm: 'ssh-ed25519',
      fingerprint: host('c81b92ae-997c-3484-baa3-e5fded264355').ssh_fingerprint,
      public_key: host('c81b92ae-997c-3484-baa3-e5fded264355').ssh_public_key,
    });
    expect(await sim.hostKey('gprod1')).toMatchObject({
      fingerprint: host('c81b92ae-997c-3484-baa3-e5fded264355').ssh_fingerprint,
    });
    await expect(sim.hostKey('nosuch.example')).rejects.toBeInstanceOf(SshNodeError);
    await expect(sim.hostKey('gdr3.lab.example')).rejects.toMatchObject({ kind: 'timeout' });
    await expect(
      sim.verify('backup.remote.example', { user: 'root', host: 'gdr1.lab.example', port: 22 }),
    ).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('lab hosts as remotes: a non-responsive one times out; one in maintenance still answers SSH', async () => {
    expect(
      await sim.verify(P1, { user: 'root', host: 'gdr3.lab.example', port: 22 }),
    ).toMatchObject({ failure: 'timeout' });
    await expect(sim.remoteHostKey(P1, 'gdr3.lab.example', 22)).rejects.toMatchObject({
      failure: 'timeout',
    });
    expect((await sim.remoteHostKey(P1, 'gprod3.lab.example', 22)).fingerprint).toBe(
      host('33eba627-6ede-35b6-b4cd-dda3787d9ae6').ssh_fingerprint,
    );
  });

  it("the cluster hosts' root takes no password over SSH", async () => {
    const fp = host('1dc3d0cd-9e54-3c41-a1ef-23b9673be8cb').ssh_fingerprint;
    expect(
      await sim.setupWithPassword(
        P1,
        { user: 'root', host: 'gdr1.lab.example', port: 22 },
        'anything',
        fp,
      ),
    ).toMatchObject({ failure: 'auth_failed' });
  });

  it('a key with a passphrase, or no key at all, is key_rejected with its reason', async () => {
    const r = await sim.verify(P1, {
      user: 'root',
      host: 'backup.remote.example',
      port: 22,
      privateKeyPath: SIM_PROTECTED_KEY_PATH,
    });
    expect(r).toMatchObject({ ok: false, failure: 'key_rejected' });
    expect(r.detail).toMatch(/passphrase/);
    sim.addKeyFile(P1, '/root/.ssh/not_a_key', { notAKey: true });
    expect(
      (
        await sim.verify(P1, {
          user: 'root',
          host: 'backup.remote.example',
          port: 22,
          privateKeyPath: '/root/.ssh/not_a_key',
        })
      ).detail,
    ).toMatch(/not a private key/);
  });

  it("addKeyFile: a key accepted by a remote user; ~/ means root's home", async () => {
    sim.addKeyFile(P1, '/root/.ssh/extra', { authorizedFor: ['geoaccount@backup.remote.example'] });
    expect(
      await sim.verify(P1, {
        user: 'geoaccount',
        host: 'backup.remote.example',
        port: 22,
        privateKeyPath: '~/.ssh/extra',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await sim.verify(P1, {
        user: 'root',
        host: 'backup.remote.example',
        port: 22,
        privateKeyPath: '~/.ssh/extra',
      }),
    ).toMatchObject({ failure: 'key_rejected' });
  });

  it('setReachability and setPassword', async () => {
    sim.setReachability('backup.remote.example', 'unreachable');
    expect(
      await sim.verify(P1, { user: 'root', host: 'backup.remote.example', port: 22 }),
    ).toMatchObject({ failure: 'unreachable' });
    await expect(sim.remoteHostKey(P1, 'backup.remote.example', 22)).rejects.toBeInstanceOf(
      SshRemoteError,
    );
    sim.setReachability('backup.remote.example', 'refused');
    expect(
      await sim.verify(P1, { user: 'root', host: 'backup.remote.example', port: 22 }),
    ).toMatchObject({ failure: 'refused' });
    sim.setReachability('backup.remote.example', null);
    sim.setPassword('backup.remote.example', 'newuser', 'new-pw');
    expect(
      await sim.setupWithPassword(
        P1,
        { user: 'newuser', host: 'backup.remote.example', port: 22 },
        'new-pw',
        backup.ssh_fingerprint,
      ),
    ).toMatchObject({ ok: true });
  });

  it('accept-new: the first check records the key; a rotation afterwards is host_key_changed until a confirmed setup', async () => {
    sim.trust(P1, 'root', 'backup.remote.example');
    expect(sim.knownHostKey(P1, 'backup.remote.example', 22)).toBe(backup.ssh_fingerprint);
    const fresh = sim.rotateHostKey('backup.remote.example');
    expect(fresh.fingerprint).not.toBe(backup.ssh_fingerprint);
    expect(
      await sim.verify(P1, { user: 'root', host: 'backup.remote.example', port: 22 }),
    ).toMatchObject({ failure: 'host_key_changed' });
    // Another cluster host never saw the old key: it records the new one (and is not trusted).
    expect(
      await sim.verify('gprod2.lab.example', {
        user: 'root',
        host: 'backup.remote.example',
        port: 22,
      }),
    ).toMatchObject({ failure: 'key_rejected' });
    expect(sim.knownHostKey('gprod2.lab.example', 'backup.remote.example', 22)).toBe(
      fresh.fingerprint,
    );
    expect(
      await sim.setupWithPassword(
        P1,
        { user: 'root', host: 'backup.remote.example', port: 22 },
        pw('root'),
        fresh.fingerprint,
      ),
    ).toMatchObject({ ok: true });
    expect(sim.knownHostKey(P1, 'backup.remote.example', 22)).toBe(fresh.fingerprint);
  });

  it('strict checking: a remote never confirmed is unknown_host_key until a setup records it', async () => {
    const strict = new SimSshTrust(defaultLab(), { trusted: [], hostKeyChecking: 'yes' });
    expect(
      await strict.verify(P1, { user: 'root', host: 'backup.remote.example', port: 22 }),
    ).toMatchObject({ failure: 'unknown_host_key' });
    expect(
      await strict.setupWithPassword(
        P1,
        { user: 'root', host: 'backup.remote.example', port: 22 },
        pw('root'),
        backup.ssh_fingerprint,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await strict.verify(P1, { user: 'root', host: 'backup.remote.example', port: 22 }),
    ).toMatchObject({ ok: true });
  });

  it('latency makes answers take time (for the UI to show progress)', async () => {
    const slow = new SimSshTrust(defaultLab(), { latencyMs: 60 });
    const t0 = Date.now();
    await slow.hostKey(P1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(50);
  });

  it("takes the service's fastify logger as its log", () => {
    const app = fastify();
    expect(() => new SimSshTrust(defaultLab(), { log: app.log })).not.toThrow();
  });

  it('logs outcomes, never the password', async () => {
    const lines: string[] = [];
    const logged = new SimSshTrust(defaultLab(), {
      log: { info: (o, m) => void lines.push(JSON.stringify([o, m])), warn: () => undefined },
    });
    await logged.setupWithPassword(
      P1,
      { user: 'geoaccount', host: 'backup.remote.example', port: 22 },
      pw('geoaccount'),
      backup.ssh_fingerprint,
    );
    await logged.verify(P1, { user: 'geoaccount', host: 'backup.remote.example', port: 22 });
    expect(lines).toHaveLength(2);
    expect(lines.join()).toMatch(/geoaccount@backup\.remote\.example/);
    expect(lines.join()).not.toContain(pw('geoaccount'));
  });
});

describe("the preflight's passwordless-SSH check", () => {
  const sim = createSimSshTrust(defaultLab());
  const check = passwordlessSshCheck(sim);
  const input = (over: Record<string, unknown> = {}) =>
    ({
      secondary_user: 'root',
      secondary_host: 'gdr1.lab.example',
      ssh_port: 22,
      ...over,
    }) as never;
  const src = (id: string) => ({ ...host(id), status: host(id).status }) as never;

  it('pass when it works, a blocker when not, skipped without an Up source host', async () => {
    expect(
      await check({
        input: input(),
        sourceHost: src('c81b92ae-997c-3484-baa3-e5fded264355'),
      } as never),
    ).toMatchObject({
      id: 'passwordless_ssh',
      outcome: 'pass',
      severity: 'blocker',
    });
    const fail = await check({
      input: input({ secondary_host: 'backup.remote.example' }),
      sourceHost: src('c81b92ae-997c-3484-baa3-e5fded264355'),
    } as never);
    expect(fail).toMatchObject({ outcome: 'fail', severity: 'blocker' });
    expect(fail.evidence).toMatch(/does not accept root's SSH key/);
    expect(await check({ input: input(), sourceHost: null } as never)).toMatchObject({
      outcome: 'skipped',
      severity: 'info',
    });
    expect(
      await check({
        input: input(),
        sourceHost: src('33eba627-6ede-35b6-b4cd-dda3787d9ae6'),
      } as never),
    ).toMatchObject({
      outcome: 'skipped',
    });
  });
});
