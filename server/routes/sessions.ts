// Sessions: list, read, create, start/stop/pause/resume, delete, checkpoint. Reads come from the
// cluster's shared status read; every action runs on an Up node of the cluster, invalidates that
// read, leaves an audit trace and answers with the session fresh from Gluster.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { GeoRepSession, ProvisionedVolume, SessionKey } from '../../src/georep/types';
import type { AuditAction } from '../audit';
import { secondaryUrl } from '../audit';
import type { Principal } from '../auth';
import {
  findSession,
  manageCluster,
  manageSession,
  readCluster,
  type ServiceContext,
} from '../context';
import {
  prepareRemoval,
  provisionForCreate,
  removeAfterDelete,
  volumeLeftInPlace,
  type PreparedRemoval,
} from '../directory-target';
import {
  checkCreateInput,
  checkOptionValue,
  keyOfSession,
  sameSession,
  type CreateInput,
} from '../domain';
import type { EngineCluster } from '../engine';
import { ApiError, badRequest, conflict, glusterFault } from '../errors';
import { GlusterCommandError } from '../gluster/types';
import { forceMayHelp, isForceableAction, otherWritersOf } from '../../src/georep/force';
import { readFacts } from '../preflight/facts';
import { remoteHostProblem } from '../remoteHost';
import { routeSchemas } from '../schemas';
import { errorMessage } from '../../src/georep/errorMessage';
import { ensureSharedStorage, refuseTarsshWithSharding } from '../prerequisites';
import { distributeKeys, prepareSecondary } from '../mountbroker/flow';
import { turnsMetaVolumeOn } from '../../src/georep/prerequisites';
import { waitForGsyncdKey } from '../pushPem';

type Verb = 'start' | 'stop' | 'pause' | 'resume';
const VERBS: readonly Verb[] = ['start', 'stop', 'pause', 'resume'];
const ING: Record<Verb | 'delete' | 'checkpoint', string> = {
  start: 'starting',
  stop: 'stopping',
  pause: 'pausing',
  resume: 'resuming',
  delete: 'deleting',
  checkpoint: 'setting a checkpoint on',
};

interface ClusterParams {
  cluster_id: string;
}
interface SessionParams extends ClusterParams {
  session_id: string;
}

