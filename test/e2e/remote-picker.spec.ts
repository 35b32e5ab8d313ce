// The Start dialog's remote volume picker in Chromium: a host of another Gluster cluster the user
// sees (gluster-dr of the demo lab) lists that cluster's volumes with their eligibility, and a
// choice fills the field; at 1024×768 and 1440×900 the list and its help stay in the dialog.
import { expect, login, placeFrame, test } from './fixtures';

for (const size of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`a remote of gluster-dr lists its volumes with their eligibility (${size.width}×${size.height})`, async ({
    page,
  }, info) => {
    await page.setViewportSize(size);
    await login(page, 'admin', 'gluster-georep');
    const f = placeFrame(page);
    await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
    await f.getByRole('button', { name: 'New session' }).first().click();
    const dlg = f.getByRole('dialog', { name: 'New geo-replication session' });
    await dlg.getByLabel('Secondary Host').fill('gdr1.lab.example');
    const picker = dlg.getByRole('combobox', { name: 'Volumes of cluster gluster-dr' });
    await expect(picker).toBeVisible();
    await expect(picker.getByRole('option')).not.toHaveCount(1); // the volumes are read
    const labels = await picker.getByRole('option').allTextContents();
    expect(labels[0]).toBe('Choose a volume, or type one below');
    for (const l of labels.slice(1)) expect(l).toMatch(/^\S+: (eligible|not eligible \(.+\))$/);
    await expect(dlg.getByText(/^\d+ of \d+ eligible\./)).toBeVisible();

    const first = labels[1]!.split(':')[0]!;
    await picker.selectOption(first);
    await expect(dlg.getByLabel('Secondary Volume/Path')).toHaveValue(first);
    // the picker lies within the dialog's width
    const box = (await picker.boundingBox())!;
    const dialogBox = (await dlg.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width);
    await picker.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath(`picker-${size.width}.png`) });
  });
}
