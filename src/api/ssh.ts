// Passwordless SSH between a host of a Gluster cluster and a remote host, through the geo-rep
// service (<origin><georepServicePath>/clusters/{cid}/hosts/{hid}/ssh...): one thin, typed function
// per call. Faults become ApiError (see http.ts); /ssh/setup answers 409 with reason
// `host_key_changed` when the remote's key is not the confirmed one (nothing was sent), and 429
// after too many wrong passwords.
import type { HttpClient } from './http';
import { ACTION_TIMEOUT_MS } from './georep';

/** An SSH server's host key, as the service reads it. */
export interface SshHostKey {
  /** `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, ... */
  algorithm: string;
  /** `SHA256:<base64>`, as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** `<type> <base64>` as in known_hosts, when known. */
  public_key: string | null;
}

// Why a check failed and the verify answer: from the wire contract (types only).
export type { VerifyFailure as SshVerifyFailure, SshVerifyResult } from '../georep/contract';
import type { SshVerifyResult } from '../georep/contract';

export interface SshRemote {
  remote_host: string;
  /** The remote's SSH port (the service's default is 22). */
  port: number;
}

export interface SshVerifyRequest extends SshRemote {
  user: string;
  /** A private key file on the cluster host (absolute or ~/...); default: root's own keys there. */
  private_key_path?: string;
}

export interface SshKeySetupRequest extends SshRemote {
  user: string;
  /** A private key file on the cluster host that logs in to user@remote (absolute or ~/...). */
  private_key_path: string;
}

export interface SshSetupRequest extends SshRemote {
  user: string;
  /** Used by the service for one login, never stored. */
  password: string;
  /** The fingerprint the user compared (from getRemoteHostKey). */
  confirmed_fingerprint: string;
}

const enc = encodeURIComponent;
const sshPath = (clusterId: string, hostId: string): string =>
  `clusters/${enc(clusterId)}/hosts/${enc(hostId)}/ssh`;

/** GET .../hosts/{hid}/ssh: the cluster host's own SSH host key. */
export async function getHostSshKey(
  client: HttpClient,
  clusterId: string,
  hostId: string,
): Promise<SshHostKey> {
  const { data } = await client.get<SshHostKey>(sshPath(clusterId, hostId));
  return data;
}

/** POST .../ssh/remote-key: the remote's host key as the cluster host sees it (ssh-keyscan there). */
export async function getRemoteHostKey(
  client: HttpClient,
  clusterId: string,
  hostId: string,
  remote: SshRemote,
): Promise<SshHostKey> {
  const { data } = await client.post<SshHostKey>(
    `${sshPath(clusterId, hostId)}/remote-key`,
    { remote_host: remote.remote_host, port: remote.port },
    { timeout: ACTION_TIMEOUT_MS },
  );
  return data;
}

/** POST .../ssh/verify: whether root on the host logs in to user@remote without a password. */
export async function verifySsh(
  client: HttpClient,
  clusterId: string,
  hostId: string,
  request: SshVerifyRequest,
): Promise<SshVerifyResult> {
  const body: SshVerifyRequest = {
    user: request.user,
    remote_host: request.remote_host,
    port: request.port,
    ...(request.private_key_path !== undefined
      ? { private_key_path: request.private_key_path }
      : {}),
  };
  const { data } = await client.post<SshVerifyResult>(
    `${sshPath(clusterId, hostId)}/verify`,
    body,
    {
      timeout: ACTION_TIMEOUT_MS,
    },
  );
  return data;
}

/** POST .../ssh/setup: install the host's root key at user@remote, logging in once with the password. */
export async function setupSsh(
  client: HttpClient,
  clusterId: string,
  hostId: string,
  request: SshSetupRequest,
): Promise<SshVerifyResult> {
  const { data } = await client.post<SshVerifyResult>(
    `${sshPath(clusterId, hostId)}/setup`,
    {
      user: request.user,
      remote_host: request.remote_host,
      port: request.port,
      password: request.password,
      confirmed_fingerprint: request.confirmed_fingerprint,
    },
    { timeout: ACTION_TIMEOUT_MS },
  );
  return data;
}

/**
 * POST .../ssh/setup-with-key: with a key file on the host that logs in to user@remote, install the
 * host's root key there (Gluster's create logs in with root's own key only).
 */
export async function setupSshWithKey(
  client: HttpClient,
  clusterId: string,
  hostId: string,
  request: SshKeySetupRequest,
): Promise<SshVerifyResult> {
  const { data } = await client.post<SshVerifyResult>(
    `${sshPath(clusterId, hostId)}/setup-with-key`,
    {
      user: request.user,
      remote_host: request.remote_host,
      port: request.port,
      private_key_path: request.private_key_path,
    },
    { timeout: ACTION_TIMEOUT_MS },
  );
  return data;
}
