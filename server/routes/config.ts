// A session's options: read (Gluster's values merged with the catalogue), set (checked with the
// catalogue before anything is sent to Gluster) and reset to the default.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { GeoRepConfigOption, SessionKey } from '../../src/georep/types';
import { secondaryUrl } from '../audit';
import type { Principal } from '../auth';
import { findSession, manageCluster, readCluster, type ServiceContext } from '../context';
import { checkOptionName, checkOptionValue, describeOptions, keyOfSession } from '../domain';
import type { EngineCluster } from '../engine';
import { ApiError, badRequest, glusterFault, notFound } from '../errors';
import { routeSchemas } from '../schemas';
import { errorMessage } from '../../src/georep/errorMessage';
import { ensureSharedStorage, refuseTarsshWithSharding } from '../prerequisites';
import { turnsMetaVolumeOn, usesTarssh } from '../../src/georep/prerequisites';

interface SessionParams {
  cluster_id: string;
  session_id: string;
}
interface OptionParams extends SessionParams {
  name: string;
}

export function configRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get<{ Params: SessionParams }>(
    '/clusters/:cluster_id/sessions/:session_id/config',
    { schema: routeSchemas.getConfig },
    async (req) => {
      const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
      const s = await findSession(ctx, p, cluster, req.params.session_id, req.log);
      const values = await readConfig(ctx, p, cluster, keyOfSession(s), req.log);
      return { georep_config_option: describeOptions(values) };
    },
  );

  app.put<{ Params: OptionParams; Body: { value: string | number | boolean } }>(
    '/clusters/:cluster_id/sessions/:session_id/config/:name',
    { schema: routeSchemas.setConfig },
    async (req) => {
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      // The catalogue decides before Gluster hears anything.
      const checked = checkOptionValue(req.params.name, String(req.body.value));
      if ('error' in checked) throw badRequest(`${req.params.name}: ${checked.error}`);
      const s = await findSession(ctx, p, cluster, req.params.session_id, req.log);
      const key = keyOfSession(s);
      const option = { name: checked.name, value: checked.value };
      return ctx.locks.exclusive(cluster, key, `setting ${checked.name}`, p, async () => {
        // Gluster's prerequisites (src/georep/prerequisites.ts), before Gluster hears the option.
        const one = { [checked.name]: checked.value };
        if (usesTarssh(one)) {
          const st = await ctx.status.read(p, cluster, req.log);
          refuseTarsshWithSharding(
            st.volumes.find((v) => v.name === key.primary_volume),
            one,
          );
        }
        if (turnsMetaVolumeOn(one)) {
          const nodes = await ctx.nodes.upNodes(p, cluster);
          await ctx.nodes.onFirstReachable(
            cluster.id,
            nodes,
            (node) => ensureSharedStorage(ctx, p, cluster, key, node, req.log),
            req.log,
          );
        }
        await mutate(ctx, p, cluster, key, req.log, 'config_set', option, (node) =>
          ctx.gluster.configSet(node, key, checked.name, checked.value),
        );
        return optionAfter(ctx, p, cluster, key, checked.name, req.log);
      });
    },
  );

  app.delete<{ Params: OptionParams }>(
    '/clusters/:cluster_id/sessions/:session_id/config/:name',
    { schema: routeSchemas.resetConfig },
    async (req) => {
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      const checked = checkOptionName(req.params.name);
      if ('error' in checked) throw badRequest(`${req.params.name}: ${checked.error}`);
      const s = await findSession(ctx, p, cluster, req.params.session_id, req.log);
      const key = keyOfSession(s);
      return ctx.locks.exclusive(cluster, key, `resetting ${checked.name}`, p, async () => {
        await mutate(
          ctx,
          p,
          cluster,
          key,
          req.log,
          'config_reset',
          { name: checked.name },
          (node) => ctx.gluster.configReset(node, key, checked.name),
        );
        return optionAfter(ctx, p, cluster, key, checked.name, req.log);
      });
    },
  );
}

