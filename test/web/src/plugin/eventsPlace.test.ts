// Opening WebAdmin's Events with a search: revealPlace('events') first, then setSearchString, as
// WebAdmin's Events presenter applies a search only once it is there or bound (eventsPlace.ts).
import { EVENTS_PLACE, revealEvents } from '../../../../src/plugin/eventsPlace';
import { fakeWebAdmin } from '../../../support/fakePluginApi';

describe("a session's events in WebAdmin's Events", () => {
  it('reveals Events, then sets the search, nothing else', () => {
    const wa = fakeWebAdmin();
    wa.api.register({});
    wa.api.ready();
    revealEvents(wa.api, 'Events: origin = gluster-georep');
    expect(EVENTS_PLACE).toBe('events');
    expect(wa.navigation).toEqual([
      'revealPlace events',
      'setSearchString Events: origin = gluster-georep',
    ]);
    expect(wa.refused).toEqual([]);
  });
});
