import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { MeetingDetail } from '../../../contracts/meetings.contracts.js';
import { Button, Card, ErrorMessage, LoadingState, PageHeader, Table, TextField } from '../../ui/index.js';
import { formatDateTime, formatDay } from '../today/followup.api.js';
import { useApproveMinutes, useClientPlanForMinutes, useMeeting } from './meetings.api.js';
import { MinutesForm } from './minutes-form.js';

export function MeetingDetailPage() {
  const { t } = useTranslation('meetings');
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <LoadingState />;
  if (meeting.error) return <ErrorMessage error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  return (
    <>
      <PageHeader
        title={`${t(`method.${m.method}`)}: ${m.clientName}`}
        description={`${formatDateTime(m.startsAt)} · ${m.place} · ${t(`status.${m.status}`)}`}
        actions={<Link to="/verkostopalaverit">{t('detail.back')}</Link>}
      />
      <div className="meeting-grid">
        <div>
          <AgendaCard m={m} />
          {m.minutesRecorded ? <RecordedMinutes m={m} /> : <MinutesForm meeting={m} />}
        </div>
        <div>
          <Card title={t('detail.participants')}>
            <ul className="meeting-list">
              {m.participants.map((p) => (
                <li key={p.id}>
                  {p.name} <span className="meeting-muted">– {p.role}{p.organizationName ? `, ${p.organizationName}` : ''}</span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('detail.questions')}>
            {m.clientQuestions.length ? (
              <ul className="meeting-list">
                {m.clientQuestions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            ) : (
              <p className="meeting-muted">{t('detail.none')}</p>
            )}
          </Card>
          <Card title={t('detail.networkMap')}>
            {m.networkMap.length ? (
              <ul className="meeting-list">
                {m.networkMap.map((e, i) => (
                  <li key={i}>
                    {e.name} <span className="meeting-muted">– {e.relation} ({t(`group.${e.group}`)})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="meeting-muted">{t('detail.none')}</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

/** The seed's agenda as a list to go through in the meeting; ticks are a memory aid and are not saved. */
function AgendaCard({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const [done, setDone] = useState<Set<number>>(new Set());
  return (
    <Card title={t('detail.run')}>
      {m.status === 'planned' && <p className="meeting-muted">{t('detail.runHint')}</p>}
      <ol className="meeting-agenda">
        {m.agenda.map((item, i) => (
          <li key={i}>
            {m.status === 'planned' ? (
              <label>
                <input
                  type="checkbox"
                  checked={done.has(i)}
                  onChange={(e) => {
                    const next = new Set(done);
                    if (e.target.checked) next.add(i);
                    else next.delete(i);
                    setDone(next);
                  }}
                />{' '}
                {item}
              </label>
            ) : (
              item
            )}
          </li>
        ))}
      </ol>
      {(m.chairName || m.noteTakerName) && (
        <p className="meeting-muted">
          {m.chairName && `${t('prepare.chair')}: ${m.chairName}`} {m.noteTakerName && ` · ${t('prepare.noteTaker')}: ${m.noteTakerName}`}
        </p>
      )}
    </Card>
  );
}

function RecordedMinutes({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const approve = useApproveMinutes(m.id);
  const [note, setNote] = useState('');
  const statusText = { open: t('minutes.statusOpen'), done: t('minutes.statusDone'), 'not-done': t('minutes.statusNotDone') };
  const plan = useClientPlanForMinutes(m.clientId);
  const planTitles = new Map((plan.data?.actions ?? []).map((a) => [a.id, a.title]));
  return (
    <>
      <Card title={t('minutes.recorded')}>
        <p className="meeting-pre">{m.minutesSummary}</p>
        {m.feedbackRound && (
          <>
            <h3 className="meeting-subheading">{t('minutes.feedback')}</h3>
            <p className="meeting-pre">{m.feedbackRound}</p>
          </>
        )}
      </Card>
      <Card title={t('minutes.decisionsTable')}>
        <Table
          caption={t('minutes.decisionsTable')}
          hideCaption
          rows={m.decisions}
          rowKey={(d) => d.id}
          columns={[
            { key: 'what', header: t('minutes.what'), isRowHeader: true, render: (d) => d.title },
            { key: 'who', header: t('minutes.owner'), render: (d) => d.ownerName },
            { key: 'due', header: t('minutes.due'), render: (d) => formatDay(d.due) },
            { key: 'status', header: t('minutes.taskStatus'), render: (d) => statusText[d.status] },
            { key: 'plan', header: t('minutes.planColumn'), render: (d) => (d.planActionId ? (planTitles.get(d.planActionId) ?? t('minutes.planLinked')) : '–') },
          ]}
        />
      </Card>
      <Card title={t('minutes.checklist')} actions={<Link to="muistilista">{t('minutes.print')}</Link>}>
        <ul className="meeting-list">
          {m.clientChecklist.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      </Card>
      <Card title={t('minutes.approval')}>
        {m.clientApprovedAt ? (
          <p>
            {t('minutes.approved', { date: formatDay(m.clientApprovedAt.slice(0, 10)) })} {m.clientApprovalNote && <span className="meeting-muted">({m.clientApprovalNote})</span>}
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              approve.mutate(note || undefined);
            }}
          >
            <p>{t('minutes.notApproved')}</p>
            <TextField label={t('minutes.approvalNote')} value={note} onChange={(e) => setNote(e.target.value)} />
            {approve.error && <ErrorMessage error={approve.error} />}
            <Button type="submit" variant="primary" busy={approve.isPending}>
              {t('minutes.approve')}
            </Button>
          </form>
        )}
      </Card>
    </>
  );
}
