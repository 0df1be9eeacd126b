import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Relationship, Worker } from '../../../contracts/relationships.contracts.js';
import { useCurrentUser } from '../../app/auth.js';
import { Card, EmptyState, ErrorMessage, LoadingState, PageHeader, Table } from '../../ui/index.js';
import { ClientReferralsCard } from './client-referrals.js';
import { EndingForm } from './ending-form.js';
import { HandoverCard, StartHandoverForm } from './handover-panel.js';
import { RelationshipForm } from './relationship-form.js';
import { formatDate, useHandovers, useRelationships } from './relationships.api.js';
import './relationships.css';

/** /asiakkaat/:id/asiakkuudet – relationships with named workers, coordination, warm handover and ending. */
export default function RelationshipsPage() {
  const { t } = useTranslation('relationships');
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const relationships = useRelationships(id);
  const handovers = useHandovers(id);
  const items = relationships.data?.items ?? [];
  const active = items.filter((r) => !r.endedAt);
  const endedRows = items.filter((r) => r.endedAt);
  const own = active.find((r) => r.organization.id === user.organization.id);
  const openHandover = handovers.data?.items.find((h) => h.status === 'open');
  const [ended, setEnded] = useState(false);
  const network = active.filter((r) => r.organization.id !== user.organization.id).map((r) => r.organization);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<Link to={`/asiakkaat/${id}`}>{t('back')}</Link>} />
      {ended && (
        <p role="status" className="relationships-ended">
          {t('ending.ended')}
        </p>
      )}
      {relationships.isPending && <LoadingState />}
      {relationships.isError && <ErrorMessage error={relationships.error} onRetry={() => void relationships.refetch()} />}
      {relationships.data && (
        <div className="relationships-layout">
          <section aria-labelledby="rel-active-h">
            <h2 id="rel-active-h">{t('active')}</h2>
            {active.length === 0 && <EmptyState title={t('none')} />}
            {active.map((r) => (
              <RelationshipCard key={r.id} relationship={r} clientId={id} editable={r.id === own?.id} />
            ))}
            {!own && (
              <Card title={t('startTitle')}>
                <RelationshipForm clientId={id} relationship={null} />
              </Card>
            )}
          </section>
          <div>
            <Card title={t('handover.title')}>
              <p>{t('handover.description')}</p>
              {handovers.isError && <ErrorMessage error={handovers.error} />}
              {handovers.data?.items.map((h) => (
                <HandoverCard key={h.id} clientId={id} handover={h} from={items.find((r) => r.organization.name === h.fromOrganization && !r.endedAt) ?? items.find((r) => r.organization.name === h.fromOrganization)} />
              ))}
              {own && !openHandover && (
                <details className="relationships-details">
                  <summary>{t('handover.start')}</summary>
                  <StartHandoverForm clientId={id} />
                </details>
              )}
            </Card>
            {own && (
              <Card title={t('ending.title')}>
                {openHandover ? (
                  <p>{t('ending.handoverOpen')}</p>
                ) : (
                  <details className="relationships-details">
                    <summary>{t('ending.open', { org: own.organization.name })}</summary>
                    <EndingForm clientId={id} relationship={own} network={network} onEnded={() => setEnded(true)} />
                  </details>
                )}
              </Card>
            )}
            <div id="lahetteet"><ClientReferralsCard clientId={id} /></div>
          </div>
          {endedRows.length > 0 && <EndedTable rows={endedRows} />}
        </div>
      )}
    </>
  );
}

const workerLine = (w: Worker) => [w.name, w.title, w.phone, w.email].filter(Boolean).join(', ');

function RelationshipCard({ relationship: r, clientId, editable }: { relationship: Relationship; clientId: string; editable: boolean }) {
  const { t, i18n } = useTranslation('relationships');
  return (
    <Card title={`${r.organization.name}${r.unitName ? `, ${r.unitName}` : ''}`} className="relationship-card">
      <dl className="facts">
        <dt>{t('level')}</dt>
        <dd>{t(`levels.${r.level}`)}</dd>
        <dt>{t('responsible')}</dt>
        <dd>{r.responsible ? workerLine(r.responsible) : '–'}</dd>
        <dt>{t('backup')}</dt>
        <dd>{r.backup ? workerLine(r.backup) : t('noBackup')}</dd>
        <dt>{t('coordination')}</dt>
        <dd>
          {r.holdsCoordination ? <strong>{t('coordinates')}</strong> : '–'}
          {r.coordinationNote && <div>{r.coordinationNote}</div>}
          {r.coordinationUntil && (
            <div>
              {t('coordinationUntil')}: {formatDate(r.coordinationUntil, i18n.language)}
            </div>
          )}
        </dd>
        <dt>{t('started')}</dt>
        <dd>{formatDate(r.startedAt, i18n.language)}</dd>
      </dl>
      {editable && (
        <details className="relationships-details">
          <summary>{t('edit', { org: r.organization.name })}</summary>
          <RelationshipForm clientId={clientId} relationship={r} />
        </details>
      )}
    </Card>
  );
}

function EndedTable({ rows }: { rows: Relationship[] }) {
  const { t, i18n } = useTranslation('relationships');
  return (
    <Table<Relationship>
      caption={t('ended')}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { key: 'org', header: t('organization'), isRowHeader: true, render: (r) => r.organization.name },
        { key: 'level', header: t('level'), render: (r) => t(`levels.${r.level}`) },
        { key: 'worker', header: t('responsible'), render: (r) => r.responsible?.name ?? '–' },
        { key: 'start', header: t('started'), render: (r) => formatDate(r.startedAt, i18n.language) },
        { key: 'end', header: t('endedAt'), render: (r) => (r.endedAt ? formatDate(r.endedAt, i18n.language) : '–') },
      ]}
    />
  );
}
