import { expect, request as playwrightRequest, test } from '@playwright/test';
import { csrfOf, signIn } from './helpers';

// The administrator's accounts: add one that can then sign in, refuse a bad
// one by naming the field, disable and enable, and the roles that must use
// a second factor.

async function canSignIn(baseURL: string, username: string, password: string): Promise<number> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    const answer = await context.post('/api/v1/session', { data: { username, password } });
    return answer.status();
  } finally {
    await context.dispose();
  }
}

test('an administrator adds an account that can sign in, then disables it', async ({ page, baseURL }) => {
  await signIn(page, 'beheerder');
  const accounts = page.getByRole('table', { name: 'Accounts' });
  await expect(accounts.getByRole('rowheader', { name: 'professional', exact: true })).toBeVisible();
  const username = `hulp.${Date.now() % 1_000_000}`;
  const password = 'een lange zin voor de test';

  await page.getByRole('button', { name: 'Account toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Nieuw account' });
  await form.getByLabel('Gebruikersnaam').fill(username);
  await form.getByLabel('Rol').selectOption('volunteer');
  await form.getByLabel('Wachtwoord').fill('te kort');
  await form.getByRole('button', { name: 'Account opslaan' }).click();
  await expect(form.getByRole('alert')).toContainText('password');
  await expect(accounts.getByRole('rowheader', { name: username })).toHaveCount(0);

  await form.getByLabel('Wachtwoord').fill(password);
  await form.getByRole('button', { name: 'Account opslaan' }).click();
  await expect(page.getByText(`Account ${username} is toegevoegd.`)).toBeVisible();
  const row = accounts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: username }) });
  await expect(row).toContainText('Vrijwilliger');
  await expect(row).toContainText('Actief');
  expect(await canSignIn(baseURL!, username, password)).toBe(201);

  await row.getByRole('button', { name: `Account ${username} uitschakelen` }).click();
  await expect(row).toContainText('Uitgeschakeld');
  expect(await canSignIn(baseURL!, username, password)).toBe(403);
  await row.getByRole('button', { name: `Account ${username} inschakelen` }).click();
  await expect(row).toContainText('Actief');
  expect(await canSignIn(baseURL!, username, password)).toBe(201);

  // A new password, set by the administrator.
  await row.getByRole('button', { name: `Nieuw wachtwoord voor ${username}` }).click();
  const reset = row.getByRole('form', { name: `Nieuw wachtwoord voor ${username}` });
  await reset.getByLabel('Wachtwoord').fill('nog een lange zin voor de test');
  await reset.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(page.getByText(`${username} heeft een nieuw wachtwoord`)).toBeVisible();
  expect(await canSignIn(baseURL!, username, 'nog een lange zin voor de test')).toBe(201);
});

test('an administrator requires a second factor for a role', async ({ page }) => {
  await signIn(page, 'beheerder');
  const researchers = page.getByRole('checkbox', { name: 'Onderzoeker' });
  await expect(researchers).not.toBeChecked();
  try {
    await researchers.check();
    await page.getByRole('button', { name: 'Eisen opslaan' }).click();
    await expect(page.getByText('Opgeslagen: een tweede factor is verplicht voor 1 rol.')).toBeVisible();
    const row = page.getByRole('table', { name: 'Accounts' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'onderzoeker', exact: true }) });
    await expect(row).toContainText('verplicht');
  } finally {
    // The other tests sign in as the researcher without one.
    const answer = await page.request.put('/api/v1/settings/second-factor', {
      data: { requiredRoles: [] },
      headers: { 'X-CSRF-Token': await csrfOf(page) },
    });
    expect(answer.status()).toBe(200);
  }
});

test('no other role sees the accounts', async ({ page }) => {
  await signIn(page, 'coordinator.maatjes');
  expect((await page.request.get('/api/v1/accounts')).status()).toBe(403);
  await page.goto('/beheer');
  await expect(page.getByRole('table', { name: 'Accounts' })).toHaveCount(0);
});

test('an administrator adds and renames an organisation, with an error on the field that is wrong', async ({ page }) => {
  await signIn(page, 'beheerder');
  const organisations = page.getByRole('table', { name: 'Organisaties' });
  await expect(organisations.locator('tbody tr').first()).toBeVisible();
  const name = `Buurthuis De Linde ${Date.now() % 100000}`;

  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe organisatie' });
  await form.getByLabel('Soort').selectOption('volunteerOrganisation');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(form.getByLabel('Naam')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('#organisation-name-error')).toContainText('must not be empty');
  await expect(form.getByRole('alert')).toContainText('name');

  await form.getByLabel('Naam').fill(name);
  await form.getByRole('checkbox', { name: /Formele hulp/ }).uncheck();
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText(`Organisatie ${name} is opgeslagen.`)).toBeVisible();
  const row = organisations.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row).toContainText('informeel');

  await row.getByRole('button', { name: `${name} wijzigen` }).click();
  const edit = page.getByRole('form', { name: `Organisatie ${name} wijzigen` });
  await expect(edit.getByLabel('Naam')).toHaveValue(name);
  await edit.getByLabel('Naam').fill(`${name} (nieuw)`);
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(organisations.getByRole('rowheader', { name: `${name} (nieuw)`, exact: true })).toBeVisible();
  await expect(organisations.getByRole('rowheader', { name, exact: true })).toHaveCount(0);
});

test('an administrator adds and changes a practice, with an error on the field that is wrong', async ({ page }) => {
  await signIn(page, 'beheerder');
  const practices = page.getByRole('table', { name: 'Praktijken' });
  await expect(practices.locator('tbody tr').first()).toBeVisible();
  const name = `Samen in de Pijp ${Date.now() % 100000}`;

  await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe praktijk' });
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('Beschrijving').fill('Maatjes voor wie alleen is');
  await form.getByRole('group', { name: 'Doelgroepen' }).getByRole('checkbox').first().check();
  const buurt = form.getByLabel('Buurtcodes');
  await buurt.fill('BU03630000, BU12');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(buurt).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('#practice-buurt-error')).toContainText('must be a CBS buurt code');
  await expect(form.getByRole('alert')).toContainText('buurtCodes[1]');
  await expect(practices.getByRole('rowheader', { name, exact: true })).toHaveCount(0);

  await buurt.fill('BU03630000, BU03630001');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText(`Praktijk ${name} is opgeslagen.`)).toBeVisible();
  const row = practices.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row).toContainText('BU03630000, BU03630001');

  await row.getByRole('button', { name: `${name} wijzigen` }).click();
  const edit = page.getByRole('form', { name: `Praktijk ${name} wijzigen` });
  await edit.getByLabel('Buurtcodes').fill('BU03630002');
  await edit.getByRole('group', { name: 'Organisaties' }).getByRole('checkbox').first().check();
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(row).toContainText('BU03630002');
  await expect(row).not.toContainText('BU03630001');
  const organisation = await edit.page().request.get('/api/v1/organisations?pageSize=1').then((r) => r.json());
  await expect(row).toContainText(organisation.items[0].name);
});
