// Preflight: will gsyncd's rsync on the source host really copy data? Debian 12's bookworm-security
// rsync (3.5.0+ds1-0+deb12u1) cannot write through /proc/<pid>/cwd of gsyncd's detached mount and
// syncs 0 bytes without an error (shared/reference/gluster-local.md, measured on the lab; 3.2.7
// works). It does not stop Gluster's create, so it is an Information item: the session would look
// healthy and copy nothing. The remedy is sync-method tarssh (the seed's options before the start).
import type { PreflightCheck } from '../../src/georep/types';
import { rsyncCopiesNothing } from '../../src/georep/known-failures';
import type { NodeProbe } from '../gluster/probe';
import { result } from './catalogue';

export async function rsyncCheck(
  probe: NodeProbe | undefined,
  source: { name: string; address: string; status: string } | null,
  config: Readonly<Record<string, string>>,
): Promise<PreflightCheck | null> {
  const method = (config['sync-method'] ?? config['sync_method'] ?? 'rsync').trim();
  const check = (outcome: PreflightCheck['outcome'], evidence: string): PreflightCheck =>
    result('rsync_version', outcome, evidence);
  if (method === 'tarssh') return check('pass', 'sync-method is tarssh: rsync is not used.');
  if (!probe || !source || source.status !== 'up') return null;
  const version = await probe.rsyncVersion(source.address).catch(() => null);
  if (version === null)
    return check('skipped', `The rsync version on ${source.name} could not be read.`);
  if (rsyncCopiesNothing(version))
    return check(
      'fail',
      `${source.name} has rsync ${version}: with sync-method rsync, gsyncd syncs 0 bytes without an error (seen with Debian 12's 3.5.0+ds1-0+deb12u1). Untick Use Default and set sync-method to tarssh, or install an rsync that works (3.2.7 does).`,
    );
  return check('pass', `${source.name} has rsync ${version}.`);
}

/** A create's config values as text, as gluster receives them. */
export function stringConfig(
  config: Readonly<Record<string, string | number | boolean>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, String(v)]));
}
