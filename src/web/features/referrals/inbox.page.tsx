import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReferralSummary } from '../../../contracts/referrals.contracts.js';
import { Button, EmptyState, ErrorMessage, LoadingState, PageHeader, Table } from '../../ui/index.js';
import { formatDate, useInbox } from './referrals.api.js';

/** Incoming and outgoing referrals of the user's organisation; "action needed" first. */
export function InboxPage() {
  const { t, i18n } = useTranslation('referrals');
  const [box, setBox] = useState<'incoming' | 'outgoing'>('incoming');
  const [onlyAction, setOnlyAction] = useState(false);
  const inbox = useInbox(box);
  const rows = (inbox.data?.items ?? [])
    .filter((r) => !onlyAction || r.actionNeeded)
    .sort((a, b) => Number(!!b.actionNeeded) - Number(!!a.actionNeeded));
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<Link className="button button--primary" to="uusi">{t('newReferral')}</Link>} />
      <div className="referrals-tabs" role="group" aria-label={t('boxes')}>
        <Button variant={box === 'incoming' ? 'primary' : 'secondary'} aria-pressed={box === 'incoming'} onClick={() => setBox('incoming')}>{t('incoming')}</Button>
        <Button variant={box === 'outgoing' ? 'primary' : 'secondary'} aria-pressed={box === 'outgoing'} onClick={() => setBox('outgoing')}>{t('outgoing')}</Button>
        <label className="referral-check">
          <input type="checkbox" checked={onlyAction} onChange={(e) => setOnlyAction(e.target.checked)} /> {t('onlyActionNeeded')}
        </label>
      </div>
      {inbox.isPending && <LoadingState />}
      {inbox.error && <ErrorMessage error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data &&
        (rows.length === 0 ? (
          <EmptyState title={t('none')} />
        ) : (
          <Table<ReferralSummary>
            caption={t(`caption.${box}`)}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { key: 'client', header: t('col.client'), isRowHeader: true, render: (r) => <Link to={r.id}>{r.clientName ?? t('hiddenClient')}</Link> },
              { key: 'service', header: t('col.service'), render: (r) => r.serviceName },
              { key: 'party', header: t('col.party'), render: (r) => (box === 'incoming' ? r.fromOrganization.name : r.toOrganization.name) },
              { key: 'status', header: t('col.status'), render: (r) => <span className="referral-badge">{t(`status.${r.status}`)}</span> },
              { key: 'changed', header: t('col.changed'), render: (r) => formatDate(r.statusChangedAt, i18n.language) },
              {
                key: 'action',
                header: t('col.action'),
                render: (r) => (
                  <>
                    {r.actionNeeded && <strong>{t(`action.${r.actionNeeded}`)}</strong>}
                    {r.stuck && <span> · {t(`stuck.${r.stuck}`)}</span>}
                  </>
                ),
              },
            ]}
          />
        ))}
    </>
  );
}
