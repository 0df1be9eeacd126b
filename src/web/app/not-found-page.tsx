import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../ui/index.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} description={t('notFound.description')} />
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('forbidden.title')} description={t('forbidden.description')} />;
}
