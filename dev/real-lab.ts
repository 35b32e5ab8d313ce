// `npm start` on REAL Gluster: the lab of `bash lab/gluster-lab.sh up` (one machine: glusterd, a
// private sshd, volumes georep-primary and georep-secondary) behind the same engine emulator and
// WebAdmin stand-in. The engine lab is written from lab/lab.env, and the geo-rep service is wired
// exactly as server/main.ts wires it on an engine machine: Gluster over SSH to the cluster host
// (ssh2, host key checked), passwordless SSH checked and set up from that host (RealSshTrust), a
// directory target provisioned over the host's own ssh.
//
// One machine plays two roles. The engine knows the cluster host by its loopback address
// (127.0.0.1, where the lab's sshd listens), and the user names the remote by the machine's host
// name (LAB_HOST, the name Gluster's peers and bricks use). So the product's own rule "the secondary
// must not be a host of the primary's cluster" holds, as it does for two real machines, and the
// session Gluster creates is the one the contract suite creates (LAB_HOST::georep-secondary).
import fs from 'node:fs';
import path from 'node:path';
import { defaultLab, LAB_IDS, type Lab } from './lab';
import { execProbe, type NodeProbe } from '../server/gluster/probe';
import { createGlusterClient } from '../server/gluster/client';
import { sshExec } from '../server/gluster/exec-ssh';
import {
  sshHostShell,
  sshRemoteGluster,
  type HostShell,
  type RemoteGluster,
} from '../server/gluster/provision';
import type { GlusterExec } from '../server/gluster/exec';
import type { GlusterClient } from '../server/gluster/types';
import { KnownHosts, knownHostsName, parsePublicKey } from '../server/ssh/keys';
import type { HostKeyPolicy } from '../server/ssh/host-trust';
import { RealSshTrust, type SshLog } from '../server/ssh/real';

export const LAB_ENV_FILE = path.resolve(__dirname, '..', 'lab', 'lab.env');
/** The gluster cluster of the demo lab, reused (with its permissions) for the real lab. */
export const LAB_CLUSTER_ID = LAB_IDS.clusterProd;
export const LAB_NODE = '127.0.0.1';
const GiB = 1024 ** 3;

export type LabEnv = Record<string, string>;

export function readLabEnv(file = LAB_ENV_FILE): LabEnv {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${file} is missing: the real Gluster lab is not up. Run \`bash lab/gluster-lab.sh up\` first (as root).`,
    );
  }
  const out: LabEnv = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

export function need(env: LabEnv, name: string): string {
  const v = env[name];
  if (!v) throw new Error(`lab/lab.env has no ${name}; run \`bash lab/gluster-lab.sh up\` again`);
  return v;
}

/** The lab's sshd key, as known_hosts has it for [LAB_HOST]:port. */
function labHostKey(env: LabEnv): string {
  const host = need(env, 'LAB_HOST');
  const port = Number(need(env, 'LAB_SSH_PORT'));
  const name = knownHostsName(host, port);
  for (const line of fs.readFileSync(need(env, 'LAB_SSH_KNOWN_HOSTS'), 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] === name && f.length >= 3) {
      const k = parsePublicKey(`${f[1]} ${f[2]}`);
      if (k) return k.text;
    }
  }
  throw new Error(`${need(env, 'LAB_SSH_KNOWN_HOSTS')} has no key for ${name}`);
}

/**
 * The demo lab with its gluster-prod cluster replaced by the real one: one Up host (this machine)
 * and the lab's primary volume. The virt cluster and the users, roles and permissions stay; the DR
 * cluster and the simulator's remote machines go (nothing real answers for them).
 */
