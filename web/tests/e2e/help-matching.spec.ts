import { expect, test, type Browser, type Page } from '@playwright/test';
import { csrfOf, signIn, type DemoUser } from './helpers';

// Help requests and matching (issue 8) through the screens: a client asks
// for help, the coordinator of the practice runs matching, reads why and
// approves, the volunteer sees only the request's essentials and accepts,
// and the coordinator ends the match with a reason. The volunteer's profile
// is the coordinator's to create; the volunteer keeps it up to date.

async function signedIn(browser: Browser, user: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

async function sessionOf(page: Page): Promise<{ personId?: string; practiceId?: string }> {
  const response = await page.request.get('/api/v1/session');
  expect(response.status()).toBe(200);
  return (await response.json()).account;
}

/**
 * The demo volunteer's profile for the coordinator's practice, made by the
 * coordinator when it does not exist yet: every kind, every time, as far as
 * a profile may reach, so that the volunteer fits any request of the test.
 */
async function ensureProfile(coordinator: Page, volunteer: Page, buurtCode: string) {
  const { personId } = await sessionOf(volunteer);
  const { practiceId } = await sessionOf(coordinator);
  const response = await coordinator.request.post('/api/v1/volunteer-profiles', {
    headers: { 'X-CSRF-Token': await csrfOf(coordinator) },
    data: {
      personId,
      practiceId,
      kinds: ['companionship', 'practical', 'transport', 'administration', 'language', 'other'],
      preferredKinds: ['companionship'],
      languages: ['nl'],
      interests: ['wandelen'],
      homeBuurtCode: buurtCode,
      maxDistanceMetres: 50000,
      availability: ['mon-morning', 'tue-morning', 'wed-afternoon', 'thu-evening', 'sat-morning'],
      capacity: 5,
      available: true,
    },
  });
  expect([201, 409]).toContain(response.status());
}

test('a client asks for help, the coordinator matches it and the volunteer accepts', async ({ browser }) => {
  const description = `Iemand om mee te wandelen (${test.info().testId})`;
  const client = await signedIn(browser, 'client');
  await client.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulp vragen' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Hulp vragen' })).toBeVisible();
  await client.getByLabel('Soort hulp').selectOption({ label: 'Maatje of mentor' });
  await client.getByLabel('Omschrijving').fill(description);
  await client.getByRole('checkbox', { name: 'dinsdag ochtend' }).check();
  const buurtCode = await client.getByLabel('Buurt (CBS-code)').inputValue();
  expect(buurtCode).not.toBe('');
  await client.getByRole('button', { name: 'Hulp vragen' }).click();
  await expect(client.getByRole('heading', { name: 'Uw hulpvraag is opgeslagen' })).toBeVisible();
  await expect(client.getByText('Open', { exact: true })).toBeVisible();

  const coordinator = await signedIn(browser, 'coordinator.maatjes');
  const volunteer = await signedIn(browser, 'vrijwilliger');
  await ensureProfile(coordinator, volunteer, buurtCode);

  await coordinator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Matching' }).click();
  await coordinator.getByRole('button', { name: 'Matching uitvoeren' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Matching uitgevoerd' })).toBeVisible();
  const proposal = coordinator.getByRole('article').filter({ hasText: description });
  await expect(proposal.getByRole('table', { name: 'Waarom dit voorstel' })).toBeVisible();
  await expect(proposal.getByRole('cell', { name: 'Voldoet aan alle eisen' })).toBeVisible();
  await expect(proposal.getByRole('heading', { name: 'Beste alternatieven' })).toBeVisible();
  await proposal.getByRole('button', { name: 'Goedkeuren' }).click();
  const ongoing = coordinator.getByRole('region', { name: /Lopende match/ }).getByRole('article').filter({ hasText: description });
  await expect(ongoing.getByText('Goedgekeurd')).toBeVisible();

  // The volunteer sees the request's essentials, not the household, until they accept.
  await volunteer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn hulp' }).click();
  const offered = volunteer.getByRole('article').filter({ hasText: description });
  await expect(offered.getByText('dinsdag ochtend')).toBeVisible();
  await expect(offered.getByRole('link', { name: 'Naar het huishouden' })).toHaveCount(0);
  await expect(offered.getByRole('heading', { name: 'Beste alternatieven' })).toHaveCount(0);
  await offered.getByRole('button', { name: 'Aannemen' }).click();
  await expect(offered.getByRole('link', { name: 'Naar het huishouden' })).toBeVisible();

  // The coordinator ends it; a reason is required.
  await coordinator.reload();
  const accepted = coordinator.getByRole('region', { name: /Lopende match/ }).getByRole('article').filter({ hasText: description });
  await expect(accepted.getByText('Geaccepteerd')).toBeVisible();
  await accepted.getByRole('button', { name: 'Beëindigen' }).click();
  await accepted.getByRole('button', { name: 'Beëindigen' }).click();
  await expect(accepted.getByLabel('Waarom beëindigen?')).toHaveAttribute('aria-invalid', 'true');
  await accepted.getByLabel('Waarom beëindigen?').fill('Cor is verhuisd');
  await accepted.getByRole('button', { name: 'Beëindigen' }).click();
  await expect(coordinator.getByRole('article').filter({ hasText: description })).toHaveCount(0);
});

