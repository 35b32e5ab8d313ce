import { defineMessages } from '@formatjs/intl';
import { untyped } from '../intl';

export const pluginMessages = untyped(
  defineMessages({
    placeLabel: {
      id: 'plugin.place.label',
      defaultMessage: 'Geo-Replication',
      description:
        "Menu entry under Storage, after Volumes, for the geo-replication sessions of Gluster clusters; use WebAdmin's own translation of Geo-Replication.",
    },
    drSetupButton: {
      id: 'plugin.volumes.drSetup',
      defaultMessage: 'Remote Data Sync Setup',
      description:
        "Action button on the Storage › Volumes list: sets up the scheduled sync of the volume's storage domain. The name of oVirt's own button: use WebAdmin's translation of it.",
    },
    volumeTabLabel: {
      id: 'plugin.volumeTab.label',
      defaultMessage: 'Geo-Replication (live)',
      description:
        "Sub tab of a Gluster volume, next to WebAdmin's own Geo-Replication sub tab: this one reads Gluster live. Keep it short: a tab label.",
    },
    newSessionButton: {
      id: 'plugin.volumes.newSession',
      defaultMessage: 'New Geo-Replication Session',
      description:
        'Action button on the Storage › Volumes list: opens the dialog creating a session from the selected volume (its primary volume).',
    },
  }),
);
