// The Geo-Replication place with its providers. index.tsx builds the real environment; tests pass
// fakes.
import { AppProviders, type AppProvidersProps } from './AppProviders';
import { GeoRepPage } from './GeoRepPage';

export type GeoRepAppProps = Omit<AppProvidersProps, 'children'>;

export function GeoRepApp(props: GeoRepAppProps) {
  return (
    <AppProviders {...props}>
      <GeoRepPage />
    </AppProviders>
  );
}
