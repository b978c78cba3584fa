import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { csrfOf, signIn } from './helpers';

// Every research screen with data on it, at phone and desktop size: axe
// finds no serious or critical violation of WCAG 2.1 A/AA, and a screenshot
// of each is kept (test-results/screenshots) for people to look at.
const kSizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

interface Fixture {
  projectId: string;
  noteId: string;
}

/** A project with two codes (one below the other), two notes and codings, made through the API. */
async function fixture(page: Page): Promise<Fixture> {
  const headers = { 'X-CSRF-Token': await csrfOf(page), 'Content-Type': 'application/json' };
  const post = async (path: string, data: unknown) => {
    const response = await page.request.post(`/api/v1${path}`, { headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() }, data });
    expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  };
  const practices = ((await (await page.request.get('/api/v1/practices?pageSize=2')).json()) as { items: { id: string }[] }).items;
  const project = await post('/research/projects', {
    name: 'Samenwerking formeel en informeel',
    description: 'Hoe professionals informele helpers activeren, in twee praktijken.',
    practiceIds: practices.map((p) => p.id),
  });
  const base = `/research/projects/${project.id}`;
  const parent = await post(`${base}/codes`, { name: 'Mobilisatie', colour: '#1565c0', description: 'Wie de steun op gang bracht.' });
  const child = await post(`${base}/codes`, { name: 'Door het netwerk', colour: '#2e7d32', parentId: parent.id });
  const other = await post(`${base}/codes`, { name: 'Overdracht', colour: '#c62828' });
  const text = 'De buurman 🚲 brengt mevrouw naar de markt.\nDe wijkwerker vroeg hem dat in het voorjaar; nu gaat het vanzelf.';
  const note = await post(`${base}/field-notes`, { practiceId: practices[0]!.id, site: 'Markt Oost', observedOn: '2026-03-10', perspective: 'professional', text });
  await post(`${base}/field-notes`, { practiceId: practices[1]!.id, site: 'Buurthuis', observedOn: '2026-03-12', perspective: 'citizen', text: 'Mijn dochter belt elke dag.' });
  await post(`${base}/codings`, { noteId: note.id, codeId: child.id, start: 0, end: 42 });
  await post(`${base}/codings`, { noteId: note.id, codeId: other.id, start: 31, end: 75 });
  await post(`${base}/codings`, { noteId: note.id, codeId: parent.id, start: 44, end: 68 });
  await post(`${base}/memos`, { noteId: note.id, text: 'Eerste keer dat de buurman zelf het initiatief nam.' });
  return { projectId: project.id, noteId: note.id };
}

async function check(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(serious).toEqual([]);
}

const kScreens: { name: string; path: (f: Fixture) => string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'projects', path: () => '/onderzoek/projecten', ready: async (page) => {
    await expect(page.getByRole('link', { name: 'Samenwerking formeel en informeel' }).first()).toBeVisible();
  } },
  { name: 'project', path: (f) => `/onderzoek/projecten/${f.projectId}`, ready: async (page) => {
    await expect(page.getByRole('table', { name: 'Leden' })).toBeVisible();
  } },
  { name: 'notes', path: (f) => `/onderzoek/projecten/${f.projectId}/notities`, ready: async (page) => {
    await expect(page.getByRole('heading', { name: /Markt Oost/ })).toBeVisible();
  } },
  { name: 'note-coding', path: (f) => `/onderzoek/projecten/${f.projectId}/notities/${f.noteId}`, ready: async (page) => {
    await expect(page.getByTestId('coding')).toHaveCount(3);
    await expect(page.getByText('Eerste keer dat de buurman')).toBeVisible();
  } },
  { name: 'note-editor', path: (f) => `/onderzoek/projecten/${f.projectId}/notities/nieuw`, ready: async (page) => {
    await expect(page.getByLabel('Tekst')).toBeVisible();
  } },
  { name: 'codebook', path: (f) => `/onderzoek/projecten/${f.projectId}/codeboek`, ready: async (page) => {
    await expect(page.getByRole('table', { name: 'Geschiedenis van het codeboek' }).getByRole('row')).toHaveCount(4);
  } },
  { name: 'analyses', path: (f) => `/onderzoek/projecten/${f.projectId}/analyses`, ready: async (page) => {
    await expect(page.locator('.db-chart__canvas')).toHaveCount(3);
    for (const chart of await page.locator('.db-chart__canvas').all()) await expect(chart.locator('canvas').first()).toBeVisible();
  } },
];

test.describe('research screens', () => {
  let made: Fixture | undefined;

  for (const screen of kScreens) {
    test(`${screen.name}: accessible, and a screenshot at phone and desktop size`, async ({ page }) => {
      await signIn(page, 'onderzoeker');
      made ??= await fixture(page);
      await page.goto(screen.path(made));
      await screen.ready(page);
      await expect(page.locator('.db-loading')).toHaveCount(0);
      for (const size of kSizes) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.waitForTimeout(400); // the heat maps redraw on resize
        await check(page);
        await page.screenshot({ path: `test-results/screenshots/research-${screen.name}-${size.name}.png`, fullPage: true });
      }
    });
  }

  test('analyses: the tables and the drill-down are accessible too', async ({ page }) => {
    await signIn(page, 'onderzoeker');
    made ??= await fixture(page);
    await page.goto(`/onderzoek/projecten/${made.projectId}/analyses`);
    await expect(page.getByRole('button', { name: 'Tabel' })).toHaveCount(3);
    for (const toggle of await page.getByRole('button', { name: 'Tabel' }).all()) await toggle.click();
    await page.getByRole('radio', { name: 'Aandeel van de notities' }).check();
    await page.getByRole('button', { name: 'Door het netwerk × Professional: 100%, toon fragmenten' }).click();
    await expect(page.getByTestId('fragment')).toHaveCount(1);
    await check(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await check(page);
    await page.screenshot({ path: 'test-results/screenshots/research-analyses-tables-phone.png', fullPage: true });
  });
});
