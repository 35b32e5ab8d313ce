// The SSH routes over the simulator and the engine emulator: who may call what, on which hosts,
// with which values; how outcomes become answers; and that the password shows up nowhere.
import swagger from '@fastify/swagger';
import fastify from 'fastify';
import { defaultLab } from '../../../../dev/lab';
import { registerSshRoutes } from '../../../../server/routes/ssh';
import { createSimSshTrust, type SimSshTrust } from '../../../../dev/sim/ssh';
import { startSshService, type SshService } from '../../../support/ssh-service-harness';

const PROD = '9d89dd81-a594-3d63-a06d-d4e8df16b64e';
const DR = 'c56ac4fe-c636-3534-bc3c-7e9093801d29';
const VIRT = '18d77d06-7266-3dfe-9df1-76438dd2f450';
const ADMIN = 'admin@internal';
const GADMIN = 'glusteradmin@internal';
const VIEWER = 'glusterviewer@internal';

const lab = defaultLab();
const backup = lab.remote_hosts.find((r) => r.address === 'backup.remote.example')!;
const rootPw = backup.users.find((u) => u.name === 'root')!.password;
const geoPw = backup.users.find((u) => u.name === 'geoaccount')!.password;
const prod1 = lab.hosts.find((h) => h.id === 'c81b92ae-997c-3484-baa3-e5fded264355')!;

let svc: SshService;
let sim: SimSshTrust;
const answers: string[] = [];

const host = (cid: string, hid: string, rest = ''): string =>
  `/clusters/${cid}/hosts/${hid}/ssh${rest}`;
const call = async (user: string | null, method: 'GET' | 'POST', path: string, body?: unknown) => {
  const r = await svc.call(user, method, path, body);
  answers.push(r.text);
  return r;
};

beforeAll(async () => {
  sim = createSimSshTrust(lab);
  svc = await startSshService(lab, sim, { passwordAttempts: { max: 3, windowMs: 60_000 } });
});
afterAll(async () => {
  await svc.close();
});

describe('GET .../hosts/{host_id}/ssh: the host key of an Up host of the cluster', () => {
  it('answers the lab key, to anyone who may see the cluster', async () => {
    for (const user of [ADMIN, VIEWER, GADMIN]) {
      const r = await call(user, 'GET', host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355'));
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        algorithm: 'ssh-ed25519',
        fingerprint: prod1.ssh_fingerprint,
        public_key: prod1.ssh_public_key,
      });
    }
  });
  it('a host in maintenance: 409, saying so', async () => {
    const r = await call(ADMIN, 'GET', host(PROD, '33eba627-6ede-35b6-b4cd-dda3787d9ae6'));
    expect(r.status).toBe(409);
    expect(r.json.detail).toMatch(
      /gprod3 is in maintenance; choose a host of cluster gluster-prod that is Up/,
    );
  });
  it('a host of another cluster, an unknown host or cluster, a cluster without Gluster: 404', async () => {
    expect(
      (await call(ADMIN, 'GET', host(PROD, '1dc3d0cd-9e54-3c41-a1ef-23b9673be8cb'))).status,
    ).toBe(404);
    expect((await call(ADMIN, 'GET', host(PROD, 'h-nope'))).status).toBe(404);
    expect(
      (await call(ADMIN, 'GET', host('cl-nope', 'c81b92ae-997c-3484-baa3-e5fded264355'))).status,
    ).toBe(404);
    expect(
      (await call(ADMIN, 'GET', host(VIRT, '4fdde4f1-e968-3d49-a397-1fa22265f3e5'))).status,
    ).toBe(404);
  });
  it('no token: 401; an id with odd characters: 400', async () => {
    expect(
      (await call(null, 'GET', host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355'))).status,
    ).toBe(401);
    expect((await call(ADMIN, 'GET', host(PROD, 'h%3Bprod1'))).status).toBe(400);
  });
});

describe('POST .../ssh/remote-key', () => {
  it("the remote's key as the host sees it; port defaults to 22", async () => {
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/remote-key'),
      {
        remote_host: 'backup.remote.example',
      },
    );
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      algorithm: 'ssh-ed25519',
      fingerprint: backup.ssh_fingerprint,
      public_key: backup.ssh_public_key,
    });
  });
  it('a viewer may not probe from the cluster hosts: 403', async () => {
    const r = await call(
      VIEWER,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/remote-key'),
      {
        remote_host: 'backup.remote.example',
      },
    );
    expect(r.status).toBe(403);
  });
  it('not reachable from the host: 502 with the failure as reason', async () => {
    const unknown = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/remote-key'),
      {
        remote_host: 'nosuch.example',
        port: 22,
      },
    );
    expect(unknown.status).toBe(502);
    expect(unknown.json.reason).toBe('unreachable');
    expect(unknown.json.detail).toMatch(/cannot find a host named nosuch\.example/);
    const refused = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/remote-key'),
      {
        remote_host: 'backup.remote.example',
        port: 2200,
      },
    );
    expect(refused).toMatchObject({ status: 502, json: { reason: 'refused' } });
    sim.setReachability('backup.remote.example', 'timeout');
    const slow = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/remote-key'),
      {
        remote_host: 'backup.remote.example',
      },
    );
    sim.setReachability('backup.remote.example', null);
    expect(slow).toMatchObject({ status: 504, json: { reason: 'timeout' } });
  });
  it.each([
    [{ remote_host: 'a;touch /tmp/x' }, /remote_host: A host name cannot contain ";"/],
    [{ remote_host: '-oProxyCommand=id' }, /remote_host/],
    [{ remote_host: 'backup.remote.example', port: 0 }, /port/],
    [{ remote_host: 'backup.remote.example', port: '22; id' }, /port/],
    [{}, /remote_host/],
    [{ remote_host: 'backup.remote.example', extra: 1 }, /'extra'/],
  ])('invalid body %p: 400', async (body, why) => {
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/remote-key'),
      body,
    );
    expect(r.status).toBe(400);
    expect(r.json.detail).toMatch(why);
  });
});

