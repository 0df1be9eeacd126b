import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverView } from '../../../contracts/handover.contracts.js';
import type { Relationship } from '../../../contracts/relationships.contracts.js';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth.js';
import { api } from '../../api/client.js';
import { Button, ErrorMessage, Field } from '../../ui/index.js';
import { formatDateTime, useRelationshipMutations } from './relationships.api.js';

const STEPS = ['referral', 'joint-meeting', 'receiver-acceptance', 'client-confirmation'] as const;
const HOW = ['in-meeting', 'phone', 'portal', 'written'] as const;

/** One warm handover (saattaen vaihtaen): its steps, who is responsible meanwhile, and the next step to record. */
export function HandoverCard({ clientId, handover: h, from }: { clientId: string; handover: HandoverView; from: Relationship | undefined }) {
  const { t, i18n } = useTranslation('relationships');
  const { meeting, confirm } = useRelationshipMutations(clientId);
  const [at, setAt] = useState(h.jointMeetingAt ? h.jointMeetingAt.slice(0, 16) : '');
  const [how, setHow] = useState<(typeof HOW)[number]>('in-meeting');
  const open = h.status === 'open';
  // The handing-over organisation records the client's confirmation; the receiver accepts in its referral inbox.
  const isSender = from?.organization.id === useCurrentUser().organization.id;
  const ready = open && !h.missingSteps.some((s) => s === 'joint-meeting' || s === 'receiver-acceptance' || s === 'referral');
  const saveMeeting = (held: boolean) => meeting.mutate({ id: h.id, at: new Date(at || Date.now()).toISOString(), held });
  return (
    <article className="handover" aria-label={`${t('handover.title')}: ${h.serviceName}`}>
      <h3>
        {h.serviceName} – {t(`handover.status.${h.status}`)}
      </h3>
      <p>
        {t('handover.to')}: {h.toOrganization ?? '–'}
      </p>
      {open && from?.responsible && (
        <p className="handover__responsible">
          <strong>{t('handover.stillResponsible', { worker: from.responsible.name, org: from.organization.name })}</strong>
        </p>
      )}
      {h.status === 'completed' && h.completedAt && <p role="status">{t('handover.completed', { at: formatDateTime(h.completedAt, i18n.language) })}</p>}
      <h4>{t('handover.steps')}</h4>
      <ol className="handover__steps">
        {STEPS.map((s) => {
          const missing = h.missingSteps.includes(s);
          return (
            <li key={s} className={missing ? 'handover__step--missing' : 'handover__step--done'}>
              <span aria-hidden="true">{missing ? '○ ' : '✓ '}</span>
              {t(`handover.step.${s}`)}: <strong>{missing ? t('handover.missing') : t('handover.done')}</strong>
              {s === 'joint-meeting' && h.jointMeetingAt && !h.jointMeetingHeldAt && ` (${t('handover.meetingPlanned', { at: formatDateTime(h.jointMeetingAt, i18n.language) })})`}
            </li>
          );
        })}
      </ol>
      <details className="handover__summary">
        <summary>{t('handover.summary')}</summary>
        <p>{h.summary}</p>
      </details>
      {open && !h.jointMeetingHeldAt && (
        <div className="handover__row">
          <Field label={t('handover.meetingWhen')}>{(c) => <input type="datetime-local" className="input" value={at} onChange={(e) => setAt(e.target.value)} {...c} />}</Field>
          <Button size="small" disabled={!at} busy={meeting.isPending} onClick={() => saveMeeting(false)}>
            {t('handover.saveMeeting')}
          </Button>
          <Button size="small" busy={meeting.isPending} onClick={() => saveMeeting(true)}>
            {t('handover.markHeld')}
          </Button>
        </div>
      )}
      {meeting.isError && <ErrorMessage error={meeting.error} />}
      {open && !isSender && h.missingSteps.includes('receiver-acceptance') && (
        <p>
          <Link to={`/lahetteet/${h.referralId}`}>{t('handover.openReferral')}</Link>
        </p>
      )}
      {open && isSender && (
        <div className="handover__row">
          {!ready && <p>{t('handover.confirmNotYet')}</p>}
          <Field label={t('handover.confirmHow')}>
            {(c) => (
              <select className="input" value={how} onChange={(e) => setHow(e.target.value as (typeof HOW)[number])} {...c}>
                {HOW.map((x) => (
                  <option key={x} value={x}>
                    {t(`handover.how.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button variant="primary" size="small" disabled={!ready} busy={confirm.isPending} onClick={() => confirm.mutate({ id: h.id, how })}>
            {t('handover.confirm')}
          </Button>
        </div>
      )}
      {confirm.isError && <ErrorMessage error={confirm.error} />}
    </article>
  );
}

interface Hit {
  id: string;
  name: string;
  provider: { name: string | null };
}

/** Starts a handover: the service the client moves to, why, and the handover summary (siirtoyhteenveto). */
export function StartHandoverForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation('relationships');
  const { startHandover } = useRelationshipMutations(clientId);
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const [service, setService] = useState<Hit | null>(null);
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const [meetingAt, setMeetingAt] = useState('');
  const hits = useQuery({
    queryKey: ['services', 'handover', q],
    enabled: !!q,
    queryFn: ({ signal }) => api.get<{ items: Hit[] }>(`/services?limit=8&q=${encodeURIComponent(q ?? '')}`, { signal }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!service) return;
    startHandover.mutate({ serviceId: service.id, reason, summary, ...(meetingAt && { jointMeetingAt: new Date(meetingAt).toISOString() }) });
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('handover.start')}>
      <div className="handover__row">
        <Field label={t('handover.service')} hint={t('handover.serviceHint')}>
          {(c) => (
            <input
              type="search"
              className="input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  setQ(text.trim());
                }
              }}
              {...c}
            />
          )}
        </Field>
        <Button size="small" onClick={() => setQ(text.trim())}>
          {t('handover.search')}
        </Button>
      </div>
      {hits.data && (
        <ul className="handover__hits">
          {hits.data.items.map((h) => (
            <li key={h.id}>
              {h.name}
              {h.provider.name ? ` – ${h.provider.name}` : ''}{' '}
              <Button size="small" aria-label={`${t('handover.choose')}: ${h.name}${h.provider.name ? ` – ${h.provider.name}` : ''}`} aria-pressed={service?.id === h.id} onClick={() => setService(h)}>
                {t('handover.choose')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {service && <p role="status">{t('handover.chosen', { name: service.name })}</p>}
      <Field label={t('handover.reason')}>
        {(c) => <textarea className="input" rows={2} required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} {...c} />}
      </Field>
      <Field label={t('handover.summary')} hint={t('handover.summaryHint')}>
        {(c) => <textarea className="input" rows={5} required minLength={10} value={summary} onChange={(e) => setSummary(e.target.value)} {...c} />}
      </Field>
      <Field label={t('handover.meetingAt')}>
        {(c) => <input type="datetime-local" className="input" value={meetingAt} onChange={(e) => setMeetingAt(e.target.value)} {...c} />}
      </Field>
      {startHandover.isError && <ErrorMessage error={startHandover.error} />}
      <Button type="submit" variant="primary" disabled={!service} busy={startHandover.isPending} busyLabel={t('handover.sending')}>
        {t('handover.send')}
      </Button>
    </form>
  );
}
