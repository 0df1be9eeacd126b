import { useTranslation } from 'react-i18next';
import type { CouncilReport } from '../../../contracts/reports.contracts.js';
import { Card, ErrorMessage, LoadingState } from '../../ui/index.js';
import { csvHref, useReport, type Filter } from './reports.api.js';

/** The reports that have a council version (no names, counts 1–4 as "<5"). */
export const COUNCIL_REPORTS = ['segments', 'caseloads', 'referrals', 'path-breaks'] as const;

/** One council report: its tables as the server suppressed them, and the same as CSV. */
export function CouncilReportCard({ name, filter }: { name: (typeof COUNCIL_REPORTS)[number]; filter: Filter }) {
  const { t, i18n } = useTranslation('reports');
  const q = useReport<CouncilReport>(name, filter, i18n.language, { audience: 'council' });
  const title = q.data?.title ?? t(`council.names.${name}`);
  return (
    <div className="report-card" id={`valtuusto-${name}`}>
      <Card
        title={title}
        actions={<a className="button button--secondary button--small" href={csvHref(name, filter, { audience: 'council' })} download>{t('csv')}<span className="visually-hidden"> – {title}</span></a>}
      >
        {q.isPending ? <LoadingState /> : q.isError ? <ErrorMessage error={q.error} onRetry={() => void q.refetch()} /> : (
          <>
            {q.data.tables.map((table) => (
              <div key={table.key} className="table-scroll" role="region" aria-label={table.title} tabIndex={0}>
                <table className="table">
                  <caption className="table__caption">{table.title}</caption>
                  <thead>
                    <tr>
                      {table.columns.map((c) => <th key={c.key} scope="col" className={c.kind === 'label' ? undefined : 'table__cell--end'}>{c.label}</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.length === 0 && (
                      <tr><td colSpan={table.columns.length}>{t('none')}</td></tr>
                    )}
                    {table.rows.map((row, ri) => (
                      <tr key={ri}>
                        {row.map((cell, ci) => ci === 0
                          ? <th key={ci} scope="row">{cell ?? '–'}</th>
                          : <td key={ci} data-kind={table.columns[ci]?.kind} className={table.columns[ci]?.kind === 'label' ? undefined : 'table__cell--end'}><CouncilValue cell={cell} /></td>)}
                      </tr>
                    ))}
                  </tbody>
                  {table.total && (
                    <tfoot>
                      <tr>
                        {table.total.map((cell, ci) => ci === 0
                          ? <th key={ci} scope="row">{cell}</th>
                          : <td key={ci} data-kind={table.columns[ci]?.kind} className={table.columns[ci]?.kind === 'label' ? undefined : 'table__cell--end'}><CouncilValue cell={cell} /></td>)}
                      </tr>
                    </tfoot>
                  )}
                </table>
              </div>
            ))}
          </>
        )}
      </Card>
    </div>
  );
}

/** "<5" and ".." get a spoken explanation; the meaning is in text, not colour. */
function CouncilValue({ cell }: { cell: number | string | null }) {
  const { t } = useTranslation('reports');
  if (cell === '<5') return <abbr title={t('council.small')}>{'<5'}</abbr>;
  if (cell === '..') return <abbr title={t('council.hidden')}>..</abbr>;
  return <>{cell ?? '–'}</>;
}
