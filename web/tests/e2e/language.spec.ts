import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the language switch turns the app into English and remembers it', async ({ page }) => {
  await signIn(page, 'professional');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn huishoudens');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My households');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Labels of the API's enumerations follow.
  await expect(page.getByRole('table')).toContainText('Severely lonely people');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My households');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn huishoudens');
});
