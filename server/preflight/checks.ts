// The checks the volume and the directory preflights share: the primary side, the same-cluster
// rule, the Gluster versions, the sessions already writing into the secondary, and passwordless
// SSH from the hook. Each is written once, with the catalogue's title and severity.
import { otherWritersOf } from '../../src/georep/force';
import type { PreflightCheck, SessionKey } from '../../src/georep/types';
import { secondaryUrl } from '../audit';
import type { ServiceContext } from '../context';
import type { CheckedCreateInput } from '../domain';
import type { EngineCluster, EngineHost } from '../engine';
import type { ParsedPeer, ParsedVolume } from '../gluster/types';
import { remoteHostProblem } from '../remoteHost';
import { fail, pass, passIf, skip, type PreflightContext } from './catalogue';
import { errorWords, sameHost, type PreflightFacts } from './facts';

/** The checks of the primary side, the same for a volume and a directory target. */
export function primarySideChecks(
  cluster: EngineCluster,
  input: Pick<CheckedCreateInput, 'source_host_id'>,
  key: SessionKey,
  facts: Pick<PreflightFacts, 'primaryStatus' | 'primaryError'> & {
    primaryPeers?: ParsedPeer[] | null;
  },
  sourceHost: EngineHost | null,
): PreflightCheck[] {
  const { primaryStatus } = facts;
  const checks: PreflightCheck[] = [];
  const pv = primaryStatus?.volumes.find((v) => v.name === key.primary_volume) ?? null;
  if (primaryStatus === null) {
    checks.push(
      skip(
        'primary_volume',
        `Gluster of cluster ${cluster.name} could not be read: ${facts.primaryError}`,
      ),
    );
  } else if (!pv) {
    checks.push(
      fail('primary_volume', `Cluster ${cluster.name} has no volume named ${key.primary_volume}.`),
    );
  } else {
    const started = pv.status === 'Started';
    checks.push(
      passIf(
        started,
        'primary_volume',
        `Volume ${pv.name} (${pv.type}, ${pv.brick_count} bricks) is ${pv.status} in cluster ${cluster.name}.` +
          (started ? '' : ' Start it first: geo-replication reads its changelog.'),
      ),
    );
  }
  if (pv && pv.status === 'Started' && facts.primaryPeers !== undefined) {
    checks.push(primaryPeersCheck(pv, facts.primaryPeers ?? null, primaryStatus?.node ?? null));
  }
  if (input.source_host_id) {
    checks.push(
      !sourceHost
        ? fail('source_host', `No host with id ${input.source_host_id} in cluster ${cluster.name}.`)
        : passIf(
            sourceHost.status === 'up',
            'source_host',
            `Host ${sourceHost.name} (${sourceHost.address}) is ${sourceHost.status.replace(/_/g, ' ')}.`,
          ),
    );
  }
  return checks;
}

/**
 * Every node holding a brick of the primary volume is up in Gluster's pool. Gluster refuses to
 * create a session otherwise, and `create ... force` goes ahead (glusterd-geo-rep.c,
 * glusterd_op_stage_gsync_create: "Peer H, which is a part of V volume, is down. Please bring up
 * the peer and retry."; with force: "Force creating geo-rep session. On bringing up the peer,
 * re-run gsec_create and create push-pem force"). It also refuses pause, resume, delete and a
 * plain stop while the peer is down.
 */
export function primaryPeersCheck(
  pv: ParsedVolume,
  peers: ParsedPeer[] | null,
  readOn: string | null,
): PreflightCheck {
  if (peers === null) {
    return skip(
      'primary_peers',
      `Gluster's peer status could not be read${readOn ? ` on ${readOn}` : ''}; Gluster checks the peers itself when it creates the session.`,
    );
  }
  const down = new Set<string>();
  for (const b of pv.bricks) {
    const peer = peers.find(
      (x) =>
        (b.host_uuid && x.uuid === b.host_uuid) ||
        x.hostname.toLowerCase() === b.host.toLowerCase(),
    );
    // The node the peers were read on is not in its own list: it answered, so it is up.
    if (peer && !peer.connected) down.add(b.host);
  }
  if (down.size === 0) {
    return pass(
      'primary_peers',
      `Every node with a brick of ${pv.name} is connected in Gluster's pool${readOn ? ` (read on ${readOn})` : ''}.`,
    );
  }
  const names = [...down].join(', ');
  return fail(
    'primary_peers',
    `${names} ${down.size === 1 ? 'is' : 'are'} down in Gluster's pool and ${down.size === 1 ? 'holds' : 'hold'} bricks of ${pv.name}. Gluster refuses to create the session unless forced; with Force it is created, but the bricks there get no worker until the node is back, and then "gluster system:: execute gsec_create" and a create push-pem force must be run again. Pause, resume, remove and a plain stop are refused while a node is down.`,
  );
}

