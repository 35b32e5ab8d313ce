// Pushed sessions for the tab: the service's stream of a cluster (src/api/stream.ts) writes each
// read into the same query the polling fills, and polling stops while the stream lives. A stream
// that cannot open, breaks, or goes silent (no byte for 45 s: a proxy holding it back) gives way to
// polling, and is tried again later. What it is doing is the mode the tab shows (LiveUpdates).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { StreamMode } from '../api/stream';
import { ApiError } from '../api/http';
import { errorMessage } from '../georep/errorMessage';
import { useGeoRepEnvironment, type SessionList } from './environment';
import { setLive } from './liveStore';
import { queryKeys } from './queries';
import { useDocumentVisible } from './useDocumentVisible';

export type LiveMode =
  | { kind: 'connecting' }
  | { kind: 'live'; mode: StreamMode }
  | { kind: 'polling'; detail: string | null };

/** The service sends a comment every 15 s; three missed ones and the stream is taken for dead. */
export const SILENCE_MS = 45_000;
const RETRY_MS = [5_000, 15_000, 30_000, 60_000];

export function useLiveSessions(clusterId: string): LiveMode {
  const { services } = useGeoRepEnvironment();
  const queryClient = useQueryClient();
  const visible = useDocumentVisible();
  const stream = services.streamSessions;
  const [mode, setMode] = useState<LiveMode>(
    stream ? { kind: 'connecting' } : { kind: 'polling', detail: null },
  );

  useEffect(() => {
    if (!stream || !visible) return;
    let stopped = false;
    let attempt = 0;
    let ctrl: AbortController | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let watchdog: ReturnType<typeof setTimeout> | null = null;
    const alive = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => ctrl?.abort(new Error('no data for 45 s')), SILENCE_MS);
    };
    const connect = () => {
      ctrl = new AbortController();
      setMode((m) => (m.kind === 'live' ? m : { kind: 'connecting' }));
      alive();
      stream(
        clusterId,
        {
          onOpen: alive,
          onActivity: alive,
          onMode: (m) => {
            attempt = 0;
            setLive(clusterId, true);
            setMode({ kind: 'live', mode: m });
          },
          onSessions: (d) =>
            queryClient.setQueryData<SessionList>(queryKeys.sessions(clusterId), {
              sessions: d.georep_session,
              readAt: d.read_at,
              backend: d.backend,
            }),
          // the read failed: a poll shows the failure as the tab always does
          onUnavailable: () =>
            void queryClient.invalidateQueries({ queryKey: queryKeys.sessions(clusterId) }),
        },
        ctrl.signal,
      ).then(
        () => fallBack(null),
        (e: unknown) => fallBack(e),
      );
    };
    const fallBack = (e: unknown) => {
      if (watchdog) clearTimeout(watchdog);
      setLive(clusterId, false);
      if (stopped) return;
      const err = e instanceof ApiError ? e : null;
      setMode({
        kind: 'polling',
        detail: err ? err.detail || err.reason : e == null ? null : errorMessage(e),
      });
      // The service has no stream (an older one, or none without its engine account), or the
      // user's session is over: polling says the rest.
      if (err && (err.status === 404 || err.status === 401 || err.status === 403)) return;
      retry = setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (watchdog) clearTimeout(watchdog);
      ctrl?.abort();
      setLive(clusterId, false);
    };
  }, [stream, clusterId, visible, queryClient]);

  return stream ? mode : { kind: 'polling', detail: null };
}
