import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('search, filters and paging narrow the households list', async ({ page }) => {
  await signIn(page, 'coordinator.maatjes');
  await page.goto('/huishoudens');
  const count = page.getByRole('heading', { level: 2, name: /huishoudens?$/ });
  await expect(count).toBeVisible();
  const total = Number((await count.innerText()).split(' ')[0]);
  expect(total).toBeGreaterThan(25);

  // Paging
  await page.getByRole('navigation', { name: 'Paginering van de huishoudens' }).getByRole('link', { name: /Volgende/ }).click();
  await expect(page).toHaveURL(/page=2/);

  // Status filter
  await page.getByLabel('Status').selectOption('aftercare');
  await expect(page).toHaveURL(/status=aftercare/);
  await expect(page.getByRole('table').locator('tbody tr').first()).toContainText('Nazorg');
  const rows = page.getByRole('table').locator('tbody tr');
  for (const row of await rows.all()) await expect(row).toContainText('Nazorg');

  // Search by name, keyboard only
  const first = await rows.first().getByRole('link').innerText();
  await page.getByLabel('Zoek op naam').fill(first);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(rows.first().getByRole('link')).toHaveText(first);
});