/**
 * The secondary is not the primary's own cluster (nor this machine), under any spelling or
 * address: the create route refuses the same (remoteHostProblem), force or not.
 */
export async function sameClusterCheck(
  ctx: Pick<ServiceContext, 'resolveHost' | 'allowLocalRemote'>,
  cluster: EngineCluster,
  host: string,
  facts: Pick<PreflightFacts, 'ownHosts' | 'remoteCluster' | 'secondaryVolume'>,
  target: 'volume' | 'directory',
): Promise<PreflightCheck> {
  const { ownHosts, remoteCluster, secondaryVolume } = facts;
  const own = ownHosts.find((h) => sameHost(h, host));
  const resolved = own
    ? null
    : await remoteHostProblem(host, cluster, ownHosts, ctx.resolveHost, ctx.allowLocalRemote);
  if (resolved) return fail('same_cluster', resolved);
  if (own || secondaryVolume?.cluster_id === cluster.id || remoteCluster?.id === cluster.id) {
    const must =
      target === 'volume'
        ? 'the secondary volume must be in another cluster.'
        : 'the directory must be on a host outside it.';
    return fail(
      'same_cluster',
      `${host} is ${own ? `host ${own.name}` : 'a host'} of cluster ${cluster.name} itself; ${must}`,
    );
  }
  return pass(
    'same_cluster',
    remoteCluster
      ? `${host} is in cluster ${remoteCluster.name}.`
      : `${host} is not a host of cluster ${cluster.name}.`,
  );
}

/**
 * No session from this primary to that secondary yet, and no other session writing into the
 * secondary volume (one rule with create: src/georep/force.ts otherWritersOf).
 */
export function secondaryUseChecks(
  cluster: EngineCluster,
  key: SessionKey,
  usage: PreflightFacts['usage'],
): PreflightCheck[] {
  const checks: PreflightCheck[] = [];
  const { same, others } = otherWritersOf(
    { cluster_id: cluster.id, ...key },
    usage.sessions,
    usage.remoteAddresses,
  );
  if (same) {
    checks.push(
      fail(
        'session_exists',
        `A session from ${key.primary_volume} to ${secondaryUrl(same)} already exists (state ${same.status}).`,
      ),
    );
  }
  const unread = usage.unread.length
    ? ` Could not read the sessions of: ${usage.unread.join('; ')}.`
    : '';
  checks.push(
    others.length
      ? fail(
          'secondary_not_in_use',
          `Volume ${key.secondary_volume} is already the secondary of ${others.map((o) => `${o.primary_volume} (cluster ${o.cluster_name}, ${o.status})`).join(', ')}.${unread}`,
        )
      : pass(
          'secondary_not_in_use',
          `No session of the ${usage.clusters} Gluster cluster(s) you can see uses ${key.secondary_volume} on ${key.secondary_host}.${unread}`,
        ),
  );
  return checks;
}

/** The passwordless-SSH hook's answer; null when there is no hook. */
export async function passwordlessSshFromHook(
  ctx: Pick<ServiceContext, 'hooks'>,
  c: PreflightContext,
): Promise<PreflightCheck | null> {
  if (!ctx.hooks.passwordlessSsh) return null;
  return ctx.hooks
    .passwordlessSsh(c)
    .catch((err: unknown) =>
      skip('passwordless_ssh', `The check failed to run: ${errorWords(err)}`, 'forceable'),
    );
}

/** How the evidence says who manages the remote. */
export const managedWords = (remoteCluster: EngineCluster | null): string =>
  remoteCluster
    ? ` It is managed by this engine (cluster ${remoteCluster.name}).`
    : ' It is not managed by this engine.';
