// The plain words of every outcome, shared by the real backend and the simulator so that the same
// situation reads the same in both. `from` is the cluster host (as the service names it).
import type { Classified } from './commands';
import type { SshLog, VerifyFailure, VerifyResult } from './types';

export interface Situation {
  from: string;
  user: string;
  host: string;
  port: number;
  privateKeyPath?: string;
}

/** Who is asked what: the target's fields only (nothing else a caller's object may carry). */
export function situationOf(
  from: string,
  t: { user: string; host: string; port: number },
  privateKeyPath?: string,
): Situation {
  return {
    from,
    user: t.user,
    host: t.host,
    port: t.port,
    ...(privateKeyPath !== undefined ? { privateKeyPath } : {}),
  };
}

/** One log line per check or setup, the same from every backend; never a password. */
export function logOutcome(
  log: SshLog | undefined,
  what: 'check' | 'setup with a password' | 'setup with a key',
  s: Situation,
  result: VerifyResult,
): void {
  log?.info(
    {
      ssh_from: s.from,
      ssh_to: dest(s),
      ...(what === 'setup with a password' ? {} : { key: s.privateKeyPath ?? 'default' }),
      ok: result.ok,
      failure: result.failure,
    },
    what === 'check' ? 'passwordless SSH check' : `passwordless SSH ${what}`,
  );
}

export const dest = (s: Pick<Situation, 'user' | 'host' | 'port'>): string =>
  `${s.user}@${s.host}${s.port === 22 ? '' : ` (port ${s.port})`}`;

const whichKey = (s: Situation): string =>
  s.privateKeyPath ? `the key ${s.privateKeyPath}` : "root's SSH key";

export function verifiedOk(s: Situation): VerifyResult {
  return {
    ok: true,
    detail: `Root on ${s.from} logs in to ${dest(s)} without a password, with ${whichKey(s)} of ${s.from}.`,
  };
}

export function setupOk(s: Situation, keyFingerprint: string, added: boolean): VerifyResult {
  return {
    ok: true,
    detail:
      `Passwordless SSH from ${s.from} to ${dest(s)} works: root's public key of ${s.from} (${keyFingerprint}) ` +
      `${added ? 'was added to' : 'was already in'} ${s.user}'s authorized_keys on ${s.host}. The password was used for this one login and was not kept.`,
  };
}

export function keySetupOk(
  s: Situation & { privateKeyPath: string },
  keyFingerprint: string,
  added: boolean,
): VerifyResult {
  return {
    ok: true,
    detail:
      `Passwordless SSH from ${s.from} to ${dest(s)} works: logging in with ${s.privateKeyPath}, root's own public key of ${s.from} (${keyFingerprint}) ` +
      `${added ? 'was added to' : 'was already in'} ${s.user}'s authorized_keys on ${s.host}, so Gluster's create, which uses root's own key, can log in too.`,
  };
}

/** A setup installed root's key, yet logging in with it still fails: what was done, and why it fails. */
export function stillFails(s: Situation, added: boolean, v: VerifyResult): VerifyResult {
  return {
    ...v,
    detail: `Root's key of ${s.from} ${added ? 'was added to' : 'is in'} ${s.user}'s authorized_keys on ${s.host}, but logging in with it still fails. ${v.detail}`,
  };
}

