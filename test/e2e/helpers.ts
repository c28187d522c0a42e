// Shared steps for the e2e specs: open the app, open a gallery tier, save a screenshot.
import type { Page } from 'playwright/test';

export async function openApp(page: Page, theme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Gallery' }).waitFor();
}

export async function openTier(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="tier-card"][data-id="${id}"]`).getByTestId('open-tier').click();
  await page.getByTestId('run').waitFor();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
