import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
const kStorageKey = 'dichtbij.language';

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(kStorageKey);
    return stored === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function reflect(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
reflect(i18n.language);
i18n.on('languageChanged', (language) => {
  reflect(language);
  try {
    localStorage.setItem(kStorageKey, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts the visit.
  }
});

export default i18n;
