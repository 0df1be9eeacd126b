import { useTranslation } from 'react-i18next';
import type { CaseloadsReport, ReferralsReport, SegmentsReport } from '../../../contracts/reports.contracts.js';
import { Table } from '../../ui/index.js';
import { Chart } from './chart.js';
import { ChartAndTable, ReportCard } from './report-card.js';
import type { Filter } from './reports.api.js';

const bars = (names: string[], series: { name: string; data: (number | null)[] }[], extra: object = {}) => ({
  tooltip: { trigger: 'axis' },
  legend: series.length > 1 ? { top: 0 } : undefined,
  grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
  xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
  yAxis: { type: 'value' },
  series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, ...extra })),
});

export function SegmentsCard({ filter }: { filter: Filter }) {
  const { t } = useTranslation('reports');
  return (
    <ReportCard<SegmentsReport> name="segments" title={t('segments.title')} filter={filter}>
      {(r) => (
        <>
          <p>{t('segments.total', { count: r.total })}</p>
          <ChartAndTable
            chart={<Chart label={t('segments.title')} option={bars(r.distribution.map((d) => d.label), [{ name: t('clients'), data: r.distribution.map((d) => d.clients) }], { colorBy: 'data' })} />}
            table={<Table caption={t('segments.title')} rowKey={(d) => d.segment} rows={r.distribution} columns={[
              { key: 's', header: t('segments.segment'), isRowHeader: true, render: (d) => d.label },
              { key: 'n', header: t('clients'), align: 'end', render: (d) => d.clients },
            ]} />}
          />
          {r.movements.length > 0 && (
            <Table caption={t('segments.movements')} rowKey={(m) => `${m.from}-${m.to}`} rows={r.movements} columns={[
              { key: 'f', header: t('segments.from'), isRowHeader: true, render: (m) => r.distribution.find((d) => d.segment === m.from)?.label ?? m.from },
              { key: 't', header: t('segments.to'), render: (m) => r.distribution.find((d) => d.segment === m.to)?.label ?? m.to },
              { key: 'n', header: t('clients'), align: 'end', render: (m) => m.clients },
            ]} />
          )}
        </>
      )}
    </ReportCard>
  );
}

export function CaseloadsCard({ filter }: { filter: Filter }) {
  const { t } = useTranslation('reports');
  return (
    <ReportCard<CaseloadsReport> name="caseloads" title={t('caseloads.title')} filter={filter}>
      {(r) => (
        <>
          <ChartAndTable
            chart={<Chart label={t('caseloads.title')} option={{
              ...bars(r.workers.map((w) => w.name), [{ name: t('clients'), data: r.workers.map((w) => w.clients) }]),
              yAxis: { type: 'value', max: (v: { max: number }) => Math.max(45, v.max + 5) },
              series: [{
                type: 'bar', name: t('clients'), data: r.workers.map((w) => ({ value: w.clients, itemStyle: w.overLimit ? { color: '#a4262c' } : undefined })),
                markLine: { symbol: 'none', lineStyle: { color: '#a4262c', type: 'dashed', width: 2 }, label: { formatter: t('caseloads.limit') }, data: [{ yAxis: r.limit }] },
              }],
            }} />}
            table={<Table caption={t('caseloads.title')} rowKey={(w) => w.userId} rows={r.workers} columns={[
              { key: 'w', header: t('caseloads.worker'), isRowHeader: true, render: (w) => w.name },
              { key: 'u', header: t('caseloads.unit'), render: (w) => w.unitName ?? '–' },
              { key: 'n', header: t('clients'), align: 'end', render: (w) => w.clients },
              { key: 'i', header: t('caseloads.intensive'), align: 'end', render: (w) => w.intensive },
              { key: 'o', header: t('caseloads.over'), render: (w) => (w.overLimit ? <strong>{t('caseloads.yes')}</strong> : t('caseloads.no')) },
            ]} />}
          />
          <Table caption={t('caseloads.durations')} rowKey={(d) => d.level} rows={r.durations} columns={[
            { key: 'l', header: t('caseloads.level'), isRowHeader: true, render: (d) => d.label },
            { key: 'e', header: t('caseloads.ended'), align: 'end', render: (d) => d.ended },
            { key: 'me', header: t('caseloads.medianEnded'), align: 'end', render: (d) => d.medianDaysEnded ?? '–' },
            { key: 'o', header: t('caseloads.open'), align: 'end', render: (d) => d.open },
            { key: 'mo', header: t('caseloads.medianOpen'), align: 'end', render: (d) => d.medianDaysOpen ?? '–' },
          ]} />
          <Table caption={t('caseloads.lost', { days: r.lostContactDays })} rowKey={(l) => l.unitName} rows={r.lostContact} columns={[
            { key: 'u', header: t('caseloads.unit'), isRowHeader: true, render: (l) => l.unitName },
            { key: 'n', header: t('clients'), align: 'end', render: (l) => l.clients },
          ]} />
        </>
      )}
    </ReportCard>
  );
}

