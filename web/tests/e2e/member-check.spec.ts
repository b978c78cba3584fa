import { expect, test, type Browser } from '@playwright/test';
import { apiPost, csrfOf, noSeriousViolations, signIn } from './helpers';

// Member checking and the framework matrix (issue 9): a researcher publishes
// a finding to the stakeholders of a practice; a stakeholder answers it on a
// phone; the researcher sees the answer, revises the finding and still reads
// the earlier version; the framework matrix's cells are edited in place.
// The stakeholder is a fresh professional account, so the demo users' menus
// stay as they are.



const kStakeholder = `belanghebbende.${Date.now() % 1_000_000}`;
const kStakeholderPassword = 'een lange zin voor de terugkoppeling';

interface Setup {
  projectId: string;
  findingId: string;
  practiceId: string;
  codeId: string;
}

let setup: Setup;

/** A project with a practice, a coded note and a finding published to a fresh stakeholder. */
async function prepare(browser: Browser): Promise<Setup> {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'beheerder');
  const account = await apiPost<{ id: string }>(admin, '/accounts', { username: kStakeholder, role: 'professional', password: kStakeholderPassword });
  await admin.context().close();

  const researcher = await (await browser.newContext()).newPage();
  await signIn(researcher, 'onderzoeker');
  const practices = (await (await researcher.request.get('/api/v1/practices')).json()) as { items: { id: string }[] };
  const practiceId = practices.items[0]!.id;
  const project = await apiPost<{ id: string }>(researcher, '/research/projects', { name: `Terugkoppeling e2e ${kStakeholder}`, practiceIds: [practiceId] });
  const base = `/research/projects/${project.id}`;
  await apiPost(researcher, `${base}/members`, { accountId: account.id, role: 'stakeholder', practiceId });
  const note = await apiPost<{ id: string }>(researcher, `${base}/field-notes`, {
    practiceId,
    site: 'Buurthuis',
    observedOn: '2026-03-03',
    perspective: 'professional',
    text: 'De buurvrouw kookt twee keer per week voor Persoon 1.',
  });
  const code = await apiPost<{ id: string }>(researcher, `${base}/codes`, { name: 'Informele hulp' });
  const coding = await apiPost<{ id: string }>(researcher, `${base}/codings`, { noteId: note.id, codeId: code.id, start: 0, end: 37 });
  const finding = await apiPost<{ id: string }>(researcher, `${base}/findings`, {
    practiceId,
    title: 'Buren dragen mee',
    text: 'Buren nemen vaste taken over als iemand ze daarom vraagt.',
    codingIds: [coding.id],
  });
  await researcher.context().close();
  return { projectId: project.id, findingId: finding.id, practiceId, codeId: code.id };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  setup = await prepare(browser);
});

test('a stakeholder answers a finding on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(kStakeholder);
  await page.getByLabel('Wachtwoord').fill(kStakeholderPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/huishoudens$/);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Terugkoppeling' }).click();
  await expect(page).toHaveURL(/\/terugkoppeling$/);
  const card = page.getByRole('article', { name: 'Buren dragen mee' });
  await expect(card).toContainText('Buren nemen vaste taken over');
  await expect(card.locator('blockquote')).toHaveText('De buurvrouw kookt twee keer per week');
  await noSeriousViolations(page);

  // Sending without a choice says what is missing.
  await card.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(card.getByRole('alert')).toHaveText('Kies eerst eens, deels eens of oneens.');
  await card.getByRole('radio', { name: 'Deels eens' }).check();
  await expect(card.getByRole('radio', { name: 'Deels eens' })).toBeChecked();
  await card.getByLabel('Toelichting (mag leeg blijven)').fill('Alleen in de winter');
  await card.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(card.getByRole('status')).toHaveText('Uw antwoord: Deels eens — Alleen in de winter');
  // The three choices fit side by side on the phone and are big enough to tap.
  const box = await card.getByRole('radio', { name: 'Oneens' }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await page.reload();
  await expect(page.getByRole('article', { name: 'Buren dragen mee' }).getByRole('status')).toContainText('Deels eens');
  await noSeriousViolations(page);
  await context.close();
});

