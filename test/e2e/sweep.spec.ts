// A sweep streams simulated points into the latency chart and can be stopped; a crashed worker is replaced
// and the user told.
import { expect, test } from 'playwright/test';
import { openApp, openTier, shot } from './helpers';

test('run a sweep, see points stream in, stop it', async ({ page }) => {
  await openApp(page);
  await openTier(page, 'darra/phase-3-postgresql.yaml');
  await page.getByTestId('sweep').click();
  await expect(page.getByTestId('stop')).toBeVisible();
  await expect(page.getByTestId('chart-latency')).toContainText(/[1-9] of \d+ simulated loads/, { timeout: 40_000 });
  await shot(page, 'sweep-streaming');
  const before = await page.getByTestId('tiles').boundingBox();
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('banner')).toContainText('stopped');
  // The banner floats: nothing below the title bar moved when it appeared.
  expect(await page.getByTestId('tiles').boundingBox()).toEqual(before);
  await shot(page, 'sweep-stopped-banner');
  await expect(page.getByTestId('stop')).toBeHidden();
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.getByTestId('chart-latency').scrollIntoViewIfNeeded();
  await shot(page, 'sweep-stopped-charts');
});

test('a crashed worker is replaced and the user sees an error', async ({ page }) => {
  await openApp(page);
  await openTier(page, 'darra/phase-3-postgresql.yaml');
  await page.getByTestId('sweep').click();
  await expect(page.getByTestId('stop')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __capsim: { client: { crashForTest(): void } } }).__capsim.client.crashForTest());
  await expect(page.getByTestId('banner')).toContainText('crashed');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('tiles')).toHaveAttribute('data-source', 'simulated', { timeout: 30_000 });
});
