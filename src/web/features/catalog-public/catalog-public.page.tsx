import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router-dom';
import { PageHeader } from '../../ui/index.js';
import { ServiceDetailView } from '../catalog/service-detail.js';
import { ServiceSearch } from '../catalog/service-search.js';

/** Public service search (/palvelut): anyone, no login, on a phone as well as a desktop. */
export default function PublicCatalogPage() {
  return (
    <Routes>
      <Route index element={<PublicSearch />} />
      <Route path=":id" element={<PublicService />} />
    </Routes>
  );
}

function PublicSearch() {
  const { t } = useTranslation('catalog-public');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ServiceSearch detailHref={(id) => `/palvelut/${id}`} showSegments={false} />
      <p className="catalog-meta">{t('emergency')}</p>
    </>
  );
}

function PublicService() {
  const { id = '' } = useParams();
  return <ServiceDetailView id={id} backHref="/palvelut" />;
}
