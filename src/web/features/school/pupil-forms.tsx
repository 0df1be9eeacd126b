import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceStatus, RequiredActionCode } from '../../../contracts/absence.contracts.js';
import { Button, Card, ErrorMessage, Field, TextField } from '../../ui/index.js';
import { finnishToday, formatDate, usePupilPost } from './school.api.js';

const CODES: RequiredActionCode[] = ['discuss-with-guardians', 'school-meeting', 'multi-agency-meeting', 'social-welfare-notification'];
const num = (v: string) => Number(v.replace(',', '.'));

export function AddAbsenceForm({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation('school');
  const [date, setDate] = useState(finnishToday());
  const [hours, setHours] = useState('');
  const [kind, setKind] = useState('unauthorized');
  const [note, setNote] = useState('');
  const post = usePupilPost<object, { hours: number }>(clientId, 'absences');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate({ date, hours: num(hours), kind, ...(note ? { note } : {}) }, { onSuccess: () => { setHours(''); setNote(''); } });
  };
  return (
    <Card title={t('addAbsence.title')}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('addAbsence.date')} type="date" required value={date} max={finnishToday()} onChange={(e) => setDate(e.target.value)} />
        <TextField label={t('addAbsence.hours')} hint={t('addAbsence.hoursHint')} inputMode="decimal" required value={hours} onChange={(e) => setHours(e.target.value)} />
        <Field label={t('addAbsence.kind')}>
          {(c) => (
            <select className="input" {...c} value={kind} onChange={(e) => setKind(e.target.value)}>
              {(['unauthorized', 'sick', 'other'] as const).map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <TextField label={t('addAbsence.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        {post.error && <ErrorMessage error={post.error} />}
        {post.isSuccess && <p role="status" className="status-note">{t('addAbsence.saved', { hours: post.data.hours.toLocaleString(i18n.language) })}</p>}
        <Button type="submit" variant="primary" busy={post.isPending}>{t('addAbsence.save')}</Button>
      </form>
    </Card>
  );
}

export function RecordStepForm({ clientId, next }: { clientId: string; next: RequiredActionCode | null }) {
  const { t } = useTranslation('school');
  const [code, setCode] = useState<RequiredActionCode>(next ?? 'discuss-with-guardians');
  const [f, setF] = useState({ doneOn: finnishToday(), followUpDate: '', responsiblePerson: '', participants: '', agreed: '', supportMeasures: '' });
  const [addToPlan, setAddToPlan] = useState(false);
  const post = usePupilPost<object>(clientId, 'absence-steps');
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...Object.fromEntries(Object.entries({ code, ...f }).filter(([, v]) => v !== '')), ...(addToPlan ? { addToPlan: true } : {}) };
    post.mutate(body);
  };
  return (
    <Card title={t('step.title')}>
      <form className="form" onSubmit={submit}>
        <Field label={t('step.code')}>
          {(c) => (
            <select className="input" {...c} value={code} onChange={(e) => setCode(e.target.value as RequiredActionCode)}>
              {CODES.map((k) => <option key={k} value={k}>{t(`action.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <TextField label={t('step.doneOn')} type="date" required value={f.doneOn} onChange={set('doneOn')} />
        <TextField label={t('step.followUpDate')} type="date" required={code !== 'discuss-with-guardians'} value={f.followUpDate} onChange={set('followUpDate')} />
        <TextField label={t('step.responsible')} required={code !== 'discuss-with-guardians'} value={f.responsiblePerson} onChange={set('responsiblePerson')} />
        <TextField label={t('step.participants')} value={f.participants} onChange={set('participants')} />
        <Field label={t('step.agreed')}>{(c) => <textarea className="input" rows={3} {...c} value={f.agreed} onChange={set('agreed')} />}</Field>
        <Field label={t('step.supportMeasures')}>{(c) => <textarea className="input" rows={3} {...c} value={f.supportMeasures} onChange={set('supportMeasures')} />}</Field>
        <label className="field field--checkbox">
          <input type="checkbox" checked={addToPlan} onChange={(e) => setAddToPlan(e.target.checked)} aria-describedby="step-plan-hint" /> {t('step.addToPlan')}
        </label>
        <p id="step-plan-hint" className="field__hint">{t('step.addToPlanHint')}</p>
        {post.error && <ErrorMessage error={post.error} />}
        {post.isSuccess && <p role="status" className="status-note">{t('step.saved')}</p>}
        <Button type="submit" variant="primary" busy={post.isPending}>{t('step.save')}</Button>
      </form>
    </Card>
  );
}

const SCALES = ['negativeAffect', 'socialEvaluative', 'attention', 'tangible'] as const;

export function SurveyForm({ clientId, allowed, surveys }: { clientId: string; allowed: boolean; surveys: AbsenceStatus['surveys'] }) {
  const { t, i18n } = useTranslation('school');
  const [doneOn, setDoneOn] = useState(finnishToday());
  const [scores, setScores] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const post = usePupilPost<object>(clientId, 'absence-surveys');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate({ doneOn, scores: Object.fromEntries(SCALES.map((k) => [k, num(scores[k] ?? '0')])), ...(summary ? { summary } : {}) });
  };
  return (
    <Card title={t('survey.title')}>
      <p>{allowed ? t('survey.hint') : t('survey.notYet')}</p>
      {surveys.length > 0 && (
        <>
          <h3>{t('survey.list')}</h3>
          <ul>
            {surveys.map((s) => (
              <li key={s.id}>{formatDate(s.doneOn, i18n.language)}: {SCALES.map((k) => `${t(`survey.${k}`)} ${s.scores[k].toLocaleString(i18n.language)}`).join('; ')}{s.summary ? `. ${s.summary}` : ''}</li>
            ))}
          </ul>
        </>
      )}
      {allowed && (
        <form className="form" onSubmit={submit}>
          <TextField label={t('survey.doneOn')} type="date" required value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />
          {SCALES.map((k) => (
            <TextField key={k} label={t(`survey.${k}`)} inputMode="decimal" required value={scores[k] ?? ''} onChange={(e) => setScores({ ...scores, [k]: e.target.value })} />
          ))}
          <Field label={t('survey.summary')}>{(c) => <textarea className="input" rows={3} {...c} value={summary} onChange={(e) => setSummary(e.target.value)} />}</Field>
          {post.error && <ErrorMessage error={post.error} />}
          {post.isSuccess && <p role="status" className="status-note">{t('survey.saved')}</p>}
          <Button type="submit" busy={post.isPending}>{t('survey.save')}</Button>
        </form>
      )}
    </Card>
  );
}
