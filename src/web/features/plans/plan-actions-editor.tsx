import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ACTION_STATUSES, type ActionInput, type Plan } from '../../../contracts/plans.contracts.js';
import { Button, Field } from '../../ui/index.js';
import { PlanActionLinks } from './plan-action-links.js';

interface Props {
  clientId: string;
  actions: ActionInput[];
  plan: Plan;
  onChange: (actions: ActionInput[]) => void;
}

/** Actions with responsible actor, timing, status and indicator; each one a labelled group. */
export function PlanActionsEditor({ clientId, actions, plan, onChange }: Props) {
  const { t } = useTranslation('plans');
  // The organisations already in the plan; naming a new one happens through a referral.
  const orgs = new Map<string, string>([[plan.organization.id, plan.organization.name]]);
  for (const a of plan.actions) if (a.responsible.organizationId) orgs.set(a.responsible.organizationId, a.responsible.organizationName ?? '');
  const set = (i: number, patch: Partial<ActionInput>) => onChange(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const responsibleValue = (a: ActionInput) => (a.responsible.kind === 'organization' ? `org:${a.responsible.organizationId}` : a.responsible.kind);
  const onResponsible = (i: number, v: string) =>
    set(i, {
      responsible: v.startsWith('org:') ? { kind: 'organization', organizationId: v.slice(4) } : v === 'client' ? { kind: 'client' } : { kind: 'close-one', name: '' },
    });
  return (
    <div className="plan-actions">
      {actions.map((a, i) => (
        <fieldset key={a.id ?? `new-${i}`} className="plan-action">
          <legend>{t('action.n', { n: i + 1 })}</legend>
          <Field label={t('action.title')}>{(c) => <input className="input" value={a.title} onChange={(e) => set(i, { title: e.target.value })} required {...c} />}</Field>
          <div className="plan-action__row">
            <Field label={t('action.responsible')}>
              {(c) => (
                <select className="input" value={responsibleValue(a)} onChange={(e) => onResponsible(i, e.target.value)} {...c}>
                  {[...orgs].map(([id, name]) => (
                    <option key={id} value={`org:${id}`}>
                      {name}
                    </option>
                  ))}
                  <option value="client">{t('responsibleKind.client')}</option>
                  <option value="close-one">{t('responsibleKind.close-one')}</option>
                </select>
              )}
            </Field>
            {a.responsible.kind === 'close-one' && (
              <Field label={t('action.closeOneName')}>
                {(c) => <input className="input" value={a.responsible.kind === 'close-one' ? a.responsible.name : ''} onChange={(e) => set(i, { responsible: { kind: 'close-one', name: e.target.value } })} {...c} />}
              </Field>
            )}
            <Field label={t('action.status')}>
              {(c) => (
                <select className="input" value={a.status} onChange={(e) => set(i, { status: e.target.value as ActionInput['status'] })} {...c}>
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('action.startsAt')}>{(c) => <input type="date" className="input" value={a.startsAt ?? ''} onChange={(e) => set(i, { startsAt: e.target.value })} {...c} />}</Field>
            <Field label={t('action.due')}>{(c) => <input type="date" className="input" value={a.due ?? ''} onChange={(e) => set(i, { due: e.target.value })} {...c} />}</Field>
          </div>
          <Field label={t('action.indicator')}>{(c) => <input className="input" value={a.indicator} onChange={(e) => set(i, { indicator: e.target.value })} {...c} />}</Field>
          {a.serviceName && <p className="plan-action__service">{t('action.service')}: {a.serviceName}</p>}
          {a.id && !a.outcome && (
            <p>
              <Link to={`/lahetteet/uusi?asiakas=${clientId}&toimenpide=${a.id}${a.serviceId ? `&palvelu=${a.serviceId}` : ''}`}>
                {t('action.refer', { n: i + 1 })}
              </Link>
            </p>
          )}
          {a.outcome && (
            <p className="plan-action__outcome">
              <strong>{t('outcome')}:</strong> {a.outcome}
            </p>
          )}
          {a.id && <PlanActionLinks links={plan.actions.find((x) => x.id === a.id)?.links} n={i + 1} />}
          <Button size="small" variant="quiet" onClick={() => onChange(actions.filter((_, j) => j !== i))}>
            {t('action.remove', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button onClick={() => onChange([...actions, { title: '', responsible: { kind: 'organization', organizationId: plan.organization.id }, status: 'planned', indicator: '' }])}>
        {t('action.add')}
      </Button>
    </div>
  );
}
