// The `npm start` lab: the demo lab's Gluster side with sessions in every state, built by
// replaying an hour of history through the simulator's own CLI, so every session got where it is
// the way a real one would (create push-pem, start, checkpoint, pause, stop, a crashing worker).
//
//   data    -> gdr1.lab.example::data-dr          Active, Changelog Crawl, a completed checkpoint,
//                                                  files written every 30 s (lag and counters move);
//                                                  gprod3 is in maintenance, so its bricks have no
//                                                  row and pause/resume/delete are refused by Gluster
//                                                  ("Peer gprod3.lab.example ... is down")
//   vmstore -> gdr1.lab.example::vmstore-dr       one Faulty worker (gprod1's brick keeps crashing),
//                                                  gprod2's worker took over as Active
//   archive -> gdr1.lab.example::archive-dr       Paused
//   home    -> gdr2.lab.example::home-dr          Stopped
//   vmstore -> backup.remote.example::vmstore-backup  Created, never started
//
// Left free for new sessions: backup-dr (empty, 3 TiB), and the refusals small-dr (too small),
// used-dr (not empty), offline-dr (not started), home-backup on backup.remote.example (empty),
// nogluster.remote.example (no Gluster).
import type { Lab } from '../../lab';
import { runCli } from './cli';
import { GlusterSimulator, systemClock, type SimClock } from './simulator';

const HISTORY_SECONDS = 3600;

export function demoSimulator(lab: Lab, clock: SimClock = systemClock): GlusterSimulator {
  const sim = new GlusterSimulator({ lab, clock, seed: 1 });
  const w = sim.world;
  const now = Math.floor(clock.now() / 1000);
  w.t = now - HISTORY_SECONDS;
  const at = (secondsAgo: number): void => w.advanceTo(now - secondsAgo);
  const gluster = (node: string, ...args: string[]): void => {
    const h = w.host(node);
    if (!h || !h.poolId || !w.reachable(h)) return;
    runCli(w, h, ['--mode=script', '--xml', ...args]);
  };
  const geo = (pvol: string, sec: string, ...args: string[]): void =>
    gluster('gprod1.lab.example', 'volume', 'geo-replication', pvol, sec, ...args);

  gluster('gprod1.lab.example', 'system::', 'execute', 'gsec_create');
  gluster('gdr1.lab.example', 'system::', 'execute', 'gsec_create');
  // force: gprod3 (maintenance) holds bricks of data and vmstore, and the DR volumes already hold files
  geo('data', 'gdr1.lab.example::data-dr', 'create', 'push-pem', 'force');
  geo('vmstore', 'gdr1.lab.example::vmstore-dr', 'create', 'push-pem', 'force');
  geo('archive', 'gdr1.lab.example::archive-dr', 'create', 'push-pem', 'force');
  geo('home', 'gdr2.lab.example::home-dr', 'create', 'push-pem', 'force');
  geo('vmstore', 'backup.remote.example::vmstore-backup', 'create', 'push-pem', 'force');
  for (const [pvol, sec] of [
    ['data', 'gdr1.lab.example::data-dr'],
    ['vmstore', 'gdr1.lab.example::vmstore-dr'],
    ['archive', 'gdr1.lab.example::archive-dr'],
    ['home', 'gdr2.lab.example::home-dr'],
  ] as const) {
    geo(pvol, sec, 'start');
  }
  at(3000);
  for (const v of ['data', 'vmstore', 'archive', 'home']) {
    const vol = w.volumes.find((x) => x.name === v);
    if (vol) w.writeFiles(vol.poolId, v, 120, 256 * 1024);
  }
  at(2400);
  geo('home', 'gdr2.lab.example::home-dr', 'stop');
  at(1800);
  geo('archive', 'gdr1.lab.example::archive-dr', 'pause');
  at(1200);
  geo('data', 'gdr1.lab.example::data-dr', 'config', 'checkpoint', 'now');
  at(1190);
  const data = w.volumes.find((x) => x.name === 'data');
  if (data) w.writeFiles(data.poolId, 'data', 40, 1024 * 1024);
  at(600);
  const vmstore = w.sessions.find((s) => s.pvol === 'vmstore' && s.svol === 'vmstore-dr');
  if (vmstore) {
    const brick = vmstore.sets[0]?.bricks[0];
    if (brick) {
      vmstore.faults.add(brick);
      w.applyFault(vmstore, brick);
    }
  }
  if (data) {
    w.workloads.push({
      volume: 'data',
      poolId: data.poolId,
      everySeconds: 30,
      minFiles: 3,
      maxFiles: 40,
      bytesPerFile: 512 * 1024,
    });
  }
  if (vmstore) {
    w.workloads.push({
      volume: 'vmstore',
      poolId: vmstore.poolId,
      everySeconds: 45,
      minFiles: 1,
      maxFiles: 6,
      bytesPerFile: 4 * 1024 * 1024,
    });
  }
  at(0);
  return sim;
}
