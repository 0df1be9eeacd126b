import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client.js';
import { Button, ErrorMessage, Field, PageHeader, TextField } from '../../ui/index.js';
import { usePlan } from '../plans/index.js';
import { useCaseload, useCreateReferral, useServiceSearch } from './referrals.api.js';

/**
 * A new referral from a recommended service. The server checks the client's consent; when it is
 * missing the user gets a plain message and a link to the consent form, never a dead end.
 */
export function NewReferralPage() {
  const { t } = useTranslation('referrals');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const caseload = useCaseload();
  const [clientId, setClientId] = useState(params.get('asiakas') ?? '');
  const [serviceId, setServiceId] = useState(params.get('palvelu') ?? '');
  // From a plan action: the referral's outcome is later written back onto that action.
  const planActionId = params.get('toimenpide') ?? undefined;
  const plan = usePlan(planActionId ? clientId : '');
  const fromAction = planActionId ? plan.data?.actions.find((a) => a.id === planActionId) : undefined;
  const [q, setQ] = useState('');
  const services = useServiceSearch(q);
  const [reason, setReason] = useState('');
  const [receiverInfo, setReceiverInfo] = useState('');
  const [urgency, setUrgency] = useState<'low' | 'normal' | 'urgent'>('normal');
  const [contactPreference, setContactPreference] = useState('');
  const create = useCreateReferral();
  const consentMissing = isApiError(create.error, 409) && create.error.code === 'consent_required';

  const submit = (draft: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    create.mutate(
      { clientId, serviceId, reason, receiverInfo, urgency, contactPreference: contactPreference || undefined, draft, planActionId },
      { onSuccess: (r) => navigate(`../${r.id}`) },
    );
  };

  return (
    <>
      <PageHeader title={t('create.title')} />
      {fromAction && <p className="referral-from-action">{t('create.fromAction', { title: fromAction.title })}</p>}
      <form className="referral-form" onSubmit={submit(false)}>
        <Field label={t('create.client')}>
          {(control) => (
            <select className="input" {...control} value={clientId} onChange={(e) => setClientId(e.target.value)} required>
              <option value="">{t('create.chooseClient')}</option>
              {caseload.data?.items.map((c) => (
                <option key={c.id} value={c.id}>{`${c.lastName} ${c.firstName}`}</option>
              ))}
            </select>
          )}
        </Field>
        <TextField label={t('create.searchService')} hint={t('create.searchHint')} value={q} onChange={(e) => setQ(e.target.value)} type="search" />
        {services.data && (
          <fieldset>
            <legend>{t('create.chooseService')}</legend>
            {services.data.items.slice(0, 10).map((s) => (
              <label key={s.id} className="referral-option">
                <input type="radio" name="service" value={s.id} checked={serviceId === s.id} onChange={() => setServiceId(s.id)} required />{' '}
                {s.name} <span>({t('create.provider')}: {s.provider.name ?? '–'})</span>
                <br />
              </label>
            ))}
          </fieldset>
        )}
        <Field label={t('create.reason')}>
          {(control) => <textarea className="input" {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />}
        </Field>
        <Field label={t('create.receiverInfo')} hint={t('create.receiverInfoHint')}>
          {(control) => <textarea className="input" {...control} rows={4} value={receiverInfo} onChange={(e) => setReceiverInfo(e.target.value)} />}
        </Field>
        <Field label={t('create.urgency')}>
          {(control) => (
            <select className="input" {...control} value={urgency} onChange={(e) => setUrgency(e.target.value as typeof urgency)}>
              {(['low', 'normal', 'urgent'] as const).map((u) => <option key={u} value={u}>{t(`urgency.${u}`)}</option>)}
            </select>
          )}
        </Field>
        <TextField label={t('create.contactPreference')} value={contactPreference} onChange={(e) => setContactPreference(e.target.value)} />
        {consentMissing ? (
          <div className="referral-warning" role="alert">
            <h2>{t('create.consentNeeded')}</h2>
            <p>{t('create.consentNeededText')}</p>
            <Link to={`../asiakas/${clientId}/suostumukset`}>{t('create.toConsentForm')}</Link>
          </div>
        ) : (
          create.error && <ErrorMessage error={create.error} />
        )}
        <div className="referral-actions">
          <Button type="submit" variant="primary" busy={create.isPending} disabled={!clientId || !serviceId}>{t('create.send')}</Button>
          <Button onClick={() => submit(true)()} disabled={!clientId || !serviceId || create.isPending}>{t('create.saveDraft')}</Button>
        </div>
      </form>
    </>
  );
}
