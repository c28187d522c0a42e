// Size a deployment: a small target on the open scenario's profile produces a priced, explained recommendation
// that opens in the editor.
import { expect, test } from 'playwright/test';
import { openApp, openTier, shot } from './helpers';

test('sizing: a small target produces a recommendation that opens as a scenario', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await openTier(page, 'fastapi/standard.yaml');
  await page.getByRole('tab', { name: 'Size' }).click();
  const form = page.getByTestId('sizing-form');
  await expect(form).toBeVisible();
  await page.getByTestId('sizing-kind-users').check();
  await page.getByTestId('sizing-amount').fill('200');
  await page.getByTestId('sizing-provider').selectOption('digitalocean');
  await page.getByTestId('sizing-run').click();
  const rec = page.getByTestId('sizing-recommendation');
  await expect(rec).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('sizing-cost')).toContainText('$');
  await expect(page.getByTestId('sizing-explanation')).toContainText('binds next');
  await expect(page.getByTestId('sizing-cost-table')).toContainText('Total');
  await shot(page, 'sizing-recommendation');

  await page.getByTestId('sizing-open').click();
  await expect(page.getByTestId('run')).toBeVisible();
  await expect(page.locator('.pane-title h2')).toContainText('Recommended for 200 concurrent users');
  await expect(page.getByTestId('tiles')).toHaveAttribute('data-source', 'analytic');
});