describe('POST .../ssh/verify', () => {
  it('the demo: gprod1 reaches root@gdr1, not backup.remote.example', async () => {
    const dr = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/verify'),
      {
        user: 'root',
        remote_host: 'gdr1.lab.example',
      },
    );
    expect(dr).toMatchObject({ status: 200, json: { ok: true } });
    const b = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/verify'),
      {
        user: 'root',
        remote_host: 'backup.remote.example',
        port: 22,
      },
    );
    expect(b).toMatchObject({ status: 200, json: { ok: false, failure: 'key_rejected' } });
    expect(b.json.detail).toMatch(
      /root@backup\.remote\.example does not accept root's SSH key of gprod1\.lab\.example/,
    );
  });
  it('with a key file on the host', async () => {
    const good = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/verify'),
      {
        user: 'root',
        remote_host: 'backup.remote.example',
        private_key_path: '/root/.ssh/georep_backup',
      },
    );
    expect(good.json).toMatchObject({ ok: true });
    const missing = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/verify'),
      {
        user: 'root',
        remote_host: 'backup.remote.example',
        private_key_path: '/root/.ssh/nope',
      },
    );
    expect(missing.json).toMatchObject({ ok: false, failure: 'no_such_key_file' });
    const loose = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/verify'),
      {
        user: 'root',
        remote_host: 'backup.remote.example',
        private_key_path: '~/.ssh/loose_key',
      },
    );
    expect(loose.json).toMatchObject({ ok: false, failure: 'bad_key_permissions' });
  });
  it.each([
    [
      { user: 'root', remote_host: 'backup.remote.example', private_key_path: '$(reboot)' },
      /private_key_path/,
    ],
    [{ user: 'root;id', remote_host: 'backup.remote.example' }, /user/],
    [{ remote_host: 'backup.remote.example' }, /'user' is required/],
  ])('invalid %p: 400', async (body, why) => {
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/verify'),
      body,
    );
    expect(r.status).toBe(400);
    expect(r.json.detail).toMatch(why);
  });
  it('a viewer: 403; a host of the DR cluster through the prod cluster: 404', async () => {
    expect(
      (
        await call(VIEWER, 'POST', host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/verify'), {
          user: 'root',
          remote_host: 'gdr1.lab.example',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(GADMIN, 'POST', host(PROD, '1dc3d0cd-9e54-3c41-a1ef-23b9673be8cb', '/verify'), {
          user: 'root',
          remote_host: 'gdr1.lab.example',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(GADMIN, 'POST', host(DR, 'd45dffea-82a9-3d48-a60c-f477721846ec', '/verify'), {
          user: 'root',
          remote_host: 'gdr1.lab.example',
        })
      ).status,
    ).toBe(409);
  });
});

describe('POST .../ssh/setup', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    user: 'geoaccount',
    remote_host: 'backup.remote.example',
    port: 22,
    password: geoPw,
    confirmed_fingerprint: backup.ssh_fingerprint,
    ...over,
  });

  it('a different key than the confirmed one: 409 host_key_changed, no password attempt', async () => {
    const before = sim.passwordAttempts('backup.remote.example');
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/setup'),
      body({ confirmed_fingerprint: prod1.ssh_fingerprint }),
    );
    expect(r.status).toBe(409);
    expect(r.json.reason).toBe('host_key_changed');
    expect(r.json.detail).toMatch(/password was not sent/);
    expect(sim.passwordAttempts('backup.remote.example')).toBe(before);
  });

  it('a wrong password: 200 with auth_failed', async () => {
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/setup'),
      body({ password: 'not-it' }),
    );
    expect(r).toMatchObject({ status: 200, json: { ok: false, failure: 'auth_failed' } });
  });

  it('the right password: set up, and verify then works; the answer has only ok, detail', async () => {
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/setup'),
      body(),
    );
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['detail', 'ok']);
    expect(r.json.ok).toBe(true);
    const v = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/verify'),
      {
        user: 'geoaccount',
        remote_host: 'backup.remote.example',
      },
    );
    expect(v.json).toMatchObject({ ok: true });
    expect(sim.isTrusted('gprod1.lab.example', 'geoaccount', 'backup.remote.example')).toBe(true);
    expect(sim.isTrusted('gprod2.lab.example', 'geoaccount', 'backup.remote.example')).toBe(false);
  });

  it('a viewer: 403, and the password is not tried', async () => {
    const before = sim.passwordAttempts();
    const r = await call(
      VIEWER,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/setup'),
      body({ user: 'root', password: rootPw }),
    );
    expect(r.status).toBe(403);
    expect(sim.passwordAttempts()).toBe(before);
  });

  it.each([
    [{ password: '' }, /password/],
    [{ confirmed_fingerprint: 'ab:cd:ef' }, /confirmed_fingerprint/],
    [{ remote_host: 'x y' }, /remote_host/],
    [{ password: undefined }, /'password' is required/],
    [{ remember: true }, /'remember'/],
  ])('invalid %p: 400 without echoing the password', async (over, why) => {
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/setup'),
      body(over),
    );
    expect(r.status).toBe(400);
    expect(r.json.detail).toMatch(why);
    expect(r.text).not.toContain(geoPw);
  });

  it('too many wrong passwords for one remote from one cluster: 429, even with the right one', async () => {
    const wrong = body({ user: 'root', password: 'guess' });
    // Earlier tests' wrong passwords for this remote count too (3 in the window).
    let answers = 0;
    for (let i = 0; i < 3; i++) {
      const r = await call(
        GADMIN,
        'POST',
        host(PROD, '8d00c721-20c9-36da-97cc-ed559cab14cc', '/setup'),
        wrong,
      );
      if (r.status === 429) break;
      expect(r.json).toMatchObject({ failure: 'auth_failed' });
      answers++;
    }
    expect(answers).toBeGreaterThan(0);
    const before = sim.passwordAttempts();
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, '8d00c721-20c9-36da-97cc-ed559cab14cc', '/setup'),
      body({ user: 'root', password: rootPw }),
    );
    expect(r.status).toBe(429);
    expect(r.json.detail).toMatch(
      /Too many wrong passwords for root@backup\.remote\.example from gprod2/,
    );
    expect(sim.passwordAttempts()).toBe(before);
    // Another host of the cluster, another spelling of the remote, another user: held back too.
    for (const [h, over] of [
      ['c81b92ae-997c-3484-baa3-e5fded264355', { user: 'root' }],
      [
        '8d00c721-20c9-36da-97cc-ed559cab14cc',
        { user: 'root', remote_host: 'BACKUP.remote.example.' },
      ],
      ['8d00c721-20c9-36da-97cc-ed559cab14cc', { user: 'geoaccount' }],
    ] as const) {
      const r = await call(
        GADMIN,
        'POST',
        host(PROD, h, '/setup'),
        body({ ...over, password: rootPw }),
      );
      expect(r.status).toBe(429);
    }
    expect(sim.passwordAttempts()).toBe(before);
  });
});