export function ReferralsCard({ filter }: { filter: Filter }) {
  const { t } = useTranslation('reports');
  const pair = (l: { fromSector: string; toSector: string }) => `${t(`sectors.${l.fromSector}`, l.fromSector)} → ${t(`sectors.${l.toSector}`, l.toSector)}`;
  return (
    <ReportCard<ReferralsReport> name="referrals" title={t('referrals.title')} filter={filter}>
      {(r) => (
        <>
          <ul className="report-figures">
            <li><strong>{r.stuck.notReceived}</strong> {t('referrals.notReceived', { days: r.stuck.notReceivedDays })}</li>
            <li><strong>{r.stuck.notAccepted}</strong> {t('referrals.notAccepted', { days: r.stuck.notAcceptedDays })}</li>
          </ul>
          <p className="report-note">{t('referrals.ownLimitsNote')}</p>
          {r.stuck.byReceiver.some((s) => s.ownLimits) && (
            <Table caption={t('breaks.byReceiver')} rowKey={(s) => `${s.organizationId ?? ''}-${s.organization}`} rows={r.stuck.byReceiver} columns={[
              { key: 'o', header: t('breaks.receiver'), isRowHeader: true, render: (s) => s.organization },
              { key: 'nr', header: t('breaks.notReceived'), align: 'end', render: (s) => s.notReceived },
              { key: 'na', header: t('breaks.notAccepted'), align: 'end', render: (s) => s.notAccepted },
              { key: 'l', header: t('breaks.limits'), render: (s) => `${t('breaks.limitDays', { received: s.notReceivedDays, accepted: s.notAcceptedDays })} · ${s.ownLimits ? t('breaks.ownLimits') : t('breaks.defaultLimits')}` },
            ]} />
          )}
          {r.loop.length === 0 ? <p>{t('none')}</p> : (
            <ChartAndTable
              chart={<Chart label={t('referrals.median')} option={bars(r.loop.map(pair), [
                { name: t('referrals.receive'), data: r.loop.map((l) => l.medianDaysToReceive) },
                { name: t('referrals.accept'), data: r.loop.map((l) => l.medianDaysToAccept) },
                { name: t('referrals.complete'), data: r.loop.map((l) => l.medianDaysToComplete) },
              ])} />}
              table={<Table caption={t('referrals.title')} rowKey={(l) => `${l.fromSector}-${l.toSector}`} rows={r.loop} columns={[
                { key: 'p', header: t('referrals.pair'), isRowHeader: true, render: pair },
                { key: 'n', header: t('referrals.count'), align: 'end', render: (l) => l.referrals },
                { key: 'r', header: t('referrals.receive'), align: 'end', render: (l) => l.medianDaysToReceive ?? '–' },
                { key: 'a', header: t('referrals.accept'), align: 'end', render: (l) => l.medianDaysToAccept ?? '–' },
                { key: 'c', header: t('referrals.complete'), align: 'end', render: (l) => l.medianDaysToComplete ?? '–' },
                { key: 'x', header: t('referrals.rejected'), align: 'end', render: (l) => l.rejected },
                { key: 'f', header: t('referrals.failed'), align: 'end', render: (l) => l.failed },
              ]} />}
            />
          )}
          {r.rejectionReasons.length > 0 && (
            <Table caption={t('referrals.reasons')} rowKey={(x) => x.reason} rows={r.rejectionReasons} columns={[
              { key: 'r', header: t('referrals.reason'), isRowHeader: true, render: (x) => x.reason },
              { key: 'n', header: t('referrals.count'), align: 'end', render: (x) => x.count },
            ]} />
          )}
        </>
      )}
    </ReportCard>
  );
}
