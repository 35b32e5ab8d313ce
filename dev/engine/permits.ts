// The engine's permits (ActionGroup in ovirt-engine's common module), with the ids and the
// user/admin split the REST API shows under /roles/{id}/permits. Only the groups this project can
// meet are listed; a lab role naming a permit outside the list still gets one (see permitsOfRole).
import { createHash } from 'node:crypto';
import type { LabRole } from '../lab';

export interface Permit {
  /** ActionGroup id, as the REST API serialises it (a string). */
  id: number;
  /** The REST name: the ActionGroup name in lower case. */
  name: string;
  /** RoleType.ADMIN in the engine. */
  administrative: boolean;
}

const CATALOG: Permit[] = [
  { id: 1, name: 'create_vm', administrative: false },
  { id: 2, name: 'delete_vm', administrative: false },
  { id: 3, name: 'edit_vm_properties', administrative: false },
  { id: 4, name: 'vm_basic_operations', administrative: false },
  { id: 5, name: 'change_vm_cd', administrative: false },
  { id: 6, name: 'migrate_vm', administrative: false },
  { id: 7, name: 'connect_to_vm', administrative: false },
  { id: 8, name: 'import_export_vm', administrative: true },
  { id: 9, name: 'configure_vm_network', administrative: false },
  { id: 10, name: 'configure_vm_storage', administrative: false },
  { id: 11, name: 'move_vm', administrative: false },
  { id: 12, name: 'manipulate_vm_snapshots', administrative: false },
  { id: 13, name: 'reconnect_to_vm', administrative: false },
  { id: 100, name: 'create_host', administrative: true },
  { id: 101, name: 'edit_host_configuration', administrative: true },
  { id: 102, name: 'delete_host', administrative: true },
  { id: 103, name: 'manipulate_host', administrative: true },
  { id: 104, name: 'configure_host_network', administrative: true },
  { id: 200, name: 'create_template', administrative: false },
  { id: 201, name: 'edit_template_properties', administrative: false },
  { id: 202, name: 'delete_template', administrative: false },
  { id: 400, name: 'create_cluster', administrative: true },
  { id: 401, name: 'edit_cluster_configuration', administrative: true },
  { id: 402, name: 'delete_cluster', administrative: true },
  { id: 403, name: 'configure_cluster_network', administrative: true },
  { id: 500, name: 'manipulate_users', administrative: true },
  { id: 501, name: 'manipulate_roles', administrative: true },
  { id: 502, name: 'manipulate_permissions', administrative: false },
  { id: 600, name: 'create_storage_domain', administrative: true },
  { id: 601, name: 'edit_storage_domain_configuration', administrative: true },
  { id: 602, name: 'delete_storage_domain', administrative: true },
  { id: 603, name: 'manipulate_storage_domain', administrative: true },
  { id: 700, name: 'create_storage_pool', administrative: true },
  { id: 701, name: 'delete_storage_pool', administrative: true },
  { id: 702, name: 'edit_storage_pool_configuration', administrative: true },
  { id: 800, name: 'configure_engine', administrative: true },
  { id: 1000, name: 'create_gluster_volume', administrative: true },
  { id: 1001, name: 'manipulate_gluster_volume', administrative: true },
  { id: 1002, name: 'delete_gluster_volume', administrative: true },
  { id: 1300, name: 'login', administrative: false },
  // Needed to POST /events: on the system for a global event, else on the object the event names.
  { id: 1400, name: 'inject_external_events', administrative: true },
];

const BY_NAME = new Map(CATALOG.map((p) => [p.name, p]));

/** The permits a lab role grants; `*` (SuperUser) is every permit the engine knows. */
export function permitsOfRole(role: LabRole): Permit[] {
  if (role.permits.includes('*')) return [...CATALOG];
  return role.permits.map(
    (name) =>
      BY_NAME.get(name) ?? {
        // Not in the catalog: a stable made-up id above the engine's range, admin as its role.
        id: 100_000 + (createHash('sha256').update(name).digest().readUInt16BE(0) % 100_000),
        name,
        administrative: role.administrative,
      },
  );
}

export function roleHasPermit(role: LabRole, permit: string): boolean {
  return role.permits.includes('*') || role.permits.includes(permit);
}
