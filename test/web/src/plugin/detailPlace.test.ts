// The Volumes › <volume> sub tab a plugin adds (addDetailPlace on GlusterVolume), as WebAdmin offers
// it: PluginUiFunctions.addDetailPlace, then setPlaceContentUrl as GlusterVolumeSelectionChange
// says which volume is open.
import { addVolumeDetailPlace, volumeContentUrl } from '../../../../src/plugin/detailPlace';
import { fakeWebAdmin } from '../../../support/fakePluginApi';

const data = { id: 'v-1', name: 'data', clusterId: 'c-1' };
const home = { id: 'v-2', name: 'home', clusterId: 'c-1' };

describe('a Gluster volume detail place', () => {
  it('is added on GlusterVolume with its label, token, page and priority', () => {
    const wa = fakeWebAdmin();
    wa.api.register({});
    wa.api.ready();
    addVolumeDetailPlace(wa.api, {
      label: 'Geo-Replication sessions',
      token: 'volumes-gluster_georep',
      contentUrl: 'plugin/gluster-georep/volume.html',
      priority: 4.5,
    });
    expect(wa.detailPlaces).toEqual([
      {
        entity: 'GlusterVolume',
        label: 'Geo-Replication sessions',
        token: 'volumes-gluster_georep',
        url: 'plugin/gluster-georep/volume.html',
        priority: 4.5,
      },
    ]);
    expect(wa.refused).toEqual([]);
  });

  it('points its page at the one selected volume, once per volume', () => {
    const wa = fakeWebAdmin();
    wa.api.register({});
    wa.api.ready();
    const tab = addVolumeDetailPlace(wa.api, {
      label: 'x',
      token: 'volumes-x',
      contentUrl: 'plugin/p/x.html',
    });
    tab.select([data]);
    tab.select([data]);
    tab.select([data, home]); // several selected: no detail view, nothing to point at
    tab.select([home]);
    expect(wa.contentUrls).toEqual([
      { token: 'volumes-x', url: 'plugin/p/x.html?clusterId=c-1&volumeId=v-1&volumeName=data' },
      { token: 'volumes-x', url: 'plugin/p/x.html?clusterId=c-1&volumeId=v-2&volumeName=home' },
    ]);
    expect(wa.refused).toEqual([]);
  });

  it('builds the page URL with the volume, encoded, keeping a query it already has', () => {
    expect(volumeContentUrl('a.html?x=1', { id: 'i', name: 'a b&c', clusterId: 'c' })).toBe(
      'a.html?x=1&clusterId=c&volumeId=i&volumeName=a+b%26c',
    );
    expect(volumeContentUrl('a.html', null)).toBe('a.html');
  });

  it('is ignored before ready(), as WebAdmin ignores every UI function then', () => {
    const wa = fakeWebAdmin();
    addVolumeDetailPlace(wa.api, { label: 'x', token: 'volumes-x', contentUrl: 'x.html' });
    expect(wa.detailPlaces).toEqual([]);
    expect(wa.refused).toEqual(['addDetailPlace in state LOADING']);
  });
});
