import { expect, test, type Page } from '@playwright/test';
import { apiGet, csrfOf, signIn } from './helpers';

// The research screens end to end (issue 9): a researcher creates a
// project, writes a field note, codes a selection that has a character
// outside the Basic Multilingual Plane before it — once with the mouse's
// selection, once with the keyboard only — and the API keeps code-point
// offsets; the code × practice cell counts up and drills down to the fragment.

// ☕ is one UTF-16 unit, 😀 two; both are one code point.
const kText = 'Koffie ☕ en 😀 taart.\nDaarna helpt de buurvrouw Fatima met de formulieren.';

function codePoints(text: string, fragment: string): { start: number; end: number } {
  const at = text.indexOf(fragment);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...fragment].length };
}

/** Selects `fragment` in the note's text as a mouse would, across highlighted pieces. */
async function selectInNote(page: Page, fragment: string) {
  await page.getByTestId('note-text').evaluate((container, wanted) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let offset = 0;
    const full = container.textContent ?? '';
    const from = full.indexOf(wanted);
    const to = from + wanted.length;
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (from >= offset && from <= offset + length) range.setStart(node, from - offset);
      if (to >= offset && to <= offset + length) {
        range.setEnd(node, to - offset);
        break;
      }
      offset += length;
    }
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, fragment);
}

interface Matrix {
  cells: { codeId: string; column: string; codings: number }[];
}

