import { expect, test, type Page } from '@playwright/test';
import { apiGet, apiPost, noSeriousViolations, signIn } from './helpers';

// Importing a REFI-QDA codebook (.qdc) on the codebook page (issue 9): a
// codebook exported from one project is read into another and its codes
// appear in the tree, counted; a broken file is refused with the line and
// the problem in an error summary, and nothing changes.



async function newProject(page: Page, name: string): Promise<string> {
  const practices = await apiGet<{ items: { id: string }[] }>(page.request, '/practices?pageSize=1');
  const project = await apiPost<{ id: string }>(page, '/research/projects', { name: `${name} ${Date.now() % 1_000_000}`, practiceIds: [practices.items[0]!.id] });
  return project.id;
}

// Well-formed but no codebook: the Code on line 4 has no guid, which Codebook.xsd requires.
const kBroken = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">',
  '  <Codes>',
  '    <Code name="Kapot" isCodable="true"/>',
  '  </Codes>',
  '</CodeBook>',
  '',
].join('\n');

test('a codebook exported from one project is imported into another through the form', async ({ page }) => {
  await signIn(page, 'onderzoeker');
  const source = await newProject(page, 'Bron van codes');
  const parent = await apiPost<{ id: string }>(page, `/research/projects/${source}/codes`, { name: 'Netwerk', description: 'Wie er om het huishouden heen staat.', colour: '#1565c0' });
  await apiPost(page, `/research/projects/${source}/codes`, { name: 'Buren helpen', parentId: parent.id });
  const qdc = await (await page.request.get(`/api/v1/research/projects/${source}/codebook.qdc`)).text();
  expect(qdc).toContain('Buren helpen');

  const target = await newProject(page, 'Doel van codes');
  await page.goto(`/onderzoek/projecten/${target}/codeboek`);
  const tree = page.getByRole('region', { name: 'Codes' });
  await expect(tree).toContainText('Nog geen codes.');
  const form = page.getByRole('form', { name: 'Codeboek inlezen (.qdc)' });

  // Without a file, the form says what is missing and sends nothing.
  await form.getByRole('button', { name: 'Codeboek inlezen' }).click();
  await expect(form.getByRole('heading', { name: 'Er is nog niets ingelezen' })).toBeVisible();
  await expect(form.getByRole('link', { name: 'Kies eerst een .qdc-bestand.' })).toBeVisible();

  await form.getByLabel('Codeboekbestand (.qdc)').setInputFiles({ name: 'codebook.qdc', mimeType: 'application/xml', buffer: Buffer.from(qdc) });
  await form.getByRole('button', { name: 'Codeboek inlezen' }).click();
  await expect(form.getByRole('status')).toHaveText('Ingelezen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd.');
  await expect(tree.getByText('Netwerk', { exact: true })).toBeVisible();
  await expect(tree.getByText('Buren helpen', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Geschiedenis van het codeboek' })).toContainText('Buren helpen toegevoegd');
  await noSeriousViolations(page);

  // The same file again changes nothing.
  await form.getByLabel('Codeboekbestand (.qdc)').setInputFiles({ name: 'codebook.qdc', mimeType: 'application/xml', buffer: Buffer.from(qdc) });
  await form.getByRole('button', { name: 'Codeboek inlezen' }).click();
  await expect(form.getByRole('status')).toHaveText('Ingelezen: 0 nieuw, 0 gewijzigd, 2 ongewijzigd.');

  // A broken file: the summary names the line and the problem; nothing changes.
  const changesBefore = await apiGet<{ total: number }>(page.request, `/research/projects/${target}/codebook-changes`);
  await form.getByLabel('Codeboekbestand (.qdc)').setInputFiles({ name: 'kapot.qdc', mimeType: 'application/xml', buffer: Buffer.from(kBroken) });
  await form.getByRole('button', { name: 'Codeboek inlezen' }).click();
  // The design system's error summary takes the focus instead of being a live region.
  const summary = form.locator('section', { has: page.getByRole('heading', { name: 'Het codeboek is niet ingelezen; er is niets veranderd' }) });
  const problem = summary.getByRole('link', { name: /^Regel 4: geen REFI-QDA-codeboek volgens Codebook\.xsd \(.*guid.*\)$/ });
  await expect(problem).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(form.getByRole('status')).toHaveText('');
  await expect(form.getByLabel('Codeboekbestand (.qdc)')).toHaveAttribute('aria-invalid', 'true');
  await noSeriousViolations(page);
  // The summary's link takes the reader to the file field.
  await problem.click();
  await expect(form.getByLabel('Codeboekbestand (.qdc)')).toBeFocused();
  await expect(tree.getByText('Kapot')).toHaveCount(0);
  const codes = await apiGet<{ items: { name: string }[] }>(page.request, `/research/projects/${target}/codes?pageSize=100`);
  expect(codes.items.map((code) => code.name).sort()).toEqual(['Buren helpen', 'Netwerk']);
  const changesAfter = await apiGet<{ total: number }>(page.request, `/research/projects/${target}/codebook-changes`);
  expect(changesAfter.total).toBe(changesBefore.total);
});
