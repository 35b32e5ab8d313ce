// The shared SSH contract against the simulator: the same cases as test/contract/ssh-real.test.ts.
import { defaultLab } from '../../../../dev/lab';
import { SIM_LOOSE_KEY_PATH, SimSshTrust } from '../../../../dev/sim/ssh';
import { defineSshContract, type SshWorld } from '../../../support/ssh-contract-cases';

describe('SshTrust contract: simulator', () => {
  const lab = defaultLab();
  const remote = lab.remote_hosts.find((r) => r.address === 'backup.remote.example')!;
  const user = remote.users.find((u) => u.name === 'geoaccount')!;
  const sim = new SimSshTrust(lab, { trusted: [] });
  const from = 'gprod1.lab.example';
  let current = remote.ssh_fingerprint;

  const world: SshWorld = {
    ssh: sim,
    from,
    target: { user: user.name, host: remote.address, port: remote.ssh_port },
    password: user.password,
    wrongPassword: `${user.password}-not`,
    missingKeyPath: '/root/.ssh/no_such_key',
    looseKeyPath: SIM_LOOSE_KEY_PATH,
    refusedPort: 2200,
    unknownHost: 'nosuch.invalid',
    expectedHostKey: () =>
      Promise.resolve(lab.hosts.find((h) => h.address === from)!.ssh_fingerprint),
    expectedRemoteKey: () => Promise.resolve(current),
    otherFingerprint: lab.remote_hosts[1]!.ssh_fingerprint,
    rootKeyLines: () => Promise.resolve(sim.isTrusted(from, user.name, remote.address) ? 1 : 0),
    authorizedLines: () => Promise.resolve(sim.authorizedKeys(user.name, remote.address).length),
    authMark: () => Promise.resolve(sim.passwordAttempts(remote.address)),
    authEventsSince: (mark) => Promise.resolve(sim.passwordAttempts(remote.address) - mark),
    passwordAttempts: () => Promise.resolve(sim.passwordAttempts(remote.address)),
    rotateRemoteKey: () => {
      current = sim.rotateHostKey(remote.address).fingerprint;
      return Promise.resolve(current);
    },
    otherKey: () => {
      sim.addKeyFile(from, '/root/.ssh/other_key', {
        authorizedFor: [`${user.name}@${remote.address}`],
      });
      return Promise.resolve('/root/.ssh/other_key');
    },
    forgetRootKey: () => {
      sim.untrust(from, user.name, remote.address);
      return Promise.resolve();
    },
    seen: [],
  };

  defineSshContract(() => world);

  it('the password is in no result or error the cases saw', () => {
    expect(world.seen.length).toBeGreaterThan(10);
    for (const s of world.seen) expect(s).not.toContain(user.password);
  });
});
