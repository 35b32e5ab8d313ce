// Passwordless SSH from a host of a Gluster cluster to a remote host: what the Start dialog and the
// Passwordless SSH dialog need (the host's own fingerprint, the remote's fingerprint as the host sees
// it, "does it work", "set it up with the remote user's password"). Two backends implement it:
// real.ts (OpenSSH on the cluster hosts, reached with the service's own key) and dev/sim/ssh.ts (the lab).

export interface HostKeyInfo {
  /** The key type as SSH names it: `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, ... */
  algorithm: string;
  /** `SHA256:<base64 without padding>`, the string `ssh-keygen -lf` prints. */
  fingerprint: string;
  /** The public key as one known_hosts/authorized_keys field pair (`ssh-ed25519 AAAA...`), when known. */
  public_key: string | null;
}

// Why a check failed and the verify answer are defined once, in the wire contract.
export { VERIFY_FAILURES, type VerifyFailure } from '../../src/georep/contract';
export type { SshVerifyResult as VerifyResult } from '../../src/georep/contract';
import type { SshVerifyResult as VerifyResult, VerifyFailure } from '../../src/georep/contract';

/** Where a backend says what it did (fastify's logger fits). */
export interface SshLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface SshTarget {
  user: string;
  host: string;
  port: number;
}

export interface VerifyTarget extends SshTarget {
  /** A private key file on the cluster host (absolute or `~/...`); default: root's own keys there. */
  privateKeyPath?: string;
}

export interface SshTrust {
  /** The cluster host's own sshd key (what the engine shows as the host's SSH fingerprint). */
  hostKey(node: string, port?: number): Promise<HostKeyInfo>;
  /** The remote's sshd key as seen from `fromNode` (ssh-keyscan there). Throws SshRemoteError when it cannot be read. */
  remoteHostKey(fromNode: string, remote: string, port: number): Promise<HostKeyInfo>;
  /** Whether root on `fromNode` logs in to `user@host:port` without a password (BatchMode). */
  verify(fromNode: string, target: VerifyTarget): Promise<VerifyResult>;
  /**
   * Log in from `fromNode`'s side to `user@host:port` with the password, refusing before
   * authentication when the remote's key is not `confirmedFingerprint`; install root's public key
   * of `fromNode` in the user's authorized_keys (once) and verify again. The password is used for
   * this one login and kept nowhere.
   */
  setupWithPassword(
    fromNode: string,
    target: SshTarget,
    password: string,
    confirmedFingerprint: string,
  ): Promise<VerifyResult>;
  /**
   * With a private key file on `fromNode` that already logs in to `user@host:port`: install root's
   * own public key of `fromNode` there (once), then verify root's own key. Gluster's create
   * (gverify, push-pem) logs in with root's default keys only, so a key that merely verifies is not
   * enough for geo-replication; this makes it so.
   */
  setupWithKey(fromNode: string, target: SshTarget, privateKeyPath: string): Promise<VerifyResult>;
  /**
   * Whether `user@host:port` accepts gsyncd's own key of `fromNode` (GSYNCD_SECRET_PEM), the key
   * push-pem's hook installs in the background after create returned. null: cannot tell.
   */
  gsyncdKeyAccepted(fromNode: string, target: SshTarget): Promise<boolean | null>;
}

/**
 * The service itself could not use a cluster host (connect, its host key, log in as the service,
 * run a command). Not about the remote: the caller answers 502/504.
 */
export class SshNodeError extends Error {
  constructor(
    readonly node: string,
    readonly kind:
      | 'unreachable'
      | 'timeout'
      | 'host_key_mismatch'
      | 'host_key_unknown'
      | 'auth_failed'
      | 'command_failed',
    message: string,
  ) {
    super(message);
    this.name = 'SshNodeError';
  }
}

/** `remoteHostKey` could not read the remote's key from the cluster host. */
export class SshRemoteError extends Error {
  constructor(
    readonly failure: Extract<VerifyFailure, 'refused' | 'unreachable' | 'timeout'>,
    message: string,
  ) {
    super(message);
    this.name = 'SshRemoteError';
  }
}
