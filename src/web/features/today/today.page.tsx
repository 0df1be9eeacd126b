import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Alert, TodayView } from '../../../contracts/followup.contracts.js';
import { Card, EmptyState, ErrorMessage, LoadingState, PageHeader } from '../../ui/index.js';
import { formatDateTime, formatDay, useToday } from './followup.api.js';
import { TaskTable } from './task-table.js';
import './today.css';

/** Tänään: the worker's day – tasks, overdue items, new incoming referrals, alerts, upcoming meetings. */
export default function TodayPage() {
  const { t } = useTranslation('today');
  const today = useToday();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {today.isPending && <LoadingState />}
      {today.error && <ErrorMessage error={today.error} onRetry={() => void today.refetch()} />}
      {today.data && <TodayContent view={today.data} />}
    </>
  );
}

function TodayContent({ view }: { view: TodayView }) {
  const { t } = useTranslation('today');
  return (
    <div className="today">
      <p className="today__date">{t('dateLine', { date: formatDay(view.today) })}</p>
      <ul className="today-summary" aria-label={t('title')}>
        <SummaryItem label={t('summary.dueToday')} count={view.dueToday.length} href="#tanaan" />
        <SummaryItem label={t('summary.overdue')} count={view.overdue.length} href="#myohassa" warn />
        <SummaryItem label={t('summary.alerts')} count={view.alerts.length} href="#halytykset" warn />
        <SummaryItem label={t('summary.referrals')} count={view.incomingReferrals.length} href="#lahetteet" />
        <SummaryItem label={t('summary.meetings')} count={view.meetings.length} href="#palaverit" />
      </ul>
      {view.unreadNotifications > 0 && <p className="today__reminders">{t('reminders', { count: view.unreadNotifications })}</p>}
      <div className="today-grid">
        <div className="today-grid__main">
          <Section id="tanaan" title={t('tasks.dueToday')}>
            {view.dueToday.length ? <TaskTable caption={t('tasks.dueToday')} tasks={view.dueToday} today={view.today} /> : <EmptyState title={t('tasks.noneToday')} />}
          </Section>
          <Section id="myohassa" title={t('tasks.overdue')}>
            {view.overdue.length ? <TaskTable caption={t('tasks.overdue')} tasks={view.overdue} today={view.today} /> : <EmptyState title={t('tasks.noneOverdue')} />}
          </Section>
          <Section id="viikko" title={t('tasks.upcoming')}>
            {view.upcoming.length ? <TaskTable caption={t('tasks.upcoming')} tasks={view.upcoming} today={view.today} /> : <EmptyState title={t('tasks.noneUpcoming')} />}
          </Section>
        </div>
        <div className="today-grid__side">
          <Section id="halytykset" title={t('alerts.title')}>
            {view.alerts.length ? (
              <ul className="today-list">
                {view.alerts.map((a, i) => (
                  <AlertItem key={`${a.type}-${a.refId ?? a.clientId ?? i}-${i}`} alert={a} />
                ))}
              </ul>
            ) : (
              <EmptyState title={t('alerts.none')} />
            )}
          </Section>
          <Section id="lahetteet" title={t('referrals.title')}>
            {view.incomingReferrals.length ? (
              <ul className="today-list">
                {view.incomingReferrals.map((r) => (
                  <li key={r.id} className="today-list__item">
                    <Link to={`/lahetteet/${r.id}`}>{r.serviceName}</Link>
                    {r.urgency === 'urgent' && <strong className="today-badge today-badge--warn">{t('referrals.urgent')}</strong>}
                    <span className="today-list__meta">
                      {r.clientName ?? ''} · {t(`referrals.status.${r.status === 'received' ? 'received' : 'requested'}`)} · {formatDay(r.since.slice(0, 10))}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState title={t('referrals.none')} />
            )}
          </Section>
          <Section id="palaverit" title={t('meetings.title')}>
            {view.meetings.length ? (
              <ul className="today-list">
                {view.meetings.map((m) => (
                  <li key={m.id} className="today-list__item">
                    <Link to={`/verkostopalaverit/${m.id}`}>
                      {formatDateTime(m.startsAt)} · {m.clientName ?? ''}
                    </Link>
                    <span className="today-list__meta">{m.place}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState title={t('meetings.none')} />
            )}
          </Section>
        </div>
      </div>
    </div>
  );
}

function SummaryItem({ label, count, href, warn = false }: { label: string; count: number; href: string; warn?: boolean }) {
  return (
    <li className={['today-summary__item', warn && count > 0 ? 'today-summary__item--warn' : ''].filter(Boolean).join(' ')}>
      <a href={href}>
        <span className="today-summary__count">{count}</span> {label}
      </a>
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div id={id} className="today-section">
      <Card title={title}>{children}</Card>
    </div>
  );
}

function AlertItem({ alert }: { alert: Alert }) {
  const { t } = useTranslation('today');
  const detail =
    alert.type === 'caseload-over-limit'
      ? t('alerts.caseload', { count: alert.count ?? 0, limit: alert.limit ?? 40 })
      : alert.type === 'no-contact'
        ? t('alerts.days', { count: alert.count ?? 0 })
        : alert.type === 'statutory-deadline' && alert.due
          ? t('alerts.deadline', { date: formatDay(alert.due) })
          : alert.since
            ? t('alerts.since', { date: formatDay(alert.since) })
            : '';
  return (
    <li className="today-list__item">
      <strong className="today-badge">{t(`alerts.type.${alert.type}`)}</strong>{' '}
      {alert.clientId ? <Link to={`/asiakkaat/${alert.clientId}`}>{alert.clientName ?? ''}</Link> : null}
      {alert.refType === 'referral-inbox' ? (
        <Link to="/lahetteet" className="today-list__text">{alert.title}</Link>
      ) : (
        <span className="today-list__text">{alert.title}</span>
      )}
      {detail && <span className="today-list__meta">{detail}</span>}
    </li>
  );
}