/** Plain words for a failure; `c` refines the cause when the backend knows it. */
export function explain(
  failure: VerifyFailure,
  s: Situation,
  c: Partial<Pick<Classified, 'cause' | 'mode'>> = {},
): string {
  const d = dest(s);
  switch (failure) {
    case 'refused':
      if (c.cause === 'no_shell') {
        return `${d} accepted ${whichKey(s)} of ${s.from} but did not run a command: the account has no usable login shell, or its key is limited to one command. Geo-replication needs ${s.user} to have a login shell on ${s.host}.`;
      }
      if (c.cause === 'no_key_types') {
        return `${s.host} answers on port ${s.port} but offers no ed25519, ECDSA or RSA host key to ${s.from}.`;
      }
      return `${s.host} refused the connection from ${s.from} on port ${s.port}: no SSH server listens there, or a firewall rejects it. Check the secondary host name and its SSH port.`;
    case 'unreachable':
      if (c.cause === 'dns')
        return `${s.from} cannot find a host named ${s.host} (the name does not resolve there). Check the secondary host name.`;
      if (c.cause === 'closed') {
        return `${s.host} closed the connection from ${s.from} on port ${s.port} before SSH could start: the SSH server there does not accept ${s.from}, or is overloaded.`;
      }
      return `${s.from} cannot reach ${s.host} on port ${s.port} (no route to it). Check the secondary host name and the network between them.`;
    case 'timeout':
      return `${s.host} did not answer ${s.from} on port ${s.port} in time: it may be down, or a firewall drops the connection.`;
    case 'unknown_host_key':
      return `${s.from} does not know the SSH host key of ${s.host} yet and only connects to known hosts. Check the secondary host's fingerprint and set up passwordless SSH with ${s.user}'s password to record it.`;
    case 'host_key_changed':
      return (
        `The SSH host key of ${s.host} is not the one ${s.from} has on record: the secondary host was reinstalled or its keys were regenerated, ` +
        `or something is in between. ${s.from} did not log in. Check the new fingerprint with the secondary host's administrator; ` +
        `if it is right, set up passwordless SSH again with ${s.user}'s password and confirm the new fingerprint.`
      );
    case 'key_rejected':
      if (c.cause === 'passphrase') {
        return `The key ${s.privateKeyPath ?? ''} on ${s.from} is protected by a passphrase; geo-replication logs in unattended and needs a key without one.`;
      }
      if (c.cause === 'not_a_key')
        return `${s.privateKeyPath ?? 'The key file'} on ${s.from} is not a private key ssh can read.`;
      return s.privateKeyPath
        ? `${d} did not accept the key ${s.privateKeyPath} of ${s.from} (permission denied). Give another key, or set up passwordless SSH with ${s.user}'s password.`
        : `${d} does not accept root's SSH key of ${s.from} yet (permission denied). Give the path of a private key on ${s.from} that ${s.user} accepts, or set up passwordless SSH with ${s.user}'s password.`;
    case 'no_such_key_file':
      return `There is no file ${s.privateKeyPath ?? ''} on ${s.from}. Give the path of a private key file on ${s.from}.`;
    case 'bad_key_permissions':
      return `The key file ${s.privateKeyPath ?? ''} on ${s.from} can be read by other users${c.mode ? ` (mode ${c.mode})` : ''}, so ssh ignores it. Make it readable by root only: chmod 600 ${s.privateKeyPath ?? '<file>'}.`;
    case 'auth_failed':
      return (
        `${s.host} did not accept the password for ${s.user}. Nothing was changed. Check the user name and the password` +
        (s.user === 'root'
          ? '; many systems refuse passwords for root over SSH (PermitRootLogin prohibit-password): then log in as root on the secondary host to add the key, or give a key.'
          : '; the secondary host may also refuse password logins (PasswordAuthentication no).')
      );
  }
}

export function failed(
  failure: VerifyFailure,
  s: Situation,
  c: Partial<Pick<Classified, 'cause' | 'mode'>> = {},
): VerifyResult {
  return { ok: false, failure, detail: explain(failure, s, c) };
}

/** The confirmed fingerprint is not the key the secondary host presents now: nothing was sent. */
export function fingerprintMismatch(
  s: Situation,
  confirmed: string,
  actual: string | null,
): VerifyResult {
  return {
    ok: false,
    failure: 'host_key_changed',
    detail:
      `The SSH host key of ${s.host} as ${s.from} sees it now${actual ? ` (${actual})` : ''} is not the one you confirmed (${confirmed}). ` +
      `The password was not sent. Read the fingerprint again and check it with the secondary host's administrator.`,
  };
}

export function passwordExpired(s: Situation): VerifyResult {
  return {
    ok: false,
    failure: 'auth_failed',
    detail: `The password of ${s.user} on ${s.host} has expired and must be changed there first. Nothing was changed.`,
  };
}

export function noPasswordMethod(s: Situation): VerifyResult {
  return {
    ok: false,
    failure: 'auth_failed',
    detail: `${s.host} does not accept password logins for ${s.user} (it offers only other methods). Add root's public key of ${s.from} to ${s.user}'s authorized_keys by other means, or give a key.`,
  };
}
