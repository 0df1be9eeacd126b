import { useTranslation } from 'react-i18next';
import { STATUTORY_PLAN_TYPES, type StatutoryPlanType } from '../../../contracts/plans.contracts.js';
import { Button, Field } from '../../ui/index.js';

export interface LinkedPlanForm {
  type: StatutoryPlanType;
  ownerOrganizationId?: string | null;
  ownerName: string;
  date: string;
  note?: string | null;
}

/** Statutory plans owned elsewhere (care plan, HOJKS, …): kind, owner and date, reconciled with the shared plan. */
export function LinkedPlansEditor({ plans, onChange }: { plans: LinkedPlanForm[]; onChange: (p: LinkedPlanForm[]) => void }) {
  const { t } = useTranslation('plans');
  const set = (i: number, patch: Partial<LinkedPlanForm>) => onChange(plans.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="plan-linked">
      {plans.length === 0 && <p>{t('linkedEdit.none')}</p>}
      {plans.map((p, i) => (
        <fieldset key={i} className="plan-action">
          <legend>{t('linkedEdit.n', { n: i + 1 })}</legend>
          <div className="plan-action__row">
            <Field label={t('linkedEdit.type')}>
              {(c) => (
                <select className="input" value={p.type} onChange={(e) => set(i, { type: e.target.value as StatutoryPlanType })} {...c}>
                  {STATUTORY_PLAN_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`linkedType.${type}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('linkedEdit.owner')}>
              {(c) => <input className="input" value={p.ownerName} required onChange={(e) => set(i, { ownerName: e.target.value, ownerOrganizationId: null })} {...c} />}
            </Field>
            <Field label={t('linkedEdit.date')}>{(c) => <input type="date" className="input" value={p.date} required onChange={(e) => set(i, { date: e.target.value })} {...c} />}</Field>
          </div>
          <Field label={t('linkedEdit.note')}>{(c) => <input className="input" value={p.note ?? ''} onChange={(e) => set(i, { note: e.target.value })} {...c} />}</Field>
          <Button size="small" variant="quiet" onClick={() => onChange(plans.filter((_, j) => j !== i))}>
            {t('linkedEdit.remove', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button onClick={() => onChange([...plans, { type: 'care-and-service-plan', ownerName: '', date: new Date().toISOString().slice(0, 10), note: null }])}>
        {t('linkedEdit.add')}
      </Button>
    </div>
  );
}
