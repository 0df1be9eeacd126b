import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AccessLog, ConsentForm, ConsentList } from '../consents/index.js';
import { PageHeader } from '../../ui/index.js';

/** One client's consents, the form to record a new one, and who has seen the client's data. */
export function ClientConsentsPage() {
  const { clientId = '' } = useParams();
  const { t } = useTranslation('consents');
  return (
    <>
      <p><Link to="../..">{t('back')}</Link></p>
      <PageHeader title={t('title')} description={t('description')} />
      <ConsentList clientId={clientId} />
      <ConsentForm clientId={clientId} />
      <AccessLog clientId={clientId} />
    </>
  );
}
