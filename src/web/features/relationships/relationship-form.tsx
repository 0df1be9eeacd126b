import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDANCE_LEVELS, type GuidanceLevel, type Relationship } from '../../../contracts/relationships.contracts.js';
import { Button, ErrorMessage, Field } from '../../ui/index.js';
import { useRelationshipMutations, useWorkers } from './relationships.api.js';

interface Values {
  level: GuidanceLevel;
  responsibleUserId: string;
  backupUserId: string;
  holdsCoordination: boolean;
  coordinationNote: string;
  coordinationUntil: string;
}

const valuesOf = (r: Relationship | null): Values => ({
  level: r?.level ?? 'asiakasohjaus',
  responsibleUserId: r?.responsible?.id ?? '',
  backupUserId: r?.backup?.id ?? '',
  holdsCoordination: r?.holdsCoordination ?? false,
  coordinationNote: r?.coordinationNote ?? '',
  coordinationUntil: r?.coordinationUntil ?? '',
});

/**
 * Start or change the own organisation's relationship: level, responsible worker (omatyöntekijä) and
 * backup, and the coordination responsibility with its free-text sharing and end date.
 */
export function RelationshipForm({ clientId, relationship }: { clientId: string; relationship: Relationship | null }) {
  const { t } = useTranslation('relationships');
  const workers = useWorkers();
  const { start, update } = useRelationshipMutations(clientId);
  const [v, setV] = useState<Values>(() => valuesOf(relationship));
  const [done, setDone] = useState<string | null>(null);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((x) => ({ ...x, [k]: value }));
  const mutation = relationship ? update : start;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const common = {
      level: v.level,
      responsibleUserId: v.responsibleUserId,
      backupUserId: v.backupUserId || null,
      holdsCoordination: v.holdsCoordination,
      coordinationNote: v.coordinationNote.trim() || null,
      coordinationUntil: v.coordinationUntil || null,
    };
    if (relationship) {
      const workerChanged = v.responsibleUserId !== (relationship.responsible?.id ?? '');
      update.mutate({ id: relationship.id, ...common }, { onSuccess: () => setDone(workerChanged ? t('savedWorkerChanged') : t('saved')) });
    } else {
      start.mutate(common, { onSuccess: () => setDone(t('saved')) });
    }
  };
  const workerOptions = (workers.data?.items ?? []).map((w) => (
    <option key={w.id} value={w.id}>
      {w.name}
      {w.title ? `, ${w.title}` : ''}
    </option>
  ));
  return (
    <form className="form relationship-form" onSubmit={submit}>
      <div className="relationship-form__row">
        <Field label={t('level')}>
          {(c) => (
            <select className="input" value={v.level} onChange={(e) => set('level', e.target.value as GuidanceLevel)} {...c}>
              {GUIDANCE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`levels.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('responsible')}>
          {(c) => (
            <select className="input" value={v.responsibleUserId} required onChange={(e) => set('responsibleUserId', e.target.value)} {...c}>
              <option value="">{t('chooseWorker')}</option>
              {workerOptions}
            </select>
          )}
        </Field>
        <Field label={t('backup')}>
          {(c) => (
            <select className="input" value={v.backupUserId} onChange={(e) => set('backupUserId', e.target.value)} {...c}>
              <option value="">{t('noBackup')}</option>
              {workerOptions}
            </select>
          )}
        </Field>
      </div>
      <label className="relationship-check">
        <input type="checkbox" checked={v.holdsCoordination} onChange={(e) => set('holdsCoordination', e.target.checked)} /> {t('holdsCoordination')}
      </label>
      <Field label={t('coordinationNote')} hint={t('coordinationNoteHint')}>
        {(c) => <textarea className="input" rows={2} value={v.coordinationNote} onChange={(e) => set('coordinationNote', e.target.value)} {...c} />}
      </Field>
      <Field label={t('coordinationUntil')}>
        {(c) => <input type="date" className="input" value={v.coordinationUntil} onChange={(e) => set('coordinationUntil', e.target.value)} {...c} />}
      </Field>
      {mutation.isError && <ErrorMessage error={mutation.error} />}
      {done && <p role="status">{done}</p>}
      <Button type="submit" variant="primary" busy={mutation.isPending} busyLabel={t('saving')}>
        {relationship ? t('save') : t('startButton')}
      </Button>
    </form>
  );
}
