import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReferralSummary } from '../../../contracts/referrals.contracts.js';
import { Card, ErrorMessage, Table } from '../../ui/index.js';
import { formatDate, useClientReferrals } from './relationships.api.js';

/** The client's referrals with their status; each opens in the referrals module. */
export function ClientReferralsCard({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation('relationships');
  const { t: tr } = useTranslation('referrals');
  const referrals = useClientReferrals(clientId);
  return (
    <Card title={t('referrals.title')} actions={<Link to={`/lahetteet/uusi?asiakas=${clientId}`}>{t('referrals.new')}</Link>}>
      {referrals.isError && <ErrorMessage error={referrals.error} />}
      {referrals.data && referrals.data.items.length === 0 && <p>{t('referrals.none')}</p>}
      {referrals.data && referrals.data.items.length > 0 && (
        <Table<ReferralSummary>
          caption={t('referrals.title')}
          rows={referrals.data.items}
          rowKey={(r) => r.id}
          columns={[
            { key: 'service', header: t('referrals.service'), isRowHeader: true, render: (r) => <Link to={`/lahetteet/${r.id}`}>{r.serviceName}</Link> },
            { key: 'to', header: t('referrals.to'), render: (r) => r.toOrganization.name ?? '–' },
            { key: 'status', header: t('referrals.status'), render: (r) => tr(`status.${r.status}`) },
            { key: 'changed', header: t('referrals.changed'), render: (r) => formatDate(r.statusChangedAt, i18n.language) },
          ]}
        />
      )}
    </Card>
  );
}
