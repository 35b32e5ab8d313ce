// Every preflight check, once: its id, its title and what force can do about it. The volume and the
// directory preflights (volume.ts, directory.ts) report through pass/fail/skip, so a check has one
// title wherever it is reported, and the create route's rules and the Start dialog's Force offer
// read one severity table.
//
// Severity follows what can be bypassed: `blocker` (nothing makes it work: missing or stopped
// volume, same cluster, unreachable secondary host, secondary already in use), `forceable` (Gluster's own
// create-time checks that `force` skips: size, emptiness, the version comparison of gverify; the
// peers of the primary, glusterd_op_stage_gsync_create), `info` (never blocks, even when it fails).
// Two primaries writing into one secondary, the primary cluster as its own secondary and a session
// that exists already are never made right by force.
import type { FastifyBaseLogger } from 'fastify';
import { GLUSTER_VERSION_CHECK } from '../../src/georep/prerequisites';
import type { PreflightCheck, ProvisionedVolume } from '../../src/georep/types';
import type { Principal } from '../auth';
import type { CheckedCreateInput } from '../domain';
import type { EngineCluster, EngineHost } from '../engine';

type Severity = PreflightCheck['severity'];

export const CHECKS = {
  provision: { title: 'A volume is provisioned on the secondary directory', severity: 'info' },
  primary_volume: { title: 'The primary volume exists and is started', severity: 'blocker' },
  primary_peers: {
    title: 'Every node with a brick of the primary volume is up',
    severity: 'forceable',
  },
  source_host: { title: 'The primary host is an Up host of the cluster', severity: 'blocker' },
  rsync_version: {
    title: 'rsync on the primary host copies data through gsyncd',
    severity: 'info',
  },
  same_cluster: { title: 'The secondary is in another cluster', severity: 'blocker' },
  remote_reachable: { title: 'The secondary host can be reached', severity: 'blocker' },
  remote_gluster: { title: 'Gluster is installed on the secondary host', severity: 'blocker' },
  gluster_version: GLUSTER_VERSION_CHECK, // src/georep/prerequisites.ts versionCheck reports it
  cluster_compatibility: {
    title: 'Both clusters have the same compatibility version',
    // oVirt's own dialog offers only volumes of clusters at the same version; Gluster does not care.
    severity: 'info',
  },
  secondary_volume_exists: { title: 'The secondary volume exists', severity: 'blocker' },
  secondary_volume_started: { title: 'The secondary volume is started', severity: 'blocker' },
  secondary_path: { title: 'The secondary directory can hold the new volume', severity: 'blocker' },
  provisioned_volume_name: {
    title: 'The volume name is free on the secondary host',
    severity: 'blocker',
  },
  secondary_size: {
    title: 'The secondary volume is at least as large as the primary',
    severity: 'forceable',
  },
  secondary_empty: { title: 'The secondary volume is empty', severity: 'forceable' },
  session_exists: { title: 'No such session exists yet', severity: 'blocker' },
  secondary_not_in_use: {
    title: 'The secondary volume is not the secondary of another session',
    severity: 'blocker',
  },
  mountbroker: { title: 'Non-root (mountbroker) secondary user', severity: 'info' },
  passwordless_ssh: {
    title: 'Passwordless SSH from the primary host to the secondary host works',
    // Gluster's create (push-pem) runs gverify.sh, which logs in from the primary host with root's
    // own keys and no password: nothing makes a create work without it.
    severity: 'blocker',
  },
} as const satisfies Record<string, { title: string; severity: Severity }>;

export type CheckId = keyof typeof CHECKS;

/** Severity by check id: what `force` on create can get past (forceable), and what never blocks. */
export const CHECK_SEVERITY: Readonly<Record<CheckId, Severity>> = Object.fromEntries(
  Object.entries(CHECKS).map(([id, c]) => [id, c.severity]),
) as Record<CheckId, Severity>;

/**
 * A check's result. `severity` is the catalogue's unless given: a check that could not be run at
 * all is sometimes reported as information rather than as a blocker nobody could act on.
 */
export function result(
  id: CheckId,
  outcome: PreflightCheck['outcome'],
  evidence: string,
  severity: Severity = CHECKS[id].severity,
): PreflightCheck {
  return { id, title: CHECKS[id].title, outcome, severity, evidence };
}

export const pass = (id: CheckId, evidence: string, severity?: Severity): PreflightCheck =>
  result(id, 'pass', evidence, severity);
export const fail = (id: CheckId, evidence: string, severity?: Severity): PreflightCheck =>
  result(id, 'fail', evidence, severity);
export const skip = (id: CheckId, evidence: string, severity?: Severity): PreflightCheck =>
  result(id, 'skipped', evidence, severity);
/** pass when `ok`, else fail. */
export const passIf = (
  ok: boolean,
  id: CheckId,
  evidence: string,
  severity?: Severity,
): PreflightCheck => result(id, ok ? 'pass' : 'fail', evidence, severity);

/** What the checks allow: an `info` check never blocks, a `forceable` one blocks only without force. */
export function verdict(checks: readonly PreflightCheck[]): {
  can_create: boolean;
  can_create_with_force: boolean;
} {
  return {
    can_create: checks.every((c) => c.outcome !== 'fail' || c.severity === 'info'),
    can_create_with_force: checks.every((c) => c.outcome !== 'fail' || c.severity !== 'blocker'),
  };
}

export interface PreflightResult {
  check: PreflightCheck[];
  can_create: boolean;
  can_create_with_force: boolean;
  /** For a directory target: the volume the create would provision (or reuse) there. */
  provisioned_volume?: ProvisionedVolume;
  /** For a directory target: what the create would do, in plain words. */
  plan?: string;
}

export interface PreflightContext {
  principal: Principal;
  cluster: EngineCluster;
  input: CheckedCreateInput;
  /** The host of the cluster the session would be created from, when the request names one. */
  sourceHost: EngineHost | null;
  log: FastifyBaseLogger;
}

/** Checks that other parts of the product supply (passwordless-ssh.ts, from an SshTrust). */
export interface PreflightHooks {
  /** Passwordless SSH from the primary host to `secondary_user@secondary_host:ssh_port`. */
  passwordlessSsh?: (c: PreflightContext) => Promise<PreflightCheck>;
}
