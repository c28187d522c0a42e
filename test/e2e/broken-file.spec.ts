// Opening a broken scenario file shows its one-line errors in a designed error state.
import { expect, test } from 'playwright/test';
import { fileURLToPath } from 'node:url';
import { openApp, shot } from './helpers';

test('a broken scenario file shows its errors', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(fileURLToPath(new URL('./fixtures/broken-scenario.yaml', import.meta.url)));
  const err = page.getByTestId('file-error');
  await expect(err).toBeVisible();
  await expect(err).toContainText('broken-scenario.yaml could not be opened');
  await expect(err).toContainText('hosts[0].vcpus');
  await expect(err).toContainText('app.wrokers_typo');
  await shot(page, 'broken-file');
});
