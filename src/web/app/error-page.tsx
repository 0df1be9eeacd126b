import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ErrorMessage, MAIN_CONTENT_ID, PageHeader } from '../ui/index.js';
import { NotFoundPage } from './not-found-page.js';

/** A whole-page error, shown when the frame itself cannot be drawn (e.g. the server is down). */
export function ErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="standalone-page">
      <PageHeader title={t('errors.title')} />
      <ErrorMessage error={error} onRetry={onRetry} />
    </main>
  );
}

/** Router error element: a render error or a page chunk that failed to load (e.g. after a release). */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="standalone-page">
        <NotFoundPage />
      </main>
    );
  }
  return <ErrorPage error={error} onRetry={() => window.location.reload()} />;
}
