// A session's lag history, as the geo-rep service keeps it in memory (server/history.ts).
import type { HttpClient } from './http';

export interface LagPoint {
  time: string;
  lag_seconds: number | null;
  pending: number | null;
}

export interface SessionHistory {
  lag_sample: LagPoint[];
  step_ms: number;
  kept_hours: number;
  /** false: the service has no watch (no engine account), so it keeps no history. */
  recording: boolean;
  estimate: {
    sync_rate: number | null;
    seconds_to_sync: number | null;
    synced_by: string | null;
    window_s: number;
    samples: number;
  };
}

export async function getSessionHistory(
  client: HttpClient,
  clusterId: string,
  sessionId: string,
): Promise<SessionHistory> {
  const { data } = await client.get<SessionHistory>(
    `clusters/${encodeURIComponent(clusterId)}/sessions/${encodeURIComponent(sessionId)}/history`,
  );
  return data;
}
