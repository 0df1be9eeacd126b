import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { Button, Card, ErrorMessage, Field, TextField } from '../../ui/index.js';
import { usePupilPost } from './school.api.js';

type Kind = 'social-welfare-contact' | 'child-protection-notification';

/** Over 70 h: draft the contact from what the school has recorded, edit it, send it to social services. */
export function NotificationForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation('school');
  const [kind, setKind] = useState<Kind>('social-welfare-contact');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [draftError, setDraftError] = useState<unknown>(null);
  const [consent, setConsent] = useState(false);
  const [dutyReason, setDutyReason] = useState('');
  const [followUpDate, setFollowUpDate] = useState('');
  const [responsible, setResponsible] = useState('');
  const send = usePupilPost<object, { toOrganization: string | null }>(clientId, 'notification');

  async function draft() {
    setDraftError(null);
    try {
      const d = await api.get<{ text: string; missing: string[] }>(`/pupils/${clientId}/notification-draft?kind=${kind}`);
      setText(d.text); setMissing(d.missing);
    } catch (e) { setDraftError(e); }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ kind, text, consentGiven: consent, ...(dutyReason ? { dutyReason } : {}), followUpDate, responsiblePerson: responsible });
  };
  return (
    <Card title={t('notification.title')}>
      <p>{t('notification.intro')}</p>
      <div className="form-row">
        <Field label={t('notification.kind')}>
          {(c) => (
            <select className="input" {...c} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="social-welfare-contact">{t('notification.contact')}</option>
              <option value="child-protection-notification">{t('notification.childProtection')}</option>
            </select>
          )}
        </Field>
        <Button onClick={() => void draft()}>{t('notification.draft')}</Button>
      </div>
      {draftError ? <ErrorMessage error={draftError} /> : null}
      {text && (
        <form className="form" onSubmit={submit}>
          {missing.length > 0 && <p className="status-note">{t('notification.missing', { list: missing.map((m) => t(`gap.${m}`)).join(', ') })}</p>}
          <Field label={t('notification.text')}>{(c) => <textarea className="input notification-text" {...c} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
          {kind === 'social-welfare-contact' && (
            <label><input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('notification.consent')}</label>
          )}
          {kind === 'social-welfare-contact' && !consent && (
            <TextField label={t('notification.dutyReason')} required value={dutyReason} onChange={(e) => setDutyReason(e.target.value)} />
          )}
          <TextField label={t('notification.followUpDate')} type="date" required value={followUpDate} onChange={(e) => setFollowUpDate(e.target.value)} />
          <TextField label={t('notification.responsible')} required value={responsible} onChange={(e) => setResponsible(e.target.value)} />
          {send.error && <ErrorMessage error={send.error} />}
          {send.isSuccess && <p role="status" className="status-note">{t('notification.sent', { org: send.data.toOrganization ?? '' })}</p>}
          <Button type="submit" variant="primary" busy={send.isPending}>{t('notification.send')}</Button>
        </form>
      )}
    </Card>
  );
}
