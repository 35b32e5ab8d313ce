// Entry of the Geo-Replication place (georep.html), loaded by WebAdmin in a same-origin iframe.
// The dialogs and the Start flow come later, in chunks of their own (./onDemand).
import '@patternfly/react-core/dist/styles/base.css';
import { bootPage } from './boot';
import { GeoRepApp } from './GeoRepApp';

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the Volumes list's button cannot hand over its volume
  }
}

bootPage(({ environment, locale, messages }) => (
  <GeoRepApp
    environment={{ ...environment, canStartSessions: true, intentStorage: sessionStore() }}
    locale={locale}
    messages={messages}
  />
)).catch((e: unknown) => {
  console.error('[gluster-georep] the Geo-Replication tab failed to start', e);
});
