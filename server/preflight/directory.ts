// The preflight of a session into a directory of the remote host (secondary_path): what the create
// would provision there, checked from a host of the cluster (provision.ts), as root over that
// host's passwordless SSH: the remote may be reachable from there only.
import type { FastifyBaseLogger } from 'fastify';
import type { PreflightCheck, SessionKey } from '../../src/georep/types';
import { versionCheck } from '../../src/georep/prerequisites';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import type { CheckedCreateInput } from '../domain';
import type { EngineCluster, EngineHost } from '../engine';
import { GlusterTimeoutError, GlusterUnreachableError } from '../gluster/exec';
import {
  inspectDirectoryTarget,
  RemoteAccessError,
  rootLogin,
  type TargetInspection,
} from '../gluster/provision';
import { GlusterCommandError } from '../gluster/types';
import { fail, pass, passIf, skip, verdict, type PreflightResult } from './catalogue';
import {
  managedWords,
  passwordlessSshFromHook,
  primarySideChecks,
  sameClusterCheck,
  secondaryUseChecks,
} from './checks';
import { fmtBytes, readFacts, sourceHostOf, versionOf } from './facts';
import { rsyncCheck, stringConfig } from './rsync';

/** An SSH failure from the source host that is about trust (keys), not about reaching the remote. */
const TRUST_FAILURES = [
  'key_rejected',
  'unknown_host_key',
  'host_key_changed',
  'auth_failed',
  'no_such_key_file',
  'bad_key_permissions',
];

