import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackInvitation } from '../../../contracts/feedback.contracts.js';
import { Button, ErrorMessage, LoadingState } from '../../ui/index.js';
import { finnishDate, useInvitations, useQuestionnaires, useSubmitFeedback } from './portal.api.js';

/** The client-experience items of the questionnaire the invitation is about (seed 002), 1–5 or skipped. */
export function FeedbackSection() {
  const { t } = useTranslation('portal');
  const invitations = useInvitations();
  const [thanks, setThanks] = useState(false);
  if (invitations.isPending) return <LoadingState />;
  if (invitations.isError) return <ErrorMessage error={invitations.error} />;
  const first = invitations.data.items[0];
  return (
    <>
      <p>{t('feedback.intro')}</p>
      {thanks && <p className="notice" role="status">{t('feedback.thanks')}</p>}
      {first ? <FeedbackForm key={first.id} invitation={first} onSent={() => setThanks(true)} /> : <p>{t('feedback.none')}</p>}
    </>
  );
}

function FeedbackForm({ invitation, onSent }: { invitation: FeedbackInvitation; onSent: () => void }) {
  const { t, i18n } = useTranslation('portal');
  const qs = useQuestionnaires(i18n.language);
  const submit = useSubmitFeedback();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (qs.isPending) return <LoadingState />;
  if (qs.isError) return <ErrorMessage error={qs.error} />;
  const questionnaire = qs.data.questionnaires.find((q) => q.id === invitation.questionnaireId);
  if (!questionnaire) return null;

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(answers).length === 0) return setProblem(t('feedback.answerOne'));
    setProblem(null);
    submit.mutate({ questionnaireId: questionnaire.id, answers, invitation: { type: invitation.type, id: invitation.id } }, { onSuccess: onSent });
  };

  return (
    <form className="portal-form" onSubmit={send} noValidate>
      <h3>{t(`feedback.after.${invitation.type}`, { date: finnishDate(invitation.at, i18n.language), organization: invitation.organizationName })}</h3>
      {questionnaire.groups.flatMap((g) => g.items).map((item) => (
        <fieldset key={item.id} className="portal-scale">
          <legend>{item.text}</legend>
          {qs.data.scale.map((s) => (
            <label key={s.value} className="portal-check">
              <input type="radio" name={item.id} checked={answers[item.id] === s.value} onChange={() => setAnswers((a) => ({ ...a, [item.id]: s.value }))} />
              {s.value} – {s.label}
            </label>
          ))}
          <label className="portal-check">
            <input type="radio" name={item.id} checked={answers[item.id] === undefined} onChange={() => setAnswers(({ [item.id]: _skip, ...rest }) => rest)} />
            {t('feedback.skip')}
          </label>
        </fieldset>
      ))}
      {problem && <p className="field__error" role="alert">{problem}</p>}
      {submit.isError && <ErrorMessage error={submit.error} />}
      <Button type="submit" variant="primary" busy={submit.isPending} busyLabel={t('feedback.sending')}>{t('feedback.submit')}</Button>
    </form>
  );
}
