import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ErrorMessage, Field } from '../../ui/index.js';
import { formatDateTime, useEmergencyAccess } from './supervision.api.js';
import './supervision.css';

/**
 * Emergency access (hätäkäyttö): shown where a professional is refused a client. Opening needs a
 * reason; the server logs it with basis "emergency" and lists it for the manager's review.
 */
export function EmergencyAccessForm({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation('supervision');
  const open = useEmergencyAccess(clientId);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate(reason);
  };
  return (
    <Card title={t('access.title')}>
      <p>{t('access.description')}</p>
      <p className="emergency-warning">
        <strong>{t('access.warning')}</strong>
      </p>
      <form className="form" onSubmit={submit}>
        <Field label={t('access.reason')} hint={t('access.reasonHint')}>
          {(c) => <textarea className="input" rows={3} required minLength={10} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} {...c} />}
        </Field>
        {open.isError && <ErrorMessage error={open.error} />}
        {open.data && <p role="status">{t('access.flagged', { until: formatDateTime(open.data.expiresAt, i18n.language) })}</p>}
        <Button type="submit" variant="danger" busy={open.isPending} busyLabel={t('access.opening')}>
          {t('access.open')}
        </Button>
      </form>
    </Card>
  );
}
