// The demo world: the Passwordless SSH dialog's setup is what lets Gluster's create pass.
import { simulatedBackends } from '../../../dev/backends';
import { defaultLab } from '../../../dev/lab';
import { GlusterCommandError } from '../../../server/gluster/types';

describe('simulated backends of npm start', () => {
  it('refuses a create to an untrusted remote until SSH is set up with its password, then creates', async () => {
    const lab = defaultLab();
    const { ssh, gluster } = simulatedBackends(lab);
    const key = {
      primary_volume: 'home',
      secondary_host: 'backup.remote.example',
      secondary_volume: 'home-backup',
      secondary_user: 'root',
    };
    await gluster.gsecCreate('gprod1.lab.example');
    const refused = await gluster.create('gprod1.lab.example', key, { push_pem: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(GlusterCommandError);
    expect((refused as GlusterCommandError).glusterMessage).toMatch(
      /Passwordless ssh login has not been setup with backup.remote.example/,
    );

    const remote = await ssh.remoteHostKey('gprod1.lab.example', 'backup.remote.example', 22);
    const password = lab.remote_hosts
      .find((r) => r.address === 'backup.remote.example')!
      .users.find((u) => u.name === 'root')!.password;
    const result = await ssh.setupWithPassword(
      'gprod1.lab.example',
      { user: 'root', host: 'backup.remote.example', port: 22 },
      password,
      remote.fingerprint,
    );
    expect(result.ok).toBe(true);

    await expect(
      gluster.create('gprod1.lab.example', key, { push_pem: true }),
    ).resolves.toBeUndefined();
    const sessions = await gluster.status('gprod1.lab.example');
    expect(sessions.some((s) => s.key.secondary_volume === 'home-backup')).toBe(true);
  });
});
