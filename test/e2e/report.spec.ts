// The sizing report: built in the worker with progress, opened in a new tab as self-contained HTML that holds the
// claims table, and downloadable as report.html.
import { expect, test } from 'playwright/test';
import { openApp, openTier, shot } from './helpers';

test('report: build it, open the HTML, read the claims table', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, 'dark');
  await openTier(page, 'exam-portal/before.yaml');
  await page.getByTestId('open-report').click();
  const dlg = page.getByTestId('report-dialog');
  await expect(dlg).toBeVisible();
  await shot(page, 'report-dialog');
  await page.getByTestId('report-build').click();
  await expect(page.getByTestId('report-ready')).toBeVisible({ timeout: 60_000 });
  await shot(page, 'report-ready');

  const [tab] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('report-open').click()]);
  await tab.waitForLoadState('load');
  const claims = tab.locator('section#claims');
  await expect(claims).toBeVisible();
  await expect(claims.locator('table tbody tr').first()).toBeVisible();
  await expect(claims.locator('table')).toContainText(/holds|does not hold|partly|cannot be judged/);
  await expect(tab.locator('section#load-curve svg').first()).toBeVisible();
  await tab.screenshot({ path: 'test-results/screenshots/report-html.png' });
  await claims.scrollIntoViewIfNeeded();
  await tab.screenshot({ path: 'test-results/screenshots/report-html-claims.png' });
  await tab.close();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
  expect(download.suggestedFilename()).toBe('report.html');
});
