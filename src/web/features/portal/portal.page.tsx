import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, ErrorMessage, LoadingState, PageHeader } from '../../ui/index.js';
import { AccessLogSection } from './portal.access-log.js';
import { useOverview } from './portal.api.js';
import { ConsentsSection } from './portal.consents.js';
import { FeedbackSection } from './portal.feedback.js';
import { HandoverNotice } from './portal.handover.js';
import { MeetingsSection, PathSection, PlanSection, ReferralsSection, WorkerSection } from './portal.sections.js';
import { SelfAssessmentSection } from './portal.self.js';
import './portal.css';

const SECTIONS = ['worker', 'plan', 'meetings', 'referrals', 'path', 'self', 'consents', 'accessLog', 'feedback'] as const;
type SectionKey = (typeof SECTIONS)[number];

/**
 * Oma polku: one phone-first page the client reads from top to bottom, with a table of contents.
 * A guardian chooses whose matters to look at; everything below follows that choice.
 */
export default function PortalPage() {
  const { t } = useTranslation('portal');
  const overview = useOverview();
  const [subject, setSubject] = useState<string | undefined>(undefined);
  if (overview.isPending) return <LoadingState />;
  if (overview.isError) return <ErrorMessage error={overview.error} onRetry={() => void overview.refetch()} />;
  const { me, children, organizations } = overview.data;
  const forChild = subject !== undefined && subject !== me.clientId;

  const body: Record<SectionKey, ReactNode> = {
    worker: <WorkerSection subject={subject} />,
    plan: <PlanSection subject={subject} />,
    meetings: <MeetingsSection subject={subject} />,
    referrals: <ReferralsSection subject={subject} />,
    path: <PathSection subject={subject} />,
    self: <SelfAssessmentSection clientId={subject ?? me.clientId} subject={forChild ? subject : undefined} />,
    consents: <ConsentsSection subject={subject} organizations={organizations} />,
    accessLog: <AccessLogSection subject={subject} />,
    feedback: forChild ? null : <FeedbackSection />,
  };
  const shown = SECTIONS.filter((k) => body[k] !== null);

  return (
    <div className="portal-page">
      <PageHeader title={t('title')} description={t('description')} />
      {children.length > 0 && (
        <div className="portal-subject">
          <label htmlFor="portal-subject">{t('actingFor')}</label>
          <select id="portal-subject" className="input" value={subject ?? me.clientId} onChange={(e) => setSubject(e.target.value === me.clientId ? undefined : e.target.value)}>
            <option value={me.clientId}>{t('myself')}</option>
            {children.map((c) => <option key={c.clientId} value={c.clientId}>{t('guardianOf', { name: c.name })}</option>)}
          </select>
        </div>
      )}
      <HandoverNotice key={`${subject ?? 'me'}-handover`} subject={subject} />
      <nav className="portal-toc" aria-label={t('contents')}>
        <ul>
          {shown.map((k) => <li key={k}><a href={`#oma-${k}`}>{t(`sections.${k}`)}</a></li>)}
        </ul>
      </nav>
      {shown.map((k) => (
        <div key={`${subject ?? 'me'}-${k}`} id={`oma-${k}`} className="portal-section">
          <Card title={t(`sections.${k}`)}>{body[k]}</Card>
        </div>
      ))}
      <p className="portal-muted">{t('notOnlyDoor')}</p>
    </div>
  );
}
