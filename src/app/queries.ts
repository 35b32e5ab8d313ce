// react-query keys and the client defaults of the tab.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';
import { errorMessage } from '../georep/errorMessage';

export const queryKeys = {
  clusters: ['georep', 'clusters'] as const,
  sessions: (clusterId: string) => ['georep', 'sessions', clusterId] as const,
  access: (clusterId: string) => ['georep', 'access', clusterId] as const,
  config: (clusterId: string, sessionId: string) =>
    ['georep', 'config', clusterId, sessionId] as const,
};

/** Only failures that may go away by themselves are retried; 401/403/404/409/400 are answers. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return true;
  return error.kind === 'unreachable' || error.kind === 'timeout' || error.kind === 'server';
}

export function createGeoRepQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

/** Whatever was thrown, as an ApiError (for display). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('server', null, 'Unexpected error', errorMessage(error));
}
