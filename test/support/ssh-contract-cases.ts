// One behavioural contract for both SshTrust backends: the simulator (test/node/dev/sim/ssh.contract)
// and real OpenSSH (test/contract/ssh-real). The cases run in order on one world: a cluster host,
// a remote user with a password, root's key of the host not yet authorized there.
import { GeoRepValidationError } from '../../src/georep/validation';
import { SshRemoteError, type SshTrust, type VerifyResult } from '../../server/ssh/types';

export interface SshWorld {
  ssh: SshTrust;
  /** The cluster host, as the backend is given it. */
  from: string;
  target: { user: string; host: string; port: number };
  password: string;
  wrongPassword: string;
  /** A key path that does not exist on the cluster host. */
  missingKeyPath: string;
  /** A private key on the cluster host with mode 0644. */
  looseKeyPath: string;
  /** A port of the remote's address where nothing listens. */
  refusedPort: number;
  /** A name that does not resolve from the cluster host. */
  unknownHost: string;
  /** The cluster host's own key fingerprint, computed independently of the backend. */
  expectedHostKey(): Promise<string>;
  /** The remote's current key fingerprint, computed independently of the backend. */
  expectedRemoteKey(): Promise<string>;
  /** A well-formed fingerprint that is not the remote's. */
  otherFingerprint: string;
  /** Lines of the remote user's authorized_keys holding root's key of the cluster host. */
  rootKeyLines(): Promise<number>;
  /** All lines of the remote user's authorized_keys (0 when there is none). */
  authorizedLines(): Promise<number>;
  /** A position in what the remote saw, and how many authentication events for the user since. */
  authMark(): Promise<number>;
  authEventsSince(mark: number): Promise<number>;
  /** Password logins the remote saw so far (attempts, not passwords). */
  passwordAttempts(): Promise<number>;
  /** Give the remote a new host key; its fingerprint. */
  rotateRemoteKey(): Promise<string>;
  /** A private key file on the cluster host that the remote user accepts (the world authorizes it); its path. */
  otherKey(): Promise<string>;
  /** Take root's key of the cluster host out of the remote user's authorized_keys. */
  forgetRootKey(): Promise<void>;
  /** Wraps the successful setup (the real world watches `ps` meanwhile). */
  duringSetup?<T>(run: () => Promise<T>): Promise<T>;
  /** Every result and error message the cases saw, for the "password nowhere" check. */
  seen: string[];
}

