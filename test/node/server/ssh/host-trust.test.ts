// The service trusts a Gluster host's SSH key only if it is the engine's record for that host,
// read through the engine's API with the service account (ssh/host-trust.ts): real SSH servers
// (dev/gluster-ssh-hosts.ts) against the engine emulator, through the service's own SSH client.
import { createHash } from 'node:crypto';
import fastify, { type FastifyInstance } from 'fastify';
import { utils } from 'ssh2';
import { registerEngineEmulator } from '../../../../dev/engine';
import { defaultLab, LAB_IDS, type Lab, type LabHost } from '../../../../dev/lab';
import { startGlusterSshHosts, type SshHosts } from '../../../../dev/gluster-ssh-hosts';
import { EngineClient } from '../../../../server/engine';
import { GlusterUnreachableError } from '../../../../server/gluster/exec';
import { sshExec } from '../../../../server/gluster/exec-ssh';
import { demoSimulator } from '../../../../dev/sim/gluster';
import { ssoTokenProvider } from '../../../../server/serviceAccount';
import { EngineHostKeys, fingerprintMatches } from '../../../../server/ssh/host-trust';
import { KnownHosts, parsePublicKey } from '../../../../server/ssh/keys';

const PROD = LAB_IDS.clusterProd;
const client = utils.generateKeyPairSync('ed25519');

let app: FastifyInstance;
let lab: Lab;
let hosts: SshHosts;
let url: string;
let served: LabHost[];

