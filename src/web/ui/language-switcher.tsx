import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../app/i18n.js';

/** Each language is named in itself, so it can be found without reading the current one. */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className={['language-switcher', className ?? ''].filter(Boolean).join(' ')} role="group" aria-labelledby={labelId}>
      <span id={labelId} className="visually-hidden">
        {t('language.label')}
      </span>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switcher__option"
          aria-pressed={current === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