export function defineSshContract(getWorld: () => SshWorld): void {
  let w: SshWorld;
  let originalKey = '';
  const record = (r: unknown): void => {
    w.seen.push(JSON.stringify(r));
  };
  const verify = async (
    extra: { privateKeyPath?: string; port?: number; host?: string } = {},
  ): Promise<VerifyResult> => {
    const r = await w.ssh.verify(w.from, { ...w.target, ...extra });
    record(r);
    return r;
  };
  const setup = async (password: string, fp: string): Promise<VerifyResult> => {
    const r = await w.ssh.setupWithPassword(w.from, w.target, password, fp);
    record(r);
    return r;
  };
  const remoteError = async (host: string, port: number): Promise<SshRemoteError> => {
    try {
      const k = await w.ssh.remoteHostKey(w.from, host, port);
      throw new Error(`expected a failure, got ${k.fingerprint}`);
    } catch (e) {
      if (!(e instanceof SshRemoteError)) throw e;
      w.seen.push(e.message);
      return e;
    }
  };

  beforeAll(() => {
    w = getWorld();
  });

  it("hostKey: the cluster host's own key, as ssh-keygen -lf prints it", async () => {
    const k = await w.ssh.hostKey(w.from);
    record(k);
    expect(k.fingerprint).toBe(await w.expectedHostKey());
    expect(k.algorithm).toBe('ssh-ed25519');
    expect(k.public_key).toMatch(/^ssh-ed25519 AAAA/);
  });

  it("remoteHostKey: the remote's key as the cluster host sees it", async () => {
    const k = await w.ssh.remoteHostKey(w.from, w.target.host, w.target.port);
    record(k);
    originalKey = await w.expectedRemoteKey();
    expect(k.fingerprint).toBe(originalKey);
    expect(k.algorithm).toBe('ssh-ed25519');
  });

  it('remoteHostKey: a port where nothing listens is refused; a name that does not resolve is unreachable', async () => {
    const refused = await remoteError(w.target.host, w.refusedPort);
    expect(refused.failure).toBe('refused');
    expect(refused.message).toContain(String(w.refusedPort));
    const unknown = await remoteError(w.unknownHost, 22);
    expect(unknown.failure).toBe('unreachable');
    expect(unknown.message).toContain(w.unknownHost);
  });

  it("verify before any setup: the remote does not accept root's key (key_rejected)", async () => {
    const r = await verify();
    expect(r).toMatchObject({ ok: false, failure: 'key_rejected' });
    expect(r.detail).toContain(`${w.target.user}@${w.target.host}`);
    expect(r.detail).toContain(w.from);
  });

  it('verify with a key path that does not exist: no_such_key_file', async () => {
    const r = await verify({ privateKeyPath: w.missingKeyPath });
    expect(r).toMatchObject({ ok: false, failure: 'no_such_key_file' });
    expect(r.detail).toContain(w.missingKeyPath);
  });

  it('verify with a key other users can read: bad_key_permissions', async () => {
    const r = await verify({ privateKeyPath: w.looseKeyPath });
    expect(r).toMatchObject({ ok: false, failure: 'bad_key_permissions' });
    expect(r.detail).toContain('0644');
    expect(r.detail).toContain(`chmod 600 ${w.looseKeyPath}`);
  });

  it('verify to a port where nothing listens (refused), and to a name that does not resolve (unreachable)', async () => {
    expect(await verify({ port: w.refusedPort })).toMatchObject({ ok: false, failure: 'refused' });
    expect(await verify({ host: w.unknownHost })).toMatchObject({
      ok: false,
      failure: 'unreachable',
    });
  });

  it('setup with a fingerprint that is not the remote key: host_key_changed, and nothing is sent', async () => {
    const before = await w.authorizedLines();
    const attempts = await w.passwordAttempts();
    const mark = await w.authMark();
    const r = await setup(w.password, w.otherFingerprint);
    expect(r).toMatchObject({ ok: false, failure: 'host_key_changed' });
    expect(r.detail).toContain(w.otherFingerprint);
    expect(r.detail).toContain(originalKey);
    expect(r.detail).toMatch(/password was not sent/);
    expect(await w.authorizedLines()).toBe(before);
    expect(await w.passwordAttempts()).toBe(attempts);
    expect(await w.authEventsSince(mark)).toBe(0);
  });

  it('setup with a wrong password: auth_failed, authorized_keys unchanged', async () => {
    const before = await w.authorizedLines();
    const attempts = await w.passwordAttempts();
    const r = await setup(w.wrongPassword, originalKey);
    expect(r).toMatchObject({ ok: false, failure: 'auth_failed' });
    expect(r.detail).toMatch(/did not accept the password/);
    expect(await w.authorizedLines()).toBe(before);
    expect(await w.passwordAttempts()).toBe(attempts + 1);
  });

  it("setup with the right password: root's key is in authorized_keys once, and it works", async () => {
    const attempts = await w.passwordAttempts();
    const run = (): Promise<VerifyResult> => setup(w.password, originalKey);
    const r = w.duringSetup ? await w.duringSetup(run) : await run();
    expect(r).toMatchObject({ ok: true });
    expect(r.failure).toBeUndefined();
    expect(r.detail).toMatch(/was added to/);
    expect(await w.rootKeyLines()).toBe(1);
    expect(await w.passwordAttempts()).toBe(attempts + 1);
  });

  it('setup again: still once', async () => {
    const lines = await w.authorizedLines();
    const r = await setup(w.password, originalKey);
    expect(r).toMatchObject({ ok: true });
    expect(r.detail).toMatch(/was already in/);
    expect(await w.rootKeyLines()).toBe(1);
    expect(await w.authorizedLines()).toBe(lines);
  });

  it('verify after setup: ok', async () => {
    const r = await verify();
    expect(r).toMatchObject({ ok: true });
    expect(r.detail).toContain('without a password');
  });

  it('the remote gets a new host key: verify says host_key_changed; the old confirmation sends nothing; the new one works', async () => {
    const fresh = await w.rotateRemoteKey();
    expect(fresh).not.toBe(originalKey);
    expect(await verify()).toMatchObject({ ok: false, failure: 'host_key_changed' });

    const seenNow = await w.ssh.remoteHostKey(w.from, w.target.host, w.target.port);
    expect(seenNow.fingerprint).toBe(fresh);

    const attempts = await w.passwordAttempts();
    const mark = await w.authMark();
    const stale = await setup(w.password, originalKey);
    expect(stale).toMatchObject({ ok: false, failure: 'host_key_changed' });
    expect(stale.detail).toContain(fresh);
    expect(await w.passwordAttempts()).toBe(attempts);
    expect(await w.authEventsSince(mark)).toBe(0);

    const ok = await setup(w.password, fresh);
    expect(ok).toMatchObject({ ok: true });
    expect(await w.rootKeyLines()).toBe(1);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("setup with another key that logs in: root's own key is added with it, once, and then works; no password is tried", async () => {
    await w.forgetRootKey();
    expect(await w.rootKeyLines()).toBe(0);
    expect(await verify()).toMatchObject({ ok: false, failure: 'key_rejected' });
    const path = await w.otherKey();
    expect(await verify({ privateKeyPath: path })).toMatchObject({ ok: true });
    const attempts = await w.passwordAttempts();
    const r = await w.ssh.setupWithKey(w.from, w.target, path);
    record(r);
    expect(r).toMatchObject({ ok: true });
    expect(r.detail).toMatch(/was added to/);
    expect(r.detail).toContain(path);
    expect(await w.rootKeyLines()).toBe(1);
    expect(await verify()).toMatchObject({ ok: true });
    const again = await w.ssh.setupWithKey(w.from, w.target, path);
    record(again);
    expect(again.detail).toMatch(/was already in/);
    expect(await w.rootKeyLines()).toBe(1);
    expect(await w.passwordAttempts()).toBe(attempts);
  });

  it('setup with a key that does not log in: its own failure, and authorized_keys unchanged', async () => {
    await w.forgetRootKey();
    const lines = await w.authorizedLines();
    for (const [path, failure] of [
      [w.missingKeyPath, 'no_such_key_file'],
      [w.looseKeyPath, 'bad_key_permissions'],
    ] as const) {
      const r = await w.ssh.setupWithKey(w.from, w.target, path);
      record(r);
      expect(r).toMatchObject({ ok: false, failure });
    }
    expect(await w.authorizedLines()).toBe(lines);
    expect(await w.rootKeyLines()).toBe(0);
  });

  it('hostile values are refused before anything runs, with the field named', async () => {
    const attempts = await w.passwordAttempts();
    const cases: [() => Promise<unknown>, string][] = [
      [() => w.ssh.verify(w.from, { ...w.target, host: 'x;touch /tmp/pwned' }), 'remote_host'],
      [() => w.ssh.verify(w.from, { ...w.target, user: '-oProxyCommand=id' }), 'user'],
      [() => w.ssh.verify(w.from, { ...w.target, privateKeyPath: '$(id)' }), 'private_key_path'],
      [() => w.ssh.verify(w.from, { ...w.target, port: 0 }), 'port'],
      [() => w.ssh.remoteHostKey(w.from, '-oProxyCommand=id', 22), 'remote_host'],
      [
        () =>
          w.ssh.setupWithPassword(w.from, { ...w.target, host: 'a b' }, w.password, originalKey),
        'remote_host',
      ],
      [
        () => w.ssh.setupWithPassword(w.from, w.target, w.password, 'MD5:aa:bb'),
        'confirmed_fingerprint',
      ],
      [() => w.ssh.setupWithPassword(w.from, w.target, '', originalKey), 'password'],
      [() => w.ssh.setupWithKey(w.from, w.target, '$(id)'), 'private_key_path'],
      [() => w.ssh.setupWithKey(w.from, { ...w.target, user: '-oProxyCommand=id' }, '/k'), 'user'],
    ];
    for (const [run, field] of cases) {
      await expect(run()).rejects.toBeInstanceOf(GeoRepValidationError);
      await expect(run()).rejects.toMatchObject({ field });
    }
    expect(await w.passwordAttempts()).toBe(attempts);
  });
}
