import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const kPassword = 'dichtbij-demo';

export const kHomes = {
  beheerder: { path: '/beheer', heading: 'Beheer' },
  'coordinator.maatjes': { path: '/dashboard', heading: 'Dashboard van de praktijk' },
  'coordinator.wonen': { path: '/dashboard', heading: 'Dashboard van de praktijk' },
  professional: { path: '/huishoudens', heading: 'Mijn huishoudens' },
  vrijwilliger: { path: '/steun-vastleggen', heading: 'Steun vastleggen' },
  onderzoeker: { path: '/onderzoek', heading: 'Onderzoek' },
  client: { path: '/mijn-dossier', heading: null },
} as const;

export type DemoUser = keyof typeof kHomes;

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, username: DemoUser) {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(kPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(new RegExp(`${kHomes[username].path}$`));
}

/** The CSRF token of the page's session, for API calls made beside the UI. */
export async function csrfOf(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === 'dichtbij_csrf');
  if (!csrf) throw new Error('no CSRF cookie: not signed in');
  return csrf.value;
}

export async function apiGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`/api/v1${path}`);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** A POST beside the UI, with the page's session and an Idempotency-Key; expects status. */
export async function apiPost<T>(page: Page, path: string, data: unknown, status = 201): Promise<T> {
  const answer = await page.request.post(`/api/v1${path}`, {
    data,
    headers: { 'X-CSRF-Token': await csrfOf(page), 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(answer.status(), `POST ${path}: ${await answer.text()}`).toBe(status);
  return (await answer.json()) as T;
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(serious).toEqual([]);
}

export interface HouseholdSummary {
  id: string;
  name?: string;
}

/** The first household a signed-in page's user may see. */
export async function firstHousehold(page: Page): Promise<HouseholdSummary> {
  const list = await apiGet<{ items: HouseholdSummary[] }>(page.request, '/households?pageSize=1');
  const first = list.items[0];
  if (!first) throw new Error('no household visible');
  return first;
}
