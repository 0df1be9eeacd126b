import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentView } from '../../../contracts/consents.contracts.js';
import { Button, Card, EmptyState, ErrorMessage, LoadingState } from '../../ui/index.js';
import { useConsents, useRevokeConsent } from './consents.api.js';
import './consents.css';

const date = (iso: string | null, lang: string) => (iso ? new Date(iso).toLocaleDateString(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI') : '');

/** The client's consents and statutory bases with their history; active ones can be revoked. */
export function ConsentList({ clientId, headingLevel = 2 }: { clientId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('consents');
  const consents = useConsents(clientId);
  return (
    <Card title={t('listTitle')} headingLevel={headingLevel}>
      {consents.isPending && <LoadingState />}
      {consents.error && <ErrorMessage error={consents.error} onRetry={() => void consents.refetch()} />}
      {consents.data && (consents.data.items.length === 0 ? <EmptyState title={t('none')} /> : (
        <ul className="consent-list">
          {consents.data.items.map((c) => <ConsentItem key={c.id} clientId={clientId} consent={c} />)}
        </ul>
      ))}
    </Card>
  );
}

function ConsentItem({ clientId, consent: c }: { clientId: string; consent: ConsentView }) {
  const { t, i18n } = useTranslation('consents');
  const revoke = useRevokeConsent(clientId);
  const [confirming, setConfirming] = useState(false);
  const recipients = [...c.recipients.map((r) => r.name), ...c.recipientSectors.map((s) => t(`sector.${s}`, { defaultValue: s }))].join(', ');
  return (
    <li className="consent-item">
      <p>
        <strong>{c.basis === 'statutory' ? c.statutoryBasisText : c.purpose}</strong> · <span className="referral-badge">{t(`state.${c.state}`)}</span>
      </p>
      <p>{t('recipients')}: {recipients}</p>
      <p>{t('categories')}: {c.dataCategories.map((k) => t(`category.${k}`)).join(', ')}</p>
      <p>
        {t('valid', { from: date(c.validFrom, i18n.language), until: c.validUntil ? date(c.validUntil, i18n.language) : t('untilRevoked') })}
        {c.givenBy && ` · ${t(`givenBy.${c.givenBy}`)}${c.givenByName ? ` (${c.givenByName})` : ''}, ${t(`method.${c.method}`)}`}
      </p>
      {c.history.length > 0 && (
        <p className="consent-history">{c.history.map((h) => `${date(h.at, i18n.language)} ${t(`event.${h.kind}`)}${h.by ? ` (${h.by})` : ''}`).join(' · ')}</p>
      )}
      {c.state === 'active' && c.basis === 'consent' && (
        confirming ? (
          <p>
            {t('revokeConfirm')}{' '}
            <Button variant="primary" size="small" busy={revoke.isPending} onClick={() => revoke.mutate({ id: c.id })}>{t('revokeYes')}</Button>{' '}
            <Button size="small" onClick={() => setConfirming(false)}>{t('cancel')}</Button>
          </p>
        ) : (
          <Button size="small" onClick={() => setConfirming(true)}>{t('revoke')}</Button>
        )
      )}
      {revoke.error && <ErrorMessage error={revoke.error} />}
    </li>
  );
}
