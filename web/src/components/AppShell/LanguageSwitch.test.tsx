import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { LanguageSwitch } from './LanguageSwitch';

afterEach(async () => {
  await i18n.changeLanguage('nl');
});

describe('LanguageSwitch', () => {
  it('starts in Dutch and switches the page to English', async () => {
    render(<LanguageSwitch />);
    const group = screen.getByRole('group', { name: 'Taal' });
    expect(group).toBeDefined();
    expect(screen.getByRole('button', { name: /Nederlands/ }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: /English/ }));
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('dichtbij.language')).toBe('en');
    expect(screen.getByRole('button', { name: /English/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('group', { name: 'Language' })).toBeDefined();
  });
});