async function setup(keyType: 'ed25519' | 'rsa' = 'ed25519'): Promise<void> {
  const simLab = defaultLab();
  const sim = demoSimulator(simLab);
  const up = simLab.hosts.filter((h) => h.cluster_id === PROD && h.status === 'up');
  hosts = await startGlusterSshHosts({
    exec: sim,
    nodes: up.map((h) => h.address),
    clientPublicKey: client.public,
    keyType,
  });
  // The engine's view: the same hosts at the addresses they answer on, with the keys they present.
  lab = defaultLab();
  served = [];
  for (const h of hosts.hosts) {
    const rec = lab.hosts.find((x) => x.address === h.node)!;
    rec.address = h.address;
    rec.ssh_port = hosts.port;
    rec.ssh_public_key = h.publicKey;
    rec.ssh_fingerprint = h.fingerprint;
    served.push(rec);
  }
  app = fastify();
  await registerEngineEmulator(app, { lab });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/ovirt-engine/`;
}

afterEach(async () => {
  await app.close();
  await hosts.close();
});

function service(o: { override?: KnownHosts; minRefreshMs?: number } = {}) {
  const token = ssoTokenProvider(url, {
    user: 'georep-service@internal',
    password: 'georep-service',
  });
  const engine = new EngineClient(url);
  const policy = new EngineHostKeys({
    override: o.override,
    minRefreshMs: o.minRefreshMs ?? 0,
    load: async () => engine.hostKeys((await token())!),
  });
  return {
    policy,
    exec: sshExec({
      privateKey: client.private,
      hostKeys: policy,
      port: hosts.port,
      connectTimeoutMs: 5_000,
    }),
  };
}

const status = ['volume', 'geo-replication', 'status', '--xml'];

describe("hosts' SSH keys as the engine pinned them", () => {
  it('logs in to a host whose key is the engine record, with no known_hosts at all', async () => {
    await setup();
    const { exec } = service();
    const r = await exec.run(served[0]!.address, status, { timeoutMs: 10_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<cliOutput>');
    expect(hosts.commands).toEqual([{ address: served[0]!.address, argv: status }]);
    await exec.close();
  });

  it('refuses a host whose key is not the engine record, and runs nothing there', async () => {
    await setup();
    const other = utils.parseKey(utils.generateKeyPairSync('ed25519').public);
    if (other instanceof Error) throw other;
    served[1]!.ssh_public_key = `ssh-ed25519 ${other.getPublicSSH().toString('base64')}`;
    const { exec } = service();
    const e = await exec
      .run(served[1]!.address, status, { timeoutMs: 10_000 })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GlusterUnreachableError);
    expect((e as Error).message).toContain(
      `host key verification failed (the key ${served[1]!.address} presented (${hosts.hosts[1]!.fingerprint}) is not the key the engine pinned for host ${served[1]!.name}`,
    );
    expect(hosts.commands).toEqual([]);
    await exec.close();
  });

  it('lets a local known_hosts override the engine for the hosts it names', async () => {
    await setup();
    const wrong = utils.parseKey(utils.generateKeyPairSync('ed25519').public);
    if (wrong instanceof Error) throw wrong;
    served[1]!.ssh_public_key = `ssh-ed25519 ${wrong.getPublicSSH().toString('base64')}`;
    const override = KnownHosts.parse(
      `[${served[1]!.address}]:${hosts.port} ${hosts.hosts[1]!.publicKey}\n`,
    );
    const { exec } = service({ override });
    expect((await exec.run(served[1]!.address, status, { timeoutMs: 10_000 })).code).toBe(0);
    // ... and an override naming a host with another key refuses it, whatever the engine says.
    const { exec: exec2 } = service({
      override: KnownHosts.parse(
        `[${served[0]!.address}]:${hosts.port} ssh-ed25519 ${wrong.getPublicSSH().toString('base64')}\n`,
      ),
    });
    await expect(exec2.run(served[0]!.address, status, { timeoutMs: 10_000 })).rejects.toThrow(
      /is not the one the local known_hosts override lists/,
    );
    await exec.close();
    await exec2.close();
  });

  it('reads the engine again for a host reinstalled since (a new key)', async () => {
    await setup();
    const real = served[0]!.ssh_public_key!;
    served[0]!.ssh_public_key = hosts.hosts[1]!.publicKey; // the record before the reinstall
    const { exec, policy } = service();
    expect(await policy.algorithms(served[0]!.address, hosts.port)).toEqual(['ssh-ed25519']);
    served[0]!.ssh_public_key = real; // the engine re-pinned it when the host was reinstalled
    expect((await exec.run(served[0]!.address, status, { timeoutMs: 10_000 })).code).toBe(0);
    await exec.close();
  });

  it('refuses a host the engine has no key for, or does not know', async () => {
    await setup();
    delete served[0]!.ssh_public_key;
    served[0]!.ssh_fingerprint = '';
    const { exec, policy } = service();
    await expect(exec.run(served[0]!.address, status, { timeoutMs: 10_000 })).rejects.toThrow(
      `the engine has no SSH key on record for host ${served[0]!.name}`,
    );
    const v = await policy.verify(
      '127.0.0.99',
      22,
      parsePublicKey(hosts.hosts[0]!.publicKey)!.blob,
    );
    expect(v).toEqual({
      ok: false,
      kind: 'unknown',
      reason:
        'the engine has no host with the address 127.0.0.99, so it has no SSH key on record for it',
    });
    await exec.close();
  });

  it('checks the fingerprint alone for a host deployed before 4.4.6, asking for its RSA key as the engine does', async () => {
    await setup('rsa');
    for (const h of served) delete h.ssh_public_key; // engines before 4.4.6 stored the fingerprint only
    served[1]!.ssh_fingerprint = hosts.hosts[0]!.fingerprint; // not served[1]'s key
    const { exec, policy } = service();
    expect(await policy.algorithms(served[0]!.address, hosts.port)).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect((await exec.run(served[0]!.address, status, { timeoutMs: 10_000 })).code).toBe(0);
    await expect(exec.run(served[1]!.address, status, { timeoutMs: 10_000 })).rejects.toThrow(
      /does not have the fingerprint the engine pinned/,
    );
    await exec.close();
  });
});

describe('fingerprints as the engine writes them', () => {
  it('compares SHA256 exactly and MD5 (with or without MD5:) regardless of case', () => {
    const key = parsePublicKey(
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    )!;
    expect(fingerprintMatches(key.fingerprint, key.blob)).toBe(true);
    expect(fingerprintMatches(key.fingerprint.toLowerCase(), key.blob)).toBe(false);
    const md5 = createHash('md5').update(key.blob).digest('hex').match(/../g)!.join(':');
    expect(fingerprintMatches(md5, key.blob)).toBe(true);
    expect(fingerprintMatches(`MD5:${md5.toUpperCase()}`, key.blob)).toBe(true);
    expect(
      fingerprintMatches('MD5:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff', key.blob),
    ).toBe(false);
  });
});
