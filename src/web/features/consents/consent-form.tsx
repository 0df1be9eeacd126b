import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORY_KEYS } from './locales.js';
import { Button, Card, ErrorMessage, Field, TextField } from '../../ui/index.js';
import { useGiveConsent, useOrganizations } from './consents.api.js';

type Category = (typeof DATA_CATEGORY_KEYS)[number];

/**
 * Records a consent: which organisations may receive which data, for what purpose and until when,
 * given how and by whom. `asClient` (portal) hides who gave it and how: the client gives it
 * electronically themself.
 */
export function ConsentForm({ clientId, asClient = false, headingLevel = 2 }: { clientId: string; asClient?: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('consents');
  const orgs = useOrganizations();
  const give = useGiveConsent(clientId);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [categories, setCategories] = useState<Category[]>(['contact', 'plan']);
  const [purpose, setPurpose] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [givenBy, setGivenBy] = useState<'client' | 'guardian'>('client');
  const [givenByName, setGivenByName] = useState('');
  const [method, setMethod] = useState<'written' | 'oral' | 'electronic'>(asClient ? 'electronic' : 'oral');
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    give.mutate(
      { recipientOrganizationIds: recipients, recipientSectors: [], purpose, dataCategories: categories, validUntil: validUntil || undefined, givenBy, givenByName: givenByName || undefined, method },
      { onSuccess: () => { setRecipients([]); setPurpose(''); setValidUntil(''); } },
    );
  };

  return (
    <Card title={t('formTitle')} headingLevel={headingLevel}>
      <form className="referral-form" onSubmit={submit}>
        <Field label={t('recipients')} hint={t('recipientsHint')}>
          {(control) => (
            <select className="input" {...control} multiple size={6} value={recipients} onChange={(e) => setRecipients([...e.target.selectedOptions].map((o) => o.value))} required>
              {orgs.data?.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('categories')}</legend>
          {DATA_CATEGORY_KEYS.map((k) => (
            <label key={k} className="consent-check">
              <input type="checkbox" checked={categories.includes(k)} onChange={() => setCategories(toggle(categories, k))} /> {t(`category.${k}`)}
            </label>
          ))}
        </fieldset>
        <TextField label={t('purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} required minLength={3} />
        <TextField label={t('validUntil')} hint={t('validUntilHint')} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        {!asClient && (
          <>
            <fieldset>
              <legend>{t('givenByLegend')}</legend>
              {(['client', 'guardian'] as const).map((g) => (
                <label key={g} className="consent-check"><input type="radio" name="givenBy" checked={givenBy === g} onChange={() => setGivenBy(g)} /> {t(`givenBy.${g}`)}</label>
              ))}
            </fieldset>
            {givenBy === 'guardian' && <TextField label={t('guardianName')} value={givenByName} onChange={(e) => setGivenByName(e.target.value)} />}
            <fieldset>
              <legend>{t('methodLegend')}</legend>
              {(['written', 'oral', 'electronic'] as const).map((m) => (
                <label key={m} className="consent-check"><input type="radio" name="method" checked={method === m} onChange={() => setMethod(m)} /> {t(`method.${m}`)}</label>
              ))}
            </fieldset>
          </>
        )}
        {give.error && <ErrorMessage error={give.error} />}
        {give.isSuccess && <p role="status">{t('saved')}</p>}
        <div><Button type="submit" variant="primary" busy={give.isPending} disabled={recipients.length === 0 || categories.length === 0}>{t('save')}</Button></div>
      </form>
    </Card>
  );
}
