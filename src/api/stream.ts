// The geo-rep service's push of a cluster's sessions (GET .../clusters/{id}/stream), read as
// Server-Sent Events over fetch: EventSource cannot send the Authorization header the service
// needs, fetch can, and the wire format (text/event-stream) stays the standard one, so it passes
// the engine's Apache like any response. One thin function, as the other calls in src/api.
import type { GeoRepSession } from '../georep/types';
import { ApiError } from './http';
import { errorMessage } from '../georep/errorMessage';

export interface StreamMode {
  /** events: Gluster's events API triggers reads; interval: the service reads every interval_ms. */
  push: 'events' | 'interval';
  interval_ms: number;
  events_api_detail: string | null;
}

export interface StreamHandlers {
  onOpen?(): void;
  onMode(mode: StreamMode): void;
  onSessions(list: { georep_session: GeoRepSession[]; read_at: string; backend: string }): void;
  /** The service's last read of the cluster failed (its words). */
  onUnavailable?(detail: string): void;
  /** Any bytes: the stream is alive (comments included). */
  onActivity?(): void;
}

/** One SSE message block (`event:` and `data:` lines) as a name and its data. */
export function parseEventBlock(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { event, data: data.join('\n') } : null;
}

/**
 * Opens the stream and calls the handlers until it ends: resolves when the service closes it,
 * rejects with an ApiError when it cannot be opened (its status and fault) or breaks.
 */
export async function streamSessions(
  baseURL: string,
  token: () => string | null,
  clusterId: string,
  h: StreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  const url = `${baseURL.replace(/\/+$/, '')}/clusters/${encodeURIComponent(clusterId)}/stream`;
  const t = token();
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { Accept: 'text/event-stream', ...(t ? { Authorization: `Bearer ${t}` } : {}) },
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    throw new ApiError('unreachable', null, 'Unreachable', errorMessage(e));
  }
  if (!res.ok || !res.body) {
    let reason = res.statusText || `HTTP ${res.status}`;
    let detail = '';
    try {
      const b = (await res.json()) as { reason?: string; detail?: string };
      reason = b.reason ?? reason;
      detail = b.detail ?? '';
    } catch {
      // not a fault body
    }
    const kind =
      res.status === 401
        ? 'unauthorized'
        : res.status === 403
          ? 'forbidden'
          : res.status === 404
            ? 'not_found'
            : res.status >= 500
              ? 'unreachable'
              : 'server';
    throw new ApiError(kind, res.status, reason, detail);
  }
  h.onOpen?.();
  const reader = res.body.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    h.onActivity?.();
    buf += dec.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let cut: number;
    while ((cut = buf.indexOf('\n\n')) >= 0) {
      const msg = parseEventBlock(buf.slice(0, cut));
      buf = buf.slice(cut + 2);
      if (!msg) continue;
      let data: unknown;
      try {
        data = JSON.parse(msg.data);
      } catch {
        continue;
      }
      if (msg.event === 'mode') h.onMode(data as StreamMode);
      else if (msg.event === 'sessions')
        h.onSessions(data as Parameters<StreamHandlers['onSessions']>[0]);
      else if (msg.event === 'unavailable')
        h.onUnavailable?.((data as { detail?: string }).detail ?? '');
      else if (msg.event === 'end') {
        await reader.cancel().catch(() => undefined);
        throw new ApiError(
          'unauthorized',
          401,
          'Stream ended',
          (data as { detail?: string }).detail ?? '',
        );
      }
    }
  }
}
