import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// A browser that leaves a page while its files are still coming in closes
// those connections; the server must shrug that off (it once died of
// SIGPIPE on exactly this), or every later request fails.
test('leaving pages mid-load does not stop the server', async ({ page }) => {
  await signIn(page, 'coordinator.maatjes');
  for (let i = 0; i < 15; i += 1) {
    await page.goto('/dashboard', { waitUntil: 'commit' });
    await page.goto('/huishoudens', { waitUntil: 'commit' });
  }
  const health = await page.request.get('/api/v1/health');
  expect(health.status()).toBe(200);
  await page.goto('/huishoudens');
  await expect(page.getByRole('table')).toBeVisible();
});