describe('POST .../ssh/setup-with-key', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    user: 'root',
    remote_host: 'backup.remote.example',
    port: 22,
    private_key_path: '/root/.ssh/georep_backup',
    ...over,
  });

  it("a key that logs in: root's own key is added, and plain verify (what Gluster's create uses) then works", async () => {
    sim.untrust('gprod2.lab.example', 'root', 'backup.remote.example');
    sim.addKeyFile('gprod2.lab.example', '/root/.ssh/backup_only', {
      authorizedFor: ['root@backup.remote.example'],
    });
    const before = await call(
      GADMIN,
      'POST',
      host(PROD, '8d00c721-20c9-36da-97cc-ed559cab14cc', '/verify'),
      {
        user: 'root',
        remote_host: 'backup.remote.example',
      },
    );
    expect(before.json).toMatchObject({ ok: false, failure: 'key_rejected' });
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, '8d00c721-20c9-36da-97cc-ed559cab14cc', '/setup-with-key'),
      body({ private_key_path: '~/.ssh/backup_only' }),
    );
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true });
    expect(r.json.detail).toMatch(/root's own public key of gprod2\.lab\.example .* was added to/);
    expect(sim.isTrusted('gprod2.lab.example', 'root', 'backup.remote.example')).toBe(true);
    const after = await call(
      GADMIN,
      'POST',
      host(PROD, '8d00c721-20c9-36da-97cc-ed559cab14cc', '/verify'),
      {
        user: 'root',
        remote_host: 'backup.remote.example',
      },
    );
    expect(after.json).toMatchObject({ ok: true });
    sim.untrust('gprod2.lab.example', 'root', 'backup.remote.example');
  });

  it('a key that does not log in: its failure, and nothing is added', async () => {
    const keys = sim.authorizedKeys('root', 'backup.remote.example');
    for (const [path, failure] of [
      ['/root/.ssh/nope', 'no_such_key_file'],
      ['~/.ssh/loose_key', 'bad_key_permissions'],
      ['/root/.ssh/protected_key', 'key_rejected'],
    ] as const) {
      const r = await call(
        GADMIN,
        'POST',
        host(PROD, '8d00c721-20c9-36da-97cc-ed559cab14cc', '/setup-with-key'),
        body({ private_key_path: path }),
      );
      expect(r.json).toMatchObject({ ok: false, failure });
    }
    expect(sim.authorizedKeys('root', 'backup.remote.example')).toEqual(keys);
  });

  it.each([
    [body({ private_key_path: 'id_rsa' }), /private_key_path/],
    [body({ private_key_path: '/root/$(reboot)' }), /private_key_path/],
    [{ user: 'root', remote_host: 'backup.remote.example' }, /private_key_path/],
    [body({ password: 'x' }), /'password' not known here/],
  ])('invalid %p: 400', async (b, why) => {
    const r = await call(
      GADMIN,
      'POST',
      host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/setup-with-key'),
      b,
    );
    expect(r.status).toBe(400);
    expect(r.json.detail).toMatch(why);
  });

  it('a viewer: 403; a host in maintenance: 409', async () => {
    expect(
      (
        await call(
          VIEWER,
          'POST',
          host(PROD, 'c81b92ae-997c-3484-baa3-e5fded264355', '/setup-with-key'),
          body(),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await call(
          GADMIN,
          'POST',
          host(PROD, '33eba627-6ede-35b6-b4cd-dda3787d9ae6', '/setup-with-key'),
          body(),
        )
      ).status,
    ).toBe(409);
  });
});