/** The preflight of a session into a directory of the remote host. */
export async function runDirectoryPreflight(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  input: CheckedCreateInput,
  path: string,
  log: FastifyBaseLogger,
): Promise<PreflightResult> {
  const name = input.secondary_volume;
  const host = input.secondary_host;
  const key: SessionKey = {
    primary_volume: input.primary_volume,
    secondary_host: host,
    secondary_volume: name,
    secondary_user: input.secondary_user,
  };
  const facts = await readFacts(ctx, p, cluster, key, log);
  const { ownHosts, remoteCluster, primaryCapacity } = facts;
  const sourceHost = sourceHostOf(ownHosts, input.source_host_id);
  const checks: PreflightCheck[] = [];
  const add = (c: PreflightCheck): void => {
    checks.push(c);
  };

  // ---- the primary side (as for a volume target)
  for (const c of primarySideChecks(cluster, input, key, facts, sourceHost)) add(c);
  const rsync = await rsyncCheck(ctx.probe, sourceHost, stringConfig(input.config));
  if (rsync) add(rsync);
  add(await sameClusterCheck(ctx, cluster, host, facts, 'directory'));

  // ---- the remote, from a host of the cluster
  const from: EngineHost | null = sourceHost
    ? sourceHost.status === 'up'
      ? sourceHost
      : null
    : (ownHosts.find((h) => h.status === 'up') ?? null);
  const via = from
    ? ` (checked from ${from.name}${sourceHost ? ', the primary host' : ', the first Up host; the create runs from the host you choose'})`
    : '';
  let insp: TargetInspection | null = null;
  let access: RemoteAccessError | null = null;
  let unknown: string | null = null;
  if (!ctx.remote) {
    unknown =
      'This service is not set up to run Gluster on secondary hosts through the cluster hosts: a directory cannot be the target.';
  } else if (!from) {
    unknown = sourceHost
      ? `Host ${sourceHost.name} is not Up: the secondary host was not checked from it.`
      : `Cluster ${cluster.name} has no Up host to check the secondary host from.`;
  } else {
    try {
      insp = await inspectDirectoryTarget(ctx.remote, {
        node: from.address,
        remote: rootLogin(host, input.ssh_port),
        path,
        volume: name,
      });
    } catch (err) {
      if (err instanceof RemoteAccessError) access = err;
      else if (err instanceof GlusterUnreachableError || err instanceof GlusterTimeoutError)
        unknown = `The service could not run commands on ${from.name}: ${err.message}.`;
      else if (err instanceof GlusterCommandError)
        unknown = `Gluster on ${host} refused: ${err.glusterMessage || err.message}`;
      else throw err;
    }
  }
  const sshFailed = access?.kind === 'ssh';
  const authFailure = sshFailed && TRUST_FAILURES.includes(access!.failure ?? '');
  const managed = managedWords(remoteCluster);
  if (sshFailed && !authFailure) add(fail('remote_reachable', `${access!.message}${managed}`));
  else if (insp || access)
    add(pass('remote_reachable', `${host} answered over SSH${via}.${managed}`));
  else add(skip('remote_reachable', unknown ?? 'Not checked.'));
  if (insp) {
    add(
      pass(
        'remote_gluster',
        `Gluster ${insp.glusterVersion ?? ''} answered on ${host}${via}.`.replace(
          'Gluster  ',
          'Gluster ',
        ),
      ),
    );
  } else if (access?.kind === 'no_gluster') {
    add(fail('remote_gluster', access.message));
  } else {
    add(
      skip(
        'remote_gluster',
        access ? 'Could not log in to the secondary host.' : (unknown ?? 'Not checked.'),
      ),
    );
  }

  // ---- Gluster versions (gverify refuses an older secondary unless forced)
  const primaryVersion = await versionOf(
    ctx.gluster,
    (sourceHost ?? ownHosts.find((h) => h.status === 'up'))?.address,
  );
  add(versionCheck(primaryVersion, insp?.glusterVersion ?? null));

  // ---- the directory and the volume name
  const where = `${host}:${path}`;
  if (insp) {
    const dirProblem = insp.problems.find((x) => x.id === 'directory');
    const d = insp.directory;
    add(
      dirProblem
        ? fail('secondary_path', dirProblem.message)
        : pass(
            'secondary_path',
            insp.reusable
              ? `${where} is the brick of volume ${name}, which this service provisioned earlier: it is reused as it is.`
              : d.state === 'missing'
                ? `${where} does not exist yet: it will be created (with its missing parents).`
                : `${where} is an empty directory${d.xattrsRead ? ' and is not, nor was, the brick of a Gluster volume' : ' (its Gluster attributes could not be read: getfattr is missing there)'}.`,
          ),
    );
    const nameProblem = insp.problems.find((x) => x.id === 'name');
    add(
      nameProblem
        ? fail('provisioned_volume_name', nameProblem.message)
        : pass(
            'provisioned_volume_name',
            insp.reusable
              ? `Volume ${name} exists on ${host}: provisioned earlier by this service on this very directory (${insp.existing?.status}); it is reused.`
              : `No volume is named ${name} on ${host} (of ${insp.volumes.length} there).`,
          ),
    );
  } else {
    const why = access?.message ?? unknown ?? 'Not checked.';
    add(skip('secondary_path', `The directory could not be inspected: ${why}`));
    add(skip('provisioned_volume_name', "The secondary host's volumes could not be read."));
  }

  // ---- size: the directory's file system >= the primary (Gluster's create-time check; force skips it)
  const pTotal = primaryCapacity?.total_bytes ?? null;
  const fsBytes = insp?.directory.fsSizeBytes ?? null;
  if (pTotal !== null && fsBytes !== null) {
    add(
      passIf(
        fsBytes >= pTotal,
        'secondary_size',
        `Primary ${key.primary_volume}: ${fmtBytes(pTotal)} (per the engine); the file system of ${where}: ${fmtBytes(fsBytes)}, which the new volume will have.`,
      ),
    );
  } else {
    add(
      skip(
        'secondary_size',
        pTotal === null
          ? `The engine has no capacity for primary volume ${key.primary_volume}.`
          : "The size of the directory's file system could not be read; Gluster compares the sizes when it creates the session (unless forced).",
      ),
    );
  }

  // ---- sessions into that volume
  for (const c of secondaryUseChecks(cluster, key, facts.usage)) add(c);

  // ---- passwordless SSH: the hook when it could check, else what the remote commands showed
  let ssh = await passwordlessSshFromHook(ctx, {
    principal: p,
    cluster,
    input,
    sourceHost,
    log,
  });
  if (ssh?.outcome === 'skipped') ssh = null;
  add(
    ssh ??
      (authFailure
        ? fail('passwordless_ssh', access!.message)
        : insp || access?.kind === 'no_gluster'
          ? pass(
              'passwordless_ssh',
              `Root on ${from!.name} logs in to root@${host} without a password: the checks above ran over it.`,
            )
          : skip('passwordless_ssh', unknown ?? access?.message ?? 'Not checked.', 'info')),
  );

  const reused = insp?.reusable ?? false;
  const plan = reused
    ? `Will reuse volume ${name} on ${where}, which this service provisioned earlier, and replicate into it.`
    : `Will create volume ${name} on ${where} and replicate into it.`;
  checks.unshift(
    pass(
      'provision',
      `${plan} Gluster 10 replicates only into a volume: the directory becomes the single brick of ${name} (marked as provisioned by this service), ` +
        `created from ${from?.name ?? 'the primary host'} with \`gluster volume create ${name} ${where} force\` and started; the session then replicates into ${host}::${name}.`,
    ),
  );
  return {
    check: checks,
    ...verdict(checks),
    provisioned_volume: { name, host, path, reused },
    plan,
  };
}
