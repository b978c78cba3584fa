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

// The days a new activity can carry: acts are dated in the browser's day,
// ties and agreements in the server's UTC day; they differ only around midnight.
function todays(): string[] {
  const now = new Date();
  const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return [...new Set([local, now.toISOString().slice(0, 10)])];
}

test('a professional creates a household, adds network persons and ties, logs a support act and sees the ecomap and last activity change', async ({ page }) => {
  await signIn(page, 'professional');
  const name = `Familie Dekker ${Date.now() % 100000}`;
  const resident = `Joke ${Date.now() % 100000}`;
  await page.getByRole('link', { name: 'Nieuw huishouden' }).click();
  await expect(page).toHaveURL(/\/huishoudens\/nieuw$/);
  const form = page.getByRole('form', { name: 'Gegevens van het huishouden' });
  await form.getByLabel('Naam', { exact: true }).fill(name);
  await form.getByLabel('Doelgroep').selectOption('sociallyIsolated');
  await form.getByLabel('Eerste bewoner (niet verplicht)').fill(resident);

  // A wrong buurt code is named on its field and stores no household.
  const buurt = form.getByLabel('Buurtcode (niet verplicht)');
  await buurt.fill('BU123');
  await form.getByRole('button', { name: 'Huishouden opslaan' }).click();
  await expect(form.getByRole('alert')).toContainText('buurtCode');
  await expect(buurt).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('#nh-buurt-error')).toContainText('must be a CBS buurt code');
  const none = await page.request.get(`/api/v1/households?q=${encodeURIComponent(name)}`).then((r) => r.json());
  expect(none.total).toBe(0);

  await buurt.fill('BU03630000');
  await form.getByRole('button', { name: 'Huishouden opslaan' }).click();
  await expect(page).toHaveURL(/\/huishoudens\/[0-9a-f-]{36}$/);
  const householdId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

  // Nothing happened yet, so the list says so.
  await page.goto(`/huishoudens?q=${encodeURIComponent(name)}`);
  const listed = page.getByRole('table').locator('tbody tr');
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText('Nog niets');

  // Someone in the network, tied to the resident.
  await page.goto(`/huishoudens/${householdId}`);
  const rows = page.locator('#ecomap-table tbody tr');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  const neighbour = `Buurman Kees ${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  const add = page.getByRole('form', { name: 'Iemand toevoegen aan het netwerk' });
  await add.getByLabel('Naam').fill(neighbour);
  await add.getByLabel('Relatie').selectOption('neighbour');
  await add.getByLabel('Hoe dichtbij').selectOption('2');
  await add.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(rows).toHaveCount(before + 1);
  const row = rows.filter({ has: page.getByRole('button', { name: neighbour, exact: true }) });
  await expect(row).toContainText('Buurtbewoner');

  // Support from the neighbour shows in the map's count.
  const network = await page.request.get(`/api/v1/households/${householdId}/network`).then((r) => r.json());
  const kees = (network.nodes as { id: string; label: string }[]).find((n) => n.label === neighbour)!;
  await page.goto(`/steun-vastleggen?huishouden=${householdId}`);
  await page.getByLabel('Wie gaf de steun').selectOption(kees.id);
  await page.getByRole('radio', { name: 'Iemand uit het netwerk' }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Veilig opgeslagen' })).toBeVisible();
  await page.goto(`/huishoudens/${householdId}`);
  const updated = page.locator('#ecomap-table tbody tr').filter({ has: page.getByRole('button', { name: neighbour, exact: true }) });
  await expect(updated.locator('td').last()).toHaveText('1');

  // The list now shows today as the last activity.
  await page.goto(`/huishoudens?q=${encodeURIComponent(name)}`);
  const activity = listed.first().locator('time');
  await expect(activity).toBeVisible();
  expect(todays()).toContain(await activity.getAttribute('datetime'));
});

test('a coordinator sees the control to register a household and the last activity', async ({ page }) => {
  await signIn(page, 'coordinator.maatjes');
  await page.goto('/huishoudens');
  await expect(page.getByRole('link', { name: 'Nieuw huishouden' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Laatste activiteit' })).toBeVisible();
});

test('a volunteer does not see the control to register a household, nor its page', async ({ page }) => {
  await signIn(page, 'vrijwilliger');
  await page.goto('/huishoudens');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn huishoudens' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nieuw huishouden' })).toHaveCount(0);
  await page.goto('/huishoudens/nieuw');
  await expect(page).toHaveURL(/\/steun-vastleggen$/);
});