export function sessionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get<{ Params: ClusterParams }>(
    '/clusters/:cluster_id/sessions',
    { schema: routeSchemas.listSessions },
    async (req) => {
      const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
      const st = await ctx.status.read(p, cluster, req.log);
      return { georep_session: st.sessions, read_at: st.read_at, backend: ctx.backendName };
    },
  );

  app.get<{ Params: SessionParams }>(
    '/clusters/:cluster_id/sessions/:session_id',
    { schema: routeSchemas.getSession },
    async (req) => {
      const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
      return findSession(ctx, p, cluster, req.params.session_id, req.log);
    },
  );

  app.post<{ Params: ClusterParams; Body: CreateInput }>(
    '/clusters/:cluster_id/sessions',
    { schema: routeSchemas.createSession },
    async (req, reply) => {
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      const session = await createSession(ctx, p, cluster, req.body, req.log);
      return reply.code(201).send(session);
    },
  );

  for (const verb of VERBS) {
    app.post<{ Params: SessionParams; Body: { force?: boolean } | undefined }>(
      `/clusters/:cluster_id/sessions/:session_id/${verb}`,
      { schema: routeSchemas.action(verb) },
      async (req) => {
        const {
          p,
          cluster,
          session: s,
        } = await manageSession(ctx, req, req.params.cluster_id, req.params.session_id);
        const key = keyOfSession(s);
        const force = req.body?.force === true;
        return ctx.locks.exclusive(
          cluster,
          key,
          `${verb}${force ? ' (force)' : ''}`,
          p,
          async () => {
            await act(
              ctx,
              p,
              cluster,
              key,
              verb,
              req.log,
              (node) => ctx.gluster[verb](node, key, { force }),
              force ? 'Forced.' : undefined,
              force,
            );
            readAfterAction(ctx, p, cluster, req.log);
            return { status: 'complete' };
          },
        );
      },
    );
  }

  app.delete<{
    Params: SessionParams;
    Querystring: { reset_sync_time?: boolean; remove_provisioned_volume?: boolean };
  }>(
    '/clusters/:cluster_id/sessions/:session_id',
    { schema: routeSchemas.deleteSession },
    async (req) => {
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      const s = await findSession(ctx, p, cluster, req.params.session_id, req.log);
      const key = keyOfSession(s);
      const reset = req.query.reset_sync_time === true;
      // DeleteGeoRepSessionCommand.validate: ACTION_TYPE_FAILED_GEOREP_SESSION_USED_IN_STORAGE_SYNC
      // ("Storage domain data synchronization is setup against this geo-replication session.")
      const setup = ctx.drSchedule?.((await ctx.status.read(p, cluster, req.log)).volumes, key);
      if (setup)
        throw conflict(
          `Cannot remove the geo-replication session. Storage domain data synchronization is set up against it: storage domain ${setup.storage_domain_name} is synced through it on a schedule (set up by ${setup.set_by}). Remove that schedule first (Disaster recovery).`,
        );
      // Checked before anything is deleted: only a volume this service provisioned, used by no other session.
      return ctx.locks.exclusive(cluster, key, 'delete', p, async () => {
        const removal: PreparedRemoval | null =
          req.query.remove_provisioned_volume === true
            ? await prepareRemoval(ctx, p, cluster, s, req.log)
            : null;
        await act(
          ctx,
          p,
          cluster,
          key,
          'delete',
          req.log,
          (node) => ctx.gluster.delete(node, key, { reset_sync_time: reset }),
          reset ? 'The sync time was reset.' : undefined,
        );
        if (removal)
          return {
            status: 'complete',
            ...(await removeAfterDelete(ctx, p, cluster, key, removal, req.log)),
          };
        return { status: 'complete' };
      });
    },
  );

  app.post<{ Params: SessionParams }>(
    '/clusters/:cluster_id/sessions/:session_id/checkpoint',
    { schema: routeSchemas.checkpoint },
    async (req) => {
      const {
        p,
        cluster,
        session: s,
      } = await manageSession(ctx, req, req.params.cluster_id, req.params.session_id);
      const key = keyOfSession(s);
      return ctx.locks.exclusive(cluster, key, 'checkpoint', p, async () => {
        await act(ctx, p, cluster, key, 'checkpoint', req.log, (node) =>
          ctx.gluster.configSet(node, key, 'checkpoint', 'now'),
        );
        readAfterAction(ctx, p, cluster, req.log);
        return { status: 'complete' };
      });
    },
  );
}

/**
 * Run one Gluster mutation on the first reachable Up node of the cluster, then invalidate the
 * cluster's status and record the outcome. Failures become faults with Gluster's own words; a
 * refusal (409) of start/stop/pause/resume/delete also says whether force may help.
 */
