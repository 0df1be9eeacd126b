import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router-dom';
import { PageHeader } from '../../ui/index.js';
import { ServiceDetailView } from './service-detail.js';
import { ServiceEditForm } from './service-edit-form.js';
import { ServiceSearch } from './service-search.js';

/** Professional catalogue browser (palvelutarjotin): search with filters and facets, service pages, own services' editing. */
export default function CatalogPage() {
  return (
    <Routes>
      <Route index element={<CatalogSearchPage />} />
      <Route path=":id" element={<CatalogServicePage />} />
    </Routes>
  );
}

function CatalogSearchPage() {
  const { t } = useTranslation('catalog');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ServiceSearch detailHref={(id) => `/palvelutarjotin/${id}`} />
    </>
  );
}

function CatalogServicePage() {
  const { id = '' } = useParams();
  return <ServiceDetailView id={id} backHref="/palvelutarjotin" editor={(s) => <ServiceEditForm key={s.version} service={s} />} />;
}
