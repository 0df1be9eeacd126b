import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { EmptyState, ErrorMessage, LoadingState, Table } from '../../ui/index.js';
import { ClientPathView } from '../path/index.js';
import { finnishDate, finnishDateTime, useMeetings, usePath, usePlan, useReferrals, useTasks, useWorker } from './portal.api.js';

/** A missing record (no plan, no worker yet) is a plain sentence, not an error. */
function QueryState({ query, none }: { query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }; none: string }) {
  if (query.isPending) return <LoadingState />;
  if (isApiError(query.error, 404)) return <p>{none}</p>;
  return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
}

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function WorkerSection({ subject }: { subject?: string }) {
  const { t } = useTranslation('portal');
  const q = useWorker(subject);
  if (!q.data) return <QueryState query={q} none={t('worker.none')} />;
  const w = q.data;
  return (
    <div className="portal-worker">
      <p className="portal-worker__name">{w.name}</p>
      {w.title && <p>{w.title}</p>}
      <p>{w.organization}</p>
      <div className="portal-actions">
        {w.phone && <a className="button button--primary" href={tel(w.phone)}>{t('worker.call')} {w.phone}</a>}
        {w.email && <a className="button button--secondary" href={`mailto:${w.email}`}>{t('worker.email')}</a>}
      </div>
      {w.backup && (
        <>
          <h3>{t('worker.backup')}</h3>
          <p>
            {w.backup.name}
            {w.backup.title ? `, ${w.backup.title}` : ''}
            {w.backup.phone && <> · <a href={tel(w.backup.phone)}>{w.backup.phone}</a></>}
          </p>
        </>
      )}
      {w.others.length > 0 && (
        <>
          <h3>{t('worker.others')}</h3>
          <ul className="portal-list">
            {w.others.map((o) => (
              <li key={`${o.organization}-${o.name}`}>
                {o.name}, {o.organization}
                {o.phone && <> · <a href={tel(o.phone)}>{o.phone}</a></>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function PlanSection({ subject }: { subject?: string }) {
  const { t, i18n } = useTranslation('portal');
  const q = usePlan(subject, i18n.language);
  if (!q.data) return <QueryState query={q} none={t('plan.none')} />;
  return (
    <div className="portal-plan">
      <p className="portal-muted">{t('plan.updated', { date: finnishDate(q.data.updatedAt, i18n.language), version: q.data.version })}</p>
      {q.data.sections.map((s) => (
        <section key={s.heading} className="portal-plan__section">
          <h3>{s.heading}</h3>
          <ul className="portal-list">
            {s.lines.map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function MeetingsSection({ subject }: { subject?: string }) {
  const { t, i18n } = useTranslation('portal');
  const meetings = useMeetings(subject);
  const tasks = useTasks(subject);
  return (
    <>
      <h3>{t('meetings.upcoming')}</h3>
      {!meetings.data ? <QueryState query={meetings} none={t('meetings.noneUpcoming')} /> : meetings.data.upcoming.length === 0 ? <p>{t('meetings.noneUpcoming')}</p> : (
        <ul className="portal-list">
          {meetings.data.upcoming.map((m) => <li key={m.id}><strong>{finnishDateTime(m.startsAt, i18n.language)}</strong> · {m.place}</li>)}
        </ul>
      )}
      {meetings.data && meetings.data.past.length > 0 && (
        <>
          <h3>{t('meetings.past')}</h3>
          <ul className="portal-list">
            {meetings.data.past.map((m) => (
              <li key={m.id}>{finnishDate(m.startsAt, i18n.language)} · {m.place} · {m.clientApproved ? t('meetings.approved') : m.minutesRecorded ? t('meetings.waiting') : ''}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('meetings.tasks')}</h3>
      {!tasks.data ? <QueryState query={tasks} none={t('meetings.noTasks')} /> : tasks.data.items.length === 0 ? <p>{t('meetings.noTasks')}</p> : (
        <ul className="portal-list">
          {tasks.data.items.map((task) => (
            <li key={task.id}>
              <strong>{task.title}</strong> · {t('meetings.due', { date: finnishDate(task.due, i18n.language) })} · {t(`meetings.status.${task.status}`)}
              {task.overdue && <span className="portal-badge"> {t('meetings.overdue')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ReferralsSection({ subject }: { subject?: string }) {
  const { t, i18n } = useTranslation('portal');
  const q = useReferrals(subject);
  if (!q.data) return <QueryState query={q} none={t('referrals.none')} />;
  if (q.data.items.length === 0) return <EmptyState title={t('referrals.none')} />;
  return (
    <Table
      caption={t('sections.referrals')}
      hideCaption
      rowKey={(r) => r.id}
      rows={q.data.items}
      columns={[
        { key: 'to', header: t('referrals.to'), isRowHeader: true, render: (r) => `${r.serviceName}${r.toOrganization.name ? `, ${r.toOrganization.name}` : ''}` },
        { key: 'status', header: t('referrals.statusLabel'), render: (r) => t(`referrals.status.${r.status}`) },
        { key: 'date', header: t('referrals.date'), render: (r) => finnishDate(r.statusChangedAt, i18n.language) },
      ]}
    />
  );
}

export function PathSection({ subject }: { subject?: string }) {
  const q = usePath(subject);
  if (!q.data) return <QueryState query={q} none="" />;
  return <ClientPathView path={q.data} headingLevel={2} />;
}
