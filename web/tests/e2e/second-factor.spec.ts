import { expect, test } from '@playwright/test';
import { csrfOf, kPassword } from './helpers';
import { totpCode, totpStep } from './totp';

test('an account with a second factor signs in with the code its app shows', async ({ page }) => {
  // Set up TOTP for a coordinator no other test uses, through the API.
  const signedIn = await page.request.post('/api/v1/session', { data: { username: 'coordinator.buurt', password: kPassword } });
  expect(signedIn.status()).toBe(201);
  const csrf = await csrfOf(page);
  const enrolled = await page.request.post('/api/v1/session/second-factor', {
    data: { password: kPassword },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(enrolled.status(), await enrolled.text()).toBe(201);
  const { secret } = (await enrolled.json()) as { secret: string };
  // Confirm with the previous step's code, so that the current one is
  // still unused for the sign-in below.
  const confirmed = await page.request.post('/api/v1/session/second-factor/confirmation', {
    data: { code: totpCode(secret, totpStep() - 1) },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(confirmed.status(), await confirmed.text()).toBe(201);
  await page.request.delete('/api/v1/session', { headers: { 'X-CSRF-Token': csrf } });
  await page.context().clearCookies();

  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill('coordinator.buurt');
  await page.getByLabel('Wachtwoord').fill(kPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const code = page.getByLabel('Code uit uw authenticator-app');
  await expect(code).toBeFocused();

  await code.fill('000000');
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');

  await code.fill(totpCode(secret, totpStep()));
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard van de praktijk');
});

test('a user sets up a second factor in the app and needs it at the next sign-in', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill('coordinator.jongeren');
  await page.getByLabel('Wachtwoord').fill(kPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('link', { name: 'Tweede factor instellen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweede factor instellen');
  await page.getByLabel('Wachtwoord').fill(kPassword);
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByRole('img', { name: 'QR-code met de geheime sleutel voor uw authenticator-app' })).toBeVisible();
  const secret = (await page.getByTestId('second-factor-secret').innerText()).replace(/\s/g, '');
  await page.getByLabel('Code uit uw authenticator-app').fill(totpCode(secret, totpStep() - 1));
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { name: 'De tweede factor staat aan' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByLabel('Gebruikersnaam').fill('coordinator.jongeren');
  await page.getByLabel('Wachtwoord').fill(kPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByLabel('Code uit uw authenticator-app').fill(totpCode(secret, totpStep()));
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});
