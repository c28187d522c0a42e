// The gallery lists every document's tiers with their headline; opening a tier shows the workspace.
import { expect, test } from 'playwright/test';
import { openApp, shot } from './helpers';

test('gallery groups tiers by document with headlines', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  await expect(page.getByRole('heading', { name: /fastapi/i })).toBeVisible();
  await expect(page.getByTestId('tier-card').first()).toBeVisible();
  await expect(page.getByTestId('max-users').first()).toContainText(/\d|–/, { timeout: 20_000 });
  await shot(page, 'gallery');
  expect(errors).toEqual([]);
});
