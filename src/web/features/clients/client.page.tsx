import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.js';
import { ErrorMessage, LoadingState, PageHeader } from '../../ui/index.js';
import { EmergencyAccessForm } from '../supervision/index.js';
import { AssessmentTab } from './assessment.tab.js';
import { useClient } from './clients.api.js';
import { ConcernTab } from './concern.tab.js';
import { formatDate } from './format.js';
import { OverviewTab } from './overview.tab.js';
import { RecommendationsTab } from './recommendations.tab.js';
import { SelfAssessmentTab } from './self-assessment.tab.js';

const TABS = [
  { path: '', key: 'overview' },
  { path: 'huoli', key: 'concern' },
  { path: 'itsearvio', key: 'selfAssessment' },
  { path: 'arvio', key: 'assessment' },
  { path: 'palvelut', key: 'recommendations' },
] as const;

/** The shared work around the client, each on its own page. */
const LINKS = [
  { key: 'plan', to: (id: string) => `/asiakkaat/${id}/suunnitelma` },
  { key: 'path', to: (id: string) => `/asiakkaat/${id}/polku` },
  { key: 'relationships', to: (id: string) => `/asiakkaat/${id}/asiakkuudet` },
  { key: 'referrals', to: (id: string) => `/asiakkaat/${id}/asiakkuudet#lahetteet` },
  { key: 'consents', to: (id: string) => `/lahetteet/asiakas/${id}/suostumukset` },
] as const;

/** One client's page. Sub-pages are links (each has its own address), marked with aria-current. */
export function ClientPage() {
  const { t } = useTranslation('clients');
  const { id = '' } = useParams();
  const client = useClient(id);
  if (client.isPending) return <LoadingState fullPage />;
  if (client.isError)
    return (
      <>
        <ErrorMessage error={client.error} onRetry={() => void client.refetch()} />
        {/* Refused like a missing record: the one door left is emergency access with a reason. */}
        {isApiError(client.error, 404) && <EmergencyAccessForm clientId={id} />}
      </>
    );
  const c = client.data;
  const subtitle = [formatDate(c.birthDate), `${c.age} v`, c.municipalityName, c.segment ? t(`segments.${c.segment}`) : null].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader title={`${c.firstName} ${c.lastName}`} description={subtitle} actions={<Link to="..">{t('actions.back')}</Link>} />
      <nav aria-label={t('links.label')} className="client-links">
        <ul>
          {LINKS.map((l) => (
            <li key={l.key}>
              <Link to={l.to(id)}>{t(`links.${l.key}`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('tabs.label')} className="client-tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.key}>
              <NavLink end to={tab.path === '' ? `/asiakkaat/${id}` : `/asiakkaat/${id}/${tab.path}`} className="client-tabs__link">
                {t(`tabs.${tab.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<OverviewTab client={c} />} />
        <Route path="huoli" element={<ConcernTab client={c} />} />
        <Route path="itsearvio" element={<SelfAssessmentTab clientId={c.id} />} />
        <Route path="arvio" element={<AssessmentTab clientId={c.id} />} />
        <Route path="palvelut" element={<RecommendationsTab clientId={c.id} />} />
      </Routes>
    </>
  );
}
