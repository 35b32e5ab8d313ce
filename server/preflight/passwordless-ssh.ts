// The preflight's passwordless-SSH check, from an SshTrust: give it to registerGeoRepService as
// `preflightHooks: { passwordlessSsh: passwordlessSshCheck(ssh) }`. Gluster's create (push-pem)
// runs gverify.sh, which logs in from the source host as secondary_user with root's own keys and
// no password: nothing makes a create work without that, so a failure is a blocker.
import type { PreflightCheck } from '../../src/georep/types';
import { SshNodeError, type SshTrust } from '../ssh/types';
import { passIf, skip, type PreflightHooks } from './catalogue';

export function passwordlessSshCheck(
  ssh: SshTrust,
): NonNullable<PreflightHooks['passwordlessSsh']> {
  return async ({ input, sourceHost }): Promise<PreflightCheck> => {
    const to = `${input.secondary_user}@${input.secondary_host}${input.ssh_port === 22 ? '' : `:${input.ssh_port}`}`;
    // Not checked: information, not a blocker nobody could act on.
    if (!sourceHost) {
      return skip(
        'passwordless_ssh',
        `Choose the host of the cluster to create the session from to check SSH from it to ${to}.`,
        'info',
      );
    }
    if (sourceHost.status !== 'up') {
      return skip(
        'passwordless_ssh',
        `Host ${sourceHost.name} is not Up, so SSH from it to ${to} was not checked.`,
        'info',
      );
    }
    try {
      const r = await ssh.verify(sourceHost.address, {
        user: input.secondary_user,
        host: input.secondary_host,
        port: input.ssh_port,
      });
      return passIf(r.ok, 'passwordless_ssh', r.detail);
    } catch (err) {
      if (err instanceof SshNodeError)
        return skip('passwordless_ssh', `Not checked: ${err.message}`, 'info');
      throw err;
    }
  };
}
