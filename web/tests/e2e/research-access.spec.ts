import { expect, test } from '@playwright/test';
import { kHomes, signIn, type DemoUser } from './helpers';

// The research screens are for researchers: every other role sees no
// control leading there, is sent home from their addresses, and the API
// refuses it.
const kOthers: DemoUser[] = ['beheerder', 'coordinator.maatjes', 'professional', 'vrijwilliger', 'client'];

for (const user of kOthers) {
  test(`${user} cannot reach the research screens`, async ({ page }) => {
    await signIn(page, user);
    await expect(page.getByRole('link', { name: /Onderzoek/ })).toHaveCount(0);
    for (const path of ['/onderzoek/projecten', `/onderzoek/projecten/${crypto.randomUUID()}/analyses`]) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${kHomes[user].path}$`));
      await expect(page.getByRole('heading', { name: 'Onderzoeksprojecten' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Codeer selectie' })).toHaveCount(0);
    }
    expect((await page.request.get('/api/v1/research/projects')).status()).toBe(403);
  });
}
