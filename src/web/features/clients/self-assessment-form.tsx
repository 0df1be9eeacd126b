import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Field, LoadingState } from '../../ui/index.js';
import { useLifeAreas, useSaveSelfAssessment } from './clients.api.js';

export interface SelfAssessmentFormProps {
  clientId: string;
  /** Who fills it in; the server records 'client' for a client's own login whatever is sent. */
  filledBy?: 'client' | 'client-with-worker' | 'client-with-close-one';
  onSaved?: () => void;
  /** Where to save; default the worker's /clients/:id/self-assessments (the portal passes its /me path). */
  savePath?: string;
}

/**
 * "Mitä sinulle kuuluu?" – one radio group per life area on the 1–5 scale of seed 002, in plain
 * language; every area may be skipped. Reusable in the worker's view and in the client portal.
 */
export function SelfAssessmentForm({ clientId, filledBy, onSaved, savePath }: SelfAssessmentFormProps) {
  const { t } = useTranslation('clients');
  const areas = useLifeAreas();
  const save = useSaveSelfAssessment(clientId, savePath);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [ownWords, setOwnWords] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  if (areas.isPending) return <LoadingState />;
  if (areas.isError) return <ErrorMessage error={areas.error} onRetry={() => void areas.refetch()} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (Object.keys(answers).length === 0) return setProblem(t('self.answerRequired'));
    setProblem(null);
    await save.mutateAsync({ answers, ownWords: ownWords.trim() || undefined, filledBy });
    setAnswers({});
    setOwnWords('');
    setSaved(true);
    onSaved?.();
  };

  return (
    <form className="self-form" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <p>{t('self.intro')}</p>
      {areas.data.areas.map((area) => (
        <fieldset key={area.key} className="self-form__area">
          <legend>
            <strong>{area.label}</strong> <span className="self-form__question">{area.question}</span>
          </legend>
          <div className="self-form__options">
            {areas.data.scale.map((s) => (
              <label key={s.value} className="self-form__option">
                <input
                  type="radio"
                  name={`area-${area.key}`}
                  value={s.value}
                  checked={answers[area.key] === s.value}
                  onChange={() => setAnswers((a) => ({ ...a, [area.key]: s.value }))}
                />
                <span className="self-form__value">{s.value}</span> <span>{s.label}</span>
              </label>
            ))}
            <label className="self-form__option">
              <input
                type="radio"
                name={`area-${area.key}`}
                checked={answers[area.key] === undefined}
                onChange={() => setAnswers(({ [area.key]: _drop, ...rest }) => rest)}
              />
              <span>{t('self.skip')}</span>
            </label>
          </div>
        </fieldset>
      ))}
      <Field label={t('self.ownWords')}>{(c) => <textarea className="input" rows={4} {...c} value={ownWords} onChange={(e) => setOwnWords(e.target.value)} />}</Field>
      {problem && <p className="field__error" role="alert">{problem}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
      {saved && <p className="notice" role="status">{t('self.saved')}</p>}
      <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('actions.saving')}>{t('self.submit')}</Button>
    </form>
  );
}
