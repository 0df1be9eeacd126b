import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, ErrorMessage, LoadingState } from '../../ui/index.js';
import { csvHref, useReport, type Filter } from './reports.api.js';

/** One report: the chart for the eye and the same numbers as a table for everyone, with its CSV. */
export function ReportCard<T>({ name, title, filter, children }: { name: string; title: string; filter: Filter; children: (data: T) => ReactNode }) {
  const { t, i18n } = useTranslation('reports');
  const q = useReport<T>(name, filter, i18n.language);
  return (
    <div className="report-card" id={`raportti-${name}`}>
      <Card
        title={title}
        actions={<a className="button button--secondary button--small" href={csvHref(name, filter)} download>{t('csv')}<span className="visually-hidden"> – {title}</span></a>}
      >
        {q.isPending ? <LoadingState /> : q.isError ? <ErrorMessage error={q.error} onRetry={() => void q.refetch()} /> : children(q.data)}
      </Card>
    </div>
  );
}

/** Chart and table side by side on wide screens, one under the other on narrow ones. */
export const ChartAndTable = ({ chart, table }: { chart: ReactNode; table: ReactNode }) => (
  <div className="report-split">
    <div className="report-split__chart">{chart}</div>
    <div className="report-split__table">{table}</div>
  </div>
);
