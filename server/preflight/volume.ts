// The preflight of a session into a remote volume. Facts come from the engine (volumes it manages:
// cluster, status, capacity; every session of every Gluster cluster the user can see) and from
// Gluster itself (`volume info` on the remote). A remote this engine manages is asked by the service
// directly (its key is on every engine host); any other remote is asked from the source host over
// that host's passwordless SSH, as Gluster's own create (gverify) asks it: the service has no key or
// known host key for a machine outside the engine, and should not need one.
import type { FastifyBaseLogger } from 'fastify';
import type { PreflightCheck, SessionKey } from '../../src/georep/types';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import type { CheckedCreateInput } from '../domain';
import type { EngineCluster, EngineHost, VolumeCapacity } from '../engine';
import { createGlusterClient } from '../gluster/client';
import { GlusterTimeoutError, GlusterUnreachableError, type GlusterExec } from '../gluster/exec';
import type { RemoteGluster, RemoteLogin } from '../gluster/provision';
import {
  GlusterCommandError,
  type GlusterClient,
  type ParsedPeer,
  type ParsedVolume,
} from '../gluster/types';
import { classifySsh } from '../ssh/commands';
import { fail, pass, passIf, skip, verdict, type PreflightResult } from './catalogue';
import {
  managedWords,
  passwordlessSshFromHook,
  primarySideChecks,
  sameClusterCheck,
  secondaryUseChecks,
} from './checks';
import { fmtBytes, readFacts, sourceHostOf, versionOf, type OptionalProbes } from './facts';
import { rsyncCheck, stringConfig } from './rsync';
import { mountbrokerCheck } from '../mountbroker/flow';
import {
  sharedStorageEnabled,
  shardingChecks,
  turnsMetaVolumeOn,
  versionCheck,
} from '../../src/georep/prerequisites';

/** Used space up to this share of the volume counts as file-system overhead, not data. */
const EMPTY_USED_RATIO = 0.01;

type RemoteProbe =
  | { kind: 'ok'; volume: ParsedVolume | null; version: string | null; empty: boolean | null }
  | { kind: 'no_ssh'; from: string; message: string }
  | { kind: 'no_volume'; message: string; version: string | null }
  | { kind: 'no_gluster'; message: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'refused'; message: string };

