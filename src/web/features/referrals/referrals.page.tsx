import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/index.js';

/** Placeholder until the referrals feature lands. */
export default function ReferralsPage() {
  const { t } = useTranslation('referrals');
  return <PageHeader title={t('title')} description={t('description')} />;
}
