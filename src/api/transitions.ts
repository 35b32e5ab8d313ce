// The geo-rep service's feed of the transitions its watch announced (GET {service}/transitions):
// what WebAdmin's alerts in the browser show (src/plugin/serverAlerts.ts).
import type { HttpClient } from './http';

export type TransitionKind =
  | 'faulty'
  | 'partly_faulty'
  | 'stalled'
  | 'recovered'
  | 'lag_high'
  | 'lag_ok'
  | 'checkpoint_completed'
  | 'disappeared';

export interface FeedTransition {
  kind: TransitionKind;
  severity: 'normal' | 'warning' | 'error';
  cluster_id: string;
  session_id: string;
  primary_volume: string;
  secondary_host: string;
  secondary_volume: string;
  secondary_user: string;
  at: string;
  /** The engine event's text. */
  description: string;
  checkpoint_time?: string;
}

export interface Ongoing {
  cluster_id: string;
  session_id: string;
  primary_volume: string;
  secondary_host: string;
  secondary_volume: string;
  secondary_user: string;
  health: 'ok' | 'partly_faulty' | 'stalled' | 'faulty';
  lag: 'ok' | 'high';
}

export interface TransitionFeed {
  cursor: string;
  transition: FeedTransition[];
  /** Only when asked without a cursor of this service process: what is wrong now. */
  ongoing?: Ongoing[];
}

export async function listTransitions(client: HttpClient, after?: string): Promise<TransitionFeed> {
  const { data } = await client.get<TransitionFeed>('transitions', {
    params: after ? { after } : {},
  });
  return data;
}
