// Disaster recovery of storage domains (server/dr/): the Gluster storage domains of a cluster's
// volumes with their sync schedules, run a sync now, and the guided failover and failback of a
// session, one confirmed step at a time. Long work runs as jobs (GET .../jobs/{id}).
import type { FastifyInstance } from 'fastify';
import type { DrSchedule } from '../../src/georep/dr';
import { manageCluster, readCluster, type ServiceContext } from '../context';
import type { DrProcedures, ProcedureKind } from '../dr/procedures';
import { drSchemas } from '../dr/schemas';
import type { DrService } from '../dr/service';

interface VolumeParams {
  cluster_id: string;
  volume: string;
}
interface ProcParams {
  cluster_id: string;
  session_id: string;
  kind: ProcedureKind;
}

export function drRoutes(
  app: FastifyInstance,
  ctx: ServiceContext,
  dr: DrService,
  procedures: DrProcedures,
): void {
  app.get<{ Params: { cluster_id: string } }>(
    '/clusters/:cluster_id/storagedomains',
    { schema: drSchemas.list },
    async (req) => {
      const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
      return { storage_domain: await dr.list(p, cluster, req.log) };
    },
  );

  app.put<{
    Params: VolumeParams;
    Body: { storage_domain_id: string; session_id?: string | null; schedule?: DrSchedule | null };
  }>(
    '/clusters/:cluster_id/volumes/:volume/dr-schedule',
    { schema: drSchemas.setSchedule },
    async (req) => {
      // ScheduleGlusterStorageSync needs MANIPULATE_GLUSTER_VOLUME (ActionType): managing the cluster
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      return dr.setSchedule(p, cluster, req.params.volume, req.body, req.log);
    },
  );

  app.post<{ Params: VolumeParams }>(
    '/clusters/:cluster_id/volumes/:volume/dr-sync',
    { schema: drSchemas.runNow },
    async (req, reply) => {
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      return reply.code(202).send(await dr.runNow(p, cluster, req.params.volume, req.log));
    },
  );

  for (const kind of ['failover', 'failback'] as const) {
    app.get<{ Params: Omit<ProcParams, 'kind'> }>(
      `/clusters/:cluster_id/sessions/:session_id/${kind}`,
      { schema: drSchemas.procedure },
      async (req) => {
        const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
        return procedures.view(p, cluster, req.params.session_id, kind, req.log);
      },
    );

    app.post<{
      Params: Omit<ProcParams, 'kind'> & { step: string };
      Body: { force?: boolean; ssh_port?: number } | undefined;
    }>(
      `/clusters/:cluster_id/sessions/:session_id/${kind}/steps/:step`,
      { schema: drSchemas.runStep },
      async (req, reply) => {
        const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
        const job = await procedures.runStep(
          p,
          cluster,
          req.params.session_id,
          kind,
          req.params.step,
          { force: req.body?.force === true, ssh_port: req.body?.ssh_port },
          req.log,
        );
        return reply.code(202).send(job);
      },
    );
  }
}
