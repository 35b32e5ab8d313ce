// The engine REST calls of disaster recovery: storage domains, the running VMs on one, their
// snapshots, and the event that claims a scheduled run. Shapes: ovirt-engine-api-model
// types/StorageDomain.java, HostStorage.java, Vm.java, Snapshot.java; behaviour: the restapi
// resources named in dev/engine/storage.ts.
import type { AxiosResponse } from 'axios';
import { searchCondition } from '../../src/georep/engineSearch';
import { EngineClient, type EngineEvent } from '../engine';
import { ApiError } from '../errors';

type Json = Record<string, unknown>;

export interface EngineStorageDomain {
  id: string;
  name: string;
  /** 'glusterfs', 'nfs', ... */
  storage_type: string;
  /** The connection `address:path`; null when the engine does not show it (filtered sessions). */
  address: string | null;
  path: string | null;
  data_center_ids: string[];
}

export interface EngineVm {
  id: string;
  name: string;
  status: string;
}

export interface EngineSnapshot {
  id: string;
  description: string;
  /** 'ok' | 'locked' | 'in_preview' */
  status: string;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const list = (data: unknown, key: string): Json[] => {
  const v = data && typeof data === 'object' ? (data as Json)[key] : undefined;
  return Array.isArray(v) ? (v as Json[]) : [];
};
const enc = encodeURIComponent;

function toDomain(d: Json): EngineStorageDomain {
  const st = (d.storage ?? {}) as Json;
  const dcs = list(d.data_centers, 'data_center');
  return {
    id: str(d.id) ?? '',
    name: str(d.name) ?? '',
    storage_type: (str(st.type) ?? '').toLowerCase(),
    address: str(st.address),
    path: str(st.path),
    data_center_ids: dcs.map((x) => str(x.id) ?? '').filter(Boolean),
  };
}

function toSnapshot(s: Json): EngineSnapshot {
  return {
    id: str(s.id) ?? '',
    description: str(s.description) ?? '',
    status: (str(s.snapshot_status) ?? '').toLowerCase(),
  };
}

/** The engine's own words from a failed call, for the user. */
function engineWords(res: AxiosResponse): string {
  const b = (res.data ?? {}) as Json;
  return [str(b.reason), str(b.detail)].filter(Boolean).join(': ') || `HTTP ${res.status}`;
}

export class DrEngineClient extends EngineClient {
  /**
   * `GET api/storagedomains`, read as WebAdmin reads the engine (src/georep/engineRead.ts): what
   * the token's user may see; with the service account's token, the connection details too.
   */
  async storageDomains(token: string): Promise<EngineStorageDomain[]> {
    const res = await this.call(token, 'get', 'storagedomains', {
      what: 'list the storage domains',
    });
    this.ensureOk(res, 'list the storage domains');
    return list(res.data, 'storage_domain').map(toDomain);
  }

  /** The running VMs with a disk on the domain (GlusterStorageSyncCommand: GetVmsByStorageDomain, running ones). */
  async runningVmsOn(token: string, storageDomainName: string): Promise<EngineVm[]> {
    const search = `${searchCondition('storage.name', storageDomainName)} and status = up`;
    const res = await this.call(token, 'get', 'vms', {
      params: { search },
      what: `list the running VMs on storage domain ${storageDomainName}`,
    });
    this.ensureOk(res, `list the running VMs on storage domain ${storageDomainName}`);
    return list(res.data, 'vm').map((v) => ({
      id: str(v.id) ?? '',
      name: str(v.name) ?? '',
      status: (str(v.status) ?? '').toLowerCase(),
    }));
  }

  /** `POST api/vms/{id}/snapshots` without memory; answers at once with the snapshot (locked). */
  async createSnapshot(token: string, vm: EngineVm, description: string): Promise<EngineSnapshot> {
    const res = await this.call(token, 'post', `vms/${enc(vm.id)}/snapshots`, {
      body: { description, persist_memorystate: 'false' },
      what: `snapshot VM ${vm.name}`,
    });
    if (res.status >= 300)
      throw new ApiError(
        res.status === 403 ? 403 : 502,
        'Snapshot refused',
        `The engine refused to snapshot VM ${vm.name}: ${engineWords(res)}`,
      );
    return toSnapshot(res.data as Json);
  }

  /** `GET api/vms/{id}/snapshots/{sid}`; null when the engine no longer has it. */
  async snapshot(token: string, vm: EngineVm, id: string): Promise<EngineSnapshot | null> {
    const res = await this.call(token, 'get', `vms/${enc(vm.id)}/snapshots/${enc(id)}`, {
      what: `read a snapshot of VM ${vm.name}`,
    });
    if (res.status === 404) return null;
    this.ensureOk(res, `read a snapshot of VM ${vm.name}`);
    return toSnapshot(res.data as Json);
  }

  /** `DELETE api/vms/{id}/snapshots/{sid}` (the engine merges it in the background). */
  async deleteSnapshot(token: string, vm: EngineVm, id: string): Promise<void> {
    const res = await this.call(token, 'delete', `vms/${enc(vm.id)}/snapshots/${enc(id)}`, {
      what: `remove a snapshot of VM ${vm.name}`,
    });
    if (res.status === 404) return;
    if (res.status >= 300)
      throw new ApiError(
        502,
        'Snapshot removal refused',
        `The engine refused to remove the snapshot of VM ${vm.name}: ${engineWords(res)}`,
      );
  }

  /**
   * Posts an event and returns the event the engine answers with, or null when the engine says
   * an event with this origin and custom id exists already (a claim another instance won).
   */
  async postEventReturning(
    token: string,
    ev: EngineEvent & { storage_domain_id?: string },
  ): Promise<{ id: string; description: string } | null> {
    const body: Json = {
      description: ev.description,
      severity: ev.severity,
      origin: ev.origin,
      custom_id: String(ev.custom_id),
      // the shortest flood window the engine allows: the claim must not be dropped as a repeat
      flood_rate: '1',
    };
    if (ev.cluster_id) body.cluster = { id: ev.cluster_id };
    if (ev.storage_domain_id) body.storage_domain = { id: ev.storage_domain_id };
    const res = await this.call(token, 'post', 'events', { body, what: 'post an event' });
    if (res.status === 400 && /already exists|DUPLICATE_CUSTOM_ID/i.test(engineWords(res)))
      return null;
    this.ensureOk(res, 'post an event');
    const d = res.data as Json;
    return { id: str(d.id) ?? '', description: str(d.description) ?? '' };
  }
}