export function realLab(env: LabEnv): Lab {
  const lab = defaultLab();
  const port = Number(need(env, 'LAB_SSH_PORT'));
  const publicKey = labHostKey(env);
  const hostId = 'acf97fe0-7003-36bc-b7b9-cc493edb80e0';
  lab.clusters = lab.clusters
    .filter((c) => c.id !== LAB_IDS.clusterDr)
    .map((c) => (c.id === LAB_CLUSTER_ID ? { ...c, name: 'gluster-lab' } : c));
  lab.data_centers = lab.data_centers.filter((d) =>
    lab.clusters.some((c) => c.data_center_id === d.id),
  );
  lab.hosts = [
    ...lab.hosts.filter(
      (h) => h.cluster_id !== LAB_IDS.clusterProd && h.cluster_id !== LAB_IDS.clusterDr,
    ),
    {
      id: hostId,
      name: 'lab1',
      address: LAB_NODE,
      cluster_id: LAB_CLUSTER_ID,
      status: 'up',
      ssh_port: port,
      ssh_fingerprint: need(env, 'LAB_SSH_HOST_FINGERPRINT'),
      ssh_key_type: 'ssh-ed25519',
      ssh_public_key: publicKey,
      gluster_version: env.LAB_GLUSTER_VERSION ?? '',
    },
  ];
  lab.volumes = [
    {
      id: '180c76e8-0c00-3fd1-941e-d5dc49ebc909',
      name: need(env, 'LAB_PRIMARY_VOLUME'),
      cluster_id: LAB_CLUSTER_ID,
      type: 'distribute',
      replica_count: 1,
      bricks: [{ host_id: hostId, dir: need(env, 'LAB_PRIMARY_BRICK') }],
      status: 'up',
      size_bytes: 10 * GiB,
      used_bytes: 0,
      root_entries: 0,
    },
  ];
  lab.permissions = lab.permissions.filter((p) => {
    const on = p.on;
    if (on.type === 'system') return true;
    const all = {
      cluster: lab.clusters,
      data_center: lab.data_centers,
      host: lab.hosts,
      gluster_volume: lab.volumes,
    }[on.type];
    return all.some((x) => x.id === on.id);
  });
  lab.remote_hosts = [];
  return lab;
}

export interface RealLabBackends {
  gluster: GlusterClient;
  /** gsyncd's files on the lab node, over the same SSH (stall detection, Faulty logs). */
  probe: NodeProbe;
  /** The service's shell on the lab host (Gluster's events API registration). */
  shell: HostShell;
  ssh: RealSshTrust;
  remoteGluster: RemoteGluster;
  close(): Promise<void>;
}

/**
 * The service's backends on the lab, as server/main.ts builds them on an engine: the lab's client
 * key plays the engine's key. On the "cluster host", root's SSH directory for the passwordless
 * checks is the lab's (.lab/ssh: its id_ed25519 is the key glusterd's gverify and push-pem use,
 * GR_SSH_IDENTITY_KEY), so the check and Gluster's create agree; nothing of /root/.ssh is used.
 */
export function realLabBackends(
  env: LabEnv,
  log?: SshLog,
  /** The installed service's trust (the engine emulator's record of the lab host's key); default a known_hosts of it. */
  hostKeys?: HostKeyPolicy,
  /** Wraps the gluster exec (the metrics' counter). */
  meter: (e: GlusterExec) => GlusterExec = (e) => e,
): RealLabBackends {
  const port = Number(need(env, 'LAB_SSH_PORT'));
  const keyFile = need(env, 'LAB_SSH_KEY');
  const privateKey = fs.readFileSync(keyFile);
  const hostKey = labHostKey(env);
  // The service reaches the cluster host at 127.0.0.1: the same sshd, the same key.
  const knownHostsText = `${knownHostsName(LAB_NODE, port)} ${hostKey}\n`;
  const trust = hostKeys ? { hostKeys } : { knownHosts: knownHostsText };
  const exec = sshExec({ privateKey, ...trust, user: 'root', port });
  const sshDir = path.dirname(keyFile);
  const knownHostsFile = need(env, 'LAB_SSH_KNOWN_HOSTS');
  return {
    gluster: createGlusterClient(meter(exec)),
    shell: sshHostShell({ privateKey, ...trust, user: 'root', port }),
    ssh: new RealSshTrust({
      privateKey,
      ...(hostKeys ? { hostKeys } : { knownHosts: KnownHosts.parse(knownHostsText) }),
      nodePort: port,
      client: { sshDir, knownHostsFile },
      log,
    }),
    remoteGluster: sshRemoteGluster(sshHostShell({ privateKey, ...trust, user: 'root', port }), {
      identityFile: keyFile,
      knownHostsFile,
    }),
    probe: execProbe(exec),
    close: () => exec.close(),
  };
}
