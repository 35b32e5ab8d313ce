// Geo-replication domain types, shared by the UI and the geo-rep service.
import type { StallEvidence } from './stall';
import type { ProvisionedVolume, SyncPoint } from './contract';

// Wire format follows the engine's REST style: snake_case names, lists keyed by the singular type
// name ({"georep_session": [...]}) and faults as {reason, detail}. Unlike the engine, booleans and
// numbers are real JSON booleans and numbers (the engine's strings are a legacy quirk we do not copy).
// Vocabulary: the API and code say primary/secondary (Gluster 10+); the UI says source/remote.

/** Status of one worker (one primary brick), as Gluster reports it, plus Offline for a brick with no row. */
export type WorkerStatus =
  'Active' | 'Passive' | 'Faulty' | 'Initializing' | 'Created' | 'Stopped' | 'Paused' | 'Offline';

/** Roll-up status of a session over its workers. */
export type SessionStatus =
  | 'Active'
  | 'Passive'
  | 'Faulty'
  | 'PartiallyFaulty'
  /** Workers Active by every field Gluster prints, but changes recorded are not synced (src/georep/stall.ts). */
  | 'Stalled'
  | 'Initializing'
  | 'Created'
  | 'Stopped'
  | 'Paused'
  | 'Offline'
  | 'Unknown';

export type CrawlStatus = 'Changelog Crawl' | 'History Crawl' | 'Hybrid Crawl' | 'N/A';

export interface GeoRepCheckpoint {
  /** ISO-8601 UTC time the checkpoint was set. */
  time: string;
  completed: boolean;
  /** ISO-8601 UTC, null until completed. */
  completion_time: string | null;
  /** Session checkpoints only: replica sets known to have reached it, of all sets. */
  sets_done?: number;
  sets_total?: number;
  /** Session checkpoints only: set when it was not read now but recalled (when it was read). */
  as_of?: string | null;
}

export interface GeoRepWorker {
  primary_node: string;
  primary_node_uuid: string | null;
  primary_brick: string;
  /** 0-based index of the replica set (subvolume) this brick belongs to. */
  replica_set: number;
  secondary_user: string;
  /** The secondary node this worker talks to; null when not running. */
  secondary_node: string | null;
  status: WorkerStatus;
  crawl_status: CrawlStatus | null;
  /** ISO-8601 UTC; null when never synced / not applicable. */
  last_synced: string | null;
  entry_pending: number | null;
  data_pending: number | null;
  meta_pending: number | null;
  failures: number | null;
  checkpoint: GeoRepCheckpoint | null;
  /**
   * Set when Gluster reads this worker "Initializing" but its last definite state, read within
   * the crash-loop window, was Faulty: gsyncd's monitor is restarting a failed worker (monitor.py:
   * Faulty, 10 s, Initializing, Faulty again...). `status` then says Faulty, so the session's
   * status, counts and sort do not flicker with each retry (src/georep/recall.ts).
   */
  restarting?: boolean;
  /**
   * The last `last_synced` this service read while the worker was Active, and when it read it.
   * Gluster prints N/A for every worker that is not Active (gsyncdstatus.py get_status), though
   * gsyncd's record on the brick keeps it; this is what the service saw, not a guess.
   */
  last_synced_seen?: { time: string; read_at: string } | null;
  /**
   * Set when the service found this Active worker stalled: changes recorded on its brick and not
   * synced, with nothing being processed, beyond the session's threshold (src/georep/stall.ts).
   * Absent or null otherwise.
   */
  stall?: StallEvidence | null;
}

export interface GeoRepSession {
  /** Stable, URL-safe id derived from the session's identity (primary volume, secondary user, host, volume). */
  id: string;
  cluster_id: string;
  primary_volume: string;
  secondary_host: string;
  secondary_volume: string;
  /** 'root' for a root session; otherwise the mountbroker user. */
  secondary_user: string;
  status: SessionStatus;
  workers: GeoRepWorker[];
  /** Oldest last_synced over the Active workers, as Gluster prints it now. ISO-8601 UTC. */
  last_synced: string | null;
  /** How far the secondary is known to be in sync over every replica set, and how it is known. */
  sync_point: SyncPoint;
  /** Seconds between `read_at` and the sync point; null when unknown. */
  lag_seconds: number | null;
  /**
   * Session-level checkpoint: completed when every replica set reached it. Read from the Active
   * workers, or, while none runs, the last one this service read (`as_of`).
   */
  checkpoint: GeoRepCheckpoint | null;
  /** When the service read this from Gluster (ISO-8601 UTC). */
  read_at: string;
  /**
   * Set in the answer to a create whose target was a directory of the remote host: the
   * single-brick volume the service provisioned there (or reused) and replicates into. Session
   * lists do not carry it (they do not read the remote's volumes).
   */
  provisioned_volume?: ProvisionedVolume;
  /**
   * Set in the answer to a create for a non-root secondary user: what the service did on the
   * secondary (mountbroker) before and after Gluster's create, step by step.
   */
  nonroot_preparation?: NonRootStep[];
}

/** One step of the non-root preparation of a secondary (server/mountbroker/prepare.ts). */
export interface NonRootStep {
  step: 'accounts' | 'setup' | 'add' | 'restart_glusterd' | 'pem_keys';
  /** The node (or nodes) it ran on. */
  node: string;
  /** done: it changed something; already: nothing was needed. */
  outcome: 'done' | 'already';
  detail: string;
}

/** Identity of a session as Gluster names it: `<primary_volume> [<user>@]<host>::<secondary_volume>`. */
export interface SessionKey {
  primary_volume: string;
  secondary_host: string;
  secondary_volume: string;
  secondary_user: string;
}

export interface GeoRepConfigOption {
  /** Gluster's name with dashes, e.g. `sync-jobs`. */
  name: string;
  value: string;
  default: string | null;
  description: string;
  /** 'boolean' | 'int' | 'string' | 'enum' | 'path' | 'command' */
  type: 'boolean' | 'int' | 'string' | 'enum' | 'path' | 'command';
  allowed_values: string[] | null;
  min: number | null;
  max: number | null;
  modified: boolean;
  /** Options Gluster manages itself (working dirs, ids): shown, not editable. */
  read_only: boolean;
}

/** Engine-style fault body. */
export interface Fault {
  reason: string;
  detail: string;
  /**
   * In a 409 of start/stop/pause/resume/delete: whether retrying the same action with force may
   * get past Gluster's refusal (src/georep/force.ts). Absent in other faults.
   */
  force_may_help?: boolean;
}

// Derived from the wire contract's schemas (src/georep/contract).
export type {
  PreflightCheck,
  PreflightOutcome,
  ProvisionedVolume,
  SyncPoint,
  GeoRepDiagnosis,
  GeoRepJob,
  GeoRepJobStep,
  KnownFailureView,
  WorkerDiagnosis,
} from './contract';
