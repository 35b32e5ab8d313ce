// The simulator's RemoteGluster (provision.ts): "run gluster on remote R from cluster host N",
// answered from the simulated world the way ssh on N and Gluster on R answer. ssh's own failures
// exit 255 with ssh's words (name not resolving, no route, connection refused, permission
// denied), a remote without Gluster exits 127, and the gluster argv runs through the same CLI
// interpreter as every other command, in R's trusted pool. The directory script is answered from
// the world's directories (DirRec): the same key=value lines the real script prints.
import {
  GlusterUnreachableError,
  type ExecOptions,
  type ExecResult,
} from '../../../server/gluster/exec';
import type {
  DirectoryAction,
  RemoteGluster,
  RemoteLogin,
} from '../../../server/gluster/provision';
import { runCli } from './cli';
import type { GlusterSimulator } from './simulator';
import { SIM_FILESYSTEM, type HostRec } from './world';

const parentPath = (p: string): string =>
  p.lastIndexOf('/') <= 0 ? '/' : p.slice(0, p.lastIndexOf('/'));

export class SimRemoteGluster implements RemoteGluster {
  constructor(private readonly sim: GlusterSimulator) {}

  gluster(
    node: string,
    remote: RemoteLogin,
    argv: readonly string[],
    _opts: ExecOptions,
  ): Promise<ExecResult> {
    return this.answer(() => {
      const r = this.login(node, remote);
      if ('code' in r) return r;
      if (!r.poolId)
        return { stdout: '', stderr: 'bash: line 1: gluster: command not found\n', code: 127 };
      return runCli(this.sim.world, r, argv);
    });
  }

  directory(
    node: string,
    remote: RemoteLogin,
    action: DirectoryAction,
    path: string,
    _opts: ExecOptions,
  ): Promise<ExecResult> {
    return this.answer(() => this.runDirectory(node, remote, action, path));
  }

  private runDirectory(
    node: string,
    remote: RemoteLogin,
    action: DirectoryAction,
    path: string,
  ): ExecResult {
    const r = this.login(node, remote);
    if ('code' in r) return r;
    if (!path.startsWith('/'))
      return { stdout: '', stderr: `not an absolute path: ${path}\n`, code: 2 };
    const w = this.sim.world;
    const out: string[] = [];
    if (action === 'create' && !w.dir(r.address, path)) {
      w.makeDir(r.address, path);
      out.push('created=1');
    }
    const d = w.dir(r.address, path);
    if (!d) out.push('state=missing');
    else if (d.file) out.push('state=not_directory');
    else {
      const n = d.entries + (d.glusterMeta ? 1 : 0);
      out.push(`state=${n === 0 ? 'empty' : 'not_empty'}`, `entries=${n}`);
    }
    for (let p = path; ; p = parentPath(p)) {
      const x = w.dirs.get(`${r.address}\n${p}`);
      if (x?.volumeId) {
        out.push(`volume_id=0x${x.volumeId}`, `volume_id_at=${p}`);
        break;
      }
      if (p === '/') break;
    }
    out.push(
      `fs_kb=${SIM_FILESYSTEM.sizeBytes / 1024}`,
      `fs_free_kb=${SIM_FILESYSTEM.freeBytes / 1024}`,
    );
    return { stdout: out.join('\n') + '\n', stderr: '', code: 0 };
  }

  /** A result, or the outer hop's failure, as a settled promise. */
  private answer(f: () => ExecResult): Promise<ExecResult> {
    try {
      return Promise.resolve(f());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** The outer hop (service -> cluster host), then ssh from it to the remote. */
  private login(node: string, remote: RemoteLogin): HostRec | ExecResult {
    this.sim.tick();
    const w = this.sim.world;
    const from = w.host(node);
    if (!from || from.remote) {
      throw new GlusterUnreachableError(
        node,
        `ssh: Could not resolve hostname ${node}: Name or service not known`,
      );
    }
    if (!w.reachable(from))
      throw new GlusterUnreachableError(
        node,
        `ssh: connect to host ${node} port ${from.sshPort}: No route to host`,
      );
    const name = remote.host.toLowerCase().replace(/\.$/, '');
    const r = w.hosts.get(name) ?? [...w.hosts.values()].find((h) => h.name.toLowerCase() === name);
    const ssh = (stderr: string): ExecResult => ({
      stdout: '',
      stderr: `${stderr}\r\n`,
      code: 255,
    });
    if (!r) return ssh(`ssh: Could not resolve hostname ${remote.host}: Name or service not known`);
    if (!w.reachable(r))
      return ssh(`ssh: connect to host ${remote.host} port ${remote.port}: No route to host`);
    if (r.sshPort !== remote.port)
      return ssh(`ssh: connect to host ${remote.host} port ${remote.port}: Connection refused`);
    if (!r.users.includes(remote.user) || !w.sshTrusted(remote.user, r.address)) {
      return ssh(`${remote.user}@${remote.host}: Permission denied (publickey,password).`);
    }
    return r;
  }
}

/** The simulator's answer to "run gluster on a remote host from a cluster host". */
export function simRemoteGluster(sim: GlusterSimulator): RemoteGluster {
  return new SimRemoteGluster(sim);
}
