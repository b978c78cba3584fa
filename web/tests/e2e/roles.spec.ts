import { expect, test } from '@playwright/test';
import { firstHousehold, kHomes, signIn, type DemoUser } from './helpers';

// Each role lands on its own home page and sees only the menu items the
// access rules give it. coordinator.maatjes is the demo research project's
// stakeholder for its practice, so a finding awaits it under Terugkoppeling.
const kMenus: Record<DemoUser, string[]> = {
  beheerder: ['Mijn huishoudens', 'Beheer'],
  'coordinator.maatjes': ['Dashboard', 'Mijn huishoudens', 'Hulpvragen', 'Matching', 'Steun vastleggen', 'Terugkoppeling'],
  'coordinator.wonen': ['Dashboard', 'Mijn huishoudens', 'Hulpvragen', 'Matching', 'Steun vastleggen'],
  professional: ['Mijn huishoudens', 'Hulpvragen', 'Steun vastleggen'],
  vrijwilliger: ['Mijn huishoudens', 'Steun vastleggen', 'Mijn hulp'],
  onderzoeker: ['Onderzoek'],
  client: ['Mijn dossier', 'Hulp vragen'],
};

for (const [user, home] of Object.entries(kHomes) as [DemoUser, (typeof kHomes)[DemoUser]][]) {
  test(`${user} signs in and sees their home page and menu`, async ({ page }) => {
    await signIn(page, user);
    if (home.heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(home.heading);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(menu.getByRole('link')).toHaveText(kMenus[user]);
  });
}

test('an unknown password is refused with a clear message', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill('professional');
  await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('De gebruikersnaam of het wachtwoord klopt niet.');
  await expect(page).toHaveURL(/\/inloggen$/);
});

test('a page that needs a session sends to sign-in and back', async ({ page }) => {
  await page.goto('/huishoudens?status=active');
  await expect(page).toHaveURL(/\/inloggen$/);
  await page.getByLabel('Gebruikersnaam').fill('professional');
  await page.getByLabel('Wachtwoord').fill('dichtbij-demo');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/huishoudens\?status=active$/);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'professional');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  const session = await page.request.get('/api/v1/session');
  expect(session.status()).toBe(401);
});

test('a volunteer sees only their part: no network map, no access log', async ({ page }) => {
  await signIn(page, 'vrijwilliger');
  await page.goto('/huishoudens');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('tab', { name: 'Ondersteuningsplan' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Netwerk' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Wie heeft dit bekeken' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Toestemmingen' })).toHaveCount(0);
  // The filters need data a volunteer does not get.
  await expect(page.getByLabel('Doelgroep')).toHaveCount(0);
});

test('a client sees their own file and who looked at it', async ({ page }) => {
  await signIn(page, 'client');
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
  await page.getByRole('tab', { name: 'Wie heeft dit bekeken' }).click();
  const log = page.getByRole('table');
  await expect(log).toContainText('client');
  await expect(page.getByRole('link', { name: 'Steun vastleggen' })).toHaveCount(0);
});

test('a researcher sees no names', async ({ page, browser }) => {
  // Names a professional sees: none may appear on the researcher's page.
  const professional = await browser.newPage();
  await signIn(professional, 'professional');
  const names = await professional.request
    .get('/api/v1/households?pageSize=50')
    .then(async (r) => ((await r.json()) as { items: { name: string }[] }).items.map((h) => h.name));
  await professional.close();
  expect(names.length).toBeGreaterThan(0);

  await signIn(page, 'onderzoeker');
  await expect(page.getByRole('heading', { name: 'Netwerkmaten per huishouden' })).toBeVisible();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  const text = await page.locator('main').innerText();
  for (const name of names) expect(text).not.toContain(name);
  await expect(page.getByRole('link', { name: 'Steunmomenten (CSV)' })).toHaveAttribute('href', '/api/v1/research/exports/support-acts');
});

test('a researcher cannot open a household page', async ({ page }) => {
  await signIn(page, 'onderzoeker');
  await page.goto('/huishoudens');
  await expect(page).toHaveURL(/\/onderzoek$/);
});

test('the professional reaches a household from the list', async ({ page }) => {
  await signIn(page, 'professional');
  const household = await firstHousehold(page);
  await page.getByRole('link', { name: household.name }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(household.name!);
});
