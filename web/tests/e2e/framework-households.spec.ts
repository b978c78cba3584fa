import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiGet, apiPost, csrfOf, noSeriousViolations, signIn } from './helpers';

// Households (pseudonymised) as the rows of a framework matrix (issue 9): a
// researcher makes a household matrix, sees each household only as
// "Huishouden <start of pseudonym>", writes a cell, and the household leaves
// the matrix and its CSV once it withdraws its research consent; its note
// is then listed as withheld and its page shows no text.
//
// A researcher knows households only by pseudonym (as in the research
// exports), so the test finds one household's pseudonym the way the export
// shows it: the professional withdraws its research consent, and the
// pseudonym that leaves the support-acts export is that household's. The
// consent is granted again for the matrix, withdrawn again, and granted
// once more at the end, so the demo data keeps its research consent.

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}



interface Consent {
  id: string;
  purpose: string;
  grantedOn: string;
  inForce: boolean;
}

/** The household pseudonyms in the researcher's support-acts export. */
async function exportedHouseholds(researcher: Page): Promise<Set<string>> {
  const answer = await researcher.request.get('/api/v1/research/exports/support-acts');
  expect(answer.status()).toBe(200);
  const [, ...rows] = (await answer.text()).split('\r\n').filter((line) => line !== '');
  return new Set(rows.map((row) => row.split(',')[1]!));
}

/** Withdraws a household's research consent today. */
async function withdraw(professional: Page, householdId: string, consent: Consent) {
  const path = `/api/v1/households/${householdId}/consents/${consent.id}`;
  const read = await professional.request.get(path);
  const answer = await professional.request.put(path, {
    data: { purpose: 'research', grantedOn: consent.grantedOn, withdrawnOn: today() },
    headers: { 'X-CSRF-Token': await csrfOf(professional), 'If-Match': read.headers()['etag']! },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}

async function grant(professional: Page, householdId: string): Promise<Consent> {
  return apiPost<Consent>(professional, `/households/${householdId}/consents`, { purpose: 'research', grantedOn: today() });
}

interface Setup {
  professional: Page;
  householdId: string;
  consent: Consent;
}

/** A household of the professional's with research consent and support acts (so it is in the export). */
async function consentingHousehold(browser: Browser): Promise<Setup> {
  const professional = await (await browser.newContext()).newPage();
  await signIn(professional, 'professional');
  const households = await apiGet<{ items: { id: string }[] }>(professional.request, '/households?pageSize=100');
  // From the end of the list: the first households are other tests' examples.
  for (const household of [...households.items].reverse()) {
    const consents = await apiGet<{ items: Consent[] }>(professional.request, `/households/${household.id}/consents?purpose=research`);
    const consent = consents.items.find((each) => each.inForce);
    if (!consent) continue;
    const acts = await apiGet<{ total: number }>(professional.request, `/support-acts?householdId=${household.id}&pageSize=1`);
    if (acts.total > 0) return { professional, householdId: household.id, consent };
  }
  throw new Error('the professional has no household with research consent and support acts');
}

test('a household matrix shows households by pseudonym only, and a withdrawn one leaves it', async ({ page, browser }) => {
  const { professional, householdId, consent } = await consentingHousehold(browser);
  await signIn(page, 'onderzoeker');
  const before = await exportedHouseholds(page);
  await withdraw(professional, householdId, consent);
  const after = await exportedHouseholds(page);
  const gone = [...before].filter((pseudonym) => !after.has(pseudonym));
  expect(gone).toHaveLength(1);
  const pseudonym = gone[0]!;
  const other = [...after][0]!;
  const regranted = await grant(professional, householdId);

  // A project with a note about each household, coded.
  const practices = await apiGet<{ items: { id: string }[] }>(page.request, '/practices?pageSize=1');
  const practiceId = practices.items[0]!.id;
  const project = await apiPost<{ id: string }>(page, '/research/projects', { name: `Huishoudens e2e ${Date.now() % 1_000_000}`, practiceIds: [practiceId] });
  const base = `/research/projects/${project.id}`;
  const note = (text: string, household: string) =>
    apiPost<{ id: string }>(page, `${base}/field-notes`, {
      practiceId,
      site: 'Buurthuis',
      observedOn: '2026-03-03',
      perspective: 'professional',
      text,
      householdPseudonyms: [household],
    });
  const first = await note('De buurvrouw kookt twee keer per week.', pseudonym);
  await note('De zoon komt elke zaterdag.', other);
  const code = await apiPost<{ id: string }>(page, `${base}/codes`, { name: 'Informele hulp' });
  await apiPost(page, `${base}/codings`, { noteId: first.id, codeId: code.id, start: 0, end: 13 });

  await page.goto(`/onderzoek/projecten/${project.id}/framework`);
  await page.getByLabel('Naam').fill('Per huishouden');
  // The design system draws its own controls; the label is what a person taps.
  await page.locator('label', { hasText: 'Huishoudens (gepseudonimiseerd)' }).click();
  await expect(page.getByRole('radio', { name: 'Huishoudens (gepseudonimiseerd)' })).toBeChecked();
  await page.locator('label', { hasText: 'Informele hulp' }).click();
  await page.getByRole('button', { name: 'Matrix maken' }).click();

  const table = page.getByRole('table');
  const label = `Huishouden ${pseudonym.slice(0, 8)}`;
  await expect(table.getByRole('columnheader', { name: 'Huishouden', exact: true })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: label })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: `Huishouden ${other.slice(0, 8)}` })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(householdId);
  await table.getByRole('button', { name: `Bewerken: ${label} × Informele hulp` }).click();
  await table.getByRole('textbox', { name: `Samenvatting ${label} × Informele hulp` }).fill('De buurvrouw kookt mee.');
  await table.getByRole('button', { name: 'Opslaan' }).click();
  await expect(table.getByRole('row', { name: new RegExp(label) })).toContainText('De buurvrouw kookt mee.');
  await noSeriousViolations(page);

  const matrices = await apiGet<{ items: { id: string }[] }>(page.request, `${base}/framework-matrices`);
  const csvPath = `/api/v1${base}/framework-matrices/${matrices.items[0]!.id}/csv`;
  expect(await (await page.request.get(csvPath)).text()).toContain(pseudonym);

  // The household withdraws its research consent: its row, its cell and its CSV line go.
  await withdraw(professional, householdId, regranted);
  await page.reload();
  await expect(table.getByRole('rowheader', { name: `Huishouden ${other.slice(0, 8)}` })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: label })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('De buurvrouw kookt mee.');
  const csv = await (await page.request.get(csvPath)).text();
  expect(csv).not.toContain(pseudonym);
  expect(csv).not.toContain('De buurvrouw kookt mee.');
  await noSeriousViolations(page);

  // Its note stays listed, so the researcher knows, but is withheld, as in the analyses.
  await page.goto(`/onderzoek/projecten/${project.id}/notities`);
  await expect(page.getByText('Niet te lezen: een gekoppeld huishouden heeft zijn toestemming voor onderzoek ingetrokken.')).toBeVisible();
  await expect(page.getByText('De zoon komt elke zaterdag.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('De buurvrouw kookt');
  await page.goto(`/onderzoek/projecten/${project.id}/notities/${first.id}`);
  await expect(page.getByRole('heading', { name: 'Deze notitie is niet meer te lezen' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('De buurvrouw kookt');
  await expect(page.getByRole('button', { name: 'Codeer selectie' })).toHaveCount(0);
  await noSeriousViolations(page);

  await grant(professional, householdId);
  await professional.context().close();
});
