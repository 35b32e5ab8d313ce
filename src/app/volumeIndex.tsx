// Entry of a Gluster volume's Geo-Replication sub tab (georep-volume.html), loaded by WebAdmin in a
// same-origin iframe of the volume's detail view. Its own entry, so its first paint holds this
// page and not the place's (cluster selector, Volumes-list intents); the dialogs and the Start
// flow are the same on-demand chunks (./onDemand).
import '@patternfly/react-core/dist/styles/base.css';
import { AppProviders } from './AppProviders';
import { bootPage } from './boot';
import { VolumeGeoRepPage } from './VolumeGeoRepPage';

bootPage(({ environment, locale, messages }) => (
  // No intentStorage: the Volumes list's New session button speaks to the place, not to this tab.
  <AppProviders
    environment={{ ...environment, canStartSessions: true }}
    locale={locale}
    messages={messages}
  >
    <VolumeGeoRepPage />
  </AppProviders>
)).catch((e: unknown) => {
  console.error('[gluster-georep] the volume Geo-Replication tab failed to start', e);
});
