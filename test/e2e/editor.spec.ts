// Open a scenario, simulate it, edit a setting and see the result change; validation at the field; undo.
import { expect, test } from 'playwright/test';
import { openApp, openTier, shot } from './helpers';

test('edit a setting and see the simulated result change', async ({ page }) => {
  await openApp(page);
  await openTier(page, 'darra/phase-1-postgresql.yaml');
  await expect(page.getByTestId('tiles')).toHaveAttribute('data-source', 'analytic');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('tiles')).toHaveAttribute('data-source', 'simulated', { timeout: 30_000 });
  const before = await page.getByTestId('tile-p95').locator('.tile-value').innerText();

  const workers = page.locator('[data-path="app.workers"]');
  await workers.fill('1');
  await expect(page.getByTestId('run-status')).toContainText('settings changed');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('tiles')).toHaveAttribute('data-source', 'simulated', { timeout: 30_000 });
  const after = await page.getByTestId('tile-p95').locator('.tile-value').innerText();
  expect(after).not.toEqual(before);
  await shot(page, 'editor-result-changed');

  // A word where a number belongs: the message sits at the field, and undo brings the number back.
  await workers.fill('eight');
  await expect(page.locator('.field-invalid .field-error').first()).toContainText('expected a whole number');
  // The load slider stays in place (disabled) while the scenario is invalid.
  await expect(page.getByTestId('load-slider')).toBeVisible();
  await expect(page.getByTestId('load-slider')).toBeDisabled();
  await shot(page, 'editor-field-error');
  await page.locator('body').click({ position: { x: 1200, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(workers).toHaveValue('1');
  await page.getByTestId('undo').click();
  await expect(workers).not.toHaveValue('1');
});

test('dark theme and the shortcut help', async ({ page }) => {
  await openApp(page, 'dark');
  await openTier(page, 'fastapi/production.yaml');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('tiles')).toHaveAttribute('data-source', 'simulated', { timeout: 40_000 });
  await shot(page, 'workspace-dark');
  await page.locator('body').press('?');
  await expect(page.getByTestId('help')).toBeVisible();
  await shot(page, 'help-overlay');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toBeHidden();
});
