import { expect, test, type Page } from '@playwright/test';
import { firstHousehold, signIn } from './helpers';

// The dashboard and the household page start their first requests while
// their code (with ECharts, Cytoscape) is still loading, and ask for each
// only once (App.tsx, Guarded's prefetch).

/** Holds back the page chunk matching pattern until the API requests seen
 * so far have been counted; returns the paths requested before it was let through. */
async function holdChunk(page: Page, pattern: RegExp) {
  const api: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/')) api.push(url.pathname + url.search);
  });
  const before: string[] = [];
  await page.route(pattern, async (route) => {
    // Long enough for requests that do not wait for this chunk to go out.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    before.push(...api);
    await route.continue();
  });
  return { api, before };
}

test('the dashboard asks for its analyses before its charts have loaded, and once', async ({ page }) => {
  await signIn(page, 'coordinator.maatjes');
  await page.goto('/huishoudens');
  const seen = await holdChunk(page, /\/assets\/(Dashboard|ChartWithTable)-[^/]*\.js$/);
  await page.goto('/dashboard');
  await expect(page.getByRole('region', { name: 'Mobilisatie van steun per maand' }).locator('canvas')).toBeVisible();
  await expect(page.locator('.db-chart canvas')).toHaveCount(4);
  const analyses = (paths: string[]) => paths.filter((path) => path.startsWith('/api/v1/analyses/'));
  const early = analyses(seen.before);
  expect(early.some((path) => path.endsWith('/mobilisation'))).toBe(true);
  expect(early.some((path) => path.endsWith('/collaboration'))).toBe(true);
  expect(early.some((path) => path.startsWith('/api/v1/analyses/households'))).toBe(true);
  expect(early).toContain('/api/v1/analyses/practices');
  // Each once: the page found the prefetched answers in the cache.
  const all = analyses(seen.api);
  expect(new Set(all).size).toBe(all.length);
  expect(all).toHaveLength(4);
});

test('the household page asks for the household and its network before its code has loaded, and once', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  const seen = await holdChunk(page, /\/assets\/Household-[^/]*\.js$/);
  await page.goto(`/huishoudens/${household.id}`);
  await expect(page.locator('#ecomap-table tbody tr').first()).toBeVisible();
  const own = `/api/v1/households/${household.id}`;
  expect(seen.before).toContain(own);
  expect(seen.before).toContain(`${own}/network`);
  expect(seen.api.filter((path) => path === own)).toHaveLength(1);
  expect(seen.api.filter((path) => path === `${own}/network`)).toHaveLength(1);
});
