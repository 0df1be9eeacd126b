import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanActionLink } from '../../../contracts/plans.contracts.js';

const day = (iso: string, lang: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'sv' ? 'sv-FI' : lang === 'en' ? 'en-GB' : 'fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric' });

/**
 * What is linked to one plan action from elsewhere: agreed tasks, network meeting decisions,
 * school-absence steps and referrals. Each row names its kind in words (not by colour alone).
 */
export function PlanActionLinks({ links, n }: { links: PlanActionLink[] | undefined; n: number }) {
  const { t, i18n } = useTranslation('plans');
  if (!links || links.length === 0) return null;
  const headingId = `plan-action-links-${n}`;
  const title = (l: PlanActionLink) => (l.kind === 'absence-step' ? t(`school:action.${l.title}`, { defaultValue: l.title }) : l.title);
  const status = (l: PlanActionLink) =>
    l.kind === 'referral' ? t(`referrals:status.${l.status}`, { defaultValue: l.status }) : t(`links.status.${l.status}`, { defaultValue: l.status });
  const target = (l: PlanActionLink) => (l.kind === 'referral' ? `/lahetteet/${l.id}` : l.kind === 'meeting-decision' && l.meetingId ? `/verkostopalaverit/${l.meetingId}` : null);
  return (
    <div className="plan-action__links">
      <p id={headingId} className="plan-action__links-title">{t('links.title', { n })}</p>
      <ul aria-labelledby={headingId}>
        {links.map((l) => {
          const to = target(l);
          return (
            <li key={`${l.kind}-${l.id}`}>
              <span className="plan-action__link-kind">{t(`links.kind.${l.kind}`)}:</span>{' '}
              {to ? <Link to={to}>{title(l)}</Link> : title(l)}
              {' · '}{status(l)}
              {l.date && <> · {t(`links.date.${l.kind}`, { date: day(l.date, i18n.language) })}</>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
