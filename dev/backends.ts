// The simulated world of `npm start`: the Gluster simulator and the SSH-trust simulator, linked so
// that there is one truth about SSH: Gluster's create (gverify) sees what the Passwordless SSH
// dialog set up.
import type { Lab } from './lab';
import { createGlusterClient } from '../server/gluster/client';
import { demoSimulator, simProbe, simRemoteGluster, type GlusterSimulator } from './sim/gluster';
import type { NodeProbe, ProgramExec } from '../server/gluster/probe';
import { simSecondaryRootForWorld } from './sim/gluster/mountbroker';
import type { RemoteGluster } from '../server/gluster/provision';
import type { GlusterClient } from '../server/gluster/types';
import { createSimSshTrust, type SimSshTrust } from './sim/ssh';

export interface SimulatedBackends {
  sim: GlusterSimulator;
  ssh: SimSshTrust;
  gluster: GlusterClient;
  /** Gluster on remote hosts from the cluster hosts (directory targets), in the same world. */
  remoteGluster: RemoteGluster;
  /** gsyncd's files on the simulated nodes (stall evidence, worker logs). */
  probe: NodeProbe;
  /** Programs as root on the simulated engine hosts: the non-root preparation (mountbroker). */
  secondaryRoot: ProgramExec;
}

export function simulatedBackends(
  lab: Lab,
  opts: { sshLatencyMs?: number } = {},
): SimulatedBackends {
  const sim = demoSimulator(lab);
  const ssh = createSimSshTrust(lab, { latencyMs: opts.sshLatencyMs ?? 0 });
  const upHosts = lab.hosts.filter((h) => h.status === 'up').map((h) => h.address);
  sim.setSshTrustOracle((user, host) => upHosts.some((from) => ssh.isTrusted(from, user, host)));
  // The DR cluster's hosts carry the demo's non-root account (the admin made it there), not yet
  // the mountbroker: a non-root session to them shows the service preparing it.
  // Its password (for the Passwordless SSH dialog) is geoaccount-pw.
  for (const a of ['gdr1.lab.example', 'gdr2.lab.example', 'gdr3.lab.example']) {
    sim.world.hosts.get(a)?.users.push('geoaccount');
    ssh.setPassword(a, 'geoaccount', 'geoaccount-pw');
  }
  const secondaryRoot = simSecondaryRootForWorld(sim.world, {
    'gdr1.lab.example': ['geogroup'],
    'gdr2.lab.example': ['geogroup'],
    'gdr3.lab.example': ['geogroup'],
  });
  return {
    sim,
    ssh,
    secondaryRoot,
    gluster: createGlusterClient(sim),
    remoteGluster: simRemoteGluster(sim),
    probe: simProbe(sim),
  };
}
