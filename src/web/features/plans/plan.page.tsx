import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { mayEditPlan, type Plan } from '../../../contracts/plans.contracts.js';
import { useCurrentUser } from '../../app/auth.js';
import { isApiError } from '../../api/client.js';
import { Button, Card, EmptyState, ErrorMessage, Field, LoadingState, PageHeader } from '../../ui/index.js';
import { ClientPlanActions, ClientPlanDocument } from './client-plan-document.js';
import { LinkedPlansEditor } from './linked-plans-editor.js';
import { PlanActionsEditor } from './plan-actions-editor.js';
import { mergePlanForm, toForm, toRequest, type PlanForm, type PlanMerge } from './plan-form.js';
import { PlanCommitments, PlanVersions } from './plan-side.js';
import { planKey, useClientPlanVersion, usePlan, usePlanMutations } from './plans.api.js';
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
  const qc = useQueryClient();
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [merge, setMerge] = useState<{ version: number; by: string; conflicts: PlanMerge['conflicts'] } | null>(null);
  // The version the draft started from, and the draft itself as of the last render (read by the effect).
  const baseRef = useRef<PlanForm>(form);
  const formRef = useRef(form);
  formRef.current = form;
  useEffect(() => {
    const theirs = toForm(plan);
    const base = baseRef.current;
    if (theirs.version === base.version) return; // a refetch of the same version, or our own save (below)
    baseRef.current = theirs;
    const mine = formRef.current;
    if (JSON.stringify(mine) === JSON.stringify(base)) {
      setForm(theirs); // nothing edited here: just show the new version
      return;
    }
    // Edited here while someone (or a referral's outcome) saved a new version: keep the edits.
    const merged = mergePlanForm(base, mine, theirs);
    setForm(merged.form);
    setMerge({ version: plan.version, by: plan.updatedBy ?? '', conflicts: merged.conflicts });
    save.reset();
  }, [plan]); // only a new plan from the server starts a merge
  const set = <K extends keyof PlanForm>(k: K) => (v: PlanForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const text = (k: 'situationSummary' | 'clientOwnGoals' | 'shortGoals' | 'longGoals' | 'clientView' | 'professionalView', label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      {(c) => <textarea className="input" value={form[k]} onChange={(e) => set(k)(e.target.value)} {...c} />}
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toRequest(form), {
      onSuccess: (p) => {
        baseRef.current = toForm(p);
        setForm(baseRef.current);
        setMerge(null);
        setSavedVersion(p.version);
      },
      // Another version came first: fetch it; the effect above carries this draft over onto it.
      onError: (e) => {
        if (isApiError(e, 409) && e.code === 'stale_version') void qc.invalidateQueries({ queryKey: planKey(clientId) });
      },
    });
  };
  const fieldNames = (merge?.conflicts ?? []).map((c) =>
    c.action ?? t(`fields.${c.field === 'shortGoals' || c.field === 'longGoals' ? 'goals' : c.field}`),
  );
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
      {merge && (
        <div className="plan-note" role="status">
          <p>{t('merged', { version: merge.version, by: merge.by })}</p>
          {fieldNames.length > 0 && <p>{t('mergedConflicts', { fields: [...new Set(fieldNames)].join(', ') })}</p>}
        </div>
      )}
      {save.isError && !(isApiError(save.error, 409) && save.error.code === 'stale_version') && <ErrorMessage error={save.error} />}
      {savedVersion && !save.isPending && !save.isError && <p role="status">{t('saved', { version: savedVersion })}</p>}
      {canEdit && (
        <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('saving')}>
          {t('save')}
        </Button>
      )}
    </form>
  );
}
