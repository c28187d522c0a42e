// The claims table: each claim of the document beside the simulated value with a verdict and reason.
import { expect, test } from 'playwright/test';
import { openApp, openTier, shot } from './helpers';

test('read the claims table', async ({ page }) => {
  test.setTimeout(150_000);
  await openApp(page);
  await openTier(page, 'fastapi/standard.yaml');
  await page.getByRole('tab', { name: 'Claims' }).click();
  const table = page.getByTestId('claims-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await page.getByTestId('judge-claims').click();
  await expect(table.locator('.verdict.v-pending')).toHaveCount(0, { timeout: 120_000 });
  await expect(table.locator('tbody .verdict').first()).toHaveText(/holds|does not hold|partly|cannot be judged/);
  await shot(page, 'claims');
});
