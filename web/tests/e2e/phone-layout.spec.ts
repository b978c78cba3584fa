import { expect, test, type Page } from '@playwright/test';
import { firstHousehold, signIn, type DemoUser } from './helpers';

// On a phone (390 px wide) no page scrolls sideways, and no table is wider
// than its place: wide tables become a card per row (db-table--stack). The
// research matrices are left out: a code × practice matrix is read across.

const kPhone = { width: 390, height: 844 };

async function wideThings(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A table counts by its own width: a wrapper that scrolls, or a page
    // that clips, hides the overflow from scrollWidth.
    const wide = [...document.querySelectorAll<HTMLElement>('table')]
      .filter((table) => table.getBoundingClientRect().width > width || table.getBoundingClientRect().right > width + 1)
      .map((table) => `${table.id || table.querySelector('caption')?.textContent || table.className}: ${Math.round(table.getBoundingClientRect().width)} px wide`);
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) wide.push(`page: ${page.scrollWidth} > ${page.clientWidth}`);
    return wide;
  });
}

const kPages: { user: DemoUser; paths: string[]; ready: string }[] = [
  {
    user: 'professional',
    paths: ['/huishoudens', ...['netwerk', 'plan', 'steun', 'zrm', 'verandering', 'toestemmingen', 'inzage'].map((tab) => `/huishoudens/ID?tab=${tab}`), '/steun-vastleggen', '/hulpvragen'],
    ready: 'main h1',
  },
  { user: 'coordinator.maatjes', paths: ['/dashboard', '/matching'], ready: 'main h1' },
  { user: 'beheerder', paths: ['/beheer'], ready: 'main table' },
];

for (const { user, paths, ready } of kPages) {
  test(`nothing scrolls sideways on a phone: ${user}`, async ({ page }) => {
    await page.setViewportSize(kPhone);
    await signIn(page, user);
    const household = user === 'professional' ? await firstHousehold(page) : null;
    for (const path of paths) {
      await page.goto(household ? path.replace('ID', household.id) : path);
      await expect(page.locator(ready).first()).toBeVisible();
      // Tables fill in as their requests answer.
      await page.waitForLoadState('networkidle');
      expect(await wideThings(page), path).toEqual([]);
    }
  });
}
