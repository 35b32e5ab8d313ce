// What Gluster does not say: Recover for a stalled session (as a job: restarts and waits take a
// minute or more), the job's progress, and the diagnosis of Faulty or Stalled workers from their
// own gsyncd.log. All need the probe (server/gluster/probe.ts); without one they answer 409 saying
// so.
import type { FastifyInstance } from 'fastify';
import { statusFindings } from '../../src/georep/known-failures';
import { findSession, manageCluster, readCluster, type ServiceContext } from '../context';
import { diagnoseWorker } from '../diagnose';
import { keyOfSession } from '../domain';
import { conflict, notFound } from '../errors';
import { recoverStalled } from '../recover';
import { rolloverOf } from '../stall';
import { routeSchemas } from '../schemas';

interface ClusterParams {
  cluster_id: string;
}
interface SessionParams extends ClusterParams {
  session_id: string;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function stallRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post<{ Params: SessionParams }>(
    '/clusters/:cluster_id/sessions/:session_id/recover',
    { schema: routeSchemas.recover },
    async (req, reply) => {
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      if (!ctx.probe || !ctx.stalls)
        throw conflict('Stall detection is not available with this backend: nothing to recover.');
      const running = ctx.jobs.runningFor(req.params.session_id);
      if (running)
        throw conflict(
          `A recovery of this session started by ${running.user} at ${running.started_at} is still running (job ${running.id}).`,
        );
      const s = await findSession(ctx, p, cluster, req.params.session_id, req.log);
      const stalled = s.workers.filter((w) => w.stall);
      if (stalled.length === 0)
        throw conflict(
          `No worker of this session is stalled (as read at ${s.read_at}): there is nothing to recover.`,
        );
      const key = keyOfSession(s);
      const nodes = await ctx.nodes.upNodes(p, cluster);
      const resolve = await ctx.status.resolver(p, cluster);
      const st = await ctx.status.read(p, cluster, req.log);
      const rollover = rolloverOf(st.volumes.find((v) => v.name === key.primary_volume));
      const probe = ctx.probe;
      // One action at a time on a session: held until the job ends (a stop or a config change in
      // the middle of Recover's restarts would make its steps meaningless).
      const release = ctx.locks.acquire(cluster, key, 'Recover', p);
      const job = ctx.jobs.start(
        { kind: 'recover', cluster_id: cluster.id, session_id: s.id, user: p.user.display_name },
        async (progress) => {
          const out = await recoverStalled(
            {
              gluster: ctx.gluster,
              probe,
              node: nodes[0]!,
              readSession: async () =>
                (await ctx.status.fresh(p, cluster, req.log)).sessions.find((x) => x.id === s.id) ??
                null,
              resolve,
              rolloverSeconds: rollover,
              sleep: ctx.recover.sleep ?? sleep,
              now: Date.now,
              onStep: (steps) => {
                progress(steps);
                const last = steps[steps.length - 1];
                if (last && last.state !== 'running')
                  req.log.info(
                    { session: s.id, step: last.title, state: last.state },
                    `recover: ${last.detail ?? ''}`,
                  );
              },
              maxAttempts: ctx.recover.maxAttempts,
              liveWithinMs: ctx.recover.liveWithinMs,
              pollMs: ctx.recover.pollMs,
            },
            key,
          );
          ctx.stalls?.forget(s.id);
          ctx.status.invalidate(cluster.id);
          return { ok: out.recovered, detail: out.detail };
        },
        (j) => {
          release();
          return ctx.audit.record(
            p,
            {
              action: 'recover',
              cluster,
              key,
              ok: j.state === 'succeeded',
              note: j.state === 'succeeded' ? (j.detail ?? undefined) : undefined,
              error: j.state === 'failed' ? (j.detail ?? 'failed') : undefined,
            },
            req.log,
          );
        },
      );
      return reply.code(202).send(job);
    },
  );

  app.get<{ Params: ClusterParams & { job_id: string } }>(
    '/clusters/:cluster_id/jobs/:job_id',
    { schema: routeSchemas.getJob },
    async (req) => {
      const { cluster } = await readCluster(ctx, req, req.params.cluster_id);
      const job = ctx.jobs.get(cluster.id, req.params.job_id);
      if (!job)
        throw notFound(
          `Cluster ${cluster.name} has no job ${req.params.job_id} (jobs are kept for an hour after they end, until the service restarts).`,
        );
      return job;
    },
  );

  app.get<{ Params: SessionParams; Querystring: { brick?: string } }>(
    '/clusters/:cluster_id/sessions/:session_id/diagnosis',
    { schema: routeSchemas.diagnosis },
    async (req) => {
      const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
      const s = await findSession(ctx, p, cluster, req.params.session_id, req.log);
      const brick = req.query.brick;
      const workers = s.workers.filter((w) =>
        brick
          ? `${w.primary_node}:${w.primary_brick}` === brick || w.primary_brick === brick
          : w.status === 'Faulty' || !!w.stall,
      );
      if (brick && workers.length === 0)
        throw notFound(`The session has no worker on brick ${brick}.`);
      const probe = ctx.probe;
      const resolve = await ctx.status.resolver(p, cluster);
      const key = keyOfSession(s);
      const diagnoses = await Promise.all(
        workers.map(async (w) => {
          const node = await resolve(w.primary_node);
          if (!probe || !node) {
            return {
              primary_node: w.primary_node,
              primary_brick: w.primary_brick,
              log_file: '',
              lines: [],
              known_failures: [],
              truncated: false,
              unavailable: !probe
                ? 'Reading the workers’ logs is not available with this backend.'
                : `${w.primary_node} is not a host the engine manages in cluster ${cluster.name}: its log is not read.`,
            };
          }
          return diagnoseWorker(probe, node, w.primary_node, key, w.primary_brick);
        }),
      );
      return {
        session_id: s.id,
        read_at: new Date().toISOString(),
        worker_diagnosis: diagnoses,
        findings: statusFindings(s.workers),
      };
    },
  );
}