export async function act(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  action: Exclude<
    AuditAction,
    | 'create'
    | 'config_set'
    | 'config_reset'
    | 'provision_volume'
    | 'remove_provisioned_volume'
    | 'ssh_setup'
    | 'recover'
    | 'shared_storage'
    | 'mountbroker_step'
    | 'dr_schedule'
    | 'dr_sync'
    | 'dr_step'
  >,
  log: FastifyBaseLogger,
  run: (node: string) => Promise<void>,
  note?: string,
  forced = false,
): Promise<void> {
  try {
    const nodes = await ctx.nodes.upNodes(p, cluster);
    await ctx.nodes.onFirstReachable(cluster.id, nodes, run, log);
  } catch (err) {
    ctx.status.invalidate(cluster.id);
    const fault = glusterFault(
      err,
      `${ING[action]} the session ${key.primary_volume} -> ${secondaryUrl(key)}`,
    );
    if (!fault) throw err;
    if (fault.statusCode === 504) {
      // Gluster answered too late: what happened is read again, and that is what is told.
      const outcome = await outcomeAfterTimeout(ctx, p, cluster, key, action, log);
      if (outcome.applied === true) {
        const late = `Gluster answered too late, but a fresh read shows it was done (${outcome.seen}).`;
        await ctx.audit.record(
          p,
          { action, cluster, key, ok: true, note: note ? `${note} ${late}` : late },
          log,
        );
        return;
      }
      const detail =
        outcome.applied === false
          ? `${fault.detail} A fresh read shows it was not applied (${outcome.seen}).`
          : `${fault.detail} Whether it was applied is not known: ${outcome.seen}.`;
      await ctx.audit.record(p, { action, cluster, key, ok: false, error: detail }, log);
      throw new ApiError(504, fault.reason, detail);
    }
    await ctx.audit.record(p, { action, cluster, key, ok: false, error: fault.detail }, log);
    throw withForceVerdict(fault, err, action, forced);
  }
  ctx.status.invalidate(cluster.id);
  await ctx.audit.record(p, { action, cluster, key, ok: true, note }, log);
}

/** The session's state read afresh after a timeout: was the action applied? */
async function outcomeAfterTimeout(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  action: string,
  log: FastifyBaseLogger,
): Promise<{ applied: boolean | null; seen: string }> {
  try {
    const st = await ctx.status.fresh(p, cluster, log);
    const s = st.sessions.find((x) => sameSession(keyOfSession(x), key));
    if (action === 'delete')
      return s
        ? { applied: false, seen: `the session is still listed, ${s.status}` }
        : { applied: true, seen: 'the session is no longer listed' };
    if (!s) return { applied: null, seen: 'Gluster does not list the session right now' };
    const seen = `the session is ${s.status}`;
    switch (action) {
      case 'stop':
        return { applied: s.status === 'Stopped', seen };
      case 'pause':
        return { applied: s.status === 'Paused', seen };
      case 'start':
      case 'resume':
        return { applied: !['Stopped', 'Created', 'Paused'].includes(s.status), seen };
      default:
        return { applied: null, seen: `${seen}, which does not tell` };
    }
  } catch (err) {
    const why = err instanceof ApiError ? err.detail : errorMessage(err);
    return { applied: null, seen: `the session could not be read again (${why})` };
  }
}

/** A refusal of start/stop/pause/resume/delete, with whether retrying with force may get past it. */
function withForceVerdict(
  fault: ApiError,
  err: unknown,
  action: string,
  forced: boolean,
): ApiError {
  if (fault.statusCode !== 409 || !isForceableAction(action)) return fault;
  const words = err instanceof GlusterCommandError ? err.glusterMessage || err.message : '';
  return new ApiError(
    fault.statusCode,
    fault.reason,
    fault.detail,
    forceMayHelp(action, words, forced),
  );
}

/**
 * After an action: a read of the cluster from Gluster starts now, without holding the answer. The
 * answer says only that Gluster accepted the action (its own "success"); the state comes from
 * that read, which the tab's re-read after an action (`invalidateQueries`) and every other reader
 * join (status.ts: readers join the read in flight). An answer carrying a state read by the
 * service would cost one more CLI call per action and, on real Gluster, still show the state of an
 * instant that is already past (a status right after `start` prints Stopped, then Initializing).
 */
function readAfterAction(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  log: FastifyBaseLogger,
): void {
  ctx.status.fresh(p, cluster, log).catch((err: unknown) => {
    log.warn(
      { err: errorMessage(err) },
      'The action succeeded but the cluster could not be read after it',
    );
  });
}

