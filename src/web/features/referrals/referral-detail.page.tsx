import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ReferralDetail, ReferralStatus } from '../../../contracts/referrals.contracts.js';
import { Button, Card, ErrorMessage, Field, LoadingState, PageHeader, TextField } from '../../ui/index.js';
import { formatDate, useChangeStatus, useRecordOutside, useReferral } from './referrals.api.js';

const NEEDS_REASON: ReferralStatus[] = ['rejected', 'failed'];

/** One referral: what was asked, what the receiver needs to know, the status actions and the history. */
export function ReferralDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('referrals');
  const referral = useReferral(id);
  return (
    <>
      <p><Link to="..">{t('detail.back')}</Link></p>
      {referral.isPending && <LoadingState />}
      {referral.error && <ErrorMessage error={referral.error} onRetry={() => void referral.refetch()} />}
      {referral.data && (
        <>
          <PageHeader title={`${referral.data.serviceName} – ${referral.data.clientName ?? ''}`} description={t(`status.${referral.data.status}`)} />
          <Card title={t('detail.reason')}>
            <dl className="referral-dl">
              <dt>{t('detail.reason')}</dt><dd>{referral.data.reason}</dd>
              <dt>{t('create.urgency')}</dt><dd>{t(`urgency.${referral.data.urgency}`)}</dd>
              {referral.data.receiverInfo && (<><dt>{t('detail.receiverInfo')}</dt><dd>{referral.data.receiverInfo}</dd></>)}
              {referral.data.contactPreference && (<><dt>{t('detail.contactPreference')}</dt><dd>{referral.data.contactPreference}</dd></>)}
              <dt>{t('detail.sender')}</dt><dd>{[referral.data.fromOrganization.name, referral.data.sender.name, referral.data.sender.phone].filter(Boolean).join(', ')}</dd>
              <dt>{t('create.provider')}</dt><dd>{referral.data.toOrganization.name}</dd>
            </dl>
          </Card>
          <StatusActions referral={referral.data} />
          {referral.data.outsideSystem && <OutsideCard referral={referral.data} />}
          <Card title={t('detail.history')}>
            <ol className="referral-history">
              {referral.data.history.map((h, i) => (
                <li key={i}>
                  {formatDate(h.at, i18n.language)} · <strong>{t(`status.${h.status}`)}</strong>
                  {h.organization && ` · ${h.organization}`}{h.by && `, ${h.by}`}{h.reason && ` – ${h.reason}`}
                </li>
              ))}
            </ol>
          </Card>
          {referral.data.sides.includes('sender') && (
            <p><Link to={`../asiakas/${referral.data.clientId}/suostumukset`}>{t('detail.consents')}</Link></p>
          )}
        </>
      )}
    </>
  );
}

function StatusActions({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation('referrals');
  const change = useChangeStatus(referral.id);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<ReferralStatus | null>(null);
  const needsReason = referral.allowedStatuses.some((s) => NEEDS_REASON.includes(s));
  const set = (status: ReferralStatus) => {
    setPending(status);
    change.mutate({ status, reason: reason.trim() || undefined }, { onSuccess: () => setReason('') });
  };
  return (
    <Card title={t('detail.actions')}>
      {referral.allowedStatuses.length === 0 ? (
        <p>{t('detail.noActions')}</p>
      ) : (
        <div className="referral-actions">
          {needsReason && <TextField label={t('detail.statusReason')} hint={t('detail.reasonRequired')} value={reason} onChange={(e) => setReason(e.target.value)} />}
          {referral.allowedStatuses.map((s) => (
            <Button key={s} variant={s === 'cancelled' || s === 'rejected' || s === 'failed' ? 'secondary' : 'primary'} busy={change.isPending && pending === s}
              disabled={NEEDS_REASON.includes(s) && !reason.trim()} onClick={() => set(s)}>
              {t(`setStatus.${s}`)}
            </Button>
          ))}
        </div>
      )}
      {change.error && <ErrorMessage error={change.error} />}
      {change.isSuccess && <p role="status">{t('detail.saved')}</p>}
    </Card>
  );
}

function OutsideCard({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation('referrals');
  const record = useRecordOutside(referral.id);
  const [note, setNote] = useState('');
  return (
    <Card title={t('detail.outside')}>
      <p>{t('detail.outsideHelp')}</p>
      <p className="referral-print">
        <a className="button button--secondary" href={`/api/v1/referrals/${referral.id}/print`} target="_blank" rel="noopener">{t('detail.print')}</a>
        {(['fi', 'sv', 'en'] as const).map((lang) => (
          <a key={lang} className="button button--quiet" href={`/api/v1/referrals/${referral.id}/print.pdf?lang=${lang}`} target="_blank" rel="noopener" hrefLang={lang}>
            {t('detail.pdf', { lang: lang.toUpperCase() })}
          </a>
        ))}
      </p>
      {referral.outsideNote ? (
        <p>{t('detail.recorded', { note: referral.outsideNote })}</p>
      ) : (
        <form className="referral-actions" onSubmit={(e) => { e.preventDefault(); record.mutate(note); }}>
          <Field label={t('detail.outsideNote')}>{(control) => <input className="input" {...control} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
          <Button type="submit" busy={record.isPending} disabled={note.trim().length < 3}>{t('detail.recordOutside')}</Button>
          {record.error && <ErrorMessage error={record.error} />}
        </form>
      )}
    </Card>
  );
}
