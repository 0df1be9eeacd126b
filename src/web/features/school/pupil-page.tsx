import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { AbsenceStatus } from '../../../contracts/absence.contracts.js';
import { Card, ErrorMessage, LoadingState, PageHeader, Table } from '../../ui/index.js';
import { LevelBadge } from './level-badge.js';
import { NotificationForm } from './notification-form.js';
import { AddAbsenceForm, RecordStepForm, SurveyForm } from './pupil-forms.js';
import { formatDate, usePupilStatus } from './school.api.js';

const KINDS = ['unauthorized', 'sick', 'other'] as const;
const LADDER = [
  { code: 'discuss-with-guardians', level: 'concern' },
  { code: 'school-meeting', level: 'over30' },
  { code: 'multi-agency-meeting', level: 'over50' },
  { code: 'social-welfare-notification', level: 'over70' },
] as const;

export function PupilPage() {
  const { clientId = '' } = useParams();
  const { t, i18n } = useTranslation('school');
  const status = usePupilStatus(clientId);
  if (status.isPending) return <LoadingState />;
  if (status.error) return <ErrorMessage error={status.error} />;
  const s = status.data;
  return (
    <>
      <p><Link to="..">{t('pupil.back')}</Link></p>
      <PageHeader title={s.pupilName} description={`${s.school?.name ?? ''}${s.school?.className ? `, ${s.school.className}` : ''}`} />
      <div className="school-grid">
        <Card title={t('pupil.summary', { hours: s.hours.toLocaleString(i18n.language), year: s.schoolYear.replace('-', '–') })}>
          <p><LevelBadge level={s.level} /> {t(`levelHelp.${s.level}`)}</p>
          <HoursByKind s={s} />
        </Card>
        <Card title={t('pupil.ladder')}><Ladder s={s} /></Card>
      </div>
      <div className="school-grid">
        <AddAbsenceForm clientId={clientId} />
        <RecordStepForm clientId={clientId} next={s.nextStep} />
      </div>
      <Card title={t('pupil.steps')}>
        {s.steps.length === 0 ? <p>–</p> : (
          <ul>
            {s.steps.map((st) => (
              <li key={st.id}>
                <strong>{formatDate(st.doneOn, i18n.language)} {t(`action.${st.code}`)}</strong>
                {st.agreed ? `. ${st.agreed}` : ''}
                {st.followUpDate ? ` ${t('pupil.followUp', { date: formatDate(st.followUpDate, i18n.language), person: st.responsiblePerson ?? '–' })}` : ''}
                {st.planActionId ? ` (${t('pupil.inPlan')})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('pupil.absences')}>
        {s.absences.length === 0 ? <p>{t('pupil.noAbsences')}</p> : (
          <Table
            caption={t('pupil.absences')} hideCaption rows={[...s.absences].reverse()} rowKey={(a) => a.id}
            columns={[
              { key: 'date', header: t('pupil.date'), isRowHeader: true, render: (a) => formatDate(a.date, i18n.language) },
              { key: 'hours', header: t('pupil.hours'), align: 'end', render: (a) => a.hours.toLocaleString(i18n.language) },
              { key: 'kind', header: t('pupil.kind'), render: (a) => t(`kind.${a.kind}`) },
              { key: 'note', header: t('pupil.note'), render: (a) => a.note ?? '' },
            ]}
          />
        )}
      </Card>
      <SurveyForm clientId={clientId} allowed={s.surveySuggested} surveys={s.surveys} />
      <NotificationForm clientId={clientId} />
    </>
  );
}

function HoursByKind({ s }: { s: AbsenceStatus }) {
  const { t, i18n } = useTranslation('school');
  const max = Math.max(s.thresholds.level3Hours, ...KINDS.map((k) => s.hoursByKind[k]));
  return (
    <div className="hours-bars" role="list" aria-label={t('pupil.byKind')}>
      {KINDS.map((k) => (
        <div className="hours-bars__row" role="listitem" key={k}>
          <span>{t(`kind.${k}`)}</span>
          <span className="hours-bars__track" aria-hidden="true"><span className="hours-bars__bar" style={{ display: 'block', width: `${(s.hoursByKind[k] / max) * 100}%` }} /></span>
          <span>{s.hoursByKind[k].toLocaleString(i18n.language)} h</span>
        </div>
      ))}
    </div>
  );
}

/** The model's steps from bottom to top: each says in words whether it is done, required now or later. */
function Ladder({ s }: { s: AbsenceStatus }) {
  const { t } = useTranslation('school');
  return (
    <ol className="ladder">
      {LADDER.map((rung) => {
        const req = s.requiredActions.find((a) => a.code === rung.code);
        const state = !req ? 'later' : req.done ? 'done' : 'required';
        return (
          <li key={rung.code} className={`ladder__step ladder__step--${state}`} aria-current={s.nextStep === rung.code ? 'step' : undefined}>
            <div className="ladder__head">
              <span><LevelBadge level={rung.level} /> {t(`action.${rung.code}`)}</span>
              <span className="ladder__state">
                <span aria-hidden="true">{state === 'done' ? '✔ ' : state === 'required' ? '! ' : '… '}</span>
                {t(`pupil.${state}`)}{s.nextStep === rung.code ? ` · ${t('pupil.next')}` : ''}
              </span>
            </div>
            {req && <p>{req.description}</p>}
            {req && !req.done && req.missing.length > 0 && <p>{t('pupil.missingAgreement')}</p>}
          </li>
        );
      })}
    </ol>
  );
}
