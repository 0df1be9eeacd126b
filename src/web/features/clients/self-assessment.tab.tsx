import { useTranslation } from 'react-i18next';
import type { SelfAssessmentHistory } from '../../../contracts/clients.contracts.js';
import { Card, ErrorMessage, LoadingState } from '../../ui/index.js';
import { useSelfAssessments } from './clients.api.js';
import { formatDate } from './format.js';
import { SelfAssessmentForm } from './self-assessment-form.js';

const W = 560;
const H = 200;
const PAD = 32;

/** The mean of the answered areas over time; the table below carries every value for screen readers. */
function HistoryChart({ history }: { history: SelfAssessmentHistory }) {
  const { t } = useTranslation('clients');
  const points = history.items.map((item) => {
    const values = Object.values(item.answers);
    return { at: item.at, mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length) };
  });
  if (points.length === 0) return null;
  const x = (i: number) => PAD + (points.length === 1 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => H - PAD - ((v - 1) / 4) * (H - 2 * PAD);
  const summary = points.map((p) => `${formatDate(p.at)}: ${p.mean.toFixed(1)}`).join(', ');
  return (
    <figure className="history-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('self.chartTitle')}: ${summary}`}>
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={PAD} x2={W - PAD} y1={y(v)} y2={y(v)} className="history-chart__grid" />
            <text x={PAD - 8} y={y(v) + 4} textAnchor="end" className="history-chart__label">{v}</text>
          </g>
        ))}
        <polyline points={points.map((p, i) => `${x(i)},${y(p.mean)}`).join(' ')} className="history-chart__line" />
        {points.map((p, i) => (
          <g key={p.at}>
            <circle cx={x(i)} cy={y(p.mean)} r={5} className="history-chart__dot" />
            <text x={x(i)} y={H - 8} textAnchor="middle" className="history-chart__label">{formatDate(p.at)}</text>
          </g>
        ))}
      </svg>
      <figcaption>{t('self.chartTitle')}</figcaption>
    </figure>
  );
}

function ChangeText({ delta, to }: { delta: number | null; to: number | null }) {
  const { t } = useTranslation('clients');
  if (to === null) return <>–</>;
  if (delta === null) return <>{t('self.change.new')}</>;
  if (delta > 0) return <><span aria-hidden="true">▲ </span>{t('self.change.up', { n: delta })}</>;
  if (delta < 0) return <><span aria-hidden="true">▼ </span>{t('self.change.down', { n: -delta })}</>;
  return <>{t('self.change.same')}</>;
}

function HistoryTable({ history }: { history: SelfAssessmentHistory }) {
  const { t } = useTranslation('clients');
  return (
    <div className="table-scroll" role="region" aria-label={t('self.tableCaption')} tabIndex={0}>
      <table className="table">
        <caption className="table__caption">{t('self.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.name')}</th>
            {history.items.map((i) => <th key={i.id} scope="col">{formatDate(i.at)}</th>)}
            <th scope="col">{t('self.history')}</th>
          </tr>
        </thead>
        <tbody>
          {history.change.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.label}</th>
              {history.items.map((i) => <td key={i.id}>{i.answers[c.key] ?? '–'}</td>)}
              <td className={c.delta && c.delta < 0 ? 'change change--down' : c.delta && c.delta > 0 ? 'change change--up' : 'change'}><ChangeText delta={c.delta} to={c.to} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SelfAssessmentTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation('clients');
  const history = useSelfAssessments(clientId);
  return (
    <div className="tab-grid">
      <Card title={t('self.history')}>
        {history.isPending && <LoadingState />}
        {history.isError && <ErrorMessage error={history.error} />}
        {history.data && history.data.items.length === 0 && <p>{t('self.none')}</p>}
        {history.data && history.data.items.length > 0 && (
          <>
            <HistoryChart history={history.data} />
            <HistoryTable history={history.data} />
            {history.data.items.at(-1)?.ownWords && <blockquote className="own-words">“{history.data.items.at(-1)!.ownWords}”</blockquote>}
          </>
        )}
      </Card>
      <Card title={t('self.title')}>
        <SelfAssessmentForm clientId={clientId} filledBy="client-with-worker" />
      </Card>
    </div>
  );
}
