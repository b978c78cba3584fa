import { expect, test } from '@playwright/test';
import { apiGet, firstHousehold, signIn } from './helpers';

test('the household page draws the ecomap and the same content as a table', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  const network = await page.request.get(`/api/v1/households/${household.id}/network`).then((r) => r.json());
  const persons = (network.nodes as { kind: string; label: string }[]).filter((n) => n.kind !== 'organisation');

  await page.goto(`/huishoudens/${household.id}`);
  const canvas = page.getByTestId('ecomap-canvas');
  await expect(canvas).toBeVisible();
  await expect(canvas.locator('canvas').first()).toBeVisible();
  await expect(canvas).toHaveAttribute('aria-label', new RegExp(`${network.nodes.length} personen`));

  const rows = page.locator('#ecomap-table tbody tr');
  await expect(rows).toHaveCount(persons.length);
  for (const person of persons) await expect(page.locator('#ecomap-table')).toContainText(person.label);

  // A person's ties and acts, chosen from the table with the keyboard.
  const someone = persons.find((p) => p.kind === 'person')!;
  await page.locator('#ecomap-table').getByRole('button', { name: someone.label }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: someone.label });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(/keer steun gegeven/);
  await expect(panel).toBeFocused();
});

test('the date slider shows the network as it was', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  await page.goto(`/huishoudens/${household.id}`);
  await expect(page.locator('#ecomap-table tbody tr').first()).toBeVisible();
  const caption = page.locator('#ecomap-table caption');
  const today = await caption.innerText();
  const slider = page.getByLabel('Netwerk op datum');
  const asked = page.waitForRequest((request) => /\/network\?date=\d{4}-\d{2}-\d{2}/.test(request.url()));
  await slider.focus();
  for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowLeft');
  await asked;
  await expect(caption).not.toHaveText(today);
  await page.getByRole('button', { name: 'Vandaag' }).click();
  await expect(caption).toHaveText(today);
});

test('support plan, log, consents and access log each show', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  await page.goto(`/huishoudens/${household.id}`);
  await page.getByRole('tab', { name: 'Ondersteuningsplan' }).click();
  await expect(page.getByRole('heading', { name: 'Ondersteuningsplan', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Overdrachten' })).toBeVisible();
  await page.getByRole('tab', { name: 'Steunlog' }).click();
  await expect(page.getByRole('heading', { name: 'Steunlog', level: 2 })).toBeVisible();
  await page.getByRole('tab', { name: 'Toestemmingen' }).click();
  await expect(page.getByRole('heading', { name: 'Toestemmingen', level: 2 })).toBeVisible();
  await page.getByRole('tab', { name: 'Wie heeft dit bekeken' }).click();
  const log = page.getByRole('table');
  // Our own visit of a moment ago is in it.
  await expect(log).toContainText('professional');
  await expect(log).toContainText('bekeek de netwerkkaart');
});

test('a professional adds someone to the network and sees the ecomap change', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  await page.goto(`/huishoudens/${household.id}`);
  const rows = page.locator('#ecomap-table tbody tr');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  const name = `Riet ${Date.now() % 100000}`;

  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Iemand toevoegen aan het netwerk' });
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('Relatie').selectOption('neighbour');
  await form.getByLabel('Hoe dichtbij').selectOption('1');
  await form.getByLabel('Soort band').selectOption('strong');
  await form.getByRole('checkbox', { name: 'Gezelschap' }).check();
  await form.getByRole('button', { name: 'Toevoegen' }).click();

  await expect(page.getByRole('status').filter({ hasText: name })).toHaveText(`${name} staat nu in het netwerk.`);
  await expect(rows).toHaveCount(before + 1);
  const row = rows.filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(row).toContainText('Buurtbewoner');
  await expect(row).toContainText('Heel dichtbij');
  await expect(row).toContainText('Sterk');
  await expect(page.getByTestId('ecomap-canvas')).toHaveAttribute('aria-label', /personen/);

  // Logging support from the new neighbour shows in the map's count.
  const network = await page.request.get(`/api/v1/households/${household.id}/network`).then((r) => r.json());
  const riet = (network.nodes as { id: string; label: string }[]).find((n) => n.label === name)!;
  await page.goto(`/steun-vastleggen?huishouden=${household.id}`);
  await page.getByLabel('Wie gaf de steun').selectOption(riet.id);
  await page.getByRole('radio', { name: 'Iemand uit het netwerk' }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Veilig opgeslagen' })).toBeVisible();
  await page.goto(`/huishoudens/${household.id}`);
  const updated = page.locator('#ecomap-table tbody tr').filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(updated.locator('td').last()).toHaveText('1');
});

test('a client adds someone to their own network', async ({ page }) => {
  await signIn(page, 'client');
  await expect(page.locator('#ecomap-table tbody tr').first()).toBeVisible();
  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Iemand toevoegen aan het netwerk' });
  await form.getByLabel('Naam').fill('Vriendin Sanne');
  await form.getByLabel('Relatie').selectOption('friend');
  await form.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.locator('#ecomap-table')).toContainText('Vriendin Sanne');
});

test('the change tab compares two dates and downloads the network as GraphML', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  await page.goto(`/huishoudens/${household.id}?tab=verandering`);
  const network = page.getByRole('table', { name: 'Netwerk' });
  await expect(network).toBeVisible();
  const then = await page.getByLabel('Van', { exact: true }).inputValue();
  const now = await page.getByLabel('Tot en met', { exact: true }).inputValue();
  const expected = await apiGet<{ measures: { size: number }; measuresThen: { size: number }; zrmChange: { domains: unknown[] }[] }>(
    page.request,
    `/analyses/households/${household.id}?compareWith=${then}&date=${now}`,
  );
  const size = network.getByRole('row').filter({ hasText: 'Omvang van het netwerk' }).getByRole('cell');
  await expect(size.nth(0)).toHaveText(String(expected.measuresThen.size));
  await expect(size.nth(1)).toHaveText(String(expected.measures.size));
  await expect(page.getByRole('table', { name: /^ZRM van/ })).toHaveCount(expected.zrmChange.length);

  // The same day twice: nothing changed.
  await page.getByLabel('Van', { exact: true }).fill(now);
  await expect(size.nth(0)).toHaveText(String(expected.measures.size));
  await expect(size.nth(2)).toHaveText('0');

  const href = await page.getByRole('link', { name: /als GraphML/ }).getAttribute('href');
  const graphml = await page.request.get(href!);
  expect(graphml.status()).toBe(200);
  expect(await graphml.text()).toContain('<graphml');
});
