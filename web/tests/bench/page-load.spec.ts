import { expect, test } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';
import { firstHousehold, signIn } from '../e2e/helpers';

// How long a page takes until it is usable on the demo data: from
// navigation until its main content is on screen (issue 7's bar: 1 s).
// A benchmark, not a test: bench/web_pages.sh runs it several times and
// reports medians; each run appends one JSON line to the file below.
const kResults = 'test-results/page-load.jsonl';

function record(name: string, started: number) {
  mkdirSync('test-results', { recursive: true });
  appendFileSync(kResults, `${JSON.stringify({ name, ms: Date.now() - started })}\n`);
}

test('households list, household page and quick logging', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);

  let started = Date.now();
  await page.goto('/huishoudens');
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  record('households', started);

  started = Date.now();
  await page.goto(`/huishoudens/${household.id}`);
  await expect(page.locator('#ecomap-table tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('ecomap-canvas').locator('canvas').first()).toBeVisible();
  record('householdEcomap', started);

  started = Date.now();
  await page.goto('/steun-vastleggen');
  await expect(page.getByRole('button', { name: 'Opslaan' })).toBeEnabled();
  record('quickLog', started);
});

test('the coordinator dashboard', async ({ page }) => {
  await signIn(page, 'coordinator.maatjes');
  const started = Date.now();
  await page.goto('/dashboard');
  // Usable: the key figures and the mobilisation chart; the carrying
  // capacity chart waits for the network measures of every household,
  // computed by the server on request.
  await expect(page.getByRole('list', { name: 'Kerncijfers van het afgelopen jaar' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mobilisatie van steun per maand' }).locator('canvas')).toBeVisible();
  record('dashboardUsable', started);
  await expect(page.locator('.db-chart canvas')).toHaveCount(4, { timeout: 30_000 });
  record('dashboardAllCharts', started);
});