export async function runVolumePreflight(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  input: CheckedCreateInput,
  log: FastifyBaseLogger,
): Promise<PreflightResult> {
  const key: SessionKey = {
    primary_volume: input.primary_volume,
    secondary_host: input.secondary_host,
    secondary_volume: input.secondary_volume,
    secondary_user: input.secondary_user,
  };
  const facts = await readFacts(ctx, p, cluster, key, log);
  const { ownHosts, remoteCluster, primaryVolume, primaryCapacity, secondaryVolume } = facts;
  const sourceHost = sourceHostOf(ownHosts, input.source_host_id);
  const remote = await probeRemote(ctx, key, {
    managed: remoteCluster !== null,
    sourceHost,
    port: input.ssh_port,
  });
  const checks: PreflightCheck[] = [];
  const add = (c: PreflightCheck): void => {
    checks.push(c);
  };

  // ---- the primary side
  for (const c of primarySideChecks(cluster, input, key, facts, sourceHost)) add(c);
  const rsync = await rsyncCheck(ctx.probe, sourceHost, stringConfig(input.config));
  if (rsync) add(rsync);

  // ---- same cluster (or this machine, under any spelling or address): refused
  add(await sameClusterCheck(ctx, cluster, key.secondary_host, facts, 'volume'));

  // ---- the remote, as Gluster on it answers. Who asked matters: a remote this engine manages is
  // asked by the service (the engine's key), so its answer says nothing of SSH from the source host.
  const askedBy =
    remoteCluster || !ctx.remote || sourceHost?.status !== 'up'
      ? 'this service (over the SSH it uses for Gluster hosts)'
      : `${sourceHost.name} (over its passwordless SSH, as Gluster's create does)`;
  const managed = managedWords(remoteCluster);
  switch (remote.kind) {
    case 'no_ssh':
      add(
        skip(
          'remote_reachable',
          `Gluster on ${key.secondary_host} is asked from ${remote.from} over its passwordless SSH, which does not work yet: ${remote.message}. Gluster checks the secondary host itself when it creates the session.${managed}`,
        ),
      );
      add(
        skip(
          'remote_gluster',
          'Checked once passwordless SSH works (Gluster checks it when it creates the session).',
        ),
      );
      break;
    case 'unreachable':
      add(fail('remote_reachable', `${remote.message}.${managed}`));
      add(skip('remote_gluster', 'The secondary host could not be reached.'));
      break;
    case 'no_gluster':
      add(pass('remote_reachable', `${key.secondary_host} answered ${askedBy}.${managed}`));
      add(
        fail(
          'remote_gluster',
          `Running gluster on ${key.secondary_host} failed: ${remote.message}`,
        ),
      );
      break;
    default: {
      add(pass('remote_reachable', `${key.secondary_host} answered ${askedBy}.${managed}`));
      const version = remote.kind === 'refused' ? null : remote.version;
      add(
        pass(
          'remote_gluster',
          version
            ? `Gluster ${version} answered on ${key.secondary_host}.`
            : `Gluster answered on ${key.secondary_host}.`,
        ),
      );
    }
  }

  // ---- Gluster versions (gverify refuses an older secondary unless forced)
  const primaryVersion = await versionOf(
    ctx.gluster,
    (sourceHost ?? ownHosts.find((h) => h.status === 'up'))?.address,
  );
  add(
    versionCheck(
      primaryVersion,
      remote.kind === 'ok' || remote.kind === 'no_volume' ? remote.version : null,
    ),
  );

  // ---- cluster compatibility version (oVirt's eligibility rule, for volumes it manages)
  if (remoteCluster && remoteCluster.id !== cluster.id) {
    const a = cluster.version;
    const b = remoteCluster.version;
    if (a && b) {
      const same = a.major === b.major && a.minor === b.minor;
      add(
        passIf(
          same,
          'cluster_compatibility',
          `Cluster ${cluster.name} is at compatibility version ${a.major}.${a.minor}, cluster ${remoteCluster.name} at ${b.major}.${b.minor}.` +
            (same
              ? ''
              : " oVirt's own dialog offers only volumes of clusters at the same version; Gluster itself does not depend on it, so this does not block."),
        ),
      );
    }
  }

  // ---- the secondary volume: exists and is started
  const glusterVol = remote.kind === 'ok' ? remote.volume : null;
  let exists: boolean | null = null;
  let evidence = '';
  if (remote.kind === 'ok' && glusterVol) {
    exists = true;
    evidence = `Gluster on ${key.secondary_host} lists volume ${glusterVol.name} (${glusterVol.type}, ${glusterVol.brick_count} bricks).`;
  } else if (remote.kind === 'no_volume' || (remote.kind === 'ok' && !glusterVol)) {
    exists = false;
    evidence =
      remote.kind === 'no_volume'
        ? `Gluster on ${key.secondary_host} says: ${remote.message}`
        : `Gluster on ${key.secondary_host} does not list volume ${key.secondary_volume}.`;
  } else if (remoteCluster) {
    exists = secondaryVolume !== null;
    evidence = secondaryVolume
      ? `The engine lists volume ${secondaryVolume.name} in cluster ${remoteCluster.name}.`
      : `Cluster ${remoteCluster.name} has no volume named ${key.secondary_volume} (per the engine).`;
  }
  add(
    exists === null
      ? skip(
          'secondary_volume_exists',
          `Neither Gluster on ${key.secondary_host} nor the engine could tell. ${remote.kind !== 'ok' && 'message' in remote ? remote.message : ''}`.trim(),
        )
      : passIf(exists, 'secondary_volume_exists', evidence),
  );
  if (exists) {
    const status = glusterVol
      ? glusterVol.status
      : secondaryVolume
        ? secondaryVolume.status === 'up'
          ? 'Started'
          : 'Stopped'
        : null;
    add(
      passIf(
        status === 'Started',
        'secondary_volume_started',
        `Volume ${key.secondary_volume} on ${key.secondary_host} is ${status ?? 'in an unknown state'}${glusterVol ? ' (per Gluster)' : ' (per the engine)'}.`,
      ),
    );
  } else {
    add(skip('secondary_volume_started', 'The secondary volume was not found.'));
  }

  // ---- size: secondary >= primary (Gluster's create-time check; force skips it)
  const pTotal = primaryCapacity?.total_bytes ?? null;
  const sTotal = facts.secondaryCapacity?.total_bytes ?? null;
  if (exists && pTotal !== null && sTotal !== null) {
    add(
      passIf(
        sTotal >= pTotal,
        'secondary_size',
        `Primary ${key.primary_volume}: ${fmtBytes(pTotal)}; secondary ${key.secondary_volume}: ${fmtBytes(sTotal)} (per the engine's volume statistics).`,
      ),
    );
  } else {
    const why = !exists
      ? 'The secondary volume was not found.'
      : !primaryVolume
        ? `The engine has no capacity for primary volume ${key.primary_volume}.`
        : !remoteCluster
          ? 'The secondary volume is not managed by this engine, so its capacity is not known here; Gluster compares the sizes when it creates the session (unless forced).'
          : 'The engine has no capacity statistics for one of the volumes.';
    add(skip('secondary_size', why));
  }

  // ---- emptiness (Gluster's create-time check; force skips it)
  add(emptiness(exists === true, remote, facts.secondaryCapacity, key, !!remoteCluster));

  // ---- sharded VM stores (src/georep/prerequisites.ts)
  const pvOpts = facts.primaryStatus?.volumes.find((v) => v.name === key.primary_volume);
  if (pvOpts) {
    for (const c of shardingChecks(
      pvOpts,
      remote.kind === 'ok' ? remote.volume : null,
      stringConfig(input.config),
    ))
      add(c);
  }

  // ---- use-meta-volume needs the shared storage; create enables it (as oVirt does)
  if (turnsMetaVolumeOn(input.config))
    add(await sharedStorageCheck(ctx, facts.primaryStatus?.node ?? null, facts.primaryPeers));

  // ---- not already the secondary of another session
  for (const c of secondaryUseChecks(cluster, key, facts.usage)) add(c);

  // ---- non-root: the mountbroker on the remote, and what create will do (server/mountbroker/)
  if (key.secondary_user !== 'root') {
    add(
      await mountbrokerCheck(ctx, {
        key,
        group: input.secondary_group ?? key.secondary_user,
        managed: remoteCluster !== null,
      }),
    );
  }

  // ---- passwordless SSH (the hook, from the SSH trust)
  add(
    (await passwordlessSshFromHook(ctx, { principal: p, cluster, input, sourceHost, log })) ??
      skip(
        'passwordless_ssh',
        `Not checked by this service yet. Create (push-pem) needs root on the primary host to log in to ${key.secondary_user === 'root' ? 'root' : key.secondary_user}@${key.secondary_host} without a password.`,
        'info',
      ),
  );

  return { check: checks, ...verdict(checks) };
}

