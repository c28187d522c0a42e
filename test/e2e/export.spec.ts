// The export dialog: target and versions, a preview of each file with Copy, warnings on screen (a config that
// does not fit its host's memory), and Save all → a ZIP whose listing has the expected files.
import { expect, test } from 'playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { openApp, openTier, shot } from './helpers';

test('export: preview files, see an over-memory warning, save all as a zip', async ({ page }) => {
  await openApp(page);
  await openTier(page, 'darra/phase-1-postgresql.yaml');

  // Ctrl+E opens the dialog; the default target (compose) lists its files.
  await page.locator('body').click({ position: { x: 1200, y: 20 } });
  await page.keyboard.press('Control+e');
  const dlg = page.getByTestId('export-dialog');
  await expect(dlg).toBeVisible();
  const list = page.getByTestId('export-file-list');
  await expect(list.locator('[data-file="docker-compose.yml"]')).toBeVisible();
  await list.locator('[data-file="gunicorn.conf.py"]').click();
  await expect(page.getByTestId('export-preview-name')).toHaveText('gunicorn.conf.py');
  await expect(page.getByTestId('export-preview')).toContainText('workers');
  await shot(page, 'export-dialog');

  // Bare metal: systemd units instead of a compose file; a version choice changes the output.
  await dlg.getByText('Bare metal / VMs').click();
  await expect(list.locator('[data-file="docker-compose.yml"]')).toHaveCount(0);
  await expect(list.locator('[data-file$=".service"]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dlg).toBeHidden();

  // 400 gunicorn workers do not fit the app host's RAM: the warning is on screen, not only in a file.
  await page.locator('[data-path="app.workers"]').fill('400');
  await page.getByTestId('open-export').click();
  const warnings = page.getByTestId('export-warnings');
  await expect(warnings).toContainText(/RAM/);
  await expect(warnings).toContainText(/swap or OOM/);
  await expect(warnings).toBeInViewport();
  await shot(page, 'export-over-memory');

  // Save all: a store-only zip that Python's zipfile lists.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save-all').click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  mkdirSync('test-results/downloads', { recursive: true });
  const path = `test-results/downloads/${download.suggestedFilename()}`;
  await download.saveAs(path);
  const listing = execFileSync('python3', ['-m', 'zipfile', '-l', path], { encoding: 'utf8' });
  for (const f of ['docker-compose.yml', 'gunicorn.conf.py', 'postgresql.conf', 'scenario.yaml', 'README.md', '.env.example']) expect(listing).toContain(f);
  execFileSync('python3', ['-m', 'zipfile', '-t', path]);
  await expect(page.getByTestId('export-saved')).toContainText('.zip');
});
