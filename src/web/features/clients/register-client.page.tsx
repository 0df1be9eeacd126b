import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, fieldErrors, isApiError } from '../../api/client.js';
import type { ClientListItem, CreateClientRequest } from '../../../contracts/clients.contracts.js';
import { Button, Card, ErrorMessage, Field, PageHeader, TextField } from '../../ui/index.js';
import { useRegisterClient } from './clients.api.js';
import { formatDate } from './format.js';

type Form = Required<Pick<CreateClientRequest, 'firstName' | 'lastName' | 'birthDate'>> & {
  identityCode: string; municipalityCode: string; language: string; languageOther: string; interpreterNeeded: boolean; plainLanguage: boolean;
  preferredChannel: 'digital' | 'in-person'; nonDisclosure: boolean; address: string; phone: string;
};

const EMPTY: Form = {
  firstName: '', lastName: '', birthDate: '', identityCode: '', municipalityCode: '', language: 'fi', languageOther: '', interpreterNeeded: false,
  plainLanguage: false, preferredChannel: 'in-person', nonDisclosure: false, address: '', phone: '',
};

function toRequest(f: Form, confirmNotDuplicate: boolean): CreateClientRequest {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    firstName: f.firstName.trim(), lastName: f.lastName.trim(), birthDate: f.birthDate, identityCode: opt(f.identityCode), municipalityCode: opt(f.municipalityCode),
    language: f.language === 'other' ? 'und' : f.language, languageOther: f.language === 'other' ? opt(f.languageOther) : undefined,
    interpreterNeeded: f.interpreterNeeded, plainLanguage: f.plainLanguage, preferredChannel: f.preferredChannel, nonDisclosure: f.nonDisclosure,
    address: opt(f.address), phone: opt(f.phone), confirmNotDuplicate,
  };
}

/** Register form with the duplicate warning: a likely duplicate is offered to open before saving a new record. */
export function RegisterClientPage() {
  const { t, i18n } = useTranslation('clients');
  const navigate = useNavigate();
  const register = useRegisterClient();
  const [form, setForm] = useState<Form>(EMPTY);
  const [missing, setMissing] = useState<string[]>([]);
  const [duplicates, setDuplicates] = useState<ClientListItem[] | null>(null);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async (confirmNotDuplicate: boolean) => {
    const empty = (['firstName', 'lastName', 'birthDate'] as const).filter((k) => !form[k].trim());
    setMissing(empty);
    if (empty.length > 0) return;
    try {
      const created = await register.mutateAsync(toRequest(form, confirmNotDuplicate));
      navigate(`../${created.id}`);
    } catch (error) {
      if (isApiError(error, 409)) {
        // Only records the worker may see are offered; others are never revealed.
        const found = await api.get<{ items: ClientListItem[] }>(`/clients?q=${encodeURIComponent(`${form.firstName} ${form.lastName}`)}`);
        setDuplicates(found.items.filter((c) => c.birthDate === form.birthDate));
      }
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  const showError = register.isError && !isApiError(register.error, 409);
  // The server's field-level problems (400 details), shown beside the fields they concern.
  const server = showError ? fieldErrors(register.error, i18n.language) : {};
  const err = (k: string) => (missing.includes(k) ? t('register.required') : server[k]);

  return (
    <>
      <PageHeader title={t('register.title')} description={t('register.description')} actions={<Link to="..">{t('actions.back')}</Link>} />
      {duplicates && (
        <Card title={t('register.duplicateTitle')} className="duplicate-warning">
          <p role="alert">{t('register.duplicateText')}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`../${d.id}`}>{t('register.openExisting', { name: `${d.firstName} ${d.lastName} (${formatDate(d.birthDate)})` })}</Link>
              </li>
            ))}
          </ul>
          <Button onClick={() => void save(true)} busy={register.isPending} busyLabel={t('actions.saving')}>{t('register.saveAnyway')}</Button>
        </Card>
      )}
      {showError && <ErrorMessage error={register.error} />}
      <form className="form-grid" onSubmit={submit} noValidate>
        <TextField label={t('register.firstName')} value={form.firstName} onChange={(e) => set('firstName', e.target.value)} required autoComplete="off" error={err('firstName')} />
        <TextField label={t('register.lastName')} value={form.lastName} onChange={(e) => set('lastName', e.target.value)} required autoComplete="off" error={err('lastName')} />
        <TextField label={t('register.birthDate')} hint={t('register.birthDateHint')} type="date" value={form.birthDate} onChange={(e) => set('birthDate', e.target.value)} required error={err('birthDate')} />
        <TextField label={t('register.identityCode')} hint={t('register.identityCodeHint')} value={form.identityCode} onChange={(e) => set('identityCode', e.target.value)} autoComplete="off" error={err('identityCode')} />
        <TextField label={t('register.municipality')} hint={t('register.municipalityHint')} inputMode="numeric" value={form.municipalityCode} onChange={(e) => set('municipalityCode', e.target.value)} error={err('municipalityCode')} />
        <Field label={t('register.language')}>
          {(c) => (
            <select className="input" {...c} value={form.language} onChange={(e) => set('language', e.target.value)}>
              {(['fi', 'sv', 'other'] as const).map((l) => <option key={l} value={l}>{t(`register.languages.${l}`)}</option>)}
            </select>
          )}
        </Field>
        {form.language === 'other' && <TextField label={t('register.languageOther')} value={form.languageOther} onChange={(e) => set('languageOther', e.target.value)} error={err('languageOther')} />}
        <Field label={t('register.channel')}>
          {(c) => (
            <select className="input" {...c} value={form.preferredChannel} onChange={(e) => set('preferredChannel', e.target.value as Form['preferredChannel'])}>
              <option value="in-person">{t('register.channels.in-person')}</option>
              <option value="digital">{t('register.channels.digital')}</option>
            </select>
          )}
        </Field>
        <fieldset className="checks">
          <legend className="visually-hidden">{t('register.language')}</legend>
          <Check label={t('register.interpreter')} checked={form.interpreterNeeded} onChange={(v) => set('interpreterNeeded', v)} />
          <Check label={t('register.plainLanguage')} checked={form.plainLanguage} onChange={(v) => set('plainLanguage', v)} />
          <Check label={t('register.nonDisclosure')} checked={form.nonDisclosure} onChange={(v) => set('nonDisclosure', v)} />
        </fieldset>
        <TextField label={t('register.address')} value={form.address} onChange={(e) => set('address', e.target.value)} autoComplete="off" error={err('address')} />
        <TextField label={t('register.phone')} type="tel" value={form.phone} onChange={(e) => set('phone', e.target.value)} autoComplete="off" error={err('phone')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={register.isPending} busyLabel={t('actions.saving')}>{t('actions.save')}</Button>
        </div>
      </form>
    </>
  );
}

export function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}
