// Storage domains, VMs and VM snapshots, in the engine's shapes, for disaster recovery of Gluster
// storage domains. What the engine does, and this emulator with it:
// - GET storagedomains[/{id}]: BackendStorageDomainsResource; the connection (`storage.address`,
//   `storage.path`, `vfs_type`, `mount_options`) is mapped only for an unfiltered session
//   (BackendStorageDomainsResource.map: "Mapping the connection properties only in case it is a
//   non-filtered session"); `<host>:/<volume>` is split at the ':' (mapFileDomain). A filtered user
//   sees the domains of data centers they have a permission in.
// - GET vms?search=...: the VM search with the storage domain join (SearchObjectAutoCompleter:
//   vms.storage_id -> storage domain), `storage.name=<domain>` and `status=up`.
// - Snapshots (BackendSnapshotsResource, CreateSnapshotForVmCommand, RemoveSnapshotCommand): POST
//   answers at once with the snapshot `locked`; it turns `ok` when the engine has taken it. DELETE
//   answers at once; the snapshot stays `locked` while it is merged, then disappears. Both need
//   MANIPULATE_VM_SNAPSHOTS on the VM (ActionType CreateSnapshotForVm/RemoveSnapshot); a second
//   snapshot while one is being taken is refused (ACTION_TYPE_FAILED_SNAPSHOT_IS_BEING_TAKEN_FOR_VM).
// - The API model: types/StorageDomain.java, HostStorage.java, Vm.java, Snapshot.java
//   (oVirt/ovirt-engine-api-model); booleans and numbers as strings.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Lab, LabStorageDomain, LabUser, LabVm } from '../lab';
import type { Access } from './access';
import { API, EngineFault, OPERATION_FAILED, collection, guidOr404, notFound, hrefs } from './json';
import type { SearchFields } from './search';

type Json = Record<string, unknown>;
type Query = Record<string, string | string[] | undefined>;

interface Ctx {
  user: LabUser;
  admin: boolean;
  filtered: boolean;
}

export interface StorageApiDeps {
  lab: Lab;
  access: Access;
  readable: (req: FastifyRequest) => Ctx;
  ctx: (req: FastifyRequest) => Ctx;
  listed: <T>(q: Query, items: T[], fields: SearchFields<T>) => T[];
  /** How long a snapshot takes to be taken or removed (ms); default 1500. */
  snapshotMs?: () => number;
}

export interface SnapshotRec {
  id: string;
  vm_id: string;
  description: string;
  date: number;
  persist_memorystate: boolean;
  /** Taken (ok) from this time on. */
  ready_at: number;
  /** Being removed: gone from this time on. */
  removed_at: number | null;
  created_by: string;
}

/** The snapshots the emulator keeps, for tests and the dev controls. */
export class Snapshots {
  readonly list: SnapshotRec[] = [];
  /** VMs whose next snapshot fails (engine's words), for tests. */
  readonly failNext = new Map<string, string>();

  of(vmId: string, now = Date.now()): SnapshotRec[] {
    return this.list.filter(
      (s) => s.vm_id === vmId && (s.removed_at === null || s.removed_at > now),
    );
  }
}

const s = (v: number | boolean): string => String(v);

export const storageHrefs = {
  storageDomain: (id: string) => `${API}/storagedomains/${id}`,
  vm: (id: string) => `${API}/vms/${id}`,
  snapshot: (vmId: string, id: string) => `${API}/vms/${vmId}/snapshots/${id}`,
};

export function storageDomainJson(sd: LabStorageDomain, unfiltered: boolean): Json {
  const href = storageHrefs.storageDomain(sd.id);
  const storage: Json = { type: sd.storage_type };
  if (unfiltered) {
    storage.address = sd.address;
    storage.path = sd.path;
    if (sd.mount_options) storage.mount_options = sd.mount_options;
    storage.vfs_type = sd.storage_type === 'glusterfs' ? 'glusterfs' : 'nfs';
  }
  return {
    name: sd.name,
    description: '',
    comment: '',
    available: s(sd.available_bytes),
    used: s(sd.used_bytes),
    committed: '0',
    backup: 'false',
    block_size: '512',
    critical_space_action_blocker: '5',
    discard_after_delete: 'false',
    external_status: 'ok',
    master: 'false',
    storage,
    storage_format: 'v5',
    supports_discard: 'false',
    supports_discard_zeroes_data: 'false',
    type: 'data',
    warning_low_space_indicator: '10',
    wipe_after_delete: 'false',
    data_centers: {
      data_center: [{ href: hrefs.dataCenter(sd.data_center_id), id: sd.data_center_id }],
    },
    href,
    id: sd.id,
    link: ['permissions', 'disks', 'diskprofiles', 'storageconnections', 'vms', 'templates'].map(
      (rel) => ({ href: `${href}/${rel}`, rel }),
    ),
  };
}

