import { expect, test, type Browser } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { apiGet, apiPost, noSeriousViolations, signIn } from './helpers';

// The report of a practice (issue 9): a researcher opens it from the
// project, reads the same numbers the API gives, narrows the period,
// downloads the PDF, and reads it on a phone without sideways scrolling.

interface Setup {
  projectId: string;
  practiceId: string;
  practiceName: string;
}

interface Report {
  practiceName: string;
  period: { from: string; to: string };
  total: { acts: number; handovers: number };
  notes: number;
}

let setup: Setup;

/** A project on the demo's first practice with a coded note and a framework cell. */
async function prepare(browser: Browser): Promise<Setup> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'onderzoeker');
  const practices = await apiGet<{ items: { id: string; name: string }[] }>(page.request, '/practices');
  const practice = practices.items[0]!;
  const project = await apiPost<{ id: string }>(page, '/research/projects', { name: `Rapport e2e ${Date.now() % 1_000_000}`, practiceIds: [practice.id] });
  const base = `/research/projects/${project.id}`;
  const note = await apiPost<{ id: string }>(page, `${base}/field-notes`, {
    practiceId: practice.id,
    site: 'Buurthuis',
    observedOn: '2026-03-03',
    perspective: 'volunteer',
    text: 'De buurvrouw kookt twee keer per week; het vertrouwen groeit.',
  });
  const help = await apiPost<{ id: string }>(page, `${base}/codes`, { name: 'Informele hulp', colour: '#009e73' });
  const trust = await apiPost<{ id: string }>(page, `${base}/codes`, { name: 'Vertrouwen', colour: '#d55e00' });
  await apiPost(page, `${base}/codings`, { noteId: note.id, codeId: help.id, start: 0, end: 26 });
  await apiPost(page, `${base}/codings`, { noteId: note.id, codeId: trust.id, start: 42, end: 52 });
  const matrix = await apiPost<{ id: string }>(page, `${base}/framework-matrices`, { name: 'Voorwaarden', themeCodeIds: [help.id, trust.id] });
  const cell = await page.request.put(`/api/v1${base}/framework-matrices/${matrix.id}/cells/${practice.id}/${help.id}`, {
    data: { summary: 'Buren koken en doen boodschappen, vaak ongevraagd.', codingIds: [] },
    headers: { 'X-CSRF-Token': (await page.context().cookies()).find((c) => c.name === 'dichtbij_csrf')!.value, 'If-Match': '"0"' },
  });
  expect(cell.status(), await cell.text()).toBe(200);
  await page.context().close();
  return { projectId: project.id, practiceId: practice.id, practiceName: practice.name };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  setup = await prepare(browser);
});

test('a researcher opens the report of a practice and downloads it as a PDF', async ({ page }) => {
  await signIn(page, 'onderzoeker');
  await page.goto(`/onderzoek/projecten/${setup.projectId}`);
  await page.getByRole('link', { name: `Rapport van ${setup.practiceName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Praktijkrapport: ${setup.practiceName}` })).toBeVisible();

  // The page shows what the API answers for the same (default) period.
  const report = await apiGet<Report>(page.request, `/research/projects/${setup.projectId}/practices/${setup.practiceId}/report`);
  expect(report.total.acts).toBeGreaterThan(0);
  const figures = page.getByRole('list', { name: 'Kerncijfers van de periode' });
  await expect(figures.getByText(String(report.total.acts), { exact: true })).toBeVisible();
  await expect(page.getByText(`Van ${report.period.from} tot en met ${report.period.to}.`)).toBeVisible();

  // Each chart has its table: carrying capacity per support type.
  const capacity = page.getByRole('region', { name: 'Dragend vermogen' });
  await capacity.getByRole('button', { name: 'Tabel' }).click();
  await expect(capacity.getByRole('row', { name: /Praktische hulp/ })).toBeVisible();

  // The qualitative side: the codes on most notes first, and the matrix row.
  const codes = page.getByRole('table').filter({ hasText: 'Coderingen' });
  await expect(codes.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Buren koken en doen boodschappen, vaak ongevraagd.')).toBeVisible();
  await expect(page.getByText('Nog niet geschreven')).toBeVisible();
  await expect(page.getByText('Nog geen bevindingen voorgelegd aan de betrokkenen van deze praktijk.')).toBeVisible();
  await noSeriousViolations(page);

  // A narrower period: the URL keeps it, the numbers follow it.
  await page.getByLabel('Van', { exact: true }).fill('2026-01-01');
  await page.getByLabel('Tot en met', { exact: true }).fill('2026-03-31');
  await page.getByRole('button', { name: 'Toon rapport' }).click();
  await expect(page).toHaveURL(/van=2026-01-01&tot=2026-03-31/);
  await expect(page.getByText('Van 2026-01-01 tot en met 2026-03-31.')).toBeVisible();
  const narrower = await apiGet<Report>(page.request, `/research/projects/${setup.projectId}/practices/${setup.practiceId}/report?from=2026-01-01&to=2026-03-31`);
  await expect(figures.getByText(String(narrower.total.acts), { exact: true })).toBeVisible();

  // The PDF of that period.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als pdf' }).click()]);
  expect(download.suggestedFilename()).toBe('praktijkrapport-2026-03-31.pdf');
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(5000);
});

test('the analyses put every practice\'s numbers beside its codes, leading to its report', async ({ page }) => {
  await signIn(page, 'onderzoeker');
  await page.goto(`/onderzoek/projecten/${setup.projectId}/analyses`);
  const section = page.getByRole('region', { name: 'Cijfers en codes per praktijk' });
  const row = section.getByRole('row', { name: new RegExp(setup.practiceName) });
  const measures = await apiGet<{ items: { practiceId: string; total: { acts: number } }[] }>(
    page.request,
    `/research/projects/${setup.projectId}/analyses/practice-measures`,
  );
  const acts = measures.items.find((item) => item.practiceId === setup.practiceId)!.total.acts;
  await expect(row.getByRole('cell', { name: String(acts), exact: true })).toBeVisible();
  await expect(row.getByText(/Informele hulp/)).toBeVisible();
  await noSeriousViolations(page);
  await row.getByRole('link', { name: setup.practiceName }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Praktijkrapport: ${setup.practiceName}` })).toBeVisible();
});

test('the report reads on a phone without scrolling sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, 'onderzoeker');
  await page.goto(`/onderzoek/projecten/${setup.projectId}/praktijken/${setup.practiceId}/rapport`);
  await expect(page.getByRole('heading', { level: 1, name: `Praktijkrapport: ${setup.practiceName}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Meest gebruikte codes' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await noSeriousViolations(page);
  await context.close();
});

test("no one but the project's researchers reaches the report", async ({ page }) => {
  await signIn(page, 'professional');
  const answer = await page.request.get(`/api/v1/research/projects/${setup.projectId}/practices/${setup.practiceId}/report.pdf`);
  expect(answer.status()).toBe(403);
  await page.goto(`/onderzoek/projecten/${setup.projectId}/praktijken/${setup.practiceId}/rapport`);
  await expect(page.getByRole('heading', { level: 1, name: /Praktijkrapport/ })).toHaveCount(0);
});
