import { useTranslation } from 'react-i18next';
import { languages } from '../../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="db-language" role="group" aria-label={t('shell.language')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
          <span className="db-visually-hidden"> – {t(`shell.languages.${language}`)}</span>
        </button>
      ))}
    </div>
  );
}
