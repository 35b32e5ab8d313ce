// The programs the non-root preparation runs as root on secondary nodes (server/mountbroker/),
// simulated over a small model of each node: accounts, glusterd.vol's mountbroker options (what
// glusterd will read at its next start), files. Answers as the real programs do
// (peer_mountbroker.py.in's tables, getent/id/test exit codes, set_geo_rep_pem_keys.sh's words).
import type { ExecOptions, ExecResult } from '../../../server/gluster/exec';
import type { ProgramExec } from '../../../server/gluster/probe';
import type { World } from './world';

export interface SimSecondaryNode {
  groups: Set<string>;
  /** user -> its groups and home */
  users: Map<string, { groups: Set<string>; home: string }>;
  /** glusterd.vol's mountbroker options. */
  vol: { root: string | null; group: string | null; users: Map<string, Set<string>> };
  up: boolean;
  files: Set<string>;
  glusterdRestarts: number;
  /** Its trusted pool: gluster-mountbroker acts on the peers of the node it runs on. */
  pool?: string;
  /** What glusterd loaded at its last start: user -> volumes (it reads glusterd.vol at start only). */
  loaded: Map<string, Set<string>>;
}

export function simSecondaryNode(): SimSecondaryNode {
  return {
    groups: new Set(['root']),
    users: new Map(),
    vol: { root: null, group: null, users: new Map() },
    up: true,
    files: new Set(['/usr/libexec/glusterfs/set_geo_rep_pem_keys.sh']),
    glusterdRestarts: 0,
    loaded: new Map(),
  };
}

/** A pool of secondary nodes; `gluster-mountbroker` acts on every node of it, as execute_in_peers. */
export function simSecondaryRoot(
  nodes: Map<string, SimSecondaryNode>,
  pushedPem?: (node: string, file: string) => boolean,
): ProgramExec & { log: string[] } {
  const log: string[] = [];
  const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', code: 0 });
  const fail = (code: number, stderr = '', stdout = ''): ExecResult => ({ stdout, stderr, code });
  const table = (head: string[], rows: string[][]): string => {
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
    const line = `+${w.map((n) => '-'.repeat(n)).join('+')}+`;
    const row = (r: string[]) => `|${r.map((c, i) => ` ${c.padEnd(w[i]! - 1)}`).join('|')}|`;
    return [line, row(head), line, ...rows.map(row), line].join('\n') + '\n';
  };
  return {
    log,
    runProgram(node: string, program: string, argv: readonly string[], _o: ExecOptions) {
      log.push(`${node}: ${program} ${argv.join(' ')}`);
      const n = nodes.get(node);
      if (!n) return Promise.resolve(fail(255, `ssh: Could not resolve hostname ${node}`));
      const a = [...argv];
      const all = [...nodes.entries()].filter(([, x]) => x.pool === n.pool);
      switch (program) {
        case 'getent':
          if (a[0] === 'group')
            return Promise.resolve(n.groups.has(a[1]!) ? ok(`${a[1]}:x:1001:\n`) : fail(2));
          if (a[0] === 'passwd') {
            const u = n.users.get(a[1]!);
            return Promise.resolve(u ? ok(`${a[1]}:x:1001:1001::${u.home}:/bin/bash\n`) : fail(2));
          }
          return Promise.resolve(fail(1));
        case 'id': {
          const u = n.users.get(a[1]!);
          return Promise.resolve(
            u ? ok(`${[...u.groups].join(' ')}\n`) : fail(1, `id: '${a[1]}': no such user\n`),
          );
        }
        case 'test':
          return Promise.resolve(n.files.has(a[1]!) || pushedPem?.(node, a[1]!) ? ok() : fail(1));
        case 'systemctl':
          if (a.join(' ') !== 'restart glusterd') return Promise.resolve(fail(1));
          n.glusterdRestarts++;
          n.loaded = new Map([...n.vol.users].map(([u, v]) => [u, new Set(v)]));
          return Promise.resolve(ok());
        case 'gluster':
          return Promise.resolve(
            a.join(' ') === '--mode=script volume list' ? ok('vol\n') : fail(1),
          );
        case 'gluster-mountbroker': {
          if (a[0] === 'status') {
            return Promise.resolve(
              ok(
                table(
                  ['NODE', 'NODE STATUS', 'MOUNT ROOT', 'GROUP', 'USERS'],
                  all.map(([name, x]) => {
                    const users = [...x.vol.users]
                      .filter(([, v]) => v.size)
                      .map(([u, v]) => `${u}(${[...v].join(', ')})`)
                      .join(' ');
                    return [
                      name === node ? 'localhost' : name,
                      x.up ? 'UP' : 'DOWN',
                      x.up && x.vol.root
                        ? `${x.vol.root}(${x.files.has(x.vol.root) ? 'OK' : 'NOT OK'})`
                        : 'None',
                      x.up && x.vol.group
                        ? `${x.vol.group}(${x.groups.has(x.vol.group) ? 'OK' : 'NOT OK'})`
                        : x.up
                          ? '(NOT OK)' // as Gluster 10.3 prints a node never set up
                          : 'None',
                      x.up && users ? users : 'None',
                    ];
                  }),
                ),
              ),
            );
          }
          const rows: string[][] = [];
          for (const [name, x] of all) {
            let st = 'OK';
            if (!x.up) st = 'N/A';
            else if (a[0] === 'setup') {
              // NodeSetup: "User Group not exists" when getent group fails
              if (!x.groups.has(a[2]!)) st = 'NOT OK: User Group not exists';
              else {
                x.files.add(a[1]!);
                x.vol.root = a[1]!;
                x.vol.group = a[2]!;
              }
            } else if (a[0] === 'add') {
              if (!x.vol.group) st = 'NOT OK: Group is not available';
              else {
                const set = x.vol.users.get(a[2]!) ?? new Set<string>();
                set.add(a[1]!);
                x.vol.users.set(a[2]!, set);
              }
            } else return Promise.resolve(fail(2, 'usage: gluster-mountbroker ...'));
            rows.push([name === node ? 'localhost' : name, x.up ? 'UP' : 'DOWN', st]);
          }
          return Promise.resolve(
            ok(
              table(['NODE', 'NODE STATUS', `${a[0] === 'setup' ? 'SETUP' : 'ADD'} STATUS`], rows),
            ),
          );
        }
        default:
          if (program.endsWith('/set_geo_rep_pem_keys.sh') && n.files.has(program)) {
            const [user, pvol, svol] = a;
            const u = n.users.get(user!);
            if (!u) return Promise.resolve(fail(1, '', `No user ${user} found\n`));
            const pem = `${u.home}/${pvol}_${svol}_common_secret.pem.pub`;
            if (!n.files.has(pem) && !pushedPem?.(node, pem))
              return Promise.resolve(
                fail(
                  1,
                  '',
                  `${u.home}/common_secret.pem.pub not present. Please run geo-replication command on primary with push-pem option to generate the file\n`,
                ),
              );
            for (const [, x] of all) x.files.add(`authorized_keys:${user}:${pvol}_${svol}`);
            return Promise.resolve(ok());
          }
          return Promise.resolve(fail(127, `${program}: command not found\n`));
      }
    },
  };
}