test('a professional records a help request and finds it by status and kind', async ({ page }) => {
  const description = `Hulp bij formulieren (${test.info().testId})`;
  await signIn(page, 'professional');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulpvragen' }).click();
  await page.getByRole('link', { name: 'Nieuwe hulpvraag' }).click();
  await expect(page.getByLabel('Huishouden')).toBeVisible();
  await page.getByLabel('Soort hulp').selectOption({ label: 'Administratie' });
  await page.getByLabel('Urgentie').selectOption({ label: 'Dringend' });
  await page.getByLabel('Omschrijving').fill(description);
  await page.getByRole('checkbox', { name: 'woensdag middag' }).check();
  // Bad input is named on its field and stores nothing.
  await page.getByLabel('Buurt (CBS-code)').fill('Bijlmer');
  await page.getByRole('button', { name: 'Hulpvraag opslaan' }).click();
  await expect(page.locator('#hr-buurtCode-error')).toBeVisible();
  await page.getByLabel('Buurt (CBS-code)').fill('BU03630001');
  await page.getByRole('button', { name: 'Hulpvraag opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Hulpvraag: Administratie' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulpvragen' }).click();
  await page.getByLabel('Soort hulp').selectOption({ label: 'Administratie' });
  await page.getByLabel('Status').selectOption({ label: 'Open' });
  await expect(page).toHaveURL(/soort=administration/);
  const rows = page.getByRole('table').getByRole('row').filter({ hasText: description });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByText('Dringend')).toBeVisible();
  await page.getByLabel('Soort hulp').selectOption({ label: 'Vervoer' });
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: description })).toHaveCount(0);
  // A professional does not match: no controls for it.
  await expect(page.getByRole('link', { name: 'Matching' })).toHaveCount(0);
});

test('a volunteer sees and changes their own profile', async ({ browser }) => {
  const coordinator = await signedIn(browser, 'coordinator.maatjes');
  const volunteer = await signedIn(browser, 'vrijwilliger');
  await ensureProfile(coordinator, volunteer, 'BU03630001');
  await volunteer.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn hulp' }).click();
  const profile = volunteer.getByRole('region', { name: 'Mijn profiel' });
  await profile.getByRole('button', { name: 'Profiel wijzigen' }).click();
  await profile.getByLabel('Hoeveel matches tegelijk').fill('0');
  await profile.getByRole('button', { name: 'Opslaan' }).click();
  await expect(profile.locator('#vp-capacity-error')).toBeVisible();
  await profile.getByLabel('Hoeveel matches tegelijk').fill('2');
  await profile.getByRole('checkbox', { name: 'zaterdag avond' }).check();
  await profile.getByRole('button', { name: 'Opslaan' }).click();
  await expect(profile.getByRole('heading', { name: 'Uw profiel is opgeslagen' })).toBeVisible();
  await expect(profile.getByText('zaterdag avond')).toBeVisible();
  // Matching is the coordinator's.
  await volunteer.goto('/matching');
  await expect(volunteer).toHaveURL(/\/steun-vastleggen$/);
});
