import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client.js';
import type { ClientDetail, ConcernRoute } from '../../../contracts/clients.contracts.js';
import { Button, Card, ErrorMessage, Field, LoadingState, TextField } from '../../ui/index.js';
import { useClientConcerns, useRaiseConcern } from './clients.api.js';
import { formatDate } from './format.js';
import { Check } from './register-client.page.js';

const ROUTES: ConcernRoute[] = ['advice', 'shl35-consent', 'shl35-duty', 'child-protection'];
type Urgency = 'low' | 'normal' | 'urgent';

function ConcernList({ clientId }: { clientId: string }) {
  const { t } = useTranslation('clients');
  const list = useClientConcerns(clientId);
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorMessage error={list.error} />;
  if (list.data.items.length === 0) return <p>{t('concern.none')}</p>;
  return (
    <ul className="concern-list">
      {list.data.items.map((k) => (
        <li key={k.id} className={`concern concern--${k.urgency}`}>
          <p className="concern__meta">
            {formatDate(k.at)} · {k.noticedByRole} ({k.raisedByOrganization}) · {t(`concern.urgencies.${k.urgency}`)}
          </p>
          <p>{k.what}</p>
          <p className="concern__route">{t(`concern.routes.${k.route}`)}</p>
          {k.dutyReason && <p>{t('concern.dutyReason')}: {k.dutyReason}</p>}
          {k.adviceGiven && <p>{t('concern.advice')}: {k.adviceGiven}</p>}
          <p className={`status status--${k.status}`}>
            {t(`concern.status.${k.status}`)}
            {k.receivedAt && k.receivedByName ? ` – ${t('concern.receivedBy', { name: k.receivedByName, date: formatDate(k.receivedAt) })}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** "Kysy ja kiinnostu": record who noticed what, how urgent, and which route the concern takes. */
export function ConcernTab({ client }: { client: ClientDetail }) {
  const { t, i18n } = useTranslation('clients');
  const raise = useRaiseConcern(client.id);
  // The server's field-level problems (400 details), shown beside the fields they concern.
  const fe = raise.isError ? fieldErrors(raise.error, i18n.language) : {};
  const [role, setRole] = useState('');
  const [what, setWhat] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [route, setRoute] = useState<ConcernRoute>(client.age < 18 ? 'child-protection' : 'shl35-consent');
  const [consent, setConsent] = useState(false);
  const [dutyReason, setDutyReason] = useState('');
  const [advice, setAdvice] = useState('');
  const [done, setDone] = useState(false);
  const routes = ROUTES.filter((r) => r !== 'child-protection' || client.age < 18);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    await raise.mutateAsync({
      clientId: client.id, noticedBy: { role: role.trim() || '–' }, what, urgency, route, consentGiven: consent,
      dutyReason: dutyReason.trim() || undefined, adviceGiven: advice.trim() || undefined,
    });
    setWhat(''); setDutyReason(''); setAdvice(''); setConsent(false); setDone(true);
  };

  return (
    <div className="tab-grid">
      <Card title={t('concern.title')}>
        <form onSubmit={(e) => void submit(e).catch(() => undefined)} className="stack">
          <TextField label={t('concern.noticedBy')} hint={t('concern.noticedByHint')} value={role} onChange={(e) => setRole(e.target.value)} required error={fe['noticedBy.role']} />
          <Field label={t('concern.what')} error={fe.what}>{(c) => <textarea className="input" rows={4} {...c} value={what} onChange={(e) => setWhat(e.target.value)} required />}</Field>
          <fieldset className="radios">
            <legend>{t('concern.urgency')}</legend>
            {(['urgent', 'normal', 'low'] as const).map((u) => (
              <label key={u} className="check"><input type="radio" name="urgency" checked={urgency === u} onChange={() => setUrgency(u)} /> {t(`concern.urgencies.${u}`)}</label>
            ))}
          </fieldset>
          <fieldset className="radios">
            <legend>{t('concern.route')}</legend>
            {routes.map((r) => (
              <label key={r} className="check"><input type="radio" name="route" checked={route === r} onChange={() => setRoute(r)} /> {t(`concern.routes.${r}`)}</label>
            ))}
          </fieldset>
          {route === 'shl35-consent' && <Check label={t('concern.consent')} checked={consent} onChange={setConsent} />}
          {route === 'shl35-duty' && <Field label={t('concern.dutyReason')} error={fe.dutyReason}>{(c) => <textarea className="input" rows={3} {...c} value={dutyReason} onChange={(e) => setDutyReason(e.target.value)} />}</Field>}
          {route === 'advice' && <Field label={t('concern.advice')} error={fe.adviceGiven}>{(c) => <textarea className="input" rows={3} {...c} value={advice} onChange={(e) => setAdvice(e.target.value)} />}</Field>}
          {raise.isError && <ErrorMessage error={raise.error} />}
          {done && <p role="status" className="notice">{t('concern.sent')}</p>}
          <div><Button type="submit" variant="primary" busy={raise.isPending} busyLabel={t('actions.saving')}>{t('concern.send')}</Button></div>
        </form>
      </Card>
      <Card title={t('concern.listTitle')}>
        <ConcernList clientId={client.id} />
      </Card>
    </div>
  );
}
