// Geo-replication domain types, shared by the UI and the geo-rep service.

// Wire format follows the engine's REST style: snake_case names, lists keyed by the singular type
// name ({"georep_session": [...]}) and faults as {reason, detail}. Unlike the engine, booleans and
// numbers are real JSON booleans and numbers (the engine's strings are a legacy quirk we do not copy).
// Vocabulary: primary/secondary (Gluster 10+), in the API, the UI and every message (issue 13).
// `source_host_id` names the primary host, the Up host of the cluster a session is created from;
// some code identifiers (remoteHost, RemoteLogin...) still say remote for the secondary side.

/** Identity of a session as Gluster names it: `<primary_volume> [<user>@]<host>::<secondary_volume>`. */
export interface SessionKey {
  primary_volume: string;
  secondary_host: string;
  secondary_volume: string;
  secondary_user: string;
}

// Derived from the wire contract's schemas (src/georep/contract).
export type {
  CrawlStatus,
  Fault,
  GeoRepCheckpoint,
  GeoRepConfigOption,
  GeoRepSession,
  GeoRepWorker,
  NonRootStep,
  SessionStatus,
  StallEvidence,
  WorkerStatus,
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
