// The remote host, resolved: not a loopback, link-local or unspecified address, and not a host of
// the primary cluster under another spelling (a trailing dot, another case, an alias, its
// address). Names are resolved with the system resolver, briefly; a name the service cannot
// resolve is left to the cluster host (it is the one that connects), but never compared loosely.
import dns from 'node:dns';
import { canonicalHost, forbiddenAddress } from '../src/georep/validation';
import type { EngineHost } from './engine';

export type Resolve = (host: string) => Promise<string[]>;

/** Addresses of a name (an address is its own), or [] when it does not resolve within 3 s. */
export const systemResolve: Resolve = async (host) => {
  const h = canonicalHost(host);
  if (/^[\d.]+$/.test(h) || h.includes(':')) return [h];
  const lookup = dns.promises
    .lookup(h, { all: true, verbatim: true })
    .then((r) => r.map((x) => x.address.toLowerCase()))
    .catch(() => [] as string[]);
  const timeout = new Promise<string[]>((r) => setTimeout(() => r([]), 3_000).unref());
  return Promise.race([lookup, timeout]);
};

/** Why `remote` cannot be the remote of a session from `clusterHosts`' cluster, or null. */
export async function remoteHostProblem(
  remote: string,
  cluster: { name: string },
  clusterHosts: readonly EngineHost[],
  resolve: Resolve,
  allowLocal = false,
): Promise<string | null> {
  const name = canonicalHost(remote);
  const own = clusterHosts.find(
    (h) => canonicalHost(h.address) === name || canonicalHost(h.name) === name,
  );
  if (own)
    return `${remote} is host ${own.name} of cluster ${cluster.name} itself: the secondary volume must be in another cluster (geo-replication within one cluster is refused).`;
  // The development lab only: its "remote" is this very machine, named apart from its cluster host
  // (lab1 = 127.0.0.1, the remote by the machine's host name); the names still must differ.
  if (allowLocal) return null;
  const addresses = await resolve(remote);
  for (const a of addresses) {
    const bad = forbiddenAddress(a);
    if (bad)
      return `${remote} resolves to ${bad} (${a}): the secondary host must be another machine.`;
  }
  if (addresses.length === 0) return null;
  const mine = new Set(addresses);
  for (const h of clusterHosts) {
    const theirs = await resolve(h.address);
    const shared = theirs.find((a) => mine.has(a));
    if (shared)
      return `${remote} resolves to ${shared}, the address of host ${h.name} of cluster ${cluster.name}: the secondary volume must be in another cluster (geo-replication within one cluster is refused).`;
  }
  return null;
}
