// The words of a volume's Geo-Replication (live) sub tab: its own page, so its own module.
import { defineMessages } from '../intl/react';
import { untyped } from '../intl';

export const volumeTabMessages = untyped(
  defineMessages({
    title: {
      id: 'georep.volumeTab.title',
      defaultMessage: 'Geo-replication sessions from volume {volume}',
      description:
        "Heading of a volume's Geo-Replication (live) sub tab: the sessions whose primary volume it is. {volume} is the volume name, e.g. vmstore.",
    },
    titleNoVolume: {
      id: 'georep.volumeTab.titleNoVolume',
      defaultMessage: 'Geo-replication sessions of this volume',
      description: "Heading of a volume's sub tab before the volume's name is known.",
    },
    noVolumeTitle: {
      id: 'georep.volumeTab.noVolumeTitle',
      defaultMessage: 'No volume selected',
      description: "Empty-state title of a volume's sub tab when WebAdmin gave no volume.",
    },
    noVolumeBody: {
      id: 'georep.volumeTab.noVolumeBody',
      defaultMessage:
        'WebAdmin did not say which volume this tab is for. Open the volume again from Storage › Volumes.',
      description:
        'Empty-state text under "No volume selected". Storage › Volumes is WebAdmin\'s menu path.',
    },
    noClusterTitle: {
      id: 'georep.volumeTab.noClusterTitle',
      defaultMessage: 'Cluster not found',
      description: "Empty-state title of a volume's sub tab when its cluster is not visible.",
    },
    noClusterBody: {
      id: 'georep.volumeTab.noClusterBody',
      defaultMessage:
        'The cluster of volume {volume} is not among the Gluster clusters you see, so its sessions cannot be shown.',
      description:
        'Empty-state text under "Cluster not found". {volume} is the volume name, e.g. vmstore.',
    },
  }),
);
