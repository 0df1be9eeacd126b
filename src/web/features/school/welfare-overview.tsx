import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OverviewPupil } from '../../../contracts/absence.contracts.js';
import { Card, EmptyState, ErrorMessage, Field, LoadingState, PageHeader, Table } from '../../ui/index.js';
import { CsvImport } from './csv-import.js';
import { LevelBadge } from './level-badge.js';
import { formatDate, useMySchools, useOverview } from './school.api.js';

const LEVELS = ['over70', 'over50', 'over30', 'concern', 'none'] as const;

export function WelfareOverviewPage() {
  const { t, i18n } = useTranslation('school');
  const schools = useMySchools();
  const [chosen, setChosen] = useState<string>();
  const unitId = chosen ?? schools.data?.items[0]?.unitId;
  const overview = useOverview(unitId);

  if (schools.isPending) return <LoadingState />;
  if (schools.error) return <ErrorMessage error={schools.error} />;
  if (schools.data.items.length === 0) return (<><PageHeader title={t('title')} description={t('description')} /><EmptyState title={t('noSchools')} /></>);

  const o = overview.data;
  const columns = [
    { key: 'name', header: t('overview.pupil'), isRowHeader: true, render: (p: OverviewPupil) => <Link to={`oppilas/${p.clientId}`} aria-label={t('overview.open', { name: p.name })}>{p.name}</Link> },
    { key: 'class', header: t('overview.className'), render: (p: OverviewPupil) => p.className ?? '' },
    { key: 'level', header: t('overview.level'), render: (p: OverviewPupil) => <LevelBadge level={p.level} /> },
    { key: 'hours', header: t('overview.hours'), align: 'end' as const, render: (p: OverviewPupil) => p.hours.toLocaleString(i18n.language) },
    {
      key: 'missing', header: t('overview.missing'),
      render: (p: OverviewPupil) => p.missingActions.length === 0 ? t('overview.nothingMissing') : (
        <ul className="plain-list">{p.missingActions.map((c) => <li key={c}>{t(`action.${c}`)}</li>)}</ul>
      ),
    },
    { key: 'follow', header: t('overview.nextFollowUp'), render: (p: OverviewPupil) => p.nextFollowUp ? `${formatDate(p.nextFollowUp.date, i18n.language)}${p.nextFollowUp.responsiblePerson ? `, ${p.nextFollowUp.responsiblePerson}` : ''}` : '–' },
  ];

  return (
    <>
      <PageHeader title={o ? t('overview.title', { school: o.schoolName }) : t('title')} description={t('description')} />
      {schools.data.items.length > 1 && (
        <Field label={t('chooseSchool')}>
          {(c) => (
            <select className="input" {...c} value={unitId} onChange={(e) => setChosen(e.target.value)}>
              {schools.data.items.map((s) => <option key={s.unitId} value={s.unitId}>{s.name}</option>)}
            </select>
          )}
        </Field>
      )}
      {overview.error && <ErrorMessage error={overview.error} />}
      {!o ? <LoadingState /> : (
        <>
          <Card title={t('overview.byLevel')}>
            <p>{t('overview.schoolYear', { year: o.schoolYear.replace('-', '–') })}. {t('overview.limits', { l1: o.thresholds.level1Hours, l2: o.thresholds.level2Hours, l3: o.thresholds.level3Hours })}</p>
            <ul className="level-counts">
              {LEVELS.map((l) => <li key={l}><LevelBadge level={l} /> <span>{o.counts[l]}</span></li>)}
            </ul>
          </Card>
          <Card title={t('overview.pupils')}>
            {o.pupils.length === 0 ? <EmptyState title={t('overview.noPupils')} /> : (
              <Table caption={t('overview.pupils')} hideCaption columns={columns} rows={o.pupils} rowKey={(p) => p.clientId} />
            )}
          </Card>
          <div className="school-grid">
            <Card title={t('overview.followUps')}>
              {o.upcomingFollowUps.length === 0 ? <p>{t('overview.noFollowUps')}</p> : (
                <ul>
                  {o.upcomingFollowUps.map((f) => (
                    <li key={`${f.clientId}-${f.date}-${f.code}`}>
                      <strong>{formatDate(f.date, i18n.language)}</strong> <Link to={`oppilas/${f.clientId}`}>{f.name}</Link>: {t(`action.${f.code}`)}{f.responsiblePerson ? ` (${f.responsiblePerson})` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t('overview.group')}>
              <ul>{o.welfareGroup.map((g) => <li key={g.name}>{g.name}{g.title ? `, ${g.title}` : ''}</li>)}</ul>
            </Card>
          </div>
          <CsvImport unitId={o.unitId} />
        </>
      )}
    </>
  );
}
