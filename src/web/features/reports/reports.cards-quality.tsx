import { useTranslation } from 'react-i18next';
import type { FeedbackReport, InterfacesReport, ServiceGapsReport } from '../../../contracts/reports.contracts.js';
import { Table } from '../../ui/index.js';
import { Chart, PALETTE } from './chart.js';
import { ChartAndTable, ReportCard } from './report-card.js';
import type { Filter } from './reports.api.js';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);

export function InterfacesCard({ filter }: { filter: Filter }) {
  const { t } = useTranslation('reports');
  const name = (s: string) => t(`sectors.${s}`, s);
  return (
    <ReportCard<InterfacesReport> name="interfaces" title={t('interfaces.title')} filter={filter}>
      {(r) => {
        if (r.cells.length === 0) return <p>{t('none')}</p>;
        const labels = r.sectors.map(name);
        const max = Math.max(1, ...r.cells.map((c) => c.handoffs + c.referrals));
        const option = {
          tooltip: { formatter: (p: { data: [number, number, number, number | null] }) => `${labels[p.data[1]]} → ${labels[p.data[0]]}: ${p.data[2]}${p.data[3] === null ? '' : ` · ${t('interfaces.rate')} ${pct(p.data[3])}`}` },
          grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
          xAxis: { type: 'category', data: labels, name: t('interfaces.to'), nameLocation: 'middle', nameGap: 48, axisLabel: { rotate: 30, interval: 0 } },
          yAxis: { type: 'category', data: labels, name: t('interfaces.from'), inverse: true },
          visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#eef5f5', PALETTE[0]] } },
          series: [{
            type: 'heatmap',
            data: r.cells.map((c) => [r.sectors.indexOf(c.to), r.sectors.indexOf(c.from), c.handoffs + c.referrals, c.failureRate]),
            label: { show: true, formatter: (p: { data: [number, number, number, number | null] }) => (p.data[3] ? `${p.data[2]}\n${pct(p.data[3])}` : String(p.data[2])) },
          }],
        };
        return (
          <ChartAndTable
            chart={<Chart label={t('interfaces.title')} option={option} height={380} />}
            table={<Table caption={t('interfaces.title')} rowKey={(c) => `${c.from}-${c.to}`} rows={r.cells} columns={[
              { key: 'f', header: t('interfaces.from'), isRowHeader: true, render: (c) => name(c.from) },
              { key: 't', header: t('interfaces.to'), render: (c) => name(c.to) },
              { key: 'h', header: t('interfaces.handoffs'), align: 'end', render: (c) => c.handoffs },
              { key: 'r', header: t('interfaces.referrals'), align: 'end', render: (c) => c.referrals },
              { key: 'x', header: t('interfaces.failed'), align: 'end', render: (c) => c.failed },
              { key: 'p', header: t('interfaces.rate'), align: 'end', render: (c) => pct(c.failureRate) },
            ]} />}
          />
        );
      }}
    </ReportCard>
  );
}

export function ServiceGapsCard({ filter }: { filter: Filter }) {
  const { t } = useTranslation('reports');
  return (
    <ReportCard<ServiceGapsReport> name="service-gaps" title={t('gaps.title')} filter={filter}>
      {(r) => {
        const low = r.areas.filter((a) => a.lowClients > 0);
        const byArea = [...new Set(low.map((a) => a.label))];
        const sum = (label: string, f: (a: (typeof low)[number]) => number) => low.filter((a) => a.label === label).reduce((s, a) => s + f(a), 0);
        const missingNeeds = r.needs.filter((n) => n.services === 0);
        return (
          <>
            <p>{t('gaps.intro')}</p>
            {low.length === 0 ? <p>{t('none')}</p> : (
              <ChartAndTable
                chart={<Chart label={t('gaps.title')} option={{
                  tooltip: { trigger: 'axis' }, legend: { top: 0 },
                  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
                  xAxis: { type: 'value' }, yAxis: { type: 'category', data: byArea },
                  series: [
                    { type: 'bar', name: t('gaps.low'), data: byArea.map((l) => sum(l, (a) => a.lowClients)) },
                    { type: 'bar', name: t('gaps.services'), data: byArea.map((l) => sum(l, (a) => a.services)) },
                  ],
                }} />}
                table={<Table caption={t('gaps.title')} rowKey={(a) => `${a.municipalityCode}-${a.areaKey}`} rows={low} columns={[
                  { key: 'm', header: t('gaps.municipality'), isRowHeader: true, render: (a) => a.municipality },
                  { key: 'a', header: t('gaps.area'), render: (a) => a.label },
                  { key: 'l', header: t('gaps.low'), align: 'end', render: (a) => a.lowClients },
                  { key: 's', header: t('gaps.services'), align: 'end', render: (a) => a.services },
                  { key: 'g', header: t('gaps.gap'), render: (a) => (a.gap ? <strong>{t('caseloads.yes')}</strong> : t('caseloads.no')) },
                ]} />}
              />
            )}
            <h3>{t('gaps.needs')}</h3>
            <p>{missingNeeds.length === 0 ? '–' : missingNeeds.map((n) => n.label).join(', ')}</p>
            <p>{t('gaps.unused', { count: r.unusedServices.count })}</p>
          </>
        );
      }}
    </ReportCard>
  );
}

export function FeedbackCard({ filter }: { filter: Filter }) {
  const { t } = useTranslation('reports');
  return (
    <ReportCard<FeedbackReport> name="feedback" title={t('feedback.title')} filter={filter}>
      {(r) => {
        const groups = r.parts[0]?.groups.map((g) => g.title) ?? [];
        const rows = r.parts.flatMap((p) => p.groups.map((g) => ({ key: `${p.questionnaireId}-${g.groupId}`, part: p.title, ...g })));
        return (
          <>
            <p>{t('feedback.note', { min: r.minGroupSize })}</p>
            <ChartAndTable
              chart={<Chart label={t('feedback.title')} option={{
                tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
                grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: r.parts.map((p) => p.title), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
                yAxis: { type: 'value', min: 0, max: 5 },
                series: groups.map((g, i) => ({ type: 'bar', name: g, data: r.parts.map((p) => p.groups[i]?.mean ?? null) })),
              }} height={360} />}
              table={<Table caption={t('feedback.title')} rowKey={(x) => x.key} rows={rows} columns={[
                { key: 'p', header: t('feedback.part'), isRowHeader: true, render: (x) => x.part },
                { key: 'g', header: t('feedback.group'), render: (x) => x.title },
                { key: 'm', header: t('feedback.mean'), align: 'end', render: (x) => (x.suppressed ? t('feedback.hidden', { min: r.minGroupSize }) : (x.mean ?? '–')) },
                { key: 'n', header: t('feedback.n'), align: 'end', render: (x) => x.n ?? '–' },
              ]} />}
            />
          </>
        );
      }}
    </ReportCard>
  );
}
