// Preflight: everything that can be known about a would-be session before creating it, each check
// with its evidence (catalogue.ts: ids, titles, severities). A session into a remote volume
// (volume.ts) or into a directory of the remote host, on which a volume would be provisioned
// (directory.ts); both read the same facts (facts.ts) and share the checks of checks.ts.
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../auth';
import type { ServiceContext } from '../context';
import { checkCreateInput, type CreateInput } from '../domain';
import type { EngineCluster } from '../engine';
import type { PreflightResult } from './catalogue';
import { runDirectoryPreflight } from './directory';
import { runVolumePreflight } from './volume';

export type { PreflightContext, PreflightHooks, PreflightResult } from './catalogue';

export async function runPreflight(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  body: CreateInput,
  log: FastifyBaseLogger,
): Promise<PreflightResult> {
  const input = checkCreateInput(body, { sourceHostRequired: false });
  return input.target.kind === 'path'
    ? runDirectoryPreflight(ctx, p, cluster, input, input.target.path, log)
    : runVolumePreflight(ctx, p, cluster, input, log);
}
