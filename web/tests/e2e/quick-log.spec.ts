import { expect, test, type Page } from '@playwright/test';
import { apiGet, signIn } from './helpers';

interface Act {
  id: string;
  note?: string;
  providerId: string;
  supportType: string;
}

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function actsWithNote(page: Page, householdId: string, note: string): Promise<Act[]> {
  const acts = await apiGet<{ items: Act[] }>(page.request, `/support-acts?householdId=${householdId}&fromDate=${today()}&pageSize=200`);
  return acts.items.filter((act) => act.note === note);
}

async function chosenHousehold(page: Page): Promise<string> {
  return page.getByLabel('Huishouden', { exact: true }).inputValue();
}

test('a professional logs a support act in a few taps, and it is stored', async ({ page }) => {
  await signIn(page, 'professional');
  await page.getByRole('link', { name: 'Steun vastleggen' }).click();
  const householdId = await chosenHousehold(page);
  const note = `e2e ${Date.now()}`;
  await page.getByRole('radio', { name: 'Emotionele steun' }).check();
  await page.getByRole('button', { name: '30 minuten' }).click();
  await page.getByLabel('Korte notitie').fill(note);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Veilig opgeslagen' })).toBeVisible();

  const stored = await actsWithNote(page, householdId, note);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.supportType).toBe('emotional');
  const session = await apiGet<{ account: { personId: string } }>(page.request, '/session');
  expect(stored[0]!.providerId).toBe(session.account.personId);

  // The household's log shows it.
  await page.getByRole('link', { name: 'Bekijk de steunlog' }).click();
  await expect(page.getByRole('table')).toContainText(note);
});

test('with the connection cut off mid-request the act is stored exactly once', async ({ page }) => {
  await signIn(page, 'professional');
  await page.goto('/steun-vastleggen');
  const householdId = await chosenHousehold(page);
  const note = `onderbroken ${Date.now()}`;
  const keys: string[] = [];
  let cut = false;
  await page.route('**/api/v1/support-acts', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    keys.push((await request.headerValue('idempotency-key')) ?? '');
    if (!cut) {
      // The server receives and stores the act; its answer never arrives.
      cut = true;
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.getByLabel('Korte notitie').fill(note);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Veilig opgeslagen' })).toBeVisible({ timeout: 20_000 });

  expect(keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(keys).size).toBe(1);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(await actsWithNote(page, householdId, note)).toHaveLength(1);
});

test('without any connection the form says it is not stored, and a retry later stores it once', async ({ page }) => {
  await signIn(page, 'professional');
  await page.goto('/steun-vastleggen');
  const householdId = await chosenHousehold(page);
  const note = `offline ${Date.now()}`;
  await page.route('**/api/v1/support-acts', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
  await page.getByLabel('Korte notitie').fill(note);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Nog niet opgeslagen' })).toBeVisible({ timeout: 30_000 });
  expect(await actsWithNote(page, householdId, note)).toHaveLength(0);

  await page.unroute('**/api/v1/support-acts');
  await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByRole('heading', { name: 'Veilig opgeslagen' })).toBeVisible();
  expect(await actsWithNote(page, householdId, note)).toHaveLength(1);
});

test('a volunteer logs the support they gave', async ({ page }) => {
  await signIn(page, 'vrijwilliger');
  await expect(page.getByLabel('Wie gaf de steun')).toHaveCount(0);
  const householdId = await chosenHousehold(page);
  const note = `vrijwilliger ${Date.now()}`;
  await page.getByRole('radio', { name: 'Gezelschap' }).check();
  await page.getByLabel('Korte notitie').fill(note);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Veilig opgeslagen' })).toBeVisible();
  expect(await actsWithNote(page, householdId, note)).toHaveLength(1);
});

test('on a phone the form fits the screen and its targets are large enough', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'vrijwilliger');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Opslaan' })).toBeInViewport();
  for (const tile of await page.locator('.db-tile span').all()) {
    const box = (await tile.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
});