export function vmJson(vm: LabVm): Json {
  const href = storageHrefs.vm(vm.id);
  return {
    name: vm.name,
    description: '',
    comment: '',
    status: vm.status,
    type: 'server',
    stateless: 'false',
    cluster: { href: hrefs.cluster(vm.cluster_id), id: vm.cluster_id },
    href,
    id: vm.id,
    link: ['snapshots', 'diskattachments', 'nics', 'permissions', 'statistics'].map((rel) => ({
      href: `${href}/${rel}`,
      rel,
    })),
  };
}

function snapshotJson(sn: SnapshotRec, now: number): Json {
  const href = storageHrefs.snapshot(sn.vm_id, sn.id);
  return {
    description: sn.description,
    date: sn.date,
    persist_memorystate: s(sn.persist_memorystate),
    snapshot_status: sn.removed_at !== null || now < sn.ready_at ? 'locked' : 'ok',
    snapshot_type: 'regular',
    vm: { href: storageHrefs.vm(sn.vm_id), id: sn.vm_id },
    href,
    id: sn.id,
    link: ['disks', 'nics'].map((rel) => ({ href: `${href}/${rel}`, rel })),
  };
}

/** Every VM has its "Active VM" snapshot (SnapshotType.ACTIVE), always listed first. */
function activeSnapshotJson(vm: LabVm): Json {
  const id = `${vm.id.slice(0, 24)}acacacacacac`;
  return {
    description: 'Active VM',
    date: 0,
    persist_memorystate: 'false',
    snapshot_status: 'ok',
    snapshot_type: 'active',
    vm: { href: storageHrefs.vm(vm.id), id: vm.id },
    href: storageHrefs.snapshot(vm.id, id),
    id,
  };
}

