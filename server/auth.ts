// Who is calling and what they may do, always as the engine says: the bearer token is checked with
// `GET api`, cluster visibility with `GET api/clusters/{id}` read as WebAdmin reads it (no Filter:
// an admin sees every cluster, as in WebAdmin; src/georep/engineRead.ts), and the right to act as
// the engine's own Gluster commands decide it (GlusterCommandBase.getPermissionCheckSubjects: the
// cluster, with the permit checked on the cluster, its data center or the system). Seeing a
// cluster never lets anyone act on it. Reads are cached briefly per token; an action always asks
// the engine afresh.
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
  /** When the engine gave this answer (ISO 8601): reads may reuse it for a few seconds. */
  checked_at: string;
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
  /** Where it applies, in words: "cluster X", "the data center of cluster X", "the system". */
  on: string;
}

interface Grants {
  grants: Grant[];
  at: Date;
}

export class AccessControl {
  private readonly tokens: CoalescingCache<EngineUser>;
  private readonly grants: CoalescingCache<Grants>;
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

  /**
   * Whether the user holds `manipulate_gluster_volume` on the cluster, its data center or the
   * system, directly or through a group. `fresh` asks the engine now (every action does: no
   * action runs on a cached answer, nor at all when the engine cannot be asked).
   */
  async manageAccess(
    p: Principal,
    cluster: EngineCluster,
    o: { fresh?: boolean } = {},
  ): Promise<ManageAccess> {
    const key = `${p.token}\n${cluster.id}`;
    const load = () => this.loadGrants(p, cluster);
    let loaded: Grants;
    if (o.fresh) {
      loaded = await load();
      this.grants.invalidate(key);
    } else loaded = await this.grants.get(key, load);
    const { grants, at } = loaded;
    const checked_at = at.toISOString();
    const canAct = (r: EngineRole): boolean =>
      r.permits.includes(MANAGE_PERMIT) || r.permits.includes('*');
    const via = (g: Grant): string =>
      g.permission.holder?.type === 'group' ? ' through one of their groups' : '';
    const grant = grants.find((g) => canAct(g.role));
    if (grant) {
      return {
        can_manage: true,
        reason: `${p.user.display_name} has the ${grant.role.name} role on ${grant.on}${via(grant)}.`,
        checked_at,
      };
    }
    const held = grants.map((g) => `${g.role.name} on ${g.on}${via(g)}`);
    const has = held.length ? ` Your roles there (${held.join(', ')}) only allow viewing.` : '';
    return {
      can_manage: false,
      reason:
        `${p.user.display_name} may view the geo-replication sessions of cluster ${cluster.name} but not change them:` +
        ` that needs a role with the "${MANAGE_PERMIT}" permit (for example GlusterAdmin) on the cluster, its data center or the system` +
        ` (a role on one Gluster volume or another object does not count).${has}`,
      checked_at,
    };
  }

  /** 403 with the reason unless the user may act on the cluster. */
  async requireManage(p: Principal, cluster: EngineCluster): Promise<void> {
    const a = await this.manageAccess(p, cluster, { fresh: true });
    if (!a.can_manage) throw forbidden(a.reason);
  }

  /**
   * The user's permissions that apply to the cluster: those the engine lists both among the
   * user's own (the user's and the user's groups') and among the cluster's (the cluster, its data
   * center, the system; an admin reads everyone's there). Matching by permission id, another
   * user's permission never counts, and nothing the REST mapper leaves unnamed (a Gluster volume,
   * a network...) can pass for the system.
   */
  private async loadGrants(p: Principal, cluster: EngineCluster): Promise<Grants> {
    const at = new Date();
    const [mine, onCluster] = await Promise.all([
      this.engine.userPermissions(p.token, p.user.id),
      this.engine.clusterPermissions(p.token, cluster.id),
    ]);
    const tree = new Set(onCluster.map((x) => x.id).filter(Boolean));
    const applicable = mine.filter((x) => x.id && tree.has(x.id));
    const roleIds = [...new Set(applicable.map((x) => x.role_id).filter(Boolean))];
    const roles = new Map<string, EngineRole>();
    await Promise.all(
      roleIds.map(async (id) => {
        roles.set(id, await this.engine.role(p.token, id));
      }),
    );
    const grants = applicable.flatMap((permission): Grant[] => {
      const role = roles.get(permission.role_id);
      const t = permission.target;
      const on =
        t.type === 'cluster' && t.id === cluster.id
          ? `cluster ${cluster.name}`
          : t.type === 'data_center' && t.id === cluster.data_center_id
            ? `the data center of cluster ${cluster.name}`
            : t.type === 'unnamed'
              ? // Unnamed in the user's list and on the cluster's tree: the system.
                'the system'
              : null;
      return role && on ? [{ permission, role, on }] : [];
    });
    return { grants, at };
  }
}