describe('the passwords appear nowhere', () => {
  it('not in any answer, and not in the service log (which did log the setups)', () => {
    expect(svc.logs.join('\n')).toMatch(/passwordless SSH setup with a password/);
    for (const pw of [geoPw, rootPw, 'not-it', 'guess']) {
      for (const a of answers) expect(a).not.toContain(pw);
      for (const l of svc.logs) expect(l).not.toContain(pw);
    }
  });
});

describe('OpenAPI', () => {
  it('the routes describe themselves, with the shared Fault and their own SshHostKey and SshVerifyResult', async () => {
    const app = fastify();
    await app.register(
      async (scope) => {
        await scope.register(swagger, {
          openapi: { openapi: '3.1.0', info: { title: 't', version: '0' } },
          refResolver: {
            buildLocalReference: (json, _b, _f, i) =>
              typeof json.$id === 'string' ? json.$id : `def-${i}`,
          },
        });
        await registerSshRoutes(scope, { ssh: sim, ctx: {} as never });
        scope.get('/openapi.json', () => scope.swagger());
      },
      { prefix: '/api' },
    );
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<
                string,
                { schema: { properties: Record<string, { writeOnly?: boolean }> } }
              >;
            };
          }
        >
      >;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/clusters/{cluster_id}/hosts/{host_id}/ssh',
      '/api/clusters/{cluster_id}/hosts/{host_id}/ssh/remote-key',
      '/api/clusters/{cluster_id}/hosts/{host_id}/ssh/setup',
      '/api/clusters/{cluster_id}/hosts/{host_id}/ssh/setup-with-key',
      '/api/clusters/{cluster_id}/hosts/{host_id}/ssh/verify',
      '/api/openapi.json',
    ]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Fault', 'SshHostKey', 'SshVerifyResult']),
    );
    const setup = doc.paths['/api/clusters/{cluster_id}/hosts/{host_id}/ssh/setup']!.post!;
    expect(
      setup.requestBody!.content['application/json']!.schema.properties.password!.writeOnly,
    ).toBe(true);
    await app.close();
  });
});
