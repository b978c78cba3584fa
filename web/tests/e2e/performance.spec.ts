import { expect, test } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
import { firstHousehold, signIn } from './helpers';

// How long a page takes until it is usable on the demo data: from
// navigation until its main content is on screen. The bar (issue 7) is 1 s;
// the test fails only well above it so that a busy test machine does not
// make it flaky, and reports the figures.
const results: Record<string, number> = {};

test.afterAll(() => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/performance.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('page load (ms):', results);
});

test('households list and household page load fast', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);

  let started = Date.now();
  await page.goto('/huishoudens');
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  results.households = Date.now() - started;

  started = Date.now();
  await page.goto(`/huishoudens/${household.id}`);
  await expect(page.locator('#ecomap-table tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('ecomap-canvas').locator('canvas').first()).toBeVisible();
  results.householdEcomap = Date.now() - started;

  started = Date.now();
  await page.goto('/steun-vastleggen');
  await expect(page.getByRole('button', { name: 'Opslaan' })).toBeEnabled();
  results.quickLog = Date.now() - started;

  for (const [name, ms] of Object.entries(results)) expect(ms, name).toBeLessThan(3000);
});

test('the coordinator dashboard loads fast', async ({ page }) => {
  await signIn(page, 'coordinator.maatjes');
  const started = Date.now();
  await page.goto('/dashboard');
  // Usable: the key figures and the mobilisation chart; the carrying
  // capacity chart waits for the network measures of every household,
  // computed by the server on request.
  await expect(page.getByRole('list', { name: 'Kerncijfers van het afgelopen jaar' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mobilisatie van steun per maand' }).locator('canvas')).toBeVisible();
  results.dashboardUsable = Date.now() - started;
  await expect(page.locator('.db-chart canvas')).toHaveCount(4, { timeout: 15_000 });
  results.dashboardAllCharts = Date.now() - started;
  expect(results.dashboardUsable).toBeLessThan(3000);
});
