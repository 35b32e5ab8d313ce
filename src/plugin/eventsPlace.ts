// Opening WebAdmin's Events place with a search (a session's events: src/georep/sessionEvents.ts).
// Paths: oVirt/ovirt-engine master 0111fc63036, frontend/webadmin/modules/webadmin/src/main/java/
// org/ovirt/engine/ui/webadmin/ unless they say otherwise.
// - revealPlace(token) reveals a place by its bare name token, deferred (plugin/api/
//   PluginUiFunctions.java:306-308); 'events' is Events (uicommonweb/.../place/
//   WebAdminApplicationPlaces.java:18).
// - setSearchString(search) only fires ApplySearchStringEvent, deferred (PluginUiFunctions.java:
//   313-315): it moves nowhere by itself. The Events presenter applies a string that starts with
//   its model's default search, exactly "Events:" (section/main/presenter/
//   AbstractMainWithDetailsPresenter.java:155-167), and writes it into the URL as
//   `events;search=…`; if Events was never opened yet, SearchStringCollector keeps it until its
//   presenter is bound (SearchStringCollector.java:22-29, applied in onBind :127-131).
// So: reveal first, then set the search, as ovirt-engine-ui-extensions does
// (src/utils/webadmin-search.js:30-33).
import type { PluginApi } from './pluginApi';

/** WebAdmin's Events place (WebAdminApplicationPlaces.eventMainPlace). */
export const EVENTS_PLACE = 'events';

/** Open WebAdmin's Events place with that search applied. */
export function revealEvents(api: PluginApi, search: string): void {
  api.revealPlace(EVENTS_PLACE);
  api.setSearchString(search);
}
