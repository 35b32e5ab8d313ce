// The engine's audit log, as far as external events go.

export type EventSeverity = 'normal' | 'warning' | 'error' | 'alert';
export const SEVERITIES: readonly EventSeverity[] = ['normal', 'warning', 'error', 'alert'];

/** AuditLogType of an external event by severity (EXTERNAL_EVENT_NORMAL ... EXTERNAL_ALERT). */
export const EXTERNAL_EVENT_CODE: Record<EventSeverity, number> = {
  normal: 12,
  warning: 13,
  error: 14,
  alert: 15,
};

export interface EngineEvent {
  /** The audit log id; also the event's `index`. */
  id: number;
  /** ms since the epoch. */
  time: number;
  code: number;
  description: string;
  severity: EventSeverity;
  origin: string;
  custom_id: number;
  flood_rate: number;
  cluster_id: string | null;
  /** The storage domain it names (`storage_domain` of the event), if any. */
  storage_domain_id?: string | null;
  /** Who posted it (not shown in the event's JSON, kept for tests). */
  posted_by: string;
}
