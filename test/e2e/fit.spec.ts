// The tab at the two sizes WebAdmin is used at (1024×768 and 1440×900): nothing scrolls sideways
// (main view, a session's details, the Options dialog, the Start dialog), the toolbar stays on one
// line, axe is clean at 1024 px; and the Start flow driven with the keyboard alone, its outcome in
// view and focused.
import type { Frame, Page } from '@playwright/test';
import { axeViolations, expect, login, placeFrame, placeFrameHandle, test } from './fixtures';

/** The place's document does not scroll sideways. */
async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const frame = await placeFrameHandle(page);
  const [scroll, client] = await frame.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `${what}: scrolls sideways (${scroll} > ${client})`).toBeLessThanOrEqual(client);
}

for (const [width, height] of [
  [1024, 768],
  [1440, 900],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ windowSize: { width, height } });

    test('nothing scrolls sideways; the toolbar stays on one line', async ({ page }) => {
      await login(page, 'admin', 'gluster-georep');
      const f = placeFrame(page);
      await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
      await expectNoSideScroll(page, 'the sessions table');

      // one line: New session, the filter and the refresh button share a row
      const spread = async () => {
        const middles = await Promise.all(
          [
            f.getByRole('button', { name: 'New session' }),
            f.getByRole('textbox', { name: 'Filter sessions by text' }),
            f.getByRole('button', { name: 'Refresh' }),
          ].map(async (l) => {
            const b = (await l.boundingBox())!;
            return Math.round(b.y + b.height / 2);
          }),
        );
        return Math.max(...middles) - Math.min(...middles);
      };
      await page.screenshot({ path: test.info().outputPath(`tab-${width}.png`) });
      await expect.poll(spread).toBeLessThan(12);
      if (width < 1200) {
        // the actions on the selection are one menu here
        await expect(f.getByRole('button', { name: 'Actions', exact: true })).toBeVisible();
      } else {
        await expect(f.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
      }

      // a session's details: workers by replica set (cards below xl)
      await f.getByRole('button', { name: /^Details of session data to / }).click();
      await expect(f.getByRole('region', { name: 'Replica set 1' })).toBeVisible();
      await expectNoSideScroll(page, 'a session expanded');
      await f.getByRole('button', { name: /^Details of session data to / }).click();

      // the Options dialog
      await f.getByRole('button', { name: /^Actions for session data to / }).click();
      await f.getByRole('menuitem', { name: 'Options' }).click();
      const options = f.getByRole('dialog', { name: 'Geo-replication options' });
      await expect(options.getByRole('grid', { name: 'Options of the session' })).toBeVisible();
      await expectNoSideScroll(page, 'the Options dialog');
      const box = (await options.boundingBox())!;
      const frameWidth = await (await placeFrameHandle(page)).evaluate(() => window.innerWidth);
      expect(box.x + box.width).toBeLessThanOrEqual(frameWidth + 250); // frame offset by the menu
      await options.getByRole('button', { name: 'Close' }).last().click();

      // the Start dialog, with the options editor open
      await f.getByRole('button', { name: 'New session' }).click();
      const start = f.getByRole('dialog', { name: 'New geo-replication session' });
      await start.getByRole('checkbox', { name: 'Use Default' }).uncheck();
      await start.getByRole('button', { name: /^All options/ }).click();
      await expectNoSideScroll(page, 'the Start dialog with all options');
      await page.screenshot({ path: test.info().outputPath(`start-${width}.png`) });
    });
  });
}

test.describe('at 1024×768', () => {
  test.use({ windowSize: { width: 1024, height: 768 } });

  test('axe finds nothing in the main view', async ({ page }) => {
    await login(page, 'admin', 'gluster-georep');
    await expect(
      placeFrame(page).getByRole('grid', { name: 'Geo-replication sessions' }),
    ).toBeVisible();
    const { violations, rulesApplied } = await axeViolations(page.mainFrame(), [
      'iframe.place-frame',
      'body',
    ]);
    expect(rulesApplied).toBeGreaterThan(10);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  test('the Start flow with the keyboard alone, its outcome in view and focused', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await login(page, 'admin', 'gluster-georep');
    const f = placeFrame(page);
    await expect(f.getByRole('grid', { name: 'Geo-replication sessions' })).toBeVisible();
    const frame = await placeFrameHandle(page);
    const focused = (fr: Frame) =>
      fr.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
        return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim();
      });
    /** Tab until the focused element is named `name`; at most `max` presses. */
    const tabTo = async (name: string | RegExp, max: number): Promise<number> => {
      for (let i = 1; i <= max; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(frame);
        if (typeof name === 'string' ? now === name : name.test(now)) return i;
      }
      throw new Error(`${String(name)} not reached in ${max} Tab presses`);
    };

    await f.getByLabel('Cluster').focus();
    const presses = await tabTo('New session', 6);
    expect(presses).toBeLessThanOrEqual(6);
    await page.keyboard.press('Enter');
    const dlg = f.getByRole('dialog', { name: 'New geo-replication session' });
    await expect(dlg).toBeVisible();
    // the first field has the focus
    await expect(dlg.getByLabel('Primary volume')).toBeFocused();
    await page.keyboard.type('home');
    await expect(dlg.getByLabel('Primary volume')).toHaveValue('home');
    await tabTo(/^Start Geo-Replication from Host/, 3);
    await page.keyboard.type('gprod2');
    await expect(dlg.getByLabel('SSH fingerprint of gprod2')).toHaveValue(/^SHA256:/);
    await tabTo(/^Secondary Host/, 4);
    await page.keyboard.type('gdr1.lab.example');
    await tabTo(/^Secondary Volume\/Path/, 3);
    await page.keyboard.type('backup-dr');
    // Enter submits the form: OK
    await page.keyboard.press('Enter');

    const outcome = dlg.getByTestId('start-outcome');
    await expect(outcome).toBeVisible({ timeout: 30_000 });
    await expect(outcome).toContainText('created and started');
    await expect(outcome).toBeInViewport();
    await expect(dlg.getByTestId('start-progress')).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('keyboard-outcome.png') });

    // Escape closes; the focus is back on what opened the dialog
    await page.keyboard.press('Escape');
    await expect(dlg).toBeHidden();
    await expect(f.getByRole('button', { name: 'New session' })).toBeFocused();
  });
});
