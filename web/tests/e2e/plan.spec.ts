import { expect, test } from '@playwright/test';
import { apiGet, csrfOf, firstHousehold, signIn } from './helpers';

interface Agreement {
  id: string;
  goal: string;
  responsiblePersonId: string;
}

test('a professional hands an agreement to someone from the network and sees the handover', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  await page.goto(`/huishoudens/${household.id}?tab=plan`);
  const handOver = page.getByRole('button', { name: /^Overdragen\s*: / }).first();
  const goal = (await handOver.textContent())!.replace(/^Overdragen\s*:\s*/, '');
  await handOver.click();

  const select = page.getByLabel('Overdragen aan');
  await expect(select).toBeFocused();
  const informal = select.locator('option', { hasText: '(informeel)' }).first();
  const to = (await informal.innerText()).replace(/ \(informeel\)$/, '');
  await select.selectOption({ label: await informal.innerText() });
  await page.getByRole('button', { name: 'Overdragen', exact: true }).click();

  await expect(page.getByRole('status').filter({ hasText: 'overgedragen' })).toHaveText(`De afspraak is overgedragen aan ${to}.`);
  const timeline = page.locator('.db-timeline');
  await expect(timeline).toContainText(goal);
  await expect(timeline).toContainText(to);
  await expect(timeline).toContainText('van professional naar netwerk');

  // The server has it: the first agreement (the table's first row) is now theirs.
  const agreements = await apiGet<{ items: Agreement[] }>(page.request, `/households/${household.id}/agreements?pageSize=200`);
  const network = await apiGet<{ nodes: { id: string; label: string }[] }>(page.request, `/households/${household.id}/network`);
  expect(agreements.items[0]!.goal).toBe(goal);
  expect(agreements.items[0]!.responsiblePersonId).toBe(network.nodes.find((n) => n.label === to)!.id);
});

test('an agreement changed by someone else meanwhile is not overwritten', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  await page.goto(`/huishoudens/${household.id}?tab=plan`);
  const handOver = page.getByRole('button', { name: /^Overdragen\s*: / }).first();
  await handOver.click();
  const form = page.locator('.db-handover-form');
  await expect(form).toBeVisible();

  // Someone else hands the same agreement to another person first.
  const agreements = await apiGet<{ items: (Agreement & Record<string, unknown>)[] }>(page.request, `/households/${household.id}/agreements?pageSize=200`);
  const network = await apiGet<{ nodes: { id: string; kind: string }[] }>(page.request, `/households/${household.id}/network`);
  const target = agreements.items[0]!;
  const other = network.nodes.find((n) => n.kind === 'person' && n.id !== target.responsiblePersonId)!;
  const current = await page.request.get(`/api/v1/households/${household.id}/agreements/${target.id}`);
  const { id: _id, ...fields } = (await current.json()) as Record<string, unknown>;
  const changed = await page.request.put(`/api/v1/households/${household.id}/agreements/${target.id}`, {
    data: { ...fields, responsiblePersonId: other.id },
    headers: { 'If-Match': current.headers()['etag']!, 'X-CSRF-Token': await csrfOf(page) },
  });
  expect(changed.status()).toBe(200);

  await form.getByRole('button', { name: 'Overdragen', exact: true }).click();
  await expect(form).toContainText('Iemand anders heeft deze afspraak intussen gewijzigd');
  const after = await apiGet<Agreement>(page.request, `/households/${household.id}/agreements/${target.id}`);
  expect(after.responsiblePersonId).toBe(other.id);
});

test('a volunteer sees the plan but cannot hand over', async ({ page }) => {
  await signIn(page, 'vrijwilliger');
  await page.goto('/huishoudens');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Ondersteuningsplan', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Overdragen/ })).toHaveCount(0);
});
