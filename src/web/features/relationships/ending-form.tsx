import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Relationship } from '../../../contracts/relationships.contracts.js';
import { Button, ErrorMessage, Field } from '../../ui/index.js';
import { useRelationshipMutations } from './relationships.api.js';

/**
 * Ending a relationship: the final evaluation made with the client, mutual feedback, the
 * continuation plan (jatkosuunnitelma) and the network told. The relationship then closes.
 */
export function EndingForm({ clientId, relationship, network, onEnded }: { clientId: string; relationship: Relationship; network: { id: string; name: string }[]; onEnded: () => void }) {
  const { t } = useTranslation('relationships');
  const { end } = useRelationshipMutations(clientId);
  const [f, setF] = useState({ finalEvaluation: '', clientFeedback: '', workerFeedback: '', howClientManages: '', whomToContact: '', followUpDate: '' });
  const [informed, setInformed] = useState<string[]>(network.map((o) => o.id));
  const text = (k: keyof typeof f, label: string, opts: { hint?: string; required?: boolean; rows?: number } = {}) => (
    <Field label={label} hint={opts.hint}>
      {(c) => <textarea className="input" rows={opts.rows ?? 3} required={opts.required} minLength={opts.required ? 3 : undefined} value={f[k]} onChange={(e) => setF((x) => ({ ...x, [k]: e.target.value }))} {...c} />}
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    end.mutate({
      id: relationship.id,
      finalEvaluation: f.finalEvaluation,
      clientFeedback: f.clientFeedback,
      workerFeedback: f.workerFeedback,
      continuationPlan: { howClientManages: f.howClientManages, whomToContact: f.whomToContact, ...(f.followUpDate && { followUpDate: f.followUpDate }) },
      informedOrganizationIds: informed,
    }, { onSuccess: onEnded });
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('ending.open', { org: relationship.organization.name })}>
      <p>{t('ending.description')}</p>
      {text('finalEvaluation', t('ending.finalEvaluation'), { hint: t('ending.finalEvaluationHint'), required: true })}
      {text('clientFeedback', t('ending.clientFeedback'), { rows: 2 })}
      {text('workerFeedback', t('ending.workerFeedback'), { rows: 2 })}
      <fieldset className="relationship-fieldset">
        <legend>{t('ending.continuation')}</legend>
        {text('howClientManages', t('ending.howClientManages'), { required: true })}
        {text('whomToContact', t('ending.whomToContact'), { required: true, rows: 2 })}
        <Field label={t('ending.followUpDate')}>
          {(c) => <input type="date" className="input" value={f.followUpDate} onChange={(e) => setF((x) => ({ ...x, followUpDate: e.target.value }))} {...c} />}
        </Field>
      </fieldset>
      <fieldset className="relationship-fieldset">
        <legend>{t('ending.informed')}</legend>
        <p className="field__hint">{t('ending.informedHint')}</p>
        {network.length === 0 && <p>{t('ending.noneToInform')}</p>}
        {network.map((o) => (
          <label key={o.id} className="relationship-check">
            <input
              type="checkbox"
              checked={informed.includes(o.id)}
              onChange={(e) => setInformed((x) => (e.target.checked ? [...x, o.id] : x.filter((id) => id !== o.id)))}
            />{' '}
            {o.name}
          </label>
        ))}
      </fieldset>
      {end.isError && <ErrorMessage error={end.error} />}
      <Button type="submit" variant="danger" busy={end.isPending} busyLabel={t('ending.submitting')}>
        {t('ending.submit')}
      </Button>
    </form>
  );
}
