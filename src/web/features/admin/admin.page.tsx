import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/index.js';

/** Placeholder until the admin feature lands. */
export default function AdminPage() {
  const { t } = useTranslation('admin');
  return <PageHeader title={t('title')} description={t('description')} />;
}
