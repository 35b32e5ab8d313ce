// A small in-memory GlusterClient for the service tests that need to steer Gluster precisely
// (failures at a given step, unreachable nodes, timeouts). It answers like Gluster 10 in shape,
// not in every rule: the simulator (dev/sim/gluster) is the faithful one.
import { GlusterTimeoutError, GlusterUnreachableError } from '../../server/gluster/exec';
import {
  GlusterCommandError,
  type CreateOptions,
  type GlusterClient,
  type ParsedPeer,
  type ParsedSession,
  type ParsedVolume,
  type ParsedWorker,
} from '../../server/gluster/types';
import type { SessionKey, WorkerStatus } from '../../src/georep/types';

type Method = keyof GlusterClient;

interface FakeSession {
  key: SessionKey;
  state: 'Created' | 'Active' | 'Paused' | 'Stopped';
  config: Record<string, string>;
}

export const DEFAULT_CONFIG: Record<string, string> = {
  'sync-jobs': '3',
  timeout: '120',
  'ignore-deletes': 'false',
  'use-meta-volume': 'false',
  'log-level': 'INFO',
  'ssh-port': '22',
  'sync-method': 'rsync',
  'change-interval': '5',
};

export class FakeGluster implements GlusterClient {
  readonly calls: { method: Method; node: string; args: unknown[] }[] = [];
  readonly sessions: FakeSession[] = [];
  readonly volumes: ParsedVolume[];
  /** Nodes that answer GlusterUnreachableError. */
  readonly unreachable = new Set<string>();
  /** Nodes that answer GlusterTimeoutError. */
  readonly slow = new Set<string>();
  /** method -> error to throw once (then cleared). */
  readonly failNext = new Map<Method, Error>();
  /** Delay of every call (ms), to let concurrent requests overlap. */
  delayMs = 0;

  constructor(volumes: { name: string; hosts: string[]; replica: number }[]) {
    this.volumes = volumes.map((v) => ({
      name: v.name,
      id: `id-${v.name}`,
      status: 'Started',
      type: v.replica > 1 ? 'Replicate' : 'Distribute',
      replica_count: v.replica,
      brick_count: v.hosts.length,
      bricks: v.hosts.map((h, i) => ({
        name: `${h}:/bricks/${v.name}/b${i}`,
        host: h,
        path: `/bricks/${v.name}/b${i}`,
        host_uuid: null,
      })),
      options: {},
    }));
  }

  count(method?: Method): number {
    return method ? this.calls.filter((c) => c.method === method).length : this.calls.length;
  }