/**
 * The secondary root over the simulated world: one node model per Gluster host of a pool, its
 * accounts from the host's users (and `groups`), glusterd.vol empty; the world asks it whether a
 * non-root session's user can mount its volume and has its keys (World.mountbrokerOracle), and
 * create push-pem's file appears in the user's home once such a session exists.
 */
export function simSecondaryRootForWorld(
  world: World,
  groups: Record<string, string[]> = {},
): ProgramExec & { log: string[]; nodes: Map<string, SimSecondaryNode> } {
  const nodes = new Map<string, SimSecondaryNode>();
  // Only the hosts of the lab's clusters: the service reaches them as root (engine hosts); a remote
  // outside the engine is prepared by its own administrator, and is not modelled here.
  for (const h of world.hosts.values()) {
    if (!h.poolId || h.remote) continue;
    const n = simSecondaryNode();
    n.pool = h.poolId;
    for (const g of groups[h.address] ?? []) n.groups.add(g);
    for (const u of h.users)
      n.users.set(u, {
        groups: new Set([u, ...(groups[h.address] ?? [])]),
        home: u === 'root' ? '/root' : `/home/${u}`,
      });
    nodes.set(h.address, n);
  }
  const pushedPem = (node: string, file: string): boolean =>
    world.sessions.some((s) => {
      const home = nodes.get(node)?.users.get(s.user)?.home;
      return (
        s.host === node &&
        s.user !== 'root' &&
        file === `${home}/${s.pvol}_${s.svol}_common_secret.pem.pub`
      );
    });
  world.mountbrokerOracle = (host, user, volume) => {
    const n = nodes.get(host);
    if (!n) return { mounts: true, keys: true };
    return {
      mounts: n.loaded.get(user)?.has(volume) ?? false,
      keys: [...n.files].some(
        (f) => f.startsWith(`authorized_keys:${user}:`) && f.endsWith(`_${volume}`),
      ),
    };
  };
  const exec = simSecondaryRoot(nodes, pushedPem);
  return Object.assign(exec, { nodes });
}