export function registerStorageApi(
  app: FastifyInstance,
  d: StorageApiDeps,
  snaps: Snapshots,
): void {
  const { lab, access } = d;
  const domains = (): LabStorageDomain[] => lab.storage_domains ?? [];
  const vms = (): LabVm[] => lab.vms ?? [];
  const delay = (): number => d.snapshotMs?.() ?? 1500;
  const seesDomain = (c: Ctx, sd: LabStorageDomain): boolean =>
    !c.filtered || access.canSee(c.user, { type: 'storage_domain', id: sd.id });
  const seesVm = (c: Ctx, vm: LabVm): boolean =>
    !c.filtered || access.canSee(c.user, { type: 'vm', id: vm.id });

  const sdFields: SearchFields<LabStorageDomain> = {
    name: { kind: 'text', get: (x) => x.name },
  };
  app.get<{ Querystring: Query }>('/ovirt-engine/api/storagedomains', (req) => {
    const c = d.readable(req);
    const found = d.listed(
      req.query,
      domains().filter((sd) => seesDomain(c, sd)),
      sdFields,
    );
    return collection(
      'storage_domain',
      found.map((sd) => storageDomainJson(sd, !c.filtered)),
    );
  });
  app.get<{ Params: { id: string } }>('/ovirt-engine/api/storagedomains/:id', (req) => {
    const c = d.readable(req);
    const id = guidOr404(req.params.id, 'StorageDomain');
    const sd = domains().find((x) => x.id === id);
    if (!sd || !seesDomain(c, sd)) throw notFound(`StorageDomain: id=${id}`);
    return storageDomainJson(sd, !c.filtered);
  });

  const sdName = (id: string): string | undefined => domains().find((x) => x.id === id)?.name;
  const vmFields: SearchFields<LabVm> = {
    name: { kind: 'text', get: (x) => x.name },
    status: { kind: 'enum', get: (x) => x.status },
    'storage.name': {
      kind: 'text',
      get: (x) => x.disk_storage_domain_ids.map((i) => sdName(i) ?? ''),
    },
    cluster: {
      kind: 'text',
      get: (x) => lab.clusters.find((c) => c.id === x.cluster_id)?.name,
    },
  };
  app.get<{ Querystring: Query }>('/ovirt-engine/api/vms', (req) => {
    const c = d.readable(req);
    const found = d.listed(
      req.query,
      vms().filter((v) => seesVm(c, v)),
      vmFields,
    );
    return collection('vm', found.map(vmJson));
  });
  const vmOf = (c: Ctx, raw: string): LabVm => {
    const id = guidOr404(raw, 'VM');
    const vm = vms().find((x) => x.id === id);
    if (!vm || !seesVm(c, vm)) throw notFound(`VM: id=${id}`);
    return vm;
  };
  app.get<{ Params: { id: string } }>('/ovirt-engine/api/vms/:id', (req) =>
    vmJson(vmOf(d.readable(req), req.params.id)),
  );

  app.get<{ Params: { id: string } }>('/ovirt-engine/api/vms/:id/snapshots', (req) => {
    const vm = vmOf(d.readable(req), req.params.id);
    const now = Date.now();
    return collection('snapshot', [
      activeSnapshotJson(vm),
      ...snaps.of(vm.id, now).map((x) => snapshotJson(x, now)),
    ]);
  });
  app.get<{ Params: { id: string; sid: string } }>(
    '/ovirt-engine/api/vms/:id/snapshots/:sid',
    (req) => {
      const vm = vmOf(d.readable(req), req.params.id);
      const sid = guidOr404(req.params.sid, 'Snapshot');
      const now = Date.now();
      const sn = snaps.of(vm.id, now).find((x) => x.id === sid);
      if (!sn) throw notFound(`Snapshot: id=${sid}`);
      return snapshotJson(sn, now);
    },
  );

  /** The action's permission check (MultiLevelAdministrationHandler: the permit on the VM or above). */
  const mayManipulate = (c: Ctx, vm: LabVm): void => {
    if (!access.hasPermit(c.user, 'manipulate_vm_snapshots', { type: 'vm', id: vm.id }))
      throw new EngineFault(
        403,
        OPERATION_FAILED,
        '[User is not authorized to perform this action.]',
      );
  };

  interface SnapshotBody {
    description?: string;
    persist_memorystate?: string | boolean;
  }
  app.post<{ Params: { id: string }; Body: SnapshotBody | undefined }>(
    '/ovirt-engine/api/vms/:id/snapshots',
    (req, reply) => {
      const c = d.ctx(req);
      const vm = vmOf(c, req.params.id);
      const b = req.body ?? {};
      // BackendSnapshotsResource.add: validateParameters(snapshot, "description")
      if (!b.description)
        throw new EngineFault(
          400,
          'Incomplete parameters',
          'Snapshot [description] required for add',
        );
      mayManipulate(c, vm);
      const now = Date.now();
      if (snaps.of(vm.id, now).some((x) => now < x.ready_at || x.removed_at !== null))
        throw new EngineFault(
          409,
          OPERATION_FAILED,
          `[Cannot create Snapshot. Snapshot is currently being created for VM ${vm.name}.]`,
        );
      const fail = snaps.failNext.get(vm.id);
      if (fail !== undefined) {
        snaps.failNext.delete(vm.id);
        throw new EngineFault(400, OPERATION_FAILED, fail);
      }
      const memory = b.persist_memorystate === true || b.persist_memorystate === 'true';
      const sn: SnapshotRec = {
        id: randomUUID(),
        vm_id: vm.id,
        description: b.description,
        date: now,
        persist_memorystate: memory,
        ready_at: now + delay(),
        removed_at: null,
        created_by: c.user.id,
      };
      snaps.list.push(sn);
      return reply
        .code(201)
        .header('location', storageHrefs.snapshot(vm.id, sn.id))
        .send(snapshotJson(sn, now));
    },
  );

  app.delete<{ Params: { id: string; sid: string } }>(
    '/ovirt-engine/api/vms/:id/snapshots/:sid',
    (req) => {
      const c = d.ctx(req);
      const vm = vmOf(c, req.params.id);
      const sid = guidOr404(req.params.sid, 'Snapshot');
      const now = Date.now();
      const sn = snaps.of(vm.id, now).find((x) => x.id === sid);
      if (!sn) throw notFound(`Snapshot: id=${sid}`);
      mayManipulate(c, vm);
      if (sn.removed_at !== null || now < sn.ready_at)
        throw new EngineFault(
          409,
          OPERATION_FAILED,
          `[Cannot remove Snapshot. Snapshot is currently being created for VM ${vm.name}.]`,
        );
      sn.removed_at = now + delay();
      return {};
    },
  );
}
