import { expect, test, type Page } from '@playwright/test';
import { firstHousehold, signIn, type DemoUser } from './helpers';

// Screenshots of every page at phone and desktop size, kept as test
// artefacts (test-results/screenshots) for people to look at.
const kSizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

async function shoot(page: Page, name: string) {
  for (const size of kSizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(400); // the canvas maps redraw on resize
    await page.screenshot({ path: `test-results/screenshots/${name}-${size.name}.png`, fullPage: true });
  }
}

const kPages: { user: DemoUser; name: string; open: (page: Page) => Promise<void> }[] = [
  { user: 'professional', name: 'households', open: async (page) => {
    await page.goto('/huishoudens');
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { user: 'professional', name: 'household-network', open: async (page) => {
    const household = await firstHousehold(page);
    await page.goto(`/huishoudens/${household.id}`);
    await expect(page.getByTestId('ecomap-canvas')).toBeVisible();
    await expect(page.locator('#ecomap-table tbody tr').first()).toBeVisible();
  } },
  { user: 'professional', name: 'household-plan', open: async (page) => {
    const household = await firstHousehold(page);
    await page.goto(`/huishoudens/${household.id}?tab=plan`);
    await expect(page.getByRole('heading', { name: 'Overdrachten' })).toBeVisible();
  } },
  { user: 'professional', name: 'household-log', open: async (page) => {
    const household = await firstHousehold(page);
    await page.goto(`/huishoudens/${household.id}?tab=steun`);
    await expect(page.getByRole('heading', { name: 'Steunlog', level: 2 })).toBeVisible();
  } },
  { user: 'professional', name: 'household-change', open: async (page) => {
    const household = await firstHousehold(page);
    await page.goto(`/huishoudens/${household.id}?tab=verandering`);
    await expect(page.getByRole('table', { name: 'Netwerk' })).toBeVisible();
  } },
  { user: 'professional', name: 'household-access-log', open: async (page) => {
    const household = await firstHousehold(page);
    await page.goto(`/huishoudens/${household.id}?tab=inzage`);
    await expect(page.getByRole('heading', { name: 'Wie heeft dit dossier bekeken' })).toBeVisible();
  } },
  { user: 'professional', name: 'household-zrm', open: async (page) => {
    const household = await firstHousehold(page);
    await page.goto(`/huishoudens/${household.id}?tab=zrm`);
    await expect(page.getByRole('heading', { name: 'Zelfredzaamheid (ZRM)' })).toBeVisible();
    await page.getByRole('button', { name: 'Nieuwe meting' }).click();
  } },
  { user: 'professional', name: 'household-person', open: async (page) => {
    const household = await firstHousehold(page);
    await page.goto(`/huishoudens/${household.id}`);
    await page.locator('#ecomap-table tbody tr').nth(1).getByRole('button').click();
    await expect(page.locator('#person-panel')).toBeVisible();
  } },
  { user: 'professional', name: 'quick-log', open: async (page) => {
    await page.goto('/steun-vastleggen');
    await expect(page.getByRole('button', { name: 'Opslaan' })).toBeVisible();
  } },
  { user: 'coordinator.maatjes', name: 'dashboard', open: async (page) => {
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Vergelijking tussen praktijken' })).toBeVisible();
  } },
  { user: 'onderzoeker', name: 'research', open: async (page) => {
    await page.goto('/onderzoek');
    await expect(page.getByRole('heading', { name: 'Netwerkmaten per huishouden' })).toBeVisible();
  } },
  { user: 'beheerder', name: 'admin', open: async (page) => {
    await page.goto('/beheer');
    await expect(page.getByRole('heading', { name: 'Organisaties' })).toBeVisible();
  } },
  { user: 'professional', name: 'new-household', open: async (page) => {
    await page.goto('/huishoudens/nieuw');
    await expect(page.getByRole('button', { name: 'Huishouden opslaan' })).toBeVisible();
  } },
  { user: 'beheerder', name: 'admin-practice-form', open: async (page) => {
    await page.goto('/beheer');
    await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
    await page.getByLabel('Buurtcodes').fill('BU1');
    await page.getByRole('form', { name: 'Nieuwe praktijk' }).getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('form', { name: 'Nieuwe praktijk' }).getByRole('alert')).toBeVisible();
  } },
  { user: 'vrijwilliger', name: 'volunteer-quick-log', open: async (page) => {
    await page.goto('/steun-vastleggen');
    await expect(page.getByRole('button', { name: 'Opslaan' })).toBeVisible();
  } },
  { user: 'vrijwilliger', name: 'volunteer-household', open: async (page) => {
    await page.goto('/huishoudens');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Ondersteuningsplan', level: 2 })).toBeVisible();
  } },
  { user: 'professional', name: 'help-requests', open: async (page) => {
    await page.goto('/hulpvragen');
    await expect(page.getByRole('heading', { level: 1, name: 'Hulpvragen' })).toBeVisible();
  } },
  { user: 'client', name: 'ask-for-help', open: async (page) => {
    await page.goto('/hulpvragen/nieuw');
    await expect(page.getByRole('button', { name: 'Hulp vragen' })).toBeVisible();
  } },
  { user: 'coordinator.maatjes', name: 'matching', open: async (page) => {
    await page.goto('/matching');
    await expect(page.getByRole('button', { name: 'Matching uitvoeren' })).toBeVisible();
  } },
  { user: 'vrijwilliger', name: 'my-help', open: async (page) => {
    await page.goto('/mijn-hulp');
    await expect(page.getByRole('heading', { name: 'Mijn profiel' })).toBeVisible();
  } },
  { user: 'coordinator.wonen', name: 'second-factor', open: async (page) => {
    await page.goto('/tweede-factor');
    await expect(page.getByRole('heading', { name: 'Tweede factor instellen' })).toBeVisible();
  } },
  { user: 'client', name: 'client-file', open: async (page) => {
    await expect(page.getByRole('tab', { name: 'Wie heeft dit bekeken' })).toBeVisible();
  } },
];

test('sign-in page', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  await shoot(page, 'sign-in');
});

for (const entry of kPages) {
  test(`screenshots: ${entry.name}`, async ({ page }) => {
    await signIn(page, entry.user);
    await entry.open(page);
    await shoot(page, entry.name);
  });
}
