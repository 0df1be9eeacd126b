import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageHeaderProps {
  title: string;
  /** `lang` of the title when it is not in the page's language (e.g. a Finnish fallback on the Swedish UI). */
  titleLang?: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's only h1; also names the browser tab so the page can be told apart (WCAG 2.4.2). */
export function PageHeader({ title, titleLang, description, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('appName')}`;
  }, [title, t]);
  return (
    <header className="page-header">
      <div className="page-header__text">
        <h1 className="page-header__title" lang={titleLang}>
          {title}
        </h1>
        {description && <p className="page-header__description">{description}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
