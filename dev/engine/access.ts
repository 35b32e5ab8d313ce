// Who may see and do what, as the engine decides it from the lab's permissions:
// - a permission on an object applies to it and to everything below it
//   (system > data center > cluster > host / Gluster volume);
// - in filtered mode an object is visible when any permission applies to it; a data center is also
//   visible through a permission on one of its clusters, as the engine's filtered views do;
// - a user is an "admin" (DbUser.isAdmin) when any of their roles is administrative; only admins
//   may run unfiltered queries;
// - the engine lets a session in only when one of the user's roles has the `login` permit.
import type { Lab, LabPermission, LabRole, LabUser } from '../lab';
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

  permissionsOf(userId: string): LabPermission[] {
    return this.lab.permissions.filter((p) => p.user_id === userId);
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

  /** Whether the object shows up for the user in filtered mode. */
  canSee(user: LabUser, obj: ObjectRef): boolean {
    const keys = new Set(this.ancestry(obj));
    if (obj.type === 'data_center') {
      for (const c of this.lab.clusters)
        if (c.data_center_id === obj.id) keys.add(`cluster:${c.id}`);
    }
    return this.permissionsOf(user.id).some((p) => keys.has(keyOf(p.on)));
  }
}