function emptiness(
  exists: boolean,
  remote: RemoteProbe,
  cap: VolumeCapacity | null,
  key: SessionKey,
  managed: boolean,
): PreflightCheck {
  if (!exists) return skip('secondary_empty', 'The secondary volume was not found.');
  if (remote.kind === 'ok' && remote.empty !== null) {
    return passIf(
      remote.empty,
      'secondary_empty',
      remote.empty
        ? `The root of ${key.secondary_volume} holds nothing (per Gluster on ${key.secondary_host}).`
        : `The root of ${key.secondary_volume} holds files or directories (per Gluster on ${key.secondary_host}).`,
    );
  }
  if (cap && cap.used_bytes !== null && cap.total_bytes) {
    const ratio = cap.used_bytes / cap.total_bytes;
    const empty = ratio <= EMPTY_USED_RATIO;
    return passIf(
      empty,
      'secondary_empty',
      `The engine reports ${fmtBytes(cap.used_bytes)} used of ${fmtBytes(cap.total_bytes)} on ${key.secondary_volume}` +
        (empty
          ? ' (no more than file-system overhead); Gluster checks the volume root when it creates the session.'
          : `: it holds data. Gluster refuses a secondary that is not empty unless forced, and forcing mixes that data with the primary's.`),
    );
  }
  return skip(
    'secondary_empty',
    managed
      ? 'The engine has no usage statistics for the secondary volume; Gluster checks it when it creates the session (unless forced).'
      : 'The secondary volume is not managed by this engine; Gluster checks that it is empty when it creates the session (unless forced).',
  );
}

/** ssh itself failed (exit status 255) for a reason of trust, not of reach: SSH is not set up yet. */
class RemoteSshFailed extends Error {}

/** `gluster <argv>` on the remote, run from a cluster host over its passwordless SSH. */
function fromSourceHost(rg: RemoteGluster, from: string, login: RemoteLogin): GlusterExec {
  return {
    async run(_node, argv, opts) {
      const r = await rg.gluster(from, login, argv, opts);
      if (r.code === 255) {
        const why = classifySsh(r, false);
        const said =
          why?.said || (r.stderr.trim().split('\n').filter(Boolean).at(-1) ?? 'ssh failed');
        // Not reachable from the source host: geo-replication cannot work, whatever the keys.
        if (
          why &&
          (why.failure === 'refused' || why.failure === 'unreachable' || why.failure === 'timeout')
        )
          throw new GlusterUnreachableError(login.host, said);
        throw new RemoteSshFailed(said);
      }
      return r;
    },
  };
}

