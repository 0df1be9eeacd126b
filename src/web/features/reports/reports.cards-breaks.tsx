import { useTranslation } from 'react-i18next';
import type { PathBreaksReport } from '../../../contracts/reports.contracts.js';
import { Table } from '../../ui/index.js';
import { ReportCard } from './report-card.js';
import type { Filter } from './reports.api.js';

/** Path breaks: referrals stuck past each receiver's own time limits, and clients with whom contact was lost. */
export function PathBreaksCard({ filter }: { filter: Filter }) {
  const { t } = useTranslation('reports');
  return (
    <ReportCard<PathBreaksReport> name="path-breaks" title={t('breaks.title')} filter={filter}>
      {(r) => (
        <>
          <p>{t('breaks.intro')}</p>
          <ul className="report-figures">
            <li><strong>{r.stuck.notReceived}</strong> {t('breaks.notReceived')}</li>
            <li><strong>{r.stuck.notAccepted}</strong> {t('breaks.notAccepted')}</li>
            <li><strong>{r.lostContactTotal}</strong> {t('breaks.lost', { days: r.lostContactDays })}</li>
          </ul>
          {r.stuck.byReceiver.length === 0 ? <p>{t('breaks.noneStuck')}</p> : (
            <Table caption={t('breaks.byReceiver')} rowKey={(s) => `${s.organizationId ?? ''}-${s.organization}`} rows={r.stuck.byReceiver} columns={[
              { key: 'o', header: t('breaks.receiver'), isRowHeader: true, render: (s) => s.organization },
              { key: 'nr', header: t('breaks.notReceived'), align: 'end', render: (s) => s.notReceived },
              { key: 'na', header: t('breaks.notAccepted'), align: 'end', render: (s) => s.notAccepted },
              { key: 'l', header: t('breaks.limits'), render: (s) => `${t('breaks.limitDays', { received: s.notReceivedDays, accepted: s.notAcceptedDays })} · ${s.ownLimits ? t('breaks.ownLimits') : t('breaks.defaultLimits')}` },
            ]} />
          )}
          <Table caption={t('breaks.lost', { days: r.lostContactDays })} rowKey={(l) => l.unitName} rows={r.lostContact} columns={[
            { key: 'u', header: t('caseloads.unit'), isRowHeader: true, render: (l) => l.unitName },
            { key: 'n', header: t('clients'), align: 'end', render: (l) => l.clients },
          ]} />
        </>
      )}
    </ReportCard>
  );
}
