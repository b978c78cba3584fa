import { expect, test } from '@playwright/test';
import { apiGet, firstHousehold, signIn } from './helpers';

interface Assessment {
  id: string;
  date: string;
  scores: { domain: string; score: number }[];
}

test('a ZRM assessment with only three domains filled in is saved and charted', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  const before = await apiGet<{ items: Assessment[] }>(page.request, `/households/${household.id}/assessments?pageSize=200`);
  await page.goto(`/huishoudens/${household.id}?tab=zrm`);
  await page.getByRole('button', { name: 'Nieuwe meting' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe ZRM-meting' });
  await form.getByLabel('Financiën').selectOption('2');
  await form.getByLabel('Huisvesting').selectOption('4');
  await form.getByLabel('Sociaal netwerk').selectOption('3');
  await form.getByRole('button', { name: 'Opslaan (3 domeinen)' }).click();
  await expect(form).toHaveCount(0);

  const after = await apiGet<{ items: Assessment[] }>(page.request, `/households/${household.id}/assessments?pageSize=200`);
  expect(after.items).toHaveLength(before.items.length + 1);
  const added = after.items.find((a) => !before.items.some((b) => b.id === a.id))!;
  expect(added.scores.map((s) => [s.domain, s.score]).sort()).toEqual([
    ['finances', 2],
    ['housing', 4],
    ['socialNetwork', 3],
  ]);

  const chart = page.getByRole('region', { name: 'ZRM-profiel over de tijd' });
  await expect(chart.locator('canvas').first()).toBeVisible();
  await chart.getByRole('button', { name: 'Tabel' }).click();
  const table = chart.getByRole('table');
  await expect(table.getByRole('rowheader', { name: 'Sociaal netwerk' })).toBeVisible();
  await expect(table).toContainText('4 Voldoende zelfredzaam');
});

test('a client sees the ZRM chart but cannot add an assessment', async ({ page }) => {
  await signIn(page, 'client');
  await page.getByRole('tab', { name: 'ZRM' }).click();
  await expect(page.getByRole('heading', { name: 'Zelfredzaamheid (ZRM)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nieuwe meting' })).toHaveCount(0);
});
