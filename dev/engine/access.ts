// Who may see and do what, as the engine decides it from the lab's permissions (paths are in
// oVirt/ovirt-engine):
// - a permission on an object applies to it and to everything below it
//   (system > data center > cluster > host / Gluster volume);
// - in filtered mode an object is visible through a permission of a USER-type role only
//   (roles.role_type = 2): packaging/dbscripts/create_views.sql, user_cluster_permissions_view_base,
//   user_storage_pool_permissions_view_base, user_vds_permissions_view_base all join with
//   `role_type = 2`. An administrator whose rights are admin roles (GlusterAdmin, ReadOnlyAdmin,
//   ClusterAdmin, SuperUser: role_type 1 in packaging/dbscripts/data/00500_insert_roles.sql) sees
//   nothing there: admins read unfiltered (api.ts);
// - a user is an "admin" (DbUser.isAdmin) when any of their roles, or their groups', is of the
//   ADMIN type (CreateUserSessionCommand.executeCommand → GetAnyAdminRoleByUserIdAndGroupIds in
//   multi_level_administration_sp.sql: `role_type = 1`); only admins may run unfiltered queries
//   (QueriesCommandBase.validatePermissions), and an unfiltered query is no search by user: it
//   returns every object;
// - the engine lets a session in only when one of the user's roles has the `login` permit;
// - a permission given to a group counts for every member (engine_session_user_flat_groups: the
//   user, the user's groups and Everyone).
import type { Lab, LabPermission, LabRole, LabUser } from '../lab';

/** The engine's Everyone group (Guid.EVERYONE). */
export const EVERYONE = 'eee00000-0000-0000-0000-123456789eee';
import { roleHasPermit } from './permits';

export type ObjectRef =
  | { type: 'system' }
  | { type: 'data_center'; id: string }
  | { type: 'cluster'; id: string }
  | { type: 'host'; id: string }
  | { type: 'gluster_volume'; id: string };

const keyOf = (on: LabPermission['on']): string =>
  on.type === 'system' ? 'system' : `${on.type}:${on.id}`;

export class Access {
  constructor(private readonly lab: Lab) {}

  /** The ids a user's permissions may be given to: the user, the user's groups, Everyone. */
  principalsOf(userId: string): string[] {
    const groups = (this.lab.groups ?? []).filter((g) => g.members.includes(userId));
    return [userId, ...groups.map((g) => g.id), EVERYONE];
  }

  /** The user's permissions, their groups' included (GetPermissionsOnBehalfByAdElementId). */
  permissionsOf(userId: string): LabPermission[] {
    const mine = new Set(this.principalsOf(userId));
    return this.lab.permissions.filter((p) => mine.has(p.user_id ?? p.group_id ?? ''));
  }

  /**
   * Permissions on a cluster, its data center and the system (GetPermissionsForObject with its
   * inherited ones, fn_get_entity_parents). Filtered: the direct ones only when the user holds one
   * there (GetUserPermissionsByEntityId), the inherited ones only the user's own.
   */
  clusterTree(clusterId: string, user: LabUser | null): LabPermission[] {
    const keys = new Set(this.ancestry({ type: 'cluster', id: clusterId }));
    const tree = this.lab.permissions.filter((p) => keys.has(keyOf(p.on)));
    if (!user) return tree;
    const mine = new Set(this.principalsOf(user.id));
    const own = (p: LabPermission): boolean => mine.has(p.user_id ?? p.group_id ?? '');
    const direct = tree.filter((p) => keyOf(p.on) === `cluster:${clusterId}`);
    const seesDirect = direct.some(own);
    return tree.filter((p) => own(p) || (seesDirect && direct.includes(p)));
  }

  /** Permissions on the system object (BackendSystemPermissionsResource), filtered as clusterTree. */
  systemPermissions(user: LabUser | null): LabPermission[] {
    const all = this.lab.permissions.filter((p) => p.on.type === 'system');
    if (!user) return all;
    const mine = new Set(this.principalsOf(user.id));
    const own = (p: LabPermission): boolean => mine.has(p.user_id ?? p.group_id ?? '');
    return all.some(own) ? all : [];
  }

  role(id: string): LabRole | undefined {
    return this.lab.roles.find((r) => r.id === id);
  }

  private rolesOf(userId: string): LabRole[] {
    return this.permissionsOf(userId).flatMap((p) => {
      const r = this.role(p.role_id);
      return r ? [r] : [];
    });
  }

  /** DbUser.isAdmin: any ADMIN-type role (role_type 1), the user's own or a group's, anywhere. */
  isAdmin(user: LabUser): boolean {
    return this.rolesOf(user.id).some((r) => r.administrative);
  }

  canLogin(user: LabUser): boolean {
    return this.rolesOf(user.id).some((r) => roleHasPermit(r, 'login'));
  }

  /** The permission keys that apply to an object: its own and its ancestors'. */
  private ancestry(obj: ObjectRef): string[] {
    switch (obj.type) {
      case 'system':
        return ['system'];
      case 'data_center':
        return ['system', `data_center:${obj.id}`];
      case 'cluster': {
        const c = this.lab.clusters.find((x) => x.id === obj.id);
        const dc = c ? [`data_center:${c.data_center_id}`] : [];
        return ['system', ...dc, `cluster:${obj.id}`];
      }
      case 'host': {
        const h = this.lab.hosts.find((x) => x.id === obj.id);
        const up = h ? this.ancestry({ type: 'cluster', id: h.cluster_id }) : ['system'];
        return [...up, `host:${obj.id}`];
      }
      case 'gluster_volume': {
        const v = this.lab.volumes.find((x) => x.id === obj.id);
        const up = v ? this.ancestry({ type: 'cluster', id: v.cluster_id }) : ['system'];
        return [...up, `gluster_volume:${obj.id}`];
      }
    }
  }

  /** Whether a role with `permit` applies to the object (directly or inherited). */
  hasPermit(user: LabUser, permit: string, obj: ObjectRef): boolean {
    const keys = new Set(this.ancestry(obj));
    return this.permissionsOf(user.id).some((p) => {
      const r = this.role(p.role_id);
      return r !== undefined && keys.has(keyOf(p.on)) && roleHasPermit(r, permit);
    });
  }

  /**
   * Whether the object shows up for the user in filtered mode: through a permission of a user-type
   * role (create_views.sql, the user_*_permissions_view_base views). Gluster volumes have no such
   * view: a filtered volume list is the cluster's, once the cluster is visible (api.ts).
   */
  canSee(user: LabUser, obj: ObjectRef): boolean {
    const mine = this.permissionsOf(user.id);
    const userType = (p: LabPermission): boolean => this.role(p.role_id)?.administrative === false;
    const on = (keys: Set<string>, p: LabPermission): boolean => keys.has(keyOf(p.on));
    const keys = new Set(this.ancestry(obj));
    if (obj.type === 'data_center') {
      // user_storage_pool_permissions_view_base: "Or the object is a cluster in the data center".
      for (const c of this.lab.clusters)
        if (c.data_center_id === obj.id) keys.add(`cluster:${c.id}`);
    }
    if (obj.type === 'host') {
      // user_vds_permissions_view_base joins `(object_id = cluster_id AND object_type_id = 9) OR
      // (object_id = storage_pool_id AND object_type_id = 14) AND role_type = 2`: AND binds before
      // OR, so a permission on the host's cluster shows the host whatever the role's type.
      const h = this.lab.hosts.find((x) => x.id === obj.id);
      if (h && mine.some((p) => keyOf(p.on) === `cluster:${h.cluster_id}`)) return true;
    }
    return mine.some((p) => userType(p) && on(keys, p));
  }
}
