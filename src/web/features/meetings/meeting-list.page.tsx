import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MeetingSummary } from '../../../contracts/meetings.contracts.js';
import { EmptyState, ErrorMessage, LoadingState, PageHeader, Table } from '../../ui/index.js';
import { formatDateTime } from '../today/followup.api.js';
import { useMyMeetings } from './meetings.api.js';

export function MeetingListPage() {
  const { t } = useTranslation('meetings');
  const meetings = useMyMeetings();
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Link className="button button--primary" to="uusi">
            {t('newMeeting')}
          </Link>
        }
      />
      {meetings.isPending && <LoadingState />}
      {meetings.error && <ErrorMessage error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {meetings.data &&
        (meetings.data.items.length === 0 ? (
          <EmptyState title={t('list.none')} />
        ) : (
          <Table<MeetingSummary>
            caption={t('list.caption')}
            rows={meetings.data.items}
            rowKey={(m) => m.id}
            columns={[
              { key: 'when', header: t('list.when'), isRowHeader: true, render: (m) => <Link to={m.id}>{formatDateTime(m.startsAt)}</Link> },
              { key: 'client', header: t('list.client'), render: (m) => m.clientName },
              { key: 'method', header: t('prepare.method'), render: (m) => t(`method.${m.method}`) },
              { key: 'place', header: t('list.place'), render: (m) => m.place },
              {
                key: 'status',
                header: t('list.status'),
                render: (m) => (
                  <>
                    {t(`status.${m.status}`)}
                    {m.status === 'held' && m.clientApproved && <span className="meeting-muted"> · {t('status.approved')}</span>}
                    {m.status === 'planned' && new Date(m.startsAt) < new Date() && <span className="meeting-muted"> · {t('status.waiting')}</span>}
                  </>
                ),
              },
              { key: 'participants', header: t('list.participants'), align: 'end', render: (m) => m.participantCount },
            ]}
          />
        ))}
    </>
  );
}
