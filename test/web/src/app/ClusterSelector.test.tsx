// The cluster selector: only the Gluster clusters the engine returns for the user, the choice
// remembered, a deep link naming the cluster.
import { screen, waitFor, within } from '@testing-library/react';
import { CLUSTER_STORAGE_KEY } from '../../../../src/app/useClusterChoice';
import {
  CLUSTER,
  CLUSTER_2,
  fakeServices,
  makeSession,
  memoryStore,
  renderApp,
  rowVolumes,
  sessionList,
} from '../../../support/app-harness';

function servicesForTwoClusters() {
  return fakeServices([], {
    listGlusterClusters: jest.fn().mockResolvedValue([CLUSTER, CLUSTER_2]),
    listSessions: jest.fn((cid: string) =>
      Promise.resolve(
        sessionList([
          makeSession({
            primary_volume: cid === CLUSTER.id ? 'east-vol' : 'west-vol',
            cluster_id: cid,
          }),
        ]),
      ),
    ),
  });
}

test('lists the Gluster clusters and shows the first one by default', async () => {
  const services = servicesForTwoClusters();
  renderApp({ services });
  const select = await screen.findByRole('combobox', { name: 'Cluster' });
  expect(
    within(select)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['gluster-east', 'gluster-west']);
  expect(select).toHaveValue(CLUSTER.id);
  expect(await rowVolumes()).toEqual(['east-vol']);
});

test('choosing a cluster shows its sessions and remembers the choice', async () => {
  const services = servicesForTwoClusters();
  const store = memoryStore();
  const { user } = renderApp({ services, store });
  const select = await screen.findByRole('combobox', { name: 'Cluster' });
  await user.selectOptions(select, CLUSTER_2.id);
  await waitFor(async () => expect(await rowVolumes()).toEqual(['west-vol']));
  expect(services.listSessions).toHaveBeenCalledWith(CLUSTER_2.id);
  expect(store.setItem).toHaveBeenCalledWith(CLUSTER_STORAGE_KEY, CLUSTER_2.id);
});

test('the remembered cluster is shown first', async () => {
  const store = memoryStore({ [CLUSTER_STORAGE_KEY]: CLUSTER_2.id });
  renderApp({ services: servicesForTwoClusters(), store });
  expect(await screen.findByRole('combobox', { name: 'Cluster' })).toHaveValue(CLUSTER_2.id);
  expect(await rowVolumes()).toEqual(['west-vol']);
});

test('a remembered cluster the user no longer sees is ignored', async () => {
  const store = memoryStore({ [CLUSTER_STORAGE_KEY]: 'gone' });
  renderApp({ services: servicesForTwoClusters(), store });
  expect(await screen.findByRole('combobox', { name: 'Cluster' })).toHaveValue(CLUSTER.id);
});

test('a deep link (?cluster=) wins over the remembered cluster', async () => {
  const store = memoryStore({ [CLUSTER_STORAGE_KEY]: CLUSTER.id });
  renderApp({
    services: servicesForTwoClusters(),
    store,
    location: { search: `?cluster=${CLUSTER_2.id}`, hash: '' },
  });
  expect(await screen.findByRole('combobox', { name: 'Cluster' })).toHaveValue(CLUSTER_2.id);
  expect(await rowVolumes()).toEqual(['west-vol']);
});

test('a deep link in the hash (#cluster=) works too', async () => {
  renderApp({
    services: servicesForTwoClusters(),
    location: { search: '', hash: `#cluster=${CLUSTER_2.id}` },
  });
  expect(await screen.findByRole('combobox', { name: 'Cluster' })).toHaveValue(CLUSTER_2.id);
});

test('a deep link to a cluster the user does not see is reported and not used', async () => {
  const services = servicesForTwoClusters();
  renderApp({ services, location: { search: '?cluster=%3Cscript%3Ex', hash: '' } });
  expect(await screen.findByText(/The link names cluster “<script>x”/)).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Cluster' })).toHaveValue(CLUSTER.id);
  expect(services.listSessions).not.toHaveBeenCalledWith('<script>x');
});
