import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../contracts/meetings.contracts.js';
import { Button, Card, ErrorMessage, Field, TextField } from '../../ui/index.js';
import { lines, useClientPlanForMinutes, useRecordMinutes } from './meetings.api.js';

interface DecisionDraft {
  what: string;
  who: string; // participant user id, 'name:<name>' for a participant without login, or 'other'
  otherName: string;
  due: string;
  plan: string; // '' = not in the plan, 'new' = a new plan action, else the id of an existing plan action
}

const emptyDecision = (due: string): DecisionDraft => ({ what: '', who: '', otherName: '', due, plan: '' });

/** Minutes: summary, decisions (who does what by when → tasks), feedback round, extra checklist items. */
export function MinutesForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const record = useRecordMinutes(meeting.id);
  const plan = useClientPlanForMinutes(meeting.clientId);
  const meetingDay = meeting.startsAt.slice(0, 10);
  const [summary, setSummary] = useState('');
  const [decisions, setDecisions] = useState<DecisionDraft[]>([emptyDecision(meetingDay)]);
  const [feedback, setFeedback] = useState('');
  const [extra, setExtra] = useState('');
  const update = (i: number, patch: Partial<DecisionDraft>) => setDecisions(decisions.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      summary,
      feedbackRound: feedback || undefined,
      decisions: decisions
        .filter((d) => d.what.trim())
        .map((d) => ({
          what: d.what,
          due: d.due,
          ...(d.plan === 'new' ? { addToPlan: true } : d.plan ? { planActionId: d.plan } : {}),
          ...(d.who.startsWith('name:') ? { responsibleName: d.who.slice(5) } : d.who === 'other' || !d.who ? { responsibleName: d.otherName } : { responsibleUserId: d.who }),
        })),
      clientChecklist: undefined as string[] | undefined,
    };
    const more = lines(extra);
    // Extra items are added after the decisions: the server builds the list when none is given.
    if (more.length) body.clientChecklist = [...body.decisions.map((d) => `${d.what} – ${'responsibleName' in d ? d.responsibleName : ownerName(meeting, d.responsibleUserId)}, ${d.due}`), ...more];
    record.mutate(body);
  };

  return (
    <form onSubmit={submit} className="meeting-form">
      <Card title={t('minutes.title')}>
        <Field label={t('minutes.summary')}>{(control) => <textarea className="input" rows={5} required {...control} value={summary} onChange={(e) => setSummary(e.target.value)} />}</Field>
        <fieldset className="meeting-fieldset">
          <legend>{t('minutes.decisions')}</legend>
          {plan.data === null && <p className="meeting-muted">{t('minutes.noPlan')}</p>}
          {decisions.map((d, i) => (
            <fieldset key={i} className="meeting-decision">
              <legend>{t('minutes.decisionN', { n: i + 1 })}</legend>
              <TextField label={t('minutes.what')} value={d.what} onChange={(e) => update(i, { what: e.target.value })} />
              <div className="meeting-form__row">
                <Field label={t('minutes.who')}>
                  {(control) => (
                    <select className="input" {...control} value={d.who} onChange={(e) => update(i, { who: e.target.value })}>
                      <option value="" />
                      {meeting.participants.map((p) => (
                        <option key={p.id} value={p.userId ?? `name:${p.name}`}>
                          {p.name} ({p.role})
                        </option>
                      ))}
                      <option value="other">{t('minutes.whoOther')}</option>
                    </select>
                  )}
                </Field>
                {d.who === 'other' && <TextField label={t('minutes.otherName')} value={d.otherName} onChange={(e) => update(i, { otherName: e.target.value })} />}
                <TextField label={t('minutes.due')} type="date" value={d.due} min={meetingDay} onChange={(e) => update(i, { due: e.target.value })} />
              </div>
              {plan.data && (
                <Field label={t('minutes.plan')} hint={t('minutes.planHint')}>
                  {(control) => (
                    <select className="input" {...control} value={d.plan} onChange={(e) => update(i, { plan: e.target.value })}>
                      <option value="">{t('minutes.planNone')}</option>
                      <option value="new">{t('minutes.planNew')}</option>
                      {plan.data!.actions.length > 0 && (
                        <optgroup label={t('minutes.planExisting')}>
                          {plan.data!.actions.map((a) => (
                            <option key={a.id} value={a.id}>
                              {a.title}
                            </option>
                          ))}
                        </optgroup>
                      )}
                    </select>
                  )}
                </Field>
              )}
              {decisions.length > 1 && (
                <Button size="small" variant="quiet" onClick={() => setDecisions(decisions.filter((_, j) => j !== i))}>
                  {t('minutes.removeDecision', { n: i + 1 })}
                </Button>
              )}
            </fieldset>
          ))}
          <Button size="small" onClick={() => setDecisions([...decisions, emptyDecision(meetingDay)])}>
            {t('minutes.addDecision')}
          </Button>
        </fieldset>
        <Field label={t('minutes.feedback')} hint={t('minutes.feedbackHint')}>
          {(control) => <textarea className="input" rows={3} {...control} value={feedback} onChange={(e) => setFeedback(e.target.value)} />}
        </Field>
        <Field label={t('minutes.checklistExtra')} hint={t('minutes.checklistHint')}>
          {(control) => <textarea className="input" rows={2} {...control} value={extra} onChange={(e) => setExtra(e.target.value)} />}
        </Field>
        {record.error && <ErrorMessage error={record.error} />}
        <Button type="submit" variant="primary" busy={record.isPending}>
          {t('minutes.save')}
        </Button>
      </Card>
    </form>
  );
}

const ownerName = (m: MeetingDetail, userId: string | undefined) => m.participants.find((p) => p.userId === userId)?.name ?? '';