test('a researcher codes a selection after an emoji and drills down to it', async ({ page }) => {
  await signIn(page, 'onderzoeker');
  const practices = await apiGet<{ items: { id: string; name: string }[] }>(page.request, '/practices?pageSize=200');
  const practice = practices.items[0]!;
  const projectName = `Mobilisatie ${Date.now()}`;

  await page.getByRole('link', { name: 'Naar de onderzoeksprojecten' }).click();
  await page.getByLabel('Naam').fill(projectName);
  await page.getByRole('checkbox', { name: practice.name }).check();
  await page.getByRole('button', { name: 'Project maken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(projectName);
  const projectId = /projecten\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await expect(page.getByRole('table', { name: 'Leden' }).getByRole('row')).toHaveCount(2);

  const nav = page.getByRole('navigation', { name: 'Onderdelen van het project' });
  await nav.getByRole('link', { name: 'Codeboek' }).click();
  await page.getByLabel('Naam').fill('Steun door buren');
  await page.getByLabel('Betekenis en wanneer toe te passen').fill('Buren die helpen zonder dat een professional het vroeg.');
  await page.getByRole('button', { name: 'Code toevoegen' }).click();
  await expect(page.getByRole('button', { name: 'Steun door buren bewerken' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Geschiedenis van het codeboek' })).toContainText('Steun door buren toegevoegd');

  await nav.getByRole('link', { name: 'Veldnotities' }).click();
  await page.getByRole('link', { name: 'Nieuwe veldnotitie' }).click();
  await page.getByLabel('Plek').fill('Buurthuis De Boom');
  await page.getByLabel('Perspectief').selectOption({ label: 'Vrijwilliger' });
  await page.getByLabel('Tekst').fill(kText);
  await page.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Veldnotitie Buurthuis De Boom');
  const noteId = /notities\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await expect(page).toHaveTitle('Coderen · Dichtbij');

  const before = await apiGet<Matrix>(page.request, `/research/projects/${projectId}/analyses/code-practice-matrix`);
  expect(before.cells).toEqual([]);

  // With the mouse's selection: the fields show the code points.
  const neighbour = codePoints(kText, 'de buurvrouw');
  expect(neighbour.start).toBe(kText.indexOf('de buurvrouw') - 1);
  await page.getByRole('checkbox', { name: 'Steun door buren' }).check();
  await selectInNote(page, 'de buurvrouw');
  await expect(page.getByLabel('Begin (teken, vanaf 0)')).toHaveValue(String(neighbour.start));
  await expect(page.getByLabel(/^Einde/)).toHaveValue(String(neighbour.end));
  await page.getByRole('button', { name: 'Codeer selectie' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 codering toegevoegd.' })).toBeVisible();
  await expect(page.getByTestId('note-text').locator('mark')).toHaveText('de buurvrouw');

  const codings = await apiGet<{ items: { start: number; end: number; codeId: string }[] }>(page.request, `/research/projects/${projectId}/codings?noteId=${noteId}`);
  expect(codings.items.map(({ start, end }) => ({ start, end }))).toEqual([neighbour]);
  const codeId = codings.items[0]!.codeId;

  await nav.getByRole('link', { name: 'Analyses' }).click();
  const matrix = page.locator('section', { has: page.getByRole('heading', { name: 'Code × praktijk' }) });
  await matrix.getByRole('button', { name: 'Tabel' }).click();
  await expect(matrix.getByRole('button', { name: `Steun door buren × ${practice.name}: 1, toon fragmenten` })).toBeVisible();

  // With the keyboard only: the offsets typed, the code and the button reached by Tab.
  await page.goto(`/onderzoek/projecten/${projectId}/notities/${noteId}`);
  const fatima = codePoints(kText, 'Fatima');
  await page.getByLabel('Begin (teken, vanaf 0)').focus();
  await page.keyboard.type(String(fatima.start));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(fatima.end));
  await expect(page.getByText('Geselecteerd: “Fatima”')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Steun door buren' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Codeer selectie' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 codering toegevoegd.' })).toBeVisible();
  await expect(page.getByTestId('coding')).toHaveCount(2);

  const after = await apiGet<Matrix>(page.request, `/research/projects/${projectId}/analyses/code-practice-matrix`);
  expect(after.cells).toEqual([expect.objectContaining({ codeId, column: practice.id, codings: 2 })]);

  await page.getByRole('navigation', { name: 'Onderdelen van het project' }).getByRole('link', { name: 'Analyses' }).click();
  await matrix.getByRole('button', { name: 'Tabel' }).click();
  const cell = matrix.getByRole('button', { name: `Steun door buren × ${practice.name}: 2, toon fragmenten` });
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Fragmenten: Steun door buren × ${practice.name}` })).toBeFocused();
  await expect(page.getByTestId('fragment')).toHaveCount(2);
  await expect(page.getByTestId('fragment').first()).toContainText('de buurvrouw');
  await page.getByTestId('fragment').first().getByRole('link', { name: 'Naar de notitie' }).click();
  await expect(page).toHaveURL(new RegExp(`/notities/${noteId}$`));

  // The REFI-QDA exchange on the project's overview: what goes along, what does not.
  await nav.getByRole('link', { name: 'Overzicht' }).click();
  const exchange = page.locator('section', { has: page.getByRole('heading', { name: 'Uitwisselen met QDA-programma’s' }) });
  await expect(exchange).toContainText('1 notities, 2 coderingen, 1 codes.');
  await expect(exchange.getByTestId('exchange-warnings')).toContainText('Bevindingen en de antwoorden van belanghebbenden');
  const href = await exchange.getByRole('link', { name: 'Project (.qdpx)' }).getAttribute('href');
  expect(href).toBe(`/api/v1/research/projects/${projectId}/export.qdpx`);
  const archive = await page.request.get(href!);
  expect(archive.status()).toBe(200);
  expect(archive.headers()['content-type']).toContain('zip');
  expect((await archive.body()).subarray(0, 2).toString()).toBe('PK');
  const codebook = await page.request.get((await exchange.getByRole('link', { name: 'Codeboek (.qdc)' }).getAttribute('href'))!);
  expect(await codebook.text()).toContain('name="Steun door buren"');
});

test('a researcher pseudonymises a name, then codes, writes a memo on the coding and removes it', async ({ page }) => {
  await signIn(page, 'onderzoeker');
  const headers = { 'X-CSRF-Token': await csrfOf(page), 'Content-Type': 'application/json' };
  const post = async (path: string, data: unknown) => {
    const response = await page.request.post(`/api/v1${path}`, { headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() }, data });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const practices = await apiGet<{ items: { id: string }[] }>(page.request, '/practices?pageSize=1');
  const projectId = await post('/research/projects', { name: `Pseudoniemen ${Date.now()}`, practiceIds: [practices.items[0]!.id] });
  await post(`/research/projects/${projectId}/codes`, { name: 'Praktische hulp', colour: '#6a1b9a' });
  const noteId = await post(`/research/projects/${projectId}/field-notes`, {
    practiceId: practices.items[0]!.id,
    site: 'Wijkcentrum',
    observedOn: '2026-04-01',
    perspective: 'volunteer',
    text: 'Jan 🙂 helpt Fatima elke week.',
  });

  await page.goto(`/onderzoek/projecten/${projectId}/notities/${noteId}`);
  await page.getByLabel('Namen (één per regel)').fill('Fatima\nJan');
  await page.getByRole('button', { name: 'Pseudonimiseren' }).click();
  await expect(page.getByText('De namen zijn vervangen.')).toBeVisible();
  await expect(page.getByTestId('note-text')).toHaveText(/^Persoon \d+ 🙂 helpt Persoon \d+ elke week\.$/);
  const note = await apiGet<{ text: string }>(page.request, `/research/projects/${projectId}/field-notes/${noteId}`);
  expect(note.text).not.toContain('Fatima');

  await page.getByRole('checkbox', { name: 'Praktische hulp' }).check();
  await selectInNote(page, 'helpt');
  await page.getByRole('button', { name: 'Codeer selectie' }).click();
  await expect(page.getByTestId('coding')).toHaveCount(1);
  const codings = await apiGet<{ items: { start: number; end: number }[] }>(page.request, `/research/projects/${projectId}/codings?noteId=${noteId}`);
  const start = [...note.text.slice(0, note.text.indexOf('helpt'))].length;
  expect(codings.items.map(({ start, end }) => ({ start, end }))).toEqual([{ start, end: start + 5 }]);

  // Coded text no longer changes: pseudonymising is refused, and the page says why.
  await expect(page.getByText('Deze notitie heeft al coderingen')).toBeVisible();

  await page.getByTestId('coding').getByRole('button', { name: "Memo's" }).click();
  await page.getByTestId('coding').getByLabel('Nieuwe memo').fill('Wekelijks, zonder tussenkomst.');
  await page.getByTestId('coding').getByRole('button', { name: 'Memo toevoegen' }).click();
  await expect(page.getByTestId('coding').getByText('Wekelijks, zonder tussenkomst.')).toBeVisible();

  await page.getByRole('button', { name: /^Codering Praktische hulp vanaf teken \d+ verwijderen$/ }).click();
  await expect(page.getByTestId('coding')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Codering verwijderd.' })).toBeVisible();
  expect((await apiGet<{ total: number }>(page.request, `/research/projects/${projectId}/codings?noteId=${noteId}`)).total).toBe(0);
});