/** The state of a session in words, for faults after a partial create. Never throws. */
async function stateInWords(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  key: SessionKey,
  log: FastifyBaseLogger,
): Promise<string> {
  try {
    const st = await ctx.status.fresh(p, cluster, log);
    const s = st.sessions.find((x) => sameSession(keyOfSession(x), key));
    return s ? `in state ${s.status}` : 'but Gluster does not list it right now';
  } catch (err) {
    const why = err instanceof ApiError ? err.detail : errorMessage(err);
    return `in a state that could not be read (${why})`;
  }
}

/**
 * Create: checks that cost nothing first (input, config values, source host, primary volume, same
 * cluster, existing session), then gsec_create and create push-pem on the chosen host, then the
 * options, then start. A failure after create says which step failed and the session's state.
 */
async function createSession(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  body: CreateInput,
  log: FastifyBaseLogger,
): Promise<GeoRepSession> {
  const input = checkCreateInput(body);
  const key: SessionKey = {
    primary_volume: input.primary_volume,
    secondary_host: input.secondary_host,
    secondary_volume: input.secondary_volume,
    secondary_user: input.secondary_user,
  };
  return ctx.locks.exclusive(cluster, key, 'create', p, () =>
    createChecked(ctx, p, cluster, input, key, log),
  );
}