  private async enter(method: Method, node: string, ...args: unknown[]): Promise<void> {
    this.calls.push({ method, node, args });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.unreachable.has(node))
      throw new GlusterUnreachableError(node, 'ssh: connect to host port 22: Connection refused');
    if (this.slow.has(node)) throw new GlusterTimeoutError(node, 30_000);
    const f = this.failNext.get(method);
    if (f) {
      this.failNext.delete(method);
      throw f;
    }
  }

  private find(key: SessionKey): FakeSession {
    const s = this.sessions.find((x) => same(x.key, key));
    if (!s)
      throw new GlusterCommandError(
        [],
        -1,
        0,
        `Geo-replication session between ${key.primary_volume} and ${url(key)} does not exist.`,
      );
    return s;
  }

  async status(node: string, key?: SessionKey): Promise<ParsedSession[]> {
    await this.enter('status', node, key);
    return this.sessions
      .filter((s) => !key || same(s.key, key))
      .map((s) => {
        const vol = this.volumes.find((v) => v.name === s.key.primary_volume);
        const workers: ParsedWorker[] = (vol?.bricks ?? []).map((b, i) => ({
          primary_node: b.host,
          primary_node_uuid: null,
          primary_brick: b.path,
          secondary_user: s.key.secondary_user,
          secondary_node: s.state === 'Active' ? s.key.secondary_host : null,
          status: workerStatus(s.state, i % (vol?.replica_count ?? 1) === 0),
          crawl_status: s.state === 'Active' ? 'Changelog Crawl' : null,
          last_synced: s.state === 'Active' ? '2025-01-01T00:00:00Z' : null,
          entry_pending: null,
          data_pending: null,
          meta_pending: null,
          failures: null,
          checkpoint_time: null,
          checkpoint_completed: null,
          checkpoint_completion_time: null,
        }));
        return { key: s.key, session_secondary: `ssh://${url(s.key)}`, workers };
      });
  }

  async create(node: string, key: SessionKey, opts: CreateOptions): Promise<void> {
    await this.enter('create', node, key, opts);
    if (this.sessions.some((s) => same(s.key, key))) {
      throw new GlusterCommandError(
        [],
        -1,
        0,
        `Session between ${key.primary_volume} and ${url(key)} is already created.`,
      );
    }
    this.sessions.push({ key, state: 'Created', config: { ...DEFAULT_CONFIG } });
  }

  private async transition(
    method: Method,
    node: string,
    key: SessionKey,
    from: FakeSession['state'][],
    to: FakeSession['state'],
    word: string,
  ): Promise<void> {
    await this.enter(method, node, key);
    const s = this.find(key);
    if (!from.includes(s.state)) {
      throw new GlusterCommandError(
        [],
        1,
        30800,
        `Geo-replication session between ${key.primary_volume} and ${url(key)} already ${word}.`,
      );
    }
    s.state = to;
  }

  start(node: string, key: SessionKey): Promise<void> {
    return this.transition('start', node, key, ['Created', 'Stopped'], 'Active', 'Started');
  }
  stop(node: string, key: SessionKey): Promise<void> {
    return this.transition(
      'stop',
      node,
      key,
      ['Active', 'Paused', 'Created'],
      'Stopped',
      'Stopped',
    );
  }
  pause(node: string, key: SessionKey): Promise<void> {
    return this.transition('pause', node, key, ['Active'], 'Paused', 'Paused');
  }
  resume(node: string, key: SessionKey): Promise<void> {
    return this.transition('resume', node, key, ['Paused'], 'Active', 'Started');
  }

  async delete(node: string, key: SessionKey, opts: { reset_sync_time?: boolean }): Promise<void> {
    await this.enter('delete', node, key, opts);
    const s = this.find(key);
    if (s.state === 'Active' || s.state === 'Paused') {
      throw new GlusterCommandError(
        [],
        -1,
        0,
        `geo-replication session between ${key.primary_volume} and ${url(key)} is still active. Please stop the session and retry.`,
      );
    }
    this.sessions.splice(this.sessions.indexOf(s), 1);
  }

  async config(node: string, key: SessionKey): Promise<Record<string, string>> {
    await this.enter('config', node, key);
    return { ...this.find(key).config };
  }

  async configSet(node: string, key: SessionKey, option: string, value: string): Promise<void> {
    await this.enter('configSet', node, key, option, value);
    const s = this.find(key);
    if (option === 'checkpoint') return;
    s.config[option] = value;
  }

  async configReset(node: string, key: SessionKey, option: string): Promise<void> {
    await this.enter('configReset', node, key, option);
    const s = this.find(key);
    s.config[option] = DEFAULT_CONFIG[option] ?? '';
  }

  async gsecCreate(node: string): Promise<void> {
    await this.enter('gsecCreate', node);
  }

  async volumeSet(node: string, _volume: string, _key: string, _value: string): Promise<void> {
    await this.enter('volumeSet', node);
  }

  async volumeReset(node: string, _volume: string, _key: string): Promise<void> {
    await this.enter('volumeReset', node);
  }

  async volumeInfo(node: string, volume?: string): Promise<ParsedVolume[]> {
    await this.enter('volumeInfo', node, volume);
    const vols = this.volumes.filter((v) => !volume || v.name === volume);
    if (volume && !vols.length)
      throw new GlusterCommandError([], -1, 2, `Volume ${volume} does not exist`);
    return vols;
  }

  async peerStatus(node: string): Promise<ParsedPeer[]> {
    await this.enter('peerStatus', node);
    return [];
  }
}

const workerStatus = (state: FakeSession['state'], first: boolean): WorkerStatus =>
  state === 'Active' ? (first ? 'Active' : 'Passive') : state;
const url = (k: SessionKey): string =>
  `${k.secondary_user === 'root' ? '' : `${k.secondary_user}@`}${k.secondary_host}::${k.secondary_volume}`;
const same = (a: SessionKey, b: SessionKey): boolean =>
  a.primary_volume === b.primary_volume &&
  a.secondary_host === b.secondary_host &&
  a.secondary_volume === b.secondary_volume &&
  a.secondary_user === b.secondary_user;
