// The preflight's passwordless-SSH check, from an SshTrust: give it to registerGeoRepService as
// `preflightHooks: { passwordlessSsh: passwordlessSshCheck(ssh) }`. Gluster's create (push-pem)
// runs gverify.sh, which logs in from the source host as secondary_user with root's own keys and
// no password: nothing makes a create work without that, so a failure is a blocker.
import type { PreflightCheck } from '../../src/georep/types';
import type { PreflightHooks } from './index';
import { SshNodeError } from '../ssh/types';
import type { SshTrust } from '../ssh/types';

const ID = 'passwordless_ssh';
const TITLE = 'Passwordless SSH from the source host to the remote works';

export function passwordlessSshCheck(
  ssh: SshTrust,
): NonNullable<PreflightHooks['passwordlessSsh']> {
  return async ({ input, sourceHost }): Promise<PreflightCheck> => {
    const to = `${input.secondary_user}@${input.secondary_host}${input.ssh_port === 22 ? '' : `:${input.ssh_port}`}`;
    if (!sourceHost) {
      return {
        id: ID,
        title: TITLE,
        outcome: 'skipped',
        severity: 'info',
        evidence: `Choose the host of the cluster to create the session from to check SSH from it to ${to}.`,
      };
    }
    if (sourceHost.status !== 'up') {
      return {
        id: ID,
        title: TITLE,
        outcome: 'skipped',
        severity: 'info',
        evidence: `Host ${sourceHost.name} is not Up, so SSH from it to ${to} was not checked.`,
      };
    }
    try {
      const r = await ssh.verify(sourceHost.address, {
        user: input.secondary_user,
        host: input.secondary_host,
        port: input.ssh_port,
      });
      return {
        id: ID,
        title: TITLE,
        outcome: r.ok ? 'pass' : 'fail',
        severity: 'blocker',
        evidence: r.detail,
      };
    } catch (err) {
      if (err instanceof SshNodeError) {
        return {
          id: ID,
          title: TITLE,
          outcome: 'skipped',
          severity: 'info',
          evidence: `Not checked: ${err.message}`,
        };
      }
      throw err;
    }
  };
}
