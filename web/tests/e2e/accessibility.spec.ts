import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { firstHousehold, signIn, type DemoUser } from './helpers';

// axe on every page, at desktop and phone size: no serious or critical
// violation of WCAG 2.1 A/AA.
async function check(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(serious).toEqual([]);
}

const kPages: { name: string; user?: DemoUser; open: (page: Page) => Promise<void> }[] = [
  { name: 'sign-in', open: async (page) => {
    await page.goto('/inloggen');
    await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  } },
  { name: 'households', user: 'coordinator.maatjes', open: async (page) => {
    await page.goto('/huishoudens');
    await expect(page.getByRole('table')).toBeVisible();
  } },
  ...(['netwerk', 'plan', 'steun', 'verandering', 'toestemmingen', 'inzage'] as const).map((tab) => ({
    name: `household ${tab}`,
    user: 'professional' as const,
    open: async (page: Page) => {
      const household = await firstHousehold(page);
      await page.goto(`/huishoudens/${household.id}?tab=${tab}`);
      await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2 })).toBeVisible();
      await expect(page.locator('.db-loading')).toHaveCount(0);
    },
  })),
  { name: 'quick log', user: 'professional', open: async (page) => {
    await page.goto('/steun-vastleggen');
    await expect(page.getByRole('button', { name: 'Opslaan' })).toBeVisible();
  } },
  { name: 'dashboard', user: 'coordinator.maatjes', open: async (page) => {
    await page.goto('/dashboard');
    await expect(page.locator('.db-chart canvas')).toHaveCount(4);
  } },
  { name: 'research', user: 'onderzoeker', open: async (page) => {
    await page.goto('/onderzoek');
    await expect(page.locator('tbody tr').first()).toBeVisible();
  } },
  { name: 'admin', user: 'beheerder', open: async (page) => {
    await page.goto('/beheer');
    await expect(page.getByRole('heading', { name: 'Organisaties' })).toBeVisible();
  } },
  { name: 'new household with an error', user: 'professional', open: async (page) => {
    await page.goto('/huishoudens/nieuw');
    await page.getByLabel('Buurtcode (niet verplicht)').fill('BU1');
    await page.getByRole('button', { name: 'Huishouden opslaan' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  } },
  { name: 'admin forms with errors', user: 'beheerder', open: async (page) => {
    await page.goto('/beheer');
    await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
    await page.getByRole('form', { name: 'Nieuwe praktijk' }).getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('form', { name: 'Nieuwe praktijk' }).getByRole('alert')).toBeVisible();
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByRole('form', { name: 'Nieuwe organisatie' }).getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('form', { name: 'Nieuwe organisatie' }).getByRole('alert')).toBeVisible();
  } },
  { name: 'volunteer household', user: 'vrijwilliger', open: async (page) => {
    await page.goto('/huishoudens');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.locator('.db-loading')).toHaveCount(0);
  } },
  { name: 'help requests', user: 'professional', open: async (page) => {
    await page.goto('/hulpvragen');
    await expect(page.getByRole('heading', { level: 1, name: 'Hulpvragen' })).toBeVisible();
  } },
  { name: 'ask for help', user: 'client', open: async (page) => {
    await page.goto('/hulpvragen/nieuw');
    await expect(page.getByRole('button', { name: 'Hulp vragen' })).toBeVisible();
  } },
  { name: 'matching', user: 'coordinator.maatjes', open: async (page) => {
    await page.goto('/matching');
    await expect(page.getByRole('button', { name: 'Matching uitvoeren' })).toBeVisible();
    await expect(page.locator('.db-loading')).toHaveCount(0);
  } },
  { name: 'my help', user: 'vrijwilliger', open: async (page) => {
    await page.goto('/mijn-hulp');
    await expect(page.getByRole('heading', { name: 'Mijn profiel' })).toBeVisible();
    await expect(page.locator('.db-loading')).toHaveCount(0);
  } },
  { name: 'second factor setup', user: 'coordinator.wonen', open: async (page) => {
    await page.goto('/tweede-factor');
    await expect(page.getByRole('heading', { name: 'Tweede factor instellen' })).toBeVisible();
  } },
  { name: 'client file', user: 'client', open: async (page) => {
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2 })).toBeVisible();
  } },
];

for (const entry of kPages) {
  for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    test(`axe: ${entry.name} at ${size.width}px`, async ({ page }) => {
      await page.setViewportSize(size);
      if (entry.user) await signIn(page, entry.user);
      await entry.open(page);
      await check(page);
    });
  }
}

test('the dashboard charts have their table alternative', async ({ page }) => {
  await signIn(page, 'coordinator.maatjes');
  const chart = page.getByRole('region', { name: 'Mobilisatie van steun per maand' });
  await chart.getByRole('button', { name: 'Tabel' }).click();
  await expect(chart.getByRole('table')).toBeVisible();
  await expect(chart.getByRole('columnheader', { name: 'Netwerk' })).toBeVisible();
  await check(page);
});

test('the whole sign-in and households flow works with the keyboard alone', async ({ page }) => {
  await page.goto('/inloggen');
  await page.keyboard.press('Tab'); // skip link
  await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toBeFocused();
  await page.getByLabel('Gebruikersnaam').focus();
  await page.keyboard.type('professional');
  await page.keyboard.press('Tab');
  await page.keyboard.type('dichtbij-demo');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/huishoudens$/);
  // Only once the list is there: before, a Tab may land on an element that
  // the list's rendering then replaces.
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  // Focus is visible: the outline of the focused element is drawn.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).not.toHaveCSS('outline-style', 'none');
});
