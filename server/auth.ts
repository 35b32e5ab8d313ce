// Who is calling and what they may do, always as the engine says: the bearer token is checked with
// `GET api`, cluster visibility with `GET api/clusters/{id}` (Filter: true), and the right to act
// with the user's permissions and their roles' permits. Results are cached briefly per token.
import { CoalescingCache } from './cache';
import type {
  EngineClient,
  EngineCluster,
  EnginePermission,
  EngineRole,
  EngineUser,
} from './engine';
import { forbidden, notFound, unauthorized } from './errors';

/** The permit oVirt requires for every geo-replication action (ActionGroup.MANIPULATE_GLUSTER_VOLUME). */
export const MANAGE_PERMIT = 'manipulate_gluster_volume';

export interface Principal {
  token: string;
  user: EngineUser;
}

export interface ManageAccess {
  can_manage: boolean;
  /** Plain words: which role grants it, or why nothing does. */
  reason: string;
}

export interface AuthOptions {
  /** How long a checked token is trusted (≤ 30 s). */
  tokenTtlMs?: number;
  /** How long permissions, roles and cluster visibility are reused. */
  permissionTtlMs?: number;
}

interface Grant {
  permission: EnginePermission;
  role: EngineRole;
}

export class AccessControl {
  private readonly tokens: CoalescingCache<EngineUser>;
  private readonly grants: CoalescingCache<Grant[]>;
  private readonly clusters: CoalescingCache<EngineCluster | null>;

  constructor(
    private readonly engine: EngineClient,
    opts: AuthOptions = {},
  ) {
    this.tokens = new CoalescingCache(Math.min(opts.tokenTtlMs ?? 30_000, 30_000));
    const ttl = opts.permissionTtlMs ?? 10_000;
    this.grants = new CoalescingCache(ttl);
    this.clusters = new CoalescingCache(ttl);
  }

  /** The principal for an `Authorization` header, or a 401. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) {
      throw unauthorized(
        authorization
          ? 'The Authorization header must be "Bearer <token>" with the SSO token of your Administration Portal session.'
          : 'This service needs the SSO token of your Administration Portal session (Authorization: Bearer <token>).',
      );
    }
    const token = m[1]!;
    const user = await this.tokens.get(token, () => this.engine.whoami(token));
    return { token, user };
  }

  /** The cluster as the engine shows it to this user; 404 when it does not, or when it has no Gluster service. */
  async readableCluster(p: Principal, clusterId: string): Promise<EngineCluster> {
    const c = await this.clusters.get(`${p.token}\n${clusterId}`, () =>
      this.engine.cluster(p.token, clusterId),
    );
    if (!c)
      throw notFound(`Cluster ${clusterId} does not exist, or you have no permission to see it.`);
    if (!c.gluster_service) {
      throw notFound(
        `Cluster ${c.name} has no Gluster service, so it has no geo-replication sessions.`,
      );
    }
    return c;
  }

  /** Whether the user holds `manipulate_gluster_volume` on the cluster, its data center or the system. */
  async manageAccess(p: Principal, cluster: EngineCluster): Promise<ManageAccess> {
    const grants = await this.grants.get(p.token, () => this.loadGrants(p));
    const applies = (g: Grant): string | null => {
      const t = g.permission.target;
      if (t.type === 'system') return 'the system';
      if (t.type === 'cluster' && t.id === cluster.id) return `cluster ${cluster.name}`;
      if (t.type === 'data_center' && t.id === cluster.data_center_id)
        return `the data center of cluster ${cluster.name}`;
      return null;
    };
    const canAct = (r: EngineRole): boolean =>
      r.permits.includes(MANAGE_PERMIT) || r.permits.includes('*');
    for (const g of grants) {
      const on = applies(g);
      if (on && canAct(g.role)) {
        return {
          can_manage: true,
          reason: `${p.user.user_name} has the ${g.role.name} role on ${on}.`,
        };
      }
    }
    const held = grants
      .map((g) => ({ on: applies(g), role: g.role.name }))
      .filter((x): x is { on: string; role: string } => x.on !== null)
      .map((x) => `${x.role} on ${x.on}`);
    const has = held.length ? ` Your roles there (${held.join(', ')}) only allow viewing.` : '';
    return {
      can_manage: false,
      reason:
        `${p.user.user_name} may view the geo-replication sessions of cluster ${cluster.name} but not change them:` +
        ` that needs a role with the "${MANAGE_PERMIT}" permit (for example GlusterAdmin) on the cluster, its data center or the system.${has}`,
    };
  }

  /** 403 with the reason unless the user may act on the cluster. */
  async requireManage(p: Principal, cluster: EngineCluster): Promise<void> {
    const a = await this.manageAccess(p, cluster);
    if (!a.can_manage) throw forbidden(a.reason);
  }

  private async loadGrants(p: Principal): Promise<Grant[]> {
    const perms = await this.engine.userPermissions(p.token, p.user.id);
    const roleIds = [...new Set(perms.map((x) => x.role_id).filter(Boolean))];
    const roles = new Map<string, EngineRole>();
    await Promise.all(
      roleIds.map(async (id) => {
        roles.set(id, await this.engine.role(p.token, id));
      }),
    );
    return perms.flatMap((permission) => {
      const role = roles.get(permission.role_id);
      return role ? [{ permission, role }] : [];
    });
  }
}
