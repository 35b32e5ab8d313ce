// The NodeProbe over the simulator (server/gluster/probe.ts is the real one): the same answers
// from the simulated world. A deaf worker's evidence looks as on real Gluster 10.3: changes
// recorded after its last sync, none being processed; its status as healthy as any other.
import type {
  BrickEvidence,
  NodeProbe,
  SessionEvidence,
  WorkerLog,
} from '../../../server/gluster/probe';
import { concernsBrick, parseGsyncdLog, sessionFolderName } from '../../../server/gluster/probe';
import { GlusterUnreachableError } from '../../../server/gluster/exec';
import type { GlusterSimulator } from './simulator';
import { deafTo } from './world';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
function logTime(t: number): string {
  const d = new Date(t * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.000000`;
}

export function simProbe(sim: GlusterSimulator): NodeProbe {
  function reach(node: string): void {
    const h = sim.world.host(node);
    if (!h || !sim.world.reachable(h) || !h.poolId)
      throw new GlusterUnreachableError(node, `cannot read gsyncd's files on ${node}`);
  }
  return {
    rsyncVersion(node): Promise<string | null> {
      reach(node);
      return Promise.resolve(sim.world.host(node)?.rsyncVersion ?? '3.2.7');
    },
    evidence(node, key, bricks): Promise<SessionEvidence> {
      reach(node);
      const s = sim.sessionRecord(key.primary_volume, key.secondary_host, key.secondary_volume);
      const now = sim.world.t;
      const out: BrickEvidence[] = bricks.map((path) => {
        const name = `${node}:${path}`;
        const set = s?.sets.find((x) => x.bricks.includes(name));
        const w = s?.workers.get(name);
        if (!s || !set || !w) {
          return {
            brick: path,
            error: 'status file: FileNotFoundError',
            now,
            last_synced: null,
            oldest_pending: null,
            pending: 0,
            processing: 0,
          };
        }
        const waiting = set.queue.filter((q) => !q.initial && q.t > set.stime);
        const times = [...new Set(waiting.map((q) => q.t))];
        const processing =
          set.active === name
            ? set.queue.filter((q) => q.availableAt <= now && !deafTo(w, q)).length
            : 0;
        return {
          brick: path,
          error: null,
          now,
          last_synced: set.stime,
          oldest_pending: times.length ? Math.min(...times) : null,
          pending: times.length,
          processing,
        };
      });
      const ci = s ? Number(s.config.get('change_interval')) : NaN;
      return Promise.resolve({
        change_interval: Number.isFinite(ci) && ci > 0 ? ci : null,
        bricks: out,
      });
    },
    workerLog(node, key, brick, opts = {}): Promise<WorkerLog> {
      reach(node);
      const s = sim.sessionRecord(key.primary_volume, key.secondary_host, key.secondary_volume);
      const text = (s?.log ?? [])
        .map((e) => `[${logTime(e.t)}] ${e.level} [${e.where}:0:sim] ${e.text}`)
        .join('\n');
      const entries = parseGsyncdLog(text).filter((e) => concernsBrick(e, brick));
      return Promise.resolve({
        file: `/var/log/glusterfs/geo-replication/${sessionFolderName(key)}/gsyncd.log`,
        entries: entries.slice(-(opts.maxEntries ?? 200)),
        read_bytes: Buffer.byteLength(text),
        truncated: false,
      });
    },
  };
}
