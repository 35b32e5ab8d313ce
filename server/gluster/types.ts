// Typed results of the gluster CLI, as the parser produces them from `--xml` output.
// Both spellings (pre-10 master/slave, 10+ primary/secondary) parse to these same shapes.
import type { CrawlStatus, SessionKey, WorkerStatus } from '../../src/georep/types';

/** One row of `volume geo-replication ... status detail`: one primary brick. */
export interface ParsedWorker {
  primary_node: string;
  primary_node_uuid: string | null;
  primary_brick: string;
  secondary_user: string;
  secondary_node: string | null;
  /** Gluster's text normalised: 'Initializing...' -> 'Initializing'. */
  status: WorkerStatus;
  crawl_status: CrawlStatus | null;
  last_synced: string | null; // ISO-8601 UTC
  entry_pending: number | null;
  data_pending: number | null;
  meta_pending: number | null;
  failures: number | null;
  checkpoint_time: string | null; // ISO-8601 UTC
  checkpoint_completed: boolean | null;
  checkpoint_completion_time: string | null; // ISO-8601 UTC
}

export interface ParsedSession {
  key: SessionKey;
  /** Gluster's own session identifier, e.g. `<uuid>:ssh://host::vol:<uuid>`. */
  session_secondary: string;
  workers: ParsedWorker[];
}

export interface ParsedBrick {
  /** `host:/path` as Gluster prints it. */
  name: string;
  host: string;
  path: string;
  host_uuid: string | null;
}

export interface ParsedVolume {
  name: string;
  id: string;
  /** 'Started' | 'Stopped' | 'Created' */
  status: string;
  type: string;
  replica_count: number;
  /** Bricks per disperse set (0 when not dispersed). Optional: added for replica-set grouping of dispersed volumes. */
  disperse_count?: number;
  brick_count: number;
  bricks: ParsedBrick[];
  options: Record<string, string>;
}

export interface ParsedPeer {
  uuid: string;
  hostname: string;
  connected: boolean;
  state: string;
}

export interface CreateOptions {
  ssh_port?: number;
  /** Skips only Gluster's size/emptiness checks. */
  force?: boolean;
  /** Copy the primary's geo-rep keys to the secondary (`push-pem`). Default true. */
  push_pem?: boolean;
  /** Skip the secondary checks entirely (`no-verify`; only without push_pem). Added. */
  no_verify?: boolean;
}

/** Everything the service needs from Gluster, over a GlusterExec. One method per CLI command. */
export interface GlusterClient {
  /** `volume geo-replication [<pvol> [<secondary>]] status detail` on `node`; [] when there is no session. */
  status(node: string, key?: SessionKey): Promise<ParsedSession[]>;
  create(node: string, key: SessionKey, opts: CreateOptions): Promise<void>;
  start(node: string, key: SessionKey, opts: { force?: boolean }): Promise<void>;
  stop(node: string, key: SessionKey, opts: { force?: boolean }): Promise<void>;
  pause(node: string, key: SessionKey, opts: { force?: boolean }): Promise<void>;
  resume(node: string, key: SessionKey, opts: { force?: boolean }): Promise<void>;
  delete(node: string, key: SessionKey, opts: { reset_sync_time?: boolean }): Promise<void>;
  /** The whole config of a session: Gluster's option names (dash form) -> current value. */
  config(node: string, key: SessionKey): Promise<Record<string, string>>;
  configSet(node: string, key: SessionKey, option: string, value: string): Promise<void>;
  configReset(node: string, key: SessionKey, option: string): Promise<void>;
  gsecCreate(node: string): Promise<void>;
  volumeInfo(node: string, volume?: string): Promise<ParsedVolume[]>;
  /** `volume set <volume> <key> <value>`: only the keys disaster recovery needs (server/gluster/client.ts volumeOptionArgv). */
  volumeSet(node: string, volume: string, key: string, value: string): Promise<void>;
  /** `volume reset <volume> <key> [force]`: only the options a failover sets. */
  volumeReset(node: string, volume: string, key: string, opts?: { force?: boolean }): Promise<void>;
  peerStatus(node: string): Promise<ParsedPeer[]>;
  /** First line of `gluster --version` on `node` ("glusterfs 10.3"). Optional: older fakes lack it. */
  version?(node: string): Promise<string>;
  /** `volume get all cluster.enable-shared-storage`'s value ("enable"/"disable"), null when absent. */
  sharedStorage?(node: string): Promise<string | null>;
  /** `volume set all cluster.enable-shared-storage enable`. */
  enableSharedStorage?(node: string): Promise<void>;
}

/** Gluster answered, and refused: carries Gluster's own words. */
export class GlusterCommandError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly opRet: number,
    readonly opErrno: number,
    /** Gluster's message (opErrstr, or stderr/stdout text when it printed no XML). */
    readonly glusterMessage: string,
  ) {
    super(glusterMessage || `gluster ${argv.join(' ')} failed (opRet ${opRet}, errno ${opErrno})`);
    this.name = 'GlusterCommandError';
  }
}