async function createChecked(
  ctx: ServiceContext,
  p: Principal,
  cluster: EngineCluster,
  input: ReturnType<typeof checkCreateInput>,
  key: SessionKey,
  log: FastifyBaseLogger,
): Promise<GeoRepSession> {
  // Options, in Gluster's spelling (checkCreateInput checked them against the catalogue already).
  const options = Object.entries(input.config).map(([name, raw]) => {
    const r = checkOptionValue(name, String(raw));
    if ('error' in r) throw badRequest(`config.${name}: ${r.error}`);
    return r;
  });
  const hosts = await ctx.nodes.clusterHosts(p, cluster);
  const source = hosts.find((h) => h.id === input.source_host_id);
  if (!source)
    throw badRequest(
      `source_host_id ${input.source_host_id} is not a host of cluster ${cluster.name}.`,
    );
  if (source.status !== 'up') {
    throw badRequest(
      `Host ${source.name} (source_host_id) is ${source.status.replace(/_/g, ' ')}; choose a host of cluster ${cluster.name} that is Up.`,
    );
  }
  const remoteProblem = await remoteHostProblem(
    key.secondary_host,
    cluster,
    hosts,
    ctx.resolveHost,
    ctx.allowLocalRemote,
  );
  if (remoteProblem) throw badRequest(`secondary_host: ${remoteProblem}`);
  const st = await ctx.status.read(p, cluster, log);
  const primary = st.volumes.find((v) => v.name === key.primary_volume);
  if (!primary) {
    throw badRequest(
      `primary_volume: cluster ${cluster.name} has no volume named ${key.primary_volume}.`,
    );
  }
  if (input.target.kind === 'path' && primary.status !== 'Started') {
    // Gluster would refuse the session (gverify mounts the primary): provision nothing for it.
    throw conflict(
      `Volume ${primary.name} is ${primary.status} in cluster ${cluster.name}: start it first (geo-replication reads its changelog). Nothing was provisioned on ${key.secondary_host}.`,
    );
  }
  // Gluster's prerequisites (src/georep/prerequisites.ts): tarssh cannot sync a sharded primary.
  refuseTarsshWithSharding(primary, input.config);
  const existing = st.sessions.find((s) => sameSession(keyOfSession(s), key));
  if (existing) {
    throw conflict(
      `A geo-replication session from ${key.primary_volume} to ${secondaryUrl(key)} already exists (state ${existing.status}).`,
    );
  }
  // Preflight's unbypassable checks hold on create whatever `force` says (src/georep/force.ts):
  // two primaries must never write into one secondary.
  const sides = await readFacts(ctx, p, cluster, key, log);
  const usage = sides.usage;
  const { others } = otherWritersOf(
    { cluster_id: cluster.id, ...key },
    usage.sessions,
    usage.remoteAddresses,
  );
  if (others.length) {
    throw conflict(
      `Volume ${key.secondary_volume} on ${key.secondary_host} is already the secondary of ${others.map((o) => `${o.primary_volume} (cluster ${o.cluster_name}, ${o.status})`).join(', ')}: two sessions writing into one volume would overwrite each other, and force does not change that. Nothing was created.`,
    );
  }
  if (usage.unread.length) {
    throw new ApiError(
      502,
      'Bad Gateway',
      `Could not make sure that no other session writes into ${key.secondary_volume} on ${key.secondary_host}: the sessions of ${usage.unread.join('; ')} could not be read. Nothing was created; try again when they can be read.`,
    );
  }

  // 0. A directory target: provision (or reuse) the single-brick volume on it first.
  const provisioned: ProvisionedVolume | null =
    input.target.kind === 'path'
      ? await provisionForCreate(ctx, p, cluster, input, input.target.path, source, key, log)
      : null;
  const left = provisioned ? volumeLeftInPlace(provisioned) : '';

  const node = source.address;
  const what = `session ${key.primary_volume} -> ${secondaryUrl(key)}`;
  const group = input.secondary_group ? ` (mountbroker group ${input.secondary_group})` : '';
  // use-meta-volume needs the shared storage: enabled now (as oVirt's SetGeoRepConfigCommand does),
  // or the create is refused with Gluster's reason before anything else happens.
  const sharedNote = turnsMetaVolumeOn(input.config)
    ? ` ${await ensureSharedStorage(ctx, p, cluster, key, node, log)}`
    : '';
  // A non-root secondary user: the mountbroker on the secondary first (server/mountbroker/).
  const nonRoot =
    key.secondary_user === 'root'
      ? null
      : {
          key,
          group: input.secondary_group ?? key.secondary_user,
          managed: sides.remoteCluster !== null,
        };
  const prepared = nonRoot ? await prepareSecondary(ctx, p, cluster, nonRoot, log) : [];
  // 1. The common pem keys, 2. create push-pem. Nothing exists yet if either fails.
  try {
    await ctx.gluster.gsecCreate(node);
  } catch (err) {
    const f = glusterFault(
      err,
      `generating the geo-replication SSH keys (gsec_create) on ${source.name}`,
    );
    if (!f) throw err;
    const detail = `${f.detail} The session was not created.${left}`;
    await ctx.audit.record(p, { action: 'create', cluster, key, ok: false, error: detail }, log);
    throw new ApiError(f.statusCode, f.reason, detail);
  }
  try {
    await ctx.gluster.create(node, key, {
      ssh_port: input.ssh_port,
      force: input.force,
      push_pem: true,
    });
  } catch (err) {
    ctx.status.invalidate(cluster.id);
    const f = glusterFault(err, `creating the ${what} on ${source.name}`);
    if (!f) throw err;
    // gverify runs `bash -c 'source /etc/profile && gluster --version'` as the user (gverify.sh
    // cmd_secondary); Debian's /etc/profile gives non-root users no /usr/sbin (gluster-local.md).
    const path =
      nonRoot && /gluster command not found on .* for user/.test(f.detail)
        ? ` gverify looks for gluster in ${key.secondary_user}'s PATH after /etc/profile on ${key.secondary_host}; where /etc/profile gives non-root users no /usr/sbin (Debian), add it there with a file in /etc/profile.d/.`
        : '';
    const detail = `${f.detail}${path} The session was not created.${left}`;
    await ctx.audit.record(p, { action: 'create', cluster, key, ok: false, error: detail }, log);
    // Whether create with force gets past Gluster's refusal (src/georep/force.ts), as for actions.
    throw withForceVerdict(
      new ApiError(f.statusCode, f.reason, detail),
      err,
      'create',
      input.force,
    );
  }
  ctx.status.invalidate(cluster.id);
  await ctx.audit.record(
    p,
    {
      action: 'create',
      cluster,
      key,
      ok: true,
      note: `Created from host ${source.name}${group}${input.force ? ' with force' : ''}${provisioned ? `, into volume ${provisioned.name} provisioned on ${provisioned.host}:${provisioned.path}` : ''}.${sharedNote}`,
    },
    log,
  );

  // 2b. Non-root: the keys create push-pem left in the user's home, to every secondary node.
  if (nonRoot) {
    const keys = await distributeKeys(ctx, p, cluster, nonRoot, log);
    if (keys) prepared.push(keys);
  }

  // 3. Options, in order; the first failure stops the rest.
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    try {
      await ctx.gluster.configSet(node, key, o.name, o.value);
      await ctx.audit.record(p, { action: 'config_set', cluster, key, ok: true, option: o }, log);
    } catch (err) {
      const f = glusterFault(err, `setting option ${o.name} to ${o.value}`);
      if (!f) throw err;
      await ctx.audit.record(
        p,
        { action: 'config_set', cluster, key, ok: false, option: o, error: f.detail },
        log,
      );
      const rest = options.slice(i + 1).map((x) => x.name);
      const notApplied = rest.length ? ` Options not applied: ${rest.join(', ')}.` : '';
      const state = await stateInWords(ctx, p, cluster, key, log);
      throw new ApiError(
        f.statusCode,
        f.reason,
        `The ${what} was created, but setting its options failed: ${f.detail}${notApplied}` +
          ` The session exists ${state}${input.start ? ' and was not started' : ''}.`,
      );
    }
  }
  ctx.status.invalidate(cluster.id);

  // 4. Start, if asked: once the secondary accepts gsyncd's key (server/pushPem.ts).
  if (input.start) {
    const keyWait = await waitForGsyncdKey(
      ctx,
      node,
      { user: key.secondary_user, host: key.secondary_host, port: input.ssh_port },
      log,
    );
    if (keyWait.accepted === false) {
      const detail =
        `${key.secondary_user}@${key.secondary_host} still refuses the session's SSH key (gsyncd's key of ${source.name}) ${Math.round(keyWait.waitedMs / 1000)} s after the create: ` +
        `Gluster's create installs it on the secondary in the background (the gsync-create hook), and a session started without it never starts. ` +
        `Look for the hook's failure in glusterd's log on ${source.name}; start the session once the key is accepted. The session exists (Created) and was not started.`;
      await ctx.audit.record(p, { action: 'start', cluster, key, ok: false, error: detail }, log);
      throw new ApiError(504, 'Gateway Timeout', detail);
    }
    try {
      await ctx.gluster.start(node, key, { force: false });
    } catch (err) {
      const f = glusterFault(err, `starting the ${what}`);
      if (!f) throw err;
      await ctx.audit.record(p, { action: 'start', cluster, key, ok: false, error: f.detail }, log);
      const state = await stateInWords(ctx, p, cluster, key, log);
      throw new ApiError(
        f.statusCode,
        f.reason,
        `The ${what} was created${options.length ? ' and its options were set' : ''}, but starting it failed: ${f.detail} The session exists ${state}.`,
      );
    }
    await ctx.audit.record(p, { action: 'start', cluster, key, ok: true }, log);
  }

  const after = await ctx.status.fresh(p, cluster, log);
  const created = after.sessions.find((s) => sameSession(keyOfSession(s), key));
  if (!created) {
    throw new ApiError(
      502,
      'Bad Gateway',
      `Gluster accepted the creation of the ${what}, but does not list it in its status yet; reload the sessions in a moment.`,
    );
  }
  return {
    ...created,
    ...(provisioned ? { provisioned_volume: provisioned } : {}),
    ...(prepared.length ? { nonroot_preparation: prepared } : {}),
  };
}