async function readConfig(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  log: FastifyBaseLogger,
): Promise<Record<string, string>> {
  try {
    const nodes = await ctx.nodes.upNodes(p, cluster);
    const { value } = await ctx.nodes.onFirstReachable(
      cluster.id,
      nodes,
      (n) => ctx.gluster.config(n, key),
      log,
    );
    return value;
  } catch (err) {
    throw (
      glusterFault(
        err,
        `reading the options of the session ${key.primary_volume} -> ${secondaryUrl(key)}`,
      ) ?? err
    );
  }
}

async function mutate(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  log: FastifyBaseLogger,
  action: 'config_set' | 'config_reset',
  option: { name: string; value?: string },
  run: (node: string) => Promise<void>,
): Promise<void> {
  const doing =
    action === 'config_set'
      ? `setting option ${option.name} to ${option.value} on the session ${key.primary_volume} -> ${secondaryUrl(key)}`
      : `resetting option ${option.name} of the session ${key.primary_volume} -> ${secondaryUrl(key)}`;
  try {
    const nodes = await ctx.nodes.upNodes(p, cluster);
    await ctx.nodes.onFirstReachable(cluster.id, nodes, run, log);
  } catch (err) {
    const fault = glusterFault(err, doing);
    if (!fault) throw err;
    if (fault.statusCode === 504) {
      // Gluster answered too late: read the option again and tell what really happened.
      const outcome = await readAgain(ctx, p, cluster, key, option, log);
      if (outcome.applied === true) {
        ctx.status.invalidate(cluster.id);
        await ctx.audit.record(
          p,
          {
            action,
            cluster,
            key,
            ok: true,
            option,
            note: `Gluster answered too late, but a fresh read shows ${outcome.seen}.`,
          },
          log,
        );
        return;
      }
      const detail =
        outcome.applied === false
          ? `${fault.detail} A fresh read shows it was not applied: ${outcome.seen}.`
          : `${fault.detail} Whether it was applied is not known: ${outcome.seen}.`;
      ctx.status.invalidate(cluster.id);
      await ctx.audit.record(p, { action, cluster, key, ok: false, option, error: detail }, log);
      throw new ApiError(504, fault.reason, detail);
    }
    await ctx.audit.record(
      p,
      { action, cluster, key, ok: false, option, error: fault.detail },
      log,
    );
    throw fault;
  } finally {
    // Options such as checkpoint or ignore-deletes show in the status too.
    ctx.status.invalidate(cluster.id);
  }
  await ctx.audit.record(p, { action, cluster, key, ok: true, option }, log);
}

/** After a timeout: does Gluster now hold the value that was sent (or the default, for a reset)? */
async function readAgain(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  option: { name: string; value?: string },
  log: FastifyBaseLogger,
): Promise<{ applied: boolean | null; seen: string }> {
  try {
    const now = describeOptions(await readConfig(ctx, p, cluster, key, log)).find(
      (o) => o.name === option.name,
    );
    if (!now) return { applied: null, seen: `Gluster does not list ${option.name}` };
    const want = option.value ?? now.default;
    if (want === null)
      return {
        applied: null,
        seen: `${option.name} is ${now.value}, and its default is not known here`,
      };
    return now.value === want
      ? { applied: true, seen: `${option.name} is ${now.value}` }
      : { applied: false, seen: `${option.name} is still ${now.value}` };
  } catch (err) {
    const why = err instanceof ApiError ? err.detail : errorMessage(err);
    return { applied: null, seen: `the options could not be read again (${why})` };
  }
}

/** The option as Gluster has it now. */
async function optionAfter(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  name: string,
  log: FastifyBaseLogger,
): Promise<GeoRepConfigOption> {
  const all = describeOptions(await readConfig(ctx, p, cluster, key, log));
  const o = all.find((x) => x.name === name);
  if (!o) throw notFound(`Gluster does not list the option ${name} for this session.`);
  return o;
}
