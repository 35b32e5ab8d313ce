// The tab with its providers: intl (WebAdmin's locale), react-query, the environment (services,
// config, toasts). index.tsx builds the real environment; tests pass fakes.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { DEFAULT_LOCALE } from '../intl';
import { type GeoRepEnvironment, GeoRepEnvironmentProvider } from './environment';
import { GeoRepPage } from './GeoRepPage';
import { createGeoRepQueryClient } from './queries';
import { ToastProvider } from './Toasts';
import './georep.css';

/** A missing translation falls back to English silently; anything else is a bug worth seeing. */
function reportIntlError(err: { code?: string; message: string }): void {
  if (err.code !== 'MISSING_TRANSLATION') console.error(err);
}

export interface GeoRepAppProps {
  environment: GeoRepEnvironment;
  locale?: string;
  messages?: Record<string, string>;
  /** Tests pass their own (no retries). */
  queryClient?: QueryClient;
}

export function GeoRepApp({
  environment,
  locale = DEFAULT_LOCALE,
  messages = {},
  queryClient,
}: GeoRepAppProps) {
  const [client] = useState(() => queryClient ?? createGeoRepQueryClient());
  return (
    <IntlProvider
      locale={locale}
      defaultLocale={DEFAULT_LOCALE}
      messages={messages}
      onError={reportIntlError}
    >
      <QueryClientProvider client={client}>
        <GeoRepEnvironmentProvider value={environment}>
          <ToastProvider>
            <GeoRepPage />
          </ToastProvider>
        </GeoRepEnvironmentProvider>
      </QueryClientProvider>
    </IntlProvider>
  );
}