test('the researcher sees the answer, revises the finding and keeps the old version', async ({ page }) => {
  await signIn(page, 'onderzoeker');
  await page.goto(`/onderzoek/projecten/${setup.projectId}/terugkoppeling`);
  const card = page.getByRole('article', { name: 'Buren dragen mee' });
  await expect(card).toContainText('Eens 0 · deels eens 1 · oneens 0 · nog open 0');
  await expect(card.getByRole('listitem')).toContainText(`${kStakeholder}: Deels eens — Alleen in de winter`);
  await noSeriousViolations(page);

  await card.getByRole('button', { name: 'Herzien' }).click();
  const form = page.getByRole('form', { name: 'Herzien' });
  await form.getByLabel('Titel').fill('Buren dragen mee, vooral in de winter');
  await form.getByRole('button', { name: 'Nieuwe versie voorleggen' }).click();
  const revised = page.getByRole('article', { name: 'Buren dragen mee, vooral in de winter' });
  await expect(revised).toContainText('versie 2');
  await expect(revised).toContainText('nog open 1');
  await revised.getByText('1 eerdere versie').click();
  const first = revised.getByRole('region', { name: 'Versie 1' });
  await expect(first.getByRole('heading')).toHaveText('Versie 1: Buren dragen mee');
  await expect(first).toContainText(`${kStakeholder}: Deels eens`);
  await noSeriousViolations(page);
});

test('the researcher writes a framework matrix cell and a stale one is refused', async ({ page }) => {
  await signIn(page, 'onderzoeker');
  await page.goto(`/onderzoek/projecten/${setup.projectId}/framework`);
  await expect(page.getByText('Nog geen framework-matrix. Maak er hieronder een.')).toBeVisible();
  await page.getByLabel('Naam').fill('Voorwaarden');
  // The design system draws its own box; the label is what a person taps.
  await page.locator('label', { hasText: 'Informele hulp' }).click();
  await expect(page.getByRole('checkbox', { name: 'Informele hulp' })).toBeChecked();
  await page.getByRole('button', { name: 'Matrix maken' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Informele hulp' })).toBeVisible();
  const edit = table.getByRole('button', { name: /^Bewerken: .* × Informele hulp$/ });
  await edit.click();
  await table.getByRole('textbox', { name: /^Samenvatting .* × Informele hulp$/ }).fill('Buren koken en doen boodschappen.');
  await table.getByRole('button', { name: 'Opslaan' }).click();
  await expect(table).toContainText('Buren koken en doen boodschappen.');
  await noSeriousViolations(page);

  // Someone else writes the cell meanwhile: saving the stale text is refused.
  await edit.click();
  const matrices = (await (await page.request.get(`/api/v1/research/projects/${setup.projectId}/framework-matrices`)).json()) as { items: { id: string }[] };
  const cellPath = `/api/v1/research/projects/${setup.projectId}/framework-matrices/${matrices.items[0]!.id}/cells/${setup.practiceId}/${setup.codeId}`;
  const other = await page.request.put(cellPath, {
    data: { summary: 'Door een collega gewijzigd', codingIds: [] },
    headers: { 'If-Match': '"1"', 'X-CSRF-Token': await csrfOf(page) },
  });
  expect(other.status()).toBe(200);
  await table.getByRole('textbox', { name: /^Samenvatting .* × Informele hulp$/ }).fill('Mijn versie');
  await table.getByRole('button', { name: 'Opslaan' }).click();
  await expect(table.getByRole('alert')).toContainText('Iemand anders heeft deze cel intussen gewijzigd');
  const csv = await page.request.get(`/api/v1/research/projects/${setup.projectId}/framework-matrices/${matrices.items[0]!.id}/csv`);
  expect(await csv.text()).toContain('Door een collega gewijzigd');
});
