import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, PageHeader } from '../../ui/index.js';
import { useUnits, type Filter } from './reports.api.js';
import { PathBreaksCard } from './reports.cards-breaks.js';
import { CaseloadsCard, ReferralsCard, SegmentsCard } from './reports.cards-flow.js';
import { FeedbackCard, InterfacesCard, ServiceGapsCard } from './reports.cards-quality.js';
import { COUNCIL_REPORTS, CouncilReportCard } from './reports.council.js';
import './reports.css';

const GROUPS = ['children-youth-families', 'working-age', 'older-people'] as const;
const day = (d: Date) => d.toISOString().slice(0, 10);
const initial = (): Filter => ({ from: day(new Date(Date.now() - 365 * 86_400_000)), to: day(new Date()), unitId: '', clientGroup: '' });

/** The manager's dashboard: seven reports (or the council version of four), each a chart, the same numbers as a table, and a CSV download. */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const units = useUnits();
  const [draft, setDraft] = useState<Filter>(initial);
  const [filter, setFilter] = useState<Filter>(draft);
  // Management: the full dashboard. Council: tables without names, small counts hidden (for councils and the public).
  const [audience, setAudience] = useState<'management' | 'council'>('management');
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  const set = (k: keyof Filter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <div className="reports-page">
      <PageHeader title={t('title')} description={t('description')} />
      <form className="report-filters" onSubmit={apply}>
        <fieldset>
          <legend>{t('filters.legend')}</legend>
          <label>{t('filters.from')}<input className="input" type="date" value={draft.from} onChange={set('from')} required /></label>
          <label>{t('filters.to')}<input className="input" type="date" value={draft.to} onChange={set('to')} required /></label>
          <label>{t('filters.unit')}
            <select className="input" value={draft.unitId} onChange={set('unitId')}>
              <option value="">{t('filters.allUnits')}</option>
              {units.data?.items.map((u) => <option key={u.id} value={u.id}>{u.organization}: {u.name}</option>)}
            </select>
          </label>
          <label>{t('filters.group')}
            <select className="input" value={draft.clientGroup} onChange={set('clientGroup')}>
              <option value="">{t('filters.allGroups')}</option>
              {GROUPS.map((g) => <option key={g} value={g}>{t(`groups.${g}`)}</option>)}
            </select>
          </label>
          <Button type="submit" variant="primary">{t('filters.apply')}</Button>
        </fieldset>
      </form>
      <fieldset className="report-audience">
        <legend>{t('audience.legend')}</legend>
        {(['management', 'council'] as const).map((a) => (
          <label key={a}>
            <input type="radio" name="audience" value={a} checked={audience === a} onChange={() => setAudience(a)} />
            <span>{t(`audience.${a}`)}</span>
          </label>
        ))}
        <p className="report-audience__hint">{t(`audience.${audience}Hint`)}</p>
      </fieldset>
      {audience === 'management' ? (
        <div className="report-grid">
          <SegmentsCard filter={filter} />
          <CaseloadsCard filter={filter} />
          <ReferralsCard filter={filter} />
          <PathBreaksCard filter={filter} />
          <InterfacesCard filter={filter} />
          <ServiceGapsCard filter={filter} />
          <FeedbackCard filter={filter} />
        </div>
      ) : (
        <div className="report-grid">
          {COUNCIL_REPORTS.map((name) => <CouncilReportCard key={name} name={name} filter={filter} />)}
        </div>
      )}
    </div>
  );
}
