// Disaster recovery of storage domains (server/routes/dr.ts): one thin function per REST call.
import type { HttpClient } from './http';
import type { DrDomainView, DrProcedureView, DrSchedule } from '../georep/dr';
import type { GeoRepJob } from '../georep/types';
import { ACTION_TIMEOUT_MS } from './georep';

const enc = encodeURIComponent;
const vol = (cid: string, v: string) => `clusters/${enc(cid)}/volumes/${enc(v)}`;

export type DrProcedureKind = 'failover' | 'failback';

export interface DrScheduleRequest {
  storage_domain_id: string;
  session_id: string | null;
  schedule: DrSchedule | null;
}

export async function listStorageDomains(c: HttpClient, cid: string): Promise<DrDomainView[]> {
  const { data } = await c.get<{ storage_domain: DrDomainView[] }>(
    `clusters/${enc(cid)}/storagedomains`,
  );
  return data.storage_domain;
}

/** Sets the schedule (or removes it with `schedule: null`). */
export async function setDrSchedule(
  c: HttpClient,
  cid: string,
  volume: string,
  body: DrScheduleRequest,
): Promise<DrDomainView> {
  const { data } = await c.put<DrDomainView>(`${vol(cid, volume)}/dr-schedule`, body, {
    timeout: ACTION_TIMEOUT_MS,
  });
  return data;
}

/** Runs the storage domain's sync now: 202 with the job. */
export async function runDrSync(c: HttpClient, cid: string, volume: string): Promise<GeoRepJob> {
  const { data } = await c.post<GeoRepJob>(`${vol(cid, volume)}/dr-sync`, {});
  return data;
}

export async function getDrProcedure(
  c: HttpClient,
  cid: string,
  sessionId: string,
  kind: DrProcedureKind,
): Promise<DrProcedureView> {
  const { data } = await c.get<DrProcedureView>(
    `clusters/${enc(cid)}/sessions/${enc(sessionId)}/${kind}`,
  );
  return data;
}

/** Runs one confirmed step of a failover or failback: 202 with the job. */
export async function runDrStep(
  c: HttpClient,
  cid: string,
  sessionId: string,
  kind: DrProcedureKind,
  step: string,
  force: boolean,
): Promise<GeoRepJob> {
  const { data } = await c.post<GeoRepJob>(
    `clusters/${enc(cid)}/sessions/${enc(sessionId)}/${kind}/steps/${enc(step)}`,
    { force },
  );
  return data;
}
