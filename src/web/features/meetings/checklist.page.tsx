import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Button, ErrorMessage, LoadingState, PageHeader } from '../../ui/index.js';
import { formatDateTime } from '../today/followup.api.js';
import { useMeeting } from './meetings.api.js';

/** The client's checklist (muistilista) on its own page, laid out for printing. */
export function ChecklistPage() {
  const { t } = useTranslation('meetings');
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <LoadingState />;
  if (meeting.error) return <ErrorMessage error={meeting.error} />;
  const m = meeting.data;
  return (
    <>
      <PageHeader title={`${t('checklist.title')}: ${m.clientName}`} actions={<Link to={`/verkostopalaverit/${m.id}`}>{t('checklist.back')}</Link>} />
      <div className="print-area">
        <h2 className="print-area__title">
          {t('checklist.title')} – {m.clientName}
        </h2>
        <p>{t('checklist.for', { date: formatDateTime(m.startsAt) })}</p>
        <p>{t('checklist.intro')}</p>
        <ul className="print-checklist">
          {m.clientChecklist.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      </div>
      <Button variant="primary" onClick={() => window.print()} className="no-print">
        {t('checklist.printNow')}
      </Button>
    </>
  );
}
