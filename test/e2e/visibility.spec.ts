// What an administrator sees and may do, as a real engine answers WebAdmin (no Filter header): a
// GlusterAdmin of one cluster (through a group) sees every Gluster cluster, as WebAdmin's own
// Volumes view shows it, and may act only where its role is.
import { LAB_IDS } from '../../dev/lab';
import { expect, login, placeFrame, test } from './fixtures';

test('a GlusterAdmin of gluster-dr (through its group) sees gluster-prod too, read-only', async ({
  page,
}) => {
  await login(page, 'groupadmin', `gluster-georep;cluster=${LAB_IDS.clusterProd}`);
  const f = placeFrame(page);
  await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
  const cluster = f.getByRole('combobox', { name: 'Cluster' });
  await expect(cluster).toHaveValue(LAB_IDS.clusterProd);
  await expect(cluster.getByRole('option')).toHaveText(['gluster-prod', 'gluster-dr'], {
    useInnerText: true,
  });
  const archive = f.getByRole('row').filter({
    has: f.getByRole('checkbox', {
      name: 'Select session archive to root@gdr1.lab.example::archive-dr',
    }),
  });
  await expect(archive).toContainText('Paused');
  await archive.getByRole('checkbox').check();
  const resume = f.getByRole('button', { name: 'Resume', exact: true });
  await expect(resume).toBeDisabled();
  await resume.hover({ force: true });
  await expect(
    f
      .getByText(
        /may view the geo-replication sessions of cluster gluster-prod but not change them/,
      )
      .first(),
  ).toBeVisible();
  // On its own cluster (no session yet) it may start one.
  await cluster.selectOption({ label: 'gluster-dr' });
  await expect(f.getByText('No geo-replication sessions')).toBeVisible();
  await expect(f.getByText('Start one with New session.')).toBeVisible();
  await expect(f.getByRole('button', { name: 'New session' }).first()).toBeEnabled();
});
