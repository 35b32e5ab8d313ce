// What every page of the plugin runs in: intl (WebAdmin's locale), react-query, the environment
// (services, config, toasts) and the tab's own toasts. The pages (the Geo-Replication place, a
// volume's sub tab) are its children, so an entry bundles only the page it shows.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { IntlProvider } from '../intl/react';
import { DEFAULT_LOCALE } from '../intl';
import { type GeoRepEnvironment, GeoRepEnvironmentProvider } from './environment';
import { createGeoRepQueryClient } from './queries';
import { ToastProvider } from './Toasts';
import './georep.css';

/** A missing translation falls back to English silently; anything else is a bug worth seeing. */
function reportIntlError(err: { code?: string; message: string }): void {
  if (err.code !== 'MISSING_TRANSLATION') console.error(err);
}

export interface AppProvidersProps {
  environment: GeoRepEnvironment;
  locale?: string;
  messages?: Record<string, string>;
  /** Tests pass their own (no retries). */
  queryClient?: QueryClient;
  children: ReactNode;
}

export function AppProviders({
  environment,
  locale = DEFAULT_LOCALE,
  messages = {},
  queryClient,
  children,
}: AppProvidersProps) {
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
          <ToastProvider>{children}</ToastProvider>
        </GeoRepEnvironmentProvider>
      </QueryClientProvider>
    </IntlProvider>
  );
}
