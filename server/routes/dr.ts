// Disaster recovery of storage domains (server/dr/): the Gluster storage domains of a cluster's
// volumes with their sync schedules, run a sync now, and the guided failover and failback of a
// session, one confirmed step at a time. Long work runs as jobs (GET .../jobs/{id}). The bodies
// and answers are the wire contract's (src/georep/contract/dr.ts).
import type { FastifyInstance } from 'fastify';
import {
  DrDomainViewSchema,
  DrProcedureViewSchema,
  DrScheduleBody,
  DrStepBody,
  type DrScheduleRequest,
  type DrStepRequest,
} from '../../src/georep/contract';
import { manageCluster, readCluster, type ServiceContext } from '../context';
import type { DrProcedures } from '../dr/procedures';
import type { DrService } from '../dr/service';
import { ACT_FAULTS, READ_FAULTS, clusterParams, faults, ref, sessionParams } from '../schemas';

interface VolumeParams {
  cluster_id: string;
  volume: string;
}
interface ProcParams {
  cluster_id: string;
  session_id: string;
}

const TAGS = ['disaster recovery'];

const volumeParams = {
  type: 'object',
  required: ['cluster_id', 'volume'],
  additionalProperties: false,
  properties: {
    cluster_id: clusterParams.properties.cluster_id,
    volume: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' },
  },
} as const;

const stepParams = {
  ...sessionParams,
  required: ['cluster_id', 'session_id', 'step'],
  properties: {
    ...sessionParams.properties,
    step: { type: 'string', pattern: '^[a-z-]{1,40}$' },
  },
} as const;

export const drRouteSchemas = {
  list: {
    tags: TAGS,
    summary:
      "The Gluster storage domains on the cluster's volumes: their sync schedule, last and next sync",
    params: clusterParams,
    response: {
      200: {
        type: 'object',
        required: ['storage_domain'],
        properties: { storage_domain: { type: 'array', items: DrDomainViewSchema } },
      },
      ...faults(...READ_FAULTS),
    },
  },
  setSchedule: {
    tags: TAGS,
    summary:
      'Set (or, with schedule null, remove) the sync schedule of a storage domain on the volume; kept by Gluster as an option of the volume',
    params: volumeParams,
    body: DrScheduleBody,
    response: { 200: DrDomainViewSchema, ...faults(...ACT_FAULTS) },
  },
  runNow: {
    tags: TAGS,
    summary:
      "Run the storage domain's sync now: snapshot its running VMs, start the session, checkpoint, wait, stop or pause, remove the snapshots; runs as a job",
    params: volumeParams,
    response: { 202: ref('GeoRepJob'), ...faults(...ACT_FAULTS) },
  },
  procedure: {
    tags: TAGS,
    summary:
      'A failover or failback of the session: its steps, which are done (kept by Gluster), the next one',
    params: sessionParams,
    response: { 200: DrProcedureViewSchema, ...faults(...READ_FAULTS) },
  },
  runStep: {
    tags: TAGS,
    summary:
      'Run one step of a failover or failback (the next one, confirmed by the user); runs as a job',
    params: stepParams,
    body: DrStepBody,
    response: { 202: ref('GeoRepJob'), ...faults(...ACT_FAULTS) },
  },
} as const;

export function drRoutes(
  app: FastifyInstance,
  ctx: ServiceContext,
  dr: DrService,
  procedures: DrProcedures,
): void {
  app.get<{ Params: { cluster_id: string } }>(
    '/clusters/:cluster_id/storagedomains',
    { schema: drRouteSchemas.list },
    async (req) => {
      const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
      return { storage_domain: await dr.list(p, cluster, req.log) };
    },
  );

  app.put<{ Params: VolumeParams; Body: DrScheduleRequest }>(
    '/clusters/:cluster_id/volumes/:volume/dr-schedule',
    { schema: drRouteSchemas.setSchedule },
    async (req) => {
      // ScheduleGlusterStorageSync needs MANIPULATE_GLUSTER_VOLUME (ActionType): managing the cluster
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      return dr.setSchedule(p, cluster, req.params.volume, req.body, req.log);
    },
  );

  app.post<{ Params: VolumeParams }>(
    '/clusters/:cluster_id/volumes/:volume/dr-sync',
    { schema: drRouteSchemas.runNow },
    async (req, reply) => {
      const { p, cluster } = await manageCluster(ctx, req, req.params.cluster_id);
      return reply.code(202).send(await dr.runNow(p, cluster, req.params.volume, req.log));
    },
  );

  for (const kind of ['failover', 'failback'] as const) {
    app.get<{ Params: ProcParams }>(
      `/clusters/:cluster_id/sessions/:session_id/${kind}`,
      { schema: drRouteSchemas.procedure },
      async (req) => {
        const { p, cluster } = await readCluster(ctx, req, req.params.cluster_id);
        return procedures.view(p, cluster, req.params.session_id, kind, req.log);
      },
    );

    app.post<{ Params: ProcParams & { step: string }; Body: DrStepRequest | undefined }>(
      `/clusters/:cluster_id/sessions/:session_id/${kind}/steps/:step`,
      { schema: drRouteSchemas.runStep },
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
