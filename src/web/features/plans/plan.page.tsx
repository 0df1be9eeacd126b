import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { mayEditPlan, type Plan } from '../../../contracts/plans.contracts.js';
import { useCurrentUser } from '../../app/auth.js';
import { isApiError } from '../../api/client.js';
import { Button, Card, EmptyState, ErrorMessage, Field, LoadingState, PageHeader } from '../../ui/index.js';
import { ClientPlanActions, ClientPlanDocument } from './client-plan-document.js';
import { LinkedPlansEditor } from './linked-plans-editor.js';
import { PlanActionsEditor } from './plan-actions-editor.js';
import { toForm, toRequest, type PlanForm } from './plan-form.js';
import { PlanCommitments, PlanVersions } from './plan-side.js';
import { useClientPlanVersion, usePlan, usePlanMutations } from './plans.api.js';
import { PlanServicesEditor } from './service-picker.js';
import './plans.css';

/** /asiakkaat/:id/suunnitelma – the one shared client plan: edit, confirm, history, client's version. */
export default function PlanPage() {
  const { t, i18n } = useTranslation('plans');
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const { create } = usePlanMutations(id);
  const clientVersion = useClientPlanVersion(id, i18n.language, plan.data?.version);
  const noPlan = isApiError(plan.error, 404) && plan.error.code === 'plan_not_found';
  const canEdit = mayEditPlan(useCurrentUser().role);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<Link to={`/asiakkaat/${id}/polku`}>{t('toPath')}</Link>} />
      {plan.isPending && <LoadingState />}
      {plan.isError && !noPlan && <ErrorMessage error={plan.error} />}
      {noPlan && (
        <EmptyState title={t('noPlan')} action={canEdit ? <Button variant="primary" busy={create.isPending} onClick={() => create.mutate()}>{t('create')}</Button> : undefined} />
      )}
      {plan.data && (
        <div className="plan-layout">
          <PlanEditor plan={plan.data} clientId={id} canEdit={canEdit} />
          <div className="plan-side">
            <PlanCommitments plan={plan.data} clientId={id} />
            <PlanVersions plan={plan.data} clientId={id} />
          </div>
        </div>
      )}
      {plan.data && clientVersion.data && (
        <Card title={t('clientVersion')}>
          <p>{t('clientVersionHint')}</p>
          <ClientPlanActions clientId={id} />
          <ClientPlanDocument view={clientVersion.data} />
        </Card>
      )}
    </>
  );
}

/** The plan as a form; for a reader the same form, disabled as a whole (still readable, in the same order). */
function PlanEditor({ plan, clientId, canEdit }: { plan: Plan; clientId: string; canEdit: boolean }) {
  const { t } = useTranslation('plans');
  const [form, setForm] = useState<PlanForm>(() => toForm(plan));
  const { save } = usePlanMutations(clientId);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  useEffect(() => setForm(toForm(plan)), [plan]);
  const set = <K extends keyof PlanForm>(k: K) => (v: PlanForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const text = (k: 'situationSummary' | 'clientOwnGoals' | 'shortGoals' | 'longGoals' | 'clientView' | 'professionalView', label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      {(c) => <textarea className="input" value={form[k]} onChange={(e) => set(k)(e.target.value)} {...c} />}
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toRequest(form), { onSuccess: (p) => setSavedVersion(p.version) });
  };
  return (
    <form className="plan-form form" onSubmit={submit} aria-label={t('title')}>
      <p>{t('version', { version: plan.version, date: new Date(plan.updatedAt).toLocaleDateString('fi-FI'), by: plan.updatedBy ?? '' })}</p>
      {!canEdit && <p className="plan-note">{t('readOnly')}</p>}
      <fieldset className="plan-form__all" disabled={!canEdit}>
        <legend className="visually-hidden">{t('title')}</legend>
        {text('situationSummary', t('situation'))}
        {text('clientOwnGoals', t('ownGoals'))}
        {text('shortGoals', t('shortGoals'), t('goalsHint'))}
        {text('longGoals', t('longGoals'), t('goalsHint'))}
        <h2>{t('actions')}</h2>
        <PlanActionsEditor clientId={clientId} actions={form.actions} plan={plan} onChange={set('actions')} />
      </fieldset>
      <PlanServicesEditor services={form.services} onChange={set('services')} readOnly={!canEdit} />
      <fieldset className="plan-form__all" disabled={!canEdit}>
        <legend className="visually-hidden">{t('review')}</legend>
        <Field label={t('review')} error={plan.reviewOverdue ? t('reviewOverdue') : undefined}>
          {(c) => <input type="date" className="input" value={form.reviewDate} onChange={(e) => set('reviewDate')(e.target.value)} {...c} />}
        </Field>
        <h2>{t('views')}</h2>
        {plan.viewsDiffer && <p className="plan-note">{t('viewsDiffer')}</p>}
        {text('clientView', t('clientView'))}
        {text('professionalView', t('professionalView'))}
        <h2>{t('linked')}</h2>
        <LinkedPlansEditor plans={form.linkedPlans} onChange={set('linkedPlans')} />
      </fieldset>
      {save.isError && <ErrorMessage error={save.error} />}
      {savedVersion && !save.isPending && !save.isError && <p role="status">{t('saved', { version: savedVersion })}</p>}
      {canEdit && (
        <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('saving')}>
          {t('save')}
        </Button>
      )}
    </form>
  );
}
