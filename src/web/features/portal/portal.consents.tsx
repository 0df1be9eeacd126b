import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeOverview } from '../../../contracts/portal.contracts.js';
import { Button, ErrorMessage, Field, LoadingState } from '../../ui/index.js';
import { finnishDate, useConsents, useGiveConsent, useRevokeConsent } from './portal.api.js';

const CATEGORIES = ['contact', 'plan', 'assessments', 'health', 'social', 'school', 'benefits'] as const;
type Category = (typeof CATEGORIES)[number];

/** My consents with their state; revoke any of them; give a new one electronically. */
export function ConsentsSection({ subject, organizations }: { subject?: string; organizations: MeOverview['organizations'] }) {
  const { t, i18n } = useTranslation('portal');
  const q = useConsents(subject, i18n.language);
  const revoke = useRevokeConsent(subject);
  const [done, setDone] = useState<string | null>(null);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      {q.data.items.length === 0 ? <p>{t('consents.none')}</p> : (
        <ul className="portal-cards">
          {q.data.items.map((c) => (
            <li key={c.id} className="portal-cards__item">
              <p><strong>{c.basis === 'statutory' ? (c.statutoryBasisText ?? t('consents.statutory')) : c.purpose}</strong> · {t(`consents.state.${c.state}`)}</p>
              <p>{t('consents.recipients')}: {c.recipients.map((r) => r.name).join(', ') || '–'}</p>
              <p>{t('consents.categories')}: {c.dataCategories.map((k) => t(`consents.category.${k}`)).join(', ')}</p>
              <p className="portal-muted">{finnishDate(c.validFrom, i18n.language)}{c.validUntil ? ` – ${finnishDate(c.validUntil, i18n.language)}` : ''}</p>
              {c.basis === 'consent' && c.state === 'active' && (
                <Button variant="danger" size="small" busy={revoke.isPending && revoke.variables === c.id} busyLabel={t('consents.revoking')}
                  onClick={() => revoke.mutate(c.id, { onSuccess: () => setDone(t('consents.revoked')) })}>
                  {t('consents.revoke')}<span className="visually-hidden">: {c.purpose}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      {done && <p className="notice" role="status">{done}</p>}
      {organizations.length > 0 && <GiveConsentForm subject={subject} organizations={organizations} />}
    </>
  );
}

function GiveConsentForm({ subject, organizations }: { subject?: string; organizations: MeOverview['organizations'] }) {
  const { t } = useTranslation('portal');
  const give = useGiveConsent(subject);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [purpose, setPurpose] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const missing = recipients.length === 0 ? 'chooseRecipient' : categories.length === 0 ? 'chooseCategory' : purpose.trim().length < 3 ? 'purposeRequired' : null;
    if (missing) return setProblem(t(`consents.${missing}`));
    setProblem(null);
    give.mutate(
      { recipientOrganizationIds: recipients, dataCategories: categories, purpose: purpose.trim(), validUntil: validUntil || undefined },
      { onSuccess: () => { setSaved(true); setRecipients([]); setCategories([]); setPurpose(''); setValidUntil(''); } },
    );
  };

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <h3>{t('consents.give')}</h3>
      <p>{t('consents.giveIntro')}</p>
      <fieldset>
        <legend>{t('consents.recipients')}</legend>
        {organizations.map((o) => (
          <label key={o.id} className="portal-check">
            <input type="checkbox" checked={recipients.includes(o.id)} onChange={() => setRecipients((r) => toggle(r, o.id))} /> {o.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('consents.categories')}</legend>
        {CATEGORIES.map((k) => (
          <label key={k} className="portal-check">
            <input type="checkbox" checked={categories.includes(k)} onChange={() => setCategories((c) => toggle(c, k))} /> {t(`consents.category.${k}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('consents.purpose')}>{(c) => <input className="input" {...c} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}</Field>
      <Field label={t('consents.validUntil')}>{(c) => <input className="input" type="date" {...c} value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />}</Field>
      {problem && <p className="field__error" role="alert">{problem}</p>}
      {give.isError && <ErrorMessage error={give.error} />}
      {saved && <p className="notice" role="status">{t('consents.saved')}</p>}
      <Button type="submit" variant="primary" busy={give.isPending} busyLabel={t('consents.saving')}>{t('consents.submit')}</Button>
    </form>
  );
}
