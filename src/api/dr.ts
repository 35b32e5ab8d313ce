// Disaster recovery of storage domains (server/routes/dr.ts): one thin function per REST call.
import type { AxiosInstance } from 'axios';
import type { DrDomainView, DrProcedureView, DrSchedule } from '../georep/dr';
import type { GeoRepJob } from '../georep/types';

const enc = encodeURIComponent;
const vol = (cid: string, v: string) => `clusters/${enc(cid)}/volumes/${enc(v)}`;

export type DrProcedureKind = 'failover' | 'failback';

export async function listStorageDomains(c: AxiosInstance, cid: string): Promise<DrDomainView[]> {
  const { data } = await c.get<{ storage_domain: DrDomainView[] }>(
    `clusters/${enc(cid)}/storagedomains`,
  );
  return data.storage_domain;
}

/** Sets the schedule (or removes it with `schedule: null`). */
export async function setDrSchedule(
  c: AxiosInstance,
  cid: string,
  volume: string,
  body: { storage_domain_id: string; session_id: string | null; schedule: DrSchedule | null },
): Promise<DrDomainView> {
  const { data } = await c.put<DrDomainView>(`${vol(cid, volume)}/dr-schedule`, body);
  return data;
}

/** Runs the storage domain's sync now: 202 with the job. */
export async function runDrSync(c: AxiosInstance, cid: string, volume: string): Promise<GeoRepJob> {
  const { data } = await c.post<GeoRepJob>(`${vol(cid, volume)}/dr-sync`, {});
  return data;
}

export async function getDrProcedure(
  c: AxiosInstance,
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
  c: AxiosInstance,
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
