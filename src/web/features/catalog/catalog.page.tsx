import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth.js';
import { PageHeader } from '../../ui/index.js';
import { PtvImport } from './ptv-import.js';
import { ServiceDetailView } from './service-detail.js';
import { ServiceForm } from './service-edit-form.js';
import { ServiceHistoryView } from './service-history.js';
import { ServiceSearch } from './service-search.js';

/** Professional catalogue browser (palvelutarjotin): search with filters and facets, service pages, own services' editing. */
export default function CatalogPage() {
  return (
    <Routes>
      <Route index element={<CatalogSearchPage />} />
      <Route path="uusi" element={<CatalogCreatePage />} />
      <Route path="tuonti" element={<CatalogImportPage />} />
      <Route path=":id" element={<CatalogServicePage />} />
    </Routes>
  );
}

const isEditor = (role: string) => role === 'admin' || role === 'manager';

function CatalogSearchPage() {
  const { t } = useTranslation('catalog');
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {isEditor(user.role) && (
        <p className="catalog-actions">
          <Link className="button button--primary" to="/palvelutarjotin/uusi">
            {t('edit.createLink')}
          </Link>
          {user.role === 'admin' && (
            <Link className="button" to="/palvelutarjotin/tuonti">
              {t('import.link')}
            </Link>
          )}
        </p>
      )}
      <ServiceSearch detailHref={(id) => `/palvelutarjotin/${id}`} />
    </>
  );
}

function CatalogCreatePage() {
  const { t } = useTranslation('catalog');
  const user = useCurrentUser();
  return (
    <>
      <p>
        <Link to="/palvelutarjotin">← {t('detail.back')}</Link>
      </p>
      <PageHeader title={t('edit.createTitle')} description={t('edit.createDescription')} />
      {isEditor(user.role) ? <ServiceForm service={null} /> : <p>{t('edit.notAllowed')}</p>}
    </>
  );
}

function CatalogImportPage() {
  const { t } = useTranslation('catalog');
  const user = useCurrentUser();
  return (
    <>
      <p>
        <Link to="/palvelutarjotin">← {t('detail.back')}</Link>
      </p>
      <PageHeader title={t('import.title')} />
      {user.role === 'admin' ? <PtvImport /> : <p>{t('edit.notAllowed')}</p>}
    </>
  );
}

function CatalogServicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('catalog');
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  return (
    <>
      {created && (
        <p role="status" className="catalog-created">
          {t('edit.created')}
        </p>
      )}
      <ServiceDetailView
        id={id}
        backHref="/palvelutarjotin"
        editor={(s) => (
          <>
            <ServiceForm key={s.id} service={s} />
            <ServiceHistoryView id={s.id} />
          </>
        )}
      />
    </>
  );
}