/** Gluster on the remote node: reachable? installed? the volume? */
async function probeRemote(
  ctx: ServiceContext,
  key: SessionKey,
  how: { managed: boolean; sourceHost: EngineHost | null; port: number },
): Promise<RemoteProbe> {
  const from = how.sourceHost?.status === 'up' ? how.sourceHost : null;
  // The service's own credentials only for a host the engine shows this user; any other remote
  // is asked from the chosen source host over its own SSH, as for any outside machine.
  if (!how.managed && !(ctx.remote && from)) {
    return {
      kind: 'no_ssh',
      from: from?.name ?? 'the primary host',
      message: from
        ? 'this service cannot run commands on a secondary host from the cluster hosts'
        : 'choose the host of the cluster to create the session from, so that the secondary host can be asked from it',
    };
  }
  const gluster =
    !how.managed && ctx.remote && from
      ? createGlusterClient(
          fromSourceHost(ctx.remote, from.address, {
            host: key.secondary_host,
            user: key.secondary_user,
            port: how.port,
          }),
        )
      : ctx.gluster;
  const probes = gluster as GlusterClient & OptionalProbes;
  const node = key.secondary_host;
  // The version is asked once Gluster answered: an SSH that does not work yet fails once, not twice.
  try {
    const vols = await gluster.volumeInfo(node, key.secondary_volume);
    const version = await versionOf(gluster, node);
    const volume = vols.find((v) => v.name === key.secondary_volume) ?? null;
    let empty: boolean | null = null;
    if (volume && typeof probes.volumeEmpty === 'function') {
      empty = await probes.volumeEmpty(node, key.secondary_volume).catch(() => null);
    }
    return { kind: 'ok', volume, version, empty };
  } catch (err) {
    if (err instanceof RemoteSshFailed)
      return { kind: 'no_ssh', from: from?.name ?? '', message: err.message };
    if (err instanceof GlusterUnreachableError)
      return { kind: 'unreachable', message: err.message };
    if (err instanceof GlusterTimeoutError) return { kind: 'unreachable', message: err.message };
    if (err instanceof GlusterCommandError) {
      const msg = err.glusterMessage || err.message;
      if (
        /command not found|gluster: not found|No such file or directory|exit(ed)? (code|status) 127/i.test(
          msg,
        )
      ) {
        return { kind: 'no_gluster', message: msg };
      }
      if (/does not exist|not found|doesn't exist/i.test(msg))
        return { kind: 'no_volume', message: msg, version: await versionOf(gluster, node) };
      return { kind: 'refused', message: msg };
    }
    return { kind: 'refused', message: err instanceof Error ? err.message : String(err) };
  }
}

/** Whether the primary cluster's shared storage is on, for use-meta-volume. */
async function sharedStorageCheck(
  ctx: ServiceContext,
  node: string | null,
  peers: readonly ParsedPeer[] | null,
): Promise<PreflightCheck> {
  const title = "Gluster's shared storage is on for use-meta-volume";
  const g = ctx.gluster;
  const value =
    node && g.sharedStorage ? await g.sharedStorage(node).catch(() => undefined) : undefined;
  const c = (
    outcome: PreflightCheck['outcome'],
    severity: PreflightCheck['severity'],
    evidence: string,
  ): PreflightCheck => ({ id: 'shared_storage', title, outcome, severity, evidence });
  if (value === undefined)
    return c(
      'skipped',
      'forceable',
      'Whether cluster.enable-shared-storage is on could not be read; create reads it again and enables it, or refuses with the reason.',
    );
  // glusterd-op-sm.c glusterd_validate_shared_storage: enabling needs more than one connected node
  // (peer status lists the others, so at least one of them connected).
  if (sharedStorageEnabled(value) !== true && peers !== null && !peers.some((x) => x.connected))
    return c(
      'fail',
      'blocker',
      `cluster.enable-shared-storage is off (read on ${node}) and Gluster enables it only in a cluster with more than one connected node ("More than one node should be up/present in the cluster to enable this option"); this cluster has no other connected node. Leave use-meta-volume off, or add a node first.`,
    );
  return sharedStorageEnabled(value) === true
    ? c('pass', 'info', `cluster.enable-shared-storage is on (read on ${node}).`)
    : c(
        'pass',
        'info',
        `cluster.enable-shared-storage is off (read on ${node}). use-meta-volume needs it: create will enable it ("gluster volume set all cluster.enable-shared-storage enable"), which creates the gluster_shared_storage volume and mounts it at /run/gluster/shared_storage on every node of the cluster, as oVirt does when use_meta_volume is set.`,
      );
}
