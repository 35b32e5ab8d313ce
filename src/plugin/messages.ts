import { defineMessages } from '@formatjs/intl';
import { untyped } from '../intl';

export const pluginMessages = untyped(
  defineMessages({
    placeLabel: {
      id: 'plugin.place.label',
      defaultMessage: 'Geo-Replication',
      description: 'Menu entry under Storage for the geo-replication sessions of Gluster clusters',
    },
    drSetupButton: {
      id: 'plugin.volumes.drSetup',
      defaultMessage: 'Remote Data Sync Setup',
      description:
        'Action button on the Storage > Volumes list: the storage domain sync of the volume',
    },
    volumeTabLabel: {
      id: 'plugin.volumeTab.label',
      defaultMessage: 'Geo-Replication (live)',
      description:
        "Sub tab of a Gluster volume, next to WebAdmin's own Geo-Replication sub tab: this one reads Gluster live",
    },
    newSessionButton: {
      id: 'plugin.volumes.newSession',
      defaultMessage: 'New Geo-Replication Session',
      description: 'Action button on the Storage > Volumes list',
    },
  }),
);
